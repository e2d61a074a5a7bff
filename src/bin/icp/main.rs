//! The `icp` binary: parse the command line, run the library, map the result
//! to an exit code (0 nothing fails, 1 something fails, 2 the command could
//! not run).

mod cli;
mod commands;
mod usage;
mod wizard;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = match cli::Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => usage::exit(e),
    };
    ExitCode::from(commands::run(cli))
}
