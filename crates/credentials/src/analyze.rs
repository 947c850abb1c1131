//! From pasted text (or typed fields) to an [`Analysis`]: repairs, parsing, recognising the
//! shape, extracting the fields and applying the rules.

use std::collections::HashMap;
use std::ops::Range;

use crate::credentials::Credentials;
use crate::diagnostic::{param, Code, Diagnostic, Severity};
use crate::field::{Field, FieldValues};
use crate::json::{self, Expected, Member, SyntaxError, SyntaxErrorKind, Value};
use crate::messages::*;
use crate::rules::{self, codepoint};
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
            Shape::Credentials(kind) => format!("API portal credentials ({})", kind.label().to_ascii_lowercase()),
            Shape::ServiceKeySection { section, kind } => {
                format!("an SAP service key with a \"{section}\" section ({})", kind.label().to_ascii_lowercase())
            }
            Shape::XsuaaBinding(kind) => format!("an XSUAA service key ({})", kind.label().to_ascii_lowercase()),
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
        analysis.order_diagnostics();
        analysis
    }

    /// Errors first, then warnings, then infos; in each, in the order found. (One place, so that
    /// the browser's build holds one sort for diagnostics.)
    fn order_diagnostics(&mut self) {
        self.diagnostics.sort_by_key(|diagnostic| diagnostic.severity);
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
        let too_large = Diagnostic::error(Code::InputTooLarge, None, INPUT_TOO_LARGE, vec![param("size", input.len().div_ceil(1024))]);
        return Analysis::new(Shape::TooLarge, vec![too_large]);
    }
    if input.trim().is_empty() {
        return Analysis::new(Shape::Empty, vec![Diagnostic::error(Code::InputEmpty, None, INPUT_EMPTY, vec![])]);
    }
    let prepared = Prepared::new(input);
    let mut diagnostics = repairs(&prepared);
    let text = prepared.text.as_str();
    let first = text.len() - text.trim_start().len();

    let start = if text[first..].starts_with(['{', '[']) {
        first
    } else if let Some(brace) = text.find('{') {
        diagnostics.push(located(
            Diagnostic::warning(Code::TextBeforeJsonIgnored, None, TEXT_BEFORE_JSON_IGNORED, vec![]),
            &prepared,
            first..brace,
        ));
        brace
    } else {
        let template = if text.contains("\":") { OPENING_BRACE_MISSING } else { NOT_JSON };
        diagnostics.push(located(Diagnostic::error(Code::NotJson, None, template, vec![]), &prepared, first..text.len()));
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
            Diagnostic::warning(Code::TextAfterJsonIgnored, None, TEXT_AFTER_JSON_IGNORED, vec![]),
            &prepared,
            from..text.trim_end().len(),
        ));
    }
    let Value::Object(members) = &parsed.node.value else {
        // Parsing starts at `{` or `[`: what is not an object is an array.
        let not_an_object = Diagnostic::error(Code::NotAnObject, None, TOP_LEVEL_ARRAY, vec![]);
        diagnostics.push(located(not_an_object, &prepared, parsed.node.span.clone()));
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

/// Whether the values are X.509 credentials or client-secret ones: a certificate or a key makes
/// them X.509, and so does a cert URL unless there is a client secret.
fn kind_of(values: &FieldValues) -> CredentialKind {
    let certificate_or_key = values.has(Field::Certificate) || values.has(Field::Key);
    if certificate_or_key || (values.has(Field::CertUrl) && !values.has(Field::ClientSecret)) {
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
                        DUPLICATE_KEY,
                        vec![param("key", &member.key), param("first", first), param("again", again)],
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
                        DUPLICATE_FIELD,
                        vec![param("other", other), param("key", &member.key), param("field", field.label())],
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
                        FIELD_NOT_A_STRING,
                        vec![param("field", field.label()), param("key", &member.key), param("kind", other.kind())],
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
        let more = vec![param("count", duplicates - MAX_REPORTED_PER_RULE)];
        diagnostics.push(Diagnostic::error(Code::JsonDuplicateKey, None, MORE_DUPLICATE_KEYS, more));
    }
    if repeated_fields > MAX_REPORTED_PER_RULE {
        let more = vec![param("count", repeated_fields - MAX_REPORTED_PER_RULE)];
        diagnostics.push(Diagnostic::error(Code::DuplicateField, None, MORE_DUPLICATE_FIELDS, more));
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
        diagnostics.push(Diagnostic::error(Code::MixedCredentialTypes, None, MIXED_CREDENTIAL_TYPES, vec![]));
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
        let unrecognized = if names.is_empty() {
            Diagnostic::error(Code::ShapeUnrecognized, None, SHAPE_WITHOUT_FIELDS, vec![])
        } else {
            Diagnostic::error(Code::ShapeUnrecognized, None, SHAPE_UNRECOGNIZED, vec![param("fields", names.join(", "))])
        };
        diagnostics.push(unrecognized);
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
        diagnostics.push(Diagnostic::info(Code::ServiceKeySectionUsed, None, SERVICE_KEY_SECTION_USED, vec![param("section", section)]));
    }
    if let Some(note) = xsuaa_note {
        diagnostics.push(note);
    }
    if section_name.is_none() && !source.is_xsuaa {
        for member in source.unknown.iter().take(MAX_REPORTED_PER_RULE) {
            diagnostics.push(located(
                Diagnostic::info(Code::UnknownField, None, UNKNOWN_FIELD, vec![param("key", &member.key)]),
                prepared,
                member.key_span.clone(),
            ));
        }
        if source.unknown.len() > MAX_REPORTED_PER_RULE {
            let more = vec![param("count", source.unknown.len() - MAX_REPORTED_PER_RULE)];
            diagnostics.push(Diagnostic::info(Code::UnknownField, None, MORE_UNKNOWN_FIELDS, more));
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
            Diagnostic::warning(Code::XsuaaBindingUsed, None, XSUAA_BINDING_WITH_PORTAL, vec![])
        }
        None => Diagnostic::warning(Code::XsuaaBindingUsed, None, XSUAA_BINDING_WITHOUT_PORTAL, vec![]),
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
    analysis.order_diagnostics();
    if !analysis.has_errors() {
        analysis.credentials = Credentials::from_values(kind, &analysis.values);
    }
}

fn repairs(prepared: &Prepared<'_>) -> Vec<Diagnostic> {
    let mut diagnostics = Vec::new();
    if prepared.byte_order_mark_removed {
        diagnostics.push(Diagnostic::warning(Code::ByteOrderMarkRemoved, None, BYTE_ORDER_MARK_REMOVED, vec![]));
    }
    if prepared.quotes_replaced > 0 {
        let count = vec![param("count", prepared.quotes_replaced)];
        diagnostics.push(Diagnostic::warning(Code::TypographicQuotesReplaced, None, TYPOGRAPHIC_QUOTES_REPLACED, count));
    }
    diagnostics
}

fn located(mut diagnostic: Diagnostic, prepared: &Prepared<'_>, span: Range<usize>) -> Diagnostic {
    diagnostic.location = Some(prepared.location(&span));
    diagnostic
}

fn syntax_diagnostic(error: &SyntaxError, prepared: &Prepared<'_>) -> Diagnostic {
    let location = prepared.location(&error.span);
    let (code, template, params) = match &error.kind {
        SyntaxErrorKind::Truncated { open } => {
            let opened = location_in(prepared.original, prepared.original_span(&(*open..*open + 1))).line;
            let template = if prepared.text[*open..].starts_with('[') { ARRAY_TRUNCATED } else { OBJECT_TRUNCATED };
            (Code::JsonTruncated, template, vec![param("opened", opened)])
        }
        SyntaxErrorKind::Unexpected { found, expected } => {
            let (template, params) = unexpected(*found, *expected);
            (Code::JsonSyntax, template, params)
        }
        SyntaxErrorKind::TooDeep => (Code::JsonTooDeep, TOO_DEEP, vec![param("depth", json::MAX_DEPTH)]),
        SyntaxErrorKind::TrailingComma => (Code::JsonTrailingComma, TRAILING_COMMA, vec![]),
        SyntaxErrorKind::SingleQuotes => (Code::JsonSingleQuotes, SINGLE_QUOTES, vec![]),
        SyntaxErrorKind::InvalidEscape => (Code::JsonInvalidString, INVALID_ESCAPE, vec![]),
        SyntaxErrorKind::LoneSurrogate => (Code::JsonInvalidString, LONE_SURROGATE, vec![]),
        SyntaxErrorKind::ControlCharacterInString { character } => match character {
            '\n' | '\r' => (Code::JsonInvalidString, LINE_BREAK_IN_STRING, vec![]),
            '\t' => (Code::JsonInvalidString, TAB_IN_STRING, vec![]),
            c => (Code::JsonInvalidString, CONTROL_CHARACTER_IN_STRING, vec![param("codepoint", codepoint(*c))]),
        },
        SyntaxErrorKind::UnterminatedString => (Code::JsonTruncated, UNTERMINATED_STRING, vec![]),
    };
    let mut diagnostic = Diagnostic::error(code, None, template, params);
    diagnostic.excerpt = Some(masked_excerpt(prepared.original, location.span.start, 30));
    diagnostic.location = Some(location);
    diagnostic
}

/// "Expected ..., found ...", with a hint where the cause is likely. Only punctuation is named
/// as it is: a letter or digit found may belong to a secret.
fn unexpected(found: char, expected: Expected) -> (&'static str, Vec<(&'static str, String)>) {
    let key = expected == Expected::Key;
    let described = param("expected", expected.description());
    match found {
        '"' if expected == Expected::CommaOrClosingBrace => (COMMA_MISSING, vec![]),
        c if c.is_ascii_punctuation() => {
            (if key { KEY_UNQUOTED_PUNCTUATION } else { UNEXPECTED_PUNCTUATION }, vec![described, param("punctuation", c)])
        }
        c if c.is_whitespace() => {
            (if key { KEY_UNQUOTED_SPACE } else { UNEXPECTED_SPACE }, vec![described, param("codepoint", codepoint(c))])
        }
        c => {
            let found = if c.is_alphanumeric() { FOUND_LETTER_OR_DIGIT } else { FOUND_OTHER_CHARACTER };
            (if key { KEY_UNQUOTED } else { UNEXPECTED }, vec![described, param("found", found)])
        }
    }
}
