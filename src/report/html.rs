//! The report as one self-contained HTML page, rendered from a minijinja template.
//!
//! The default template (`report.html` next to this file) is embedded in the binary;
//! `--template FILE` replaces it so a consultant can brand the report without a
//! rebuild. A template sees the JSON report's fields as its variables, plus `radar`
//! (the chart as inline SVG) and `radar_summary` (its text alternative). Everything it
//! prints is HTML-escaped, whatever the template's file name; a template runs on a
//! fuel budget, so a runaway loop in a user's template ends with an error.

use minijinja::value::Serde;
use minijinja::{AutoEscape, Environment, Value, context};

use super::radar::{self, Series};
use super::score_number;
use crate::score::Report;

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
            out.push_str(&format!("\\{:06x}", c as u32));
        }
    }
    out.push('"');
    out
}

/// The chart of `report`'s dimension scores, with the target as a second outline.
fn radar_of(report: &Report) -> (String, String) {
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
            label: "Highest respondent score",
            values: pick(|r| r.max),
        });
        series.push(Series {
            class: "series band-min",
            label: "Lowest respondent score",
            values: pick(|r| r.min),
        });
    }
    series.push(Series {
        class: "series score",
        label: "Score",
        values: report.dimensions.iter().map(|d| d.score).collect(),
    });
    if let Some(t) = &report.target {
        series.push(Series {
            class: "series target",
            label: "Target",
            values: vec![Some(f64::from(t.stage.level)); labels.len()],
        });
    }
    let mut summary: Vec<String> = report
        .dimensions
        .iter()
        .map(|d| match (&d.stage, d.score) {
            (Some(stage), Some(score)) => format!(
                "{}: {} (stage {} {})",
                d.name,
                score_number(score),
                stage.level,
                stage.name
            ),
            _ => format!("{}: not assessed", d.name),
        })
        .collect();
    if let Some(t) = &report.target {
        summary.push(format!("target: stage {} {}", t.stage.level, t.stage.name));
    }
    let summary = format!(
        "Dimension scores on a scale of 1 to {}. {}.",
        report.overall.max_score,
        summary.join("; ")
    );
    let title = "Dimension scores";
    let svg = radar::svg(title, &summary, &labels, report.overall.max_score, &series);
    (svg, summary)
}

/// An environment with cxm's filters, HTML escaping for every template and a fuel
/// budget.
fn environment<'s>() -> Environment<'s> {
    let mut env = Environment::new();
    env.set_auto_escape_callback(|_| AutoEscape::Html);
    env.set_fuel(Some(FUEL));
    env.add_filter("score", |s: f64| score_number(s));
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

/// Renders `text` (a template named `name`) with `ctx` into a capped buffer.
fn render_template(name: &str, text: &str, ctx: Value) -> Result<String, TemplateError> {
    let mut env = environment();
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
    Ok(String::from_utf8_lossy(&out.bytes).into_owned())
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
    render_template(name, text, ctx)
}

/// The built-in page of a comparison (`cxm compare --format html`): before and after
/// as two outlines on the radar, the changes beside it, the answers that moved.
pub fn render_comparison(c: &crate::compare::Comparison) -> Result<String, TemplateError> {
    let (Some(first), Some(last)) = (c.snapshots.first(), c.snapshots.last()) else {
        return Ok(String::new());
    };
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
            label: "Before",
            values: values(first),
        },
        Series {
            class: "series after",
            label: "After",
            values: values(last),
        },
    ];
    let summary: Vec<String> = c
        .dimensions
        .iter()
        .map(|d| {
            let shown = |s: Option<f64>| s.map_or("not assessed".into(), score_number);
            format!(
                "{}: {} before, {} after",
                d.name,
                shown(d.change.before_score),
                shown(d.change.after_score)
            )
        })
        .collect();
    let svg = radar::svg(
        "Dimension scores before and after",
        &format!("{}.", summary.join("; ")),
        &labels,
        c.max_score,
        &series,
    );
    let ctx = context! {
        radar => Value::from_safe_string(svg),
        ..Value::from(Serde(c))
    };
    render_template("compare.html", COMPARE, ctx)
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
        assert!(s.starts_with("\"a\\000022b"));
    }
}
