//! Snapshots of every report format, rendered from a fixture questionnaire and answers
//! file through the library API, plus the facts each snapshot must show.
//!
//! The fixture (`tests/fixtures/questionnaires/report.toml` and
//! `tests/fixtures/answers/report.toml`) has every kind of answer: stages, "n/a",
//! "unknown" and an unanswered question. Data | Analytics is at the top stage,
//! People at stage 1, and Tools has no valued answer.

use super::*;
use crate::answers::Parsed;
use crate::diagnostic::Source;
use crate::questionnaire::Questionnaire;
use crate::score::{NoAction, StageRef, score};

/// A built-in view (no user template) of `report`.
fn view(report: &Report, format: Format, look: Look) -> String {
    render(report, format, look, None).expect("built-in views render")
}

const QUESTIONNAIRE: &str = include_str!("../../tests/fixtures/questionnaires/report.toml");
const ANSWERS: &str = include_str!("../../tests/fixtures/answers/report.toml");

fn questionnaire() -> Questionnaire {
    Questionnaire::load(&Source::new("report.toml", QUESTIONNAIRE)).unwrap()
}

/// The fixture's report, without a gate.
fn report() -> Report {
    let q = questionnaire();
    let (answers, warnings) = Parsed::parse(Source::new("answers.toml", ANSWERS))
        .unwrap()
        .resolve(&q)
        .unwrap();
    assert!(warnings.is_empty(), "{warnings:?}");
    score(&q, &answers)
}

/// The fixture's report with the gate `--min-stage walk`, which fails twice over:
/// stage 1 is below 2, and the answers are incomplete.
fn gated_report() -> Report {
    let q = questionnaire();
    let mut report = report();
    let walk = StageRef::from(q.find_stage("walk").unwrap());
    report.apply_gate(&walk, false);
    report
}

/// Snapshots live in `tests/snapshots`, next to those of the end-to-end tests.
fn in_snapshot_dir(body: impl FnOnce()) {
    insta::with_settings!({ snapshot_path => "../../tests/snapshots" }, { body() });
}

fn assert_fits(text: &str, width: usize) {
    let wide: Vec<&str> = text.lines().filter(|l| l.chars().count() > width).collect();
    assert!(
        wide.is_empty(),
        "lines wider than {width} characters:\n{}\nin\n{text}",
        wide.join("\n")
    );
}

#[test]
fn fixture_scores_as_described() {
    let r = report();
    let stage = |i: usize| r.dimensions[i].stage.as_ref().map(|s| s.id.as_str());
    assert_eq!(stage(0), Some("run"));
    assert_eq!(stage(1), Some("crawl"));
    assert_eq!(stage(2), None);
    assert_eq!(r.dimensions[0].no_action, Some(NoAction::Sustain));
    assert_eq!(r.dimensions[2].no_action, Some(NoAction::NotAssessed));
    assert!(!r.complete);
    assert_eq!(r.overall.held_back_by, ["people"]);
}

#[test]
fn table_plain() {
    let text = view(&gated_report(), Format::Table, Look::PLAIN);

    assert!(!text.contains('\x1b'), "no colour in PLAIN");
    assert!(
        !text.contains('→') && !text.contains('▶'),
        "ASCII arrows in PLAIN"
    );
    assert_fits(&text, 80);
    assert!(text.starts_with("Report Test\nquestionnaire report-test 1.0.0\n"));
    assert!(text.contains("Organisation:  Example | Co\n"));
    assert!(text.contains("Overall stage: 1 Crawl (the stage of your weakest dimension)\n"));
    // (3.0 × 2 + 1.67 × 1) / 3, Tools left out.
    assert!(text.contains("Score:         2.56 / 3 (average of the dimension scores)\n"));
    assert!(text.contains("Held back by:  People\n"));
    assert!(text.contains("3 of 6 answered, 1 not applicable, 1 don't know, 1 unanswered"));
    assert!(text.contains("Complete:      no: "));
    assert!(text.contains("CI gate:       failed: overall stage 1 (Crawl) is below 2 (Walk); "));
    assert!(
        text.contains("\n> 1 Crawl  Does it by hand.\n           Here: People\n"),
        "the ladder marks stage 1, says what it means and who is there"
    );
    assert!(text.contains("\n  2 Walk   Does it with tools.\n> 1"));
    // One raised answer lifts People, and with it the company, to Walk.
    assert!(text.contains("\nTo reach 2 Walk: people-skills (Nobody. -> Analysts.)\n"));
    assert!(text.contains(
        "\nPeople: 1 Crawl (1.67)\n  To reach 2 Walk: people-skills (Nobody. -> Analysts.)\n"
    ));

    // The cells of a dimension's first line, cut where the header has its `|`.
    let header = text
        .lines()
        .find(|l| l.starts_with("| Dimension "))
        .unwrap();
    let bars: Vec<usize> = header.match_indices('|').map(|(i, _)| i).collect();
    let row = |name: &str| -> Vec<String> {
        let line: Vec<char> = text
            .lines()
            .find(|l| l.starts_with(&format!("| {name} ")))
            .unwrap_or_else(|| panic!("no row for {name}"))
            .chars()
            .collect();
        bars.windows(2)
            .map(|w| {
                line[w[0] + 1..w[1]]
                    .iter()
                    .collect::<String>()
                    .trim()
                    .to_string()
            })
            .collect()
    };
    assert_eq!(
        row("Data | Analytics")[..3],
        ["Data | Analytics", "3.00", "3 Run"]
    );
    assert!(row("Data | Analytics")[3].starts_with("Sustain"));
    assert_eq!(row("People")[..3], ["People", "1.67", "1 Crawl"]);
    assert_eq!(row("Tools")[..3], ["Tools", "-", "not assessed"]);
    // The only next action in full is People's; Data | Analytics sustains.
    assert!(text.contains("\n1. People: Train one team | then all\n   1 Crawl -> 2 Walk\n"));
    assert!(!text.contains("\n2. "));
    assert!(text.contains("   Owner:   HR\n"));
    assert!(text.ends_with("\nAt the top stage, sustain: Data | Analytics\n"));

    in_snapshot_dir(|| insta::assert_snapshot!("table_plain", text));
}

/// The README: "to a pipe or a `.txt` file it is plain ASCII". The fixture's own texts
/// are ASCII, so anything else comes from the renderer.
#[test]
fn plain_table_of_ascii_texts_is_ascii() {
    let text = view(&gated_report(), Format::Table, Look::PLAIN);
    let other: Vec<char> = text.chars().filter(|c| !c.is_ascii()).collect();
    assert!(other.is_empty(), "{other:?}");
}

#[test]
fn table_in_colour_on_a_terminal() {
    let look = Look {
        color: true,
        unicode: true,
        width: 80,
    };
    let text = view(&gated_report(), Format::Table, look);
    assert!(text.contains("\x1b[1mReport Test\x1b[0m"), "bold title");
    // The overall stage is marked, and stage names are in their stage's colour:
    // the lowest red, the top green.
    assert!(
        text.contains("\x1b[1m▶ \x1b[0m\x1b[31m\x1b[1m1 Crawl"),
        "{text}"
    );
    assert!(text.contains("\x1b[32m3 Run"), "{text}");
    assert!(
        text.contains("\x1b[38;5;9m 1 Crawl"),
        "stage cell coloured: {text}"
    );
    assert!(text.contains("1 Crawl → 2 Walk"));
    assert!(text.contains('─'), "box drawing");
    // Gate and completeness are coloured as a problem.
    assert!(text.contains("\x1b[33mfailed: "));
    assert!(text.contains("\x1b[33mno: "));

    // Without colour the same report has no escape at all.
    let plain = view(
        &gated_report(),
        Format::Table,
        Look {
            color: false,
            ..look
        },
    );
    assert!(!plain.contains('\x1b'));
    assert!(plain.contains("▶ 1 Crawl"));
}

/// The fixture report and the two bundled examples.
fn reports_to_fit() -> Vec<Report> {
    let bundled = crate::bundled::find(crate::bundled::DEFAULT_ID, None).unwrap();
    let example = |text: &str| {
        let (answers, _) = Parsed::parse(Source::new("example.toml", text))
            .unwrap()
            .resolve(&bundled)
            .unwrap();
        score(&bundled, &answers)
    };
    vec![
        gated_report(),
        example(include_str!("../../examples/early-stage.toml")),
        example(include_str!("../../examples/advanced.toml")),
    ]
}

/// The table view of `report` at every width of `widths`, plain and with box drawing:
/// `(width, text)`.
fn tables(report: &Report, widths: impl IntoIterator<Item = usize>) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    for width in widths {
        for unicode in [false, true] {
            let look = Look {
                color: false,
                unicode,
                width,
            };
            out.push((width, view(report, Format::Table, look)));
        }
    }
    out
}

/// Lines of the table reports wider than `width`, each prefixed with the width.
fn too_wide(widths: &[usize]) -> Vec<String> {
    let mut lines = Vec::new();
    for report in reports_to_fit() {
        for (width, text) in tables(&report, widths.iter().copied()) {
            lines.extend(
                text.lines()
                    .filter(|l| l.chars().count() > width)
                    .map(|l| format!("{width}: {l}")),
            );
        }
    }
    lines
}

#[test]
fn table_fits_80_and_100_columns() {
    let lines = too_wide(&[80, 100]);
    assert!(lines.is_empty(), "lines too wide:\n{}", lines.join("\n"));
}

/// `cxm` keeps the terminal width between 40 and 100 columns.
#[test]
fn table_fits_narrow_terminals() {
    let lines = too_wide(&[40, 50, 60, 72, 79]);
    assert!(lines.is_empty(), "lines too wide:\n{}", lines.join("\n"));
}

#[test]
fn json() {
    let text = view(&gated_report(), Format::Json, Look::PLAIN);
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();

    assert_eq!(v["schema_version"], 1);
    assert_eq!(v["tool"]["name"], "cxm");
    assert_eq!(v["questionnaire"]["id"], "report-test");
    assert_eq!(v["overall"]["stage"]["id"], "crawl");
    assert_eq!(v["complete"], false);
    let tools = &v["dimensions"][2];
    assert_eq!(tools["id"], "tools");
    assert!(tools["score"].is_null());
    assert!(tools["stage"].is_null());
    assert!(tools["next_action"].is_null());
    assert_eq!(tools["no_action"], "not-assessed");
    assert_eq!(tools["coverage"]["unknown"], 1);
    assert_eq!(tools["coverage"]["unanswered"], 1);
    let data = &v["dimensions"][0];
    assert!(data["next_action"].is_null());
    assert_eq!(data["no_action"], "sustain");
    // A dimension with an action has no `no_action` key at all.
    assert!(v["dimensions"][1].get("no_action").is_none());
    assert_eq!(
        v["gate"],
        serde_json::json!({
            "min_stage": 2,
            "allow_incomplete": false,
            "passed": false,
            "reasons": [
                "overall stage 1 (Crawl) is below 2 (Walk)",
                "the result is incomplete (1 don't know, 1 unanswered of 6 questions); answer them \
                 or pass --allow-incomplete",
            ],
        })
    );
    let answers: Vec<&serde_json::Value> = v["questions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| &q["answer"])
        .collect();
    assert_eq!(
        answers,
        [
            &serde_json::json!(3),
            &serde_json::json!("n/a"),
            &serde_json::json!(1),
            &serde_json::json!(2),
            &serde_json::json!("unknown"),
            &serde_json::Value::Null,
        ]
    );
    assert_eq!(v["tool"]["version"], env!("CARGO_PKG_VERSION"));
    assert!(text.ends_with("}\n"));

    // The snapshot does not change with every release.
    let tool = format!("\"version\": \"{}\"\n  }},", env!("CARGO_PKG_VERSION"));
    assert_eq!(text.matches(&tool).count(), 1);
    let text = text.replacen(&tool, "\"version\": \"[cxm version]\"\n  },", 1);
    in_snapshot_dir(|| insta::assert_snapshot!("json", text));
}

#[test]
fn json_without_gate_has_gate_null() {
    let text = view(&report(), Format::Json, Look::PLAIN);
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert!(v["gate"].is_null());
    assert!(v.as_object().unwrap().contains_key("gate"));
}

#[test]
fn markdown() {
    let text = view(&gated_report(), Format::Markdown, Look::PLAIN);

    assert!(text.starts_with("# Report Test: stage report\n"));
    assert!(text.contains("| Organisation | Example \\| Co |\n"));
    assert!(
        text.contains("| Overall stage | **1 Crawl** (the stage of your weakest dimension) |\n")
    );
    assert!(text.contains("| Complete | no |\n"));
    assert!(text.contains(
        "| CI gate | **failed**: overall stage 1 (Crawl) is below 2 (Walk); the result is \
         incomplete"
    ));
    assert!(text.contains("| 1 | **Crawl** (overall) | Does it by hand. | People |\n"));
    assert!(text.contains("| 3 | Run | Does it automatically. | Data \\| Analytics |\n"));
    assert!(text.contains("| To reach 2 Walk | people-skills (Nobody. → Analysts.) |\n"));
    assert!(text.contains(
        "- **People**: 1 Crawl (1.67)\n  - To reach 2 Walk: people-skills (Nobody. → Analysts.)\n"
    ));
    assert!(text.contains("| Data \\| Analytics | 3.00 | 3 Run | Sustain: top stage reached |\n"));
    assert!(text.contains("| People | 1.67 | 1 Crawl | Train one team \\| then all |\n"));
    assert!(text.contains("| Tools | – | not assessed | Answer its questions to get a stage |\n"));
    assert!(text.contains("\n### 1. People: Train one team | then all\n\n*1 Crawl → 2 Walk*\n"));
    assert!(text.contains("- **Owner:** HR\n"));
    assert!(!text.contains("### 2."));
    assert!(!text.contains('\x1b'));

    in_snapshot_dir(|| insta::assert_snapshot!("markdown", text));
}

#[test]
fn markdown_cells_keep_backslashes_and_line_breaks_from_breaking_the_table() {
    let mut r = report();
    r.organisation = Some("A \\ B\nC".into());
    let text = view(&r, Format::Markdown, Look::PLAIN);
    assert!(text.contains("| Organisation | A \\\\ B C |\n"), "{text}");
}

#[test]
fn markdown_escapes_a_pipe_in_the_overall_stage_once() {
    let mut r = report();
    if let Some(stage) = r.overall.stage.as_mut() {
        stage.name = "Crawl | Walk".into();
    }
    let text = view(&r, Format::Markdown, Look::PLAIN);
    let line = text
        .lines()
        .find(|l| l.starts_with("| Overall stage |"))
        .unwrap();
    assert_eq!(
        line,
        "| Overall stage | **1 Crawl \\| Walk** (the stage of your weakest dimension) |"
    );
}

#[test]
fn report_without_any_stage_answer() {
    let q = questionnaire();
    let answers = crate::answers::Answers::new(&q);
    let mut r = score(&q, &answers);
    r.apply_gate(&StageRef::from(q.stage(1).unwrap()), true);

    let table = view(&r, Format::Table, Look::PLAIN);
    assert!(table.contains("Overall stage: none: no question has a stage answer\n"));
    assert!(table.contains("Score:         no score (average of the dimension scores)\n"));
    assert!(!table.contains("Next actions"));
    assert!(!table.contains("\n> "), "no stage is marked on the ladder");
    assert!(table.contains("CI gate:       failed: no overall stage"));

    let v: serde_json::Value = serde_json::from_str(&view(&r, Format::Json, Look::PLAIN)).unwrap();
    assert!(v["overall"]["score"].is_null());
    assert!(v["overall"]["stage"].is_null());
    assert_eq!(v["overall"]["held_back_by"], serde_json::json!([]));
    assert_eq!(v["gate"]["passed"], false);

    let md = view(&r, Format::Markdown, Look::PLAIN);
    assert!(md.contains("| Overall stage | none: no question has a stage answer |\n"));
    assert!(!md.contains("## Next actions"));
}

#[test]
fn format_from_output_file_extension() {
    use std::path::Path;
    let format = |p: &str| Format::from_path(Path::new(p));
    assert_eq!(format("r.json"), Some(Format::Json));
    assert_eq!(format("r.JSON"), Some(Format::Json));
    assert_eq!(format("dir/r.md"), Some(Format::Markdown));
    assert_eq!(format("r.markdown"), Some(Format::Markdown));
    assert_eq!(format("r.txt"), Some(Format::Table));
    assert_eq!(format("r.pdf"), None);
    assert_eq!(format("report"), None);
}

/// The Markdown report ends with every answer, so a client can check what the
/// stages rest on.
#[test]
fn markdown_lists_every_answer_with_its_note() {
    let text = view(&gated_report(), Format::Markdown, Look::PLAIN);
    let answers = &text[text.find("\n## Answers\n").expect("answers section")..];
    assert!(
        answers
            .contains("| People | Who can use the data? | Nobody. | Only two analysts know SQL. |")
    );
    assert!(answers.contains("| Not applicable |"));
    assert!(answers.contains("| Don't know |"));
    assert!(answers.contains("| (unanswered) |"));
    assert_eq!(
        answers.matches("\n| ").count(),
        1 + 6,
        "header and six questions"
    );
}

#[test]
fn without_a_lift_the_report_says_why() {
    let mut r = report();
    r.overall.lift = None;
    let text = view(&r, Format::Table, Look::PLAIN);
    assert!(
        text.contains(
            "To reach 2 Walk: raising the answers given does not get there; answer the 2 open\n\
             \x20                questions first\n"
        ),
        "{text}"
    );
    r.coverage.unknown = 0;
    r.coverage.unanswered = 0;
    let text = view(&r, Format::Markdown, Look::PLAIN);
    assert!(
        text.contains(
            "| To reach 2 Walk | raising the answers given does not get there: their options \
             stop below it |"
        ),
        "{text}"
    );
}

#[test]
fn the_dimension_table_never_breaks_a_word_at_any_width() {
    for report in reports_to_fit() {
        // Every word the table may show, whole.
        let mut words: Vec<String> = ["Dimension", "Score", "Stage", "Next", "action"]
            .map(String::from)
            .to_vec();
        for d in &report.dimensions {
            let action = d
                .next_action
                .as_ref()
                .map_or(no_action_text(d, Lang::En), |a| a.title.clone());
            for text in [d.name.clone(), stage_text(d, Lang::En), action] {
                words.extend(text.split_whitespace().map(String::from));
            }
        }
        for (width, text) in tables(&report, 40..=100) {
            let rows = text
                .lines()
                .filter(|l| l.starts_with('|') || l.starts_with('│'));
            for line in rows {
                for token in line
                    .split(['|', '│', '┆'])
                    .flat_map(str::split_whitespace)
                    .filter(|t| t.parse::<f64>().is_err() && *t != "-" && *t != "–")
                    // The score bar: block characters, not a word.
                    .filter(|t| !t.chars().all(|c| ('█'..='▏').contains(&c) || c == '░'))
                {
                    assert!(
                        words.iter().any(|w| w == token),
                        "{width} columns: `{token}` is part of a word in\n{text}"
                    );
                }
            }
        }
    }
}

#[test]
fn wrapping_breaks_at_spaces_only_never_after_a_slash_or_at_a_hyphen() {
    // Every width the longest word fits: `n/a`, a path and an id stay whole.
    let text = "2: Anna; n/a: Dana; see target/release/cxm and returning-customer-view";
    for width in "returning-customer-view".len()..=text.len() {
        let lines = super::table::wrap(text, width);
        for word in text.split(' ') {
            assert!(
                lines.iter().any(|l| l.split(' ').any(|w| w == word)),
                "{width}: `{word}` broken in {lines:?}"
            );
        }
    }
}
