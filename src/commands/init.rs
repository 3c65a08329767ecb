//! `cxm init FILE`: write a questionnaire to start from — a copy of a bundled one, or
//! with `--minimal` a small commented skeleton — and the JSON Schema editors check it
//! against, next to it. Never overwrites a file without `--force`.

use anyhow::{Context, bail};

use crate::cli::{InitArgs, SchemaKind};
use crate::commands::schema;
use crate::exit_codes::ExitCode;
use crate::output::{Access, Existing, eprint_line, write_with};

/// The first lines of every file `cxm init` writes: the schema comment, then five
/// lines on the format.
fn header(schema_file: &str) -> String {
    format!(
        "#:schema ./{schema_file}\n\
         # A cxm questionnaire (format 1). Stages form the ladder, lowest first; each\n\
         # dimension gets a score and a stage from its questions; each question's options\n\
         # show one stage each; actions say what a dimension at a stage does next.\n\
         # Check it with `cxm validate FILE`, answer it with `cxm assess --questionnaire FILE`.\n\
         # Every key is described in docs/questionnaire-format.md and `cxm schema questionnaire`.\n"
    )
}

/// A small questionnaire that passes `cxm validate` without warnings.
const MINIMAL: &str = include_str!("minimal.toml");

pub fn run(args: InitArgs) -> anyhow::Result<ExitCode> {
    let kind = SchemaKind::Questionnaire;
    let schema_name = schema::file_name(kind);
    let body = if args.minimal {
        MINIMAL.to_string()
    } else {
        // --lang, else the environment's language when the questionnaire comes in it.
        let env = crate::i18n::env_language();
        let lang =
            crate::bundled::choose_language(&args.from, args.lang.as_deref(), env.as_deref());
        let text = crate::bundled::text(&args.from, lang.as_deref()).map_err(|e| {
            // The lookup's hint is for --questionnaire, which init does not have.
            let message = e.to_string();
            let message = message
                .split("; pass its file with --questionnaire FILE")
                .next()
                .unwrap_or_default()
                .to_string();
            anyhow::anyhow!("{message}; `cxm list` shows the bundled questionnaires")
        })?;
        // The bundled file's own `#:schema` points into cxm's repository.
        text.lines()
            .skip_while(|l| l.starts_with("#:schema"))
            .map(|l| format!("{l}\n"))
            .collect::<String>()
            .trim_start_matches('\n')
            .to_string()
    };
    let text = format!(
        "{}{}{body}",
        header(schema_name),
        if args.minimal { "" } else { "\n" }
    );

    // `-` is standard output: the questionnaire alone, no schema file beside it.
    if args.file.as_os_str() == "-" {
        crate::output::print(&text)?;
        return Ok(ExitCode::Success);
    }
    let existing = if args.force {
        Existing::Replace
    } else {
        Existing::Keep
    };
    if !args.force && args.file.exists() {
        bail!(
            "{} already exists; choose another name, or pass --force to overwrite it",
            args.file.display()
        );
    }
    write_with(&args.file, text.as_bytes(), existing, Access::Shared)
        .with_context(|| format!("could not write {}", args.file.display()))?;

    // The schema next to it, where the `#:schema` comment points.
    let dir = crate::output::folder_of(&args.file);
    let schema_path = dir.join(schema_name);
    let schema_text = schema::text(kind);
    let mut kept = false;
    match std::fs::read_to_string(&schema_path) {
        Ok(current) if current == schema_text => {}
        Ok(_) if !args.force => {
            kept = true;
            eprint_line(&format!(
                "warning: kept {} (another version); refresh it with `cxm schema \
                 questionnaire > {}`",
                schema_path.display(),
                schema_path.display()
            ));
        }
        _ => write_with(
            &schema_path,
            schema_text.as_bytes(),
            Existing::Replace,
            Access::Shared,
        )
        .with_context(|| format!("could not write {}", schema_path.display()))?,
    }
    let rename = if args.minimal {
        ""
    } else {
        " Give it its own `id` and `version` first, so answers files tell it from the original."
    };
    let schema_note = if kept {
        format!(
            "; its schema {} is the one that was there",
            schema_path.display()
        )
    } else {
        format!(" and its schema {}", schema_path.display())
    };
    eprint_line(&format!(
        "Wrote {}{schema_note}.{rename} Next: edit it, then `{cxm} validate {}`.",
        args.file.display(),
        args.file.display(),
        cxm = crate::invocation::program()
    ));
    Ok(ExitCode::Success)
}
