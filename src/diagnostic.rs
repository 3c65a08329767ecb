//! Problems found in a user's file, each pinned to `file:line:column`.
//!
//! Loading questionnaires and answers files collects every problem it can find into
//! [`Diagnostic`]s, so a user fixes them all in one go instead of one per run.

use std::fmt;
use std::ops::Range;

/// A file's text together with the name it is reported under.
#[derive(Debug, Clone)]
pub struct Source {
    /// What error messages call the file: its path as given, or `<stdin>`.
    pub name: String,
    pub text: String,
    /// Byte offset where each line starts, so positions cost a binary search.
    line_starts: Vec<usize>,
}

impl Source {
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> Self {
        let text = text.into();
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Source {
            name: name.into(),
            text,
            line_starts,
        }
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.line_starts.partition_point(|&start| start <= offset);
        let line_start = self.line_starts[line - 1];
        let col = self.text[line_start..offset].chars().count() + 1;
        (line, col)
    }

    /// An error at the start of `span`.
    pub fn error(&self, span: Range<usize>, message: impl Into<String>) -> Diagnostic {
        self.at(Severity::Error, Some(span), message)
    }

    /// A warning at the start of `span`.
    pub fn warning(&self, span: Range<usize>, message: impl Into<String>) -> Diagnostic {
        self.at(Severity::Warning, Some(span), message)
    }

    /// A warning about the file as a whole (no position).
    pub fn file_warning(&self, message: impl Into<String>) -> Diagnostic {
        self.at(Severity::Warning, None, message)
    }

    /// An error about the file as a whole (no position).
    pub fn file_error(&self, message: impl Into<String>) -> Diagnostic {
        self.at(Severity::Error, None, message)
    }

    fn at(
        &self,
        severity: Severity,
        span: Option<Range<usize>>,
        message: impl Into<String>,
    ) -> Diagnostic {
        Diagnostic {
            severity,
            file: self.name.clone(),
            position: span.map(|s| self.line_col(s.start)),
            message: message.into(),
        }
    }

    /// Turns a TOML syntax or shape error into a diagnostic with its position; a
    /// misspelt key gets the closest valid one suggested.
    pub fn toml_error(&self, err: &toml::de::Error) -> Diagnostic {
        let mut message = err.message().trim_end().to_string();
        if let Some(hint) = unknown_field_hint(&message) {
            message.push_str(&hint);
        }
        match err.span() {
            Some(span) => self.error(span, message),
            None => self.file_error(message),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        })
    }
}

/// One problem in one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    pub file: String,
    /// 1-based line and column, when the problem has a place in the file.
    pub position: Option<(usize, usize)>,
    /// What is wrong and how to fix it.
    pub message: String,
}

impl Diagnostic {
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// `file:line:column` (or just `file`).
    pub fn location(&self) -> String {
        match self.position {
            Some((line, col)) => format!("{}:{line}:{col}", self.file),
            None => self.file.clone(),
        }
    }
}

/// `file:line:column: error: message`, the form `cxm validate` prints and editors parse.
impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {}: {}",
            self.location(),
            self.severity,
            self.message
        )
    }
}

/// The error a load fails with: every error found in one file.
#[derive(Debug, Clone, thiserror::Error)]
pub struct Invalid {
    /// What kind of file it is, for the heading: "questionnaire", "answers file".
    pub kind: &'static str,
    pub file: String,
    /// Only errors, at most [`MAX_SHOWN`] of them; never empty.
    pub errors: Vec<Diagnostic>,
    /// Errors found beyond those, only counted.
    pub omitted: usize,
}

/// Errors as a check finds them: the first [`MAX_SHOWN`] kept, the rest only counted,
/// so that a file with a million wrong lines costs no more memory than one with fifty.
#[derive(Debug, Default)]
pub struct Problems {
    pub shown: Vec<Diagnostic>,
    pub omitted: usize,
}

impl Problems {
    pub fn push(&mut self, d: Diagnostic) {
        if self.shown.len() < MAX_SHOWN {
            self.shown.push(d);
        } else {
            self.omitted += 1;
        }
    }

    pub fn is_empty(&self) -> bool {
        self.shown.is_empty()
    }
}

/// The most problems shown for one file; the rest are counted. A file with thousands of
/// wrong ids does not need them all listed to be fixed.
pub const MAX_SHOWN: usize = 50;

impl fmt::Display for Invalid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let ([only], 0) = (self.errors.as_slice(), self.omitted) {
            return write!(
                f,
                "invalid {} {}: {}",
                self.kind,
                only.location(),
                only.message
            );
        }
        write!(
            f,
            "invalid {} {} ({} errors):",
            self.kind,
            self.file,
            self.errors.len() + self.omitted
        )?;
        for d in self.errors.iter().take(MAX_SHOWN) {
            write!(f, "\n  {}: {}", d.location(), d.message)?;
        }
        let more = self.errors.len().saturating_sub(MAX_SHOWN) + self.omitted;
        if more > 0 {
            write!(f, "\n  … and {more} more")?;
        }
        Ok(())
    }
}

/// For serde's "unknown field `weigth`, expected one of `id`, `weight`": a
/// "did you mean" for the closest expected field.
fn unknown_field_hint(message: &str) -> Option<String> {
    let rest = message.strip_prefix("unknown field `")?;
    let (wrong, expected) = rest.split_once('`')?;
    let candidates: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
    closest(wrong, candidates).map(|near| format!("; did you mean `{near}`?"))
}

/// Closest candidate to a misspelt id, if one is close enough to be a likely typo.
pub fn closest<'a>(wrong: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(wrong, c), c))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

/// `1 question`, `2 questions`.
pub fn count(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// Free text from a file without control characters (other than line breaks; a tab
/// becomes a space), so a crafted questionnaire or answers file cannot send escape
/// sequences to a terminal through a report or a prompt.
pub fn printable(text: &str) -> String {
    // Most text has nothing to take out: copy it whole.
    if !text.chars().any(|c| c.is_control() && c != '\n') {
        return text.to_string();
    }
    text.chars()
        .filter_map(|c| match c {
            '\t' => Some(' '),
            '\n' => Some('\n'),
            c if c.is_control() => None,
            c => Some(c),
        })
        .collect()
}

/// A name typed or given on the command line (organisation, respondent), as it is
/// stored and shown: on one line, without control characters or surrounding spaces;
/// `None` when nothing is left.
pub fn clean_name(text: &str) -> Option<String> {
    let name = printable(&text.replace('\n', " "));
    let name = name.trim();
    (!name.is_empty()).then(|| name.to_string())
}

/// `` `a`, `b` and `c` `` for messages that list valid choices.
pub fn list(items: impl IntoIterator<Item = impl fmt::Display>) -> String {
    let items: Vec<String> = items.into_iter().map(|i| format!("`{i}`")).collect();
    match items.as_slice() {
        [] => String::from("(none)"),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_keeps_no_control_character_and_no_outer_space() {
        assert_eq!(
            clean_name(" O\u{1b}]0;PWN\u{7} GmbH\u{9b}2J ").as_deref(),
            Some("O]0;PWN GmbH2J")
        );
        assert_eq!(clean_name("Anna\nBen").as_deref(), Some("Anna Ben"));
        assert_eq!(clean_name(" \u{1b} "), None);
    }

    #[test]
    fn line_col_counts_lines_and_characters() {
        let src = Source::new("f.toml", "a = 1\nbé = 2\n");
        assert_eq!(src.line_col(0), (1, 1));
        assert_eq!(src.line_col(6), (2, 1));
        // `=` after the two-byte `é` is the 4th character of line 2.
        assert_eq!(src.line_col(10), (2, 4));
        assert_eq!(src.line_col(999), (3, 1));
    }

    #[test]
    fn diagnostic_prints_as_file_line_column() {
        let src = Source::new("q.toml", "x\ny = 2");
        assert_eq!(src.error(2..3, "bad").to_string(), "q.toml:2:1: error: bad");
        assert_eq!(src.file_error("empty").to_string(), "q.toml: error: empty");
    }

    #[test]
    fn closest_suggests_near_ids_only() {
        let ids = ["data-latency", "content-differentiation"];
        assert_eq!(closest("data-latncy", ids), Some("data-latency"));
        assert_eq!(closest("zzz", ids), None);
    }

    #[test]
    fn unknown_fields_get_the_closest_expected_one() {
        assert_eq!(
            unknown_field_hint("unknown field `weigth`, expected one of `id`, `weight`"),
            Some("; did you mean `weight`?".into())
        );
        assert_eq!(
            unknown_field_hint("unknown field `zzz`, expected `id` or `name`"),
            None
        );
        assert_eq!(unknown_field_hint("invalid type: integer"), None);
    }

    #[test]
    fn list_joins_with_and() {
        assert_eq!(list([1, 2, 3]), "`1`, `2` and `3`");
        assert_eq!(list(["a"]), "`a`");
    }
}
