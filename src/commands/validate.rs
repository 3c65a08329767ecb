//! `cxm validate`: check questionnaire files and list every problem — as lines editors
//! understand, or as JSON for editors and bots — optionally against an earlier
//! version (`--against`), with warnings failing the run on request
//! (`--deny-warnings`).

use std::collections::HashMap;

use anyhow::Context;
use serde::Serialize;

use crate::cli::{DiagnosticFormat, ValidateArgs};
use crate::diagnostic::{Diagnostic, MAX_SHOWN, Severity, Source, count};
use crate::exit_codes::ExitCode;
use crate::output::{print, visible};
use crate::questionnaire::{Questionnaire, check};

/// The JSON document: whether every file passed, and each file's result.
#[derive(Serialize)]
struct Document {
    valid: bool,
    files: Vec<FileResult>,
}

/// One file's result.
#[derive(Serialize)]
struct FileResult {
    file: String,
    /// No error (and, with `--deny-warnings`, no warning).
    valid: bool,
    /// `id`, `version` and `language`, when the file has no error.
    questionnaire: Option<Identity>,
    errors: usize,
    warnings: usize,
    /// The first [`MAX_SHOWN`] problems, in file order.
    diagnostics: Vec<JsonDiagnostic>,
    /// How many more there are than `diagnostics` lists (`errors` and `warnings`
    /// count them all).
    omitted: usize,
}

#[derive(Serialize)]
struct Identity {
    id: String,
    version: String,
    language: String,
    dimensions: usize,
    questions: usize,
}

#[derive(Serialize)]
struct JsonDiagnostic {
    severity: &'static str,
    /// 1-based; `null` for a problem with the file as a whole.
    line: Option<usize>,
    column: Option<usize>,
    message: String,
}

impl From<&Diagnostic> for JsonDiagnostic {
    fn from(d: &Diagnostic) -> Self {
        JsonDiagnostic {
            severity: match d.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
            },
            line: d.position.map(|p| p.0),
            column: d.position.map(|p| p.1),
            message: d.message.clone(),
        }
    }
}

/// What `new` dropped that `old` had: question ids, and option stages of questions
/// both have. Answers files made for `old` would lose those answers.
fn compatibility(old: &Questionnaire, new: &Questionnaire, source: &Source) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let was = format!("`{}` {}", old.id, old.version);
    if old.id != new.id {
        out.push(source.file_warning(format!(
            "the questionnaire id changed from `{}` to `{}`: answers files made for {was} name \
             the old id",
            old.id, new.id
        )));
    }
    let by_id: HashMap<&str, &crate::questionnaire::Question> =
        new.questions.iter().map(|q| (q.id.as_str(), q)).collect();
    for q in &old.questions {
        match by_id.get(q.id.as_str()) {
            None => out.push(source.file_warning(format!(
                "question `{}` of {was} is gone: answers files made for it lose that answer",
                q.id
            ))),
            Some(now) => {
                let dropped: Vec<u32> = q
                    .options
                    .iter()
                    .map(|o| o.stage)
                    .filter(|s| !now.options.iter().any(|o| o.stage == *s))
                    .collect();
                if !dropped.is_empty() {
                    out.push(source.file_warning(format!(
                        "question `{}` no longer has an option for stage {} as {was} had: \
                         answers files with that answer no longer score",
                        q.id,
                        dropped
                            .iter()
                            .map(u32::to_string)
                            .collect::<Vec<_>>()
                            .join(" or ")
                    )));
                }
            }
        }
    }
    out
}

/// Reads `path` as a questionnaire, or the diagnostic that says why it cannot be.
fn read(path: &std::path::Path) -> (Source, Option<Questionnaire>, Vec<Diagnostic>) {
    let name = path.display().to_string();
    match crate::input::read_file(path) {
        Ok(text) => {
            let source = Source::new(name, text);
            let (q, diagnostics) = check(&source);
            (source, q, diagnostics)
        }
        Err(e) => {
            let source = Source::new(name, "");
            let d = source.file_error(format!("could not read the file: {e}"));
            (source, None, vec![d])
        }
    }
}

pub fn run(args: ValidateArgs) -> anyhow::Result<ExitCode> {
    let old = match &args.against {
        Some(path) => {
            let text = crate::input::read_file(path)
                .with_context(|| format!("--against: could not read {}", path.display()))?;
            let source = Source::new(path.display().to_string(), text);
            Some(Questionnaire::load(&source).context(format!(
                "--against {}: the earlier version must itself be valid",
                path.display()
            ))?)
        }
        None => None,
    };
    let mut results = Vec::new();
    for path in &args.files {
        let (source, questionnaire, mut diagnostics) = read(path);
        if let (Some(old), Some(new)) = (&old, &questionnaire) {
            diagnostics.extend(compatibility(old, new, &source));
        }
        let errors = diagnostics.iter().filter(|d| d.is_error()).count();
        let warnings = diagnostics.len() - errors;
        let valid = questionnaire.is_some() && !(args.deny_warnings && warnings > 0);
        results.push(Checked {
            name: source.name.clone(),
            questionnaire,
            diagnostics,
            errors,
            warnings,
            valid,
        });
    }
    let failed = results.iter().any(|r| !r.valid);
    let text = match args.format {
        DiagnosticFormat::Text => text_report(&results, args.deny_warnings),
        DiagnosticFormat::Json => {
            let files: Vec<FileResult> = results
                .iter()
                .map(|r| FileResult {
                    file: r.name.clone(),
                    valid: r.valid,
                    questionnaire: r.questionnaire.as_ref().map(|q| Identity {
                        id: q.id.clone(),
                        version: q.version.clone(),
                        language: q.language.clone(),
                        dimensions: q.dimensions.len(),
                        questions: q.questions.len(),
                    }),
                    errors: r.errors,
                    warnings: r.warnings,
                    diagnostics: r
                        .diagnostics
                        .iter()
                        .take(MAX_SHOWN)
                        .map(JsonDiagnostic::from)
                        .collect(),
                    omitted: r.diagnostics.len().saturating_sub(MAX_SHOWN),
                })
                .collect();
            let doc = Document {
                valid: !failed,
                files,
            };
            // Structs of strings and numbers always serialize.
            crate::output::json_text(&doc)
        }
    };
    print(&text)?;
    Ok(if failed {
        ExitCode::Error
    } else {
        ExitCode::Success
    })
}

/// What checking one file found.
struct Checked {
    name: String,
    questionnaire: Option<Questionnaire>,
    diagnostics: Vec<Diagnostic>,
    errors: usize,
    warnings: usize,
    /// No error, and with `--deny-warnings` no warning.
    valid: bool,
}

/// The text form: each problem as `file:line:column: severity: message`, at most
/// [`MAX_SHOWN`] per file, then one verdict line per file.
fn text_report(results: &[Checked], deny_warnings: bool) -> String {
    let mut out = String::new();
    for r in results {
        // The file name is printed too, and may hold escape sequences.
        let name = &visible(&r.name);
        let (diagnostics, errors, warnings) = (&r.diagnostics, &r.errors, &r.warnings);
        for d in diagnostics.iter().take(MAX_SHOWN) {
            // Messages quote the file, which may hold escape sequences.
            out.push_str(&visible(&format!("{d}\n")));
        }
        if let Some(more) = diagnostics.len().checked_sub(MAX_SHOWN).filter(|n| *n > 0) {
            out.push_str(&format!("{name}: … and {more} more\n"));
        }
        match &r.questionnaire {
            Some(q) if r.valid => out.push_str(&format!(
                "{name}: ok: `{}` {} ({}), {}, {}{}\n",
                q.id,
                q.version,
                q.language,
                count(q.dimensions.len(), "dimension"),
                count(q.questions.len(), "question"),
                plural(*warnings, "warning").map_or(String::new(), |w| format!(", {w}"))
            )),
            _ => {
                let summary = [plural(*errors, "error"), plural(*warnings, "warning")]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>()
                    .join(", ");
                let why = if *errors == 0 && deny_warnings {
                    " (--deny-warnings)"
                } else {
                    ""
                };
                out.push_str(&format!("{name}: invalid: {summary}{why}\n"));
            }
        }
    }
    out
}

/// `1 error`, `3 errors`; `None` for zero.
fn plural(n: usize, word: &str) -> Option<String> {
    (n > 0).then(|| count(n, word))
}
