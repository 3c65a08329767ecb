//! `cxm aggregate FILE_OR_DIR...`: many respondents' answers files, one group report.
//!
//! Files are read and scored in parallel (rayon), each folded into a per-thread
//! [`Tally`] and dropped, so memory does not grow with the number of files beyond the
//! list of paths and the invalid ones' messages.

use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use rayon::prelude::*;

use crate::aggregate::{Tally, report};
use crate::answers::Parsed;
use crate::bundled;
use crate::cli::AggregateArgs;
use crate::diagnostic::Source;
use crate::exit_codes::ExitCode;
use crate::output::{Existing, eprint_line, print, visible, write_atomic};
use crate::questionnaire::Questionnaire;
use crate::report::{self, Format, Look};

/// The answers files named: files as given, directories as their `*.toml`, sorted.
fn expand(inputs: &[PathBuf]) -> anyhow::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for input in inputs {
        if input.is_dir() {
            let mut found: Vec<PathBuf> = std::fs::read_dir(input)
                .with_context(|| format!("could not read directory {}", input.display()))?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == "toml"))
                .collect();
            found.sort();
            files.extend(found);
        } else if input.exists() {
            files.push(input.clone());
        } else {
            bail!("{} does not exist", input.display());
        }
    }
    if files.is_empty() {
        bail!("no answers files: the directories given hold no `*.toml` file");
    }
    Ok(files)
}

/// Reads one answers file of `questionnaire`, or says why it cannot be used.
fn read(path: &Path, questionnaire: &Questionnaire) -> Result<crate::answers::Answers, String> {
    let name = path.display().to_string();
    let text = crate::input::read_file(path).map_err(|e| format!("could not read {name}: {e}"))?;
    let parsed = Parsed::parse(Source::new(name.clone(), text)).map_err(|e| e.to_string())?;
    if parsed.questionnaire_id() != questionnaire.id {
        return Err(format!(
            "{name} answers questionnaire `{}`, not `{}`",
            parsed.questionnaire_id(),
            questionnaire.id
        ));
    }
    parsed
        .resolve(questionnaire)
        .map(|(answers, _)| answers)
        .map_err(|e| e.to_string())
}

/// Reads, checks and tallies `files` in parallel: the tally of the valid ones, and
/// `(index, message)` for each file that could not be used, in file order.
pub fn tally_files(
    files: &[PathBuf],
    questionnaire: &Questionnaire,
) -> (Tally, Vec<(usize, String)>) {
    let (tally, mut failures) = files
        .par_iter()
        .enumerate()
        .fold(
            || (Tally::new(questionnaire), Vec::new()),
            |(mut tally, mut failures), (i, path)| {
                match read(path, questionnaire) {
                    Ok(answers) => tally.add(questionnaire, &answers),
                    Err(message) => failures.push((i, message)),
                }
                (tally, failures)
            },
        )
        .reduce(
            || (Tally::new(questionnaire), Vec::new()),
            |(a, mut fa), (b, fb)| {
                fa.extend(fb);
                (a.merge(b), fa)
            },
        );
    failures.sort_by_key(|(i, _)| *i);
    (tally, failures)
}

pub fn run(args: AggregateArgs) -> anyhow::Result<ExitCode> {
    let outputs = super::output_files(&args.output, super::unknown_extension)?;
    let csv = args.format == Format::Csv || outputs.iter().any(|(_, f)| *f == Format::Csv);
    if args.per_respondent && !csv {
        bail!("--per-respondent shapes the CSV view; add --format csv or -o FILE.csv");
    }
    let template = args
        .template
        .as_deref()
        .map(super::score::read_template)
        .transpose()?;
    let files = expand(&args.inputs)?;
    let names: Vec<String> = files.iter().map(|f| f.display().to_string()).collect();
    let inputs: Vec<&str> = names
        .iter()
        .map(String::as_str)
        .chain(args.questionnaire.as_deref())
        .chain(template.as_ref().map(|t| t.name.as_str()))
        .collect();
    let destinations: Vec<&std::path::Path> = outputs.iter().map(|(p, _)| p.as_path()).collect();
    super::check_outputs(&destinations, &inputs)?;

    // The questionnaire: named, or the one the first readable file names.
    let (questionnaire, _) = match &args.questionnaire {
        Some(_) => bundled::resolve(args.questionnaire.as_deref(), "", args.lang.as_deref())?,
        None => {
            // The first file that reads names it; if none does, the first one's error
            // says why.
            let mut first_error = None;
            let first = files.iter().find_map(|f| {
                let parsed = crate::input::read_file(f)
                    .map_err(|e| {
                        anyhow::anyhow!("could not read answers file {}: {e}", f.display())
                    })
                    .and_then(|text| {
                        Parsed::parse(Source::new(f.display().to_string(), text))
                            .map_err(anyhow::Error::from)
                    });
                parsed
                    .map_err(|e| first_error.get_or_insert(e).to_string())
                    .ok()
            });
            let Some(first) = first else {
                let why = first_error.map_or(String::new(), |e| format!("{e:#}"));
                bail!("no answers file could be read; the first says: {why}");
            };
            let lang = args.lang.as_deref().or(first.language());
            bundled::resolve(None, first.questionnaire_id(), lang)?
        }
    };

    let (tally, failures) = tally_files(&files, &questionnaire);
    if let Some((_, first)) = failures.first()
        && !args.skip_invalid
    {
        let more = match failures.len() {
            1 => String::new(),
            n => format!(" ({} more files are invalid)", n - 1),
        };
        bail!("{first}{more}; fix it, or leave such files out with --skip-invalid");
    }
    for (_, message) in &failures {
        // The file and its first problem, on one line.
        let mut lines = message.lines().map(str::trim);
        let head = lines.next().unwrap_or_default().trim_end_matches(':');
        let shown = match lines.next() {
            Some(first) => format!("{head}: {first}"),
            None => head.to_string(),
        };
        eprint_line(&format!("skipped: {}", visible(&shown)));
    }
    if tally.other_versions > 0 {
        eprint_line(&format!(
            "warning: {} of the files were answered with another version of questionnaire \
             `{}`; they are scored against version {}",
            tally.other_versions, questionnaire.id, questionnaire.version
        ));
    }
    if tally.respondents < args.min_respondents {
        bail!(
            "only {} respondent{} to aggregate, fewer than --min-respondents {}",
            tally.respondents,
            if tally.respondents == 1 { "" } else { "s" },
            args.min_respondents
        );
    }

    let target = args
        .target
        .as_deref()
        .map(|wanted| super::score::stage_arg(&questionnaire, "--target", wanted))
        .transpose()?
        .map(|stage| stage.level);
    let group = report(&questionnaire, &tally, failures.len(), target);
    // Each respondent's own rows, read again in file order: only for this CSV.
    let respondents = if args.per_respondent {
        let reports: Vec<(String, crate::score::Report)> = files
            .iter()
            .filter_map(|f| {
                let answers = read(f, &questionnaire).ok()?;
                Some((
                    f.display().to_string(),
                    crate::score::score(&questionnaire, &answers),
                ))
            })
            .collect();
        Some(report::csv::render_respondents(
            reports.iter().map(|(f, r)| (f.as_str(), r)),
        ))
    } else {
        None
    };
    let view = |format: Format, look: Look| match (&respondents, format) {
        (Some(csv), Format::Csv) => Ok(csv.clone()),
        _ => report::render(&group, format, look, template.as_ref()),
    };
    let mut texts = Vec::new();
    for (path, format) in &outputs {
        texts.push((path, view(*format, Look::PLAIN)?));
    }
    let stdout = view(args.format, super::stdout_look())?;
    for (path, text) in texts {
        write_atomic(path, text.as_bytes(), Existing::Replace)
            .with_context(|| format!("could not write report file {}", path.display()))?;
    }
    print(&stdout)?;
    Ok(ExitCode::Success)
}
