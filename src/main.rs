//! The `cxm` binary: parse arguments, run, print any error once, exit.

use clap::Parser;
use cxm::cli::Cli;
use cxm::exit_codes::ExitCode;

fn main() -> std::process::ExitCode {
    let cli = Cli::parse();
    match cxm::run(cli) {
        Ok(code) => code.into(),
        Err(err) => {
            // `{:#}` prints the cause chain on one line; never a backtrace or `Debug`.
            cxm::output::eprint_line(&format!("error: {err:#}"));
            ExitCode::Error.into()
        }
    }
}
