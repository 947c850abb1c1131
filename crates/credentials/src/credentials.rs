//! Usable credentials, normalised, and their JSON in the shape the API portal generates.

use std::fmt;

use crate::field::{Field, FieldValues};
use crate::pem::normalize_line_breaks;
use crate::CredentialKind;

/// Credentials that passed every rule, ready to send to the hub.
#[derive(Clone, PartialEq, Eq)]
pub enum Credentials {
    ClientSecret { url: String, token_url: String, client_id: String, client_secret: String },
    X509 { url: String, token_url: String, cert_url: String, certificate: String, key: String, client_id: Option<String> },
}

impl Credentials {
    /// Builds credentials of `kind` from checked values; `None` if a required one is missing.
    pub(crate) fn from_values(kind: CredentialKind, values: &FieldValues) -> Option<Self> {
        let get = |field| values.get(field).map(str::to_owned);
        Some(match kind {
            CredentialKind::ClientSecret => Credentials::ClientSecret {
                url: get(Field::Url)?,
                token_url: get(Field::TokenUrl)?,
                client_id: get(Field::ClientId)?,
                client_secret: get(Field::ClientSecret)?,
            },
            CredentialKind::X509 => Credentials::X509 {
                url: get(Field::Url)?,
                token_url: get(Field::TokenUrl)?,
                cert_url: get(Field::CertUrl)?,
                certificate: normalize_line_breaks(values.get(Field::Certificate)?).trim().to_owned(),
                key: normalize_line_breaks(values.get(Field::Key)?).trim().to_owned(),
                client_id: get(Field::ClientId),
            },
        })
    }

    pub fn kind(&self) -> CredentialKind {
        match self {
            Credentials::ClientSecret { .. } => CredentialKind::ClientSecret,
            Credentials::X509 { .. } => CredentialKind::X509,
        }
    }

    pub fn url(&self) -> &str {
        match self {
            Credentials::ClientSecret { url, .. } | Credentials::X509 { url, .. } => url,
        }
    }

    pub fn token_url(&self) -> &str {
        match self {
            Credentials::ClientSecret { token_url, .. } | Credentials::X509 { token_url, .. } => token_url,
        }
    }

    pub fn client_id(&self) -> Option<&str> {
        match self {
            Credentials::ClientSecret { client_id, .. } => Some(client_id),
            Credentials::X509 { client_id, .. } => client_id.as_deref(),
        }
    }

    pub fn cert_url(&self) -> Option<&str> {
        match self {
            Credentials::ClientSecret { .. } => None,
            Credentials::X509 { cert_url, .. } => Some(cert_url),
        }
    }

    /// The values, field by field.
    pub fn to_values(&self) -> FieldValues {
        let mut values = FieldValues::new().with(Field::Url, self.url()).with(Field::TokenUrl, self.token_url());
        match self {
            Credentials::ClientSecret { client_id, client_secret, .. } => {
                values.set(Field::ClientId, client_id.as_str());
                values.set(Field::ClientSecret, client_secret.as_str());
            }
            Credentials::X509 { cert_url, certificate, key, client_id, .. } => {
                values.set(Field::CertUrl, cert_url.as_str());
                values.set(Field::Certificate, certificate.as_str());
                values.set(Field::Key, key.as_str());
                if let Some(client_id) = client_id {
                    values.set(Field::ClientId, client_id.as_str());
                }
            }
        }
        values
    }

    /// The JSON body for the hub, in the shape the API portal generates.
    pub fn to_json(&self) -> String {
        to_json(&self.to_values(), self.kind())
    }
}

/// Writes whatever `values` holds as credentials JSON of `kind` (keys as the API portal spells
/// them: `tokenUrl` for client secrets, `tokenurl` and `certurl` for X.509), pretty-printed.
pub fn to_json(values: &FieldValues, kind: CredentialKind) -> String {
    let keys: &[(Field, &str)] = match kind {
        CredentialKind::ClientSecret => &[
            (Field::Url, "url"),
            (Field::TokenUrl, "tokenUrl"),
            (Field::ClientId, "clientId"),
            (Field::ClientSecret, "clientSecret"),
        ],
        CredentialKind::X509 => &[
            (Field::Url, "url"),
            (Field::TokenUrl, "tokenurl"),
            (Field::CertUrl, "certurl"),
            (Field::ClientId, "clientId"),
            (Field::Certificate, "certificate"),
            (Field::Key, "key"),
        ],
    };
    let members: Vec<String> = keys
        .iter()
        .filter_map(|(field, key)| values.get(*field).map(|value| format!("  \"{key}\": {}", json_string(value))))
        .collect();
    if members.is_empty() {
        "{}".to_owned()
    } else {
        format!("{{\n{}\n}}", members.join(",\n"))
    }
}

/// `value` as a JSON string literal.
pub fn json_string(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    out.push('"');
    for c in value.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if u32::from(c) < 0x20 => out.push_str(&format!("\\u{:04x}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Secrets are never printed, not even in debug output.
impl fmt::Debug for Credentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Credentials")
            .field("kind", &self.kind())
            .field("url", &self.url())
            .field("token_url", &self.token_url())
            .field("cert_url", &self.cert_url())
            .field("client_id", &self.client_id())
            .field("secret", &"<redacted>")
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_strings_escape_what_json_needs() {
        assert_eq!(json_string("a\"b\\c\nd\u{1}é"), "\"a\\\"b\\\\c\\nd\\u0001é\"");
    }

    #[test]
    fn writes_the_api_portal_shape() {
        let values = FieldValues::new()
            .with(Field::Url, "https://a")
            .with(Field::TokenUrl, "https://t/oauth/token")
            .with(Field::ClientId, "sb-x")
            .with(Field::ClientSecret, "s");
        assert_eq!(
            to_json(&values, CredentialKind::ClientSecret),
            "{\n  \"url\": \"https://a\",\n  \"tokenUrl\": \"https://t/oauth/token\",\n  \"clientId\": \"sb-x\",\n  \"clientSecret\": \"s\"\n}"
        );
        assert!(to_json(&values, CredentialKind::X509).contains("\"tokenurl\""));
        assert_eq!(to_json(&FieldValues::new(), CredentialKind::X509), "{}");
    }

    #[test]
    fn debug_output_hides_the_secret() {
        let credentials = Credentials::ClientSecret {
            url: "https://a".into(),
            token_url: "https://t".into(),
            client_id: "sb-x".into(),
            client_secret: "hunter2".into(),
        };
        assert!(!format!("{credentials:?}").contains("hunter2"));
    }
}
