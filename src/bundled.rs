//! Questionnaires embedded in the binary, so `cxm` works from any directory, and the
//! one lookup that turns `--questionnaire FILE|ID` and `--lang` into a questionnaire.

use std::path::Path;

use anyhow::{Context, bail};

use crate::diagnostic::{Source, list};
use crate::questionnaire::Questionnaire;

/// The questionnaire `cxm assess` uses when none is named.
pub const DEFAULT_ID: &str = "cx-maturity";

/// Every bundled questionnaire: file name and text.
const FILES: &[(&str, &str)] = &[(
    "cx-maturity.en.toml",
    include_str!("../questionnaires/cx-maturity.en.toml"),
)];

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

/// The bundled questionnaire `id` in `lang` (default: English, else the first).
pub fn find(id: &str, lang: Option<&str>) -> anyhow::Result<Questionnaire> {
    let (mut candidates, others): (Vec<Questionnaire>, Vec<Questionnaire>) =
        all()?.into_iter().partition(|q| q.id == id);
    if candidates.is_empty() {
        let ids: Vec<String> = others.into_iter().map(|q| q.id).collect();
        bail!(
            "no bundled questionnaire `{id}` (bundled: {}); pass its file with --questionnaire FILE",
            list(ids)
        );
    }
    if let Some(lang) = lang {
        if let Some(i) = candidates
            .iter()
            .position(|q| q.language.eq_ignore_ascii_case(lang))
        {
            return Ok(candidates.swap_remove(i));
        }
        if let Some(i) = candidates
            .iter()
            .position(|q| matches_language(&q.language, lang))
        {
            return Ok(candidates.swap_remove(i));
        }
        let langs: Vec<&str> = candidates.iter().map(|q| q.language.as_str()).collect();
        bail!(
            "questionnaire `{id}` is not bundled in language `{lang}` (bundled: {}); pass \
             --lang with one of those, or your own translation with --questionnaire FILE",
            list(langs)
        );
    }
    let i = candidates
        .iter()
        .position(|q| q.language == "en")
        .unwrap_or(0);
    Ok(candidates.swap_remove(i))
}

/// Resolves `--questionnaire FILE|ID`: an existing path (or anything ending in `.toml`)
/// is a file; anything else is a bundled id. Without the flag, `default_id` is looked
/// up among the bundled ones.
pub fn resolve(
    flag: Option<&str>,
    default_id: &str,
    lang: Option<&str>,
) -> anyhow::Result<(Questionnaire, QuestionnaireOrigin)> {
    match flag {
        Some(value) if Path::new(value).exists() || value.ends_with(".toml") => {
            let text = crate::input::read_file(Path::new(value))
                .with_context(|| format!("could not read questionnaire file {value}"))?;
            let q = Questionnaire::load(&Source::new(value, text))?;
            Ok((q, QuestionnaireOrigin::File(value.to_string())))
        }
        Some(id) => Ok((find(id, lang)?, QuestionnaireOrigin::Bundled)),
        None => Ok((find(default_id, lang)?, QuestionnaireOrigin::Bundled)),
    }
}

/// The file text of the bundled questionnaire `id` in `lang` (as [`find`] picks it).
pub fn text(id: &str, lang: Option<&str>) -> anyhow::Result<&'static str> {
    let chosen = find(id, lang)?;
    FILES
        .iter()
        .find(|(name, text)| {
            Questionnaire::load(&Source::new(*name, *text))
                .is_ok_and(|q| q.id == chosen.id && q.language == chosen.language)
        })
        .map(|(_, text)| *text)
        .context("a bundled questionnaire went missing (a bug in cxm; please report it)")
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

    #[test]
    fn languages_match_by_primary_subtag() {
        assert!(matches_language("en", "en-GB"));
        assert!(matches_language("de", "DE"));
        assert!(!matches_language("de", "en"));
        assert_eq!(find(DEFAULT_ID, Some("en-US")).unwrap().language, "en");
        assert!(find(DEFAULT_ID, Some("fr")).is_err());
        assert!(
            find("nope", None)
                .unwrap_err()
                .to_string()
                .contains("--questionnaire FILE")
        );
    }
}
