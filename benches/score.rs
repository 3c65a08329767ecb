//! How long loading, scoring and rendering take, to keep "instant" honest.
//!
//! Run with `cargo bench --bench score`. Numbers are in the README's "Performance".

use cxm::answers::Parsed;
use cxm::diagnostic::Source;
use cxm::questionnaire::Questionnaire;
use cxm::report::{Format, Look, render};

const QUESTIONNAIRE: &str = include_str!("../questionnaires/cx-maturity.en.toml");
const ANSWERS: &str = include_str!("../examples/advanced.toml");

fn main() {
    divan::main();
}

fn questionnaire() -> Questionnaire {
    Questionnaire::load(&Source::new("q.toml", QUESTIONNAIRE)).expect("bundled is valid")
}

/// Parsing and checking the bundled questionnaire (done on every run of cxm).
#[divan::bench]
fn load_questionnaire() -> Questionnaire {
    questionnaire()
}

/// Parsing and checking an answers file against it.
#[divan::bench]
fn load_answers(bencher: divan::Bencher) {
    let q = questionnaire();
    bencher.bench(|| {
        Parsed::parse(Source::new("a.toml", ANSWERS))
            .and_then(|p| p.resolve(&q))
            .expect("example is valid")
    });
}

/// Scoring alone.
#[divan::bench]
fn score(bencher: divan::Bencher) {
    let q = questionnaire();
    let (answers, _) = Parsed::parse(Source::new("a.toml", ANSWERS))
        .and_then(|p| p.resolve(&q))
        .expect("example is valid");
    bencher.bench(|| cxm::score::score(&q, &answers));
}

/// Scoring answers that are all at the lowest option, where finding what lifts the
/// stage searches the most: every dimension is held back. With `overall = "mean"` the
/// search runs over all questions at once instead of one dimension at a time.
#[divan::bench(args = ["weakest-link", "mean"])]
fn score_lowest_answers(bencher: divan::Bencher, overall: &str) {
    let text = QUESTIONNAIRE.replace(
        "overall = \"weakest-link\"",
        &format!("overall = \"{overall}\""),
    );
    let q = Questionnaire::load(&Source::new("q.toml", text)).expect("valid");
    let mut answers = cxm::answers::Answers::new(&q);
    for question in &q.questions {
        answers
            .answers
            .insert(question.id.clone(), cxm::answers::Answer::Stage(1));
    }
    bencher.bench(|| cxm::score::score(&q, &answers));
}

/// Every format rendered from one report.
#[divan::bench(args = [Format::Table, Format::Json, Format::Markdown])]
fn render_report(bencher: divan::Bencher, format: Format) {
    let q = questionnaire();
    let (answers, _) = Parsed::parse(Source::new("a.toml", ANSWERS))
        .and_then(|p| p.resolve(&q))
        .expect("example is valid");
    let report = cxm::score::score(&q, &answers);
    bencher.bench(|| render(&report, format, Look::PLAIN));
}
