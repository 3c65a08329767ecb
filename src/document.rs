//! Reading a `cxm` TOML file into its typed `raw` structs: a cheap first pass that
//! refuses structures too big to parse within [`MAX_PARSED_BYTES`], one parse into a
//! document tree, the probe for the file's format and kind, then serde from that tree.
//!
//! The `toml` crate keeps every token, every parser event and a tree of every key and
//! value with its position in memory at once. That costs about 80 bytes per token and
//! about a kilobyte per table (a map node), so a 10 MiB file of tiny entries would need
//! hundreds of megabytes. The first pass counts tokens and table openers with the same
//! lexer, without keeping them, and estimates that cost before any of it is spent.

use std::ops::Range;

use serde::Deserialize;
use serde::de::DeserializeOwned;
use toml::de::DeTable;
use toml_parser::lexer::TokenKind;

use crate::diagnostic::{Diagnostic, Source};
use crate::questionnaire::FORMAT;

/// The most memory the parsed form of one file may take: with the binary and the rest
/// of a command, peak memory stays under 100 MB.
pub const MAX_PARSED_BYTES: usize = 64 * 1024 * 1024;

/// Bytes a token costs at most while parsing: itself, its parser event, its tree node
/// (measured on every shape of TOML, up to 93).
const BYTES_PER_TOKEN: usize = 96;

/// Bytes a `.`, `[` or `{` costs at most: each may open a table, one map node (measured
/// up to about 1,000 on dotted keys and inline tables).
const BYTES_PER_OPENER: usize = 1024;

/// An upper estimate of the memory parsing `text` takes, from one pass of the lexer.
pub fn estimated_bytes(text: &str) -> usize {
    let (mut tokens, mut openers) = (0usize, 0usize);
    for token in toml_parser::Source::new(text).lex() {
        tokens += 1;
        if matches!(
            token.kind(),
            TokenKind::Dot | TokenKind::LeftSquareBracket | TokenKind::LeftCurlyBracket
        ) {
            openers += 1;
        }
    }
    text.len() + tokens * BYTES_PER_TOKEN + openers * BYTES_PER_OPENER
}

/// The key (a table header or a dotted key) with the most parts, as its span and its
/// number of parts: where a file that nests too deep does so.
fn deepest_key(text: &str) -> Option<(Range<usize>, usize)> {
    let mut deepest: Option<(Range<usize>, usize)> = None;
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let line_start = start;
        start += line.len();
        // The key: a header's name, or what comes before `=`; dots in quotes do not
        // count, and a line with neither (a comment, a multi-line string) has none.
        let trimmed = line.trim_start();
        let (key, lead) = if trimmed.starts_with('[') {
            let name = trimmed.trim_start_matches('[');
            (
                name.split(']').next().unwrap_or(""),
                trimmed.len() - name.len(),
            )
        } else if trimmed.starts_with('#') {
            continue;
        } else if let Some((key, _)) = trimmed.split_once('=') {
            (key, 0)
        } else {
            continue;
        };
        let mut quoted = None;
        let mut dots = 0;
        for c in key.chars() {
            match (c, quoted) {
                ('"' | '\'', None) => quoted = Some(c),
                (c, Some(q)) if c == q => quoted = None,
                ('.', None) => dots += 1,
                _ => {}
            }
        }
        if dots > 0 && deepest.as_ref().is_none_or(|(_, d)| dots + 1 > *d) {
            let offset = line_start + (line.len() - trimmed.len()) + lead;
            deepest = Some((offset..offset + key.trim_end().len(), dots + 1));
        }
    }
    deepest
}

/// What a file claims to be, from its top-level keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Questionnaire,
    Answers,
}

impl Kind {
    fn noun(self) -> &'static str {
        match self {
            Kind::Questionnaire => "questionnaire",
            Kind::Answers => "answers file",
        }
    }
}

/// What [`parse`] read: the typed file, the errors that did not stop serde (unknown
/// keys, and optional keys with a wrong value, reported and left out), and whether a
/// known key was left out (then the file read is not quite the file written).
pub(crate) type Parsed<T> = (T, Vec<Diagnostic>, bool);

/// Parses `source` as a file of `kind` into `T`. Refused when too big to parse; one
/// clear line when it is not TOML, is the other kind of file, or has the wrong
/// `format`; otherwise every shape error against the schema `schema` picks for the
/// file at once (see
/// [`crate::shape`]), and when only unknown keys are wrong, the file without them. A
/// file serde reads as it is costs one parse; only a file with a shape error is
/// parsed a second time, for the walk that finds every error.
pub(crate) fn parse<T: DeserializeOwned>(
    source: &Source,
    kind: Kind,
    schema: fn(&DeTable) -> &'static serde_json::Value,
) -> Result<Parsed<T>, Vec<Diagnostic>> {
    let what = kind.noun();
    let estimate = estimated_bytes(&source.text);
    if estimate > MAX_PARSED_BYTES {
        return Err(vec![source.file_error(format!(
            "this {what} holds too many entries to read safely: parsing it would take about \
             {} MB, and cxm allows itself {} MB (room for about 1,100 questions or 100,000 \
             answers); check that this is the right file",
            estimate.div_ceil(1024 * 1024),
            MAX_PARSED_BYTES / (1024 * 1024)
        ))]);
    }
    let parse = || {
        DeTable::parse(&source.text).map_err(|e| {
            // Too deep a dotted key or table header: the parser gives no place; the
            // key with the most dots is the one.
            if e.span().is_none()
                && e.message().contains("recursion limit")
                && let Some((span, depth)) = deepest_key(&source.text)
            {
                return vec![source.error(
                    span,
                    format!(
                        "this is not valid TOML: this key nests {depth} tables deep, more than \
                         TOML files of cxm ever need; check that this is the right file"
                    ),
                )];
            }
            let mut d = source.toml_error(&e);
            d.message = format!("this is not valid TOML: {}", d.message);
            vec![d]
        })
    };
    let table = parse()?;
    check_kind_and_format(source, table.get_ref(), kind).map_err(|d| vec![d])?;
    // Most files are fine: serde alone reads them, at no extra cost.
    let first = match T::deserialize(toml::de::Deserializer::from(table)) {
        Ok(file) => return Ok((file, Vec::new(), false)),
        Err(e) => e,
    };
    // A shape error: parse again and find them all, each at its place.
    let mut table = parse()?;
    let wanted = schema(table.get_ref());
    let findings = crate::shape::check(&mut table, wanted);
    if findings.is_empty() {
        // What the schema cannot say (e.g. a number too large for its type).
        let mut d = source.toml_error(&first);
        if d.message.ends_with("number overflowed") {
            // TOML itself cannot hold it, e.g. `1e400`: say what to write instead.
            d.message = match kind {
                Kind::Answers => "this number is too large to read; an answer is the stage \
                                  of an option (a whole number such as 2), \"n/a\" or \
                                  \"unknown\""
                    .into(),
                Kind::Questionnaire => {
                    "this number is too large to read; check the value at this place".into()
                }
            };
        }
        return Err(vec![d]);
    }
    let fatal = findings.iter().any(|f| f.fatal);
    let removed = findings.iter().any(|f| f.removed);
    let diagnostics: Vec<Diagnostic> = findings
        .into_iter()
        .map(|f| source.error(f.span, f.message))
        .collect();
    if fatal {
        return Err(diagnostics);
    }
    // Only unknown keys and wrong optional ones, now removed: read the rest.
    match T::deserialize(toml::de::Deserializer::from(table)) {
        Ok(file) => Ok((file, diagnostics, removed)),
        Err(e) => {
            let mut all = diagnostics;
            all.push(source.toml_error(&e));
            Err(all)
        }
    }
}

/// Checks the `format` key shared by every `cxm` file, and that the file is of the
/// kind wanted: a file of the other kind gets one line saying so, not a list of
/// unknown keys.
fn check_kind_and_format(source: &Source, table: &DeTable, kind: Kind) -> Result<(), Diagnostic> {
    // A questionnaire's `questionnaire` is a table, an answers file's is an id.
    let questionnaire = table.get("questionnaire").map(|v| v.get_ref().is_str());
    let is_questionnaire = questionnaire == Some(false) || table.contains_key("stages");
    let is_answers = questionnaire == Some(true) || table.contains_key("answers");
    let file = if source.name.starts_with('<') {
        "FILE".to_string()
    } else {
        source.name.clone()
    };
    let cxm = crate::invocation::program();
    match kind {
        Kind::Answers if is_questionnaire && !is_answers => {
            return Err(source.file_error(format!(
                "this is a questionnaire, not an answers file; answer it with `{cxm} assess \
                 --questionnaire {file}`, check it with `{cxm} validate {file}`, or score \
                 answers against it with `{cxm} score ANSWERS --questionnaire {file}`"
            )));
        }
        Kind::Questionnaire if is_answers && !is_questionnaire => {
            let what = if table.contains_key("kind") || table.contains_key("votes") {
                "a workshop session file"
            } else {
                "an answers file"
            };
            return Err(source.file_error(format!(
                "this is {what}, not a questionnaire; score it with `{cxm} score {file}`"
            )));
        }
        _ => {}
    }
    let Some(format) = table.get("format") else {
        return Err(source.file_error(format!(
            "missing `format = {FORMAT}` at the top of the {}",
            kind.noun()
        )));
    };
    let value = toml::Value::deserialize(toml::de::ValueDeserializer::from(format.clone()));
    let shown = match value {
        Ok(v) if v.as_integer() == Some(FORMAT) => return Ok(()),
        // Shown as TOML, the way the user wrote it.
        Ok(v) => v.to_string(),
        Err(_) => source.text[format.span()].to_string(),
    };
    Err(source.error(
        format.span(),
        format!(
            "unsupported format {shown}: this version of cxm reads format {FORMAT}; upgrade \
             cxm or write the file in format {FORMAT}"
        ),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_estimate_grows_with_tables_far_faster_than_with_plain_values() {
        // The same number of tokens: three values, or three tables opened by dots.
        let values = "a = 1\nb = 2\n";
        let tables = "a.b.c.d = 1\n";
        assert!(estimated_bytes(tables) > estimated_bytes(values) * 3);
        assert!(estimated_bytes("") <= BYTES_PER_TOKEN);
    }

    #[test]
    fn a_questionnaire_sixty_times_the_bundled_one_fits() {
        // 1,080 questions with titles, help texts, options and actions: far more than
        // anyone answers, and still inside the limit.
        let bundled = include_str!("../questionnaires/cx-maturity.en.toml");
        let estimate = estimated_bytes(bundled) * 60;
        assert!(estimate < MAX_PARSED_BYTES, "{estimate}");
    }

    #[test]
    fn the_deepest_key_is_a_header_or_a_key_never_a_comment_or_text() {
        let text = "# ........................\nhelp = \"\"\"\n. . . . . . . .\n\"\"\"\n[a.b.c]\nx.y = 1\n";
        let (span, depth) = deepest_key(text).expect("a dotted key");
        assert_eq!(depth, 3);
        assert_eq!(&text[span], "a.b.c");
    }

    #[test]
    fn a_flood_of_tiny_tables_is_refused_before_parsing() {
        let text = "x.y.z = 1\n".repeat(40_000);
        let source = Source::new("flood.toml", format!("format = 1\n{text}"));
        fn schema(_: &DeTable) -> &'static serde_json::Value {
            static EMPTY: std::sync::OnceLock<serde_json::Value> = std::sync::OnceLock::new();
            EMPTY.get_or_init(|| serde_json::json!({}))
        }
        let err = parse::<toml::Table>(&source, Kind::Answers, schema).expect_err("too big");
        assert!(
            err[0].message.contains("too many entries"),
            "{}",
            err[0].message
        );
        assert_eq!(err[0].position, None);
    }
}
