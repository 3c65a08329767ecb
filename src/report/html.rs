//! The report as one self-contained HTML page, rendered from a minijinja template.
//!
//! The default template (`report.html` next to this file) is embedded in the binary;
//! `--template FILE` replaces it so a consultant can brand the report without a
//! rebuild. A template sees the JSON report's fields as its variables, plus `radar`
//! (the chart as inline SVG) and `radar_summary` (its text alternative). Its words
//! come from the message files through the function `t` (`{{ t("label-overall-stage")
//! }}`, see [`crate::i18n`]) in the report's language, and so do the filters that write
//! numbers and dates (`score`, `decimal`, `date`). Everything it prints is
//! HTML-escaped, whatever the template's file name; a template runs on a fuel budget,
//! so a runaway loop in a user's template ends with an error.

use minijinja::value::{Kwargs, Serde};
use minijinja::{AutoEscape, Environment, Value, context};

use super::radar::{self, Series};
use super::{answer_key_word, lang_of, score_number};
use crate::i18n::{Arg, Lang};
use crate::score::Report;
use crate::t;

/// A user's template: the name errors give it, and its text.
#[derive(Debug, Clone)]
pub struct Template {
    pub name: String,
    pub text: String,
}

impl Template {
    /// Checks that the template parses, so a broken one fails before any work.
    pub fn check(&self) -> Result<(), TemplateError> {
        let mut env = Environment::new();
        env.add_template(&self.name, &self.text)
            .map_err(|e| TemplateError::new(&self.name, &e))
    }
}

/// The default template, embedded at compile time.
const DEFAULT: &str = include_str!("report.html");

/// Template instructions one render may run: ample for any report (the bundled one
/// needs well under a hundredth), and a stop for a template that loops away.
const FUEL: u64 = 50_000_000;

/// A template that does not parse or render: message with `file:line`.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct TemplateError(String);

impl TemplateError {
    fn new(template: &str, err: &minijinja::Error) -> TemplateError {
        let place = match err.line() {
            Some(line) => format!("{template}:{line}"),
            None => template.to_string(),
        };
        let what = match err.detail() {
            // The only writer is the capped buffer.
            _ if err.kind() == minijinja::ErrorKind::WriteFailure => format!(
                "the report grew past {} MB; a template must not write more",
                MAX_OUTPUT / (1024 * 1024)
            ),
            Some(detail) => format!("{}: {detail}", err.kind()),
            None => err.kind().to_string(),
        };
        TemplateError(format!(
            "template {place}: {what}; the template's variables are the JSON report's fields \
             (see the README)"
        ))
    }
}

/// A text as a CSS string literal, safe inside `<style>`: everything but letters,
/// digits and spaces becomes an escape.
fn css_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        if c.is_alphanumeric() || c == ' ' {
            out.push(c);
        } else {
            // CSS takes the one space after a hex escape as its end: it never shows.
            out.push_str(&format!("\\{:x} ", c as u32));
        }
    }
    out.push('"');
    out
}

/// The chart of `report`'s dimension scores, with the target as a second outline.
fn radar_of(report: &Report) -> (String, String) {
    let lang = lang_of(report);
    let labels: Vec<&str> = report.dimensions.iter().map(|d| d.name.as_str()).collect();
    // For a group report, first the band between the lowest and highest respondent
    // scores: the highest filled, the lowest cut out of it.
    let mut series = Vec::new();
    if report.respondents.is_some() {
        let pick = |f: fn(&crate::aggregate::RespondentScores) -> f64| {
            report
                .dimensions
                .iter()
                .map(|d| d.respondent_scores.as_ref().map(f))
                .collect::<Vec<_>>()
        };
        series.push(Series {
            class: "series band-max",
            label: t!(lang, "radar-highest-respondent"),
            values: pick(|r| r.max),
        });
        series.push(Series {
            class: "series band-min",
            label: t!(lang, "radar-lowest-respondent"),
            values: pick(|r| r.min),
        });
    }
    series.push(Series {
        class: "series score",
        label: t!(lang, "radar-score"),
        values: report.dimensions.iter().map(|d| d.score).collect(),
    });
    if let Some(t) = &report.target {
        series.push(Series {
            class: "series target",
            label: t!(lang, "radar-target"),
            values: vec![Some(f64::from(t.stage.level)); labels.len()],
        });
    }
    let mut summary: Vec<String> = report
        .dimensions
        .iter()
        .map(|d| match (&d.stage, d.score) {
            (Some(stage), Some(score)) => t!(
                lang,
                "radar-dimension-score",
                dimension = &d.name,
                score = score_number(score, lang),
                stage = format!("{} {}", stage.level, stage.name)
            ),
            _ => format!("{}: {}", d.name, t!(lang, "stage-not-assessed")),
        })
        .collect();
    if let Some(t) = &report.target {
        let stage = format!("{} {}", t.stage.level, t.stage.name);
        summary.push(t!(lang, "radar-target-stage", stage = stage));
    }
    let summary = t!(
        lang,
        "radar-summary",
        max = report.overall.max_score,
        scores = summary.join("; ")
    );
    let title = t!(lang, "radar-title");
    let svg = radar::svg(&title, &summary, &labels, report.overall.max_score, &series);
    (svg, summary)
}

/// A template value as a message argument: numbers stay numbers (for plural forms),
/// anything else is its text.
fn message_arg(value: &Value) -> Arg<'static> {
    match value.as_i64() {
        Some(n) if value.is_number() => Arg::from(n),
        _ => Arg::from(value.to_string()),
    }
}

/// An environment with cxm's filters and the message function `t` in `lang`, HTML
/// escaping for every template and a fuel budget.
fn environment<'s>(lang: Lang) -> Environment<'s> {
    let mut env = Environment::new();
    env.set_auto_escape_callback(|_| AutoEscape::Html);
    env.set_fuel(Some(FUEL));
    env.add_function(
        "t",
        move |id: &str, kwargs: Kwargs| -> Result<String, minijinja::Error> {
            let mut args = Vec::new();
            for name in kwargs.args() {
                args.push((name, message_arg(&kwargs.get::<Value>(name)?)));
            }
            Ok(lang.text_with(id, &args))
        },
    );
    env.add_filter("score", move |s: f64| score_number(s, lang));
    // A group answer's key (`1`, `n/a`, `unknown`, `unanswered`) in the report's words.
    env.add_filter("answer_word", move |key: String| {
        answer_key_word(&key, lang)
    });
    // Two decimals, e.g. a consensus.
    env.add_filter("decimal", move |s: f64| lang.fixed(s, 2));
    // `2026-11-24`, in German `24.11.2026`.
    env.add_filter("date", move |d: String| lang.date(&d));
    // Rounded, but 100 only when the whole way is covered.
    env.add_filter("percent", |share: f64| {
        let percent = (share.clamp(0.0, 1.0) * 100.0).round() as u32;
        if share < 1.0 {
            percent.min(99)
        } else {
            percent
        }
    });
    env.add_filter("css_string", |s: String| {
        Value::from_safe_string(css_string(&s))
    });
    env
}

/// Renders `text` (a template named `name`) with `ctx` into a capped buffer, its words
/// in `lang`.
fn render_template(
    name: &str,
    text: &str,
    ctx: Value,
    lang: Lang,
) -> Result<String, TemplateError> {
    let mut env = environment(lang);
    env.add_template(name, text)
        .map_err(|e| TemplateError::new(name, &e))?;
    let tmpl = env
        .get_template(name)
        .map_err(|e| TemplateError::new(name, &e))?;
    let mut out = Capped {
        bytes: Vec::new(),
        limit: MAX_OUTPUT,
    };
    tmpl.render_captured_to(ctx, &mut out)
        .map_err(|e| TemplateError::new(name, &e))?;
    // A user's template may hold control characters of its own: none reaches the page
    // (or, with `-f html` on a terminal, the terminal). Line breaks and tabs stay.
    Ok(String::from_utf8_lossy(&out.bytes)
        .chars()
        .filter(|c| !c.is_control() || matches!(c, '\n' | '\r' | '\t'))
        .collect())
}

/// Renders `report` with `template`, or the default template.
pub fn render(report: &Report, template: Option<&Template>) -> Result<String, TemplateError> {
    let (name, text) = match template {
        Some(t) => (t.name.as_str(), t.text.as_str()),
        None => ("report.html", DEFAULT),
    };
    let (svg, summary) = radar_of(report);
    let ctx = context! {
        radar => Value::from_safe_string(svg),
        radar_summary => summary,
        ..Value::from(Serde(report))
    };
    render_template(name, text, ctx, lang_of(report))
}

/// The built-in page of a comparison (`cxm compare --format html`): before and after
/// as two outlines on the radar, the changes beside it, the answers that moved.
pub fn render_comparison(c: &crate::compare::Comparison) -> Result<String, TemplateError> {
    let (Some(first), Some(last)) = (c.snapshots.first(), c.snapshots.last()) else {
        return Ok(String::new());
    };
    let lang = Lang::of(&c.questionnaire.language);
    let labels: Vec<&str> = c.dimensions.iter().map(|d| d.name.as_str()).collect();
    let values = |s: &crate::compare::Snapshot| {
        c.dimensions
            .iter()
            .map(|d| {
                s.dimensions
                    .iter()
                    .find(|p| p.id == d.id)
                    .and_then(|p| p.score)
            })
            .collect::<Vec<_>>()
    };
    let series = [
        Series {
            class: "series before",
            label: t!(lang, "compare-before"),
            values: values(first),
        },
        Series {
            class: "series after",
            label: t!(lang, "compare-after"),
            values: values(last),
        },
    ];
    let summary: Vec<String> = c
        .dimensions
        .iter()
        .map(|d| {
            let shown = |s: Option<f64>| {
                s.map_or(t!(lang, "stage-not-assessed"), |s| score_number(s, lang))
            };
            t!(
                lang,
                "radar-before-after",
                dimension = &d.name,
                before = shown(d.change.before_score),
                after = shown(d.change.after_score)
            )
        })
        .collect();
    let svg = radar::svg(
        &t!(lang, "radar-title-before-after"),
        &format!("{}.", summary.join("; ")),
        &labels,
        c.max_score,
        &series,
    );
    let ctx = context! {
        radar => Value::from_safe_string(svg),
        ..Value::from(Serde(c))
    };
    render_template("compare.html", COMPARE, ctx, lang)
}

/// The comparison page's template, embedded at compile time.
const COMPARE: &str = include_str!("compare.html");

/// The largest report a template may write: the built-in one writes well under 1 MB.
const MAX_OUTPUT: usize = 64 * 1024 * 1024;

/// Collects a template's output, refusing to grow past `limit`.
struct Capped {
    bytes: Vec<u8>,
    limit: usize,
}

impl std::io::Write for Capped {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.bytes.len() + buf.len() > self.limit {
            return Err(std::io::Error::other(format!(
                "the report grew past {} MB",
                self.limit / (1024 * 1024)
            )));
        }
        self.bytes.extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn css_strings_cannot_close_the_string_or_the_style_element() {
        let s = css_string("a\"b</style>\\ c");
        assert_eq!(s.matches('"').count(), 2);
        assert!(!s.contains('<') && !s.contains('>'));
        assert!(s.starts_with("\"a\\22 b"));
    }

    #[test]
    fn a_space_after_an_escaped_character_stays_a_space() {
        // `\b7 ` ends the escape; the space of the text follows it.
        assert_eq!(css_string("A · B"), "\"A \\b7  B\"");
    }
}
