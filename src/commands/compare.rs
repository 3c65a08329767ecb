//! `cxm compare BEFORE AFTER...`: progress over time, for a board and for CI.

use anyhow::{Context, bail};

use crate::answers::Parsed;
use crate::bundled;
use crate::cli::CompareArgs;
use crate::compare::compare;
use crate::exit_codes::ExitCode;
use crate::output::{Existing, eprint_line, print, visible, write_atomic};
use crate::report::{self, Format, Look};
use crate::score::score;

/// A comparison in `format`; a comparison has no CSV view (a CSV is one assessment's
/// answers).
fn render(c: &crate::compare::Comparison, format: Format, look: Look) -> anyhow::Result<String> {
    Ok(match format {
        Format::Table => report::compare::table(c, look),
        Format::Json => report::compare::json(c),
        Format::Markdown => report::compare::markdown(c),
        Format::Html => report::html::render_comparison(c)?,
        Format::Csv => return Err(unsupported(format)),
    })
}

/// Why compare cannot write `format`, and what can.
fn unsupported(format: Format) -> anyhow::Error {
    anyhow::anyhow!(
        "cxm compare writes table, json, markdown or html, not {format}; for a CSV of one \
         assessment's answers, use `cxm score FILE --format {format}`"
    )
}

/// What looks wrong about the files as a series: assessments of different
/// organisations, or files not oldest first (both are compared as given).
fn order_warnings(snapshots: &[crate::compare::Snapshot]) -> Vec<String> {
    let mut warnings = Vec::new();
    let mut organisations: Vec<&str> = Vec::new();
    for s in snapshots {
        if let Some(o) = s.organisation.as_deref()
            && !organisations.contains(&o)
        {
            organisations.push(o);
        }
    }
    if organisations.len() > 1 {
        warnings.push(format!(
            "the files assess different organisations ({}); progress is meant for one",
            organisations.join(", ")
        ));
    }
    for pair in snapshots.windows(2) {
        // Only dates written as dates (`2026-11-24…`) compare; free text may not.
        let iso = |d: &str| {
            d.len() >= 10
                && d.bytes().take(10).enumerate().all(|(i, b)| {
                    if i == 4 || i == 7 {
                        b == b'-'
                    } else {
                        b.is_ascii_digit()
                    }
                })
        };
        if let (Some(earlier), Some(later)) = (&pair[0].date, &pair[1].date)
            && iso(earlier)
            && iso(later)
            && later[..10] < earlier[..10]
        {
            warnings.push(format!(
                "{} ({later}) is older than {} ({earlier}) before it; give the files oldest \
                 first",
                pair[1].file, pair[0].file
            ));
        }
    }
    warnings
}

pub fn run(args: CompareArgs) -> anyhow::Result<ExitCode> {
    // Every output is checked before anything is read.
    let refuse = |path: &std::path::Path| {
        anyhow::anyhow!(
            "cannot write a comparison to {}; name it with `.json`, `.md`, `.txt` or `.html`",
            path.display()
        )
    };
    let outputs = super::output_files(&args.output, refuse)?;
    if let Some((path, _)) = outputs.iter().find(|(_, f)| *f == Format::Csv) {
        return Err(refuse(path));
    }
    if matches!(args.format, Format::Csv) {
        return Err(unsupported(args.format));
    }

    let files: Vec<String> = std::iter::once(args.before.clone())
        .chain(args.after.iter().cloned())
        .collect();
    let inputs: Vec<&str> = files
        .iter()
        .map(String::as_str)
        .chain(args.questionnaire.as_deref())
        .collect();
    let destinations: Vec<&std::path::Path> = outputs.iter().map(|(p, _)| p.as_path()).collect();
    super::check_outputs(&destinations, &inputs)?;
    let mut parsed = Vec::new();
    for file in &files {
        let source = super::score::read_answers(file)?;
        parsed.push(Parsed::parse(source)?);
    }
    let (first, latest) = match parsed.as_slice() {
        [first, .., latest] => (first, latest),
        _ => bail!("cxm compare needs at least two answers files"),
    };
    let id = first.questionnaire_id().to_string();
    for (file, p) in files.iter().zip(&parsed) {
        if p.questionnaire_id() != id {
            bail!(
                "{file} answers questionnaire `{}`, but {} answers `{id}`; compare files of the \
                 same questionnaire",
                p.questionnaire_id(),
                files[0]
            );
        }
    }
    let lang = args.lang.as_deref().or(latest.language());
    let (questionnaire, _) = bundled::resolve(args.questionnaire.as_deref(), &id, lang)?;

    // Files made for another version are carried over to this one, as `assess` does;
    // what they cannot carry is listed as not compared.
    let mut reports = Vec::new();
    let mut not_compared: Vec<String> = Vec::new();
    for (file, p) in files.iter().zip(&parsed) {
        let (answers, warnings, dropped) = p
            .upgrade(&questionnaire)
            .with_context(|| format!("could not compare {file}"))?;
        for w in warnings {
            eprint_line(&format!("warning: {}", w.message));
        }
        // Ids from the file, shown in every view: no control character passes.
        not_compared.extend(dropped.iter().map(|id| visible(id)));
        reports.push(score(&questionnaire, &answers));
    }
    let order = questionnaire.questions_in_order();
    not_compared.sort_by_key(|id| order.iter().position(|q| &q.id == id));
    not_compared.dedup();

    let Some(comparison) = compare(&files, &reports, not_compared) else {
        bail!("cxm compare needs at least two answers files");
    };
    for warning in order_warnings(&comparison.snapshots) {
        eprint_line(&format!("warning: {}", visible(&warning)));
    }
    let mut texts = Vec::new();
    for (path, format) in &outputs {
        texts.push((path, render(&comparison, *format, Look::PLAIN)?));
    }
    for (path, text) in texts {
        write_atomic(path, text.as_bytes(), Existing::Replace)
            .with_context(|| format!("could not write {}", path.display()))?;
    }
    print(&render(&comparison, args.format, super::stdout_look())?)?;

    let lang = crate::i18n::Lang::of(&comparison.questionnaire.language);
    if comparison.regressions.is_empty() {
        if args.fail_on_regression {
            eprint_line(&crate::t!(lang, "compare-verdict-none"));
        }
        Ok(ExitCode::Success)
    } else if args.fail_on_regression {
        eprint_line(&crate::t!(
            lang,
            "compare-verdict-regression",
            regressions = comparison.regressions.join("; ")
        ));
        Ok(ExitCode::GateFailed)
    } else {
        Ok(ExitCode::Success)
    }
}
