//! Diagnostics: what is wrong with pasted credentials, how badly, where, and how to fix it.

use std::fmt;
use std::ops::Range;

use crate::field::Field;
use crate::messages::{fill, render, LOCATED};

/// How much a diagnostic matters. Errors block saving; warnings and infos do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Error,
    Warning,
    Info,
}

impl Severity {
    pub const fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

macro_rules! codes {
    ($($(#[$doc:meta])* $name:ident => $text:literal,)*) => {
        /// A stable identifier of a rule, shared by the app and the hub (and the key for
        /// translating the message later).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Code {
            $($(#[$doc])* $name,)*
        }

        impl Code {
            /// Every code, for documentation and tests.
            pub const ALL: &'static [Code] = &[$(Code::$name,)*];

            /// The code as sent over the wire, such as `TOKEN_URL_NOT_HTTPS`.
            pub const fn as_str(self) -> &'static str {
                match self {
                    $(Code::$name => $text,)*
                }
            }
        }
    };
}

codes! {
    /// Nothing was pasted.
    InputEmpty => "INPUT_EMPTY",
    /// Over 64 KiB: refused before parsing.
    InputTooLarge => "INPUT_TOO_LARGE",
    /// No JSON object anywhere in the text.
    NotJson => "NOT_JSON",
    /// The JSON breaks its grammar.
    JsonSyntax => "JSON_SYNTAX",
    /// The text ends inside the object.
    JsonTruncated => "JSON_TRUNCATED",
    /// Nested deeper than credentials ever are.
    JsonTooDeep => "JSON_TOO_DEEP",
    /// A comma before a closing brace or bracket.
    JsonTrailingComma => "JSON_TRAILING_COMMA",
    /// Keys or strings in single quotes.
    JsonSingleQuotes => "JSON_SINGLE_QUOTES",
    /// A bad escape, a lone surrogate or a raw control character inside a string.
    JsonInvalidString => "JSON_INVALID_STRING",
    /// The same key twice in one object.
    JsonDuplicateKey => "JSON_DUPLICATE_KEY",
    /// The top level is an array, string, number...
    NotAnObject => "NOT_AN_OBJECT",
    /// A byte-order mark was removed (repair).
    ByteOrderMarkRemoved => "BYTE_ORDER_MARK_REMOVED",
    /// Typographic quotes were replaced by straight ones (repair).
    TypographicQuotesReplaced => "TYPOGRAPHIC_QUOTES_REPLACED",
    /// Text before the JSON object was ignored (repair).
    TextBeforeJsonIgnored => "TEXT_BEFORE_JSON_IGNORED",
    /// Text after the JSON object was ignored (repair).
    TextAfterJsonIgnored => "TEXT_AFTER_JSON_IGNORED",
    /// Valid JSON, but not credentials.
    ShapeUnrecognized => "SHAPE_UNRECOGNIZED",
    /// Credentials were taken from a `uaa` or `credentials` section of a service key.
    ServiceKeySectionUsed => "SERVICE_KEY_SECTION_USED",
    /// Credentials were taken from a plain XSUAA service key.
    XsuaaBindingUsed => "XSUAA_BINDING_USED",
    /// Both a client secret and a certificate or key.
    MixedCredentialTypes => "MIXED_CREDENTIAL_TYPES",
    /// The documentation's sample was pasted as it is.
    SampleCredentials => "SAMPLE_CREDENTIALS",
    /// A field that credentials do not have; ignored.
    UnknownField => "UNKNOWN_FIELD",
    /// The same field under two spellings, such as `tokenUrl` and `tokenurl`.
    DuplicateField => "DUPLICATE_FIELD",
    FieldMissing => "FIELD_MISSING",
    FieldNotAString => "FIELD_NOT_A_STRING",
    FieldEmpty => "FIELD_EMPTY",
    /// Leading or trailing whitespace was removed.
    ValueTrimmed => "VALUE_TRIMMED",
    /// A zero-width, bidirectional or non-breaking space character inside a value.
    InvisibleCharacter => "INVISIBLE_CHARACTER",
    /// A control character or line break inside a one-line value.
    ControlCharacter => "CONTROL_CHARACTER",
    /// A placeholder of the documentation's sample, such as `xxxx` or `<name>`.
    SampleValue => "SAMPLE_VALUE",
    UrlInvalid => "URL_INVALID",
    UrlNotHttps => "URL_NOT_HTTPS",
    UrlHostUnusual => "URL_HOST_UNUSUAL",
    /// The url points at the authentication server instead of the API portal.
    UrlIsAuthenticationHost => "URL_IS_AUTHENTICATION_HOST",
    /// The url's host differs from the API portal registered on the request.
    UrlHostDiffersFromRequest => "URL_HOST_DIFFERS_FROM_REQUEST",
    /// url and tokenUrl hold each other's value.
    UrlAndTokenUrlSwapped => "URL_AND_TOKEN_URL_SWAPPED",
    TokenUrlInvalid => "TOKEN_URL_INVALID",
    TokenUrlNotHttps => "TOKEN_URL_NOT_HTTPS",
    TokenUrlPath => "TOKEN_URL_PATH",
    TokenUrlHostUnusual => "TOKEN_URL_HOST_UNUSUAL",
    CertUrlInvalid => "CERT_URL_INVALID",
    CertUrlNotHttps => "CERT_URL_NOT_HTTPS",
    CertUrlHostUnusual => "CERT_URL_HOST_UNUSUAL",
    ClientIdWhitespace => "CLIENT_ID_WHITESPACE",
    ClientIdUnusual => "CLIENT_ID_UNUSUAL",
    ClientIdLooksLikeSecret => "CLIENT_ID_LOOKS_LIKE_SECRET",
    ClientSecretWhitespace => "CLIENT_SECRET_WHITESPACE",
    ClientSecretLooksLikeClientId => "CLIENT_SECRET_LOOKS_LIKE_CLIENT_ID",
    ClientIdAndSecretSwapped => "CLIENT_ID_AND_SECRET_SWAPPED",
    PemMalformed => "PEM_MALFORMED",
    PemMismatchedEnd => "PEM_MISMATCHED_END",
    PemMissingEnd => "PEM_MISSING_END",
    PemInvalidBase64 => "PEM_INVALID_BASE64",
    PemWrongType => "PEM_WRONG_TYPE",
    KeyEncrypted => "KEY_ENCRYPTED",
}

impl Code {
    /// Whether the finding means the user has no real credentials in hand (nothing pasted, not
    /// JSON, another JSON, the documentation's sample): then the way to get them
    /// ([`crate::WHERE_CREDENTIALS_COME_FROM`]) is worth saying, once.
    pub const fn calls_for_new_credentials(self) -> bool {
        matches!(
            self,
            Code::InputEmpty | Code::NotJson | Code::ShapeUnrecognized | Code::SampleCredentials | Code::SampleValue
        )
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Where in the pasted text a diagnostic points: 1-based line and column (in characters),
/// and the byte span in the text as pasted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    pub line: usize,
    pub column: usize,
    pub span: Range<usize>,
}

/// One finding about the input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    pub code: Code,
    /// The field concerned; `None` for the input as a whole.
    pub field: Option<Field>,
    /// What is wrong and how to fix it, in English: [`Diagnostic::template`] filled with
    /// [`Diagnostic::params`]. Never contains a secret. Where in the text is not part of it: see
    /// [`Diagnostic::located_message`].
    pub message: String,
    /// The message with `{name}` placeholders, one of [`crate::texts`]: the key to translate it.
    pub template: &'static str,
    /// The value of each placeholder of the template. A value is either one of
    /// [`crate::texts`] (an English phrase such as a field's label, to be translated as well) or
    /// something that is said as it is (a number, a JSON key, a host). Never a secret.
    pub params: Vec<(&'static str, String)>,
    pub location: Option<Location>,
    /// For JSON syntax errors: the line around the error, with string values masked.
    pub excerpt: Option<String>,
}

/// A placeholder's name and value, for [`Diagnostic::new`].
pub(crate) fn param(name: &'static str, value: impl ToString) -> (&'static str, String) {
    (name, value.to_string())
}

impl Diagnostic {
    /// A finding whose message is `template` filled with `params`.
    pub fn new(severity: Severity, code: Code, field: Option<Field>, template: &'static str, params: Vec<(&'static str, String)>) -> Self {
        let message = fill(template, &params);
        Self { severity, code, field, message, template, params, location: None, excerpt: None }
    }

    pub fn error(code: Code, field: Option<Field>, template: &'static str, params: Vec<(&'static str, String)>) -> Self {
        Self::new(Severity::Error, code, field, template, params)
    }

    pub fn warning(code: Code, field: Option<Field>, template: &'static str, params: Vec<(&'static str, String)>) -> Self {
        Self::new(Severity::Warning, code, field, template, params)
    }

    pub fn info(code: Code, field: Option<Field>, template: &'static str, params: Vec<(&'static str, String)>) -> Self {
        Self::new(Severity::Info, code, field, template, params)
    }

    /// The target as the hub's error details name it: a field, or `credentials` for the whole.
    pub fn target(&self) -> &'static str {
        self.field.map_or("credentials", Field::target)
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// Where the finding points, when it concerns the text as a whole: then its message is told
    /// with the line and column (see [`Diagnostic::located_message`]).
    pub fn whole_text_location(&self) -> Option<&Location> {
        self.location.as_ref().filter(|_| self.field.is_none())
    }

    /// The message, preceded by the line and column it is about when it concerns the text as a
    /// whole ("Line 3, column 5: expected a comma..."); for readers who do not see the text.
    pub fn located_message(&self) -> String {
        match self.whole_text_location() {
            Some(location) => self.message_at(location),
            None => self.message.clone(),
        }
    }

    /// The message, preceded by `location` (where it points in the text as someone sees it):
    /// [`LOCATED`] filled with the line, the column and the message.
    pub fn message_at(&self, location: &Location) -> String {
        located(location, self.message.clone(), |text| text)
    }

    /// [`Diagnostic::message`] in another language: `translate` gives each text of
    /// [`crate::texts`] in it (see [`render`]).
    pub fn translated_message(&self, translate: impl Fn(&str) -> &str) -> String {
        render(self.template, &self.params, translate)
    }

    /// [`Diagnostic::message_at`] in another language.
    pub fn translated_message_at(&self, location: &Location, translate: impl Fn(&str) -> &str) -> String {
        located(location, self.translated_message(&translate), translate)
    }
}

/// [`LOCATED`] in the language of `translate`, filled with `location` and `message`.
fn located(location: &Location, message: String, translate: impl Fn(&str) -> &str) -> String {
    let params = [("line", location.line.to_string()), ("column", location.column.to_string()), ("message", message)];
    fill(translate(LOCATED), &params)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::messages::{INPUT_EMPTY, NOT_HTTPS, TOO_DEEP};

    #[test]
    fn codes_are_unique_screaming_snake_case() {
        let mut seen = std::collections::HashSet::new();
        for code in Code::ALL {
            let text = code.as_str();
            assert!(seen.insert(text), "{text} twice");
            assert!(text.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_'), "{text}");
        }
    }

    #[test]
    fn the_message_is_the_template_filled_with_the_params() {
        let params = vec![param("field", "token URL"), param("scheme", "http")];
        let diagnostic = Diagnostic::error(Code::TokenUrlNotHttps, Some(Field::TokenUrl), NOT_HTTPS, params);
        assert_eq!(diagnostic.message, "The token URL must use https, not http.");
        assert_eq!(diagnostic.template, NOT_HTTPS);
    }

    #[test]
    fn a_location_is_told_for_the_text_as_a_whole_only() {
        let location = Some(Location { line: 3, column: 5, span: 10..11 });
        let too_deep = Diagnostic::error(Code::JsonTooDeep, None, TOO_DEEP, vec![param("depth", 32)]);
        let syntax = Diagnostic { location: location.clone(), ..too_deep };
        assert_eq!(
            syntax.located_message(),
            "Line 3, column 5: The JSON is nested more than 32 levels deep; credentials are a flat object."
        );
        let field = Diagnostic {
            location,
            ..Diagnostic::error(Code::UrlNotHttps, Some(Field::Url), NOT_HTTPS, vec![param("field", "URL"), param("scheme", "ftp")])
        };
        assert_eq!(field.located_message(), "The URL must use https, not ftp.");
        assert_eq!(field.whole_text_location(), None);
    }

    #[test]
    fn whole_input_diagnostics_target_the_credentials() {
        assert_eq!(Diagnostic::error(Code::InputEmpty, None, INPUT_EMPTY, vec![]).target(), "credentials");
        let not_https = Diagnostic::error(Code::TokenUrlNotHttps, Some(Field::TokenUrl), NOT_HTTPS, vec![]);
        assert_eq!(not_https.target(), "tokenUrl");
    }
}
