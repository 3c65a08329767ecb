//! What `cxm` exits with; the README lists the same codes.

/// The process's exit status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExitCode {
    /// Success; a `--min-stage` gate, if any, passed.
    Success,
    /// The `--min-stage` gate failed: the stage is too low or answers are missing.
    GateFailed,
    /// No trustworthy result: usage error, unreadable or invalid input, unwritable output.
    Error,
    /// `cxm assess` was stopped with Ctrl-C; answers given so far are saved.
    Interrupted,
}

impl ExitCode {
    pub fn code(self) -> u8 {
        match self {
            ExitCode::Success => 0,
            ExitCode::GateFailed => 1,
            ExitCode::Error => 2,
            ExitCode::Interrupted => 130,
        }
    }
}

impl From<ExitCode> for std::process::ExitCode {
    fn from(code: ExitCode) -> Self {
        std::process::ExitCode::from(code.code())
    }
}
