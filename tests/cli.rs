//! End-to-end tests: they run the real `cxm` binary and check what a user sees —
//! standard output, standard error and the exit code.
#![allow(clippy::unwrap_used)]

#[path = "cli/common.rs"]
mod common;

#[path = "cli/aggregate.rs"]
mod aggregate;
#[path = "cli/answers_errors.rs"]
mod answers_errors;
#[cfg(unix)]
#[path = "cli/assess.rs"]
mod assess;
#[path = "cli/authoring.rs"]
mod authoring;
#[path = "cli/compare.rs"]
mod compare;
#[path = "cli/corpus.rs"]
mod corpus;
#[path = "cli/help.rs"]
mod help;
#[path = "cli/language.rs"]
mod language;
#[path = "cli/list.rs"]
mod list;
#[path = "cli/manifest.rs"]
mod manifest;
#[path = "cli/placement.rs"]
mod placement;
#[path = "cli/properties.rs"]
mod properties;
#[cfg(unix)]
#[path = "cli/pty.rs"]
mod pty;
#[path = "cli/readme.rs"]
mod readme;
#[path = "cli/score.rs"]
mod score;
#[path = "cli/session.rs"]
mod session;
#[path = "cli/target.rs"]
mod target;
#[cfg(unix)]
#[path = "cli/terminal.rs"]
mod terminal;
#[path = "cli/validate.rs"]
mod validate;
#[path = "cli/views.rs"]
mod views;
#[cfg(unix)]
#[path = "cli/workshop.rs"]
mod workshop;
