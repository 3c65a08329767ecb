//! `cxm list`: the questionnaires bundled with cxm.

use crate::bundled;
use crate::cli::ListArgs;
use crate::exit_codes::ExitCode;
use crate::output::print;
use crate::report::new_table;

pub fn run(_: ListArgs) -> anyhow::Result<ExitCode> {
    let mut table = new_table(
        super::stdout_look(),
        vec![
            "Id",
            "Version",
            "Language",
            "Title",
            "Dimensions",
            "Questions",
        ],
    );
    for q in bundled::all()? {
        table.add_row(vec![
            q.id.clone(),
            q.version.clone(),
            q.language.clone(),
            q.title.clone(),
            q.dimensions.len().to_string(),
            q.questions.len().to_string(),
        ]);
    }
    print(&format!("{table}\n"))?;
    Ok(ExitCode::Success)
}
