//! A corpus of realistic inputs, each with the diagnostics it must produce.
//!
//! `corpus/<case>.<ext>` is what a person pasted; `corpus/<case>.expect` lists the shape it is
//! recognised as, then one `severity CODE target` line per diagnostic (in any order).
//! After changing a rule on purpose, `CORPUS_BLESS=1 cargo test -p credentials --test corpus`
//! rewrites the expectations; review the diff before committing it.

use std::path::{Path, PathBuf};

use credentials::{Analysis, Context};

mod support;

/// [`credentials::analyze`], each finding checked to be translatable.
fn analyze(input: &str, context: &Context) -> Analysis {
    let analysis = credentials::analyze(input, context);
    support::assert_translatable(&analysis);
    analysis
}

fn corpus_folder() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus")
}

fn describe(input: &str) -> String {
    let analysis = analyze(input, &Context::default());
    let mut lines: Vec<String> = analysis
        .diagnostics
        .iter()
        .map(|diagnostic| format!("{} {} {}", diagnostic.severity.as_str(), diagnostic.code, diagnostic.target()))
        .collect();
    lines.sort();
    lines.insert(0, format!("shape: {}", analysis.shape.description()));
    if analysis.credentials.is_some() {
        lines.insert(1, "usable".to_owned());
    }
    lines.join("\n") + "\n"
}

#[test]
fn every_corpus_case_produces_its_expected_diagnostics() {
    let bless = std::env::var_os("CORPUS_BLESS").is_some();
    let mut cases: Vec<PathBuf> = std::fs::read_dir(corpus_folder())
        .expect("the corpus folder")
        .map(|entry| entry.expect("a corpus entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext != "expect"))
        .collect();
    cases.sort();
    assert!(cases.len() >= 30, "the corpus has {} cases", cases.len());

    let mut failures = Vec::new();
    for case in &cases {
        let input = std::fs::read_to_string(case).expect("a UTF-8 corpus input");
        let actual = describe(&input);
        let expect_path = case.with_extension("expect");
        if bless {
            std::fs::write(&expect_path, &actual).expect("writing the expectation");
            continue;
        }
        let expected = std::fs::read_to_string(&expect_path)
            .unwrap_or_else(|_| panic!("{} has no expectation file", case.display()));
        let mut expected_lines: Vec<&str> = expected.lines().collect();
        let mut actual_lines: Vec<&str> = actual.lines().collect();
        expected_lines[1..].sort();
        actual_lines[1..].sort();
        if expected_lines != actual_lines {
            failures.push(format!(
                "{}:\n  expected:\n    {}\n  actual:\n    {}",
                case.file_name().unwrap().to_string_lossy(),
                expected_lines.join("\n    "),
                actual_lines.join("\n    ")
            ));
        }
    }
    assert!(failures.is_empty(), "{} of {} corpus cases differ:\n{}", failures.len(), cases.len(), failures.join("\n"));
}
