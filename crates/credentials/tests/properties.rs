//! Properties that hold for every input, checked on generated ones.

use credentials::{Analysis, Context, CredentialKind, Credentials, Field, FieldValues};
use proptest::prelude::*;

mod support;

/// [`credentials::analyze`], each finding checked to be translatable.
fn analyze(input: &str, context: &Context) -> Analysis {
    let analysis = credentials::analyze(input, context);
    support::assert_translatable(&analysis);
    analysis
}

/// [`credentials::analyze_fields`], each finding checked to be translatable.
fn analyze_fields(values: FieldValues, context: &Context) -> Analysis {
    let analysis = credentials::analyze_fields(values, context);
    support::assert_translatable(&analysis);
    analysis
}

const REGIONS: [&str; 6] = ["eu10", "eu20", "us10", "us10-001", "ap10", "jp10"];

fn region() -> impl Strategy<Value = &'static str> {
    proptest::sample::select(&REGIONS[..])
}

/// Client-secret credentials as the API portal generates them.
fn client_secret_credentials() -> impl Strategy<Value = Credentials> {
    (
        "[a-z][a-z0-9]{2,15}",
        "[a-z][a-z0-9-]{2,15}[a-z0-9]",
        region(),
        "[0-9]{13}",
        "[0-9]{3,5}",
        "[0-9]{3,5}",
        "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}",
        "[A-Za-z0-9_+/-]{20,44}",
    )
        .prop_map(|(app, subdomain, region, stamp, b1, b2, uuid, tail)| Credentials::ClientSecret {
            url: format!("https://{app}.cfapps.{region}.hana.ondemand.com"),
            token_url: format!("https://{subdomain}.authentication.{region}.hana.ondemand.com/oauth/token"),
            client_id: format!("sb-apiaccess{stamp}!b{b1}|api-portal-xsuaa!b{b2}"),
            client_secret: format!("{uuid}${tail}="),
        })
}

/// Text that looks a little like JSON, to reach deep into the parser.
fn json_like_text() -> impl Strategy<Value = String> {
    let token = prop_oneof![
        Just("{".to_owned()),
        Just("}".to_owned()),
        Just("[".to_owned()),
        Just("]".to_owned()),
        Just(":".to_owned()),
        Just(",".to_owned()),
        Just("\"".to_owned()),
        Just("\\".to_owned()),
        Just("\\u".to_owned()),
        Just("\\ud800".to_owned()),
        Just("\u{201C}".to_owned()),
        Just("\u{FEFF}".to_owned()),
        Just("\u{200B}".to_owned()),
        Just("\n".to_owned()),
        Just(" ".to_owned()),
        Just("\"clientId\"".to_owned()),
        Just("\"url\"".to_owned()),
        Just("\"uaa\"".to_owned()),
        Just("\"certificate\"".to_owned()),
        Just("-----BEGIN CERTIFICATE-----".to_owned()),
        Just("https://".to_owned()),
        "[a-zA-Z0-9.$=!|<>-]{0,12}",
        "-?[0-9]{1,4}(\\.[0-9]+)?",
        any::<char>().prop_map(String::from),
    ];
    proptest::collection::vec(token, 0..80).prop_map(|tokens| tokens.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn arbitrary_text_never_panics(input in any::<String>()) {
        let analysis = analyze(&input, &Context::default());
        prop_assert!(analysis.credentials.is_none() || !analysis.has_errors());
    }

    #[test]
    fn json_like_text_never_panics_and_locations_stay_in_the_text(input in json_like_text()) {
        let analysis = analyze(&input, &Context::default());
        for diagnostic in &analysis.diagnostics {
            if let Some(location) = &diagnostic.location {
                prop_assert!(location.span.start <= location.span.end && location.span.end <= input.len(), "{:?}", location);
                prop_assert!(location.line >= 1 && location.column >= 1);
            }
        }
    }

    #[test]
    fn valid_credentials_are_accepted_and_round_trip(credentials in client_secret_credentials()) {
        let pasted = analyze(&credentials.to_json(), &Context::default());
        prop_assert!(pasted.diagnostics.is_empty(), "{:?}", pasted.diagnostics);
        prop_assert_eq!(pasted.credentials.as_ref(), Some(&credentials));

        let typed = analyze_fields(credentials.to_values(), &Context::default());
        prop_assert_eq!(typed.credentials.as_ref(), Some(&credentials));
        prop_assert_eq!(typed.credentials.unwrap().kind(), CredentialKind::ClientSecret);
    }

    #[test]
    fn corrupting_one_field_yields_an_error_on_that_field(
        credentials in client_secret_credentials(),
        field in proptest::sample::select(vec![Field::Url, Field::TokenUrl, Field::ClientId, Field::ClientSecret]),
        corruption in 0usize..5,
        at in any::<proptest::sample::Index>(),
    ) {
        let mut values: FieldValues = credentials.to_values();
        let value = values.get(field).unwrap().to_owned();
        let chars: Vec<char> = value.chars().collect();
        let position = 1 + at.index(chars.len() - 2);
        let insert = |c: char| {
            let mut changed = chars.clone();
            changed.insert(position, c);
            changed.into_iter().collect::<String>()
        };
        let corrupted = match corruption {
            0 => insert('\u{200B}'),
            1 => insert('\u{00A0}'),
            2 => insert(' '),
            3 => String::new(),
            _ => match field {
                Field::Url | Field::TokenUrl => value.replacen("https://", "http://", 1),
                _ => insert('\u{202E}'),
            },
        };
        values.set(field, corrupted);
        let json = credentials::to_json(&values, CredentialKind::ClientSecret);
        for analysis in [analyze(&json, &Context::default()), analyze_fields(values.clone(), &Context::default())] {
            prop_assert!(
                analysis.errors().any(|diagnostic| diagnostic.field == Some(field)),
                "{field:?} corrupted by {corruption}: {:?}", analysis.diagnostics
            );
            prop_assert!(analysis.credentials.is_none());
        }
    }
}
