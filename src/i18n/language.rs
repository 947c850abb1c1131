//! The languages the app speaks, and which one a user gets.

/// English is built in; German texts are loaded when German is chosen.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub enum Language {
    #[default]
    English,
    German,
}

impl Language {
    /// The BCP 47 tag, for `<html lang>`.
    pub const fn tag(self) -> &'static str {
        match self {
            Language::English => "en",
            Language::German => "de",
        }
    }

    /// A language tag such as `de`, `DE`, `de-CH` or `de_DE`; `None` for languages the app
    /// does not have.
    pub fn from_tag(tag: &str) -> Option<Language> {
        let primary = tag.trim().split(['-', '_']).next().unwrap_or_default().to_ascii_lowercase();
        match primary.as_str() {
            "en" => Some(Language::English),
            "de" => Some(Language::German),
            _ => None,
        }
    }

    /// The launchpad's `sap-language` when there is one (anything the app does not have means
    /// English), else the first of the browser's languages that the app has, else English.
    pub fn choose(parameter: Option<&str>, browser_languages: &[String]) -> Language {
        match parameter {
            Some(parameter) => Language::from_tag(parameter).unwrap_or_default(),
            None => browser_languages.iter().find_map(|tag| Language::from_tag(tag)).unwrap_or_default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn languages(tags: &[&str]) -> Vec<String> {
        tags.iter().map(|tag| tag.to_string()).collect()
    }

    #[test]
    fn the_launchpads_language_wins() {
        assert_eq!(Language::choose(Some("de"), &languages(&["en-US"])), Language::German);
        assert_eq!(Language::choose(Some("DE"), &[]), Language::German);
        assert_eq!(Language::choose(Some("de_CH"), &[]), Language::German);
        assert_eq!(Language::choose(Some("EN"), &languages(&["de-DE"])), Language::English);
        assert_eq!(Language::choose(Some("fr"), &languages(&["de-DE"])), Language::English, "anything else is English");
    }

    #[test]
    fn without_a_parameter_the_browsers_languages_decide() {
        assert_eq!(Language::choose(None, &languages(&["fr-FR", "de-AT", "en"])), Language::German);
        assert_eq!(Language::choose(None, &languages(&["en-GB", "de"])), Language::English);
        assert_eq!(Language::choose(None, &languages(&["fr", "it"])), Language::English);
        assert_eq!(Language::choose(None, &[]), Language::English);
    }
}
