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
    /// Why there is no next action, when there is none: `"sustain"` at the top stage,
    /// `"not-assessed"` without a score, `"not-defined"` when the questionnaire has none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub no_action: Option<&'static str>,
    pub coverage: Coverage,
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
        let action = level.and_then(|l| q.action(&dim.id, l));
        let no_action = match (level, action) {
            (_, Some(_)) => None,
            (None, _) => Some("not-assessed"),
            (Some(l), None) if l == top => Some("sustain"),
            (Some(_), None) => Some("not-defined"),
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
