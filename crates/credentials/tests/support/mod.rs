//! What every finding must satisfy, checked wherever a test analyses input: an app can render
//! it in another language from its template and params alone.

use credentials::{fill, placeholders, texts, Analysis};

/// The params whose value is an English phrase, translated with the template; the others
/// (numbers, JSON keys, hosts, characters...) are said as they are.
pub const PHRASE_PARAMS: [&str; 6] = ["field", "hint", "character", "kind", "expected", "found"];

/// Each finding's template is one of `texts()`, its params are exactly the template's
/// placeholders, its message is the template filled with them, and each phrase among them is
/// one of `texts()` too.
pub fn assert_translatable(analysis: &Analysis) {
    for diagnostic in &analysis.diagnostics {
        let what = format!("{:?}: {:?} with {:?}", diagnostic.code, diagnostic.template, diagnostic.params);
        assert!(texts().contains(&diagnostic.template), "{what}: the template is not in texts()");
        assert_eq!(diagnostic.message, fill(diagnostic.template, &diagnostic.params), "{what}");
        let mut names: Vec<&str> = diagnostic.params.iter().map(|(name, _)| *name).collect();
        names.sort_unstable();
        let mut wanted = placeholders(diagnostic.template);
        wanted.sort_unstable();
        wanted.dedup();
        assert_eq!(names, wanted, "{what}: params and placeholders differ");
        assert_eq!(diagnostic.translated_message(|text| text), diagnostic.message, "{what}");
        if let Some(location) = &diagnostic.location {
            assert_eq!(diagnostic.translated_message_at(location, |text| text), diagnostic.message_at(location), "{what}");
        }
        for (name, value) in &diagnostic.params {
            if PHRASE_PARAMS.contains(name) {
                assert!(texts().contains(&value.as_str()), "{what}: {name} = {value:?} is not in texts()");
            }
        }
    }
}
