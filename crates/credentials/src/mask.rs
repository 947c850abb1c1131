//! Keeping secrets off the screen: where the values of secret fields are in pasted text, found
//! however the text is quoted or broken (so that an app can hide them while it shows the text),
//! and masking every value of a line for an excerpt.
//!
//! Both work on the text locally, token by token, instead of parsing it: pasted text that is
//! not JSON (single or typographic quotes, a missing comma) must be masked just as well.

use std::ops::Range;

use crate::field::Field;

/// The character that stands for each masked character of an excerpt.
const MASK: char = '•';

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
/// `clientSecret` or `privateKey` (any quotes or none) and a colon, the quoted string (to the
/// next quote of its kind, over line breaks: a copy may have broken the value), a PEM block (to
/// its END line), a YAML block, or the bare word; and, wherever it stands, every PEM block of a
/// private key.
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
    for block in private_key_blocks(text) {
        if !found.iter().any(|value| value.span.start <= block.start && block.end <= value.span.end) {
            found.push(SecretValue { field: Field::Key, span: block });
        }
    }
    found.sort_by_key(|value| value.span.start);
    // A block found on its own may overlap a value found after a key: keep them apart.
    let mut merged: Vec<SecretValue> = Vec::with_capacity(found.len());
    for value in found {
        match merged.last_mut() {
            Some(last) if value.span.start < last.span.end => last.span.end = last.span.end.max(value.span.end),
            _ => merged.push(value),
        }
    }
    merged
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
    let after_quote = rest.trim_start_matches(|c: char| is_quote(c) || c.is_whitespace());
    let after_colon = after_quote.strip_prefix(':')?;
    let value_start = text.len() - after_colon.trim_start().len();
    let value = &text[value_start..];
    let first = value.chars().next()?;
    if let Some(family) = quote_family(first) {
        let content_start = value_start + first.len_utf8();
        return Some(content_start..string_end(text, content_start, family));
    }
    if starts_pem_block(value) {
        return Some(value_start..pem_end(text, value_start));
    }
    if matches!(first, '{' | '[' | ',' | '}' | ']') {
        return Some(value_start..value_start);
    }
    let mut end = value.find([',', '}', ']', '\n', '\r']).map_or(text.len(), |end| value_start + end);
    let bare = value_start..value_start + text[value_start..end].trim_end().len();
    if matches!(&text[bare.clone()], "|" | ">" | "|-" | ">-" | "|+" | ">+") {
        return Some(value_start..yaml_block_end(text, key_end, end));
    }
    // A bare value broken across lines goes on while the next lines are more of it: no key,
    // no punctuation of JSON at their start.
    while text[end..].starts_with(['\n', '\r']) {
        let next = end + text[end..].len() - text[end..].trim_start_matches(['\n', '\r']).len();
        let line_end = text[next..].find(['\n', '\r']).map_or(text.len(), |at| next + at);
        let line = text[next..line_end].trim();
        if line.is_empty() || line.contains(':') || line.starts_with(|c: char| is_quote(c) || "{}[],".contains(c)) {
            break;
        }
        end = text[next..line_end].find([',', '}', ']']).map_or(line_end, |at| next + at);
    }
    Some(value_start..value_start + text[value_start..end].trim_end().len())
}

/// Whether `text` starts with the BEGIN line of a PEM block, also one that lost dashes.
fn starts_pem_block(text: &str) -> bool {
    let after_dashes = text.trim_start().trim_start_matches('-');
    after_dashes.len() < text.trim_start().len() && after_dashes.starts_with("BEGIN")
}

/// Where a quoted string that starts at `start` ends (before its closing quote): at the next
/// quote of its family not escaped by a backslash, wherever it is; without one, at the end of
/// the text.
fn string_end(text: &str, start: usize, family: &[char; 6]) -> usize {
    let mut chars = text[start..].char_indices().map(|(index, c)| (start + index, c));
    while let Some((index, c)) = chars.next() {
        if c == '\\' {
            chars.next();
        } else if family.contains(&c) {
            return index;
        }
    }
    text.len()
}

/// The end of the PEM block that starts at `start`: after the dashes of its END line (however
/// many are left), or the end of the line that has no dashes, or the end of the text.
fn pem_end(text: &str, start: usize) -> usize {
    let Some(end_word) = text[start..].find("-END").map(|at| start + at + "-END".len()) else {
        return text.len();
    };
    let line_end = text[end_word..].find(['\n', '\r', '"', '\'']).map_or(text.len(), |at| end_word + at);
    match text[end_word..line_end].rfind('-') {
        Some(last_dash) => end_word + last_dash + 1,
        None => line_end,
    }
}

/// The lines of a YAML block value (`key: |`) after the key's line: those indented more.
fn yaml_block_end(text: &str, key_end: usize, line_end: usize) -> usize {
    let key_line_start = text[..key_end].rfind('\n').map_or(0, |at| at + 1);
    let indent = |line: &str| line.len() - line.trim_start_matches([' ', '\t']).len();
    let key_indent = indent(&text[key_line_start..]);
    let mut end = line_end;
    let mut rest_start = line_end;
    for line in text[line_end..].split_inclusive('\n') {
        let blank = line.trim().is_empty();
        if !blank && rest_start > line_end && indent(line) <= key_indent {
            break;
        }
        rest_start += line.len();
        if !blank {
            end = rest_start - (line.len() - line.trim_end().len());
        }
    }
    end
}

/// Every PEM block of a private key in `text` (its BEGIN line names a PRIVATE KEY), from the
/// dashes of its BEGIN line to those of its END line.
fn private_key_blocks(text: &str) -> Vec<Range<usize>> {
    let mut blocks = Vec::new();
    let mut from = 0;
    while let Some(at) = text[from..].find("BEGIN").map(|at| from + at) {
        let start = text[..at].trim_end_matches('-').len();
        // The label runs to the dashes that close the BEGIN line (or, if they were lost, to
        // those of the END line).
        let label_end = text[at..].find('-').map_or(text.len(), |end| at + end);
        if start < at && text[at..label_end].contains("PRIVATE KEY") {
            let end = pem_end(text, at);
            blocks.push(start..end);
            from = end.max(at + 1);
        } else {
            from = at + "BEGIN".len();
        }
    }
    blocks
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
/// key can stand) and JSON's punctuation stay readable; each value becomes three [`MASK`]s,
/// whatever its length. Also the position in the result of character `position` of `line`.
pub(crate) fn mask_values(line: &[char], position: usize) -> (Vec<char>, usize) {
    let mut out = Vec::with_capacity(line.len());
    let mut shown_position = None;
    let mut index = 0;
    let mut key_position = true;
    let copy = |out: &mut Vec<char>, range: Range<usize>, shown_position: &mut Option<usize>| {
        for at in range {
            if at == position {
                *shown_position = Some(out.len());
            }
            out.push(line[at]);
        }
    };
    while index < line.len() {
        let c = line[index];
        if c.is_whitespace() || matches!(c, '{' | ',' | '[' | ':' | '}' | ']') {
            if !c.is_whitespace() {
                key_position = matches!(c, '{' | ',');
            }
            copy(&mut out, index..index + 1, &mut shown_position);
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
        copy(&mut out, index..content.start, &mut shown_position);
        if is_key || content.is_empty() {
            copy(&mut out, content.clone(), &mut shown_position);
        } else {
            if content.contains(&position) {
                shown_position = Some(out.len());
            }
            out.extend([MASK; 3]);
        }
        copy(&mut out, content.end..next, &mut shown_position);
        key_position = false;
        index = next;
    }
    let shown_position = shown_position.unwrap_or(out.len());
    (out, shown_position)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(text: &str) -> Vec<(Field, &str)> {
        secret_values(text).into_iter().map(|value| (value.field, &text[value.span])).collect()
    }

    fn masked(line: &str) -> String {
        mask_values(&line.chars().collect::<Vec<_>>(), 0).0.into_iter().collect()
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
        // A value broken across lines runs on to its closing quote.
        assert_eq!(values("\"clientSecret\": \"abc\ndef\",\n\"url\": 1"), [(Field::ClientSecret, "abc\ndef")]);
        assert_eq!(values("privateKey: -----BEGIN KEY-----\nAB\n-----END KEY-----\nrest"), [(Field::Key, "-----BEGIN KEY-----\nAB\n-----END KEY-----")]);
    }

    #[test]
    fn finds_them_however_the_copy_went() {
        // A line break before the colon; a dash lost at the start of the BEGIN line; YAML.
        assert_eq!(values("{\"clientSecret\"\n: \"s3\"}"), [(Field::ClientSecret, "s3")]);
        assert_eq!(values("key: ----BEGIN PRIVATE KEY-----\nAB\n----END PRIVATE KEY----\nx"), [(Field::Key, "----BEGIN PRIVATE KEY-----\nAB\n----END PRIVATE KEY----")]);
        assert_eq!(values("a:\n  privateKey: |\n    -----BEGIN X-----\n    AB\n  url: x"), [(Field::Key, "|\n    -----BEGIN X-----\n    AB")]);
    }

    #[test]
    fn a_private_key_is_found_wherever_it_stands() {
        let text = "{\"certificate\": \"-----BEGIN CERTIFICATE-----\\nQUJD\\n-----END CERTIFICATE-----\\n-----BEGIN PRIVATE KEY-----\\nQUJD\\n-----END PRIVATE KEY-----\\n\"}";
        assert_eq!(values(text), [(Field::Key, "-----BEGIN PRIVATE KEY-----\\nQUJD\\n-----END PRIVATE KEY-----")]);
    }

    #[test]
    fn other_words_and_objects_are_left_alone() {
        assert!(values(r#"{"apikey": "x", "keys": "y", "clientId": "z"}"#).is_empty());
        assert!(values(r#"{"key": {"a": 1}, "secret" "x"}"#).is_empty());
        assert!(values("the key is below").is_empty());
    }

    #[test]
    fn excerpts_keep_keys_and_punctuation_and_mask_the_rest() {
        assert_eq!(masked(r#""clientSecret": "top-secret",}"#), r#""clientSecret": "•••",}"#, "not even the length shows");
        assert_eq!(masked("\u{201C}clientSecret\u{201D}: \u{201C}top\u{201D}"), "\u{201C}clientSecret\u{201D}: \u{201C}•••\u{201D}");
        assert_eq!(masked("'clientSecret': 'top'"), "'clientSecret': '•••'");
        assert_eq!(masked("clientSecret: top, url: x"), "clientSecret: •••, url: •••");
        // A value that a colon follows is still a value.
        assert_eq!(masked(r#""a": "b": 1"#), r#""a": "•••": •••"#);
        assert_eq!(masked("MIIEvQIBADANBgkqhkiG9w0BAQEFAASC"), "•••");
        let line: Vec<char> = r#""clientSecret": "top-secret", "url": 1"#.chars().collect();
        let (out, at) = mask_values(&line, line.iter().position(|c| *c == 'u').unwrap());
        assert_eq!(out[at], 'u', "the position follows the masking");
    }
}
