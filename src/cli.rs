//! The command-line interface, declared with clap; doc comments become `--help`.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use crate::commands::ColorChoice;
use crate::report::Format;

#[derive(Debug, Parser)]
#[command(
    name = "cxm",
    version,
    about = "Customer-experience maturity self-assessment",
    long_about = "Customer-experience maturity self-assessment.\n\n\
        Answer a questionnaire and cxm places your company on a ladder of five stages \
        (Uniform, Segment-Based, Multichannel, Cross-Channel, Omni-Channel), per dimension \
        and overall, with the next action for every dimension.",
    after_help = "Examples:\n  \
        cxm assess\n  \
        cxm score examples/early-stage.toml\n  \
        cxm score answers.toml --min-stage 3 -o report.md\n  \
        cxm aggregate responses/\n  \
        cxm compare last-year.toml answers.toml\n  \
        cxm init my-questionnaire.toml\n  \
        cxm validate my-questionnaire.toml\n  \
        cxm list",
    propagate_version = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,

    /// When reports use colour: auto (on a terminal, unless NO_COLOR is set or
    /// TERM=dumb), always, never.
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    Assess(AssessArgs),
    Workshop(WorkshopArgs),
    Score(ScoreArgs),
    Validate(ValidateArgs),
    List(ListArgs),
    Aggregate(AggregateArgs),
    Compare(CompareArgs),
    Init(InitArgs),
    Schema(SchemaArgs),
    Completions(CompletionsArgs),
    Man(ManArgs),
}

/// The scoring rules, shown by `cxm score --help` and kept in step with the README.
pub const SCORING_RULES: &str = "\
Scoring rules:
  - A question's value is the stage of the chosen option. \"n/a\" and \"unknown\"
    are left out of every mean.
  - Dimension score: the weighted mean of its questions' values (question weights);
    with `dimension = \"weakest-link\"` in [scoring], the lowest value. A dimension
    with no valued answer has no score and no stage.
  - Dimension stage, with `stage = \"nearest\"` in [scoring] (the default): the
    stage nearest to the score; exactly halfway takes the lower one. With
    `stage = \"reached\"`: the highest level k with score >= k. Scores within 1e-9
    of a boundary count as on it, whatever the weights.
      Worked example, answers 2, 3, 3 and 2 (score 2.5), then 2, 3, 3, 3 (2.75):
      nearest gives stage 2, then 3; reached gives 2 both times, because 2.75 has
      not fully reached 3. One answer a step off moves a mean of 4 answers by
      0.25: nearest keeps the stage, reached can drop it.
  - Overall score: the weighted mean of the dimension scores (dimension weights),
    over the dimensions that have a score.
  - Overall stage: the lowest dimension stage (`overall = \"weakest-link\"`, the
    default), or the stage of the overall score by the same rule (`overall =
    \"mean\"`). \"Held back by\" names the dimensions at or below that stage.
  - Gaps: per dimension, the answers whose stage is below the dimension's.
  - What lifts the stage: the fewest raised answers, counted in option steps
    (moving to the next higher option is one step), that lift the overall stage,
    or a dimension's, by one. Only answers with a stage are raised; on ties,
    raising no answer past the stage being reached, then fewer questions, then
    questions earlier in the questionnaire.
  - Complete: every question has a stage or \"n/a\"; \"unknown\" and unanswered
    questions make the result incomplete.
  - Next action of a dimension: the questionnaire's action for its current stage;
    none at the top stage (sustain).
  - Reports round scores to two decimals, never across the boundary of the stage
    shown (2.999 by `reached` shows as 2.99; 2.501 by `nearest` as 2.51).

Exit codes:
  0  success; the --min-stage gate, if any, passed
  1  the --min-stage gate failed
  2  no trustworthy result: usage error, unreadable or invalid questionnaire or
     answers file, unwritable output

Examples:
  cxm score examples/early-stage.toml
  cxm score answers.toml --format json
  cxm score answers.toml --min-stage 3 -o report.md -o result.json
  cat answers.toml | cxm score - --questionnaire my-questionnaire.toml";

/// Answer the questionnaire interactively; saves after every answer.
#[derive(Debug, Args)]
#[command(
    after_help = "Keys: arrows choose, Enter answers, Esc goes back, Ctrl-C stops (answers \
        so far are kept; exit code 130).\n\n\
        Examples:\n  cxm assess\n  cxm assess --organisation \"ACME GmbH\" --notes\n  \
        cxm assess --answers acme-2026-11-23.toml   # resume or review"
)]
pub struct AssessArgs {
    /// Questionnaire to answer: a TOML file, or the id of a bundled one.
    /// Default: the bundled `cx-maturity` (or the one an existing --answers file names).
    #[arg(short = 'Q', long, value_name = "FILE|ID")]
    pub questionnaire: Option<String>,

    /// Language of the bundled questionnaire (e.g. `en`).
    #[arg(long, value_name = "LANG")]
    pub lang: Option<String>,

    /// Answers file to write, or to resume when it exists. Default: a new file in the
    /// current directory named after the organisation and the date.
    #[arg(short, long, value_name = "FILE")]
    pub answers: Option<PathBuf>,

    /// The same as --answers FILE.
    #[arg(value_name = "FILE", conflicts_with = "answers")]
    pub file: Option<PathBuf>,

    /// Organisation name for the report (otherwise asked).
    #[arg(long, value_name = "NAME")]
    pub organisation: Option<String>,

    /// Your name for the report (otherwise asked).
    #[arg(long, value_name = "NAME")]
    pub respondent: Option<String>,

    /// Ask for a one-line note (evidence, why) after each answer.
    #[arg(long)]
    pub notes: bool,
}

/// Run the questionnaire with a room: blind votes, the reveal, one agreed answer.
#[derive(Debug, Args)]
#[command(
    after_help = "For each question everyone votes in turn, blind: press the number of \
        your option, ? (don't know) or - (not applicable); the key is not shown. When all \
        have voted, the votes are revealed with the group answer, spread and consensus; \
        the facilitator confirms the answer, changes it, or calls a new blind round.\n\n\
        Keys: Esc goes back one question (votes are kept), Ctrl-C stops (exit code 130). \
        The session file is saved after every vote; --session FILE resumes it.\n\n\
        Examples:\n  cxm workshop --organisation \"ACME GmbH\" --participants \"Anna, Ben, \
        Chris\"\n  cxm workshop --session acme-workshop-2026-11-24.toml   # resume\n  \
        cxm score acme-workshop-2026-11-24.toml --format html -o report.html"
)]
pub struct WorkshopArgs {
    /// Questionnaire to run: a TOML file, or the id of a bundled one.
    /// Default: the bundled `cx-maturity` (or the one an existing --session names).
    #[arg(short = 'Q', long, value_name = "FILE|ID")]
    pub questionnaire: Option<String>,

    /// Language of the bundled questionnaire (e.g. `en`).
    #[arg(long, value_name = "LANG")]
    pub lang: Option<String>,

    /// Session file to write, or to resume when it exists. Default: a new file in the
    /// current directory named after the organisation and the date.
    #[arg(short, long, value_name = "FILE")]
    pub session: Option<PathBuf>,

    /// The participants, in voting order, separated by commas (2 to 30; otherwise
    /// asked).
    #[arg(short, long, value_name = "NAMES")]
    pub participants: Option<String>,

    /// Organisation name for the report (otherwise asked).
    #[arg(long, value_name = "NAME")]
    pub organisation: Option<String>,

    /// Show each vote as it is cast, instead of only when everyone has voted.
    #[arg(long)]
    pub open_votes: bool,
}

/// Score a saved answers file or workshop session and print the stage report.
#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  cxm score examples/early-stage.toml\n  cxm score answers.toml --min-stage 3 -o report.md",
    after_long_help = SCORING_RULES
)]
pub struct ScoreArgs {
    /// The answers file (or workshop session file) to score; `-` reads it from
    /// standard input.
    #[arg(value_name = "ANSWERS")]
    pub answers: String,

    /// Questionnaire to score against: a TOML file, or the id of a bundled one.
    /// Default: the bundled questionnaire the answers file names.
    #[arg(short = 'Q', long, value_name = "FILE|ID")]
    pub questionnaire: Option<String>,

    /// Language of the bundled questionnaire (e.g. `en`). Default: the answers file's.
    #[arg(long, value_name = "LANG")]
    pub lang: Option<String>,

    /// Format of the report on standard output: table (or txt), json, markdown (or md),
    /// html, csv.
    #[arg(short, long, value_enum, ignore_case = true, default_value_t = Format::Table)]
    pub format: Format,

    /// Print no report on standard output, only the gate verdict and errors (for CI);
    /// `-o` files are still written.
    #[arg(short = 'q', long)]
    pub quiet: bool,

    /// Also write the report to FILE, in the format its extension names
    /// (`.json`, `.md`, `.txt`, `.html`, `.csv`); `-` is standard output in the
    /// --format format (also with --quiet). Repeat for several files.
    #[arg(short, long = "output", value_name = "FILE")]
    pub output: Vec<PathBuf>,

    /// Fail (exit 1) when the overall stage is below this stage (a level number or a
    /// stage id) or when answers are missing.
    #[arg(long, value_name = "LEVEL|ID")]
    pub min_stage: Option<String>,

    /// With --min-stage: let unknown or unanswered questions pass the gate.
    #[arg(long, requires = "min_stage")]
    pub allow_incomplete: bool,

    /// The stage to aim for (a level number or a stage id): adds the gap per dimension
    /// and a roadmap of the actions that reach it. Default: the answers file's
    /// `target_stage`.
    #[arg(long, value_name = "LEVEL|ID")]
    pub target: Option<String>,

    /// Render HTML reports with this minijinja template instead of the built-in one;
    /// its variables are the JSON report's fields (see the README).
    #[arg(long, value_name = "FILE")]
    pub template: Option<PathBuf>,

    /// Also append the Markdown report to the file GitHub Actions names in
    /// GITHUB_STEP_SUMMARY, for the job's summary page.
    #[arg(long)]
    pub step_summary: bool,
}

/// Merge many respondents' answers files into one group report, with where they
/// disagree.
#[derive(Debug, Args)]
#[command(
    after_help = "Per question the group answer is the lower median of the stage answers, \
        shown with n (how many it rests on), the spread and Leik's consensus (1 agreed, 0 split \
        between the ends of the ladder).\n\n\
        Exit codes: 0 aggregated, 2 an unreadable, invalid or unrelated file (unless \
        --skip-invalid), or fewer respondents than --min-respondents.\n\n\
        Examples:\n  cxm aggregate responses/\n  \
        cxm aggregate anna.toml ben.toml chris.toml --format markdown -o group.md\n  \
        cxm aggregate responses/ --skip-invalid --min-respondents 5 -o group.html"
)]
pub struct AggregateArgs {
    /// Answers files, or directories: every `*.toml` in one (not in its subdirectories).
    #[arg(value_name = "FILE_OR_DIR", required = true)]
    pub inputs: Vec<PathBuf>,

    /// Questionnaire to score against: a TOML file, or the id of a bundled one.
    /// Default: the bundled questionnaire the files name.
    #[arg(short = 'Q', long, value_name = "FILE|ID")]
    pub questionnaire: Option<String>,

    /// Language of the bundled questionnaire (e.g. `en`). Default: the first file's.
    #[arg(long, value_name = "LANG")]
    pub lang: Option<String>,

    /// Format on standard output: table (or txt), json, markdown (or md), html, csv.
    #[arg(short, long, value_enum, ignore_case = true, default_value_t = Format::Table)]
    pub format: Format,

    /// Also write the group report to FILE, in the format its extension names; `-` is
    /// standard output. Repeat for several files.
    #[arg(short, long = "output", value_name = "FILE")]
    pub output: Vec<PathBuf>,

    /// Leave out invalid files or files of another questionnaire, each named on
    /// standard error, instead of failing.
    #[arg(long)]
    pub skip_invalid: bool,

    /// Fail (exit 2) when fewer respondents than this remain.
    #[arg(long, value_name = "N", default_value_t = 1)]
    pub min_respondents: u64,

    /// With CSV: one row per respondent and question (each file's own answers)
    /// instead of one per question with the group's counts.
    #[arg(long)]
    pub per_respondent: bool,

    /// The stage to aim for (a level number or a stage id): adds the group's gap per
    /// dimension and a roadmap of the actions that reach it.
    #[arg(long, value_name = "LEVEL|ID")]
    pub target: Option<String>,

    /// Render HTML reports with this minijinja template instead of the built-in one;
    /// its variables are the JSON report's fields (see the README).
    #[arg(long, value_name = "FILE")]
    pub template: Option<PathBuf>,
}

/// Compare assessments over time: the stage and score before and after, per
/// dimension, the answers that moved and the progress to the target.
#[derive(Debug, Args)]
#[command(
    after_help = "Exit codes: 0 compared (and, with --fail-on-regression, nothing went \
        down), 1 --fail-on-regression and a stage went down, 2 unreadable or unrelated files.\n\n\
        Examples:\n  cxm compare acme-2025.toml acme-2026.toml\n  \
        cxm compare q1.toml q2.toml q3.toml --format markdown -o progress.md\n  \
        cxm compare last-year.toml answers.toml --fail-on-regression"
)]
pub struct CompareArgs {
    /// The earlier answers file (the baseline).
    #[arg(value_name = "BEFORE")]
    pub before: String,

    /// One or more later answers files of the same questionnaire, oldest first.
    #[arg(value_name = "AFTER", required = true)]
    pub after: Vec<String>,

    /// Questionnaire to score against: a TOML file, or the id of a bundled one.
    /// Default: the bundled questionnaire the files name.
    #[arg(short = 'Q', long, value_name = "FILE|ID")]
    pub questionnaire: Option<String>,

    /// Language of the bundled questionnaire (e.g. `en`). Default: the latest file's.
    #[arg(long, value_name = "LANG")]
    pub lang: Option<String>,

    /// Format on standard output: table (or txt), json, markdown (or md), html (csv is
    /// for one assessment: `cxm score`).
    #[arg(short, long, value_enum, ignore_case = true, default_value_t = Format::Table)]
    pub format: Format,

    /// Also write the comparison to FILE (`.json`, `.md`, `.txt`, `.html`); `-` is
    /// standard output. Repeat for several files.
    #[arg(short, long = "output", value_name = "FILE")]
    pub output: Vec<PathBuf>,

    /// Fail (exit 1) when the overall stage or any dimension's stage went down from
    /// BEFORE to the last AFTER (for CI).
    #[arg(long)]
    pub fail_on_regression: bool,
}

/// Check questionnaire files and print every problem as `file:line:column: …`.
#[derive(Debug, Args)]
#[command(
    after_help = "Exit codes: 0 no errors (warnings allowed unless --deny-warnings), 2 an \
        error in any file (or a warning with --deny-warnings).\n\n\
        Examples:\n  cxm validate my-questionnaire.toml\n  cxm validate questionnaires/*.toml\n  \
        cxm validate client.toml --against client-v1.toml --deny-warnings\n  \
        cxm validate client.toml --format json"
)]
pub struct ValidateArgs {
    /// Questionnaire files to check.
    #[arg(value_name = "FILE", required = true)]
    pub files: Vec<PathBuf>,

    /// An earlier version of the questionnaire: list the question ids and option
    /// stages it had that these files dropped (answers files made for it would lose
    /// those answers).
    #[arg(long, value_name = "OLD")]
    pub against: Option<PathBuf>,

    /// Fail (exit 2) on warnings too, for a consultant's own CI.
    #[arg(long)]
    pub deny_warnings: bool,

    /// How to print the diagnostics: text (default) or json (for editors and bots).
    #[arg(short, long, value_enum, ignore_case = true, default_value_t = DiagnosticFormat::Text)]
    pub format: DiagnosticFormat,
}

/// How `cxm validate` prints what it found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum DiagnosticFormat {
    /// `file:line:column: error: message`, one per line, then a verdict per file.
    Text,
    /// One JSON document: every file with its diagnostics.
    Json,
}

/// Write a questionnaire to start from: a copy of a bundled one, or a small skeleton.
#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  cxm init client.toml\n  cxm init client.toml --minimal\n  \
        cxm init client.toml --from cx-maturity --lang en --force"
)]
pub struct InitArgs {
    /// The questionnaire file to write; `-` prints it on standard output.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,

    /// The bundled questionnaire to copy (`cxm list` shows them).
    #[arg(long, value_name = "ID", default_value = crate::bundled::DEFAULT_ID)]
    pub from: String,

    /// Language of the bundled questionnaire to copy.
    #[arg(long, value_name = "LANG")]
    pub lang: Option<String>,

    /// Write a small commented skeleton (2 stages, 1 dimension, 3 questions, 1 action,
    /// in English) instead of a copy.
    #[arg(long, conflicts_with_all = ["from", "lang"])]
    pub minimal: bool,

    /// Overwrite FILE if it exists.
    #[arg(long)]
    pub force: bool,
}

/// Print the JSON Schema of a file format or of the JSON report (draft-07).
#[derive(Debug, Args)]
#[command(
    after_help = "Editors that read JSON Schemas (VS Code with Even Better TOML, Helix, Zed) \
        check and complete TOML files against them; see the README.\n\n\
        Examples:\n  cxm schema questionnaire > questionnaire.schema.json\n  cxm schema report"
)]
pub struct SchemaArgs {
    /// Which schema.
    #[arg(value_enum)]
    pub kind: SchemaKind,
}

/// The documents `cxm schema` describes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum SchemaKind {
    /// A questionnaire file.
    Questionnaire,
    /// An answers file.
    Answers,
    /// A workshop session file (`cxm workshop`).
    Session,
    /// The JSON report (`cxm score --format json`).
    Report,
}

/// Print a shell completion script.
#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  cxm completions bash > ~/.local/share/bash-completion/completions/cxm\n  \
        cxm completions zsh > ~/.zfunc/_cxm\n  \
        cxm completions fish > ~/.config/fish/completions/cxm.fish"
)]
pub struct CompletionsArgs {
    /// The shell: bash, zsh, fish, powershell or elvish.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

/// Print the manual page (roff), e.g. `cxm man > cxm.1`.
#[derive(Debug, Args)]
#[command(after_help = "Example:\n  cxm man | man -l -")]
pub struct ManArgs {}

/// List the questionnaires bundled with cxm.
#[derive(Debug, Args)]
#[command(after_help = "Example:\n  cxm list")]
pub struct ListArgs {}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_is_well_formed() {
        Cli::command().debug_assert();
    }
}
