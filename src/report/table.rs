//! The stage report for people: a terminal (or `.txt`) layout that fits `look.width`.

use std::fmt::Write;

use comfy_table::{Cell, CellAlignment, ColumnConstraint, Width};

use super::{
    Look, agreement_text, coverage_text, dimension_lift_text, dimension_target_text, dimensions_at,
    disagreements, explained, gap_text, group_label, group_words, held_back, held_back_text,
    lang_of, new_table, no_action_text, open_line, overall_lift_text, overall_method_text,
    phase_title, phases, question_label, respondent_scores_text, respondents_text, score_number,
    score_text, stage_text, step_text, target_text, transition_text,
};
use crate::i18n::Lang;
use crate::score::{NoAction, Report};
use crate::t;

/// Minimal ANSI styling, on only when `look.color` is.
#[derive(Clone, Copy)]
struct Paint {
    on: bool,
}

/// How a piece of text is painted; text is wrapped first, then each line painted, so
/// escape codes never upset the width.
#[derive(Clone, Copy)]
enum Tone {
    Plain,
    Bold,
    Good,
    Bad,
}

impl Paint {
    fn tone(&self, tone: Tone, text: &str) -> String {
        match tone {
            Tone::Plain => text.to_string(),
            Tone::Bold => self.bold(text),
            Tone::Good => self.good(text),
            Tone::Bad => self.bad(text),
        }
    }
    fn wrap(&self, code: &str, text: &str) -> String {
        if self.on {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }
    fn bold(&self, text: &str) -> String {
        self.wrap("1", text)
    }
    fn dim(&self, text: &str) -> String {
        self.wrap("2", text)
    }
    fn good(&self, text: &str) -> String {
        self.wrap("32", text)
    }
    fn bad(&self, text: &str) -> String {
        self.wrap("33", text)
    }
    /// `text` in the colour of stage `level` on a ladder of `top` stages.
    fn stage(&self, level: u32, top: u32, text: &str) -> String {
        self.wrap(STAGE_COLORS[stage_color(level, top)].0, text)
    }
}

/// Stage colours from the lowest stage to the top: ANSI code and comfy-table colour.
const STAGE_COLORS: [(&str, comfy_table::Color); 5] = [
    ("31", comfy_table::Color::Red),
    ("33", comfy_table::Color::Yellow),
    ("36", comfy_table::Color::Cyan),
    ("34", comfy_table::Color::Blue),
    ("32", comfy_table::Color::Green),
];

/// Which of [`STAGE_COLORS`] stage `level` of `top` takes: the lowest red, the top
/// green, the rest spread between.
fn stage_color(level: u32, top: u32) -> usize {
    if top <= 1 {
        return STAGE_COLORS.len() - 1;
    }
    let share = f64::from(level.saturating_sub(1)) / f64::from(top - 1);
    ((share * (STAGE_COLORS.len() - 1) as f64).round() as usize).min(STAGE_COLORS.len() - 1)
}

/// A bar of `score` on a ladder of `top` stages: one cell per stage, filled in
/// eighths, the rest shaded (`██▎░░` for 2.3 of 5).
fn score_bar(score: f64, top: u32) -> String {
    const EIGHTHS: [char; 8] = [' ', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];
    let cells = top.clamp(1, 10) as usize;
    let filled = (score / f64::from(top.max(1)) * cells as f64).clamp(0.0, cells as f64);
    let eighths = (filled * 8.0).round() as usize;
    let (full, part) = (eighths / 8, eighths % 8);
    let mut bar = "█".repeat(full);
    if part > 0 {
        bar.push(EIGHTHS[part]);
    }
    let used = full + usize::from(part > 0);
    bar.push_str(&"░".repeat(cells - used));
    bar
}

pub fn render(report: &Report, look: Look) -> String {
    let lang = lang_of(report);
    let p = Paint { on: look.color };
    let width = look.width.max(40);
    let arrow = if look.unicode { "→" } else { "->" };
    let ellipsis = if look.unicode { "…" } else { "..." };
    let mut out = String::new();
    let o = &mut out;

    let q = &report.questionnaire;
    o.push_str(&indent_wrapped("", &q.title, width, |l| p.bold(l)));
    let id_line = t!(
        lang,
        "report-questionnaire-line",
        id = &q.id,
        version = &q.version
    );
    o.push_str(&indent_wrapped("", &id_line, width, |l| p.dim(l)));
    let mut facts: Vec<(String, String, Tone)> = Vec::new();
    for (label, value) in [
        (t!(lang, "label-organisation"), report.organisation.clone()),
        (t!(lang, "label-respondent"), report.respondent.clone()),
        (
            t!(lang, "label-date"),
            report.date.as_deref().map(|d| lang.date(d)),
        ),
    ] {
        if let Some(v) = value {
            facts.push((label, v, Tone::Plain));
        }
    }
    facts.push(match &report.overall.stage {
        Some(s) => (
            t!(lang, "label-overall-stage"),
            format!("{} {} ({})", s.level, s.name, overall_method_text(report)),
            Tone::Bold,
        ),
        None => (
            t!(lang, "label-overall-stage"),
            t!(lang, "overall-stage-none"),
            Tone::Bad,
        ),
    });
    facts.push((
        t!(lang, "label-score"),
        format!(
            "{} ({})",
            score_text(report.overall.score, report.overall.max_score, lang),
            t!(lang, "score-means")
        ),
        Tone::Plain,
    ));
    if let Some(t) = target_text(report) {
        facts.push((t!(lang, "label-target"), t, Tone::Plain));
    }
    if let Some(n) = respondents_text(report) {
        facts.push((group_label(report), n, Tone::Plain));
    }
    if let Some(names) = held_back_text(report) {
        facts.push((t!(lang, "label-held-back-by"), names, Tone::Plain));
    }
    facts.push((
        t!(lang, "label-answers"),
        coverage_text(report),
        Tone::Plain,
    ));
    facts.push(if report.complete {
        (t!(lang, "label-complete"), t!(lang, "yes"), Tone::Good)
    } else {
        (
            t!(lang, "label-complete"),
            format!(
                "{}: {}",
                t!(lang, "no"),
                open_line(&report.coverage, lang).unwrap_or_default()
            ),
            Tone::Bad,
        )
    });
    if let Some(gate) = &report.gate {
        facts.push(if gate.passed {
            (
                t!(lang, "label-ci-gate"),
                t!(lang, "gate-passed-minimum", min = gate.min_stage),
                Tone::Good,
            )
        } else {
            (
                t!(lang, "label-ci-gate"),
                format!("{}: {}", t!(lang, "gate-failed"), gate.reasons.join("; ")),
                Tone::Bad,
            )
        });
    }
    let label_width = facts
        .iter()
        .map(|(l, _, _)| l.chars().count())
        .max()
        .unwrap_or(0)
        + 2;
    out.push('\n');
    for (label, value, tone) in &facts {
        let head = pad(&format!("{label}:"), label_width);
        out.push_str(&indent_wrapped(&head, value, width, |l| p.tone(*tone, l)));
    }

    let overall_level = report.overall.stage.as_ref().map(|s| s.level);
    if let Some((label, text)) = overall_lift_text(report, arrow, ellipsis) {
        out.push('\n');
        out.push_str(&indent_wrapped(&format!("{label}: "), &text, width, |l| {
            p.bold(l)
        }));
    }

    // The ladder, top stage first: what each stage means, and the dimensions there.
    let _ = writeln!(out, "\n{}", p.bold(&t!(lang, "report-heading-ladder")));
    let name_width = report
        .stages
        .iter()
        .map(|s| s.name.chars().count())
        .max()
        .unwrap_or(0);
    for stage in report.stages.iter().rev() {
        let here = Some(stage.level) == overall_level;
        let marker = match (here, look.unicode) {
            (true, true) => "▶",
            (true, false) => ">",
            _ => " ",
        };
        let head = format!(
            "{marker} {} {}  ",
            stage.level,
            pad(&stage.name, name_width)
        );
        let top = report.overall.max_score;
        let paint = |l: &str| if here { p.bold(l) } else { l.to_string() };
        // A long stage name leaves no room beside it: the text goes below, indented.
        let text = if stage.summary.trim().is_empty() {
            "-".to_string()
        } else {
            stage.summary.clone()
        };
        let block = indent_wrapped(&head, &text, width, str::to_string);
        for line in block.lines() {
            // The first line starts with the head: its stage name in the stage's colour.
            match line.strip_prefix(head.as_str()) {
                Some(rest) if p.on => {
                    let name = format!("{} {}", stage.level, pad(&stage.name, name_width));
                    let _ = writeln!(
                        out,
                        "{}{}{}",
                        paint(&format!("{marker} ")),
                        p.stage(stage.level, top, &paint(&name)),
                        paint(&format!("  {rest}"))
                    );
                }
                _ => {
                    let _ = writeln!(out, "{}", paint(line));
                }
            }
        }
        let dims = dimensions_at(report, stage.level).join(", ");
        if !dims.is_empty() {
            let indent = " ".repeat(head.chars().count().min(width / 2));
            out.push_str(&indent_wrapped(
                &format!("{indent}{}: ", t!(lang, "report-ladder-here")),
                &dims,
                width,
                |l| p.tone(if here { Tone::Bold } else { Tone::Plain }, l),
            ));
        }
    }

    // The dimension table, or a list where a table would have to break words.
    let _ = writeln!(out, "\n{}", p.bold(&t!(lang, "report-heading-dimensions")));
    let rows: Vec<[String; 4]> = report
        .dimensions
        .iter()
        .map(|d| {
            [
                d.name.clone(),
                match d.score {
                    Some(s) if look.unicode => {
                        format!(
                            "{} {}",
                            score_number(s, lang),
                            score_bar(s, report.overall.max_score)
                        )
                    }
                    Some(s) => score_number(s, lang),
                    None => if look.unicode { "–" } else { "-" }.into(),
                },
                stage_text(d, lang),
                match &d.next_action {
                    Some(a) => a.title.clone(),
                    None => no_action_text(d, lang),
                },
            ]
        })
        .collect();
    let header = dimension_header(lang);
    match column_widths(&header, &rows, width) {
        Some(widths) => {
            let mut table = new_table(look, header.iter().map(String::as_str).collect());
            for (i, w) in widths.iter().enumerate() {
                if let Some(column) = table.column_mut(i) {
                    let w = u16::try_from(*w + 2).unwrap_or(u16::MAX);
                    column.set_constraint(ColumnConstraint::Absolute(Width::Fixed(w)));
                }
            }
            for (row, d) in rows.iter().zip(&report.dimensions) {
                table.add_row(row.iter().zip(widths).enumerate().map(|(i, (text, w))| {
                    let cell = Cell::new(wrap(text, w).join("\n"));
                    match (i, &d.stage) {
                        (1, _) => cell.set_alignment(CellAlignment::Right),
                        (2, Some(stage)) if look.color => {
                            let top = report.overall.max_score;
                            cell.fg(STAGE_COLORS[stage_color(stage.level, top)].1)
                        }
                        _ => cell,
                    }
                }));
            }
            let _ = writeln!(out, "{table}");
        }
        None => {
            for [name, score, stage, action] in &rows {
                out.push_str(&indent_wrapped("", name, width, |l| p.bold(l)));
                out.push_str(&indent_wrapped(
                    "  ",
                    &format!("{score}  {stage}"),
                    width,
                    str::to_string,
                ));
                let head = format!("  {}: ", t!(lang, "report-next"));
                out.push_str(&indent_wrapped(&head, action, width, str::to_string));
            }
        }
    }

    // Why each dimension is where it is, and what lifts those holding the company
    // back, weakest first.
    let explained = explained(report);
    if !explained.is_empty() {
        let _ = writeln!(out, "\n{}", p.bold(&t!(lang, "report-heading-why")));
    }
    for d in explained {
        let level = d.stage.as_ref().map(|s| s.level);
        let score = d.score.map(|s| score_number(s, lang)).unwrap_or_default();
        out.push('\n');
        let heading = format!("{}: {} ({score})", d.name, stage_text(d, lang));
        out.push_str(&indent_wrapped("", &heading, width, |l| p.bold(l)));
        if !d.gaps.is_empty() {
            let gaps: Vec<String> = d
                .gaps
                .iter()
                .map(|g| gap_text(report, g, ellipsis))
                .collect();
            let below = t!(
                lang,
                "report-answers-below",
                level = level.unwrap_or_default()
            );
            let label = format!("  {below}: ");
            out.push_str(&indent_wrapped(
                &label,
                &gaps.join(", "),
                width,
                str::to_string,
            ));
        }
        if held_back(report, d)
            && let Some((label, text)) = dimension_lift_text(report, d, arrow, ellipsis)
        {
            out.push_str(&indent_wrapped(
                &format!("  {label}: "),
                &text,
                width,
                str::to_string,
            ));
        }
    }

    // Next actions in full, weakest dimension first.
    let with_actions: Vec<_> = report
        .weakest_first()
        .into_iter()
        .filter(|d| d.next_action.is_some())
        .collect();
    if !with_actions.is_empty() {
        let _ = writeln!(out, "\n{}", p.bold(&t!(lang, "report-heading-actions")));
    }
    for (i, d) in with_actions.iter().enumerate() {
        let Some(a) = &d.next_action else { continue };
        let number = format!("{}. ", i + 1);
        let pad = " ".repeat(number.len());
        out.push('\n');
        let heading = format!("{}: {}", d.name, a.title);
        out.push_str(&indent_wrapped(&number, &heading, width, |l| p.bold(l)));
        let _ = writeln!(out, "{pad}{}", p.dim(&step_text(report, d, arrow)));
        for l in wrap(&a.detail, width - pad.len()) {
            let _ = writeln!(out, "{pad}{l}");
        }
        let labels = [
            (t!(lang, "action-kpi"), &a.kpi),
            (t!(lang, "action-owner"), &a.owner),
            (t!(lang, "action-horizon"), &a.horizon),
        ];
        let label_width = labels.iter().map(|(l, _)| l.chars().count()).max();
        for (label, value) in &labels {
            if let Some(v) = value {
                let head = format!("{pad}{}", pad_to(&format!("{label}:"), label_width, 1));
                out.push_str(&indent_wrapped(&head, v, width, str::to_string));
            }
        }
    }
    roadmap(&mut out, report, look, p);
    group(&mut out, report, look, p);
    let sustained: Vec<&str> = report
        .dimensions
        .iter()
        .filter(|d| d.no_action == Some(NoAction::Sustain))
        .map(|d| d.name.as_str())
        .collect();
    if !sustained.is_empty() {
        out.push('\n');
        out.push_str(&indent_wrapped(
            &format!("{}: ", t!(lang, "report-sustain")),
            &sustained.join(", "),
            width,
            str::to_string,
        ));
    }
    // No-break spaces kept words together while wrapping; the text has plain ones.
    if look.unicode {
        out.replace('\u{a0}', " ")
    } else {
        to_plain(&out)
    }
}

/// A section heading after a blank line and before one, wrapped between words.
fn heading(out: &mut String, text: &str, width: usize, p: Paint) {
    out.push('\n');
    out.push_str(&indent_wrapped("", text, width, |l| p.bold(l)));
    out.push('\n');
}

/// A group report's spread: each dimension's respondent scores, then the questions
/// where the respondents disagree, least agreement first.
fn group(out: &mut String, report: &Report, look: Look, p: Paint) {
    if report.respondents.is_none() {
        return;
    }
    let lang = lang_of(report);
    let width = look.width.max(40);
    let words = group_words(report);
    heading(out, &words.scores, width, p);
    for d in &report.dimensions {
        let text = d
            .respondent_scores
            .as_ref()
            .map_or(t!(lang, "group-no-scores"), |r| {
                respondent_scores_text(r, lang)
            });
        out.push_str(&indent_wrapped(
            &format!("  {}: ", d.name),
            &text,
            width,
            str::to_string,
        ));
    }
    let rows = disagreements(report);
    heading(out, &words.disagree, width, p);
    if rows.is_empty() {
        out.push_str(&indent_wrapped("  ", &words.none, width, str::to_string));
    }
    for (q, g) in rows {
        out.push_str(&indent_wrapped(
            &format!("  {}: ", question_label(&q.title, &q.id)),
            &agreement_text(g, lang),
            width,
            str::to_string,
        ));
    }
}

/// The way to the target stage: where each dimension stands, then the steps by phase.
fn roadmap(out: &mut String, report: &Report, look: Look, p: Paint) {
    let Some(target) = &report.target else { return };
    let lang = lang_of(report);
    let width = look.width.max(40);
    let arrow = if look.unicode { "→" } else { "->" };
    let stage = format!("{} {}", target.stage.level, target.stage.name);
    let title = t!(lang, "roadmap-heading", stage = stage);
    heading(out, &title, width, p);
    for d in report.weakest_first() {
        let line = format!(
            "{}: {}, {}",
            d.name,
            stage_text(d, lang),
            dimension_target_text(d, lang)
        );
        out.push_str(&indent_wrapped("  ", &line, width, str::to_string));
    }
    let phases = phases(report);
    if phases.is_empty() && target.reached {
        out.push_str(&indent_wrapped(
            "",
            &t!(lang, "roadmap-all-reached"),
            width,
            str::to_string,
        ));
    }
    let mut number = 0;
    for (phase, horizon, steps) in &phases {
        out.push('\n');
        let title = phase_title(*phase, *horizon, phases.len(), lang);
        out.push_str(&indent_wrapped("", &title, width, |l| p.bold(l)));
        for step in steps {
            number += 1;
            let head = format!("{number}. ");
            let pad = " ".repeat(head.len());
            let title = step
                .action
                .as_ref()
                .map_or(t!(lang, "action-none-not-defined"), |a| a.title.clone());
            out.push_str(&indent_wrapped(
                &head,
                &format!("{}: {title}", step.dimension_name),
                width,
                str::to_string,
            ));
            out.push_str(&indent_wrapped(
                &pad,
                &transition_text(step, arrow),
                width,
                |l| p.dim(l),
            ));
            if let Some(a) = &step.action {
                let labels = [
                    (t!(lang, "action-owner"), &a.owner),
                    (t!(lang, "action-kpi"), &a.kpi),
                ];
                let label_width = labels.iter().map(|(l, _)| l.chars().count()).max();
                for (label, value) in &labels {
                    if let Some(v) = value {
                        let head = format!("{pad}{}", pad_to(&format!("{label}:"), label_width, 1));
                        out.push_str(&indent_wrapped(&head, v, width, str::to_string));
                    }
                }
            }
        }
    }
}

/// The dimension table's column headings.
fn dimension_header(lang: Lang) -> [String; 4] {
    [
        t!(lang, "column-dimension"),
        t!(lang, "column-score"),
        t!(lang, "column-stage"),
        t!(lang, "column-next-action"),
    ]
}

/// Content widths for the dimension table's columns at `width`, such that no word has
/// to be broken; `None` when even the longest words do not fit side by side.
fn column_widths(header: &[String; 4], rows: &[[String; 4]], width: usize) -> Option<[usize; 4]> {
    let chars = |t: &str| t.chars().count();
    let texts = |c: usize| {
        std::iter::once(header[c].as_str()).chain(rows.iter().map(move |r| r[c].as_str()))
    };
    let longest_word = |c: usize| {
        texts(c)
            .flat_map(str::split_whitespace)
            .map(chars)
            .max()
            .unwrap_or(0)
    };
    let longest_line = |c: usize| texts(c).map(chars).max().unwrap_or(0);
    // Four columns: five borders and one space of padding either side of each cell.
    let available = width.checked_sub(13)?;
    let mut widths = [0; 4];
    for (c, w) in widths.iter_mut().enumerate() {
        *w = longest_word(c);
    }
    let mut spare = available.checked_sub(widths.iter().sum())?;
    // Room goes to whole stage names first, then to dimension names of up to 20
    // characters, then to actions, and what is left to longer dimension names.
    for (c, cap) in [(2, usize::MAX), (0, 20), (3, usize::MAX), (0, usize::MAX)] {
        let more = longest_line(c)
            .min(cap)
            .saturating_sub(widths[c])
            .min(spare);
        widths[c] += more;
        spare -= more;
    }
    widths[3] += spare;
    Some(widths)
}

/// A label such as `KPI:` padded to line up after the longest of its kind
/// (`longest` characters without the colon) plus `gap` spaces.
fn pad_to(label: &str, longest: Option<usize>, gap: usize) -> String {
    pad(label, longest.unwrap_or(0) + 1 + gap)
}

/// `text` padded with spaces to `width` characters. (`format!`'s width panics beyond
/// 65,535, which a hostile questionnaire's stage name can reach.)
fn pad(text: &str, width: usize) -> String {
    let n = text.chars().count();
    format!("{text}{}", " ".repeat(width.saturating_sub(n)))
}

/// Typographic punctuation as ASCII, for pipes and `.txt` files.
pub(super) fn to_plain(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\u{2013}' | '\u{2014}' | '\u{2212}' => out.push('-'),
            '\u{2018}' | '\u{2019}' | '\u{201A}' => out.push('\''),
            '\u{201C}' | '\u{201D}' | '\u{201E}' => out.push('"'),
            '\u{2026}' => out.push_str("..."),
            '\u{2192}' => out.push_str("->"),
            '\u{00D7}' => out.push('x'),
            '\u{00A0}' | '\u{202F}' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

/// `head` followed by `text` wrapped so that continuation lines align under the text;
/// `paint` styles each wrapped line of `text`.
pub(super) fn indent_wrapped(
    head: &str,
    text: &str,
    width: usize,
    paint: impl Fn(&str) -> String,
) -> String {
    let mut out = String::new();
    // On a narrow terminal a long head leaves too little room: text goes below it.
    let (head, indent) = match head.chars().count() {
        n if width.saturating_sub(n) >= 20 => (head.to_string(), n),
        _ => {
            let _ = writeln!(out, "{}", head.trim_end());
            ("  ".to_string(), 2)
        }
    };
    for (i, line) in wrap(text, width.saturating_sub(indent).max(20))
        .iter()
        .enumerate()
    {
        let lead = if i == 0 {
            head.clone()
        } else {
            " ".repeat(indent)
        };
        let _ = writeln!(out, "{lead}{}", paint(line));
    }
    out
}

/// Lines of at most `width` columns, broken at spaces only — never at a hyphen or after
/// a slash — so ids such as `returning-customer-view`, `n/a` and paths stay whole.
pub(super) fn wrap(text: &str, width: usize) -> Vec<String> {
    // First fit, as a terminal user expects (and a fifth of the cost of optimal fit).
    let options = textwrap::Options::new(width)
        .wrap_algorithm(textwrap::WrapAlgorithm::FirstFit)
        .word_separator(textwrap::WordSeparator::AsciiSpace)
        .word_splitter(textwrap::WordSplitter::NoHyphenation);
    textwrap::wrap(text.trim(), options)
        .into_iter()
        .map(|l| l.into_owned())
        .collect()
}
