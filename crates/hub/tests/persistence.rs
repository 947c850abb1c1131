//! Stop the hub, start it again: data and secrets are still there and readable.

mod support;

use support::{credentials_for, csrf_token, put_credentials, request_by_alias, TestHub, CLIENT_ID, CLIENT_SECRET};

#[tokio::test]
async fn data_and_secrets_survive_a_restart() {
    let data = tempfile::tempdir().unwrap();
    let hub = TestHub::start_in(data.path(), None).await;
    let alice = hub.signed_in("alice").await;
    let token = csrf_token(&hub, &alice).await;
    let before = request_by_alias(&hub, &alice, "EU Quality Portal").await;
    let id = before["id"].as_str().unwrap().to_owned();
    let response = put_credentials(
        &hub,
        &alice,
        &token,
        &id,
        before["version"].as_i64().unwrap(),
        credentials_for(before["apiPortalUrl"].as_str().unwrap()),
    )
    .await;
    assert_eq!(response.status(), 200);
    let saved = request_by_alias(&hub, &alice, "EU Quality Portal").await;
    hub.stop().await;

    let hub = TestHub::start_in(data.path(), None).await;
    let alice = hub.signed_in("alice").await;
    let after = request_by_alias(&hub, &alice, "EU Quality Portal").await;
    assert_eq!(after, saved);
    assert_eq!(after["credentials"]["clientId"], CLIENT_ID);
    let count: serde_json::Value = alice.get(hub.url("/connectionRequests")).send().await.unwrap().json().await.unwrap();
    assert_eq!(count["count"], 14, "the demo data is not seeded twice");

    let db = rusqlite::Connection::open(data.path().join("hub.sqlite3")).unwrap();
    let secrets = hub::secrets::load_key(None, &data.path().join("hub-secret.key"), None).unwrap();
    assert_eq!(hub::connection_requests::store::stored_secret(&db, &id, &secrets).unwrap().as_deref(), Some(CLIENT_SECRET));
}

#[tokio::test]
async fn aliases_stored_before_their_comparison_keys_get_them_at_the_next_start() {
    let data = tempfile::tempdir().unwrap();
    let hub = TestHub::start_in(data.path(), None).await;
    hub.stop().await;
    let key_of = |alias: &str| -> Option<String> {
        let db = rusqlite::Connection::open(data.path().join("hub.sqlite3")).unwrap();
        db.query_row("SELECT alias_key FROM connection_requests WHERE api_portal_alias = ?1", [alias], |row| row.get(0)).unwrap()
    };
    assert_eq!(key_of("EU Quality Portal").as_deref(), Some("eu quality portal"));
    // As a database of a hub from before the keys holds its rows.
    rusqlite::Connection::open(data.path().join("hub.sqlite3")).unwrap().execute("UPDATE connection_requests SET alias_key = NULL", []).unwrap();
    assert_eq!(key_of("EU Quality Portal"), None);

    let hub = TestHub::start_in(data.path(), None).await;
    hub.stop().await;
    assert_eq!(key_of("EU Quality Portal").as_deref(), Some("eu quality portal"));
}
