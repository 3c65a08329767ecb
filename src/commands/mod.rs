//! One module per subcommand; each turns parsed arguments into work and an exit code.

pub mod aggregate;
pub mod compare;
pub mod init;
pub mod list;
pub mod schema;
pub mod score;
pub mod shell;
pub mod validate;

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use crate::report::{Format, Look};

/// The `-o` files, each with the format its extension names; `-` (standard output,
/// which every command writes anyway) is left out. `unknown` says why a file's format
/// cannot be told, before anything is written.
pub fn output_files(
    paths: &[PathBuf],
    unknown: impl Fn(&Path) -> anyhow::Error,
) -> anyhow::Result<Vec<(PathBuf, Format)>> {
    paths
        .iter()
        .filter(|p| p.as_os_str() != "-")
        .map(|path| match Format::from_path(path) {
            Some(format) => Ok((path.clone(), format)),
            None => Err(unknown(path)),
        })
        .collect()
}

/// Whether `a` and `b` name the same file (through links), when both exist; `-` is
/// standard input, whatever file or pipe that is.
pub fn same_file(a: &Path, b: &str) -> bool {
    let b = if b == "-" {
        Path::new("/dev/stdin")
    } else {
        Path::new(b)
    };
    match (std::fs::metadata(a), std::fs::metadata(b)) {
        #[cfg(unix)]
        (Ok(x), Ok(y)) => {
            use std::os::unix::fs::MetadataExt;
            (x.dev(), x.ino()) == (y.dev(), y.ino())
        }
        #[cfg(not(unix))]
        (Ok(_), Ok(_)) => a.canonicalize().ok() == b.canonicalize().ok(),
        _ => false,
    }
}

/// Checks every `-o` destination before anything is read or written: never one of the
/// `inputs` (file names, `-` for standard input), never anything but a regular file or
/// a new path, never in a missing folder. So a run writes all its files or none.
pub fn check_outputs(outputs: &[&Path], inputs: &[&str]) -> anyhow::Result<()> {
    for path in outputs {
        if let Some(input) = inputs.iter().find(|i| same_file(path, i)) {
            let input = if *input == "-" {
                "read as standard input".to_string()
            } else {
                format!("the input file {}", crate::output::visible(input))
            };
            anyhow::bail!(
                "-o {} is {input}; write the report to another file",
                crate::output::visible(&path.display().to_string()),
            );
        }
        if let Ok(meta) = std::fs::metadata(path)
            && !meta.is_file()
        {
            anyhow::bail!(
                "-o {} is not a regular file; write the report to a new file or a regular one",
                crate::output::visible(&path.display().to_string())
            );
        }
        let dir = crate::output::folder_of(path);
        if let Some(problem) = crate::output::folder_problem(dir) {
            anyhow::bail!(
                "could not write report file {}: {problem}",
                crate::output::visible(&path.display().to_string())
            );
        }
    }
    Ok(())
}

/// Why `path` gets no report: its extension names no format.
pub fn unknown_extension(path: &Path) -> anyhow::Error {
    anyhow::anyhow!(
        "cannot tell the format of output file {}; name it with {}",
        path.display(),
        Format::EXTENSIONS
    )
}

/// `--color`: when reports on standard output use colour.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorChoice {
    /// On a terminal, unless `NO_COLOR` is set or `TERM` is `dumb`.
    #[default]
    Auto,
    /// Always, also into pipes and files (`less -R`, CI logs that show colour).
    Always,
    /// Never.
    Never,
}

/// The `--color` of this run, set once by [`crate::run`] before any output.
static COLOR: std::sync::OnceLock<ColorChoice> = std::sync::OnceLock::new();

/// Records this run's `--color`; the first call wins.
pub fn set_color(choice: ColorChoice) {
    let _ = COLOR.set(choice);
}

/// Whether the environment rules colour out: `NO_COLOR` (any non-empty value) or
/// `TERM=dumb`.
fn environment_forbids_color() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
        || std::env::var_os("TERM").is_some_and(|t| t == "dumb")
}

/// How the table report should look on standard output: on a terminal its width,
/// box drawing and (by `--color`) colour; in a pipe plain ASCII at 80 columns, with
/// colour only for `--color always`.
pub fn stdout_look() -> Look {
    let choice = COLOR.get().copied().unwrap_or_default();
    let terminal = std::io::stdout().is_terminal();
    let color = match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => terminal && !environment_forbids_color(),
    };
    if !terminal {
        return Look {
            color,
            ..Look::PLAIN
        };
    }
    Look {
        color,
        unicode: true,
        width: terminal_width(),
    }
}

/// The terminal's width, kept between 40 and 100 columns so text stays readable.
pub fn terminal_width() -> usize {
    crossterm::terminal::size().map_or(80, |(w, _)| usize::from(w).clamp(40, 100))
}
