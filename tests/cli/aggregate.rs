//! `cxm aggregate`: three respondents' files (`tests/fixtures/respondents/`) merged
//! into one group report, in every format, and what it refuses.

use crate::common::{in_snapshot_dir, question, run};

const DIR: &str = "tests/fixtures/respondents";

#[test]
fn a_directory_gives_every_toml_file_in_it_and_not_in_its_subdirectories() {
    let report = run(&["aggregate", DIR, "-f", "json"]).success().json();
    assert_eq!(report["respondents"], 3, "older/dora.toml is not read");
    assert!(report.get("skipped").is_none());
}

#[test]
fn each_question_has_its_distribution_n_spread_consensus_and_group_answer() {
    let report = run(&["aggregate", DIR, "-f", "json"]).success().json();
    // tailoring-basis: Anna 2, Ben 1, Chris 4.
    let q = question(&report, "tailoring-basis");
    assert_eq!(
        q["distribution"],
        serde_json::json!({"1": 1, "2": 1, "4": 1})
    );
    assert_eq!(q["n"], 3);
    assert_eq!(q["spread"], 3);
    assert_eq!(q["answer"], 2, "the lower median");
    // Leik: k = 5, F = 1/3, 2/3, 2/3, 1 → D = 2/4 · (1/3 + 1/3 + 1/3 + 0) = 0.5.
    assert!((q["consensus"].as_f64().unwrap() - 0.5).abs() < 1e-12);
    // Everyone at 1 for offer-exclusions? Anna 1, Ben 1, Chris 4: lower median 1.
    assert_eq!(question(&report, "offer-exclusions")["answer"], 1);
    // Per dimension, the respondents' own scores.
    let personalisation = &report["dimensions"][0];
    assert_eq!(
        personalisation["respondent_scores"],
        serde_json::json!({"median": 1.33, "min": 1.0, "max": 4.33})
    );
    // The group report is scored with the normal rules.
    assert_eq!(report["overall"]["stage"]["level"], 1);
}

#[test]
fn the_table_lists_the_spread_and_the_least_agreement_first() {
    let out = run(&["aggregate", DIR]).success();
    assert!(out.stdout.contains("\nRespondents:   3\n"), "{out}");
    in_snapshot_dir(|| insta::assert_snapshot!("aggregate_table", out.stdout));
    let md = run(&["aggregate", DIR, "-f", "md"]).success().stdout;
    assert!(md.contains("| Respondents | 3 |"), "{md}");
    assert!(md.contains("\n## Where the respondents disagree, least agreement first\n"));
    let first = md
        .lines()
        .skip_while(|l| !l.starts_with("## Where"))
        .find(|l| l.starts_with("| ") && !l.starts_with("| Question"))
        .unwrap();
    assert!(
        first.contains("consensus 0.33"),
        "lowest consensus first: {first}"
    );
    // HTML and CSV take the group report like any other.
    assert!(
        run(&["aggregate", DIR, "-f", "html"])
            .success()
            .stdout
            .contains("<svg")
    );
    assert!(
        run(&["aggregate", DIR, "-f", "csv"])
            .success()
            .stdout
            .starts_with("dimension_id,")
    );
}

#[test]
fn an_invalid_file_fails_naming_it_unless_skipped() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["anna", "ben"] {
        std::fs::copy(
            format!("{DIR}/{name}.toml"),
            dir.path().join(format!("{name}.toml")),
        )
        .unwrap();
    }
    let bad = dir.path().join("broken.toml");
    std::fs::write(
        &bad,
        "format = 1\nquestionnaire = \"cx-maturity\"\n[answers\n",
    )
    .unwrap();
    let path = dir.path().display().to_string();
    let message = run(&["aggregate", &path]).error();
    assert!(
        message.starts_with(&format!("invalid answers file {}:3:", bad.display())),
        "{message}"
    );
    assert!(message.ends_with("; fix it, or leave such files out with --skip-invalid"));
    let out = run(&["aggregate", &path, "--skip-invalid", "-f", "json"]).success();
    assert!(
        out.stderr
            .starts_with(&format!("skipped: invalid answers file {}", bad.display()))
    );
    let report = out.json();
    assert_eq!(
        (report["respondents"].as_u64(), report["skipped"].as_u64()),
        (Some(2), Some(1))
    );
    // Too few left.
    let out = run(&[
        "aggregate",
        &path,
        "--skip-invalid",
        "--min-respondents",
        "3",
    ])
    .code(2);
    assert!(
        out.stderr.ends_with(
            "\nerror: only 2 respondents to aggregate, fewer than --min-respondents 3\n"
        ),
        "{out}"
    );
    assert_eq!(out.stdout, "");
}

#[test]
fn a_file_of_another_questionnaire_is_refused() {
    let message = run(&[
        "aggregate",
        &format!("{DIR}/anna.toml"),
        "tests/fixtures/answers/small.toml",
    ])
    .error();
    assert!(
        message.starts_with(
            "tests/fixtures/answers/small.toml answers questionnaire `small`, not `cx-maturity`"
        ),
        "{message}"
    );
    assert!(
        run(&["aggregate", "no/such/dir"])
            .error()
            .contains("does not exist")
    );
}

#[test]
fn per_respondent_csv_has_a_row_per_respondent_and_question() {
    let csv = run(&["aggregate", DIR, "-f", "csv", "--per-respondent"])
        .success()
        .stdout;
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines[0],
        "file,respondent,dimension_id,dimension,question_id,question,answer,option,stage,note"
    );
    assert_eq!(lines.len(), 1 + 3 * 18);
    assert!(lines[1].starts_with(&format!("{DIR}/anna.toml,Anna,personalisation,")));
    assert!(lines[19].starts_with(&format!("{DIR}/ben.toml,Ben,personalisation,")));
    // Only the CSV view has such rows.
    let message = run(&["aggregate", DIR, "--per-respondent"]).error();
    assert_eq!(
        message,
        "--per-respondent shapes the CSV view; add --format csv or -o FILE.csv"
    );
}

#[test]
fn files_of_another_questionnaire_version_are_counted_in_one_warning() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(format!("{DIR}/anna.toml"), dir.path().join("anna.toml")).unwrap();
    let text = std::fs::read_to_string(format!("{DIR}/ben.toml")).unwrap();
    std::fs::write(
        dir.path().join("ben.toml"),
        text.replace(
            "questionnaire_version = \"2.0.0\"",
            "questionnaire_version = \"2.1.0\"",
        ),
    )
    .unwrap();
    let out = run(&["aggregate", &dir.path().display().to_string(), "-f", "json"]).success();
    assert_eq!(
        out.stderr,
        "warning: 1 of the files were answered with another version of questionnaire \
         `cx-maturity`; they are scored against version 2.0.0\n"
    );
    assert_eq!(out.json()["respondents"], 2);
}

#[test]
fn a_questionnaire_instead_of_answers_says_so() {
    let message = run(&["aggregate", "questionnaires/cx-maturity.en.toml"]).error();
    assert!(
        message.starts_with("no answers file could be read; the first says: invalid answers file"),
        "{message}"
    );
    assert!(
        message.contains("this is a questionnaire, not an answers file"),
        "{message}"
    );
}

#[test]
fn a_target_gives_the_group_its_gap_and_roadmap() {
    let report = run(&["aggregate", DIR, "--target", "cross-channel", "-f", "json"])
        .success()
        .json();
    assert_eq!(report["target"]["stage"]["level"], 4);
    assert!(
        !report["target"]["roadmap"].as_array().unwrap().is_empty(),
        "{report}"
    );
    let table = run(&["aggregate", DIR, "--target", "4"]).success().stdout;
    assert!(table.contains("\nRoadmap to 4 Cross-Channel\n"), "{table}");
    let message = run(&["aggregate", DIR, "--target", "9"]).code(2).stderr;
    assert!(
        message.starts_with("error: --target 9: no such stage"),
        "{message}"
    );
}

#[test]
fn a_template_brands_the_group_report() {
    let dir = tempfile::tempdir().unwrap();
    let template = dir.path().join("brand.html");
    std::fs::write(&template, "<h1>ACME</h1>{{ respondents }} respondents\n").unwrap();
    let template = template.to_str().unwrap();
    let out = run(&["aggregate", DIR, "-f", "html", "--template", template]).success();
    assert_eq!(out.stdout.trim_end(), "<h1>ACME</h1>3 respondents");
}

#[test]
fn an_output_that_is_one_of_the_inputs_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.md");
    std::fs::copy(format!("{}/{DIR}/anna.toml", crate::common::ROOT), &a).unwrap();
    let before = std::fs::read_to_string(&a).unwrap();
    let a = a.to_str().unwrap();
    let out = run(&["aggregate", a, &format!("{DIR}/ben.toml"), "-o", a]).code(2);
    assert!(out.stderr.contains("is the input"), "{out}");
    assert_eq!(std::fs::read_to_string(a).unwrap(), before);
}

#[test]
fn every_group_answer_in_the_report_comes_with_its_n() {
    // What lifts the stage and the answers below it are group answers too.
    let table = run(&["aggregate", DIR]).success().stdout;
    assert!(
        table.contains("-> Whole groups are left out ...; n 3)"),
        "{table}"
    );
    assert!(
        table.contains("Who is responsible (1: Nobody is named.; n 3)"),
        "{table}"
    );
    let html = run(&["aggregate", DIR, "-f", "html"]).success().stdout;
    assert!(html.contains("(n&nbsp;3)</li>"), "{html}");
    // The answers behind each dimension too.
    assert!(
        html.contains("<span class=\"muted\">(n&nbsp;3)</span>"),
        "{html}"
    );
    let md = run(&["aggregate", DIR, "-f", "md"]).success().stdout;
    assert!(
        md.contains("e.g. by region, age or interest. (n 3) |"),
        "{md}"
    );
}

#[cfg(unix)]
#[test]
fn a_file_name_with_an_escape_sequence_never_reaches_the_csv() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        format!("{}/{DIR}/anna.toml", crate::common::ROOT),
        dir.path().join("a\u{1b}]0;x\u{7}.toml"),
    )
    .unwrap();
    let out = run(&[
        "aggregate",
        dir.path().to_str().unwrap(),
        "--per-respondent",
        "-f",
        "csv",
    ])
    .success();
    assert!(!out.stdout.contains(['\u{1b}', '\u{7}']), "{out:?}");
}
