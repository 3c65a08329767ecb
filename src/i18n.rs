//! The tool's own words — prompts, report headings and labels, verdicts — in every
//! language `cxm` speaks, and the one place that writes numbers and dates for people.
//!
//! Messages live in one [Fluent](https://projectfluent.org) file per language,
//! `locales/<lang>/cxm.ftl`, embedded in the binary at compile time. The crate is
//! `fluent-templates` (0.15, without default features, with `macros`): its
//! `static_loader!` embeds the files and keeps one bundle per language, on top of the
//! reference implementation `fluent-bundle`, so plurals come from Fluent selectors
//! with the CLDR plural rules of each language (`{ $n -> [one] … *[other] … }`) rather
//! than from `if n == 1` in code. Unicode isolation marks around arguments are turned
//! off: they would show up as stray characters in terminals, files and snapshots.
//!
//! Which language: a report speaks the language of its questionnaire
//! ([`Lang::of`] on `questionnaire.language`), and `cxm assess` the language of the
//! questionnaire it asks; a language without messages falls back to English. Which
//! edition of a bundled questionnaire is used is decided by `--lang`, the answers
//! file's `language`, then the environment ([`language_from_env`]), then English.
//!
//! **Using a message from code**: `t!(lang, "report-heading-dimensions")`, or with
//! arguments `t!(lang, "stages-to-go", gap = 2)`; argument names are the Fluent
//! variables (`{ $gap }`). Pass numbers that select a plural form as numbers; pass
//! decimals already written by [`Lang::fixed`] (Fluent would print `2.5` as `2.5` in
//! every language). In the HTML templates the same is `{{ t("stages-to-go", gap=2) }}`.
//!
//! **Adding a message**: add `id = text` to *every* `locales/*/cxm.ftl` (a test fails
//! when an id or its `{ $variables }` differ between the files, or when code asks for
//! an id that is not there). Ids start with the part of `cxm` they belong to
//! (`report-`, `assess-`, `compare-`, `html-`, …). A message that cannot be found or
//! formatted falls back to English, then to its id; it never panics.

use std::collections::HashMap;

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::loader::{LanguageIdentifier, langid};

fluent_templates::static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "en",
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

/// An argument of a message: a number (which may select a plural form) or a text.
pub type Arg<'a> = FluentValue<'a>;

/// A language `cxm` has messages for.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    #[default]
    En,
    De,
}

static ENGLISH: LanguageIdentifier = langid!("en");
static GERMAN: LanguageIdentifier = langid!("de");

impl Lang {
    /// Every language with messages, English (the fallback) first.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::De];

    /// The language for a BCP 47 tag such as a questionnaire's `language`: by its
    /// primary subtag (`de-CH` is German); English for a language without messages.
    pub fn of(tag: &str) -> Lang {
        let primary = tag
            .split(['-', '_'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        Lang::ALL
            .into_iter()
            .find(|l| l.tag() == primary)
            .unwrap_or_default()
    }

    /// The primary language subtag: `en`, `de`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::De => "de",
        }
    }

    fn id(self) -> &'static LanguageIdentifier {
        match self {
            Lang::En => &ENGLISH,
            Lang::De => &GERMAN,
        }
    }

    /// The message `id` without arguments. Prefer the [`t!`](crate::t) macro.
    pub fn text(self, id: &str) -> String {
        self.text_with(id, &[])
    }

    /// The message `id` with `args` (Fluent variable name, value); in English when
    /// this language lacks it or cannot format it, else the id itself.
    pub fn text_with(self, id: &str, args: &[(&str, Arg)]) -> String {
        let map: HashMap<&str, Arg> = args.iter().cloned().collect();
        let args = (!map.is_empty()).then_some(&map);
        [self, Lang::En]
            .into_iter()
            .find_map(|lang| LOCALES.lookup_single_language(lang.id(), id, args).ok())
            .unwrap_or_else(|| id.to_string())
    }

    /// `value` with `places` decimals and this language's decimal mark: `0.75`, or
    /// `0,75` in German. Every number a person reads in a table, Markdown or HTML
    /// report is written by this function (JSON and CSV keep the dot).
    pub fn fixed(self, value: f64, places: usize) -> String {
        self.decimal_mark(format!("{value:.places$}"))
    }

    /// A number written with a dot (`2.83`) in this language's way (`2,83`).
    pub fn decimal_mark(self, number: String) -> String {
        match self {
            Lang::En => number,
            Lang::De => number.replace('.', ","),
        }
    }

    /// A date as people in this language write it: `2026-11-24` stays so in English
    /// and is `24.11.2026` in German. Anything but an ISO date is left as it is.
    pub fn date(self, date: &str) -> String {
        let parts: Vec<&str> = date.split('-').collect();
        let iso = matches!(parts.as_slice(), [y, m, d]
            if y.len() == 4 && m.len() == 2 && d.len() == 2
                && parts.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit())));
        match (self, parts.as_slice()) {
            (Lang::De, [y, m, d]) if iso => format!("{d}.{m}.{y}"),
            _ => date.to_string(),
        }
    }
}

/// A message in `lang`: `t!(lang, "yes")`, or `t!(lang, "stages-to-go", gap = 2)` with
/// arguments (any number of `name = value`), each
/// `name` a Fluent variable of the message. See the [module](crate::i18n) header.
#[macro_export]
macro_rules! t {
    ($lang:expr, $id:literal $(,)?) => {
        $lang.text($id)
    };
    ($lang:expr, $id:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $lang.text_with(
            $id,
            &[$((stringify!($name), $crate::i18n::Arg::from($value))),+],
        )
    };
}

/// The language the environment asks for, as a lower-case primary subtag (`de` for
/// `de_DE.UTF-8`): the first non-empty of `LC_ALL`, `LC_MESSAGES` and `LANG`, as the
/// C library reads them. `None` for the `C` and `POSIX` locales, or when none is set.
pub fn language_from_env(
    lc_all: Option<&str>,
    lc_messages: Option<&str>,
    lang: Option<&str>,
) -> Option<String> {
    let value = [lc_all, lc_messages, lang]
        .into_iter()
        .flatten()
        .find(|v| !v.is_empty())?;
    let primary = value
        .split(['_', '-', '.', '@'])
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    let is_language =
        (2..=3).contains(&primary.len()) && primary.bytes().all(|b| b.is_ascii_lowercase());
    (is_language && primary != "c").then_some(primary)
}

/// [`language_from_env`] on this process's environment.
pub fn env_language() -> Option<String> {
    let var = |name: &str| std::env::var(name).ok();
    language_from_env(
        var("LC_ALL").as_deref(),
        var("LC_MESSAGES").as_deref(),
        var("LANG").as_deref(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::{BTreeMap, BTreeSet};
    use std::path::{Path, PathBuf};

    use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};

    /// `locales/<lang>/cxm.ftl` of every language, by language.
    fn message_files() -> BTreeMap<String, String> {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("locales");
        let mut files = BTreeMap::new();
        for entry in std::fs::read_dir(&dir).expect("locales/") {
            let path = entry.expect("entry").path();
            let lang = path
                .file_name()
                .expect("name")
                .to_string_lossy()
                .into_owned();
            let text = std::fs::read_to_string(path.join("cxm.ftl")).expect("cxm.ftl");
            files.insert(lang, text);
        }
        files
    }

    /// The variables a pattern refers to, in selectors and every variant too.
    fn variables(pattern: &Pattern<&str>, out: &mut BTreeSet<String>) {
        fn inline(e: &InlineExpression<&str>, out: &mut BTreeSet<String>) {
            match e {
                InlineExpression::VariableReference { id } => {
                    out.insert(format!("${}", id.name));
                }
                InlineExpression::MessageReference { id, .. } => {
                    out.insert(id.name.to_string());
                }
                InlineExpression::TermReference { id, .. } => {
                    out.insert(format!("-{}", id.name));
                }
                InlineExpression::FunctionReference { arguments, .. } => {
                    for a in &arguments.positional {
                        inline(a, out);
                    }
                    for a in &arguments.named {
                        inline(&a.value, out);
                    }
                }
                InlineExpression::Placeable { expression } => expression_(expression, out),
                InlineExpression::StringLiteral { .. } | InlineExpression::NumberLiteral { .. } => {
                }
            }
        }
        fn expression_(e: &Expression<&str>, out: &mut BTreeSet<String>) {
            match e {
                Expression::Inline(e) => inline(e, out),
                Expression::Select { selector, variants } => {
                    inline(selector, out);
                    for v in variants {
                        variables(&v.value, out);
                    }
                }
            }
        }
        for element in &pattern.elements {
            if let PatternElement::Placeable { expression } = element {
                expression_(expression, out);
            }
        }
    }

    /// Every message of an `.ftl` text with what it refers to; panics on a syntax
    /// error, which would otherwise panic when the messages load.
    fn messages(lang: &str, text: &str) -> BTreeMap<String, BTreeSet<String>> {
        let resource = fluent_syntax::parser::parse(text)
            .unwrap_or_else(|(_, errors)| panic!("locales/{lang}/cxm.ftl: {errors:?}"));
        let mut out = BTreeMap::new();
        for entry in &resource.body {
            match entry {
                Entry::Message(m) => {
                    let mut refs = BTreeSet::new();
                    if let Some(value) = &m.value {
                        variables(value, &mut refs);
                    }
                    for a in &m.attributes {
                        variables(&a.value, &mut refs);
                    }
                    let fresh = out.insert(m.id.name.to_string(), refs).is_none();
                    assert!(fresh, "locales/{lang}/cxm.ftl: `{}` twice", m.id.name);
                }
                Entry::Junk { content } => panic!("locales/{lang}/cxm.ftl: cannot read {content}"),
                _ => {}
            }
        }
        out
    }

    #[test]
    fn every_language_has_the_same_messages_with_the_same_variables() {
        let files = message_files();
        let english = messages("en", &files["en"]);
        assert!(files.contains_key("de"), "German messages");
        for lang in Lang::ALL {
            assert!(files.contains_key(lang.tag()), "no messages for {lang:?}");
        }
        for (lang, text) in &files {
            let theirs = messages(lang, text);
            let only = |a: &BTreeMap<String, BTreeSet<String>>, b: &BTreeMap<_, _>| {
                a.keys()
                    .filter(|k| !b.contains_key(*k))
                    .cloned()
                    .collect::<Vec<_>>()
            };
            assert_eq!(
                only(&english, &theirs),
                Vec::<String>::new(),
                "missing in {lang}"
            );
            assert_eq!(
                only(&theirs, &english),
                Vec::<String>::new(),
                "only in {lang}"
            );
            for (id, refs) in &english {
                assert_eq!(
                    &theirs[id], refs,
                    "`{id}` in {lang} refers to other placeables"
                );
            }
        }
    }

    /// Source files of `cxm` under `dir`: Rust and the HTML templates.
    fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).expect("src/") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                sources(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs" || e == "html") {
                out.push(path);
            }
        }
    }

    /// The message ids `text` asks for: `t!(lang, "id"` in Rust, `t("id"` in templates.
    fn asked_for(text: &str) -> Vec<String> {
        let mut ids = Vec::new();
        for (pattern, skip_to_quote) in [("t!(", true), ("t(\"", false)] {
            for (at, _) in text.match_indices(pattern) {
                // `t!(`, not `format!(`; `t("`, not `print("`.
                let before = text[..at].chars().next_back();
                if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                    continue;
                }
                let rest = &text[at + pattern.len()..];
                let rest = if skip_to_quote {
                    match rest.find('"') {
                        Some(q) => &rest[q + 1..],
                        None => continue,
                    }
                } else {
                    rest
                };
                if let Some(end) = rest.find('"') {
                    ids.push(rest[..end].to_string());
                }
            }
        }
        ids
    }

    #[test]
    fn code_asks_only_for_messages_that_exist_and_every_message_is_used() {
        let english = messages("en", &message_files()["en"]);
        let mut files = Vec::new();
        sources(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
            &mut files,
        );
        let mut used = BTreeSet::new();
        for path in files {
            let text = std::fs::read_to_string(&path).expect("source");
            // Not the patterns of this test.
            let text = match text
                .split_once("mod tests {\n    use super::*;\n    use std::collections::{BTreeMap")
            {
                Some((code, _)) => code.to_string(),
                None => text,
            };
            for id in asked_for(&text) {
                assert!(
                    english.contains_key(&id) || id == "no-such-message",
                    "{} asks for `{id}`, which locales/en/cxm.ftl does not have",
                    path.display()
                );
                used.insert(id);
            }
        }
        let unused: Vec<&String> = english.keys().filter(|id| !used.contains(*id)).collect();
        assert!(unused.is_empty(), "messages no code asks for: {unused:?}");
    }

    #[test]
    fn the_first_non_empty_locale_variable_decides() {
        assert_eq!(
            language_from_env(Some("de_DE.UTF-8"), Some("en_US"), Some("fr_FR")).as_deref(),
            Some("de")
        );
        assert_eq!(
            language_from_env(Some(""), Some("de_AT"), Some("en_US.UTF-8")).as_deref(),
            Some("de")
        );
        assert_eq!(
            language_from_env(None, None, Some("de")).as_deref(),
            Some("de")
        );
        assert_eq!(
            language_from_env(None, Some(""), Some("en_GB.UTF-8")).as_deref(),
            Some("en")
        );
        assert_eq!(
            language_from_env(Some("de_CH@euro"), None, None).as_deref(),
            Some("de")
        );
    }

    #[test]
    fn c_posix_and_nothing_set_ask_for_no_language() {
        assert_eq!(language_from_env(None, None, None), None);
        assert_eq!(language_from_env(Some(""), Some(""), Some("")), None);
        assert_eq!(language_from_env(None, None, Some("C.UTF-8")), None);
        assert_eq!(language_from_env(None, None, Some("POSIX")), None);
        assert_eq!(language_from_env(Some("C"), None, Some("de_DE")), None);
    }

    #[test]
    fn languages_are_chosen_by_primary_subtag_and_fall_back_to_english() {
        assert_eq!(Lang::of("de"), Lang::De);
        assert_eq!(Lang::of("de-CH"), Lang::De);
        assert_eq!(Lang::of("DE"), Lang::De);
        assert_eq!(Lang::of("en-GB"), Lang::En);
        assert_eq!(Lang::of("fr"), Lang::En);
        assert_eq!(Lang::of(""), Lang::En);
    }

    #[test]
    fn messages_take_arguments_and_plural_forms() {
        assert_eq!(t!(Lang::En, "stages-to-go", gap = 1), "1 stage to go");
        assert_eq!(t!(Lang::En, "stages-to-go", gap = 2), "2 stages to go");
        assert_eq!(t!(Lang::De, "stages-to-go", gap = 1), "noch 1 Stufe");
        assert_eq!(t!(Lang::De, "stages-to-go", gap = 3), "noch 3 Stufen");
        // No isolation marks around arguments.
        assert!(!t!(Lang::De, "stages-to-go", gap = 3).contains('\u{2068}'));
    }

    #[test]
    fn a_missing_message_or_argument_never_panics() {
        assert_eq!(Lang::De.text("no-such-message"), "no-such-message");
        // A message formatted without its argument: neither language can, so the id.
        assert_eq!(Lang::De.text("stages-to-go"), "stages-to-go");
    }

    #[test]
    fn numbers_and_dates_are_written_the_way_each_language_does() {
        assert_eq!(Lang::En.fixed(0.75, 2), "0.75");
        assert_eq!(Lang::De.fixed(0.75, 2), "0,75");
        assert_eq!(Lang::De.fixed(2.0, 2), "2,00");
        assert_eq!(Lang::En.date("2026-11-24"), "2026-11-24");
        assert_eq!(Lang::De.date("2026-11-24"), "24.11.2026");
        assert_eq!(Lang::De.date("November 2026"), "November 2026");
        assert_eq!(Lang::De.date("2026-1-24"), "2026-1-24");
    }
}
