//! The JSON box as it is shown: while a secret field is hidden, its value appears as a
//! placeholder, and what the user edits around the placeholder maps back to the real value.

use std::ops::Range;

use credentials::{secret_values, Field};

/// What the JSON box shows instead of a hidden value.
pub const PLACEHOLDER: &str = "•••••• (hidden)";

/// Which secret fields are hidden: the client secret and the private key, each until shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hidden {
    pub client_secret: bool,
    pub key: bool,
}

impl Hidden {
    pub const ALL: Hidden = Hidden { client_secret: true, key: true };
    pub const NONE: Hidden = Hidden { client_secret: false, key: false };

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
    /// Each replaced value: its bytes in the real text and in the shown one, in order.
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
}

/// `real` as shown: the value of each hidden field replaced by [`PLACEHOLDER`].
pub fn hide(real: &str, hidden: Hidden) -> ShownText {
    let mut text = String::with_capacity(real.len());
    let mut replaced = Vec::new();
    let mut copied = 0;
    for value in secret_values(real).into_iter().filter(|value| hidden.hides(value.field)) {
        text.push_str(&real[copied..value.span.start]);
        let start = text.len();
        text.push_str(PLACEHOLDER);
        replaced.push((value.span.clone(), start..text.len()));
        copied = value.span.end;
    }
    text.push_str(&real[copied..]);
    ShownText { text, replaced }
}

/// The real text behind `shown`, the box's text as the user left it: each placeholder in the
/// value of a hidden field stands for that field's next hidden value in `previous_real`, the
/// real text behind what the box showed before.
pub fn reveal(shown: &str, previous_real: &str, hidden: Hidden) -> String {
    let mut before: Vec<(Field, &str)> = secret_values(previous_real)
        .into_iter()
        .filter(|value| hidden.hides(value.field))
        .map(|value| (value.field, &previous_real[value.span]))
        .collect();
    let mut real = String::with_capacity(shown.len());
    let mut copied = 0;
    for value in secret_values(shown) {
        if !hidden.hides(value.field) || &shown[value.span.clone()] != PLACEHOLDER {
            continue;
        }
        let Some(index) = before.iter().position(|(field, _)| *field == value.field) else { continue };
        let (_, hidden_value) = before.remove(index);
        real.push_str(&shown[copied..value.span.start]);
        real.push_str(hidden_value);
        copied = value.span.end;
    }
    real.push_str(&shown[copied..]);
    real
}

#[cfg(test)]
mod tests {
    use super::*;

    const REAL: &str = "{\n  \"clientId\": \"sb-x\",\n  \"clientSecret\": \"s3cr3t$A=\"\n}";

    #[test]
    fn a_hidden_secret_shows_as_the_placeholder() {
        let shown = hide(REAL, Hidden::ALL);
        assert_eq!(shown.text, "{\n  \"clientId\": \"sb-x\",\n  \"clientSecret\": \"•••••• (hidden)\"\n}");
        assert_eq!(hide(REAL, Hidden::NONE).text, REAL, "shown, it is there in clear");
    }

    #[test]
    fn edits_around_the_placeholder_keep_the_real_value() {
        let shown = hide(REAL, Hidden::ALL).text.replace("sb-x", "sb-y").replace("\n}", ",\n  \"url\": \"https://a\"\n}");
        assert_eq!(
            reveal(&shown, REAL, Hidden::ALL),
            "{\n  \"clientId\": \"sb-y\",\n  \"clientSecret\": \"s3cr3t$A=\",\n  \"url\": \"https://a\"\n}"
        );
    }

    #[test]
    fn a_new_value_typed_over_the_placeholder_replaces_it() {
        let shown = hide(REAL, Hidden::ALL).text.replace(PLACEHOLDER, "other");
        assert_eq!(reveal(&shown, REAL, Hidden::ALL), REAL.replace("s3cr3t$A=", "other"));
    }

    #[test]
    fn the_private_key_is_hidden_on_its_own_toggle() {
        let real = r#"{"certificate": "-----BEGIN CERTIFICATE-----\nQUJD\n-----END CERTIFICATE-----", "key": "-----BEGIN PRIVATE KEY-----\nQUJD\n-----END PRIVATE KEY-----"}"#;
        let only_key = Hidden { client_secret: false, key: true };
        let shown = hide(real, only_key);
        assert!(shown.text.contains("\"key\": \"•••••• (hidden)\""), "{}", shown.text);
        assert!(shown.text.contains("BEGIN CERTIFICATE"), "the certificate is no secret");
        assert_eq!(reveal(&shown.text, real, only_key), real);
    }

    #[test]
    fn offsets_after_a_hidden_value_move_with_it() {
        let real = r#"{"clientSecret": "abc", "url": 1}"#;
        let shown = hide(real, Hidden::ALL);
        let url = real.find("\"url\"").unwrap();
        assert_eq!(&shown.text[shown.offset(url)..shown.offset(url) + 5], "\"url\"");
        let inside = real.find("abc").unwrap() + 1;
        assert_eq!(shown.offset(inside), shown.text.find(PLACEHOLDER).unwrap());
        assert_eq!(shown.offset(3), 3, "before it, nothing moves");
    }
}
