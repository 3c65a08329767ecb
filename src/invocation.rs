//! How this program can be run from here, for the commands `cxm` prints in hints and
//! at the end of `assess`: they must run as printed.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// `cxm` when the `cxm` the shell finds first on the PATH is this very binary; else this
/// binary's path, relative to the current directory when that is shorter
/// (`target/release/cxm` after `cargo run --release`), quoted for a shell if needed.
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
        let relative = std::env::current_dir()
            .ok()
            .and_then(|cwd| exe.strip_prefix(cwd).ok().map(Path::to_path_buf));
        let shortest = match relative {
            Some(r) if r.as_os_str().len() < exe.as_os_str().len() => r,
            _ => exe,
        };
        shell_quote(&shortest)
    })
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
