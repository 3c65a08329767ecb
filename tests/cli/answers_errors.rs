//! Problems in answers files: each exits 2 with one message naming the file and
//! the line and column of the problem.

use crate::common::run;

const SMALL_QUESTIONNAIRE: &str = "tests/fixtures/questionnaires/small.toml";

/// The error message of `cxm score FILE extra…`.
fn score_error(file: &str, extra: &[&str]) -> String {
    let mut args = vec!["score", file];
    args.extend(extra);
    run(&args).error()
}

#[test]
fn unknown_question_id_suggests_the_closest() {
    let message = score_error("tests/fixtures/answers/invalid/unknown-question.toml", &[]);
    assert_eq!(
        message,
        "invalid answers file tests/fixtures/answers/invalid/unknown-question.toml:7:1: \
         question `ofer-exclusions` is not in questionnaire `cx-maturity`; did you mean \
         `offer-exclusions`?"
    );
}

#[test]
fn stage_that_is_not_an_option_lists_the_valid_answers() {
    let message = score_error(
        "tests/fixtures/answers/invalid/stage-not-an-option.toml",
        &["--questionnaire", SMALL_QUESTIONNAIRE],
    );
    assert!(
        message.starts_with(
            "invalid answers file tests/fixtures/answers/invalid/stage-not-an-option.toml:8:17: \
             question `people-skills` has no option for stage 2; "
        ),
        "{message}"
    );
    // people-skills has options for stages 1 and 3 only.
    assert!(
        message.ends_with("answer one of 1, 3, \"n/a\" or \"unknown\""),
        "{message}"
    );
}

#[test]
fn answers_of_the_wrong_type_are_all_reported() {
    let message = score_error("tests/fixtures/answers/invalid/wrong-types.toml", &[]);
    let file = "tests/fixtures/answers/invalid/wrong-types.toml";
    let mut lines = message.lines();
    assert_eq!(
        lines.next(),
        Some(format!("invalid answers file {file} (3 errors):").as_str())
    );
    let errors: Vec<&str> = lines.collect();
    assert_eq!(errors.len(), 3, "{message}");
    let expected = [
        (7, 19, "question `tailoring-basis`: `true` is not an answer"),
        (
            8,
            20,
            "question `offer-exclusions`: the decimal number 2.5 is not an answer",
        ),
        (
            9,
            21,
            "question `suggestion-source`: the text \"maybe\" is not an answer",
        ),
    ];
    for (error, (line, col, text)) in errors.iter().zip(expected) {
        assert!(
            error.starts_with(&format!("  {file}:{line}:{col}: {text}; answer one of ")),
            "{error}"
        );
    }
}

#[test]
fn unknown_top_level_key_is_an_error() {
    let message = score_error("tests/fixtures/answers/invalid/unknown-key.toml", &[]);
    assert!(
        message.starts_with(
            "invalid answers file tests/fixtures/answers/invalid/unknown-key.toml:5:1: \
             unknown field `organisaton`, expected one of "
        ),
        "{message}"
    );
    assert!(message.contains("`organisation`"), "{message}");
    assert!(
        message.ends_with("; did you mean `organisation`?"),
        "{message}"
    );
}

#[test]
fn a_wrong_optional_field_does_not_hide_the_answers_errors() {
    // `date` and `organisation` of the wrong type, a stage that is not an option and an
    // unknown question: all four in one run, each at its place.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a.toml");
    std::fs::write(
        &file,
        "format = 1\nquestionnaire = \"cx-maturity\"\nquestionnaire_version = \"2.0.0\"\n\
         date = 5\norganisation = 7\n\n[answers]\ntailoring-basis = 9\nno-such-question = 2\n",
    )
    .unwrap();
    let message = score_error(file.to_str().unwrap(), &[]);
    assert!(message.contains("(4 errors)"), "{message}");
    for wanted in [
        "a.toml:4:8: `date` must be a text in quotes, not the whole number 5",
        "a.toml:5:16: `organisation` must be a text in quotes",
        "a.toml:8:19: question `tailoring-basis` has no option for stage 9",
        "a.toml:9:1: question `no-such-question` is not in questionnaire `cx-maturity`",
    ] {
        assert!(message.contains(wanted), "no `{wanted}`: {message}");
    }
}

#[test]
fn note_for_an_unknown_question_is_an_error() {
    let message = score_error("tests/fixtures/answers/invalid/unknown-note.toml", &[]);
    assert!(
        message.starts_with(
            "invalid answers file tests/fixtures/answers/invalid/unknown-note.toml:10:1: \
             note for question `loyalty-programme` is not in questionnaire `cx-maturity`"
        ),
        "{message}"
    );
}

#[test]
fn target_stage_out_of_range_is_an_error() {
    let message = score_error("tests/fixtures/answers/invalid/target-stage.toml", &[]);
    assert_eq!(
        message,
        "invalid answers file tests/fixtures/answers/invalid/target-stage.toml:5:16: \
         target_stage 6 is not a stage; use a level from 1 to 5 or a stage id, e.g. \
         `target_stage = 5`"
    );
}

#[test]
fn target_stage_may_be_a_stage_id_or_name() {
    for target in ["4", "\"cross-channel\"", "\"Cross-Channel\""] {
        let answers = format!(
            "format = 1\nquestionnaire = \"cx-maturity\"\nquestionnaire_version = \"2.0.0\"\n\
             target_stage = {target}\n"
        );
        let report = crate::common::run_with_stdin(&["score", "-", "-f", "json"], &answers)
            .success()
            .json();
        assert_eq!(report["target_stage"]["level"], 4, "{target}");
    }
}

#[test]
fn answers_for_another_questionnaire_name_both_ids() {
    let message = score_error("tests/fixtures/answers/small.toml", &["-Q", "cx-maturity"]);
    // The one error that matters: every answer would be unknown to `cx-maturity` too,
    // but listing them would bury the cause.
    assert_eq!(
        message,
        "invalid answers file tests/fixtures/answers/small.toml:4:17: this file answers \
         questionnaire `small`, but the questionnaire used is `cx-maturity`; pass the matching \
         one with `--questionnaire`"
    );
}

#[test]
fn missing_answers_file_names_the_path() {
    let message = score_error("tests/fixtures/answers/no-such-file.toml", &[]);
    assert!(
        message
            .starts_with("could not read answers file tests/fixtures/answers/no-such-file.toml: "),
        "{message}"
    );
    // The system's reason once, not once more as its own cause.
    assert_eq!(message.matches("(os error 2)").count(), 1, "{message}");
}

#[test]
fn file_that_is_not_toml_is_an_error_with_its_position() {
    let message = score_error("tests/fixtures/answers/invalid/not-toml.toml", &[]);
    assert!(
        message
            .starts_with("invalid answers file tests/fixtures/answers/invalid/not-toml.toml:1:7: this is not valid TOML: "),
        "{message}"
    );
}

#[test]
fn format_2_is_not_read() {
    let message = score_error("tests/fixtures/answers/invalid/format-2.toml", &[]);
    assert_eq!(
        message,
        "invalid answers file tests/fixtures/answers/invalid/format-2.toml:2:10: unsupported \
         format 2: this version of cxm reads format 1; upgrade cxm or write the file in format 1"
    );
}

#[test]
fn missing_format_is_an_error() {
    let answers = "questionnaire = \"cx-maturity\"\nquestionnaire_version = \"1.0.0\"\n";
    let message = crate::common::run_with_stdin(&["score", "-"], answers).error();
    assert_eq!(
        message,
        "invalid answers file <stdin>: missing `format = 1` at the top of the answers file"
    );
}

#[test]
fn missing_required_key_is_an_error() {
    let answers = "format = 1\nquestionnaire = \"cx-maturity\"\n";
    let message = crate::common::run_with_stdin(&["score", "-"], answers).error();
    assert!(
        message.starts_with("invalid answers file <stdin>"),
        "{message}"
    );
    assert!(message.contains("questionnaire_version"), "{message}");
}

#[test]
fn a_file_for_an_older_version_names_every_question_that_is_gone() {
    let file = "tests/fixtures/answers/cx-maturity-1.0.0.toml";
    let out = run(&["score", file]).code(2);
    // One error, not one per retired question, pointing at the first of them.
    assert_eq!(
        out.stderr.trim_end(),
        format!(
            "error: invalid answers file {file}:13:1: this file was answered with \
             version 1.0.0 of questionnaire `cx-maturity` and has 16 answers for questions \
             that version 2.0.0 no longer has: `offer-differentiation`, \
             `returning-customer-view`, `lifecycle-content`, `recommendation-source`, \
             `channel-handover`, `store-online-link`, `service-agent-view`, \
             `data-processing`, `customer-record`, `customer-identification`, \
             `message-trigger`, `purchase-reaction-time`, `problem-response`, \
             `personalisation-plan`, `cx-ownership` and `journey-mapping`; re-answer with `cxm assess --answers {file}`, which keeps the \
             answers that still apply and asks only the new questions"
        )
    );
}

#[test]
fn a_file_over_10_mib_is_refused_before_it_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.toml");
    let file = std::fs::File::create(&big).unwrap();
    // Sparse: 11 MiB on disk costs nothing.
    file.set_len(11 * 1024 * 1024).unwrap();
    let name = big.display().to_string();
    assert_eq!(
        run(&["score", &name]).error(),
        format!(
            "could not read answers file {name}: it is larger than 10 MiB, the most cxm reads; \
             questionnaires and answers files are a few kilobytes, so check that this is the \
             right file"
        )
    );
    let out = run(&["validate", &name]).code(2);
    assert!(out.stdout.contains("it is larger than 10 MiB"), "{out}");
    let message = crate::common::run_with_stdin(&["score", "-"], &"a".repeat(11 << 20)).error();
    assert!(message.starts_with("could not read the answers from standard input: it is larger"));
}

#[test]
fn a_file_of_too_many_tiny_entries_is_refused_before_it_is_parsed() {
    // Just under 10 MiB of unknown answer ids: parsing would take about 450 MB.
    let dir = tempfile::tempdir().unwrap();
    let flood = dir.path().join("flood.toml");
    let mut text = String::from("format = 1\nquestionnaire = \"cx-maturity\"\n[answers]\n");
    let mut i = 0;
    while text.len() < 10 * 1024 * 1024 - 100 {
        text.push_str(&format!("q{i:07} = 2\n"));
        i += 1;
    }
    std::fs::write(&flood, &text).unwrap();
    let name = flood.display().to_string();
    let message = run(&["score", &name]).error();
    assert!(
        message.starts_with(&format!(
            "invalid answers file {name}: this answers file holds too many entries to read \
             safely: parsing it would take about "
        )),
        "{message}"
    );
    assert!(message.contains("cxm allows itself 64 MB"), "{message}");
    // A questionnaire of the same shape gets the same refusal from validate.
    let out = run(&["validate", &name]).code(2);
    assert!(
        out.stdout
            .contains("this questionnaire holds too many entries"),
        "{out}"
    );
}

#[test]
fn invalid_utf8_names_its_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("latin1.toml");
    std::fs::write(&file, b"format = 1\norganisation = \"M\xfcller\"\n").unwrap();
    let name = file.display().to_string();
    assert_eq!(
        run(&["score", &name]).error(),
        format!(
            "could not read answers file {name}: line 2, column 18 is not valid UTF-8; save the \
             file as UTF-8"
        )
    );
}

#[test]
fn a_directory_is_not_a_file() {
    assert_eq!(
        run(&["score", "examples"]).error(),
        "could not read answers file examples: it is a directory, not a file"
    );
}

#[test]
fn at_most_50_problems_are_listed_per_file() {
    let mut answers = String::from(
        "format = 1\nquestionnaire = \"cx-maturity\"\nquestionnaire_version = \"2.0.0\"\n[answers]\n",
    );
    for i in 0..120 {
        answers += &format!("no-such-question-{i} = 2\n");
    }
    let message = crate::common::run_with_stdin(&["score", "-"], &answers).error();
    let lines: Vec<&str> = message.lines().collect();
    assert_eq!(lines[0], "invalid answers file <stdin> (120 errors):");
    assert_eq!(lines.len(), 1 + 50 + 1);
    assert_eq!(lines[51], "  … and 70 more");
}

#[test]
fn a_misspelt_key_and_the_answers_errors_come_in_one_run() {
    let text = "format = 1\nquestionnaire = \"cx-maturity\"\nquestionnaire_version = \"2.0.0\"\n\
                organisaton = \"ACME\"\n[answers]\nofer-exclusions = 2\ntailoring-basis = 9\n";
    let out = crate::common::run_with_stdin(&["score", "-"], text).code(2);
    assert!(
        out.stderr
            .starts_with("error: invalid answers file <stdin> (3 errors):"),
        "{out}"
    );
    assert!(
        out.stderr
            .contains("<stdin>:4:1: unknown field `organisaton`"),
        "{out}"
    );
    assert!(out.stderr.contains("did you mean `organisation`?"), "{out}");
    assert!(
        out.stderr
            .contains("question `ofer-exclusions` is not in questionnaire"),
        "{out}"
    );
    assert!(
        out.stderr
            .contains("question `tailoring-basis` has no option for stage 9"),
        "{out}"
    );
}
