//! The workshop's terminal side: [`Room`] on the terminal. Prompts are the walk's
//! (inquire); a vote is one key read in raw mode, so it never echoes, and its prompt
//! line is erased before anything else is shown. Also the SIGTERM/SIGHUP handler that
//! restores the terminal and says where the session is before the process ends.

use std::io::Write;
use std::sync::Mutex;

use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::flow::{Room, Vote, VotePrompt};
use crate::assess::prompt::Terminal as Prompts;
use crate::assess::walk::{Prompter, Reply, SelectPrompt, TextPrompt};

/// Held while a save is written, so a signal never ends the process mid-save.
pub static SAVING: Mutex<()> = Mutex::new(());

/// What to say when a signal stops the workshop (where the session is).
pub static ON_SIGNAL: Mutex<String> = Mutex::new(String::new());

/// The room at a terminal.
#[derive(Default)]
pub struct Terminal {
    prompts: Prompts,
    /// The ticks of the round being voted, shown on the last line(s) written, with
    /// how many rows they take; anything else shown ends the line.
    ticks: Option<(String, usize)>,
}

impl Prompter for Terminal {
    fn set_language(&mut self, lang: crate::i18n::Lang) {
        self.prompts.set_language(lang);
    }

    fn say(&mut self, text: &str) {
        self.ticks = None;
        self.prompts.say(text);
    }
    fn say_command(&mut self, command: &str) {
        self.ticks = None;
        self.prompts.say_command(command);
    }
    fn select(&mut self, prompt: &SelectPrompt) -> anyhow::Result<Reply<usize>> {
        self.ticks = None;
        self.prompts.select(prompt)
    }
    fn text(&mut self, prompt: &TextPrompt) -> anyhow::Result<Reply<String>> {
        self.ticks = None;
        self.prompts.text(prompt)
    }
}

/// `text` wrapped between words to `width` columns (at least 20), one space left for
/// the cursor: a terminal would cut a word at its edge.
fn wrapped(text: &str, width: usize) -> String {
    textwrap::fill(
        &crate::output::visible(text),
        textwrap::Options::new(width.max(21) - 1)
            .word_separator(textwrap::WordSeparator::AsciiSpace)
            .word_splitter(textwrap::WordSplitter::NoHyphenation)
            .break_words(false),
    )
}

/// Raw mode for as long as it lives.
struct Raw;

impl Raw {
    fn on() -> anyhow::Result<Raw> {
        crossterm::terminal::enable_raw_mode()?;
        Ok(Raw)
    }
}

impl Drop for Raw {
    fn drop(&mut self) {
        let _ = crossterm::terminal::disable_raw_mode();
    }
}

impl Room for Terminal {
    fn clear(&mut self) {
        self.ticks = None;
        let mut err = std::io::stderr();
        // Clear the screen and go home; the scrollback keeps what was there.
        let _ = write!(err, "\x1b[2J\x1b[H");
        let _ = err.flush();
    }

    fn vote(&mut self, prompt: &VotePrompt) -> anyhow::Result<Reply<Vote>> {
        let mut err = std::io::stderr();
        let shown = wrapped(&prompt.message, crate::commands::terminal_width());
        write!(err, "{shown} ")?;
        err.flush()?;
        let reply = {
            let _raw = Raw::on()?;
            // Keys pressed before this prompt (a double press by the one before) are
            // not this person's vote.
            while crossterm::event::poll(std::time::Duration::ZERO)? {
                let _ = crossterm::event::read()?;
            }
            read_vote(prompt.options)?
        };
        // Erase the prompt, every line of it: nothing of it stays on screen.
        let rows = shown.lines().count().max(1);
        write!(err, "\r\x1b[2K{}", "\x1b[1A\x1b[2K".repeat(rows - 1))?;
        err.flush()?;
        Ok(reply)
    }

    fn tick(&mut self, text: &str) {
        // The vote prompt erased itself, so the cursor is at the start of the line
        // below the round's ticks: go up to them and write them again, one more.
        let mut err = std::io::stderr();
        let (line, up) = match self.ticks.take() {
            Some((line, rows)) => (format!("{line}   {text}"), rows),
            None => (text.to_string(), 0),
        };
        // A tick wraps as a whole: `✓` and the name stay together.
        let shown = wrapped(
            &line.replace("✓ ", "✓\u{a0}"),
            crate::commands::terminal_width(),
        )
        .replace('\u{a0}', " ");
        if up > 0 {
            let _ = write!(err, "\x1b[{up}A\r\x1b[J");
        }
        let _ = writeln!(err, "{shown}");
        let _ = err.flush();
        self.ticks = Some((line, shown.lines().count().max(1)));
    }
}

/// Reads keys until one is a vote: the option's number (with more than 9 options,
/// digits then Enter), `?`, `-`; Esc goes back, Ctrl-C stops. Other keys ring the bell.
fn read_vote(options: usize) -> anyhow::Result<Reply<Vote>> {
    let mut digits = String::new();
    loop {
        let Event::Key(KeyEvent {
            code,
            modifiers,
            kind: KeyEventKind::Press,
            ..
        }) = crossterm::event::read()?
        else {
            continue;
        };
        let chosen = match code {
            KeyCode::Char('c' | 'd') if modifiers.contains(KeyModifiers::CONTROL) => {
                return Ok(Reply::Interrupted);
            }
            KeyCode::Esc => return Ok(Reply::Back),
            KeyCode::Char('?') => return Ok(Reply::Value(Vote::DontKnow)),
            KeyCode::Char('-') => return Ok(Reply::Value(Vote::NotApplicable)),
            KeyCode::Char(d) if d.is_ascii_digit() && options <= 9 => d.to_digit(10),
            KeyCode::Char(d) if d.is_ascii_digit() && digits.len() < 4 => {
                digits.push(d);
                continue;
            }
            KeyCode::Backspace => {
                digits.pop();
                continue;
            }
            KeyCode::Enter if !digits.is_empty() => {
                let n = digits.parse::<u32>().ok();
                digits.clear();
                n
            }
            _ => None,
        };
        match chosen.map(|n| n as usize) {
            Some(n) if (1..=options).contains(&n) => return Ok(Reply::Value(Vote::Option(n - 1))),
            _ => {
                let mut err = std::io::stderr();
                let _ = write!(err, "\x07");
                let _ = err.flush();
            }
        }
    }
}

/// On SIGTERM, SIGHUP or SIGINT (from outside: Ctrl-C in a prompt is a key): waits for a save in progress, restores the terminal, says
/// where the session is and exits with 128 + the signal's number. Every vote is saved
/// as it is cast, so nothing is lost.
#[cfg(unix)]
pub fn stop_on_signals() -> anyhow::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT])?;
    std::thread::spawn(move || {
        if let Some(signal) = signals.forever().next() {
            let _saving = SAVING.lock();
            let _ = crossterm::terminal::disable_raw_mode();
            let name = match signal {
                SIGHUP => "SIGHUP",
                SIGINT => "SIGINT",
                _ => "SIGTERM",
            };
            let message = ON_SIGNAL.lock().map(|m| m.clone()).unwrap_or_default();
            let mut err = std::io::stderr();
            // Show the cursor inquire may have hidden; clear the prompt it drew.
            let _ = write!(err, "\x1b[?25h\r\x1b[J");
            let _ = writeln!(err, "{}", message.replace("{signal}", name));
            std::process::exit(128 + signal);
        }
    });
    Ok(())
}

#[cfg(not(unix))]
pub fn stop_on_signals() -> anyhow::Result<()> {
    Ok(())
}
