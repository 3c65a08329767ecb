//! `cxm score`: stages of the examples, every output format, `-o`, standard input,
//! the `--min-stage` gate and `--questionnaire`.

use std::io::Read;
use std::process::{Command, Stdio};

use serde_json::{Value, json};

use crate::common::{
    ROOT, Run, assert_plain_and_fits, in_snapshot_dir, run, run_with_stdin, without_locale,
};

/// The report fixture: every kind of answer, a dimension at the top stage, one
/// without a valued answer, and `|` in a dimension name and an action title.
const REPORT_ANSWERS: &str = "tests/fixtures/answers/report.toml";
const REPORT_QUESTIONNAIRE: &str = "tests/fixtures/questionnaires/report.toml";
const SMALL_QUESTIONNAIRE: &str = "tests/fixtures/questionnaires/small.toml";

/// Ids of the dimensions of a JSON report whose stage is `level`.
fn dimensions_at(report: &Value, level: u64) -> Vec<&str> {
    report["dimensions"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["stage"]["level"] == level)
        .map(|d| d["id"].as_str().unwrap())
        .collect()
}

fn dimension<'a>(report: &'a Value, id: &str) -> &'a Value {
    report["dimensions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["id"] == id)
        .unwrap_or_else(|| panic!("no dimension `{id}` in the report"))
}

fn question<'a>(report: &'a Value, id: &str) -> &'a Value {
    report["questions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|q| q["id"] == id)
        .unwrap_or_else(|| panic!("no question `{id}` in the report"))
}

fn assert_close(actual: &Value, expected: f64) {
    let actual = actual
        .as_f64()
        .unwrap_or_else(|| panic!("{actual} is not a number"));
    assert!(
        (actual - expected).abs() < 1e-9,
        "expected {expected}, got {actual}"
    );
}

// ---------------------------------------------------------------------------
// The examples: the stages the spec expects.
// ---------------------------------------------------------------------------

#[test]
fn early_stage_example_is_at_stage_1_uniform() {
    let report = run(&["score", "examples/early-stage.toml", "--format", "json"])
        .success()
        .json();

    assert_eq!(report["overall"]["stage"]["level"], 1);
    assert_eq!(report["overall"]["stage"]["id"], "uniform");
    assert_eq!(report["overall"]["stage"]["name"], "Uniform");
    assert_eq!(report["overall"]["method"], "weakest-link");
    // Every question answered.
    assert_eq!(report["complete"], true);
    assert_eq!(
        report["coverage"],
        json!({"questions": 18, "answered": 18, "not_applicable": 0, "unknown": 0, "unanswered": 0})
    );
    // Weakest link: the dimensions at stage 1 hold it back; the others are at stage 2.
    let at_1 = dimensions_at(&report, 1);
    assert_eq!(at_1, ["personalisation", "timing"]);
    assert_eq!(report["overall"]["held_back_by"], json!(at_1));
    assert_eq!(
        dimensions_at(&report, 2),
        [
            "channels",
            "customer-data",
            "strategy-organisation",
            "customer-insight"
        ]
    );
    // Personalisation answers 2, 1, 1: a mean of 1.33, nearest to stage 1.
    assert_close(&dimension(&report, "personalisation")["score"], 4.0 / 3.0);
    // One step on an answer still at 1 in each of the two weakest dimensions lifts
    // the company to stage 2 (raising their answers already at 2 would cost as much
    // but leap past the stage being reached).
    assert_eq!(
        report["overall"]["lift"],
        json!([
            {"question": "offer-exclusions", "title": "Who is left out of an offer",
             "from": 1, "to": 2,
             "from_option": "We don't: it goes to everyone we may contact.",
             "to_option": "Whole groups are left out by who they are, e.g. all business customers."},
            {"question": "contact-timing", "title": "When a message goes out",
             "from": 1, "to": 2,
             "from_option": "The calendar: seasons, holidays and campaigns, the same dates for everyone.",
             "to_option": "A plan per customer group, set weeks ahead, e.g. a spring campaign for families."}
        ])
    );
    // Strategy answers 2, 1, 2 (1.67, stage 2): one answer below it.
    assert_eq!(
        dimension(&report, "strategy-organisation")["gaps"],
        json!([{"question": "cx-responsibility", "title": "Who is responsible", "stage": 1,
                "option": "Nobody is named."}])
    );
    assert_eq!(report["target_stage"], Value::Null);
}

#[test]
fn advanced_example_is_at_stage_3_held_back_by_timing() {
    let report = run(&["score", "examples/advanced.toml", "--format", "json"])
        .success()
        .json();

    assert_eq!(report["overall"]["stage"]["level"], 3);
    assert_eq!(report["overall"]["stage"]["id"], "multichannel");
    assert_eq!(report["overall"]["held_back_by"], json!(["timing"]));
    // Timing answers 3, 3, 4: a mean of 3.33, stage 3; every other dimension is at 4.
    assert_close(&dimension(&report, "timing")["score"], 10.0 / 3.0);
    assert_eq!(dimensions_at(&report, 3), ["timing"]);
    assert_eq!(dimensions_at(&report, 4).len(), 5);
    // One answer one step up lifts timing, and the company, to 4.
    let lift = &report["overall"]["lift"];
    assert_eq!(lift.as_array().unwrap().len(), 1, "{lift}");
    assert_eq!(lift[0]["question"], "update-speed");
    assert_eq!((&lift[0]["from"], &lift[0]["to"]), (&json!(3), &json!(4)));
    assert_eq!(dimension(&report, "timing")["lift"], *lift);
    assert_eq!(report["overall"]["stage_rule"], "nearest");
    assert_eq!(
        report["target_stage"],
        json!({"level": 4, "id": "cross-channel", "name": "Cross-Channel"})
    );
    assert_eq!(report["complete"], true);
    assert_eq!(report["coverage"]["answered"], 18);
}

#[test]
fn overall_score_is_the_weighted_mean_of_the_dimension_scores() {
    let report = run(&["score", "examples/early-stage.toml", "--format", "json"])
        .success()
        .json();
    let (sum, weights) =
        report["dimensions"]
            .as_array()
            .unwrap()
            .iter()
            .fold((0.0, 0.0), |(s, w), d| {
                let weight = d["weight"].as_f64().unwrap();
                (s + d["score"].as_f64().unwrap() * weight, w + weight)
            });
    assert_close(&report["overall"]["score"], sum / weights);
    assert_eq!(report["overall"]["max_score"], 5);
}

// ---------------------------------------------------------------------------
// Output formats.
// ---------------------------------------------------------------------------

#[test]
fn table_is_plain_and_fits_80_columns_in_a_pipe() {
    for answers in ["examples/early-stage.toml", "examples/advanced.toml"] {
        let out = run(&["score", answers]).success();
        assert_plain_and_fits(&out.stdout, 80);
        assert_eq!(out.stderr, "");
    }
    let out = run(&["score", REPORT_ANSWERS, "-Q", REPORT_QUESTIONNAIRE]).success();
    assert_plain_and_fits(&out.stdout, 80);
}

#[test]
fn table_shows_the_stage_scores_and_next_actions() {
    let out = run(&["score", "examples/early-stage.toml"]).success();
    let table = &out.stdout;

    assert!(table.starts_with("Customer Experience Maturity\n"));
    assert!(table.contains("Organisation:  Nordwind Outdoor GmbH\n"));
    assert!(table.contains("Overall stage: 1 Uniform (the stage of your weakest dimension)\n"));
    assert!(table.contains("Score:         1.72 / 5 (average of the dimension scores)\n"));
    assert!(table.contains(
        "Answers:       18 of 18 answered, 0 not applicable, 0 don't know, 0 unanswered\n"
    ));
    assert!(table.contains("Complete:      yes\n"));
    // The ladder marks the overall stage with `>`.
    assert!(table.contains("\n> 1 Uniform "));
    // Each stage says what it means; the dimensions there follow.
    assert!(table.contains(
        "\n  2 Segment-Based  Customers are sorted into a few groups, and one touchpoint\n"
    ));
    assert!(table.contains(
        "                   Here: Channels and Touchpoints, Customer Data, Strategy and\n"
    ));
    // What lifts the company: one step on each of two answers.
    assert!(table.contains(
        "\nTo reach 2 Segment-Based: Who is left out of an offer (We don't: it goes to ...\n"
    ));
    // Personalisation (1.33) is the weakest dimension, so its action comes first.
    let row = table
        .lines()
        .find(|l| l.starts_with("| Personalisation "))
        .unwrap();
    let cells: Vec<&str> = row.split('|').map(str::trim).collect();
    assert_eq!(cells[1..4], ["Personalisation", "1.33", "1 Uniform"]);
    assert!(table.contains(
        "1. Personalisation: Give two or three customer groups their own content\n   1 Uniform -> 2 Segment-Based\n"
    ));
    in_snapshot_dir(|| insta::assert_snapshot!("early_stage_table", table));
}

#[test]
fn json_report_has_every_documented_field() {
    let report = run(&[
        "score",
        REPORT_ANSWERS,
        "--questionnaire",
        REPORT_QUESTIONNAIRE,
        "--format",
        "json",
    ])
    .success()
    .json();

    assert_eq!(report["schema_version"], 1);
    assert_eq!(
        report["tool"],
        json!({"name": "cxm", "version": env!("CARGO_PKG_VERSION")})
    );
    assert_eq!(
        report["questionnaire"],
        json!({"id": "report-test", "version": "1.0.0", "language": "en", "title": "Report Test"})
    );
    assert_eq!(report["organisation"], "Example | Co");
    assert_eq!(report["respondent"], Value::Null);
    // An unquoted TOML date comes out as the same text.
    assert_eq!(report["date"], "2026-11-23");

    // Weakest link: People (stage 1) sets the overall stage. The score is the
    // weighted mean of Data | Analytics (3.0, weight 2) and People (5/3, weight 1);
    // Tools has no score and is left out.
    let overall = &report["overall"];
    assert_eq!(
        overall["stage"],
        json!({"level": 1, "id": "crawl", "name": "Crawl"})
    );
    assert_close(&overall["score"], (3.0 * 2.0 + 5.0 / 3.0) / 3.0);
    assert_eq!(overall["method"], "weakest-link");
    assert_eq!(overall["held_back_by"], json!(["people"]));
    assert_eq!(overall["max_score"], 3);

    assert_eq!(report["complete"], false);
    assert_eq!(
        report["coverage"],
        json!({"questions": 6, "answered": 3, "not_applicable": 1, "unknown": 1, "unanswered": 1})
    );
    assert_eq!(report["gate"], Value::Null);

    let dimensions = report["dimensions"].as_array().unwrap();
    let ids: Vec<&str> = dimensions
        .iter()
        .map(|d| d["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["data", "people", "tools"]);
    for d in dimensions {
        for key in ["id", "name", "weight", "score", "stage", "next_action"] {
            assert!(d.get(key).is_some(), "dimension without `{key}`: {d}");
        }
    }
    let data = dimension(&report, "data");
    assert_eq!(data["name"], "Data | Analytics");
    assert_eq!(data["weight"], 2.0);
    assert_eq!(data["stage"]["id"], "run");
    assert_eq!(
        data["next_action"],
        Value::Null,
        "no action at the top stage"
    );
    assert_eq!(data["no_action"], "sustain");
    let people = dimension(&report, "people");
    // people-skills 1 (weight 1) and people-training 2 (weight 2): (1 + 4) / 3.
    assert_close(&people["score"], 5.0 / 3.0);
    assert_eq!(people["next_action"]["title"], "Train one team | then all");
    assert_eq!(people["next_action"]["owner"], "HR");
    let tools = dimension(&report, "tools");
    assert_eq!(tools["score"], Value::Null);
    assert_eq!(tools["stage"], Value::Null);
    assert_eq!(tools["next_action"], Value::Null);
    assert_eq!(tools["no_action"], "not-assessed");

    // Answers are a stage number, "n/a", "unknown", or null when unanswered.
    let questions = report["questions"].as_array().unwrap();
    assert_eq!(questions.len(), 6);
    for q in questions {
        for key in ["id", "dimension", "answer", "note"] {
            assert!(q.get(key).is_some(), "question without `{key}`: {q}");
        }
        let a = &q["answer"];
        assert!(
            a.is_u64() || a == "n/a" || a == "unknown" || a.is_null(),
            "unexpected answer {a}"
        );
    }
    assert_eq!(question(&report, "data-quality")["answer"], 3);
    assert_eq!(
        question(&report, "data-quality")["option"],
        "Checked automatically."
    );
    assert_eq!(question(&report, "data-freshness")["answer"], "n/a");
    assert_eq!(question(&report, "tools-budget")["answer"], "unknown");
    assert_eq!(question(&report, "tools-licences")["answer"], Value::Null);
    assert_eq!(question(&report, "people-skills")["dimension"], "people");
    assert_eq!(
        question(&report, "people-skills")["note"],
        "Only two analysts know SQL."
    );
    assert_eq!(question(&report, "people-training")["note"], Value::Null);
}

#[test]
fn markdown_report_escapes_pipes_in_table_cells() {
    let out = run(&[
        "score",
        REPORT_ANSWERS,
        "-Q",
        REPORT_QUESTIONNAIRE,
        "--format",
        "markdown",
    ])
    .success();
    let md = &out.stdout;

    assert!(md.starts_with("# Report Test: stage report\n"));
    assert!(md.contains("| Organisation | Example \\| Co |\n"));
    assert!(md.contains("| Overall stage | **1 Crawl** (the stage of your weakest dimension) |\n"));
    assert!(md.contains("| Data \\| Analytics | 3.00 | 3 Run | Sustain: top stage reached |\n"));
    assert!(md.contains("| People | 1.67 | 1 Crawl | Train one team \\| then all |\n"));
    assert!(md.contains("| Tools | – | not assessed | Answer its questions to get a stage |\n"));
    // Headings are not tables: no escape there.
    assert!(md.contains("\n### 1. People: Train one team | then all\n"));

    // Every row of a table has as many cell separators as its header.
    for table in md.split("\n\n").filter(|b| b.starts_with('|')) {
        let separators = |line: &str| line.replace("\\|", "").matches('|').count();
        let header = table.lines().next().unwrap();
        for row in table.lines() {
            assert_eq!(
                separators(row),
                separators(header),
                "row `{row}` in\n{table}"
            );
        }
    }
    in_snapshot_dir(|| insta::assert_snapshot!("report_markdown", md));
}

#[test]
fn markdown_lists_next_actions_weakest_dimension_first() {
    let json = run(&["score", "examples/early-stage.toml", "-f", "json"])
        .success()
        .json();
    let mut dims: Vec<(u64, f64, &str)> = json["dimensions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            let level = d["stage"]["level"].as_u64().unwrap();
            (
                level,
                d["score"].as_f64().unwrap(),
                d["name"].as_str().unwrap(),
            )
        })
        .collect();
    // By stage, then score; the sort is stable, so ties keep questionnaire order.
    dims.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)));

    let md = run(&["score", "examples/early-stage.toml", "-f", "markdown"])
        .success()
        .stdout;
    let headings: Vec<&str> = md
        .lines()
        .filter_map(|l| l.strip_prefix("### "))
        .map(|h| h.split_once(". ").unwrap().1.split(':').next().unwrap())
        .collect();
    let expected: Vec<&str> = dims.iter().map(|d| d.2).collect();
    assert_eq!(headings, expected);
    assert_eq!(headings[0], "Personalisation");
}

// ---------------------------------------------------------------------------
// `-o FILE`
// ---------------------------------------------------------------------------

#[test]
fn output_files_get_the_format_of_their_extension() {
    let dir = tempfile::tempdir().unwrap();
    let path = |name: &str| dir.path().join(name).display().to_string();
    let (json_file, md_file, txt_file) = (path("r.json"), path("r.md"), path("r.txt"));

    let out = run(&[
        "score",
        "examples/advanced.toml",
        "-o",
        &json_file,
        "-o",
        &md_file,
        "--output",
        &txt_file,
    ])
    .success();

    let read = |p: &str| std::fs::read_to_string(p).unwrap();
    // `.txt` is the plain table, exactly what a pipe gets.
    assert_eq!(read(&txt_file), out.stdout);
    let json: Value = serde_json::from_str(&read(&json_file)).unwrap();
    assert_eq!(json["overall"]["stage"]["id"], "multichannel");
    assert_eq!(
        read(&json_file),
        run(&["score", "examples/advanced.toml", "-f", "json"]).stdout
    );
    let md = read(&md_file);
    assert!(md.starts_with("# "));
    assert!(
        md.contains("| Overall stage | **3 Multichannel** (the stage of your weakest dimension) |")
    );
    assert_eq!(
        md,
        run(&["score", "examples/advanced.toml", "-f", "markdown"]).stdout
    );
}

#[test]
fn unknown_output_extension_is_an_error_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let json_file = dir.path().join("r.json").display().to_string();
    let pdf_file = dir.path().join("report.pdf").display().to_string();

    let message = run(&[
        "score",
        "examples/early-stage.toml",
        "-o",
        &json_file,
        "-o",
        &pdf_file,
    ])
    .error();

    assert_eq!(
        message,
        format!(
            "cannot tell the format of output file {pdf_file}; name it with `.json`, `.md`, `.txt`, \
             `.html` or `.csv`"
        )
    );
    // Not even the `.json` named before it.
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}

#[test]
fn unwritable_output_file_is_an_error() {
    let message = run(&[
        "score",
        "examples/early-stage.toml",
        "-o",
        "/nonexistent-dir/x.json",
    ])
    .error();
    assert!(
        message.starts_with("could not write report file /nonexistent-dir/x.json: "),
        "{message}"
    );
}

#[test]
fn unwritable_output_file_message_does_not_name_the_temporary_file() {
    let message = run(&[
        "score",
        "examples/early-stage.toml",
        "-o",
        "/nonexistent-dir/x.json",
    ])
    .error();
    assert!(!message.contains(".tmp"), "{message}");
}

#[test]
fn output_file_is_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("r.json");
    std::fs::write(&file, "old").unwrap();
    run(&[
        "score",
        "examples/early-stage.toml",
        "-o",
        &file.display().to_string(),
    ])
    .success();
    let json: Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    assert_eq!(json["overall"]["stage"]["level"], 1);
    // No temporary file is left next to it.
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}

// ---------------------------------------------------------------------------
// Standard input
// ---------------------------------------------------------------------------

#[test]
fn dash_reads_the_answers_from_standard_input() {
    let text = std::fs::read_to_string(format!("{ROOT}/examples/advanced.toml")).unwrap();
    let from_stdin = run_with_stdin(&["score", "-", "-f", "json"], &text).success();
    let from_file = run(&["score", "examples/advanced.toml", "-f", "json"]).success();
    assert_eq!(from_stdin.stdout, from_file.stdout);
    assert_eq!(from_stdin.json()["overall"]["stage"]["level"], 3);
}

#[test]
fn errors_in_standard_input_name_stdin() {
    let answers = "format = 1\nquestionnaire = \"cx-maturity\"\nquestionnaire_version = \"2.0.0\"\n\n[answers]\nofer-exclusions = 2\n";
    let message = run_with_stdin(&["score", "-"], answers).error();
    assert!(
        message.starts_with("invalid answers file <stdin>:6:1: question `ofer-exclusions`"),
        "{message}"
    );
}

// ---------------------------------------------------------------------------
// The `--min-stage` gate
// ---------------------------------------------------------------------------

#[test]
fn gate_passes_by_level_and_by_stage_id() {
    for min in ["3", "multichannel", "1"] {
        let out = run(&["score", "examples/advanced.toml", "--min-stage", min]).success();
        assert!(out.stdout.contains("Overall stage: 3 Multichannel"));
        let gate_line = out.stderr.lines().next().unwrap_or_default();
        assert!(
            gate_line.starts_with("gate passed: overall stage 3 (Multichannel) meets "),
            "{out}"
        );
        assert_eq!(out.stderr.lines().count(), 1, "{out}");
    }
}

#[test]
fn gate_fails_with_exit_1_and_one_line_saying_why() {
    let out = run(&["score", "examples/early-stage.toml", "--min-stage", "3"]).code(1);
    assert_eq!(
        out.stderr,
        "gate failed: overall stage 1 (Uniform) is below 3 (Multichannel)\n"
    );
    // The report is still printed, and says the gate failed.
    assert!(out.stdout.contains("Overall stage: 1 Uniform"));
    assert!(
        out.stdout
            .contains("CI gate:       failed: overall stage 1 (Uniform) is below 3 (Multichannel)")
    );

    let out = run(&[
        "score",
        "examples/advanced.toml",
        "--min-stage",
        "cross-channel",
    ])
    .code(1);
    assert_eq!(
        out.stderr,
        "gate failed: overall stage 3 (Multichannel) is below 4 (Cross-Channel)\n"
    );
}

#[test]
fn gate_is_in_the_json_report() {
    let out = run(&[
        "score",
        "examples/early-stage.toml",
        "--min-stage",
        "3",
        "-f",
        "json",
    ])
    .code(1);
    assert_eq!(
        out.json()["gate"],
        json!({
            "min_stage": 3,
            "allow_incomplete": false,
            "passed": false,
            "reasons": ["overall stage 1 (Uniform) is below 3 (Multichannel)"],
        })
    );

    let out = run(&[
        "score",
        "examples/early-stage.toml",
        "--min-stage",
        "uniform",
        "-f",
        "json",
    ])
    .success();
    assert_eq!(
        out.json()["gate"],
        json!({"min_stage": 1, "allow_incomplete": false, "passed": true, "reasons": []})
    );
}

#[test]
fn incomplete_answers_fail_the_gate_unless_allowed() {
    // The report fixture is at stage 1 with one "unknown" and one unanswered question.
    let args = [
        "score",
        REPORT_ANSWERS,
        "-Q",
        REPORT_QUESTIONNAIRE,
        "--min-stage",
        "1",
    ];
    let out = run(&args).code(1);
    assert_eq!(
        out.stderr,
        "gate failed: the result is incomplete (1 don't know, 1 unanswered of 6 questions); \
         answer them or pass --allow-incomplete\n"
    );

    let mut allowed = args.to_vec();
    allowed.extend(["--allow-incomplete", "-f", "json"]);
    let out = run(&allowed).success();
    assert!(out.stderr.starts_with("gate passed: "), "{out}");
    assert_eq!(out.json()["gate"]["passed"], true);
    assert_eq!(out.json()["gate"]["allow_incomplete"], true);
}

#[test]
fn a_low_stage_and_incomplete_answers_give_two_reasons() {
    let out = run(&[
        "score",
        REPORT_ANSWERS,
        "-Q",
        REPORT_QUESTIONNAIRE,
        "--min-stage",
        "walk",
        "-f",
        "json",
    ])
    .code(1);
    let reasons = out.json()["gate"]["reasons"].clone();
    assert_eq!(reasons.as_array().unwrap().len(), 2, "{reasons}");
    assert_eq!(reasons[0], "overall stage 1 (Crawl) is below 2 (Walk)");
    assert!(
        reasons[1]
            .as_str()
            .unwrap()
            .starts_with("the result is incomplete")
    );
    // Still one line on standard error.
    assert_eq!(out.stderr.lines().count(), 1, "{out}");
}

#[test]
fn unknown_min_stage_lists_the_valid_stages() {
    for bad in ["9", "0", "bogus"] {
        let message = run(&["score", "examples/early-stage.toml", "--min-stage", bad]).error();
        assert_eq!(
            message,
            format!(
                "--min-stage {bad}: no such stage in questionnaire `cx-maturity`; use a level from \
                 1 to 5 or one of `uniform`, `segment-based`, `multichannel`, `cross-channel` and \
                 `omni-channel`"
            )
        );
    }
}

#[test]
fn allow_incomplete_needs_min_stage() {
    let out = run(&["score", "examples/early-stage.toml", "--allow-incomplete"]).code(2);
    assert!(out.stderr.starts_with("error: "), "{out}");
    assert!(out.stderr.contains("--min-stage"), "{out}");
    assert!(out.stderr.contains("Usage: cxm score"), "{out}");
    assert_eq!(out.stdout, "");
}

// ---------------------------------------------------------------------------
// `--questionnaire` and `--lang`
// ---------------------------------------------------------------------------

/// An answers file for `questionnaires/small.toml` with the given answers.
fn small_answers(answers: &str) -> String {
    format!(
        "format = 1\nquestionnaire = \"small\"\nquestionnaire_version = \"2.0.0\"\n\n[answers]\n{answers}"
    )
}

/// `cxm score - -Q Q -f FORMAT` with `answers` on stdin, where Q is the questionnaire
/// fixture `fixture` after `change`; succeeds.
fn score_changed(
    fixture: &str,
    change: impl Fn(String) -> String,
    answers: &str,
    format: &str,
) -> crate::common::Run {
    let text = std::fs::read_to_string(format!("{ROOT}/{fixture}")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("changed.toml");
    std::fs::write(&file, change(text)).unwrap();
    let args = [
        "score",
        "-",
        "-Q",
        &file.display().to_string(),
        "-f",
        format,
    ];
    run_with_stdin(&args, answers).success()
}

/// The JSON report of `answers` scored against the small questionnaire with `from`
/// replaced by `to` in its text.
fn json_with_small_changed(from: &str, to: &str, answers: &str) -> Value {
    let change = |text: String| {
        let changed = text.replace(from, to);
        assert_ne!(changed, text, "`{from}` is in the small questionnaire");
        changed
    };
    score_changed(SMALL_QUESTIONNAIRE, change, answers, "json").json()
}

#[test]
fn custom_questionnaire_weakest_link_dimensions_mean_overall() {
    // small.toml: `dimension = "weakest-link"`, `overall = "mean"`; Data weighs 3,
    // People 1; data-quality weighs 2.
    let answers = small_answers(
        "data-quality = 3\ndata-freshness = 3\npeople-skills = 3\npeople-training = 1\n",
    );
    let report = run_with_stdin(
        &[
            "score",
            "-",
            "--questionnaire",
            SMALL_QUESTIONNAIRE,
            "-f",
            "json",
        ],
        &answers,
    )
    .success()
    .json();

    assert_eq!(report["questionnaire"]["id"], "small");
    // Weakest link: a dimension scores its lowest answer.
    let data = dimension(&report, "data");
    let people = dimension(&report, "people");
    assert_eq!(data["score"], 3.0);
    assert_eq!(data["method"], "weakest-link");
    assert_eq!(people["score"], 1.0, "min(3, 1), not the mean 2");
    assert_eq!(people["stage"]["id"], "crawl");
    // Overall: the weighted mean (3 × 3 + 1 × 1) / 4 = 2.5, so stage 2, above the
    // weakest dimension (stage 1).
    assert_eq!(report["overall"]["score"], 2.5);
    assert_eq!(report["overall"]["method"], "mean");
    assert_eq!(report["overall"]["stage"]["level"], 2);
    assert_eq!(report["overall"]["stage"]["id"], "walk");
    // Below the top, the dimensions at or below the overall stage hold it back.
    assert_eq!(report["overall"]["held_back_by"], json!(["people"]));
    // Data is at the top stage: nothing left to do but sustain.
    assert_eq!(data["stage"]["id"], "run");
    assert_eq!(data["next_action"], Value::Null);
    assert_eq!(people["next_action"]["title"], "Train one team");
}

#[test]
fn custom_questionnaire_mean_overall_stage_follows_the_stage_rule() {
    // Overall (3 × 2 + 1 × 1) / 4 = 1.75: stage 2 by `nearest`, the default …
    let answers = small_answers(
        "data-quality = 3\ndata-freshness = 2\npeople-skills = 3\npeople-training = 1\n",
    );
    let report = run_with_stdin(
        &["score", "-", "-Q", SMALL_QUESTIONNAIRE, "-f", "json"],
        &answers,
    )
    .success()
    .json();
    assert_eq!(dimension(&report, "data")["score"], 2.0);
    assert_eq!(report["overall"]["score"], 1.75);
    assert_eq!(report["overall"]["stage"]["level"], 2);
    assert_eq!(report["overall"]["stage_rule"], "nearest");

    // … and stage 1 by `reached`: 1.75 has not reached 2.
    let report = json_with_small_changed(
        "overall = \"mean\"",
        "overall = \"mean\"\nstage = \"reached\"",
        &answers,
    );
    assert_eq!(report["overall"]["stage"]["level"], 1);
    assert_eq!(report["overall"]["stage_rule"], "reached");
    assert_eq!(dimension(&report, "data")["stage_rule"], "reached");
}

#[test]
fn dimension_score_is_the_mean_weighted_by_question_weights() {
    // The same questionnaire with `dimension = "mean"`.
    let answers = small_answers(
        "data-quality = 3\ndata-freshness = 2\npeople-skills = 3\npeople-training = 1\n",
    );
    let report = json_with_small_changed(
        "dimension = \"weakest-link\"",
        "dimension = \"mean\"",
        &answers,
    );
    let data = dimension(&report, "data");
    // data-quality 3 weighs 2, data-freshness 2 weighs 1: (6 + 2) / 3.
    assert_close(&data["score"], 8.0 / 3.0);
    assert_eq!(data["method"], "mean");
    // 2.67 is nearer to 3 than to 2.
    assert_eq!(data["stage"]["level"], 3);
    assert_eq!(dimension(&report, "people")["score"], 2.0);
    // Overall: (8/3 × 3 + 2 × 1) / 4 = 2.5, exactly halfway: the lower stage.
    assert_close(&report["overall"]["score"], 2.5);
    assert_eq!(report["overall"]["stage"]["level"], 2);
}

#[test]
fn not_applicable_and_unknown_are_left_out_of_the_mean() {
    let answers = small_answers(
        "data-quality = 1\ndata-freshness = \"n/a\"\npeople-skills = \"unknown\"\npeople-training = 2\n",
    );
    let report = run_with_stdin(
        &["score", "-", "-Q", SMALL_QUESTIONNAIRE, "-f", "json"],
        &answers,
    )
    .success()
    .json();
    assert_eq!(dimension(&report, "data")["score"], 1.0);
    assert_eq!(dimension(&report, "people")["score"], 2.0);
    assert_eq!(
        report["complete"], false,
        "an unknown answer is not complete"
    );
}

#[test]
fn questionnaire_can_be_named_by_bundled_id() {
    let by_id = run(&[
        "score",
        "examples/early-stage.toml",
        "--questionnaire",
        "cx-maturity",
        "-f",
        "json",
    ])
    .success();
    let by_default = run(&["score", "examples/early-stage.toml", "-f", "json"]).success();
    assert_eq!(by_id.stdout, by_default.stdout);

    let by_file = run(&[
        "score",
        "examples/early-stage.toml",
        "-Q",
        "questionnaires/cx-maturity.en.toml",
        "-f",
        "json",
    ])
    .success();
    assert_eq!(by_file.stdout, by_default.stdout);
}

#[test]
fn answers_for_a_questionnaire_that_is_not_bundled_need_questionnaire_file() {
    let message = run(&["score", "tests/fixtures/answers/small.toml"]).error();
    assert_eq!(
        message,
        "no bundled questionnaire `small` (bundled: `cx-maturity`); pass its file with \
         --questionnaire FILE"
    );
    // With it, the same file scores.
    run(&[
        "score",
        "tests/fixtures/answers/small.toml",
        "-Q",
        SMALL_QUESTIONNAIRE,
    ])
    .success();
}

#[test]
fn unknown_bundled_questionnaire_id_is_an_error() {
    let message = run(&["score", "examples/early-stage.toml", "-Q", "cx-maturty"]).error();
    assert!(
        message.starts_with("no bundled questionnaire `cx-maturty`"),
        "{message}"
    );
    assert!(message.contains("`cx-maturity`"), "{message}");
}

#[test]
fn missing_questionnaire_file_is_an_error() {
    let message = run(&["score", "examples/early-stage.toml", "-Q", "nowhere/q.toml"]).error();
    assert!(
        message.starts_with("could not read questionnaire file nowhere/q.toml: "),
        "{message}"
    );
}

#[test]
fn invalid_questionnaire_file_is_an_error_with_its_position() {
    let message = run(&[
        "score",
        "examples/early-stage.toml",
        "-Q",
        "tests/fixtures/questionnaires/invalid/unknown-key.toml",
    ])
    .error();
    assert!(
        message.starts_with(
            "invalid questionnaire tests/fixtures/questionnaires/invalid/unknown-key.toml:25:1: \
             unknown field `weigth`"
        ),
        "{message}"
    );
}

#[test]
fn language_not_bundled_names_the_available_languages() {
    let message = run(&["score", "examples/early-stage.toml", "--lang", "fr"]).error();
    assert_eq!(
        message,
        "questionnaire `cx-maturity` is not bundled in language `fr` (bundled: `en` and `de`); pass \
         --lang with one of those, or your own translation with --questionnaire FILE"
    );
}

#[test]
fn language_matches_by_primary_subtag() {
    let out = run(&[
        "score",
        "examples/early-stage.toml",
        "--lang",
        "en-GB",
        "-f",
        "json",
    ])
    .success();
    assert_eq!(out.json()["questionnaire"]["language"], "en");
}

// ---------------------------------------------------------------------------
// Warnings and broken pipes
// ---------------------------------------------------------------------------

#[test]
fn different_questionnaire_version_is_a_warning() {
    let out = run(&[
        "score",
        "tests/fixtures/answers/old-version.toml",
        "-f",
        "json",
    ])
    .success();
    assert_eq!(
        out.stderr,
        "warning: tests/fixtures/answers/old-version.toml was answered with version 0.9.0 of \
         questionnaire `cx-maturity`, scored with version 2.0.0; questions may have changed\n"
    );
    assert_eq!(out.json()["questionnaire"]["version"], "2.0.0");
    assert_eq!(out.json()["questionnaire"]["answered_version"], "0.9.0");
}

#[test]
fn same_questionnaire_version_has_no_answered_version() {
    let out = run(&["score", "examples/early-stage.toml", "-f", "json"]).success();
    assert!(
        out.json()["questionnaire"]
            .get("answered_version")
            .is_none()
    );
}

/// Runs `cxm args…` with its standard output closed before it writes, as in
/// `cxm score … | head -1` when `head` has already gone; returns exit code and stderr.
fn run_with_closed_stdout(args: &[&str]) -> (Option<i32>, String) {
    let mut child = without_locale(&mut Command::new(env!("CARGO_BIN_EXE_cxm")))
        .current_dir(ROOT)
        .env("RUST_BACKTRACE", "1")
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Close the read end at once: the first write of `cxm` meets a broken pipe.
    drop(child.stdout.take());
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    (child.wait().unwrap().code(), stderr)
}

#[test]
fn closed_stdout_pipe_is_not_an_error() {
    let commands: [&[&str]; 5] = [
        &["score", "examples/early-stage.toml"],
        &["score", "examples/early-stage.toml", "-f", "json"],
        &["score", "examples/early-stage.toml", "-f", "markdown"],
        &["list"],
        &["validate", "questionnaires/cx-maturity.en.toml"],
    ];
    for args in commands {
        let (code, stderr) = run_with_closed_stdout(args);
        assert_eq!(code, Some(0), "cxm {args:?}: {stderr}");
        assert_eq!(stderr, "", "cxm {args:?}");
    }
}

#[test]
fn closed_stdout_pipe_keeps_the_gate_result() {
    let (code, stderr) =
        run_with_closed_stdout(&["score", "examples/early-stage.toml", "--min-stage", "3"]);
    assert_eq!(code, Some(1), "{stderr}");
    assert_eq!(
        stderr,
        "gate failed: overall stage 1 (Uniform) is below 3 (Multichannel)\n"
    );
}

#[test]
fn stage_without_an_action_in_the_questionnaire_says_so() {
    // warning-missing-action.toml has no action for stage 1 (validate warns about it).
    let answers = "format = 1\nquestionnaire = \"mini\"\nquestionnaire_version = \"1.0.0\"\n\
                   [answers]\ndata-quality = 1\n";
    let q = "tests/fixtures/questionnaires/warning-missing-action.toml";
    let report = run_with_stdin(&["score", "-", "-Q", q, "-f", "json"], answers)
        .success()
        .json();
    let data = dimension(&report, "data");
    assert_eq!(data["stage"]["level"], 1);
    assert_eq!(data["next_action"], Value::Null);
    assert_eq!(data["no_action"], "not-defined");

    let md = run_with_stdin(&["score", "-", "-Q", q, "-f", "markdown"], answers)
        .success()
        .stdout;
    assert!(
        md.contains("| Data | 1.00 | 1 Low | No action defined for this stage |\n"),
        "{md}"
    );
    assert!(!md.contains("Next actions"), "{md}");
}

/// The README: "`next_action` is `null` at the top stage (then `"no_action":
/// "sustain"`)". warning-missing-action.toml defines an action for its top stage 2,
/// which `cxm validate` accepts without a word.
#[test]
fn top_stage_has_no_next_action_even_if_the_questionnaire_defines_one() {
    let answers = "format = 1\nquestionnaire = \"mini\"\nquestionnaire_version = \"1.0.0\"\n\
                   [answers]\ndata-quality = 2\n";
    let q = "tests/fixtures/questionnaires/warning-missing-action.toml";
    let report = run_with_stdin(&["score", "-", "-Q", q, "-f", "json"], answers)
        .success()
        .json();
    let data = dimension(&report, "data");
    assert_eq!(data["stage"]["level"], 2);
    assert_eq!(data["next_action"], Value::Null);
    assert_eq!(data["no_action"], "sustain");
}

#[test]
fn control_characters_in_questionnaire_texts_never_reach_the_report() {
    let hostile = |text: String| {
        let changed = text
            .replace("text = \"Poor.\"", "text = \"Poor.\\u001b]0;pwned\\u0007\"")
            .replace(
                "summary = \"Does little.\"",
                "summary = \"Does \\u001b[31mlittle.\"",
            )
            .replace("title = \"Mini\"", "title = \"Mini\\u009b2J\"");
        assert!(changed.contains("\\u001b]0;pwned"));
        changed
    };
    for format in ["table", "markdown"] {
        let out = score_mini_changed(hostile, format);
        // The lift line shows the option, the ladder the summary, the head the title.
        assert!(out.stdout.contains("Poor.]0;pwned"), "{}", out.stdout);
        assert!(out.stdout.contains("Does [31mlittle."), "{}", out.stdout);
        assert!(
            !out.stdout.chars().any(|c| c.is_control() && c != '\n'),
            "{format}: {:?}",
            out.stdout
        );
    }
}

/// Answers to the three questions of `mini.toml`.
const MINI_ANSWERS: &str = "format = 1\nquestionnaire = \"mini\"\nquestionnaire_version = \"1.0.0\"\n\
    [answers]\ndata-quality = 1\ndata-owner = 1\ndata-use = 2\n";

/// [`score_changed`] for `mini.toml` with [`MINI_ANSWERS`].
fn score_mini_changed(change: impl Fn(String) -> String, format: &str) -> crate::common::Run {
    score_changed(
        "tests/fixtures/questionnaires/mini.toml",
        change,
        MINI_ANSWERS,
        format,
    )
}

#[test]
fn held_back_by_says_so_in_one_phrase_when_every_dimension_is_at_the_stage() {
    // The uniform bakery: every dimension at stage 1.
    let answers = "tests/fixtures/personas/bakery-uniform.answers.toml";
    let out = run(&["score", answers]).success();
    assert!(
        out.stdout
            .contains("Held back by:  all dimensions equally (each is at this stage)\n"),
        "{}",
        out.stdout
    );
    let md = run(&["score", answers, "-f", "markdown"]).success();
    assert!(
        md.stdout
            .contains("| Held back by | all dimensions equally (each is at this stage) |\n")
    );
    // The JSON report still lists them all.
    let json = run(&["score", answers, "-f", "json"]).success().json();
    assert_eq!(json["overall"]["held_back_by"].as_array().unwrap().len(), 6);
}

// ---------------------------------------------------------------------------
// Careless inputs a new user makes.
// ---------------------------------------------------------------------------

#[test]
fn format_names_are_the_same_for_format_and_output_in_any_case() {
    let json = run(&["score", "examples/advanced.toml", "-f", "json"]).success();
    let md = run(&["score", "examples/advanced.toml", "-f", "markdown"]).success();
    let table = run(&["score", "examples/advanced.toml"]).success();
    for (name, expected) in [
        ("JSON", &json),
        ("Json", &json),
        ("md", &md),
        ("MD", &md),
        ("Markdown", &md),
        ("txt", &table),
        ("TABLE", &table),
    ] {
        let out = run(&["score", "examples/advanced.toml", "--format", name]).success();
        assert_eq!(out.stdout, expected.stdout, "--format {name}");
    }
}

#[test]
fn quiet_prints_no_report_but_the_verdict_and_still_writes_files() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("report.md");
    let out = run(&[
        "score",
        "examples/advanced.toml",
        "--quiet",
        "--min-stage",
        "4",
        "-o",
        file.to_str().unwrap(),
    ])
    .code(1);
    assert_eq!(out.stdout, "");
    assert_eq!(
        out.stderr,
        "gate failed: overall stage 3 (Multichannel) is below 4 (Cross-Channel)\n"
    );
    assert!(
        std::fs::read_to_string(&file)
            .unwrap()
            .starts_with("# Customer")
    );
    let out = run(&["score", "examples/advanced.toml", "-q"]).success();
    assert_eq!((out.stdout.as_str(), out.stderr.as_str()), ("", ""));
}

#[test]
fn a_questionnaire_given_as_answers_says_so_in_one_line() {
    let file = "questionnaires/cx-maturity.en.toml";
    let message = run(&["score", file]).error();
    assert_eq!(
        message,
        format!(
            "invalid answers file {file}: this is a questionnaire, not an answers file; answer \
             it with `cxm assess --questionnaire {file}`, check it with `cxm validate {file}`, \
             or score answers against it with `cxm score ANSWERS --questionnaire {file}`"
        )
    );
}

#[test]
fn an_output_file_in_a_missing_folder_names_the_folder() {
    let message = run(&["score", "examples/advanced.toml", "-o", "nodir/report.md"]).error();
    assert_eq!(
        message,
        "could not write report file nodir/report.md: the folder nodir does not exist; create \
         it first or write elsewhere"
    );
    // A file where the folder should be is not "a folder that does not exist".
    let message = run(&[
        "score",
        "examples/advanced.toml",
        "-o",
        "README.md/report.md",
    ])
    .error();
    assert_eq!(
        message,
        "could not write report file README.md/report.md: README.md is a file, not a folder; \
         write elsewhere"
    );
}

#[test]
fn a_number_too_large_for_toml_is_an_answer_like_any_other_wrong_stage() {
    let answers = "format = 1\nquestionnaire = \"cx-maturity\"\nquestionnaire_version = \"2.0.0\"\n\
        [answers]\ntailoring-basis = 999999999999999999999\noffer-exclusions = 9\n";
    let message = run_with_stdin(&["score", "-"], answers).error();
    assert_eq!(
        message,
        "invalid answers file <stdin> (2 errors):\n  \
         <stdin>:5:19: question `tailoring-basis` has no option for stage \
         999999999999999999999; answer one of 1, 2, 3, 4, 5, \"n/a\" or \"unknown\"\n  \
         <stdin>:6:20: question `offer-exclusions` has no option for stage 9; answer one of \
         1, 2, 3, 4, 5, \"n/a\" or \"unknown\""
    );
}

#[test]
fn a_huge_stage_or_dimension_name_renders_in_every_view() {
    // A stage name beyond format!'s width limit (65,535) once panicked the table.
    let huge = |text: String| {
        text.replace(
            "name = \"Low\"",
            &format!("name = \"{}\"", "L".repeat(70_000)),
        )
        .replace(
            "name = \"Data\"",
            &format!("name = \"{}\"", "D".repeat(200_000)),
        )
    };
    for format in ["table", "json", "markdown"] {
        let out = score_mini_changed(huge, format);
        assert!(out.stdout.contains(&"L".repeat(70_000)), "{format}");
    }
}

#[test]
fn an_output_file_is_never_an_input_nor_anything_but_a_regular_file() {
    let dir = tempfile::tempdir().unwrap();
    let answers = dir.path().join("answers.txt");
    std::fs::copy(format!("{ROOT}/examples/advanced.toml"), &answers).unwrap();
    let before = std::fs::read(&answers).unwrap();
    let a = answers.display().to_string();
    // The answers file itself, also through a symbolic link.
    let message = run(&["score", &a, "-o", &a]).error();
    assert_eq!(
        message,
        format!("-o {a} is the input file {a}; write the report to another file")
    );
    #[cfg(unix)]
    {
        let link = dir.path().join("link.txt");
        std::os::unix::fs::symlink(&answers, &link).unwrap();
        let l = link.display().to_string();
        assert!(
            run(&["score", &a, "-o", &l])
                .error()
                .contains("is the input file")
        );
    }
    assert_eq!(std::fs::read(&answers).unwrap(), before);
    // Nor the file standard input reads, a template or the job summary's target.
    let stdin = std::fs::File::open(&answers).unwrap();
    let out = Run::from(
        Command::new(assert_cmd::cargo::cargo_bin("cxm"))
            .args(["score", "-", "-o", &a])
            .stdin(stdin)
            .output()
            .unwrap(),
    );
    assert_eq!(
        out.error(),
        format!("-o {a} is read as standard input; write the report to another file")
    );
    let template = dir.path().join("t.html");
    std::fs::write(&template, "{{ organisation }}").unwrap();
    let t = template.display().to_string();
    assert!(
        run(&["score", &a, "--template", &t, "-o", &t])
            .error()
            .contains("is the input file")
    );
    assert_eq!(
        std::fs::read_to_string(&template).unwrap(),
        "{{ organisation }}"
    );
    let summary = Run::from(
        crate::common::cxm(&["score", &a, "--step-summary", "-q"])
            .env("GITHUB_STEP_SUMMARY", &answers)
            .output()
            .unwrap(),
    );
    let message = summary.error();
    assert!(
        message.starts_with("--step-summary: GITHUB_STEP_SUMMARY names the input file"),
        "{message}"
    );
    assert_eq!(std::fs::read(&answers).unwrap(), before);
    // A directory is not a file to write a report into.
    let d = dir.path().display().to_string();
    assert!(
        run(&["score", &a, "-o", &format!("{d}/")])
            .code(2)
            .stderr
            .contains("error: ")
    );
    // Every destination is checked before any is written.
    let first = dir.path().join("first.json");
    let message = run(&[
        "score",
        &a,
        "-o",
        first.to_str().unwrap(),
        "-o",
        "/nonexistent-folder/x.md",
    ])
    .error();
    assert!(
        message.contains("the folder /nonexistent-folder does not exist"),
        "{message}"
    );
    assert!(!first.exists());
}

#[test]
fn a_closed_stderr_is_no_reason_to_panic() {
    for (args, code) in [
        (
            vec![
                "score",
                "examples/early-stage.toml",
                "--min-stage",
                "3",
                "-q",
            ],
            1,
        ),
        (
            vec!["score", "tests/fixtures/answers/invalid/format-2.toml"],
            2,
        ),
    ] {
        let mut child = without_locale(&mut Command::new(assert_cmd::cargo::cargo_bin("cxm")))
            .args(&args)
            .current_dir(ROOT)
            .env("RUST_BACKTRACE", "1")
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // Nobody reads what cxm has to say.
        drop(child.stderr.take());
        assert_eq!(child.wait().unwrap().code(), Some(code), "{args:?}");
    }
}

#[test]
fn control_characters_in_arguments_and_answers_files_are_shown_not_sent() {
    let message = run(&[
        "score",
        "examples/early-stage.toml",
        "--min-stage",
        "\x1b]0;pwned\x07",
    ])
    .error();
    assert!(
        message.starts_with("--min-stage \\u{1b}]0;pwned\\u{7}: no such stage"),
        "{message:?}"
    );
    let answers = "format = 1\nquestionnaire = \"cx-maturity\"\nquestionnaire_version = \"2.0.0\"\n\
        [answers]\n\"tailoring\\u001b[2J\" = 2\n";
    let out = run_with_stdin(&["score", "-"], answers);
    assert!(
        out.stderr.contains("`tailoring\\u{1b}[2J`"),
        "{}",
        out.stderr
    );
    assert!(!out.stderr.contains('\x1b'));

    // A value clap itself rejects is quoted back without its escape sequence.
    let out = run(&[
        "score",
        "examples/early-stage.toml",
        "-f",
        "x\x1b]0;pwned\x07",
    ])
    .code(2);
    assert!(out.stderr.starts_with("error: invalid value"), "{out}");
    assert!(!out.stderr.contains(['\x1b', '\x07']), "{out:?}");
}

#[test]
fn json_escapes_c1_controls_from_files_and_compare_shows_retired_ids_escaped() {
    // A stage key with U+009B (CSI) in a questionnaire: `validate -f json` quotes it.
    let dir = tempfile::tempdir().unwrap();
    let q = dir.path().join("q.toml");
    let text = std::fs::read_to_string(format!("{ROOT}/tests/fixtures/questionnaires/small.toml"))
        .unwrap()
        .replacen("[[stages]]", "[[stages]]\n\"bad\\u009b\" = 1", 1);
    std::fs::write(&q, text).unwrap();
    let out = run(&["validate", q.to_str().unwrap(), "-f", "json"]).code(2);
    assert!(!out.stdout.contains('\u{9b}'), "{out:?}");
    assert!(out.stdout.contains("bad\\u009b"), "{out}");

    // An answers file of an older version whose retired question id holds an escape
    // sequence: compare lists it as not compared, shown, not sent, in every view.
    let old = dir.path().join("old.toml");
    std::fs::write(
        &old,
        "format = 1\nquestionnaire = \"cx-maturity\"\nquestionnaire_version = \"1.0.0\"\n\
         [answers]\ntailoring-basis = 2\n\"gone\\u001b]0;PWN\\u0007\\u009b2J\" = 1\n",
    )
    .unwrap();
    for format in ["table", "markdown", "html", "json"] {
        let out = run(&[
            "compare",
            old.to_str().unwrap(),
            "examples/advanced.toml",
            "-f",
            format,
        ])
        .success();
        assert!(
            !out.stdout.contains(['\x1b', '\x07', '\u{9b}']),
            "{format}: {out:?}"
        );
        assert!(
            out.stdout.contains("gone"),
            "{format}: not compared is listed"
        );
    }
}

#[test]
fn min_stage_takes_a_stage_name_as_the_report_shows_it() {
    for min in ["Cross-Channel", "cross-channel", "CROSS-CHANNEL", "4"] {
        let out = run(&["score", "examples/advanced.toml", "--min-stage", min, "-q"]).code(1);
        assert_eq!(
            out.stderr, "gate failed: overall stage 3 (Multichannel) is below 4 (Cross-Channel)\n",
            "{min}"
        );
    }
}

#[test]
fn a_stage_in_quotes_says_to_drop_the_quotes() {
    let answers = "format = 1\nquestionnaire = \"cx-maturity\"\nquestionnaire_version = \"2.0.0\"\n\
        [answers]\ntailoring-basis = \"4\"\n";
    assert_eq!(
        run_with_stdin(&["score", "-"], answers).error(),
        "invalid answers file <stdin>:5:19: question `tailoring-basis`: the text \"4\" is not \
         an answer; write a stage without quotes, e.g. `tailoring-basis = 4`"
    );
}

#[test]
fn dash_as_output_is_standard_output_even_when_quiet() {
    let dir = tempfile::tempdir().unwrap();
    let md = dir.path().join("r.md").display().to_string();
    let out = run(&[
        "score",
        "examples/early-stage.toml",
        "-q",
        "-o",
        "-",
        "-f",
        "json",
        "-o",
        &md,
    ])
    .success();
    assert_eq!(out.json()["overall"]["stage"]["level"], 1);
    assert!(
        std::fs::read_to_string(&md)
            .unwrap()
            .starts_with("# Customer Experience Maturity")
    );
    assert!(!dir.path().join("-").exists(), "no file named -");
    // Without -q it is printed once, not twice.
    let once = run(&["score", "examples/early-stage.toml", "-o", "-", "-f", "csv"]).success();
    assert_eq!(once.stdout.matches("dimension_id,").count(), 1);
}
