//! `cxm validate`: check questionnaire files and list every problem.

use crate::cli::ValidateArgs;
use crate::diagnostic::{MAX_SHOWN, Source, count};
use crate::exit_codes::ExitCode;
use crate::output::{print, visible};
use crate::questionnaire::check;

pub fn run(args: ValidateArgs) -> anyhow::Result<ExitCode> {
    let mut out = String::new();
    let mut failed = false;
    for path in &args.files {
        let name = path.display().to_string();
        let (questionnaire, diagnostics) = match crate::input::read_file(path) {
            Ok(text) => check(&Source::new(name.clone(), text)),
            Err(e) => (
                None,
                vec![
                    Source::new(name.clone(), "")
                        .file_error(format!("could not read the file: {e}")),
                ],
            ),
        };
        for d in diagnostics.iter().take(MAX_SHOWN) {
            // Messages quote the file, which may hold escape sequences.
            out.push_str(&visible(&format!("{d}\n")));
        }
        if let Some(more) = diagnostics.len().checked_sub(MAX_SHOWN).filter(|n| *n > 0) {
            out.push_str(&format!("{name}: … and {more} more\n"));
        }
        let errors = diagnostics.iter().filter(|d| d.is_error()).count();
        let warnings = diagnostics.len() - errors;
        match questionnaire {
            Some(q) => out.push_str(&format!(
                "{name}: ok: `{}` {} ({}), {}, {}{}\n",
                q.id,
                q.version,
                q.language,
                count(q.dimensions.len(), "dimension"),
                count(q.questions.len(), "question"),
                plural(warnings, "warning").map_or(String::new(), |w| format!(", {w}"))
            )),
            None => {
                failed = true;
                let summary = [plural(errors, "error"), plural(warnings, "warning")]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>()
                    .join(", ");
                out.push_str(&format!("{name}: invalid: {summary}\n"));
            }
        }
    }
    print(&out)?;
    Ok(if failed {
        ExitCode::Error
    } else {
        ExitCode::Success
    })
}

/// `1 error`, `3 errors`; `None` for zero.
fn plural(n: usize, word: &str) -> Option<String> {
    (n > 0).then(|| count(n, word))
}
