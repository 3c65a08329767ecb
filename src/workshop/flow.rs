//! The workshop's flow, one question at a time: the question on screen, a blind vote
//! from everyone in turn, the reveal, then the room's agreed answer and a note. Plain
//! code behind the [`Room`] seam (the walk's [`Prompter`] plus a hidden one-key vote),
//! so tests drive it with a script; the terminal side is in `keys.rs`.

use std::fmt::Write as _;

use crate::aggregate::Counts;
use crate::answers::{Answer, Answers};
use crate::assess::walk::{Outcome, Prompter, Reply, SelectPrompt, TextPrompt};
use crate::i18n::Lang;
use crate::questionnaire::{Question, Questionnaire};
use crate::report::consensus_word;
use crate::session::{self, Workshop, is_complete};
use crate::t;

/// One participant's vote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Vote {
    /// The option at this position (0 is the first, shown as 1).
    Option(usize),
    DontKnow,
    NotApplicable,
}

/// Asks one participant for a vote, e.g. "Ben, your vote: 1–5, ? = don't know,
/// - = not applicable".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VotePrompt {
    pub message: String,
    /// How many options the question has (votes 1 to `options`).
    pub options: usize,
}

/// The seam between the workshop and a terminal: the walk's prompts, plus a vote read
/// without showing the key pressed.
pub trait Room: Prompter {
    /// Starts a fresh screen for the next question, where a terminal can.
    fn clear(&mut self) {}
    /// Reads one vote; the key pressed is not shown.
    fn vote(&mut self, prompt: &VotePrompt) -> anyhow::Result<Reply<Vote>>;
    /// Shows that someone voted (`✓ Ben`). A terminal puts a round's ticks side by
    /// side, so twelve voters do not push the question off the screen.
    fn tick(&mut self, text: &str) {
        self.say(text);
    }
}

/// Asks for the participants until a valid list is given (2 to 30 distinct names).
/// `None` when Ctrl-C stopped.
pub fn ask_participants(room: &mut dyn Room, lang: Lang) -> anyhow::Result<Option<Vec<String>>> {
    let prompt = TextPrompt {
        message: t!(lang, "workshop-participants"),
        initial: String::new(),
        help: t!(
            lang,
            "workshop-participants-help",
            min = session::MIN_PARTICIPANTS,
            max = session::MAX_PARTICIPANTS
        ),
        on_esc: t!(lang, "workshop-nothing-to-go-back"),
    };
    loop {
        match room.text(&prompt)? {
            Reply::Interrupted => return Ok(None),
            Reply::Back => room.say(&t!(lang, "workshop-participants-first")),
            Reply::Value(list) => match session::parse_participants(&list) {
                Ok(names) => return Ok(Some(names)),
                Err(message) => room.say(&format!("{message}.")),
            },
        }
    }
}

/// Asks for the organisation when it is missing; Enter or Esc skips it.
pub fn ask_organisation(
    room: &mut dyn Room,
    answers: &mut Answers,
    lang: Lang,
) -> anyhow::Result<Outcome> {
    if answers.organisation.is_some() {
        return Ok(Outcome::Finished);
    }
    let prompt = TextPrompt {
        message: t!(lang, "assess-organisation-name"),
        initial: String::new(),
        help: t!(lang, "assess-name-help-skip"),
        on_esc: t!(lang, "assess-name-skipped"),
    };
    match room.text(&prompt)? {
        Reply::Interrupted => return Ok(Outcome::Interrupted),
        Reply::Value(name) => {
            if let Some(name) = crate::diagnostic::clean_name(&name) {
                answers.organisation = Some(name);
            }
        }
        Reply::Back => {}
    }
    Ok(Outcome::Finished)
}

/// Position (in asking order) of the first question without an agreed answer.
pub fn first_open(questionnaire: &Questionnaire, answers: &Answers) -> Option<usize> {
    crate::assess::walk::first_unanswered(questionnaire, answers)
}

/// Runs the workshop from question `start` (in asking order) to the end. Every vote,
/// agreed answer and note is saved with `save` as it is made; Esc goes back one
/// question, keeping its votes.
pub fn run(
    questionnaire: &Questionnaire,
    answers: &mut Answers,
    start: usize,
    open_votes: bool,
    room: &mut dyn Room,
    save: &mut dyn FnMut(&Answers) -> anyhow::Result<()>,
) -> anyhow::Result<Outcome> {
    let order = questionnaire.questions_in_order();
    let total = order.len();
    let top = questionnaire.top_level();
    let lang = Lang::of(&questionnaire.language);
    let mut at = start.min(total);
    // The first question goes under what was said before it (the intro); every later
    // one on a fresh screen.
    let mut first = true;
    'questions: while let Some(question) = order.get(at).copied() {
        if !std::mem::take(&mut first) {
            room.clear();
        }
        room.say(&question_screen(questionnaire, question, at, total));
        // A blank line before the votes.
        room.say("");
        loop {
            // Vote, unless the latest round is complete (going back, or resuming).
            let round_open = workshop(answers)
                .last_round(&question.id)
                .is_none_or(|r| !is_complete(r));
            if round_open {
                match vote_round(answers, question, open_votes, lang, room, save)? {
                    Reply::Value(()) => {}
                    Reply::Interrupted => return Ok(Outcome::Interrupted),
                    Reply::Back => {
                        back(&mut at, &mut first, lang, room);
                        continue 'questions;
                    }
                }
            }
            let round = workshop(answers)
                .last_round(&question.id)
                .cloned()
                .unwrap_or_default();
            let counts = Counts::of_votes(top, &round);
            let proposed = session::proposal(&counts, question);
            let discuss = session::to_discuss(&counts);
            let rounds = workshop(answers)
                .votes
                .get(&question.id)
                .map_or(0, Vec::len);
            room.say(&reveal(
                question,
                &counts,
                &workshop(answers).participants,
                &round,
                rounds,
                lang,
            ));
            let prompt = agree_prompt(
                question,
                answers.answers.get(&question.id).copied(),
                proposed,
                discuss,
                lang,
            );
            match room.select(&prompt)? {
                Reply::Interrupted => return Ok(Outcome::Interrupted),
                Reply::Back => {
                    back(&mut at, &mut first, lang, room);
                    continue 'questions;
                }
                Reply::Value(k) if k == question.options.len() + 2 => {
                    // A new blind round; the earlier ones are kept.
                    let n = workshop(answers).participants.len();
                    workshop_mut(answers)
                        .votes
                        .entry(question.id.clone())
                        .or_default()
                        .push(vec![None; n]);
                    room.clear();
                    room.say(&question_screen(questionnaire, question, at, total));
                    room.say("");
                    continue;
                }
                Reply::Value(k) => {
                    let agreed = answer_at(question, k);
                    if answers.answers.insert(question.id.clone(), agreed) != Some(agreed) {
                        save(answers)?;
                    }
                    break;
                }
            }
        }
        let prompt = TextPrompt {
            message: t!(lang, "workshop-note"),
            initial: answers.notes.get(&question.id).cloned().unwrap_or_default(),
            help: t!(lang, "workshop-note-help"),
            on_esc: t!(lang, "workshop-note-back"),
        };
        match room.text(&prompt)? {
            Reply::Interrupted => return Ok(Outcome::Interrupted),
            // The question again: its votes are in, so straight to the reveal.
            Reply::Back => continue 'questions,
            Reply::Value(note) => {
                let note = note.trim();
                let changed = if note.is_empty() {
                    answers.notes.remove(&question.id).is_some()
                } else {
                    answers
                        .notes
                        .insert(question.id.clone(), note.to_string())
                        .as_deref()
                        != Some(note)
                };
                if changed {
                    save(answers)?;
                }
            }
        }
        at += 1;
    }
    Ok(Outcome::Finished)
}

/// Esc: back one question; on the first, says so and stays on its screen, so the
/// message can be read.
fn back(at: &mut usize, first: &mut bool, lang: Lang, room: &mut dyn Room) {
    if *at == 0 {
        room.say(&t!(lang, "assess-first-question"));
        *first = true;
    }
    *at = at.saturating_sub(1);
}

/// The session's room; a workshop's answers always have one.
fn workshop(answers: &Answers) -> &Workshop {
    static NONE: Workshop = Workshop {
        participants: Vec::new(),
        votes: std::collections::BTreeMap::new(),
    };
    answers.workshop.as_ref().unwrap_or(&NONE)
}

fn workshop_mut(answers: &mut Answers) -> &mut Workshop {
    answers.workshop.get_or_insert_with(Workshop::default)
}

/// Takes the votes still missing from the question's latest round, in the room's
/// order, saving after each. `Back` on Esc (the votes cast are kept).
fn vote_round(
    answers: &mut Answers,
    question: &Question,
    open_votes: bool,
    lang: Lang,
    room: &mut dyn Room,
    save: &mut dyn FnMut(&Answers) -> anyhow::Result<()>,
) -> anyhow::Result<Reply<()>> {
    let n = workshop(answers).participants.len();
    {
        let rounds = workshop_mut(answers)
            .votes
            .entry(question.id.clone())
            .or_default();
        if rounds.last().is_none_or(is_complete) {
            rounds.push(vec![None; n]);
        }
    }
    let options = question.options.len();
    for who in 0..n {
        let name = workshop(answers).participants[who].clone();
        let cast = workshop(answers)
            .last_round(&question.id)
            .and_then(|r| r.get(who).copied().flatten());
        if let Some(vote) = cast {
            // Cast before (an interruption, or Esc): shown as cast, never what it was,
            // even with open votes; it may have been cast blind.
            room.tick(&tick(&name, vote, question, false));
            continue;
        }
        let keys = if options == 1 {
            "1".to_string()
        } else {
            format!("1–{options}")
        };
        let prompt = VotePrompt {
            message: t!(
                lang,
                "workshop-vote-prompt",
                name = name.as_str(),
                keys = keys
            ),
            options,
        };
        let vote = match room.vote(&prompt)? {
            Reply::Value(v) => v,
            Reply::Back => {
                // A round nobody voted in yet is not a round.
                let rounds = workshop_mut(answers).votes.entry(question.id.clone());
                let std::collections::btree_map::Entry::Occupied(mut rounds) = rounds else {
                    return Ok(Reply::Back);
                };
                if rounds
                    .get()
                    .last()
                    .is_some_and(|r| r.iter().all(Option::is_none))
                {
                    rounds.get_mut().pop();
                    if rounds.get().is_empty() {
                        rounds.remove();
                    }
                }
                return Ok(Reply::Back);
            }
            Reply::Interrupted => return Ok(Reply::Interrupted),
        };
        let answer = match vote {
            Vote::Option(k) => answer_at(question, k),
            Vote::DontKnow => Answer::Unknown,
            Vote::NotApplicable => Answer::NotApplicable,
        };
        if let Some(slot) = workshop_mut(answers)
            .votes
            .get_mut(&question.id)
            .and_then(|rounds| rounds.last_mut())
            .and_then(|round| round.get_mut(who))
        {
            *slot = Some(answer);
        }
        save(answers)?;
        room.tick(&tick(&name, answer, question, open_votes));
    }
    Ok(Reply::Value(()))
}

/// `✓ Ben`, or with open votes `✓ Ben: 3`.
fn tick(name: &str, vote: Answer, question: &Question, open_votes: bool) -> String {
    if open_votes {
        format!("✓ {name}: {}", key_of(question, vote))
    } else {
        format!("✓ {name}")
    }
}

/// The answer for position `k` of the agreement list: an option, then "?" and "-".
fn answer_at(question: &Question, k: usize) -> Answer {
    match question.options.get(k) {
        Some(option) => Answer::Stage(option.stage),
        None if k == question.options.len() => Answer::Unknown,
        None => Answer::NotApplicable,
    }
}

/// The key a vote is cast with: the option's number, `?` or `-`.
fn key_of(question: &Question, answer: Answer) -> String {
    match answer {
        Answer::Stage(s) => question
            .options
            .iter()
            .position(|o| o.stage == s)
            .map_or_else(|| s.to_string(), |i| (i + 1).to_string()),
        Answer::Unknown => "?".to_string(),
        Answer::NotApplicable => "-".to_string(),
    }
}

/// The question as the room sees it before voting: where it is, the question, its
/// options numbered, and the two other votes. No stage names or numbers.
fn question_screen(
    questionnaire: &Questionnaire,
    question: &Question,
    at: usize,
    total: usize,
) -> String {
    let dimension = questionnaire
        .dimension(&question.dimension)
        .map_or(question.dimension.as_str(), |d| d.name.as_str());
    let lang = Lang::of(&questionnaire.language);
    let mut out = format!(
        "{} · {dimension}\n\n{}\n",
        t!(lang, "assess-question-of", number = at + 1, total = total),
        question.text.trim()
    );
    if let Some(help) = &question.help {
        let _ = writeln!(out, "({})", help.trim());
    }
    out.push('\n');
    for (i, option) in question.options.iter().enumerate() {
        let _ = writeln!(out, "  {}  {}", i + 1, option.text.trim());
    }
    let _ = writeln!(out, "  ?  {}", t!(lang, "assess-dont-know"));
    let _ = writeln!(out, "  -  {}", t!(lang, "assess-not-applicable"));
    out
}

/// The reveal of a complete round: per vote key a bar with the count and the names,
/// then the group answer, spread and consensus, and "discuss" when the room is far
/// apart.
fn reveal(
    question: &Question,
    counts: &Counts,
    participants: &[String],
    round: &[Option<Answer>],
    rounds: usize,
    lang: Lang,
) -> String {
    let keys: Vec<(String, Answer)> = question
        .options
        .iter()
        .enumerate()
        .map(|(i, o)| ((i + 1).to_string(), Answer::Stage(o.stage)))
        .chain([
            ("?".to_string(), Answer::Unknown),
            ("-".to_string(), Answer::NotApplicable),
        ])
        .collect();
    let width = keys
        .iter()
        .map(|(k, _)| k.chars().count())
        .max()
        .unwrap_or(1);
    let most = keys
        .iter()
        .map(|(_, a)| round.iter().filter(|v| **v == Some(*a)).count())
        .max()
        .unwrap_or(0);
    let title = match rounds {
        0 | 1 => t!(lang, "workshop-votes"),
        n => t!(lang, "workshop-votes-round", round = n),
    };
    // Compact, so the bars and the agreement list below fit 80×24 together.
    let mut out = format!("\n{title}\n");
    for (key, answer) in &keys {
        let names: Vec<&str> = participants
            .iter()
            .zip(round)
            .filter(|(_, v)| **v == Some(*answer))
            .map(|(name, _)| name.as_str())
            .collect();
        let bar = "█".repeat(names.len());
        let _ = writeln!(
            out,
            "  {key:>width$}  {bar:<most$}  {}{}",
            names.len(),
            if names.is_empty() {
                String::new()
            } else {
                format!("  {}", names.join(", "))
            }
        );
    }
    match session::proposal(counts, question) {
        Some(answer) => out.push_str(&t!(
            lang,
            "workshop-group-answer",
            answer = key_of(question, answer)
        )),
        None => out.push_str(&t!(lang, "workshop-no-group-answer")),
    }
    match (counts.spread(), counts.consensus()) {
        (Some(spread), Some(c)) => {
            let _ = write!(
                out,
                " · {} · {}",
                t!(lang, "workshop-spread", spread = spread),
                t!(
                    lang,
                    "workshop-consensus",
                    consensus = lang.fixed(c, 2),
                    word = consensus_word(c, lang)
                )
            );
        }
        _ => {
            let _ = write!(out, " · {}", t!(lang, "workshop-no-stage-votes"));
        }
    }
    if session::to_discuss(counts) {
        out.push('\n');
        out.push_str(&t!(lang, "workshop-discuss"));
    }
    out
}

/// The most of an option's text the agreement list shows: one line at 60 columns after
/// its number. The whole text was on screen with the question.
const AGREE_OPTION_CHARS: usize = 52;

/// `text`, cut at a word to [`AGREE_OPTION_CHARS`] with "…" when longer.
fn one_line(text: &str) -> String {
    if text.chars().count() <= AGREE_OPTION_CHARS {
        return text.to_string();
    }
    let mut out = String::new();
    for word in text.split_whitespace() {
        if out.chars().count() + word.chars().count() + 2 > AGREE_OPTION_CHARS {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    if out.is_empty() {
        out = text.chars().take(AGREE_OPTION_CHARS - 1).collect();
    }
    out.push('…');
    out
}

/// The facilitator's choice after the reveal: every option (numbered as voted), "?",
/// "-", and a new blind round; the cursor on the answer agreed before, else on a new
/// round when the room should discuss, else on the group answer.
fn agree_prompt(
    question: &Question,
    agreed: Option<Answer>,
    proposed: Option<Answer>,
    discuss: bool,
    lang: Lang,
) -> SelectPrompt {
    // Numbers right-aligned, so texts line up past 9 options; "?" and "-" likewise.
    let width = question.options.len().to_string().len();
    let mut options: Vec<String> = question
        .options
        .iter()
        .enumerate()
        .map(|(i, o)| format!("{:>width$}  {}", i + 1, one_line(o.text.trim())))
        .collect();
    options.push(format!("{:>width$}  {}", "?", t!(lang, "assess-dont-know")));
    options.push(format!(
        "{:>width$}  {}",
        "-",
        t!(lang, "assess-not-applicable")
    ));
    options.push(t!(lang, "workshop-vote-again"));
    let position = |answer: Answer| match answer {
        Answer::Stage(s) => question.options.iter().position(|o| o.stage == s),
        Answer::Unknown => Some(question.options.len()),
        Answer::NotApplicable => Some(question.options.len() + 1),
    };
    let again = question.options.len() + 2;
    let start = match (agreed, discuss) {
        (Some(a), _) => position(a),
        (None, true) => Some(again),
        (None, false) => proposed.and_then(position),
    }
    .unwrap_or(again);
    let help = if discuss && agreed.is_none() {
        t!(lang, "workshop-agree-help-discuss")
    } else {
        t!(lang, "workshop-agree-help")
    };
    SelectPrompt {
        message: t!(lang, "workshop-rooms-answer"),
        options,
        start,
        help,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::questionnaire::Questionnaire;

    /// A room driven by a list of replies; keeps what it was shown.
    struct Script {
        replies: std::collections::VecDeque<Step>,
        shown: Vec<String>,
        prompts: Vec<SelectPrompt>,
    }

    #[derive(Debug, Clone)]
    enum Step {
        Cast(Reply<Vote>),
        Select(Reply<usize>),
        Text(Reply<&'static str>),
    }
    use Step::*;

    impl Script {
        fn new(steps: impl IntoIterator<Item = Step>) -> Script {
            Script {
                replies: steps.into_iter().collect(),
                shown: Vec::new(),
                prompts: Vec::new(),
            }
        }
        fn next(&mut self, wanted: &str) -> Step {
            self.replies
                .pop_front()
                .unwrap_or_else(|| panic!("the script ran out at a {wanted}: {:?}", self.shown))
        }
    }

    impl Prompter for Script {
        fn say(&mut self, text: &str) {
            self.shown.push(text.to_string());
        }
        fn select(&mut self, prompt: &SelectPrompt) -> anyhow::Result<Reply<usize>> {
            self.prompts.push(prompt.clone());
            match self.next("select") {
                Select(r) => Ok(r),
                other => panic!("a select, not {other:?}"),
            }
        }
        fn text(&mut self, _: &TextPrompt) -> anyhow::Result<Reply<String>> {
            match self.next("text") {
                Text(r) => Ok(match r {
                    Reply::Value(v) => Reply::Value(v.to_string()),
                    Reply::Back => Reply::Back,
                    Reply::Interrupted => Reply::Interrupted,
                }),
                other => panic!("a text, not {other:?}"),
            }
        }
    }

    impl Room for Script {
        fn vote(&mut self, prompt: &VotePrompt) -> anyhow::Result<Reply<Vote>> {
            self.shown.push(prompt.message.clone());
            match self.next("vote") {
                Cast(r) => Ok(r),
                other => panic!("a vote, not {other:?}"),
            }
        }
    }

    fn small() -> Questionnaire {
        let text = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/questionnaires/small.toml"
        ))
        .expect("fixture");
        Questionnaire::load(&crate::diagnostic::Source::new("small.toml", text)).expect("valid")
    }

    fn room(q: &Questionnaire) -> Answers {
        let mut a = Answers::new(q);
        a.workshop = Some(Workshop::new(vec![
            "Anna".into(),
            "Ben".into(),
            "Chris".into(),
        ]));
        a
    }

    fn v(k: usize) -> Step {
        Cast(Reply::Value(Vote::Option(k)))
    }
    const ENTER: Step = Select(Reply::Value(usize::MAX));
    const SKIP_NOTE: Step = Text(Reply::Value(""));

    /// Runs the script; `ENTER` picks the cursor's start. Returns the outcome, the
    /// answers and how many times they were saved.
    fn run_script(
        q: &Questionnaire,
        answers: &mut Answers,
        start: usize,
        steps: Vec<Step>,
    ) -> (Outcome, Script, usize) {
        struct Enter<'a>(&'a mut Script);
        impl Prompter for Enter<'_> {
            fn say(&mut self, text: &str) {
                self.0.say(text);
            }
            fn select(&mut self, p: &SelectPrompt) -> anyhow::Result<Reply<usize>> {
                Ok(match self.0.select(p)? {
                    Reply::Value(usize::MAX) => Reply::Value(p.start),
                    other => other,
                })
            }
            fn text(&mut self, p: &TextPrompt) -> anyhow::Result<Reply<String>> {
                self.0.text(p)
            }
        }
        impl Room for Enter<'_> {
            fn vote(&mut self, p: &VotePrompt) -> anyhow::Result<Reply<Vote>> {
                self.0.vote(p)
            }
        }
        let mut script = Script::new(steps);
        let mut saves = 0;
        let outcome = run(
            q,
            answers,
            start,
            false,
            &mut Enter(&mut script),
            &mut |_| {
                saves += 1;
                Ok(())
            },
        )
        .expect("runs");
        assert!(script.replies.is_empty(), "left over: {:?}", script.replies);
        (outcome, script, saves)
    }

    #[test]
    fn everyone_votes_then_enter_confirms_the_lower_median() {
        let q = small();
        let mut a = room(&q);
        let steps = vec![v(0), v(1), v(1), ENTER, SKIP_NOTE]
            .into_iter()
            .chain([v(1), v(1), v(1), ENTER, Text(Reply::Value("all agree"))])
            .chain([v(1), v(1), v(1), ENTER, SKIP_NOTE])
            .chain([
                v(0),
                v(1),
                Cast(Reply::Value(Vote::DontKnow)),
                ENTER,
                SKIP_NOTE,
            ])
            .collect();
        let (outcome, script, saves) = run_script(&q, &mut a, 0, steps);
        assert_eq!(outcome, Outcome::Finished);
        let order = q.questions_in_order();
        // Votes 1, 2, 2: the lower median is the second option.
        assert_eq!(
            a.answers[&order[0].id],
            Answer::Stage(order[0].options[1].stage)
        );
        assert_eq!(a.notes[&order[1].id], "all agree");
        // A save after each of the twelve votes, each agreed answer and the note.
        assert_eq!(saves, 12 + 4 + 1);
        assert_eq!(
            a.workshop.as_ref().expect("room").votes[&order[3].id][0][2],
            Some(Answer::Unknown)
        );
        // Blind: until the reveal, only ticks, never a vote.
        let before_reveal: Vec<&String> = script
            .shown
            .iter()
            .take_while(|s| !s.contains("The votes"))
            .collect();
        assert!(before_reveal.iter().any(|s| *s == "✓ Anna"));
        assert!(
            !before_reveal
                .iter()
                .any(|s| s.starts_with("✓") && s.contains(':'))
        );
        let reveal = script
            .shown
            .iter()
            .find(|s| s.contains("The votes"))
            .expect("revealed");
        assert!(reveal.contains("█   1  Anna\n"), "{reveal}");
        assert!(reveal.contains("██  2  Ben, Chris\n"), "{reveal}");
        assert!(reveal.contains("Group answer 2"), "{reveal}");
    }

    #[test]
    fn a_spread_of_two_is_discussed_and_revoted_keeping_both_rounds() {
        let q = small();
        let mut a = room(&q);
        let first = q.questions_in_order()[0];
        let again = first.options.len() + 2;
        let steps = vec![v(0), v(0), v(2), ENTER, v(1), v(1), v(2), ENTER, SKIP_NOTE];
        // Stop at the second question.
        let steps = steps
            .into_iter()
            .chain([Cast(Reply::Interrupted)])
            .collect();
        let (outcome, script, _) = run_script(&q, &mut a, 0, steps);
        assert_eq!(outcome, Outcome::Interrupted);
        // The first agreement prompt starts on "vote again" (spread 2).
        assert_eq!(script.prompts[0].start, again);
        assert!(script.shown.iter().any(|s| s.contains("Discuss")));
        let rounds = &a.workshop.as_ref().expect("room").votes[&first.id];
        assert_eq!(rounds.len(), 2);
        assert_eq!(rounds[0][2], Some(Answer::Stage(first.options[2].stage)));
        // After the re-vote (2, 2, 3) Enter takes its group answer.
        assert_eq!(a.answers[&first.id], Answer::Stage(first.options[1].stage));
    }

    #[test]
    fn esc_while_voting_goes_back_keeping_the_votes_cast() {
        let q = small();
        let mut a = room(&q);
        let order = q.questions_in_order();
        let steps = vec![
            v(0),
            v(0),
            v(0),
            ENTER,
            SKIP_NOTE,
            // Question 2: Anna votes, then Esc.
            v(1),
            Cast(Reply::Back),
            // Back at question 1: its votes are in, so the reveal; keep the answer.
            ENTER,
            SKIP_NOTE,
            // Question 2 again: Anna's vote is kept, only Ben and Chris vote.
            v(1),
            v(1),
            Select(Reply::Interrupted),
        ];
        let (outcome, script, _) = run_script(&q, &mut a, 0, steps);
        assert_eq!(outcome, Outcome::Interrupted);
        let rounds = &a.workshop.as_ref().expect("room").votes[&order[1].id];
        assert_eq!(rounds.len(), 1);
        assert!(is_complete(&rounds[0]));
        assert_eq!(
            script.shown.iter().filter(|s| *s == "✓ Anna").count(),
            2 + 1
        );
    }

    #[test]
    fn a_new_round_left_with_esc_before_any_vote_is_no_round() {
        let q = small();
        let mut a = room(&q);
        let first = q.questions_in_order()[0];
        let again = first.options.len() + 2;
        let steps = vec![
            v(0),
            v(0),
            v(0),
            Select(Reply::Value(again)),
            // The new round: Esc before anyone voted.
            Cast(Reply::Back),
            // Question 1 again (there is no earlier one): its first round stands.
            Select(Reply::Interrupted),
        ];
        let (_, script, _) = run_script(&q, &mut a, 0, steps);
        assert_eq!(a.workshop.as_ref().expect("room").votes[&first.id].len(), 1);
        assert!(script.shown.iter().any(|s| s.contains("first question")));
    }

    #[test]
    fn open_votes_show_each_vote_as_it_is_cast() {
        assert_eq!(
            tick("Ben", Answer::Unknown, &small().questions[0], true),
            "✓ Ben: ?"
        );
        assert_eq!(
            tick("Ben", Answer::Unknown, &small().questions[0], false),
            "✓ Ben"
        );
    }

    #[test]
    fn agreement_options_take_one_line_at_60_columns() {
        let long = "Each customer's history in all our channels, online and in person alike.";
        let short = one_line(long);
        assert_eq!(
            short,
            "Each customer's history in all our channels, online…"
        );
        assert!(short.chars().count() <= AGREE_OPTION_CHARS);
        assert_eq!(one_line("Nothing."), "Nothing.");
        for lang in [Lang::En, Lang::De] {
            let q = crate::bundled::find(crate::bundled::DEFAULT_ID, Some(lang.tag()))
                .expect("bundled");
            for question in &q.questions {
                let prompt = agree_prompt(question, None, None, true, lang);
                for option in &prompt.options {
                    // "> " or "  " before it, within 60 columns.
                    assert!(option.chars().count() + 2 <= 57, "{option}");
                }
            }
        }
    }

    #[test]
    fn the_readme_shows_a_real_reveal() {
        let q = small();
        let round = [
            Some(Answer::Stage(1)),
            Some(Answer::Stage(3)),
            Some(Answer::Stage(3)),
        ];
        let names = ["Anna".to_string(), "Ben".into(), "Chris".into()];
        let counts = Counts::of_votes(q.top_level(), &round);
        let text = reveal(&q.questions[0], &counts, &names, &round, 1, Lang::En);
        let readme = include_str!("../../README.md");
        let block = readme
            .split("```text\n")
            .find(|b| b.starts_with("The votes"))
            .and_then(|b| b.split("```").next())
            .expect("a reveal in the README");
        assert_eq!(text.trim(), block.trim());
    }

    #[test]
    fn no_stage_votes_propose_na_or_unknown() {
        let q = small();
        let question = &q.questions[0];
        let round = [
            Some(Answer::NotApplicable),
            Some(Answer::Unknown),
            Some(Answer::NotApplicable),
        ];
        let counts = Counts::of_votes(q.top_level(), &round);
        assert_eq!(counts.group_answer(question), Some(Answer::NotApplicable));
        let text = reveal(
            question,
            &counts,
            &["A".into(), "B".into(), "C".into()],
            &round,
            1,
            Lang::En,
        );
        assert!(text.contains("Group answer - · no stage votes"), "{text}");
    }

    #[test]
    fn participants_are_asked_again_until_valid() {
        let mut script = Script::new([
            Text(Reply::Value("Anna")),
            Text(Reply::Back),
            Text(Reply::Value("Anna, Ben")),
        ]);
        let names = ask_participants(&mut script, Lang::En).expect("asks");
        assert_eq!(names, Some(vec!["Anna".to_string(), "Ben".to_string()]));
        assert!(script.shown[0].contains("at least 2"), "{:?}", script.shown);
    }
}
