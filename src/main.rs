//! The `cxm` binary: parse arguments, run, print any error once, exit.

use clap::Parser;
use cxm::cli::Cli;
use cxm::exit_codes::ExitCode;

fn main() -> std::process::ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => {
            // clap's own message, help or version, as plain text: an argument it quotes
            // back could hold an escape sequence, so control characters are shown as
            // escapes instead of reaching the terminal.
            let text = err.render().to_string();
            if err.use_stderr() {
                cxm::output::eprint_line(text.trim_end());
            } else {
                let _ = cxm::output::print(&cxm::output::visible(&text));
            }
            return std::process::ExitCode::from(err.exit_code().clamp(0, 255) as u8);
        }
    };
    match cxm::run(cli) {
        Ok(code) => code.into(),
        Err(err) => {
            // `{:#}` prints the cause chain on one line; never a backtrace or `Debug`.
            cxm::output::eprint_line(&format!("error: {err:#}"));
            ExitCode::Error.into()
        }
    }
}
