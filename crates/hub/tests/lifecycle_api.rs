//! Submitting, approving and rejecting requests, over real HTTP.

mod support;

use serde_json::{json, Value};
use support::{credentials_for, csrf_token, request_by_alias, TestHub, CLIENT_SECRET};

async fn post(hub: &TestHub, client: &reqwest::Client, token: &str, path: &str, body: Option<Value>) -> (u16, Value, reqwest::header::HeaderMap) {
    let mut request = client.post(hub.url(path)).header("X-CSRF-Token", token);
    if let Some(body) = body {
        request = request.json(&body);
    }
    let response = request.send().await.unwrap();
    let (status, headers) = (response.status().as_u16(), response.headers().clone());
    (status, response.json().await.unwrap(), headers)
}

#[tokio::test]
async fn alice_submits_a_request() {
    let hub = TestHub::start(None).await;
    let alice = hub.signed_in("alice").await;
    let token = csrf_token(&hub, &alice).await;
    let credentials: Value = serde_json::from_str(&credentials_for("https://eu20newportal.cfapps.eu20.hana.ondemand.com")).unwrap();
    let submission = json!({ "apiPortalAlias": "  EU20 New Portal ", "comment": "Catalog for EU20", "credentials": credentials });

    let (status, created, headers) = post(&hub, &alice, &token, "/connectionRequests", Some(submission.clone())).await;
    assert_eq!(status, 201, "{created}");
    assert_eq!(created["apiPortalAlias"], "EU20 New Portal", "trimmed");
    assert_eq!(created["status"], "SUBMITTED");
    assert_eq!(created["requestedBy"]["id"], "alice");
    assert_eq!(created["apiPortalUrl"], "https://eu20newportal.cfapps.eu20.hana.ondemand.com");
    assert_eq!(headers["etag"], "\"1\"");
    let location = headers["location"].to_str().unwrap();
    assert_eq!(location, format!("/api/1.0/connectionRequests/{}", created["id"].as_str().unwrap()));
    assert!(!created.to_string().contains(CLIENT_SECRET));
    let fetched: Value = alice.get(format!("{}{location}", hub.origin())).send().await.unwrap().json().await.unwrap();
    assert_eq!(fetched, created);

    let (status, again, _) = post(&hub, &alice, &token, "/connectionRequests", Some(submission.clone())).await;
    assert_eq!((status, again["error"]["code"].as_str()), (409, Some("ALIAS_TAKEN")));
    // Nor does an alias that only looks different pass: a no-break space, two spaces, fullwidth
    // letters (as an input method in full-width mode types them), another case.
    for lookalike in ["EU20\u{00A0}New Portal", "EU20  New\u{2009}Portal", "ＥＵ２０ Ｎｅｗ Ｐｏｒｔａｌ", "eu20 NEW portal"] {
        let mut submission = submission.clone();
        submission["apiPortalAlias"] = Value::from(lookalike);
        let (status, again, _) = post(&hub, &alice, &token, "/connectionRequests", Some(submission)).await;
        assert_eq!((status, again["error"]["code"].as_str()), (409, Some("ALIAS_TAKEN")), "{lookalike:?}");
    }
}

#[tokio::test]
async fn a_submission_with_bad_fields_names_each() {
    let hub = TestHub::start(None).await;
    let alice = hub.signed_in("alice").await;
    let token = csrf_token(&hub, &alice).await;
    let bad = json!({
        "apiPortalAlias": "x".repeat(65),
        "credentials": { "url": "https://a.cfapps.eu10.hana.ondemand.com", "tokenUrl": "https://a.authentication.eu10.hana.ondemand.com/token",
                         "clientId": "sb-a!b1|b!b2", "clientSecret": "s3cret=" }
    });
    let (status, body, _) = post(&hub, &alice, &token, "/connectionRequests", Some(bad)).await;
    assert_eq!(status, 422);
    let targets: Vec<&str> = body["error"]["details"].as_array().unwrap().iter().map(|d| d["target"].as_str().unwrap()).collect();
    assert_eq!(targets, ["apiPortalAlias", "credentials.tokenUrl"]);

    let dave = hub.signed_in("dave").await;
    let dave_token = csrf_token(&hub, &dave).await;
    let credentials: Value = serde_json::from_str(&credentials_for("https://d.cfapps.eu10.hana.ondemand.com")).unwrap();
    let (status, body, _) =
        post(&hub, &dave, &dave_token, "/connectionRequests", Some(json!({"apiPortalAlias": "D", "credentials": credentials}))).await;
    assert_eq!((status, body["error"]["code"].as_str()), (403, Some("MISSING_ROLE")));
}

#[tokio::test]
async fn carol_approves_until_three_portals_are_connected_and_rejects_with_a_reason() {
    let hub = TestHub::start(None).await;
    let carol = hub.signed_in("carol").await;
    let token = csrf_token(&hub, &carol).await;

    let first = request_by_alias(&hub, &carol, "EU Quality Portal").await;
    let (status, approved, headers) =
        post(&hub, &carol, &token, &format!("/connectionRequests/{}/approve", first["id"].as_str().unwrap()), None).await;
    assert_eq!(status, 200, "{approved}");
    assert_eq!(approved["status"], "APPROVED");
    assert_eq!(approved["version"], first["version"].as_i64().unwrap() + 1);
    assert_eq!(headers["etag"], format!("\"{}\"", approved["version"]));

    let fourth = request_by_alias(&hub, &carol, "Canada Test Portal").await;
    let path = format!("/connectionRequests/{}/approve", fourth["id"].as_str().unwrap());
    let (status, refused, _) = post(&hub, &carol, &token, &path, None).await;
    assert_eq!((status, refused["error"]["code"].as_str()), (409, Some("PORTAL_LIMIT_REACHED")));
    assert_eq!(request_by_alias(&hub, &carol, "Canada Test Portal").await, fourth, "nothing changed");

    let path = format!("/connectionRequests/{}/reject", fourth["id"].as_str().unwrap());
    let (status, rejected, _) = post(&hub, &carol, &token, &path, Some(json!({"reason": "Use the EU portal instead."}))).await;
    assert_eq!(status, 200);
    assert_eq!(rejected["status"], "REJECTED");
    assert_eq!(rejected["decisionReason"], "Use the EU portal instead.");

    let (status, again, _) = post(&hub, &carol, &token, &path, None).await;
    assert_eq!((status, again["error"]["code"].as_str()), (409, Some("INVALID_STATE")));
}

#[tokio::test]
async fn only_hub_administrators_decide() {
    let hub = TestHub::start(None).await;
    let alice = hub.signed_in("alice").await;
    let token = csrf_token(&hub, &alice).await;
    let request = request_by_alias(&hub, &alice, "EU Quality Portal").await;
    let path = format!("/connectionRequests/{}/approve", request["id"].as_str().unwrap());
    let (status, body, _) = post(&hub, &alice, &token, &path, None).await;
    assert_eq!((status, body["error"]["code"].as_str()), (403, Some("MISSING_ROLE")));
    assert!(body["error"]["message"].as_str().unwrap().contains("AuthGroup.API.Admin"));

    let carol = hub.signed_in("carol").await;
    let carol_token = csrf_token(&hub, &carol).await;
    let (status, body, _) = post(&hub, &carol, &carol_token, "/connectionRequests/cr-missing/reject", None).await;
    assert_eq!((status, body["error"]["code"].as_str()), (404, Some("NOT_FOUND")));
}

/// `POST` of a decision with `If-Match: "<version>"`.
async fn decide_at(hub: &TestHub, client: &reqwest::Client, token: &str, path: &str, version: i64, body: Option<Value>) -> (u16, Value) {
    let mut request = client.post(hub.url(path)).header("X-CSRF-Token", token).header("If-Match", format!("\"{version}\""));
    if let Some(body) = body {
        request = request.json(&body);
    }
    let response = request.send().await.unwrap();
    (response.status().as_u16(), response.json().await.unwrap())
}

#[tokio::test]
async fn a_decision_on_a_version_someone_else_changed_is_412_and_changes_nothing() {
    let hub = TestHub::start(None).await;
    let carol = hub.signed_in("carol").await;
    let token = csrf_token(&hub, &carol).await;
    let seen = request_by_alias(&hub, &carol, "Central HR Portal").await;
    let id = seen["id"].as_str().unwrap();
    let version = seen["version"].as_i64().unwrap();

    // Carol replaces the credentials of her own request in another tab: the version moves on.
    let other_tab = hub.signed_in("carol").await;
    let other_token = csrf_token(&hub, &other_tab).await;
    let response = support::put_credentials(&hub, &other_tab, &other_token, id, version, credentials_for(seen["apiPortalUrl"].as_str().unwrap())).await;
    assert_eq!(response.status(), 200);
    let changed = request_by_alias(&hub, &carol, "Central HR Portal").await;

    let (status, body) = decide_at(&hub, &carol, &token, &format!("/connectionRequests/{id}/reject"), version, None).await;
    assert_eq!((status, body["error"]["code"].as_str()), (412, Some("PRECONDITION_FAILED")), "{body}");
    assert_eq!(request_by_alias(&hub, &carol, "Central HR Portal").await, changed, "nothing changed");

    let current = changed["version"].as_i64().unwrap();
    let (status, body) = decide_at(&hub, &carol, &token, &format!("/connectionRequests/{id}/approve"), current, None).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["status"], "APPROVED");
}

#[tokio::test]
async fn a_reason_is_trimmed_and_at_most_500_characters() {
    let hub = TestHub::start(None).await;
    let carol = hub.signed_in("carol").await;
    let token = csrf_token(&hub, &carol).await;
    let request = request_by_alias(&hub, &carol, "Canada Test Portal").await;
    let path = format!("/connectionRequests/{}/reject", request["id"].as_str().unwrap());
    let (status, body, _) = post(&hub, &carol, &token, &path, Some(json!({"reason": "x".repeat(501)}))).await;
    assert_eq!(status, 422);
    assert_eq!(body["error"]["details"][0]["target"], "reason");
    assert_eq!(request_by_alias(&hub, &carol, "Canada Test Portal").await, request, "nothing changed");
    let (status, body, _) = post(&hub, &carol, &token, &path, Some(json!({"reason": format!("  {}  ", "y".repeat(500))}))).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["decisionReason"].as_str().unwrap().len(), 500);
}
