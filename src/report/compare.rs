//! Views of a [`Comparison`]: the terminal (or `.txt`) text, Markdown and JSON.
//!
//! Like the report views, they compute nothing and do no I/O.

use std::fmt::Write;

use super::table::{indent_wrapped, to_plain};
use super::{Look, score_number, short_option};
use crate::answers::Answer;
use crate::compare::{Change, Comparison, MovedAnswer};
use crate::score::{AnswerValue, StageRef};

/// `1.72 → 2.50 → 4.11`: the overall score at every point in time.
fn score_series(c: &Comparison, arrow: &str) -> String {
    c.snapshots
        .iter()
        .map(|s| s.score.map_or("–".into(), score_number))
        .collect::<Vec<_>>()
        .join(&format!(" {arrow} "))
}

/// `+2.39`, `−0.33`, `±0.00`.
fn signed(delta: f64) -> String {
    if delta.abs() < 0.005 {
        "±0.00".into()
    } else if delta > 0.0 {
        format!("+{}", score_number(delta))
    } else {
        format!("-{}", score_number(-delta))
    }
}

/// `3 Multichannel`, or `no stage`.
fn stage(s: &Option<StageRef>) -> String {
    s.as_ref()
        .map_or("no stage".into(), |s| format!("{} {}", s.level, s.name))
}

/// `2 stages up`, `1 stage down`, `same stage`.
fn stage_move(change: Option<i64>) -> String {
    match change {
        Some(0) => "same stage".into(),
        Some(d) => format!(
            "{} stage{} {}",
            d.abs(),
            if d.abs() == 1 { "" } else { "s" },
            if d > 0 { "up" } else { "down" }
        ),
        None => "no stage to compare".into(),
    }
}

/// `1.33 (1 Uniform) → 4.33 (4 Cross-Channel): +3.00, 3 stages up`.
fn change_text(c: &Change, arrow: &str) -> String {
    let side = |score: Option<f64>, s: &Option<StageRef>| match score {
        Some(score) => format!("{} ({})", score_number(score), stage(s)),
        None => "not assessed".into(),
    };
    let delta = c
        .delta
        .map_or(String::new(), |d| format!("{}, ", signed(d)));
    format!(
        "{} {arrow} {}: {delta}{}",
        side(c.before_score, &c.before_stage),
        side(c.after_score, &c.after_stage),
        stage_move(c.stage_change)
    )
}

/// An answer as people read it: the stage, "n/a", "don't know" or "unanswered".
fn answer(a: &Option<AnswerValue>) -> String {
    match a.map(|a| a.0) {
        Some(Answer::Stage(s)) => s.to_string(),
        Some(Answer::NotApplicable) => "n/a".into(),
        Some(Answer::Unknown) => "don't know".into(),
        None => "unanswered".into(),
    }
}

/// `2 → 4 (Only their group … → Each customer's history …)`.
fn moved_text(m: &MovedAnswer, arrow: &str, ellipsis: &str) -> String {
    let option = |o: &Option<String>| {
        o.as_deref()
            .map_or("-".into(), |o| short_option(o, ellipsis))
    };
    format!(
        "{} {arrow} {} ({} {arrow} {})",
        answer(&m.before),
        answer(&m.after),
        option(&m.before_option),
        option(&m.after_option)
    )
}

/// `4 Cross-Channel: 73 % of the way from the first file, 1 stage to go`.
fn target_text(c: &Comparison) -> Option<String> {
    let t = c.target.as_ref()?;
    let progress = t.progress.map_or("no progress to measure".into(), |p| {
        format!("{} % of the way since the first file", (p * 100.0).round())
    });
    let gap = match t.gap {
        Some(0) => "reached".to_string(),
        Some(g) => format!("{g} stage{} to go", if g == 1 { "" } else { "s" }),
        None => "no overall stage yet".into(),
    };
    Some(format!(
        "{} {}: {progress}, {gap}",
        t.stage.level, t.stage.name
    ))
}

/// The comparison for people, fitting `look.width`.
pub fn table(c: &Comparison, look: Look) -> String {
    let width = look.width.max(40);
    let arrow = if look.unicode { "→" } else { "->" };
    let ellipsis = if look.unicode { "…" } else { "..." };
    let mut out = String::new();
    let o = &mut out;
    let plain = str::to_string;
    o.push_str(&indent_wrapped(
        "",
        &format!("{}: progress", c.questionnaire.title),
        width,
        plain,
    ));
    let _ = writeln!(
        o,
        "questionnaire {} {}\n",
        c.questionnaire.id, c.questionnaire.version
    );
    for (i, s) in c.snapshots.iter().enumerate() {
        let date = s
            .date
            .as_deref()
            .map_or(String::new(), |d| format!(" ({d})"));
        let label = if i == 0 { "Before:" } else { "After:" };
        o.push_str(&indent_wrapped(
            &format!("{label:<15}"),
            &format!("{}{date}", s.file),
            width,
            plain,
        ));
    }
    let overall = &c.overall;
    o.push_str(&indent_wrapped(
        "Overall stage: ",
        &format!(
            "{} {arrow} {} ({})",
            stage(&overall.before_stage),
            stage(&overall.after_stage),
            stage_move(overall.stage_change)
        ),
        width,
        plain,
    ));
    let delta = overall
        .delta
        .map_or(String::new(), |d| format!(" ({})", signed(d)));
    o.push_str(&indent_wrapped(
        "Score:         ",
        &format!("{}{delta}", score_series(c, arrow)),
        width,
        plain,
    ));
    if let Some(t) = target_text(c) {
        o.push_str(&indent_wrapped("Target:        ", &t, width, plain));
    }
    if !c.regressions.is_empty() {
        o.push_str(&indent_wrapped(
            "Went down:     ",
            &c.regressions.join("; "),
            width,
            plain,
        ));
    }

    let _ = writeln!(o, "\nDimensions");
    for d in &c.dimensions {
        o.push_str(&indent_wrapped(
            &format!("  {}: ", d.name),
            &change_text(&d.change, arrow),
            width,
            plain,
        ));
    }
    let _ = writeln!(o, "\nAnswers that moved ({})", c.moved.len());
    if c.moved.is_empty() {
        let _ = writeln!(o, "  none");
    }
    for m in &c.moved {
        o.push_str(&indent_wrapped(
            &format!("  {}: ", m.question),
            &moved_text(m, arrow, ellipsis),
            width,
            plain,
        ));
    }
    if !c.not_compared.is_empty() {
        o.push('\n');
        o.push_str(&indent_wrapped(
            "Not compared (answers this questionnaire version no longer has): ",
            &c.not_compared.join(", "),
            width,
            plain,
        ));
    }
    if look.unicode { out } else { to_plain(&out) }
}

/// Makes text safe inside a Markdown table cell.
fn cell(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace('\n', " ")
}

/// The comparison as GitHub-flavoured Markdown.
pub fn markdown(c: &Comparison) -> String {
    let mut out = String::new();
    let o = &mut out;
    let _ = writeln!(o, "# {}: progress\n", c.questionnaire.title);
    let _ = writeln!(o, "| | |\n|---|---|");
    for (i, s) in c.snapshots.iter().enumerate() {
        let date = s
            .date
            .as_deref()
            .map_or(String::new(), |d| format!(" ({d})"));
        let label = if i == 0 { "Before" } else { "After" };
        let _ = writeln!(o, "| {label} | {}{} |", cell(&s.file), cell(&date));
    }
    let overall = &c.overall;
    let _ = writeln!(
        o,
        "| Overall stage | {} → **{}** ({}) |",
        cell(&stage(&overall.before_stage)),
        cell(&stage(&overall.after_stage)),
        stage_move(overall.stage_change)
    );
    let delta = overall
        .delta
        .map_or(String::new(), |d| format!(" ({})", signed(d)));
    let _ = writeln!(o, "| Score | {}{delta} |", score_series(c, "→"));
    if let Some(t) = target_text(c) {
        let _ = writeln!(o, "| Target | {} |", cell(&t));
    }
    if !c.regressions.is_empty() {
        let _ = writeln!(o, "| Went down | {} |", cell(&c.regressions.join("; ")));
    }
    let _ = writeln!(
        o,
        "\n## Dimensions\n\n| Dimension | Before | After | Change |\n|---|---|---|---|"
    );
    for d in &c.dimensions {
        let ch = &d.change;
        let side = |score: Option<f64>, s: &Option<StageRef>| match score {
            Some(score) => format!("{} ({})", score_number(score), stage(s)),
            None => "not assessed".into(),
        };
        let delta = ch
            .delta
            .map_or(String::new(), |d| format!("{}, ", signed(d)));
        let _ = writeln!(
            o,
            "| {} | {} | {} | {delta}{} |",
            cell(&d.name),
            cell(&side(ch.before_score, &ch.before_stage)),
            cell(&side(ch.after_score, &ch.after_stage)),
            stage_move(ch.stage_change)
        );
    }
    let _ = writeln!(o, "\n## Answers that moved ({})\n", c.moved.len());
    if c.moved.is_empty() {
        let _ = writeln!(o, "None.");
    } else {
        let _ = writeln!(o, "| Question | Before | After |\n|---|---|---|");
        for m in &c.moved {
            let side = |a: &Option<AnswerValue>, opt: &Option<String>| {
                format!("{}: {}", answer(a), opt.as_deref().unwrap_or("-"))
            };
            let _ = writeln!(
                o,
                "| {} ({}) | {} | {} |",
                cell(&m.text),
                cell(&m.question),
                cell(&side(&m.before, &m.before_option)),
                cell(&side(&m.after, &m.after_option))
            );
        }
    }
    if !c.not_compared.is_empty() {
        let _ = writeln!(
            o,
            "\nNot compared (answers this questionnaire version no longer has): {}",
            c.not_compared.join(", ")
        );
    }
    out
}

/// The comparison as JSON (schema version 1).
pub fn json(c: &Comparison) -> String {
    // Structs of strings and numbers always serialize.
    let mut text = serde_json::to_string_pretty(c).unwrap_or_default();
    text.push('\n');
    text
}
