//! `cxm completions SHELL` and `cxm man`: what installers put next to the binary,
//! generated from the same clap definition as `--help`, so they never drift.

use clap::CommandFactory;

use crate::cli::{Cli, CompletionsArgs, ManArgs};
use crate::exit_codes::ExitCode;
use crate::output::print;

/// Prints the completion script for `args.shell`.
pub fn completions(args: CompletionsArgs) -> anyhow::Result<ExitCode> {
    let mut command = Cli::command();
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut command, "cxm", &mut script);
    print(&String::from_utf8_lossy(&script))?;
    Ok(ExitCode::Success)
}

/// Prints the manual page, with a section per subcommand.
pub fn man(_: ManArgs) -> anyhow::Result<ExitCode> {
    let command = Cli::command();
    let mut page = Vec::new();
    clap_mangen::Man::new(command.clone()).render(&mut page)?;
    // Then one section per subcommand: its own page's sections as subsections.
    for sub in command.get_subcommands().filter(|s| s.get_name() != "help") {
        let name = format!("cxm {}", sub.get_name());
        let mut section = Vec::new();
        let sub = sub
            .clone()
            .display_name(name.clone())
            .bin_name(name.clone());
        clap_mangen::Man::new(sub).render(&mut section)?;
        let text = String::from_utf8_lossy(&section);
        // Skip the title and the NAME section: the heading says it.
        let body = text
            .split("\n.SH ")
            .skip(1)
            .filter(|s| !s.starts_with("NAME"))
            .map(|s| format!(".SS {s}"))
            .collect::<Vec<_>>()
            .join("\n");
        let heading = format!(".SH \"{}\"\n", name.to_uppercase());
        page.extend_from_slice(heading.as_bytes());
        page.extend_from_slice(body.as_bytes());
        page.push(b'\n');
    }
    print(&String::from_utf8_lossy(&page))?;
    Ok(ExitCode::Success)
}
