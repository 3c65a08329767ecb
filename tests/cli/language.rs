//! The tool's own words in German: which language a run picks (`--lang`, the answers
//! file, the environment), the German reports in every view, numbers and dates as
//! German readers write them, and answers files that are the same in every language.

use scraper::{Html, Selector};

use crate::common::{cxm, in_snapshot_dir, run, run_with_stdin};

/// A German answers file: a persona of the placement tests, answered in German.
const GERMAN: &str = "tests/fixtures/answers/german-bank.toml";

/// `examples/early-stage.toml` without its `language`, so nothing but the flags and the
/// environment choose the language.
fn early_stage_without_language() -> String {
    let text =
        std::fs::read_to_string(format!("{}/examples/early-stage.toml", crate::common::ROOT))
            .unwrap();
    let without: String = text
        .lines()
        .filter(|l| !l.starts_with("language"))
        .map(|l| format!("{l}\n"))
        .collect();
    assert_ne!(without, text, "the example names its language");
    without
}

/// Words of the English report that a German one must not show: headings, labels and
/// the phrases around the numbers.
const ENGLISH_WORDS: &[&str] = &[
    "Overall stage",
    "Score:",
    "Respondent",
    "Date:",
    "Target:",
    "Held back by",
    "Answers:",
    "Complete",
    "CI gate",
    "Stage ladder",
    "Here:",
    "Dimensions\n",
    "Next action",
    "Why these stages",
    "what lifts them",
    "To reach",
    "Answers below",
    "weakest dimension",
    "Owner",
    "Horizon",
    "Roadmap to",
    "stage to go",
    "stages to go",
    "of the way",
    "answered,",
    "not applicable",
    "don't know",
    "unanswered",
    "average of",
    "questionnaire cx-maturity",
    "passed",
    "failed",
    "minimum stage",
    "reached",
    "Steps",
    " yes\n",
    " no:",
];

#[test]
fn the_german_table_report_has_no_english_word_of_its_own() {
    // Every part of the table: facts, gate, lift, ladder, gaps, actions, roadmap.
    let out = run(&[
        "score",
        "examples/early-stage.toml",
        "--lang",
        "de",
        "--target",
        "3",
        "--min-stage",
        "2",
    ])
    .code(1);
    let table = &out.stdout;
    for word in ENGLISH_WORDS {
        assert!(
            !table.contains(word),
            "`{word}` in the German report:\n{table}"
        );
    }
    for word in ["Gesamtstufe:", "Stufenleiter", "Roadmap zu 3 Multichannel"] {
        assert!(table.contains(word), "no `{word}`:\n{table}");
    }
    // Stage names stay the model's English terms.
    assert!(table.contains("1 Uniform"));
}

#[test]
fn the_german_table_report() {
    let out = run(&[
        "score",
        "examples/early-stage.toml",
        "--lang",
        "de",
        "--target",
        "3",
    ])
    .success();
    let table = &out.stdout;
    assert!(table.starts_with("Reifegrad der Customer Experience\nFragebogen cx-maturity 2.0.0\n"));
    // A decimal comma, and the date as Germans write it.
    assert!(table.contains("\nWert:            1,72 / 5 (Mittelwert der Dimensionswerte)\n"));
    assert!(table.contains("\nDatum:           23.11.2026\n"));
    assert!(table.contains("\nZiel:            3 Multichannel: noch 2 Stufen\n"));
    in_snapshot_dir(|| insta::assert_snapshot!("german_table", table));
}

#[test]
fn the_german_html_report() {
    let out = run(&[
        "score",
        "examples/early-stage.toml",
        "--lang",
        "de",
        "--target",
        "3",
        "--format",
        "html",
    ])
    .success();
    let page = Html::parse_document(&out.stdout);
    let html = page
        .select(&Selector::parse("html").unwrap())
        .next()
        .unwrap();
    assert_eq!(html.value().attr("lang"), Some("de"));
    let text: String = page.root_element().text().collect();
    for word in [
        "Gesamtstufe",
        "1,72 / 5",
        "23.11.2026",
        "Die Stufenleiter",
        "Sie sind hier",
    ] {
        assert!(text.contains(word), "no `{word}` in the German page");
    }
    for word in [
        "Overall stage",
        "you are here",
        "Dimensions in detail",
        "Roadmap to",
    ] {
        assert!(!text.contains(word), "`{word}` in the German page");
    }
    // The page as a person reads it, without the style sheet.
    let body = &out.stdout[out.stdout.find("<body>").unwrap()..];
    in_snapshot_dir(|| insta::assert_snapshot!("german_html_body", body));
}

#[test]
fn markdown_writes_german_numbers_json_and_csv_keep_machine_formats() {
    let args = ["score", "examples/early-stage.toml", "--lang", "de"];
    let md = cxm(&args).args(["--format", "markdown"]).output().unwrap();
    let md = String::from_utf8(md.stdout).unwrap();
    assert!(
        md.contains("| Wert | 1,72 / 5 (Mittelwert der Dimensionswerte) |"),
        "{md}"
    );
    assert!(md.contains("| Datum | 23.11.2026 |"), "{md}");
    // The ladder's columns are German too.
    assert!(md.contains("\n| Nr. | Stufe | Bedeutung |"), "{md}");
    assert!(
        md.contains("| Personalisierung | 1,33 | 1 Uniform |"),
        "{md}"
    );

    let json = cxm(&args).args(["--format", "json"]).output().unwrap();
    let json: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(json["date"], "2026-11-23");
    assert_eq!(json["questionnaire"]["language"], "de");
    assert!(json["overall"]["score"].as_f64().unwrap() > 1.7);

    let csv = cxm(&args).args(["--format", "csv"]).output().unwrap();
    let csv = String::from_utf8(csv.stdout).unwrap();
    assert!(
        csv.starts_with("dimension_id,dimension,frage_id,frage,antwort,option,stufe,notiz\r\n"),
        "{csv}"
    );
    // Answers stay numbers, `n/a` and `unknown`, as in the answers file.
    assert!(csv.contains(",Personalisierung,tailoring-basis,"), "{csv}");
}

#[test]
fn a_german_answers_file_is_reported_in_german_and_with_lang_en_in_english() {
    let german = run(&["score", GERMAN]).success();
    assert!(
        german
            .stdout
            .starts_with("Reifegrad der Customer Experience\n")
    );
    assert!(german.stdout.contains("\nGesamtstufe:     3 Multichannel "));

    let english = run(&["score", GERMAN, "--lang", "en"]).success();
    assert!(english.stdout.starts_with("Customer Experience Maturity\n"));
    assert!(english.stdout.contains("\nOverall stage: 3 Multichannel "));
    assert!(english.stdout.contains("\nScore:         3.00 / 5 "));
    assert!(!english.stdout.contains("Gesamtstufe"));

    // The same answers, the same result, whatever the language.
    let json = |lang: &str| {
        let out = run(&["score", GERMAN, "--lang", lang, "--format", "json"]).success();
        let v = out.json();
        (v["overall"].clone(), v["coverage"].clone())
    };
    let ((de_overall, de_coverage), (en_overall, en_coverage)) = (json("de"), json("en"));
    assert_eq!(de_overall["score"], en_overall["score"]);
    assert_eq!(de_overall["stage"], en_overall["stage"]);
    assert_eq!(de_coverage, en_coverage);

    // And the other way round: an English file in German.
    let out = run(&["score", "examples/advanced.toml", "--lang", "de"]).success();
    assert!(
        out.stdout.contains("\nWert:            4,11 / 5 "),
        "{}",
        out.stdout
    );
}

#[test]
fn the_gate_verdict_speaks_the_reports_language() {
    let out = run(&["score", GERMAN, "--min-stage", "4", "--quiet"]).code(1);
    assert_eq!(
        out.stderr,
        "Prüfung nicht bestanden: Gesamtstufe 3 (Multichannel) liegt unter 4 (Cross-Channel)\n"
    );
    let out = run(&["score", GERMAN, "--min-stage", "3", "--quiet"]).success();
    assert_eq!(
        out.stderr,
        "Prüfung bestanden: Gesamtstufe 3 (Multichannel) erreicht 3 (Multichannel)\n"
    );
    let out = run(&[
        "score",
        GERMAN,
        "--min-stage",
        "4",
        "--quiet",
        "--lang",
        "en",
    ])
    .code(1);
    assert!(
        out.stderr
            .starts_with("gate failed: overall stage 3 (Multichannel)")
    );
}

#[test]
fn compare_and_aggregate_speak_german_too() {
    let out = run(&[
        "compare",
        "examples/early-stage-2025.toml",
        "examples/early-stage.toml",
        "--lang",
        "de",
        "--fail-on-regression",
    ])
    .code(1);
    assert!(
        out.stdout
            .starts_with("Reifegrad der Customer Experience: Fortschritt\n")
    );
    assert!(
        out.stdout
            .contains("\nVorher:       examples/early-stage-2025.toml (20.11.2025)\n")
    );
    assert!(
        out.stdout
            .contains("\nWert:         1,22 -> 1,72 (+0,50)\n")
    );
    assert_eq!(
        out.stderr,
        "Rückschritt: Timing der Interaktion von 2 (Segment-Based) auf 1 (Uniform)\n"
    );

    let out = run(&["aggregate", "tests/fixtures/respondents", "--lang", "de"]).success();
    assert!(
        out.stdout.contains("\nBefragte:       3\n"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains("Wo die Befragten uneins sind"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains("uneins (Konsens 0,33)"),
        "{}",
        out.stdout
    );
}

#[test]
fn the_environment_chooses_german_when_nothing_else_does() {
    let answers = early_stage_without_language();
    let with_env = |vars: &[(&str, &str)], args: &[&str]| {
        let mut cmd = cxm(&["score", "-"]);
        cmd.args(args);
        for (k, v) in vars {
            cmd.env(k, v);
        }
        let out = cmd.write_stdin(answers.as_str()).output().unwrap();
        assert!(out.status.success());
        String::from_utf8(out.stdout).unwrap()
    };
    assert!(with_env(&[("LANG", "de_DE.UTF-8")], &[]).starts_with("Reifegrad der Customer"));
    // LC_ALL before LC_MESSAGES before LANG; empty ones do not count.
    assert!(
        with_env(&[("LC_ALL", "C"), ("LANG", "de_DE.UTF-8")], &[])
            .starts_with("Customer Experience")
    );
    assert!(
        with_env(
            &[("LC_ALL", ""), ("LC_MESSAGES", "de_AT"), ("LANG", "en_US")],
            &[]
        )
        .starts_with("Reifegrad")
    );
    // --lang and the answers file come first.
    assert!(with_env(&[("LANG", "de_DE.UTF-8")], &["--lang", "en"]).starts_with("Customer"));
    let out = cxm(&["score", "examples/early-stage.toml"])
        .env("LANG", "de_DE.UTF-8")
        .output()
        .unwrap();
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .starts_with("Customer")
    );
    // A language without a bundled questionnaire in the environment is no error.
    assert!(with_env(&[("LANG", "fr_FR.UTF-8")], &[]).starts_with("Customer Experience"));
    // Without any of them: English.
    assert!(
        run_with_stdin(&["score", "-"], &answers)
            .success()
            .stdout
            .starts_with("Customer Experience")
    );
}

#[test]
fn a_language_without_a_bundled_questionnaire_names_the_bundled_ones() {
    let message = run(&["score", "examples/early-stage.toml", "--lang", "fr"]).error();
    assert!(
        message.starts_with(
            "questionnaire `cx-maturity` is not bundled in language `fr` (bundled: `en` and `de`)"
        ),
        "{message}"
    );
}
