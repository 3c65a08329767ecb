//! The report as JSON (schema version 1, documented in the README), for machines.

use crate::score::Report;

pub fn render(report: &Report) -> String {
    // Serializing plain structs of strings and numbers cannot fail; scores are finite.
    let mut text =
        serde_json::to_string_pretty(report).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    text.push('\n');
    text
}
