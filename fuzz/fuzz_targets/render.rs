//! A questionnaire and answers together, and a terminal width: whatever both say,
//! scoring and every view at every width and look work.
#![no_main]

use cxm::answers::Parsed;
use cxm::diagnostic::Source;
use cxm::questionnaire::Questionnaire;
use cxm::report::{Format, Look, render};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: (&str, &str, u8)| {
    let (qtext, atext, width) = input;
    let Ok(q) = Questionnaire::load(&Source::new("q.toml", qtext)) else {
        return;
    };
    let Ok(parsed) = Parsed::parse(Source::new("a.toml", atext)) else {
        return;
    };
    let Ok((answers, _)) = parsed.resolve(&q) else {
        return;
    };
    let report = cxm::score::score(&q, &answers);
    let look = Look {
        color: width % 2 == 0,
        unicode: width % 3 == 0,
        width: 40 + usize::from(width % 61),
    };
    for format in [Format::Table, Format::Json, Format::Markdown, Format::Html, Format::Csv] {
        let _ = render(&report, format, look, None);
    }
});
