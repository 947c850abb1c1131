//! "Test Connection" against a real token endpoint over TLS on loopback: tokens issued and
//! refused, and every way a token URL can lead astray, each with its code, fast, and without
//! the hub connecting where it should not. No test sends a packet beyond loopback: names
//! resolve through the hub's `--resolve` entries only (`--no-dns`).

mod support;

use std::net::IpAddr;
use std::time::{Duration, Instant};

use serde_json::{json, Value};
use support::token_endpoint::{Mode, TokenEndpoint, GOOD_CLIENT_ID, GOOD_SECRET, OTHER_HOST, TOKEN_HOST};
use support::{csrf_token, log_capture, request_by_alias, TestHub};

/// Every test must end well within the 5 s of the exchange, plus a margin for a busy machine.
const FAST: Duration = Duration::from_secs(8);

/// A hub that reaches the token endpoint: its host names resolve to loopback, its CA is
/// trusted, private addresses are allowed unless `allow_private` is false.
async fn hub_for(endpoint: &TokenEndpoint, allow_private: bool) -> TestHub {
    log_capture::start();
    let ca_folder = tempfile::tempdir().unwrap().keep();
    let ca = endpoint.write_ca(&ca_folder);
    let port = endpoint.port;
    TestHub::start_with(move |config| {
        let tests = &mut config.token_tests;
        tests.extra_ports = vec![port];
        tests.extra_ca_files = vec![ca];
        tests.allow_private = allow_private;
        tests.no_dns = true;
        let loopback: IpAddr = "127.0.0.1".parse().unwrap();
        tests.fixed_addresses = vec![
            (TOKEN_HOST.to_owned(), loopback),
            (OTHER_HOST.to_owned(), loopback),
            ("localhost".to_owned(), loopback),
            ("localhost".to_owned(), "::1".parse().unwrap()),
        ];
        tests.extra_hosts = vec!["localhost".into(), "127.0.0.1".into(), "::1".into(), "::ffff:127.0.0.1".into()];
    })
    .await
}

fn client_secret_credentials(token_url: &str, client_id: &str, secret: &str) -> Value {
    json!({ "url": "https://eu10apiportal.cfapps.eu10.hana.ondemand.com", "tokenUrl": token_url, "clientId": client_id, "clientSecret": secret })
}

/// `POST /credentials/test` as `client`; the status, the answer, and how long it took.
async fn test(hub: &TestHub, client: &reqwest::Client, token: &str, credentials: &Value) -> (u16, Value, Duration) {
    let started = Instant::now();
    let response =
        client.post(hub.url("/credentials/test")).header("X-CSRF-Token", token).json(credentials).send().await.unwrap();
    let status = response.status().as_u16();
    (status, response.json().await.unwrap(), started.elapsed())
}

async fn signed_in(hub: &TestHub, user: &str) -> (reqwest::Client, String) {
    let client = hub.signed_in(user).await;
    let token = csrf_token(hub, &client).await;
    (client, token)
}

#[tokio::test]
async fn the_right_client_id_and_secret_get_a_token_and_others_are_refused() {
    let endpoint = TokenEndpoint::start().await;
    let hub = hub_for(&endpoint, true).await;
    let (alice, token) = signed_in(&hub, "alice").await;

    let (status, outcome, _) = test(&hub, &alice, &token, &client_secret_credentials(&endpoint.token_url(), GOOD_CLIENT_ID, GOOD_SECRET)).await;
    assert_eq!(status, 200, "{outcome}");
    assert_eq!(outcome["ok"], true, "{outcome}");
    assert_eq!(outcome["tokenType"], "bearer");
    assert_eq!(outcome["expiresIn"], 43199);
    assert!(outcome["testedAt"].as_str().unwrap().ends_with('Z'));
    assert!(!outcome.to_string().contains("eyJ"), "the token is never relayed");
    assert!(endpoint.received.lock().unwrap().last().unwrap().contains("grant_type=client_credentials"));

    let wrong = "1111111-2222-3333-4444-555555555555$WrongSecret=";
    let (status, outcome, _) = test(&hub, &alice, &token, &client_secret_credentials(&endpoint.token_url(), GOOD_CLIENT_ID, wrong)).await;
    assert_eq!(status, 200);
    assert_eq!((outcome["ok"].as_bool(), outcome["code"].as_str()), (Some(false), Some("INVALID_CLIENT")), "{outcome}");
    assert_eq!(
        outcome["message"],
        "The token endpoint refused the client ID or secret (HTTP 401): generate new credentials in the API portal and paste them here."
    );
    // The same words as a template and its values, for clients in other languages.
    assert_eq!(outcome["template"], contract::hub_texts::INVALID_CLIENT);
    assert_eq!(outcome["params"], serde_json::json!({ "status": "401" }));
    for text in [outcome.to_string(), log_capture::text()] {
        assert!(!text.contains(GOOD_SECRET) && !text.contains(wrong), "a secret in an answer or the log");
    }
}

#[tokio::test]
async fn a_client_certificate_gets_a_token_over_mutual_tls() {
    let endpoint = TokenEndpoint::start().await;
    let hub = hub_for(&endpoint, true).await;
    let (alice, token) = signed_in(&hub, "alice").await;
    let credentials = json!({
        "url": "https://eu10apiportal.cfapps.eu10.hana.ondemand.com",
        "tokenurl": endpoint.token_url(),
        "certurl": "https://acme.authentication.cert.eu10.hana.ondemand.com",
        "clientid": "sb-x509-client",
        "certificate": endpoint.client_certificate,
        "key": endpoint.client_key,
    });
    let (status, outcome, _) = test(&hub, &alice, &token, &credentials).await;
    assert_eq!(status, 200, "{outcome}");
    assert_eq!(outcome["ok"], true, "{outcome}");
    assert!(!log_capture::text().contains(endpoint.client_key.lines().nth(1).unwrap()));
}

#[tokio::test]
async fn token_urls_that_lead_astray_get_their_code_fast_and_no_connection() {
    let endpoint = TokenEndpoint::start().await;
    let hub = hub_for(&endpoint, false).await;
    let (alice, token) = signed_in(&hub, "alice").await;
    let port = endpoint.port;
    let cases = [
        (format!("https://evil.example.com:{port}/oauth/token"), "TOKEN_HOST_NOT_ALLOWED"),
        (format!("https://{TOKEN_HOST}:{}/oauth/token", port + 1), "TOKEN_HOST_NOT_ALLOWED"),
        (format!("https://{TOKEN_HOST}:{port}/oauth/token"), "TOKEN_HOST_PRIVATE_ADDRESS"),
        (format!("https://127.0.0.1:{port}/oauth/token"), "TOKEN_HOST_PRIVATE_ADDRESS"),
        (format!("https://[::1]:{port}/oauth/token"), "TOKEN_HOST_PRIVATE_ADDRESS"),
        (format!("https://[::ffff:127.0.0.1]:{port}/oauth/token"), "TOKEN_HOST_PRIVATE_ADDRESS"),
        (format!("https://localhost:{port}/oauth/token"), "TOKEN_HOST_PRIVATE_ADDRESS"),
        // On the default allow-list, but not resolvable here (no DNS in the tests).
        ("https://nowhere.authentication.eu10.hana.ondemand.com/oauth/token".to_owned(), "TOKEN_HOST_UNRESOLVABLE"),
    ];
    for (url, code) in cases {
        let (status, outcome, took) = test(&hub, &alice, &token, &client_secret_credentials(&url, GOOD_CLIENT_ID, GOOD_SECRET)).await;
        assert_eq!((status, outcome["code"].as_str()), (200, Some(code)), "{url}: {outcome}");
        assert!(outcome["message"].as_str().unwrap().contains("tokenUrl"), "{url}: says what to check");
        assert!(took < FAST, "{url} took {took:?}");
    }
    assert_eq!(endpoint.connections(), 0, "the hub connected to the endpoint");

    // An http token URL does not even pass validation.
    let http = client_secret_credentials(&format!("http://{TOKEN_HOST}:{port}/oauth/token"), GOOD_CLIENT_ID, GOOD_SECRET);
    let (status, body, _) = test(&hub, &alice, &token, &http).await;
    assert_eq!((status, body["error"]["details"][0]["code"].as_str()), (422, Some("TOKEN_URL_NOT_HTTPS")));
    assert_eq!(endpoint.connections(), 0);
}

#[tokio::test]
async fn endpoints_that_misbehave_get_their_code_fast() {
    let endpoint = TokenEndpoint::start().await;
    let hub = hub_for(&endpoint, true).await;
    let good = client_secret_credentials(&endpoint.token_url(), GOOD_CLIENT_ID, GOOD_SECRET);
    let cases = [
        (Mode::Redirect, "TOKEN_ENDPOINT_ERROR"),
        (Mode::Huge, "NOT_A_TOKEN_RESPONSE"),
        (Mode::Garbage, "NOT_A_TOKEN_RESPONSE"),
        (Mode::Slow, "TOKEN_ENDPOINT_TIMEOUT"),
    ];
    for (mode, code) in cases {
        // A user may run 10 tests a minute: one user per case.
        let (client, token) = signed_in(&hub, "alice").await;
        endpoint.set_mode(mode);
        let before = endpoint.connections();
        let (status, outcome, took) = test(&hub, &client, &token, &good).await;
        assert_eq!((status, outcome["code"].as_str()), (200, Some(code)), "{mode:?}: {outcome}");
        assert!(took < FAST, "{mode:?} took {took:?}");
        assert_eq!(endpoint.connections() - before, 1, "{mode:?}: one connection, no redirect followed");
    }
    endpoint.set_mode(Mode::Normal);
    let (alice, token) = signed_in(&hub, "carol").await;
    let other = client_secret_credentials(&format!("https://{OTHER_HOST}:{}/oauth/token", endpoint.port), GOOD_CLIENT_ID, GOOD_SECRET);
    let (_, outcome, _) = test(&hub, &alice, &token, &other).await;
    assert_eq!(outcome["code"], "TOKEN_ENDPOINT_TLS_ERROR", "a certificate for another host: {outcome}");
}

#[tokio::test]
async fn eleven_tests_in_a_minute_are_too_many() {
    let endpoint = TokenEndpoint::start().await;
    let hub = hub_for(&endpoint, true).await;
    let (alice, token) = signed_in(&hub, "alice").await;
    let credentials = client_secret_credentials(&endpoint.token_url(), GOOD_CLIENT_ID, GOOD_SECRET);
    for _ in 0..10 {
        assert_eq!(test(&hub, &alice, &token, &credentials).await.0, 200);
    }
    let response =
        alice.post(hub.url("/credentials/test")).header("X-CSRF-Token", &token).json(&credentials).send().await.unwrap();
    assert_eq!(response.status(), 429);
    let wait: u64 = response.headers()["retry-after"].to_str().unwrap().parse().unwrap();
    assert!((1..=60).contains(&wait), "{wait}");
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["error"]["code"], "TOO_MANY_REQUESTS");
    assert_eq!(endpoint.connections(), 10, "the eleventh made no connection");
}

#[tokio::test]
async fn stored_credentials_are_tested_for_their_submitter_or_an_administrator_and_the_outcome_is_kept() {
    let endpoint = TokenEndpoint::start().await;
    let hub = hub_for(&endpoint, true).await;
    let (alice, token) = signed_in(&hub, "alice").await;
    let request = request_by_alias(&hub, &alice, "EU Production Portal").await;
    let id = request["id"].as_str().unwrap().to_owned();
    let test_stored = |client: reqwest::Client, token: String| {
        let url = hub.url(&format!("/connectionRequests/{id}/credentials/test"));
        async move {
            let response = client.post(url).header("X-CSRF-Token", token).send().await.unwrap();
            (response.status().as_u16(), response.json::<Value>().await.unwrap())
        }
    };

    // The demo's token URLs are real SAP hosts, which do not resolve here.
    let (status, outcome) = test_stored(alice.clone(), token.clone()).await;
    assert_eq!((status, outcome["code"].as_str()), (200, Some("TOKEN_HOST_UNRESOLVABLE")), "{outcome}");

    let credentials = client_secret_credentials(&endpoint.token_url(), GOOD_CLIENT_ID, GOOD_SECRET).to_string();
    let version = request["version"].as_i64().unwrap();
    assert_eq!(support::put_credentials(&hub, &alice, &token, &id, version, credentials).await.status(), 200);
    let replaced = request_by_alias(&hub, &alice, "EU Production Portal").await;
    assert!(replaced.get("lastTest").is_none(), "new credentials have not been tested");

    let (status, outcome) = test_stored(alice.clone(), token.clone()).await;
    assert_eq!((status, outcome["ok"].as_bool()), (200, Some(true)), "{outcome}");
    let tested = request_by_alias(&hub, &alice, "EU Production Portal").await;
    assert_eq!(tested["lastTest"]["ok"], true);
    assert_eq!(tested["lastTest"]["testedAt"], outcome["testedAt"]);
    assert_eq!(tested["version"], replaced["version"], "a test changes no version");

    let (bob, bob_token) = signed_in(&hub, "bob").await;
    let (status, body) = test_stored(bob, bob_token).await;
    assert_eq!((status, body["error"]["code"].as_str()), (403, Some("NOT_SUBMITTER")));
    assert_eq!(body["error"]["message"], "Only the user who submitted this request, and administrators, can test its stored credentials.");
    let (carol, carol_token) = signed_in(&hub, "carol").await;
    assert_eq!(test_stored(carol, carol_token).await.0, 200, "administrators test any request");

    let history: Value = alice.get(hub.url(&format!("/connectionRequests/{id}/history"))).send().await.unwrap().json().await.unwrap();
    let tests: Vec<&Value> = history["results"].as_array().unwrap().iter().filter(|event| event["action"] == "CONNECTION_TESTED").collect();
    assert_eq!(tests.len(), 3);
    assert_eq!(tests[0]["actor"]["id"], "carol");
    assert_eq!(tests[0]["details"], json!({"ok": true}));
    assert_eq!(tests[2]["details"], json!({"ok": false, "code": "TOKEN_HOST_UNRESOLVABLE"}));
    assert!(!history.to_string().contains(GOOD_SECRET));
}

#[tokio::test]
async fn a_test_that_outlives_its_credentials_does_not_vouch_for_the_new_ones() {
    let endpoint = TokenEndpoint::start().await;
    let hub = hub_for(&endpoint, true).await;
    let (alice, token) = signed_in(&hub, "alice").await;
    let request = request_by_alias(&hub, &alice, "EU Quality Portal").await;
    let id = request["id"].as_str().unwrap().to_owned();
    let good = client_secret_credentials(&endpoint.token_url(), GOOD_CLIENT_ID, GOOD_SECRET).to_string();
    let version = request["version"].as_i64().unwrap();
    assert_eq!(support::put_credentials(&hub, &alice, &token, &id, version, good.clone()).await.status(), 200);

    // The endpoint answers late; meanwhile the credentials are replaced.
    endpoint.set_mode(Mode::Slow);
    let running = {
        let (client, url, token) = (alice.clone(), hub.url(&format!("/connectionRequests/{id}/credentials/test")), token.clone());
        tokio::spawn(async move { client.post(url).header("X-CSRF-Token", token).send().await.unwrap().json::<Value>().await.unwrap() })
    };
    tokio::time::sleep(Duration::from_millis(500)).await;
    let replacement = good.replace(GOOD_CLIENT_ID, "sb-replaced!b6077|api-portal-xsuaa!b2160");
    assert_eq!(support::put_credentials(&hub, &alice, &token, &id, version + 1, replacement).await.status(), 200);
    let outcome = running.await.unwrap();
    assert_eq!(outcome["code"], "TOKEN_ENDPOINT_TIMEOUT");

    let now = request_by_alias(&hub, &alice, "EU Quality Portal").await;
    assert!(now.get("lastTest").is_none(), "the outcome belongs to the credentials before: {now}");
    let history: Value = alice.get(hub.url(&format!("/connectionRequests/{id}/history"))).send().await.unwrap().json().await.unwrap();
    assert_eq!(history["results"][0]["action"], "CONNECTION_TESTED", "still on record");
}
