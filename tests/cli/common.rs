//! Running `cxm` and checking what it prints.

use std::fmt;

use assert_cmd::Command;

/// The crate root. Every test runs `cxm` there, so paths such as
/// `examples/early-stage.toml` work and messages name files the way the test does.
pub const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// The variables that choose the locale, and with it the language `cxm` picks when
/// neither `--lang` nor an answers file names one. Every test runs `cxm` without
/// them, so that it reads the same on any machine; a test of the choice sets them.
pub const LOCALE_VARS: [&str; 3] = ["LC_ALL", "LC_MESSAGES", "LANG"];

/// `command` without the machine's locale variables ([`LOCALE_VARS`]).
pub fn without_locale(command: &mut std::process::Command) -> &mut std::process::Command {
    for var in LOCALE_VARS {
        command.env_remove(var);
    }
    command
}

/// `cxm args…` in the crate root, without the machine's locale variables.
/// `RUST_BACKTRACE=1` is set so that a panic or an error printed with its backtrace
/// would show up in standard error.
pub fn cxm(args: &[&str]) -> Command {
    let mut cmd = Command::cargo_bin("cxm").unwrap();
    // Installed, as the README assumes: the hints cxm prints then say `cxm`.
    let bin = std::path::Path::new(cmd.get_program())
        .parent()
        .unwrap()
        .to_path_buf();
    let path = std::env::var_os("PATH").unwrap_or_default();
    let path =
        std::env::join_paths(std::iter::once(bin).chain(std::env::split_paths(&path))).unwrap();
    cmd.current_dir(ROOT)
        .env("PATH", path)
        .env("RUST_BACKTRACE", "1")
        .env_remove("NO_COLOR")
        .args(args);
    for var in LOCALE_VARS {
        cmd.env_remove(var);
    }
    cmd
}

/// Runs `cxm args…`.
pub fn run(args: &[&str]) -> Run {
    Run::from(cxm(args).output().unwrap())
}

/// Runs `cxm args…` with `input` on standard input.
pub fn run_with_stdin(args: &[&str], input: &str) -> Run {
    Run::from(cxm(args).write_stdin(input).output().unwrap())
}

/// What one run of `cxm` did.
#[derive(Debug)]
pub struct Run {
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

impl From<std::process::Output> for Run {
    fn from(output: std::process::Output) -> Self {
        Run {
            code: output.status.code(),
            stdout: String::from_utf8(output.stdout).unwrap(),
            stderr: String::from_utf8(output.stderr).unwrap(),
        }
    }
}

/// Shown when an assertion fails, so the failure says what `cxm` printed.
impl fmt::Display for Run {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "exit code: {:?}\n--- stdout ---\n{}\n--- stderr ---\n{}",
            self.code, self.stdout, self.stderr
        )
    }
}

impl Run {
    /// Asserts exit code `code` and nothing in standard error that betrays a crash.
    #[track_caller]
    pub fn code(self, code: i32) -> Run {
        assert_eq!(self.code, Some(code), "unexpected exit code\n{self}");
        assert_no_crash(&self.stderr);
        self
    }

    /// Asserts exit code 0.
    #[track_caller]
    pub fn success(self) -> Run {
        self.code(0)
    }

    /// Asserts exit code 2, nothing on standard output, and standard error holding
    /// one `error: ` message; returns that message without the `error: ` prefix.
    #[track_caller]
    pub fn error(self) -> String {
        let run = self.code(2);
        assert_eq!(run.stdout, "", "an error must not print a report\n{run}");
        let message = run
            .stderr
            .strip_prefix("error: ")
            .unwrap_or_else(|| panic!("standard error must start with `error: `\n{run}"));
        assert_eq!(
            run.stderr.matches("error: ").count(),
            1,
            "the error must be printed once\n{run}"
        );
        message.trim_end().to_string()
    }

    /// Standard output parsed as JSON.
    #[track_caller]
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("standard output is not JSON: {e}\n{self}"))
    }
}

/// Asserts that `stderr` shows no panic, backtrace or `Debug` formatting of an error.
#[track_caller]
pub fn assert_no_crash(stderr: &str) {
    for bad in [
        "panicked",
        "backtrace",
        "Backtrace",
        "Error {",
        "Debug",
        "RUST_BACKTRACE",
    ] {
        assert!(
            !stderr.contains(bad),
            "standard error contains `{bad}`:\n{stderr}"
        );
    }
}

/// Asserts that `text` has no ANSI escape and no line wider than `width` characters.
#[track_caller]
pub fn assert_plain_and_fits(text: &str, width: usize) {
    assert!(!text.contains("\x1b["), "ANSI escape in:\n{text}");
    for line in text.lines() {
        assert!(
            line.chars().count() <= width,
            "line wider than {width} characters ({}):\n{line}",
            line.chars().count()
        );
    }
}

/// Runs `body` with snapshots stored in `tests/snapshots`.
pub fn in_snapshot_dir(body: impl FnOnce()) {
    insta::with_settings!({ snapshot_path => "../snapshots" }, { body() });
}

/// The question `id` of a JSON report.
#[track_caller]
pub fn question<'a>(report: &'a serde_json::Value, id: &str) -> &'a serde_json::Value {
    report["questions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|q| q["id"] == id)
        .unwrap_or_else(|| panic!("no question `{id}` in the report"))
}

/// Makes a FIFO at `path` (a destination `cxm` must never replace with a file).
#[cfg(unix)]
pub fn mkfifo(path: &std::path::Path) {
    let made = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .unwrap();
    assert!(made.success(), "mkfifo {}", path.display());
}

/// Whether `path` is (still) a FIFO.
#[cfg(unix)]
pub fn is_fifo(path: &std::path::Path) -> bool {
    use std::os::unix::fs::FileTypeExt;
    std::fs::metadata(path).is_ok_and(|m| m.file_type().is_fifo())
}
