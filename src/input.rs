//! Reading the files `cxm` is given: at most [`MAX_BYTES`], and valid UTF-8, or an
//! error that says which limit was hit and where.
//!
//! Questionnaires and answers files are a few kilobytes; refusing anything over 10 MiB
//! before reading further keeps a huge or endless input (a 300 MB file, `/dev/zero`,
//! a pipe that never ends) from exhausting memory.

use std::io::Read;
use std::path::Path;

/// The largest input file `cxm` reads.
pub const MAX_BYTES: u64 = 10 * 1024 * 1024;

/// Why an input could not be read.
#[derive(Debug, thiserror::Error)]
pub enum InputError {
    #[error(
        "it is larger than 10 MiB, the most cxm reads; questionnaires and answers files are a few kilobytes, so check that this is the right file"
    )]
    TooLarge,
    #[error("line {line}, column {column} is not valid UTF-8; save the file as UTF-8")]
    NotUtf8 { line: usize, column: usize },
    #[error("it is a directory, not a file")]
    Directory,
    #[error(transparent)]
    Io(#[from] std::io::Error),
}

/// Reads the file at `path` as text, refusing more than [`MAX_BYTES`].
pub fn read_file(path: &Path) -> Result<String, InputError> {
    if path.is_dir() {
        return Err(InputError::Directory);
    }
    // A regular file says its size up front; a device or a pipe is read up to the limit.
    if let Ok(meta) = std::fs::metadata(path)
        && meta.is_file()
        && meta.len() > MAX_BYTES
    {
        return Err(InputError::TooLarge);
    }
    read_limited(std::fs::File::open(path)?)
}

/// Reads standard input as text, refusing more than [`MAX_BYTES`].
pub fn read_stdin() -> Result<String, InputError> {
    read_limited(std::io::stdin().lock())
}

/// Reads at most one byte over the limit, so a longer input is known to be too large.
fn read_limited(reader: impl Read) -> Result<String, InputError> {
    let mut bytes = Vec::new();
    reader.take(MAX_BYTES + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > MAX_BYTES {
        return Err(InputError::TooLarge);
    }
    text(bytes)
}

/// The bytes as text, or the line and column (in characters) of the first invalid byte.
fn text(bytes: Vec<u8>) -> Result<String, InputError> {
    String::from_utf8(bytes).map_err(|e| {
        let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        // Everything before the bad byte is valid UTF-8.
        let before = std::str::from_utf8(valid).unwrap_or_default();
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        InputError::NotUtf8 { line, column }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_utf8_names_the_line_and_column_of_the_first_bad_byte() {
        let err = text(b"format = 1\nname = \"\xc3\xa4b\xff\"\n".to_vec()).unwrap_err();
        assert!(
            matches!(
                err,
                InputError::NotUtf8 {
                    line: 2,
                    column: 11
                }
            ),
            "{err:?}"
        );
    }

    #[test]
    fn input_over_the_limit_is_refused_without_reading_it_all() {
        let endless = std::io::repeat(b'a');
        assert!(matches!(read_limited(endless), Err(InputError::TooLarge)));
        let exactly = std::io::repeat(b'a').take(MAX_BYTES);
        assert_eq!(read_limited(exactly).unwrap().len() as u64, MAX_BYTES);
    }
}
