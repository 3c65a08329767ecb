//! `cxm validate`: every problem of a questionnaire as `FILE:LINE:COL: error: …`.
//!
//! Each file in `tests/fixtures/questionnaires/invalid/` is `mini.toml` with one
//! defect, described in its first line.

use crate::common::{Run, run};

const INVALID: &str = "tests/fixtures/questionnaires/invalid";

/// Runs `cxm validate invalid/NAME.toml`, asserts exit 2 and the closing summary, and
/// returns the output for the caller to check the diagnostics.
fn validate_invalid(name: &str) -> Run {
    let file = format!("{INVALID}/{name}.toml");
    let out = run(&["validate", &file]).code(2);
    assert_eq!(out.stderr, "", "diagnostics go to standard output");
    let last = out.stdout.lines().last().unwrap_or_default();
    assert!(last.starts_with(&format!("{file}: invalid: ")), "{out}");
    out
}

/// Asserts that `cxm validate invalid/NAME.toml` reports an error at `line:col`
/// whose message starts with `message`.
#[track_caller]
fn assert_error_at(name: &str, line: usize, col: usize, message: &str) {
    let out = validate_invalid(name);
    let expected = format!("{INVALID}/{name}.toml:{line}:{col}: error: {message}");
    assert!(
        out.stdout.lines().any(|l| l.starts_with(&expected)),
        "expected a line starting with\n{expected}\n{out}"
    );
}

#[test]
fn bundled_questionnaire_is_valid() {
    let out = run(&["validate", "questionnaires/cx-maturity.en.toml"]).success();
    assert_eq!(
        out.stdout,
        "questionnaires/cx-maturity.en.toml: ok: `cx-maturity` 2.0.0 (en), 6 dimensions, 18 questions\n"
    );
    assert_eq!(out.stderr, "");
}

#[test]
fn base_of_the_invalid_fixtures_is_valid() {
    let out = run(&["validate", "tests/fixtures/questionnaires/mini.toml"]).success();
    assert!(
        out.stdout
            .starts_with("tests/fixtures/questionnaires/mini.toml: ok: `mini` 1.0.0 (en)"),
        "{out}"
    );
    assert_eq!(out.stdout.lines().count(), 1, "no warnings: {out}");
    // The other fixtures used by the tests are valid too. Their dimensions have two
    // questions each: that is their only warning.
    for file in ["small.toml", "report.toml"] {
        let out = run(&["validate", &format!("tests/fixtures/questionnaires/{file}")]).success();
        let lines: Vec<&str> = out.stdout.lines().collect();
        for line in &lines[..lines.len() - 1] {
            assert!(
                line.contains("has only 2 questions; with fewer than 3"),
                "{out}"
            );
        }
    }
}

#[test]
fn unknown_key() {
    assert_error_at(
        "unknown-key",
        25,
        1,
        "unknown field `weigth`, expected one of ",
    );
    let out = validate_invalid("unknown-key");
    assert!(out.stdout.contains("`weight`"), "{out}");
    assert!(out.stdout.contains("; did you mean `weight`?"), "{out}");
}

#[test]
fn duplicate_stage_id() {
    assert_error_at(
        "duplicate-stage-id",
        18,
        6,
        "duplicate stage id `low`; give each stage its own id",
    );
}

#[test]
fn duplicate_dimension_id() {
    assert_error_at(
        "duplicate-dimension-id",
        27,
        6,
        "duplicate dimension id `data`; give each dimension its own id",
    );
}

#[test]
fn duplicate_question_id() {
    assert_error_at(
        "duplicate-question-id",
        39,
        6,
        "duplicate question id `data-quality`; give each question its own id",
    );
}

#[test]
fn id_that_is_not_kebab_case_gets_a_suggestion() {
    assert_error_at(
        "not-kebab-case",
        27,
        6,
        "question id `dataQuality` is not kebab-case; use lowercase letters, digits and \
         hyphens, e.g. `data-quality`",
    );
}

#[test]
fn stage_levels_must_be_1_to_n_in_order() {
    assert_error_at(
        "stage-levels-out-of-order",
        17,
        9,
        "stage level 3 is out of order; stages must be listed with levels 1 to N in order, so \
         this one should be 2",
    );
}

#[test]
fn at_least_two_stages() {
    assert_error_at(
        "one-stage",
        10,
        1,
        "the ladder has only 1 stage; define at least 2 `[[stages]]`",
    );
}

#[test]
fn question_naming_a_missing_dimension_suggests_the_closest() {
    assert_error_at(
        "missing-dimension",
        28,
        13,
        "question `data-quality` names dimension `dta`, which does not exist; did you mean `data`?",
    );
}

#[test]
fn dimension_without_questions() {
    assert_error_at(
        "dimension-without-questions",
        27,
        6,
        "dimension `tools` has no questions; add a `[[questions]]` with `dimension = \"tools\"` \
         or remove the dimension",
    );
}

#[test]
fn at_least_two_options() {
    assert_error_at(
        "one-option",
        31,
        3,
        "question `data-quality` has only 1 option; give it at least 2 `[[questions.options]]`",
    );
}

#[test]
fn option_stage_out_of_range() {
    assert_error_at(
        "option-stage-out-of-range",
        35,
        11,
        "option stage 3 does not exist; stages are numbered 1 to 2",
    );
}

#[test]
fn two_options_for_the_same_stage() {
    assert_error_at(
        "same-option-stage",
        35,
        11,
        "question `data-quality` has two options for stage 1; each option must evidence a \
         different stage",
    );
}

#[test]
fn weights_are_capped_so_scores_stay_finite() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(format!(
        "{}/{INVALID}/weight-zero.toml",
        crate::common::ROOT
    ))
    .unwrap()
    .replace("weight = 0.0", "weight = 1e308");
    let path = dir.path().join("huge.toml");
    std::fs::write(&path, text).unwrap();
    let out = run(&["validate", path.to_str().unwrap()]);
    assert!(
        out.stdout
            .contains(":25:10: error: dimension weight 100000000000000000000"),
        "{out}"
    );
    assert!(out.stdout.contains("at most 1000000"), "{out}");
}

#[test]
fn weights_must_be_greater_than_0() {
    let fix = "is not allowed; use a number greater than 0 and at most 1000000, e.g. 1.0";
    assert_error_at("weight-zero", 25, 10, &format!("dimension weight 0 {fix}"));
    assert_error_at(
        "weight-negative",
        31,
        10,
        &format!("question weight -1 {fix}"),
    );
    assert_error_at("weight-nan", 25, 10, &format!("dimension weight NaN {fix}"));
}

#[test]
fn action_naming_a_missing_dimension_suggests_the_closest() {
    assert_error_at(
        "action-missing-dimension",
        39,
        13,
        "action names dimension `date`, which does not exist; did you mean `data`?",
    );
}

#[test]
fn action_stage_out_of_range() {
    assert_error_at(
        "action-stage-out-of-range",
        40,
        9,
        "action stage 5 does not exist; stages are numbered 1 to 2",
    );
}

#[test]
fn two_actions_for_the_same_dimension_and_stage() {
    assert_error_at(
        "duplicate-action",
        47,
        9,
        "a second action for dimension `data` at stage 1; keep one action per dimension and stage",
    );
}

#[test]
fn format_2_is_not_read() {
    assert_error_at(
        "format-2",
        2,
        10,
        "unsupported format 2: this version of cxm reads format 1; upgrade cxm or write the \
         file in format 1",
    );
}

#[test]
fn missing_format() {
    let out = validate_invalid("no-format");
    assert_eq!(
        out.stdout.lines().next(),
        Some(
            "tests/fixtures/questionnaires/invalid/no-format.toml: error: missing `format = 1` \
             at the top of the questionnaire"
        )
    );
}

#[test]
fn every_error_in_a_file_is_reported_at_once_in_file_order() {
    let out = validate_invalid("several-errors");
    let file = format!("{INVALID}/several-errors.toml");
    let errors: Vec<&str> = out
        .stdout
        .lines()
        .filter(|l| l.contains(": error: "))
        .collect();
    let positions: Vec<&str> = errors
        .iter()
        .map(|l| {
            l.strip_prefix(&format!("{file}:"))
                .unwrap()
                .split(": ")
                .next()
                .unwrap()
        })
        .collect();
    // The three defects. Dimension `data` (line 23) is left without questions by the
    // misspelt dimension of its only question, but that is the typo's consequence and
    // not reported again.
    assert_eq!(positions, ["18:6", "28:13", "35:11"], "{out}");
    assert!(errors[0].contains("duplicate stage id `low`"));
    assert!(errors[1].contains("dimension `dta`"));
    assert!(errors[2].contains("option stage 3"));
    assert_eq!(
        out.stdout.lines().last(),
        Some(format!("{file}: invalid: 3 errors").as_str())
    );
}

#[test]
fn missing_action_is_only_a_warning() {
    let file = "tests/fixtures/questionnaires/warning-missing-action.toml";
    let out = run(&["validate", file]).success();
    let lines: Vec<&str> = out.stdout.lines().collect();
    assert_eq!(lines.len(), 3, "{out}");
    assert!(
        lines[0].starts_with(&format!(
            "{file}:23:6: warning: dimension `data` has no action for stage `1`"
        )),
        "{out}"
    );
    // Its only action is for the top stage, where a dimension sustains instead.
    assert!(
        lines[1].starts_with(&format!(
            "{file}:40:9: warning: an action for the top stage 2 is never shown"
        )),
        "{out}"
    );
    assert!(
        lines[2].starts_with(&format!("{file}: ok: `mini`")),
        "{out}"
    );
    assert!(lines[2].ends_with(", 2 warnings"), "{out}");
}

#[test]
fn several_files_fail_when_any_has_an_error() {
    let good = "tests/fixtures/questionnaires/mini.toml";
    let bad = format!("{INVALID}/duplicate-stage-id.toml");
    let out = run(&["validate", good, &bad, "questionnaires/cx-maturity.en.toml"]).code(2);
    let lines: Vec<&str> = out.stdout.lines().collect();
    // Every file is checked, in the order given.
    assert_eq!(lines.len(), 4, "{out}");
    assert!(lines[0].starts_with(&format!("{good}: ok: ")));
    assert!(lines[1].starts_with(&format!("{bad}:18:6: error: ")));
    assert_eq!(lines[2], format!("{bad}: invalid: 1 error"));
    assert!(lines[3].starts_with("questionnaires/cx-maturity.en.toml: ok: "));

    // All valid: exit 0.
    run(&["validate", good, "questionnaires/cx-maturity.en.toml"]).success();
}

#[test]
fn unreadable_file_is_an_error() {
    let out = run(&["validate", "tests/fixtures/no-such-file.toml"]).code(2);
    assert!(
        out.stdout
            .starts_with("tests/fixtures/no-such-file.toml: error: could not read the file: "),
        "{out}"
    );
    // A directory is not a questionnaire either.
    let out = run(&["validate", "tests/fixtures"]).code(2);
    assert!(
        out.stdout
            .starts_with("tests/fixtures: error: could not read the file: "),
        "{out}"
    );
}

#[test]
fn validate_needs_a_file() {
    let out = run(&["validate"]).code(2);
    assert!(out.stderr.starts_with("error: "), "{out}");
    assert!(out.stderr.contains("<FILE>"), "{out}");
}

#[test]
fn every_invalid_fixture_is_invalid_with_the_expected_count() {
    // One defect is one error, except where it leaves something else broken too.
    let expected = [
        ("action-missing-dimension", "1 error, 1 warning"),
        ("action-stage-out-of-range", "1 error, 1 warning"),
        ("dimension-without-questions", "1 error, 1 warning"),
        ("duplicate-action", "1 error"),
        ("duplicate-dimension-id", "1 error"),
        ("duplicate-question-id", "1 error"),
        ("duplicate-stage-id", "1 error"),
        ("format-2", "1 error"),
        ("missing-dimension", "1 error"),
        ("no-format", "1 error"),
        ("not-kebab-case", "1 error"),
        ("one-option", "1 error"),
        ("one-stage", "2 errors"),
        ("option-stage-out-of-range", "1 error"),
        ("same-option-stage", "1 error"),
        ("several-errors", "3 errors"),
        ("stage-levels-out-of-order", "1 error"),
        ("unknown-key", "1 error"),
        ("weight-nan", "1 error"),
        ("weight-negative", "1 error"),
        ("weight-zero", "1 error"),
    ];
    let mut files: Vec<String> = std::fs::read_dir(format!("{}/{INVALID}", crate::common::ROOT))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    files.sort();
    let names: Vec<String> = expected.iter().map(|(n, _)| format!("{n}.toml")).collect();
    assert_eq!(files, names, "every fixture is listed here");

    for (name, summary) in expected {
        let out = validate_invalid(name);
        // The error count; warnings may follow it.
        let last = out.stdout.lines().last().unwrap();
        let head = format!("{INVALID}/{name}.toml: invalid: {summary}");
        assert!(
            last == head || last.starts_with(&format!("{head}, ")),
            "{out}"
        );
    }
}

#[test]
fn ok_line_counts_in_the_singular_for_one() {
    let out = run(&[
        "validate",
        "tests/fixtures/questionnaires/one-question.toml",
    ])
    .success();
    assert!(
        out.stdout
            .contains(", 1 dimension, 1 question, 1 warning\n"),
        "{out}"
    );
}

#[test]
fn a_dimension_with_fewer_than_3_questions_gets_a_warning() {
    let file = "tests/fixtures/questionnaires/one-question.toml";
    let out = run(&["validate", file]).success();
    assert!(
        out.stdout.starts_with(&format!(
            "{file}:23:6: warning: dimension `data` has only 1 question; with fewer than 3, a \
             single answer one step off can move its stage — add questions\n"
        )),
        "{out}"
    );
    // Three questions, one of which carries half the weight: the same risk.
    let heavy = "format = 1\n[questionnaire]\nid = \"h\"\nversion = \"1\"\nlanguage = \"en\"\n\
        title = \"H\"\n[[stages]]\nlevel = 1\nid = \"a\"\nname = \"A\"\nsummary = \"\"\n\
        [[stages]]\nlevel = 2\nid = \"b\"\nname = \"B\"\nsummary = \"\"\n\
        [[dimensions]]\nid = \"d\"\nname = \"D\"\n[[actions]]\ndimension = \"d\"\nstage = 1\n\
        title = \"T\"\ndetail = \"\"\n";
    let mut text = heavy.to_string();
    for (id, weight) in [("q1", 2.0), ("q2", 1.0), ("q3", 1.0)] {
        text += &format!(
            "[[questions]]\nid = \"{id}\"\ndimension = \"d\"\ntext = \"?\"\nweight = {weight:?}\n\
             [[questions.options]]\nstage = 1\ntext = \"x\"\n[[questions.options]]\nstage = 2\ntext = \"y\"\n"
        );
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("heavy.toml");
    std::fs::write(&path, text).unwrap();
    let out = run(&["validate", path.to_str().unwrap()]).success();
    assert!(
        out.stdout.contains(
            "warning: one option step of question `q1` moves dimension `d` by half a stage or \
             more, so its answer alone can move the dimension's stage; lower its weight, add \
             questions or give it an option for every stage"
        ),
        "{out}"
    );
}

#[test]
fn an_answers_file_given_as_a_questionnaire_says_so_in_one_line() {
    let out = run(&["validate", "examples/advanced.toml"]).code(2);
    assert_eq!(
        out.stdout,
        "examples/advanced.toml: error: this is an answers file, not a questionnaire; score \
         it with `cxm score examples/advanced.toml`\nexamples/advanced.toml: invalid: 1 error\n"
    );
    let out = run(&["validate", "examples/workshop-session.toml"]).code(2);
    assert!(
        out.stdout.starts_with(
            "examples/workshop-session.toml: error: this is a workshop session file, not a \
             questionnaire; score it with `cxm score examples/workshop-session.toml`\n"
        ),
        "{out}"
    );
}

/// A copy of the bundled questionnaire in `dir`, changed by `edit`.
fn bundled_copy(dir: &tempfile::TempDir, name: &str, edit: impl Fn(&str) -> String) -> String {
    let text = std::fs::read_to_string(format!(
        "{}/questionnaires/cx-maturity.en.toml",
        crate::common::ROOT
    ))
    .unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, edit(&text)).unwrap();
    path.display().to_string()
}

#[test]
fn against_an_earlier_version_lists_what_old_answers_would_lose() {
    let dir = tempfile::tempdir().unwrap();
    let old = bundled_copy(&dir, "old.toml", str::to_string);
    // Version 2 drops a question and the stage-5 option of another.
    let new = bundled_copy(&dir, "new.toml", |t| {
        // The end of the table that starts at `from`: the next header that is not one
        // of its options.
        let table_end = |t: &str, from: usize| {
            let mut at = from + 1;
            while let Some(i) = t[at..].find("\n[[") {
                at += i + 1;
                if !t[at..].starts_with("[[questions.options]]") {
                    return at;
                }
            }
            t.len()
        };
        let at = t.find("id = \"suggestion-source\"").unwrap();
        let start = t[..at].rfind("[[questions]]").unwrap();
        let t = format!("{}{}", &t[..start], &t[table_end(t, at)..]);
        let at = t.find("id = \"tailoring-basis\"").unwrap();
        let five = at + t[at..].find("stage = 5").unwrap();
        let option = t[..five].rfind("[[questions.options]]").unwrap();
        let end = table_end(&t, five);
        format!("{}{}", &t[..option], &t[end..])
    });
    let out = run(&["validate", &new, "--against", &old]).success();
    let lines: Vec<&str> = out.stdout.lines().collect();
    assert!(
        lines.contains(&format!(
            "{new}: warning: question `suggestion-source` of `cx-maturity` 2.0.0 is gone: answers \
             files made for it lose that answer"
        )
        .as_str()),
        "{out}"
    );
    assert!(
        lines.contains(
            &format!(
                "{new}: warning: question `tailoring-basis` no longer has an option for stage 5 as \
             `cx-maturity` 2.0.0 had: answers files with that answer no longer score"
            )
            .as_str()
        ),
        "{out}"
    );
    // The same file against itself loses nothing.
    let same = run(&["validate", &old, "--against", &old]).success();
    assert_eq!(same.stdout.lines().count(), 1, "{same}");
    // An invalid earlier version is an error of its own.
    let broken = bundled_copy(&dir, "broken.toml", |t| {
        t.replacen("level = 1", "level = 7", 1)
    });
    let message = run(&["validate", &new, "--against", &broken]).error();
    assert!(message.starts_with(&format!("--against {broken}: the earlier version must")));
}

#[test]
fn deny_warnings_fails_a_file_with_only_warnings() {
    let file = "tests/fixtures/questionnaires/one-question.toml";
    run(&["validate", file]).success();
    let out = run(&["validate", file, "--deny-warnings"]).code(2);
    assert!(
        out.stdout
            .ends_with(&format!("{file}: invalid: 1 warning (--deny-warnings)\n")),
        "{out}"
    );
    run(&[
        "validate",
        "questionnaires/cx-maturity.en.toml",
        "--deny-warnings",
    ])
    .success();
}

#[test]
fn json_diagnostics_have_severity_line_column_and_message() {
    let file = format!("{INVALID}/several-errors.toml");
    let out = run(&["validate", &file, "--format", "json"]).code(2);
    let doc = out.json();
    assert_eq!(doc["valid"], false);
    let f = &doc["files"][0];
    assert_eq!(f["file"], file.as_str());
    assert_eq!(
        (f["valid"].as_bool(), f["errors"].as_u64()),
        (Some(false), Some(3))
    );
    assert_eq!(f["questionnaire"], serde_json::Value::Null);
    let first = &f["diagnostics"][0];
    assert_eq!(first["severity"], "error");
    assert_eq!(
        (first["line"].as_u64(), first["column"].as_u64()),
        (Some(18), Some(6))
    );
    assert_eq!(
        first["message"],
        "duplicate stage id `low`; give each stage its own id"
    );
    let ok = run(&[
        "validate",
        "questionnaires/cx-maturity.en.toml",
        "-f",
        "json",
    ])
    .success();
    let doc = ok.json();
    assert_eq!(doc["valid"], true);
    assert_eq!(doc["files"][0]["questionnaire"]["questions"], 18);
    assert_eq!(doc["files"][0]["diagnostics"], serde_json::json!([]));
}

#[test]
fn shape_and_reference_errors_are_all_reported_in_one_run() {
    let dir = tempfile::tempdir().unwrap();
    // A misspelt key, a wrong type, a misspelt scoring word and a dangling reference.
    let file = bundled_copy(&dir, "client.toml", |t| {
        t.replacen("summary = ", "sumary = ", 1)
            .replacen("level = 2", "level = \"two\"", 1)
            .replacen("stage = \"nearest\"", "stage = \"nearst\"", 1)
    });
    let out = run(&["validate", &file]).code(2);
    let errors: Vec<&str> = out
        .stdout
        .lines()
        .filter(|l| l.contains(": error: "))
        .collect();
    assert_eq!(errors.len(), 4, "{out}");
    assert!(
        errors
            .iter()
            .any(|l| l.contains("error: unknown field `sumary`")),
        "{out}"
    );
    assert!(
        errors.iter().any(|l| l.contains("did you mean `summary`?")),
        "{out}"
    );
    assert!(
        errors
            .iter()
            .any(|l| l.contains("missing field `summary` in `stages`")),
        "{out}"
    );
    assert!(
        errors
            .iter()
            .any(|l| l.contains("`level` must be a whole number, not the text \"two\"")),
        "{out}"
    );
    assert!(
        errors.iter().any(|l| l.contains(
            "`stage` cannot be `nearst`; use `nearest` or `reached`; did you mean `nearest`?"
        )),
        "{out}"
    );
    // Each at its place, in file order.
    let lines: Vec<usize> = errors
        .iter()
        .map(|l| {
            l[file.len() + 1..]
                .split(':')
                .next()
                .unwrap()
                .parse()
                .unwrap()
        })
        .collect();
    assert!(lines.windows(2).all(|w| w[0] <= w[1]), "{lines:?}");

    // Only misspelt keys: the rest of the file is still checked.
    let file = bundled_copy(&dir, "typo.toml", |t| {
        t.replacen("horizon = ", "horizont = ", 1).replacen(
            "dimension = \"channels\"",
            "dimension = \"chanels\"",
            1,
        )
    });
    let out = run(&["validate", &file]).code(2);
    assert!(out.stdout.contains("unknown field `horizont`"), "{out}");
    assert!(
        out.stdout
            .contains("names dimension `chanels`, which does not exist"),
        "{out}"
    );

    // Wrong values of optional keys (a KPI, the stage rule) are left out with their
    // error, and the rest of the file is still checked: the dangling reference comes
    // in the same run. The warnings of a file read without those keys (e.g. "action
    // without a kpi") would not be about the file written, so none is shown.
    let file = bundled_copy(&dir, "types.toml", |t| {
        t.replacen("stage = \"nearest\"", "stage = \"nearst\"", 1)
            .replacen("kpi = \"", "kpi = 5 # \"", 1)
            .replacen("dimension = \"channels\"", "dimension = \"chanels\"", 1)
    });
    let out = run(&["validate", &file]).code(2);
    for wanted in [
        "`stage` cannot be `nearst`",
        "`kpi` must be a text in quotes, not the whole number 5",
        "names dimension `chanels`, which does not exist",
    ] {
        assert!(out.stdout.contains(wanted), "no `{wanted}`: {out}");
    }
    assert!(!out.stdout.contains(": warning: "), "{out}");
}

#[test]
fn a_file_name_with_escape_sequences_is_shown_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("x\u{1b}]0;pwned\u{7}.toml");
    std::fs::copy(
        format!("{}/{INVALID}/several-errors.toml", crate::common::ROOT),
        &file,
    )
    .unwrap();
    let out = run(&["validate", &file.display().to_string()]).code(2);
    assert!(!out.stdout.contains('\u{1b}'), "{out}");
    assert!(
        out.stdout
            .contains("x\\u{1b}]0;pwned\\u{7}.toml: invalid: 3 errors"),
        "{out}"
    );
}

#[test]
fn a_question_title_names_it_in_reports_and_may_not_be_empty() {
    let dir = tempfile::tempdir().unwrap();
    let file = bundled_copy(&dir, "empty-title.toml", |t| {
        t.replacen("title = \"What tailoring is based on\"", "title = \"\"", 1)
    });
    let out = run(&["validate", &file]).code(2);
    assert!(
        out.stdout.contains("error: question title is empty"),
        "{out}"
    );
}

#[test]
fn json_diagnostics_stop_at_fifty_per_file_and_count_the_rest() {
    // 200 unknown keys in `[questionnaire]`: 200 errors, 50 listed.
    let dir = tempfile::tempdir().unwrap();
    let extra: String = (0..200).map(|i| format!("unknown{i} = 1\n")).collect();
    let file = bundled_copy(&dir, "many.toml", |t| {
        t.replacen("[questionnaire]\n", &format!("[questionnaire]\n{extra}"), 1)
    });
    let doc = run(&["validate", &file, "--format", "json"]).code(2).json();
    let f = &doc["files"][0];
    assert_eq!(f["errors"], 200);
    assert_eq!(f["diagnostics"].as_array().unwrap().len(), 50);
    assert_eq!(f["omitted"], 150);
}
