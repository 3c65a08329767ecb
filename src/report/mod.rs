//! Views of a scored [`Report`]: terminal table, JSON and Markdown, one file each.
//!
//! Renderers only turn a report into text; they compute no score and do no I/O.

pub mod compare;
pub mod csv;
pub mod html;
mod json;
mod markdown;
mod radar;
mod table;

use crate::session::{AGREED, MOSTLY_AGREED};
use std::fmt;
use std::path::Path;

use crate::aggregate::{GroupAnswer, RespondentScores};
use crate::i18n::Lang;
use crate::score::{Coverage, DimensionResult, Gap, NoAction, QuestionResult, Raise, Report};
use crate::t;
use crate::target::Step;

/// An output format. `--format` takes the same names, in any case, as the extensions
/// `-o` understands: `table` or `txt`, `json`, `markdown` or `md`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// A report for people, for the terminal or a `.txt` file.
    #[value(alias = "txt")]
    Table,
    /// The full result for machines (schema in the README).
    Json,
    /// GitHub-flavoured Markdown, for documents and CI job summaries.
    #[value(alias = "md")]
    Markdown,
    /// One self-contained web page with a radar chart, for screens and print.
    #[value(alias = "htm")]
    Html,
    /// One row per question, for spreadsheets.
    Csv,
}

impl Format {
    /// The format for an `-o` file, from its extension.
    pub fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "json" => Some(Format::Json),
            "md" | "markdown" => Some(Format::Markdown),
            "txt" => Some(Format::Table),
            "html" | "htm" => Some(Format::Html),
            "csv" => Some(Format::Csv),
            _ => None,
        }
    }

    /// The extensions `-o` understands, for error messages.
    pub const EXTENSIONS: &'static str = "`.json`, `.md`, `.txt`, `.html` or `.csv`";
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Format::Table => "table",
            Format::Json => "json",
            Format::Markdown => "markdown",
            Format::Html => "html",
            Format::Csv => "csv",
        })
    }
}

/// How the table report may look where it goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Look {
    /// ANSI colour and bold.
    pub color: bool,
    /// Box-drawing characters and arrows instead of ASCII.
    pub unicode: bool,
    /// Columns to fit in.
    pub width: usize,
}

impl Look {
    /// Plain ASCII at 80 columns: pipes, files, snapshots.
    pub const PLAIN: Look = Look {
        color: false,
        unicode: false,
        width: 80,
    };
}

/// An empty table in the house style for `look`: box drawing on a terminal, ASCII
/// elsewhere, never wider than `look.width`.
pub fn new_table(look: Look, header: Vec<&str>) -> comfy_table::Table {
    use comfy_table::{ContentArrangement, presets};
    let mut table = comfy_table::Table::new();
    table
        .load_style(if look.unicode {
            presets::UTF8_FULL_CONDENSED
        } else {
            // `+` where the header rule meets a column, as on the other rules.
            presets::ASCII_FULL_CONDENSED
                .header_separator(comfy_table::LineStyle::new('+', '=', '+', '+'))
        })
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(u16::try_from(look.width).unwrap_or(u16::MAX))
        .set_header(header);
    if look.color {
        table.enforce_styling();
    } else {
        table.force_no_tty();
    }
    table
}

/// Renders `report` in `format`; `look` only matters for the table, `template` (a
/// user's HTML template) only for HTML.
pub fn render(
    report: &Report,
    format: Format,
    look: Look,
    template: Option<&html::Template>,
) -> Result<String, html::TemplateError> {
    Ok(match format {
        Format::Table => table::render(report, look),
        Format::Json => json::render(report),
        // No-break spaces only keep words together in wrapped text.
        Format::Markdown => markdown::render(report).replace('\u{a0}', " "),
        Format::Html => html::render(report, template)?,
        Format::Csv => csv::render(report),
    })
}

/// A score with two decimals in `lang`'s way (`2.83`, `2,83`), rounded as usual except
/// where that would land on a stage boundary it has not reached: 2.999 shows as 2.99,
/// never as a 3.00 that contradicts stage 2 by `reached`; 2.501 shows as 2.51, never as
/// a 2.50 that contradicts stage 3 by `nearest` (where exactly 2.5 is stage 2).
fn score_number(score: f64, lang: Lang) -> String {
    let rounded = (score * 100.0).round() / 100.0;
    let whole = (score + 1e-9).floor();
    let shown = if rounded.floor() > whole {
        ((score + 1e-9) * 100.0).floor() / 100.0
    } else if rounded == whole + 0.5 && score > whole + 0.5 + 1e-9 {
        whole + 0.51
    } else {
        rounded
    };
    lang.fixed(shown, 2)
}

/// The language of `report`'s own words: its questionnaire's.
fn lang_of(report: &Report) -> Lang {
    Lang::of(&report.questionnaire.language)
}

/// `2.83 / 5`, or `no score`.
pub fn score_text(score: Option<f64>, max: u32, lang: Lang) -> String {
    match score {
        Some(s) => t!(
            lang,
            "score-of-max",
            score = score_number(s, lang),
            max = max
        ),
        None => t!(lang, "score-none"),
    }
}

/// `3 Multichannel`, or what stands in its place.
fn stage_text(d: &DimensionResult, lang: Lang) -> String {
    match &d.stage {
        Some(s) => format!("{} {}", s.level, s.name),
        None => t!(lang, "stage-not-assessed"),
    }
}

/// What the dimension table says in place of a missing next action.
fn no_action_text(d: &DimensionResult, lang: Lang) -> String {
    match d.no_action {
        Some(NoAction::Sustain) => t!(lang, "action-none-sustain"),
        Some(NoAction::NotAssessed) => t!(lang, "action-none-not-assessed"),
        Some(NoAction::NotDefined) | None => t!(lang, "action-none-not-defined"),
    }
}

/// `18 of 20 answered, 1 not applicable, 1 unknown, 0 unanswered`.
fn coverage_text(report: &Report) -> String {
    coverage_line(&report.coverage, lang_of(report))
}

/// `16 of 18 answered, 1 not applicable, 1 don't know, 0 unanswered`: the words every
/// message about progress uses ("answered" is a stage answer; "Don't know" is what
/// answers files call "unknown").
pub fn coverage_line(c: &Coverage, lang: Lang) -> String {
    t!(
        lang,
        "coverage",
        answered = c.answered,
        questions = c.questions,
        not_applicable = c.not_applicable,
        unknown = c.unknown,
        unanswered = c.unanswered
    )
}

/// `2 questions are still open (don't know or unanswered)`, or `None` when none is.
pub fn open_line(c: &Coverage, lang: Lang) -> Option<String> {
    match c.open() {
        0 => None,
        n => Some(t!(lang, "open-questions", open = n)),
    }
}

/// How the overall stage came about, in plain words.
fn overall_method_text(report: &Report) -> String {
    let lang = lang_of(report);
    match report.overall.method.as_str() {
        "mean" => t!(lang, "overall-method-mean"),
        _ => t!(lang, "overall-method-weakest"),
    }
}

/// Names of the dimensions holding the overall stage back, joined; one phrase when
/// every assessed dimension is at the overall stage.
pub fn held_back_text(report: &Report) -> Option<String> {
    let held = &report.overall.held_back_by;
    let assessed = report
        .dimensions
        .iter()
        .filter(|d| d.stage.is_some())
        .count();
    if held.len() > 1 && held.len() == assessed {
        return Some(t!(lang_of(report), "held-back-all"));
    }
    let names: Vec<&str> = held.iter().map(|id| report.dimension_name(id)).collect();
    (!names.is_empty()).then(|| names.join(", "))
}

/// The first few words of an option, for a one-line mention, ending in `ellipsis`.
pub(super) fn short_option(text: &str, ellipsis: &str) -> String {
    const WORDS: usize = 5;
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() <= WORDS + 1 {
        words.join(" ")
    } else {
        let head = words[..WORDS].join(" ");
        format!("{} {ellipsis}", head.trim_end_matches([',', ';', ':', '.']))
    }
}

/// How reports name a question: its short title, else its id.
pub fn question_label<'a>(title: &'a Option<String>, id: &'a str) -> &'a str {
    title.as_deref().unwrap_or(id)
}

/// In a group report, `; n 3`: how many stage answers a group answer rests on (a
/// group value is never shown without it); else nothing.
fn group_n(report: &Report, question: &str) -> String {
    report
        .questions
        .iter()
        .find(|q| q.id == question)
        .and_then(|q| q.group.as_ref())
        .map_or(String::new(), |g| format!("; n\u{a0}{}", g.n))
}

/// `Basis of tailoring (One channel, e.g. the … → Several channels run their own …)`
fn raise_text(report: &Report, r: &Raise, arrow: &str, ellipsis: &str) -> String {
    format!(
        "{} ({} {arrow} {}{})",
        question_label(&r.title, &r.question),
        short_option(&r.from_option, ellipsis),
        short_option(&r.to_option, ellipsis),
        group_n(report, &r.question)
    )
}

/// The label for what lifts a stage: `To reach 3 Multichannel`.
fn lift_label(report: &Report, level: u32) -> Option<String> {
    report.stages.get(level as usize).map(|next| {
        let stage = format!("{} {}", next.level, next.name);
        t!(lang_of(report), "lift-label", stage = stage)
    })
}

/// What lifts a stage at `level`, as one line: the raises joined, or why there are
/// none. `None` at the top, or without a stage. `open` counts the questions in scope
/// answered "Don't know" or not at all.
fn lift_text(
    report: &Report,
    level: Option<u32>,
    lift: &Option<Vec<Raise>>,
    open: usize,
    arrow: &str,
    ellipsis: &str,
) -> Option<(String, String)> {
    let label = lift_label(report, level?)?;
    let text = match lift {
        Some(raises) if !raises.is_empty() => raises
            .iter()
            .map(|r| raise_text(report, r, arrow, ellipsis))
            .collect::<Vec<_>>()
            .join(", "),
        _ if open > 0 => t!(lang_of(report), "lift-answer-open-first", open = open),
        _ => t!(lang_of(report), "lift-options-stop-below"),
    };
    Some((label, text))
}

/// What lifts the overall stage, as [`lift_text`] gives it.
fn overall_lift_text(report: &Report, arrow: &str, ellipsis: &str) -> Option<(String, String)> {
    let open = report.coverage.open();
    let level = report.overall.stage.as_ref().map(|s| s.level);
    lift_text(report, level, &report.overall.lift, open, arrow, ellipsis)
}

/// What lifts dimension `d`, as [`lift_text`] gives it.
fn dimension_lift_text(
    report: &Report,
    d: &DimensionResult,
    arrow: &str,
    ellipsis: &str,
) -> Option<(String, String)> {
    let open = d.coverage.open();
    let level = d.stage.as_ref().map(|s| s.level);
    lift_text(report, level, &d.lift, open, arrow, ellipsis)
}

/// `Offers left out (1: Everyone sees the same …)` for an answer below its stage.
fn gap_text(report: &Report, g: &Gap, ellipsis: &str) -> String {
    format!(
        "{} ({}: {}{})",
        question_label(&g.title, &g.question),
        g.stage,
        short_option(&g.option, ellipsis),
        group_n(report, &g.question)
    )
}

/// Whether `d` holds the overall stage back.
fn held_back(report: &Report, d: &DimensionResult) -> bool {
    report.overall.held_back_by.contains(&d.id)
}

/// The dimensions the "why these stages" section explains, weakest first: those with
/// answers below their stage, and those holding the company back (with what lifts them).
fn explained(report: &Report) -> Vec<&DimensionResult> {
    report
        .weakest_first()
        .into_iter()
        .filter(|d| !d.gaps.is_empty() || held_back(report, d))
        .collect()
}

/// Dimensions that sit at each stage, for the ladder.
fn dimensions_at(report: &Report, level: u32) -> Vec<&str> {
    report
        .dimensions
        .iter()
        .filter(|d| d.stage.as_ref().is_some_and(|s| s.level == level))
        .map(|d| d.name.as_str())
        .collect()
}

/// `from 1 Uniform to 2 Segment-Based` for a dimension's next step.
fn step_text(report: &Report, d: &DimensionResult, arrow: &str) -> String {
    let Some(stage) = &d.stage else {
        return String::new();
    };
    match report.stages.get(stage.level as usize) {
        Some(next) => format!(
            "{} {} {arrow} {} {}",
            stage.level, stage.name, next.level, next.name
        ),
        None => format!("{} {}", stage.level, stage.name),
    }
}

/// `3 Multichannel: 2 stages to go`, `3 Multichannel: reached`, for the target line.
fn target_text(report: &Report) -> Option<String> {
    let lang = lang_of(report);
    let t = report.target.as_ref()?;
    let name = format!("{} {}", t.stage.level, t.stage.name);
    Some(match t.gap {
        _ if t.reached => format!("{name}: {}", t!(lang, "target-reached")),
        Some(gap) => format!("{name}: {}", t!(lang, "stages-to-go", gap = gap)),
        None => format!("{name}: {}", t!(lang, "target-no-overall-stage")),
    })
}

/// Where a dimension stands against the target: `2 stages to go, 17 % of the way`,
/// `reached`, or `not assessed`.
fn dimension_target_text(d: &DimensionResult, lang: Lang) -> String {
    match &d.target {
        Some(t) if t.gap == 0 => t!(lang, "target-reached"),
        // Rounded, but never to 100 % before the target is reached.
        Some(t) => t!(
            lang,
            "target-progress",
            to_go = t!(lang, "stages-to-go", gap = t.gap),
            percent = (t.progress * 100.0).round().min(99.0) as u32
        ),
        None => t!(lang, "stage-not-assessed"),
    }
}

/// The roadmap's steps by phase: `(phase, horizon, steps)` in order.
fn phases(report: &Report) -> Vec<(u32, Option<&str>, Vec<&Step>)> {
    let mut out: Vec<(u32, Option<&str>, Vec<&Step>)> = Vec::new();
    for step in report.target.iter().flat_map(|t| &t.roadmap) {
        match out.last_mut() {
            Some((phase, _, steps)) if *phase == step.phase => steps.push(step),
            _ => out.push((step.phase, step.horizon.as_deref(), vec![step])),
        }
    }
    out
}

/// `Phase 1: 1–3 months`, or `Phase 1` without a horizon; just `Steps` when there is
/// only one phase and it has no horizon.
fn phase_title(phase: u32, horizon: Option<&str>, count: usize, lang: Lang) -> String {
    match horizon {
        Some(h) => t!(lang, "roadmap-phase-horizon", phase = phase, horizon = h),
        None if count == 1 => t!(lang, "roadmap-steps"),
        None => t!(lang, "roadmap-phase", phase = phase),
    }
}

/// `1 Uniform -> 2 Segment-Based` for a roadmap step.
fn transition_text(step: &Step, arrow: &str) -> String {
    format!(
        "{} {} {arrow} {} {}",
        step.from.level, step.from.name, step.to.level, step.to.name
    )
}

/// A group report's questions where the respondents did not all agree, least
/// agreement first: lowest consensus, then widest spread, then questionnaire order. In
/// a workshop session, the discussion list: only the questions the room was 2 or more
/// stages apart on, or agreed on less than mostly, when it first voted.
fn disagreements(report: &Report) -> Vec<(&QuestionResult, &GroupAnswer)> {
    let session = report.participants.is_some();
    let mut rows: Vec<(&QuestionResult, &GroupAnswer)> = report
        .questions
        .iter()
        .filter_map(|q| q.group.as_ref().map(|g| (q, g)))
        .filter(|(_, g)| {
            if session {
                g.discuss == Some(true)
            } else {
                g.spread.is_some_and(|s| s > 0)
            }
        })
        .collect();
    // Consensus to nine places: equal values computed in another order are equal, and
    // ties keep questionnaire order.
    rows.sort_by(|a, b| {
        let c = |g: &GroupAnswer| (g.consensus.unwrap_or(1.0) * 1e9).round();
        c(a.1).total_cmp(&c(b.1)).then(b.1.spread.cmp(&a.1.spread))
    });
    rows
}

/// The word for a consensus: "agreed", "mostly agreed" or "split".
pub fn consensus_word(consensus: f64, lang: Lang) -> String {
    if consensus >= AGREED {
        t!(lang, "agreement-agreed")
    } else if consensus >= MOSTLY_AGREED {
        t!(lang, "agreement-mostly-agreed")
    } else {
        t!(lang, "agreement-split")
    }
}

/// The words of a group report's sections: a workshop's room, or respondents' files.
struct GroupWords {
    /// The heading of the per-dimension ranges.
    scores: String,
    /// The heading of the list of disagreements.
    disagree: String,
    /// What that list says when it is empty.
    none: String,
}

fn group_words(report: &Report) -> GroupWords {
    let lang = lang_of(report);
    if report.participants.is_some() {
        GroupWords {
            scores: t!(lang, "session-heading-scores"),
            disagree: t!(lang, "session-heading-disagree"),
            none: t!(lang, "session-all-agree"),
        }
    } else {
        GroupWords {
            scores: t!(lang, "group-heading-scores"),
            disagree: t!(lang, "group-heading-disagree"),
            none: t!(lang, "group-all-agree"),
        }
    }
}

/// The label of the group's size: "Participants" in a workshop, else "Respondents".
fn group_label(report: &Report) -> String {
    if report.participants.is_some() {
        t!(lang_of(report), "label-participants")
    } else {
        t!(lang_of(report), "label-respondents")
    }
}

/// A group answer's key as people read it: a stage number as it is; `n/a`, `unknown`
/// and `unanswered` (the JSON report's keys) in the report's words.
pub fn answer_key_word(key: &str, lang: Lang) -> String {
    match key {
        "n/a" => t!(lang, "compare-answer-na"),
        "unknown" => t!(lang, "compare-answer-dont-know"),
        "unanswered" => t!(lang, "compare-answer-unanswered"),
        stage => stage.to_string(),
    }
}

/// `split (consensus 0.50), spread 3, n 3: 1 ×1, 2 ×1, 4 ×1`; in a workshop, who
/// chose what: `…, n 3: 1: Anna; 2: Ben; 4: Chris`, and the rounds when more than one.
fn agreement_text(g: &GroupAnswer, lang: Lang) -> String {
    let consensus = g
        .consensus
        .map_or(t!(lang, "agreement-no-stage-answers"), |c| {
            let consensus = lang.fixed(c, 2);
            t!(
                lang,
                "agreement-consensus",
                word = consensus_word(c, lang),
                consensus = consensus
            )
        });
    let spread = g.spread.map_or(String::new(), |s| {
        format!(", {}", t!(lang, "agreement-spread", spread = s))
    });
    let rounds = match g.rounds {
        Some(r) if r > 1 => format!(", {}", t!(lang, "agreement-rounds", rounds = r)),
        _ => String::new(),
    };
    let answers: Vec<String> = if g.voters.is_empty() {
        g.distribution
            .iter()
            .map(|(answer, n)| format!("{}\u{a0}×{n}", answer_key_word(answer, lang)))
            .collect()
    } else {
        // Stages in order, then n/a and unknown, as the distribution orders them.
        g.distribution
            .keys()
            .filter_map(|answer| {
                let names = g.voters.get(answer)?;
                Some(format!(
                    "{}: {}",
                    answer_key_word(answer, lang),
                    names.join(", ")
                ))
            })
            .collect()
    };
    let separator = if g.voters.is_empty() { ", " } else { "; " };
    format!(
        "{consensus}{spread}{rounds}, n\u{a0}{}: {}",
        g.n,
        answers.join(separator)
    )
}

/// `3 (1 invalid file skipped)`; in a workshop, `3: Anna, Ben, Chris`.
fn respondents_text(report: &Report) -> Option<String> {
    let n = report.respondents?;
    if let Some(names) = &report.participants {
        return Some(format!("{n}: {}", names.join(", ")));
    }
    Some(match report.skipped {
        Some(k) => format!(
            "{n} ({})",
            t!(lang_of(report), "respondents-skipped", skipped = k)
        ),
        None => n.to_string(),
    })
}

/// `median 1.33, from 1.00 to 4.33`.
fn respondent_scores_text(r: &RespondentScores, lang: Lang) -> String {
    t!(
        lang,
        "respondent-scores",
        median = score_number(r.median, lang),
        min = score_number(r.min, lang),
        max = score_number(r.max, lang)
    )
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod rounding {
    use crate::i18n::Lang;

    #[test]
    fn scores_round_down_so_they_never_reach_a_stage_they_are_not_at() {
        assert_eq!(super::score_number(2.999, Lang::En), "2.99");
        assert_eq!(super::score_number(3.0, Lang::En), "3.00");
        assert_eq!(super::score_number(3.3333333333333335, Lang::En), "3.33");
        assert_eq!(super::score_number(1.6666666666666667, Lang::En), "1.67");
        // A score snapped to a whole number stays whole despite float noise.
        assert_eq!(super::score_number(2.9999999999999996, Lang::En), "3.00");
        // Just above halfway is above halfway; halfway itself, or just under, is not.
        assert_eq!(super::score_number(2.501, Lang::En), "2.51");
        assert_eq!(super::score_number(2.5, Lang::En), "2.50");
        assert_eq!(super::score_number(2.5 + 1e-12, Lang::En), "2.50");
        assert_eq!(super::score_number(2.499, Lang::En), "2.50");
        // The same number in German, with a decimal comma.
        assert_eq!(super::score_number(2.999, Lang::De), "2,99");
    }
}
