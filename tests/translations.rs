//! Every text of the app exists in English and in German, and nothing else: the English texts
//! are the keys of `t("…")` and `tf("…", …)` in `src/`, the texts of the credentials engine's
//! findings (`credentials::texts()`) and the hub's own (`contract::hub_texts::texts()`); the
//! German ones are `public/i18n/de.json`, and `public/i18n/de-findings.json` for the findings
//! (loaded after the first page). A text in one language only fails here.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// A catalog under `public/i18n/`.
fn catalog(name: &str) -> BTreeMap<String, String> {
    let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("public/i18n").join(name)).unwrap();
    serde_json::from_str(&text).unwrap_or_else(|error| panic!("public/i18n/{name} is not an object of strings: {error}"))
}

/// Every German text, of both catalogs.
fn german_catalog() -> BTreeMap<String, String> {
    let mut texts = catalog("de.json");
    texts.extend(catalog("de-findings.json"));
    texts
}

/// The English texts the app translates: those of its sources and those of the engine's findings.
fn english_texts() -> BTreeSet<String> {
    let mut texts: BTreeSet<String> = credentials::texts().iter().chain(contract::hub_texts::texts()).map(|text| text.to_string()).collect();
    let mut folders = vec![Path::new(env!("CARGO_MANIFEST_DIR")).join("src")];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                folders.push(path);
            } else if path.extension().is_some_and(|extension| extension == "rs") {
                texts.extend(translated_literals(&std::fs::read_to_string(&path).unwrap()));
            }
        }
    }
    texts
}

/// The string literals passed to `t(` and `tf(` in Rust source `code`.
fn translated_literals(code: &str) -> Vec<String> {
    let mut found = Vec::new();
    for call in ["t(", "tf("] {
        let mut rest = code;
        while let Some(at) = rest.find(call) {
            let preceding = rest[..at].chars().next_back();
            rest = &rest[at + call.len()..];
            if preceding.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                continue;
            }
            let Some(opened) = rest.trim_start().strip_prefix('"') else { continue };
            if let Some((literal, after)) = string_literal(opened) {
                found.push(literal);
                rest = after;
            }
        }
    }
    found
}

/// A Rust string literal's value, from just after its opening quote; and what follows it.
fn string_literal(text: &str) -> Option<(String, &str)> {
    let mut value = String::new();
    let mut chars = text.char_indices();
    while let Some((index, c)) = chars.next() {
        match c {
            '"' => return Some((value, &text[index + 1..])),
            '\\' => match chars.next()?.1 {
                'n' => value.push('\n'),
                't' => value.push('\t'),
                '\\' => value.push('\\'),
                '"' => value.push('"'),
                '\'' => value.push('\''),
                // A line continuation: the line break and the next line's leading spaces go.
                '\n' => {
                    let rest = &text[index + 2..];
                    let skipped = rest.len() - rest.trim_start().len();
                    for _ in 0..rest[..skipped].chars().count() {
                        chars.next();
                    }
                }
                other => {
                    value.push('\\');
                    value.push(other);
                }
            },
            c => value.push(c),
        }
    }
    None
}

#[test]
fn every_english_text_has_a_german_one() {
    let german = german_catalog();
    let english = english_texts();
    let missing: Vec<&String> = english.iter().filter(|text| !german.contains_key(*text)).collect();
    assert!(missing.is_empty(), "{} texts have no German translation in public/i18n/:\n{missing:#?}", missing.len());
}

#[test]
fn every_german_text_translates_a_text_of_the_app() {
    let english = english_texts();
    let unused: Vec<String> = german_catalog().into_keys().filter(|key| !english.contains(key)).collect();
    assert!(unused.is_empty(), "public/i18n/ translates texts the app does not have:\n{unused:#?}");
}

#[test]
fn the_findings_catalog_holds_the_findings_and_the_first_one_the_rest() {
    let findings: BTreeSet<String> = credentials::texts().iter().map(|text| text.to_string()).collect();
    let in_findings: BTreeSet<String> = catalog("de-findings.json").into_keys().collect();
    assert_eq!(in_findings, findings, "public/i18n/de-findings.json translates exactly the engine's findings");
    let misplaced: Vec<String> = catalog("de.json").into_keys().filter(|key| findings.contains(key)).collect();
    assert!(misplaced.is_empty(), "findings belong in public/i18n/de-findings.json, not de.json:\n{misplaced:#?}");
}

#[test]
fn translations_keep_the_placeholders_of_the_english_text() {
    // A placeholder is a name in braces; other braces are text ("the opening brace {").
    let placeholders = |text: &str| -> BTreeSet<String> {
        text.split('{')
            .skip(1)
            .filter_map(|part| part.split_once('}').map(|(name, _)| name.to_owned()))
            .filter(|name| !name.is_empty() && name.chars().all(|c| c.is_alphanumeric() || c == '_'))
            .collect()
    };
    for (english, german) in german_catalog() {
        assert_eq!(placeholders(&english), placeholders(&german), "{english:?} → {german:?}");
        assert!(!german.trim().is_empty(), "{english:?} has an empty translation");
    }
}

#[test]
fn the_scanner_reads_calls_and_escapes() {
    let code = "let a = t(\"Sign out\"); let e = tf(\n    \"On the next line\", &[]); let b = tf(\"Say \\\"{x}\\\"\", &[]); let c = format(\"no\"); let d = t(\"a \\\n        b\");";
    assert_eq!(translated_literals(code), vec!["Sign out", "a b", "On the next line", "Say \"{x}\""]);
}
