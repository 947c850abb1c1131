//! The fields of API portal credentials, and the values found for them.

use std::fmt;

use crate::messages;

/// A field of the credentials, whatever its spelling in the pasted JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    Url,
    TokenUrl,
    CertUrl,
    ClientId,
    ClientSecret,
    Certificate,
    Key,
}

impl Field {
    pub const ALL: [Field; 7] =
        [Field::Url, Field::TokenUrl, Field::CertUrl, Field::ClientId, Field::ClientSecret, Field::Certificate, Field::Key];

    /// The field's name in diagnostics and in the hub's error details.
    pub const fn target(self) -> &'static str {
        match self {
            Field::Url => "url",
            Field::TokenUrl => "tokenUrl",
            Field::CertUrl => "certUrl",
            Field::ClientId => "clientId",
            Field::ClientSecret => "clientSecret",
            Field::Certificate => "certificate",
            Field::Key => "key",
        }
    }

    /// The field as people call it, for messages and labels (one of [`crate::texts`]).
    pub const fn label(self) -> &'static str {
        match self {
            Field::Url => messages::LABEL_URL,
            Field::TokenUrl => messages::LABEL_TOKEN_URL,
            Field::CertUrl => messages::LABEL_CERT_URL,
            Field::ClientId => messages::LABEL_CLIENT_ID,
            Field::ClientSecret => messages::LABEL_CLIENT_SECRET,
            Field::Certificate => messages::LABEL_CERTIFICATE,
            Field::Key => messages::LABEL_KEY,
        }
    }

    /// Whether the value must never be shown, logged or echoed.
    pub const fn is_secret(self) -> bool {
        matches!(self, Field::ClientSecret | Field::Key)
    }

    /// The field a JSON key names; keys match case-insensitively and `privateKey` means `key`.
    pub fn from_key(key: &str) -> Option<Field> {
        let known: [(&str, Field); 8] = [
            ("url", Field::Url),
            ("tokenurl", Field::TokenUrl),
            ("certurl", Field::CertUrl),
            ("clientid", Field::ClientId),
            ("clientsecret", Field::ClientSecret),
            ("certificate", Field::Certificate),
            ("key", Field::Key),
            ("privatekey", Field::Key),
        ];
        known.into_iter().find(|(name, _)| name.eq_ignore_ascii_case(key)).map(|(_, field)| field)
    }
}

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.target())
    }
}

/// The values of the fields, as typed or as found in pasted JSON (trimmed).
#[derive(Clone, Default, PartialEq, Eq)]
pub struct FieldValues {
    values: [Option<String>; 7],
}

impl FieldValues {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn get(&self, field: Field) -> Option<&str> {
        self.values[field as usize].as_deref()
    }

    pub fn set(&mut self, field: Field, value: impl Into<String>) {
        self.values[field as usize] = Some(value.into());
    }

    pub fn remove(&mut self, field: Field) -> Option<String> {
        self.values[field as usize].take()
    }

    pub fn with(mut self, field: Field, value: impl Into<String>) -> Self {
        self.set(field, value);
        self
    }

    pub fn has(&self, field: Field) -> bool {
        self.get(field).is_some()
    }

    /// The fields that have a value, in [`Field::ALL`] order.
    pub fn present(&self) -> impl Iterator<Item = (Field, &str)> + '_ {
        Field::ALL.into_iter().filter_map(|field| self.get(field).map(|value| (field, value)))
    }
}

/// Secrets are never printed, not even in debug output.
impl fmt::Debug for FieldValues {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut map = f.debug_map();
        for (field, value) in self.present() {
            if field.is_secret() {
                map.entry(&field.target(), &"<redacted>");
            } else {
                map.entry(&field.target(), &value);
            }
        }
        map.finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_names_match_case_insensitively_with_variants() {
        assert_eq!(Field::from_key("tokenUrl"), Some(Field::TokenUrl));
        assert_eq!(Field::from_key("tokenurl"), Some(Field::TokenUrl));
        assert_eq!(Field::from_key("TOKENURL"), Some(Field::TokenUrl));
        assert_eq!(Field::from_key("privateKey"), Some(Field::Key));
        assert_eq!(Field::from_key("clientid"), Some(Field::ClientId));
        assert_eq!(Field::from_key("token_url"), None);
    }

    #[test]
    fn debug_output_hides_secrets() {
        let values = FieldValues::new().with(Field::ClientId, "sb-id").with(Field::ClientSecret, "s3cr3t");
        let printed = format!("{values:?}");
        assert!(printed.contains("sb-id"));
        assert!(!printed.contains("s3cr3t"));
    }
}
