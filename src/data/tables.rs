//! The tables generated at build time by `build/data.rs` from
//! `rules/data/*.csv`: `static` slices sorted for binary search.

use super::{AreaCode, City, DomainSuffix, Province, Registrar, UsccRegistration};

include!(concat!(env!("OUT_DIR"), "/data_tables.rs"));
