//! Requests made to hurt: answers stay small, text that would mislead a reader is refused, API
//! answers stay out of caches, a panic costs one request, a locked database is a 503.

mod support;

use std::time::Duration;

use axum::routing::get;
use axum::Router;
use serde_json::{json, Value};
use support::{credentials_for, csrf_token, put_credentials, submit, TestHub};

/// Every upper/lower-case spelling of `key`.
fn case_variants(key: &str) -> Vec<String> {
    (0..1u32 << key.len())
        .map(|mask| key.chars().enumerate().map(|(i, c)| if mask & (1 << i) != 0 { c.to_ascii_uppercase() } else { c }).collect())
        .collect()
}

#[tokio::test]
async fn thousands_of_spellings_of_one_key_give_a_small_answer() {
    let editing = support::editing("alice", "EU Production Portal").await;
    let members: Vec<String> = case_variants("clientsecret").iter().take(3300).map(|key| format!("\"{key}\":\"x\"")).collect();
    let body = format!("{{{}}}", members.join(","));
    assert!(body.len() <= 64 * 1024);
    let response = put_credentials(&editing.hub, &editing.client, &editing.token, &editing.id, editing.version, body).await;
    assert_eq!(response.status(), 422);
    let text = response.text().await.unwrap();
    assert!(text.len() < 16 * 1024, "{} bytes", text.len());
    let answer: Value = serde_json::from_str(&text).unwrap();
    let details = answer["error"]["details"].as_array().unwrap();
    assert!(details.len() <= 50, "{} details", details.len());
    let repeated = details.iter().filter(|detail| detail["code"] == "DUPLICATE_FIELD").count();
    assert_eq!(repeated, 11, "ten, and one that counts the rest");
}

#[tokio::test]
async fn an_alias_with_control_bidi_or_zero_width_characters_is_refused() {
    let hub = TestHub::start(None).await;
    let alice = hub.signed_in("alice").await;
    let token = csrf_token(&hub, &alice).await;
    let credentials: Value = serde_json::from_str(&credentials_for("https://evil.cfapps.eu10.hana.ondemand.com")).unwrap();
    for alias in ["Evil\u{202e}Alias\u{7}", "EU\u{200b}Production Portal", "Tab\there", "Isolate\u{2066}d"] {
        let (status, body) = submit(&hub, &alice, &token, json!({"apiPortalAlias": alias, "credentials": credentials})).await;
        assert_eq!(status, 422, "{alias:?}: {body}");
        let detail = &body["error"]["details"][0];
        assert_eq!(detail["target"], "apiPortalAlias", "{body}");
        assert_eq!(detail["code"], "ALIAS_HIDDEN_CHARACTER", "{body}");
        assert!(detail["message"].as_str().unwrap().contains("U+"), "{body}");
    }
    let (status, body) =
        submit(&hub, &alice, &token, json!({"apiPortalAlias": "Fine", "comment": "line one\nline\u{202e}two", "credentials": credentials})).await;
    assert_eq!(status, 422);
    let detail = &body["error"]["details"][0];
    assert_eq!(detail["target"], "comment");
    // Template and values, for clients in other languages; the field named by a phrase they translate.
    assert_eq!(detail["template"], contract::hub_texts::TEXT_HIDDEN_CHARACTER);
    assert_eq!(detail["params"]["target"], "comment");
    assert_eq!(detail["params"]["position"], "14");
    let page: Value = alice.get(hub.url("/connectionRequests")).send().await.unwrap().json().await.unwrap();
    assert_eq!(page["count"], 14, "nothing was created");
}

#[tokio::test]
async fn no_api_answer_may_be_cached() {
    let hub = TestHub::start(None).await;
    let alice = hub.signed_in("alice").await;
    for path in ["/user", "/connectionRequests", "/nothing", "/openapi.json"] {
        let response = alice.get(hub.url(path)).header("X-CSRF-Token", "Fetch").send().await.unwrap();
        assert_eq!(response.headers()["cache-control"], "no-store", "{path}");
    }
    let response = TestHub::client().get(format!("{}/api/other", hub.origin())).send().await.unwrap();
    assert_eq!(response.headers()["cache-control"], "no-store");
}

#[tokio::test]
async fn a_line_break_in_frame_ancestors_is_a_start_error() {
    let data = tempfile::tempdir().unwrap();
    let mut config = hub::Config::with_db(data.path().join("hub.sqlite3"));
    config.frame_ancestors = "'self'\nX-Injected: yes".into();
    let error = hub::app(&config).expect_err("refused");
    assert!(error.to_string().contains("--frame-ancestors"), "{error}");
}

#[tokio::test]
async fn a_panic_is_a_500_with_a_request_id_and_the_server_lives_on() {
    async fn panics() -> &'static str {
        panic!("a bug in a handler")
    }
    let routes = Router::new().route("/api/boom", get(panics)).route("/fine", get(|| async { "fine" }));
    let policy = hub::ContentSecurityPolicy::new(None, "'none'").unwrap();
    let app = hub::around(routes, policy, hub::HttpsPolicy::default());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let origin = format!("http://{}", listener.local_addr().unwrap());
    let limits = hub::Config::with_db("unused".into()).connections;
    tokio::spawn(async move { hub::serve(listener, app, &limits, std::future::pending()).await });

    let client = reqwest::Client::new();
    let response = client.get(format!("{origin}/api/boom")).send().await.unwrap();
    assert_eq!(response.status(), 500);
    assert_eq!(response.headers()["x-request-id"].len(), 36);
    assert_eq!(response.headers()["cache-control"], "no-store");
    assert!(response.headers()["content-security-policy"].to_str().unwrap().ends_with("frame-ancestors 'none'"));
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["error"]["code"], "INTERNAL_ERROR");
    assert!(!body.to_string().contains("a bug in a handler"), "internals stay in the log");
    assert_eq!(client.get(format!("{origin}/fine")).send().await.unwrap().text().await.unwrap(), "fine");
}

#[tokio::test]
async fn a_database_locked_by_another_process_is_a_503_and_reads_go_on() {
    let editing = support::editing("alice", "EU Production Portal").await;
    let hub = &editing.hub;
    let other = rusqlite::Connection::open(hub.data.join("hub.sqlite3")).unwrap();
    other.execute_batch("BEGIN IMMEDIATE; UPDATE users SET name = name WHERE id = 'dave';").unwrap();

    let listed = editing.client.get(hub.url("/connectionRequests")).timeout(Duration::from_secs(3)).send().await.unwrap();
    assert_eq!(listed.status(), 200, "reads go on");
    let response =
        put_credentials(hub, &editing.client, &editing.token, &editing.id, editing.version, credentials_for(&editing.portal)).await;
    assert_eq!(response.status(), 503);
    assert_eq!(response.headers()["retry-after"], "5");
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["error"]["code"], "SERVICE_UNAVAILABLE");

    other.execute_batch("ROLLBACK").unwrap();
    let response =
        put_credentials(hub, &editing.client, &editing.token, &editing.id, editing.version, credentials_for(&editing.portal)).await;
    assert_eq!(response.status(), 200, "once the lock is gone, the same change goes through");
}
