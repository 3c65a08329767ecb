//! One module per subcommand; each turns parsed arguments into work and an exit code.

pub mod list;
pub mod score;
pub mod validate;

use std::io::IsTerminal;

use crate::report::Look;

/// How the table report should look on standard output: colour only on a terminal
/// with `NO_COLOR` unset; plain ASCII at 80 columns in a pipe.
pub fn stdout_look() -> Look {
    if !std::io::stdout().is_terminal() {
        return Look::PLAIN;
    }
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    Look {
        color: !no_color,
        unicode: true,
        width: terminal_width(),
    }
}

/// The terminal's width, kept between 40 and 100 columns so text stays readable.
pub fn terminal_width() -> usize {
    crossterm::terminal::size().map_or(80, |(w, _)| usize::from(w).clamp(40, 100))
}
