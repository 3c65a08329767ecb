//! The report as JSON (schema version 1, documented in the README), for machines.

use crate::score::Report;

pub fn render(report: &Report) -> String {
    // Plain structs of strings and numbers with string keys cannot fail to serialize
    // (a non-finite float would become `null`, and capped weights keep scores finite).
    crate::output::json_text(report)
}
