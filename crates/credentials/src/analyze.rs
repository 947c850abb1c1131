//! From pasted text (or typed fields) to an [`Analysis`]: repairs, parsing, recognising the
//! shape, extracting the fields and applying the rules.

use std::collections::HashMap;
use std::ops::Range;

use crate::credentials::Credentials;
use crate::diagnostic::{Code, Diagnostic, Severity};
use crate::field::{Field, FieldValues};
use crate::json::{self, Expected, Member, SyntaxError, SyntaxErrorKind, Value};
use crate::rules;
use crate::text::{location_in, masked_excerpt, Prepared};
use crate::{Context, CredentialKind};

/// Input larger than this is refused before parsing (the hub's body limit too).
pub const MAX_INPUT_BYTES: usize = 64 * 1024;

/// Past this many findings of one rule, the rest are summed up in one diagnostic: a hostile
/// input cannot make the list (or the time to locate each finding) grow without bound.
const MAX_REPORTED_PER_RULE: usize = 10;

/// Keys that only an XSUAA service key (binding) has.
const XSUAA_MARKERS: [&str; 6] = ["xsappname", "uaadomain", "identityzone", "identityzoneid", "tenantmode", "verificationkey"];
/// Sections of a service key that may hold the credentials.
const SECTIONS: [&str; 2] = ["uaa", "credentials"];

/// What the input was recognised as.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Shape {
    /// Nothing was pasted.
    Empty,
    /// Over [`MAX_INPUT_BYTES`].
    TooLarge,
    /// No JSON in it.
    NotJson,
    /// JSON with a syntax error that stops parsing.
    InvalidJson,
    /// JSON whose top level is not an object.
    NotAnObject,
    /// A JSON object without any credential field.
    Unrecognized,
    /// Credentials as the API portal generates them.
    Credentials(CredentialKind),
    /// Another SAP service key, with the credentials in a section such as `uaa`.
    ServiceKeySection { section: String, kind: CredentialKind },
    /// A plain XSUAA service key (`clientid`, `clientsecret`, `url` of the authentication server).
    XsuaaBinding(CredentialKind),
}

impl Shape {
    /// The kind of credentials found, if any.
    pub fn kind(&self) -> Option<CredentialKind> {
        match self {
            Shape::Credentials(kind) | Shape::ServiceKeySection { kind, .. } | Shape::XsuaaBinding(kind) => Some(*kind),
            _ => None,
        }
    }

    /// What was recognised, for people.
    pub fn description(&self) -> String {
        match self {
            Shape::Empty => "nothing".into(),
            Shape::TooLarge => "text too large to be credentials".into(),
            Shape::NotJson => "text that is not JSON".into(),
            Shape::InvalidJson => "JSON with an error".into(),
            Shape::NotAnObject => "JSON that is not an object".into(),
            Shape::Unrecognized => "a JSON object that is not credentials".into(),
            Shape::Credentials(kind) => format!("API portal credentials ({})", kind.label().to_lowercase()),
            Shape::ServiceKeySection { section, kind } => {
                format!("an SAP service key with a \"{section}\" section ({})", kind.label().to_lowercase())
            }
            Shape::XsuaaBinding(kind) => format!("an XSUAA service key ({})", kind.label().to_lowercase()),
        }
    }
}

/// Everything learnt about one input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Analysis {
    pub shape: Shape,
    /// The values found (trimmed), also when some are wrong: they fill the form.
    pub values: FieldValues,
    /// The normalised credentials, when nothing blocks using them.
    pub credentials: Option<Credentials>,
    /// Errors first, then warnings, then infos; in each, in the order found.
    pub diagnostics: Vec<Diagnostic>,
}

impl Analysis {
    fn new(shape: Shape, diagnostics: Vec<Diagnostic>) -> Self {
        let mut analysis = Self { shape, values: FieldValues::new(), credentials: None, diagnostics };
        analysis.diagnostics.sort_by_key(|diagnostic| diagnostic.severity);
        analysis
    }

    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }

    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics.iter().filter(|diagnostic| diagnostic.is_error())
    }

    /// The diagnostics about `field`.
    pub fn for_field(&self, field: Field) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics.iter().filter(move |diagnostic| diagnostic.field == Some(field))
    }

    pub fn count(&self, severity: Severity) -> usize {
        self.diagnostics.iter().filter(|diagnostic| diagnostic.severity == severity).count()
    }
}

/// Analyses pasted credentials.
pub fn analyze(input: &str, context: &Context) -> Analysis {
    if input.len() > MAX_INPUT_BYTES {
        let message = format!(
            "The text is {} KiB; credentials are a few KiB at most, and more than 64 KiB is refused. Paste only the credentials JSON.",
            input.len().div_ceil(1024)
        );
        return Analysis::new(Shape::TooLarge, vec![Diagnostic::error(Code::InputTooLarge, None, message)]);
    }
    if input.trim().is_empty() {
        let message = "Paste the API portal access credentials (a JSON object), or type them in their fields.";
        return Analysis::new(Shape::Empty, vec![Diagnostic::error(Code::InputEmpty, None, message)]);
    }
    let prepared = Prepared::new(input);
    let mut diagnostics = repairs(&prepared);
    let text = prepared.text.as_str();
    let first = text.len() - text.trim_start().len();

    let start = if text[first..].starts_with(['{', '[']) {
        first
    } else if let Some(brace) = text.find('{') {
        diagnostics.push(located(
            Diagnostic::warning(
                Code::TextBeforeJsonIgnored,
                None,
                "Text before the opening brace { was ignored (copied along with the credentials).",
            ),
            &prepared,
            first..brace,
        ));
        brace
    } else {
        let message = if text.contains("\":") {
            "The opening brace { is missing: the credentials start with { and end with }. Copy them again, including the first and last line.".to_owned()
        } else {
            "This is not JSON: the credentials are a JSON object that starts with {. Paste them again, or type the client ID and client secret in their fields.".to_owned()
        };
        diagnostics.push(located(Diagnostic::error(Code::NotJson, None, message), &prepared, first..text.len()));
        return Analysis::new(Shape::NotJson, diagnostics);
    };

    let parsed = match json::parse_value_at(text, start) {
        Ok(parsed) => parsed,
        Err(error) => {
            diagnostics.push(syntax_diagnostic(&error, &prepared));
            return Analysis::new(Shape::InvalidJson, diagnostics);
        }
    };
    diagnostics.extend(parsed.recovered.iter().map(|error| syntax_diagnostic(error, &prepared)));
    let end = parsed.node.span.end;
    let trailing = text[end..].trim();
    if !trailing.is_empty() {
        let from = end + (text[end..].len() - text[end..].trim_start().len());
        diagnostics.push(located(
            Diagnostic::warning(
                Code::TextAfterJsonIgnored,
                None,
                "Text after the closing brace } was ignored (copied along with the credentials).",
            ),
            &prepared,
            from..text.trim_end().len(),
        ));
    }
    let Value::Object(members) = &parsed.node.value else {
        let message = format!(
            "The credentials must be one JSON object ({{ ... }}), but this is {}.{}",
            parsed.node.value.kind(),
            if matches!(parsed.node.value, Value::Array(_)) { " Paste the object itself, without the [ ] around it." } else { "" }
        );
        diagnostics.push(located(Diagnostic::error(Code::NotAnObject, None, message), &prepared, parsed.node.span.clone()));
        return Analysis::new(Shape::NotAnObject, diagnostics);
    };
    analyze_object(members, &prepared, context, diagnostics)
}

/// Analyses credentials typed field by field.
pub fn analyze_fields(values: FieldValues, context: &Context) -> Analysis {
    let kind = kind_of(&values);
    let mut analysis = Analysis::new(Shape::Credentials(kind), Vec::new());
    analysis.values = values;
    finish(&mut analysis, kind, context, &FieldSpans::default(), None);
    analysis
}

/// Whether the values are X.509 credentials (a certificate, key or cert URL) or client-secret ones.
fn kind_of(values: &FieldValues) -> CredentialKind {
    if !values.has(Field::ClientSecret) && [Field::Certificate, Field::Key, Field::CertUrl].iter().any(|f| values.has(*f)) {
        CredentialKind::X509
    } else if values.has(Field::Certificate) || values.has(Field::Key) {
        CredentialKind::X509
    } else {
        CredentialKind::ClientSecret
    }
}

#[derive(Default)]
struct FieldSpans {
    spans: Vec<(Field, Range<usize>)>,
}

impl FieldSpans {
    fn get(&self, field: Field) -> Option<&Range<usize>> {
        self.spans.iter().find(|(candidate, _)| *candidate == field).map(|(_, span)| span)
    }
}

/// The fields of one JSON object.
struct Extracted<'m> {
    values: FieldValues,
    spans: FieldSpans,
    unknown: Vec<&'m Member>,
    sections: Vec<&'m Member>,
    is_xsuaa: bool,
}

fn extract<'m>(members: &'m [Member], prepared: &Prepared<'_>, diagnostics: &mut Vec<Diagnostic>) -> Extracted<'m> {
    let mut extracted = Extracted {
        values: FieldValues::new(),
        spans: FieldSpans::default(),
        unknown: Vec::new(),
        sections: Vec::new(),
        is_xsuaa: false,
    };
    let mut keys: HashMap<&str, &Range<usize>> = HashMap::new();
    let mut duplicates = 0usize;
    let mut repeated_fields = 0usize;
    for member in members {
        let field = Field::from_key(&member.key);
        if let Some(first_span) = keys.get(member.key.as_str()) {
            duplicates += 1;
            if duplicates <= MAX_REPORTED_PER_RULE {
                let first = prepared.location(first_span).line;
                let again = prepared.location(&member.key_span).line;
                diagnostics.push(located(
                    Diagnostic::error(
                        Code::JsonDuplicateKey,
                        field,
                        format!("The key \"{}\" appears twice (lines {first} and {again}). Keep only the right one.", member.key),
                    ),
                    prepared,
                    member.key_span.clone(),
                ));
            }
            continue;
        }
        keys.insert(&member.key, &member.key_span);
        extracted.is_xsuaa |= XSUAA_MARKERS.iter().any(|marker| marker.eq_ignore_ascii_case(&member.key));
        match field {
            Some(field) if extracted.values.has(field) => {
                repeated_fields += 1;
                if repeated_fields > MAX_REPORTED_PER_RULE {
                    continue;
                }
                let other = members
                    .iter()
                    .find(|other| other.key != member.key && Field::from_key(&other.key) == Some(field))
                    .map_or("", |other| other.key.as_str());
                diagnostics.push(located(
                    Diagnostic::error(
                        Code::DuplicateField,
                        Some(field),
                        format!("Both \"{other}\" and \"{}\" give the {}. Keep only one.", member.key, field.label()),
                    ),
                    prepared,
                    member.key_span.clone(),
                ));
            }
            Some(field) => match &member.value.value {
                Value::String(value) => {
                    extracted.values.set(field, value.as_str());
                    extracted.spans.spans.push((field, member.value.span.clone()));
                }
                other => diagnostics.push(located(
                    Diagnostic::error(
                        Code::FieldNotAString,
                        Some(field),
                        format!("The {} (\"{}\") must be a string in double quotes, but it is {}.", field.label(), member.key, other.kind()),
                    ),
                    prepared,
                    member.value.span.clone(),
                )),
            },
            None if matches!(member.value.value, Value::Object(_))
                && SECTIONS.iter().any(|section| section.eq_ignore_ascii_case(&member.key)) =>
            {
                extracted.sections.push(member);
            }
            None => extracted.unknown.push(member),
        }
    }
    if duplicates > MAX_REPORTED_PER_RULE {
        diagnostics.push(Diagnostic::error(
            Code::JsonDuplicateKey,
            None,
            format!("{} more keys appear twice.", duplicates - MAX_REPORTED_PER_RULE),
        ));
    }
    if repeated_fields > MAX_REPORTED_PER_RULE {
        diagnostics.push(Diagnostic::error(
            Code::DuplicateField,
            None,
            format!("{} more keys give a field that another key gives already.", repeated_fields - MAX_REPORTED_PER_RULE),
        ));
    }
    extracted
}

fn has_credential_fields(values: &FieldValues) -> bool {
    [Field::ClientId, Field::ClientSecret, Field::Certificate, Field::Key].iter().any(|field| values.has(*field))
}

fn analyze_object(members: &[Member], prepared: &Prepared<'_>, context: &Context, mut diagnostics: Vec<Diagnostic>) -> Analysis {
    let top = extract(members, prepared, &mut diagnostics);
    let mut section_name = None;
    let mut source = top;
    if !has_credential_fields(&source.values) {
        // Another service key: look one and two levels down (`credentials` > `uaa`).
        let mut found = None;
        for section in &source.sections {
            let Value::Object(inner) = &section.value.value else { continue };
            let mut nested_diagnostics = Vec::new();
            let nested = extract(inner, prepared, &mut nested_diagnostics);
            let candidate = if has_credential_fields(&nested.values) {
                Some((section.key.to_ascii_lowercase(), nested, nested_diagnostics))
            } else {
                nested.sections.iter().find_map(|deeper| {
                    let Value::Object(deepest) = &deeper.value.value else { return None };
                    let mut deepest_diagnostics = Vec::new();
                    let deepest = extract(deepest, prepared, &mut deepest_diagnostics);
                    has_credential_fields(&deepest.values).then(|| (deeper.key.to_ascii_lowercase(), deepest, deepest_diagnostics))
                })
            };
            if candidate.is_some() {
                found = candidate;
                break;
            }
        }
        if let Some((name, mut nested, nested_diagnostics)) = found {
            diagnostics.extend(nested_diagnostics);
            // A section whose url is its authentication server (the `uaa` of a service key):
            // the token URL is built from that url, and the API portal's URL is the service
            // key's own url, or else the one registered on the request.
            let auth_server = nested.is_xsuaa || nested.values.get(Field::Url).is_some_and(rules::is_authentication_url);
            if auth_server {
                let nested_kind = kind_of(&nested.values);
                derive_token_url(&mut nested, nested_kind);
                nested.values.remove(Field::Url);
                nested.spans.spans.retain(|(field, _)| !matches!(field, Field::Url | Field::TokenUrl));
            }
            let portal_url = source.values.get(Field::Url).filter(|url| !rules::is_authentication_url(url));
            match (portal_url, source.spans.get(Field::Url)) {
                (Some(url), Some(span)) if !nested.values.has(Field::Url) => {
                    nested.values.set(Field::Url, url);
                    nested.spans.spans.push((Field::Url, span.clone()));
                    nested.is_xsuaa = false;
                }
                _ => nested.is_xsuaa = auth_server,
            }
            section_name = Some(name);
            source = nested;
        }
    }
    // Credentials whose url is an authentication server and that have no token URL are an
    // XSUAA service key, whatever else they hold.
    if !source.values.has(Field::TokenUrl) && source.values.get(Field::Url).is_some_and(rules::is_authentication_url) {
        source.is_xsuaa = true;
    }

    let kind = kind_of(&source.values);
    if source.values.has(Field::ClientSecret) && (source.values.has(Field::Certificate) || source.values.has(Field::Key)) {
        diagnostics.push(Diagnostic::error(
            Code::MixedCredentialTypes,
            None,
            "The JSON holds both a client secret and a certificate or key. Paste one set of credentials: either client secret or X.509.",
        ));
    }

    let mut xsuaa_note = None;
    if source.is_xsuaa {
        xsuaa_note = Some(use_xsuaa_binding(&mut source, kind, context));
    }

    if !has_credential_fields(&source.values) && !source.values.has(Field::Url) && !source.values.has(Field::TokenUrl) {
        let mut names: Vec<&str> = members.iter().map(|member| member.key.as_str()).take(8).collect();
        if members.len() > 8 {
            names.push("…");
        }
        let listed = if names.is_empty() { "no fields at all".to_owned() } else { format!("the fields {}", names.join(", ")) };
        diagnostics.push(Diagnostic::error(
            Code::ShapeUnrecognized,
            None,
            format!(
                "This JSON is not API portal credentials: it has {listed}. Credentials have url, tokenUrl, clientId and clientSecret (or certificate and key for X.509)."
            ),
        ));
        let mut analysis = Analysis::new(Shape::Unrecognized, diagnostics);
        analysis.values = source.values;
        return analysis;
    }

    let shape = match (&section_name, source.is_xsuaa) {
        (_, true) => Shape::XsuaaBinding(kind),
        (Some(section), false) => Shape::ServiceKeySection { section: section.clone(), kind },
        (None, false) => Shape::Credentials(kind),
    };
    if let (Some(section), false) = (&section_name, source.is_xsuaa) {
        diagnostics.push(Diagnostic::info(
            Code::ServiceKeySectionUsed,
            None,
            format!("Recognised an SAP service key with a \"{section}\" section; its credentials were used."),
        ));
    }
    if let Some(note) = xsuaa_note {
        diagnostics.push(note);
    }
    if section_name.is_none() && !source.is_xsuaa {
        for member in source.unknown.iter().take(MAX_REPORTED_PER_RULE) {
            diagnostics.push(located(
                Diagnostic::info(
                    Code::UnknownField,
                    None,
                    format!("The field \"{}\" is not part of API portal credentials and is ignored.", member.key),
                ),
                prepared,
                member.key_span.clone(),
            ));
        }
        if source.unknown.len() > MAX_REPORTED_PER_RULE {
            diagnostics.push(Diagnostic::info(
                Code::UnknownField,
                None,
                format!("{} more fields are not part of API portal credentials and are ignored.", source.unknown.len() - MAX_REPORTED_PER_RULE),
            ));
        }
    }

    let mut analysis = Analysis::new(shape, diagnostics);
    analysis.values = source.values;
    finish(&mut analysis, kind, context, &source.spans, Some(prepared));
    analysis
}

/// Takes the credentials of an XSUAA service key: its url is the authentication server, so the
/// token URL comes from it, and the API portal's URL from the request (if known).
fn use_xsuaa_binding(source: &mut Extracted<'_>, kind: CredentialKind, context: &Context) -> Diagnostic {
    derive_token_url(source, kind);
    source.values.remove(Field::Url);
    source.spans.spans.retain(|(field, _)| !matches!(field, Field::Url | Field::TokenUrl));
    match context.registered_api_portal_url.as_deref() {
        Some(portal) => {
            source.values.set(Field::Url, portal);
            Diagnostic::warning(
                Code::XsuaaBindingUsed,
                None,
                "This is an XSUAA service key, not the credentials the API portal generates. Its client ID and secret are used, the token URL is its url followed by /oauth/token, and the URL is the API portal registered on this request. Check that the key belongs to that API portal.",
            )
        }
        None => Diagnostic::warning(
            Code::XsuaaBindingUsed,
            None,
            "This is an XSUAA service key, not the credentials the API portal generates. Its client ID and secret are used and the token URL is its url followed by /oauth/token; its url is the authentication server, so the API portal's URL is still needed.",
        ),
    }
}

/// Sets the token URL of an XSUAA service key from its authentication server, unless it has one.
fn derive_token_url(source: &mut Extracted<'_>, kind: CredentialKind) {
    let server = match kind {
        CredentialKind::X509 => source.values.get(Field::CertUrl).or(source.values.get(Field::Url)),
        CredentialKind::ClientSecret => source.values.get(Field::Url),
    };
    if let (false, Some(server)) = (source.values.has(Field::TokenUrl), server) {
        let token_url = format!("{}/oauth/token", server.trim().trim_end_matches('/'));
        source.values.set(Field::TokenUrl, token_url);
    }
}

/// Applies the field rules, locates their diagnostics and builds the credentials if usable.
fn finish(analysis: &mut Analysis, kind: CredentialKind, context: &Context, spans: &FieldSpans, prepared: Option<&Prepared<'_>>) {
    let found = rules::check(&mut analysis.values, kind, context);
    let refused: Vec<Field> = analysis.errors().filter_map(|diagnostic| diagnostic.field).collect();
    // A field refused while reading the JSON (not a string, given twice) is not also "missing".
    let found = found.into_iter().filter(|d| !(d.code == Code::FieldMissing && d.field.is_some_and(|f| refused.contains(&f))));
    for diagnostic in found {
        let span = diagnostic.field.and_then(|field| spans.get(field));
        analysis.diagnostics.push(match (span, prepared) {
            (Some(span), Some(prepared)) => located(diagnostic, prepared, span.clone()),
            _ => diagnostic,
        });
    }
    analysis.diagnostics.sort_by_key(|diagnostic| diagnostic.severity);
    if !analysis.has_errors() {
        analysis.credentials = Credentials::from_values(kind, &analysis.values);
    }
}

fn repairs(prepared: &Prepared<'_>) -> Vec<Diagnostic> {
    let mut diagnostics = Vec::new();
    if prepared.byte_order_mark_removed {
        diagnostics.push(Diagnostic::warning(
            Code::ByteOrderMarkRemoved,
            None,
            "An invisible byte-order mark at the start was removed.",
        ));
    }
    if prepared.quotes_replaced > 0 {
        diagnostics.push(Diagnostic::warning(
            Code::TypographicQuotesReplaced,
            None,
            format!(
                "{} typographic quotes (“ ”) were replaced by straight quotes (\"); a word processor or chat tool had changed them.",
                prepared.quotes_replaced
            ),
        ));
    }
    diagnostics
}

fn located(mut diagnostic: Diagnostic, prepared: &Prepared<'_>, span: Range<usize>) -> Diagnostic {
    diagnostic.location = Some(prepared.location(&span));
    diagnostic
}

fn syntax_diagnostic(error: &SyntaxError, prepared: &Prepared<'_>) -> Diagnostic {
    let location = prepared.location(&error.span);
    let (code, message) = match &error.kind {
        SyntaxErrorKind::Truncated { open } => {
            let opened = location_in(prepared.original, prepared.original_span(&(*open..*open + 1))).line;
            let closing = if prepared.text[*open..].starts_with('[') { "bracket ]" } else { "brace }" };
            (
                Code::JsonTruncated,
                format!("The JSON ends before its closing {closing} (opened on line {opened}): the copy was cut off. Copy the credentials again, including the last line."),
            )
        }
        SyntaxErrorKind::Unexpected { found, expected } => {
            let a_quote = *found == Some('"');
            // Only punctuation is named: a letter or digit found may belong to a secret.
            let found = match found {
                Some(c) if c.is_ascii_punctuation() => format!("'{c}'"),
                Some(c) if c.is_alphanumeric() => "a letter or digit".to_owned(),
                Some(c) if c.is_whitespace() => format!("a space character (U+{:04X})", u32::from(*c)),
                Some(_) => "another character".to_owned(),
                None => "the end".to_owned(),
            };
            let hint = match expected {
                Expected::CommaOrClosingBrace if a_quote => " A comma is probably missing at the end of the previous line.",
                Expected::Key => " Keys need double quotes, like \"clientId\".",
                _ => "",
            };
            (Code::JsonSyntax, format!("Expected {}, found {found}.{hint}", expected.description()))
        }
        SyntaxErrorKind::TooDeep => (
            Code::JsonTooDeep,
            format!("The JSON is nested more than {} levels deep; credentials are a flat object.", json::MAX_DEPTH),
        ),
        SyntaxErrorKind::TrailingComma => (
            Code::JsonTrailingComma,
            "JSON does not allow a comma before the closing brace or bracket. Remove that comma.".to_owned(),
        ),
        SyntaxErrorKind::SingleQuotes => (Code::JsonSingleQuotes, "JSON needs double quotes (\"), not single quotes (').".to_owned()),
        SyntaxErrorKind::InvalidEscape => (
            Code::JsonInvalidString,
            "Invalid escape sequence: after a backslash, JSON allows only \" \\ / b f n r t or u with four hex digits.".to_owned(),
        ),
        SyntaxErrorKind::LoneSurrogate => (
            Code::JsonInvalidString,
            "Invalid \\u escape: half of a surrogate pair, which is no character. Copy the value again.".to_owned(),
        ),
        SyntaxErrorKind::ControlCharacterInString { character } => {
            let what = match character {
                '\n' | '\r' => "a line break".to_owned(),
                '\t' => "a tab".to_owned(),
                c => format!("the control character U+{:04X}", u32::from(*c)),
            };
            (
                Code::JsonInvalidString,
                format!("A string contains {what}. A value must stay on one line: the copy probably broke it; join the lines (or write \\n)."),
            )
        }
        SyntaxErrorKind::UnterminatedString => (
            Code::JsonTruncated,
            "A string that starts here has no closing quote: the copy was cut off. Copy the credentials again.".to_owned(),
        ),
    };
    let mut diagnostic = Diagnostic::error(code, None, message);
    diagnostic.excerpt = Some(masked_excerpt(prepared.original, location.span.start, 30));
    diagnostic.location = Some(location);
    diagnostic
}
