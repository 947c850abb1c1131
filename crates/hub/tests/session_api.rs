//! The development login, the current user and CSRF tokens, over real HTTP.

mod support;

use serde_json::Value;
use support::TestHub;

#[tokio::test]
async fn lists_the_users_one_may_sign_in_as() {
    let hub = TestHub::start(None).await;
    let users: Value = TestHub::client().get(hub.url("/session/users")).send().await.unwrap().json().await.unwrap();
    let ids: Vec<&str> = users.as_array().unwrap().iter().map(|user| user["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["alice", "bob", "carol", "dave"]);
}

#[tokio::test]
async fn without_a_session_the_user_is_401() {
    let hub = TestHub::start(None).await;
    let response = TestHub::client().get(hub.url("/user")).send().await.unwrap();
    assert_eq!(response.status(), 401);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["error"]["code"], "NOT_AUTHENTICATED");
}

#[tokio::test]
async fn signing_in_sets_an_http_only_strict_cookie_and_names_the_user() {
    let hub = TestHub::start(None).await;
    let client = TestHub::client();
    let response = client.post(hub.url("/session")).json(&serde_json::json!({"user": "alice"})).send().await.unwrap();
    assert_eq!(response.status(), 200);
    let cookie = response.headers()["set-cookie"].to_str().unwrap().to_owned();
    assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"), "{cookie}");
    let user: Value = client.get(hub.url("/user")).send().await.unwrap().json().await.unwrap();
    assert_eq!(user["name"], "Alice Andersen");
    assert_eq!(user["roles"], serde_json::json!(["AuthGroup.APIPortalRegistration"]));
}

#[tokio::test]
async fn an_unknown_user_cannot_sign_in() {
    let hub = TestHub::start(None).await;
    let response =
        TestHub::client().post(hub.url("/session")).json(&serde_json::json!({"user": "mallory"})).send().await.unwrap();
    assert_eq!(response.status(), 400);
}

#[tokio::test]
async fn signing_out_needs_the_csrf_token() {
    let hub = TestHub::start(None).await;
    let client = hub.signed_in("bob").await;

    let refused = client.delete(hub.url("/session")).send().await.unwrap();
    assert_eq!(refused.status(), 403);
    assert_eq!(refused.headers()["x-csrf-token"], "Required");
    assert_eq!(client.get(hub.url("/user")).send().await.unwrap().status(), 200, "still signed in");

    let fetched = client.get(hub.url("/user")).header("X-CSRF-Token", "Fetch").send().await.unwrap();
    let token = fetched.headers()["x-csrf-token"].to_str().unwrap().to_owned();
    let signed_out = client.delete(hub.url("/session")).header("X-CSRF-Token", token).send().await.unwrap();
    assert_eq!(signed_out.status(), 204);
    assert_eq!(client.get(hub.url("/user")).send().await.unwrap().status(), 401);
}

#[tokio::test]
async fn the_login_body_must_be_json() {
    let hub = TestHub::start(None).await;
    let client = TestHub::client();
    let wrong_type = client.post(hub.url("/session")).body(r#"{"user":"alice"}"#).send().await.unwrap();
    assert_eq!(wrong_type.status(), 415);
    let broken = client
        .post(hub.url("/session"))
        .header("content-type", "application/json")
        .body("{\n  \"user\": \"alice\",\n}")
        .send()
        .await
        .unwrap();
    assert_eq!(broken.status(), 400);
    let body: Value = broken.json().await.unwrap();
    assert_eq!(body["error"]["code"], "INVALID_JSON");
    assert!(body["error"]["message"].as_str().unwrap().contains("line 3"), "{body}");
}

#[tokio::test]
async fn without_the_development_login_there_is_no_way_in() {
    let hub = TestHub::start_with(|config| *config = hub::Config { addr: config.addr, ..hub::Config::with_db(config.db.clone()) }).await;
    let client = TestHub::client();
    assert_eq!(client.get(hub.url("/session/users")).send().await.unwrap().status(), 404);
    let login = client.post(hub.url("/session")).json(&serde_json::json!({"user": "alice"})).send().await.unwrap();
    assert_eq!(login.status(), 404);
    assert_eq!(client.get(hub.url("/user")).send().await.unwrap().status(), 401);
}

#[tokio::test]
async fn frame_ancestors_come_from_the_flag() {
    let hub = TestHub::start_with(|config| config.frame_ancestors = "https://launchpad.example.com".into()).await;
    let response = TestHub::client().get(hub.url("/user")).send().await.unwrap();
    let policy = response.headers()["content-security-policy"].to_str().unwrap().to_owned();
    assert!(policy.ends_with("frame-ancestors https://launchpad.example.com"), "{policy}");
}

/// A raw request with only `cookie`, as a browser holding that cookie would send it.
async fn user_with_cookie(hub: &TestHub, cookie: &str) -> u16 {
    reqwest::Client::new().get(hub.url("/user")).header("Cookie", cookie).send().await.unwrap().status().as_u16()
}

#[tokio::test]
async fn signing_in_again_ends_the_session_the_browser_had() {
    let hub = TestHub::start(None).await;
    let first = hub.session_cookie_of("alice").await;
    assert_eq!(user_with_cookie(&hub, &first).await, 200);
    let again = reqwest::Client::new()
        .post(hub.url("/session"))
        .header("Cookie", &first)
        .json(&serde_json::json!({"user": "carol"}))
        .send()
        .await
        .unwrap();
    assert_eq!(again.status(), 200);
    let second = again.headers()["set-cookie"].to_str().unwrap().split(';').next().unwrap().to_owned();
    assert_eq!(user_with_cookie(&hub, &first).await, 401, "the session the browser presented has ended");
    assert_eq!(user_with_cookie(&hub, &second).await, 200);
}

/// Moves the times of every session `seconds` into the past, as if that time had gone by.
fn age_sessions(hub: &TestHub, column: &str, seconds: i64) {
    let db = rusqlite::Connection::open(hub.data.join("hub.sqlite3")).unwrap();
    db.execute(&format!("UPDATE sessions SET {column} = {column} - ?1"), [seconds]).unwrap();
}

#[tokio::test]
async fn a_session_ends_after_30_idle_minutes() {
    let hub = TestHub::start(None).await;
    let cookie = hub.session_cookie_of("alice").await;
    age_sessions(&hub, "last_seen_at", 29 * 60);
    assert_eq!(user_with_cookie(&hub, &cookie).await, 200, "29 minutes idle: still on, and seen again now");
    age_sessions(&hub, "last_seen_at", 29 * 60);
    assert_eq!(user_with_cookie(&hub, &cookie).await, 200, "29 minutes since it was last seen");
    age_sessions(&hub, "last_seen_at", 30 * 60);
    assert_eq!(user_with_cookie(&hub, &cookie).await, 401, "30 minutes idle");
    let db = rusqlite::Connection::open(hub.data.join("hub.sqlite3")).unwrap();
    assert_eq!(db.query_row("SELECT COUNT(*) FROM sessions", [], |row| row.get::<_, i64>(0)).unwrap(), 0, "and it is deleted");
}

#[tokio::test]
async fn a_session_ends_8_hours_after_signing_in_however_active() {
    let hub = TestHub::start(None).await;
    let cookie = hub.session_cookie_of("alice").await;
    age_sessions(&hub, "created_at", 8 * 3600 - 60);
    assert_eq!(user_with_cookie(&hub, &cookie).await, 200);
    age_sessions(&hub, "created_at", 60);
    assert_eq!(user_with_cookie(&hub, &cookie).await, 401);
}

#[tokio::test]
async fn session_limits_are_configurable() {
    let hub = TestHub::start_with(|config| {
        config.sessions.idle_minutes = 5;
        config.sessions.lifetime_hours = 1;
    })
    .await;
    let cookie = hub.session_cookie_of("alice").await;
    age_sessions(&hub, "last_seen_at", 5 * 60);
    assert_eq!(user_with_cookie(&hub, &cookie).await, 401);
    let cookie = hub.session_cookie_of("alice").await;
    age_sessions(&hub, "created_at", 3600);
    assert_eq!(user_with_cookie(&hub, &cookie).await, 401);
}

#[tokio::test]
async fn the_database_keeps_no_session_token_and_only_its_owner_reads_it() {
    let data = tempfile::tempdir().unwrap();
    let folder = data.path().join("hub-data");
    let hub = TestHub::start_configured(&folder, |_| {}).await;
    let cookie = hub.session_cookie_of("alice").await;
    let token = cookie.split_once('=').unwrap().1.to_owned();
    assert_eq!(user_with_cookie(&hub, &cookie).await, 200);
    for name in ["hub.sqlite3", "hub.sqlite3-wal"] {
        let bytes = std::fs::read(folder.join(name)).unwrap();
        assert!(!bytes.windows(token.len()).any(|window| window == token.as_bytes()), "{name} holds the token");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = |path: std::path::PathBuf| std::fs::metadata(path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(folder.clone()), 0o700, "data folder");
        for name in ["hub.sqlite3", "hub.sqlite3-wal", "hub.sqlite3-shm", "hub-secret.key"] {
            assert_eq!(mode(folder.join(name)), 0o600, "{name}");
        }
    }
    hub.stop().await;
}

#[tokio::test]
async fn over_https_the_cookie_is_secure_and_hsts_is_sent() {
    let hub = TestHub::start_with(|config| config.https = true).await;
    let login = TestHub::client().post(hub.url("/session")).json(&serde_json::json!({"user": "alice"})).send().await.unwrap();
    assert!(login.headers()["set-cookie"].to_str().unwrap().contains("; Secure"));
    assert!(login.headers()["strict-transport-security"].to_str().unwrap().starts_with("max-age="));

    let plain = TestHub::start(None).await;
    let login = TestHub::client().post(plain.url("/session")).json(&serde_json::json!({"user": "alice"})).send().await.unwrap();
    assert!(!login.headers()["set-cookie"].to_str().unwrap().contains("Secure"));
    assert!(login.headers().get("strict-transport-security").is_none());
}

#[tokio::test]
async fn x_forwarded_proto_counts_only_from_a_trusted_proxy() {
    let login = |hub: &TestHub, proto: &'static str| {
        let request = TestHub::client().post(hub.url("/session")).header("X-Forwarded-Proto", proto);
        async move { request.json(&serde_json::json!({"user": "alice"})).send().await.unwrap() }
    };
    let behind_proxy = TestHub::start_with(|config| config.trusted_proxies = vec!["127.0.0.1".parse().unwrap()]).await;
    let response = login(&behind_proxy, "https").await;
    assert!(response.headers()["set-cookie"].to_str().unwrap().contains("; Secure"));
    assert!(response.headers().contains_key("strict-transport-security"));
    let response = login(&behind_proxy, "http").await;
    assert!(!response.headers()["set-cookie"].to_str().unwrap().contains("Secure"));

    let direct = TestHub::start(None).await;
    let response = login(&direct, "https").await;
    assert!(!response.headers()["set-cookie"].to_str().unwrap().contains("Secure"), "anyone can send the header");
}
