//! How long parsing and validating takes: a typical paste, and the worst a 64 KiB paste can do.
//! Run with `cargo xtask bench` (or `cargo bench -p credentials`).

use std::hint::black_box;

use credentials::{analyze, Context, MAX_INPUT_BYTES};
use criterion::{criterion_group, criterion_main, Criterion};

const TYPICAL: &str = r#"{
  "url": "https://eu10apiportal.cfapps.eu10.hana.ondemand.com",
  "tokenUrl": "https://acme-prod.authentication.eu10.hana.ondemand.com/oauth/token",
  "clientId": "sb-apiaccess1689070958781!b6077|api-portal-xsuaa!b2160",
  "clientSecret": "7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f$Qx3vN8kPz_Lm2-Rt5Yw9uB1cE4gH6jK0sT7dF3aZ1yU="
}"#;

/// Just under 64 KiB of unknown fields on one line: the most members, diagnostics and
/// column counting one input can ask for.
fn many_fields_on_one_line() -> String {
    let mut text = String::from("{\"clientId\": \"sb-apiaccess1!b1|api-portal-xsuaa!b2\"");
    let mut index = 0;
    while text.len() < MAX_INPUT_BYTES - 40 {
        text.push_str(&format!(", \"f{index}\": \"\\u00e9\""));
        index += 1;
    }
    text.push('}');
    text
}

/// Just under 64 KiB of certificate chain: the longest PEM text to check.
fn long_certificate_chain() -> String {
    let block = format!("-----BEGIN CERTIFICATE-----\\n{}\\n-----END CERTIFICATE-----\\n", "QUJD".repeat(16).repeat(15));
    let mut chain = String::new();
    while chain.len() + block.len() < MAX_INPUT_BYTES - 400 {
        chain.push_str(&block);
    }
    format!(
        r#"{{"url": "https://a.cfapps.eu10.hana.ondemand.com", "tokenurl": "https://a.authentication.cert.eu10.hana.ondemand.com/oauth/token", "certurl": "https://a.authentication.cert.eu10.hana.ondemand.com", "certificate": "{chain}", "key": "-----BEGIN PRIVATE KEY-----\nQUJD\n-----END PRIVATE KEY-----"}}"#
    )
}

fn benchmarks(c: &mut Criterion) {
    let context = Context::default();
    c.bench_function("analyze typical client-secret credentials", |b| b.iter(|| analyze(black_box(TYPICAL), &context)));
    let fields = many_fields_on_one_line();
    assert!(fields.len() <= MAX_INPUT_BYTES);
    c.bench_function("analyze 64 KiB worst case: fields on one line", |b| b.iter(|| analyze(black_box(&fields), &context)));
    let chain = long_certificate_chain();
    assert!(chain.len() <= MAX_INPUT_BYTES);
    assert!(!analyze(&chain, &context).has_errors(), "the chain must be valid to be checked in full");
    c.bench_function("analyze 64 KiB worst case: certificate chain", |b| b.iter(|| analyze(black_box(&chain), &context)));
}

criterion_group!(benches, benchmarks);
criterion_main!(benches);
