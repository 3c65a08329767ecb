//! The report as GitHub-flavoured Markdown, for documents and CI job summaries.

use std::fmt::Write;

use super::{
    NO_STEP_ACTION, SCORE_MEANS, agreement_text, coverage_text, dimension_lift_text,
    dimension_target_text, dimensions_at, disagreements, explained, gap_text, group_words,
    held_back, held_back_text, no_action_text, overall_lift_text, overall_method_text, phase_title,
    phases, respondent_scores_text, respondents_text, score_number, score_text, stage_text,
    step_text, target_text, transition_text,
};
use crate::answers::Answer;
use crate::score::{AnswerValue, Report};

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
    let words = group_words(report);
    let _ = writeln!(
        out,
        "\n## {}\n\n| Dimension | Scores |\n|---|---|",
        words.scores
    );
    for d in &report.dimensions {
        let text = d
            .respondent_scores
            .as_ref()
            .map_or("no scores".into(), respondent_scores_text);
        let _ = writeln!(out, "| {} | {text} |", cell(&d.name));
    }
    let _ = writeln!(out, "\n## {}\n", words.disagree);
    let rows = disagreements(report);
    if rows.is_empty() {
        let _ = writeln!(out, "{}", words.none);
    } else {
        let _ = writeln!(out, "| Question | Agreement |\n|---|---|");
    }
    for (q, g) in rows {
        let _ = writeln!(
            out,
            "| {} ({}) | {} |",
            cell(&q.text),
            cell(&q.id),
            cell(&agreement_text(g))
        );
    }
}

/// The way to the target stage: where each dimension stands, then the steps by phase.
fn roadmap(out: &mut String, report: &Report) {
    let Some(target) = &report.target else { return };
    let _ = writeln!(
        out,
        "\n## Roadmap to {} {}\n",
        target.stage.level, target.stage.name
    );
    let _ = writeln!(out, "| Dimension | Stage | To the target |\n|---|---|---|");
    for d in report.weakest_first() {
        let _ = writeln!(
            out,
            "| {} | {} | {} |",
            cell(&d.name),
            cell(&stage_text(d)),
            dimension_target_text(d)
        );
    }
    let phases = phases(report);
    let mut number = 0;
    for (phase, horizon, steps) in &phases {
        let _ = writeln!(
            out,
            "\n### {}\n",
            phase_title(*phase, *horizon, phases.len())
        );
        for step in steps {
            number += 1;
            let title = step
                .action
                .as_ref()
                .map_or(NO_STEP_ACTION, |a| a.title.as_str());
            let _ = writeln!(
                out,
                "{number}. **{}: {}** ({})",
                step.dimension_name,
                title.trim(),
                transition_text(step, "→")
            );
            if let Some(a) = &step.action {
                for (label, value) in [("Owner", &a.owner), ("KPI", &a.kpi)] {
                    if let Some(v) = value {
                        let _ = writeln!(out, "   - {label}: {}", v.trim());
                    }
                }
            }
        }
    }
}

pub fn render(report: &Report) -> String {
    let mut out = String::new();
    let q = &report.questionnaire;
    let _ = writeln!(out, "# {}: stage report\n", q.title);

    let _ = writeln!(out, "| | |\n|---|---|");
    let mut row = |label: &str, value: &str| {
        let _ = writeln!(out, "| {label} | {} |", cell(value));
    };
    for (label, value) in [
        ("Organisation", &report.organisation),
        ("Respondent", &report.respondent),
        ("Date", &report.date),
    ] {
        if let Some(v) = value {
            row(label, v);
        }
    }
    row("Questionnaire", &format!("{} {}", q.id, q.version));
    let stage = match &report.overall.stage {
        // `row` escapes the cell; escaping here too would double the backslashes.
        Some(s) => format!(
            "**{} {}** ({})",
            s.level,
            s.name,
            overall_method_text(report)
        ),
        None => "none: no question has a stage answer".into(),
    };
    row("Overall stage", &stage);
    row(
        "Score",
        &format!(
            "{} ({SCORE_MEANS})",
            score_text(report.overall.score, report.overall.max_score),
        ),
    );
    if let Some(t) = target_text(report) {
        row("Target", &t);
    }
    if let Some(n) = respondents_text(report) {
        let label = if report.participants.is_some() {
            "Participants"
        } else {
            "Respondents"
        };
        row(label, &n);
    }
    if let Some(names) = held_back_text(report) {
        row("Held back by", &names);
    }
    let overall_level = report.overall.stage.as_ref().map(|s| s.level);
    if let Some((label, text)) = overall_lift_text(report, "→", "…") {
        row(&label, &text);
    }
    row("Answers", &coverage_text(report));
    row("Complete", if report.complete { "yes" } else { "no" });
    if let Some(gate) = &report.gate {
        let verdict = if gate.passed {
            format!("passed (minimum stage {})", gate.min_stage)
        } else {
            format!("**failed**: {}", gate.reasons.join("; "))
        };
        row("CI gate", &verdict);
    }

    let _ = writeln!(out, "\n## Stage ladder\n");
    let _ = writeln!(
        out,
        "| Level | Stage | What it means | Dimensions here |\n|---:|---|---|---|"
    );
    for s in report.stages.iter().rev() {
        let name = if Some(s.level) == overall_level {
            format!("**{}** (overall)", cell(&s.name))
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

    let _ = writeln!(out, "\n## Dimensions\n");
    let _ = writeln!(
        out,
        "| Dimension | Score | Stage | Next action |\n|---|---:|---|---|"
    );
    for d in &report.dimensions {
        let score = d.score.map_or("–".into(), score_number);
        let action = d
            .next_action
            .as_ref()
            .map_or(no_action_text(d), |a| a.title.as_str());
        let _ = writeln!(
            out,
            "| {} | {score} | {} | {} |",
            cell(&d.name),
            cell(&stage_text(d)),
            cell(action)
        );
    }

    // Why each dimension is where it is, and what lifts those holding the company back.
    let explained = explained(report);
    if !explained.is_empty() {
        let _ = writeln!(out, "\n## Why these stages, and what lifts them\n");
    }
    for d in explained {
        let level = d.stage.as_ref().map(|s| s.level);
        let score = d.score.map(score_number).unwrap_or_default();
        let _ = writeln!(out, "- **{}**: {} ({score})", d.name, stage_text(d));
        if !d.gaps.is_empty() {
            let gaps: Vec<String> = d.gaps.iter().map(|g| gap_text(g, "…")).collect();
            let _ = writeln!(
                out,
                "  - Answers below {}: {}",
                level.unwrap_or_default(),
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
        let _ = writeln!(out, "\n## Next actions, weakest dimension first");
    }
    for (i, d) in with_actions.iter().enumerate() {
        let Some(a) = &d.next_action else { continue };
        let _ = writeln!(out, "\n### {}. {}: {}\n", i + 1, d.name, a.title);
        let _ = writeln!(out, "*{}*\n", step_text(report, d, "→"));
        let _ = writeln!(out, "{}", a.detail.trim());
        let extras: Vec<String> = [
            ("KPI", &a.kpi),
            ("Owner", &a.owner),
            ("Horizon", &a.horizon),
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
        "\n## Answers\n\n<details>\n<summary>{}</summary>\n",
        coverage_text(report)
    );
    let _ = writeln!(
        out,
        "| Dimension | Question | Answer | Note |\n|---|---|---|---|"
    );
    for q in &report.questions {
        let answer = match (&q.answer, &q.option) {
            (Some(_), Some(option)) => option.clone(),
            (Some(AnswerValue(Answer::NotApplicable)), None) => "Not applicable".into(),
            (Some(AnswerValue(Answer::Unknown)), None) => "Don't know".into(),
            _ => "(unanswered)".into(),
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
