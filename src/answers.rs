//! The answers file (format version 1): what a company answered, read, checked against
//! its questionnaire, and written back in a stable, diff-friendly layout.

use std::collections::BTreeMap;
use std::fmt;

use serde::Deserialize;
use toml::Spanned;

use crate::diagnostic::{
    Diagnostic, Invalid, MAX_SHOWN, Problems, Source, closest, count, list, printable,
};
use crate::document::{self, Kind};
use crate::invocation::program;
use crate::questionnaire::{FORMAT, Question, Questionnaire, is_kebab_case};
use crate::session::{self, Workshop};

/// One question's answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    /// The stage of the chosen option.
    Stage(u32),
    /// `"n/a"`: the question does not apply to this company.
    NotApplicable,
    /// `"unknown"`: the respondent does not know.
    Unknown,
}

impl Answer {
    pub const NOT_APPLICABLE: &'static str = "n/a";
    pub const UNKNOWN: &'static str = "unknown";
}

impl fmt::Display for Answer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Answer::Stage(s) => write!(f, "{s}"),
            Answer::NotApplicable => f.write_str(Answer::NOT_APPLICABLE),
            Answer::Unknown => f.write_str(Answer::UNKNOWN),
        }
    }
}

/// An answers file whose every answer fits its questionnaire.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Answers {
    /// Id of the questionnaire answered.
    pub questionnaire: String,
    /// Content version of the questionnaire when it was answered.
    pub questionnaire_version: String,
    pub language: Option<String>,
    pub organisation: Option<String>,
    pub respondent: Option<String>,
    pub date: Option<String>,
    pub target_stage: Option<u32>,
    /// Question id → answer. Absent means unanswered.
    pub answers: BTreeMap<String, Answer>,
    /// Question id → free text.
    pub notes: BTreeMap<String, String>,
    /// A workshop session's room and votes; `None` for a plain answers file.
    pub workshop: Option<Workshop>,
}

/// An answers file that is well-formed but not yet checked against a questionnaire;
/// it says which questionnaire it needs.
pub struct Parsed {
    source: Source,
    file: raw::File,
    /// Errors found while reading that did not stop it (unknown keys); reported with
    /// the answers' own by [`Parsed::resolve`].
    early: Vec<Diagnostic>,
}

mod raw {
    use super::*;
    use schemars::JsonSchema;

    /// A `cxm` answers file (format 1): one questionnaire's answers for one
    /// organisation.
    #[derive(Deserialize, JsonSchema)]
    #[serde(deny_unknown_fields)]
    #[schemars(title = "cxm answers file")]
    pub struct File {
        /// The file format: always 1.
        #[allow(dead_code)]
        #[schemars(range(min = 1, max = 1))]
        pub format: i64,
        /// `"workshop"` for a workshop session file (`cxm workshop`); none in an answers file.
        #[schemars(with = "Option<KindSchema>")]
        pub kind: Option<Spanned<String>>,
        /// The id of the questionnaire answered, e.g. `cx-maturity`.
        #[schemars(with = "String")]
        pub questionnaire: Spanned<String>,
        /// The version of the questionnaire answered, e.g. `2.0.0`.
        pub questionnaire_version: String,
        /// The language it was answered in, e.g. `en`.
        pub language: Option<String>,
        /// The organisation assessed.
        pub organisation: Option<String>,
        /// Who answered (a person, a group or a workshop).
        pub respondent: Option<String>,
        /// A workshop session's participants, in voting order: 2 to 30 distinct names.
        #[schemars(
            with = "Option<Vec<String>>",
            length(min = 2, max = 30),
            extend("uniqueItems" = true)
        )]
        pub participants: Option<Spanned<Vec<String>>>,
        /// When it was answered: a TOML date (2026-11-24) or a string.
        #[schemars(with = "Option<DateSchema>")]
        pub date: Option<Spanned<toml::Value>>,
        /// The stage to aim for: a level, or a stage id or name.
        #[schemars(with = "Option<AnswerSchema>", extend("x-cxm-values-checked-later" = true))]
        pub target_stage: Option<Spanned<RawAnswer>>,
        /// The answers by question id: a stage (level), `"n/a"` or `"unknown"`.
        #[serde(default)]
        #[schemars(
            with = "BTreeMap<String, AnswerSchema>",
            extend("x-cxm-values-checked-later" = true)
        )]
        pub answers: BTreeMap<Spanned<String>, Spanned<RawAnswer>>,
        /// A one-line note per question id: evidence, or why.
        #[serde(default)]
        #[schemars(
            with = "BTreeMap<String, String>",
            extend("x-cxm-values-checked-later" = true)
        )]
        pub notes: BTreeMap<Spanned<String>, Spanned<RawAnswer>>,
        /// A workshop session's votes by question id: one table per round, the first
        /// first, of participant name → answer (a stage, `"n/a"` or `"unknown"`).
        #[serde(default)]
        #[schemars(with = "BTreeMap<String, Vec<BTreeMap<String, AnswerSchema>>>")]
        pub votes: BTreeMap<Spanned<String>, Vec<Round>>,
    }

    /// One round of votes as written: participant name → vote.
    pub type Round = BTreeMap<Spanned<String>, Spanned<RawAnswer>>;

    // The one kind of file besides an answers file, for the schema.
    #[derive(JsonSchema)]
    #[allow(dead_code)]
    pub enum KindSchema {
        #[serde(rename = "workshop")]
        Workshop,
    }

    // What an answer may be, for the schema: a stage level, or a text (`"n/a"`,
    // `"unknown"`, a stage id). Reading accepts any value and explains a wrong one.
    #[derive(JsonSchema)]
    #[serde(untagged)]
    #[allow(dead_code)]
    pub enum AnswerSchema {
        /// The stage (level) of the chosen option.
        Level(#[schemars(range(min = 1))] u32),
        /// `"n/a"` (not applicable) or `"unknown"` (don't know); for `target_stage`, a
        /// stage id or name.
        Text(String),
    }

    // A date, for the schema: TOML's own date, or a string.
    #[derive(JsonSchema)]
    #[serde(untagged)]
    #[allow(dead_code)]
    pub enum DateSchema {
        #[schemars(with = "String")]
        Date(()),
    }
}

/// The keys only a workshop session file has.
const SESSION_KEYS: [&str; 3] = ["kind", "participants", "votes"];

/// The schema of the type both kinds of file are read into.
fn file_schema() -> serde_json::Value {
    schemars::generate::SchemaSettings::draft07()
        .into_generator()
        .into_root_schema_for::<raw::File>()
        .to_value()
}

/// The JSON Schema (draft-07) of an answers file, from the types that read it.
pub fn schema() -> serde_json::Value {
    let mut schema = file_schema();
    if let Some(properties) = schema
        .get_mut("properties")
        .and_then(serde_json::Value::as_object_mut)
    {
        for key in SESSION_KEYS {
            properties.shift_remove(key);
        }
    }
    if let Some(definitions) = schema
        .get_mut("definitions")
        .and_then(serde_json::Value::as_object_mut)
    {
        definitions.shift_remove("KindSchema");
    }
    schema
}

/// The JSON Schema (draft-07) of a workshop session file: an answers file (its
/// `[answers]` are the agreed ones) with `kind = "workshop"`, the participants and
/// every vote.
pub fn session_schema() -> serde_json::Value {
    let mut schema = file_schema();
    schema["title"] = "cxm workshop session file".into();
    schema["description"] = "A `cxm workshop` session (format 1): the answers a room agreed \
                             on, its participants, and every vote of every round."
        .into();
    if let Some(required) = schema
        .get_mut("required")
        .and_then(serde_json::Value::as_array_mut)
    {
        required.extend(["kind".into(), "participants".into()]);
    }
    schema
}

/// The committed schema (`docs/schema/`; a test keeps them equal to the generated
/// ones) that a file's shape is checked against, read once: parsing it is far cheaper
/// than generating it. A file with a `kind` is a session.
fn schema_cached(table: &toml::de::DeTable) -> &'static serde_json::Value {
    static ANSWERS: std::sync::OnceLock<serde_json::Value> = std::sync::OnceLock::new();
    static SESSION: std::sync::OnceLock<serde_json::Value> = std::sync::OnceLock::new();
    if table.contains_key("kind") {
        SESSION.get_or_init(|| {
            serde_json::from_str(include_str!("../docs/schema/session.schema.json"))
                .unwrap_or_else(|_| session_schema())
        })
    } else {
        ANSWERS.get_or_init(|| {
            serde_json::from_str(include_str!("../docs/schema/answers.schema.json"))
                .unwrap_or_else(|_| schema())
        })
    }
}

impl Parsed {
    /// Reads the file's structure; the answers themselves are checked by [`Parsed::resolve`].
    pub fn parse(source: Source) -> Result<Parsed, Invalid> {
        match document::parse::<raw::File>(&source, Kind::Answers, schema_cached) {
            Ok((file, early, _)) => Ok(Parsed {
                source,
                file,
                early,
            }),
            Err(errors) => {
                let mut problems = Problems::default();
                errors.into_iter().for_each(|d| problems.push(d));
                // What it says it is, though it could not be read.
                let session = source
                    .text
                    .lines()
                    .any(|l| l.trim_start().starts_with("kind") && l.contains(session::KIND));
                Err(Invalid {
                    kind: if session {
                        "session file"
                    } else {
                        "answers file"
                    },
                    file: source.name.clone(),
                    errors: problems.shown,
                    omitted: problems.omitted,
                })
            }
        }
    }

    /// What the file is, for messages: "answers file" or "session file".
    pub fn noun(&self) -> &'static str {
        if self.is_session() {
            "session file"
        } else {
            "answers file"
        }
    }

    /// Whether the file says it is a workshop session.
    pub fn is_session(&self) -> bool {
        self.file.kind.is_some()
    }

    pub fn source(&self) -> &Source {
        &self.source
    }

    /// How many answers the file holds, valid or not.
    pub fn answer_count(&self) -> usize {
        self.file.answers.len()
    }

    /// Version of the questionnaire the file was answered with.
    pub fn questionnaire_version(&self) -> &str {
        &self.file.questionnaire_version
    }

    /// Id of the questionnaire the file was answered with.
    pub fn questionnaire_id(&self) -> &str {
        self.file.questionnaire.get_ref()
    }

    pub fn language(&self) -> Option<&str> {
        self.file.language.as_deref()
    }

    /// Checks every answer against `questionnaire`. Returns the answers and warnings
    /// (such as a different questionnaire version), or every error found.
    ///
    /// A file made for another version of the questionnaire that answers questions this
    /// version no longer has gets one error naming them all, pointing to
    /// `cxm assess --answers FILE`, which carries the rest over ([`Parsed::upgrade`]).
    pub fn resolve(
        &self,
        questionnaire: &Questionnaire,
    ) -> Result<(Answers, Vec<Diagnostic>), Invalid> {
        self.check(questionnaire, false)
            .map(|(answers, warnings, _)| (answers, warnings))
    }

    /// Like [`Parsed::resolve`], but a file made for another version of the
    /// questionnaire is carried over to this one: answers to questions that are gone, or
    /// whose option no longer exists, are dropped and returned by id, to be asked anew.
    pub fn upgrade(
        &self,
        questionnaire: &Questionnaire,
    ) -> Result<(Answers, Vec<Diagnostic>, Vec<String>), Invalid> {
        self.check(questionnaire, true)
    }

    fn check(
        &self,
        questionnaire: &Questionnaire,
        upgrade: bool,
    ) -> Result<(Answers, Vec<Diagnostic>, Vec<String>), Invalid> {
        let src = &self.source;
        let f = &self.file;
        let mut errors = Problems::default();
        self.early.iter().cloned().for_each(|d| errors.push(d));
        let mut warnings = Vec::new();

        if f.questionnaire.get_ref() != &questionnaire.id {
            // Every answer would be "unknown question" too; this one error is the news.
            return Err(Invalid {
                kind: "answers file",
                file: src.name.clone(),
                errors: vec![src.error(
                    f.questionnaire.span(),
                    format!(
                        "this file answers questionnaire `{}`, but the questionnaire used is `{}`; \
                     pass the matching one with `--questionnaire`",
                        f.questionnaire.get_ref(),
                        questionnaire.id
                    ),
                )],
                omitted: 0,
            });
        }
        let other_version = f.questionnaire_version != questionnaire.version;
        if other_version && !upgrade {
            warnings.push(src.file_warning(format!(
                "{} was answered with version {} of questionnaire `{}`, scored with version {}; \
                 questions may have changed",
                src.name, f.questionnaire_version, questionnaire.id, questionnaire.version
            )));
        }
        // Answers a newer version cannot take: (key span, id). With `upgrade` they are
        // dropped; otherwise they make one error that names them all.
        let mut stale: Vec<(std::ops::Range<usize>, String)> = Vec::new();

        let date = match &f.date {
            None => None,
            Some(d) => match d.get_ref() {
                toml::Value::String(s) => Some(printable(s)),
                toml::Value::Datetime(d) => Some(d.to_string()),
                other => {
                    errors.push(src.error(
                        d.span(),
                        format!(
                            "date: {} is not a date; write it as \"2026-11-23\"",
                            describe(other)
                        ),
                    ));
                    None
                }
            },
        };

        let top = questionnaire.top_level();
        let target_stage = match &f.target_stage {
            None => None,
            Some(t) => {
                let found = match t.get_ref() {
                    RawAnswer::Value(toml::Value::Integer(n)) => u32::try_from(*n)
                        .ok()
                        .and_then(|level| questionnaire.stage(level)),
                    RawAnswer::Value(toml::Value::String(s)) => questionnaire.find_stage(s),
                    _ => None,
                };
                if found.is_none() {
                    let shown = match t.get_ref() {
                        RawAnswer::Value(v) => describe(v),
                        RawAnswer::Huge(n) => n.clone(),
                    };
                    errors.push(src.error(
                        t.span(),
                        format!(
                            "target_stage {shown} is not a stage; use a level from 1 to {top} \
                             or a stage id, e.g. `target_stage = {top}`"
                        ),
                    ));
                }
                found.map(|s| s.level)
            }
        };

        let ids = || questionnaire.questions.iter().map(|q| q.id.as_str());
        // Only the problems shown get a suggestion: comparing thousands of wrong ids
        // with thousands of questions would take long for lines nobody sees.
        let suggested = std::cell::Cell::new(0);
        let unknown_id = |id: &str| {
            let near = (suggested.get() < MAX_SHOWN)
                .then(|| {
                    suggested.set(suggested.get() + 1);
                    closest(id, ids())
                })
                .flatten();
            let hint = match near {
                Some(near) => format!("did you mean `{near}`?"),
                None => format!(
                    "run `{} score` with the questionnaire this file was made for, or remove the \
                     line",
                    program()
                ),
            };
            format!(
                "question `{id}` is not in questionnaire `{}`; {hint}",
                questionnaire.id
            )
        };

        let mut answers = BTreeMap::new();
        // In file order, so the problems shown first are the ones with suggestions.
        let mut in_order: Vec<_> = f.answers.iter().collect();
        in_order.sort_by_key(|(key, _)| key.span().start);
        for (key, value) in in_order {
            let id = key.get_ref();
            let Some(question) = questionnaire.question(id) else {
                if other_version {
                    stale.push((key.span(), id.clone()));
                } else {
                    errors.push(src.error(key.span(), unknown_id(id)));
                }
                continue;
            };
            let answer = match read_answer(src, question, value, &format!("question `{id}`"), id) {
                Ok(a) => Some(a),
                Err((_, true)) if other_version && upgrade => {
                    stale.push((key.span(), id.clone()));
                    None
                }
                Err((d, _)) => {
                    errors.push(d);
                    None
                }
            };
            if let Some(a) = answer {
                answers.insert(id.clone(), a);
            }
        }

        let mut notes = BTreeMap::new();
        for (key, note) in &f.notes {
            let id = key.get_ref();
            if questionnaire.question(id).is_none() {
                // A note for a question that is gone goes with its answer.
                if !other_version {
                    errors.push(src.error(key.span(), format!("note for {}", unknown_id(id))));
                }
            } else {
                match note.get_ref() {
                    RawAnswer::Value(toml::Value::String(text)) => {
                        notes.insert(id.clone(), printable(text));
                    }
                    other => {
                        let shown = match other {
                            RawAnswer::Value(v) => describe(v),
                            RawAnswer::Huge(n) => n.clone(),
                        };
                        errors.push(src.error(
                            note.span(),
                            format!(
                                "note for question `{id}`: {shown} is not a text; write the note \
                                 in quotes"
                            ),
                        ));
                    }
                }
            }
        }

        let workshop = match &f.kind {
            None => {
                // Votes or participants without `kind`: a session that lost its first
                // lines, or keys copied in by hand.
                let stray = f
                    .participants
                    .as_ref()
                    .map(Spanned::span)
                    .or_else(|| f.votes.keys().next().map(Spanned::span));
                if let Some(span) = stray {
                    errors.push(src.error(
                        span,
                        format!(
                            "participants and votes belong in a workshop session file; add \
                             `kind = \"{}\"` at the top, or remove them",
                            session::KIND
                        ),
                    ));
                }
                None
            }
            Some(kind) if kind.get_ref() != session::KIND => {
                errors.push(src.error(
                    kind.span(),
                    format!(
                        "kind {:?} is not a kind of file cxm reads; a workshop session has \
                         `kind = \"{}\"`, an answers file no `kind`",
                        printable(kind.get_ref()),
                        session::KIND
                    ),
                ));
                None
            }
            Some(_) => match &f.participants {
                None => {
                    errors.push(src.file_error(
                        "this workshop session names no participants; add them at the top, \
                         e.g. `participants = [\"Anna\", \"Ben\"]`",
                    ));
                    None
                }
                Some(names) => match session::check_participants(names.get_ref()) {
                    Err(message) => {
                        errors.push(src.error(names.span(), format!("participants: {message}")));
                        None
                    }
                    Ok(()) => {
                        let mut workshop = Workshop::new(names.get_ref().clone());
                        for (key, rounds) in &f.votes {
                            let id = key.get_ref();
                            let Some(question) = questionnaire.question(id) else {
                                // Votes on a question that is gone go with its answer.
                                if !other_version {
                                    errors.push(
                                        src.error(key.span(), format!("votes: {}", unknown_id(id))),
                                    );
                                }
                                continue;
                            };
                            let mut read = Vec::new();
                            // Votes for an option this version no longer has.
                            let mut outdated = false;
                            for round in rounds {
                                let mut votes = vec![None; workshop.participants.len()];
                                for (name, value) in round {
                                    let name_ref = name.get_ref();
                                    let Some(who) =
                                        workshop.participants.iter().position(|p| p == name_ref)
                                    else {
                                        let hint = closest(
                                            name_ref,
                                            workshop.participants.iter().map(String::as_str),
                                        )
                                        .map_or(String::new(), |n| {
                                            format!(" (did you mean `{n}`?)")
                                        });
                                        errors.push(src.error(
                                            name.span(),
                                            format!(
                                                "`{}` voted on question `{id}` but is not among \
                                                 the participants{hint}; participants are {}",
                                                printable(name_ref),
                                                list(workshop.participants.iter())
                                            ),
                                        ));
                                        continue;
                                    };
                                    let subject = format!(
                                        "{}'s vote on question `{id}`",
                                        printable(name_ref)
                                    );
                                    match read_answer(
                                        src,
                                        question,
                                        value,
                                        &subject,
                                        &bare_key(name_ref),
                                    ) {
                                        Ok(a) => votes[who] = Some(a),
                                        Err((_, true)) if other_version => outdated = true,
                                        Err((d, _)) => errors.push(d),
                                    }
                                }
                                // A round nobody voted in (yet) is no round.
                                if votes.iter().any(Option::is_some) {
                                    read.push(votes);
                                }
                            }
                            if !outdated && !read.is_empty() {
                                workshop.votes.insert(id.clone(), read);
                            }
                        }
                        Some(workshop)
                    }
                },
            },
        };

        stale.sort_by_key(|(span, _)| span.start);
        if !stale.is_empty() && !upgrade {
            let ids: Vec<&str> = stale.iter().map(|(_, id)| id.as_str()).collect();
            errors.push(src.error(
                stale[0].0.clone(),
                format!(
                    "this file was answered with version {} of questionnaire `{}` and has {} for \
                     questions that version {} no longer has: {}; re-answer with `{} assess \
                     --answers {}`, which keeps the answers that still apply and asks only the \
                     new questions",
                    f.questionnaire_version,
                    questionnaire.id,
                    count(ids.len(), "answer"),
                    questionnaire.version,
                    list(ids.iter().copied()),
                    program(),
                    shell_word(&src.name)
                ),
            ));
        }
        if !errors.is_empty() {
            errors.shown.sort_by_key(|d| d.position);
            return Err(Invalid {
                kind: self.noun(),
                file: src.name.clone(),
                errors: errors.shown,
                omitted: errors.omitted,
            });
        }
        let dropped: Vec<String> = stale.into_iter().map(|(_, id)| id).collect();
        for id in &dropped {
            notes.remove(id);
        }
        let answers = Answers {
            questionnaire: f.questionnaire.get_ref().clone(),
            questionnaire_version: if upgrade {
                questionnaire.version.clone()
            } else {
                printable(&f.questionnaire_version)
            },
            language: f.language.as_deref().map(printable),
            organisation: f.organisation.as_deref().map(printable),
            respondent: f.respondent.as_deref().map(printable),
            date,
            target_stage,
            answers,
            notes,
            workshop,
        };
        Ok((answers, warnings, dropped))
    }
}

/// Reads `value` as an answer to `question`; `subject` names it in messages
/// (``question `web-shop` ``) and `key` is the key it is written under. A wrong one
/// is an error, with `true` when it is a stage the question has no option for.
fn read_answer(
    src: &Source,
    question: &Question,
    value: &Spanned<RawAnswer>,
    subject: &str,
    key: &str,
) -> Result<Answer, (Diagnostic, bool)> {
    let valid = || {
        let stages: Vec<String> = question
            .options
            .iter()
            .map(|o| o.stage.to_string())
            .collect();
        format!(
            "{}, \"{}\" or \"{}\"",
            stages.join(", "),
            Answer::NOT_APPLICABLE,
            Answer::UNKNOWN
        )
    };
    let no_option = |n: &dyn fmt::Display| {
        let message = format!(
            "{subject} has no option for stage {n}; answer one of {}",
            valid()
        );
        (src.error(value.span(), message), true)
    };
    let value_ref = match value.get_ref() {
        RawAnswer::Value(v) => v,
        // A whole number too large for TOML is as wrong as any other stage.
        RawAnswer::Huge(n) => return Err(no_option(n)),
    };
    match value_ref {
        toml::Value::Integer(n) => match u32::try_from(*n) {
            Ok(s) if question.options.iter().any(|o| o.stage == s) => Ok(Answer::Stage(s)),
            _ => Err(no_option(n)),
        },
        toml::Value::String(s) if s == Answer::NOT_APPLICABLE => Ok(Answer::NotApplicable),
        toml::Value::String(s) if s == Answer::UNKNOWN => Ok(Answer::Unknown),
        toml::Value::String(s) if s.trim().parse::<u32>().is_ok() => Err((
            src.error(
                value.span(),
                format!(
                    "{subject}: the text \"{s}\" is not an answer; write a stage without quotes, \
                     e.g. `{key} = {}`",
                    s.trim()
                ),
            ),
            false,
        )),
        other => Err((
            src.error(
                value.span(),
                format!(
                    "{subject}: {} is not an answer; answer one of {}",
                    describe(other),
                    valid()
                ),
            ),
            false,
        )),
    }
}

/// An answer as written: any TOML value, or a whole number too large for TOML to hold
/// (kept as its digits, so it gets the same message as any stage that is not an
/// option).
#[derive(Debug)]
pub enum RawAnswer {
    Value(toml::Value),
    Huge(String),
}

impl<'de> Deserialize<'de> for RawAnswer {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        use serde::de::value::{MapAccessDeserializer, SeqAccessDeserializer};
        use serde::de::{MapAccess, SeqAccess, Visitor};

        struct Any;
        impl<'de> Visitor<'de> for Any {
            type Value = RawAnswer;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an answer")
            }
            fn visit_bool<E>(self, b: bool) -> Result<RawAnswer, E> {
                Ok(RawAnswer::Value(toml::Value::Boolean(b)))
            }
            fn visit_i64<E>(self, n: i64) -> Result<RawAnswer, E> {
                Ok(RawAnswer::Value(toml::Value::Integer(n)))
            }
            fn visit_u64<E>(self, n: u64) -> Result<RawAnswer, E> {
                Ok(i64::try_from(n).map_or_else(
                    |_| RawAnswer::Huge(n.to_string()),
                    |n| RawAnswer::Value(toml::Value::Integer(n)),
                ))
            }
            fn visit_i128<E>(self, n: i128) -> Result<RawAnswer, E> {
                Ok(RawAnswer::Huge(n.to_string()))
            }
            fn visit_u128<E>(self, n: u128) -> Result<RawAnswer, E> {
                Ok(RawAnswer::Huge(n.to_string()))
            }
            fn visit_f64<E>(self, x: f64) -> Result<RawAnswer, E> {
                Ok(RawAnswer::Value(toml::Value::Float(x)))
            }
            fn visit_str<E>(self, s: &str) -> Result<RawAnswer, E> {
                Ok(RawAnswer::Value(toml::Value::String(s.to_string())))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<RawAnswer, A::Error> {
                toml::Value::deserialize(SeqAccessDeserializer::new(seq)).map(RawAnswer::Value)
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<RawAnswer, A::Error> {
                toml::Value::deserialize(MapAccessDeserializer::new(map)).map(RawAnswer::Value)
            }
        }
        deserializer.deserialize_any(Any)
    }
}

/// `name` as a shell word for a command to copy: `FILE` for standard input, quoted
/// when it holds anything but plain path characters.
fn shell_word(name: &str) -> String {
    if name.starts_with('<') {
        "FILE".into()
    } else {
        crate::invocation::shell_quote(std::path::Path::new(name))
    }
}

fn describe(value: &toml::Value) -> String {
    match value {
        toml::Value::String(s) => format!("the text \"{s}\""),
        toml::Value::Float(x) => format!("the decimal number {x:?}"),
        toml::Value::Boolean(b) => format!("`{b}`"),
        toml::Value::Integer(n) => format!("{n}"),
        toml::Value::Array(_) => "an array".to_string(),
        toml::Value::Table(_) => "a table".to_string(),
        toml::Value::Datetime(d) => format!("the date {d}"),
    }
}

impl Answers {
    /// A new, empty answers file for `questionnaire`.
    pub fn new(questionnaire: &Questionnaire) -> Answers {
        Answers {
            questionnaire: questionnaire.id.clone(),
            questionnaire_version: questionnaire.version.clone(),
            language: Some(questionnaire.language.clone()),
            ..Answers::default()
        }
    }

    /// Whether every question has a stage or "n/a".
    pub fn is_complete(&self, questionnaire: &Questionnaire) -> bool {
        questionnaire.questions.iter().all(|q| {
            matches!(
                self.answers.get(&q.id),
                Some(Answer::Stage(_) | Answer::NotApplicable)
            )
        })
    }

    /// The file's text: header, then answers and notes in the questionnaire's order.
    pub fn to_toml(&self, questionnaire: &Questionnaire) -> String {
        let mut out = String::new();
        let mut line = |key: &str, value: String| {
            out.push_str(key);
            out.push_str(" = ");
            out.push_str(&value);
            out.push('\n');
        };
        line("format", FORMAT.to_string());
        if self.workshop.is_some() {
            line("kind", quote(session::KIND));
        }
        line("questionnaire", quote(&self.questionnaire));
        line("questionnaire_version", quote(&self.questionnaire_version));
        let optional = [
            ("language", &self.language),
            ("organisation", &self.organisation),
            ("respondent", &self.respondent),
            ("date", &self.date),
        ];
        for (key, value) in optional {
            if let Some(v) = value {
                line(key, quote(v));
            }
        }
        if let Some(t) = self.target_stage {
            line("target_stage", t.to_string());
        }
        if let Some(w) = &self.workshop {
            let names: Vec<String> = w.participants.iter().map(|n| quote(n)).collect();
            line("participants", format!("[{}]", names.join(", ")));
        }

        // Questions the questionnaire knows, in its order; ids are kebab-case and so
        // bare keys. Anything else (impossible after `resolve`) is kept, quoted.
        let position: std::collections::HashMap<&str, usize> = questionnaire
            .questions
            .iter()
            .enumerate()
            .map(|(i, q)| (q.id.as_str(), i))
            .collect();
        let ordered = |map_keys: Vec<&String>| -> Vec<String> {
            let mut keys: Vec<String> = map_keys.into_iter().cloned().collect();
            keys.sort_by_key(|k| position.get(k.as_str()).copied().unwrap_or(usize::MAX));
            keys
        };
        out.push_str("\n[answers]\n");
        for id in ordered(self.answers.keys().collect()) {
            let value = match self.answers[&id] {
                Answer::Stage(s) => s.to_string(),
                other => quote(&other.to_string()),
            };
            out.push_str(&format!("{} = {value}\n", key(&id)));
        }
        if !self.notes.is_empty() {
            out.push_str("\n[notes]\n");
            for id in ordered(self.notes.keys().collect()) {
                out.push_str(&format!("{} = {}\n", key(&id), quote(&self.notes[&id])));
            }
        }
        if let Some(w) = self.workshop.as_ref().filter(|w| !w.votes.is_empty()) {
            // One round per line: a room's rounds read like a table in a diff.
            out.push_str("\n[votes]\n");
            for id in ordered(w.votes.keys().collect()) {
                out.push_str(&format!("{} = [\n", key(&id)));
                for round in &w.votes[&id] {
                    let votes: Vec<String> = w
                        .participants
                        .iter()
                        .zip(round)
                        .filter_map(|(name, vote)| {
                            let value = match (*vote)? {
                                Answer::Stage(s) => s.to_string(),
                                other => quote(&other.to_string()),
                            };
                            Some(format!("{} = {value}", bare_key(name)))
                        })
                        .collect();
                    out.push_str(&format!("  {{ {} }},\n", votes.join(", ")));
                }
                out.push_str("]\n");
            }
        }
        out
    }
}

/// A TOML basic string with every needed escape.
fn quote(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

/// `name` as a TOML key: bare when it may be, else quoted.
fn bare_key(name: &str) -> String {
    if !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
    {
        name.to_string()
    } else {
        quote(name)
    }
}

fn key(id: &str) -> String {
    if is_kebab_case(id) {
        id.to_string()
    } else {
        quote(id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bundled;

    fn cx() -> Questionnaire {
        bundled::find(bundled::DEFAULT_ID, None).expect("bundled questionnaire")
    }

    /// Loads an answers file for the bundled questionnaire: its header, then `rest`.
    fn load(rest: &str) -> Result<Answers, Invalid> {
        let text = format!(
            "format = 1\nquestionnaire = \"cx-maturity\"\nquestionnaire_version = \"1.0.0\"\n{rest}"
        );
        Parsed::parse(Source::new("a.toml", text))?
            .resolve(&cx())
            .map(|(answers, _)| answers)
    }

    #[test]
    fn written_file_reads_back_the_same() {
        let q = cx();
        let mut a = Answers::new(&q);
        a.organisation = Some("ACME \"Quotes\" \\ GmbH".into());
        a.respondent = Some("Zoë".into());
        a.date = Some("2026-11-23".into());
        a.target_stage = Some(4);
        a.answers
            .insert(q.questions[0].id.clone(), Answer::Stage(2));
        a.answers
            .insert(q.questions[1].id.clone(), Answer::NotApplicable);
        a.answers.insert(q.questions[2].id.clone(), Answer::Unknown);
        a.notes
            .insert(q.questions[0].id.clone(), "line one\nline two".into());
        let text = a.to_toml(&q);
        let parsed = Parsed::parse(Source::new("a.toml", text)).expect("parses");
        let (back, warnings) = parsed.resolve(&q).expect("resolves");
        assert!(warnings.is_empty());
        assert_eq!(back, a);
    }

    #[test]
    fn answers_are_written_in_questionnaire_order() {
        let q = cx();
        let mut a = Answers::new(&q);
        let order = q.questions_in_order();
        for question in order.iter().rev() {
            a.answers.insert(question.id.clone(), Answer::Stage(1));
        }
        let text = a.to_toml(&q);
        let positions: Vec<usize> = q
            .questions
            .iter()
            .map(|question| {
                text.find(&format!("\n{} = ", question.id))
                    .expect("written")
            })
            .collect();
        assert!(positions.windows(2).all(|w| w[0] < w[1]), "{text}");
    }

    #[test]
    fn complete_means_stage_or_na_everywhere() {
        let q = cx();
        let mut a = Answers::new(&q);
        for question in &q.questions {
            a.answers.insert(question.id.clone(), Answer::NotApplicable);
        }
        assert!(a.is_complete(&q));
        a.answers.insert(q.questions[0].id.clone(), Answer::Unknown);
        assert!(!a.is_complete(&q));
        a.answers.remove(&q.questions[0].id);
        assert!(!a.is_complete(&q));
    }

    #[test]
    fn unquoted_toml_date_is_accepted() {
        let a = load("date = 2026-11-23\n").expect("valid");
        assert_eq!(a.date.as_deref(), Some("2026-11-23"));
    }

    #[test]
    fn a_date_of_another_type_is_an_error() {
        let err = load("date = [1, 2]\n").expect_err("rejected");
        assert_eq!(
            err.to_string(),
            "invalid answers file a.toml:4:8: date: an array is not a date; write it as \"2026-11-23\""
        );
    }

    #[test]
    fn control_characters_are_dropped_from_free_text() {
        let a = load("organisation = \"\\u001b[31mRED\\u0007\"\n").expect("valid");
        assert_eq!(a.organisation.as_deref(), Some("[31mRED"));
    }
}
