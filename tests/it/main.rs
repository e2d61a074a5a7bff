//! The integration tests, one crate: the library and its dependencies are
//! linked into one test binary instead of one per file. Each module is the
//! file it was under `tests/`; `common` holds what they share.

mod common;

mod across;
mod architecture;
mod book;
mod catalog;
mod checklist;
mod cli;
mod cmd;
mod completions;
mod config;
mod diff;
mod docs;
mod engine;
mod fix;
mod formats;
mod fuzz;
mod hostile;
mod new;
mod precommit;
mod redact;
mod rules;
mod scale;
mod schema;
mod vectors;
mod waivers;
