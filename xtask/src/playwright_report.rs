//! The failed end-to-end tests, read from Playwright's JSON report, so that the summary at
//! the end of `cargo xtask test` names them: CI shows only the tail of what a run prints, and
//! Playwright's own account of a failure scrolls away under the hub's log.

use std::path::Path;

use serde_json::Value;

/// How many lines of each failure's message are kept.
const MESSAGE_LINES: usize = 6;

/// One line per failed test (`file:line › title`) followed by the start of its error, or
/// `None` if the report cannot be read.
pub fn failures(report: &Path) -> Option<String> {
    let text = std::fs::read_to_string(report).ok()?;
    let root: Value = serde_json::from_str(&text).ok()?;
    let mut lines = Vec::new();
    for suite in root.get("suites")?.as_array()? {
        collect_failures(suite, &mut lines);
    }
    Some(lines.join("\n"))
}

fn collect_failures(suite: &Value, lines: &mut Vec<String>) {
    for spec in suite.get("specs").and_then(Value::as_array).into_iter().flatten() {
        if spec.get("ok").and_then(Value::as_bool) != Some(false) {
            continue;
        }
        let file = spec.get("file").and_then(Value::as_str).unwrap_or("?");
        let line = spec.get("line").and_then(Value::as_u64).unwrap_or(0);
        let title = spec.get("title").and_then(Value::as_str).unwrap_or("?");
        lines.push(format!("    ✘ {file}:{line} › {title}"));
        for message in error_messages(spec) {
            let plain = without_colours(message);
            lines.extend(plain.lines().filter(|text| !text.trim().is_empty()).take(MESSAGE_LINES).map(|text| format!("        {text}")));
        }
    }
    for child in suite.get("suites").and_then(Value::as_array).into_iter().flatten() {
        collect_failures(child, lines);
    }
}

/// The messages of the failed results of a spec (a spec has one test per project, each with
/// one result per attempt).
fn error_messages(spec: &Value) -> Vec<&str> {
    let results = spec
        .get("tests")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .flat_map(|test| test.get("results").and_then(Value::as_array).into_iter().flatten());
    results
        .filter(|result| !matches!(result.get("status").and_then(Value::as_str), Some("passed" | "skipped")))
        .filter_map(|result| result.get("error")?.get("message")?.as_str())
        .collect()
}

/// `text` without the terminal colour codes (ESC [ … m) Playwright puts into its messages.
fn without_colours(text: &str) -> String {
    let mut plain = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            chars.by_ref().find(|&end| end.is_ascii_alphabetic());
        } else {
            plain.push(c);
        }
    }
    plain
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_each_failed_test_with_the_start_of_its_error() {
        let report = serde_json::json!({
            "suites": [{
                "title": "themes.spec.mjs",
                "specs": [
                    { "title": "passes", "ok": true, "file": "themes.spec.mjs", "line": 3, "tests": [] },
                    { "title": "fails", "ok": false, "file": "themes.spec.mjs", "line": 9, "tests": [{ "results": [
                        { "status": "failed", "error": { "message": "\u{1b}[31mError: expect(received)\u{1b}[39m\n\nExpected: 1\nReceived: 2" } }
                    ] }] }
                ],
                "suites": [{ "title": "inner", "specs": [
                    { "title": "times out", "ok": false, "file": "themes.spec.mjs", "line": 20, "tests": [{ "results": [
                        { "status": "timedOut", "error": { "message": "Test timeout of 30000ms exceeded." } }
                    ] }] }
                ] }]
            }]
        });
        let path = std::env::temp_dir().join(format!("playwright-report-test-{}.json", std::process::id()));
        std::fs::write(&path, report.to_string()).unwrap();
        let text = failures(&path).unwrap();
        std::fs::remove_file(&path).unwrap();
        assert_eq!(
            text,
            "    ✘ themes.spec.mjs:9 › fails\n        Error: expect(received)\n        Expected: 1\n        Received: 2\n    ✘ themes.spec.mjs:20 › times out\n        Test timeout of 30000ms exceeded."
        );
    }

    #[test]
    fn an_unreadable_report_gives_nothing() {
        assert_eq!(failures(Path::new("/nonexistent/report.json")), None);
    }
}
