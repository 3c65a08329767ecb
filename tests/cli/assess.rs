//! `cxm assess` end to end: the real binary in a pseudo-terminal (rexpect), driven
//! with the keys a person presses. The terminal is set to 80×24 with `stty`, so these
//! also run in CI, which has no terminal of its own.

use std::path::Path;
use std::process::Command;

use assert_cmd::cargo::CommandCargoExt;
use rexpect::process::WaitStatus;
use rexpect::session::PtySession;

use cxm::answers::{Answer, Parsed};
use cxm::diagnostic::Source;
use cxm::questionnaire::Questionnaire;

use crate::common::without_locale;
use crate::pty::{exit_code, send};

const DOWN: &str = "\x1b[B";
const ENTER: &str = "\r";
const ESC: &str = "\x1b";

fn bundled() -> Questionnaire {
    cxm::bundled::find(cxm::bundled::DEFAULT_ID, None).unwrap()
}

/// Starts `cxm assess ARGS` in `dir` on an 80×24 pseudo-terminal, without colour.
fn spawn(dir: &Path, args: &[&str]) -> PtySession {
    crate::pty::spawn("assess", dir, args)
}

/// `cxm assess` on a new `a.toml` in `dir`, with question 1 answered and question 2
/// on screen (so the first save has returned).
fn one_answer_into_a_toml(dir: &Path) -> PtySession {
    let args = [
        "--answers",
        "a.toml",
        "--organisation",
        "A",
        "--respondent",
        "B",
    ];
    let mut p = spawn(dir, &args);
    p.exp_string("Question 1 of 18").unwrap();
    send(&mut p, ENTER);
    p.exp_string("Question 2 of 18").unwrap();
    p
}

/// Runs a command `cxm` printed, as a user would paste it into a shell in `dir`.
fn assert_runs(dir: &Path, command: &str, code: i32, prints: &str) {
    let out = without_locale(&mut Command::new("sh"))
        .arg("-c")
        .arg(command)
        .current_dir(dir)
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(out.status.code(), Some(code), "`{command}`: {text}");
    assert!(text.contains(prints), "`{command}`: {text}");
}

fn read_answers(path: &Path, q: &Questionnaire) -> cxm::answers::Answers {
    let text = std::fs::read_to_string(path).unwrap();
    Parsed::parse(Source::new(path.display().to_string(), text))
        .unwrap()
        .resolve(q)
        .unwrap()
        .0
}

#[test]
fn answering_every_question_saves_a_complete_file_and_shows_the_report() {
    let q = bundled();
    let n = q.questions.len();
    let dir = tempfile::tempdir().unwrap();
    let mut p = spawn(dir.path(), &["--answers", "acme.toml"]);
    p.exp_string("Organisation name").unwrap();
    send(&mut p, "ACME GmbH\r");
    p.exp_string("Your name").unwrap();
    send(&mut p, ENTER);
    for i in 1..=n {
        p.exp_string(&format!("Question {i} of {n}")).unwrap();
        // The second option of every question.
        send(&mut p, DOWN);
        send(&mut p, ENTER);
    }
    // Then the target: "No target" first, so three steps down is stage 3.
    p.exp_string("Which stage do you aim for?").unwrap();
    p.exp_string("> No target (skip)").unwrap();
    send(&mut p, DOWN);
    send(&mut p, DOWN);
    send(&mut p, DOWN);
    send(&mut p, ENTER);
    let screen = p.exp_string("Re-score them, e.g. in CI:\r\n  ").unwrap();
    assert!(screen.contains("Overall stage:"), "{screen}");
    assert!(screen.contains("Target:        3 Multichannel"), "{screen}");
    assert!(screen.contains("Roadmap to 3 Multichannel"), "{screen}");
    // The report ends with its headline, which an 80x24 screen still shows.
    let summary = &screen[screen.rfind("Summary\r\n").unwrap()..];
    assert!(summary.contains("\r\nOverall stage: "), "{summary}");
    assert!(summary.contains("\r\nHeld back by: "), "{summary}");
    assert!(summary.contains("\r\nFirst next action: "), "{summary}");
    assert!(
        summary.contains("\r\nAnswers saved in acme.toml\r\n"),
        "{summary}"
    );
    assert!(summary.lines().count() < 24, "{summary}");
    let command = p.exp_string("\r\n").unwrap();
    assert!(
        command.contains(" score acme.toml --min-stage "),
        "{command}"
    );
    assert_eq!(exit_code(&mut p), 0);
    assert_runs(dir.path(), &command, 0, "Overall stage:");

    let saved = read_answers(&dir.path().join("acme.toml"), &q);
    assert!(saved.is_complete(&q));
    assert_eq!(saved.target_stage, Some(3));
    assert_eq!(saved.organisation.as_deref(), Some("ACME GmbH"));
    assert_eq!(saved.respondent, None);
    for question in &q.questions {
        assert_eq!(
            saved.answers[&question.id],
            Answer::Stage(question.options[1].stage)
        );
    }

    // `cxm score` on the saved file gives the same overall stage the session showed.
    let overall_line = screen
        .lines()
        .find(|l| l.starts_with("Overall stage:"))
        .unwrap()
        .to_string();
    let scored = without_locale(&mut Command::cargo_bin("cxm").unwrap())
        .args(["score", "acme.toml"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert!(scored.status.success());
    let scored = String::from_utf8(scored.stdout).unwrap();
    assert!(
        scored.contains(overall_line.trim()),
        "{overall_line}\n{scored}"
    );
}

/// `text` as rexpect shows it: each byte of its UTF-8 as one `char`.
fn as_read(text: &str) -> String {
    text.bytes().map(char::from).collect()
}

#[test]
fn in_german_the_prompts_speak_german() {
    let dir = tempfile::tempdir().unwrap();
    let mut p = spawn(dir.path(), &["--lang", "de", "--answers", "a.toml"]);
    p.exp_string("Reifegrad der Customer Experience").unwrap();
    p.exp_string("18 Fragen in 6 Teilen").unwrap();
    p.exp_string("Name der Organisation").unwrap();
    send(&mut p, "ACME GmbH\r");
    p.exp_string("Ihr Name").unwrap();
    send(&mut p, ENTER);
    let screen = p.exp_string("Frage 1 von 18").unwrap();
    assert!(screen.contains(&as_read("Weiß nicht")), "{screen}");
    assert!(screen.contains("Trifft auf uns nicht zu"), "{screen}");
    assert!(!screen.contains("Don't know"), "{screen}");
    // Esc on the first question says so in German.
    send(&mut p, ESC);
    p.exp_string("Dies ist die erste Frage").unwrap();
    send(&mut p, ENTER);
    p.exp_string("Frage 2 von 18").unwrap();
    send(&mut p, ESC);
    p.exp_string(&as_read("(zurück)")).unwrap();
    p.exp_string("Frage 1 von 18").unwrap();
    send(&mut p, ENTER);
    p.exp_string("Frage 2 von 18").unwrap();
    p.send_control('c').unwrap();
    p.flush().unwrap();
    p.exp_string("Beendet: 1 von 18 beantwortet").unwrap();
    p.exp_string("Weitermachen mit:").unwrap();
    assert_eq!(exit_code(&mut p), 130);
    let q = cxm::bundled::find(cxm::bundled::DEFAULT_ID, Some("de")).unwrap();
    let saved = read_answers(&dir.path().join("a.toml"), &q);
    assert_eq!(saved.answers.len(), 1);
    assert_eq!(saved.language.as_deref(), Some("de"));
}

#[test]
fn ctrl_c_after_three_answers_keeps_three_and_a_second_run_resumes_at_four() {
    let q = bundled();
    let n = q.questions.len();
    let dir = tempfile::tempdir().unwrap();
    let mut p = spawn(
        dir.path(),
        &["--organisation", "Nordwind", "--respondent", "Kim"],
    );
    for i in 1..=3 {
        p.exp_string(&format!("Question {i} of {n}")).unwrap();
        send(&mut p, ENTER);
    }
    p.exp_string(&format!("Question 4 of {n}")).unwrap();
    p.send_control('c').unwrap();
    p.flush().unwrap();
    p.exp_string("Stopped: 3 of 18 answered, 0 not applicable, 0 don't know, 15 unanswered.")
        .unwrap();
    p.exp_string("Resume with:\r\n  ").unwrap();
    let command = p.exp_string("\r\n").unwrap();
    assert_eq!(exit_code(&mut p), 130);
    // The command is whole on its line and runs as printed: here, without a terminal,
    // it stops with the advice to use `cxm score`, not with "command not found".
    assert!(
        command.contains(" assess --answers nordwind-20"),
        "{command}"
    );
    assert_runs(dir.path(), &command, 2, "needs an interactive terminal");

    // The default file name: organisation and date, in the current directory.
    let files: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|name| !name.starts_with('.'))
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    let name = files[0].clone();
    assert!(
        name.starts_with("nordwind-20") && name.ends_with(".toml"),
        "{name}"
    );
    let saved = read_answers(&dir.path().join(&name), &q);
    assert_eq!(saved.answers.len(), 3);
    assert_eq!(saved.respondent.as_deref(), Some("Kim"));

    let mut p = spawn(dir.path(), &["--answers", &name]);
    p.exp_regex(r"Resuming nordwind-[0-9-]+\.toml: 3 of 18 answered, 0 not applicable, 0 don't\s+know, 15 unanswered\. The 15 open questions follow\.")
        .unwrap();
    p.exp_string(&format!("Question 4 of {n}")).unwrap();
    send(&mut p, ENTER);
    p.exp_string(&format!("Question 5 of {n}")).unwrap();
    p.send_control('c').unwrap();
    p.flush().unwrap();
    assert_eq!(exit_code(&mut p), 130);
    assert_eq!(read_answers(&dir.path().join(&name), &q).answers.len(), 4);
}

#[test]
fn esc_returns_to_the_previous_question_with_its_answer_preselected() {
    let q = bundled();
    let n = q.questions.len();
    let order = q.questions_in_order();
    let dir = tempfile::tempdir().unwrap();
    let mut p = spawn(
        dir.path(),
        &[
            "--organisation",
            "A",
            "--respondent",
            "B",
            "--answers",
            "a.toml",
        ],
    );
    p.exp_string(&format!("Question 1 of {n}")).unwrap();
    send(&mut p, DOWN);
    send(&mut p, DOWN);
    send(&mut p, ENTER);
    p.exp_string(&format!("Question 2 of {n}")).unwrap();
    send(&mut p, ESC);
    p.exp_string(&format!("Question 1 of {n}")).unwrap();
    // Enter alone keeps the preselected earlier answer; one Down moves past it.
    send(&mut p, DOWN);
    send(&mut p, ENTER);
    p.exp_string(&format!("Question 2 of {n}")).unwrap();
    p.send_control('c').unwrap();
    p.flush().unwrap();
    assert_eq!(exit_code(&mut p), 130);
    let saved = read_answers(&dir.path().join("a.toml"), &q);
    assert_eq!(saved.answers.len(), 1);
    assert_eq!(
        saved.answers[&order[0].id],
        Answer::Stage(order[0].options[3].stage)
    );
}

#[test]
fn a_complete_file_offers_the_report_without_asking_again() {
    let dir = tempfile::tempdir().unwrap();
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/advanced.toml");
    std::fs::copy(&example, dir.path().join("done.toml")).unwrap();
    let mut p = spawn(dir.path(), &["--answers", "done.toml"]);
    p.exp_string("has an answer for every question").unwrap();
    p.exp_string("Review all answers").unwrap();
    send(&mut p, ENTER);
    p.exp_string("Overall stage: 3 Multichannel").unwrap();
    assert_eq!(exit_code(&mut p), 0);
    assert_eq!(
        std::fs::read(dir.path().join("done.toml")).unwrap(),
        std::fs::read(&example).unwrap()
    );
}

#[test]
fn an_invalid_answers_file_is_reported_and_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let text = "format = 1\nquestionnaire = \"cx-maturity\"\nquestionnaire_version = \"2.0.0\"\n\n[answers]\noffer-exclusion = 2\n";
    std::fs::write(dir.path().join("bad.toml"), text).unwrap();
    let mut p = spawn(dir.path(), &["--answers", "bad.toml"]);
    let out = p.exp_eof().unwrap();
    assert!(
        out.contains("error: invalid answers file bad.toml:6:1"),
        "{out}"
    );
    assert!(out.contains("did you mean `offer-exclusions`?"), "{out}");
    match p.process().wait().unwrap() {
        WaitStatus::Exited(_, code) => assert_eq!(code, 2),
        other => panic!("{other:?}"),
    }
    assert_eq!(
        std::fs::read_to_string(dir.path().join("bad.toml")).unwrap(),
        text
    );
}

#[test]
fn without_a_terminal_it_exits_at_once_with_advice() {
    let out = without_locale(&mut Command::cargo_bin("cxm").unwrap())
        .arg("assess")
        .env("RUST_BACKTRACE", "1")
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    let program = stderr
        .strip_prefix(
            "error: cxm assess needs an interactive terminal; to score a saved answers file run: ",
        )
        .and_then(|rest| rest.strip_suffix(" score FILE\n"))
        .unwrap_or_else(|| panic!("{stderr}"));
    // Not on the PATH here: the hint names the binary so that it runs as printed.
    let program = Path::new(env!("CARGO_MANIFEST_DIR")).join(program);
    assert!(program.ends_with("cxm") && program.is_file(), "{stderr}");
    assert!(out.stdout.is_empty());
}

#[test]
fn a_file_for_an_older_version_is_carried_over_and_only_open_questions_are_asked() {
    let dir = tempfile::tempdir().unwrap();
    let fixture =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/answers/cx-maturity-1.0.0.toml");
    let original = std::fs::read(&fixture).unwrap();
    std::fs::write(dir.path().join("old.toml"), &original).unwrap();
    let mut p = spawn(dir.path(), &["--answers", "old.toml"]);
    // Wrapped at 80 columns: match across line breaks.
    p.exp_regex(r"answered with version 1\.0\.0 of cx-maturity;\s+this is version 2\.0\.0")
        .unwrap();
    p.exp_regex(r"4 answers are carried\s+over, 16 no\s+longer fit a question and are\s+left out")
        .unwrap();
    p.exp_regex(r"kept\s+as\s+old\.v1\.0\.0\.toml").unwrap();
    p.exp_string("Question 1 of 18").unwrap();
    send(&mut p, ENTER);
    p.exp_string("Question 2 of 18").unwrap();
    send(&mut p, ENTER);
    p.exp_string("Question 3 of 18").unwrap();
    send(&mut p, ENTER);
    // Question 4 (tailored-touchpoints) kept its 1.0.0 answer: not asked again.
    p.exp_string("Question 5 of 18").unwrap();
    send(&mut p, "\x03");
    assert_eq!(exit_code(&mut p), 130);

    // The old file is kept byte for byte; the new one is for 2.0.0.
    assert_eq!(
        std::fs::read(dir.path().join("old.v1.0.0.toml")).unwrap(),
        original
    );
    let q = bundled();
    let answers = read_answers(&dir.path().join("old.toml"), &q);
    assert_eq!(answers.questionnaire_version, "2.0.0");
    assert_eq!(answers.answers.len(), 7, "{:?}", answers.answers);
    assert_eq!(
        answers.answers.get("tailored-touchpoints"),
        Some(&Answer::Stage(2))
    );
    assert_eq!(
        answers.notes.keys().collect::<Vec<_>>(),
        ["feedback-collection"]
    );
}

#[test]
fn a_file_carried_over_is_saved_for_the_new_version_before_the_first_question() {
    let dir = tempfile::tempdir().unwrap();
    let fixture =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/answers/cx-maturity-1.0.0.toml");
    std::fs::copy(&fixture, dir.path().join("old.toml")).unwrap();
    let mut p = spawn(dir.path(), &["--answers", "old.toml"]);
    p.exp_string("Question 1 of 18").unwrap();
    send(&mut p, "\x03");
    assert_eq!(exit_code(&mut p), 130);
    // Stopped at once, yet `cxm score` now reads the file: it is for 2.0.0.
    let answers = read_answers(&dir.path().join("old.toml"), &bundled());
    assert_eq!(answers.questionnaire_version, "2.0.0");
    assert_eq!(answers.answers.len(), 4);
    // A second run finds nothing to carry over and keeps no second copy.
    let mut p = spawn(dir.path(), &["--answers", "old.toml"]);
    p.exp_string("Resuming old.toml: 4 of 18").unwrap();
    send(&mut p, "\x03");
    assert_eq!(exit_code(&mut p), 130);
    assert!(!dir.path().join("old.v1.0.0-2.toml").exists());
}

#[test]
fn a_wrong_language_is_reported_before_the_missing_terminal() {
    let out = without_locale(&mut Command::cargo_bin("cxm").unwrap())
        .args(["assess", "--lang", "xx"])
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8(out.stderr)
            .unwrap()
            .starts_with("error: questionnaire `cx-maturity` is not bundled in language `xx`"),
    );
}

#[test]
fn a_file_given_without_answers_flag_is_resumed() {
    let dir = tempfile::tempdir().unwrap();
    let q = bundled();
    let first = &q.questions_in_order()[0].id;
    std::fs::write(
        dir.path().join("mine.toml"),
        format!(
            "format = 1\nquestionnaire = \"cx-maturity\"\nquestionnaire_version = \"2.0.0\"\n\
             organisation = \"A\"\nrespondent = \"B\"\n[answers]\n{first} = 2\n"
        ),
    )
    .unwrap();
    let mut p = spawn(dir.path(), &["mine.toml"]);
    p.exp_string("Resuming mine.toml: 1 of 18").unwrap();
    p.exp_string("Question 2 of 18").unwrap();
    send(&mut p, "\x03");
    assert_eq!(exit_code(&mut p), 130);
}

#[test]
fn a_file_whose_only_gaps_are_dont_knows_offers_to_answer_them_first() {
    let dir = tempfile::tempdir().unwrap();
    let q = bundled();
    let order = q.questions_in_order();
    let mut text = String::from(
        "format = 1\nquestionnaire = \"cx-maturity\"\nquestionnaire_version = \"2.0.0\"\n[answers]\n",
    );
    for (i, question) in order.iter().enumerate() {
        let answer = if i == 6 {
            "\"unknown\"".to_string()
        } else {
            "2".to_string()
        };
        text += &format!("{} = {answer}\n", question.id);
    }
    std::fs::write(dir.path().join("dk.toml"), text).unwrap();
    let mut p = spawn(dir.path(), &["dk.toml"]);
    p.exp_regex(r#"has an answer for every question, 1 of them\s+"Don't know""#)
        .unwrap();
    p.exp_string("> Answer the 1 question still open (don't know)")
        .unwrap();
    send(&mut p, ENTER);
    // Only that question, its "Don't know" preselected; then the report.
    p.exp_string("Question 7 of 18").unwrap();
    send(&mut p, "\x1b[A\x1b[A");
    send(&mut p, ENTER);
    // Enter skips the target question.
    p.exp_string("Which stage do you aim for?").unwrap();
    send(&mut p, ENTER);
    p.exp_string("Summary").unwrap();
    assert_eq!(exit_code(&mut p), 0);
    let saved = read_answers(&dir.path().join("dk.toml"), &q);
    assert!(saved.is_complete(&q), "{:?}", saved.answers);
}

#[test]
fn a_second_run_for_the_same_organisation_offers_todays_unfinished_file() {
    let dir = tempfile::tempdir().unwrap();
    let today = cxm::assess::today();
    let first = bundled().questions_in_order()[0].id.clone();
    std::fs::write(
        dir.path().join(format!("acme-{today}.toml")),
        format!(
            "format = 1\nquestionnaire = \"cx-maturity\"\nquestionnaire_version = \"2.0.0\"\n\
             organisation = \"ACME\"\n[answers]\n{first} = 2\n"
        ),
    )
    .unwrap();
    let mut p = spawn(
        dir.path(),
        &["--organisation", "ACME", "--respondent", "Kim"],
    );
    p.exp_string("is not finished").unwrap();
    p.exp_string(&format!("> Go on with acme-{today}.toml"))
        .unwrap();
    // Esc has nothing to go back to: the choice is asked again.
    send(&mut p, ESC);
    p.exp_string("Choose one of these; Ctrl-C stops.").unwrap();
    p.exp_string(&format!("> Go on with acme-{today}.toml"))
        .unwrap();
    send(&mut p, ENTER);
    p.exp_string(&format!("Resuming acme-{today}.toml: 1 of 18 answered"))
        .unwrap();
    p.exp_string("Question 2 of 18").unwrap();
    send(&mut p, "\x03");
    assert_eq!(exit_code(&mut p), 130);
    // No second answers file was started (beside the first is only its lock).
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    assert_eq!(
        names.iter().filter(|n| !n.starts_with('.')).count(),
        1,
        "{names:?}"
    );
}

/// `text` without terminal control sequences (`ESC [ … letter`) and carriage returns.
fn plain(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\x1b' => {
                if chars.peek() == Some(&'[') {
                    chars.next();
                    for c in chars.by_ref() {
                        if c.is_ascii_alphabetic() || c == '~' {
                            break;
                        }
                    }
                }
            }
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

#[test]
fn the_readme_shows_the_first_question_as_an_80x24_terminal_does() {
    let readme =
        std::fs::read_to_string(format!("{}/README.md", env!("CARGO_MANIFEST_DIR"))).unwrap();
    let start = readme
        .find("terminal looks like this:\n\n```text\n")
        .unwrap();
    let block = &readme[start..];
    let block = &block[block.find("```text\n").unwrap() + 8..];
    let block = &block[..block.find("```").unwrap()];
    let dir = tempfile::tempdir().unwrap();
    let mut p = spawn(
        dir.path(),
        &["--organisation", "ACME", "--respondent", "Kim"],
    );
    // rexpect reads bytes as characters: compare the README's lines read the same way.
    let as_read = |line: &str| -> String { line.bytes().map(char::from).collect() };
    let last = as_read(block.lines().last().unwrap());
    let shown = plain(&p.exp_string(&last).unwrap()) + &last;
    let shown: Vec<&str> = shown.lines().map(str::trim_end).collect();
    for line in block.lines().map(as_read) {
        assert!(
            shown.contains(&line.as_str()),
            "README line not on screen: {line:?}\n{shown:#?}"
        );
    }
    send(&mut p, "\x03");
    assert_eq!(exit_code(&mut p), 130);
}

#[test]
fn a_second_assess_on_the_same_file_is_refused_while_the_first_runs() {
    let dir = tempfile::tempdir().unwrap();
    let mut first = one_answer_into_a_toml(dir.path());
    let mut second = spawn(dir.path(), &["--answers", "a.toml"]);
    second
        .exp_regex(r"error: a\.toml is open in another cxm; finish or stop that one first")
        .unwrap();
    assert_eq!(exit_code(&mut second), 2);
    // The first goes on and keeps every answer.
    send(&mut first, ENTER);
    first.exp_string("Question 3 of 18").unwrap();
    send(&mut first, "\x03");
    assert_eq!(exit_code(&mut first), 130);
    assert_eq!(
        read_answers(&dir.path().join("a.toml"), &bundled())
            .answers
            .len(),
        2
    );
    // Once it has stopped, the file can be opened again.
    let mut third = spawn(dir.path(), &["--answers", "a.toml"]);
    third.exp_string("Resuming a.toml").unwrap();
    send(&mut third, "\x03");
    assert_eq!(exit_code(&mut third), 130);
}

#[cfg(unix)]
#[test]
fn printed_commands_say_cxm_only_when_the_shell_would_run_this_binary() {
    let dir = tempfile::tempdir().unwrap();
    let (other, real) = (dir.path().join("other"), dir.path().join("real"));
    std::fs::create_dir_all(&other).unwrap();
    std::fs::create_dir_all(&real).unwrap();
    let binary = Command::cargo_bin("cxm").unwrap().get_program().to_owned();
    std::os::unix::fs::symlink(&binary, real.join("cxm")).unwrap();
    std::fs::write(other.join("cxm"), "#!/bin/sh\necho OLD\n").unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(other.join("cxm"), std::fs::Permissions::from_mode(0o755)).unwrap();
    let hint = |path: &[&Path]| {
        let out = without_locale(&mut Command::new(real.join("cxm")))
            .arg("assess")
            .env("PATH", std::env::join_paths(path).unwrap())
            .current_dir(dir.path())
            .stdin(std::process::Stdio::null())
            .output()
            .unwrap();
        String::from_utf8(out.stderr).unwrap()
    };
    // This binary first on the PATH: plain `cxm`.
    assert!(hint(&[&real, &other]).ends_with("run: cxm score FILE\n"));
    // Another cxm comes first: the hint names this binary's path instead.
    let shadowed = hint(&[&other, &real]);
    assert!(!shadowed.ends_with("run: cxm score FILE\n"), "{shadowed}");
    assert!(shadowed.contains("/cxm score FILE"), "{shadowed}");
}

#[test]
fn a_binary_run_from_its_own_folder_is_printed_as_dot_slash_cxm() {
    // A downloaded release binary, run as `./cxm` with no cxm on the PATH: a bare
    // `cxm` in the hint would be "command not found".
    let dir = tempfile::tempdir().unwrap();
    let binary = Command::cargo_bin("cxm").unwrap().get_program().to_owned();
    let copy = dir.path().join("cxm");
    // A hard link where the file system allows one: the debug binary is large.
    if std::fs::hard_link(&binary, &copy).is_err() {
        std::fs::copy(&binary, &copy).unwrap();
    }
    let out = without_locale(&mut Command::new(dir.path().join("cxm")))
        .arg("assess")
        .env("PATH", "/usr/bin:/bin")
        .current_dir(dir.path())
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.ends_with("run: ./cxm score FILE\n"), "{stderr}");
}

#[test]
fn ctrl_c_on_the_choice_for_a_finished_file_says_it_is_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/advanced.toml");
    std::fs::copy(&example, dir.path().join("done.toml")).unwrap();
    let mut p = spawn(dir.path(), &["done.toml"]);
    p.exp_string("Review all answers").unwrap();
    send(&mut p, "\x03");
    p.exp_string("Stopped; done.toml is unchanged.").unwrap();
    assert_eq!(exit_code(&mut p), 130);
}

/// The next number of a fixed pseudo-random sequence (xorshift): every run of a test
/// kills at the same moments.
fn next_random(seed: &mut u64) -> u64 {
    *seed ^= *seed << 13;
    *seed ^= *seed >> 7;
    *seed ^= *seed << 17;
    *seed
}

#[test]
fn killed_around_the_first_save_of_a_new_file_the_answer_is_in_the_file_or_offered_back() {
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let q = bundled();
    for round in 0..12 {
        let delay = std::time::Duration::from_micros(next_random(&mut seed) % 3_000);
        let dir = tempfile::tempdir().unwrap();
        let args = [
            "--answers",
            "a.toml",
            "--organisation",
            "A",
            "--respondent",
            "B",
        ];
        let mut p = spawn(dir.path(), &args);
        p.exp_string("Question 1 of 18").unwrap();
        send(&mut p, ENTER);
        std::thread::sleep(delay);
        p.process_mut()
            .kill(rexpect::process::Signal::SIGKILL)
            .unwrap();
        let file = dir.path().join("a.toml");
        let copy = std::fs::read_dir(dir.path())
            .unwrap()
            .filter_map(Result::ok)
            .map(|e| e.path())
            .find(|p| p.extension().is_some_and(|x| x == "tmp"));
        if file.exists() {
            // The rename happened: the file is whole.
            let saved = read_answers(&file, &q);
            assert!(
                saved.answers.len() <= 1,
                "round {round}: {:?}",
                saved.answers
            );
            continue;
        }
        // Killed before the rename: a whole copy is offered back on the next run.
        let Some(copy) = copy else { continue };
        let whole = std::fs::read_to_string(&copy).unwrap_or_default();
        if !whole.contains("tailoring-basis") {
            continue; // killed while the copy was being written: nothing was saved yet
        }
        let mut p = spawn(dir.path(), &args);
        p.exp_string("was interrupted and left a copy").unwrap();
        send(&mut p, ENTER);
        p.exp_string("Question 2 of 18").unwrap();
        send(&mut p, "\x03");
        let _ = exit_code(&mut p);
        let saved = read_answers(&file, &q);
        assert_eq!(
            saved.answers.len(),
            1,
            "round {round}: the copy became the file"
        );
    }
}

#[test]
fn killed_at_any_moment_around_a_save_the_answers_file_parses_and_keeps_every_saved_answer() {
    // Fixed pseudo-random delays, so every run of the test kills at the same moments.
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let q = bundled();
    for round in 0..25 {
        let delay = std::time::Duration::from_micros(next_random(&mut seed) % 4_000);
        let dir = tempfile::tempdir().unwrap();
        // Question 2 on screen: the save of answer 1 has returned.
        let mut p = one_answer_into_a_toml(dir.path());
        send(&mut p, ENTER);
        std::thread::sleep(delay);
        p.process_mut()
            .kill(rexpect::process::Signal::SIGKILL)
            .unwrap();
        let saved = read_answers(&dir.path().join("a.toml"), &q);
        assert!(
            (1..=2).contains(&saved.answers.len()),
            "round {round}, killed {delay:?} after the second answer: {:?}",
            saved.answers
        );
    }
}
