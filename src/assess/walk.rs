//! The walk through a questionnaire: order, going back, resuming, notes and saving
//! after every answer. Plain code behind the [`Prompter`] seam, so tests drive it with
//! a script and the terminal front end (`prompt.rs`) stays a thin adapter.

use crate::answers::{Answer, Answers};
use crate::i18n::Lang;
use crate::questionnaire::{Question, Questionnaire};
use crate::t;

/// What the person did at a prompt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reply<T> {
    Value(T),
    /// Esc: go back one step.
    Back,
    /// Ctrl-C: stop now.
    Interrupted,
}

/// A select list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SelectPrompt {
    pub message: String,
    pub options: Vec<String>,
    /// The option the cursor starts on.
    pub start: usize,
    pub help: String,
}

/// A one-line text input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextPrompt {
    pub message: String,
    /// Text already in the field (an earlier answer).
    pub initial: String,
    pub help: String,
    /// What the prompt shows when Esc leaves it, e.g. `(skipped)`.
    pub on_esc: String,
}

/// The seam between the walk and a terminal.
pub trait Prompter {
    /// Speak `lang` from now on in the prompter's own words (e.g. what a question shows
    /// after Esc); called once the questionnaire, and so the language, is known.
    fn set_language(&mut self, _lang: Lang) {}
    /// Shows information that needs no answer.
    fn say(&mut self, text: &str);
    /// Shows a command to copy, indented on a line of its own and never wrapped, so it
    /// runs as printed.
    fn say_command(&mut self, command: &str) {
        self.say(&format!("  {command}"));
    }
    /// Returns the index of the chosen option.
    fn select(&mut self, prompt: &SelectPrompt) -> anyhow::Result<Reply<usize>>;
    fn text(&mut self, prompt: &TextPrompt) -> anyhow::Result<Reply<String>>;
}

/// How a walk ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// The last question was answered.
    Finished,
    /// Stopped with Ctrl-C; every answer given so far is saved.
    Interrupted,
}

/// Index of the first question (in asking order) without any answer, if any.
pub fn first_unanswered(questionnaire: &Questionnaire, answers: &Answers) -> Option<usize> {
    questionnaire
        .questions_in_order()
        .iter()
        .position(|q| !answers.answers.contains_key(&q.id))
}

/// Which questions a walk asks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ask {
    /// Every question from the start position: a first walk, or a review.
    All,
    /// Only those still open when the walk begins: without an answer, or answered
    /// "Don't know".
    Open,
}

/// Whether `question` is still open: no answer yet, or "Don't know".
pub fn is_open(answers: &Answers, question: &str) -> bool {
    matches!(answers.answers.get(question), None | Some(Answer::Unknown))
}

/// Asks for the organisation and respondent names: those still missing, or with
/// `again` (a review) both, the current ones filled in to keep or change. Enter on an
/// empty field or Esc skips a missing name; Esc keeps a name already there.
pub fn ask_names(
    prompter: &mut dyn Prompter,
    answers: &mut Answers,
    again: bool,
    lang: Lang,
) -> anyhow::Result<Outcome> {
    type Field = fn(&mut Answers) -> &mut Option<String>;
    let fields: [(String, Field); 2] = [
        (t!(lang, "assess-organisation-name"), |a| {
            &mut a.organisation
        }),
        (t!(lang, "assess-your-name"), |a| &mut a.respondent),
    ];
    for (message, field) in fields {
        let current = field(answers).clone();
        if current.is_some() && !again {
            continue;
        }
        let prompt = TextPrompt {
            message,
            initial: current.clone().unwrap_or_default(),
            help: if current.is_some() {
                t!(lang, "assess-name-help-keep")
            } else {
                t!(lang, "assess-name-help-skip")
            },
            on_esc: if current.is_some() {
                t!(lang, "assess-name-kept")
            } else {
                t!(lang, "assess-name-skipped")
            },
        };
        match prompter.text(&prompt)? {
            // Emptied on purpose (or nothing printable): no name on the report.
            Reply::Value(v) => *field(answers) = crate::diagnostic::clean_name(&v),
            Reply::Back => {}
            Reply::Interrupted => return Ok(Outcome::Interrupted),
        }
    }
    Ok(Outcome::Finished)
}

/// Asks the questions from position `start` (in asking order) to the end, with earlier
/// answers preselected; with [`Ask::Open`], only those still open when the walk begins
/// (resuming, or a file carried over from another questionnaire version). Esc goes back
/// one question. `save` runs after every change; if it fails, the walk
/// stops with its error.
pub fn walk(
    questionnaire: &Questionnaire,
    answers: &mut Answers,
    start: usize,
    ask: Ask,
    with_notes: bool,
    prompter: &mut dyn Prompter,
    save: &mut dyn FnMut(&Answers) -> anyhow::Result<()>,
) -> anyhow::Result<Outcome> {
    let lang = Lang::of(&questionnaire.language);
    let order = questionnaire.questions_in_order();
    let total = order.len();
    // Positions (in asking order) of the questions this walk asks.
    let asked: Vec<usize> = (start.min(total)..total)
        .filter(|&i| ask == Ask::All || is_open(answers, &order[i].id))
        .collect();
    let mut at = 0;
    let mut shown_dimension: Option<&str> = None;
    while let Some(&i) = asked.get(at) {
        let question = order[i];
        let dimension = questionnaire
            .dimension(&question.dimension)
            .map_or(question.dimension.as_str(), |d| d.name.as_str());
        if shown_dimension != Some(question.dimension.as_str()) {
            if let Some(d) = questionnaire.dimension(&question.dimension) {
                let mut heading = format!("\n{}", d.name);
                if let Some(description) = &d.description {
                    heading.push('\n');
                    heading.push_str(description.trim());
                }
                prompter.say(&heading);
            }
            shown_dimension = Some(question.dimension.as_str());
        }

        let prompt = select_prompt(
            question,
            answers.answers.get(&question.id),
            i,
            total,
            dimension,
            lang,
        );
        let chosen = match prompter.select(&prompt)? {
            Reply::Interrupted => return Ok(Outcome::Interrupted),
            Reply::Back => {
                if at == 0 && i == 0 {
                    prompter.say(&t!(lang, "assess-first-question"));
                } else if at == 0 {
                    // Resumed, or only the open questions: the earlier ones are answered.
                    prompter.say(&t!(lang, "assess-first-of-this-run"));
                }
                at = at.saturating_sub(1);
                continue;
            }
            Reply::Value(k) => k,
        };
        let answer = match chosen {
            k if k < question.options.len() => Answer::Stage(question.options[k].stage),
            k if k == question.options.len() => Answer::Unknown,
            _ => Answer::NotApplicable,
        };
        answers.answers.insert(question.id.clone(), answer);
        save(answers)?;

        if with_notes {
            let prompt = TextPrompt {
                message: t!(lang, "assess-note"),
                initial: answers.notes.get(&question.id).cloned().unwrap_or_default(),
                help: t!(lang, "assess-note-help"),
                on_esc: t!(lang, "assess-note-back"),
            };
            match prompter.text(&prompt)? {
                Reply::Interrupted => return Ok(Outcome::Interrupted),
                Reply::Back => continue,
                Reply::Value(note) => {
                    let note = note.trim();
                    let changed = if note.is_empty() {
                        answers.notes.remove(&question.id).is_some()
                    } else {
                        answers.notes.insert(question.id.clone(), note.to_string())
                            != Some(note.to_string())
                    };
                    if changed {
                        save(answers)?;
                    }
                }
            }
        }
        at += 1;
    }
    Ok(Outcome::Finished)
}

/// The select list for one question: its options in stage order (without stage
/// numbers or names, which would steer the answer), then "don't know" and "n/a".
/// The prompt of every question, as a first walk shows them.
#[cfg(test)]
pub(crate) fn prompts(questionnaire: &Questionnaire) -> Vec<SelectPrompt> {
    let order = questionnaire.questions_in_order();
    order
        .iter()
        .enumerate()
        .map(|(i, q)| {
            let dimension = questionnaire
                .dimension(&q.dimension)
                .map_or(q.dimension.as_str(), |d| d.name.as_str());
            let lang = Lang::of(&questionnaire.language);
            select_prompt(q, None, i, order.len(), dimension, lang)
        })
        .collect()
}

fn select_prompt(
    question: &Question,
    current: Option<&Answer>,
    index: usize,
    total: usize,
    dimension: &str,
    lang: Lang,
) -> SelectPrompt {
    let n = question.options.len();
    let mut options: Vec<String> = question.options.iter().map(|o| o.text.clone()).collect();
    options.push(t!(lang, "assess-dont-know"));
    options.push(t!(lang, "assess-not-applicable"));
    let start = match current {
        Some(Answer::Stage(s)) => question
            .options
            .iter()
            .position(|o| o.stage == *s)
            .unwrap_or(0),
        Some(Answer::Unknown) => n,
        Some(Answer::NotApplicable) => n + 1,
        None => 0,
    };
    let number = t!(
        lang,
        "assess-question-of",
        number = index + 1,
        total = total
    );
    let mut help = format!("{number} · {dimension}");
    if let Some(h) = &question.help {
        help.push_str(" · ");
        help.push_str(h.trim());
    }
    SelectPrompt {
        message: question.text.clone(),
        options,
        start,
        help,
    }
}

/// After the last question: asks the target stage ([`ask_target`]) and saves a changed
/// one. `Interrupted` when Ctrl-C stopped there; Esc keeps the target as it is.
pub fn finish_with_target(
    questionnaire: &Questionnaire,
    answers: &mut Answers,
    prompter: &mut dyn Prompter,
    save: &mut dyn FnMut(&Answers) -> anyhow::Result<()>,
) -> anyhow::Result<Outcome> {
    match ask_target(questionnaire, answers.target_stage, prompter)? {
        Reply::Value(target) if target != answers.target_stage => {
            answers.target_stage = target;
            save(answers)?;
        }
        Reply::Interrupted => return Ok(Outcome::Interrupted),
        Reply::Value(_) | Reply::Back => {}
    }
    Ok(Outcome::Finished)
}

/// Asks which stage the company aims for, after the last question: `Some(None)` for
/// no target, `Some(Some(level))` for a stage, `None` when Esc skipped the question
/// (keep what there is) or Ctrl-C stopped. Enter on the cursor's start keeps the
/// current target (none at first).
pub fn ask_target(
    questionnaire: &Questionnaire,
    current: Option<u32>,
    prompter: &mut dyn Prompter,
) -> anyhow::Result<Reply<Option<u32>>> {
    let lang = Lang::of(&questionnaire.language);
    // The first choice: no target.
    let mut options = vec![t!(lang, "assess-no-target")];
    options.extend(
        questionnaire
            .stages
            .iter()
            .map(|s| format!("{} {}", s.level, s.name)),
    );
    let start = current
        .and_then(|level| questionnaire.stages.iter().position(|s| s.level == level))
        .map_or(0, |i| i + 1);
    let prompt = SelectPrompt {
        message: t!(lang, "assess-target-question"),
        options,
        start,
        help: t!(lang, "assess-target-help"),
    };
    Ok(match prompter.select(&prompt)? {
        Reply::Value(0) => Reply::Value(None),
        Reply::Value(i) => Reply::Value(questionnaire.stages.get(i - 1).map(|s| s.level)),
        Reply::Back => Reply::Back,
        Reply::Interrupted => Reply::Interrupted,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bundled;
    use std::collections::VecDeque;

    /// Plays back scripted replies and records every prompt it was shown.
    #[derive(Default)]
    struct Script {
        replies: VecDeque<Reply<String>>,
        selects: Vec<SelectPrompt>,
        texts: Vec<TextPrompt>,
        said: Vec<String>,
    }

    impl Script {
        fn new<'a>(replies: impl IntoIterator<Item = Reply<&'a str>>) -> Script {
            Script {
                replies: replies
                    .into_iter()
                    .map(|r| match r {
                        Reply::Value(v) => Reply::Value(v.to_string()),
                        Reply::Back => Reply::Back,
                        Reply::Interrupted => Reply::Interrupted,
                    })
                    .collect(),
                ..Script::default()
            }
        }

        fn next(&mut self) -> Reply<String> {
            self.replies
                .pop_front()
                .expect("the script has a reply for every prompt")
        }
    }

    impl Prompter for Script {
        fn say(&mut self, text: &str) {
            self.said.push(text.to_string());
        }
        fn select(&mut self, prompt: &SelectPrompt) -> anyhow::Result<Reply<usize>> {
            self.selects.push(prompt.clone());
            Ok(match self.next() {
                Reply::Value(v) => Reply::Value(v.parse().expect("select replies are indexes")),
                Reply::Back => Reply::Back,
                Reply::Interrupted => Reply::Interrupted,
            })
        }
        fn text(&mut self, prompt: &TextPrompt) -> anyhow::Result<Reply<String>> {
            self.texts.push(prompt.clone());
            Ok(self.next())
        }
    }

    use Reply::{Back, Interrupted, Value};

    #[test]
    fn the_target_question_offers_no_target_first_then_every_stage() {
        let (q, _) = setup();
        let mut script = Script::new([Value("0")]);
        assert_eq!(
            ask_target(&q, None, &mut script).expect("asks"),
            Value(None)
        );
        let prompt = &script.selects[0];
        assert_eq!(prompt.options[0], "No target (skip)");
        assert_eq!(prompt.options[3], "3 Multichannel");
        assert_eq!(prompt.options.len(), 6);
        assert_eq!(prompt.start, 0, "Enter skips");

        let mut script = Script::new([Value("4")]);
        assert_eq!(
            ask_target(&q, Some(2), &mut script).expect("asks"),
            Value(Some(4))
        );
        assert_eq!(
            script.selects[0].start, 2,
            "the cursor starts on the current target"
        );

        for (reply, expected) in [(Back, Back), (Interrupted, Interrupted)] {
            let mut script = Script::new([reply]);
            assert_eq!(
                ask_target(&q, Some(3), &mut script).expect("asks"),
                expected
            );
        }
    }

    fn setup() -> (Questionnaire, Answers) {
        let q = bundled::find(bundled::DEFAULT_ID, None).expect("bundled");
        let a = Answers::new(&q);
        (q, a)
    }

    /// Runs a walk, counting saves and checking each saved state is what `answers` holds.
    fn run(
        q: &Questionnaire,
        a: &mut Answers,
        start: usize,
        notes: bool,
        script: &mut Script,
    ) -> (Outcome, Vec<Answers>) {
        let mut saved = Vec::new();
        let outcome = walk(q, a, start, Ask::All, notes, script, &mut |a: &Answers| {
            saved.push(a.clone());
            Ok(())
        })
        .expect("walk runs");
        (outcome, saved)
    }

    fn ids(q: &Questionnaire) -> Vec<String> {
        q.questions_in_order()
            .iter()
            .map(|q| q.id.clone())
            .collect()
    }

    #[test]
    fn answers_every_question_in_dimension_order_and_saves_each_time() {
        let (q, mut a) = setup();
        let n = q.questions.len();
        let mut script = Script::new((0..n).map(|_| Value("1")));
        let (outcome, saved) = run(&q, &mut a, 0, false, &mut script);
        assert_eq!(outcome, Outcome::Finished);
        assert_eq!(saved.len(), n);
        assert_eq!(saved[2].answers.len(), 3);
        assert!(a.is_complete(&q));
        let asked: Vec<&str> = script.selects.iter().map(|s| s.message.as_str()).collect();
        let expected: Vec<&str> = q
            .questions_in_order()
            .iter()
            .map(|q| q.text.as_str())
            .collect();
        assert_eq!(asked, expected);
        // Option 1 is the second-lowest stage.
        let first = q.questions_in_order()[0];
        assert_eq!(a.answers[&first.id], Answer::Stage(first.options[1].stage));
        // One heading per dimension.
        assert_eq!(script.said.len(), q.dimensions.len());
        assert!(script.said[0].contains(&q.dimensions[0].name));
    }

    #[test]
    fn options_hide_stages_and_end_with_dont_know_and_not_applicable() {
        let (q, mut a) = setup();
        let mut script = Script::new([Interrupted]);
        run(&q, &mut a, 0, false, &mut script);
        let prompt = &script.selects[0];
        let question = q.questions_in_order()[0];
        assert_eq!(prompt.options.len(), question.options.len() + 2);
        assert_eq!(prompt.options[question.options.len()], "Don't know");
        assert_eq!(
            prompt.options[question.options.len() + 1],
            "Not applicable to us"
        );
        for stage in &q.stages {
            for option in &prompt.options {
                assert!(!option.contains(&stage.name), "{option} names a stage");
            }
        }
        assert!(
            prompt
                .help
                .starts_with(&format!("Question 1 of {}", q.questions.len()))
        );
        assert!(prompt.help.contains(&q.dimensions[0].name));
    }

    #[test]
    fn dont_know_and_not_applicable_are_recorded() {
        let (q, mut a) = setup();
        let n = q.questions[0].options.len();
        let dk = n.to_string();
        let na = (n + 1).to_string();
        let mut script = Script::new([Value(dk.as_str()), Value(na.as_str()), Interrupted]);
        run(&q, &mut a, 0, false, &mut script);
        let order = ids(&q);
        assert_eq!(a.answers[&order[0]], Answer::Unknown);
        assert_eq!(a.answers[&order[1]], Answer::NotApplicable);
        assert_eq!(a.answers.len(), 2);
    }

    #[test]
    fn esc_goes_back_with_the_earlier_answer_preselected() {
        let (q, mut a) = setup();
        let mut script = Script::new([Value("3"), Back, Value("2"), Value("4"), Interrupted]);
        let (outcome, _) = run(&q, &mut a, 0, false, &mut script);
        assert_eq!(outcome, Outcome::Interrupted);
        let order = ids(&q);
        // Asked: q0, q1 (Esc), q0 again with 3 preselected, q1, q2 (Ctrl-C).
        assert_eq!(script.selects[2].message, script.selects[0].message);
        assert_eq!(script.selects[2].start, 3);
        assert_eq!(script.selects[0].start, 0);
        let q0 = q.question(&order[0]).expect("q0");
        assert_eq!(a.answers[&order[0]], Answer::Stage(q0.options[2].stage));
        assert_eq!(a.answers.len(), 2);
    }

    #[test]
    fn esc_on_the_first_question_stays_there() {
        let (q, mut a) = setup();
        let mut script = Script::new([Back, Interrupted]);
        run(&q, &mut a, 0, false, &mut script);
        assert_eq!(script.selects[1].message, script.selects[0].message);
        // …and says why, instead of silently asking again.
        assert_eq!(
            script.said.last().map(String::as_str),
            Some("This is the first question, so there is nothing to go back to. Ctrl-C stops.")
        );
    }

    #[test]
    fn esc_on_the_first_question_of_a_resumed_walk_says_the_earlier_ones_come_in_the_review() {
        let (q, mut a) = setup();
        let mut script = Script::new([Back, Interrupted]);
        run(&q, &mut a, 2, false, &mut script);
        assert_eq!(script.selects[1].message, script.selects[0].message);
        assert_eq!(
            script.said.last().map(String::as_str),
            Some(
                "This is the first question of this run; the earlier ones are answered \
                 already (running assess on the file again offers a review of all). Ctrl-C \
                 stops."
            )
        );
    }

    #[test]
    fn interruption_after_k_answers_keeps_exactly_k() {
        let (q, mut a) = setup();
        let mut script = Script::new([Value("0"), Value("1"), Value("2"), Interrupted]);
        let (outcome, saved) = run(&q, &mut a, 0, false, &mut script);
        assert_eq!(outcome, Outcome::Interrupted);
        assert_eq!(saved.len(), 3);
        assert_eq!(saved.last().expect("saved").answers.len(), 3);
        assert_eq!(first_unanswered(&q, &a), Some(3));
    }

    #[test]
    fn resume_starts_at_the_first_unanswered_question() {
        let (q, mut a) = setup();
        let order = ids(&q);
        for id in order.iter().take(3) {
            a.answers.insert(id.clone(), Answer::Stage(1));
        }
        let start = first_unanswered(&q, &a).expect("unanswered left");
        assert_eq!(start, 3);
        let mut script = Script::new([Interrupted]);
        run(&q, &mut a, start, false, &mut script);
        assert_eq!(
            script.selects[0].message,
            q.question(&order[3]).expect("q3").text
        );
        assert!(script.selects[0].help.starts_with("Question 4 of"));
        // A resumed walk shows the heading of the dimension it starts in.
        assert!(
            script.said[0].contains(
                &q.dimension(&q.question(&order[3]).expect("q").dimension)
                    .expect("d")
                    .name
            )
        );
    }

    #[test]
    fn review_preselects_every_earlier_answer() {
        let (q, mut a) = setup();
        let order = ids(&q);
        a.answers.insert(order[0].clone(), Answer::NotApplicable);
        a.answers.insert(order[1].clone(), Answer::Unknown);
        let mut script = Script::new([Value("0"), Value("0"), Interrupted]);
        run(&q, &mut a, 0, false, &mut script);
        let n0 = q.question(&order[0]).expect("q0").options.len();
        let n1 = q.question(&order[1]).expect("q1").options.len();
        assert_eq!(script.selects[0].start, n0 + 1);
        assert_eq!(script.selects[1].start, n1);
    }

    #[test]
    fn notes_are_asked_after_each_answer_and_saved() {
        let (q, mut a) = setup();
        let mut script = Script::new([
            Value("1"),
            Value("Newsletter segments only"),
            Value("2"),
            Value(""),
            Value("0"),
            Back,
            Value("1"),
            Value("second try"),
            Interrupted,
        ]);
        let (_, saved) = run(&q, &mut a, 0, true, &mut script);
        let order = ids(&q);
        assert_eq!(a.notes[&order[0]], "Newsletter segments only");
        assert!(!a.notes.contains_key(&order[1]));
        assert_eq!(a.notes[&order[2]], "second try");
        // Esc in the note prompt asked question 3 again.
        assert_eq!(script.selects[2].message, script.selects[3].message);
        assert_eq!(script.texts.len(), 4);
        assert_eq!(
            saved
                .last()
                .expect("saved")
                .notes
                .get(&order[2])
                .map(String::as_str),
            Some("second try")
        );
    }

    #[test]
    fn names_are_asked_only_when_missing_and_enter_skips() {
        let (_, mut a) = setup();
        let mut script = Script::new([Value("ACME GmbH"), Value("  ")]);
        assert_eq!(
            ask_names(&mut script, &mut a, false, Lang::En).expect("asks"),
            Outcome::Finished
        );
        assert_eq!(a.organisation.as_deref(), Some("ACME GmbH"));
        assert_eq!(a.respondent, None);

        a.respondent = Some("Jane".into());
        let mut script = Script::new([]);
        ask_names(&mut script, &mut a, false, Lang::En).expect("asks nothing");
        assert!(script.texts.is_empty());
    }

    #[test]
    fn a_review_asks_the_names_again_to_keep_change_or_clear() {
        let (_, mut a) = setup();
        a.organisation = Some("ACME".into());
        a.respondent = Some("Jane".into());
        // Enter on the filled-in organisation keeps it; the name is cleared.
        let mut script = Script::new([Value("ACME"), Value("")]);
        ask_names(&mut script, &mut a, true, Lang::En).expect("asks");
        assert_eq!(script.texts[0].initial, "ACME");
        assert_eq!(script.texts[1].initial, "Jane");
        assert_eq!(a.organisation.as_deref(), Some("ACME"));
        assert_eq!(a.respondent, None);
        // Esc keeps what is there; a new name replaces it.
        let mut script = Script::new([Back, Value("ACME Holding")]);
        a.respondent = Some("Jane".into());
        ask_names(&mut script, &mut a, true, Lang::En).expect("asks");
        assert_eq!(a.organisation.as_deref(), Some("ACME"));
        assert_eq!(a.respondent.as_deref(), Some("ACME Holding"));
    }

    #[test]
    fn open_questions_are_the_unanswered_and_the_dont_knows() {
        let (q, mut a) = setup();
        let order = ids(&q);
        a.answers.insert(order[0].clone(), Answer::Stage(1));
        a.answers.insert(order[1].clone(), Answer::Unknown);
        a.answers.insert(order[2].clone(), Answer::NotApplicable);
        let mut script = Script::new([Interrupted]);
        let _ = walk(
            &q,
            &mut a,
            0,
            Ask::Open,
            false,
            &mut script,
            &mut |_: &Answers| Ok(()),
        );
        // The first question asked is the "Don't know" one, its answer preselected.
        assert_eq!(
            script.selects[0].help.split(" · ").next(),
            Some("Question 2 of 18")
        );
        assert_eq!(
            script.selects[0].start,
            q.question(&order[1]).expect("q").options.len()
        );
    }

    #[test]
    fn a_failed_save_stops_the_walk_with_its_error() {
        let (q, mut a) = setup();
        let mut script = Script::new([Value("1"), Value("1")]);
        let err = walk(
            &q,
            &mut a,
            0,
            Ask::All,
            false,
            &mut script,
            &mut |_: &Answers| anyhow::bail!("disk full"),
        )
        .expect_err("save fails");
        assert_eq!(err.to_string(), "disk full");
        assert_eq!(script.selects.len(), 1);
    }
}
