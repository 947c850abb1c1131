//! The Edit Credentials form as plain data: the pasted JSON and the typed fields kept in step,
//! checked by the credentials engine on every change, and what saving would change.

use credentials::{analyze, to_json, Analysis, Code, Context, CredentialKind, Diagnostic, Field, FieldValues, Severity, Shape};

use crate::api::{ConnectionRequest, ErrorDetail};

/// Repairs the engine applies by itself; after one, the JSON box shows the repaired text.
const REPAIRS: [Code; 4] =
    [Code::ByteOrderMarkRemoved, Code::TypographicQuotesReplaced, Code::TextBeforeJsonIgnored, Code::TextAfterJsonIgnored];

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CredentialsForm {
    /// The "API Portal Access Credentials" box.
    pub json: String,
    /// The Client ID, Client Secret, URL... fields.
    pub values: FieldValues,
    pub kind: CredentialKind,
    /// The engine's verdict on the current input; `None` until the user enters something.
    pub analysis: Option<Analysis>,
    /// Notices of repairs applied to the last paste.
    pub repairs: Vec<String>,
    context: Context,
}

impl CredentialsForm {
    /// An empty form for a request whose API portal is `registered_url`.
    pub fn new(kind: CredentialKind, registered_url: &str) -> Self {
        Self {
            json: String::new(),
            values: FieldValues::new(),
            kind,
            analysis: None,
            repairs: Vec::new(),
            context: Context { registered_api_portal_url: Some(registered_url.to_owned()) },
        }
    }

    /// The user pasted or typed in the JSON box: the fields follow whenever the JSON can be read.
    pub fn set_json(&mut self, text: String) {
        if text == self.json {
            // Nothing new (the box reports the text the form itself put there).
            return;
        }
        let analysis = analyze(&text, &self.context);
        self.json = text;
        self.repairs.clear();
        if let Some(kind) = analysis.shape.kind() {
            self.kind = kind;
        }
        let readable = !matches!(analysis.shape, Shape::InvalidJson | Shape::NotJson | Shape::TooLarge);
        if readable {
            self.values = analysis.values.clone();
        }
        let repaired: Vec<String> = analysis
            .diagnostics
            .iter()
            .filter(|diagnostic| REPAIRS.contains(&diagnostic.code))
            .map(|diagnostic| diagnostic.message.clone())
            .collect();
        if readable && !repaired.is_empty() {
            // Show what will be sent: the repaired JSON, with a notice of each repair.
            self.json = to_json(&self.values, self.kind);
            self.analysis = Some(analyze(&self.json, &self.context));
            self.repairs = repaired;
        } else {
            self.analysis = (!self.json.trim().is_empty()).then_some(analysis);
        }
    }

    /// The user typed in a field: the JSON box is rewritten from the fields.
    pub fn set_field(&mut self, field: Field, value: String) {
        if value.is_empty() {
            self.values.remove(field);
        } else {
            self.values.set(field, value);
        }
        self.repairs.clear();
        self.json = if self.values.present().next().is_some() { to_json(&self.values, self.kind) } else { String::new() };
        self.analysis = (!self.json.is_empty()).then(|| analyze(&self.json, &self.context));
    }

    /// The value shown in a field.
    pub fn value(&self, field: Field) -> String {
        self.values.get(field).unwrap_or_default().to_owned()
    }

    /// Whether anything was entered (closing then asks first).
    pub fn is_dirty(&self) -> bool {
        !self.json.trim().is_empty() || self.values.present().next().is_some()
    }

    /// The body to send, when nothing blocks saving.
    pub fn body(&self) -> Option<String> {
        let body = self.analysis.as_ref()?.credentials.as_ref()?.to_json();
        (body.len() <= credentials::MAX_INPUT_BYTES).then_some(body)
    }

    /// Whether the credentials are usable but, written out, larger than the hub accepts.
    pub fn too_large_to_send(&self) -> bool {
        let usable = self.analysis.as_ref().and_then(|analysis| analysis.credentials.as_ref());
        usable.is_some() && self.body().is_none()
    }

    /// The findings about `field`.
    pub fn diagnostics_for(&self, field: Field) -> Vec<Diagnostic> {
        self.analysis.iter().flat_map(|analysis| analysis.for_field(field).cloned()).collect()
    }

    /// The findings about the input as a whole (JSON syntax, shape...).
    pub fn input_diagnostics(&self) -> Vec<Diagnostic> {
        self.analysis
            .iter()
            .flat_map(|analysis| analysis.diagnostics.iter().filter(|d| d.field.is_none() && !REPAIRS.contains(&d.code)).cloned())
            .collect()
    }

    pub fn count(&self, severity: Severity) -> usize {
        self.analysis.as_ref().map_or(0, |analysis| analysis.count(severity))
    }

    /// What saving would change, line by line, compared with `current`. Never shows a secret.
    pub fn changes(&self, current: &ConnectionRequest) -> Vec<String> {
        let Some(credentials) = self.analysis.as_ref().and_then(|analysis| analysis.credentials.as_ref()) else {
            return Vec::new();
        };
        let mut changes = Vec::new();
        if credentials.kind().as_str() != current.credentials.kind {
            changes.push(format!("Type: {} instead of {}", credentials.kind().label(), current.credentials.kind));
        }
        let compare = |label: &str, new: Option<&str>, old: Option<&str>, changes: &mut Vec<String>| {
            if new != old {
                changes.push(format!("{label}: {} (was {})", new.unwrap_or("none"), old.unwrap_or("none")));
            }
        };
        compare("Client ID", credentials.client_id(), current.credentials.client_id.as_deref(), &mut changes);
        compare("URL", Some(credentials.url()), Some(current.credentials.url.as_str()), &mut changes);
        compare("Token URL", Some(credentials.token_url()), Some(current.credentials.token_url.as_str()), &mut changes);
        changes.push(match credentials.kind() {
            CredentialKind::ClientSecret => "Client secret: replaced".to_owned(),
            CredentialKind::X509 => "Certificate and private key: replaced".to_owned(),
        });
        changes
    }
}

/// The hub's error details of a refused save that concern `field` (targets such as `tokenUrl`,
/// or `credentials.tokenUrl` when they come from a submission).
pub fn server_messages_for(field: Field, details: &[ErrorDetail]) -> Vec<String> {
    details
        .iter()
        .filter(|detail| detail.target.strip_prefix("credentials.").unwrap_or(&detail.target) == field.target())
        .map(|detail| detail.message.clone())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::test_support::request;
    use crate::api::Status;

    const PORTAL: &str = "https://eu10apiportal.cfapps.eu10.hana.ondemand.com";
    const SECRET: &str = "0f3a9c1e-5b7d-4c2a-9e8f-1a2b3c4d5e6f$Zx9_Ab-Cd=";

    fn pasted() -> String {
        format!(
            r#"{{"url": "{PORTAL}", "tokenUrl": "https://acme.authentication.eu10.hana.ondemand.com/oauth/token", "clientId": "sb-apiaccess1700000000001!b6077|api-portal-xsuaa!b2160", "clientSecret": "{SECRET}"}}"#
        )
    }

    #[test]
    fn pasting_json_fills_the_fields_and_allows_saving() {
        let mut form = CredentialsForm::new(CredentialKind::ClientSecret, PORTAL);
        assert!(!form.is_dirty() && form.body().is_none());
        form.set_json(pasted());
        assert_eq!(form.value(Field::ClientId), "sb-apiaccess1700000000001!b6077|api-portal-xsuaa!b2160");
        assert_eq!(form.value(Field::ClientSecret), SECRET);
        assert!(form.body().is_some());
        assert!(form.is_dirty());
    }

    #[test]
    fn editing_a_field_rewrites_the_json_so_the_two_agree() {
        let mut form = CredentialsForm::new(CredentialKind::ClientSecret, PORTAL);
        form.set_json(pasted());
        form.set_field(Field::ClientId, "sb-apiaccess1700000000002!b6077|api-portal-xsuaa!b2160".into());
        assert!(form.json.contains("sb-apiaccess1700000000002"));
        let mut again = CredentialsForm::new(CredentialKind::ClientSecret, PORTAL);
        again.set_json(form.json.clone());
        assert_eq!(again.values, form.values, "the JSON says what the fields say");
    }

    #[test]
    fn typing_the_fields_alone_builds_the_json() {
        let mut form = CredentialsForm::new(CredentialKind::ClientSecret, PORTAL);
        form.set_field(Field::ClientId, "sb-x!b1|y!b2".into());
        assert!(form.json.contains("\"clientId\": \"sb-x!b1|y!b2\""));
        assert!(form.body().is_none(), "the secret and URLs are still missing");
        assert!(form.diagnostics_for(Field::ClientSecret).iter().any(|d| d.code == Code::FieldMissing));
        form.set_field(Field::ClientId, String::new());
        assert!(!form.is_dirty());
    }

    #[test]
    fn safe_repairs_are_applied_with_a_notice() {
        let mut form = CredentialsForm::new(CredentialKind::ClientSecret, PORTAL);
        form.set_json(format!("Sample credentials:\n{}", pasted().replace('"', "\u{201C}")));
        assert!(!form.json.contains('\u{201C}') && form.json.starts_with('{'), "{}", form.json);
        assert_eq!(form.repairs.len(), 2, "{:?}", form.repairs);
        assert!(form.body().is_some());
        let shown = form.json.clone();
        form.set_json(shown);
        assert_eq!(form.repairs.len(), 2, "the box echoing the repaired text keeps the notice");
    }

    #[test]
    fn a_syntax_error_keeps_the_text_and_the_fields() {
        let mut form = CredentialsForm::new(CredentialKind::ClientSecret, PORTAL);
        form.set_json(pasted());
        let broken = pasted().replace(", \"clientSecret\"", " \"clientSecret\"");
        form.set_json(broken.clone());
        assert_eq!(form.json, broken);
        assert_eq!(form.value(Field::ClientSecret), SECRET, "the fields keep the last readable values");
        let errors = form.input_diagnostics();
        assert_eq!(errors[0].code, Code::JsonSyntax);
        assert!(form.body().is_none());
    }

    #[test]
    fn the_hubs_field_errors_go_to_their_field() {
        let details = vec![
            ErrorDetail { code: "TOKEN_URL_NOT_HTTPS".into(), target: "tokenUrl".into(), message: "The token URL must use https.".into() },
            ErrorDetail { code: "FIELD_MISSING".into(), target: "credentials.clientSecret".into(), message: "Missing.".into() },
            ErrorDetail { code: "INPUT_EMPTY".into(), target: "credentials".into(), message: "Empty.".into() },
        ];
        assert_eq!(server_messages_for(Field::TokenUrl, &details), ["The token URL must use https."]);
        assert_eq!(server_messages_for(Field::ClientSecret, &details), ["Missing."]);
        assert!(server_messages_for(Field::Url, &details).is_empty());
    }

    #[test]
    fn credentials_that_would_exceed_the_hubs_limit_are_not_sent() {
        let mut form = CredentialsForm::new(CredentialKind::ClientSecret, PORTAL);
        // Compact JSON just under 64 KiB grows past it when written out with indentation.
        let padding = credentials::MAX_INPUT_BYTES - pasted().len() - 2;
        let long_secret = format!("{SECRET}{}", "A".repeat(padding));
        form.set_json(pasted().replace(SECRET, &long_secret));
        assert!(form.analysis.as_ref().unwrap().credentials.is_some(), "{:?}", form.analysis.as_ref().unwrap().diagnostics);
        assert!(form.too_large_to_send());
        assert!(form.body().is_none());
    }

    #[test]
    fn the_summary_says_what_will_change_without_the_secret() {
        let mut form = CredentialsForm::new(CredentialKind::ClientSecret, PORTAL);
        form.set_json(pasted());
        let changes = form.changes(&request("alice", Status::Submitted));
        assert!(changes.iter().any(|line| line.starts_with("Client ID: sb-apiaccess1700000000001")), "{changes:?}");
        assert!(changes.contains(&"Client secret: replaced".to_owned()));
        assert!(changes.iter().all(|line| !line.contains(SECRET)));
    }
}
