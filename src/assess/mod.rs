//! `cxm assess`: the interactive questionnaire for a manager at a terminal.
//!
//! Finds or creates the answers file, walks the questions ([`walk`]) on the terminal
//! ([`prompt`]), saves atomically after every answer, and ends with the report.

pub mod prompt;
pub mod walk;

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};

use crate::answers::{Answers, Parsed};
use crate::bundled::{self, QuestionnaireOrigin};
use crate::cli::AssessArgs;
use crate::commands::{score::read_answers, stdout_look};
use crate::exit_codes::ExitCode;
use crate::i18n::Lang;
use crate::invocation::{program, shell_quote};
use crate::output::{Access, Existing, print, write_with};
use crate::questionnaire::Questionnaire;
use crate::report::{self, Format};
use crate::score::score;
use crate::t;
use walk::{Ask, Outcome, Prompter, Reply, SelectPrompt};

/// Deals with temporary files a kill during a save left beside answers file `path`: a
/// newer copy that is a whole answers file is offered to keep; every other one is
/// removed, and the user is told, in `lang`.
pub(crate) fn recover_interrupted_save(
    path: &Path,
    prompter: &mut dyn Prompter,
    lang: Lang,
) -> anyhow::Result<Outcome> {
    let leftovers = crate::output::leftover_temps(path);
    if leftovers.is_empty() {
        return Ok(Outcome::Finished);
    }
    let modified = |p: &Path| std::fs::metadata(p).and_then(|m| m.modified()).ok();
    // A kill during the very first save leaves a copy and no file at all.
    let exists = path.exists();
    let current = if exists {
        Parsed::parse(read_answers(&path.display().to_string())?).ok()
    } else {
        None
    };
    // The newest leftover that parses and is newer than the file (any, without one).
    let newer = leftovers.iter().rev().find_map(|temp| {
        let parsed = Parsed::parse(read_answers(&temp.display().to_string()).ok()?).ok()?;
        (!exists || modified(temp)? > modified(path)?).then_some((temp, parsed.answer_count()))
    });
    let mut kept = None;
    if let Some((temp, count)) = newer {
        let shown = path.display().to_string();
        let (message, other) = if exists {
            (
                t!(
                    lang,
                    "assess-newer-copy",
                    path = shown.as_str(),
                    copy = count,
                    file = current.as_ref().map_or(0, Parsed::answer_count)
                ),
                t!(lang, "assess-keep-file", path = shown.as_str()),
            )
        } else {
            (
                t!(
                    lang,
                    "assess-first-save-copy",
                    path = shown.as_str(),
                    copy = count
                ),
                t!(lang, "assess-start-afresh"),
            )
        };
        let choice = SelectPrompt {
            message,
            options: vec![t!(lang, "assess-keep-newer-copy"), other],
            start: 0,
            help: t!(lang, "assess-other-removed"),
        };
        let keep = match prompter.select(&choice)? {
            Reply::Interrupted => return Ok(Outcome::Interrupted),
            Reply::Value(choice) => choice == 0,
            // Without a file the copy is all there is: Esc keeps it, as nothing may be
            // lost but by choice. With one, Esc keeps the file as it is.
            Reply::Back => !exists,
        };
        if keep {
            std::fs::rename(temp, path)
                .with_context(|| format!("could not keep the newer copy of {}", path.display()))?;
            kept = Some(temp.clone());
        }
    }
    let removed: Vec<&std::path::PathBuf> = leftovers
        .iter()
        .filter(|t| Some(*t) != kept.as_ref())
        .collect();
    for temp in &removed {
        let _ = std::fs::remove_file(temp);
    }
    if !removed.is_empty() {
        prompter.say(&t!(
            lang,
            "assess-removed-temporary",
            files = removed.len(),
            path = path.display().to_string()
        ));
    }
    Ok(Outcome::Finished)
}

/// Checks that answers can be saved at `path` (existing or not) as a save would: through
/// a link to its target, into a writable directory, over a file that may be written.
pub(crate) fn check_writable(path: &Path) -> anyhow::Result<()> {
    let target = match std::fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_symlink() => path.canonicalize().with_context(|| {
            format!(
                "cannot save answers to {}: it is a link that leads nowhere (to a missing file, \
                 or in a loop); pass --answers with a real file",
                path.display()
            )
        })?,
        _ => path.to_path_buf(),
    };
    if let Ok(meta) = std::fs::metadata(&target) {
        if !meta.is_file() {
            bail!(
                "cannot save answers to {}: it is not a regular file; pass --answers with a file",
                path.display()
            );
        }
        if meta.permissions().readonly() {
            bail!(
                "cannot save answers to {}: the file is read-only; make it writable or pass \
                 --answers with another file",
                path.display()
            );
        }
    }
    let dir = crate::output::folder_of(&target);
    tempfile::tempfile_in(dir).with_context(|| {
        format!(
            "cannot save answers in {}; pass --answers with a path in a writable directory",
            dir.display()
        )
    })?;
    Ok(())
}

/// For an answers or session file named on the command line: takes its lock, when it
/// or a copy a kill during its first save left exists, and recovers an interrupted
/// save. `None` when the user stopped (said so); else the lock, if one was taken.
pub(crate) fn lock_and_recover(
    path: Option<&Path>,
    prompter: &mut dyn Prompter,
    lang: Lang,
) -> anyhow::Result<Option<Option<std::fs::File>>> {
    let Some(path) = path.filter(|p| p.exists() || !crate::output::leftover_temps(p).is_empty())
    else {
        return Ok(Some(None));
    };
    let held = lock(path)?;
    if recover_interrupted_save(path, prompter, lang)? == Outcome::Interrupted {
        let path = path.display().to_string();
        prompter.say(&t!(lang, "assess-stopped-unchanged", path = path));
        return Ok(None);
    }
    Ok(Some(Some(held)))
}

/// Takes the lock of answers file `path`: an exclusive advisory lock on a lock file
/// beside it (`.name.toml.lock`, kept, as removing it could let two runs in), held
/// until the returned file is dropped. The answers file itself cannot carry the lock:
/// each save replaces it with a new file.
pub(crate) fn lock(path: &Path) -> anyhow::Result<std::fs::File> {
    // Through a link, the file it leads to: two names for one file share one lock.
    let resolved = path.canonicalize().ok();
    let target = resolved.as_deref().unwrap_or(path);
    let name = target
        .file_name()
        .map_or("answers".into(), |n| n.to_string_lossy().into_owned());
    let lock_path = target.with_file_name(format!(".{name}.lock"));
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&lock_path)
        .with_context(|| format!("could not lock {} for this run", path.display()))?;
    match file.try_lock() {
        Ok(()) => Ok(file),
        Err(std::fs::TryLockError::WouldBlock) => bail!(
            "{} is open in another cxm; finish or stop that one first (two at once would \
             overwrite each other's changes)",
            path.display()
        ),
        Err(std::fs::TryLockError::Error(e)) => {
            Err(e).with_context(|| format!("could not lock {} for this run", path.display()))
        }
    }
}

/// Copies an answers file made for questionnaire version `version` to
/// `<stem>.v<version>.toml` beside it (or `…-2.toml` and so on: never over a file).
fn keep_old_version(path: &Path, text: &str, version: &str) -> anyhow::Result<PathBuf> {
    let stem = path
        .file_stem()
        .map_or("answers".into(), |s| s.to_string_lossy().into_owned());
    let safe: String = version
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '.' {
                c
            } else {
                '-'
            }
        })
        .collect();
    for n in 1..=1000 {
        let suffix = if n == 1 {
            String::new()
        } else {
            format!("-{n}")
        };
        let kept = path.with_file_name(format!("{stem}.v{safe}{suffix}.toml"));
        match write_with(&kept, text.as_bytes(), Existing::Keep, Access::Private) {
            Ok(()) => return Ok(kept),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => {
                return Err(e).with_context(|| {
                    format!(
                        "could not keep a copy of the old answers as {}",
                        kept.display()
                    )
                });
            }
        }
    }
    anyhow::bail!(
        "could not keep a copy of the old answers: {} and 999 numbered names beside it exist",
        path.with_file_name(format!("{stem}.v{safe}.toml"))
            .display()
    )
}

/// The error for a run without a terminal (a pipe, CI, `< /dev/null`).
pub fn no_terminal() -> String {
    format!(
        "cxm assess needs an interactive terminal; to score a saved answers file run: {} \
         score FILE",
        program()
    )
}

pub fn run(mut args: AssessArgs) -> anyhow::Result<ExitCode> {
    // `cxm assess FILE` is `cxm assess --answers FILE`.
    if let Some(file) = args.file.take() {
        args.answers = Some(file);
    }
    // Arguments first: a wrong --lang or --questionnaire is the news, not the terminal.
    if args.answers.as_ref().is_none_or(|p| !p.exists()) {
        bundled::resolve(
            args.questionnaire.as_deref(),
            bundled::DEFAULT_ID,
            args.lang.as_deref(),
        )?;
    }
    if !std::io::stdin().is_terminal() || !std::io::stderr().is_terminal() {
        bail!(no_terminal());
    }
    run_with(args, &mut prompt::Terminal::default(), &today(), program())
}

/// The whole command with the terminal and the date passed in, so tests can drive it.
pub fn run_with(
    args: AssessArgs,
    prompter: &mut dyn Prompter,
    today: &str,
    program: &str,
) -> anyhow::Result<ExitCode> {
    let lang = args.lang.as_deref();
    // Before the questionnaire (and so its language) is known: --lang, else the
    // environment's.
    let early = Lang::of(
        &lang
            .map(str::to_string)
            .or_else(crate::i18n::env_language)
            .unwrap_or_default(),
    );
    // One cxm at a time per answers file, from before it is read to the end of the run:
    // two would each save their own answers over the other's.
    let Some(lock) = lock_and_recover(args.answers.as_deref(), prompter, early)? else {
        return Ok(ExitCode::Interrupted);
    };
    let existing = args.answers.as_ref().filter(|p| p.exists());
    let (questionnaire, origin, mut answers) = match existing {
        Some(path) => {
            // An invalid file is reported exactly as `cxm score` would, and never touched.
            let parsed = Parsed::parse(read_answers(&path.display().to_string())?)?;
            let (q, origin) = bundled::resolve(
                args.questionnaire.as_deref(),
                parsed.questionnaire_id(),
                lang.or(parsed.language()),
            )?;
            let (answers, warnings, dropped) = parsed.upgrade(&q)?;
            let ui = Lang::of(&q.language);
            for w in warnings {
                prompter.say(&format!("warning: {}", w.message));
            }
            let old_version = &parsed.questionnaire_version();
            if *old_version != q.version {
                // Keep the old file beside it, then rewrite it for the new version at
                // once, so `cxm score` reads it whether or not a question gets answered.
                let kept = keep_old_version(path, &parsed.source().text, old_version)?;
                write_with(
                    path,
                    answers.to_toml(&q).as_bytes(),
                    Existing::Replace,
                    Access::Private,
                )
                .with_context(|| {
                    format!(
                        "could not save the answers for version {} to {}",
                        q.version,
                        path.display()
                    )
                })?;
                let carried = t!(ui, "assess-carried-over", answers = answers.answers.len());
                let gone = match dropped.len() {
                    0 => String::new(),
                    n => format!(", {}", t!(ui, "assess-left-out", answers = n)),
                };
                prompter.say(&t!(
                    ui,
                    "assess-other-version",
                    path = path.display().to_string(),
                    old = old_version.to_string(),
                    id = q.id.as_str(),
                    new = q.version.as_str(),
                    carried = format!("{carried}{gone}"),
                    kept = kept.display().to_string()
                ));
            }
            (q, origin, answers)
        }
        None => {
            let (q, origin) =
                bundled::resolve(args.questionnaire.as_deref(), bundled::DEFAULT_ID, lang)?;
            let mut answers = Answers::new(&q);
            answers.date = Some(today.to_string());
            (q, origin, answers)
        }
    };
    // From here on, the questionnaire's language.
    let lang = Lang::of(&questionnaire.language);
    prompter.set_language(lang);
    let changed_by_flags =
        existing.is_some() && (args.organisation.is_some() || args.respondent.is_some());
    // From the command line: no control character reaches a report or the terminal.
    if let Some(o) = args.organisation {
        answers.organisation = crate::diagnostic::clean_name(&o);
    }
    if let Some(r) = args.respondent {
        answers.respondent = crate::diagnostic::clean_name(&r);
    }

    // Find out now, not after the first answer, if answers cannot be saved there.
    check_writable(
        args.answers
            .as_deref()
            .unwrap_or(Path::new("./answers.toml")),
    )?;

    let mut path = existing.cloned();
    // Where the walk starts and which questions it asks; `None` shows the report only.
    let plan: Option<(usize, Ask)> = match &path {
        None => {
            prompter.say(&intro(&questionnaire, args.answers.as_deref()));
            if walk::ask_names(prompter, &mut answers, false, lang)? == Outcome::Interrupted {
                prompter.say(&t!(lang, "assess-nothing-saved"));
                return Ok(ExitCode::Interrupted);
            }
            // Today's file for this organisation, not finished: offer to go on with it.
            let todays = todays_path(Path::new(""), answers.organisation.as_deref(), today);
            if args.answers.is_none()
                && let Some(progress) = unfinished(&todays, &questionnaire)
            {
                let todays_name = todays.display().to_string();
                let choice = SelectPrompt {
                    message: t!(
                        lang,
                        "assess-today-unfinished",
                        path = todays_name.as_str(),
                        progress = progress
                    ),
                    options: vec![
                        t!(lang, "assess-go-on-with", path = todays_name.as_str()),
                        t!(lang, "assess-start-new-file"),
                    ],
                    start: 0,
                    help: t!(lang, "assess-go-on-help"),
                };
                // Esc has nothing to go back to here: ask again.
                let reply = loop {
                    match prompter.select(&choice)? {
                        Reply::Back => prompter.say(&t!(lang, "assess-choose-one")),
                        reply => break reply,
                    }
                };
                match reply {
                    Reply::Interrupted => {
                        prompter.say(&t!(lang, "assess-nothing-saved"));
                        return Ok(ExitCode::Interrupted);
                    }
                    Reply::Value(0) => {
                        let again = AssessArgs {
                            answers: Some(todays),
                            file: None,
                            organisation: answers.organisation.clone(),
                            respondent: answers.respondent.clone(),
                            ..args
                        };
                        return run_with(again, prompter, today, program);
                    }
                    Reply::Value(_) | Reply::Back => {}
                }
            }
            Some((0, Ask::All))
        }
        Some(p) => {
            let coverage = score(&questionnaire, &answers).coverage;
            let open = coverage.open();
            let name = p.display().to_string();
            if coverage.unanswered > 0 {
                prompter.say(&t!(
                    lang,
                    "assess-resuming",
                    path = name.as_str(),
                    coverage = report::coverage_line(&coverage, lang),
                    open = open
                ));
                Some((0, Ask::Open))
            } else {
                // Every question has an answer; "Don't know" ones are still open.
                let mut options = Vec::new();
                if open > 0 {
                    options.push(t!(lang, "assess-answer-open", open = open));
                }
                options.extend([
                    t!(lang, "assess-show-report"),
                    t!(lang, "assess-review-all"),
                ]);
                let choice = SelectPrompt {
                    message: match open {
                        0 => t!(lang, "assess-all-answered", path = name.as_str()),
                        _ => t!(
                            lang,
                            "assess-all-answered-dont-know",
                            path = name.as_str(),
                            open = open
                        ),
                    },
                    start: 0,
                    help: t!(lang, "assess-review-help"),
                    options,
                };
                let review = choice.options.len() - 1;
                match prompter.select(&choice)? {
                    Reply::Interrupted => {
                        prompter.say(&t!(lang, "assess-stopped-unchanged", path = name));
                        return Ok(ExitCode::Interrupted);
                    }
                    Reply::Value(0) if open > 0 => Some((0, Ask::Open)),
                    Reply::Value(i) if i == review => {
                        // A review may change the names too; keep them at once.
                        let before = (answers.organisation.clone(), answers.respondent.clone());
                        if walk::ask_names(prompter, &mut answers, true, lang)?
                            == Outcome::Interrupted
                        {
                            return Ok(ExitCode::Interrupted);
                        }
                        if (answers.organisation.clone(), answers.respondent.clone()) != before {
                            write_with(
                                p,
                                answers.to_toml(&questionnaire).as_bytes(),
                                Existing::Replace,
                                Access::Private,
                            )
                            .with_context(|| {
                                format!("could not save the answers to {}", p.display())
                            })?;
                        }
                        Some((0, Ask::All))
                    }
                    Reply::Value(_) | Reply::Back => None,
                }
            }
        }
    };
    let path = path.get_or_insert_with(|| {
        args.answers
            .clone()
            .unwrap_or_else(|| default_path(Path::new(""), answers.organisation.as_deref(), today))
    });
    // Held until the run ends.
    let _lock = match lock {
        Some(held) => held,
        None => self::lock(path)?,
    };

    if let Some((start, ask)) = plan {
        // The first write to a new file must not replace one that appeared meanwhile.
        let mut existing_file = if existing.is_some() {
            Existing::Replace
        } else {
            Existing::Keep
        };
        let mut save = |a: &Answers| -> anyhow::Result<()> {
            write_with(
                path,
                a.to_toml(&questionnaire).as_bytes(),
                existing_file,
                Access::Private,
            )
            .with_context(|| format!("could not save the answers to {}", path.display()))?;
            existing_file = Existing::Replace;
            Ok(())
        };
        let mut outcome = walk::walk(
            &questionnaire,
            &mut answers,
            start,
            ask,
            args.notes,
            prompter,
            &mut save,
        )?;
        if outcome == Outcome::Finished {
            outcome = walk::finish_with_target(&questionnaire, &mut answers, prompter, &mut save)?;
        }
        if outcome == Outcome::Interrupted {
            if path.exists() {
                let coverage = score(&questionnaire, &answers).coverage;
                prompter.say(&format!(
                    "\n{}",
                    t!(
                        lang,
                        "assess-stopped-saved",
                        coverage = report::coverage_line(&coverage, lang),
                        path = path.display().to_string()
                    )
                ));
                prompter.say_command(&resume_command(program, path, &origin));
            } else {
                prompter.say(&format!("\n{}", t!(lang, "assess-nothing-saved")));
            }
            return Ok(ExitCode::Interrupted);
        }
    }

    let report = score(&questionnaire, &answers);
    if plan.is_none() && changed_by_flags {
        // Show the report of a finished file, but keep the names given as flags.
        write_with(
            path,
            answers.to_toml(&questionnaire).as_bytes(),
            Existing::Replace,
            Access::Private,
        )
        .with_context(|| format!("could not save the answers to {}", path.display()))?;
    }
    // A blank line between the last answer and the report.
    prompter.say("");
    print(&report::render(
        &report,
        Format::Table,
        stdout_look(),
        None,
    )?)?;
    // The report is longer than a screen: end with its headline.
    prompter.say(&summary(&report));
    if report::open_line(&report.coverage, lang).is_some() {
        let open = report.coverage.open();
        prompter.say(&t!(lang, "assess-answer-them-with", open = open));
        prompter.say_command(&resume_command(program, path, &origin));
    }
    // Today's stage: the suggested gate passes now and fails when the stage drops.
    let min = report.overall.stage.as_ref().map_or(1, |s| s.level);
    prompter.say(&t!(
        lang,
        "assess-saved-rescore",
        path = path.display().to_string()
    ));
    prompter.say_command(&score_command(program, path, &origin, min, report.complete));
    Ok(ExitCode::Success)
}

/// The headline of the report, for the end of an assessment: the overall stage and
/// what it means, what holds it back, the first next action and what is still open.
pub(crate) fn summary(report: &crate::score::Report) -> String {
    let lang = Lang::of(&report.questionnaire.language);
    let mut lines = vec![String::new(), t!(lang, "assess-summary")];
    match &report.overall.stage {
        Some(stage) => {
            lines.push(t!(
                lang,
                "assess-summary-stage",
                stage = format!("{} {}", stage.level, stage.name),
                score = report::score_text(report.overall.score, report.overall.max_score, lang)
            ));
            if let Some(info) = report.stages.iter().find(|s| s.level == stage.level) {
                lines.push(info.summary.trim().to_string());
            }
        }
        None => lines.push(t!(lang, "assess-summary-no-stage")),
    }
    if let Some(held) = report::held_back_text(report) {
        lines.push(format!("{}: {held}", t!(lang, "label-held-back-by")));
    }
    if let Some(d) = report
        .weakest_first()
        .into_iter()
        .find(|d| d.next_action.is_some())
        && let Some(action) = &d.next_action
    {
        lines.push(t!(
            lang,
            "assess-summary-first-action",
            action = action.title.as_str(),
            dimension = d.name.as_str()
        ));
    }
    if let Some(open) = report::open_line(&report.coverage, lang) {
        lines.push(format!("{open}."));
    }
    lines.join("\n")
}

fn intro(q: &Questionnaire, path: Option<&Path>) -> String {
    let lang = Lang::of(&q.language);
    let n = q.questions.len();
    let mut text = format!("{}\n", q.title);
    if let Some(d) = &q.description {
        text.push_str(d.trim());
        text.push('\n');
    }
    text.push_str(&format!(
        "\n{}\n",
        t!(
            lang,
            "assess-intro-size",
            questions = n,
            parts = q.dimensions.len(),
            from = (n / 2).max(1),
            to = (n * 3 / 4).max(2)
        )
    ));
    let saved_in = path.map_or_else(
        || t!(lang, "assess-intro-new-file"),
        |p| p.display().to_string(),
    );
    text.push_str(&format!(
        "{}\n",
        t!(lang, "assess-intro-saved", saved_in = saved_in)
    ));
    text
}

/// Today's file for `organisation` in `dir`, before any numbering: where a second run
/// the same day would find the first one.
fn todays_path(dir: &Path, organisation: Option<&str>, today: &str) -> PathBuf {
    let slug = organisation.map(slug).filter(|s| !s.is_empty());
    dir.join(format!(
        "{}-{today}.toml",
        slug.as_deref().unwrap_or("cx-assessment")
    ))
}

/// How far an answers file for `questionnaire` has got, if it exists, is valid and
/// still has open questions.
fn unfinished(path: &Path, questionnaire: &Questionnaire) -> Option<String> {
    let text = crate::input::read_file(path).ok()?;
    let parsed = Parsed::parse(crate::diagnostic::Source::new(
        path.display().to_string(),
        text,
    ))
    .ok()?;
    if parsed.questionnaire_id() != questionnaire.id {
        return None;
    }
    let (answers, _) = parsed.resolve(questionnaire).ok()?;
    let coverage = score(questionnaire, &answers).coverage;
    let lang = Lang::of(&questionnaire.language);
    report::open_line(&coverage, lang).map(|_| report::coverage_line(&coverage, lang))
}

/// A new file in `dir` named after the organisation (or `cx-assessment`) and the date,
/// numbered so it never replaces an existing file.
fn default_path(dir: &Path, organisation: Option<&str>, today: &str) -> PathBuf {
    let first = todays_path(dir, organisation, today);
    let stem = first.with_extension("");
    let mut candidate = first;
    let mut n = 2;
    // A name with a copy a killed first save left is taken too: the copy waits for
    // `cxm assess --answers NAME`, which offers it back.
    while candidate.exists() || !crate::output::leftover_temps(&candidate).is_empty() {
        candidate = PathBuf::from(format!("{}-{n}.toml", stem.display()));
        n += 1;
    }
    candidate
}

/// `Nordwind Outdoor GmbH` → `nordwind-outdoor-gmbh`.
pub(crate) fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_end_matches('-')
        .chars()
        .take(40)
        .collect::<String>()
        .trim_end_matches('-')
        .to_string()
}

pub(crate) fn questionnaire_flag(origin: &QuestionnaireOrigin) -> String {
    match origin {
        QuestionnaireOrigin::Bundled => String::new(),
        QuestionnaireOrigin::File(f) => format!(" --questionnaire {}", shell_quote(Path::new(f))),
    }
}

fn resume_command(program: &str, path: &Path, origin: &QuestionnaireOrigin) -> String {
    format!(
        "{program} assess --answers {}{}",
        shell_quote(path),
        questionnaire_flag(origin)
    )
}

/// The CI command; with "don't know" answers it needs `--allow-incomplete` to pass.
fn score_command(
    program: &str,
    path: &Path,
    origin: &QuestionnaireOrigin,
    min_stage: u32,
    complete: bool,
) -> String {
    format!(
        "{program} score {}{} --min-stage {min_stage}{}",
        shell_quote(path),
        questionnaire_flag(origin),
        if complete { "" } else { " --allow-incomplete" }
    )
}

/// Today's date (UTC) as `YYYY-MM-DD`.
pub fn today() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    civil_date(secs / 86_400)
}

/// The proleptic Gregorian date of a day count since 1970-01-01 (Howard Hinnant's
/// `civil_from_days`).
fn civil_date(days: u64) -> String {
    let z = days as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Replies to nothing: any prompt is a test failure.
    struct NoPrompts;

    impl Prompter for NoPrompts {
        fn say(&mut self, _: &str) {}
        fn select(&mut self, p: &SelectPrompt) -> anyhow::Result<Reply<usize>> {
            panic!("unexpected prompt {p:?}")
        }
        fn text(&mut self, p: &walk::TextPrompt) -> anyhow::Result<Reply<String>> {
            panic!("unexpected prompt {p:?}")
        }
    }

    #[test]
    fn an_unwritable_answers_path_fails_before_the_first_question() {
        let args = AssessArgs {
            questionnaire: None,
            lang: Some("en".into()),
            answers: Some(PathBuf::from("/nonexistent-dir/a.toml")),
            file: None,
            organisation: None,
            respondent: None,
            notes: false,
        };
        let err = run_with(args, &mut NoPrompts, "2026-11-23", "cxm").expect_err("fails");
        assert!(
            format!("{err:#}")
                .starts_with("cannot save answers in /nonexistent-dir; pass --answers"),
            "{err:#}"
        );
    }

    /// Answers every question with its first option and records what is said.
    #[derive(Default)]
    struct FirstOptions {
        said: Vec<String>,
        commands: Vec<String>,
    }

    impl Prompter for FirstOptions {
        fn say(&mut self, text: &str) {
            self.said.push(text.to_string());
        }
        fn say_command(&mut self, command: &str) {
            self.commands.push(command.to_string());
            self.said.push(format!("$ {command}"));
        }
        fn select(&mut self, _: &SelectPrompt) -> anyhow::Result<Reply<usize>> {
            Ok(Reply::Value(0))
        }
        fn text(&mut self, _: &walk::TextPrompt) -> anyhow::Result<Reply<String>> {
            Ok(Reply::Value(String::new()))
        }
    }

    fn args(answers: PathBuf) -> AssessArgs {
        AssessArgs {
            questionnaire: None,
            // Not the machine's locale: these tests read English.
            lang: Some("en".into()),
            answers: Some(answers),
            file: None,
            organisation: Some("ACME".into()),
            respondent: None,
            notes: false,
        }
    }

    #[test]
    fn the_end_is_a_blank_line_the_report_and_its_headline() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("a.toml");
        let mut p = FirstOptions::default();
        run_with(
            args(path.clone()),
            &mut p,
            "2026-11-23",
            "target/release/cxm",
        )
        .expect("runs");
        let last_question = p
            .said
            .iter()
            .rposition(|s| s.starts_with('\n') && !s.starts_with("\nSummary"))
            .expect("dimension headings");
        // Then a blank line (the report goes to stdout after it), then the summary.
        let blank = p
            .said
            .iter()
            .rposition(String::is_empty)
            .expect("blank line");
        assert!(blank > last_question);
        let summary = &p.said[blank + 1];
        assert!(summary.starts_with("\nSummary\nOverall stage: 1 Uniform, score 1.00 / 5\n"));
        // Every dimension is at stage 1: the same one phrase as the report.
        assert!(
            summary.contains("\nHeld back by: all dimensions equally (each is at this stage)\n"),
            "{summary}"
        );
        assert!(summary.contains("\nFirst next action: "), "{summary}");
        // The command names the program as it was run, with the file.
        assert_eq!(
            p.commands,
            [format!(
                "target/release/cxm score {} --min-stage 1",
                path.display()
            )]
        );
    }

    #[test]
    fn in_german_everything_said_around_the_questions_is_german() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("a.toml");
        let mut p = FirstOptions::default();
        let mut german = args(path.clone());
        german.lang = Some("de".into());
        run_with(german, &mut p, "2026-11-23", "cxm").expect("runs");
        let said = p.said.join("\n");
        assert!(
            said.contains("18 Fragen in 6 Teilen, etwa 9–13 Minuten."),
            "{said}"
        );
        assert!(said.contains("\nZusammenfassung\nGesamtstufe: 1 Uniform, Wert 1,00 / 5\n"));
        assert!(said.contains("\nGebremst durch: alle Dimensionen gleichermaßen"));
        assert!(said.contains("\nErster nächster Schritt: "), "{said}");
        assert!(said.contains(&format!("Antworten gespeichert in {}\n", path.display())));
        for english in ["Summary", "Overall stage", "questions in", "Answers saved"] {
            assert!(!said.contains(english), "`{english}` in:\n{said}");
        }
    }

    #[test]
    fn a_second_run_the_same_day_offers_the_unfinished_file() {
        let dir = tempfile::tempdir().expect("tempdir");
        let todays = todays_path(dir.path(), Some("ACME"), "2026-11-23");
        std::fs::write(
            &todays,
            "format = 1\nquestionnaire = \"cx-maturity\"\nquestionnaire_version = \"2.0.0\"\n\
             organisation = \"ACME\"\n[answers]\ntailoring-basis = 2\n",
        )
        .expect("write");
        assert_eq!(
            unfinished(
                &todays,
                &bundled::find(bundled::DEFAULT_ID, None).expect("q")
            ),
            Some("1 of 18 answered, 0 not applicable, 0 don't know, 17 unanswered".into())
        );
    }

    #[cfg(unix)]
    #[test]
    fn answers_that_could_not_be_saved_are_refused_before_the_first_question() {
        use std::os::unix::fs::{PermissionsExt, symlink};
        let dir = tempfile::tempdir().expect("tempdir");
        let fails = |path: PathBuf| {
            let err =
                run_with(args(path), &mut NoPrompts, "2026-11-23", "cxm").expect_err("refused");
            format!("{err:#}")
        };
        // A read-only answers file.
        let readonly = dir.path().join("readonly.toml");
        std::fs::write(
            &readonly,
            "format = 1\nquestionnaire = \"cx-maturity\"\nquestionnaire_version = \"2.0.0\"\n",
        )
        .expect("write");
        std::fs::set_permissions(&readonly, std::fs::Permissions::from_mode(0o444)).expect("chmod");
        assert!(fails(readonly).ends_with(
            "the file is read-only; make it writable or pass --answers with another file"
        ));
        // A link to nothing, and a loop.
        let dangling = dir.path().join("dangling.toml");
        symlink(dir.path().join("missing/x.toml"), &dangling).expect("link");
        assert!(fails(dangling).contains("it is a link that leads nowhere"));
        let (a, b) = (dir.path().join("a.toml"), dir.path().join("b.toml"));
        symlink(&b, &a).expect("link");
        symlink(&a, &b).expect("link");
        assert!(fails(a).contains("it is a link that leads nowhere"));
        // A directory.
        assert!(fails(dir.path().to_path_buf()).contains("it is a directory, not a file"));
    }

    /// Picks option `choice` of every select and records what is said.
    struct Picks {
        choice: usize,
        said: Vec<String>,
    }

    impl Prompter for Picks {
        fn say(&mut self, text: &str) {
            self.said.push(text.to_string());
        }
        fn select(&mut self, _: &SelectPrompt) -> anyhow::Result<Reply<usize>> {
            Ok(Reply::Value(self.choice))
        }
        fn text(&mut self, _: &walk::TextPrompt) -> anyhow::Result<Reply<String>> {
            Ok(Reply::Interrupted)
        }
    }

    #[test]
    fn a_newer_copy_left_by_a_killed_save_is_offered_and_stale_ones_removed() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("a.toml");
        let header = "format = 1\nquestionnaire = \"cx-maturity\"\nquestionnaire_version = \"2.0.0\"\n[answers]\n";
        std::fs::write(&path, format!("{header}tailoring-basis = 2\n")).expect("write");
        let stale = dir.path().join(".cxm-a.toml-OLD123.tmp");
        std::fs::write(&stale, "format = 1\nhalf a fi").expect("write");
        std::thread::sleep(std::time::Duration::from_millis(20));
        let newer = dir.path().join(".cxm-a.toml-NEW456.tmp");
        std::fs::write(
            &newer,
            format!("{header}tailoring-basis = 2\noffer-exclusions = 3\n"),
        )
        .expect("write");
        // Keep the newer copy: it becomes the file; the broken one is removed.
        let mut p = Picks {
            choice: 0,
            said: Vec::new(),
        };
        assert_eq!(
            recover_interrupted_save(&path, &mut p, Lang::En).expect("ok"),
            Outcome::Finished
        );
        assert!(
            std::fs::read_to_string(&path)
                .expect("read")
                .contains("offer-exclusions = 3")
        );
        assert!(!stale.exists() && !newer.exists());
        assert!(p.said[0].starts_with("Removed a temporary file left by an interrupted save"));
        // Declined: the file stays as it is, the copy goes.
        std::fs::write(&newer, format!("{header}tailoring-basis = 5\n")).expect("write");
        let mut p = Picks {
            choice: 1,
            said: Vec::new(),
        };
        recover_interrupted_save(&path, &mut p, Lang::En).expect("ok");
        assert!(
            std::fs::read_to_string(&path)
                .expect("read")
                .contains("offer-exclusions = 3")
        );
        assert!(!newer.exists());
    }

    #[test]
    fn a_copy_left_by_a_killed_first_save_is_offered_though_the_file_never_appeared() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("new.toml");
        let header = "format = 1\nquestionnaire = \"cx-maturity\"\nquestionnaire_version = \"2.0.0\"\n[answers]\n";
        let copy = dir.path().join(".cxm-new.toml-abc123.tmp");
        std::fs::write(&copy, format!("{header}tailoring-basis = 2\n")).expect("write");
        let mut p = Picks {
            choice: 0,
            said: Vec::new(),
        };
        recover_interrupted_save(&path, &mut p, Lang::En).expect("ok");
        assert!(
            std::fs::read_to_string(&path)
                .expect("the copy became the file")
                .contains("tailoring-basis = 2")
        );
        assert!(!copy.exists());
        // Starting afresh removes the copy, and says so.
        std::fs::remove_file(&path).expect("remove");
        std::fs::write(&copy, format!("{header}tailoring-basis = 2\n")).expect("write");
        let mut p = Picks {
            choice: 1,
            said: Vec::new(),
        };
        recover_interrupted_save(&path, &mut p, Lang::En).expect("ok");
        assert!(!path.exists() && !copy.exists());
        assert!(
            p.said[0].starts_with("Removed a temporary file"),
            "{:?}",
            p.said
        );
        // Esc is no choice to throw the only copy away: it is kept.
        struct Esc;
        impl Prompter for Esc {
            fn say(&mut self, _: &str) {}
            fn select(&mut self, _: &SelectPrompt) -> anyhow::Result<Reply<usize>> {
                Ok(Reply::Back)
            }
            fn text(&mut self, _: &walk::TextPrompt) -> anyhow::Result<Reply<String>> {
                Ok(Reply::Interrupted)
            }
        }
        std::fs::write(&copy, format!("{header}tailoring-basis = 2\n")).expect("write");
        recover_interrupted_save(&path, &mut Esc, Lang::En).expect("ok");
        assert!(path.exists() && !copy.exists());
    }

    #[test]
    fn civil_date_matches_known_days() {
        assert_eq!(civil_date(0), "1970-01-01");
        assert_eq!(civil_date(11_016), "2000-02-29");
        assert_eq!(civil_date(20_415), "2025-11-23");
    }

    #[test]
    fn default_path_is_named_after_organisation_and_never_reuses_a_file() {
        let dir = tempfile::tempdir().expect("tempdir");
        let p = default_path(dir.path(), Some("Nordwind Outdoor GmbH"), "2026-11-23");
        assert_eq!(p, dir.path().join("nordwind-outdoor-gmbh-2026-11-23.toml"));
        // A copy a killed first save left keeps its name from being reused.
        let copy = dir
            .path()
            .join(".cxm-nordwind-outdoor-gmbh-2026-11-23.toml-abc123.tmp");
        std::fs::write(&copy, "").expect("write");
        assert_eq!(
            default_path(dir.path(), Some("Nordwind Outdoor GmbH"), "2026-11-23"),
            dir.path().join("nordwind-outdoor-gmbh-2026-11-23-2.toml")
        );
        std::fs::remove_file(&copy).expect("remove");
        std::fs::write(&p, "").expect("write");
        let p2 = default_path(dir.path(), Some("Nordwind Outdoor GmbH"), "2026-11-23");
        assert_eq!(
            p2,
            dir.path().join("nordwind-outdoor-gmbh-2026-11-23-2.toml")
        );
        let anonymous = default_path(dir.path(), Some(" ! "), "2026-11-23");
        assert_eq!(anonymous, dir.path().join("cx-assessment-2026-11-23.toml"));
    }

    #[test]
    fn commands_quote_paths_for_the_shell() {
        let bundled = QuestionnaireOrigin::Bundled;
        assert_eq!(
            score_command("cxm", Path::new("a b.toml"), &bundled, 3, true),
            "cxm score 'a b.toml' --min-stage 3"
        );
        assert_eq!(
            score_command("cxm", Path::new("a.toml"), &bundled, 2, false),
            "cxm score a.toml --min-stage 2 --allow-incomplete"
        );
        let file = QuestionnaireOrigin::File("q.toml".into());
        assert_eq!(
            resume_command("cxm", Path::new("it's.toml"), &file),
            r"cxm assess --answers 'it'\''s.toml' --questionnaire q.toml"
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_link_to_a_locked_file_is_locked_too() {
        let dir = tempfile::tempdir().expect("tempdir");
        let file = dir.path().join("x.toml");
        std::fs::write(&file, "").expect("write");
        let link = dir.path().join("link.toml");
        std::os::unix::fs::symlink(&file, &link).expect("link");
        let _held = lock(&file).expect("first lock");
        let err = lock(&link).expect_err("the same file");
        assert!(
            err.to_string().contains("link.toml is open in another cxm"),
            "{err}"
        );
    }
}
