//! `cxm schema KIND`: the JSON Schema of each file format and of the JSON report.

use crate::cli::SchemaArgs;
use crate::exit_codes::ExitCode;

pub fn run(_args: SchemaArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("cxm schema is not built yet")
}
