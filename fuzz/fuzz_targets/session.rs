//! Any text as a workshop session file for the bundled questionnaire: parsing,
//! resolving, the session report (agreed answers, votes, discussion list) and every
//! view never panic nor pass a control character on.
#![no_main]

use cxm::answers::Parsed;
use cxm::diagnostic::Source;
use cxm::report::{Format, Look, render};
use libfuzzer_sys::fuzz_target;

/// Loaded once: every run of the target uses the same questionnaire.
static BUNDLED: std::sync::LazyLock<cxm::questionnaire::Questionnaire> =
    std::sync::LazyLock::new(|| {
        cxm::bundled::find(cxm::bundled::DEFAULT_ID, None).expect("the bundled questionnaire")
    });

fuzz_target!(|text: &str| {
    let q = &*BUNDLED;
    let Ok(parsed) = Parsed::parse(Source::new("s.toml", text)) else {
        return;
    };
    if let Ok((answers, _)) = parsed.resolve(q) {
        let report = cxm::session::report(q, &answers);
        for format in [Format::Table, Format::Json, Format::Markdown, Format::Html, Format::Csv] {
            let out = render(&report, format, Look::PLAIN, None).expect("built-in view");
            let out = out.replace("\r\n", "\n");
            assert!(!out.chars().any(|c| c.is_control() && c != '\n'));
        }
        let _ = answers.to_toml(q);
    }
});
