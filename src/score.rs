//! Scoring: turns a questionnaire and its answers into one [`Report`] value.
//!
//! The rules (also in the README and in `cxm score --help`):
//! a question's value is the stage of its chosen option; "n/a" and "unknown" are left
//! out. A dimension's score is the weighted mean (or, with `weakest-link`, the lowest)
//! of its values, its stage the stage nearest to the score (exactly halfway rounds
//! down), or with `stage = "reached"` the highest level k with score >= k. The overall
//! score is the weighted mean of dimension scores; the overall stage is the lowest
//! dimension stage (`weakest-link`, default) or the stage of the overall score by the
//! same rule (`mean`). The report also says which answers sit below each stage (gaps)
//! and the fewest raised answers that lift a stage ([`crate::lift`]).
//! Every renderer in `report/` is a view of the value built here.

use serde::Serialize;

use crate::aggregate::{GroupAnswer, RespondentScores};
use crate::answers::{Answer, Answers};
use crate::lift::{self, Choice, Item};
use crate::questionnaire::{
    Action, DimensionMethod, OverallMethod, Question, Questionnaire, Stage, StageRule,
};
use crate::t;
use crate::target::{self, DimensionTarget, Target};

/// Scores closer than this to a whole number are that number: a dimension whose
/// answers are all 3 scores 3.0 and is at stage 3, whatever its weights.
const EPSILON: f64 = 1e-9;

/// The result of scoring, in the shape `--format json` prints (schema version 1).
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Report {
    pub schema_version: u32,
    pub tool: Tool,
    pub questionnaire: QuestionnaireInfo,
    pub organisation: Option<String>,
    pub respondent: Option<String>,
    pub date: Option<String>,
    pub target_stage: Option<StageRef>,
    /// The gap to the target stage and the roadmap there, when a target is set.
    pub target: Option<Target>,
    /// In a group report (`cxm aggregate`): how many answers files it rests on.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub respondents: Option<u64>,
    /// In a workshop session: the participants, in the order they vote.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub participants: Option<Vec<String>>,
    /// In a group report: how many invalid files `--skip-invalid` left out.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub skipped: Option<usize>,
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

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Tool {
    pub name: &'static str,
    pub version: &'static str,
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct QuestionnaireInfo {
    pub id: String,
    pub version: String,
    pub language: String,
    pub title: String,
    /// The version recorded in the answers file, when it differs.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub answered_version: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
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

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct StageInfo {
    pub level: u32,
    pub id: String,
    pub name: String,
    pub summary: String,
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Overall {
    /// `None` when no dimension has a score.
    pub score: Option<f64>,
    pub stage: Option<StageRef>,
    pub method: String,
    /// How scores become stages: `nearest` or `reached`.
    pub stage_rule: String,
    /// Ids of the dimensions that keep the overall stage where it is.
    pub held_back_by: Vec<String>,
    /// The fewest raised answers that lift the overall stage by one: empty at the top,
    /// `None` when there is no stage or raising the given answers cannot lift it.
    pub lift: Option<Vec<Raise>>,
    /// The top of the ladder, for "2.83 / 5".
    pub max_score: u32,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Coverage {
    pub questions: usize,
    pub answered: usize,
    pub not_applicable: usize,
    pub unknown: usize,
    pub unanswered: usize,
}

impl Coverage {
    /// Questions still open: answered "Don't know" (`unknown`) or not at all.
    pub fn open(&self) -> usize {
        self.unknown + self.unanswered
    }
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct DimensionResult {
    pub id: String,
    pub name: String,
    pub weight: f64,
    pub score: Option<f64>,
    pub stage: Option<StageRef>,
    pub method: String,
    pub stage_rule: String,
    pub next_action: Option<NextAction>,
    /// Why there is no next action, when there is none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub no_action: Option<NoAction>,
    pub coverage: Coverage,
    /// Answers that show a stage below the dimension's, in questionnaire order.
    pub gaps: Vec<Gap>,
    /// The fewest raised answers that lift this dimension one stage (as for
    /// [`Overall::lift`]).
    pub lift: Option<Vec<Raise>>,
    /// How far the dimension is from the target stage, when one is set and the
    /// dimension has a score.
    pub target: Option<DimensionTarget>,
    /// In a group report (`cxm aggregate`): the median, lowest and highest of the
    /// respondents' own scores of this dimension.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub respondent_scores: Option<RespondentScores>,
}

/// An answer below its dimension's stage.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct Gap {
    pub question: String,
    /// The question's short name, when the questionnaire gives one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The stage the chosen option shows.
    pub stage: u32,
    pub option: String,
}

/// One answer raised: question `question` from stage `from` to stage `to`.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct Raise {
    pub question: String,
    /// The question's short name, when the questionnaire gives one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    pub from: u32,
    pub to: u32,
    pub from_option: String,
    pub to_option: String,
}

/// Why a dimension has no next action; JSON shows it in kebab-case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum NoAction {
    /// At the top stage: keep up what it does.
    Sustain,
    /// No valued answer, so no stage to act from.
    NotAssessed,
    /// The questionnaire has no action for this dimension and stage.
    NotDefined,
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
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

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct QuestionResult {
    pub id: String,
    pub dimension: String,
    pub text: String,
    /// The question's short name, when the questionnaire gives one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// A stage number, `"n/a"`, `"unknown"`, or `null` when unanswered.
    pub answer: Option<AnswerValue>,
    /// The text of the chosen option.
    pub option: Option<String>,
    pub note: Option<String>,
    /// In a group report (`cxm aggregate`): the answers' distribution, `n`, spread and
    /// consensus behind the group answer.
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    pub group: Option<GroupAnswer>,
}

/// An answer as JSON shows it: a number or a string.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AnswerValue(pub Answer);

impl schemars::JsonSchema for AnswerValue {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "AnswerValue".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A stage (level), \"n/a\" or \"unknown\".",
            "anyOf": [
                { "type": "integer", "minimum": 1 },
                { "type": "string", "enum": ["n/a", "unknown"] }
            ]
        })
    }
}

impl Serialize for AnswerValue {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.0 {
            Answer::Stage(n) => s.serialize_u32(n),
            other => s.serialize_str(&other.to_string()),
        }
    }
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
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

/// The stage of `score` on a ladder of `top` stages, by `rule`. Within [`EPSILON`],
/// a score on a boundary counts as on it: 2.5 is stage 2 by `nearest`, 2.9999999999
/// is stage 3 by `reached`.
pub fn stage_of(score: f64, top: u32, rule: StageRule) -> u32 {
    let level = match rule {
        StageRule::Nearest => (score - 0.5 - EPSILON).ceil(),
        StageRule::Reached => (score + EPSILON).floor(),
    };
    if level.is_finite() {
        level.clamp(1.0, f64::from(top.max(1))) as u32
    } else {
        1
    }
}

/// A question's stage answer, with the question and its position in the questionnaire.
struct Valued<'q> {
    index: usize,
    question: &'q Question,
    stage: u32,
}

impl Valued<'_> {
    /// The options above the answer, one step after another: `(steps, stage)`.
    fn ups(&self) -> impl Iterator<Item = (u32, u32)> + '_ {
        self.question
            .options
            .iter()
            .filter(|o| o.stage > self.stage)
            .zip(1..)
            .map(|(o, steps)| (steps, o.stage))
    }
}

/// A dimension while scoring: its answers and what follows from them.
struct Scored<'q> {
    weight: f64,
    valued: Vec<Valued<'q>>,
    score: Option<f64>,
    level: Option<u32>,
}

impl Scored<'_> {
    /// Ways to raise this dimension's score, with gains scaled by `scale`: one item per
    /// answered question for a mean; for `weakest-link`, one item with a choice per
    /// higher stage (every answer below it raised to its first option that reaches it).
    fn items(&self, method: DimensionMethod, top: u32, scale: f64) -> Vec<Item> {
        match method {
            DimensionMethod::Mean => {
                let total: f64 = self.valued.iter().map(|v| v.question.weight).sum();
                self.valued
                    .iter()
                    .map(|v| {
                        v.ups()
                            .map(|(steps, to)| Choice {
                                cost: steps,
                                gain: scale * v.question.weight * f64::from(to - v.stage) / total,
                                raises: vec![(v.index, to)],
                            })
                            .collect()
                    })
                    .collect()
            }
            DimensionMethod::WeakestLink => {
                let Some(low) = self.valued.iter().map(|v| v.stage).min() else {
                    return Vec::new();
                };
                let choices = (low + 1..=top).map_while(|target| {
                    let mut choice = Choice {
                        cost: 0,
                        gain: 0.0,
                        raises: Vec::new(),
                    };
                    let mut new_low = u32::MAX;
                    for v in &self.valued {
                        if v.stage >= target {
                            new_low = new_low.min(v.stage);
                            continue;
                        }
                        let (steps, to) = v.ups().find(|(_, to)| *to >= target)?;
                        choice.cost += steps;
                        choice.raises.push((v.index, to));
                        new_low = new_low.min(to);
                    }
                    choice.gain = scale * f64::from(new_low - low);
                    Some(choice)
                });
                vec![choices.collect()]
            }
        }
    }
}

/// Scores `answers` against `questionnaire` (which they must have been resolved with).
/// A dimension's score from its `(stage, weight)` values, by `method`.
fn dimension_score(
    method: DimensionMethod,
    values: impl Iterator<Item = (f64, f64)>,
) -> Option<f64> {
    match method {
        DimensionMethod::Mean => weighted_mean(values),
        DimensionMethod::WeakestLink => values.map(|(v, _)| v).reduce(f64::min),
    }
}

/// Only each dimension's score, in questionnaire order: what [`score`] computes
/// first, without stages, gaps or lifts (for tallying many respondents).
pub fn dimension_scores(questionnaire: &Questionnaire, answers: &Answers) -> Vec<Option<f64>> {
    let q = questionnaire;
    q.dimensions
        .iter()
        .map(|dim| {
            let values = q.positions_of(&dim.id).filter_map(|(_, question)| {
                match answers.answers.get(&question.id) {
                    Some(Answer::Stage(s)) => Some((f64::from(*s), question.weight)),
                    _ => None,
                }
            });
            dimension_score(q.scoring.dimension, values)
        })
        .collect()
}

pub fn score(questionnaire: &Questionnaire, answers: &Answers) -> Report {
    let q = questionnaire;
    let top = q.top_level();
    let rule = q.scoring.stage;
    let stage_ref = |level: u32| q.stage(level).map(StageRef::from);
    let option = |question: &Question, stage: u32| {
        question.option_text(stage).unwrap_or_default().to_string()
    };
    let raise = |(index, to): (usize, u32)| {
        let question = &q.questions[index];
        let from = match answers.answers.get(&question.id) {
            Some(Answer::Stage(s)) => *s,
            _ => 0,
        };
        Raise {
            question: question.id.clone(),
            title: question.title.clone(),
            from,
            to,
            from_option: option(question, from),
            to_option: option(question, to),
        }
    };
    // `None` without a level; empty at the top; else the cheapest raises, if any.
    let lift_by = |level: Option<u32>, items: &dyn Fn() -> Vec<Item>, base: f64| match level {
        None => None,
        Some(l) if l >= top => Some(Vec::new()),
        Some(l) => lift::cheapest(&items(), base, |s| stage_of(s, top, rule) > l, l + 1)
            .map(|raises| raises.into_iter().map(raise).collect()),
    };

    let mut coverage = Coverage::default();
    let mut scored = Vec::new();
    let mut dimensions = Vec::new();
    for dim in &q.dimensions {
        let mut dim_coverage = Coverage::default();
        let mut valued = Vec::new();
        for (index, question) in q.positions_of(&dim.id) {
            dim_coverage.questions += 1;
            match answers.answers.get(&question.id) {
                Some(Answer::Stage(s)) => {
                    dim_coverage.answered += 1;
                    valued.push(Valued {
                        index,
                        question,
                        stage: *s,
                    });
                }
                Some(Answer::NotApplicable) => dim_coverage.not_applicable += 1,
                Some(Answer::Unknown) => dim_coverage.unknown += 1,
                None => dim_coverage.unanswered += 1,
            }
        }
        let score = dimension_score(
            q.scoring.dimension,
            valued
                .iter()
                .map(|v| (f64::from(v.stage), v.question.weight)),
        );
        let level = score.map(|s| stage_of(s, top, rule));
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
        let gaps = valued
            .iter()
            .filter(|v| level.is_some_and(|l| v.stage < l))
            .map(|v| Gap {
                question: v.question.id.clone(),
                title: v.question.title.clone(),
                stage: v.stage,
                option: option(v.question, v.stage),
            })
            .collect();
        let this = Scored {
            weight: dim.weight,
            valued,
            score,
            level,
        };
        let lift = lift_by(
            level,
            &|| this.items(q.scoring.dimension, top, 1.0),
            score.unwrap_or(0.0),
        );
        scored.push(this);
        dimensions.push(DimensionResult {
            id: dim.id.clone(),
            name: dim.name.clone(),
            weight: dim.weight,
            score,
            stage: level.and_then(stage_ref),
            method: q.scoring.dimension.to_string(),
            stage_rule: rule.to_string(),
            next_action: action.map(NextAction::from),
            no_action,
            coverage: dim_coverage,
            gaps,
            lift,
            target: answers
                .target_stage
                .and_then(|t| target::dimension_target(score, level, t)),
            respondent_scores: None,
        });
    }

    let overall_score = weighted_mean(scored.iter().filter_map(|d| d.score.map(|s| (s, d.weight))));
    let levels = || scored.iter().filter_map(|d| d.level);
    let overall_level = match q.scoring.overall {
        OverallMethod::WeakestLink => levels().min(),
        OverallMethod::Mean => overall_score.map(|s| stage_of(s, top, rule)),
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
    let overall_lift = match (q.scoring.overall, overall_level) {
        (_, None) => None,
        (_, Some(l)) if l >= top => Some(Vec::new()),
        // The weakest dimensions must each rise; they are independent of each other,
        // so the cheapest lift of each, together, is the cheapest overall.
        (OverallMethod::WeakestLink, Some(l)) => dimensions
            .iter()
            .filter(|d| d.stage.as_ref().is_some_and(|s| s.level == l))
            .map(|d| d.lift.clone())
            .collect::<Option<Vec<Vec<Raise>>>>()
            .map(|lifts| lifts.into_iter().flatten().collect()),
        // Every answer moves the overall score by its share of it.
        (OverallMethod::Mean, level) => {
            let total: f64 = scored
                .iter()
                .filter(|d| d.score.is_some())
                .map(|d| d.weight)
                .sum();
            let items = || {
                scored
                    .iter()
                    .filter(|d| d.score.is_some())
                    .flat_map(|d| d.items(q.scoring.dimension, top, d.weight / total))
                    .collect()
            };
            lift_by(level, &items, overall_score.unwrap_or(0.0))
        }
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
                title: question.title.clone(),
                answer: answer.map(AnswerValue),
                option: match answer {
                    Some(Answer::Stage(s)) => question.option_text(s).map(str::to_string),
                    _ => None,
                },
                note: answers.notes.get(&question.id).cloned(),
                group: None,
            }
        })
        .collect();

    let mut report = Report {
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
        target: None,
        respondents: None,
        participants: None,
        skipped: None,
        overall: Overall {
            score: overall_score,
            stage: overall_level.and_then(stage_ref),
            method: q.scoring.overall.to_string(),
            stage_rule: rule.to_string(),
            held_back_by,
            lift: overall_lift,
            max_score: top,
        },
        complete: coverage.open() == 0,
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
    };
    report.target = answers
        .target_stage
        .and_then(|t| target::plan(q, &report, t));
    report
}

/// The JSON Schema (draft-07) of the JSON report, from the types that write it.
pub fn schema() -> serde_json::Value {
    schemars::generate::SchemaSettings::draft07()
        .into_generator()
        .into_root_schema_for::<Report>()
        .to_value()
}

impl Report {
    /// Applies a CI gate: it fails when the overall stage is below `min_stage`, or when
    /// the result is incomplete and `allow_incomplete` is false.
    pub fn apply_gate(&mut self, min_stage: &StageRef, allow_incomplete: bool) {
        // In the report's language, as every view shows them.
        let lang = crate::i18n::Lang::of(&self.questionnaire.language);
        let min = min_stage.to_string();
        let mut reasons = Vec::new();
        match &self.overall.stage {
            None => reasons.push(t!(lang, "gate-reason-no-stage", min = min)),
            Some(stage) if stage.level < min_stage.level => reasons.push(t!(
                lang,
                "gate-reason-below",
                stage = stage.to_string(),
                min = min
            )),
            Some(_) => {}
        }
        if !self.complete && !allow_incomplete {
            let c = &self.coverage;
            reasons.push(t!(
                lang,
                "gate-reason-incomplete",
                unknown = c.unknown,
                unanswered = c.unanswered,
                questions = c.questions
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
    fn nearest_rule_takes_the_nearest_stage_and_halfway_goes_down() {
        for (score, stage) in [
            (1.0, 1),
            (1.49, 1),
            (1.5, 1),
            (1.51, 2),
            (2.5, 2),
            (2.51, 3),
            (2.75, 3),
            (3.25, 3),
            (4.9, 5),
            (5.0, 5),
        ] {
            assert_eq!(
                stage_of(score, 5, StageRule::Nearest),
                stage,
                "score {score}"
            );
        }
        let q = questionnaire(5, 1.0, 1.0, "");
        assert_eq!(
            q.scoring.stage,
            StageRule::Nearest,
            "nearest is the default"
        );
        let r = score(&q, &answers(&q, "a1 = 2\na2 = 3\nb1 = 5\n"));
        assert_eq!(dim(&r, "a").score, Some(2.5));
        assert_eq!(level(&dim(&r, "a").stage), Some(2));
        assert_eq!(dim(&r, "a").stage_rule, "nearest");
        let q = questionnaire(5, 1.0, 3.0, "");
        // (2 + 3*3) / 4 = 2.75
        let r = score(&q, &answers(&q, "a1 = 2\na2 = 3\nb1 = 5\n"));
        assert_eq!(level(&dim(&r, "a").stage), Some(3));
        assert_eq!(level(&dim(&r, "b").stage), Some(5));
    }

    #[test]
    fn reached_rule_takes_the_highest_stage_fully_reached() {
        for (score, stage) in [
            (1.0, 1),
            (2.5, 2),
            (2.75, 2),
            (2.999, 2),
            (3.0, 3),
            (4.99, 4),
        ] {
            assert_eq!(
                stage_of(score, 5, StageRule::Reached),
                stage,
                "score {score}"
            );
        }
        let q = questionnaire(5, 1.0, 3.0, "[scoring]\nstage = \"reached\"");
        let r = score(&q, &answers(&q, "a1 = 2\na2 = 3\nb1 = 5\n"));
        assert_eq!(dim(&r, "a").score, Some(2.75));
        assert_eq!(level(&dim(&r, "a").stage), Some(2));
        assert_eq!(dim(&r, "a").stage_rule, "reached");
        assert_eq!(r.overall.stage_rule, "reached");
    }

    #[test]
    fn gaps_are_the_answers_below_the_dimension_stage() {
        let q = questionnaire(5, 1.0, 3.0, "");
        let r = score(&q, &answers(&q, "a1 = 2\na2 = 3\nb1 = 5\n"));
        assert_eq!(
            dim(&r, "a").gaps,
            vec![Gap {
                question: "a1".into(),
                title: None,
                stage: 2,
                option: "o2".into()
            }]
        );
        assert!(dim(&r, "b").gaps.is_empty());
    }

    fn raises(lift: &Option<Vec<Raise>>) -> Vec<(&str, u32, u32)> {
        lift.as_ref()
            .expect("a lift exists")
            .iter()
            .map(|r| (r.question.as_str(), r.from, r.to))
            .collect()
    }

    #[test]
    fn lift_is_the_fewest_option_steps_to_the_next_stage() {
        let q = questionnaire(5, 1.0, 1.0, "");
        // a = 2.0: one step on a1 gives 2.5 (still 2); one on each gives 3.0. Two
        // steps on a1 alone (to 4) give 3.0 too, with one question, but leap past the
        // stage being reached: the answers still below 3 are what to raise.
        let r = score(&q, &answers(&q, "a1 = 2\na2 = 2\nb1 = 4\n"));
        assert_eq!(raises(&dim(&r, "a").lift), vec![("a1", 2, 3), ("a2", 2, 3)]);
        let lift = dim(&r, "a").lift.as_ref().expect("lift");
        assert_eq!(lift[0].from_option, "o2");
        assert_eq!(lift[0].to_option, "o3");
        // Overall (weakest-link) is held at 2 by a alone: a's lift is the overall lift.
        assert_eq!(raises(&r.overall.lift), vec![("a1", 2, 3), ("a2", 2, 3)]);
        assert_eq!(raises(&dim(&r, "b").lift), vec![("b1", 4, 5)]);
    }

    #[test]
    fn lift_favours_the_heavier_question() {
        let q = questionnaire(5, 1.0, 3.0, "");
        // a = (2 + 3*2) / 4 = 2; one step on a2 gives 2.75, stage 3.
        let r = score(&q, &answers(&q, "a1 = 2\na2 = 2\nb1 = 4\n"));
        assert_eq!(raises(&dim(&r, "a").lift), vec![("a2", 2, 3)]);
    }

    #[test]
    fn lift_is_empty_at_the_top_and_none_without_a_stage() {
        let q = questionnaire(3, 1.0, 1.0, "");
        let r = score(&q, &answers(&q, "a1 = 3\na2 = 3\nb1 = 3\n"));
        assert_eq!(r.overall.lift, Some(vec![]));
        assert_eq!(dim(&r, "a").lift, Some(vec![]));
        let r = score(&q, &answers(&q, "a1 = \"n/a\"\nb1 = 2\n"));
        assert_eq!(dim(&r, "a").lift, None);
    }

    #[test]
    fn overall_lift_raises_every_dimension_at_the_overall_stage() {
        let q = questionnaire(5, 1.0, 1.0, "");
        let r = score(&q, &answers(&q, "a1 = 2\na2 = 2\nb1 = 2\n"));
        // a needs two steps: each of its answers to 3 rather than a1 alone to 4.
        assert_eq!(
            raises(&r.overall.lift),
            vec![("a1", 2, 3), ("a2", 2, 3), ("b1", 2, 3)]
        );
    }

    #[test]
    fn overall_mean_lift_moves_the_overall_score() {
        let q = questionnaire(5, 3.0, 1.0, "[scoring]\noverall = \"mean\"");
        // a = 2, b = 2, overall 2.0; a carries 3/4 of the overall score, each of its
        // questions 3/8: one step on a1 or a2 adds 0.375 (2.375, still 2), two steps on
        // b1 add 0.5 (2.5, still 2); one step each on a1 and a2 add 0.75: 2.75 is
        // stage 3 (two steps on a1 alone do too, but raise it past 3).
        let r = score(&q, &answers(&q, "a1 = 2\na2 = 2\nb1 = 2\n"));
        assert_eq!(level(&r.overall.stage), Some(2));
        assert_eq!(raises(&r.overall.lift), vec![("a1", 2, 3), ("a2", 2, 3)]);
    }

    #[test]
    fn weakest_link_dimension_lift_raises_every_answer_below_the_next_stage() {
        let q = questionnaire(5, 1.0, 1.0, "[scoring]\ndimension = \"weakest-link\"");
        let r = score(&q, &answers(&q, "a1 = 2\na2 = 2\nb1 = 4\n"));
        assert_eq!(raises(&dim(&r, "a").lift), vec![("a1", 2, 3), ("a2", 2, 3)]);
    }

    /// Raises `lift` in `text` (an answers table) and re-scores.
    fn lifted(q: &Questionnaire, text: &str, lift: &[Raise]) -> Report {
        let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
        for r in lift {
            for l in &mut lines {
                if l.starts_with(&format!("{} =", r.question)) {
                    *l = format!("{} = {}", r.question, r.to);
                }
            }
        }
        score(q, &answers(q, &(lines.join("\n") + "\n")))
    }

    #[test]
    fn applying_a_lift_reaches_the_next_stage_for_every_answer_combination() {
        for scoring in [
            "",
            "[scoring]\noverall = \"mean\"",
            "[scoring]\nstage = \"reached\"",
            "[scoring]\noverall = \"mean\"\nstage = \"reached\"",
            "[scoring]\ndimension = \"weakest-link\"\noverall = \"mean\"",
        ] {
            let q = questionnaire(4, 2.0, 0.5, scoring);
            for code in 0..64 {
                let (a1, a2, b1) = (1 + code % 4, 1 + code / 4 % 4, 1 + code / 16);
                let text = format!("a1 = {a1}\na2 = {a2}\nb1 = {b1}");
                let r = score(&q, &answers(&q, &text));
                let at = level(&r.overall.stage).expect("a stage");
                let lift = r.overall.lift.as_ref().expect("every answer can rise");
                assert_eq!(lift.is_empty(), at == 4, "{scoring} {text}");
                let after = lifted(&q, &text, lift);
                assert!(
                    level(&after.overall.stage) > Some(at) || at == 4,
                    "{scoring} {text}"
                );
                for d in &r.dimensions {
                    let lift = d.lift.as_ref().expect("lift");
                    let after = lifted(&q, &text, lift);
                    let before = level(&d.stage);
                    assert!(level(&dim(&after, &d.id).stage) > before || before == Some(4));
                }
            }
        }
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
        let reached = StageRule::Reached;
        assert_eq!(stage_of(3.0 - 1e-12, 5, reached), 3);
        assert_eq!(stage_of(2.999, 5, reached), 2);
        // Halfway within the guard is halfway: it stays at the lower stage.
        assert_eq!(stage_of(2.5 + 1e-12, 5, StageRule::Nearest), 2);
        assert_eq!(stage_of(2.5 - 1e-12, 5, StageRule::Nearest), 2);
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
