//! The app's texts in the user's language. The English text is the key (as with gettext): it is
//! written once, where it is used, and is what English users get without loading anything. The
//! German texts are `public/i18n/de.json` (English text → German text), loaded at start only
//! when German is chosen. A text may hold `{name}` placeholders, filled by [`tf`].

mod language;
mod numbers;

use std::collections::BTreeMap;
use std::fmt::Display;
use std::sync::OnceLock;

pub use language::Language;
pub use numbers::{count, date};

/// Where the German texts are, relative to the app's base.
pub const GERMAN_TEXTS: &str = "i18n/de.json";

struct Catalog {
    language: Language,
    texts: BTreeMap<String, String>,
}

static CATALOG: OnceLock<Catalog> = OnceLock::new();

/// Sets the language and its texts (English text → translation) once, at start.
pub fn install(language: Language, texts: BTreeMap<String, String>) {
    let _ = CATALOG.set(Catalog { language, texts });
}

/// Reads a catalog such as `de.json`.
pub fn parse_catalog(json: &str) -> Result<BTreeMap<String, String>, serde_json::Error> {
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
    match CATALOG.get().and_then(|catalog| catalog.texts.get(english)) {
        Some(translated) => translated.as_str(),
        None => english,
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
}
