//! `cxm compare`: progress between assessments in every format, the regression gate,
//! time series, files of another questionnaire version, and what it refuses.

use serde_json::Value;

use crate::common::{in_snapshot_dir, run};

const BEFORE: &str = "examples/early-stage-2025.toml";
const AFTER: &str = "examples/early-stage.toml";

fn dimension<'a>(c: &'a Value, id: &str) -> &'a Value {
    c["dimensions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["id"] == id)
        .unwrap()
}

#[test]
fn the_table_shows_stage_score_dimensions_and_moved_answers() {
    let out = run(&["compare", BEFORE, AFTER]).success();
    assert_eq!(out.stderr, "", "no gate, no verdict");
    in_snapshot_dir(|| insta::assert_snapshot!("compare_table", out.stdout));
}

#[test]
fn markdown_is_a_document_to_hand_over() {
    let out = run(&["compare", BEFORE, AFTER, "--format", "md"]).success();
    assert!(
        out.stdout
            .starts_with("# Customer Experience Maturity: progress\n")
    );
    in_snapshot_dir(|| insta::assert_snapshot!("compare_markdown", out.stdout));
}

#[test]
fn json_has_every_change_with_its_numbers() {
    let c = run(&["compare", BEFORE, AFTER, "-f", "json"])
        .success()
        .json();
    assert_eq!(c["schema_version"], 1);
    assert_eq!(c["snapshots"].as_array().unwrap().len(), 2);
    assert_eq!(c["snapshots"][0]["date"], "2025-11-20");
    let overall = &c["overall"];
    assert_eq!(overall["before_stage"]["level"], 1);
    assert_eq!(overall["after_stage"]["level"], 1);
    assert_eq!(overall["stage_change"], 0);
    let delta = overall["delta"].as_f64().unwrap();
    let (b, a) = (
        overall["before_score"].as_f64().unwrap(),
        overall["after_score"].as_f64().unwrap(),
    );
    assert!((a - b - delta).abs() < 1e-9);
    let timing = dimension(&c, "timing");
    assert_eq!(timing["stage_change"], -1);
    assert_eq!(dimension(&c, "channels")["stage_change"], 1);
    assert_eq!(
        c["regressions"],
        serde_json::json!(["Timing of Interaction from 2 (Segment-Based) to 1 (Uniform)"])
    );
    let moved: Vec<&str> = c["moved"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["question"].as_str().unwrap())
        .collect();
    assert_eq!(moved.len(), 11, "{moved:?}");
    assert!(moved.contains(&"contact-timing"));
    assert!(!moved.contains(&"offer-exclusions"), "1 both times");
    assert_eq!(c["not_compared"], serde_json::json!([]));
    assert_eq!(c["target"], Value::Null);
}

#[test]
fn fail_on_regression_exits_1_with_one_line_when_a_stage_went_down() {
    let out = run(&[
        "compare",
        BEFORE,
        AFTER,
        "--fail-on-regression",
        "-o",
        "-",
        "-f",
        "json",
    ])
    .code(1);
    assert_eq!(
        out.stderr,
        "regression: Timing of Interaction from 2 (Segment-Based) to 1 (Uniform)\n"
    );
    assert_eq!(
        out.json()["overall"]["stage_change"],
        0,
        "the report still comes"
    );
    // The other way round, stages only go down where they went up; and the files are
    // not oldest first, which is worth a warning before the verdict.
    let back = run(&["compare", AFTER, BEFORE, "--fail-on-regression"]).code(1);
    let lines: Vec<&str> = back.stderr.lines().collect();
    assert_eq!(
        lines[0],
        format!(
            "warning: {BEFORE} (2025-11-20) is older than {AFTER} (2026-11-23) before it; \
             give the files oldest first"
        ),
        "{back}"
    );
    assert!(
        lines[1].starts_with("regression: Channels and Touchpoints from 2"),
        "{back}"
    );
    // The same file twice: nothing went down.
    let same = run(&["compare", AFTER, AFTER, "--fail-on-regression"]).success();
    assert_eq!(same.stderr, "no regression: no stage went down\n");
}

#[test]
fn a_time_series_compares_the_first_with_the_last_and_shows_every_score() {
    let c = run(&[
        "compare",
        BEFORE,
        AFTER,
        "examples/advanced.toml",
        "-f",
        "json",
    ])
    .success()
    .json();
    assert_eq!(c["snapshots"].as_array().unwrap().len(), 3);
    assert_eq!(c["overall"]["before_stage"]["level"], 1);
    assert_eq!(c["overall"]["after_stage"]["level"], 3);
    // advanced.toml sets target_stage = 4. The overall stage is the weakest
    // dimension's, so progress is measured on the weakest dimension's score:
    // from 1.00 (2025) to 3.33 (Timing), of the way from 1.00 to 4.
    let target = &c["target"];
    assert_eq!(target["stage"]["level"], 4);
    assert_eq!(target["gap"], 1);
    let weakest = |i: usize| {
        c["snapshots"][i]["dimensions"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|d| d["score"].as_f64())
            .fold(f64::INFINITY, f64::min)
    };
    let (b, a) = (weakest(0), weakest(2));
    assert!(
        (b - 1.0).abs() < 1e-9 && (a - 10.0 / 3.0).abs() < 1e-9,
        "{b} {a}"
    );
    let progress = target["progress"].as_f64().unwrap();
    assert!((progress - (a - b) / (4.0 - b)).abs() < 1e-9);
    assert!(progress < 1.0, "not there while a stage is still to go");
    let table = run(&["compare", BEFORE, AFTER, "examples/advanced.toml"]).success();
    assert!(
        table.stdout.contains("Score:         1.22 -> 1.72 -> 4.11"),
        "{table}"
    );
    assert!(
        table.stdout.contains("Target:        4 Cross-Channel: "),
        "{table}"
    );
}

#[test]
fn a_file_of_an_older_version_is_carried_over_and_what_cannot_be_is_named() {
    let c = run(&[
        "compare",
        "tests/fixtures/answers/cx-maturity-1.0.0.toml",
        AFTER,
        "-f",
        "json",
    ])
    .success()
    .json();
    let not_compared = c["not_compared"].as_array().unwrap();
    assert!(!not_compared.is_empty());
    assert!(not_compared.iter().all(|q| {
        c["moved"]
            .as_array()
            .unwrap()
            .iter()
            .all(|m| m["question"] != *q)
    }));
}

#[test]
fn files_of_different_questionnaires_are_refused() {
    let message = run(&[
        "compare",
        AFTER,
        "tests/fixtures/answers/small.toml",
        "-Q",
        "tests/fixtures/questionnaires/small.toml",
    ])
    .error();
    assert_eq!(
        message,
        "tests/fixtures/answers/small.toml answers questionnaire `small`, but \
         examples/early-stage.toml answers `cx-maturity`; compare files of the same questionnaire"
    );
    assert!(run(&["compare", AFTER]).code(2).stderr.contains("AFTER"));
    let csv = run(&["compare", BEFORE, AFTER, "-f", "csv"]).error();
    assert!(
        csv.starts_with("cxm compare writes table, json, markdown or html, not csv"),
        "{csv}"
    );
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("c.pdf").display().to_string();
    let message = run(&["compare", BEFORE, AFTER, "-o", &pdf]).error();
    assert!(
        message.starts_with("cannot write a comparison to"),
        "{message}"
    );
}

#[test]
fn output_files_hold_what_the_format_prints() {
    let dir = tempfile::tempdir().unwrap();
    let md = dir.path().join("progress.md");
    let json = dir.path().join("progress.json");
    run(&[
        "compare",
        BEFORE,
        AFTER,
        "-o",
        &md.display().to_string(),
        "-o",
        &json.display().to_string(),
    ])
    .success();
    let shown = run(&["compare", BEFORE, AFTER, "-f", "md"])
        .success()
        .stdout;
    assert_eq!(std::fs::read_to_string(&md).unwrap(), shown);
    let parsed: Value = serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
    assert_eq!(parsed["overall"]["stage_change"], 0);
}

#[test]
fn the_html_page_draws_before_and_after_as_two_outlines() {
    let html = run(&["compare", BEFORE, AFTER, "-f", "html"])
        .success()
        .stdout;
    let page = scraper::Html::parse_document(&html);
    let count = |css: &str| page.select(&scraper::Selector::parse(css).unwrap()).count();
    assert_eq!(count("svg.radar line.spoke"), 6);
    assert_eq!(count("svg.radar polygon.series.before"), 1);
    assert_eq!(count("svg.radar polygon.series.after"), 1);
    assert_eq!(count("table.changes tbody tr"), 6);
    assert_eq!(count("section.moved tbody tr"), 11);
    assert_eq!(count("script"), 0);
    assert!(
        html.contains("Went down: Timing of Interaction from 2 (Segment-Based) to 1 (Uniform)")
    );
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("progress.html");
    run(&["compare", BEFORE, AFTER, "-o", &file.display().to_string()]).success();
    assert_eq!(std::fs::read_to_string(&file).unwrap(), html);
}

#[test]
fn files_of_different_organisations_get_a_warning_and_the_report_names_the_latest() {
    let out = run(&["compare", "examples/advanced.toml", AFTER]).success();
    assert_eq!(
        out.stderr,
        "warning: the files assess different organisations (Helio Telecom AG, Nordwind \
         Outdoor GmbH); progress is meant for one\n"
    );
    assert!(
        out.stdout
            .contains("\nOrganisation:  Nordwind Outdoor GmbH\n"),
        "{out}"
    );
    let html = run(&["compare", BEFORE, AFTER, "-f", "html"])
        .success()
        .stdout;
    assert!(
        html.contains("<p><strong>Nordwind Outdoor GmbH</strong></p>"),
        "{html}"
    );
}

#[test]
fn no_output_is_written_over_an_input_or_a_non_file_and_all_are_checked_first() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a.md"), dir.path().join("b.md"));
    std::fs::copy(format!("{}/{BEFORE}", crate::common::ROOT), &a).unwrap();
    std::fs::copy(format!("{}/{AFTER}", crate::common::ROOT), &b).unwrap();
    let (a, b) = (a.to_str().unwrap(), b.to_str().unwrap());
    let before = std::fs::read_to_string(b).unwrap();
    let out = run(&["compare", a, b, "-o", b]).code(2);
    assert!(out.stderr.contains("is the input"), "{out}");
    assert_eq!(
        std::fs::read_to_string(b).unwrap(),
        before,
        "the input is intact"
    );
    // A later bad destination stops the run before the first is written.
    let first = dir.path().join("first.json");
    let out = run(&[
        "compare",
        a,
        b,
        "-o",
        first.to_str().unwrap(),
        "-o",
        "/nonexistent/x.md",
    ]);
    assert_eq!(out.code, Some(2), "{out}");
    assert!(!first.exists());
    #[cfg(unix)]
    {
        let fifo = dir.path().join("f.md");
        crate::common::mkfifo(&fifo);
        let out = run(&["compare", a, b, "-o", fifo.to_str().unwrap()]).code(2);
        assert!(out.stderr.contains("is not a regular file"), "{out}");
        assert!(crate::common::is_fifo(&fifo));
    }
}
