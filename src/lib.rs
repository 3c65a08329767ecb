//! `cxm`: a customer-experience maturity self-assessment.
//!
//! A questionnaire ([`questionnaire`]) is answered ([`answers`]), scored into one
//! [`score::Report`], and shown through the views in [`report`]. The binary is a thin
//! shell over [`run`].

pub mod aggregate;
pub mod answers;
pub mod assess;
pub mod bundled;
pub mod cli;
pub mod commands;
pub mod compare;
pub mod diagnostic;
pub mod document;
pub mod exit_codes;
pub mod i18n;
pub mod input;
pub mod invocation;
pub mod lift;
pub mod output;
pub mod questionnaire;
pub mod report;
pub mod score;
pub mod session;
pub mod shape;
pub mod target;
pub mod workshop;

use cli::{Cli, Command};
use exit_codes::ExitCode;

/// Runs one parsed command line.
pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    commands::set_color(cli.color);
    match cli.command {
        Command::Assess(args) => assess::run(args),
        Command::Workshop(args) => workshop::run(args),
        Command::Score(args) => commands::score::run(args),
        Command::Validate(args) => commands::validate::run(args),
        Command::List(args) => commands::list::run(args),
        Command::Aggregate(args) => commands::aggregate::run(args),
        Command::Compare(args) => commands::compare::run(args),
        Command::Init(args) => commands::init::run(args),
        Command::Schema(args) => commands::schema::run(args),
        Command::Completions(args) => commands::shell::completions(args),
        Command::Man(args) => commands::shell::man(args),
    }
}
