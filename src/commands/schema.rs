//! `cxm schema KIND`: the JSON Schema (draft-07) of each file format and of the JSON
//! report, generated with schemars from the very types that read and write them, so
//! a schema cannot drift from what `cxm` accepts. `docs/schema/` holds the same
//! files for editors; a test keeps them equal.
//!
//! Draft-07, because Taplo (Even Better TOML in VS Code, Helix, Zed) validates
//! draft-04 to draft-07, not 2020-12.

use crate::cli::{SchemaArgs, SchemaKind};
use crate::exit_codes::ExitCode;
use crate::output::print;

/// The schema of `kind`, as pretty-printed JSON with a final newline.
pub fn text(kind: SchemaKind) -> String {
    let schema = match kind {
        SchemaKind::Questionnaire => crate::questionnaire::schema(),
        SchemaKind::Answers => crate::answers::schema(),
        SchemaKind::Session => crate::answers::session_schema(),
        SchemaKind::Report => crate::score::schema(),
    };
    // A `serde_json::Value` always serializes.
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}

/// The file name under `docs/schema/` and in `#:schema` comments.
pub fn file_name(kind: SchemaKind) -> &'static str {
    match kind {
        SchemaKind::Questionnaire => "questionnaire.schema.json",
        SchemaKind::Answers => "answers.schema.json",
        SchemaKind::Session => "session.schema.json",
        SchemaKind::Report => "report.schema.json",
    }
}

pub fn run(args: SchemaArgs) -> anyhow::Result<ExitCode> {
    print(&text(args.kind))?;
    Ok(ExitCode::Success)
}
