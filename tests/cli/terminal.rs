//! `cxm score` on a terminal (a pseudo-terminal, so Unix only): its width, box
//! drawing, colour by stage and `--color`.

use std::process::Command;

use crate::common::{ROOT, run, without_locale};

/// Runs `cxm args…` on a pseudo-terminal `cols` wide, with `TERM=xterm` and `NO_COLOR`
/// unset unless `env` sets them, and returns what it printed.
fn run_on_terminal(cols: u16, env: &[(&str, &str)], args: &[&str]) -> String {
    let mut command = Command::new("sh");
    command
        .arg("-c")
        .arg(format!("stty cols {cols} rows 24 && exec \"$0\" \"$@\""))
        .arg(env!("CARGO_BIN_EXE_cxm"))
        .args(args)
        .current_dir(ROOT)
        .env("TERM", "xterm")
        .env_remove("NO_COLOR");
    without_locale(&mut command);
    for (key, value) in env {
        command.env(key, value);
    }
    let mut session = rexpect::session::spawn_command(command, Some(15_000)).unwrap();
    let output = session.exp_eof().unwrap();
    // rexpect turns every byte into one `char`; put the UTF-8 back together.
    let bytes: Vec<u8> = output.chars().map(|c| u8::try_from(c).unwrap()).collect();
    String::from_utf8(bytes).unwrap().replace("\r\n", "\n")
}

#[test]
fn terminal_gets_colour_and_box_drawing_unless_no_color() {
    let args = ["score", "examples/early-stage.toml"];
    let coloured = run_on_terminal(100, &[], &args);
    assert!(
        coloured.contains("\x1b[1mCustomer Experience Maturity\x1b[0m"),
        "{coloured}"
    );
    // The overall stage marked, its name in the lowest stage's colour (red).
    assert!(
        coloured.contains("▶ \x1b[0m\x1b[31m\x1b[1m1 Uniform"),
        "{coloured}"
    );
    // A bar under each score: 1.33 of 5 is one cell and a third.
    assert!(coloured.contains("█▍░░░"), "{coloured}");
    assert!(
        coloured.contains("1 Uniform → 2 Segment-Based"),
        "{coloured}"
    );

    let plain = run_on_terminal(100, &[("NO_COLOR", "1")], &args);
    assert!(!plain.contains('\x1b'), "NO_COLOR: {plain}");
    // Still laid out for the terminal: Unicode, and up to its width.
    assert!(plain.contains("▶ 1 Uniform"), "{plain}");
    assert!(plain.lines().all(|l| l.chars().count() <= 100), "{plain}");
    assert!(
        plain.lines().any(|l| l.chars().count() > 80),
        "uses the width: {plain}"
    );
}

#[test]
fn color_follows_the_flag_then_term_dumb_then_no_color() {
    let args = ["score", "examples/early-stage.toml"];
    for (env, extra, colour) in [
        (&[("TERM", "dumb")][..], None, false),
        (&[][..], Some("never"), false),
        (&[("NO_COLOR", "1")][..], Some("always"), true),
        (&[("TERM", "dumb")][..], Some("auto"), false),
    ] {
        let args: Vec<&str> = match extra {
            Some(when) => [&args[..], &["--color", when]].concat(),
            None => args.to_vec(),
        };
        let out = run_on_terminal(100, env, &args);
        assert_eq!(out.contains('\x1b'), colour, "{env:?} {args:?}:\n{out}");
        // Still laid out for the terminal.
        assert!(out.contains("▶"), "{out}");
    }
    // Into a pipe: plain, unless asked for colour.
    let piped = run(&args).success().stdout;
    assert!(!piped.contains('\x1b'), "{piped}");
    let forced = run(&[&args[..], &["--color", "always"]].concat())
        .success()
        .stdout;
    assert!(forced.contains("\x1b[31m"), "{forced}");
    assert!(
        forced.is_ascii(),
        "a pipe still gets ASCII layout: {forced}"
    );
    // Every command takes it.
    run(&["list", "--color", "never"]).success();
    run(&[
        "--color",
        "never",
        "validate",
        "questionnaires/cx-maturity.en.toml",
    ])
    .success();
}
