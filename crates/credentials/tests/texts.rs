//! Every finding can be rendered in another language from its template and params: checked on
//! the corpus, the fixtures, inputs made to reach every rule and many generated ones. And each
//! text of `texts()` is reached by some input, so that none is stale and none is missing.

use std::collections::BTreeSet;
use std::path::Path;

use credentials::{
    analyze, analyze_fields, placeholders, texts, to_json, Analysis, Context, CredentialKind, Field, FieldValues, LOCATED,
    WHERE_CREDENTIALS_COME_FROM,
};

mod support;

use support::{assert_translatable, PHRASE_PARAMS};

const CLIENT_ID: &str = "sb-apiaccess1689070958781!b6077|api-portal-xsuaa!b2160";
const SECRET: &str = "0f3a9c1e-5b7d-4c2a-9e8f-1a2b3c4d5e6f$Zx9_Ab-Cd+Ef/Gh=";
const CERTIFICATE: &str = "-----BEGIN CERTIFICATE-----\nQUJD\n-----END CERTIFICATE-----";
const KEY: &str = "-----BEGIN PRIVATE KEY-----\nQUJD\n-----END PRIVATE KEY-----";

/// The templates and phrases the findings of `analysis` use.
#[derive(Default)]
struct Seen {
    texts: BTreeSet<&'static str>,
    phrases: BTreeSet<String>,
}

impl Seen {
    fn add(&mut self, analysis: &Analysis) {
        assert_translatable(analysis);
        for diagnostic in &analysis.diagnostics {
            self.texts.insert(diagnostic.template);
            let phrases = diagnostic.params.iter().filter(|(name, _)| PHRASE_PARAMS.contains(name));
            self.phrases.extend(phrases.map(|(_, value)| value.clone()));
        }
    }

    fn pasted(&mut self, input: &str) {
        for context in contexts() {
            self.add(&analyze(input, &context));
        }
    }

    fn typed(&mut self, values: FieldValues) {
        for context in contexts() {
            self.add(&analyze_fields(values.clone(), &context));
        }
    }
}

fn contexts() -> [Context; 2] {
    [Context::default(), Context { registered_api_portal_url: Some("https://other.cfapps.eu10.hana.ondemand.com".into()) }]
}

fn client_secret_values() -> FieldValues {
    FieldValues::new()
        .with(Field::Url, "https://eu10apiportal.cfapps.eu10.hana.ondemand.com")
        .with(Field::TokenUrl, "https://acme.authentication.eu10.hana.ondemand.com/oauth/token")
        .with(Field::ClientId, CLIENT_ID)
        .with(Field::ClientSecret, SECRET)
}

fn x509_values() -> FieldValues {
    FieldValues::new()
        .with(Field::Url, "https://eu10apiportal.cfapps.eu10.hana.ondemand.com")
        .with(Field::TokenUrl, "https://acme.authentication.cert.eu10.hana.ondemand.com/oauth/token")
        .with(Field::CertUrl, "https://acme.authentication.cert.eu10.hana.ondemand.com")
        .with(Field::Certificate, CERTIFICATE)
        .with(Field::Key, KEY)
}

/// Inputs made to break each rule in each way it can break.
fn reach_every_rule(seen: &mut Seen) {
    let pasted = [
        "{".repeat(70 * 1024),
        "[".repeat(60_000),
        " \n".to_owned(),
        "\u{FEFF}{\u{201C}url\u{201D}: \u{201C}https://a.cfapps.eu10.hana.ondemand.com\u{201D}}".to_owned(),
        "Here: {\"url\": \"https://a\"} Regards".to_owned(),
        "\"url\": \"https://a\"}".to_owned(),
        "hello".to_owned(),
        "[1]".to_owned(),
        "1".to_owned(),
        "{\"url\": \"https://a\"".to_owned(),
        "[[1".to_owned(),
        "{\"a\" 1}".to_owned(),
        "{\"a\": 1 2}".to_owned(),
        "{\"a\": \"b\"\n \"c\": 1}".to_owned(),
        "{\"a\": -x}".to_owned(),
        "{\"a\": [1 2]}".to_owned(),
        "{\"a\": 1.x}".to_owned(),
        "{\"a\": 1e}".to_owned(),
        "{\"a\": é}".to_owned(),
        "{\"a\": \u{2028}}".to_owned(),
        "{\"a\": #}".to_owned(),
        "{a: 1}".to_owned(),
        "{,}".to_owned(),
        "{\u{A0}\"a\": 1}".to_owned(),
        "{\u{2603}: 1}".to_owned(),
        "{\"a\": \u{2603}}".to_owned(),
        "{\"a\": [1,],}".to_owned(),
        "{'a': 1}".to_owned(),
        "{\"a\": \"\\x\"}".to_owned(),
        "{\"a\": \"\\ud800\"}".to_owned(),
        "{\"a\": \"line\nbreak\"}".to_owned(),
        "{\"a\": \"tab\tbed\"}".to_owned(),
        "{\"a\": \"bell\u{7}\"}".to_owned(),
        "{\"a\": \"open".to_owned(),
        format!("{{{}\"b\": 2}}", "\"a\": 1, ".repeat(30)),
        format!("{{\"clientId\": \"{CLIENT_ID}\", \"clientid\": \"x\"}}"),
        {
            // Twelve more spellings of one field than the engine reports one by one.
            let spellings: Vec<String> = (0..12).map(|at| format!("\"{}\": \"x\"", spelling("clientsecret", at))).collect();
            format!("{{\"clientSecret\": \"x\", {}}}", spellings.join(", "))
        },
        "{\"url\": null, \"tokenUrl\": true, \"certUrl\": 1, \"clientId\": [], \"clientSecret\": {}, \"certificate\": \"x\"}".to_owned(),
        "{\"clientId\": \"sb-a!b1|x!b2\", \"clientSecret\": \"s\", \"certificate\": \"c\"}".to_owned(),
        "{}".to_owned(),
        "{\"a\": 1, \"b\": 2, \"c\": 3, \"d\": 4, \"e\": 5, \"f\": 6, \"g\": 7, \"h\": 8, \"i\": 9}".to_owned(),
        format!(
            r#"{{"credentials": {{"clientid": "{CLIENT_ID}", "clientsecret": "{SECRET}",
                "tokenurl": "https://a.authentication.eu10.hana.ondemand.com/oauth/token",
                "url": "https://a.cfapps.eu10.hana.ondemand.com"}}}}"#
        ),
        format!(
            r#"{{"clientid": "{CLIENT_ID}", "clientsecret": "{SECRET}",
                "url": "https://a.authentication.eu10.hana.ondemand.com", "xsappname": "x"}}"#
        ),
        {
            let unknown: Vec<String> = (0..30).map(|i| format!("\"field{i}\": {i}")).collect();
            format!("{{\"clientId\": \"{CLIENT_ID}\", {}}}", unknown.join(", "))
        },
    ];
    for input in &pasted {
        seen.pasted(input);
    }

    let client_secret = client_secret_values;
    let x509 = x509_values;
    let mut typed = vec![FieldValues::new(), x509().with(Field::ClientSecret, SECRET)];
    for field in [Field::Url, Field::TokenUrl, Field::ClientId, Field::ClientSecret] {
        let mut missing = client_secret();
        missing.remove(field);
        let sample = client_secret().with(field, "<name>");
        typed.extend([missing, client_secret().with(field, ""), client_secret().with(field, " x "), sample]);
    }
    for field in [Field::CertUrl, Field::Certificate, Field::Key] {
        let mut missing = x509();
        missing.remove(field);
        typed.extend([missing, x509().with(field, ""), x509().with(field, " x ")]);
    }
    for field in Field::ALL {
        for value in ["a\u{1}b", "a b", "a\nb", "a\u{200B}b"] {
            typed.push(x509().with(Field::ClientId, CLIENT_ID).with(field, value));
        }
    }
    for c in ['\u{200B}', '\u{200C}', '\u{200D}', '\u{2060}', '\u{FEFF}', '\u{00AD}', '\u{00A0}', '\u{2007}', '\u{202F}', '\u{200E}', '\u{200F}', '\u{061C}', '\u{202A}', '\u{2066}'] {
        typed.push(client_secret().with(Field::ClientId, format!("sb-a{c}b!b1|x!b2")));
    }
    for (field, value) in [
        (Field::Url, "a.example.com"),
        (Field::Url, "http://a.cfapps.eu10.hana.ondemand.com"),
        (Field::Url, "https://a.authentication.eu10.hana.ondemand.com"),
        (Field::Url, "https://api.example.com"),
        (Field::TokenUrl, "acme/oauth/token"),
        (Field::TokenUrl, "http://a.authentication.eu10.hana.ondemand.com/oauth/token"),
        (Field::TokenUrl, "https://a.authentication.eu10.hana.ondemand.com/oauth"),
        (Field::TokenUrl, "https://login.example.com/oauth/token"),
        (Field::ClientId, SECRET),
        (Field::ClientId, "my-client"),
        (Field::ClientSecret, CLIENT_ID),
    ] {
        typed.push(client_secret().with(field, value));
    }
    let mut swapped = client_secret();
    swapped.set(Field::Url, "https://acme.authentication.eu10.hana.ondemand.com/oauth/token");
    swapped.set(Field::TokenUrl, "https://eu10apiportal.cfapps.eu10.hana.ondemand.com");
    typed.push(swapped);
    typed.push(client_secret().with(Field::ClientId, SECRET).with(Field::ClientSecret, CLIENT_ID));
    for (field, value) in [
        (Field::CertUrl, "cert.example.com"),
        (Field::CertUrl, "http://a.authentication.cert.eu10.hana.ondemand.com"),
        (Field::CertUrl, "https://cert.example.com"),
        (Field::Certificate, KEY),
        (Field::Key, CERTIFICATE),
        (Field::Key, "-----BEGIN ENCRYPTED PRIVATE KEY-----\nQUJD\n-----END ENCRYPTED PRIVATE KEY-----"),
        (Field::Key, "-----BEGIN PRIVATE KEY-----\nQUJD\n-----END PRIVATE KEY-----\n-----BEGIN PRIVATE KEY-----\nQUJD\n-----END PRIVATE KEY-----"),
        (Field::Key, "-----BEGIN PUBLIC KEY-----\nQUJD\n-----END PUBLIC KEY-----"),
        (Field::Key, "-----BEGIN PRIVATE KEY----\nQUJD\n-----END PRIVATE KEY-----"),
        (Field::Key, "QUJD"),
        (Field::Certificate, "QUJD"),
        (Field::Key, "-----BEGIN PRIVATE KEY-----\nQUJD\n-----END PRIVATE KEY-----\ntrailing"),
        (Field::Key, "-----BEGIN PRIVATE KEY-----\nQUJD\n-----END RSA PRIVATE KEY-----"),
        (Field::Key, "-----BEGIN PRIVATE KEY-----\nQUJD"),
        (Field::Key, "-----BEGIN PRIVATE KEY-----\nQU*D\n-----END PRIVATE KEY-----"),
    ] {
        typed.push(x509().with(field, value));
    }
    for values in typed {
        let kind = if values.has(Field::ClientSecret) { CredentialKind::ClientSecret } else { CredentialKind::X509 };
        seen.pasted(&to_json(&values, kind));
        seen.typed(values);
    }
}

/// `key` with its letter at `at` in upper case.
fn spelling(key: &str, at: usize) -> String {
    key.char_indices().map(|(index, c)| if index == at { c.to_ascii_uppercase() } else { c }).collect()
}

/// Every file of the corpus and the fixtures, whole and cut off at many places.
fn corpus_and_fixtures(seen: &mut Seen) {
    for folder in ["tests/corpus", "tests/fixtures"] {
        for entry in std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join(folder)).unwrap() {
            let Ok(text) = std::fs::read_to_string(entry.unwrap().path()) else { continue };
            seen.pasted(&text);
            for cut in (1..text.len()).step_by(5).filter(|cut| text.is_char_boundary(*cut)) {
                seen.pasted(&text[..cut]);
            }
        }
    }
}

/// Pieces of JSON and of credentials, strung together at random (the same each run).
fn generated(seen: &mut Seen) {
    const PIECES: &[&str] = &[
        "{", "}", "[", "]", ":", ",", "\"", "\\", "\\u", "\\ud800", "\u{201C}", "\u{FEFF}", "\u{200B}", "\u{A0}", "\n", " ", "\t", "'",
        "\"clientId\"", "\"url\"", "\"uaa\"", "\"credentials\"", "\"certificate\"", "\"key\"", "\"tokenUrl\"", "\"clientSecret\"",
        "\"xsappname\"", "-----BEGIN CERTIFICATE-----", "-----END PRIVATE KEY-----", "https://", "http://a.b/oauth/token",
        "\"https://x.authentication.eu10.hana.ondemand.com\"", "QUJD", "abc", "$=", "<a>", "12", "-3.5", "true", "nul", "\u{1}", "é",
    ];
    let mut state: u64 = 0x5eed;
    let mut next = move |bound: usize| {
        state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        ((state >> 33) as usize) % bound
    };
    for _ in 0..20_000 {
        let input: String = (0..next(40)).map(|_| PIECES[next(PIECES.len())]).collect();
        seen.pasted(&input);
    }
}

#[test]
fn every_finding_is_translatable_and_every_text_is_used() {
    let mut seen = Seen::default();
    reach_every_rule(&mut seen);
    corpus_and_fixtures(&mut seen);
    generated(&mut seen);

    let used: BTreeSet<&str> = seen.texts.iter().copied().chain(seen.phrases.iter().map(String::as_str)).collect();
    // Not a finding's: the located template and the advice said beside findings. And "a string"
    // names a kind of JSON value like the others, but a string is never "not a string".
    let not_in_findings = [LOCATED, WHERE_CREDENTIALS_COME_FROM, "a string"];
    let unused: Vec<&str> = texts().iter().copied().filter(|text| !used.contains(text) && !not_in_findings.contains(text)).collect();
    assert!(unused.is_empty(), "no finding used these texts:\n{unused:#?}");
}

#[test]
fn placeholders_are_lower_case_names_and_the_located_ones_are_reserved() {
    for text in texts() {
        // `{` + a name + `}` that `placeholders` would not see: a misspelt placeholder.
        let named = text.split('{').skip(1).filter_map(|part| part.split_once('}').map(|(name, _)| name));
        for name in named.filter(|name| !name.is_empty() && name.chars().all(|c| c.is_alphanumeric() || c == '_')) {
            assert!(placeholders(text).contains(&name), "{text:?}: {{{name}}} is no placeholder");
        }
        if *text != LOCATED {
            // An error detail of the hub adds these to a finding's params.
            for reserved in ["line", "column", "message"] {
                assert!(!placeholders(text).contains(&reserved), "{text:?} uses {{{reserved}}}");
            }
        }
    }
}

#[test]
fn a_located_message_is_the_located_template_filled() {
    let analysis = analyze("{\"url\": \"https://a\"\n  \"tokenUrl\": 1}", &Context::default());
    let diagnostic = &analysis.diagnostics[0];
    let location = diagnostic.location.as_ref().unwrap();
    assert_eq!((location.line, location.column), (2, 3));
    let params = [("line", "2".to_owned()), ("column", "3".to_owned()), ("message", diagnostic.message.clone())];
    assert_eq!(diagnostic.located_message(), credentials::fill(LOCATED, &params));
    assert!(diagnostic.located_message().starts_with("Line 2, column 3: Expected a comma"), "{}", diagnostic.located_message());
}
