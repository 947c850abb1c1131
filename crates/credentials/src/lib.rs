//! API portal access credentials: what a person pastes, parsed, recognised and validated.
//!
//! Pure Rust with no dependencies, so that the app (in the browser, as the user types) and
//! the hub (on the server, which never trusts the browser) apply the same rules.
//!
//! ```
//! use credentials::{analyze, Context, Code};
//!
//! let analysis = analyze(r#"{"url": "http://portal.example.com"}"#, &Context::default());
//! assert!(analysis.has_errors());
//! assert!(analysis.diagnostics.iter().any(|d| d.code == Code::UrlNotHttps));
//! ```

mod analyze;
mod certificate;
mod credentials;
mod diagnostic;
mod field;
mod json;
mod kind;
mod mask;
mod messages;
mod pem;
mod rules;
mod text;

pub use analyze::{analyze, analyze_fields, Analysis, Shape, MAX_INPUT_BYTES};
pub use certificate::{read_certificate, CertificateSummary};
pub use credentials::{json_string, to_json, Credentials};
pub use diagnostic::{Code, Diagnostic, Location, Severity};
pub use field::{Field, FieldValues};
pub use kind::CredentialKind;
pub use mask::{secret_values, SecretValue};
pub use messages::{fill, placeholders, render, render_with_phrases, LOCATED, WHERE_CREDENTIALS_COME_FROM};
pub use text::location_in;

/// Every English text a finding's message is made of: each [`Diagnostic::template`], each
/// phrase a [`Diagnostic::params`] value can be (a field's label, a hint, a character's
/// name...), [`LOCATED`] and [`WHERE_CREDENTIALS_COME_FROM`]. An app that translates these
/// renders any finding in its language: the template translated, filled with the params, each
/// translated when it is one of these texts and shown as it is otherwise.
pub fn texts() -> &'static [&'static str] {
    messages::ALL
}

/// What is known beyond the input itself.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Context {
    /// The API portal URL already registered on the request being edited.
    pub registered_api_portal_url: Option<String>,
}
