//! Any text as a questionnaire: checking never panics, and a valid one scores and
//! renders in every view without a control character from the input.
#![no_main]

use cxm::answers::Answers;
use cxm::diagnostic::Source;
use cxm::questionnaire::check;
use cxm::report::{Format, Look, render};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let (questionnaire, _) = check(&Source::new("q.toml", text));
    if let Some(q) = questionnaire {
        let report = cxm::score::score(&q, &Answers::new(&q));
        for format in [Format::Table, Format::Json, Format::Markdown, Format::Html, Format::Csv] {
            // The built-in views always render; CSV ends its rows in CRLF.
            let out = render(&report, format, Look::PLAIN, None).expect("built-in view");
            let out = out.replace("\r\n", "\n");
            assert!(!out.chars().any(|c| c.is_control() && c != '\n'));
        }
    }
});
