//! The hub's own cost of "Test Connection": the same token request made directly and through
//! the hub, against the local token endpoint over TLS. A benchmark, not a test: `cargo xtask
//! bench hub` runs it (`--ignored`) and it prints figures.

mod support;

use std::net::IpAddr;
use std::time::{Duration, Instant};

use support::token_endpoint::{TokenEndpoint, GOOD_CLIENT_ID, GOOD_SECRET, TOKEN_HOST};
use support::{csrf_token, TestHub};

const RUNS: usize = 200;

fn summary(mut times: Vec<Duration>) -> (f64, f64) {
    times.sort();
    let at = |fraction: f64| times[((times.len() - 1) as f64 * fraction).round() as usize].as_secs_f64() * 1000.0;
    (at(0.5), at(0.99))
}

#[tokio::test]
#[ignore = "a benchmark: cargo xtask bench hub runs it"]
async fn test_connection_overhead() {
    let endpoint = TokenEndpoint::start().await;
    let folder = tempfile::tempdir().unwrap();
    let ca = endpoint.write_ca(folder.path());
    let hub = TestHub::start_with(|config| {
        let tests = &mut config.token_tests;
        tests.extra_ca_files = vec![ca.clone()];
        tests.allow_private = true;
        tests.no_dns = true;
        tests.fixed_addresses = vec![(TOKEN_HOST.to_owned(), "127.0.0.1".parse::<IpAddr>().unwrap())];
        tests.per_minute = 10_000;
        tests.extra_ports = vec![endpoint.port];
    })
    .await;
    let alice = hub.signed_in("alice").await;
    let token = csrf_token(&hub, &alice).await;
    let credentials = serde_json::json!({
        "url": "https://eu10apiportal.cfapps.eu10.hana.ondemand.com", "tokenUrl": endpoint.token_url(),
        "clientId": GOOD_CLIENT_ID, "clientSecret": GOOD_SECRET,
    });

    // Directly: a new client (so a new connection and TLS handshake) per request, as the hub does.
    let ca_certificate = reqwest::Certificate::from_pem(endpoint.ca_pem.as_bytes()).unwrap();
    let mut direct = Vec::with_capacity(RUNS);
    for _ in 0..RUNS {
        let started = Instant::now();
        let client = reqwest::Client::builder()
            .use_rustls_tls()
            .no_proxy()
            .add_root_certificate(ca_certificate.clone())
            .resolve(TOKEN_HOST, ([127, 0, 0, 1], endpoint.port).into())
            .build()
            .unwrap();
        let response = client
            .post(endpoint.token_url())
            .basic_auth(GOOD_CLIENT_ID, Some(GOOD_SECRET))
            .form(&[("grant_type", "client_credentials")])
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 200);
        response.bytes().await.unwrap();
        direct.push(started.elapsed());
    }

    let mut through_hub = Vec::with_capacity(RUNS);
    for _ in 0..RUNS {
        let started = Instant::now();
        let response = alice.post(hub.url("/credentials/test")).header("X-CSRF-Token", &token).json(&credentials).send().await.unwrap();
        let outcome: serde_json::Value = response.json().await.unwrap();
        assert_eq!(outcome["ok"], true, "{outcome}");
        through_hub.push(started.elapsed());
    }
    let (direct_median, direct_p99) = summary(direct);
    let (hub_median, hub_p99) = summary(through_hub);
    println!("\ntest connection against a local token endpoint over TLS ({RUNS} runs each, a new TLS connection each):");
    println!("  direct to the token endpoint        median {direct_median:>6.2} ms   p99 {direct_p99:>6.2} ms");
    println!("  through the hub (/credentials/test) median {hub_median:>6.2} ms   p99 {hub_p99:>6.2} ms");
    println!("  the hub's own overhead              median {:>6.2} ms   (target under 5 ms)", hub_median - direct_median);
}
