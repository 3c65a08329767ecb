//! Many respondents, one picture: answers files tallied per question into a group
//! answer, with how far the respondents agree.
//!
//! Per question: how many chose each stage, "n/a", "unknown" or nothing; `n`, the
//! stage answers the group value rests on; the group answer, the lower median of those
//! (always an existing option); the spread (highest minus lowest stage chosen); and
//! Leik's ordinal consensus, 1 when everyone agrees, 0 when the room splits between
//! the two ends of the ladder. The group answers are then scored with the normal rules
//! into one [`Report`]; per dimension it also carries the median, lowest and highest
//! of the respondents' own dimension scores.
//!
//! Memory stays bounded however many files come in: a [`Tally`] holds counts per
//! question and a histogram of dimension scores (to 0.01), never the files themselves.

use std::collections::HashMap;

use serde::Serialize;

use crate::answers::{Answer, Answers};
use crate::questionnaire::Questionnaire;
use crate::score::{Report, dimension_scores, score};

/// Histogram buckets per stage of a dimension score: medians to 0.01.
const BUCKETS_PER_STAGE: usize = 100;

/// The counts of one question's answers.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Counts {
    /// Per stage level (index 0 is stage 1).
    pub stages: Vec<u64>,
    pub not_applicable: u64,
    pub unknown: u64,
    pub unanswered: u64,
}

impl Counts {
    fn new(top: u32) -> Counts {
        Counts {
            stages: vec![0; top as usize],
            ..Counts::default()
        }
    }

    /// The number of stage answers.
    pub fn n(&self) -> u64 {
        self.stages.iter().sum()
    }

    /// The lower median of the stage answers: the ⌈n/2⌉-th smallest.
    pub fn lower_median(&self) -> Option<u32> {
        let n = self.n();
        let half = n.div_ceil(2);
        let mut seen = 0;
        for (i, c) in self.stages.iter().enumerate() {
            seen += c;
            if n > 0 && seen >= half {
                return Some(i as u32 + 1);
            }
        }
        None
    }

    /// Highest minus lowest stage chosen.
    pub fn spread(&self) -> Option<u32> {
        let low = self.stages.iter().position(|c| *c > 0)?;
        let high = self.stages.iter().rposition(|c| *c > 0)?;
        Some((high - low) as u32)
    }

    /// Leik's ordinal consensus over the stage answers: with k stages, F the
    /// cumulative shares, D = 2/(k−1) · Σᵢ₌₁ᵏ⁻¹ min(Fᵢ, 1−Fᵢ); consensus = 1 − D.
    pub fn consensus(&self) -> Option<f64> {
        let n = self.n();
        let k = self.stages.len();
        if n == 0 || k < 2 {
            return None;
        }
        let mut cumulative = 0.0;
        let mut dispersion = 0.0;
        for c in &self.stages[..k - 1] {
            cumulative += *c as f64 / n as f64;
            dispersion += cumulative.min(1.0 - cumulative);
        }
        Some(1.0 - 2.0 / (k as f64 - 1.0) * dispersion)
    }

    /// The group answer to `question`: the lower median of the stage answers; without
    /// any, "n/a" when at least as many said so as "don't know", else "unknown", else
    /// nothing.
    pub fn group_answer(&self, question: &crate::questionnaire::Question) -> Option<Answer> {
        match self.lower_median() {
            Some(stage) => Some(Answer::Stage(nearest_option(question, stage))),
            None if self.not_applicable > 0 && self.not_applicable >= self.unknown => {
                Some(Answer::NotApplicable)
            }
            None if self.unknown > 0 => Some(Answer::Unknown),
            None => None,
        }
    }

    /// The counts of one round of votes on a question of a ladder `top` stages high.
    pub fn of_votes<'a>(top: u32, votes: impl IntoIterator<Item = &'a Option<Answer>>) -> Counts {
        let mut counts = Counts::new(top);
        for vote in votes {
            match vote {
                Some(Answer::Stage(s)) => {
                    if let Some(c) = counts.stages.get_mut((*s as usize).wrapping_sub(1)) {
                        *c += 1;
                    }
                }
                Some(Answer::NotApplicable) => counts.not_applicable += 1,
                Some(Answer::Unknown) => counts.unknown += 1,
                None => counts.unanswered += 1,
            }
        }
        counts
    }

    fn add(&mut self, other: &Counts) {
        for (a, b) in self.stages.iter_mut().zip(&other.stages) {
            *a += b;
        }
        self.not_applicable += other.not_applicable;
        self.unknown += other.unknown;
        self.unanswered += other.unanswered;
    }
}

/// Everything the respondents' files contribute, merged; independent of their order.
#[derive(Debug, Clone)]
pub struct Tally {
    pub respondents: u64,
    /// Respondents whose file names another version of the questionnaire.
    pub other_versions: u64,
    /// Per question, in questionnaire order.
    pub questions: Vec<Counts>,
    /// Per dimension, a histogram of the respondents' own scores.
    pub scores: Vec<Vec<u64>>,
    top: u32,
}

impl Tally {
    pub fn new(questionnaire: &Questionnaire) -> Tally {
        let top = questionnaire.top_level();
        Tally {
            respondents: 0,
            other_versions: 0,
            questions: vec![Counts::new(top); questionnaire.questions.len()],
            scores: vec![vec![0; bucket_count(top)]; questionnaire.dimensions.len()],
            top,
        }
    }

    /// Adds one respondent's answers.
    pub fn add(&mut self, questionnaire: &Questionnaire, answers: &Answers) {
        self.respondents += 1;
        if answers.questionnaire_version != questionnaire.version {
            self.other_versions += 1;
        }
        for (counts, q) in self.questions.iter_mut().zip(&questionnaire.questions) {
            match answers.answers.get(&q.id) {
                Some(Answer::Stage(s)) => {
                    if let Some(c) = counts.stages.get_mut(*s as usize - 1) {
                        *c += 1;
                    }
                }
                Some(Answer::NotApplicable) => counts.not_applicable += 1,
                Some(Answer::Unknown) => counts.unknown += 1,
                None => counts.unanswered += 1,
            }
        }
        let scores = dimension_scores(questionnaire, answers);
        for (histogram, score) in self.scores.iter_mut().zip(scores) {
            if let Some(s) = score {
                let i = bucket(s, self.top).min(histogram.len() - 1);
                histogram[i] += 1;
            }
        }
    }

    /// Merges another tally of the same questionnaire into this one.
    pub fn merge(mut self, other: Tally) -> Tally {
        self.respondents += other.respondents;
        self.other_versions += other.other_versions;
        for (a, b) in self.questions.iter_mut().zip(&other.questions) {
            a.add(b);
        }
        for (a, b) in self.scores.iter_mut().zip(&other.scores) {
            for (x, y) in a.iter_mut().zip(b) {
                *x += y;
            }
        }
        self
    }

    /// The group answers: per question [`Counts::group_answer`].
    pub fn group_answers(&self, questionnaire: &Questionnaire) -> Answers {
        let mut answers = Answers::new(questionnaire);
        for (counts, q) in self.questions.iter().zip(&questionnaire.questions) {
            if let Some(a) = counts.group_answer(q) {
                answers.answers.insert(q.id.clone(), a);
            }
        }
        answers
    }

    /// `(median, min, max)` of the respondents' own scores of dimension `i`.
    pub fn respondent_scores(&self, i: usize) -> Option<RespondentScores> {
        let histogram = self.scores.get(i)?;
        let n: u64 = histogram.iter().sum();
        if n == 0 {
            return None;
        }
        let value = |b: usize| 1.0 + b as f64 / BUCKETS_PER_STAGE as f64;
        let min = histogram.iter().position(|c| *c > 0).map(value)?;
        let max = histogram.iter().rposition(|c| *c > 0).map(value)?;
        let half = n.div_ceil(2);
        let mut seen = 0;
        let median = histogram
            .iter()
            .position(|c| {
                seen += c;
                seen >= half
            })
            .map(value)?;
        Some(RespondentScores { median, min, max })
    }
}

/// Buckets from stage 1 to `top`, 0.01 wide.
fn bucket_count(top: u32) -> usize {
    top.saturating_sub(1) as usize * BUCKETS_PER_STAGE + 1
}

/// The bucket of a score, rounded to 0.01.
fn bucket(score: f64, top: u32) -> usize {
    let clamped = score.clamp(1.0, f64::from(top.max(1)));
    ((clamped - 1.0) * BUCKETS_PER_STAGE as f64).round() as usize
}

/// The option of `question` at `stage`, or the nearest one below (a lower median is
/// always chosen by someone, so this only matters for hand-made tallies).
fn nearest_option(question: &crate::questionnaire::Question, stage: u32) -> u32 {
    question
        .options
        .iter()
        .map(|o| o.stage)
        .filter(|s| *s <= stage)
        .max()
        .or_else(|| question.options.first().map(|o| o.stage))
        .unwrap_or(stage)
}

/// The median, lowest and highest of the respondents' own scores of a dimension.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, schemars::JsonSchema)]
pub struct RespondentScores {
    pub median: f64,
    pub min: f64,
    pub max: f64,
}

/// A question's group answer and how it came about.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct GroupAnswer {
    /// Answer (stage number, `n/a`, `unknown`, `unanswered`) → how many gave it.
    pub distribution: std::collections::BTreeMap<String, u64>,
    /// The stage answers the group answer rests on.
    pub n: u64,
    /// Highest minus lowest stage chosen; `null` without stage answers.
    pub spread: Option<u32>,
    /// Leik's consensus, 0 to 1; `null` without stage answers.
    pub consensus: Option<f64>,
    /// In a workshop session: who chose what in the first (blind) round, answer →
    /// names; the other values are of that round too.
    #[serde(skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub voters: std::collections::BTreeMap<String, Vec<String>>,
    /// In a workshop session: how many rounds of votes the question had.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rounds: Option<usize>,
    /// In a workshop session: whether the question is on the discussion list (2 or more
    /// stages apart, consensus below 0.6, or as many "n/a"/"don't know" as stage votes,
    /// in the first round).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub discuss: Option<bool>,
}

impl From<&Counts> for GroupAnswer {
    fn from(c: &Counts) -> Self {
        let mut distribution: std::collections::BTreeMap<String, u64> = c
            .stages
            .iter()
            .enumerate()
            .filter(|(_, n)| **n > 0)
            .map(|(i, n)| ((i + 1).to_string(), *n))
            .collect();
        for (key, n) in [
            ("n/a", c.not_applicable),
            ("unknown", c.unknown),
            ("unanswered", c.unanswered),
        ] {
            if n > 0 {
                distribution.insert(key.to_string(), n);
            }
        }
        GroupAnswer {
            distribution,
            n: c.n(),
            spread: c.spread(),
            // To twelve places: the same consensus reached by other counts is the same
            // number, so reports that sort by it keep questionnaire order on ties.
            consensus: c.consensus().map(|x| (x * 1e12).round() / 1e12),
            voters: std::collections::BTreeMap::new(),
            rounds: None,
            discuss: None,
        }
    }
}

/// The group report: the group answers scored, with each question's distribution,
/// `n`, spread and consensus, and each dimension's respondent scores.
/// The group report of `tally`; `target` is the stage to aim for (a level), if any.
pub fn report(
    questionnaire: &Questionnaire,
    tally: &Tally,
    skipped: usize,
    target: Option<u32>,
) -> Report {
    let mut group = tally.group_answers(questionnaire);
    group.target_stage = target;
    let mut report = score(questionnaire, &group);
    attach(&mut report, questionnaire, tally);
    report.skipped = (skipped > 0).then_some(skipped);
    report
}

/// Adds to `report` (of the same questionnaire) each question's distribution, `n`,
/// spread and consensus, each dimension's respondent scores and the respondent count
/// from `tally`.
pub fn attach(report: &mut Report, questionnaire: &Questionnaire, tally: &Tally) {
    let index: HashMap<&str, usize> = questionnaire
        .questions
        .iter()
        .enumerate()
        .map(|(i, q)| (q.id.as_str(), i))
        .collect();
    for q in &mut report.questions {
        if let Some(counts) = index
            .get(q.id.as_str())
            .and_then(|i| tally.questions.get(*i))
        {
            q.group = Some(GroupAnswer::from(counts));
        }
    }
    for (i, d) in report.dimensions.iter_mut().enumerate() {
        d.respondent_scores = tally.respondent_scores(i);
    }
    report.respondents = Some(tally.respondents);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counts(stages: &[u64]) -> Counts {
        Counts {
            stages: stages.to_vec(),
            ..Counts::default()
        }
    }

    #[test]
    fn leik_consensus_matches_the_worked_values() {
        for (stages, expected) in [
            (&[0, 4, 4, 0, 0][..], 0.75),
            (&[1, 0, 6, 0, 1][..], 0.75),
            (&[2, 2, 2, 2, 0][..], 0.5),
            (&[0, 0, 5, 0, 0][..], 1.0),
            (&[3, 0, 0, 0, 3][..], 0.0),
        ] {
            let c = counts(stages).consensus().expect("stage answers");
            assert!((c - expected).abs() < 1e-12, "{stages:?}: {c}");
        }
        assert_eq!(counts(&[0, 0, 0]).consensus(), None);
    }

    #[test]
    fn the_lower_median_is_an_answer_someone_gave() {
        assert_eq!(counts(&[0, 2, 2, 0, 0]).lower_median(), Some(2));
        assert_eq!(counts(&[1, 0, 0, 0, 1]).lower_median(), Some(1));
        assert_eq!(counts(&[0, 1, 1, 1, 0]).lower_median(), Some(3));
        assert_eq!(counts(&[0, 0, 0]).lower_median(), None);
    }

    #[test]
    fn the_spread_is_highest_minus_lowest() {
        assert_eq!(counts(&[0, 3, 0, 1, 0]).spread(), Some(2));
        assert_eq!(counts(&[0, 0, 4, 0, 0]).spread(), Some(0));
        assert_eq!(counts(&[0, 0]).spread(), None);
    }

    #[test]
    fn the_distribution_names_every_answer_given() {
        let c = Counts {
            stages: vec![0, 2, 1],
            not_applicable: 1,
            unknown: 0,
            unanswered: 3,
        };
        let g = GroupAnswer::from(&c);
        let keys: Vec<(&str, u64)> = g
            .distribution
            .iter()
            .map(|(k, v)| (k.as_str(), *v))
            .collect();
        assert_eq!(keys, [("2", 2), ("3", 1), ("n/a", 1), ("unanswered", 3)]);
        assert_eq!((g.n, g.spread), (3, Some(1)));
    }

    #[test]
    fn score_buckets_give_medians_to_a_hundredth() {
        assert_eq!(bucket(1.0, 5), 0);
        assert_eq!(bucket(2.333, 5), 133);
        assert_eq!(bucket(5.0, 5), 400);
        assert_eq!(bucket_count(5), 401);
    }
}
