//! The app's texts in the user's language. The English text is the key (as with gettext): it is
//! written once, where it is used, and is what English users get without loading anything. The
//! German texts are `public/i18n/de.json` (English text → German text), loaded at start only
//! when German is chosen, and `public/i18n/de-findings.json`, the credentials engine's findings,
//! which only the dialogs that check credentials show: kept out of the first load, they come
//! after the first page (or, asked for before, at once). A text may hold `{name}` placeholders,
//! filled by [`tf`].

mod language;
mod numbers;

use std::collections::BTreeMap;
use std::fmt::Display;
use std::sync::OnceLock;

pub use language::Language;
pub use numbers::{count, date};

/// Where the German texts are, relative to the app's base.
pub const GERMAN_TEXTS: &str = "i18n/de.json";
/// Where the German texts of the credentials engine's findings are.
pub const GERMAN_FINDINGS: &str = "i18n/de-findings.json";

/// A language's texts: English text → translation.
pub type Texts = BTreeMap<String, String>;

struct Catalog {
    language: Language,
    texts: Texts,
    /// The findings' texts, once they have come ([`install_findings`]), or been loaded at once
    /// by `load_findings` when a text was asked for before.
    findings: OnceLock<Texts>,
    load_findings: fn() -> Texts,
}

static CATALOG: OnceLock<Catalog> = OnceLock::new();

/// Sets the language and its texts once, at start; `load_findings` loads the findings' texts at
/// once, for a text asked for before they have come.
pub fn install(language: Language, texts: Texts, load_findings: fn() -> Texts) {
    let _ = CATALOG.set(Catalog { language, texts, findings: OnceLock::new(), load_findings });
}

/// Whether the findings' texts are still to come: in German, until they have.
pub fn findings_due() -> bool {
    CATALOG.get().is_some_and(|catalog| catalog.language != Language::English && catalog.findings.get().is_none())
}

/// The findings' texts, come after the start (ignored if they were loaded meanwhile).
pub fn install_findings(texts: Texts) {
    if let Some(catalog) = CATALOG.get() {
        let _ = catalog.findings.set(texts);
    }
}

/// Reads a catalog such as `de.json`.
pub fn parse_catalog(json: &str) -> Result<Texts, serde_json::Error> {
    serde_json::from_str(json)
}

/// The language the app speaks.
pub fn language() -> Language {
    CATALOG.get().map_or(Language::English, |catalog| catalog.language)
}

/// `english` in the user's language.
pub fn t(english: &'static str) -> &'static str {
    translate(english)
}

/// A text that is only known at run time (a finding's template) in the user's language.
pub fn translate(english: &str) -> &str {
    match CATALOG.get() {
        Some(catalog) => catalog.translate(english),
        None => english,
    }
}

impl Catalog {
    fn translate<'a>(&'a self, english: &'a str) -> &'a str {
        if let Some(translated) = self.texts.get(english) {
            return translated;
        }
        if self.language == Language::English {
            return english;
        }
        // Not one of the app's own texts: a finding's.
        self.findings.get_or_init(self.load_findings).get(english).map_or(english, String::as_str)
    }
}

/// `english` in the user's language, with each `{name}` replaced by its value in `values`
/// (the same filling as the credentials engine's findings; unknown names stay as they are).
pub fn tf(english: &'static str, values: &[(&str, &dyn Display)]) -> String {
    let values: Vec<(&str, String)> = values.iter().map(|(name, value)| (*name, value.to_string())).collect();
    credentials::fill(translate(english), &values)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_needs_no_catalog() {
        assert_eq!(t("Sign out"), "Sign out");
        assert_eq!(translate("Not in any catalog"), "Not in any catalog");
    }

    fn texts(pairs: &[(&str, &str)]) -> Texts {
        pairs.iter().map(|(english, german)| (english.to_string(), german.to_string())).collect()
    }

    fn german(load_findings: fn() -> Texts) -> Catalog {
        Catalog { language: Language::German, texts: texts(&[("Save", "Sichern")]), findings: OnceLock::new(), load_findings }
    }

    fn no_findings_to_load() -> Texts {
        panic!("the findings' texts were loaded, though they had come or were not needed")
    }

    fn findings_loaded_at_once() -> Texts {
        texts(&[("The URL is missing.", "Die URL fehlt.")])
    }

    #[test]
    fn the_apps_own_texts_need_no_findings() {
        assert_eq!(german(no_findings_to_load).translate("Save"), "Sichern");
    }

    #[test]
    fn a_finding_asked_for_before_its_texts_came_loads_them_at_once() {
        let catalog = german(findings_loaded_at_once);
        assert_eq!(catalog.translate("The URL is missing."), "Die URL fehlt.");
        assert_eq!(catalog.translate("In no catalog"), "In no catalog");
    }

    #[test]
    fn findings_that_came_are_used() {
        let catalog = german(no_findings_to_load);
        let _ = catalog.findings.set(findings_loaded_at_once());
        assert_eq!(catalog.translate("The URL is missing."), "Die URL fehlt.");
    }

    #[test]
    fn english_never_loads_findings() {
        let catalog = Catalog { language: Language::English, texts: Texts::new(), findings: OnceLock::new(), load_findings: no_findings_to_load };
        assert_eq!(catalog.translate("The URL is missing."), "The URL is missing.");
    }
}
