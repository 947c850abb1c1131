//! Keeping secrets off the screen: where the values of secret fields are in pasted text, found
//! however the text is quoted or broken (so that an app can hide them while it shows the text),
//! and masking every value of a line for an excerpt.
//!
//! Both work on the text locally, token by token, instead of parsing it: pasted text that is
//! not JSON (single or typographic quotes, a missing comma) must be masked just as well.

use std::ops::Range;

use crate::field::Field;

/// The character that stands for each masked character of an excerpt.
pub const MASK: char = '•';

/// Quotes that open or close a string in pasted text, in two families: a string opened by a
/// quote of one family ends at the next quote of the same family.
const DOUBLE_QUOTES: [char; 6] = ['"', '\u{201C}', '\u{201D}', '\u{201E}', '\u{201F}', '\u{2033}'];
const SINGLE_QUOTES: [char; 6] = ['\'', '\u{2018}', '\u{2019}', '\u{201A}', '\u{201B}', '`'];

/// Key names whose values are secret, as lower-case words: the credentials' own spellings and
/// the ones people use for them elsewhere.
const SECRET_KEYS: [(&str, Field); 7] = [
    ("clientsecret", Field::ClientSecret),
    ("client_secret", Field::ClientSecret),
    ("secret", Field::ClientSecret),
    ("password", Field::ClientSecret),
    ("key", Field::Key),
    ("privatekey", Field::Key),
    ("private_key", Field::Key),
];

/// The value of a secret field in pasted text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SecretValue {
    /// The field the key names: [`Field::ClientSecret`] or [`Field::Key`].
    pub field: Field,
    /// Bytes of the value, without its quotes.
    pub span: Range<usize>,
}

/// Every value of a secret field in `text`, in order, not overlapping: after a key such as
/// `clientSecret` or `privateKey` (any quotes or none) and a colon, the quoted string (to its
/// closing quote, or the end of the line), a PEM block (to its END line), or the bare word.
pub fn secret_values(text: &str) -> Vec<SecretValue> {
    let mut found = Vec::new();
    let mut at = 0;
    while let Some((word, field)) = next_secret_key(text, at) {
        at = word.end;
        let Some(value) = value_after_key(text, word.end) else { continue };
        at = value.end.max(at);
        if !value.is_empty() {
            found.push(SecretValue { field, span: value });
        }
    }
    found
}

/// The next word at or after `from` that names a secret key, with its field.
fn next_secret_key(text: &str, from: usize) -> Option<(Range<usize>, Field)> {
    let mut start = None;
    for (index, c) in text[from..].char_indices().map(|(index, c)| (from + index, c)) {
        let in_word = c.is_ascii_alphanumeric() || c == '_';
        match (in_word, start) {
            (true, None) => start = Some(index),
            (false, Some(word_start)) => {
                if let Some(field) = secret_field(&text[word_start..index]) {
                    return Some((word_start..index, field));
                }
                start = None;
            }
            _ => {}
        }
    }
    let word_start = start?;
    secret_field(&text[word_start..]).map(|field| (word_start..text.len(), field))
}

fn secret_field(word: &str) -> Option<Field> {
    SECRET_KEYS.iter().find(|(name, _)| name.eq_ignore_ascii_case(word)).map(|(_, field)| *field)
}

/// The value that follows a key ending at `key_end`: `None` if no colon follows the key.
fn value_after_key(text: &str, key_end: usize) -> Option<Range<usize>> {
    let rest = &text[key_end..];
    let after_quote = rest.trim_start_matches(|c: char| is_quote(c) || c == ' ' || c == '\t');
    let after_colon = after_quote.strip_prefix(':')?;
    let value_start = text.len() - after_colon.trim_start().len();
    let value = &text[value_start..];
    let first = value.chars().next()?;
    if let Some(family) = quote_family(first) {
        let content_start = value_start + first.len_utf8();
        return Some(content_start..string_end(text, content_start, family));
    }
    if value.starts_with(PEM_BEGIN) {
        return Some(value_start..pem_end(text, value_start));
    }
    if matches!(first, '{' | '[' | ',' | '}' | ']') {
        return Some(value_start..value_start);
    }
    let end = value.find([',', '}', ']', '\n', '\r']).map_or(text.len(), |end| value_start + end);
    Some(value_start..value_start + text[value_start..end].trim_end().len())
}

const PEM_BEGIN: &str = "-----BEGIN";
const PEM_END: &str = "-----END";

/// Where a quoted string that starts at `start` ends (before its closing quote): at the next
/// quote of its family not escaped by a backslash; or, without one, at the end of its line; a
/// PEM block runs on over line breaks to the end of its END line.
fn string_end(text: &str, start: usize, family: &[char; 6]) -> usize {
    let is_pem = text[start..].trim_start().starts_with(PEM_BEGIN);
    let mut chars = text[start..].char_indices().map(|(index, c)| (start + index, c));
    while let Some((index, c)) = chars.next() {
        if c == '\\' {
            chars.next();
        } else if family.contains(&c) {
            return index;
        } else if matches!(c, '\n' | '\r') && !is_pem {
            return index;
        }
    }
    if is_pem {
        pem_end(text, start)
    } else {
        text.len()
    }
}

/// The end of the PEM block that starts at `start`: after the dashes of its END line, or the
/// end of the text.
fn pem_end(text: &str, start: usize) -> usize {
    let Some(end_line) = text[start..].find(PEM_END).map(|at| start + at + PEM_END.len()) else {
        return text.len();
    };
    text[end_line..].find("-----").map_or(text.len(), |dashes| end_line + dashes + "-----".len())
}

fn quote_family(c: char) -> Option<&'static [char; 6]> {
    if DOUBLE_QUOTES.contains(&c) {
        Some(&DOUBLE_QUOTES)
    } else if SINGLE_QUOTES.contains(&c) {
        Some(&SINGLE_QUOTES)
    } else {
        None
    }
}

fn is_quote(c: char) -> bool {
    quote_family(c).is_some()
}

/// `line` with every value masked: keys (a word or quoted string that a colon follows, where a
/// key can stand) and JSON's punctuation stay readable, everything else becomes [`MASK`].
pub(crate) fn mask_values(line: &[char]) -> Vec<char> {
    let mut out = line.to_vec();
    let mut index = 0;
    let mut key_position = true;
    while index < line.len() {
        let c = line[index];
        if c.is_whitespace() {
            index += 1;
            continue;
        }
        if matches!(c, '{' | ',' | '[' | ':' | '}' | ']') {
            key_position = matches!(c, '{' | ',');
            index += 1;
            continue;
        }
        let (content, next) = match quote_family(c) {
            Some(family) => {
                let mut end = index + 1;
                while end < line.len() && !family.contains(&line[end]) {
                    end += if line[end] == '\\' { 2 } else { 1 };
                }
                let end = end.min(line.len());
                (index + 1..end, (end + 1).min(line.len()))
            }
            None => {
                let end = (index..line.len())
                    .find(|&at| line[at].is_whitespace() || is_quote(line[at]) || matches!(line[at], '{' | ',' | '[' | ':' | '}' | ']'))
                    .unwrap_or(line.len());
                (index..end, end)
            }
        };
        let is_key = key_position && line[next..].iter().find(|c| !c.is_whitespace()) == Some(&':');
        if !is_key {
            for masked in &mut out[content] {
                *masked = MASK;
            }
        }
        key_position = false;
        index = next;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(text: &str) -> Vec<(Field, &str)> {
        secret_values(text).into_iter().map(|value| (value.field, &text[value.span])).collect()
    }

    fn masked(line: &str) -> String {
        mask_values(&line.chars().collect::<Vec<_>>()).into_iter().collect()
    }

    #[test]
    fn finds_secret_values_in_json() {
        let text = r#"{"clientId": "sb-x", "clientSecret": "a\"b$c=", "url": "https://a"}"#;
        assert_eq!(values(text), [(Field::ClientSecret, r#"a\"b$c="#)]);
    }

    #[test]
    fn finds_them_whatever_the_quotes() {
        for (open, close) in [("\u{201C}", "\u{201D}"), ("'", "'"), ("\u{2018}", "\u{2019}"), ("\u{201E}", "\u{201C}"), ("`", "`"), ("", "")] {
            let text = format!("{{{open}clientSecret{close}: {open}s3cr3t$X={close}, {open}url{close}: {open}https://a{close}}}");
            assert_eq!(values(&text), [(Field::ClientSecret, "s3cr3t$X=")], "{text}");
        }
    }

    #[test]
    fn finds_them_in_broken_json() {
        let text = "{\n  \"url\": \"https://a\n  \"clientSecret\": \"s3cr3t\"\n  \"key\": \"-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----\"\n";
        assert_eq!(
            values(text),
            [(Field::ClientSecret, "s3cr3t"), (Field::Key, "-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----")]
        );
        // An unclosed secret runs to the end of its line; a key without quotes to its END line.
        assert_eq!(values("clientsecret: abc def\nurl: x"), [(Field::ClientSecret, "abc def")]);
        assert_eq!(values("\"clientSecret\": \"abc\nnext"), [(Field::ClientSecret, "abc")]);
        assert_eq!(values("privateKey: -----BEGIN KEY-----\nAB\n-----END KEY-----\nrest"), [(Field::Key, "-----BEGIN KEY-----\nAB\n-----END KEY-----")]);
    }

    #[test]
    fn other_words_and_objects_are_left_alone() {
        assert!(values(r#"{"apikey": "x", "keys": "y", "clientId": "z"}"#).is_empty());
        assert!(values(r#"{"key": {"a": 1}, "secret" "x"}"#).is_empty());
        assert!(values("the key is below").is_empty());
    }

    #[test]
    fn excerpts_keep_keys_and_punctuation_and_mask_the_rest() {
        assert_eq!(masked(r#""clientSecret": "top-secret",}"#), r#""clientSecret": "••••••••••",}"#);
        assert_eq!(masked("\u{201C}clientSecret\u{201D}: \u{201C}top\u{201D}"), "\u{201C}clientSecret\u{201D}: \u{201C}•••\u{201D}");
        assert_eq!(masked("'clientSecret': 'top'"), "'clientSecret': '•••'");
        assert_eq!(masked("clientSecret: top, url: x"), "clientSecret: •••, url: •");
        // A value that a colon follows is still a value.
        assert_eq!(masked(r#""a": "b": 1"#), r#""a": "•": •"#);
        assert_eq!(masked("MIIEvQIBADANBgkqhkiG9w0BAQEFAASC"), "••••••••••••••••••••••••••••••••");
    }
}
