//! The report as GitHub-flavoured Markdown, for documents and CI job summaries.

use std::fmt::Write;

use super::{
    agreement_text, coverage_text, dimension_lift_text, dimension_target_text, dimensions_at,
    disagreements, explained, gap_text, group_label, group_words, held_back, held_back_text,
    lang_of, no_action_text, overall_lift_text, overall_method_text, phase_title, phases,
    respondent_scores_text, respondents_text, score_number, score_text, stage_text, step_text,
    target_text, transition_text,
};
use crate::answers::Answer;
use crate::score::{AnswerValue, Report};
use crate::t;

/// Makes text safe inside a table cell: no `|` breaking the row, no line breaks.
fn cell(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace("\r\n", " ")
        .replace('\n', " ")
}

/// A group report's spread: each dimension's respondent scores, then the questions
/// where the respondents disagree, least agreement first.
fn group(out: &mut String, report: &Report) {
    if report.respondents.is_none() {
        return;
    }
    let lang = lang_of(report);
    let words = group_words(report);
    let _ = writeln!(
        out,
        "\n## {}\n\n| {} | {} |\n|---|---|",
        words.scores,
        t!(lang, "column-dimension"),
        t!(lang, "column-scores")
    );
    for d in &report.dimensions {
        let text = d
            .respondent_scores
            .as_ref()
            .map_or(t!(lang, "group-no-scores"), |r| {
                respondent_scores_text(r, lang)
            });
        let _ = writeln!(out, "| {} | {text} |", cell(&d.name));
    }
    let _ = writeln!(out, "\n## {}\n", words.disagree);
    let rows = disagreements(report);
    if rows.is_empty() {
        let _ = writeln!(out, "{}", words.none);
    } else {
        let _ = writeln!(
            out,
            "| {} | {} |\n|---|---|",
            t!(lang, "column-question"),
            t!(lang, "column-agreement")
        );
    }
    for (q, g) in rows {
        let _ = writeln!(
            out,
            "| {} ({}) | {} |",
            cell(&q.text),
            cell(&q.id),
            cell(&agreement_text(g, lang))
        );
    }
}

/// The way to the target stage: where each dimension stands, then the steps by phase.
fn roadmap(out: &mut String, report: &Report) {
    let Some(target) = &report.target else { return };
    let lang = lang_of(report);
    let stage = format!("{} {}", target.stage.level, target.stage.name);
    let _ = writeln!(out, "\n## {}\n", t!(lang, "roadmap-heading", stage = stage));
    let _ = writeln!(
        out,
        "| {} | {} | {} |\n|---|---|---|",
        t!(lang, "column-dimension"),
        t!(lang, "column-stage"),
        t!(lang, "column-to-target")
    );
    for d in report.weakest_first() {
        let _ = writeln!(
            out,
            "| {} | {} | {} |",
            cell(&d.name),
            cell(&stage_text(d, lang)),
            dimension_target_text(d, lang)
        );
    }
    let phases = phases(report);
    let mut number = 0;
    for (phase, horizon, steps) in &phases {
        let _ = writeln!(
            out,
            "\n### {}\n",
            phase_title(*phase, *horizon, phases.len(), lang)
        );
        for step in steps {
            number += 1;
            let title = step
                .action
                .as_ref()
                .map_or(t!(lang, "action-none-not-defined"), |a| a.title.clone());
            let _ = writeln!(
                out,
                "{number}. **{}: {}** ({})",
                step.dimension_name,
                title.trim(),
                transition_text(step, "→")
            );
            if let Some(a) = &step.action {
                for (label, value) in [
                    (t!(lang, "action-owner"), &a.owner),
                    (t!(lang, "action-kpi"), &a.kpi),
                ] {
                    if let Some(v) = value {
                        let _ = writeln!(out, "   - {label}: {}", v.trim());
                    }
                }
            }
        }
    }
}

pub fn render(report: &Report) -> String {
    let lang = lang_of(report);
    let mut out = String::new();
    let q = &report.questionnaire;
    let _ = writeln!(out, "# {}\n", t!(lang, "md-title", title = &q.title));

    let _ = writeln!(out, "| | |\n|---|---|");
    let mut row = |label: &str, value: &str| {
        let _ = writeln!(out, "| {label} | {} |", cell(value));
    };
    for (label, value) in [
        (t!(lang, "label-organisation"), report.organisation.clone()),
        (t!(lang, "label-respondent"), report.respondent.clone()),
        (
            t!(lang, "label-date"),
            report.date.as_deref().map(|d| lang.date(d)),
        ),
    ] {
        if let Some(v) = value {
            row(&label, &v);
        }
    }
    row(
        &t!(lang, "label-questionnaire"),
        &format!("{} {}", q.id, q.version),
    );
    let stage = match &report.overall.stage {
        // `row` escapes the cell; escaping here too would double the backslashes.
        Some(s) => format!(
            "**{} {}** ({})",
            s.level,
            s.name,
            overall_method_text(report)
        ),
        None => t!(lang, "overall-stage-none"),
    };
    row(&t!(lang, "label-overall-stage"), &stage);
    row(
        &t!(lang, "label-score"),
        &format!(
            "{} ({})",
            score_text(report.overall.score, report.overall.max_score, lang),
            t!(lang, "score-means")
        ),
    );
    if let Some(t) = target_text(report) {
        row(&t!(lang, "label-target"), &t);
    }
    if let Some(n) = respondents_text(report) {
        row(&group_label(report), &n);
    }
    if let Some(names) = held_back_text(report) {
        row(&t!(lang, "label-held-back-by"), &names);
    }
    let overall_level = report.overall.stage.as_ref().map(|s| s.level);
    if let Some((label, text)) = overall_lift_text(report, "→", "…") {
        row(&label, &text);
    }
    row(&t!(lang, "label-answers"), &coverage_text(report));
    let complete = if report.complete {
        t!(lang, "yes")
    } else {
        t!(lang, "no")
    };
    row(&t!(lang, "label-complete"), &complete);
    if let Some(gate) = &report.gate {
        let verdict = if gate.passed {
            t!(lang, "gate-passed-minimum", min = gate.min_stage)
        } else {
            format!(
                "**{}**: {}",
                t!(lang, "gate-failed"),
                gate.reasons.join("; ")
            )
        };
        row(&t!(lang, "label-ci-gate"), &verdict);
    }

    let _ = writeln!(out, "\n## {}\n", t!(lang, "report-heading-ladder"));
    let _ = writeln!(
        out,
        "| {} | {} | {} | {} |\n|---:|---|---|---|",
        t!(lang, "column-level"),
        t!(lang, "column-stage"),
        t!(lang, "column-stage-means"),
        t!(lang, "column-dimensions-here")
    );
    for s in report.stages.iter().rev() {
        let name = if Some(s.level) == overall_level {
            format!("**{}** ({})", cell(&s.name), t!(lang, "md-ladder-overall"))
        } else {
            cell(&s.name)
        };
        let _ = writeln!(
            out,
            "| {} | {name} | {} | {} |",
            s.level,
            cell(s.summary.trim()),
            cell(&dimensions_at(report, s.level).join(", "))
        );
    }

    let _ = writeln!(out, "\n## {}\n", t!(lang, "report-heading-dimensions"));
    let _ = writeln!(
        out,
        "| {} | {} | {} | {} |\n|---|---:|---|---|",
        t!(lang, "column-dimension"),
        t!(lang, "column-score"),
        t!(lang, "column-stage"),
        t!(lang, "column-next-action")
    );
    for d in &report.dimensions {
        let score = d.score.map_or("–".into(), |s| score_number(s, lang));
        let action = d
            .next_action
            .as_ref()
            .map_or(no_action_text(d, lang), |a| a.title.clone());
        let _ = writeln!(
            out,
            "| {} | {score} | {} | {} |",
            cell(&d.name),
            cell(&stage_text(d, lang)),
            cell(&action)
        );
    }

    // Why each dimension is where it is, and what lifts those holding the company back.
    let explained = explained(report);
    if !explained.is_empty() {
        let _ = writeln!(out, "\n## {}\n", t!(lang, "report-heading-why"));
    }
    for d in explained {
        let level = d.stage.as_ref().map(|s| s.level);
        let score = d.score.map(|s| score_number(s, lang)).unwrap_or_default();
        let _ = writeln!(out, "- **{}**: {} ({score})", d.name, stage_text(d, lang));
        if !d.gaps.is_empty() {
            let gaps: Vec<String> = d.gaps.iter().map(|g| gap_text(report, g, "…")).collect();
            let _ = writeln!(
                out,
                "  - {}: {}",
                t!(
                    lang,
                    "report-answers-below",
                    level = level.unwrap_or_default()
                ),
                gaps.join(", ")
            );
        }
        if held_back(report, d)
            && let Some((label, text)) = dimension_lift_text(report, d, "→", "…")
        {
            let _ = writeln!(out, "  - {label}: {text}");
        }
    }

    let with_actions: Vec<_> = report
        .weakest_first()
        .into_iter()
        .filter(|d| d.next_action.is_some())
        .collect();
    if !with_actions.is_empty() {
        let _ = writeln!(out, "\n## {}", t!(lang, "report-heading-actions"));
    }
    for (i, d) in with_actions.iter().enumerate() {
        let Some(a) = &d.next_action else { continue };
        let _ = writeln!(out, "\n### {}. {}: {}\n", i + 1, d.name, a.title);
        let _ = writeln!(out, "*{}*\n", step_text(report, d, "→"));
        let _ = writeln!(out, "{}", a.detail.trim());
        let extras: Vec<String> = [
            (t!(lang, "action-kpi"), &a.kpi),
            (t!(lang, "action-owner"), &a.owner),
            (t!(lang, "action-horizon"), &a.horizon),
        ]
        .into_iter()
        .filter_map(|(label, v)| v.as_ref().map(|v| format!("- **{label}:** {}", v.trim())))
        .collect();
        if !extras.is_empty() {
            let _ = writeln!(out, "\n{}", extras.join("\n"));
        }
    }

    roadmap(&mut out, report);
    group(&mut out, report);

    // The answers behind the stages, folded away on GitHub, for whoever checks them.
    let _ = writeln!(
        out,
        "\n## {}\n\n<details>\n<summary>{}</summary>\n",
        t!(lang, "label-answers"),
        coverage_text(report)
    );
    let _ = writeln!(
        out,
        "| {} | {} | {} | {} |\n|---|---|---|---|",
        t!(lang, "column-dimension"),
        t!(lang, "column-question"),
        t!(lang, "column-answer"),
        t!(lang, "column-note")
    );
    for q in &report.questions {
        let answer = match (&q.answer, &q.option) {
            // A group answer comes with its n.
            (Some(_), Some(option)) => match &q.group {
                Some(g) => format!("{option} (n\u{a0}{})", g.n),
                None => option.clone(),
            },
            (Some(AnswerValue(Answer::NotApplicable)), None) => t!(lang, "answer-not-applicable"),
            (Some(AnswerValue(Answer::Unknown)), None) => t!(lang, "answer-dont-know"),
            _ => t!(lang, "answer-unanswered"),
        };
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} |",
            cell(report.dimension_name(&q.dimension)),
            cell(&q.text),
            cell(&answer),
            cell(q.note.as_deref().unwrap_or(""))
        );
    }
    let _ = writeln!(out, "\n</details>");
    out
}
