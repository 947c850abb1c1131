//! Recognising what was pasted, with the context of the request being edited.

use credentials::{Analysis, Code, Context, CredentialKind, Field, Severity, Shape};

mod support;

/// [`credentials::analyze`], each finding checked to be translatable.
fn analyze(input: &str, context: &Context) -> Analysis {
    let analysis = credentials::analyze(input, context);
    support::assert_translatable(&analysis);
    analysis
}

const XSUAA_KEY: &str = r#"{
  "clientid": "sb-apiaccess1689070958781!b6077|api-portal-xsuaa!b2160",
  "clientsecret": "0f3a9c1e-5b7d-4c2a-9e8f-1a2b3c4d5e6f$Zx9_Ab-Cd=",
  "url": "https://acme.authentication.eu10.hana.ondemand.com",
  "xsappname": "api-portal-xsuaa!b2160",
  "uaadomain": "authentication.eu10.hana.ondemand.com"
}"#;

#[test]
fn an_xsuaa_key_is_usable_with_the_registered_portal_url() {
    let context = Context { registered_api_portal_url: Some("https://eu10apiportal.cfapps.eu10.hana.ondemand.com".into()) };
    let analysis = analyze(XSUAA_KEY, &context);
    assert_eq!(analysis.shape, Shape::XsuaaBinding(CredentialKind::ClientSecret));
    assert!(!analysis.has_errors(), "{:?}", analysis.diagnostics);
    let credentials = analysis.credentials.expect("usable");
    assert_eq!(credentials.url(), "https://eu10apiportal.cfapps.eu10.hana.ondemand.com");
    assert_eq!(credentials.token_url(), "https://acme.authentication.eu10.hana.ondemand.com/oauth/token");
    assert!(analysis.diagnostics.iter().any(|d| d.code == Code::XsuaaBindingUsed && d.severity == Severity::Warning));
}

#[test]
fn a_uaa_section_whose_url_is_its_authentication_server_gives_the_token_url() {
    // The report: uaa.url landed in URL ("points at the authentication server") and the token
    // URL was said to be missing.
    let key = include_str!("corpus/uaa_section_of_another_service_key.json");
    let context = Context { registered_api_portal_url: Some("https://eu10apiportal.cfapps.eu10.hana.ondemand.com".into()) };
    let analysis = analyze(key, &context);
    assert!(!analysis.has_errors(), "{:?}", analysis.diagnostics);
    let credentials = analysis.credentials.expect("usable");
    assert_eq!(credentials.token_url(), "https://acme-prod.authentication.eu10.hana.ondemand.com/oauth/token");
    assert_eq!(credentials.url(), "https://eu10apiportal.cfapps.eu10.hana.ondemand.com");
    assert_eq!(credentials.client_id(), Some("sb-apiaccess1689070958781!b6077|api-portal-xsuaa!b2160"));
    let note = analysis.diagnostics.iter().find(|d| d.code == Code::XsuaaBindingUsed).expect("said plainly");
    assert!(note.message.starts_with("This is an XSUAA service key"), "{}", note.message);
    assert!(!analysis.diagnostics.iter().any(|d| d.code == Code::UrlIsAuthenticationHost));
}

#[test]
fn without_context_an_xsuaa_key_says_what_is_missing() {
    let analysis = analyze(XSUAA_KEY, &Context::default());
    let missing: Vec<_> = analysis.errors().map(|d| (d.code, d.field)).collect();
    assert_eq!(missing, vec![(Code::FieldMissing, Some(Field::Url))]);
}

#[test]
fn syntax_errors_point_at_line_and_column_with_a_masked_excerpt() {
    let input = "{\n  \"url\": \"https://a.cfapps.eu10.hana.ondemand.com\"\n  \"clientSecret\": \"hunter2hunter2\"\n}";
    let analysis = analyze(input, &Context::default());
    let error = analysis.errors().next().expect("an error");
    assert_eq!(error.code, Code::JsonSyntax);
    let location = error.location.as_ref().unwrap();
    assert_eq!((location.line, location.column), (3, 3));
    assert!(error.located_message().starts_with("Line 3, column 3: "), "{}", error.located_message());
    assert!(error.message.contains("comma"), "{}", error.message);
    let excerpt = error.excerpt.as_deref().unwrap();
    assert!(excerpt.contains("\"clientSecret\""), "{excerpt}");
    assert!(!excerpt.contains("hunter2"), "{excerpt}");
}

#[test]
fn field_diagnostics_point_at_the_value_in_the_text_as_pasted() {
    // Typographic quotes shift offsets; locations must still match the original text.
    let input = "{\u{201C}url\u{201D}: \u{201C}http://a.cfapps.eu10.hana.ondemand.com\u{201D}}";
    let analysis = analyze(input, &Context::default());
    let not_https = analysis.diagnostics.iter().find(|d| d.code == Code::UrlNotHttps).expect("URL_NOT_HTTPS");
    let span = not_https.location.as_ref().unwrap().span.clone();
    assert!(input[span].contains("http://a.cfapps"));
}

#[test]
fn truncation_says_so() {
    let analysis = analyze("{\n  \"url\": \"https://a.cfapps.eu10.hana.ondemand.com\",\n  \"clientId\": \"sb-", &Context::default());
    let error = analysis.errors().next().unwrap();
    assert_eq!(error.code, Code::JsonTruncated);
}

#[test]
fn messages_never_contain_the_secret() {
    let secret = "S3cr3tValue$with=";
    for input in [
        format!("{{\"clientSecret\": \"{secret} \", \"clientId\": \"{secret}\"}}"),
        format!("{{\"clientSecret\": \"{secret}\"\n\"x\": 1}}"),
        format!("{{\"clientSecret\": \"{secret}\u{200B}\"}}"),
    ] {
        for diagnostic in analyze(&input, &Context::default()).diagnostics {
            assert!(!diagnostic.message.contains("S3cr3t"), "{}", diagnostic.message);
            assert!(!diagnostic.excerpt.unwrap_or_default().contains("S3cr3t"));
        }
    }
}

#[test]
fn accepted_credentials_read_back_the_same() {
    let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    for entry in std::fs::read_dir(folder).unwrap() {
        let path = entry.unwrap().path();
        let input = std::fs::read_to_string(&path).unwrap();
        if let Some(credentials) = analyze(&input, &Context::default()).credentials {
            let again = analyze(&credentials.to_json(), &Context::default()).credentials;
            assert_eq!(again.as_ref(), Some(&credentials), "{}", path.display());
            assert_eq!(again.unwrap().to_values(), credentials.to_values(), "{}", path.display());
        }
    }
}
