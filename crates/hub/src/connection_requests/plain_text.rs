//! Names and comments people read: no character that hides, reorders or rings.

/// Characters that change how the text around them is shown without being seen, or are not
/// shown at all: bidi embeddings, overrides, isolates and marks, zero-width and invisible
/// characters, fillers, variation selectors, tag characters (which can carry hidden ASCII),
/// line and paragraph separators, and private-use characters.
const INVISIBLE: &[(char, char, &str)] = &[
    ('\u{00AD}', '\u{00AD}', "SOFT HYPHEN"),
    ('\u{034F}', '\u{034F}', "COMBINING GRAPHEME JOINER"),
    ('\u{061C}', '\u{061C}', "ARABIC LETTER MARK"),
    ('\u{115F}', '\u{1160}', "HANGUL FILLER"),
    ('\u{17B4}', '\u{17B5}', "KHMER INHERENT VOWEL"),
    ('\u{180B}', '\u{180F}', "MONGOLIAN VARIATION SELECTOR OR VOWEL SEPARATOR"),
    ('\u{200B}', '\u{200B}', "ZERO WIDTH SPACE"),
    ('\u{200C}', '\u{200C}', "ZERO WIDTH NON-JOINER"),
    ('\u{200D}', '\u{200D}', "ZERO WIDTH JOINER"),
    ('\u{200E}', '\u{200E}', "LEFT-TO-RIGHT MARK"),
    ('\u{200F}', '\u{200F}', "RIGHT-TO-LEFT MARK"),
    ('\u{2028}', '\u{2028}', "LINE SEPARATOR"),
    ('\u{2029}', '\u{2029}', "PARAGRAPH SEPARATOR"),
    ('\u{202A}', '\u{202A}', "LEFT-TO-RIGHT EMBEDDING"),
    ('\u{202B}', '\u{202B}', "RIGHT-TO-LEFT EMBEDDING"),
    ('\u{202C}', '\u{202C}', "POP DIRECTIONAL FORMATTING"),
    ('\u{202D}', '\u{202D}', "LEFT-TO-RIGHT OVERRIDE"),
    ('\u{202E}', '\u{202E}', "RIGHT-TO-LEFT OVERRIDE"),
    ('\u{2060}', '\u{2064}', "WORD JOINER OR INVISIBLE OPERATOR"),
    ('\u{2066}', '\u{2066}', "LEFT-TO-RIGHT ISOLATE"),
    ('\u{2067}', '\u{2067}', "RIGHT-TO-LEFT ISOLATE"),
    ('\u{2068}', '\u{2068}', "FIRST STRONG ISOLATE"),
    ('\u{2069}', '\u{2069}', "POP DIRECTIONAL ISOLATE"),
    ('\u{206A}', '\u{206F}', "DEPRECATED FORMAT CHARACTER"),
    ('\u{3164}', '\u{3164}', "HANGUL FILLER"),
    ('\u{E000}', '\u{F8FF}', "PRIVATE USE CHARACTER"),
    ('\u{FE00}', '\u{FE0F}', "VARIATION SELECTOR"),
    ('\u{FEFF}', '\u{FEFF}', "ZERO WIDTH NO-BREAK SPACE"),
    ('\u{FFA0}', '\u{FFA0}', "HALFWIDTH HANGUL FILLER"),
    ('\u{FFF9}', '\u{FFFB}', "INTERLINEAR ANNOTATION CHARACTER"),
    ('\u{1D173}', '\u{1D17A}', "MUSICAL SYMBOL FORMAT CHARACTER"),
    ('\u{E0000}', '\u{E007F}', "TAG CHARACTER"),
    ('\u{E0100}', '\u{E01EF}', "VARIATION SELECTOR"),
    ('\u{F0000}', '\u{10FFFF}', "PRIVATE USE CHARACTER"),
];

/// Whether a text may span lines (a comment) or is one line (an alias).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lines {
    One,
    Many,
}

/// The first character of `text` that a reader could not see, with its position (counted in
/// characters, from 1) and a description such as `U+202E RIGHT-TO-LEFT OVERRIDE`.
pub fn hidden_character(text: &str, lines: Lines) -> Option<(usize, String)> {
    text.chars().enumerate().find_map(|(index, c)| {
        let allowed_break = lines == Lines::Many && matches!(c, '\n' | '\r' | '\t');
        let name = if c.is_control() && !allowed_break {
            Some("a control character")
        } else {
            INVISIBLE.iter().find(|(first, last, _)| (*first..=*last).contains(&c)).map(|(_, _, name)| *name)
        }?;
        Some((index + 1, format!("U+{:04X} {name}", u32::from(c))))
    })
}

/// `text` with each run of white space in it, of whatever kind (no-break, ideographic, several
/// spaces), as one plain space, and none at either end: a name that only looks like another
/// is that other name.
pub fn with_plain_spaces(text: &str) -> String {
    text.split(char::is_whitespace).filter(|word| !word.is_empty()).collect::<Vec<_>>().join(" ")
}

/// The form in which aliases are compared: characters written as a variant of others (NFKC:
/// fullwidth "ＥＵ" is "EU", the ligature "ﬁ" is "fi") as those others, in lower case, with plain
/// spaces. Two aliases with one key look alike; the second is taken.
pub fn alias_key(alias: &str) -> String {
    let normalized = icu_normalizer::ComposingNormalizerBorrowed::new_nfkc().normalize(alias).to_lowercase();
    with_plain_spaces(&normalized)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aliases_that_look_alike_have_one_key() {
        let key = alias_key("EU Production Portal");
        assert_eq!(key, "eu production portal");
        for alike in ["ＥＵ Ｐｒｏｄｕｃｔｉｏｎ Ｐｏｒｔａｌ", "eu production portal", "EU\u{3000}Production\u{00A0}Portal", "ÉU Production Portal"] {
            assert_eq!(alias_key(alike) == key, !alike.starts_with('É'), "{alike}");
        }
        assert_eq!(alias_key("ﬁnance Portal²"), alias_key("Finance Portal2"));
        assert_eq!(alias_key("Straße"), "straße", "lower case, not case folding: ß stays");
        assert_eq!(alias_key("E\u{301}U"), alias_key("\u{C9}U"), "composed and decomposed É are one");
    }

    #[test]
    fn white_space_of_any_kind_becomes_one_plain_space() {
        assert_eq!(with_plain_spaces("EU\u{00A0}Production  Portal"), "EU Production Portal");
        assert_eq!(with_plain_spaces("\u{3000}EU\u{2009}Production\u{202F}Portal "), "EU Production Portal");
        assert_eq!(with_plain_spaces("EU Production Portal"), "EU Production Portal");
    }

    #[test]
    fn finds_bidi_overrides_zero_width_and_control_characters() {
        assert_eq!(hidden_character("Evil\u{202E}Alias\u{7}", Lines::One), Some((5, "U+202E RIGHT-TO-LEFT OVERRIDE".into())));
        assert_eq!(hidden_character("EU\u{200B}Prod", Lines::One), Some((3, "U+200B ZERO WIDTH SPACE".into())));
        assert_eq!(hidden_character("bell\u{7}", Lines::One), Some((5, "U+0007 a control character".into())));
        assert_eq!(hidden_character("two\nlines", Lines::One), Some((4, "U+000A a control character".into())));
        assert_eq!(hidden_character("smuggled\u{E0041}", Lines::One), Some((9, "U+E0041 TAG CHARACTER".into())));
        assert_eq!(hidden_character("soft\u{AD}hyphen", Lines::Many), Some((5, "U+00AD SOFT HYPHEN".into())));
        assert_eq!(hidden_character("para\u{2029}graph", Lines::Many), Some((5, "U+2029 PARAGRAPH SEPARATOR".into())));
    }

    #[test]
    fn lets_readable_text_pass() {
        assert_eq!(hidden_character("EU Production Portal", Lines::One), None);
        assert_eq!(hidden_character("Müller · 東京 – عربي", Lines::One), None);
        assert_eq!(hidden_character("first line\n\tsecond line\r\n", Lines::Many), None);
    }
}
