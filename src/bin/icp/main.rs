//! The `icp` binary: parse the command line, run the library, map the result
//! to an exit code (0 nothing fails, 1 something fails, 2 the command could
//! not run).

mod cli;
mod commands;
mod wizard;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = cli::Cli::parse();
    ExitCode::from(commands::run(cli))
}
