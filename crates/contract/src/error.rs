//! The error body every failed call answers with, and its codes.

use std::collections::BTreeMap;

use credentials::{Diagnostic, LOCATED};
use serde::{Deserialize, Serialize};

/// `{"error": {"code", "message", "details"}}`.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct ErrorBody {
    pub error: ErrorPayload,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct ErrorPayload {
    pub code: String,
    pub message: String,
    #[serde(default)]
    pub details: Vec<ErrorDetail>,
    /// `message` as a template of `hub_texts::texts()` and its params, when the hub says a fixed
    /// thing, so that a client can say it in its own language ([`ErrorPayload::translated_message`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub template: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub params: Option<BTreeMap<String, String>>,
}

impl ErrorPayload {
    /// The message in the language of `translate`; the English message without a template.
    pub fn translated_message(&self, translate: impl Fn(&str) -> &str) -> String {
        match &self.template {
            Some(template) => crate::hub_texts::render(template, self.params.as_ref(), translate),
            None => self.message.clone(),
        }
    }
}

/// Which field broke which rule.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct ErrorDetail {
    pub code: String,
    pub target: String,
    /// In English.
    pub message: String,
    /// Its message with `{name}` placeholders, one of `credentials::texts()` (a finding of the
    /// credentials engine) or of `hub_texts::texts()` (the hub's own), so that a client can say it
    /// in its own language
    /// ([`ErrorDetail::translated_message`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub template: Option<String>,
    /// The value of each placeholder of `template`: an English phrase of `credentials::texts()`
    /// (translated too) or a value said as it is. For a finding about the pasted text as a whole
    /// that points at a place in it, also its `line` and `column`: then `message` is
    /// `credentials::LOCATED` ("Line {line}, column {column}: {message}") around the finding's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub params: Option<BTreeMap<String, String>>,
}

impl ErrorDetail {
    /// A detail without template: its message is all there is.
    pub fn new(code: impl Into<String>, target: impl Into<String>, message: impl Into<String>) -> Self {
        Self { code: code.into(), target: target.into(), message: message.into(), template: None, params: None }
    }

    /// A detail in the hub's own words ([`crate::hub_texts`]), with its template and params.
    pub fn text(code: impl Into<String>, target: impl Into<String>, text: &crate::hub_texts::HubText) -> Self {
        Self {
            code: code.into(),
            target: target.into(),
            message: text.english(),
            template: Some(text.template.to_owned()),
            params: Some(text.wire_params()),
        }
    }

    /// A finding of the credentials engine, with its template and params.
    pub fn finding(diagnostic: &Diagnostic) -> Self {
        let mut params: BTreeMap<String, String> =
            diagnostic.params.iter().map(|(name, value)| (name.to_string(), value.clone())).collect();
        if let Some(location) = diagnostic.whole_text_location() {
            params.insert("line".to_owned(), location.line.to_string());
            params.insert("column".to_owned(), location.column.to_string());
        }
        Self {
            code: diagnostic.code.as_str().to_owned(),
            target: diagnostic.target().to_owned(),
            message: diagnostic.located_message(),
            template: Some(diagnostic.template.to_owned()),
            params: Some(params),
        }
    }

    /// The message in another language: `translate` gives each text of `credentials::texts()`
    /// and `hub_texts::texts()` in it (a text it does not know, itself). Without a template, the
    /// English message.
    pub fn translated_message(&self, translate: impl Fn(&str) -> &str) -> String {
        let Some(template) = &self.template else { return self.message.clone() };
        let message = crate::hub_texts::render(template, self.params.as_ref(), &translate);
        match (self.param("line"), self.param("column")) {
            (Some(line), Some(column)) => {
                credentials::fill(translate(LOCATED), &[("line", line), ("column", column), ("message", &message)])
            }
            _ => message,
        }
    }

    fn param(&self, name: &str) -> Option<&str> {
        self.params.as_ref()?.get(name).map(String::as_str)
    }
}

/// The codes of the error table (`error.code`).
pub mod code {
    pub const INVALID_JSON: &str = "INVALID_JSON";
    pub const INVALID_PARAMETER: &str = "INVALID_PARAMETER";
    pub const NOT_AUTHENTICATED: &str = "NOT_AUTHENTICATED";
    pub const CSRF_TOKEN_INVALID: &str = "CSRF_TOKEN_INVALID";
    pub const MISSING_ROLE: &str = "MISSING_ROLE";
    pub const NOT_SUBMITTER: &str = "NOT_SUBMITTER";
    pub const NOT_FOUND: &str = "NOT_FOUND";
    pub const INVALID_STATE: &str = "INVALID_STATE";
    pub const ALIAS_TAKEN: &str = "ALIAS_TAKEN";
    pub const PORTAL_LIMIT_REACHED: &str = "PORTAL_LIMIT_REACHED";
    pub const PRECONDITION_FAILED: &str = "PRECONDITION_FAILED";
    pub const PAYLOAD_TOO_LARGE: &str = "PAYLOAD_TOO_LARGE";
    pub const UNSUPPORTED_MEDIA_TYPE: &str = "UNSUPPORTED_MEDIA_TYPE";
    pub const VALIDATION_FAILED: &str = "VALIDATION_FAILED";
    pub const PRECONDITION_REQUIRED: &str = "PRECONDITION_REQUIRED";
    pub const METHOD_NOT_ALLOWED: &str = "METHOD_NOT_ALLOWED";
    pub const REQUEST_TIMEOUT: &str = "REQUEST_TIMEOUT";
    pub const TOO_MANY_REQUESTS: &str = "TOO_MANY_REQUESTS";
    pub const SERVICE_UNAVAILABLE: &str = "SERVICE_UNAVAILABLE";
    pub const INSUFFICIENT_STORAGE: &str = "INSUFFICIENT_STORAGE";
    pub const INTERNAL_ERROR: &str = "INTERNAL_ERROR";
}

#[cfg(test)]
mod tests {
    use super::*;
    use credentials::{analyze, Context};

    fn english(text: &str) -> &str {
        text
    }

    fn german(text: &str) -> &str {
        match text {
            LOCATED => "Zeile {line}, Spalte {column}: {message}",
            "The {field} must use https, not {scheme}." => "Das Feld „{field}“ muss https verwenden, nicht {scheme}.",
            "token URL" => "Token URL",
            "Expected {expected}, found '{punctuation}'." => "Erwartet wurde {expected}, gefunden wurde '{punctuation}'.",
            "a comma or the closing brace" => "ein Komma oder die schließende geschweifte Klammer",
            other => other,
        }
    }

    fn details(input: &str) -> Vec<ErrorDetail> {
        analyze(input, &Context::default()).diagnostics.iter().map(ErrorDetail::finding).collect()
    }

    #[test]
    fn a_finding_carries_its_template_and_params() {
        let input = r#"{"url": "https://a.cfapps.eu10.hana.ondemand.com",
            "tokenUrl": "http://a.authentication.eu10.hana.ondemand.com/oauth/token",
            "clientId": "sb-a!b1|x!b2", "clientSecret": "s"}"#;
        let detail = &details(input)[0];
        assert_eq!(detail.code, "TOKEN_URL_NOT_HTTPS");
        assert_eq!(detail.message, "The token URL must use https, not http.");
        assert_eq!(detail.template.as_deref(), Some("The {field} must use https, not {scheme}."));
        let params = BTreeMap::from([("field".to_owned(), "token URL".to_owned()), ("scheme".to_owned(), "http".to_owned())]);
        assert_eq!(detail.params.as_ref(), Some(&params));
        assert_eq!(detail.translated_message(english), detail.message);
        assert_eq!(detail.translated_message(german), "Das Feld „Token URL“ muss https verwenden, nicht http.");
    }

    #[test]
    fn a_finding_about_the_text_as_a_whole_adds_where() {
        let detail = &details("{\"url\": \"https://a\" :}")[0];
        assert_eq!(detail.message, "Line 1, column 21: Expected a comma or the closing brace, found ':'.");
        assert_eq!(detail.param("line"), Some("1"));
        assert_eq!(detail.param("column"), Some("21"));
        assert_eq!(detail.translated_message(english), detail.message);
        assert_eq!(
            detail.translated_message(german),
            "Zeile 1, Spalte 21: Erwartet wurde ein Komma oder die schließende geschweifte Klammer, gefunden wurde ':'."
        );
    }

    #[test]
    fn every_finding_reads_back_as_its_message() {
        let inputs =
            ["", "hello", r#"{"a": 1,}"#, r#"{"url": 1, "url": 2}"#, "[1]", r#"{"clientId": "x y"}"#, r#"{"clientid": "sb-x", "foo": 1}"#];
        for input in inputs {
            for detail in details(input) {
                assert_eq!(detail.translated_message(english), detail.message, "{detail:?}");
            }
        }
    }

    #[test]
    fn template_and_params_are_left_out_when_absent_and_may_be_missing() {
        let plain = ErrorDetail::new("ALIAS_LENGTH", "apiPortalAlias", "The alias must have 1 to 64 characters.");
        let json = serde_json::to_value(&plain).unwrap();
        let expected = serde_json::json!({
            "code": "ALIAS_LENGTH", "target": "apiPortalAlias", "message": "The alias must have 1 to 64 characters."
        });
        assert_eq!(json, expected, "no template and no params");
        assert_eq!(serde_json::from_value::<ErrorDetail>(json).unwrap(), plain);
        assert_eq!(plain.translated_message(german), plain.message);

        let finding = details("")[0].clone();
        let json = serde_json::to_value(&finding).unwrap();
        assert_eq!(json["template"], finding.template.as_deref().unwrap());
        assert!(json["params"].is_object());
        assert_eq!(serde_json::from_value::<ErrorDetail>(json).unwrap(), finding);
    }
}
