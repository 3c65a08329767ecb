//! The target stage: how far each dimension is from it, and the roadmap of actions
//! that gets there.
//!
//! A target (`--target`, or `target_stage` in the answers file) is a stage the whole
//! company aims for. Per dimension the gap is the number of stages still to climb and
//! the progress the share of the way from the lowest stage to the target that the
//! score covers. The roadmap lists, weakest dimension first, each dimension's action
//! for every stage between where it is and the target — its stage-2 action before its
//! stage-3 action — and puts the steps in phases by the actions' horizons. Pure: built
//! from a questionnaire and a scored report, read by every view.

use serde::Serialize;

use crate::questionnaire::Questionnaire;
use crate::score::{NextAction, Report, StageRef};

/// Where the company stands against its target.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Target {
    pub stage: StageRef,
    /// Whether the overall stage is at or above the target.
    pub reached: bool,
    /// Stages between the overall stage and the target (0 when reached); `None` without
    /// an overall stage.
    pub gap: Option<u32>,
    /// The actions that reach the target, in the order to take them.
    pub roadmap: Vec<Step>,
}

/// A dimension's distance to the target.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct DimensionTarget {
    /// Stages still to climb (0 when at or above the target).
    pub gap: u32,
    /// Share (0 to 1) of the way from the lowest stage to the target that the score
    /// covers: (score − 1) / (target − 1), at most 1.
    pub progress: f64,
}

/// One step of the roadmap: `dimension`'s action for moving from `from` to `to`.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Step {
    /// Which phase the step is in: 1 for the first horizon, and so on.
    pub phase: u32,
    /// The horizon that names the phase, when the questionnaire's actions have one.
    pub horizon: Option<String>,
    pub dimension: String,
    pub dimension_name: String,
    pub from: StageRef,
    pub to: StageRef,
    /// `None` when the questionnaire has no action for this dimension and stage.
    pub action: Option<NextAction>,
}

/// A dimension's distance to `target`, or `None` when it has no score.
pub fn dimension_target(
    score: Option<f64>,
    stage: Option<u32>,
    target: u32,
) -> Option<DimensionTarget> {
    let (score, stage) = (score?, stage?);
    // At the target by its stage is all the way there, whatever the rule that made it.
    let progress = if target <= 1 || stage >= target {
        1.0
    } else {
        ((score - 1.0) / f64::from(target - 1)).clamp(0.0, 1.0)
    };
    Some(DimensionTarget {
        gap: target.saturating_sub(stage),
        progress,
    })
}

/// The target block of `report` for `target` (a level of `questionnaire`'s ladder).
pub fn plan(questionnaire: &Questionnaire, report: &Report, target: u32) -> Option<Target> {
    let stage_ref = |level: u32| questionnaire.stage(level).map(StageRef::from);
    let stage = stage_ref(target)?;
    let overall = report.overall.stage.as_ref().map(|s| s.level);
    // Horizons in the order the questionnaire's actions first name them, lowest stage
    // first: "1–3 months" before "3–6 months" without parsing either.
    let mut actions: Vec<_> = questionnaire.actions.iter().collect();
    actions.sort_by_key(|a| a.stage);
    let mut horizons: Vec<&str> = Vec::new();
    for h in actions.iter().filter_map(|a| a.horizon.as_deref()) {
        if !horizons.contains(&h) {
            horizons.push(h);
        }
    }
    // Phase 0 holds steps without a horizon; phase i > 0 the i-th horizon.
    let rank = |h: Option<&str>| {
        h.and_then(|h| horizons.iter().position(|x| *x == h))
            .map_or(0, |i| i + 1)
    };

    let mut roadmap = Vec::new();
    for dimension in report.weakest_first() {
        let Some(from) = dimension.stage.as_ref().map(|s| s.level) else {
            continue;
        };
        // A dimension's steps never go back a phase: a later stage's action waits for
        // the earlier one's, whatever its own horizon says.
        let mut phase = 0;
        for level in from..target {
            let action = questionnaire.action(&dimension.id, level);
            phase = phase.max(rank(action.and_then(|a| a.horizon.as_deref())));
            let (Some(from), Some(to)) = (stage_ref(level), stage_ref(level + 1)) else {
                continue;
            };
            roadmap.push(Step {
                phase: phase as u32 + 1,
                horizon: phase
                    .checked_sub(1)
                    .and_then(|i| horizons.get(i))
                    .map(|h| h.to_string()),
                dimension: dimension.id.clone(),
                dimension_name: dimension.name.clone(),
                from,
                to,
                action: action.map(NextAction::from),
            });
        }
    }
    // Stable: within a phase, weakest dimension first, each dimension's stages in order.
    roadmap.sort_by_key(|s| s.phase);
    // Phases numbered as shown: 1, 2, … even where no step falls in a horizon.
    let mut last = (0, 0);
    for step in &mut roadmap {
        if step.phase != last.0 {
            last = (step.phase, last.1 + 1);
        }
        step.phase = last.1;
    }
    Some(Target {
        stage,
        reached: overall.is_some_and(|o| o >= target),
        gap: overall.map(|o| target.saturating_sub(o)),
        roadmap,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answers::Parsed;
    use crate::diagnostic::Source;
    use crate::score::score;

    /// Five stages; dimensions `a` (questions a1, a2) and `b` (b1); an action per
    /// dimension and stage 1–4 titled `a1`…`b4`, with the horizon `horizons` gives it.
    fn questionnaire(horizons: impl Fn(&str, u32) -> Option<&'static str>) -> Questionnaire {
        let mut t = String::from(
            "format = 1\n[questionnaire]\nid = \"t\"\nversion = \"1\"\nlanguage = \"en\"\n\
             title = \"T\"\n",
        );
        for l in 1..=5 {
            t += &format!(
                "[[stages]]\nlevel = {l}\nid = \"s{l}\"\nname = \"S{l}\"\nsummary = \"\"\n"
            );
        }
        t += "[[dimensions]]\nid = \"a\"\nname = \"A\"\n[[dimensions]]\nid = \"b\"\nname = \"B\"\n";
        for (id, dim) in [("a1", "a"), ("a2", "a"), ("b1", "b")] {
            t += &format!("[[questions]]\nid = \"{id}\"\ndimension = \"{dim}\"\ntext = \"?\"\n");
            for l in 1..=5 {
                t += &format!("[[questions.options]]\nstage = {l}\ntext = \"o{l}\"\n");
            }
        }
        for dim in ["a", "b"] {
            for l in 1..5 {
                t += &format!(
                    "[[actions]]\ndimension = \"{dim}\"\nstage = {l}\ntitle = \"{dim}{l}\"\ndetail = \"d\"\n"
                );
                if let Some(h) = horizons(dim, l) {
                    t += &format!("horizon = \"{h}\"\n");
                }
            }
        }
        Questionnaire::load(&Source::new("t.toml", t)).expect("test questionnaire is valid")
    }

    fn report(q: &Questionnaire, lines: &str) -> Report {
        let text = format!(
            "format = 1\nquestionnaire = \"t\"\nquestionnaire_version = \"1\"\n[answers]\n{lines}"
        );
        let answers = Parsed::parse(Source::new("a.toml", text))
            .and_then(|p| p.resolve(q))
            .expect("test answers are valid")
            .0;
        score(q, &answers)
    }

    /// The roadmap as `(phase, action title)`.
    fn steps(target: &Target) -> Vec<(u32, String)> {
        target
            .roadmap
            .iter()
            .map(|s| {
                (
                    s.phase,
                    s.action.as_ref().map_or("-".into(), |a| a.title.clone()),
                )
            })
            .collect()
    }

    #[test]
    fn the_roadmap_climbs_each_dimension_stage_by_stage_weakest_first() {
        let q = questionnaire(|_, _| None);
        // a at 2 (2.0), b at 3: target 4 needs a2, a3, then b3.
        let r = report(&q, "a1 = 2\na2 = 2\nb1 = 3\n");
        let t = plan(&q, &r, 4).expect("a stage of the ladder");
        assert_eq!(
            steps(&t),
            [(1, "a2".into()), (1, "a3".into()), (1, "b3".into())]
        );
        assert_eq!((t.reached, t.gap), (false, Some(2)));
        assert_eq!(t.roadmap[0].horizon, None);
        assert_eq!((t.roadmap[1].from.level, t.roadmap[1].to.level), (3, 4));
    }

    #[test]
    fn phases_follow_the_horizons_and_never_put_a_later_stage_first() {
        // Stage 2 actions take "later", stage 3 actions "soon": soon comes first
        // (stage-1 actions name it first), but a's stage-3 step waits for its stage 2.
        let q = questionnaire(|_, l| Some(if l == 2 { "later" } else { "soon" }));
        let r = report(&q, "a1 = 2\na2 = 2\nb1 = 3\n");
        let t = plan(&q, &r, 4).expect("a stage of the ladder");
        assert_eq!(
            steps(&t),
            [(1, "b3".into()), (2, "a2".into()), (2, "a3".into())]
        );
        let horizons: Vec<_> = t.roadmap.iter().map(|s| s.horizon.as_deref()).collect();
        assert_eq!(horizons, [Some("soon"), Some("later"), Some("later")]);
    }

    #[test]
    fn a_step_without_a_horizon_is_not_labelled_with_another_ones() {
        // Only stage-2 actions name a horizon.
        let q = questionnaire(|_, l| (l == 2).then_some("6–12 months"));
        let r = report(&q, "a1 = 1\na2 = 1\nb1 = 1\n");
        let t = plan(&q, &r, 3).expect("a stage of the ladder");
        let horizons: Vec<(String, Option<&str>)> = t
            .roadmap
            .iter()
            .map(|s| {
                (
                    s.action.as_ref().unwrap().title.clone(),
                    s.horizon.as_deref(),
                )
            })
            .collect();
        assert_eq!(
            horizons,
            [
                ("a1".to_string(), None),
                ("b1".to_string(), None),
                ("a2".to_string(), Some("6–12 months")),
                ("b2".to_string(), Some("6–12 months")),
            ]
        );
    }

    #[test]
    fn phases_are_numbered_from_one_even_when_the_first_horizon_has_no_step() {
        let q = questionnaire(|_, l| Some(["", "h1", "h2", "h3", "h4"][l as usize]));
        let r = report(&q, "a1 = 3\na2 = 3\nb1 = 4\n");
        let t = plan(&q, &r, 4).expect("a stage of the ladder");
        assert_eq!(steps(&t), [(1, "a3".into())]);
        assert_eq!(t.roadmap[0].horizon.as_deref(), Some("h3"));
    }

    #[test]
    fn a_reached_target_has_no_steps_and_no_gap() {
        let q = questionnaire(|_, _| None);
        let r = report(&q, "a1 = 4\na2 = 5\nb1 = 4\n");
        let t = plan(&q, &r, 3).expect("a stage of the ladder");
        assert!(t.reached && t.roadmap.is_empty());
        assert_eq!(t.gap, Some(0));
        assert!(plan(&q, &r, 6).is_none(), "6 is not on the ladder");
    }

    #[test]
    fn progress_is_the_share_of_the_way_from_stage_1_to_the_target() {
        let d = dimension_target(Some(2.5), Some(2), 4).expect("scored");
        assert_eq!(
            d,
            DimensionTarget {
                gap: 2,
                progress: 0.5
            }
        );
        let above = dimension_target(Some(4.6), Some(5), 4).expect("scored");
        assert_eq!(
            above,
            DimensionTarget {
                gap: 0,
                progress: 1.0
            }
        );
        assert_eq!(dimension_target(None, None, 4), None);
        // At the target stage by the nearest rule (2.67 is stage 3): all the way there.
        let reached = dimension_target(Some(2.67), Some(3), 3).expect("scored");
        assert_eq!(
            reached,
            DimensionTarget {
                gap: 0,
                progress: 1.0
            }
        );
        assert_eq!(
            dimension_target(Some(1.0), Some(1), 1).map(|d| d.progress),
            Some(1.0)
        );
    }
}
