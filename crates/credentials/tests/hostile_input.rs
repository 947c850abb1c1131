//! Input meant to hurt: huge, deep, broken. Never a panic, never unbounded work.

use credentials::{Analysis, Code, Context, Shape, MAX_INPUT_BYTES};

mod support;

/// [`credentials::analyze`], each finding checked to be translatable.
fn analyze(input: &str, context: &Context) -> Analysis {
    let analysis = credentials::analyze(input, context);
    support::assert_translatable(&analysis);
    analysis
}

fn codes(input: &str) -> Vec<Code> {
    analyze(input, &Context::default()).diagnostics.iter().map(|diagnostic| diagnostic.code).collect()
}

#[test]
fn empty_and_blank_input() {
    assert_eq!(codes(""), vec![Code::InputEmpty]);
    assert_eq!(codes(" \n\t "), vec![Code::InputEmpty]);
}

#[test]
fn ten_megabytes_are_refused_before_parsing() {
    let input = "{".repeat(10 * 1024 * 1024);
    let analysis = analyze(&input, &Context::default());
    assert_eq!(analysis.shape, Shape::TooLarge);
    assert_eq!(analysis.diagnostics.len(), 1);
    assert!(analysis.diagnostics[0].message.contains("64 KiB"));
}

#[test]
fn just_over_the_limit_is_refused_and_just_under_is_parsed() {
    let padding = |total: usize| format!("{{\"a\": \"{}\"}}", "x".repeat(total - 9));
    assert_eq!(codes(&padding(MAX_INPUT_BYTES + 1)), vec![Code::InputTooLarge]);
    assert!(!codes(&padding(MAX_INPUT_BYTES)).contains(&Code::InputTooLarge));
}

#[test]
fn a_hundred_thousand_nested_arrays() {
    // Too large as it is; nested as deep as the size limit allows, the depth limit stops it.
    assert_eq!(codes(&"[".repeat(100_000)), vec![Code::InputTooLarge]);
    assert_eq!(codes(&"[".repeat(60_000)), vec![Code::JsonTooDeep]);
    assert_eq!(codes(&format!("{}{}", "{\"a\":".repeat(10_000), "1")), vec![Code::JsonTooDeep]);
}

#[test]
fn nul_bytes_and_lone_surrogates() {
    assert_eq!(codes("{\"url\": \"https://a\0b\"}"), vec![Code::JsonInvalidString]);
    assert_eq!(codes("\0\0\0"), vec![Code::NotJson]);
    assert_eq!(codes(r#"{"clientSecret": "\udead"}"#), vec![Code::JsonInvalidString]);
}

#[test]
fn a_one_megabyte_string_value_is_refused_by_size() {
    let input = format!("{{\"clientSecret\": \"{}\"}}", "a".repeat(1024 * 1024));
    assert_eq!(codes(&input), vec![Code::InputTooLarge]);
}

#[test]
fn a_large_string_value_within_the_limit_is_checked() {
    let input = format!(
        "{{\"url\": \"https://a.cfapps.eu10.hana.ondemand.com\", \"tokenUrl\": \"https://a.authentication.eu10.hana.ondemand.com/oauth/token\", \"clientId\": \"sb-a!b1|b!b2\", \"clientSecret\": \"{}\"}}",
        "a".repeat(60 * 1024)
    );
    let analysis = analyze(&input, &Context::default());
    assert!(!analysis.has_errors(), "{:?}", analysis.diagnostics);
}

#[test]
fn thousands_of_unknown_or_duplicate_keys_give_a_bounded_report() {
    let unknown: Vec<String> = (0..3000).map(|i| format!("\"field{i}\": {i}")).collect();
    let input = format!("{{\"clientId\": \"sb-a!b1|b!b2\", {}}}", unknown.join(", "));
    let analysis = analyze(&input, &Context::default());
    assert_eq!(analysis.diagnostics.iter().filter(|d| d.code == Code::UnknownField).count(), 11);

    let duplicates = "\"a\": 1, ".repeat(3000);
    let analysis = analyze(&format!("{{{duplicates}\"b\": 2}}"), &Context::default());
    assert_eq!(analysis.diagnostics.iter().filter(|d| d.code == Code::JsonDuplicateKey).count(), 11);
}

/// Every upper/lower-case spelling of `key` (2^letters of them).
fn case_variants(key: &str) -> Vec<String> {
    let letters = key.len();
    (0..1u32 << letters)
        .map(|mask| key.chars().enumerate().map(|(i, c)| if mask & (1 << i) != 0 { c.to_ascii_uppercase() } else { c }).collect())
        .collect()
}

#[test]
fn thousands_of_spellings_of_one_field_give_a_bounded_report() {
    let variants = case_variants("clientsecret");
    assert_eq!(variants.len(), 4096);
    let members: Vec<String> = variants.iter().take(3000).map(|key| format!("\"{key}\":\"x\"")).collect();
    let input = format!("{{{}}}", members.join(","));
    assert!(input.len() < 64 * 1024, "{}", input.len());
    let analysis = analyze(&input, &Context::default());
    assert_eq!(analysis.diagnostics.iter().filter(|d| d.code == Code::DuplicateField).count(), 11);
    assert!(analysis.diagnostics.len() < 40, "{} findings", analysis.diagnostics.len());
}
