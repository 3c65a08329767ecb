//! `cxm score`: score a saved answers file, print the report, apply the CI gate.

use std::path::{Path, PathBuf};

use std::io::IsTerminal;

use anyhow::{Context, bail};

use crate::answers::Parsed;
use crate::bundled;
use crate::cli::ScoreArgs;
use crate::diagnostic::{Source, list};
use crate::exit_codes::ExitCode;
use crate::input;
use crate::output::{Existing, eprint_line, print, write_atomic};
use crate::report::html::Template;
use crate::report::{self, Format, Look};
use crate::score::StageRef;

/// `cxm score`'s arguments, checked before any work starts.
struct Config {
    answers: String,
    questionnaire: Option<String>,
    lang: Option<String>,
    format: Format,
    quiet: bool,
    outputs: Vec<(PathBuf, Format)>,
    min_stage: Option<String>,
    allow_incomplete: bool,
    target: Option<String>,
    template: Option<Template>,
    /// Where `--step-summary` appends: `GITHUB_STEP_SUMMARY`.
    step_summary: Option<PathBuf>,
}

impl Config {
    fn from_args(args: ScoreArgs) -> anyhow::Result<Config> {
        // `-o -` is standard output, in the `--format` format, even with `--quiet`.
        let to_stdout = args.output.iter().any(|p| p.as_os_str() == "-");
        let outputs = super::output_files(&args.output, super::unknown_extension)?;
        Ok(Config {
            answers: args.answers,
            questionnaire: args.questionnaire,
            lang: args.lang,
            format: args.format,
            quiet: args.quiet && !to_stdout,
            outputs,
            min_stage: args.min_stage,
            allow_incomplete: args.allow_incomplete,
            target: args.target,
            template: args.template.as_deref().map(read_template).transpose()?,
            step_summary: args.step_summary.then(step_summary_path).transpose()?,
        })
    }
}

/// The stage a flag names (`--min-stage`, `--target`): a level or a stage id or name.
pub(super) fn stage_arg(
    questionnaire: &crate::questionnaire::Questionnaire,
    flag: &str,
    wanted: &str,
) -> anyhow::Result<StageRef> {
    match questionnaire.find_stage(wanted) {
        Some(stage) => Ok(StageRef::from(stage)),
        None => Err(anyhow::anyhow!(
            "{flag} {wanted}: no such stage in questionnaire `{}`; use a level from 1 to {} or \
             one of {}",
            questionnaire.id,
            questionnaire.top_level(),
            list(questionnaire.stages.iter().map(|s| &s.id))
        )),
    }
}

/// Reads a `--template` file and checks that it parses.
pub(super) fn read_template(path: &Path) -> anyhow::Result<Template> {
    let text = input::read_file(path)
        .with_context(|| format!("could not read template {}", path.display()))?;
    let template = Template {
        name: path.display().to_string(),
        text,
    };
    template.check()?;
    Ok(template)
}

/// The file `--step-summary` appends to, from `GITHUB_STEP_SUMMARY`.
fn step_summary_path() -> anyhow::Result<PathBuf> {
    match std::env::var_os("GITHUB_STEP_SUMMARY") {
        Some(path) if !path.is_empty() => Ok(PathBuf::from(path)),
        _ => bail!(
            "--step-summary: GITHUB_STEP_SUMMARY is not set; GitHub Actions sets it in every \
             job step. Elsewhere write the Markdown report with `-o report.md`"
        ),
    }
}

/// Appends `text` to the job summary at `path`: never truncates what earlier steps
/// wrote, and begins after a blank line when they wrote something, so that its
/// heading stays a heading.
fn append_step_summary(path: &Path, text: &str) -> anyhow::Result<()> {
    use std::io::Write;
    let mut file = std::fs::OpenOptions::new()
        .append(true)
        .create(true)
        .open(path)
        .and_then(|mut f| {
            if f.metadata()?.len() > 0 {
                f.write_all(b"\n\n")?;
            }
            f.write_all(text.as_bytes())?;
            Ok(f)
        })
        .with_context(|| {
            format!(
                "--step-summary: could not append to {} (GITHUB_STEP_SUMMARY)",
                path.display()
            )
        })?;
    file.flush()
        .with_context(|| format!("--step-summary: could not write {}", path.display()))
}

/// Reads an answers file, or standard input for `-`.
pub fn read_answers(path: &str) -> anyhow::Result<Source> {
    if path == "-" {
        if std::io::stdin().is_terminal() {
            eprint_line("Reading the answers from standard input: paste them, then press Ctrl-D.");
        }
        let text = input::read_stdin().context("could not read the answers from standard input")?;
        return Ok(Source::new("<stdin>", text));
    }
    let text = input::read_file(std::path::Path::new(path))
        .with_context(|| format!("could not read answers file {path}"))?;
    Ok(Source::new(path, text))
}

/// Checks every `-o` destination before anything is written.
fn check_outputs(config: &Config) -> anyhow::Result<()> {
    let inputs: Vec<&str> = [
        Some(config.answers.as_str()),
        config.questionnaire.as_deref(),
        config.template.as_ref().map(|t| t.name.as_str()),
    ]
    .into_iter()
    .flatten()
    .collect();
    let outputs: Vec<&Path> = config.outputs.iter().map(|(p, _)| p.as_path()).collect();
    super::check_outputs(&outputs, &inputs)?;
    if let Some(summary) = &config.step_summary
        && let Some(input) = inputs.iter().find(|i| super::same_file(summary, i))
    {
        bail!(
            "--step-summary: GITHUB_STEP_SUMMARY names the input file {input}; point it at the \
             job summary file"
        );
    }
    Ok(())
}

pub fn run(args: ScoreArgs) -> anyhow::Result<ExitCode> {
    let config = Config::from_args(args)?;
    check_outputs(&config)?;
    let parsed = Parsed::parse(read_answers(&config.answers)?)?;
    let lang = config.lang.as_deref().or(parsed.language());
    let (questionnaire, _) = bundled::resolve(
        config.questionnaire.as_deref(),
        parsed.questionnaire_id(),
        lang,
    )?;
    let (mut answers, warnings) = parsed.resolve(&questionnaire)?;
    for w in warnings {
        eprint_line(&format!("warning: {}", w.message));
    }

    let stage_arg = |flag: &str, wanted: &str| stage_arg(&questionnaire, flag, wanted);
    let min_stage = config
        .min_stage
        .as_deref()
        .map(|wanted| stage_arg("--min-stage", wanted))
        .transpose()?;
    if let Some(wanted) = &config.target {
        answers.target_stage = Some(stage_arg("--target", wanted)?.level);
    }

    // A workshop session: its agreed answers, with the votes and the discussion list.
    let mut report = crate::session::report(&questionnaire, &answers);
    if let Some(min) = &min_stage {
        report.apply_gate(min, config.allow_incomplete);
    }

    let template = config.template.as_ref();
    let html = config.outputs.iter().any(|(_, f)| *f == Format::Html)
        || (config.format == Format::Html && !config.quiet);
    if let (Some(t), false) = (template, html) {
        eprint_line(&format!(
            "warning: --template {} is not used: no HTML report is written (add --format html \
             or -o FILE.html)",
            t.name
        ));
    }
    // Every view first, so a broken template writes nothing at all.
    let mut files = Vec::new();
    for (path, format) in &config.outputs {
        files.push((
            path,
            report::render(&report, *format, Look::PLAIN, template)?,
        ));
    }
    let stdout = if config.quiet {
        None
    } else {
        Some(report::render(
            &report,
            config.format,
            super::stdout_look(),
            template,
        )?)
    };
    for (path, text) in files {
        write_atomic(path, text.as_bytes(), Existing::Replace)
            .with_context(|| format!("could not write report file {}", path.display()))?;
    }
    if let Some(path) = &config.step_summary {
        let text = report::render(&report, Format::Markdown, Look::PLAIN, None)?;
        append_step_summary(path, &format!("{text}\n"))?;
    }
    if let Some(text) = stdout {
        print(&text)?;
    }

    let Some(gate) = &report.gate else {
        return Ok(ExitCode::Success);
    };
    // The verdict speaks the report's language, as its reasons do.
    let lang = crate::i18n::Lang::of(&report.questionnaire.language);
    if gate.passed {
        let stage = report
            .overall
            .stage
            .as_ref()
            .map_or(String::new(), StageRef::to_string);
        let min = min_stage.map_or(String::new(), |s| s.to_string());
        eprint_line(&crate::t!(
            lang,
            "gate-verdict-passed",
            stage = stage,
            min = min
        ));
        Ok(ExitCode::Success)
    } else {
        let reasons = gate.reasons.join("; ");
        eprint_line(&crate::t!(lang, "gate-verdict-failed", reasons = reasons));
        Ok(ExitCode::GateFailed)
    }
}
