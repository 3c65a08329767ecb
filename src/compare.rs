//! Progress over time: two or more scored reports of the same questionnaire, compared.
//!
//! The first report is the baseline ("before"), the last the latest ("after"); any in
//! between make a time series. The comparison says how the overall stage and score
//! and each dimension moved, which stage boundaries were crossed (up or down), which
//! answers changed, how far the company came towards the latest file's target stage,
//! and which questions could not be compared because an answers file was made for a
//! questionnaire version that no longer has them. Pure: built from reports, read by
//! the views in `report::compare`.

use serde::Serialize;

use crate::i18n::Lang;
use crate::score::{AnswerValue, QuestionnaireInfo, Report, StageRef, Tool};
use crate::t;

/// The comparison, in the shape `cxm compare --format json` prints.
#[derive(Debug, Clone, Serialize)]
pub struct Comparison {
    pub schema_version: u32,
    pub tool: Tool,
    pub questionnaire: QuestionnaireInfo,
    /// Each file's headline, in the order given: the baseline first, the latest last.
    pub snapshots: Vec<Snapshot>,
    /// Baseline to latest.
    pub overall: Change,
    pub dimensions: Vec<DimensionChange>,
    /// Answers that differ between the baseline and the latest file.
    pub moved: Vec<MovedAnswer>,
    /// Question ids of answers that could not be carried over to this version of the
    /// questionnaire (it no longer has the question, or that option).
    pub not_compared: Vec<String>,
    /// Progress to the latest file's `target_stage`, when it has one.
    pub target: Option<TargetProgress>,
    /// Stages that went down from the baseline to the latest file, in words; empty when
    /// none did.
    pub regressions: Vec<String>,
    /// The top of the ladder, for "2.83 / 5" and charts.
    pub max_score: u32,
}

impl Comparison {
    /// The organisation assessed, as the latest file names it.
    pub fn organisation(&self) -> Option<&str> {
        self.snapshots.last()?.organisation.as_deref()
    }
}

/// One file's headline.
#[derive(Debug, Clone, Serialize)]
pub struct Snapshot {
    pub file: String,
    pub date: Option<String>,
    pub organisation: Option<String>,
    pub score: Option<f64>,
    pub stage: Option<StageRef>,
    /// Per dimension id, its score and stage, in questionnaire order.
    pub dimensions: Vec<Point>,
}

/// A score and stage at one point in time.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Point {
    pub id: String,
    pub score: Option<f64>,
    pub stage: Option<u32>,
}

/// How a score and stage moved from the baseline to the latest file.
#[derive(Debug, Clone, Serialize)]
pub struct Change {
    pub before_score: Option<f64>,
    pub after_score: Option<f64>,
    /// `after − before`, when both have a score.
    pub delta: Option<f64>,
    pub before_stage: Option<StageRef>,
    pub after_stage: Option<StageRef>,
    /// Stages gained (negative: lost); `None` without a stage on either side.
    pub stage_change: Option<i64>,
}

#[derive(Debug, Clone, Serialize)]
pub struct DimensionChange {
    pub id: String,
    pub name: String,
    #[serde(flatten)]
    pub change: Change,
}

/// An answer that differs between the baseline and the latest file.
#[derive(Debug, Clone, Serialize)]
pub struct MovedAnswer {
    pub question: String,
    /// The question's short name, when the questionnaire gives one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    pub dimension: String,
    pub text: String,
    pub before: Option<AnswerValue>,
    pub after: Option<AnswerValue>,
    pub before_option: Option<String>,
    pub after_option: Option<String>,
}

/// The score that decides the overall stage: the overall score with `overall =
/// "mean"`, else (weakest link) the lowest dimension score.
fn progress_score(report: &Report) -> Option<f64> {
    if report.overall.method == "mean" {
        return report.overall.score;
    }
    report
        .dimensions
        .iter()
        .filter_map(|d| d.score)
        .reduce(f64::min)
}

/// How far the company came towards its target.
#[derive(Debug, Clone, Serialize)]
pub struct TargetProgress {
    pub stage: StageRef,
    /// `(after − before) / (target − before)` on the score that decides the overall
    /// stage (the overall score with `overall = "mean"`, else the weakest dimension's):
    /// 0 for no step, 1 and more once there, negative when it fell. `None` when the
    /// baseline was already at the target or a score is missing.
    pub progress: Option<f64>,
    /// Stages still between the latest overall stage and the target (0 when reached).
    pub gap: Option<u32>,
}

fn change(
    before: (Option<f64>, Option<&StageRef>),
    after: (Option<f64>, Option<&StageRef>),
) -> Change {
    Change {
        before_score: before.0,
        after_score: after.0,
        delta: before.0.zip(after.0).map(|(b, a)| a - b),
        before_stage: before.1.cloned(),
        after_stage: after.1.cloned(),
        stage_change: before
            .1
            .zip(after.1)
            .map(|(b, a)| i64::from(a.level) - i64::from(b.level)),
    }
}

/// `Timing of Interaction from 3 (Multichannel) to 2 (Segment-Based)`, in `lang`.
fn fell(name: &str, c: &Change, lang: Lang) -> Option<String> {
    match (&c.before_stage, &c.after_stage, c.stage_change) {
        (Some(b), Some(a), Some(d)) if d < 0 => Some(t!(
            lang,
            "compare-regression",
            name = name,
            before = b.to_string(),
            after = a.to_string()
        )),
        _ => None,
    }
}

/// Compares `reports` (the first is the baseline, the last the latest), read from
/// `files`, with `not_compared` the question ids some file could not answer; `None`
/// for fewer than two reports.
pub fn compare(
    files: &[String],
    reports: &[Report],
    not_compared: Vec<String>,
) -> Option<Comparison> {
    let (first, last) = match reports {
        [first, .., last] => (first, last),
        _ => return None,
    };
    let snapshots = files
        .iter()
        .zip(reports)
        .map(|(file, r)| Snapshot {
            // A path may hold anything; what is shown must not drive a terminal.
            file: crate::diagnostic::printable(file),
            date: r.date.clone(),
            organisation: r.organisation.clone(),
            score: r.overall.score,
            stage: r.overall.stage.clone(),
            dimensions: r
                .dimensions
                .iter()
                .map(|d| Point {
                    id: d.id.clone(),
                    score: d.score,
                    stage: d.stage.as_ref().map(|s| s.level),
                })
                .collect(),
        })
        .collect();
    let overall = change(
        (first.overall.score, first.overall.stage.as_ref()),
        (last.overall.score, last.overall.stage.as_ref()),
    );
    let dimensions: Vec<DimensionChange> = last
        .dimensions
        .iter()
        .map(|after| {
            let before = first.dimensions.iter().find(|d| d.id == after.id);
            DimensionChange {
                id: after.id.clone(),
                name: after.name.clone(),
                change: change(
                    (
                        before.and_then(|b| b.score),
                        before.and_then(|b| b.stage.as_ref()),
                    ),
                    (after.score, after.stage.as_ref()),
                ),
            }
        })
        .collect();
    let moved = last
        .questions
        .iter()
        .filter_map(|after| {
            let before = first.questions.iter().find(|q| q.id == after.id)?;
            if not_compared.contains(&after.id) || before.answer == after.answer {
                return None;
            }
            Some(MovedAnswer {
                question: after.id.clone(),
                title: after.title.clone(),
                dimension: after.dimension.clone(),
                text: after.text.clone(),
                before: before.answer,
                after: after.answer,
                before_option: before.option.clone(),
                after_option: after.option.clone(),
            })
        })
        .collect();
    let target = last.target_stage.clone().map(|stage| {
        let target = f64::from(stage.level);
        let progress = progress_score(first)
            .zip(progress_score(last))
            .and_then(|(b, a)| (target - b > 1e-9).then(|| (a - b) / (target - b)));
        TargetProgress {
            gap: last
                .overall
                .stage
                .as_ref()
                .map(|s| stage.level.saturating_sub(s.level)),
            stage,
            progress,
        }
    });
    // In the words of the reports: the questionnaire's language.
    let lang = Lang::of(&last.questionnaire.language);
    let overall_stage = t!(lang, "compare-regression-overall");
    let mut regressions: Vec<String> = fell(&overall_stage, &overall, lang).into_iter().collect();
    regressions.extend(
        dimensions
            .iter()
            .filter_map(|d| fell(&d.name, &d.change, lang)),
    );
    Some(Comparison {
        schema_version: 1,
        tool: last.tool.clone(),
        questionnaire: last.questionnaire.clone(),
        snapshots,
        overall,
        dimensions,
        moved,
        not_compared,
        target,
        regressions,
        max_score: last.overall.max_score,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stage(level: u32) -> StageRef {
        StageRef {
            level,
            id: format!("s{level}"),
            name: format!("S{level}"),
        }
    }

    #[test]
    fn a_change_counts_stages_and_score_both_ways() {
        let (two, three) = (stage(2), stage(3));
        let up = change((Some(2.4), Some(&two)), (Some(3.1), Some(&three)));
        assert_eq!(up.stage_change, Some(1));
        assert!((up.delta.unwrap() - 0.7).abs() < 1e-9);
        assert_eq!(fell("A", &up, Lang::En), None);
        let down = change((Some(3.1), Some(&three)), (Some(2.4), Some(&two)));
        assert_eq!(down.stage_change, Some(-1));
        assert_eq!(
            fell("A", &down, Lang::En).as_deref(),
            Some("A from 3 (S3) to 2 (S2)")
        );
        let unscored = change((None, None), (Some(2.0), Some(&two)));
        assert_eq!((unscored.delta, unscored.stage_change), (None, None));
        assert_eq!(
            fell("A", &unscored, Lang::En),
            None,
            "no stage before: nothing fell"
        );
    }

    #[test]
    fn one_report_is_not_a_comparison() {
        assert!(compare(&[], &[], Vec::new()).is_none());
    }
}
