//! The radar (spider) chart of the dimension scores, as inline SVG for the HTML report.
//!
//! One ring per stage, one spoke per dimension, one polygon per series (the scores;
//! the target as a second, dashed outline). Labels sit outside the outermost ring,
//! anchored away from the centre, so they never overlap the chart; the view box leaves
//! room for them. Every text is escaped. A `<title>` and `<desc>` give screen readers
//! the same numbers as the table next to the chart.

use std::f64::consts::PI;
use std::fmt::Write;

/// One series: a value per spoke (`None` where a dimension has no score).
pub struct Series<'a> {
    /// The CSS class of its polygon: `series score`, `series target`, …
    pub class: &'a str,
    pub label: String,
    pub values: Vec<Option<f64>>,
}

/// Radius of the outermost ring, and the room left around it for labels.
const RADIUS: f64 = 150.0;
const LABEL_GAP: f64 = 14.0;
const MARGIN_X: f64 = 190.0;
const MARGIN_Y: f64 = 60.0;
/// Characters per label line before it wraps; at most two lines.
const LABEL_LINE: usize = 18;

/// Escapes text for SVG (XML) content and attributes.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The point at `value` (0..=max) on spoke `i` of `n`, the first straight up.
fn point(i: usize, n: usize, value: f64, max: f64) -> (f64, f64) {
    let angle = -PI / 2.0 + 2.0 * PI * i as f64 / n as f64;
    let r = RADIUS * (value / max).clamp(0.0, 1.0);
    (r * angle.cos(), r * angle.sin())
}

/// A label's lines: words kept whole, at most two lines, the second shortened.
fn label_lines(text: &str) -> Vec<String> {
    let mut lines = vec![String::new()];
    for word in text.split_whitespace() {
        let Some(line) = lines.last_mut() else { break };
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > LABEL_LINE {
            lines.push(word.to_string());
        } else {
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
    }
    if lines.len() > 2 {
        let rest = lines.split_off(1).join(" ");
        let short: String = rest.chars().take(LABEL_LINE - 1).collect();
        lines.push(format!("{}…", short.trim_end()));
    }
    lines
}

/// The chart for `labels` (one per spoke) on a ladder of `max` stages. `summary` is
/// the text alternative (`<desc>`).
pub fn svg(title: &str, summary: &str, labels: &[&str], max: u32, series: &[Series]) -> String {
    let n = labels.len().max(1);
    let max = f64::from(max.max(1));
    let mut out = String::new();
    let (w, h) = (2.0 * (RADIUS + MARGIN_X), 2.0 * (RADIUS + MARGIN_Y));
    let _ = write!(
        out,
        "<svg class=\"radar\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"{} {} {w} {h}\" \
         role=\"img\" aria-labelledby=\"radar-title radar-desc\">\
         <title id=\"radar-title\">{}</title><desc id=\"radar-desc\">{}</desc>",
        -(RADIUS + MARGIN_X),
        -(RADIUS + MARGIN_Y),
        escape(title),
        escape(summary)
    );
    // Rings, one per stage, as polygons through the spokes, labelled with the level.
    for level in 1..=max as u32 {
        let points: Vec<String> = (0..n)
            .map(|i| {
                let (x, y) = point(i, n, f64::from(level), max);
                format!("{x:.1},{y:.1}")
            })
            .collect();
        let _ = write!(
            out,
            "<polygon class=\"ring\" points=\"{}\"/><text class=\"ring-label\" x=\"3\" y=\"{:.1}\">{level}</text>",
            points.join(" "),
            -RADIUS * f64::from(level) / max + 11.0
        );
    }
    for (i, label) in labels.iter().enumerate() {
        let (x, y) = point(i, n, max, max);
        let _ = write!(
            out,
            "<line class=\"spoke\" x1=\"0\" y1=\"0\" x2=\"{x:.1}\" y2=\"{y:.1}\"/>"
        );
        // Outside the outer ring, anchored so the text runs away from the chart.
        let angle = -PI / 2.0 + 2.0 * PI * i as f64 / n as f64;
        let (lx, ly) = (
            (RADIUS + LABEL_GAP) * angle.cos(),
            (RADIUS + LABEL_GAP) * angle.sin(),
        );
        let anchor = if angle.cos().abs() < 0.2 {
            "middle"
        } else if angle.cos() > 0.0 {
            "start"
        } else {
            "end"
        };
        let lines = label_lines(label);
        // Above the chart, the last line sits on the gap; below, the first.
        let first_dy = if angle.sin() < -0.2 {
            -(lines.len() as f64 - 1.0) * 1.15
        } else if angle.sin() > 0.2 {
            0.8
        } else {
            0.35 - (lines.len() as f64 - 1.0) * 0.575
        };
        let _ = write!(
            out,
            "<text class=\"axis-label\" x=\"{lx:.1}\" y=\"{ly:.1}\" text-anchor=\"{anchor}\">"
        );
        for (k, line) in lines.iter().enumerate() {
            let dy = if k == 0 { first_dy } else { 1.15 };
            let _ = write!(
                out,
                "<tspan x=\"{lx:.1}\" dy=\"{dy:.2}em\">{}</tspan>",
                escape(line)
            );
        }
        out.push_str("</text>");
    }
    for s in series {
        let points: Vec<String> = s
            .values
            .iter()
            .enumerate()
            .map(|(i, v)| {
                let (x, y) = point(i, n, v.unwrap_or(0.0), max);
                format!("{x:.1},{y:.1}")
            })
            .collect();
        let _ = write!(
            out,
            "<polygon class=\"{}\" points=\"{}\"><title>{}</title></polygon>",
            escape(s.class),
            points.join(" "),
            escape(&s.label)
        );
    }
    out.push_str("</svg>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_spoke_per_dimension_and_one_polygon_per_series() {
        let series = [
            Series {
                class: "series score",
                label: "Score".into(),
                values: vec![Some(2.0), Some(3.5), None],
            },
            Series {
                class: "series target",
                label: "Target".into(),
                values: vec![Some(4.0); 3],
            },
        ];
        let svg = svg("t", "d", &["A", "B", "C"], 5, &series);
        assert_eq!(svg.matches("class=\"spoke\"").count(), 3);
        assert_eq!(svg.matches("class=\"series ").count(), 2);
        assert_eq!(svg.matches("class=\"ring\"").count(), 5);
        // The first spoke points straight up: stage 2 of 5 is 60 units above the centre.
        assert!(svg.contains("points=\"0.0,-60.0 "), "{svg}");
    }

    #[test]
    fn labels_are_escaped_and_wrapped_in_at_most_two_lines() {
        let svg = svg("<t>", "\"d\"", &["<script>alert(1)</script>"], 5, &[]);
        assert!(!svg.contains("<script>"));
        assert!(svg.contains("&lt;script&gt;"));
        assert!(svg.contains("<title id=\"radar-title\">&lt;t&gt;</title>"));
        let lines = label_lines("Customer Insight and Feedback from every channel we run");
        assert_eq!(lines.len(), 2);
        assert!(lines.iter().all(|l| l.chars().count() <= LABEL_LINE));
    }
}
