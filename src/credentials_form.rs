//! The Edit Credentials form as plain data. It starts from the request's current non-secret
//! values, so that typing the Client ID and Client Secret alone makes a complete set; the
//! pasted JSON and the typed fields are kept in step and checked by the credentials engine on
//! every change; findings are shown at once after a paste, and for a typed field once it is
//! left or Save is pressed.

use credentials::{analyze, to_json, Analysis, Code, Context, CredentialKind, Diagnostic, Field, FieldValues, Severity};

use crate::api::{ConnectionRequest, ErrorDetail};
use crate::hidden_secrets::{self, Hidden, ShownText};
use crate::i18n::{t, tf, translate};

/// Repairs the engine applies by itself; after one, the JSON box shows the repaired text.
const REPAIRS: [Code; 4] =
    [Code::ByteOrderMarkRemoved, Code::TypographicQuotesReplaced, Code::TextBeforeJsonIgnored, Code::TextAfterJsonIgnored];

/// The fields whose current values the form starts from: none of them secret.
const KEPT_FIELDS: [Field; 3] = [Field::Url, Field::TokenUrl, Field::CertUrl];

/// A field as the dialog labels it.
pub fn label(field: Field) -> &'static str {
    match field {
        Field::Url => t("URL"),
        Field::TokenUrl => t("Token URL"),
        Field::CertUrl => t("Cert URL"),
        Field::ClientId => t("Client ID"),
        Field::ClientSecret => t("Client Secret"),
        Field::Certificate => t("Certificate"),
        Field::Key => t("Private key"),
    }
}

/// The request's credentials as they are: their kind and non-secret values.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Current {
    kind: CredentialKind,
    values: FieldValues,
}

impl Current {
    fn of(request: &ConnectionRequest) -> Self {
        let credentials = &request.credentials;
        let mut values = FieldValues::new().with(Field::Url, credentials.url.as_str()).with(Field::TokenUrl, credentials.token_url.as_str());
        for (field, value) in [(Field::CertUrl, &credentials.cert_url), (Field::ClientId, &credentials.client_id)] {
            if let Some(value) = value {
                values.set(field, value.as_str());
            }
        }
        Self { kind: credentials.kind, values }
    }

    /// The values a form starts from: the current ones that are kept unless replaced.
    fn kept(&self, kind: CredentialKind) -> impl Iterator<Item = (Field, &str)> {
        KEPT_FIELDS
            .into_iter()
            .filter(move |field| kind == CredentialKind::X509 || *field != Field::CertUrl)
            .filter_map(|field| self.values.get(field).map(|value| (field, value)))
    }
}

/// A set of fields, by [`Field`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct FieldSet([bool; 7]);

impl FieldSet {
    const ALL: FieldSet = FieldSet([true; 7]);

    fn contains(self, field: Field) -> bool {
        self.0[field as usize]
    }

    fn insert(&mut self, field: Field) {
        self.0[field as usize] = true;
    }

    fn is_empty(self) -> bool {
        !self.0.contains(&true)
    }
}

/// A message about the JSON box as shown to the user.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JsonMessage {
    pub severity: Severity,
    /// The message, preceded by "Line 3, column 5: " where it points into the box's text.
    pub text: String,
    /// The line around the problem, every value masked.
    pub excerpt: Option<String>,
}

/// What saving would change, compared with the request's current credentials.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChangeSummary {
    /// Like "Client ID and Client Secret will change; URL and Token URL stay."
    pub sentence: String,
    /// Each non-secret value that changes: label, new value, old value.
    pub changes: Vec<(&'static str, String, Option<String>)>,
}

#[derive(Clone, PartialEq, Eq)]
pub struct CredentialsForm {
    /// The JSON box's text, secrets in clear: the box shows it through [`Self::shown_json`].
    json: String,
    /// The box's own text, not credentials, that typing in a field replaced: the user can put
    /// it back until the box is emptied (which starts over).
    replaced_box_text: Option<String>,
    /// The Client ID, Client Secret, URL... fields.
    pub values: FieldValues,
    pub kind: CredentialKind,
    current: Current,
    /// The fields the user replaced (typed, or pasted); the others keep the current value.
    changed: FieldSet,
    /// The fields whose findings are shown.
    revealed: FieldSet,
    /// The engine's verdict on the values.
    analysis: Analysis,
    /// Notices of what the form did to the last paste (repairs, values kept).
    pub notices: Vec<String>,
    context: Context,
}

/// The box's texts may hold secrets: never printed, not even in debug output (the fields'
/// values print theirs redacted).
impl std::fmt::Debug for CredentialsForm {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let size = |text: &str| format!("<{} bytes>", text.len());
        f.debug_struct("CredentialsForm")
            .field("json", &size(&self.json))
            .field("replaced_box_text", &self.replaced_box_text.as_deref().map(size))
            .field("values", &self.values)
            .field("kind", &self.kind)
            .field("changed", &self.changed)
            .field("revealed", &self.revealed)
            .field("notices", &self.notices)
            .finish_non_exhaustive()
    }
}

impl CredentialsForm {
    /// The form for `request`: its URLs filled in, everything else empty.
    pub fn new(request: &ConnectionRequest) -> Self {
        let context = Context { registered_api_portal_url: Some(request.api_portal_url.clone()) };
        Self::starting_from(Current::of(request), context)
    }

    /// The form for a new request: nothing filled in; client secret credentials until a paste
    /// says otherwise.
    pub fn empty() -> Self {
        Self::starting_from(Current { kind: CredentialKind::ClientSecret, values: FieldValues::new() }, Context::default())
    }

    fn starting_from(current: Current, context: Context) -> Self {
        let mut form = Self {
            json: String::new(),
            replaced_box_text: None,
            values: FieldValues::new(),
            kind: current.kind,
            current,
            changed: FieldSet::default(),
            revealed: FieldSet::default(),
            analysis: analyze("", &context),
            notices: Vec::new(),
            context,
        };
        form.start_over();
        form
    }

    /// Back to the request's current values, nothing entered.
    fn start_over(&mut self) {
        self.kind = self.current.kind;
        self.values = FieldValues::new();
        for (field, value) in self.current.kept(self.kind) {
            self.values.set(field, value);
        }
        self.json.clear();
        self.replaced_box_text = None;
        self.changed = FieldSet::default();
        self.revealed = FieldSet::default();
        self.notices.clear();
        self.check();
    }

    fn check(&mut self) {
        let json = if self.json.is_empty() { to_json(&self.values, self.kind) } else { self.json.clone() };
        self.analysis = analyze(&json, &self.context);
    }

    /// The user pasted or typed in the JSON box (its real text, secrets in clear). Pasted
    /// credentials replace every field; fields they lack keep the request's current value.
    pub fn set_json(&mut self, text: String) {
        if text == self.json {
            // Nothing new (the box reports the text the form itself put there).
            return;
        }
        if text.trim().is_empty() {
            self.start_over();
            return;
        }
        let analysis = analyze(&text, &self.context);
        self.json = text;
        self.revealed = FieldSet::ALL;
        self.notices.clear();
        let Some(kind) = analysis.shape.kind() else {
            // Not credentials (yet): the fields keep the last values that were.
            self.analysis = analysis;
            return;
        };
        self.notices = analysis.diagnostics.iter().filter(|d| REPAIRS.contains(&d.code)).map(|d| d.translated_message(translate)).collect();
        self.kind = kind;
        self.values = analysis.values.clone();
        // What the paste replaces: a secret always, another value where it differs.
        self.changed = FieldSet::default();
        for (field, value) in self.values.present() {
            if field.is_secret() || self.current.values.get(field) != Some(value) {
                self.changed.insert(field);
            }
        }
        let kept: Vec<Field> = self
            .current
            .kept(kind)
            .filter(|(field, _)| !self.values.has(*field))
            .map(|(field, _)| field)
            .collect();
        for &field in &kept {
            let value = self.current.values.get(field).unwrap_or_default().to_owned();
            self.values.set(field, value);
        }
        if !kept.is_empty() {
            let fields = sentence_list(kept.iter().map(|field| label(*field)));
            self.notices.push(tf("{fields} kept from the current credentials.", &[("fields", &fields)]));
        }
        if self.notices.is_empty() {
            self.analysis = analysis;
        } else {
            // Show what will be sent: the repaired, completed JSON.
            self.json = to_json(&self.values, self.kind);
            self.check();
        }
    }

    /// The user edited the JSON box as shown, `hidden` secrets showing as placeholders.
    pub fn set_shown_json(&mut self, shown: &str, hidden: Hidden) {
        let real = hidden_secrets::reveal(&self.shown_json(hidden), &self.json, shown);
        self.set_json(real);
    }

    /// A field's value as its input shows it: while `hides`, only a placeholder.
    pub fn shown_value(&self, field: Field, hides: bool) -> ShownText {
        hidden_secrets::hide_whole(self.values.get(field).unwrap_or_default(), hides)
    }

    /// The user edited a field's input that showed its value as `hides` said into `shown`:
    /// edits next to a hidden value keep it, an edit into its placeholder replaces all of it.
    pub fn set_shown_value(&mut self, field: Field, shown: &str, hides: bool) {
        let real = hidden_secrets::reveal(&self.shown_value(field, hides), &self.value(field), shown);
        self.set_field(field, real);
    }

    /// The JSON box's text as shown while `hidden` secrets are hidden.
    pub fn shown_json(&self, hidden: Hidden) -> ShownText {
        let known: Vec<(Field, &str)> =
            [Field::ClientSecret, Field::Key].into_iter().filter_map(|field| self.values.get(field).map(|value| (field, value))).collect();
        hidden_secrets::hide(&self.json, hidden, &known)
    }

    /// Whether the box holds text of the user's that is not credentials, which the fields
    /// cannot show (not the form's own JSON of fields, which is none when they are empty).
    fn box_holds_other_text(&self) -> bool {
        !self.json.is_empty() && self.analysis.shape.kind().is_none() && self.json != to_json(&self.values, self.kind)
    }

    /// The user typed in a field: the JSON box is rewritten from the fields. Text of the box's
    /// own that was not credentials is set aside, for [`Self::put_back_box_text`].
    pub fn set_field(&mut self, field: Field, value: String) {
        if self.box_holds_other_text() {
            self.replaced_box_text = Some(std::mem::take(&mut self.json));
        }
        if value.is_empty() {
            self.values.remove(field);
        } else {
            self.values.set(field, value);
        }
        self.changed.insert(field);
        self.notices.clear();
        self.json = to_json(&self.values, self.kind);
        self.check();
    }

    /// Whether typing in a field replaced text of the box's that can be put back.
    pub fn has_replaced_box_text(&self) -> bool {
        self.replaced_box_text.is_some()
    }

    /// The box shows again the text that typing in a field replaced, checked as when it was
    /// typed; the fields keep their values. Text of the user's that the box holds now and the
    /// fields cannot show is set aside in its place.
    pub fn put_back_box_text(&mut self) {
        let Some(text) = self.replaced_box_text.take() else { return };
        let current = self.box_holds_other_text().then(|| self.json.clone());
        self.set_json(text);
        self.replaced_box_text = current;
    }

    /// The user left a field: its findings are shown from now on.
    pub fn leave_field(&mut self, field: Field) {
        self.revealed.insert(field);
    }

    /// Save was pressed: every finding is shown; the body to send, if nothing blocks it.
    pub fn attempt_save(&mut self) -> Option<String> {
        self.revealed = FieldSet::ALL;
        self.body()
    }

    /// The request changed meanwhile (someone else saved): the fields the user did not touch
    /// follow it. Text in the box that is not credentials stays as it is.
    pub fn rebase(&mut self, latest: &ConnectionRequest) {
        self.current = Current::of(latest);
        if !self.is_dirty() {
            let revealed = self.revealed;
            self.start_over();
            self.revealed = revealed;
            return;
        }
        let follow: Vec<(Field, String)> =
            self.current.kept(self.kind).filter(|(field, _)| !self.changed.contains(*field)).map(|(f, v)| (f, v.to_owned())).collect();
        for (field, value) in follow {
            self.values.set(field, value);
        }
        if !self.box_holds_other_text() {
            self.json = to_json(&self.values, self.kind);
            self.check();
        }
    }

    /// The value shown in a field.
    pub fn value(&self, field: Field) -> String {
        self.values.get(field).unwrap_or_default().to_owned()
    }

    /// Whether the user entered anything (closing then asks first).
    pub fn is_dirty(&self) -> bool {
        !self.changed.is_empty() || !self.json.is_empty()
    }

    /// The body to send, when nothing blocks saving.
    pub fn body(&self) -> Option<String> {
        let body = self.analysis.credentials.as_ref()?.to_json();
        (body.len() <= credentials::MAX_INPUT_BYTES).then_some(body)
    }

    /// Whether the credentials are usable but, written out, larger than the hub accepts.
    pub fn too_large_to_send(&self) -> bool {
        self.analysis.credentials.is_some() && self.body().is_none()
    }

    /// The findings shown for `field`.
    pub fn diagnostics_for(&self, field: Field) -> Vec<Diagnostic> {
        if !self.revealed.contains(field) {
            return Vec::new();
        }
        self.analysis.for_field(field).cloned().collect()
    }

    /// The findings about the JSON box's text as a whole (syntax, shape...), located in the
    /// text as `shown` (from [`Self::shown_json`]).
    pub fn json_messages(&self, shown: &ShownText) -> Vec<JsonMessage> {
        if self.json.is_empty() {
            return Vec::new();
        }
        self.whole_input_findings()
            .map(|diagnostic| {
                let text = match &diagnostic.location {
                    Some(location) => {
                        let at = shown.offset(location.span.start);
                        diagnostic.translated_message_at(&credentials::location_in(&shown.text, at..at), translate)
                    }
                    None => diagnostic.translated_message(translate),
                };
                JsonMessage { severity: diagnostic.severity, text, excerpt: diagnostic.excerpt.clone() }
            })
            .collect()
    }

    fn whole_input_findings(&self) -> impl Iterator<Item = &Diagnostic> {
        self.analysis.diagnostics.iter().filter(|d| d.field.is_none() && !REPAIRS.contains(&d.code))
    }

    /// The findings shown anywhere in the form.
    fn shown_findings(&self) -> impl Iterator<Item = &Diagnostic> {
        let whole = self.whole_input_findings().filter(|_| !self.json.is_empty());
        whole.chain(self.analysis.diagnostics.iter().filter(|d| d.field.is_some_and(|field| self.revealed.contains(field))))
    }

    /// How many findings of `severity` are shown.
    pub fn count(&self, severity: Severity) -> usize {
        self.shown_findings().filter(|diagnostic| diagnostic.severity == severity).count()
    }

    /// Whether a finding shown says the user has no real credentials in hand; then where to
    /// get them is worth saying (once).
    pub fn calls_for_new_credentials(&self) -> bool {
        self.shown_findings().any(|diagnostic| diagnostic.is_error() && diagnostic.code.calls_for_new_credentials())
    }

    /// The first field whose findings block saving, in the order the dialog shows them.
    pub fn first_field_in_error(&self) -> Option<Field> {
        const ORDER: [Field; 7] =
            [Field::ClientId, Field::ClientSecret, Field::Url, Field::TokenUrl, Field::CertUrl, Field::Certificate, Field::Key];
        ORDER.into_iter().find(|field| self.analysis.for_field(*field).any(Diagnostic::is_error))
    }

    /// Whether the JSON box's text itself has an error (syntax, not credentials...).
    pub fn json_has_errors(&self) -> bool {
        !self.json.is_empty() && self.whole_input_findings().any(Diagnostic::is_error)
    }

    /// What saving would change, compared with the request's current credentials; `None`
    /// while nothing can be saved. Never shows a secret.
    pub fn summary(&self) -> Option<ChangeSummary> {
        let credentials = self.analysis.credentials.as_ref()?;
        let new = credentials.to_values();
        let kind = credentials.kind();
        let (secret_fields, compared): (&[Field], &[Field]) = match kind {
            CredentialKind::ClientSecret => (&[Field::ClientSecret], &[Field::ClientId, Field::Url, Field::TokenUrl]),
            CredentialKind::X509 => (&[Field::Certificate, Field::Key], &[Field::ClientId, Field::Url, Field::TokenUrl, Field::CertUrl]),
        };
        let mut changing: Vec<&'static str> = Vec::new();
        let mut staying: Vec<&'static str> = Vec::new();
        let mut changes = Vec::new();
        for &field in compared {
            let (now, before) = (new.get(field), self.current.values.get(field));
            if now.is_none() && before.is_none() {
                continue;
            }
            if now == before {
                staying.push(label(field));
            } else {
                changing.push(label(field));
                changes.push((label(field), now.unwrap_or(t("none")).to_owned(), before.map(str::to_owned)));
            }
        }
        // A secret is never shown, nor compared: it always counts as new.
        let position = if changing.first() == Some(&label(Field::ClientId)) { 1 } else { 0 };
        for (offset, field) in secret_fields.iter().enumerate() {
            changing.insert(position + offset, label(*field));
        }
        let mut parts = Vec::new();
        if kind != self.current.kind {
            parts.push(
                match kind {
                    CredentialKind::ClientSecret => t("The type changes to client secret"),
                    CredentialKind::X509 => t("The type changes to x.509 certificate"),
                }
                .to_owned(),
            );
        }
        parts.push(tf("{fields} will change", &[("fields", &sentence_list(changing.into_iter()))]));
        if !staying.is_empty() {
            let fields = sentence_list(staying.iter().copied());
            parts.push(if staying.len() == 1 {
                tf("{fields} stays", &[("fields", &fields)])
            } else {
                tf("{fields} stay", &[("fields", &fields)])
            });
        }
        Some(ChangeSummary { sentence: capitalized(&format!("{}.", parts.join("; "))), changes })
    }
}

/// "A", "A and B", "A, B and C".
fn sentence_list<'a>(items: impl Iterator<Item = &'a str>) -> String {
    let items: Vec<&str> = items.collect();
    match items.split_last() {
        None => String::new(),
        Some((last, [])) => (*last).to_owned(),
        Some((last, rest)) => tf("{items} and {last}", &[("items", &rest.join(", ")), ("last", last)]),
    }
}

/// `text` starting with a capital: a translation may begin a sentence with a part that,
/// elsewhere in it, is written in lower case. Such a part starts with an ASCII letter in every
/// catalogue (a test checks the German one); another first letter is left as it is, which keeps
/// Unicode's case tables out of the app.
fn capitalized(text: &str) -> String {
    let mut text = text.to_owned();
    if let Some(first) = text.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    text
}

/// The hub's error details of a refused save that concern `field` (targets such as `tokenUrl`,
/// or `credentials.tokenUrl` when they come from a submission).
pub fn server_messages_for(field: Field, details: &[ErrorDetail]) -> Vec<String> {
    details
        .iter()
        .filter(|detail| detail.target.strip_prefix("credentials.").unwrap_or(&detail.target) == field.target())
        .map(|detail| detail.translated_message(translate))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::test_support::request;
    use crate::api::Status;
    use crate::hidden_secrets::placeholder;

    #[test]
    fn a_sentence_starts_with_a_capital() {
        assert_eq!(capitalized("client ID will change."), "Client ID will change.");
        assert_eq!(capitalized("URL stays."), "URL stays.");
        assert_eq!(capitalized(""), "");
        // Not ASCII: left as it is (no catalogue starts a sentence part so).
        assert_eq!(capitalized("über"), "über");
    }

    #[test]
    fn the_german_parts_that_may_begin_a_summary_start_with_an_ascii_letter() {
        let german = crate::i18n::parse_catalog(include_str!("../public/i18n/de.json")).unwrap();
        for key in ["The type changes to client secret", "The type changes to x.509 certificate", "{fields} will change"] {
            let text = &german[key];
            assert!(text.starts_with(|first: char| first.is_ascii_alphabetic()), "{key}: {text}");
        }
    }

    const PORTAL: &str = "https://eu10apiportal.cfapps.eu10.hana.ondemand.com";
    const TOKEN_URL: &str = "https://a.authentication.eu10.hana.ondemand.com/oauth/token";
    const SECRET: &str = "0f3a9c1e-5b7d-4c2a-9e8f-1a2b3c4d5e6f$Zx9_Ab-Cd=";
    const NEW_ID: &str = "sb-apiaccess1700000000001!b6077|api-portal-xsuaa!b2160";

    fn pasted() -> String {
        format!(r#"{{"url": "{PORTAL}", "tokenUrl": "https://acme.authentication.eu10.hana.ondemand.com/oauth/token", "clientId": "{NEW_ID}", "clientSecret": "{SECRET}"}}"#)
    }

    fn form() -> CredentialsForm {
        CredentialsForm::new(&request("alice", Status::Submitted))
    }

    fn x509_request() -> ConnectionRequest {
        let mut x509 = request("alice", Status::Submitted);
        x509.credentials.kind = CredentialKind::X509;
        x509.credentials.token_url = "https://a.authentication.cert.eu10.hana.ondemand.com/oauth/token".into();
        x509.credentials.cert_url = Some("https://a.authentication.cert.eu10.hana.ondemand.com".into());
        x509.credentials.client_id = None;
        x509
    }

    const CERTIFICATE: &str = include_str!("../crates/credentials/tests/fixtures/client-certificate.pem");
    const KEY: &str = "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7\n-----END PRIVATE KEY-----";

    #[test]
    fn the_form_starts_from_the_current_urls_with_nothing_to_show() {
        let form = form();
        assert_eq!(form.value(Field::Url), PORTAL);
        assert_eq!(form.value(Field::TokenUrl), TOKEN_URL);
        assert_eq!(form.value(Field::ClientId), "", "the client ID is what the user came to replace");
        assert_eq!(form.shown_json(Hidden::ALL).text, "", "nothing pasted");
        assert!(!form.is_dirty() && form.body().is_none());
        assert_eq!(form.count(Severity::Error), 0, "no errors about fields not reached yet");
    }

    #[test]
    fn typing_client_id_and_secret_alone_makes_a_complete_set() {
        let mut form = form();
        form.set_field(Field::ClientId, NEW_ID.into());
        form.leave_field(Field::ClientId);
        assert_eq!(form.count(Severity::Error), 0, "the secret's field was not reached yet");
        form.set_field(Field::ClientSecret, SECRET.into());
        let body = form.attempt_save().expect("a complete, valid set");
        assert!(body.contains(PORTAL) && body.contains(TOKEN_URL) && body.contains(NEW_ID));
        let summary = form.summary().unwrap();
        assert_eq!(summary.sentence, "Client ID and Client Secret will change; URL and Token URL stay.");
        assert_eq!(summary.changes.len(), 1);
        assert_eq!(summary.changes[0].0, "Client ID");
        assert!(summary.changes.iter().all(|(_, new, old)| !new.contains(SECRET) && !old.as_deref().unwrap_or("").contains(SECRET)));
    }

    #[test]
    fn a_typed_field_is_checked_when_left_or_on_save() {
        let mut form = form();
        form.set_field(Field::ClientId, "sb-x y".into());
        assert!(form.diagnostics_for(Field::ClientId).is_empty(), "not while typing");
        form.leave_field(Field::ClientId);
        assert_eq!(form.diagnostics_for(Field::ClientId)[0].code, Code::ClientIdWhitespace);
        assert!(form.diagnostics_for(Field::ClientSecret).is_empty());
        assert_eq!(form.attempt_save(), None);
        assert_eq!(form.diagnostics_for(Field::ClientSecret)[0].code, Code::FieldMissing);
        assert_eq!(form.first_field_in_error(), Some(Field::ClientId));
    }

    #[test]
    fn a_paste_is_checked_at_once_and_replaces_everything() {
        let mut form = form();
        form.set_json(pasted().replace("https://acme", "http://acme"));
        assert_eq!(form.diagnostics_for(Field::TokenUrl)[0].code, Code::TokenUrlNotHttps);
        assert_eq!(form.count(Severity::Error), 1);
        form.set_json(pasted());
        assert_eq!(form.value(Field::TokenUrl), "https://acme.authentication.eu10.hana.ondemand.com/oauth/token");
        assert_eq!(form.summary().unwrap().sentence, "Client ID, Client Secret and Token URL will change; URL stays.");
    }

    #[test]
    fn a_partial_paste_keeps_the_current_urls() {
        let mut form = form();
        form.set_json(format!(r#"{{"clientId": "{NEW_ID}", "clientSecret": "{SECRET}"}}"#));
        assert_eq!(form.notices, ["URL and Token URL kept from the current credentials."]);
        assert!(form.body().is_some());
        assert!(form.shown_json(Hidden::ALL).text.contains(TOKEN_URL), "the box shows the whole set that will be sent");
    }

    #[test]
    fn x509_a_new_certificate_and_key_alone_keep_the_urls() {
        let mut form = CredentialsForm::new(&x509_request());
        assert_eq!(form.kind, CredentialKind::X509);
        assert_eq!(form.value(Field::CertUrl), "https://a.authentication.cert.eu10.hana.ondemand.com");
        form.set_field(Field::Certificate, CERTIFICATE.into());
        form.set_field(Field::Key, KEY.into());
        assert!(form.attempt_save().is_some(), "{:?}", form.analysis.diagnostics);
        assert_eq!(form.summary().unwrap().sentence, "Certificate and Private key will change; URL, Token URL and Cert URL stay.");
    }

    #[test]
    fn the_json_box_hides_the_secret_until_shown() {
        let mut form = form();
        form.set_field(Field::ClientId, NEW_ID.into());
        form.set_field(Field::ClientSecret, SECRET.into());
        let shown = form.shown_json(Hidden::ALL).text;
        assert!(!shown.contains(SECRET) && shown.contains(&format!("\"clientSecret\": \"{}\"", placeholder())), "{shown}");
        assert!(form.shown_json(Hidden::NONE).text.contains(SECRET), "Show reveals it there too");
        // Editing the JSON around the placeholder keeps the secret.
        form.set_shown_json(&shown.replace("1700000000001", "1700000000002"), Hidden::ALL);
        assert_eq!(form.value(Field::ClientSecret), SECRET);
        assert_eq!(form.value(Field::ClientId), NEW_ID.replace("1700000000001", "1700000000002"));
        assert!(form.body().unwrap().contains(SECRET));
    }

    #[test]
    fn a_pasted_secret_is_hidden_in_the_box_at_once() {
        let mut form = form();
        form.set_json(pasted());
        assert!(!form.shown_json(Hidden::ALL).text.contains(SECRET));
        // Also when the paste is not readable JSON, whatever its quotes.
        let broken = pasted().replace('"', "'");
        form.set_json(broken);
        let shown = form.shown_json(Hidden::ALL).text;
        assert!(!shown.contains(SECRET), "{shown}");
        assert!(form.json_messages(&form.shown_json(Hidden::ALL)).iter().all(|m| !m.text.contains(SECRET) && !m.excerpt.as_deref().unwrap_or("").contains(SECRET)));
    }

    #[test]
    fn a_hidden_key_field_shows_only_a_placeholder_and_keeps_the_key_under_edits() {
        let mut form = CredentialsForm::new(&x509_request());
        assert_eq!(form.shown_value(Field::Key, true).text, "", "nothing to hide yet");
        // Pasted into the empty field: from then on it shows the placeholder, never the key.
        form.set_shown_value(Field::Key, KEY, true);
        assert_eq!(form.value(Field::Key), KEY);
        assert_eq!(form.shown_value(Field::Key, true).text, placeholder());
        assert_eq!(form.shown_value(Field::Key, false).text, KEY, "shown, it is there in clear");
        // Typed next to the placeholder: added to the key, which stays hidden.
        form.set_shown_value(Field::Key, &format!("{}\n", placeholder()), true);
        assert_eq!(form.value(Field::Key), format!("{KEY}\n"));
        assert_eq!(form.shown_value(Field::Key, true).text, placeholder());
        // Pasted over the placeholder: the new key replaces the old one whole.
        form.set_shown_value(Field::Key, "-----BEGIN PRIVATE KEY-----\nnew\n-----END PRIVATE KEY-----", true);
        assert_eq!(form.value(Field::Key), "-----BEGIN PRIVATE KEY-----\nnew\n-----END PRIVATE KEY-----");
        // A character taken out of the placeholder takes the whole key (it is never the value).
        let shown = placeholder();
        form.set_shown_value(Field::Key, &shown[..shown.len() - 1], true);
        assert_eq!(form.value(Field::Key), "");
        assert_eq!(form.shown_value(Field::Key, true).text, "");
        // A short value typed one character at a time is hidden from the first one on.
        form.set_shown_value(Field::Key, "a", true);
        assert_eq!(form.shown_value(Field::Key, true).text, placeholder());
        form.set_shown_value(Field::Key, &format!("{}b", placeholder()), true);
        assert_eq!(form.value(Field::Key), "ab");
    }

    #[test]
    fn json_messages_point_into_the_box_as_shown() {
        let mut form = form();
        let text = format!("{{\n  \"clientSecret\": \"{SECRET}\", \"url\": \"{PORTAL}\"\n  \"clientId\": \"x\"\n}}");
        form.set_json(text);
        let messages = form.json_messages(&form.shown_json(Hidden::ALL));
        assert!(messages[0].text.starts_with("Line 3, column 3: Expected a comma"), "{:?}", messages);
        let shown = form.shown_json(Hidden::ALL).text;
        let messages = {
            let mut one_line = form.clone();
            one_line.set_json(format!(r#"{{"clientSecret": "{SECRET}" "url": "{PORTAL}"}}"#));
            one_line.json_messages(&one_line.shown_json(Hidden::ALL))
        };
        let column = placeholder().chars().count() + r#"{"clientSecret": "" "#.len() + 1;
        assert!(messages[0].text.starts_with(&format!("Line 1, column {column}:")), "{:?} {shown}", messages);
    }

    #[test]
    fn safe_repairs_are_applied_with_a_notice() {
        let mut form = form();
        form.set_json(format!("Sample credentials:\n{}", pasted().replace('"', "\u{201C}")));
        assert!(form.shown_json(Hidden::ALL).text.starts_with('{'));
        assert_eq!(form.notices.len(), 2, "{:?}", form.notices);
        assert!(form.body().is_some());
        let shown = form.shown_json(Hidden::ALL).text;
        form.set_shown_json(&shown, Hidden::ALL);
        assert_eq!(form.notices.len(), 2, "the box echoing the repaired text keeps the notice");
    }

    #[test]
    fn a_syntax_error_keeps_the_text_and_the_fields() {
        let mut form = form();
        form.set_json(pasted());
        let broken = pasted().replace(", \"clientSecret\"", " \"clientSecret\"");
        form.set_json(broken);
        assert_eq!(form.value(Field::ClientSecret), SECRET, "the fields keep the last readable values");
        assert!(form.json_has_errors());
        assert!(form.body().is_none());
    }

    #[test]
    fn clearing_the_box_starts_over() {
        let mut form = form();
        form.set_json(pasted());
        form.set_json(String::new());
        assert!(!form.is_dirty());
        assert_eq!(form.value(Field::TokenUrl), TOKEN_URL);
        assert_eq!(form.count(Severity::Error), 0);
    }

    #[test]
    fn the_sample_credentials_are_named_once_with_the_way_to_real_ones() {
        let mut form = form();
        form.set_json(include_str!("../crates/credentials/tests/corpus/documentation_sample.json").to_owned());
        assert!(form.calls_for_new_credentials());
        let placeholders = [Field::Url, Field::TokenUrl, Field::ClientId, Field::ClientSecret];
        for field in placeholders {
            assert_eq!(form.diagnostics_for(field)[0].message, "Placeholder from SAP's sample — paste your own value.");
        }
    }

    #[test]
    fn someone_elses_save_moves_the_untouched_fields_along() {
        let mut form = form();
        form.set_field(Field::ClientId, NEW_ID.into());
        form.set_field(Field::ClientSecret, SECRET.into());
        let mut latest = request("alice", Status::Submitted);
        latest.credentials.token_url = "https://b.authentication.eu10.hana.ondemand.com/oauth/token".into();
        latest.credentials.client_id = Some("sb-apiaccess1703333333333!b6077|api-portal-xsuaa!b2160".into());
        form.rebase(&latest);
        assert_eq!(form.value(Field::TokenUrl), "https://b.authentication.eu10.hana.ondemand.com/oauth/token");
        assert_eq!(form.value(Field::ClientId), NEW_ID, "what the user typed stays");
        assert_eq!(form.summary().unwrap().changes[0].2.as_deref(), Some("sb-apiaccess1703333333333!b6077|api-portal-xsuaa!b2160"));
    }

    #[test]
    fn a_paste_that_keeps_a_value_does_not_claim_it() {
        let mut form = form();
        form.set_field(Field::ClientId, NEW_ID.into());
        form.set_field(Field::ClientSecret, SECRET.into());
        // One character fixed in the box: the URLs in it are still the request's.
        let shown = form.shown_json(Hidden::ALL).text;
        form.set_shown_json(&shown.replace("1700000000001", "1700000000009"), Hidden::ALL);
        let mut latest = request("alice", Status::Submitted);
        latest.credentials.token_url = "https://b.authentication.eu10.hana.ondemand.com/oauth/token".into();
        form.rebase(&latest);
        assert_eq!(form.value(Field::TokenUrl), "https://b.authentication.eu10.hana.ondemand.com/oauth/token", "someone else's change is kept");
        assert_eq!(form.value(Field::ClientSecret), SECRET);
    }

    #[test]
    fn a_paste_that_is_not_credentials_still_counts_as_input() {
        let mut form = form();
        form.set_json("not json at all".into());
        assert!(form.is_dirty(), "Cancel asks before throwing it away");
        assert!(form.notices.is_empty());
    }

    #[test]
    fn typing_in_a_field_sets_aside_box_text_that_is_not_credentials() {
        let mut form = form();
        let typed = r#"{"clientId": "XYZ"#;
        form.set_json(typed.into());
        form.set_field(Field::ClientId, "a".into());
        assert!(form.shown_json(Hidden::ALL).text.contains(r#""clientId": "a""#), "the box follows the fields");
        assert!(form.has_replaced_box_text());
        form.put_back_box_text();
        assert_eq!(form.shown_json(Hidden::ALL).text, typed);
        assert!(form.json_has_errors(), "checked again, as when it was typed");
        assert_eq!(form.value(Field::ClientId), "a", "the fields keep what was typed in them");
        assert!(!form.has_replaced_box_text());
    }

    #[test]
    fn debug_output_holds_no_secret() {
        let mut form = form();
        form.set_json(pasted().replace("\"clientId\"", "\"clientId\" \""));
        form.set_field(Field::ClientId, NEW_ID.into());
        assert!(form.has_replaced_box_text());
        let printed = format!("{form:?}");
        assert!(!printed.contains(SECRET), "{printed}");
        assert!(printed.contains(NEW_ID), "what is no secret still prints: {printed}");
    }

    #[test]
    fn the_forms_own_json_of_empty_fields_is_not_set_aside() {
        let mut form = CredentialsForm::empty();
        form.set_json("XYZ".into());
        form.set_field(Field::ClientId, "a".into());
        // Emptied, the field leaves the form's JSON of no values in the box: not the user's.
        form.set_field(Field::ClientId, String::new());
        form.set_field(Field::ClientId, "b".into());
        form.put_back_box_text();
        assert_eq!(form.shown_json(Hidden::ALL).text, "XYZ");
    }

    #[test]
    fn editing_the_box_again_keeps_the_offer_and_putting_back_sets_the_new_text_aside() {
        let mut form = form();
        form.set_json("XYZ".into());
        form.set_field(Field::ClientId, "a".into());
        let shown = form.shown_json(Hidden::ALL).text;
        form.set_shown_json(&shown.replace(r#""a""#, r#""ab""#), Hidden::ALL);
        assert_eq!(form.value(Field::ClientId), "ab");
        assert!(form.has_replaced_box_text());
        // Edited into text that is not credentials either: the two change places.
        form.set_json("UVW".into());
        form.put_back_box_text();
        assert_eq!(form.shown_json(Hidden::ALL).text, "XYZ");
        form.put_back_box_text();
        assert_eq!(form.shown_json(Hidden::ALL).text, "UVW");
        // Emptied, the box starts over.
        form.set_json(String::new());
        assert!(!form.has_replaced_box_text());
    }

    #[test]
    fn credentials_in_the_box_are_not_set_aside_the_fields_show_them() {
        let mut form = form();
        form.set_json(pasted());
        form.set_field(Field::ClientId, NEW_ID.into());
        assert!(!form.has_replaced_box_text());
        form.set_json(String::new());
        form.set_field(Field::ClientId, NEW_ID.into());
        assert!(!form.has_replaced_box_text(), "an empty box has nothing to put back");
    }

    #[test]
    fn someone_elses_save_leaves_box_text_that_is_not_credentials_alone() {
        let mut form = form();
        form.set_json("not json at all".into());
        let mut latest = request("alice", Status::Submitted);
        latest.credentials.token_url = "https://b.authentication.eu10.hana.ondemand.com/oauth/token".into();
        form.rebase(&latest);
        assert_eq!(form.shown_json(Hidden::ALL).text, "not json at all");
        assert_eq!(form.value(Field::TokenUrl), "https://b.authentication.eu10.hana.ondemand.com/oauth/token");
        assert!(form.json_has_errors());
    }

    #[test]
    fn the_hubs_field_errors_go_to_their_field() {
        let details = vec![
            ErrorDetail::new("TOKEN_URL_NOT_HTTPS", "tokenUrl", "The token URL must use https."),
            ErrorDetail::new("FIELD_MISSING", "credentials.clientSecret", "Missing."),
            ErrorDetail::new("INPUT_EMPTY", "credentials", "Empty."),
        ];
        assert_eq!(server_messages_for(Field::TokenUrl, &details), ["The token URL must use https."]);
        assert_eq!(server_messages_for(Field::ClientSecret, &details), ["Missing."]);
        assert!(server_messages_for(Field::Url, &details).is_empty());
    }

    #[test]
    fn credentials_that_would_exceed_the_hubs_limit_are_not_sent() {
        let mut form = form();
        // Compact JSON just under 64 KiB grows past it when written out with indentation.
        let padding = credentials::MAX_INPUT_BYTES - pasted().len() - 2;
        let long_secret = format!("{SECRET}{}", "A".repeat(padding));
        form.set_json(pasted().replace(SECRET, &long_secret));
        assert!(form.analysis.credentials.is_some(), "{:?}", form.analysis.diagnostics);
        assert!(form.too_large_to_send());
        assert!(form.body().is_none());
    }
}
