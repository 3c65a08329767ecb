//! Properties of scoring and rendering that hold for every questionnaire and answers
//! file, checked on random ones (proptest): no panic, scores between the lowest and
//! highest answer, all answers at k give stage k, the weakest link never above the
//! mean, order does not matter, and no control character from the input in any view.

use std::collections::BTreeMap;

use proptest::prelude::*;

use cxm::answers::{Answer, Answers};
use cxm::diagnostic::Source;
use cxm::questionnaire::Questionnaire;
use cxm::report::{Format, Look, render};
use cxm::score::{Report, score};

/// A question: its weight and the stages of its options.
type QuestionSpec = (f64, Vec<u32>);

/// A random questionnaire, as its parts.
#[derive(Debug, Clone)]
struct Spec {
    stages: u32,
    /// Per dimension: its weight and its questions.
    dimensions: Vec<(f64, Vec<QuestionSpec>)>,
    dimension_method: &'static str,
    stage_rule: &'static str,
    /// A text put into every name and option, with control characters.
    noise: String,
}

fn spec() -> impl Strategy<Value = Spec> {
    (2u32..=6).prop_flat_map(|stages| {
        let question = (
            0.1f64..10.0,
            proptest::sample::subsequence((1..=stages).collect::<Vec<_>>(), 2..=stages as usize),
        );
        let dimension = (0.1f64..10.0, proptest::collection::vec(question, 1..6));
        (
            Just(stages),
            proptest::collection::vec(dimension, 1..5),
            prop_oneof![Just("mean"), Just("weakest-link")],
            prop_oneof![Just("nearest"), Just("reached")],
            "[a-z \\x00-\\x1f\\u{7f}-\\u{9f}]{0,6}",
        )
            .prop_map(
                |(stages, dimensions, dimension_method, stage_rule, noise)| Spec {
                    stages,
                    dimensions,
                    dimension_method,
                    stage_rule,
                    noise,
                },
            )
    })
}

/// TOML's escape for `text` in a basic string.
fn quoted(text: &str) -> String {
    toml::Value::String(text.to_string()).to_string()
}

/// The questionnaire's text, with overall `overall` and questions in `order`.
fn toml_text(spec: &Spec, overall: &str, reverse: bool) -> String {
    let n = quoted(&format!("T{}", spec.noise));
    let mut t = format!(
        "format = 1\n[questionnaire]\nid = \"p\"\nversion = \"1\"\nlanguage = \"en\"\n\
         title = {n}\n[scoring]\ndimension = \"{}\"\noverall = \"{overall}\"\nstage = \"{}\"\n",
        spec.dimension_method, spec.stage_rule
    );
    for l in 1..=spec.stages {
        t += &format!("[[stages]]\nlevel = {l}\nid = \"s{l}\"\nname = {n}\nsummary = {n}\n");
    }
    let mut questions = Vec::new();
    for (d, (weight, qs)) in spec.dimensions.iter().enumerate() {
        t += &format!("[[dimensions]]\nid = \"d{d}\"\nname = {n}\nweight = {weight:?}\n");
        for l in 1..spec.stages {
            t += &format!(
                "[[actions]]\ndimension = \"d{d}\"\nstage = {l}\ntitle = {n}\ndetail = {n}\n"
            );
        }
        for (i, (w, options)) in qs.iter().enumerate() {
            let mut q = format!(
                "[[questions]]\nid = \"d{d}-q{i}\"\ndimension = \"d{d}\"\ntext = {n}\nweight = {w:?}\n"
            );
            for s in options {
                q += &format!("[[questions.options]]\nstage = {s}\ntext = {n}\n");
            }
            questions.push(q);
        }
    }
    if reverse {
        questions.reverse();
    }
    t + &questions.concat()
}

fn load(text: &str) -> Questionnaire {
    Questionnaire::load(&Source::new("p.toml", text)).expect("a generated questionnaire is valid")
}

/// Answers from `picks`: per question, an index into its options, or n/a, or unknown,
/// or nothing.
fn answers(q: &Questionnaire, picks: &[u8]) -> Answers {
    let mut a = Answers::new(q);
    for (question, pick) in q.questions.iter().zip(picks.iter().cycle()) {
        let n = question.options.len();
        let answer = match usize::from(*pick) % (n + 3) {
            i if i < n => Some(Answer::Stage(question.options[i].stage)),
            i if i == n => Some(Answer::NotApplicable),
            i if i == n + 1 => Some(Answer::Unknown),
            _ => None,
        };
        if let Some(answer) = answer {
            a.answers.insert(question.id.clone(), answer);
        }
    }
    a
}

fn levels(r: &Report) -> BTreeMap<String, Option<u32>> {
    r.dimensions
        .iter()
        .map(|d| (d.id.clone(), d.stage.as_ref().map(|s| s.level)))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn scores_lie_between_the_lowest_and_highest_answer_and_every_view_is_clean(
        spec in spec(),
        picks in proptest::collection::vec(any::<u8>(), 1..40),
        width in 40usize..120,
    ) {
        let q = load(&toml_text(&spec, "weakest-link", false));
        let a = answers(&q, &picks);
        let r = score(&q, &a);
        for d in &r.dimensions {
            let stages: Vec<f64> = q
                .questions_of(&d.id)
                .filter_map(|question| match a.answers.get(&question.id) {
                    Some(Answer::Stage(s)) => Some(f64::from(*s)),
                    _ => None,
                })
                .collect();
            match d.score {
                None => prop_assert!(stages.is_empty()),
                Some(score) => {
                    let low = stages.iter().copied().fold(f64::INFINITY, f64::min);
                    let high = stages.iter().copied().fold(f64::NEG_INFINITY, f64::max);
                    prop_assert!(low - 1e-9 <= score && score <= high + 1e-9, "{score} not in {low}..{high}");
                }
            }
        }
        for format in [Format::Table, Format::Json, Format::Markdown, Format::Html, Format::Csv] {
            for unicode in [false, true] {
                let out = render(&r, format, Look { color: false, unicode, width }, None);
                prop_assert!(out.is_ok(), "{format}: {out:?}");
                // CSV ends its rows in CRLF (RFC 4180); nothing else may hold a CR.
                let out = out.unwrap_or_default().replace("\r\n", "\n");
                prop_assert!(!out.chars().any(|c| c.is_control() && c != '\n'), "{format}: {out:?}");
            }
        }
    }

    #[test]
    fn all_answers_at_one_stage_give_that_stage_everywhere(spec in spec(), k in 1u32..=6) {
        let q = load(&toml_text(&spec, "weakest-link", false));
        let k = k.min(spec.stages);
        let mut a = Answers::new(&q);
        for question in &q.questions {
            if question.options.iter().any(|o| o.stage == k) {
                a.answers.insert(question.id.clone(), Answer::Stage(k));
            }
        }
        let r = score(&q, &a);
        for (id, level) in levels(&r) {
            // A dimension none of whose questions has an option for k has no stage.
            prop_assert!(level.is_none() || level == Some(k), "{id}: {level:?}");
        }
        if r.dimensions.iter().any(|d| d.stage.is_some()) {
            prop_assert_eq!(r.overall.stage.map(|s| s.level), Some(k));
        }
    }

    #[test]
    fn the_weakest_link_is_never_above_the_mean(
        spec in spec(),
        picks in proptest::collection::vec(any::<u8>(), 1..40),
    ) {
        let weakest = load(&toml_text(&spec, "weakest-link", false));
        let mean = load(&toml_text(&spec, "mean", false));
        let a = answers(&weakest, &picks);
        let w = score(&weakest, &a).overall.stage.map(|s| s.level);
        let m = score(&mean, &a).overall.stage.map(|s| s.level);
        prop_assert!(w <= m, "weakest link {w:?} above mean {m:?}");
    }

    #[test]
    fn the_order_of_questions_and_answers_does_not_matter(
        spec in spec(),
        picks in proptest::collection::vec(any::<u8>(), 1..40),
    ) {
        let forward = load(&toml_text(&spec, "weakest-link", false));
        let backward = load(&toml_text(&spec, "weakest-link", true));
        let a = answers(&forward, &picks);
        // The same answers, written in the other order.
        let text = a.to_toml(&backward);
        let b = cxm::answers::Parsed::parse(Source::new("b.toml", text))
            .and_then(|p| p.resolve(&backward))
            .expect("written answers read back")
            .0;
        let (rf, rb) = (score(&forward, &a), score(&backward, &b));
        prop_assert_eq!(levels(&rf), levels(&rb));
        prop_assert_eq!(rf.overall.stage, rb.overall.stage);
        for (x, y) in rf.dimensions.iter().zip(&rb.dimensions) {
            match (x.score, y.score) {
                (Some(p), Some(q)) => prop_assert!((p - q).abs() < 1e-9),
                (p, q) => prop_assert_eq!(p, q),
            }
        }
    }
}
