//! The HTML and CSV views of `cxm score`, `--template` and `--step-summary`: the page's
//! structure and that it is self-contained, escaping of hostile questionnaire and
//! answers texts, CSV quoting and formula defusing, `-o` files, template errors and
//! runaway templates, appending to the GitHub job summary, and (when Chromium is
//! installed) printing the page to PDF.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use scraper::{ElementRef, Html, Selector};
use serde_json::Value;

use crate::common::{Run, cxm, run};

const EARLY: &str = "examples/early-stage.toml";
/// The report fixture: every kind of answer (`n/a`, `unknown`, unanswered).
const REPORT_ANSWERS: &str = "tests/fixtures/answers/report.toml";
const REPORT_QUESTIONNAIRE: &str = "tests/fixtures/questionnaires/report.toml";
/// Texts that try to break out of HTML or to run as spreadsheet formulas.
const HOSTILE_ANSWERS: &str = "tests/fixtures/hostile/answers.toml";
const HOSTILE_QUESTIONNAIRE: &str = "tests/fixtures/hostile/questionnaire.toml";

const SCRIPT: &str = "<script>alert(1)</script>";
const IMG: &str = "\"><img src=x onerror=alert(1)>";

/// Characters a spreadsheet may run a cell starting with as a formula.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// The CSV header row.
const CSV_HEADER: [&str; 8] = [
    "dimension_id",
    "dimension",
    "question_id",
    "question",
    "answer",
    "option",
    "stage",
    "note",
];

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

fn selector(css: &str) -> Selector {
    Selector::parse(css).unwrap_or_else(|e| panic!("bad selector `{css}`: {e:?}"))
}

/// How many elements of `page` match `css`.
fn count(page: &Html, css: &str) -> usize {
    page.select(&selector(css)).count()
}

/// The text of an element, as a browser shows it (entities decoded).
fn text(element: ElementRef) -> String {
    element.text().collect()
}

/// The texts of every element of `page` matching `css`.
fn texts(page: &Html, css: &str) -> Vec<String> {
    page.select(&selector(css)).map(text).collect()
}

/// The one element of `page` matching `css`.
#[track_caller]
fn only<'a>(page: &'a Html, css: &str) -> ElementRef<'a> {
    let found: Vec<ElementRef> = page.select(&selector(css)).collect();
    assert_eq!(found.len(), 1, "expected one `{css}`");
    found[0]
}

/// `cxm score` with `args` and `extra`, run successfully.
#[track_caller]
fn score(args: &[&str], extra: &[&str]) -> Run {
    run(&[&["score"], args, extra].concat()).success()
}

/// The HTML report for `args`, and the JSON report for the same arguments.
#[track_caller]
fn html_and_json(args: &[&str]) -> (String, Html, Value) {
    let html = score(args, &["--format", "html"]).stdout;
    let json = score(args, &["--format", "json"]).json();
    let page = Html::parse_document(&html);
    (html, page, json)
}

/// The `name` of every dimension of a JSON report, in order.
fn dimension_names(report: &Value) -> Vec<String> {
    report["dimensions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["name"].as_str().unwrap().to_string())
        .collect()
}

/// The points of an SVG `polygon`, as `(x, y)`.
fn points(polygon: ElementRef) -> Vec<(f64, f64)> {
    polygon
        .attr("points")
        .unwrap()
        .split_whitespace()
        .map(|p| {
            let (x, y) = p.split_once(',').unwrap();
            (x.parse().unwrap(), y.parse().unwrap())
        })
        .collect()
}

/// The CSV records of `text`, header included.
fn csv_records(text: &str) -> Vec<Vec<String>> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}

/// The CSV row of question `id`, as `column → cell`.
fn csv_row<'a>(records: &'a [Vec<String>], id: &str) -> impl Fn(&str) -> &'a str + 'a {
    let row = records
        .iter()
        .find(|r| r[2] == id)
        .unwrap_or_else(|| panic!("no CSV row for question `{id}`"));
    move |column: &str| {
        let i = CSV_HEADER.iter().position(|c| *c == column).unwrap();
        row[i].as_str()
    }
}

/// `text` as the CSV view must show it: with a `'` in front when a spreadsheet
/// would run it, also behind leading spaces or line breaks.
fn defused(text: &str) -> String {
    if text
        .trim_start_matches([' ', '\n'])
        .starts_with(FORMULA_STARTS)
    {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

/// A file `name` in `dir`, as a string for the command line.
fn path_in(dir: &tempfile::TempDir, name: &str) -> String {
    dir.path().join(name).display().to_string()
}

// ---------------------------------------------------------------------------
// HTML: structure
// ---------------------------------------------------------------------------

#[test]
fn the_html_radar_has_a_spoke_per_dimension_a_ring_per_stage_and_a_target_outline() {
    let (_, page, json) = html_and_json(&[EARLY, "--target", "3"]);
    let names = dimension_names(&json);
    assert_eq!(names.len(), 6);
    assert_eq!(json["stages"].as_array().unwrap().len(), 5);

    assert_eq!(count(&page, "svg.radar"), 1);
    assert_eq!(count(&page, "svg.radar line.spoke"), 6);
    assert_eq!(count(&page, "svg.radar polygon.ring"), 5);
    assert_eq!(count(&page, "svg.radar polygon.series"), 2);
    assert_eq!(count(&page, "svg.radar polygon.series.score"), 1);
    assert_eq!(count(&page, "svg.radar polygon.series.target"), 1);

    // The score outline is the dimension scores: point i lies score_i / 5 of the way
    // out on spoke i (radius 150 at stage 5).
    let scores: Vec<f64> = json["dimensions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["score"].as_f64().unwrap())
        .collect();
    let score_points = points(only(&page, "svg.radar polygon.series.score"));
    assert_eq!(score_points.len(), 6);
    for ((x, y), score) in score_points.iter().zip(&scores) {
        let value = x.hypot(*y) / 150.0 * 5.0;
        assert!((value - score).abs() < 0.01, "{value} vs {score}");
    }
    // The target outline is stage 3 on every spoke.
    let target_points = points(only(&page, "svg.radar polygon.series.target"));
    assert_eq!(target_points.len(), 6);
    for (x, y) in target_points {
        assert!((x.hypot(y) - 90.0).abs() < 0.2, "({x}, {y})");
    }

    // A text alternative that names every dimension.
    let title = text(only(&page, "svg.radar > title#radar-title"));
    assert!(!title.trim().is_empty());
    let desc = text(only(&page, "svg.radar > desc#radar-desc"));
    for name in &names {
        assert!(desc.contains(name.as_str()), "`{name}` not in {desc}");
    }
    assert_eq!(
        only(&page, "svg.radar").attr("aria-labelledby"),
        Some("radar-title radar-desc")
    );
}

#[test]
fn the_html_has_a_card_and_a_table_row_per_dimension_with_the_json_numbers() {
    let (_, page, json) = html_and_json(&[EARLY, "--target", "3"]);
    let names = dimension_names(&json);

    assert_eq!(count(&page, "section.dimension"), 6);
    assert_eq!(texts(&page, "section.dimension h3"), names);

    let rows: Vec<ElementRef> = page.select(&selector("table.scores tbody tr")).collect();
    assert_eq!(rows.len(), 6);
    let td = selector("td");
    for ((row, name), dimension) in rows
        .iter()
        .zip(&names)
        .zip(json["dimensions"].as_array().unwrap())
    {
        let cells: Vec<String> = row.select(&td).map(text).collect();
        assert_eq!(cells[0].trim(), name);
        let shown: f64 = cells[1].trim().parse().unwrap();
        let score = dimension["score"].as_f64().unwrap();
        assert!((shown - score).abs() <= 0.01, "{name}: {shown} vs {score}");
        let stage = &dimension["stage"];
        assert_eq!(
            cells[2].trim(),
            format!("{} {}", stage["level"], stage["name"].as_str().unwrap())
        );
    }

    // The roadmap: one list item per step of the JSON roadmap.
    assert_eq!(count(&page, "section.roadmap"), 1);
    let steps = json["target"]["roadmap"].as_array().unwrap();
    assert_eq!(steps.len(), 8);
    assert_eq!(count(&page, "section.roadmap li"), steps.len());
    let first = text(page.select(&selector("section.roadmap li")).next().unwrap());
    assert!(
        first.contains(steps[0]["action"]["title"].as_str().unwrap()),
        "{first}"
    );
    // One list per phase, numbered straight through as in the table and Markdown.
    let mut next = 1;
    let lists = page
        .select(&selector("section.roadmap ol"))
        .collect::<Vec<_>>();
    assert!(lists.len() > 1, "the example's roadmap has several phases");
    for ol in lists {
        assert_eq!(ol.value().attr("start"), Some(next.to_string().as_str()));
        next += ol.select(&selector("li")).count();
    }
}

#[test]
fn without_a_target_the_html_has_only_the_score_outline_and_no_roadmap() {
    let (_, page, json) = html_and_json(&[EARLY]);
    assert_eq!(json["target"], Value::Null);
    assert_eq!(count(&page, "svg.radar polygon.series"), 1);
    assert_eq!(count(&page, "svg.radar polygon.series.score"), 1);
    assert_eq!(count(&page, "svg.radar polygon.series.target"), 0);
    assert_eq!(count(&page, "section.roadmap"), 0);
    // Still a card and a row per dimension.
    assert_eq!(count(&page, "section.dimension"), 6);
    assert_eq!(count(&page, "table.scores tbody tr"), 6);
}

#[test]
fn the_answers_files_target_stage_draws_the_target_outline_and_the_roadmap() {
    // examples/advanced.toml sets target_stage = 4.
    let (_, page, json) = html_and_json(&["examples/advanced.toml"]);
    assert_eq!(json["target"]["stage"]["level"], 4);
    assert_eq!(count(&page, "svg.radar polygon.series.target"), 1);
    assert_eq!(count(&page, "section.roadmap"), 1);
    let target = points(only(&page, "svg.radar polygon.series.target"));
    for (x, y) in target {
        assert!((x.hypot(y) - 120.0).abs() < 0.2, "({x}, {y})");
    }
}

// ---------------------------------------------------------------------------
// HTML: self-contained
// ---------------------------------------------------------------------------

/// Asserts that `html` loads nothing: no script, no stylesheet, image or frame from
/// elsewhere, no attribute that points anywhere, no CSS import or `url(`.
#[track_caller]
fn assert_self_contained(html: &str) {
    let lower = html.to_lowercase();
    for bad in [
        "<script",
        "<link",
        "<img",
        "<iframe",
        "@import",
        "url(",
        "http-equiv",
    ] {
        assert!(!lower.contains(bad), "the page contains `{bad}`");
    }
    let page = Html::parse_document(html);
    for element in [
        "script", "link", "img", "iframe", "object", "embed", "base", "video", "audio", "source",
        "image", "use",
    ] {
        assert_eq!(
            count(&page, element),
            0,
            "the page has a `{element}` element"
        );
    }
    let mut elements = 0;
    for element in page.select(&selector("*")) {
        elements += 1;
        for (name, value) in element.value().attrs() {
            assert!(
                ![
                    "src",
                    "href",
                    "srcset",
                    "action",
                    "formaction",
                    "poster",
                    "background",
                    "data",
                ]
                .contains(&name.to_ascii_lowercase().as_str()),
                "<{} {name}=\"{value}\"> points elsewhere",
                element.value().name()
            );
        }
    }
    // It did parse into a real page.
    assert!(elements > 100, "only {elements} elements");
}

#[test]
fn the_html_report_is_self_contained() {
    for args in [
        &[EARLY, "--target", "3"][..],
        &["examples/advanced.toml"],
        &[REPORT_ANSWERS, "-Q", REPORT_QUESTIONNAIRE],
    ] {
        let html = score(args, &["--format", "html"]).stdout;
        assert!(html.starts_with("<!DOCTYPE html>"), "{args:?}");
        assert_self_contained(&html);
        // Its one style sheet is inline.
        let page = Html::parse_document(&html);
        assert_eq!(count(&page, "style"), 1, "{args:?}");
    }
}

// ---------------------------------------------------------------------------
// HTML and CSV: hostile texts
// ---------------------------------------------------------------------------

#[test]
fn the_hostile_questionnaire_is_valid() {
    let out = run(&["validate", HOSTILE_QUESTIONNAIRE]).success();
    let all = format!("{}{}", out.stdout, out.stderr);
    assert!(all.contains("ok: `hostile-test` 1.0.0"), "{out}");
}

#[test]
fn hostile_texts_are_shown_as_text_and_never_become_markup() {
    let args = [
        HOSTILE_ANSWERS,
        "-Q",
        HOSTILE_QUESTIONNAIRE,
        "--target",
        "3",
    ];
    let (html, page, json) = html_and_json(&args);

    // Nothing became an element or an attribute.
    assert_eq!(count(&page, "script"), 0, "{html}");
    assert_eq!(count(&page, "img"), 0, "{html}");
    for element in page.select(&selector("*")) {
        for (name, value) in element.value().attrs() {
            assert!(
                !name.to_ascii_lowercase().starts_with("on"),
                "event handler <{} {name}=\"{value}\">",
                element.value().name()
            );
            assert!(
                !value.trim().to_ascii_lowercase().starts_with("javascript:"),
                "<{} {name}=\"{value}\">",
                element.value().name()
            );
        }
    }
    // `</style>` did not end the style sheet early: its last rules are in it.
    let style = text(only(&page, "style"));
    assert!(style.contains("@media print"), "{style}");
    assert!(!style.contains("</style"), "{style}");

    // Every hostile text is there, as text.
    let title = json["questionnaire"]["title"].as_str().unwrap();
    let organisation = json["organisation"].as_str().unwrap();
    assert!(title.contains(SCRIPT) && title.contains("</style>"));
    assert!(organisation.contains(IMG) && organisation.contains(SCRIPT));
    assert_eq!(
        text(only(&page, "head > title")),
        format!("{title}: {organisation}")
    );
    assert_eq!(text(only(&page, "h1")), title);
    assert_eq!(text(only(&page, "p.subtitle strong")), organisation);

    let names = dimension_names(&json);
    assert_eq!(names[0], SCRIPT);
    assert_eq!(names[1], IMG);
    assert_eq!(texts(&page, "section.dimension h3"), names);
    let labels = texts(&page, "svg.radar text.axis-label");
    assert_eq!(labels[0], SCRIPT, "{labels:?}");
    assert!(text(only(&page, "svg.radar > desc")).contains(SCRIPT));

    let actions = texts(&page, ".action .title");
    assert!(
        actions.contains(&format!("{SCRIPT} Check the data")),
        "{actions:?}"
    );
    assert!(actions.contains(&format!("{IMG} Train")), "{actions:?}");
    let answers = texts(&page, "table.answers td").join("\n");
    assert!(
        answers.contains(&format!("</style>{SCRIPT} How good is your data?")),
        "{answers}"
    );
    assert!(answers.contains("=HYPERLINK(\"http://x\")"), "{answers}");
    let notes = texts(&page, ".note");
    assert!(notes.contains(&format!("Note: {SCRIPT}")), "{notes:?}");
    assert!(
        notes.contains(&"Note: +1 javascript:alert(1)".to_string()),
        "{notes:?}"
    );
    let roadmap = text(only(&page, "section.roadmap"));
    assert!(
        roadmap.contains(&format!("{SCRIPT}: {SCRIPT} Check the data")),
        "{roadmap}"
    );
}

#[test]
fn hostile_csv_cells_are_quoted_and_formulas_defused() {
    let args = [HOSTILE_ANSWERS, "-Q", HOSTILE_QUESTIONNAIRE];
    let csv = score(&args, &["--format", "csv"]).stdout;
    let json = score(&args, &["--format", "json"]).json();
    let records = csv_records(&csv);
    assert_eq!(records[0], CSV_HEADER);
    let questions = json["questions"].as_array().unwrap();
    assert_eq!(records.len() - 1, questions.len());

    // No cell is left for a spreadsheet to run.
    for record in &records {
        assert_eq!(record.len(), 8, "{record:?}");
        for cell in record {
            assert!(
                !cell
                    .trim_start_matches([' ', '\n'])
                    .starts_with(FORMULA_STARTS),
                "cell {cell:?} in {record:?}"
            );
        }
    }
    // Each cell is the report's text, a `'` in front only where it was needed.
    let str_of = |v: &Value| v.as_str().unwrap_or("").to_string();
    for (record, q) in records[1..].iter().zip(questions) {
        assert_eq!(record[0], defused(q["dimension"].as_str().unwrap()));
        assert_eq!(record[2], defused(q["id"].as_str().unwrap()));
        assert_eq!(record[3], defused(q["text"].as_str().unwrap()));
        assert_eq!(record[5], defused(&str_of(&q["option"])));
        assert_eq!(record[7], defused(&str_of(&q["note"])));
    }

    let row = csv_row(&records, "data-quality");
    assert_eq!(row("dimension"), SCRIPT);
    assert_eq!(
        row("question"),
        format!("</style>{SCRIPT} How good is your data?")
    );
    assert_eq!(row("option"), "'=HYPERLINK(\"http://x\")");
    assert_eq!(row("note"), "'=HYPERLINK(\"http://x\")");
    let row = csv_row(&records, "data-freshness");
    assert_eq!(row("question"), "'-1 How fresh is your data?");
    assert_eq!(row("option"), "'+1");
    assert_eq!(row("note"), SCRIPT);
    let row = csv_row(&records, "people-skills");
    assert_eq!(row("dimension"), IMG);
    assert_eq!(row("option"), "'@SUM(A1)");
    assert_eq!(row("note"), "'+1 javascript:alert(1)");
    let row = csv_row(&records, "people-training");
    assert_eq!(row("note"), "'@SUM(A1)");
    assert_eq!(
        csv_row(&records, "tools-budget")("dimension"),
        "'@SUM(A1) </style>"
    );
    // Quotes inside a cell are doubled, as RFC 4180 has it.
    assert!(csv.contains(",\"'=HYPERLINK(\"\"http://x\"\")\","), "{csv}");
}

// ---------------------------------------------------------------------------
// CSV
// ---------------------------------------------------------------------------

#[test]
fn the_csv_has_the_header_a_row_per_question_and_crlf_line_ends() {
    let csv = score(&[EARLY], &["--format", "csv"]).stdout;
    let json = score(&[EARLY], &["--format", "json"]).json();
    assert!(
        csv.starts_with("dimension_id,dimension,question_id,question,answer,option,stage,note\r\n"),
        "{csv}"
    );
    assert!(csv.ends_with("\r\n"));
    assert_eq!(
        csv.matches('\n').count(),
        csv.matches("\r\n").count(),
        "a line ends without CR"
    );
    let records = csv_records(&csv);
    assert_eq!(records.len(), 1 + 18);
    let ids: Vec<&str> = records[1..].iter().map(|r| r[2].as_str()).collect();
    let json_ids: Vec<&str> = json["questions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| q["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, json_ids);

    let row = csv_row(&records, "tailoring-basis");
    assert_eq!(row("dimension_id"), "personalisation");
    assert_eq!(row("dimension"), "Personalisation");
    assert_eq!(row("answer"), "2");
    assert_eq!(row("stage"), "Segment-Based");
    assert!(
        row("option").starts_with("Only their group: "),
        "{}",
        row("option")
    );
    assert_eq!(
        row("note"),
        "Newsletter has separate editions for hikers and climbers; shop and stores show the same to all."
    );
    let row = csv_row(&records, "feedback-collection");
    assert_eq!((row("answer"), row("stage")), ("3", "Multichannel"));
}

#[test]
fn the_csv_shows_not_applicable_unknown_and_unanswered() {
    let csv = score(
        &[REPORT_ANSWERS, "-Q", REPORT_QUESTIONNAIRE],
        &["-f", "csv"],
    )
    .stdout;
    let records = csv_records(&csv);
    assert_eq!(records.len(), 1 + 6);
    let cells = |id: &str| {
        let row = csv_row(&records, id);
        (
            row("answer").to_string(),
            row("option").to_string(),
            row("stage").to_string(),
        )
    };
    assert_eq!(
        cells("data-freshness"),
        ("n/a".into(), "".into(), "".into())
    );
    assert_eq!(
        cells("tools-budget"),
        ("unknown".into(), "".into(), "".into())
    );
    assert_eq!(cells("tools-licences"), ("".into(), "".into(), "".into()));
    assert_eq!(
        cells("people-training"),
        ("2".into(), "Yes, once.".into(), "Walk".into())
    );
    // `|` needs no quoting in CSV; `,` does.
    assert_eq!(
        csv_row(&records, "data-quality")("dimension"),
        "Data | Analytics"
    );
    assert!(csv.contains(",\"Yes, once.\","), "{csv}");
    assert_eq!(
        csv_row(&records, "people-skills")("note"),
        "Only two analysts know SQL."
    );
}

// ---------------------------------------------------------------------------
// `-o`
// ---------------------------------------------------------------------------

#[test]
fn html_htm_and_csv_output_files_hold_what_the_format_prints() {
    let dir = tempfile::tempdir().unwrap();
    let (html, htm, csv) = (
        path_in(&dir, "report.html"),
        path_in(&dir, "report.htm"),
        path_in(&dir, "Report.CSV"),
    );
    let args = [EARLY, "--target", "3"];
    let table = score(&args, &["-o", &html, "-o", &htm, "-o", &csv]).stdout;
    // Standard output still gets the table.
    assert!(table.contains("Overall stage: 1 Uniform"), "{table}");

    let read = |p: &str| std::fs::read_to_string(p).unwrap();
    let html_stdout = score(&args, &["--format", "html"]).stdout;
    assert!(html_stdout.contains("<svg class=\"radar\""));
    assert_eq!(read(&html), html_stdout);
    assert_eq!(read(&htm), html_stdout);
    let csv_stdout = score(&args, &["--format", "csv"]).stdout;
    assert!(csv_stdout.starts_with("dimension_id,"));
    assert_eq!(read(&csv), csv_stdout);
    // `htm` is a format name too.
    assert_eq!(score(&args, &["--format", "htm"]).stdout, html_stdout);
}

// ---------------------------------------------------------------------------
// `--template`
// ---------------------------------------------------------------------------

const TINY_TEMPLATE: &str = "<h1>{{ organisation }}</h1>{% for d in dimensions %}<p class=\"d\">{{ d.name }}</p>{% endfor %}{{ radar }}";

/// Writes `text` to `name` in `dir`; returns its path.
fn template(dir: &tempfile::TempDir, name: &str, text: &str) -> String {
    let path = path_in(dir, name);
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn a_custom_template_sees_the_report_fields_and_the_radar() {
    let dir = tempfile::tempdir().unwrap();
    let tiny = template(&dir, "tiny.html", TINY_TEMPLATE);
    let out = path_in(&dir, "out.html");
    let html = score(&[EARLY, "--template", &tiny], &["-f", "html", "-o", &out]).stdout;
    // The `-o` file uses the template too.
    assert_eq!(std::fs::read_to_string(&out).unwrap(), html);
    assert!(!html.contains("<!DOCTYPE"), "{html}");

    let json = score(&[EARLY], &["-f", "json"]).json();
    let page = Html::parse_document(&html);
    assert_eq!(
        text(only(&page, "h1")),
        json["organisation"].as_str().unwrap()
    );
    assert_eq!(texts(&page, "p.d"), dimension_names(&json));
    // The radar is markup, not escaped text.
    assert_eq!(count(&page, "svg.radar"), 1);
    assert_eq!(count(&page, "svg.radar line.spoke"), 6);
    assert!(!html.contains("&lt;svg"), "{html}");
}

#[test]
fn a_custom_template_escapes_what_it_prints() {
    let dir = tempfile::tempdir().unwrap();
    let tiny = template(&dir, "tiny.txt", TINY_TEMPLATE);
    let html = score(
        &[HOSTILE_ANSWERS, "-Q", HOSTILE_QUESTIONNAIRE],
        &["--template", &tiny, "-f", "html"],
    )
    .stdout;
    let json = score(
        &[HOSTILE_ANSWERS, "-Q", HOSTILE_QUESTIONNAIRE],
        &["-f", "json"],
    )
    .json();
    let page = Html::parse_document(&html);
    assert_eq!(count(&page, "script"), 0, "{html}");
    assert_eq!(count(&page, "img"), 0, "{html}");
    assert_eq!(
        text(only(&page, "h1")),
        json["organisation"].as_str().unwrap()
    );
    assert_eq!(texts(&page, "p.d"), dimension_names(&json));
    assert_eq!(count(&page, "svg.radar"), 1);
}

/// Runs `cxm score` with a broken `template` and an HTML and JSON `-o` file; asserts
/// that it fails and writes neither; returns the message.
#[track_caller]
fn template_error(text: &str) -> (String, String) {
    let dir = tempfile::tempdir().unwrap();
    let path = template(&dir, "broken.html", text);
    let (html, json) = (path_in(&dir, "r.html"), path_in(&dir, "r.json"));
    let out = run(&[
        "score",
        EARLY,
        "--template",
        &path,
        "-o",
        &json,
        "-o",
        &html,
        "-f",
        "html",
    ])
    .code(2);
    // Not `Run::error`: minijinja's own `syntax error: ` would count as a second error.
    assert_eq!(out.stdout, "", "{out}");
    assert_eq!(out.stderr.lines().count(), 1, "{out}");
    let message = out
        .stderr
        .strip_prefix("error: ")
        .unwrap_or_else(|| panic!("{out}"))
        .trim_end()
        .to_string();
    assert!(!Path::new(&json).exists(), "{message}");
    assert!(!Path::new(&html).exists(), "{message}");
    // Only the template is left in the folder.
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    (message, path)
}

#[test]
fn a_template_syntax_error_names_the_line_and_writes_nothing() {
    let (message, path) =
        template_error("<h1>{{ organisation }}</h1>\n<p>fine</p>\n{% for %}\n{% endfor %}\n");
    assert!(
        message.starts_with(&format!("template {path}:3: syntax error")),
        "{message}"
    );
    assert!(message.contains("JSON report's fields"), "{message}");
}

#[test]
fn an_unknown_filter_in_a_template_is_an_error_that_writes_nothing() {
    let (message, path) = template_error("<p>\n{{ organisation | shout }}</p>\n");
    assert!(
        message.starts_with(&format!("template {path}:2: ")),
        "{message}"
    );
    assert!(message.contains("shout"), "{message}");
}

#[test]
fn a_template_error_in_an_output_file_stops_standard_output_too() {
    let dir = tempfile::tempdir().unwrap();
    let path = template(&dir, "broken.html", "{{ nope(1) }}");
    let html = path_in(&dir, "r.html");
    // Standard output is the table, the template only breaks the `-o` file.
    let message = run(&["score", EARLY, "--template", &path, "-o", &html]).error();
    assert!(
        message.starts_with(&format!("template {path}:1: ")),
        "{message}"
    );
    assert!(!Path::new(&html).exists());
}

#[test]
fn a_runaway_template_ends_with_an_error() {
    let dir = tempfile::tempdir().unwrap();
    for (name, text, expected) in [
        (
            "huge-range.html",
            "{% for i in range(100000000) %}x{% endfor %}",
            "too many elements",
        ),
        (
            "nested.html",
            "{% for i in range(100000) %}{% for j in range(100000) %}x{% endfor %}{% endfor %}",
            "out of fuel",
        ),
        (
            "recursion.html",
            "{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}",
            "recursion limit",
        ),
        (
            // 10 GB of output, a few instructions per 100 kB: stopped by size.
            "huge-output.html",
            "{% for i in range(100000) %}{{ \"x\" * 100000 }}{% endfor %}",
            "the report grew past 64 MB",
        ),
    ] {
        let path = template(&dir, name, text);
        let started = Instant::now();
        // Killed after a minute: a hang fails the test instead of stalling it.
        let output = cxm(&["score", EARLY, "-f", "html", "--template", &path])
            .timeout(Duration::from_secs(60))
            .output()
            .unwrap();
        let message = Run::from(output).error();
        // Where the size ran out has no line: it is the whole report.
        let place = if name == "huge-output.html" { "" } else { ":1" };
        assert!(
            message.starts_with(&format!("template {path}{place}: ")),
            "{name}: {message}"
        );
        assert!(message.contains(expected), "{name}: {message}");
        eprintln!("{name}: stopped after {:?}", started.elapsed());
    }
}

#[test]
fn a_broken_template_fails_even_when_no_html_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let path = template(&dir, "broken.html", "<p>\n{% for %}\n");
    let json = path_in(&dir, "r.json");
    let out = run(&["score", EARLY, "--template", &path, "-o", &json]).code(2);
    assert!(
        out.stderr
            .starts_with(&format!("error: template {path}:2: syntax error")),
        "{out}"
    );
    assert!(!Path::new(&json).exists());
}

#[test]
fn a_template_without_an_html_report_is_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let path = template(&dir, "fine.html", "<p>{{ organisation }}</p>");
    let out = run(&["score", EARLY, "--template", &path]).success();
    assert_eq!(
        out.stderr,
        format!(
            "warning: --template {path} is not used: no HTML report is written (add --format \
             html or -o FILE.html)\n"
        )
    );
    assert!(out.stdout.contains("Overall stage:"), "{out}");
}

// ---------------------------------------------------------------------------
// `--step-summary`
// ---------------------------------------------------------------------------

#[test]
fn step_summary_appends_the_markdown_report_to_the_job_summary() {
    let dir = tempfile::tempdir().unwrap();
    let summary = dir.path().join("summary.md");
    // An earlier step that did not end its last line: the report still begins on a
    // line of its own, after a blank one, so that its title is a heading.
    std::fs::write(&summary, "earlier step").unwrap();
    let step = || {
        Run::from(
            cxm(&["score", EARLY, "--step-summary", "-f", "json"])
                .env("GITHUB_STEP_SUMMARY", &summary)
                .output()
                .unwrap(),
        )
        .success()
    };
    let markdown = score(&[EARLY], &["-f", "markdown"]).stdout;
    assert!(markdown.starts_with("# Customer Experience Maturity: stage report"));

    // Standard output is still the format asked for.
    let first = step();
    assert_eq!(first.json()["overall"]["stage"]["level"], 1);
    let after_one = std::fs::read_to_string(&summary).unwrap();
    assert!(after_one.starts_with("earlier step\n\n# "), "{after_one}");
    let appended = after_one.strip_prefix("earlier step\n\n").unwrap();
    assert!(appended.starts_with(markdown.trim_end()), "{after_one}");
    assert_eq!(after_one.matches(": stage report").count(), 1);

    step();
    let after_two = std::fs::read_to_string(&summary).unwrap();
    assert!(after_two.starts_with(&after_one), "{after_two}");
    assert_eq!(after_two.matches(": stage report").count(), 2);
    assert_eq!(after_two.matches("earlier step\n").count(), 1);
    assert_eq!(after_two.matches("\n\n# ").count(), 2, "{after_two}");
}

#[test]
fn step_summary_creates_a_missing_job_summary_file() {
    let dir = tempfile::tempdir().unwrap();
    let summary = dir.path().join("new.md");
    Run::from(
        cxm(&["score", EARLY, "--step-summary", "--quiet"])
            .env("GITHUB_STEP_SUMMARY", &summary)
            .output()
            .unwrap(),
    )
    .success();
    let text = std::fs::read_to_string(&summary).unwrap();
    assert!(
        text.starts_with("# Customer Experience Maturity: stage report"),
        "{text}"
    );
}

#[test]
fn step_summary_without_github_step_summary_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let json = path_in(&dir, "r.json");
    for value in [None, Some("")] {
        let mut cmd = cxm(&["score", EARLY, "--step-summary", "-o", &json]);
        match value {
            None => cmd.env_remove("GITHUB_STEP_SUMMARY"),
            Some(v) => cmd.env("GITHUB_STEP_SUMMARY", v),
        };
        let message = Run::from(cmd.output().unwrap()).error();
        assert!(
            message.starts_with("--step-summary: GITHUB_STEP_SUMMARY is not set; "),
            "{value:?}: {message}"
        );
        assert!(!Path::new(&json).exists(), "{value:?}");
    }
}

// ---------------------------------------------------------------------------
// Printing with Chromium
// ---------------------------------------------------------------------------

/// The first of `names` found on `PATH`.
fn on_path(names: &[&str]) -> Option<std::path::PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .flat_map(|dir| names.iter().map(move |n| dir.join(n)))
        .find(|p| p.is_file())
}

#[test]
fn chromium_prints_the_html_report_to_pdf() {
    let Some(chromium) = on_path(&["chromium", "chromium-browser"]) else {
        eprintln!("skipped: neither `chromium` nor `chromium-browser` is on PATH");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let html = dir.path().join("report.html");
    let pdf = dir.path().join("report.pdf");
    score(
        &[EARLY, "--target", "3"],
        &["-o", &html.display().to_string()],
    );

    let mut child = Command::new(&chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--no-pdf-header-footer",
        ])
        .arg(format!(
            "--user-data-dir={}",
            dir.path().join("profile").display()
        ))
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(format!("file://{}", html.display()))
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > Duration::from_secs(60) {
            child.kill().unwrap();
            child.wait().unwrap();
            panic!("{} did not finish within 60 s", chromium.display());
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    assert!(status.success(), "{} failed: {status}", chromium.display());
    let bytes = std::fs::read(&pdf).unwrap();
    assert!(bytes.starts_with(b"%PDF"), "not a PDF");
    assert!(bytes.len() > 10_000, "PDF of only {} bytes", bytes.len());
}

#[test]
fn a_templates_own_control_characters_never_reach_the_page() {
    let dir = tempfile::tempdir().unwrap();
    let template = dir.path().join("t.html");
    std::fs::write(
        &template,
        "<p>\u{1b}]0;pwned\u{7}{{ organisation }}\u{9b}2J</p>\n",
    )
    .unwrap();
    let out = cxm(&[
        "score",
        EARLY,
        "-f",
        "html",
        "--template",
        template.to_str().unwrap(),
    ])
    .output()
    .unwrap();
    let page = String::from_utf8(out.stdout).unwrap();
    assert!(page.contains("Nordwind Outdoor GmbH"), "{page}");
    assert!(!page.contains(['\u{1b}', '\u{7}', '\u{9b}']), "{page:?}");
}
