//! Questionnaires embedded in the binary, so `cxm` works from any directory, and the
//! one lookup that turns `--questionnaire FILE|ID` and `--lang` into a questionnaire.
//!
//! Which edition (language) of a bundled questionnaire: `--lang`, else the answers
//! file's `language` (callers pass the first of the two), else the language of the
//! environment (`LC_ALL`, `LC_MESSAGES`, `LANG`) when the questionnaire is bundled in
//! it, else English. A language named by `--lang` or an answers file that is not
//! bundled is an error; one only the environment asks for is not.

use std::path::Path;

use anyhow::{Context, bail};

use crate::diagnostic::{Source, list};
use crate::questionnaire::Questionnaire;

/// The questionnaire `cxm assess` uses when none is named.
pub const DEFAULT_ID: &str = "cx-maturity";

/// Every bundled questionnaire: file name and text.
const FILES: &[(&str, &str)] = &[
    (
        "cx-maturity.en.toml",
        include_str!("../questionnaires/cx-maturity.en.toml"),
    ),
    (
        "cx-maturity.de.toml",
        include_str!("../questionnaires/cx-maturity.de.toml"),
    ),
];

/// All bundled questionnaires, parsed.
pub fn all() -> anyhow::Result<Vec<Questionnaire>> {
    FILES
        .iter()
        .map(|(name, text)| {
            Questionnaire::load(&Source::new(format!("bundled:{name}"), *text))
                .context("a bundled questionnaire is invalid (a bug in cxm; please report it)")
        })
        .collect()
}

/// Whether `lang` (a BCP 47 tag) is served by a questionnaire in `available`:
/// exact, or by its primary language (`de-CH` → `de`).
fn matches_language(available: &str, lang: &str) -> bool {
    let primary = |t: &str| t.split('-').next().unwrap_or_default().to_ascii_lowercase();
    available.eq_ignore_ascii_case(lang) || primary(available) == primary(lang)
}

/// The id and language of a bundled file, from its name `ID.LANG.toml` (a test checks
/// that every file says the same inside), so that picking one parses only that one.
fn id_and_language(name: &str) -> (&str, &str) {
    let stem = name.strip_suffix(".toml").unwrap_or(name);
    stem.rsplit_once('.').unwrap_or((stem, ""))
}

/// The bundled file of questionnaire `id` in `lang` (default: English, else the first).
fn pick(id: &str, lang: Option<&str>) -> anyhow::Result<(&'static str, &'static str)> {
    let candidates: Vec<(&'static str, &'static str)> = FILES
        .iter()
        .copied()
        .filter(|(name, _)| id_and_language(name).0 == id)
        .collect();
    if candidates.is_empty() {
        let mut ids: Vec<&str> = FILES.iter().map(|(n, _)| id_and_language(n).0).collect();
        // One id per questionnaire, however many languages it comes in.
        ids.dedup();
        bail!(
            "no bundled questionnaire `{id}` (bundled: {}); pass its file with --questionnaire FILE",
            list(ids)
        );
    }
    fn language(file: &(&'static str, &'static str)) -> &'static str {
        id_and_language(file.0).1
    }
    if let Some(lang) = lang {
        let found = candidates
            .iter()
            .find(|f| language(f).eq_ignore_ascii_case(lang))
            .or_else(|| {
                candidates
                    .iter()
                    .find(|f| matches_language(language(f), lang))
            });
        if let Some(file) = found {
            return Ok(*file);
        }
        let langs: Vec<&str> = candidates.iter().map(language).collect();
        bail!(
            "questionnaire `{id}` is not bundled in language `{lang}` (bundled: {}); pass \
             --lang with one of those, or your own translation with --questionnaire FILE",
            list(langs)
        );
    }
    Ok(candidates
        .iter()
        .find(|f| language(f) == "en")
        .copied()
        .unwrap_or(candidates[0]))
}

/// The bundled questionnaire `id` in `lang` (default: English, else the first), parsed:
/// only that file is.
pub fn find(id: &str, lang: Option<&str>) -> anyhow::Result<Questionnaire> {
    let (name, text) = pick(id, lang)?;
    Questionnaire::load(&Source::new(format!("bundled:{name}"), text))
        .context("a bundled questionnaire is invalid (a bug in cxm; please report it)")
}

/// The language of the edition of bundled questionnaire `id` to use: `lang` (from
/// `--lang` or the answers file) when given, else `env` (the environment's language,
/// see [`crate::i18n::language_from_env`]) when `id` is bundled in it, else `None`
/// (English).
pub fn choose_language(id: &str, lang: Option<&str>, env: Option<&str>) -> Option<String> {
    if let Some(lang) = lang {
        return Some(lang.to_string());
    }
    let env = env?;
    let bundled = FILES.iter().any(|(name, _)| {
        let (file_id, language) = id_and_language(name);
        file_id == id && matches_language(language, env)
    });
    bundled.then(|| env.to_string())
}

/// Resolves `--questionnaire FILE|ID`: an existing path (or anything ending in `.toml`)
/// is a file; anything else is a bundled id. Without the flag, `default_id` is looked
/// up among the bundled ones. Without `lang`, the environment's language picks the
/// edition (see the module header).
pub fn resolve(
    flag: Option<&str>,
    default_id: &str,
    lang: Option<&str>,
) -> anyhow::Result<(Questionnaire, QuestionnaireOrigin)> {
    let env = crate::i18n::env_language();
    let lang_for = |id: &str| choose_language(id, lang, env.as_deref());
    match flag {
        Some(value) if Path::new(value).exists() || value.ends_with(".toml") => {
            let text = crate::input::read_file(Path::new(value))
                .with_context(|| format!("could not read questionnaire file {value}"))?;
            let q = Questionnaire::load(&Source::new(value, text))?;
            Ok((q, QuestionnaireOrigin::File(value.to_string())))
        }
        Some(id) => Ok((
            find(id, lang_for(id).as_deref())?,
            QuestionnaireOrigin::Bundled,
        )),
        None => Ok((
            find(default_id, lang_for(default_id).as_deref())?,
            QuestionnaireOrigin::Bundled,
        )),
    }
}

/// The file text of the bundled questionnaire `id` in `lang` (as [`find`] picks it).
pub fn text(id: &str, lang: Option<&str>) -> anyhow::Result<&'static str> {
    Ok(pick(id, lang)?.1)
}

/// Where a questionnaire came from, to tell users how to name it again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QuestionnaireOrigin {
    Bundled,
    File(String),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_bundled_questionnaire_is_valid_without_warnings() {
        for (name, text) in FILES {
            let (q, diagnostics) = crate::questionnaire::check(&Source::new(*name, *text));
            assert!(q.is_some(), "{name} is invalid");
            assert!(diagnostics.is_empty(), "{name}: {diagnostics:?}");
        }
    }

    /// Everything of a questionnaire but its words: what answers files and scores
    /// rest on.
    fn skeleton(q: &Questionnaire) -> String {
        let mut out = format!(
            "{} {} {:?} {:?} {:?}\n",
            q.id, q.version, q.scoring.dimension, q.scoring.overall, q.scoring.stage
        );
        for s in &q.stages {
            out += &format!("stage {} {} {}\n", s.level, s.id, s.name);
        }
        for d in &q.dimensions {
            out += &format!("dimension {} {}\n", d.id, d.weight);
        }
        for question in &q.questions {
            let stages: Vec<u32> = question.options.iter().map(|o| o.stage).collect();
            out += &format!(
                "question {} {} {} {stages:?} help={} title={}\n",
                question.id,
                question.dimension,
                question.weight,
                question.help.is_some(),
                question.title.is_some()
            );
        }
        for a in &q.actions {
            out += &format!(
                "action {} {} kpi={} owner={} horizon={}\n",
                a.dimension,
                a.stage,
                a.kpi.is_some(),
                a.owner.is_some(),
                a.horizon.is_some()
            );
        }
        out
    }

    #[test]
    fn every_bundled_file_is_named_after_its_id_and_language() {
        for (name, text) in FILES {
            let q = Questionnaire::load(&Source::new(*name, *text)).expect("valid");
            assert_eq!(id_and_language(name), (q.id.as_str(), q.language.as_str()));
        }
    }

    #[test]
    fn every_edition_of_a_questionnaire_has_the_same_ids_levels_stages_and_weights() {
        let all = all().expect("bundled questionnaires are valid");
        let english = all.iter().find(|q| q.language == "en").expect("English");
        let editions: Vec<&Questionnaire> = all.iter().filter(|q| q.id == english.id).collect();
        assert!(
            editions.iter().any(|q| q.language == "de"),
            "a German edition"
        );
        for q in editions {
            assert_eq!(skeleton(q), skeleton(english), "{} differs", q.language);
        }
    }

    #[test]
    fn the_environment_picks_an_edition_only_when_it_is_bundled() {
        let choose = |lang, env| choose_language(DEFAULT_ID, lang, env);
        assert_eq!(choose(None, Some("de")).as_deref(), Some("de"));
        // --lang or the answers file come first, also when the environment says else.
        assert_eq!(choose(Some("en"), Some("de")).as_deref(), Some("en"));
        assert_eq!(choose(Some("fr"), None).as_deref(), Some("fr"));
        // A language that is not bundled in the environment is no error: English.
        assert_eq!(choose(None, Some("fr")), None);
        assert_eq!(choose(None, None), None);
        assert_eq!(choose_language("nope", None, Some("de")), None);
    }

    #[test]
    fn lang_de_picks_the_german_edition() {
        let q = find(DEFAULT_ID, Some("de-CH")).expect("German");
        assert_eq!(q.language, "de");
        assert_ne!(q.title, find(DEFAULT_ID, None).expect("English").title);
    }

    #[test]
    fn languages_match_by_primary_subtag() {
        assert!(matches_language("en", "en-GB"));
        assert!(matches_language("de", "DE"));
        assert!(!matches_language("de", "en"));
        assert_eq!(find(DEFAULT_ID, Some("en-US")).unwrap().language, "en");
        assert!(find(DEFAULT_ID, Some("fr")).is_err());
        assert_eq!(find(DEFAULT_ID, Some("en-GB")).unwrap().language, "en");
        assert!(
            find("nope", None)
                .unwrap_err()
                .to_string()
                .contains("--questionnaire FILE")
        );
    }
}
