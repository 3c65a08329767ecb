//! `cxm workshop`: the questionnaire with a room of people at one screen.
//!
//! Finds or creates the session file, asks for the organisation and the participants,
//! runs the questions ([`flow`]) on the terminal ([`keys`]), saving atomically after
//! every vote, and ends with the report of the agreed answers and the discussion list.
//! It writes nothing but the session file.

pub mod flow;
pub mod keys;

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};

use crate::answers::{Answers, Parsed};
use crate::assess::walk::{self, Outcome, Reply, SelectPrompt};
use crate::assess::{check_writable, lock, lock_and_recover, questionnaire_flag, today};
use crate::bundled::{self, QuestionnaireOrigin};
use crate::cli::WorkshopArgs;
use crate::commands::{score::read_answers, stdout_look};
use crate::exit_codes::ExitCode;
use crate::i18n::Lang;
use crate::invocation::{program, shell_quote};
use crate::output::{Access, Existing, print, write_with};
use crate::questionnaire::Questionnaire;
use crate::report::{self, Format};
use crate::session::{self, Workshop};
use crate::t;
use flow::Room;

/// The error for a run without a terminal.
pub fn no_terminal() -> String {
    format!(
        "cxm workshop needs an interactive terminal; to report a saved session run: {} score \
         SESSION",
        program()
    )
}

pub fn run(args: WorkshopArgs) -> anyhow::Result<ExitCode> {
    // Arguments first: a wrong flag is the news, not the terminal.
    let participants = args
        .participants
        .as_deref()
        .map(session::parse_participants)
        .transpose()
        .map_err(|m| anyhow::anyhow!("--participants: {m}"))?;
    if let Some(path) = args.session.as_ref().filter(|p| p.exists()) {
        read_session(path, &args, program())?;
    } else {
        bundled::resolve(
            args.questionnaire.as_deref(),
            bundled::DEFAULT_ID,
            args.lang.as_deref(),
        )?;
    }
    if !std::io::stdin().is_terminal() || !std::io::stderr().is_terminal() {
        bail!(no_terminal());
    }
    if let Ok(mut message) = keys::ON_SIGNAL.lock() {
        // Until the session file exists; then where it is.
        let lang = Lang::of(
            &args
                .lang
                .clone()
                .or_else(crate::i18n::env_language)
                .unwrap_or_default(),
        );
        *message = t!(
            lang,
            "workshop-on-signal-nothing-saved",
            signal = "{signal}"
        );
    }
    keys::stop_on_signals()?;
    run_with(
        args,
        participants,
        &mut keys::Terminal::default(),
        &today(),
        program(),
    )
}

/// The whole command with the terminal and the date passed in, so tests can drive it.
pub fn run_with(
    args: WorkshopArgs,
    participants: Option<Vec<String>>,
    room: &mut dyn Room,
    today: &str,
    program: &str,
) -> anyhow::Result<ExitCode> {
    let lang = args.lang.as_deref();
    // The room's words before the questionnaire is read: the one it will likely be.
    let early = Lang::of(
        &lang
            .map(str::to_string)
            .or_else(crate::i18n::env_language)
            .unwrap_or_default(),
    );
    // One cxm at a time per session file: two would save over each other's votes. A
    // copy a kill during the first save left is offered back, as in `assess`.
    let Some(held) = lock_and_recover(args.session.as_deref(), room, early)? else {
        return Ok(ExitCode::Interrupted);
    };
    let existing = args.session.as_ref().filter(|p| p.exists());
    let (questionnaire, origin, mut answers) = match existing {
        Some(path) => read_session(path, &args, program)?,
        None => {
            let (q, origin) =
                bundled::resolve(args.questionnaire.as_deref(), bundled::DEFAULT_ID, lang)?;
            let mut answers = Answers::new(&q);
            answers.date = Some(today.to_string());
            (q, origin, answers)
        }
    };
    let ui = Lang::of(&questionnaire.language);
    room.set_language(ui);
    if let (Some(given), Some(w)) = (&participants, &answers.workshop)
        && *given != w.participants
    {
        bail!(
            "--participants {} differs from the session's participants ({}); leave it out to \
             resume, or start a new session with another --session file",
            given.join(", "),
            w.participants.join(", ")
        );
    }
    if let Some(o) = &args.organisation {
        answers.organisation = crate::diagnostic::clean_name(o);
    }
    check_writable(
        args.session
            .as_deref()
            .unwrap_or(Path::new("./session.toml")),
    )?;

    if existing.is_none() {
        room.say(&intro(&questionnaire, args.session.as_deref()));
        if flow::ask_organisation(room, &mut answers, ui)? == Outcome::Interrupted {
            room.say(&t!(ui, "workshop-nothing-saved"));
            return Ok(ExitCode::Interrupted);
        }
        let names = match participants {
            Some(names) => names,
            None => match flow::ask_participants(room, ui)? {
                Some(names) => names,
                None => {
                    room.say(&t!(ui, "workshop-nothing-saved"));
                    return Ok(ExitCode::Interrupted);
                }
            },
        };
        answers.workshop = Some(Workshop::new(names));
    }
    let path = match existing {
        Some(p) => p.clone(),
        None => args
            .session
            .clone()
            .unwrap_or_else(|| default_path(Path::new(""), answers.organisation.as_deref(), today)),
    };
    let _lock = match held {
        Some(held) => held,
        None => lock(&path)?,
    };
    let resume = format!(
        "{program} workshop --session {}{}",
        shell_quote(&path),
        questionnaire_flag(&origin)
    );
    if let Ok(mut message) = keys::ON_SIGNAL.lock() {
        *message = t!(
            ui,
            "workshop-on-signal",
            // Filled in by the handler with the signal's name.
            signal = "{signal}",
            path = path.display().to_string(),
            // On a line of its own, like every command `cxm` prints.
            command =
                crate::assess::prompt::command_lines(&resume, crate::commands::terminal_width())
        );
    }

    // The first write to a new file must not replace one that appeared meanwhile.
    let mut existing_file = if existing.is_some() {
        Existing::Replace
    } else {
        Existing::Keep
    };
    let mut save = |a: &Answers| -> anyhow::Result<()> {
        let _saving = keys::SAVING.lock();
        write_with(
            &path,
            a.to_toml(&questionnaire).as_bytes(),
            existing_file,
            Access::Private,
        )
        .with_context(|| format!("could not save the session to {}", path.display()))?;
        existing_file = Existing::Replace;
        Ok(())
    };
    if existing.is_none() {
        // The room is saved before the first vote, so it can be resumed from the start.
        save(&answers)?;
    }

    let start = match flow::first_open(&questionnaire, &answers) {
        Some(at) => {
            if existing.is_some() {
                room.say(&t!(
                    ui,
                    "workshop-resuming",
                    path = path.display().to_string(),
                    agreed = answers.answers.len(),
                    questions = questionnaire.questions.len()
                ));
            }
            Some(at)
        }
        None => {
            let choice = SelectPrompt {
                message: t!(ui, "workshop-all-agreed", path = path.display().to_string()),
                options: vec![t!(ui, "assess-show-report"), t!(ui, "workshop-go-through")],
                start: 0,
                help: t!(ui, "workshop-go-through-help"),
            };
            match room.select(&choice)? {
                Reply::Interrupted => {
                    room.say(&t!(
                        ui,
                        "assess-stopped-unchanged",
                        path = path.display().to_string()
                    ));
                    return Ok(ExitCode::Interrupted);
                }
                Reply::Value(1) => Some(0),
                Reply::Value(_) | Reply::Back => None,
            }
        }
    };

    if let Some(start) = start {
        let mut outcome = flow::run(
            &questionnaire,
            &mut answers,
            start,
            args.open_votes,
            room,
            &mut save,
        )?;
        if outcome == Outcome::Finished {
            outcome = walk::finish_with_target(&questionnaire, &mut answers, room, &mut save)?;
        }
        if outcome == Outcome::Interrupted {
            room.say(&format!(
                "\n{}",
                t!(
                    ui,
                    "workshop-stopped",
                    agreed = answers.answers.len(),
                    questions = questionnaire.questions.len(),
                    path = path.display().to_string()
                )
            ));
            room.say_command(&resume);
            return Ok(ExitCode::Interrupted);
        }
    }

    let report = session::report(&questionnaire, &answers);
    room.say("");
    print(&report::render(
        &report,
        Format::Table,
        stdout_look(),
        None,
    )?)?;
    room.say(&crate::assess::summary(&report));
    room.say(&t!(ui, "workshop-saved", path = path.display().to_string()));
    room.say_command(&format!(
        "{program} score {}{} --format html -o report.html",
        shell_quote(&path),
        questionnaire_flag(&origin)
    ));
    Ok(ExitCode::Success)
}

/// Reads the session to resume at `path`: a session file, of the questionnaire and
/// version it was started with, every vote valid.
fn read_session(
    path: &Path,
    args: &WorkshopArgs,
    program: &str,
) -> anyhow::Result<(Questionnaire, QuestionnaireOrigin, Answers)> {
    let parsed = Parsed::parse(read_answers(&path.display().to_string())?)?;
    if !parsed.is_session() {
        bail!(not_a_session(path, program));
    }
    let (q, origin) = bundled::resolve(
        args.questionnaire.as_deref(),
        parsed.questionnaire_id(),
        args.lang.as_deref().or(parsed.language()),
    )?;
    // Carrying votes to another version would drop those of changed questions; a
    // room's votes are kept as they were cast.
    if parsed.questionnaire_version() != q.version {
        bail!(
            "{} was started with version {} of questionnaire `{}`, this is version {}; finish \
             it with the questionnaire it was started with (--questionnaire FILE), or start a \
             new session",
            path.display(),
            parsed.questionnaire_version(),
            q.id,
            q.version
        );
    }
    let (answers, _) = parsed.resolve(&q)?;
    Ok((q, origin, answers))
}

/// The error for `--session` naming an answers file.
fn not_a_session(path: &Path, program: &str) -> String {
    format!(
        "{} is an answers file, not a workshop session; score it with `{program} score {}`, \
         or start a workshop with a new --session file",
        path.display(),
        shell_quote(path)
    )
}

fn intro(q: &Questionnaire, path: Option<&Path>) -> String {
    let lang = Lang::of(&q.language);
    let saved_in = path.map_or_else(
        || t!(lang, "assess-intro-new-file"),
        |p| p.display().to_string(),
    );
    format!(
        "{}\n\n{}\n",
        t!(lang, "workshop-intro-title", title = q.title.as_str()),
        t!(
            lang,
            "workshop-intro",
            questions = q.questions.len(),
            parts = q.dimensions.len(),
            saved_in = saved_in
        )
    )
}

/// A new file in `dir` named after the organisation (or `cx`) and the date, numbered
/// so it never replaces an existing file.
fn default_path(dir: &Path, organisation: Option<&str>, today: &str) -> PathBuf {
    let slug = organisation
        .map(crate::assess::slug)
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "cx".to_string());
    let stem = format!("{slug}-workshop-{today}");
    let mut candidate = dir.join(format!("{stem}.toml"));
    let mut n = 2;
    // As in `assess`: a name with a copy a killed first save left is taken.
    while candidate.exists() || !crate::output::leftover_temps(&candidate).is_empty() {
        candidate = dir.join(format!("{stem}-{n}.toml"));
        n += 1;
    }
    candidate
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_path_names_the_organisation_and_never_reuses_a_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let first = default_path(dir.path(), Some("ACME GmbH"), "2026-11-24");
        assert_eq!(
            first.file_name().and_then(|n| n.to_str()),
            Some("acme-gmbh-workshop-2026-11-24.toml")
        );
        std::fs::write(&first, "").expect("write");
        let second = default_path(dir.path(), Some("ACME GmbH"), "2026-11-24");
        assert!(second.ends_with("acme-gmbh-workshop-2026-11-24-2.toml"));
        assert!(
            default_path(dir.path(), None, "2026-11-24").ends_with("cx-workshop-2026-11-24.toml")
        );
    }
}
