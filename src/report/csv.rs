//! The report as CSV for spreadsheets: long format, one row per question; a group
//! report (`cxm aggregate`) adds a count per answer value, n, spread and consensus.
//!
//! RFC 4180 quoting by the csv crate, UTF-8 with a header row. A cell that begins with
//! `=`, `+`, `-`, `@`, a tab or a carriage return (after any spaces or line breaks)
//! gets a leading `'`, so a spreadsheet shows it as text instead of running it as a
//! formula (CSV injection).

use crate::answers::Answer;
use crate::i18n::Lang;
use crate::score::{QuestionResult, Report};
use crate::t;

/// The header of the question columns, in `lang` (the values stay machine-readable:
/// `n/a`, `unknown`, numbers with a dot).
fn header(lang: Lang) -> Vec<String> {
    vec![
        t!(lang, "csv-dimension-id"),
        t!(lang, "csv-dimension"),
        t!(lang, "csv-question-id"),
        t!(lang, "csv-question"),
        t!(lang, "csv-answer"),
        t!(lang, "csv-option"),
        t!(lang, "csv-stage"),
        t!(lang, "csv-note"),
    ]
}

/// `text` made safe to open in a spreadsheet; leading spaces and line breaks do not
/// hide a formula.
fn defused(text: &str) -> String {
    if text
        .trim_start_matches([' ', '\n'])
        .starts_with(['=', '+', '-', '@', '\t', '\r'])
    {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

/// A group report's extra columns: a count per answer value, then n, spread and
/// consensus.
fn group_header(report: &Report) -> Vec<String> {
    if report.respondents.is_none() {
        return Vec::new();
    }
    let lang = Lang::of(&report.questionnaire.language);
    let count = t!(lang, "csv-count");
    let mut header: Vec<String> = report
        .stages
        .iter()
        .map(|s| format!("{count}_{}", s.level))
        .collect();
    header.extend([
        t!(lang, "csv-count-na"),
        t!(lang, "csv-count-unknown"),
        t!(lang, "csv-count-unanswered"),
        "n".to_string(),
        t!(lang, "csv-spread"),
        t!(lang, "csv-consensus"),
    ]);
    header
}

/// A question's row: its dimension, text, answer, option, stage and note.
fn question_row(report: &Report, q: &QuestionResult) -> Vec<String> {
    let answer = q.answer.map(|a| a.0);
    let stage = match answer {
        Some(Answer::Stage(level)) => report
            .stages
            .iter()
            .find(|s| s.level == level)
            .map_or(String::new(), |s| s.name.clone()),
        _ => String::new(),
    };
    vec![
        q.dimension.clone(),
        report.dimension_name(&q.dimension).to_string(),
        q.id.clone(),
        q.text.clone(),
        answer.map_or(String::new(), |a| a.to_string()),
        q.option.clone().unwrap_or_default(),
        stage,
        q.note.clone().unwrap_or_default(),
    ]
}

/// `rows` as CSV: CRLF line ends, formulas defused.
fn write(rows: impl IntoIterator<Item = Vec<String>>) -> String {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    for row in rows {
        // Writing to a Vec cannot fail, and every row has the header's length.
        let _ = writer.write_record(row.iter().map(|cell| defused(cell)));
    }
    let bytes = writer.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}

pub fn render(report: &Report) -> String {
    let mut header = header(Lang::of(&report.questionnaire.language));
    header.extend(group_header(report));
    let mut rows = vec![header];
    for q in &report.questions {
        let mut row = question_row(report, q);
        if let Some(g) = &q.group {
            let count = |key: &str| g.distribution.get(key).copied().unwrap_or(0).to_string();
            row.extend(report.stages.iter().map(|s| count(&s.level.to_string())));
            row.extend(["n/a", "unknown", "unanswered"].map(count));
            row.push(g.n.to_string());
            row.push(g.spread.map_or(String::new(), |s| s.to_string()));
            row.push(g.consensus.map_or(String::new(), |c| format!("{c:.3}")));
        }
        rows.push(row);
    }
    write(rows)
}

/// One row per respondent and question (`cxm aggregate --per-respondent`): the file,
/// the respondent's name, then the columns of [`render`]'s rows.
pub fn render_respondents<'a>(reports: impl IntoIterator<Item = (&'a str, &'a Report)>) -> String {
    let mut reports = reports.into_iter().peekable();
    let lang = reports
        .peek()
        .map_or(Lang::En, |(_, r)| Lang::of(&r.questionnaire.language));
    let mut header = vec![t!(lang, "csv-file"), t!(lang, "csv-respondent")];
    header.extend(self::header(lang));
    let mut rows = vec![header];
    for (file, report) in reports {
        for q in &report.questions {
            let mut row = vec![
                // A file name comes from a folder listing: no control character passes.
                crate::diagnostic::printable(file),
                report.respondent.clone().unwrap_or_default(),
            ];
            row.extend(question_row(report, q));
            rows.push(row);
        }
    }
    write(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_that_a_spreadsheet_would_run_are_shown_as_text() {
        for bad in ["=1+1", "+1", "-2", "@SUM(A1)", "\tx", "\rx"] {
            assert_eq!(defused(bad), format!("'{bad}"));
        }
        assert_eq!(defused(" =1+1"), "' =1+1");
        assert_eq!(defused("\n@x"), "'\n@x");
        assert_eq!(defused("plain = fine"), "plain = fine");
        assert_eq!(defused("3"), "3");
    }
}
