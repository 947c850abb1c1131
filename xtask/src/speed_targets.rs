//! The speed and size targets the app is held to beside the hand-written page, judged from the
//! medians `measure.mjs` wrote for one run of both pages (`target/peers/*.json`), and the first
//! load from the build.

use serde_json::Value;

/// One target: what is measured, its value in this run, the limit, and whether it holds.
#[derive(Debug, PartialEq)]
pub struct Verdict {
    pub what: &'static str,
    pub value: String,
    pub limit: &'static str,
    pub met: bool,
}

/// What makes a target: the run it reads, the median it reads, the page it compares with (ratio)
/// or none (an absolute value), and the limit.
struct Target {
    what: &'static str,
    throttled: bool,
    median: &'static str,
    against_vanilla: bool,
    limit: f64,
    limit_text: &'static str,
}

/// The first load: the page and what it links (not the rest of the code, which comes after the
/// first row; measure.mjs counts it too, as it counts everything until the page has settled).
const FIRST_LOAD_LIMIT_KIB: f64 = 150_000.0 / 1024.0;

const TARGETS: [Target; 5] = [
    Target { what: "first row", throttled: false, median: "firstRow", against_vanilla: true, limit: 1.2, limit_text: "≤ 1.2×" },
    Target { what: "interactive", throttled: false, median: "interactive", against_vanilla: true, limit: 1.3, limit_text: "≤ 1.3×" },
    Target { what: "throttled: first contentful paint", throttled: true, median: "fcp", against_vanilla: true, limit: 1.5, limit_text: "≤ 1.5×" },
    Target { what: "throttled: first row", throttled: true, median: "firstRow", against_vanilla: true, limit: 2.0, limit_text: "≤ 2×" },
    Target { what: "throttled: click Edit → dialog", throttled: true, median: "editOpen", against_vanilla: false, limit: 100.0, limit_text: "≤ 100 ms" },
];

/// Each target judged from the build's first load (KiB, brotli) and the unthrottled and the
/// throttled run's output; a median the output lacks is an error (another version of measure.mjs).
pub fn judge(first_load_kib: f64, unthrottled: &Value, throttled: &Value) -> Result<Vec<Verdict>, String> {
    let first_load = Verdict {
        what: "first load (before the first row), brotli",
        value: format!("{first_load_kib:.1} KiB"),
        limit: "≤ 150 KB",
        met: first_load_kib <= FIRST_LOAD_LIMIT_KIB,
    };
    let measured = TARGETS
        .iter()
        .map(|target| {
            let run = if target.throttled { throttled } else { unthrottled };
            let median = |page: &str| {
                run["medians"][page][target.median].as_f64().ok_or_else(|| format!("measure.mjs gave no median {} for {page}", target.median))
            };
            let ours = median("ours")?;
            let (measured, value) = if target.against_vanilla {
                let ratio = ours / median("vanilla")?;
                (ratio, format!("{ratio:.2}×"))
            } else {
                (ours, format!("{ours:.0} ms"))
            };
            Ok(Verdict { what: target.what, value, limit: target.limit_text, met: measured <= target.limit })
        })
        .collect::<Result<Vec<_>, String>>()?;
    Ok(std::iter::once(first_load).chain(measured).collect())
}

/// The verdicts as lines to print.
pub fn lines(verdicts: &[Verdict]) -> Vec<String> {
    verdicts
        .iter()
        .map(|verdict| format!("{:<36} {:>11}   {:<9} {}", verdict.what, verdict.value, verdict.limit, if verdict.met { "met" } else { "not met" }))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn run(ours: Value, vanilla: Value) -> Value {
        json!({ "medians": { "ours": ours, "vanilla": vanilla } })
    }

    #[test]
    fn each_target_is_judged_from_its_own_run_as_a_ratio_or_a_value() {
        let unthrottled = run(json!({ "firstRow": 151.0, "interactive": 151.0 }), json!({ "firstRow": 121.0, "interactive": 121.0 }));
        let throttled = run(json!({ "fcp": 396.0, "firstRow": 2134.0, "editOpen": 83.0 }), json!({ "fcp": 434.0, "firstRow": 856.0 }));
        let verdicts = judge(305.1, &unthrottled, &throttled).unwrap();
        let judged: Vec<(&str, &str, bool)> = verdicts.iter().map(|verdict| (verdict.what, verdict.value.as_str(), verdict.met)).collect();
        assert_eq!(
            judged,
            [
                ("first load (before the first row), brotli", "305.1 KiB", false),
                ("first row", "1.25×", false),
                ("interactive", "1.25×", true),
                ("throttled: first contentful paint", "0.91×", true),
                ("throttled: first row", "2.49×", false),
                ("throttled: click Edit → dialog", "83 ms", true),
            ]
        );
    }

    #[test]
    fn the_byte_limit_is_150_kb_of_1000_bytes() {
        let at = |kib: f64| {
            let unthrottled = run(json!({ "firstRow": 1.0, "interactive": 1.0 }), json!({ "firstRow": 1.0, "interactive": 1.0 }));
            let throttled = run(json!({ "fcp": 1.0, "firstRow": 1.0, "editOpen": 1.0 }), json!({ "fcp": 1.0, "firstRow": 1.0 }));
            judge(kib, &unthrottled, &throttled).unwrap()[0].met
        };
        assert!(at(146.4));
        assert!(!at(146.6));
    }

    #[test]
    fn a_missing_median_is_an_error_not_a_verdict() {
        let unthrottled = run(json!({}), json!({}));
        let throttled = run(json!({}), json!({}));
        assert_eq!(judge(100.0, &unthrottled, &throttled).unwrap_err(), "measure.mjs gave no median firstRow for ours");
    }
}
