//! How this program can be run from here, for the commands `cxm` prints in hints and
//! at the end of `assess`: they must run as printed.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// `cxm` when the `cxm` the shell finds first on the PATH is this very binary; else this
/// binary's path, relative to the current directory when that is shorter
/// (`target/release/cxm` after `cargo run --release`, `./cxm` for a downloaded binary
/// run from its folder), quoted for a shell if needed.
pub fn program() -> &'static str {
    static PROGRAM: OnceLock<String> = OnceLock::new();
    PROGRAM.get_or_init(|| {
        let Ok(exe) = std::env::current_exe() else {
            return "cxm".into();
        };
        let exe = exe.canonicalize().unwrap_or(exe);
        if first_on_path("cxm").and_then(|p| p.canonicalize().ok()) == Some(exe.clone()) {
            return "cxm".into();
        }
        let cwd = std::env::current_dir().ok();
        let cwd = cwd.map(|d| d.canonicalize().unwrap_or(d));
        shell_quote(&runnable(&exe, cwd.as_deref()))
    })
}

/// The shorter of `exe` (absolute) and its path relative to `cwd`, written so that a
/// shell runs it as a file: a bare name would be looked up on the PATH, so it gets `./`.
fn runnable(exe: &Path, cwd: Option<&Path>) -> PathBuf {
    let Some(relative) = cwd.and_then(|cwd| relative_path(exe, cwd)) else {
        return exe.to_path_buf();
    };
    let relative = if relative.components().count() == 1 {
        Path::new(".").join(relative)
    } else {
        relative
    };
    if relative.as_os_str().len() < exe.as_os_str().len() {
        relative
    } else {
        exe.to_path_buf()
    }
}

/// `path` seen from `base` (both absolute): `..` for each folder of `base` below what
/// they share. `None` when they share no root (another drive on Windows).
fn relative_path(path: &Path, base: &Path) -> Option<PathBuf> {
    let (mut path_parts, mut base_parts) = (path.components(), base.components());
    if path_parts.next() != base_parts.next() {
        return None;
    }
    let (path_parts, base_parts): (Vec<_>, Vec<_>) = (path_parts.collect(), base_parts.collect());
    let shared = path_parts
        .iter()
        .zip(&base_parts)
        .take_while(|(a, b)| a == b)
        .count();
    let mut relative = PathBuf::new();
    for _ in shared..base_parts.len() {
        relative.push("..");
    }
    relative.extend(&path_parts[shared..]);
    Some(relative)
}

/// The file a shell runs for `name`: the first one on the PATH that it may execute.
fn first_on_path(name: &str) -> Option<PathBuf> {
    let paths = std::env::var_os("PATH")?;
    std::env::split_paths(&paths)
        .map(|dir| dir.join(name))
        .find(|candidate| executable(candidate))
}

fn executable(path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::metadata(path).is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
    }
    #[cfg(not(unix))]
    {
        path.is_file()
    }
}

/// Quotes a path for a POSIX shell when it needs it.
pub fn shell_quote(path: &Path) -> String {
    let s = path.display().to_string();
    if !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || "_./-+=:,@".contains(c))
    {
        s
    } else {
        format!("'{}'", s.replace('\'', r"'\''"))
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    fn run(exe: &str, cwd: &str) -> String {
        runnable(Path::new(exe), Some(Path::new(cwd)))
            .display()
            .to_string()
    }

    #[test]
    fn a_binary_below_the_current_folder_is_named_relative_to_it() {
        assert_eq!(
            run("/home/a/cxm/target/release/cxm", "/home/a/cxm"),
            "target/release/cxm"
        );
    }

    #[test]
    fn a_binary_in_the_current_folder_gets_dot_slash_so_the_shell_runs_it() {
        assert_eq!(run("/home/a/dl/cxm", "/home/a/dl"), "./cxm");
    }

    #[test]
    fn a_binary_next_door_is_reached_through_dot_dot_when_shorter() {
        assert_eq!(
            run("/home/anna/tools/bin/cxm", "/home/anna/tools/work"),
            "../bin/cxm"
        );
        // Far away, the absolute path is the shorter one.
        assert_eq!(
            run("/opt/cxm/bin/cxm", "/home/anna/projects/client/answers"),
            "/opt/cxm/bin/cxm"
        );
    }
}
