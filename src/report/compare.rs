//! Views of a [`Comparison`]: the terminal (or `.txt`) text, Markdown and JSON.
//!
//! Like the report views, they compute nothing and do no I/O.

use std::fmt::Write;

use super::table::{indent_wrapped, to_plain};
use super::{Look, answer_key_word, question_label, score_number, short_option};
use crate::answers::Answer;
use crate::compare::{Change, Comparison, MovedAnswer};
use crate::i18n::Lang;
use crate::score::{AnswerValue, StageRef};
use crate::t;

/// The language of a comparison's own words: its questionnaire's.
fn lang_of(c: &Comparison) -> Lang {
    Lang::of(&c.questionnaire.language)
}

/// `1.72 → 2.50 → 4.11`: the overall score at every point in time.
fn score_series(c: &Comparison, arrow: &str, lang: Lang) -> String {
    c.snapshots
        .iter()
        .map(|s| s.score.map_or("–".into(), |s| score_number(s, lang)))
        .collect::<Vec<_>>()
        .join(&format!(" {arrow} "))
}

/// `+2.39`, `−0.33`, `±0.00`.
fn signed(delta: f64, lang: Lang) -> String {
    if delta.abs() < 0.005 {
        format!("±{}", lang.fixed(0.0, 2))
    } else if delta > 0.0 {
        format!("+{}", score_number(delta, lang))
    } else {
        format!("-{}", score_number(-delta, lang))
    }
}

/// `3 Multichannel`, or `no stage`.
fn stage(s: &Option<StageRef>, lang: Lang) -> String {
    s.as_ref().map_or(t!(lang, "compare-no-stage"), |s| {
        format!("{} {}", s.level, s.name)
    })
}

/// `2 stages up`, `1 stage down`, `same stage`.
fn stage_move(change: Option<i64>, lang: Lang) -> String {
    match change {
        Some(0) => t!(lang, "compare-same-stage"),
        Some(d) if d > 0 => t!(lang, "compare-stages-up", stages = d),
        Some(d) => t!(lang, "compare-stages-down", stages = -d),
        None => t!(lang, "compare-no-stage-to-compare"),
    }
}

/// `1.33 (1 Uniform) → 4.33 (4 Cross-Channel): +3.00, 3 stages up`.
fn change_text(c: &Change, arrow: &str, lang: Lang) -> String {
    let side = |score: Option<f64>, s: &Option<StageRef>| match score {
        Some(score) => format!("{} ({})", score_number(score, lang), stage(s, lang)),
        None => t!(lang, "stage-not-assessed"),
    };
    let delta = c
        .delta
        .map_or(String::new(), |d| format!("{}, ", signed(d, lang)));
    format!(
        "{} {arrow} {}: {delta}{}",
        side(c.before_score, &c.before_stage),
        side(c.after_score, &c.after_stage),
        stage_move(c.stage_change, lang)
    )
}

/// An answer as people read it: the stage, "n/a", "don't know" or "unanswered".
fn answer(a: &Option<AnswerValue>, lang: Lang) -> String {
    match a.map(|a| a.0) {
        Some(Answer::Stage(s)) => s.to_string(),
        Some(Answer::NotApplicable) => answer_key_word("n/a", lang),
        Some(Answer::Unknown) => answer_key_word("unknown", lang),
        None => answer_key_word("unanswered", lang),
    }
}

/// `2 → 4 (Only their group … → Each customer's history …)`.
fn moved_text(m: &MovedAnswer, arrow: &str, ellipsis: &str, lang: Lang) -> String {
    let option = |o: &Option<String>| {
        o.as_deref()
            .map_or("-".into(), |o| short_option(o, ellipsis))
    };
    format!(
        "{} {arrow} {} ({} {arrow} {})",
        answer(&m.before, lang),
        answer(&m.after, lang),
        option(&m.before_option),
        option(&m.after_option)
    )
}

/// `4 Cross-Channel: 73 % of the way from the first file, 1 stage to go`.
fn target_text(c: &Comparison) -> Option<String> {
    let lang = lang_of(c);
    let t = c.target.as_ref()?;
    let progress = t.progress.map_or(t!(lang, "compare-no-progress"), |p| {
        t!(
            lang,
            "compare-progress-since-first",
            percent = (p * 100.0).round() as i64
        )
    });
    let gap = match t.gap {
        Some(0) => t!(lang, "target-reached"),
        Some(g) => t!(lang, "stages-to-go", gap = g),
        None => t!(lang, "target-no-overall-stage"),
    };
    Some(format!(
        "{} {}: {progress}, {gap}",
        t.stage.level, t.stage.name
    ))
}

/// The comparison for people, fitting `look.width`.
pub fn table(c: &Comparison, look: Look) -> String {
    let lang = lang_of(c);
    let width = look.width.max(40);
    let arrow = if look.unicode { "→" } else { "->" };
    let ellipsis = if look.unicode { "…" } else { "..." };
    let mut out = String::new();
    let o = &mut out;
    let plain = str::to_string;
    o.push_str(&indent_wrapped(
        "",
        &t!(lang, "compare-title", title = &c.questionnaire.title),
        width,
        plain,
    ));
    let _ = writeln!(
        o,
        "{}\n",
        t!(
            lang,
            "report-questionnaire-line",
            id = &c.questionnaire.id,
            version = &c.questionnaire.version
        )
    );
    // Labels line up after the longest of them.
    let labels = [
        t!(lang, "label-organisation"),
        t!(lang, "compare-before"),
        t!(lang, "compare-after"),
        t!(lang, "label-overall-stage"),
        t!(lang, "label-score"),
        t!(lang, "label-target"),
        t!(lang, "compare-went-down"),
    ];
    let label_width = labels.iter().map(|l| l.chars().count()).max().unwrap_or(0) + 2;
    let head = |label: &str| {
        let label = format!("{label}:");
        format!("{label}{}", " ".repeat(label_width - label.chars().count()))
    };
    let [
        organisation,
        before,
        after,
        overall_stage,
        score,
        target,
        went_down,
    ] = &labels;
    if let Some(name) = c.organisation() {
        o.push_str(&indent_wrapped(&head(organisation), name, width, plain));
    }
    for (i, s) in c.snapshots.iter().enumerate() {
        let date = s
            .date
            .as_deref()
            .map_or(String::new(), |d| format!(" ({})", lang.date(d)));
        let label = if i == 0 { before } else { after };
        o.push_str(&indent_wrapped(
            &head(label),
            &format!("{}{date}", s.file),
            width,
            plain,
        ));
    }
    let overall = &c.overall;
    o.push_str(&indent_wrapped(
        &head(overall_stage),
        &format!(
            "{} {arrow} {} ({})",
            stage(&overall.before_stage, lang),
            stage(&overall.after_stage, lang),
            stage_move(overall.stage_change, lang)
        ),
        width,
        plain,
    ));
    let delta = overall
        .delta
        .map_or(String::new(), |d| format!(" ({})", signed(d, lang)));
    o.push_str(&indent_wrapped(
        &head(score),
        &format!("{}{delta}", score_series(c, arrow, lang)),
        width,
        plain,
    ));
    if let Some(t) = target_text(c) {
        o.push_str(&indent_wrapped(&head(target), &t, width, plain));
    }
    if !c.regressions.is_empty() {
        o.push_str(&indent_wrapped(
            &head(went_down),
            &c.regressions.join("; "),
            width,
            plain,
        ));
    }

    let _ = writeln!(o, "\n{}", t!(lang, "report-heading-dimensions"));
    for d in &c.dimensions {
        o.push_str(&indent_wrapped(
            &format!("  {}: ", d.name),
            &change_text(&d.change, arrow, lang),
            width,
            plain,
        ));
    }
    let _ = writeln!(
        o,
        "\n{}",
        t!(lang, "compare-heading-moved", count = c.moved.len())
    );
    if c.moved.is_empty() {
        let _ = writeln!(o, "  {}", t!(lang, "compare-none"));
    }
    for m in &c.moved {
        o.push_str(&indent_wrapped(
            &format!("  {}: ", question_label(&m.title, &m.question)),
            &moved_text(m, arrow, ellipsis, lang),
            width,
            plain,
        ));
    }
    if !c.not_compared.is_empty() {
        o.push('\n');
        o.push_str(&indent_wrapped(
            &format!("{}: ", t!(lang, "compare-not-compared")),
            &c.not_compared.join(", "),
            width,
            plain,
        ));
    }
    // No-break spaces kept words together while wrapping; the text has plain ones.
    if look.unicode {
        out.replace('\u{a0}', " ")
    } else {
        to_plain(&out)
    }
}

/// Makes text safe inside a Markdown table cell.
fn cell(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace('\n', " ")
}

/// The comparison as GitHub-flavoured Markdown.
pub fn markdown(c: &Comparison) -> String {
    let lang = lang_of(c);
    let mut out = String::new();
    let o = &mut out;
    let _ = writeln!(
        o,
        "# {}\n",
        t!(lang, "compare-title", title = &c.questionnaire.title)
    );
    let _ = writeln!(o, "| | |\n|---|---|");
    if let Some(name) = c.organisation() {
        let _ = writeln!(o, "| {} | {} |", t!(lang, "label-organisation"), cell(name));
    }
    for (i, s) in c.snapshots.iter().enumerate() {
        let date = s
            .date
            .as_deref()
            .map_or(String::new(), |d| format!(" ({})", lang.date(d)));
        let label = if i == 0 {
            t!(lang, "compare-before")
        } else {
            t!(lang, "compare-after")
        };
        let _ = writeln!(o, "| {label} | {}{} |", cell(&s.file), cell(&date));
    }
    let overall = &c.overall;
    let _ = writeln!(
        o,
        "| {} | {} → **{}** ({}) |",
        t!(lang, "label-overall-stage"),
        cell(&stage(&overall.before_stage, lang)),
        cell(&stage(&overall.after_stage, lang)),
        stage_move(overall.stage_change, lang)
    );
    let delta = overall
        .delta
        .map_or(String::new(), |d| format!(" ({})", signed(d, lang)));
    let _ = writeln!(
        o,
        "| {} | {}{delta} |",
        t!(lang, "label-score"),
        score_series(c, "→", lang)
    );
    if let Some(t) = target_text(c) {
        let _ = writeln!(o, "| {} | {} |", t!(lang, "label-target"), cell(&t));
    }
    if !c.regressions.is_empty() {
        let _ = writeln!(
            o,
            "| {} | {} |",
            t!(lang, "compare-went-down"),
            cell(&c.regressions.join("; "))
        );
    }
    let _ = writeln!(
        o,
        "\n## {}\n\n| {} | {} | {} | {} |\n|---|---|---|---|",
        t!(lang, "report-heading-dimensions"),
        t!(lang, "column-dimension"),
        t!(lang, "compare-before"),
        t!(lang, "compare-after"),
        t!(lang, "compare-change")
    );
    for d in &c.dimensions {
        let ch = &d.change;
        let side = |score: Option<f64>, s: &Option<StageRef>| match score {
            Some(score) => format!("{} ({})", score_number(score, lang), stage(s, lang)),
            None => t!(lang, "stage-not-assessed"),
        };
        let delta = ch
            .delta
            .map_or(String::new(), |d| format!("{}, ", signed(d, lang)));
        let _ = writeln!(
            o,
            "| {} | {} | {} | {delta}{} |",
            cell(&d.name),
            cell(&side(ch.before_score, &ch.before_stage)),
            cell(&side(ch.after_score, &ch.after_stage)),
            stage_move(ch.stage_change, lang)
        );
    }
    let _ = writeln!(
        o,
        "\n## {}\n",
        t!(lang, "compare-heading-moved", count = c.moved.len())
    );
    if c.moved.is_empty() {
        let _ = writeln!(o, "{}", t!(lang, "compare-none-moved"));
    } else {
        let _ = writeln!(
            o,
            "| {} | {} | {} |\n|---|---|---|",
            t!(lang, "column-question"),
            t!(lang, "compare-before"),
            t!(lang, "compare-after")
        );
        for m in &c.moved {
            let side = |a: &Option<AnswerValue>, opt: &Option<String>| {
                format!("{}: {}", answer(a, lang), opt.as_deref().unwrap_or("-"))
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
            "\n{}: {}",
            t!(lang, "compare-not-compared"),
            c.not_compared.join(", ")
        );
    }
    out
}

/// The comparison as JSON (schema version 1).
pub fn json(c: &Comparison) -> String {
    // Structs of strings and numbers always serialize.
    crate::output::json_text(c)
}
