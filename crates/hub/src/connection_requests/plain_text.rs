//! Names and comments people read: no character that hides, reorders or rings.

/// Characters that change how the text around them is shown without being seen: bidi
/// embeddings, overrides, isolates and marks, zero-width characters, the byte order mark.
const INVISIBLE: &[(char, &str)] = &[
    ('\u{061C}', "ARABIC LETTER MARK"),
    ('\u{200B}', "ZERO WIDTH SPACE"),
    ('\u{200C}', "ZERO WIDTH NON-JOINER"),
    ('\u{200D}', "ZERO WIDTH JOINER"),
    ('\u{200E}', "LEFT-TO-RIGHT MARK"),
    ('\u{200F}', "RIGHT-TO-LEFT MARK"),
    ('\u{202A}', "LEFT-TO-RIGHT EMBEDDING"),
    ('\u{202B}', "RIGHT-TO-LEFT EMBEDDING"),
    ('\u{202C}', "POP DIRECTIONAL FORMATTING"),
    ('\u{202D}', "LEFT-TO-RIGHT OVERRIDE"),
    ('\u{202E}', "RIGHT-TO-LEFT OVERRIDE"),
    ('\u{2060}', "WORD JOINER"),
    ('\u{2066}', "LEFT-TO-RIGHT ISOLATE"),
    ('\u{2067}', "RIGHT-TO-LEFT ISOLATE"),
    ('\u{2068}', "FIRST STRONG ISOLATE"),
    ('\u{2069}', "POP DIRECTIONAL ISOLATE"),
    ('\u{FEFF}', "ZERO WIDTH NO-BREAK SPACE"),
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
            INVISIBLE.iter().find(|(invisible, _)| *invisible == c).map(|(_, name)| *name)
        }?;
        Some((index + 1, format!("U+{:04X} {name}", u32::from(c))))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_bidi_overrides_zero_width_and_control_characters() {
        assert_eq!(hidden_character("Evil\u{202E}Alias\u{7}", Lines::One), Some((5, "U+202E RIGHT-TO-LEFT OVERRIDE".into())));
        assert_eq!(hidden_character("EU\u{200B}Prod", Lines::One), Some((3, "U+200B ZERO WIDTH SPACE".into())));
        assert_eq!(hidden_character("bell\u{7}", Lines::One), Some((5, "U+0007 a control character".into())));
        assert_eq!(hidden_character("two\nlines", Lines::One), Some((4, "U+000A a control character".into())));
    }

    #[test]
    fn lets_readable_text_pass() {
        assert_eq!(hidden_character("EU Production Portal", Lines::One), None);
        assert_eq!(hidden_character("Müller · 東京 – عربي", Lines::One), None);
        assert_eq!(hidden_character("first line\n\tsecond line\r\n", Lines::Many), None);
    }
}
