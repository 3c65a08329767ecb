//! The bundled questionnaire places companies where the model says they are.
//!
//! Two properties: the stage rule is robust (one answer a step off never moves a
//! stage), and companies described in `tests/fixtures/personas/` — answered blind by a
//! reviewer who saw the descriptions and the questions with shuffled options, never the
//! expected stages — land at their expected stages (`expected.toml` beside them).

use std::collections::BTreeMap;

use cxm::answers::{Answer, Answers, Parsed};
use cxm::bundled;
use cxm::diagnostic::Source;
use cxm::questionnaire::Questionnaire;
use cxm::score::score;

use crate::common::ROOT;

const PERSONAS: &str = "tests/fixtures/personas";

fn bundled_questionnaire() -> Questionnaire {
    bundled::find(bundled::DEFAULT_ID, Some("en")).expect("the bundled questionnaire")
}

fn levels(q: &Questionnaire, answers: &Answers) -> (Option<u32>, BTreeMap<String, Option<u32>>) {
    let report = score(q, answers);
    let dims = report
        .dimensions
        .iter()
        .map(|d| (d.id.clone(), d.stage.as_ref().map(|s| s.level)))
        .collect();
    (report.overall.stage.map(|s| s.level), dims)
}

#[test]
fn one_answer_a_step_off_never_moves_a_stage() {
    let q = bundled_questionnaire();
    let top = q.top_level();
    let mut checked = 0;
    for k in 1..=top {
        let mut all_at_k = Answers::new(&q);
        for question in &q.questions {
            assert!(
                question.options.iter().any(|o| o.stage == k),
                "question `{}` has no option for stage {k}",
                question.id
            );
            all_at_k
                .answers
                .insert(question.id.clone(), Answer::Stage(k));
        }
        for question in &q.questions {
            let at = question
                .options
                .iter()
                .position(|o| o.stage == k)
                .expect("checked above");
            let neighbours = [at.checked_sub(1), Some(at + 1)];
            for moved in neighbours.into_iter().flatten() {
                let Some(option) = question.options.get(moved) else {
                    continue;
                };
                let mut answers = all_at_k.clone();
                answers
                    .answers
                    .insert(question.id.clone(), Answer::Stage(option.stage));
                let (overall, dims) = levels(&q, &answers);
                assert_eq!(
                    overall,
                    Some(k),
                    "all at {k}, `{}` at {}: overall",
                    question.id,
                    option.stage
                );
                for (dim, level) in dims {
                    assert_eq!(
                        level,
                        Some(k),
                        "all at {k}, `{}` at {}: dimension `{dim}`",
                        question.id,
                        option.stage
                    );
                }
                checked += 1;
            }
        }
    }
    // Every question moved down and up from every stage but the ends.
    assert_eq!(checked, q.questions.len() * 2 * (top as usize - 1));
}

#[test]
fn the_bundled_questionnaire_has_3_to_5_questions_per_dimension_and_18_to_24_in_all() {
    let q = bundled_questionnaire();
    assert!(
        (18..=24).contains(&q.questions.len()),
        "{} questions",
        q.questions.len()
    );
    for d in &q.dimensions {
        let n = q.questions_of(&d.id).count();
        assert!(
            (3..=5).contains(&n),
            "dimension `{}` has {n} questions",
            d.id
        );
    }
}

/// `expected.toml`: persona → (key → stage), with `overall` among the keys.
fn expectations() -> BTreeMap<String, BTreeMap<String, u32>> {
    let text = std::fs::read_to_string(format!("{ROOT}/{PERSONAS}/expected.toml")).unwrap();
    toml::from_str(&text).unwrap()
}

#[test]
fn every_persona_has_a_description_answers_and_expectations() {
    let expected = expectations();
    assert!(expected.len() >= 8, "at least eight personas");
    let q = bundled_questionnaire();
    for (slug, stages) in &expected {
        let description = std::fs::read_to_string(format!("{ROOT}/{PERSONAS}/{slug}.txt")).unwrap();
        assert_eq!(
            description.trim().lines().count(),
            1,
            "{slug}: one paragraph"
        );
        assert!(stages.contains_key("overall"), "{slug}: overall");
        for d in &q.dimensions {
            assert!(stages.contains_key(&d.id), "{slug}: dimension `{}`", d.id);
        }
    }
    // One clear case at each stage.
    for k in 1..=q.top_level() {
        assert!(
            expected.values().any(|s| s.values().all(|v| *v == k)),
            "a persona clearly at stage {k}"
        );
    }
}

/// Where the answers in `dir` (answered blind in `lang`) place each persona, against
/// `expected.toml`: the misses, none when every persona lands as expected.
fn placement_misses(lang: &str, dir: &str) -> Vec<String> {
    let q = bundled::find(bundled::DEFAULT_ID, Some(lang)).expect("the bundled questionnaire");
    assert_eq!(q.language, lang);
    let mut misses = Vec::new();
    for (slug, stages) in expectations() {
        let path = format!("{dir}/{slug}.answers.toml");
        let text = std::fs::read_to_string(format!("{ROOT}/{path}")).unwrap();
        let (answers, warnings) = Parsed::parse(Source::new(path.clone(), text))
            .and_then(|p| p.resolve(&q))
            .unwrap_or_else(|e| panic!("{path}: {e}"));
        assert!(
            warnings.is_empty(),
            "{path}: answered with the current version"
        );
        let (overall, dims) = levels(&q, &answers);
        if overall != Some(stages["overall"]) {
            misses.push(format!(
                "{slug}: overall {overall:?}, expected {}",
                stages["overall"]
            ));
        }
        let wrong: Vec<String> = dims
            .iter()
            .filter(|(id, level)| **level != Some(stages[*id]))
            .map(|(id, level)| format!("{id} {level:?} (expected {})", stages[id]))
            .collect();
        // At least 90 % of its dimensions where expected.
        if wrong.len() * 10 > dims.len() {
            misses.push(format!("{slug}: {}", wrong.join(", ")));
        }
    }
    misses
}

#[test]
fn every_persona_lands_at_its_expected_stages() {
    let misses = placement_misses("en", PERSONAS);
    assert!(misses.is_empty(), "{}", misses.join("\n"));
}

#[test]
fn every_persona_answered_in_german_lands_where_the_english_ones_do() {
    let misses = placement_misses("de", &format!("{PERSONAS}/de"));
    assert!(misses.is_empty(), "{}", misses.join("\n"));
}

/// The chance that a company whose every answer is at stage `k`, except that each one
/// independently strays a step up or down with probability `noise` (half each way), is
/// placed at stage `k` overall, computed exactly on the bundled questionnaire with its
/// scoring but the stage rule `rule`.
fn chance_placed_right(k: u32, noise: f64, rule: &str) -> f64 {
    let text = std::fs::read_to_string(format!("{ROOT}/questionnaires/cx-maturity.en.toml"))
        .unwrap()
        .replace("stage = \"nearest\"", &format!("stage = \"{rule}\""));
    let q = Questionnaire::load(&Source::new("q.toml", text)).unwrap();
    let mut at_k = Answers::new(&q);
    for question in &q.questions {
        at_k.answers.insert(question.id.clone(), Answer::Stage(k));
    }
    // Per dimension: the chance it stays at k or above, and at k + 1 or above.
    let (mut at_least_k, mut above_k) = (1.0, 1.0);
    for d in &q.dimensions {
        let ids: Vec<&str> = q.questions_of(&d.id).map(|q| q.id.as_str()).collect();
        let (mut ge_k, mut ge_above) = (0.0, 0.0);
        for code in 0..3_usize.pow(ids.len() as u32) {
            let mut answers = at_k.clone();
            let mut chance = 1.0;
            for (i, id) in ids.iter().enumerate() {
                let step = (code / 3_usize.pow(i as u32)) % 3;
                let stage = [k - 1, k, k + 1][step];
                chance *= if step == 1 { 1.0 - noise } else { noise / 2.0 };
                answers.answers.insert(id.to_string(), Answer::Stage(stage));
            }
            let level = levels(&q, &answers).1[&d.id].unwrap();
            if level >= k {
                ge_k += chance;
            }
            if level > k {
                ge_above += chance;
            }
        }
        at_least_k *= ge_k;
        above_k *= ge_above;
    }
    // Weakest link: overall k when every dimension is at k or above, not all above.
    at_least_k - above_k
}

#[test]
fn noise_in_the_answers_rarely_moves_the_overall_stage() {
    let right = |noise, rule| chance_placed_right(3, noise, rule);
    // The figures the README gives.
    assert!((right(0.1, "nearest") - 0.96).abs() < 0.005);
    assert!((right(0.2, "nearest") - 0.86).abs() < 0.005);
    assert!((right(0.1, "reached") - 0.44).abs() < 0.005);
    assert!((right(0.2, "reached") - 0.23).abs() < 0.005);
}
