//! The JSON box as it is shown: while a secret field is hidden, its value appears as a
//! placeholder, and what the user edits around the placeholder maps back to the real text.

use std::ops::Range;

use credentials::{json_string, secret_values, Field};

use crate::i18n::t;

/// What the JSON box shows instead of a hidden value.
pub fn placeholder() -> &'static str {
    t("•••••• (hidden)")
}

/// Known secret values shorter than this are not looked for in the text: they would hide
/// ordinary words.
const MIN_KNOWN_SECRET: usize = 8;

/// Which secret fields are hidden: the client secret and the private key, each until shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hidden {
    pub client_secret: bool,
    pub key: bool,
}

impl Hidden {
    pub const ALL: Hidden = Hidden { client_secret: true, key: true };
    pub const NONE: Hidden = Hidden { client_secret: false, key: false };

    /// Shows `field` if it is hidden, hides it if it is shown.
    pub fn toggle(&mut self, field: Field) {
        match field {
            Field::ClientSecret => self.client_secret = !self.client_secret,
            Field::Key => self.key = !self.key,
            _ => {}
        }
    }

    pub fn hides(self, field: Field) -> bool {
        match field {
            Field::ClientSecret => self.client_secret,
            Field::Key => self.key,
            _ => false,
        }
    }
}

/// A text as shown, with the hidden values replaced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShownText {
    pub text: String,
    /// Each replaced value: its bytes in the real text and its placeholder's in the shown one.
    replaced: Vec<(Range<usize>, Range<usize>)>,
}

impl ShownText {
    /// The offset in the shown text of `offset` in the real one; inside a hidden value, the
    /// start of its placeholder.
    pub fn offset(&self, offset: usize) -> usize {
        let mut shift: isize = 0;
        for (real, shown) in &self.replaced {
            if offset < real.start {
                break;
            }
            if offset < real.end {
                return shown.start;
            }
            shift = shown.end as isize - real.end as isize;
        }
        offset.saturating_add_signed(shift)
    }

    /// The offset in the real text of `offset` in the shown one, which is not inside a
    /// placeholder.
    fn real_offset(&self, offset: usize) -> usize {
        let mut shift: isize = 0;
        for (real, shown) in &self.replaced {
            if offset <= shown.start {
                break;
            }
            shift = real.end as isize - shown.end as isize;
        }
        offset.saturating_add_signed(shift)
    }
}

/// A field's value as shown: while `hides`, all of it as one [`placeholder`] (nothing if it is
/// empty), so that neither the eye nor a screen reader gets it; else as it is.
pub fn hide_whole(real: &str, hides: bool) -> ShownText {
    if !hides || real.is_empty() {
        return ShownText { text: real.to_owned(), replaced: Vec::new() };
    }
    ShownText { text: placeholder().to_owned(), replaced: vec![(0..real.len(), 0..placeholder().len())] }
}

/// `real` as shown: the value of each hidden field replaced by [`placeholder`]. Values are
/// found by where they stand (after a secret key, or a private key's PEM block) and, so that a
/// renamed key or a misplaced value shows nothing either, by what they are: `known`, the
/// secret values the form holds.
pub fn hide(real: &str, hidden: Hidden, known: &[(Field, &str)]) -> ShownText {
    let mut spans: Vec<Range<usize>> =
        secret_values(real).into_iter().filter(|value| hidden.hides(value.field)).map(|value| value.span).collect();
    for (_, value) in known.iter().filter(|(field, value)| hidden.hides(*field) && value.len() >= MIN_KNOWN_SECRET) {
        let escaped = json_string(value);
        let escaped = &escaped[1..escaped.len() - 1];
        for needle in [*value, escaped] {
            spans.extend(real.match_indices(needle).map(|(at, _)| at..at + needle.len()));
        }
    }
    spans.sort_by_key(|span| span.start);
    let mut text = String::with_capacity(real.len());
    let mut replaced: Vec<(Range<usize>, Range<usize>)> = Vec::new();
    let mut copied = 0;
    for span in spans {
        match replaced.last_mut() {
            // Overlapping finds of one value: its placeholder covers them all.
            Some((last, _)) if span.start < last.end => {
                if span.end > last.end {
                    last.end = span.end;
                    copied = span.end;
                }
            }
            _ => {
                text.push_str(&real[copied..span.start]);
                let start = text.len();
                text.push_str(placeholder());
                replaced.push((span.clone(), start..text.len()));
                copied = span.end;
            }
        }
    }
    text.push_str(&real[copied..]);
    ShownText { text, replaced }
}

/// The real text after the user edited `previous` (what the box showed, over `previous_real`)
/// into `shown`. The edit applies to the real text as it is; where it reaches into a
/// placeholder, what the user entered there replaces that whole hidden value (a placeholder is
/// never taken for a value). An edit next to a placeholder leaves the value as it is.
pub fn reveal(previous: &ShownText, previous_real: &str, shown: &str) -> String {
    let old = previous.text.as_str();
    if shown == old {
        return previous_real.to_owned();
    }
    let prefix = old.floor_char_boundary(common_prefix(old.as_bytes(), shown.as_bytes()));
    let max_suffix = old.len().min(shown.len()) - prefix;
    let mut suffix = common_suffix(&old.as_bytes()[prefix..], &shown.as_bytes()[prefix..]).min(max_suffix);
    while !old.is_char_boundary(old.len() - suffix) || !shown.is_char_boundary(shown.len() - suffix) {
        suffix -= 1;
    }
    let (mut start, mut end) = (prefix, old.len() - suffix);
    let inserted = &shown[prefix..shown.len() - suffix];
    for (_, placeholder) in &previous.replaced {
        let reaches_in = if start == end {
            placeholder.start < start && start < placeholder.end
        } else {
            start < placeholder.end && placeholder.start < end
        };
        if reaches_in {
            start = start.min(placeholder.start);
            end = end.max(placeholder.end);
        }
    }
    let (real_start, real_end) = (previous.real_offset(start), previous.real_offset(end));
    // A placeholder that comes back whole (the text was copied out and pasted back, or edited
    // in two places at once) stands for the value it hid there.
    let mut hidden_values = previous
        .replaced
        .iter()
        .filter(|(_, placeholder)| start <= placeholder.start && placeholder.end <= end)
        .map(|(value, _)| &previous_real[value.clone()]);
    let mut real = String::with_capacity(previous_real.len() + inserted.len());
    real.push_str(&previous_real[..real_start]);
    let mut pieces = inserted.split(placeholder());
    real.push_str(pieces.next().unwrap_or_default());
    for piece in pieces {
        real.push_str(hidden_values.next().unwrap_or(placeholder()));
        real.push_str(piece);
    }
    real.push_str(&previous_real[real_end..]);
    real
}

fn common_prefix(a: &[u8], b: &[u8]) -> usize {
    a.iter().zip(b).take_while(|(x, y)| x == y).count()
}

fn common_suffix(a: &[u8], b: &[u8]) -> usize {
    a.iter().rev().zip(b.iter().rev()).take_while(|(x, y)| x == y).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    const REAL: &str = "{\n  \"clientId\": \"sb-x\",\n  \"clientSecret\": \"s3cr3t$A=\"\n}";

    fn shown(real: &str) -> ShownText {
        hide(real, Hidden::ALL, &[])
    }

    #[test]
    fn a_hidden_secret_shows_as_the_placeholder() {
        assert_eq!(shown(REAL).text, "{\n  \"clientId\": \"sb-x\",\n  \"clientSecret\": \"•••••• (hidden)\"\n}");
        assert_eq!(hide(REAL, Hidden::NONE, &[]).text, REAL, "shown, it is there in clear");
    }

    #[test]
    fn edits_around_the_placeholder_keep_the_real_value() {
        let before = shown(REAL);
        let edited = before.text.replace("sb-x", "sb-y").replace("\n}", ",\n  \"url\": \"https://a\"\n}");
        assert_eq!(
            reveal(&before, REAL, &edited),
            "{\n  \"clientId\": \"sb-y\",\n  \"clientSecret\": \"s3cr3t$A=\",\n  \"url\": \"https://a\"\n}"
        );
        // Renaming the key on the way keeps the value, and the value stays hidden.
        let renamed = reveal(&before, REAL, &before.text.replace("clientSecret", "clientSecre"));
        assert!(renamed.contains("\"clientSecre\": \"s3cr3t$A=\""), "{renamed}");
        assert!(!hide(&renamed, Hidden::ALL, &[(Field::ClientSecret, "s3cr3t$A=")]).text.contains("s3cr3t"));
    }

    #[test]
    fn typing_into_the_placeholder_replaces_the_hidden_value_and_never_keeps_the_placeholder() {
        let before = shown(REAL);
        let inside = before.text.replace("(hidden)", "(hid x den)");
        assert_eq!(reveal(&before, REAL, &inside), REAL.replace("s3cr3t$A=", " x "));
        let erased = before.text.replace("(hidden)", "(hidden");
        assert_eq!(reveal(&before, REAL, &erased), REAL.replace("s3cr3t$A=", ""));
        let pasted = before.text.replace(placeholder(), "new-secret");
        assert_eq!(reveal(&before, REAL, &pasted), REAL.replace("s3cr3t$A=", "new-secret"));
        // Next to the placeholder, an edit is one of the text around the value: typing at its end
        // goes on after the value, deleting the closing quote leaves the value.
        let appended = before.text.replace("(hidden)", "(hidden)x");
        assert_eq!(reveal(&before, REAL, &appended), REAL.replace("s3cr3t$A=", "s3cr3t$A=x"));
        let unquoted = before.text.replace("(hidden)\"", "(hidden)");
        assert_eq!(reveal(&before, REAL, &unquoted), REAL.replace("s3cr3t$A=\"", "s3cr3t$A="));
    }

    #[test]
    fn a_placeholder_pasted_back_whole_stands_for_its_value() {
        let before = shown(REAL);
        // All of it copied out, edited elsewhere, pasted back over all of it.
        let edited = before.text.replace("sb-x", "sb-z").replace("\n}", ", \"url\": \"https://b\"\n}");
        assert_eq!(reveal(&before, REAL, &edited), REAL.replace("sb-x", "sb-z").replace("\n}", ", \"url\": \"https://b\"\n}"));
    }

    #[test]
    fn two_values_of_one_field_each_keep_their_own() {
        let real = r#"{"secret": "first-value", "clientSecret": "second-value"}"#;
        let before = shown(real);
        let edited = before.text.replacen(placeholder(), "typed", 1);
        assert_eq!(reveal(&before, real, &edited), r#"{"secret": "typed", "clientSecret": "second-value"}"#);
    }

    #[test]
    fn the_private_key_is_hidden_on_its_own_toggle() {
        let real = r#"{"certificate": "-----BEGIN CERTIFICATE-----\nQUJD\n-----END CERTIFICATE-----", "key": "-----BEGIN PRIVATE KEY-----\nQUJD\n-----END PRIVATE KEY-----"}"#;
        let only_key = Hidden { client_secret: false, key: true };
        let before = hide(real, only_key, &[]);
        assert!(before.text.contains("\"key\": \"•••••• (hidden)\""), "{}", before.text);
        assert!(before.text.contains("BEGIN CERTIFICATE"), "the certificate is no secret");
        assert_eq!(reveal(&before, real, &before.text.replace("QUJD", "QUJE")), real.replacen("QUJD", "QUJE", 1));
    }

    #[test]
    fn a_known_secret_is_hidden_wherever_it_stands() {
        // In the wrong field, under a key spelled with an escape, written with escapes.
        let real = "{\"clientId\": \"s3cr3t-value\", \"client\\u0053ecret\": \"line\\nbreak-value\"}";
        let known = [(Field::ClientSecret, "s3cr3t-value"), (Field::Key, "line\nbreak-value")];
        let text = hide(real, Hidden::ALL, &known).text;
        assert!(!text.contains("s3cr3t") && !text.contains("break-value"), "{text}");
        assert!(hide(real, Hidden::NONE, &known).text.contains("s3cr3t"));
    }

    #[test]
    fn offsets_after_a_hidden_value_move_with_it() {
        let real = r#"{"clientSecret": "abc", "url": 1}"#;
        let shown = shown(real);
        let url = real.find("\"url\"").unwrap();
        assert_eq!(&shown.text[shown.offset(url)..shown.offset(url) + 5], "\"url\"");
        let inside = real.find("abc").unwrap() + 1;
        assert_eq!(shown.offset(inside), shown.text.find(placeholder()).unwrap());
        assert_eq!(shown.offset(3), 3, "before it, nothing moves");
        assert_eq!(shown.real_offset(shown.offset(url)), url);
    }
}
