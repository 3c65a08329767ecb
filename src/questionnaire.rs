//! The questionnaire: its format (version 1), loading, and every check a file must pass.
//!
//! A file is read in two steps: serde turns the TOML into `raw` structs that keep the
//! byte spans of ids and numbers, then [`check`] validates them all at once and builds
//! the [`Questionnaire`] the rest of `cxm` works with.

use std::collections::{HashMap, HashSet};
use std::fmt;

use serde::Deserialize;
use toml::Spanned;

use crate::diagnostic::{Diagnostic, Invalid, Source, closest, count, list, printable};
use crate::document::{self, Kind};

/// The only questionnaire layout this version of `cxm` reads.
pub const FORMAT: i64 = 1;

/// Option texts longer than this get a warning: they no longer read at a glance.
pub const MAX_OPTION_CHARS: usize = 160;

/// The largest weight a question or dimension may have.
pub const MAX_WEIGHT: f64 = 1_000_000.0;

/// A validated questionnaire. Stage `level`s are 1..=N in order; every reference
/// between stages, dimensions, questions and actions is known to resolve.
#[derive(Debug, Clone)]
pub struct Questionnaire {
    pub id: String,
    pub version: String,
    pub language: String,
    pub title: String,
    pub description: Option<String>,
    pub scoring: Scoring,
    pub stages: Vec<Stage>,
    pub dimensions: Vec<Dimension>,
    /// In file order.
    pub questions: Vec<Question>,
    pub actions: Vec<Action>,
    /// Lookups, so that scoring and checking stay linear in the number of questions.
    index: Index,
}

/// Positions by id, built once when a questionnaire is loaded.
#[derive(Debug, Clone, Default)]
struct Index {
    question: HashMap<String, usize>,
    dimension: HashMap<String, usize>,
    /// Per dimension (in dimension order), its questions' positions in file order.
    questions_of: Vec<Vec<usize>>,
}

impl Index {
    fn new(dimensions: &[Dimension], questions: &[Question]) -> Index {
        let dimension: HashMap<String, usize> = dimensions
            .iter()
            .enumerate()
            .map(|(i, d)| (d.id.clone(), i))
            .collect();
        let mut questions_of = vec![Vec::new(); dimensions.len()];
        for (i, q) in questions.iter().enumerate() {
            if let Some(&d) = dimension.get(&q.dimension) {
                questions_of[d].push(i);
            }
        }
        Index {
            question: questions
                .iter()
                .enumerate()
                .map(|(i, q)| (q.id.clone(), i))
                .collect(),
            dimension,
            questions_of,
        }
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Scoring {
    pub dimension: DimensionMethod,
    pub overall: OverallMethod,
    pub stage: StageRule,
}

/// How a score becomes a stage, for dimensions and (with `overall = "mean"`) overall.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum StageRule {
    /// The stage nearest to the score; exactly halfway takes the lower one (2.5 is 2,
    /// 2.51 is 3). Noise in the answers moves it up as often as down.
    #[default]
    Nearest,
    /// The highest stage k with score >= k: a stage counts only once fully reached.
    Reached,
}

impl fmt::Display for StageRule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            StageRule::Nearest => "nearest",
            StageRule::Reached => "reached",
        })
    }
}

/// How a dimension's score is computed from its questions.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum DimensionMethod {
    /// The weighted mean of the question values.
    #[default]
    Mean,
    /// The lowest question value.
    WeakestLink,
}

/// How the overall stage is computed from the dimensions.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum OverallMethod {
    /// The lowest dimension stage.
    #[default]
    WeakestLink,
    /// The stage of the weighted mean of the dimension scores.
    Mean,
}

impl fmt::Display for DimensionMethod {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            DimensionMethod::Mean => "mean",
            DimensionMethod::WeakestLink => "weakest-link",
        })
    }
}

impl fmt::Display for OverallMethod {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            OverallMethod::Mean => "mean",
            OverallMethod::WeakestLink => "weakest-link",
        })
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Stage {
    pub level: u32,
    pub id: String,
    pub name: String,
    pub summary: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Dimension {
    pub id: String,
    pub name: String,
    pub description: Option<String>,
    pub weight: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Question {
    pub id: String,
    /// Id of the dimension it belongs to.
    pub dimension: String,
    pub text: String,
    /// A short name for reports ("Basis of tailoring"); without it they use the id.
    pub title: Option<String>,
    pub help: Option<String>,
    pub weight: f64,
    /// Sorted by stage; stages are distinct.
    pub options: Vec<Choice>,
}

impl Question {
    /// The text of the option for `stage`, if the question has one.
    pub fn option_text(&self, stage: u32) -> Option<&str> {
        self.options
            .iter()
            .find(|o| o.stage == stage)
            .map(|o| o.text.as_str())
    }
}

/// One answer option of a question, evidencing one stage.
#[derive(Debug, Clone, PartialEq)]
pub struct Choice {
    pub stage: u32,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Action {
    pub dimension: String,
    /// The stage a dimension is at when this is its next action.
    pub stage: u32,
    pub title: String,
    pub detail: String,
    pub kpi: Option<String>,
    pub owner: Option<String>,
    pub horizon: Option<String>,
}

impl Questionnaire {
    /// Parses and validates; fails with every error in the file.
    pub fn load(source: &Source) -> Result<Questionnaire, Invalid> {
        let (questionnaire, diagnostics) = check(source);
        questionnaire.ok_or_else(|| Invalid {
            kind: "questionnaire",
            file: source.name.clone(),
            errors: diagnostics
                .into_iter()
                .filter(Diagnostic::is_error)
                .collect(),
            omitted: 0,
        })
    }

    /// The highest stage level (N).
    pub fn top_level(&self) -> u32 {
        self.stages.len() as u32
    }

    pub fn stage(&self, level: u32) -> Option<&Stage> {
        level
            .checked_sub(1)
            .and_then(|i| self.stages.get(i as usize))
    }

    /// A stage by level number (`"3"`) or id (`"multichannel"`).
    /// The stage with this level, id or name (ids and names in any case, so the
    /// `Cross-Channel` a report shows works as well as `cross-channel`).
    pub fn find_stage(&self, level_id_or_name: &str) -> Option<&Stage> {
        let wanted = level_id_or_name.trim();
        match wanted.parse::<u32>() {
            Ok(level) => self.stage(level),
            Err(_) => self
                .stages
                .iter()
                .find(|s| s.id.eq_ignore_ascii_case(wanted) || s.name.eq_ignore_ascii_case(wanted)),
        }
    }

    pub fn question(&self, id: &str) -> Option<&Question> {
        self.index.question.get(id).map(|&i| &self.questions[i])
    }

    pub fn dimension(&self, id: &str) -> Option<&Dimension> {
        self.index.dimension.get(id).map(|&i| &self.dimensions[i])
    }

    pub fn questions_of<'a>(&'a self, dimension: &str) -> impl Iterator<Item = &'a Question> {
        self.positions_of(dimension).map(|(_, q)| q)
    }

    /// The questions of `dimension` with their positions in [`Questionnaire::questions`].
    pub fn positions_of<'a>(
        &'a self,
        dimension: &str,
    ) -> impl Iterator<Item = (usize, &'a Question)> {
        let positions = self
            .index
            .dimension
            .get(dimension)
            .map_or(&[][..], |&d| self.index.questions_of[d].as_slice());
        positions.iter().map(|&i| (i, &self.questions[i]))
    }

    /// Questions in the order they are asked: dimension by dimension.
    pub fn questions_in_order(&self) -> Vec<&Question> {
        self.index
            .questions_of
            .iter()
            .flatten()
            .map(|&i| &self.questions[i])
            .collect()
    }

    pub fn action(&self, dimension: &str, stage: u32) -> Option<&Action> {
        self.actions
            .iter()
            .find(|a| a.dimension == dimension && a.stage == stage)
    }
}

/// The file as serde reads it, with spans where later checks need a position.
mod raw {
    use super::*;
    use schemars::JsonSchema;

    /// A `cxm` questionnaire (format 1): stages, dimensions, questions and actions.
    #[derive(Deserialize, JsonSchema)]
    #[serde(deny_unknown_fields)]
    #[schemars(title = "cxm questionnaire")]
    pub struct File {
        /// The file format: always 1.
        #[allow(dead_code)]
        #[schemars(range(min = 1, max = 1))]
        pub format: i64,
        /// What the questionnaire is: id, version, language, title.
        pub questionnaire: Header,
        /// How answers become scores and stages; every key has a default.
        #[serde(default)]
        pub scoring: ScoringTable,
        /// The ladder, lowest first: levels 1, 2, 3, … in order.
        #[schemars(with = "Vec<Stage>")]
        pub stages: Spanned<Vec<Stage>>,
        /// The areas a company is assessed in; each has its own score and stage.
        #[schemars(with = "Vec<Dimension>")]
        pub dimensions: Spanned<Vec<Dimension>>,
        /// The next action per dimension and stage: what to do to reach the stage above.
        #[serde(default)]
        pub actions: Vec<Action>,
        /// The questions, in the order they are asked within a dimension.
        #[schemars(with = "Vec<Question>")]
        pub questions: Spanned<Vec<Question>>,
    }

    #[derive(Deserialize, JsonSchema)]
    #[serde(deny_unknown_fields)]
    pub struct Header {
        /// Kebab-case id that answers files name, e.g. `cx-maturity`.
        #[schemars(with = "String")]
        pub id: Spanned<String>,
        /// The questionnaire's version, e.g. `2.0.0`; answers files record it.
        #[schemars(with = "String")]
        pub version: Spanned<String>,
        /// Language code of the texts, e.g. `en` or `de`.
        #[schemars(with = "String")]
        pub language: Spanned<String>,
        /// The title reports show.
        #[schemars(with = "String")]
        pub title: Spanned<String>,
        /// What the questionnaire is for (shown when `cxm assess` starts).
        pub description: Option<String>,
    }

    #[derive(Deserialize, Default, JsonSchema)]
    #[serde(deny_unknown_fields)]
    pub struct ScoringTable {
        /// How a dimension's score comes from its questions: `mean` (default) or
        /// `weakest-link`.
        #[serde(default)]
        pub dimension: DimensionMethod,
        /// How the overall stage comes from the dimensions: `weakest-link` (default)
        /// or `mean`.
        #[serde(default)]
        pub overall: OverallMethod,
        /// How a score becomes a stage: `nearest` (default) or `reached`.
        #[serde(default)]
        pub stage: StageRule,
    }

    #[derive(Deserialize, JsonSchema)]
    #[serde(deny_unknown_fields)]
    pub struct Stage {
        /// Position on the ladder: 1 for the lowest, then 2, 3, … in file order.
        #[schemars(with = "i64")]
        pub level: Spanned<i64>,
        /// Kebab-case id, e.g. `multichannel`.
        #[schemars(with = "String")]
        pub id: Spanned<String>,
        /// The name reports show, e.g. `Multichannel`.
        #[schemars(with = "String")]
        pub name: Spanned<String>,
        /// What a company at this stage looks like, in one or two sentences.
        pub summary: String,
    }

    #[derive(Deserialize, JsonSchema)]
    #[serde(deny_unknown_fields)]
    pub struct Dimension {
        /// Kebab-case id that questions and actions refer to.
        #[schemars(with = "String")]
        pub id: Spanned<String>,
        /// The name reports show.
        #[schemars(with = "String")]
        pub name: Spanned<String>,
        /// What the dimension covers.
        pub description: Option<String>,
        /// Weight in the overall score (default 1); greater than 0, at most 1000000.
        #[schemars(with = "Option<f64>")]
        pub weight: Option<Spanned<f64>>,
    }

    #[derive(Deserialize, JsonSchema)]
    #[serde(deny_unknown_fields)]
    pub struct Action {
        /// The dimension's id.
        #[schemars(with = "String")]
        pub dimension: Spanned<String>,
        /// The stage (level) a dimension is at when this is its next action.
        #[schemars(with = "i64")]
        pub stage: Spanned<i64>,
        /// What to do, in a few words.
        #[schemars(with = "String")]
        pub title: Spanned<String>,
        /// How to do it, and why it moves the dimension up.
        pub detail: String,
        /// How to tell it worked.
        pub kpi: Option<String>,
        /// Who does it.
        pub owner: Option<String>,
        /// How long it takes, e.g. `3–6 months`; the roadmap groups steps by it.
        pub horizon: Option<String>,
    }

    #[derive(Deserialize, JsonSchema)]
    #[serde(deny_unknown_fields)]
    pub struct Question {
        /// Kebab-case id; answers files use it as the key.
        #[schemars(with = "String")]
        pub id: Spanned<String>,
        /// The id of the dimension it belongs to.
        #[schemars(with = "String")]
        pub dimension: Spanned<String>,
        /// The question, as asked.
        #[schemars(with = "String")]
        pub text: Spanned<String>,
        /// A short name for the question in reports, e.g. "Basis of tailoring"; without
        /// it, reports name the question by its id.
        #[schemars(with = "Option<String>")]
        pub title: Option<Spanned<String>>,
        /// A line of help shown under the question.
        pub help: Option<String>,
        /// Weight in its dimension's score (default 1); greater than 0, at most 1000000.
        #[schemars(with = "Option<f64>")]
        pub weight: Option<Spanned<f64>>,
        /// The answers to choose from, each showing a stage.
        #[schemars(with = "Vec<Opt>")]
        pub options: Spanned<Vec<Opt>>,
    }

    /// One answer to choose from.
    #[derive(Deserialize, JsonSchema)]
    #[serde(deny_unknown_fields)]
    pub struct Opt {
        /// The stage (level) this answer shows.
        #[schemars(with = "i64")]
        pub stage: Spanned<i64>,
        /// The answer, as offered.
        #[schemars(with = "String")]
        pub text: Spanned<String>,
    }
}

/// The JSON Schema (draft-07) of a questionnaire file, from the types that read it.
pub fn schema() -> serde_json::Value {
    let schema = schemars::generate::SchemaSettings::draft07()
        .into_generator()
        .into_root_schema_for::<raw::File>();
    schema.to_value()
}

/// [`schema`] as committed in `docs/schema/` (a test keeps the two equal), read once:
/// every file is checked against it, and parsing it is far cheaper than generating it.
fn schema_cached(_: &toml::de::DeTable) -> &'static serde_json::Value {
    static SCHEMA: std::sync::OnceLock<serde_json::Value> = std::sync::OnceLock::new();
    SCHEMA.get_or_init(|| {
        serde_json::from_str(include_str!("../docs/schema/questionnaire.schema.json"))
            .unwrap_or_else(|_| schema())
    })
}

/// Whether `id` is kebab-case: lowercase ASCII letters and digits in words joined by `-`.
pub fn is_kebab_case(id: &str) -> bool {
    !id.is_empty()
        && id.split('-').all(|w| {
            !w.is_empty()
                && w.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

/// Parses and validates a questionnaire, returning it (when there is no error) and every
/// problem found, errors and warnings, in file order.
pub fn check(source: &Source) -> (Option<Questionnaire>, Vec<Diagnostic>) {
    let (file, early, removed): (raw::File, _, _) =
        match document::parse(source, Kind::Questionnaire, schema_cached) {
            Ok(parsed) => parsed,
            Err(diagnostics) => return (None, diagnostics),
        };
    let mut checker = Checker {
        source,
        diagnostics: Vec::new(),
    };
    let questionnaire = checker.build(file);
    let mut diagnostics = early;
    // Without a key that was left out (a help text of the wrong type), a warning such
    // as "no help text" would be about a file that is not the one written.
    diagnostics.extend(
        checker
            .diagnostics
            .into_iter()
            .filter(|d| !removed || d.is_error()),
    );
    diagnostics.sort_by_key(|d| (d.position, d.severity));
    let has_error = diagnostics.iter().any(Diagnostic::is_error);
    ((!has_error).then_some(questionnaire), diagnostics)
}

struct Checker<'s> {
    source: &'s Source,
    diagnostics: Vec<Diagnostic>,
}

impl Checker<'_> {
    fn error(&mut self, span: std::ops::Range<usize>, message: impl Into<String>) {
        self.diagnostics.push(self.source.error(span, message));
    }

    fn warning(&mut self, span: std::ops::Range<usize>, message: impl Into<String>) {
        self.diagnostics.push(self.source.warning(span, message));
    }

    fn id(&mut self, id: &Spanned<String>, kind: &str, seen: &mut HashSet<String>) {
        let value = id.get_ref();
        if !is_kebab_case(value) {
            self.error(
                id.span(),
                format!(
                    "{kind} id `{value}` is not kebab-case; use lowercase letters, digits and \
                     hyphens, e.g. `{}`",
                    suggest_kebab(value)
                ),
            );
        }
        if !seen.insert(value.clone()) {
            self.error(
                id.span(),
                format!("duplicate {kind} id `{value}`; give each {kind} its own id"),
            );
        }
    }

    fn non_empty(&mut self, text: &Spanned<String>, what: &str) {
        if text.get_ref().trim().is_empty() {
            self.error(
                text.span(),
                format!("{what} is empty; write the text to show"),
            );
        }
    }

    fn weight(&mut self, weight: &Option<Spanned<f64>>, what: &str) -> f64 {
        match weight {
            None => 1.0,
            Some(w) => {
                let value = *w.get_ref();
                // The cap keeps weighted sums far from overflow, so every score is finite.
                if !(value.is_finite() && value > 0.0 && value <= MAX_WEIGHT) {
                    self.error(
                        w.span(),
                        format!(
                            "{what} weight {value} is not allowed; use a number greater than 0 \
                             and at most {MAX_WEIGHT}, e.g. 1.0"
                        ),
                    );
                }
                value
            }
        }
    }

    fn stage_ref(&mut self, stage: &Spanned<i64>, top: u32, what: &str) -> u32 {
        let value = *stage.get_ref();
        if value < 1 || value > i64::from(top) {
            self.error(
                stage.span(),
                match top {
                    0 => format!("{what} stage {value} does not exist; the ladder has no stages"),
                    1 => format!("{what} stage {value} does not exist; the only stage is 1"),
                    _ => format!(
                        "{what} stage {value} does not exist; stages are numbered 1 to {top}"
                    ),
                },
            );
            return 0;
        }
        value as u32
    }

    /// Warns when one answer a step off can move dimension `d`'s stage on its own: with
    /// fewer than 3 questions, or (for a mean) when one option step of a question moves
    /// the dimension's score by half a stage or more — a heavy weight, or options that
    /// skip stages.
    /// Warnings about one option's text: too long to read at a glance, or naming a
    /// stage (which gives the answer away instead of describing what happens).
    fn option_lints(&mut self, question: &str, text: &Spanned<String>, stages: &[Stage]) {
        let length = text.get_ref().chars().count();
        if length > MAX_OPTION_CHARS {
            self.warning(
                text.span(),
                format!(
                    "an option of question `{question}` is {length} characters long; keep \
                     options under {MAX_OPTION_CHARS} so they can be read at a glance"
                ),
            );
        }
        let lower = text.get_ref().to_lowercase();
        let words: Vec<&str> = lower
            .split(|c: char| !c.is_alphanumeric() && c != '-')
            .filter(|w| !w.is_empty())
            .collect();
        for stage in stages {
            let name: Vec<String> = stage
                .name
                .to_lowercase()
                .split(|c: char| !c.is_alphanumeric() && c != '-')
                .filter(|w| !w.is_empty())
                .map(str::to_string)
                .collect();
            if !name.is_empty() && words.windows(name.len()).any(|w| w == name.as_slice()) {
                self.warning(
                    text.span(),
                    format!(
                        "an option of question `{question}` names stage `{}`; describe what the \
                         company does instead, so the answer is not given away",
                        stage.name
                    ),
                );
            }
        }
    }

    /// Warns about stages dimension `d` can never be at, whatever is answered: below
    /// the lowest option of any of its questions, or above the highest.
    fn unreachable_stages(
        &mut self,
        d: &raw::Dimension,
        of_d: &[&Question],
        scoring: &raw::ScoringTable,
        stages: &[Stage],
    ) {
        let valid: Vec<&&Question> = of_d
            .iter()
            .filter(|q| q.weight.is_finite() && q.weight > 0.0 && !q.options.is_empty())
            .collect();
        if valid.is_empty() || stages.len() < 2 {
            return;
        }
        let top = stages.len() as u32;
        // Any question may be the only one answered (the rest "n/a" or "don't know"),
        // and then it alone is the dimension's score: the lowest option of any question
        // is the lowest score there is, the highest option the highest.
        let options = || {
            valid
                .iter()
                .flat_map(|q| q.options.iter().map(|o| o.stage))
                .filter(|s| *s != 0)
        };
        let pick = |lowest: bool| -> Option<f64> {
            let stage = if lowest {
                options().min()
            } else {
                options().max()
            };
            stage.map(f64::from)
        };
        let (Some(low), Some(high)) = (pick(true), pick(false)) else {
            return;
        };
        let (from, to) = (
            crate::score::stage_of(low, top, scoring.stage),
            crate::score::stage_of(high, top, scoring.stage),
        );
        let never: Vec<&Stage> = stages
            .iter()
            .filter(|s| s.level < from || s.level > to)
            .collect();
        if !never.is_empty() {
            let names: Vec<String> = never
                .iter()
                .map(|s| format!("{} ({})", s.level, s.name))
                .collect();
            let (last, rest) = names
                .split_last()
                .map_or(("", &[][..]), |(l, r)| (l.as_str(), r));
            let shown = if rest.is_empty() {
                format!("stage {last}")
            } else {
                format!("stages {} and {last}", rest.join(", "))
            };
            self.warning(
                d.id.span(),
                format!(
                    "dimension `{}` can never be at {shown}: whatever is answered, it scores \
                     from stage {from} to {to}; give one of its questions an option for the \
                     stages it cannot reach",
                    d.id.get_ref(),
                ),
            );
        }
    }

    fn single_answer_can_move(
        &mut self,
        d: &raw::Dimension,
        of_d: &[&Question],
        method: DimensionMethod,
    ) {
        let id = d.id.get_ref();
        let total: f64 = of_d.iter().map(|q| q.weight).sum();
        // Invalid weights have an error of their own.
        let valid = of_d.iter().all(|q| q.weight.is_finite() && q.weight > 0.0);
        if (1..3).contains(&of_d.len()) {
            self.warning(
                d.id.span(),
                format!(
                    "dimension `{id}` has only {}; with fewer than 3, a single answer one step \
                     off can move its stage — add questions",
                    count(of_d.len(), "question")
                ),
            );
        } else if valid && method == DimensionMethod::Mean {
            // The most one option step of `q` moves the dimension's score, in stages.
            let swing = |q: &Question| {
                let widest = q
                    .options
                    .windows(2)
                    // Stage 0 is an option off the ladder, which has an error of its own.
                    .filter(|w| w[0].stage != 0)
                    .map(|w| w[1].stage.saturating_sub(w[0].stage))
                    .max()
                    .unwrap_or(0);
                q.weight / total * f64::from(widest)
            };
            if let Some(q) = of_d.iter().find(|q| swing(q) >= 0.5 - 1e-9) {
                self.warning(
                    d.id.span(),
                    format!(
                        "one option step of question `{}` moves dimension `{id}` by half a \
                         stage or more, so its answer alone can move the dimension's stage; \
                         lower its weight, add questions or give it an option for every stage",
                        q.id
                    ),
                );
            }
        }
    }

    fn build(&mut self, file: raw::File) -> Questionnaire {
        let header = &file.questionnaire;
        if !is_kebab_case(header.id.get_ref()) {
            self.error(
                header.id.span(),
                format!(
                    "questionnaire id `{}` is not kebab-case; use lowercase letters, digits and \
                     hyphens, e.g. `{}`",
                    header.id.get_ref(),
                    suggest_kebab(header.id.get_ref())
                ),
            );
        }
        self.non_empty(&header.version, "version");
        self.non_empty(&header.title, "title");
        if !is_language_tag(header.language.get_ref()) {
            self.error(
                header.language.span(),
                format!(
                    "language `{}` is not a BCP 47 language tag; use e.g. `en`, `de` or `de-CH`",
                    header.language.get_ref()
                ),
            );
        }

        // Stages: levels exactly 1..N in order, N >= 2.
        let mut stage_ids = HashSet::new();
        let stages_span = file.stages.span();
        let raw_stages = file.stages.into_inner();
        if raw_stages.len() < 2 {
            self.error(
                stages_span,
                format!(
                    "the ladder has only {}; define at least 2 `[[stages]]` with levels 1, 2, …",
                    count(raw_stages.len(), "stage")
                ),
            );
        }
        let mut stages = Vec::new();
        for (i, s) in raw_stages.iter().enumerate() {
            let expected = i as i64 + 1;
            if *s.level.get_ref() != expected {
                self.error(
                    s.level.span(),
                    format!(
                        "stage level {} is out of order; stages must be listed with levels 1 to N \
                         in order, so this one should be {expected}",
                        s.level.get_ref()
                    ),
                );
            }
            self.id(&s.id, "stage", &mut stage_ids);
            self.non_empty(&s.name, "stage name");
            stages.push(Stage {
                level: expected as u32,
                id: s.id.get_ref().clone(),
                name: printable(s.name.get_ref()),
                summary: printable(&s.summary),
            });
        }
        let top = stages.len() as u32;

        // Dimensions.
        let mut dimension_ids = HashSet::new();
        let dimensions_span = file.dimensions.span();
        let raw_dimensions = file.dimensions.into_inner();
        if raw_dimensions.is_empty() {
            self.error(
                dimensions_span,
                "no dimensions; define at least one `[[dimensions]]`",
            );
        }
        let mut dimensions = Vec::new();
        for d in &raw_dimensions {
            self.id(&d.id, "dimension", &mut dimension_ids);
            self.non_empty(&d.name, "dimension name");
            let weight = self.weight(&d.weight, "dimension");
            dimensions.push(Dimension {
                id: d.id.get_ref().clone(),
                name: printable(d.name.get_ref()),
                description: d.description.as_deref().map(printable),
                weight,
            });
        }
        let known_dimension = |id: &str| dimension_ids.contains(id);
        let dimension_hint = |wrong: &str| {
            let ids = raw_dimensions.iter().map(|d| d.id.get_ref().as_str());
            match closest(wrong, ids.clone()) {
                Some(near) => format!("did you mean `{near}`?"),
                None => format!("the dimensions are {}", list(ids)),
            }
        };

        // Questions.
        let mut question_ids = HashSet::new();
        let mut questions_per_dimension: HashMap<String, usize> = HashMap::new();
        let mut questions = Vec::new();
        let questions_span = file.questions.span();
        let raw_questions = file.questions.into_inner();
        if raw_questions.is_empty() {
            self.error(
                questions_span,
                "no questions; define at least one `[[questions]]`",
            );
        }
        // Dimensions that a misspelt reference probably meant: their "no questions"
        // error would only repeat the typo's.
        let mut probably_meant = HashSet::new();
        for q in &raw_questions {
            self.id(&q.id, "question", &mut question_ids);
            let dim = q.dimension.get_ref();
            if known_dimension(dim) {
                *questions_per_dimension.entry(dim.clone()).or_default() += 1;
            } else {
                if let Some(near) =
                    closest(dim, raw_dimensions.iter().map(|d| d.id.get_ref().as_str()))
                {
                    probably_meant.insert(near.to_string());
                }
                let hint = dimension_hint(dim);
                self.error(
                    q.dimension.span(),
                    format!(
                        "question `{}` names dimension `{dim}`, which does not exist; {hint}",
                        q.id.get_ref()
                    ),
                );
            }
            self.non_empty(&q.text, "question text");
            if let Some(title) = &q.title {
                self.non_empty(title, "question title");
            }
            if q.help.as_deref().is_none_or(|h| h.trim().is_empty()) {
                self.warning(
                    q.id.span(),
                    format!(
                        "question `{}` has no help text; add `help = \"…\"`, one line that \
                         helps someone without training choose",
                        q.id.get_ref()
                    ),
                );
            }
            let weight = self.weight(&q.weight, "question");
            let raw_options = q.options.get_ref();
            if raw_options.len() < 2 {
                self.error(
                    q.options.span(),
                    format!(
                        "question `{}` has only {}; give it at least 2 `[[questions.options]]`",
                        q.id.get_ref(),
                        count(raw_options.len(), "option")
                    ),
                );
            }
            let mut seen_stages = HashSet::new();
            let mut options = Vec::new();
            for o in raw_options {
                let stage = self.stage_ref(&o.stage, top, "option");
                if stage != 0 && !seen_stages.insert(stage) {
                    self.error(
                        o.stage.span(),
                        format!(
                            "question `{}` has two options for stage {stage}; each option must \
                             evidence a different stage",
                            q.id.get_ref()
                        ),
                    );
                }
                self.non_empty(&o.text, "option text");
                self.option_lints(q.id.get_ref(), &o.text, &stages);
                options.push(Choice {
                    stage,
                    text: printable(o.text.get_ref()),
                });
            }
            options.sort_by_key(|o| o.stage);
            questions.push(Question {
                id: q.id.get_ref().clone(),
                dimension: dim.clone(),
                text: printable(q.text.get_ref()),
                title: q.title.as_ref().map(|t| printable(t.get_ref())),
                help: q.help.as_deref().map(printable),
                weight,
                options,
            });
        }
        let mut by_dimension: HashMap<&str, Vec<&Question>> = HashMap::new();
        for q in &questions {
            by_dimension
                .entry(q.dimension.as_str())
                .or_default()
                .push(q);
        }
        for d in &raw_dimensions {
            if !questions_per_dimension.contains_key(d.id.get_ref())
                && known_dimension(d.id.get_ref())
                && !probably_meant.contains(d.id.get_ref())
            {
                self.error(
                    d.id.span(),
                    format!(
                        "dimension `{}` has no questions; add a `[[questions]]` with \
                         `dimension = \"{}\"` or remove the dimension",
                        d.id.get_ref(),
                        d.id.get_ref()
                    ),
                );
            }
            let of_d = by_dimension
                .get(d.id.get_ref().as_str())
                .map_or(&[][..], Vec::as_slice);
            self.single_answer_can_move(d, of_d, file.scoring.dimension);
            self.unreachable_stages(d, of_d, &file.scoring, &stages);
        }

        // Actions.
        let mut actions = Vec::new();
        let mut action_keys = HashSet::new();
        for a in &file.actions {
            let dim = a.dimension.get_ref();
            if !known_dimension(dim) {
                let hint = dimension_hint(dim);
                self.error(
                    a.dimension.span(),
                    format!("action names dimension `{dim}`, which does not exist; {hint}"),
                );
            }
            let stage = self.stage_ref(&a.stage, top, "action");
            if stage != 0 && !action_keys.insert((dim.clone(), stage)) {
                self.error(
                    a.stage.span(),
                    format!(
                        "a second action for dimension `{dim}` at stage {stage}; keep one action \
                         per dimension and stage"
                    ),
                );
            }
            if stage == top && top >= 2 {
                self.warning(
                    a.stage.span(),
                    format!(
                        "an action for the top stage {top} is never shown: a dimension there has \
                         reached the top and sustains; remove it"
                    ),
                );
            }
            self.non_empty(&a.title, "action title");
            if a.kpi.as_deref().is_none_or(|k| k.trim().is_empty()) && stage != top {
                self.warning(
                    a.title.span(),
                    format!(
                        "action `{}` has no kpi; add `kpi = \"…\"` so the company can tell \
                         that it worked",
                        a.title.get_ref()
                    ),
                );
            }
            actions.push(Action {
                dimension: dim.clone(),
                stage,
                title: printable(a.title.get_ref()),
                detail: printable(&a.detail),
                kpi: a.kpi.as_deref().map(printable),
                owner: a.owner.as_deref().map(printable),
                horizon: a.horizon.as_deref().map(printable),
            });
        }
        for d in &raw_dimensions {
            let missing: Vec<u32> = (1..top)
                .filter(|s| !action_keys.contains(&(d.id.get_ref().clone(), *s)))
                .collect();
            if !missing.is_empty() && known_dimension(d.id.get_ref()) {
                self.warning(
                    d.id.span(),
                    format!(
                        "dimension `{}` has no action for stage {}; a company there gets no next \
                         step — add `[[actions]]` with `dimension = \"{}\"`",
                        d.id.get_ref(),
                        list(missing),
                        d.id.get_ref()
                    ),
                );
            }
        }

        Questionnaire {
            id: header.id.get_ref().clone(),
            version: printable(header.version.get_ref()),
            language: header.language.get_ref().clone(),
            title: printable(header.title.get_ref()),
            description: header.description.as_deref().map(printable),
            scoring: Scoring {
                dimension: file.scoring.dimension,
                overall: file.scoring.overall,
                stage: file.scoring.stage,
            },
            index: Index::new(&dimensions, &questions),
            stages,
            dimensions,
            questions,
            actions,
        }
    }
}

fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let primary = parts.next().unwrap_or_default();
    (2..=8).contains(&primary.len())
        && primary.bytes().all(|b| b.is_ascii_alphabetic())
        && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

fn suggest_kebab(id: &str) -> String {
    let mut out = String::new();
    for c in id.trim().chars() {
        if c.is_ascii_alphanumeric() {
            if c.is_ascii_uppercase() && !out.is_empty() && !out.ends_with('-') {
                out.push('-');
            }
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-').to_string();
    if out.is_empty() { "my-id".into() } else { out }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The warnings for one dimension with questions of `weights`, each with options
    /// for `stages`, scored by `method`.
    fn warnings(weights: &[f64], stages: &[u32], method: &str) -> Vec<String> {
        let mut t = format!(
            "format = 1\n[questionnaire]\nid = \"t\"\nversion = \"1\"\nlanguage = \"en\"\n\
             title = \"T\"\n[scoring]\ndimension = \"{method}\"\n"
        );
        for l in 1..=5 {
            t += &format!("[[stages]]\nlevel = {l}\nid = \"s{l}\"\nname = \"S\"\nsummary = \"\"\n");
        }
        t += "[[dimensions]]\nid = \"d\"\nname = \"D\"\n";
        for (i, w) in weights.iter().enumerate() {
            t += &format!(
                "[[questions]]\nid = \"q{i}\"\ndimension = \"d\"\ntext = \"?\"\nhelp = \"h\"\n\
                 weight = {w:?}\n"
            );
            for s in stages {
                t += &format!("[[questions.options]]\nstage = {s}\ntext = \"o\"\n");
            }
        }
        for l in 1..5 {
            t += &format!(
                "[[actions]]\ndimension = \"d\"\nstage = {l}\ntitle = \"a\"\ndetail = \"\"\n\
                 kpi = \"k\"\n"
            );
        }
        let (q, diagnostics) = check(&Source::new("t.toml", t));
        assert!(q.is_some(), "{diagnostics:?}");
        diagnostics.into_iter().map(|d| d.message).collect()
    }

    /// The warnings for the bundled-style skeleton `cxm init --minimal` writes, after
    /// `edit` changes its text.
    fn lints(edit: impl Fn(&str) -> String) -> Vec<String> {
        let text = edit(include_str!("commands/minimal.toml"));
        let (q, diagnostics) = check(&Source::new("t.toml", text));
        assert!(q.is_some(), "{diagnostics:?}");
        diagnostics.into_iter().map(|d| d.message).collect()
    }

    #[test]
    fn the_minimal_skeleton_has_no_warning() {
        assert_eq!(lints(str::to_string), Vec::<String>::new());
    }

    #[test]
    fn a_question_without_help_warns() {
        let w = lints(|t| {
            t.replace(
                "help = \"Count the channels a customer can use today.\"\n",
                "",
            )
        });
        assert_eq!(w.len(), 1, "{w:?}");
        assert!(
            w[0].starts_with("question `service-channels` has no help text"),
            "{w:?}"
        );
    }

    #[test]
    fn an_action_without_a_kpi_warns() {
        let w = lints(|t| {
            t.replace(
                "kpi = \"Median time to first answer, reported every week.\"\n",
                "",
            )
        });
        assert_eq!(
            w,
            [
                "action `Track every request in one system` has no kpi; add `kpi = \"…\"` \
                        so the company can tell that it worked"
            ]
        );
    }

    #[test]
    fn a_long_option_warns() {
        let long = "x ".repeat(81);
        let w = lints(|t| t.replace("By phone during office hours only.", &long));
        assert_eq!(w.len(), 1, "{w:?}");
        assert!(
            w[0].contains("is 162 characters long; keep options under 160"),
            "{w:?}"
        );
    }

    #[test]
    fn an_option_naming_a_stage_warns() {
        let w = lints(|t| {
            t.replace(
                "By phone during office hours only.",
                "We are basic: phone only.",
            )
        });
        assert_eq!(w.len(), 1, "{w:?}");
        assert!(w[0].contains("names stage `Basic`"), "{w:?}");
        // A word that only contains a stage name is not one.
        assert!(lints(|t| t.replace("only.", "basically.")).is_empty());
    }

    #[test]
    fn a_stage_no_answer_can_reach_warns() {
        // A third stage that no option shows.
        let third = "[[stages]]\nlevel = 3\nid = \"leading\"\nname = \"Leading\"\nsummary = \"s\"\n\n\
                     [[dimensions]]";
        let w = lints(|t| t.replacen("[[dimensions]]", third, 1));
        assert!(
            w.iter().any(|m| m.starts_with(
                "dimension `service` can never be at stage 3 (Leading): whatever is answered, \
                 it scores from stage 1 to 2"
            )),
            "{w:?}"
        );
    }

    #[test]
    fn three_equal_questions_with_every_stage_need_no_warning() {
        assert!(warnings(&[1.0, 1.0, 1.0], &[1, 2, 3, 4, 5], "mean").is_empty());
    }

    #[test]
    fn a_question_with_half_the_weight_warns_even_through_rounding() {
        // 0.3 / (0.3 + 0.1 + 0.2) is 0.49999999999999994 in binary.
        let w = warnings(&[0.3, 0.1, 0.2], &[1, 2, 3, 4, 5], "mean");
        assert_eq!(w.len(), 1, "{w:?}");
        assert!(
            w[0].starts_with("one option step of question `q0` moves"),
            "{w:?}"
        );
    }

    #[test]
    fn options_that_skip_stages_warn() {
        // One step from 3 down to 1 moves a third of the weight two stages: 0.67.
        let w = warnings(&[1.0, 1.0, 1.0], &[1, 3, 5], "mean");
        assert_eq!(w.len(), 1, "{w:?}");
        assert!(w[0].contains("give it an option for every stage"), "{w:?}");
    }

    #[test]
    fn weakest_link_dimensions_warn_only_about_too_few_questions() {
        assert!(warnings(&[5.0, 1.0, 1.0], &[1, 3, 5], "weakest-link").is_empty());
        let w = warnings(&[1.0, 1.0], &[1, 2, 3, 4, 5], "weakest-link");
        assert_eq!(w.len(), 1, "{w:?}");
        assert!(w[0].contains("has only 2 questions"), "{w:?}");
    }
}
