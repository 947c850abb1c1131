//! The rules for each field's value, given the kind of credentials.

use crate::diagnostic::{param, Code, Diagnostic};
use crate::field::{Field, FieldValues};
use crate::messages::*;
use crate::pem::{self, PemProblem};
use crate::{Context, CredentialKind};

/// The fields each kind of credentials needs.
pub fn required_fields(kind: CredentialKind) -> &'static [Field] {
    match kind {
        CredentialKind::ClientSecret => &[Field::Url, Field::TokenUrl, Field::ClientId, Field::ClientSecret],
        CredentialKind::X509 => &[Field::Url, Field::TokenUrl, Field::CertUrl, Field::Certificate, Field::Key],
    }
}

/// Checks `values` as credentials of `kind`, trimming surrounding whitespace in place.
/// Returns the diagnostics, each naming its field.
pub fn check(values: &mut FieldValues, kind: CredentialKind, context: &Context) -> Vec<Diagnostic> {
    let mut report = Report::default();
    trim(values, &mut report);
    for &field in required_fields(kind) {
        match values.get(field) {
            None => report.error(Code::FieldMissing, field, FIELD_MISSING, vec![param("field", field.label()), param("hint", hint(field))]),
            Some("") => report.error(Code::FieldEmpty, field, FIELD_EMPTY, vec![param("field", field.label()), param("hint", hint(field))]),
            Some(_) => {}
        }
    }
    check_samples(values, &mut report);
    for (field, value) in values.present() {
        if !report.has_error(field) {
            check_characters(field, value, &mut report);
        }
    }
    check_url_swap(values, &mut report);
    check_client_id_and_secret(values, &mut report);
    for field in [Field::Url, Field::TokenUrl, Field::CertUrl] {
        if let Some(value) = values.get(field).filter(|value| !value.is_empty() && !report.has_error(field)) {
            check_url(field, value, context, &mut report);
        }
    }
    for field in [Field::Certificate, Field::Key] {
        if let Some(value) = values.get(field).filter(|value| !value.is_empty() && !report.has_error(field)) {
            check_pem(field, value, &mut report);
        }
    }
    report.diagnostics
}

#[derive(Default)]
struct Report {
    diagnostics: Vec<Diagnostic>,
}

impl Report {
    fn error(&mut self, code: Code, field: Field, template: &'static str, params: Vec<(&'static str, String)>) {
        self.diagnostics.push(Diagnostic::error(code, Some(field), template, params));
    }

    fn warning(&mut self, code: Code, field: Field, template: &'static str, params: Vec<(&'static str, String)>) {
        self.diagnostics.push(Diagnostic::warning(code, Some(field), template, params));
    }

    fn has_error(&self, field: Field) -> bool {
        self.diagnostics.iter().any(|diagnostic| diagnostic.is_error() && diagnostic.field == Some(field))
    }
}

fn trim(values: &mut FieldValues, report: &mut Report) {
    for field in Field::ALL {
        let Some(value) = values.get(field) else { continue };
        let trimmed = value.trim();
        if trimmed.len() != value.len() {
            let trimmed = trimmed.to_owned();
            // A PEM text ends with a line break as a rule: nothing to tell.
            let multiline = matches!(field, Field::Certificate | Field::Key);
            if multiline && value.trim_matches(['\n', '\r']).len() == trimmed.len() {
                values.set(field, trimmed);
                continue;
            }
            report.warning(Code::ValueTrimmed, field, VALUE_TRIMMED, vec![param("field", field.label())]);
            values.set(field, trimmed);
        }
    }
}

/// What a value of `field` looks like, in one short sentence.
fn hint(field: Field) -> &'static str {
    match field {
        Field::Url => HINT_URL,
        Field::TokenUrl => HINT_TOKEN_URL,
        Field::CertUrl => HINT_CERT_URL,
        Field::ClientId => HINT_CLIENT_ID,
        Field::ClientSecret => HINT_CLIENT_SECRET,
        Field::Certificate => HINT_CERTIFICATE,
        Field::Key => HINT_KEY,
    }
}

/// Placeholders of the documentation's sample: `xxxx`, `<name>`, `<application name>`.
fn is_sample_value(value: &str) -> bool {
    let lower = value.to_ascii_lowercase();
    lower.contains("xxxx") || lower.find('<').is_some_and(|open| lower[open..].contains('>'))
}

fn check_samples(values: &FieldValues, report: &mut Report) {
    let samples: Vec<Field> = values
        .present()
        .filter(|(field, value)| !matches!(field, Field::Certificate | Field::Key) && is_sample_value(value))
        .map(|(field, _)| field)
        .collect();
    for &field in &samples {
        report.error(Code::SampleValue, field, SAMPLE_VALUE, vec![]);
    }
    if samples.len() >= 2 {
        report.diagnostics.push(Diagnostic::error(Code::SampleCredentials, None, SAMPLE_CREDENTIALS, vec![]));
    }
}

/// The name of a character that is invisible or looks like another, if `c` is one.
fn invisible_character_name(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{200B}' => ZERO_WIDTH_SPACE,
        '\u{200C}' => ZERO_WIDTH_NON_JOINER,
        '\u{200D}' => ZERO_WIDTH_JOINER,
        '\u{2060}' => WORD_JOINER,
        '\u{FEFF}' => ZERO_WIDTH_NO_BREAK_SPACE,
        '\u{00AD}' => SOFT_HYPHEN,
        '\u{00A0}' => NON_BREAKING_SPACE,
        '\u{2007}' => FIGURE_SPACE,
        '\u{202F}' => NARROW_NON_BREAKING_SPACE,
        '\u{200E}' => LEFT_TO_RIGHT_MARK,
        '\u{200F}' => RIGHT_TO_LEFT_MARK,
        '\u{061C}' => ARABIC_LETTER_MARK,
        '\u{202A}'..='\u{202E}' => BIDIRECTIONAL_FORMATTING_CHARACTER,
        '\u{2066}'..='\u{2069}' => BIDIRECTIONAL_ISOLATE_CHARACTER,
        _ => return None,
    })
}

fn check_characters(field: Field, value: &str, report: &mut Report) {
    let multiline = matches!(field, Field::Certificate | Field::Key);
    for (index, c) in value.chars().enumerate() {
        let position = index + 1;
        if let Some(name) = invisible_character_name(c) {
            report.error(
                Code::InvisibleCharacter,
                field,
                INVISIBLE_CHARACTER,
                vec![param("position", position), param("field", field.label()), param("character", name), param("codepoint", codepoint(c))],
            );
            return;
        }
        if multiline && matches!(c, '\n' | '\r' | '\t' | ' ') {
            continue;
        }
        if c.is_whitespace() {
            let template = if matches!(c, '\n' | '\r') { LINE_BREAK_IN_VALUE } else { SPACE_IN_VALUE };
            let code = match field {
                Field::ClientId => Code::ClientIdWhitespace,
                Field::ClientSecret => Code::ClientSecretWhitespace,
                Field::Url => Code::UrlInvalid,
                Field::TokenUrl => Code::TokenUrlInvalid,
                Field::CertUrl => Code::CertUrlInvalid,
                Field::Certificate | Field::Key => Code::ControlCharacter,
            };
            report.error(code, field, template, vec![param("field", field.label()), param("position", position)]);
            return;
        }
        if c.is_control() {
            report.error(
                Code::ControlCharacter,
                field,
                CONTROL_CHARACTER_IN_VALUE,
                vec![param("position", position), param("field", field.label()), param("codepoint", codepoint(c))],
            );
            return;
        }
    }
}

/// The parts of an absolute URL that the rules look at.
struct Url<'a> {
    scheme: &'a str,
    host: String,
    path: &'a str,
}

fn parse_url(value: &str) -> Option<Url<'_>> {
    let (scheme, rest) = value.split_once("://")?;
    if scheme.is_empty() || !scheme.chars().all(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    let authority_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let authority = &rest[..authority_end];
    let after = &rest[authority_end..];
    let path = &after[..after.find(['?', '#']).unwrap_or(after.len())];
    if authority.contains('@') {
        return None;
    }
    // An IPv6 address stands in brackets: `[::1]` or `[::1]:8443`.
    if let Some(bracketed) = authority.strip_prefix('[') {
        let (address, port) = bracketed.split_once(']')?;
        let port_ok = port.is_empty() || port.strip_prefix(':').is_some_and(|port| !port.is_empty() && port.chars().all(|c| c.is_ascii_digit()));
        let address_ok = address.contains(':') && address.chars().all(|c| c.is_ascii_hexdigit() || c == ':' || c == '.');
        return (port_ok && address_ok).then(|| Url { scheme, host: address.to_ascii_lowercase(), path });
    }
    let host = match authority.rsplit_once(':') {
        Some((host, port)) if !port.is_empty() && port.chars().all(|c| c.is_ascii_digit()) => host,
        Some(_) => return None,
        None => authority,
    };
    let valid_host = !host.is_empty()
        && host.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.')
        && !host.starts_with(['.', '-'])
        && !host.ends_with(['.', '-'])
        && !host.contains("..");
    valid_host.then(|| Url { scheme, host: host.to_ascii_lowercase(), path })
}

/// Whether `value` is a URL of an authentication server (`<subdomain>.authentication.<region>...`).
pub fn is_authentication_url(value: &str) -> bool {
    parse_url(value).is_some_and(|url| is_authentication_host(&url.host))
}

fn is_authentication_host(host: &str) -> bool {
    host.contains(".authentication.")
}

fn is_token_path(path: &str) -> bool {
    path.ends_with("/oauth/token")
}

fn check_url_swap(values: &FieldValues, report: &mut Report) {
    if report.has_error(Field::Url) || report.has_error(Field::TokenUrl) {
        return;
    }
    let (Some(url), Some(token_url)) =
        (values.get(Field::Url).and_then(parse_url), values.get(Field::TokenUrl).and_then(parse_url))
    else {
        return;
    };
    let url_is_token_url = is_token_path(url.path);
    let token_url_is_app_url = !is_token_path(token_url.path) && !is_authentication_host(&token_url.host);
    if url_is_token_url && token_url_is_app_url {
        for field in [Field::Url, Field::TokenUrl] {
            report.error(Code::UrlAndTokenUrlSwapped, field, URL_AND_TOKEN_URL_SWAPPED, vec![]);
        }
    }
}

fn check_url(field: Field, value: &str, context: &Context, report: &mut Report) {
    let (invalid, not_https) = match field {
        Field::Url => (Code::UrlInvalid, Code::UrlNotHttps),
        Field::TokenUrl => (Code::TokenUrlInvalid, Code::TokenUrlNotHttps),
        _ => (Code::CertUrlInvalid, Code::CertUrlNotHttps),
    };
    let Some(url) = parse_url(value) else {
        report.error(invalid, field, NOT_AN_ABSOLUTE_URL, vec![param("field", field.label()), param("hint", hint(field))]);
        return;
    };
    if !url.scheme.eq_ignore_ascii_case("https") {
        report.error(not_https, field, NOT_HTTPS, vec![param("field", field.label()), param("scheme", url.scheme.to_ascii_lowercase())]);
        return;
    }
    let known_platform = url.host.ends_with(".hana.ondemand.com") || url.host.ends_with(".sapcloud.cn");
    match field {
        Field::Url => {
            if is_authentication_host(&url.host) || is_token_path(url.path) {
                report.error(Code::UrlIsAuthenticationHost, field, URL_IS_AUTHENTICATION_HOST, vec![]);
                return;
            }
            if !known_platform && !url.host.contains(".cfapps.") {
                report.warning(Code::UrlHostUnusual, field, URL_HOST_UNUSUAL, vec![param("host", &url.host)]);
            }
            let registered = context.registered_api_portal_url.as_deref().and_then(parse_url);
            if let Some(registered) = registered.filter(|registered| registered.host != url.host) {
                report.warning(
                    Code::UrlHostDiffersFromRequest,
                    field,
                    URL_HOST_DIFFERS_FROM_REQUEST,
                    vec![param("host", &url.host), param("registered", &registered.host)],
                );
            }
        }
        Field::TokenUrl => {
            if !is_token_path(url.path) {
                report.error(Code::TokenUrlPath, field, TOKEN_URL_PATH, vec![]);
                return;
            }
            if !is_authentication_host(&url.host) {
                report.warning(Code::TokenUrlHostUnusual, field, TOKEN_URL_HOST_UNUSUAL, vec![param("host", &url.host)]);
            }
        }
        _ => {
            if !url.host.contains(".authentication.cert.") {
                report.warning(Code::CertUrlHostUnusual, field, CERT_URL_HOST_UNUSUAL, vec![param("host", &url.host)]);
            }
        }
    }
}

fn looks_like_client_id(value: &str) -> bool {
    value.starts_with("sb-") || (value.contains('|') && value.contains('!'))
}

fn looks_like_secret(value: &str) -> bool {
    !looks_like_client_id(value) && (value.contains('$') || value.ends_with('='))
}

/// `sb-<name>!b<digits>|<xsappname>!b<digits>`: the `!b`, `!t` or `!a` parts carry digits.
fn has_xsuaa_client_id_shape(value: &str) -> bool {
    value.starts_with("sb-")
        && value.split('!').skip(1).any(|part| {
            let mut chars = part.chars();
            matches!(chars.next(), Some('b' | 't' | 'a')) && chars.next().is_some_and(|c| c.is_ascii_digit())
        })
}

fn check_client_id_and_secret(values: &FieldValues, report: &mut Report) {
    let usable = |field: Field| values.get(field).filter(|value| !value.is_empty() && !report.has_error(field));
    let client_id = usable(Field::ClientId);
    let secret = usable(Field::ClientSecret);
    let id_is_secret = client_id.is_some_and(looks_like_secret);
    let secret_is_id = secret.is_some_and(looks_like_client_id);
    if id_is_secret && secret_is_id {
        for field in [Field::ClientId, Field::ClientSecret] {
            report.error(Code::ClientIdAndSecretSwapped, field, CLIENT_ID_AND_SECRET_SWAPPED, vec![]);
        }
        return;
    }
    if id_is_secret {
        report.error(Code::ClientIdLooksLikeSecret, Field::ClientId, CLIENT_ID_LOOKS_LIKE_SECRET, vec![]);
    } else if client_id.is_some_and(|value| !has_xsuaa_client_id_shape(value)) {
        report.warning(Code::ClientIdUnusual, Field::ClientId, CLIENT_ID_UNUSUAL, vec![]);
    }
    if secret_is_id {
        report.error(Code::ClientSecretLooksLikeClientId, Field::ClientSecret, CLIENT_SECRET_LOOKS_LIKE_CLIENT_ID, vec![]);
    }
}

fn check_pem(field: Field, value: &str, report: &mut Report) {
    let (code, template, params) = match pem::parse_blocks(value) {
        Err(problem) => pem_problem(field, problem),
        Ok(blocks) => {
            let labels: Vec<&str> = blocks.iter().map(|block| block.label.as_str()).collect();
            match field {
                Field::Certificate => {
                    if labels.iter().all(|label| *label == "CERTIFICATE") {
                        return;
                    }
                    (Code::PemWrongType, CERTIFICATE_HOLDS_OTHER_BLOCK, vec![])
                }
                _ => {
                    if labels.contains(&"CERTIFICATE") {
                        (Code::PemWrongType, KEY_HOLDS_CERTIFICATE, vec![])
                    } else if labels.iter().any(|label| label.contains("ENCRYPTED")) || value.contains("Proc-Type: 4,ENCRYPTED") {
                        (Code::KeyEncrypted, KEY_ENCRYPTED, vec![])
                    } else if labels.len() != 1 {
                        (Code::PemMalformed, KEY_BLOCKS, vec![param("count", labels.len())])
                    } else if !matches!(labels[0], "PRIVATE KEY" | "RSA PRIVATE KEY" | "EC PRIVATE KEY") {
                        (Code::PemWrongType, KEY_OTHER_BLOCK, vec![param("label", labels[0])])
                    } else {
                        return;
                    }
                }
            }
        }
    };
    report.error(code, field, template, params);
}

fn pem_problem(field: Field, problem: PemProblem) -> (Code, &'static str, Vec<(&'static str, String)>) {
    let label = param("field", field.label());
    match problem {
        PemProblem::MalformedLine => (Code::PemMalformed, PEM_LINE_DAMAGED, vec![label]),
        PemProblem::NoBegin => (Code::PemMalformed, PEM_NO_BEGIN, vec![label, param("hint", hint(field))]),
        PemProblem::TextOutsideBlocks => (Code::PemMalformed, PEM_TEXT_OUTSIDE_BLOCKS, vec![label]),
        PemProblem::MismatchedEnd { begin, end } => {
            (Code::PemMismatchedEnd, PEM_MISMATCHED_END, vec![label, param("begin", begin), param("end", end)])
        }
        PemProblem::MissingEnd { label: block } => (Code::PemMissingEnd, PEM_MISSING_END, vec![label, param("label", block)]),
        PemProblem::InvalidBase64 { block } => (Code::PemInvalidBase64, PEM_INVALID_BASE64, vec![param("block", block), label]),
    }
}

/// A character's code point as Unicode writes it after `U+`: `200B`.
pub(crate) fn codepoint(c: char) -> String {
    format!("{:04X}", u32::from(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    const ID: &str = "sb-apiaccess1689070958781!b6077|api-portal-xsuaa!b2160";
    const SECRET: &str = "0f3a9c1e-5b7d-4c2a-9e8f-1a2b3c4d5e6f$Zx9_Ab-Cd+Ef/Gh=";

    fn valid() -> FieldValues {
        FieldValues::new()
            .with(Field::Url, "https://eu10apiportal.cfapps.eu10.hana.ondemand.com")
            .with(Field::TokenUrl, "https://acme.authentication.eu10.hana.ondemand.com/oauth/token")
            .with(Field::ClientId, ID)
            .with(Field::ClientSecret, SECRET)
    }

    fn codes(values: FieldValues) -> Vec<(String, &'static str)> {
        let mut values = values;
        check(&mut values, CredentialKind::ClientSecret, &Context::default())
            .into_iter()
            .map(|d| (d.code.as_str().to_owned(), d.target()))
            .collect()
    }

    #[test]
    fn valid_client_secret_credentials_pass() {
        assert_eq!(codes(valid()), vec![]);
    }

    #[test]
    fn missing_and_empty_fields() {
        let mut values = valid();
        values.remove(Field::ClientSecret);
        assert_eq!(codes(values), vec![("FIELD_MISSING".into(), "clientSecret")]);
        assert_eq!(codes(valid().with(Field::ClientId, "")), vec![("FIELD_EMPTY".into(), "clientId")]);
    }

    #[test]
    fn token_url_rules() {
        assert_eq!(
            codes(valid().with(Field::TokenUrl, "http://acme.authentication.eu10.hana.ondemand.com/oauth/token")),
            vec![("TOKEN_URL_NOT_HTTPS".into(), "tokenUrl")]
        );
        assert_eq!(
            codes(valid().with(Field::TokenUrl, "https://acme.authentication.eu10.hana.ondemand.com/oauth")),
            vec![("TOKEN_URL_PATH".into(), "tokenUrl")]
        );
        assert_eq!(
            codes(valid().with(Field::TokenUrl, "https://login.example.com/oauth/token")),
            vec![("TOKEN_URL_HOST_UNUSUAL".into(), "tokenUrl")]
        );
        assert_eq!(codes(valid().with(Field::TokenUrl, "acme/oauth/token")), vec![("TOKEN_URL_INVALID".into(), "tokenUrl")]);
        assert_eq!(codes(valid().with(Field::TokenUrl, "https://[::1/oauth/token")), vec![("TOKEN_URL_INVALID".into(), "tokenUrl")]);
        assert_eq!(codes(valid().with(Field::TokenUrl, "https://[::1]x/oauth/token")), vec![("TOKEN_URL_INVALID".into(), "tokenUrl")]);
        assert_eq!(
            codes(valid().with(Field::TokenUrl, "https://[2001:db8::1]:8443/oauth/token")),
            vec![("TOKEN_URL_HOST_UNUSUAL".into(), "tokenUrl")],
            "an IPv6 address is a host"
        );
    }

    #[test]
    fn url_rules() {
        assert_eq!(
            codes(valid().with(Field::Url, "https://acme.authentication.eu10.hana.ondemand.com")),
            vec![("URL_IS_AUTHENTICATION_HOST".into(), "url")]
        );
        assert_eq!(codes(valid().with(Field::Url, "https://api.example.com")), vec![("URL_HOST_UNUSUAL".into(), "url")]);
        assert_eq!(codes(valid().with(Field::Url, "https://user@api.example.com")), vec![("URL_INVALID".into(), "url")]);
        let mut swapped = valid();
        swapped.set(Field::Url, "https://acme.authentication.eu10.hana.ondemand.com/oauth/token");
        swapped.set(Field::TokenUrl, "https://eu10apiportal.cfapps.eu10.hana.ondemand.com");
        assert_eq!(
            codes(swapped),
            vec![("URL_AND_TOKEN_URL_SWAPPED".into(), "url"), ("URL_AND_TOKEN_URL_SWAPPED".into(), "tokenUrl")]
        );
    }

    #[test]
    fn registered_portal_host_is_compared() {
        let context = Context { registered_api_portal_url: Some("https://other.cfapps.eu10.hana.ondemand.com".into()) };
        let mut values = valid();
        let diagnostics = check(&mut values, CredentialKind::ClientSecret, &context);
        assert_eq!(diagnostics.len(), 1);
        assert_eq!(diagnostics[0].code, Code::UrlHostDiffersFromRequest);
    }

    #[test]
    fn client_id_rules() {
        assert_eq!(codes(valid().with(Field::ClientId, "sb-api access!b1")), vec![("CLIENT_ID_WHITESPACE".into(), "clientId")]);
        assert_eq!(codes(valid().with(Field::ClientId, "my-client")), vec![("CLIENT_ID_UNUSUAL".into(), "clientId")]);
        assert_eq!(codes(valid().with(Field::ClientId, SECRET)), vec![("CLIENT_ID_LOOKS_LIKE_SECRET".into(), "clientId")]);
        assert_eq!(
            codes(valid().with(Field::ClientSecret, ID)),
            vec![("CLIENT_SECRET_LOOKS_LIKE_CLIENT_ID".into(), "clientSecret")]
        );
        assert_eq!(
            codes(valid().with(Field::ClientId, SECRET).with(Field::ClientSecret, ID)),
            vec![("CLIENT_ID_AND_SECRET_SWAPPED".into(), "clientId"), ("CLIENT_ID_AND_SECRET_SWAPPED".into(), "clientSecret")]
        );
    }

    #[test]
    fn secret_rules() {
        assert_eq!(codes(valid().with(Field::ClientSecret, "abc def")), vec![("CLIENT_SECRET_WHITESPACE".into(), "clientSecret")]);
        assert_eq!(codes(valid().with(Field::ClientSecret, "abc\ndef")), vec![("CLIENT_SECRET_WHITESPACE".into(), "clientSecret")]);
        assert_eq!(codes(valid().with(Field::ClientSecret, "abc\u{0}def")), vec![("CONTROL_CHARACTER".into(), "clientSecret")]);
    }

    #[test]
    fn surrounding_whitespace_is_trimmed_with_a_warning() {
        let mut values = valid().with(Field::ClientId, format!("  {ID}\n"));
        let diagnostics = check(&mut values, CredentialKind::ClientSecret, &Context::default());
        assert_eq!(diagnostics.iter().map(|d| d.code).collect::<Vec<_>>(), vec![Code::ValueTrimmed]);
        assert_eq!(values.get(Field::ClientId), Some(ID));
    }

    #[test]
    fn invisible_characters_inside_are_errors_naming_the_position() {
        let mut values = valid().with(Field::ClientId, "sb-api\u{200B}access!b1|x!b2");
        let diagnostics = check(&mut values, CredentialKind::ClientSecret, &Context::default());
        assert_eq!(diagnostics.len(), 1);
        assert_eq!(diagnostics[0].code, Code::InvisibleCharacter);
        assert!(diagnostics[0].message.contains("Character 7"), "{}", diagnostics[0].message);
        assert!(diagnostics[0].message.contains("U+200B"));
        for c in ['\u{00A0}', '\u{202E}', '\u{2066}', '\u{200F}'] {
            let mut values = valid().with(Field::ClientSecret, format!("ab{c}cd"));
            let diagnostics = check(&mut values, CredentialKind::ClientSecret, &Context::default());
            assert_eq!(diagnostics[0].code, Code::InvisibleCharacter, "{c:?}");
        }
    }

    #[test]
    fn the_documentation_sample_is_recognised() {
        let sample = FieldValues::new()
            .with(Field::Url, "https://<application name>.cfapps.sap.hana.ondemand.com")
            .with(Field::TokenUrl, "https://<name>.authentication.sap.hana.ondemand.com/oauth/token")
            .with(Field::ClientId, "sb-apiaccessxxxxxxxx!xxxx|api-portal-xsuaa!bxxxx")
            .with(Field::ClientSecret, "xxxxxxxxxxxxxxxxxxxxxxx=");
        let found = codes(sample);
        assert_eq!(found.iter().filter(|(code, _)| code == "SAMPLE_VALUE").count(), 4);
        assert!(found.contains(&("SAMPLE_CREDENTIALS".into(), "credentials")));
        assert_eq!(found.len(), 5, "{found:?}");
    }

    #[test]
    fn secrets_never_appear_in_messages() {
        let mut values = valid().with(Field::ClientSecret, "sb-leak!b1|x!b2 $");
        for diagnostic in check(&mut values, CredentialKind::ClientSecret, &Context::default()) {
            assert!(!diagnostic.message.contains("sb-leak"), "{}", diagnostic.message);
        }
    }

    #[test]
    fn client_id_shapes() {
        assert!(has_xsuaa_client_id_shape(ID));
        assert!(has_xsuaa_client_id_shape("sb-na-1234!t5678"));
        assert!(!has_xsuaa_client_id_shape("sb-apiaccess"));
        assert!(!has_xsuaa_client_id_shape("apiaccess!b12"));
    }
}
