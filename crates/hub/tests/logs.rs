//! The hub's log during a credential update: requests are logged, the secret never.

mod support;

use support::{credentials_for, csrf_token, put_credentials, request_by_alias, TestHub, CLIENT_SECRET};

#[tokio::test]
async fn an_update_is_logged_without_its_secret() {
    support::log_capture::start();

    let hub = TestHub::start(None).await;
    let alice = hub.signed_in("alice").await;
    let token = csrf_token(&hub, &alice).await;
    let request = request_by_alias(&hub, &alice, "EU Production Portal").await;
    let id = request["id"].as_str().unwrap();
    let body = credentials_for(request["apiPortalUrl"].as_str().unwrap());
    let ok = put_credentials(&hub, &alice, &token, id, request["version"].as_i64().unwrap(), body.clone()).await;
    assert_eq!(ok.status(), 200);
    // A refused one too: its error must not carry the secret either.
    let refused = put_credentials(&hub, &alice, &token, id, 1, body.replace("https://acme", "http://acme")).await;
    assert_eq!(refused.status(), 412);

    let log = support::log_capture::text();
    assert!(log.contains("credentials replaced"), "{log}");
    assert!(log.contains(&format!("/api/1.0/connectionRequests/{id}/credentials")), "the path is logged");
    assert!(log.contains("status=200") && log.contains("status=412"), "{log}");
    assert!(log.contains("latency="), "{log}");
    assert!(log.contains("id="), "a request id");
    assert!(!log.contains(CLIENT_SECRET), "the secret is in the log");
    assert!(!log.contains(&CLIENT_SECRET[..12]), "part of the secret is in the log");
}
