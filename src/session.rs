//! Workshop session files: an answers file whose `[answers]` are what a room agreed
//! on, plus the room itself — `kind = "workshop"`, the participants, and every vote of
//! every round per question (`[votes]`). Whatever reads answers files (`score`,
//! `compare`, `aggregate`) reads a session as its agreed answers; the votes add who
//! chose what and the discussion list ([`report`]).
//!
//! ```toml
//! format = 1
//! kind = "workshop"
//! questionnaire = "cx-maturity"
//! questionnaire_version = "2.0.0"
//! participants = ["Anna", "Ben", "Chris"]
//!
//! [answers]
//! customer-data = 2
//!
//! [votes]
//! customer-data = [{ Anna = 2, Ben = 4, Chris = "unknown" }, { Anna = 2, Ben = 2, Chris = 3 }]
//! ```

use std::collections::BTreeMap;

use crate::aggregate::{self, Counts, Tally};
use crate::answers::{Answer, Answers};
use crate::questionnaire::{Question, Questionnaire};
use crate::score::{Report, score};

/// The `kind` of a session file.
pub const KIND: &str = "workshop";
/// A room needs at least two people to disagree, and more than 30 cannot vote one by
/// one at one screen.
pub const MIN_PARTICIPANTS: usize = 2;
pub const MAX_PARTICIPANTS: usize = 30;
/// A room this many stages apart discusses the question before it agrees.
pub const DISCUSS_SPREAD: u32 = 2;
/// Consensus from which a room has "agreed", and "mostly agreed"; below, it is split.
pub const AGREED: f64 = 0.8;
pub const MOSTLY_AGREED: f64 = 0.6;
/// A name is shown on the reveal next to its vote: keep it short.
pub const MAX_NAME_CHARS: usize = 40;

/// A round's votes, by participant position; `None` for who has not voted yet.
pub type Round = Vec<Option<Answer>>;

/// The room and its votes.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Workshop {
    pub participants: Vec<String>,
    /// Question id → its rounds, the first first.
    pub votes: BTreeMap<String, Vec<Round>>,
}

impl Workshop {
    pub fn new(participants: Vec<String>) -> Workshop {
        Workshop {
            participants,
            votes: BTreeMap::new(),
        }
    }

    /// The latest round of question `id`, if it has one.
    pub fn last_round(&self, id: &str) -> Option<&Round> {
        self.votes.get(id).and_then(|rounds| rounds.last())
    }

    /// What participant `who` chose in the first round of each question: their own
    /// view, before any discussion.
    fn answers_of(&self, questionnaire: &Questionnaire, who: usize) -> Answers {
        let mut answers = Answers::new(questionnaire);
        for (id, rounds) in &self.votes {
            if let Some(Some(vote)) = rounds.first().and_then(|r| r.get(who)) {
                answers.answers.insert(id.clone(), *vote);
            }
        }
        answers
    }
}

/// What the facilitator is offered after a round: the lower median of the stage votes
/// ([`Counts::group_answer`]) — unless most of the room said "n/a" or "don't know",
/// then that (n/a on a tie). Always an answer someone gave.
pub fn proposal(counts: &Counts, question: &Question) -> Option<Answer> {
    let others = counts.not_applicable + counts.unknown;
    if counts.n() > 0 && others > counts.n() {
        return Some(if counts.not_applicable >= counts.unknown {
            Answer::NotApplicable
        } else {
            Answer::Unknown
        });
    }
    counts.group_answer(question)
}

/// Whether the room should talk before it agrees: its stage votes are 2 or more stages
/// apart, or it is split on whether the question applies or is known at all (as many
/// or more said "n/a" or "don't know" as chose a stage, and some chose one).
pub fn to_discuss(counts: &Counts) -> bool {
    let others = counts.not_applicable + counts.unknown;
    counts.spread().is_some_and(|s| s >= DISCUSS_SPREAD) || (counts.n() > 0 && others >= counts.n())
}

/// Whether a question goes on the discussion list: the room, voting blind, was 2 or
/// more stages apart, agreed less than mostly, or split on whether it applies or is
/// known at all.
fn discussed(g: &crate::aggregate::GroupAnswer) -> bool {
    let others: u64 = ["n/a", "unknown"]
        .iter()
        .filter_map(|k| g.distribution.get(*k))
        .sum();
    g.spread.is_some_and(|s| s >= DISCUSS_SPREAD)
        || g.consensus.is_some_and(|c| c < MOSTLY_AGREED)
        || (g.n > 0 && others >= g.n)
}

/// Whether everyone has voted in `round`.
pub fn is_complete(round: &Round) -> bool {
    round.iter().all(Option::is_some)
}

/// Splits `--participants "Anna, Ben,Chris"` into names and checks them.
pub fn parse_participants(list: &str) -> Result<Vec<String>, String> {
    let names: Vec<String> = list
        .split(',')
        .map(|n| n.trim().to_string())
        .filter(|n| !n.is_empty())
        .collect();
    check_participants(&names)?;
    Ok(names)
}

/// Checks a room: 2 to 30 distinct names (ignoring case), each short and printable.
pub fn check_participants(names: &[String]) -> Result<(), String> {
    if names.len() < MIN_PARTICIPANTS {
        return Err(format!(
            "a workshop needs at least {MIN_PARTICIPANTS} participants, separated by commas, \
             e.g. \"Anna, Ben, Chris\""
        ));
    }
    if names.len() > MAX_PARTICIPANTS {
        return Err(format!(
            "{} participants are more than one screen can take votes from; at most \
             {MAX_PARTICIPANTS}, or let managers answer alone and combine their files with \
             `cxm aggregate`",
            names.len()
        ));
    }
    let mut seen: Vec<String> = Vec::new();
    for name in names {
        if name.trim().is_empty() {
            return Err("a participant's name is empty".into());
        }
        if name.chars().any(invisible) {
            return Err(format!(
                "the name \"{}\" holds a control or invisible character; write names as plain \
                 text",
                crate::output::visible(name)
            ));
        }
        if name.trim() != name {
            return Err(format!(
                "the name \"{name}\" begins or ends with a space; write it without"
            ));
        }
        if name.chars().count() > MAX_NAME_CHARS {
            return Err(format!(
                "the name \"{name}\" is longer than {MAX_NAME_CHARS} characters; a first name \
                 or initials will do"
            ));
        }
        let folded = name.to_lowercase();
        if seen.contains(&folded) {
            return Err(format!(
                "\"{name}\" is named twice; give each participant a distinct name, e.g. \
                 \"{name} K.\""
            ));
        }
        seen.push(folded);
    }
    Ok(())
}

/// A character that shows nothing or changes how the text around it shows: control
/// characters, zero-width characters, bidirectional marks and overrides, the BOM.
fn invisible(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{ad}'
                | '\u{200b}'..='\u{200f}'
                | '\u{202a}'..='\u{202e}'
                | '\u{2060}'..='\u{2064}'
                | '\u{2066}'..='\u{2069}'
                | '\u{feff}'
        )
}

/// The report of a session: its agreed answers scored as any answers file, with each
/// voted question's distribution, spread, consensus and who chose what, and each
/// dimension's range of the participants' own scores — all from the first round, the
/// blind vote before any discussion, so a question the room argued its way to agree
/// on still shows where it started (and how many rounds it took).
pub fn report(questionnaire: &Questionnaire, answers: &Answers) -> Report {
    let mut report = score(questionnaire, answers);
    let Some(workshop) = &answers.workshop else {
        return report;
    };
    let mut tally = Tally::new(questionnaire);
    for who in 0..workshop.participants.len() {
        tally.add(questionnaire, &workshop.answers_of(questionnaire, who));
    }
    aggregate::attach(&mut report, questionnaire, &tally);
    for q in &mut report.questions {
        let Some(rounds) = workshop.votes.get(&q.id) else {
            // Not voted on (yet): no group values to show.
            q.group = None;
            continue;
        };
        if let Some(group) = &mut q.group {
            group.rounds = Some(rounds.len());
            let mut voters: BTreeMap<String, Vec<String>> = BTreeMap::new();
            if let Some(round) = rounds.first() {
                for (name, vote) in workshop.participants.iter().zip(round) {
                    if let Some(vote) = vote {
                        voters
                            .entry(vote.to_string())
                            .or_default()
                            .push(name.clone());
                    }
                }
            }
            group.voters = voters;
            group.discuss = Some(discussed(group));
        }
    }
    report.participants = Some(workshop.participants.clone());
    report
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bundled;

    fn cx() -> Questionnaire {
        bundled::find(bundled::DEFAULT_ID, None).expect("bundled")
    }

    #[test]
    fn participants_are_two_to_thirty_distinct_names() {
        assert_eq!(
            parse_participants(" Anna, Ben ,Chris,"),
            Ok(vec!["Anna".into(), "Ben".into(), "Chris".into()])
        );
        assert!(parse_participants("Anna").is_err());
        assert!(parse_participants("Anna, anna").is_err());
        let many: Vec<String> = (0..31).map(|i| format!("P{i}")).collect();
        assert!(parse_participants(&many.join(",")).is_err());
        assert!(parse_participants(&many[..30].join(",")).is_ok());
        assert!(parse_participants("Anna, B\u{1b}[31men").is_err());
        // Names that look alike or reorder the text after them.
        assert!(check_participants(&["Anna".into(), "Anna\u{200b}".into()]).is_err());
        assert!(check_participants(&["Anna\u{202e}".into(), "Ben".into()]).is_err());
        assert!(check_participants(&["Anna".into(), " Anna".into()]).is_err());
    }

    #[test]
    fn the_report_shows_who_chose_what_in_the_first_blind_round() {
        let q = cx();
        let id = q.questions[0].id.clone();
        let mut answers = Answers::new(&q);
        answers.answers.insert(id.clone(), Answer::Stage(2));
        let mut workshop = Workshop::new(vec!["Anna".into(), "Ben".into(), "Chris".into()]);
        workshop.votes.insert(
            id.clone(),
            vec![
                vec![
                    Some(Answer::Stage(1)),
                    Some(Answer::Stage(4)),
                    Some(Answer::Unknown),
                ],
                vec![
                    Some(Answer::Stage(2)),
                    Some(Answer::Stage(2)),
                    Some(Answer::Stage(3)),
                ],
            ],
        );
        answers.workshop = Some(workshop);
        let report = report(&q, &answers);
        assert_eq!(report.respondents, Some(3));
        let first = &report.questions[0];
        let group = first.group.as_ref().expect("voted");
        assert_eq!(group.rounds, Some(2));
        assert_eq!(group.n, 2);
        assert_eq!(group.spread, Some(3));
        assert_eq!(group.voters["1"], ["Anna"]);
        assert_eq!(group.voters["4"], ["Ben"]);
        assert_eq!(group.voters["unknown"], ["Chris"]);
        // Questions nobody voted on carry no group values.
        assert!(report.questions[1].group.is_none());
        // The agreed answer is the answer, whatever the votes.
        assert_eq!(
            first.answer.map(|a| a.0),
            Some(Answer::Stage(2)),
            "{first:?}"
        );
    }

    #[test]
    fn a_room_mostly_saying_na_or_dont_know_is_offered_that_and_discusses() {
        let q = cx();
        let question = &q.questions[0];
        let top = q.top_level();
        let votes = |v: &[Answer]| {
            let round: Vec<Option<Answer>> = v.iter().copied().map(Some).collect();
            Counts::of_votes(top, &round)
        };
        let na = votes(&[
            Answer::NotApplicable,
            Answer::NotApplicable,
            Answer::Stage(2),
        ]);
        assert_eq!(proposal(&na, question), Some(Answer::NotApplicable));
        assert!(to_discuss(&na));
        let unknown = votes(&[Answer::Unknown, Answer::Unknown, Answer::Stage(2)]);
        assert_eq!(proposal(&unknown, question), Some(Answer::Unknown));
        // One "don't know" among stage votes changes nothing.
        let one = votes(&[Answer::Unknown, Answer::Stage(2), Answer::Stage(3)]);
        assert_eq!(proposal(&one, question), Some(Answer::Stage(2)));
        assert!(!to_discuss(&one));
        // Two stages apart.
        let apart = votes(&[Answer::Stage(1), Answer::Stage(3), Answer::Stage(3)]);
        assert_eq!(proposal(&apart, question), Some(Answer::Stage(3)));
        assert!(to_discuss(&apart));
    }

    #[test]
    fn the_discussion_list_holds_a_room_split_on_whether_a_question_applies() {
        let q = cx();
        let mut answers = Answers::new(&q);
        let mut workshop = Workshop::new(vec!["Anna".into(), "Ben".into(), "Chris".into()]);
        let ids: Vec<String> = q.questions.iter().take(2).map(|q| q.id.clone()).collect();
        workshop.votes.insert(
            ids[0].clone(),
            vec![vec![
                Some(Answer::NotApplicable),
                Some(Answer::NotApplicable),
                Some(Answer::Stage(2)),
            ]],
        );
        workshop.votes.insert(
            ids[1].clone(),
            vec![vec![
                Some(Answer::Stage(2)),
                Some(Answer::Stage(2)),
                Some(Answer::Stage(3)),
            ]],
        );
        answers.workshop = Some(workshop);
        let report = report(&q, &answers);
        let discuss: Vec<Option<bool>> = report
            .questions
            .iter()
            .take(3)
            .map(|r| r.group.as_ref().and_then(|g| g.discuss))
            .collect();
        assert_eq!(discuss, [Some(true), Some(false), None]);
    }
}
