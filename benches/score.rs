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
#[divan::bench(args = [Format::Table, Format::Json, Format::Markdown, Format::Html, Format::Csv])]
fn render_report(bencher: divan::Bencher, format: Format) {
    let q = questionnaire();
    let (answers, _) = Parsed::parse(Source::new("a.toml", ANSWERS))
        .and_then(|p| p.resolve(&q))
        .expect("example is valid");
    let report = cxm::score::score(&q, &answers);
    bencher.bench(|| render(&report, format, Look::PLAIN, None));
}

/// A generated questionnaire of `n` questions in 10 dimensions, and answers to all.
fn generated(n: usize) -> (String, String) {
    let mut q = String::from(
        "format = 1\n[questionnaire]\nid = \"big\"\nversion = \"1\"\nlanguage = \"en\"\n\
         title = \"Big\"\n",
    );
    for l in 1..=5 {
        q += &format!("[[stages]]\nlevel = {l}\nid = \"s{l}\"\nname = \"S{l}\"\nsummary = \"x\"\n");
    }
    for d in 0..10 {
        q += &format!("[[dimensions]]\nid = \"d{d}\"\nname = \"D{d}\"\n");
        for l in 1..5 {
            q += &format!(
                "[[actions]]\ndimension = \"d{d}\"\nstage = {l}\ntitle = \"t\"\ndetail = \"x\"\n"
            );
        }
    }
    let mut a = String::from(
        "format = 1\nquestionnaire = \"big\"\nquestionnaire_version = \"1\"\n[answers]\n",
    );
    for i in 0..n {
        q += &format!(
            "[[questions]]\nid = \"q{i}\"\ndimension = \"d{}\"\ntext = \"?\"\n",
            i % 10
        );
        for l in 1..=5 {
            q += &format!("[[questions.options]]\nstage = {l}\ntext = \"o{l}\"\n");
        }
        a += &format!("q{i} = {}\n", 1 + i % 5);
    }
    (q, a)
}

/// Loading, checking and scoring a questionnaire of 1,000 and 2,500 questions (about the
/// most a file may hold, see `cxm::document::MAX_PARSED_BYTES`) with
/// its answers: what `cxm validate` plus `cxm score` do, without process start-up.
#[divan::bench(args = [1_000, 2_500])]
fn load_and_score_generated(bencher: divan::Bencher, n: usize) {
    let (qt, at) = generated(n);
    bencher.bench(|| {
        let q = Questionnaire::load(&Source::new("q.toml", qt.as_str())).expect("valid");
        let (answers, _) = Parsed::parse(Source::new("a.toml", at.as_str()))
            .and_then(|p| p.resolve(&q))
            .expect("valid");
        cxm::score::score(&q, &answers)
    });
}

/// What `cxm assess` does to save after an answer, minus the disk: the file's text.
#[divan::bench(args = [18, 2_500])]
fn answers_file_text(bencher: divan::Bencher, n: usize) {
    let (q, a) = if n == 18 {
        (QUESTIONNAIRE.to_string(), ANSWERS.to_string())
    } else {
        generated(n)
    };
    let q = Questionnaire::load(&Source::new("q.toml", q)).expect("valid");
    let (answers, _) = Parsed::parse(Source::new("a.toml", a))
        .and_then(|p| p.resolve(&q))
        .expect("valid");
    bencher.bench(|| answers.to_toml(&q));
}

/// What `cxm assess` does after each answer: the file's text, written atomically (a
/// temporary file, flushed to disk, renamed) — the figure a user waits for.
#[divan::bench]
fn save_after_an_answer(bencher: divan::Bencher) {
    let q = questionnaire();
    let (answers, _) = Parsed::parse(Source::new("a.toml", ANSWERS))
        .and_then(|p| p.resolve(&q))
        .expect("example is valid");
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("answers.toml");
    bencher.bench(|| {
        cxm::output::write_with(
            &path,
            answers.to_toml(&q).as_bytes(),
            cxm::output::Existing::Replace,
            cxm::output::Access::Private,
        )
        .expect("saved")
    });
}
