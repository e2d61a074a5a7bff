//! `icp` prepares and validates China ICP filings (ICP备案) offline.
//!
//! Data flows one way: a filing file is loaded into a model that keeps the span
//! of every value ([`filing`]); facts are derived from it ([`facts`]); the rules
//! of `rules/*.yaml` ([`rules`]) turn facts into findings ([`finding`]); a
//! reporter renders findings ([`report`]). Algorithms that rules call by name
//! (check digits, phone parsing, IDNA) live in [`checks`]; the reference tables
//! they consult live in [`data`]. The loader, facts, rules and checks touch
//! no file: [`discover`] finds the filings a command names and reads them,
//! [`scans`] looks at the files their documents declare (the rules ask it
//! through [`facts::Scans`]), and [`validate`] ties the steps together for
//! files and directories. [`config`] reads a project's
//! `icp.toml`; [`schema`] describes the filing format to editors.
//!
//! Library code never prints: everything a user sees is returned as a value
//! and written by the binary.
#![deny(clippy::print_stdout, clippy::print_stderr)]

pub mod change;
pub mod checklist;
pub mod checks;
pub mod config;
pub mod data;
pub mod discover;
pub mod facts;
pub mod filing;
pub mod finding;
pub mod fix;
#[doc(hidden)]
pub mod fuzz;
pub mod i18n;
pub mod lang;
pub mod redact;
pub mod report;
pub mod rules;
pub mod scans;
pub mod schema;
pub mod suggest;
pub mod validate;
pub mod write;

pub use lang::{Lang, Text};
