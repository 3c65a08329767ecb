//! The terminal front end of the walk: [`Prompter`] on inquire. Everything inquire
//! lives here; long texts are wrapped at the terminal width so 80×24 stays usable.

use anyhow::Context;
use inquire::error::InquireError;
use inquire::ui::{RenderConfig, Styled};
use inquire::{Select, Text};

use super::walk::{Prompter, Reply, SelectPrompt, TextPrompt};
use crate::commands::terminal_width;
use crate::i18n::Lang;
use crate::output::eprint_line;
use crate::t;

/// Prompts on the terminal (inquire draws on stderr and reads keys from the tty), in
/// the language of the questionnaire once it is known.
#[derive(Debug, Default)]
pub struct Terminal {
    lang: Lang,
}

/// Maps inquire's Esc and Ctrl-C onto the walk's replies.
fn reply<T>(result: Result<T, InquireError>) -> anyhow::Result<Reply<T>> {
    match result {
        Ok(v) => Ok(Reply::Value(v)),
        Err(InquireError::OperationCanceled) => Ok(Reply::Back),
        Err(InquireError::OperationInterrupted) => Ok(Reply::Interrupted),
        Err(InquireError::NotTTY) => anyhow::bail!(super::no_terminal()),
        Err(e) => Err(anyhow::Error::new(e)).context("the terminal prompt failed"),
    }
}

/// Wraps `text` to `width` columns, continuation lines indented by `indent` spaces,
/// between words only: never at a hyphen or inside a word, so a command or a file
/// name stays whole (on a line of its own if it must) and can be copied as printed.
fn wrap(text: &str, width: usize, indent: usize) -> String {
    let pad = " ".repeat(indent);
    let options = textwrap::Options::new(width.max(20))
        .subsequent_indent(&pad)
        .word_separator(textwrap::WordSeparator::AsciiSpace)
        .word_splitter(textwrap::WordSplitter::NoHyphenation)
        .break_words(false);
    textwrap::fill(text.trim(), options)
}

/// `command`, indented by two, on one line when it fits in `width` columns; else
/// split between its shell words into lines ending in ` \`, so that the terminal
/// never cuts a word and the lines, copied together, still run as one command.
pub fn command_lines(command: &str, width: usize) -> String {
    const INDENT: &str = "  ";
    if INDENT.len() + command.chars().count() < width {
        return format!("{INDENT}{command}");
    }
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::from(INDENT);
    for word in shell_words(command) {
        let room = width.saturating_sub(2); // for " \"
        if line.trim().is_empty() || line.chars().count() + 1 + word.chars().count() <= room {
            if !line.trim().is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        } else {
            lines.push(std::mem::replace(&mut line, format!("{INDENT}  {word}")));
        }
    }
    lines.push(line);
    lines.join(" \\\n")
}

/// The words of a command as `cxm` writes it: split at spaces outside `'…'` quotes;
/// outside them a backslash takes the next character literally (`'O'\''Brien'`).
fn shell_words(command: &str) -> Vec<&str> {
    let mut words = Vec::new();
    let (mut start, mut quoted, mut escaped) = (None, false, false);
    for (i, c) in command.char_indices() {
        if escaped {
            escaped = false;
            continue;
        }
        match c {
            '\\' if !quoted => {
                escaped = true;
                start.get_or_insert(i);
            }
            '\'' => {
                quoted = !quoted;
                start.get_or_insert(i);
            }
            ' ' if !quoted => {
                if let Some(s) = start.take() {
                    words.push(&command[s..i]);
                }
            }
            _ => {
                start.get_or_insert(i);
            }
        }
    }
    if let Some(s) = start {
        words.push(&command[s..]);
    }
    words
}

/// One line of a message wrapped to `width`, keeping its indent: an indented list (the
/// workshop's numbered options) stays a list, wrapped lines under the item's text.
fn wrap_line(line: &str, width: usize) -> String {
    let text = line.trim_start();
    let indent = &line[..line.len() - text.len()];
    let hang = " ".repeat(indent.len() + key_width(text));
    let options = textwrap::Options::new(width.max(20))
        .initial_indent(indent)
        .subsequent_indent(&hang)
        .word_separator(textwrap::WordSeparator::AsciiSpace)
        .word_splitter(textwrap::WordSplitter::NoHyphenation)
        .break_words(false);
    textwrap::fill(text.trim_end(), options)
}

/// The width of a key before an option's text, as the workshop numbers them
/// (`1  Nothing…`, `?  Don't know`): wrapped lines go under the text, not the key.
fn key_width(option: &str) -> usize {
    let mut chars = option.chars();
    match (chars.next(), chars.next(), chars.next(), chars.next()) {
        (Some(k), Some(' '), Some(' '), Some(c)) if !k.is_whitespace() && c != ' ' => 3,
        _ => 0,
    }
}

/// A question wrapped for a select prompt at `width`: inquire puts "? " before it, and
/// on Esc `back` (" (back)") after it, which must fit on its last line rather than
/// break.
fn question_text(message: &str, width: usize, back: &str) -> String {
    wrap(message, width - 3 - back.chars().count() - 1, 2)
}

impl Prompter for Terminal {
    fn set_language(&mut self, lang: Lang) {
        self.lang = lang;
    }

    fn say(&mut self, text: &str) {
        let width = terminal_width();
        let wrapped: Vec<String> = text.lines().map(|l| wrap_line(l, width - 1)).collect();
        eprint_line(&wrapped.join("\n"));
    }

    fn say_command(&mut self, command: &str) {
        eprint_line(&command_lines(command, terminal_width()));
    }

    fn select(&mut self, prompt: &SelectPrompt) -> anyhow::Result<Reply<usize>> {
        let width = terminal_width();
        // What a question shows after Esc took the walk back.
        let back = t!(self.lang, "assess-back");
        let message = question_text(&prompt.message, width, &back);
        let options: Vec<String> = prompt
            .options
            .iter()
            .map(|o| wrap(o, width - 3, 2 + key_width(o)))
            .collect();
        let help = wrap(&prompt.help, width - 3, 1);
        let page_size = prompt.options.len();
        // The chosen option goes under the question, indented like the options, so a
        // wrapped answer never runs on from the end of the question line.
        let render = RenderConfig {
            answer_from_new_line: true,
            canceled_prompt_indicator: Styled::new(&back),
            ..RenderConfig::default()
        };
        let chosen = Select::new(&message, options)
            .with_render_config(render)
            .with_formatter(&|o| format!("  {}", o.value))
            .with_starting_cursor(prompt.start.min(page_size.saturating_sub(1)))
            .with_help_message(&help)
            .with_page_size(page_size)
            .without_filtering()
            .raw_prompt();
        Ok(match reply(chosen)? {
            Reply::Value(option) => Reply::Value(option.index),
            Reply::Back => Reply::Back,
            Reply::Interrupted => Reply::Interrupted,
        })
    }

    fn text(&mut self, prompt: &TextPrompt) -> anyhow::Result<Reply<String>> {
        // Esc skips (a name) or returns (from a note): say which, not inquire's
        // "<canceled>".
        let render = RenderConfig {
            canceled_prompt_indicator: Styled::new(&prompt.on_esc),
            ..RenderConfig::default()
        };
        Text::new(&prompt.message)
            .with_render_config(render)
            .with_initial_value(&prompt.initial)
            .with_help_message(&prompt.help)
            .prompt()
            .map_or_else(|e| reply(Err(e)), |v| Ok(Reply::Value(v)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_command_that_fits_is_one_indented_line() {
        assert_eq!(command_lines("cxm score a.toml", 80), "  cxm score a.toml");
    }

    #[test]
    fn a_command_wider_than_the_terminal_continues_between_its_words() {
        let command = "target/release/cxm score 'nordwind mode gmbh-2026-11-24.toml' \
                       --min-stage 2 --allow-incomplete";
        for width in [50, 60, 80] {
            let shown = command_lines(command, width);
            let lines: Vec<&str> = shown.lines().collect();
            assert!(lines.len() > 1, "{width}: {shown}");
            for line in &lines {
                assert!(line.chars().count() <= width, "{width}: {shown}");
            }
            // Every line but the last ends in ` \`; joined, the words are the command's,
            // and a quoted name with spaces stays on one line.
            assert!(lines[..lines.len() - 1].iter().all(|l| l.ends_with(" \\")));
            let words: Vec<&str> = shown.split_whitespace().filter(|w| *w != "\\").collect();
            assert_eq!(words.join(" "), command, "{width}");
            assert!(
                lines
                    .iter()
                    .any(|l| l.contains("'nordwind mode gmbh-2026-11-24.toml'"))
            );
        }
        // A quoted name with an apostrophe (`'\''` in a shell) is still one word.
        let name = r"'O'\''Brien plan.toml'";
        assert_eq!(
            shell_words(&format!("cxm score {name} -q")),
            ["cxm", "score", name, "-q"]
        );
    }

    use crate::assess::walk;
    use crate::bundled;

    /// Lines the select prompt takes at `width`: question, options, help.
    fn height(prompt: &SelectPrompt, width: usize) -> usize {
        let lines = |text: &str, indent: usize| wrap(text, width - 3, indent).lines().count();
        lines(&prompt.message, 2)
            + prompt.options.iter().map(|o| lines(o, 2)).sum::<usize>()
            + lines(&format!("[{}]", prompt.help), 1)
    }

    /// Every edition of the bundled questionnaire, each with its own language.
    fn editions() -> Vec<(crate::questionnaire::Questionnaire, Lang)> {
        Lang::ALL
            .iter()
            .map(|lang| {
                let q = bundled::find(bundled::DEFAULT_ID, Some(lang.tag())).expect("bundled");
                (q, *lang)
            })
            .collect()
    }

    #[test]
    fn the_back_marker_fits_after_every_question_at_any_width() {
        for (q, lang) in editions() {
            let back = t!(lang, "assess-back");
            for width in 40..=100 {
                for prompt in walk::prompts(&q) {
                    let text = question_text(&prompt.message, width, &back);
                    for line in text.lines() {
                        // "? " or the indent, the line, then " (back)" at the end.
                        let shown =
                            2 + line.trim_start().chars().count() + 1 + back.chars().count();
                        assert!(shown <= width, "{width}: {line}");
                    }
                }
            }
        }
    }

    #[test]
    fn said_lines_keep_their_indent_and_hang_under_a_keys_text() {
        let option =
            "  1  Each customer's history in all our channels, online and in person alike.";
        assert_eq!(
            wrap_line(option, 40),
            "  1  Each customer's history in all\n     our channels, online and in person\n     alike."
        );
        assert_eq!(
            wrap_line("Plain text that wraps at the end", 20),
            "Plain text that\nwraps at the end"
        );
        assert_eq!(wrap_line("", 40), "");
    }

    #[test]
    fn every_bundled_question_fits_small_terminals_whole() {
        for (q, lang) in editions() {
            // German runs longer than English; both fit 60×20 whole.
            let mut too_tall = Vec::new();
            for (width, rows) in [(80, 24), (60, 20)] {
                for prompt in walk::prompts(&q) {
                    // One row stays free for the cursor.
                    let h = height(&prompt, width);
                    if h >= rows {
                        too_tall.push(format!(
                            "{width}x{rows} {lang:?}: `{}` takes {h} lines",
                            prompt.message
                        ));
                    }
                }
            }
            assert!(too_tall.is_empty(), "{}", too_tall.join("\n"));
        }
    }
}
