//! Running `cxm` in a pseudo-terminal (rexpect) the way a person at an 80×24 terminal
//! would, for the interactive commands: start it, press keys, read the exit code.

use std::path::Path;
use std::process::Command;

use assert_cmd::cargo::CommandCargoExt;
use rexpect::process::WaitStatus;
use rexpect::session::{PtySession, spawn_command};

use crate::common::without_locale;

/// Starts `cxm SUBCOMMAND ARGS` in `dir` on an 80×24 pseudo-terminal (set with `stty`,
/// so it also runs in CI, which has no terminal), without colour or the machine's
/// locale.
pub fn spawn(subcommand: &str, dir: &Path, args: &[&str]) -> PtySession {
    let cxm = Command::cargo_bin("cxm").unwrap();
    let mut command = Command::new("sh");
    command
        .arg("-c")
        .arg(format!(
            "stty cols 80 rows 24 && exec \"$0\" {subcommand} \"$@\""
        ))
        .arg(cxm.get_program())
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env("TERM", "xterm");
    without_locale(&mut command);
    spawn_command(command, Some(15_000)).unwrap()
}

/// Presses `keys` (and flushes: without it they wait in a buffer).
pub fn send(p: &mut PtySession, keys: &str) {
    p.send(keys).unwrap();
    p.flush().unwrap();
}

/// Waits for `cxm` to end; its exit code.
pub fn exit_code(p: &mut PtySession) -> i32 {
    p.exp_eof().unwrap();
    match p.process().wait().unwrap() {
        WaitStatus::Exited(_, code) => code,
        other => panic!("cxm did not exit normally: {other:?}"),
    }
}

/// `text` as rexpect reads it: each byte a char, so non-ASCII text matches.
pub fn pty(text: &str) -> String {
    text.bytes().map(char::from).collect()
}
