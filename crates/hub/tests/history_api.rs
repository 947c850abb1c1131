//! The history of a request: every change on record, in the transaction that made it, newest
//! first, with nothing secret in it.

mod support;

use serde_json::{json, Value};
use support::{credentials_for, csrf_token, put_credentials, request_by_alias, submit, TestHub, CLIENT_ID, CLIENT_SECRET};

async fn history(hub: &TestHub, client: &reqwest::Client, id: &str) -> (u16, Value) {
    let response = client.get(hub.url(&format!("/connectionRequests/{id}/history"))).send().await.unwrap();
    (response.status().as_u16(), response.json().await.unwrap())
}

fn actions(history: &Value) -> Vec<&str> {
    history["results"].as_array().unwrap().iter().map(|event| event["action"].as_str().unwrap()).collect()
}

#[tokio::test]
async fn submit_replace_and_reject_are_on_record_newest_first() {
    let hub = TestHub::start(None).await;
    let alice = hub.signed_in("alice").await;
    let token = csrf_token(&hub, &alice).await;
    let portal = "https://historyportal.cfapps.eu10.hana.ondemand.com";
    let first_credentials: Value = serde_json::from_str(
        &credentials_for(portal).replace(CLIENT_ID, "sb-first!b6077|api-portal-xsuaa!b2160"),
    )
    .unwrap();
    let (status, created) = submit(&hub, &alice, &token, json!({"apiPortalAlias": "History Portal", "credentials": first_credentials})).await;
    assert_eq!(status, 201);
    let id = created["id"].as_str().unwrap();
    let response = put_credentials(&hub, &alice, &token, id, 1, credentials_for(portal)).await;
    assert_eq!(response.status(), 200);
    // A refused change leaves no event.
    let refused = put_credentials(&hub, &alice, &token, id, 1, credentials_for(portal)).await;
    assert_eq!(refused.status(), 412);

    let carol = hub.signed_in("carol").await;
    let carol_token = csrf_token(&hub, &carol).await;
    let rejected = carol
        .post(hub.url(&format!("/connectionRequests/{id}/reject")))
        .header("X-CSRF-Token", &carol_token)
        .json(&json!({"reason": "Duplicate of the EU portal."}))
        .send()
        .await
        .unwrap();
    assert_eq!(rejected.status(), 200);

    let (status, events) = history(&hub, &alice, id).await;
    assert_eq!(status, 200);
    assert_eq!(actions(&events), ["REJECTED", "CREDENTIALS_REPLACED", "SUBMITTED"]);
    let results = events["results"].as_array().unwrap();
    assert_eq!(results[0]["actor"], json!({"id": "carol", "name": "Carol Chen"}));
    assert_eq!(results[0]["details"], json!({"reason": "Duplicate of the EU portal."}));
    assert_eq!(results[1]["actor"]["id"], "alice");
    assert_eq!(
        results[1]["details"],
        json!({"from": {"type": "clientSecret", "clientId": "sb-first!b6077|api-portal-xsuaa!b2160"},
               "to": {"type": "clientSecret", "clientId": CLIENT_ID}})
    );
    assert_eq!(results[2]["details"], json!({}));
    let rejected: Value = carol.get(hub.url(&format!("/connectionRequests/{id}"))).send().await.unwrap().json().await.unwrap();
    assert_eq!(results[0]["at"], rejected["updatedAt"], "the event's time is the change's time");
    assert!(!events.to_string().contains(CLIENT_SECRET));
}

#[tokio::test]
async fn seeded_requests_have_their_submission_and_decision_on_record() {
    let hub = TestHub::start(None).await;
    let alice = hub.signed_in("alice").await;
    let approved = request_by_alias(&hub, &alice, "US Sales Portal").await;
    let (_, events) = history(&hub, &alice, approved["id"].as_str().unwrap()).await;
    assert_eq!(actions(&events), ["APPROVED", "SUBMITTED"]);
    assert_eq!(events["results"][1]["at"], approved["requestedAt"]);
}

#[tokio::test]
async fn history_needs_a_reader_and_an_existing_request() {
    let hub = TestHub::start(None).await;
    let alice = hub.signed_in("alice").await;
    let request = request_by_alias(&hub, &alice, "EU Production Portal").await;
    let path = format!("/connectionRequests/{}/history", request["id"].as_str().unwrap());
    assert_eq!(TestHub::client().get(hub.url(&path)).send().await.unwrap().status(), 401);
    let dave = hub.signed_in("dave").await;
    assert_eq!(dave.get(hub.url(&path)).send().await.unwrap().status(), 403);
    let (status, body) = history(&hub, &alice, "cr-missing").await;
    assert_eq!((status, body["error"]["code"].as_str()), (404, Some("NOT_FOUND")));
}
