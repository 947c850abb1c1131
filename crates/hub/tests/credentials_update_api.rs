//! `PUT /connectionRequests/{id}/credentials`: the seed's procedure, and every way it is refused.

mod support;

use serde_json::Value;
use support::{
    credentials_for, csrf_token, editing, put_credentials, put_credentials_if_match, request_by_alias, Editing, TestHub, CLIENT_ID,
    CLIENT_SECRET,
};

const ALICE_SUBMITTED: &str = "EU Production Portal";

async fn error_code(response: reqwest::Response) -> (u16, String, Value) {
    let status = response.status().as_u16();
    let body: Value = response.json().await.expect("a JSON error body");
    (status, body["error"]["code"].as_str().unwrap_or_default().to_owned(), body)
}

#[tokio::test]
async fn alice_replaces_the_credentials_of_her_submitted_request() {
    let Editing { hub, client: alice, token, before, id, version, portal } = editing("alice", ALICE_SUBMITTED).await;
    let id = id.as_str();

    let response = put_credentials(&hub, &alice, &token, id, version, credentials_for(&portal)).await;
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["etag"], format!("\"{}\"", version + 1));
    let text = response.text().await.unwrap();
    assert!(!text.contains(CLIENT_SECRET), "the secret is never echoed");
    let updated: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(updated["version"], version + 1);
    assert_eq!(updated["credentials"]["clientId"], CLIENT_ID);
    assert_eq!(updated["status"], before["status"], "the status stays");
    assert_ne!(updated["credentials"]["updatedAt"], before["credentials"]["updatedAt"]);
    assert_eq!(updated["updatedAt"], updated["credentials"]["updatedAt"]);

    let fetched = alice.get(hub.url(&format!("/connectionRequests/{id}"))).send().await.unwrap();
    assert_eq!(fetched.headers()["etag"], format!("\"{}\"", version + 1));
    let fetched: Value = fetched.json().await.unwrap();
    assert_eq!(fetched["credentials"]["clientId"], CLIENT_ID);

    // Stored encrypted: the plain secret is nowhere in the database, yet it opens with the key.
    let db = rusqlite::Connection::open(hub.data.join("hub.sqlite3")).unwrap();
    let sealed: Vec<u8> =
        db.query_row("SELECT secret_ciphertext FROM connection_requests WHERE id = ?1", [id], |row| row.get(0)).unwrap();
    assert!(!sealed.windows(CLIENT_SECRET.len()).any(|window| window == CLIENT_SECRET.as_bytes()));
    let secrets = hub::secrets::load_key(None, &hub.data.join("hub-secret.key"), None).unwrap();
    assert_eq!(hub::connection_requests::store::stored_secret(&db, id, &secrets).unwrap().as_deref(), Some(CLIENT_SECRET));
}

#[tokio::test]
async fn if_match_may_list_versions_or_be_a_star() {
    let Editing { hub, client: alice, token, id, version, portal, .. } = editing("alice", ALICE_SUBMITTED).await;
    let listed = format!("\"{}\", \"{version}\"", version - 1);
    let listed = put_credentials_if_match(&hub, &alice, &token, &id, &listed, credentials_for(&portal)).await;
    assert_eq!(listed.status(), 200, "the list names the current version");
    let any = put_credentials_if_match(&hub, &alice, &token, &id, "*", credentials_for(&portal)).await;
    assert_eq!(any.status(), 200, "* takes any version");
    assert_eq!(any.headers()["etag"], format!("\"{}\"", version + 2));
}

/// Asserts that request `alias` still is exactly as `before`.
async fn assert_unchanged(hub: &TestHub, client: &reqwest::Client, before: &Value) {
    let now = request_by_alias(hub, client, before["apiPortalAlias"].as_str().unwrap()).await;
    assert_eq!(&now, before, "a refused change changes nothing");
}

#[tokio::test]
async fn every_refusal_changes_nothing() {
    let Editing { hub, client: alice, token, before, id, version, portal } = editing("alice", ALICE_SUBMITTED).await;
    let url = hub.url(&format!("/connectionRequests/{id}/credentials"));

    // 428: no If-Match.
    let response = alice
        .put(&url)
        .header("X-CSRF-Token", &token)
        .header("Content-Type", "application/json")
        .body(credentials_for(&portal))
        .send()
        .await
        .unwrap();
    assert_eq!(error_code(response).await.1, "PRECONDITION_REQUIRED");

    // 412: a stale version; a weak tag or one the hub never gives names no version (strong
    // comparison, RFC 9110).
    let (status, code, _) = error_code(put_credentials(&hub, &alice, &token, &id, version - 1, credentials_for(&portal)).await).await;
    assert_eq!((status, code.as_str()), (412, "PRECONDITION_FAILED"));
    for if_match in [format!("W/\"{version}\""), format!("\"0{version}\""), format!("\"+{version}\"")] {
        let response = put_credentials_if_match(&hub, &alice, &token, &id, &if_match, credentials_for(&portal)).await;
        assert_eq!(error_code(response).await.0, 412, "{if_match}");
    }

    // 422: a rule broken, named at its field.
    let http_token_url = credentials_for(&portal).replace("https://acme-prod.authentication", "http://acme-prod.authentication");
    let (status, code, body) = error_code(put_credentials(&hub, &alice, &token, &id, version, http_token_url).await).await;
    assert_eq!((status, code.as_str()), (422, "VALIDATION_FAILED"));
    assert_eq!(body["error"]["details"][0]["code"], "TOKEN_URL_NOT_HTTPS");
    assert_eq!(body["error"]["details"][0]["target"], "tokenUrl");
    // With what a client translates the message from.
    assert_eq!(body["error"]["details"][0]["template"], "The {field} must use https, not {scheme}.");
    assert_eq!(body["error"]["details"][0]["params"], serde_json::json!({"field": "token URL", "scheme": "http"}));
    assert!(!body.to_string().contains(CLIENT_SECRET));

    // 422: the documentation's sample.
    let sample = r#"{"url": "https://<application name>.cfapps.sap.hana.ondemand.com", "tokenUrl": "https://<name>.authentication.sap.hana.ondemand.com/oauth/token", "clientId": "sb-apiaccessxxxxxxxx!xxxx|api-portal-xsuaa!bxxxx", "clientSecret": "xxxxxxxxxxxxxxxxxxxxxxx="}"#;
    let (status, _, body) = error_code(put_credentials(&hub, &alice, &token, &id, version, sample.to_owned()).await).await;
    assert_eq!(status, 422);
    assert!(body["error"]["details"].as_array().unwrap().iter().any(|d| d["code"] == "SAMPLE_CREDENTIALS"));

    // 400: not JSON, with line and column; and truncated.
    let (status, code, body) =
        error_code(put_credentials(&hub, &alice, &token, &id, version, "{\n  \"url\": \"x\"\n  \"clientId\": 1}".into()).await).await;
    assert_eq!((status, code.as_str()), (400, "INVALID_JSON"));
    assert!(body["error"]["message"].as_str().unwrap().starts_with("Line 3, column 3: "), "{body}");
    let detail = &body["error"]["details"][0];
    assert!(detail["message"].as_str().unwrap().starts_with("Line 3, column 3: Expected "), "{body}");
    assert_eq!((&detail["params"]["line"], &detail["params"]["column"]), (&serde_json::json!("3"), &serde_json::json!("3")), "{body}");
    let truncated = credentials_for(&portal)[..60].to_owned();
    let (status, code, _) = error_code(put_credentials(&hub, &alice, &token, &id, version, truncated).await).await;
    assert_eq!((status, code.as_str()), (400, "INVALID_JSON"));

    // 413: over 64 KiB.
    let huge = format!("{{\"clientSecret\": \"{}\"}}", "a".repeat(70 * 1024));
    let (status, code, _) = error_code(put_credentials(&hub, &alice, &token, &id, version, huge).await).await;
    assert_eq!((status, code.as_str()), (413, "PAYLOAD_TOO_LARGE"));

    // 415: not JSON by its type.
    let response = alice
        .put(&url)
        .header("X-CSRF-Token", &token)
        .header("If-Match", format!("\"{version}\""))
        .header("Content-Type", "text/plain")
        .body(credentials_for(&portal))
        .send()
        .await
        .unwrap();
    assert_eq!(error_code(response).await.1, "UNSUPPORTED_MEDIA_TYPE");

    // 404: no such request; nor one whose id is not UTF-8 once decoded (in JSON, as every error).
    let (status, code, _) = error_code(put_credentials(&hub, &alice, &token, "cr-0000000000000000", 1, credentials_for(&portal)).await).await;
    assert_eq!((status, code.as_str()), (404, "NOT_FOUND"));
    let (status, code, _) = error_code(put_credentials(&hub, &alice, &token, "%FF", 1, credentials_for(&portal)).await).await;
    assert_eq!((status, code.as_str()), (404, "NOT_FOUND"));

    // 403: CSRF missing, wrong, or from another session.
    let response = alice.put(&url).header("If-Match", format!("\"{version}\"")).header("Content-Type", "application/json").body(credentials_for(&portal)).send().await.unwrap();
    assert_eq!(response.headers()["x-csrf-token"], "Required");
    assert_eq!(error_code(response).await.1, "CSRF_TOKEN_INVALID");
    let (_, code, _) = error_code(put_credentials(&hub, &alice, "wrong", &id, version, credentials_for(&portal)).await).await;
    assert_eq!(code, "CSRF_TOKEN_INVALID");
    let other_session = hub.signed_in("alice").await;
    let other_token = csrf_token(&hub, &other_session).await;
    let (_, code, _) = error_code(put_credentials(&hub, &alice, &other_token, &id, version, credentials_for(&portal)).await).await;
    assert_eq!(code, "CSRF_TOKEN_INVALID");

    // 403: not the submitter; no role.
    let bob = hub.signed_in("bob").await;
    let bob_token = csrf_token(&hub, &bob).await;
    let (status, code, _) = error_code(put_credentials(&hub, &bob, &bob_token, &id, version, credentials_for(&portal)).await).await;
    assert_eq!((status, code.as_str()), (403, "NOT_SUBMITTER"));
    let dave = hub.signed_in("dave").await;
    let dave_token = csrf_token(&hub, &dave).await;
    let (status, code, _) = error_code(put_credentials(&hub, &dave, &dave_token, &id, version, credentials_for(&portal)).await).await;
    assert_eq!((status, code.as_str()), (403, "MISSING_ROLE"));

    // 401: no session at all.
    let anonymous = TestHub::client();
    let response = put_credentials(&hub, &anonymous, &token, &id, version, credentials_for(&portal)).await;
    assert_eq!(error_code(response).await.1, "NOT_AUTHENTICATED");

    assert_unchanged(&hub, &alice, &before).await;
}

#[tokio::test]
async fn approved_and_rejected_requests_cannot_be_edited() {
    let hub = TestHub::start(None).await;
    let alice = hub.signed_in("alice").await;
    let token = csrf_token(&hub, &alice).await;
    for alias in ["US Sales Portal", "Partner Sandbox"] {
        let before = request_by_alias(&hub, &alice, alias).await;
        let response = put_credentials(
            &hub,
            &alice,
            &token,
            before["id"].as_str().unwrap(),
            before["version"].as_i64().unwrap(),
            credentials_for(before["apiPortalUrl"].as_str().unwrap()),
        )
        .await;
        let (status, code, _) = error_code(response).await;
        assert_eq!((status, code.as_str()), (409, "INVALID_STATE"), "{alias}");
        assert_unchanged(&hub, &alice, &before).await;
    }
}

#[tokio::test]
async fn of_twenty_concurrent_updates_with_one_version_exactly_one_wins() {
    let Editing { hub, client: alice, token, id, version, portal, .. } = editing("alice", ALICE_SUBMITTED).await;

    let hub = std::sync::Arc::new(hub);
    let attempts = (0..20).map(|attempt| {
        let (hub, alice, token, id) = (hub.clone(), alice.clone(), token.clone(), id.clone());
        let body = credentials_for(&portal).replace("1700000000001", &format!("17000000000{attempt:02}"));
        tokio::spawn(async move { put_credentials(&hub, &alice, &token, &id, version, body).await.status().as_u16() })
    });
    let mut statuses = Vec::new();
    for attempt in attempts.collect::<Vec<_>>() {
        statuses.push(attempt.await.unwrap());
    }
    statuses.sort();
    assert_eq!(statuses.iter().filter(|status| **status == 200).count(), 1, "{statuses:?}");
    assert_eq!(statuses.iter().filter(|status| **status == 412).count(), 19, "{statuses:?}");
    let after = request_by_alias(&hub, &alice, ALICE_SUBMITTED).await;
    assert_eq!(after["version"], version + 1);
}

#[tokio::test]
async fn a_damaged_private_key_is_refused_without_quoting_it() {
    let Editing { hub, client: alice, token, id, version, portal, .. } = editing("alice", ALICE_SUBMITTED).await;
    let body_line = "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7";
    for damaged in [
        // One dash lost on the BEGIN line, and a BEGIN line run into the key.
        format!("-----BEGIN PRIVATE KEY----\n{body_line}\n-----END PRIVATE KEY-----\n"),
        format!("-----BEGIN PRIVATE KEY {body_line}\n-----END PRIVATE KEY-----\n"),
    ] {
        let body = serde_json::json!({
            "url": portal,
            "tokenurl": "https://acme.authentication.cert.eu10.hana.ondemand.com/oauth/token",
            "certurl": "https://acme.authentication.cert.eu10.hana.ondemand.com",
            "certificate": include_str!("../../credentials/tests/fixtures/client-certificate.pem"),
            "key": damaged,
        });
        let (status, code, error) = error_code(put_credentials(&hub, &alice, &token, &id, version, body.to_string()).await).await;
        assert_eq!((status, code.as_str()), (422, "VALIDATION_FAILED"));
        let text = error.to_string();
        assert!(text.contains("\"target\":\"key\""), "{text}");
        assert!(!text.contains(&body_line[..16]), "the key is quoted: {text}");
    }
}
