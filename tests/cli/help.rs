//! `--help` and `--version`.

use crate::common::run;

#[test]
fn every_help_has_examples() {
    let commands: [&[&str]; 8] = [
        &["--help"],
        &["-h"],
        &["score", "--help"],
        &["score", "-h"],
        &["validate", "--help"],
        &["list", "--help"],
        &["help", "score"],
        &["help"],
    ];
    for args in commands {
        let out = run(args).success();
        assert!(
            out.stdout.contains("Example"),
            "cxm {args:?}:\n{}",
            out.stdout
        );
        assert!(
            out.stdout.contains("Usage: cxm"),
            "cxm {args:?}:\n{}",
            out.stdout
        );
        assert_eq!(out.stderr, "");
    }
}

#[test]
fn top_level_help_lists_the_subcommands() {
    let out = run(&["--help"]).success();
    for command in ["score", "validate", "list"] {
        assert!(
            out.stdout.contains(&format!("\n  {command} ")),
            "{command} missing:\n{}",
            out.stdout
        );
    }
}

#[test]
fn score_help_explains_the_scoring_rules_and_exit_codes() {
    let out = run(&["score", "--help"]).success();
    assert!(out.stdout.contains("Scoring rules:"), "{}", out.stdout);
    assert!(out.stdout.contains("Exit codes:"), "{}", out.stdout);
    for option in [
        "--questionnaire",
        "--lang",
        "--format",
        "--output",
        "--min-stage",
        "--allow-incomplete",
    ] {
        assert!(out.stdout.contains(option), "{option} missing");
    }
}

#[test]
fn version_is_the_package_version() {
    for flag in ["--version", "-V"] {
        let out = run(&[flag]).success();
        assert_eq!(out.stdout, format!("cxm {}\n", env!("CARGO_PKG_VERSION")));
    }
    // Subcommands know it too.
    let out = run(&["score", "--version"]).success();
    assert!(out.stdout.contains(env!("CARGO_PKG_VERSION")));
}

#[test]
fn no_subcommand_is_a_usage_error() {
    let out = run(&[]).code(2);
    assert_eq!(out.stdout, "");
    assert!(out.stderr.contains("Usage: cxm"), "{}", out.stderr);
}

#[test]
fn unknown_subcommand_is_a_usage_error() {
    let out = run(&["scroe"]).code(2);
    assert!(out.stderr.starts_with("error: "), "{}", out.stderr);
    assert!(
        out.stderr.contains("score"),
        "suggests `score`:\n{}",
        out.stderr
    );
}
