//! `cxm list`: the questionnaires bundled with cxm, one per line.

use crate::bundled;
use crate::cli::ListArgs;
use crate::exit_codes::ExitCode;
use crate::output::print;

pub fn run(_: ListArgs) -> anyhow::Result<ExitCode> {
    let mut rows = vec![[
        "ID".to_string(),
        "VERSION".into(),
        "LANG".into(),
        "DIMS".into(),
        "QUESTIONS".into(),
        "TITLE".into(),
    ]];
    for q in bundled::all()? {
        rows.push([
            q.id.clone(),
            q.version.clone(),
            q.language.clone(),
            q.dimensions.len().to_string(),
            q.questions.len().to_string(),
            q.title.clone(),
        ]);
    }
    print(&columns(&rows))?;
    Ok(ExitCode::Success)
}

/// Left-aligned columns two spaces apart, like `ls -l`; the last column is not padded.
fn columns<const N: usize>(rows: &[[String; N]]) -> String {
    let widths: Vec<usize> = (0..N)
        .map(|i| rows.iter().map(|r| r[i].chars().count()).max().unwrap_or(0))
        .collect();
    let mut out = String::new();
    for row in rows {
        let cells: Vec<String> = row
            .iter()
            .enumerate()
            .map(|(i, c)| {
                if i + 1 == N {
                    c.clone()
                } else {
                    format!("{c:<w$}", w = widths[i])
                }
            })
            .collect();
        out.push_str(cells.join("  ").trim_end());
        out.push('\n');
    }
    out
}
