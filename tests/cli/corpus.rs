//! Broken and hostile inputs (`tests/corpus/`): each gets its one-line verdict and exit
//! code, never a panic, a hang or a control character on the terminal. The expected
//! verdicts are one snapshot; a file over the size limit is generated here.

use crate::common::{ROOT, in_snapshot_dir, run};

/// `name: exit N: first line` for every file of `kind`, checked with `command`.
fn verdicts(kind: &str, command: &[&str]) -> String {
    let dir = format!("{ROOT}/tests/corpus/{kind}");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    let mut out = String::new();
    for name in names {
        let path = format!("tests/corpus/{kind}/{name}");
        let mut args = command.to_vec();
        args.push(&path);
        let run = run(&args);
        let code = run.code.unwrap_or(-1);
        assert!(matches!(code, 0..=2), "{path}: exit {code}\n{run}");
        let printed = format!("{}{}", run.stdout, run.stderr);
        assert!(
            !printed.chars().any(|c| c.is_control() && c != '\n'),
            "{path}: a control character reached the terminal:\n{printed:?}"
        );
        // The verdict: the error, or validate's summary line, or the stage.
        let verdict = run
            .stderr
            .lines()
            .find(|l| l.starts_with("error: "))
            .or_else(|| {
                run.stdout
                    .lines()
                    .find(|l| l.contains(": error: ") || l.contains(": ok: "))
            })
            .or_else(|| run.stdout.lines().find(|l| l.starts_with("Overall stage:")))
            .unwrap_or("(nothing)");
        out.push_str(&format!("{name}: exit {code}: {verdict}\n"));
    }
    out
}

#[test]
fn every_broken_questionnaire_gets_its_verdict() {
    let text = verdicts("questionnaires", &["validate"]);
    assert!(text.lines().count() >= 30);
    in_snapshot_dir(|| insta::assert_snapshot!("corpus_questionnaires", text));
}

#[test]
fn every_broken_answers_file_gets_its_verdict() {
    let text = verdicts("answers", &["score"]);
    assert!(text.lines().count() >= 30);
    in_snapshot_dir(|| insta::assert_snapshot!("corpus_answers", text));
}
