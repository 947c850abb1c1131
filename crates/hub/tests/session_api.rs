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
    let hub = TestHub::start_with(|config| config.dev_login = false).await;
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
