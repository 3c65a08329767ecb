//! The report as JSON (schema version 1, documented in the README), for machines.

use crate::score::Report;

pub fn render(report: &Report) -> String {
    // Plain structs of strings and numbers with string keys cannot fail to serialize
    // (a non-finite float would become `null`, and capped weights keep scores finite).
    let mut text = serde_json::to_string_pretty(report)
        .unwrap_or_else(|e| serde_json::json!({ "error": e.to_string() }).to_string());
    text.push('\n');
    text
}
