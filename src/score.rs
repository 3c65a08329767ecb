//! Scoring: turns a questionnaire and its answers into one [`Report`] value.
//!
//! The rules (also in the README and in `cxm score --help`):
//! a question's value is the stage of its chosen option; "n/a" and "unknown" are left
//! out. A dimension's score is the weighted mean (or, with `weakest-link`, the lowest)
//! of its values, its stage the highest level k with score >= k. The overall score is
//! the weighted mean of dimension scores; the overall stage is the lowest dimension
//! stage (`weakest-link`, default) or the highest k with overall score >= k (`mean`).
//! Every renderer in `report/` is a view of the value built here.

use serde::Serialize;

use crate::answers::{Answer, Answers};
use crate::questionnaire::{Action, DimensionMethod, OverallMethod, Questionnaire, Stage};

/// Scores closer than this to a whole number are that number: a dimension whose
/// answers are all 3 scores 3.0 and is at stage 3, whatever its weights.
const EPSILON: f64 = 1e-9;

/// The result of scoring, in the shape `--format json` prints (schema version 1).
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub schema_version: u32,
    pub tool: Tool,
    pub questionnaire: QuestionnaireInfo,
    pub organisation: Option<String>,
    pub respondent: Option<String>,
    pub date: Option<String>,
    pub target_stage: Option<StageRef>,
    pub overall: Overall,
    pub complete: bool,
    pub coverage: Coverage,
    /// The ladder, for showing where the company stands.
    pub stages: Vec<StageInfo>,
    /// In questionnaire order.
    pub dimensions: Vec<DimensionResult>,
    pub questions: Vec<QuestionResult>,
    pub gate: Option<Gate>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Tool {
    pub name: &'static str,
    pub version: &'static str,
}

#[derive(Debug, Clone, Serialize)]
pub struct QuestionnaireInfo {
    pub id: String,
    pub version: String,
    pub language: String,
    pub title: String,
    /// The version recorded in the answers file, when it differs.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub answered_version: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StageRef {
    pub level: u32,
    pub id: String,
    pub name: String,
}

impl From<&Stage> for StageRef {
    fn from(s: &Stage) -> Self {
        StageRef {
            level: s.level,
            id: s.id.clone(),
            name: s.name.clone(),
        }
    }
}

impl std::fmt::Display for StageRef {
    /// `2 (Segment-Based)`
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} ({})", self.level, self.name)
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct StageInfo {
    pub level: u32,
    pub id: String,
    pub name: String,
    pub summary: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Overall {
    /// `None` when no dimension has a score.
    pub score: Option<f64>,
    pub stage: Option<StageRef>,
    pub method: String,
    /// Ids of the dimensions that keep the overall stage where it is.
    pub held_back_by: Vec<String>,
    /// The top of the ladder, for "2.83 / 5".
    pub max_score: u32,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Coverage {
    pub questions: usize,
    pub answered: usize,
    pub not_applicable: usize,
    pub unknown: usize,
    pub unanswered: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct DimensionResult {
    pub id: String,
    pub name: String,
    pub weight: f64,
    pub score: Option<f64>,
    pub stage: Option<StageRef>,
    pub method: String,
    pub next_action: Option<NextAction>,
    /// Why there is no next action, when there is none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub no_action: Option<NoAction>,
    pub coverage: Coverage,
}

/// Why a dimension has no next action; JSON shows it in kebab-case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum NoAction {
    /// At the top stage: keep up what it does.
    Sustain,
    /// No valued answer, so no stage to act from.
    NotAssessed,
    /// The questionnaire has no action for this dimension and stage.
    NotDefined,
}

#[derive(Debug, Clone, Serialize)]
pub struct NextAction {
    pub title: String,
    pub detail: String,
    pub kpi: Option<String>,
    pub owner: Option<String>,
    pub horizon: Option<String>,
}

impl From<&Action> for NextAction {
    fn from(a: &Action) -> Self {
        NextAction {
            title: a.title.clone(),
            detail: a.detail.clone(),
            kpi: a.kpi.clone(),
            owner: a.owner.clone(),
            horizon: a.horizon.clone(),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct QuestionResult {
    pub id: String,
    pub dimension: String,
    pub text: String,
    /// A stage number, `"n/a"`, `"unknown"`, or `null` when unanswered.
    pub answer: Option<AnswerValue>,
    /// The text of the chosen option.
    pub option: Option<String>,
    pub note: Option<String>,
}

/// An answer as JSON shows it: a number or a string.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AnswerValue(pub Answer);

impl Serialize for AnswerValue {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.0 {
            Answer::Stage(n) => s.serialize_u32(n),
            other => s.serialize_str(&other.to_string()),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Gate {
    pub min_stage: u32,
    pub allow_incomplete: bool,
    pub passed: bool,
    /// Why it failed; empty when it passed.
    pub reasons: Vec<String>,
}

/// Weighted mean of `(value, weight)` pairs; `None` for no pairs.
fn weighted_mean(values: impl IntoIterator<Item = (f64, f64)>) -> Option<f64> {
    let (sum, weights) = values
        .into_iter()
        .fold((0.0, 0.0), |(s, w), (v, wt)| (s + v * wt, w + wt));
    (weights > 0.0).then(|| snap(sum / weights))
}

/// Snaps a score within [`EPSILON`] of a whole number onto it.
fn snap(score: f64) -> f64 {
    let rounded = score.round();
    if (score - rounded).abs() < EPSILON {
        rounded
    } else {
        score
    }
}

/// The highest level k (1..=top) with `score >= k`.
fn stage_of(score: f64, top: u32) -> u32 {
    (1..=top)
        .rev()
        .find(|k| score + EPSILON >= f64::from(*k))
        .unwrap_or(1)
}

/// Scores `answers` against `questionnaire` (which they must have been resolved with).
pub fn score(questionnaire: &Questionnaire, answers: &Answers) -> Report {
    let q = questionnaire;
    let top = q.top_level();
    let stage_ref = |level: u32| q.stage(level).map(StageRef::from);

    let mut coverage = Coverage::default();
    let mut dimensions = Vec::new();
    for dim in &q.dimensions {
        let mut dim_coverage = Coverage::default();
        let mut values = Vec::new();
        for question in q.questions_of(&dim.id) {
            dim_coverage.questions += 1;
            match answers.answers.get(&question.id) {
                Some(Answer::Stage(s)) => {
                    dim_coverage.answered += 1;
                    values.push((f64::from(*s), question.weight));
                }
                Some(Answer::NotApplicable) => dim_coverage.not_applicable += 1,
                Some(Answer::Unknown) => dim_coverage.unknown += 1,
                None => dim_coverage.unanswered += 1,
            }
        }
        let score = match q.scoring.dimension {
            DimensionMethod::Mean => weighted_mean(values.iter().copied()),
            DimensionMethod::WeakestLink => values.iter().map(|(v, _)| *v).reduce(f64::min),
        };
        let level = score.map(|s| stage_of(s, top));
        // At the top stage there is no next stage to act for: sustain.
        let action = level
            .filter(|l| *l < top)
            .and_then(|l| q.action(&dim.id, l));
        let no_action = match (level, action) {
            (None, _) => Some(NoAction::NotAssessed),
            (Some(l), _) if l == top => Some(NoAction::Sustain),
            (Some(_), Some(_)) => None,
            (Some(_), None) => Some(NoAction::NotDefined),
        };
        coverage.questions += dim_coverage.questions;
        coverage.answered += dim_coverage.answered;
        coverage.not_applicable += dim_coverage.not_applicable;
        coverage.unknown += dim_coverage.unknown;
        coverage.unanswered += dim_coverage.unanswered;
        dimensions.push(DimensionResult {
            id: dim.id.clone(),
            name: dim.name.clone(),
            weight: dim.weight,
            score,
            stage: level.and_then(stage_ref),
            method: q.scoring.dimension.to_string(),
            next_action: action.map(NextAction::from),
            no_action,
            coverage: dim_coverage,
        });
    }

    let overall_score = weighted_mean(
        dimensions
            .iter()
            .filter_map(|d| d.score.map(|s| (s, d.weight))),
    );
    let levels = || {
        dimensions
            .iter()
            .filter_map(|d| d.stage.as_ref().map(|s| s.level))
    };
    let overall_level = match q.scoring.overall {
        OverallMethod::WeakestLink => levels().min(),
        OverallMethod::Mean => overall_score.map(|s| stage_of(s, top)),
    };
    // Below the top, the dimensions at or under the overall stage are the ones to lift:
    // with weakest-link they are exactly the lowest; with mean, they pull it down.
    let held_back_by = match overall_level {
        Some(level) if level < top => dimensions
            .iter()
            .filter(|d| d.stage.as_ref().is_some_and(|s| s.level <= level))
            .map(|d| d.id.clone())
            .collect(),
        _ => Vec::new(),
    };

    let questions = q
        .questions
        .iter()
        .map(|question| {
            let answer = answers.answers.get(&question.id).copied();
            QuestionResult {
                id: question.id.clone(),
                dimension: question.dimension.clone(),
                text: question.text.clone(),
                answer: answer.map(AnswerValue),
                option: match answer {
                    Some(Answer::Stage(s)) => question
                        .options
                        .iter()
                        .find(|o| o.stage == s)
                        .map(|o| o.text.clone()),
                    _ => None,
                },
                note: answers.notes.get(&question.id).cloned(),
            }
        })
        .collect();

    Report {
        schema_version: 1,
        tool: Tool {
            name: "cxm",
            version: env!("CARGO_PKG_VERSION"),
        },
        questionnaire: QuestionnaireInfo {
            id: q.id.clone(),
            version: q.version.clone(),
            language: q.language.clone(),
            title: q.title.clone(),
            answered_version: (answers.questionnaire_version != q.version)
                .then(|| answers.questionnaire_version.clone()),
        },
        organisation: answers.organisation.clone(),
        respondent: answers.respondent.clone(),
        date: answers.date.clone(),
        target_stage: answers.target_stage.and_then(stage_ref),
        overall: Overall {
            score: overall_score,
            stage: overall_level.and_then(stage_ref),
            method: q.scoring.overall.to_string(),
            held_back_by,
            max_score: top,
        },
        complete: coverage.unknown == 0 && coverage.unanswered == 0,
        coverage,
        stages: q
            .stages
            .iter()
            .map(|s| StageInfo {
                level: s.level,
                id: s.id.clone(),
                name: s.name.clone(),
                summary: s.summary.clone(),
            })
            .collect(),
        dimensions,
        questions,
        gate: None,
    }
}

impl Report {
    /// Applies a CI gate: it fails when the overall stage is below `min_stage`, or when
    /// the result is incomplete and `allow_incomplete` is false.
    pub fn apply_gate(&mut self, min_stage: &StageRef, allow_incomplete: bool) {
        let mut reasons = Vec::new();
        match &self.overall.stage {
            None => reasons.push(format!(
                "no overall stage: no question has a stage answer, so it cannot reach {min_stage}"
            )),
            Some(stage) if stage.level < min_stage.level => {
                reasons.push(format!("overall stage {stage} is below {min_stage}"))
            }
            Some(_) => {}
        }
        if !self.complete && !allow_incomplete {
            let c = &self.coverage;
            reasons.push(format!(
                "the result is incomplete ({} unknown, {} unanswered of {} questions); answer \
                 them or pass --allow-incomplete",
                c.unknown, c.unanswered, c.questions
            ));
        }
        self.gate = Some(Gate {
            min_stage: min_stage.level,
            allow_incomplete,
            passed: reasons.is_empty(),
            reasons,
        });
    }

    /// Dimensions with a score, weakest first (by stage, then score), then those
    /// without; ties keep questionnaire order.
    pub fn weakest_first(&self) -> Vec<&DimensionResult> {
        let mut dims: Vec<&DimensionResult> = self.dimensions.iter().collect();
        dims.sort_by(|a, b| {
            let key = |d: &DimensionResult| (d.score.is_none(), d.stage.as_ref().map(|s| s.level));
            key(a)
                .cmp(&key(b))
                .then(a.score.unwrap_or(0.0).total_cmp(&b.score.unwrap_or(0.0)))
        });
        dims
    }

    pub fn dimension_name<'a>(&'a self, id: &'a str) -> &'a str {
        self.dimensions
            .iter()
            .find(|d| d.id == id)
            .map_or(id, |d| d.name.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answers::Parsed;
    use crate::diagnostic::Source;

    /// A questionnaire with `stages` levels, dimensions `a` (weight `wa`) and `b`
    /// (weight 1), questions a1 (weight 1), a2 (weight `w2`), b1, and the given scoring.
    fn questionnaire(stages: u32, wa: f64, w2: f64, scoring: &str) -> Questionnaire {
        let mut t = format!(
            "format = 1\n[questionnaire]\nid = \"t\"\nversion = \"1\"\nlanguage = \"en\"\n\
             title = \"T\"\n{scoring}\n"
        );
        for l in 1..=stages {
            t += &format!(
                "[[stages]]\nlevel = {l}\nid = \"s{l}\"\nname = \"S{l}\"\nsummary = \"\"\n"
            );
        }
        t += &format!("[[dimensions]]\nid = \"a\"\nname = \"A\"\nweight = {wa:?}\n");
        t += "[[dimensions]]\nid = \"b\"\nname = \"B\"\n";
        for (id, dim, w) in [("a1", "a", 1.0), ("a2", "a", w2), ("b1", "b", 1.0)] {
            t += &format!(
                "[[questions]]\nid = \"{id}\"\ndimension = \"{dim}\"\ntext = \"?\"\nweight = {w:?}\n"
            );
            for l in 1..=stages {
                t += &format!("[[questions.options]]\nstage = {l}\ntext = \"o{l}\"\n");
            }
        }
        for dim in ["a", "b"] {
            for l in 1..stages {
                t += &format!(
                    "[[actions]]\ndimension = \"{dim}\"\nstage = {l}\ntitle = \"{dim}{l}\"\ndetail = \"d\"\n"
                );
            }
        }
        Questionnaire::load(&Source::new("t.toml", t)).expect("test questionnaire is valid")
    }

    fn answers(q: &Questionnaire, lines: &str) -> Answers {
        let text = format!(
            "format = 1\nquestionnaire = \"t\"\nquestionnaire_version = \"1\"\n[answers]\n{lines}"
        );
        Parsed::parse(Source::new("a.toml", text))
            .and_then(|p| p.resolve(q))
            .expect("test answers are valid")
            .0
    }

    fn dim<'r>(r: &'r Report, id: &str) -> &'r DimensionResult {
        r.dimensions
            .iter()
            .find(|d| d.id == id)
            .expect("dimension exists")
    }

    fn level(stage: &Option<StageRef>) -> Option<u32> {
        stage.as_ref().map(|s| s.level)
    }

    #[test]
    fn dimension_score_is_weighted_mean_of_question_values() {
        let q = questionnaire(5, 1.0, 3.0, "");
        let r = score(&q, &answers(&q, "a1 = 1\na2 = 5\nb1 = 2\n"));
        // (1*1 + 5*3) / 4 = 4.0
        assert_eq!(dim(&r, "a").score, Some(4.0));
        assert_eq!(level(&dim(&r, "a").stage), Some(4));
        assert_eq!(dim(&r, "b").score, Some(2.0));
    }

    #[test]
    fn dimension_stage_is_highest_level_reached() {
        let q = questionnaire(5, 1.0, 1.0, "");
        let r = score(&q, &answers(&q, "a1 = 2\na2 = 3\nb1 = 5\n"));
        assert_eq!(dim(&r, "a").score, Some(2.5));
        assert_eq!(level(&dim(&r, "a").stage), Some(2));
        assert_eq!(level(&dim(&r, "b").stage), Some(5));
    }

    #[test]
    fn float_error_never_drops_a_stage() {
        // In binary, (3 * 1.0 + 3 * 0.1) / 1.1 is 2.9999999999999996, not 3.
        let naive = std::hint::black_box(3.0 * 1.0 + 3.0 * 0.1) / 1.1;
        assert!(naive < 3.0);
        let q = questionnaire(5, 0.1, 0.1, "");
        let r = score(&q, &answers(&q, "a1 = 3\na2 = 3\nb1 = 3\n"));
        assert_eq!(dim(&r, "a").score, Some(3.0));
        assert_eq!(level(&dim(&r, "a").stage), Some(3));
        assert_eq!(r.overall.score, Some(3.0));
        assert_eq!(level(&r.overall.stage), Some(3));
        assert_eq!(stage_of(3.0 - 1e-12, 5), 3);
        assert_eq!(stage_of(2.999, 5), 2);
    }

    #[test]
    fn not_applicable_and_unknown_are_left_out_of_the_mean() {
        let q = questionnaire(5, 1.0, 1.0, "");
        let r = score(&q, &answers(&q, "a1 = 4\na2 = \"n/a\"\nb1 = 2\n"));
        assert_eq!(dim(&r, "a").score, Some(4.0));
        let r = score(&q, &answers(&q, "a1 = 4\na2 = \"unknown\"\nb1 = 2\n"));
        assert_eq!(dim(&r, "a").score, Some(4.0));
    }

    #[test]
    fn dimension_without_valued_answer_has_no_score_and_is_left_out_overall() {
        let q = questionnaire(5, 1.0, 1.0, "");
        let r = score(&q, &answers(&q, "a1 = \"n/a\"\na2 = \"unknown\"\nb1 = 2\n"));
        let a = dim(&r, "a");
        assert_eq!(a.score, None);
        assert_eq!(a.stage, None);
        assert!(a.next_action.is_none());
        assert_eq!(a.no_action, Some(NoAction::NotAssessed));
        assert_eq!(r.overall.score, Some(2.0));
        assert_eq!(level(&r.overall.stage), Some(2));
    }

    #[test]
    fn nothing_answered_gives_no_overall_stage() {
        let q = questionnaire(5, 1.0, 1.0, "");
        let r = score(&q, &answers(&q, ""));
        assert_eq!(r.overall.score, None);
        assert_eq!(r.overall.stage, None);
        assert!(r.overall.held_back_by.is_empty());
        assert!(!r.complete);
        assert_eq!(r.coverage.unanswered, 3);
    }

    #[test]
    fn weakest_link_dimension_takes_the_lowest_value() {
        let q = questionnaire(5, 1.0, 5.0, "[scoring]\ndimension = \"weakest-link\"");
        let r = score(&q, &answers(&q, "a1 = 2\na2 = 5\nb1 = 4\n"));
        assert_eq!(dim(&r, "a").score, Some(2.0));
        assert_eq!(level(&dim(&r, "a").stage), Some(2));
    }

    #[test]
    fn overall_score_is_weighted_mean_of_dimension_scores() {
        let q = questionnaire(5, 3.0, 1.0, "");
        let r = score(&q, &answers(&q, "a1 = 4\na2 = 4\nb1 = 2\n"));
        // (4*3 + 2*1) / 4 = 3.5
        assert_eq!(r.overall.score, Some(3.5));
    }

    #[test]
    fn overall_weakest_link_is_lowest_dimension_stage_and_names_it() {
        let q = questionnaire(5, 3.0, 1.0, "");
        let r = score(&q, &answers(&q, "a1 = 4\na2 = 4\nb1 = 2\n"));
        assert_eq!(r.overall.method, "weakest-link");
        assert_eq!(level(&r.overall.stage), Some(2));
        assert_eq!(r.overall.held_back_by, vec!["b"]);
    }

    #[test]
    fn overall_mean_is_highest_level_under_the_overall_score() {
        let q = questionnaire(5, 3.0, 1.0, "[scoring]\noverall = \"mean\"");
        let r = score(&q, &answers(&q, "a1 = 4\na2 = 4\nb1 = 2\n"));
        assert_eq!(r.overall.method, "mean");
        assert_eq!(level(&r.overall.stage), Some(3));
        // b (stage 2) pulls the mean below 4; a (stage 4) does not.
        assert_eq!(r.overall.held_back_by, vec!["b"]);
    }

    #[test]
    fn complete_needs_a_stage_or_na_for_every_question() {
        let q = questionnaire(5, 1.0, 1.0, "");
        assert!(score(&q, &answers(&q, "a1 = 1\na2 = \"n/a\"\nb1 = 2\n")).complete);
        assert!(!score(&q, &answers(&q, "a1 = 1\na2 = \"unknown\"\nb1 = 2\n")).complete);
        assert!(!score(&q, &answers(&q, "a1 = 1\nb1 = 2\n")).complete);
        let c = score(&q, &answers(&q, "a1 = 1\na2 = \"unknown\"\n")).coverage;
        assert_eq!(
            c,
            Coverage {
                questions: 3,
                answered: 1,
                not_applicable: 0,
                unknown: 1,
                unanswered: 1
            }
        );
    }

    #[test]
    fn next_action_is_for_the_current_stage_and_none_at_the_top() {
        let q = questionnaire(3, 1.0, 1.0, "");
        let r = score(&q, &answers(&q, "a1 = 2\na2 = 2\nb1 = 3\n"));
        assert_eq!(
            dim(&r, "a").next_action.as_ref().map(|a| a.title.as_str()),
            Some("a2")
        );
        let b = dim(&r, "b");
        assert!(b.next_action.is_none());
        assert_eq!(b.no_action, Some(NoAction::Sustain));
        // At the top overall, nothing holds the company back.
        let r = score(&q, &answers(&q, "a1 = 3\na2 = 3\nb1 = 3\n"));
        assert!(r.overall.held_back_by.is_empty());
    }

    #[test]
    fn gate_fails_below_min_stage_or_when_incomplete() {
        let q = questionnaire(5, 1.0, 1.0, "");
        let s3 = StageRef::from(q.stage(3).expect("stage 3"));
        let mut r = score(&q, &answers(&q, "a1 = 2\na2 = 2\nb1 = 4\n"));
        r.apply_gate(&s3, false);
        let gate = r.gate.as_ref().expect("gate applied");
        assert!(!gate.passed);
        assert_eq!(gate.reasons, vec!["overall stage 2 (S2) is below 3 (S3)"]);

        let mut r = score(&q, &answers(&q, "a1 = 3\na2 = \"unknown\"\nb1 = 4\n"));
        r.apply_gate(&s3, false);
        assert!(!r.gate.as_ref().expect("gate").passed);
        r.apply_gate(&s3, true);
        assert!(r.gate.as_ref().expect("gate").passed);
    }

    #[test]
    fn weakest_first_orders_by_stage_then_score() {
        let q = questionnaire(5, 1.0, 1.0, "");
        let r = score(&q, &answers(&q, "a1 = 2\na2 = 3\nb1 = 2\n"));
        let order: Vec<&str> = r.weakest_first().iter().map(|d| d.id.as_str()).collect();
        assert_eq!(order, vec!["b", "a"]);
    }
}
