//! `cxm init FILE`: write a questionnaire to start from.

use crate::cli::InitArgs;
use crate::exit_codes::ExitCode;

pub fn run(_args: InitArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("cxm init is not built yet")
}
