//! Where results go: stdout, where a closed pipe is not an error, and files, which are
//! always written atomically so that a crash leaves the old file or the new one.

use std::io::{self, Write};
use std::path::Path;

use anyhow::Context;

/// Writes `text` to stdout. A reader that went away (`cxm score … | head`) is fine.
pub fn print(text: &str) -> anyhow::Result<()> {
    let mut stdout = io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
            Err(e).context("could not write to standard output")
        }
        _ => Ok(()),
    }
}

/// Writes `text` and a line break to stderr, with control characters other than line
/// breaks shown as `\u{1b}` so that nothing from a file acts on the terminal. A closed
/// stderr (`cxm … 2>&1 | true`) is no reason to fail: the message has nowhere to go.
pub fn eprint_line(text: &str) {
    let mut line = visible(text);
    line.push('\n');
    let _ = io::stderr().lock().write_all(line.as_bytes());
}

/// `value` as pretty JSON ending in a newline, with DEL, every C1 control character and
/// the line and paragraph separators escaped as `\uXXXX` too (serde_json escapes only
/// the C0 ones): JSON from a hostile file is still safe to print on a terminal.
pub fn json_text<T: serde::Serialize>(value: &T) -> String {
    let text = serde_json::to_string_pretty(value)
        .unwrap_or_else(|e| serde_json::json!({ "error": e.to_string() }).to_string());
    let mut out = String::with_capacity(text.len() + 1);
    for c in text.chars() {
        // Outside strings JSON has only ASCII, so these are always inside one.
        if ('\u{7f}'..='\u{9f}').contains(&c) || c == '\u{2028}' || c == '\u{2029}' {
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    out.push('\n');
    out
}

/// Why files cannot be written into `dir`, when it is not a folder: it does not
/// exist, or it is a file.
pub fn folder_problem(dir: &Path) -> Option<String> {
    if dir.is_dir() {
        return None;
    }
    let shown = visible(&dir.display().to_string());
    Some(if dir.exists() {
        format!("{shown} is a file, not a folder; write elsewhere")
    } else {
        format!("the folder {shown} does not exist; create it first or write elsewhere")
    })
}

/// `text` with every control character but line breaks written out as an escape,
/// e.g. `\u{1b}`.
pub fn visible(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_control() && c != '\n' {
            out.push_str(&c.escape_unicode().to_string());
        } else {
            out.push(c);
        }
    }
    out
}

/// How [`write_atomic`] treats a file that already exists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Existing {
    Replace,
    /// Fail with `AlreadyExists` instead of replacing it.
    Keep,
}

/// How temporary files of [`write_with`] end.
pub const TEMP_SUFFIX: &str = ".tmp";

/// How many random letters tempfile puts between the prefix and the suffix.
const TEMP_RANDOM: usize = 6;

/// How temporary files for `path` begin: `.cxm-answers.toml-` for `answers.toml`.
pub fn temp_prefix(path: &Path) -> String {
    let name = path
        .file_name()
        .map_or("file".into(), |n| n.to_string_lossy().into_owned());
    format!(".cxm-{name}-")
}

/// The folder `path` is in: `.` for a bare file name.
pub fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    }
}

/// Temporary files a kill left beside `path`, oldest first.
pub fn leftover_temps(path: &Path) -> Vec<std::path::PathBuf> {
    let dir = folder_of(path);
    let prefix = temp_prefix(path);
    let mut found: Vec<(std::time::SystemTime, std::path::PathBuf)> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .filter(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            // Only this file's: the prefix, tempfile's random letters, the suffix
            // (not the temporary files of `answers.toml-2.toml`, which start alike).
            name.strip_prefix(&prefix)
                .and_then(|rest| rest.strip_suffix(TEMP_SUFFIX))
                .is_some_and(|random| {
                    random.len() == TEMP_RANDOM && random.chars().all(|c| c.is_ascii_alphanumeric())
                })
        })
        .map(|e| {
            let modified = e.metadata().and_then(|m| m.modified()).ok();
            (modified.unwrap_or(std::time::UNIX_EPOCH), e.path())
        })
        .collect();
    found.sort();
    found.into_iter().map(|(_, p)| p).collect()
}

/// Who may read a file [`write_atomic`] creates. A file that exists keeps its mode.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Answers and session files, which may hold confidential notes: only the owner
    /// (0600).
    Private,
    /// Reports: as the umask says, like any file a program creates (0666 & !umask).
    Shared,
}

/// Writes a report: [`write_with`] with [`Access::Shared`].
pub fn write_atomic(path: &Path, contents: &[u8], existing: Existing) -> io::Result<()> {
    write_with(path, contents, existing, Access::Shared)
}

/// Writes `contents` to `path` through a temporary file in the same directory that is
/// flushed to disk and then renamed over `path`: readers, and a crash at any moment,
/// see either the old complete file or the new complete one.
pub fn write_with(
    path: &Path,
    contents: &[u8],
    existing: Existing,
    access: Access,
) -> io::Result<()> {
    write_via_temp(path, contents, existing, access).map_err(without_temp_path)
}

/// tempfile's errors end in ` at path ".cxm-….tmp"`, a name that means nothing to a
/// user (the caller names the real file); keep only the reason before it.
fn without_temp_path(err: io::Error) -> io::Error {
    let text = err.to_string();
    match text.find(" at path \"") {
        Some(end) => io::Error::new(err.kind(), &text[..end]),
        None => err,
    }
}

fn write_via_temp(
    path: &Path,
    contents: &[u8],
    existing: Existing,
    access: Access,
) -> io::Result<()> {
    // Write through a symbolic link to its target instead of replacing the link.
    let resolved;
    let path = match std::fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_symlink() => {
            resolved = std::fs::canonicalize(path)?;
            resolved.as_path()
        }
        _ => path,
    };
    // Renaming would replace a FIFO, a device or a folder with a plain file.
    if let Ok(m) = std::fs::metadata(path)
        && !m.is_file()
    {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "it is not a regular file; write to a new file or a regular one",
        ));
    }
    // Renaming would replace a read-only file; say no as writing into it would.
    if let Ok(m) = std::fs::metadata(path)
        && m.permissions().readonly()
        && existing == Existing::Replace
    {
        return Err(io::Error::new(
            io::ErrorKind::PermissionDenied,
            "the file is read-only",
        ));
    }
    let dir = folder_of(path);
    if let Some(message) = folder_problem(dir) {
        return Err(io::Error::new(io::ErrorKind::NotFound, message));
    }
    // Named after the file, so that one a kill left behind can be found again.
    let prefix = temp_prefix(path);
    let mut builder = tempfile::Builder::new();
    builder
        .prefix(&prefix)
        .suffix(TEMP_SUFFIX)
        .rand_bytes(TEMP_RANDOM);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // The mode asked for when the file is created; the system applies the umask.
        builder.permissions(std::fs::Permissions::from_mode(match access {
            Access::Private => 0o600,
            Access::Shared => 0o666,
        }));
    }
    #[cfg(not(unix))]
    let _ = access;
    let mut temp = builder.tempfile_in(dir)?;
    temp.write_all(contents)?;
    temp.as_file().sync_all()?;
    #[cfg(unix)]
    if let Ok(meta) = std::fs::metadata(path) {
        // A file that exists keeps its permissions.
        temp.as_file().set_permissions(meta.permissions())?;
    }
    match existing {
        Existing::Replace => temp.persist(path).map(drop).map_err(|e| e.error),
        Existing::Keep => temp.persist_noclobber(path).map(drop).map_err(|e| e.error),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn new_private_files_are_0600_reports_follow_the_umask_existing_files_keep_theirs() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        let answers = dir.path().join("answers.toml");
        write_with(&answers, b"a", Existing::Keep, Access::Private).unwrap();
        assert_eq!(mode(&answers), 0o600);
        // What a plain create gets here is what the umask allows.
        let probe = dir.path().join("probe");
        std::fs::File::create(&probe).unwrap();
        let report = dir.path().join("report.md");
        write_atomic(&report, b"r", Existing::Replace).unwrap();
        assert_eq!(mode(&report), mode(&probe));
        std::fs::set_permissions(&report, std::fs::Permissions::from_mode(0o640)).unwrap();
        write_with(&report, b"r2", Existing::Replace, Access::Private).unwrap();
        assert_eq!(mode(&report), 0o640);
    }

    #[test]
    fn replaces_and_keeps_as_asked() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.toml");
        write_atomic(&path, b"one", Existing::Keep).unwrap();
        write_atomic(&path, b"two", Existing::Replace).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "two");
        let err = write_atomic(&path, b"three", Existing::Keep).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::AlreadyExists);
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "two");
        // No temporary files are left behind.
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[cfg(unix)]
    #[test]
    fn writes_through_symlinks_and_refuses_read_only_files() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("target.json");
        let link = dir.path().join("link.json");
        std::fs::write(&target, "old").unwrap();
        std::os::unix::fs::symlink(&target, &link).unwrap();
        write_atomic(&link, b"new", Existing::Replace).unwrap();
        assert!(
            std::fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "new");

        let mut perms = std::fs::metadata(&target).unwrap().permissions();
        perms.set_readonly(true);
        std::fs::set_permissions(&target, perms).unwrap();
        let err = write_atomic(&target, b"newer", Existing::Replace).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::PermissionDenied);
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "new");
    }

    #[test]
    fn errors_do_not_name_the_temporary_file() {
        let err =
            write_atomic(Path::new("/nonexistent-dir/x.json"), b"", Existing::Replace).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::NotFound);
        assert!(!err.to_string().contains(".cxm-"), "{err}");
    }

    #[test]
    fn leftover_temps_are_this_files_only() {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("a.toml");
        for name in [
            ".cxm-a.toml-Ab3dE9.tmp",
            // Another file's, whose name starts like this one's.
            ".cxm-a.toml-2.toml-Xy12Zq.tmp",
            ".cxm-a.toml-old-abc123.tmp",
        ] {
            std::fs::write(dir.path().join(name), "").expect("write");
        }
        let found: Vec<String> = leftover_temps(&file)
            .iter()
            .filter_map(|p| p.file_name()?.to_str().map(str::to_string))
            .collect();
        assert_eq!(found, [".cxm-a.toml-Ab3dE9.tmp"]);
        // What write_with leaves is what it looks for.
        write_with(&file, b"x", Existing::Replace, Access::Private).expect("written");
        assert_eq!(leftover_temps(&file).len(), 1);
    }
}
