//! The key that seals stored secrets: never replaced behind the operator's back, and rotated
//! in one step.

mod support;

use hub::connection_requests::store::stored_secret;
use hub::Config;
use support::{TestHub, CLIENT_SECRET};

fn config_for(data: &std::path::Path) -> Config {
    Config::with_db(data.join("hub.sqlite3"))
}

fn secret_ids(data: &std::path::Path) -> Vec<String> {
    let db = rusqlite::Connection::open(data.join("hub.sqlite3")).unwrap();
    let mut statement = db.prepare("SELECT id FROM connection_requests WHERE secret_ciphertext IS NOT NULL ORDER BY id").unwrap();
    statement.query_map([], |row| row.get(0)).unwrap().collect::<Result<_, _>>().unwrap()
}

#[tokio::test]
async fn without_its_key_file_a_database_with_secrets_does_not_start() {
    let data = tempfile::tempdir().unwrap();
    TestHub::start_in(data.path(), None).await.stop().await;
    let key = data.path().join("hub-secret.key");
    std::fs::remove_file(&key).unwrap();

    let error = hub::app(&config_for(data.path())).expect_err("the hub refuses to start");
    let message = error.to_string();
    assert!(message.contains(&key.display().to_string()), "names the missing file: {message}");
    assert!(message.contains("missing"), "{message}");
    assert!(!key.exists(), "no new key was made up");

    std::fs::write(&key, "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=").unwrap();
    let error = hub::app(&config_for(data.path())).expect_err("another key is refused too");
    assert!(error.to_string().contains("does not open"), "{error}");
}

#[tokio::test]
async fn a_database_without_secrets_gets_a_new_key() {
    let data = tempfile::tempdir().unwrap();
    let mut config = config_for(data.path());
    config.seed = None;
    let _app = hub::app(&config).expect("an empty database starts");
    assert!(data.path().join("hub-secret.key").exists());
}

#[tokio::test]
async fn rotate_key_reseals_every_secret_under_a_new_key() {
    let data = tempfile::tempdir().unwrap();
    let hub = TestHub::start_in(data.path(), None).await;
    let editing = support::editing_on(&hub, "alice", "EU Production Portal").await;
    let response = support::put_credentials(
        &hub,
        &editing.client,
        &editing.token,
        &editing.id,
        editing.version,
        support::credentials_for(&editing.portal),
    )
    .await;
    assert_eq!(response.status(), 200);
    hub.stop().await;

    let key = data.path().join("hub-secret.key");
    let old_key = std::fs::read_to_string(&key).unwrap();
    let ids = secret_ids(data.path());
    assert!(ids.len() > 5);
    let resealed = hub::rotate_key(&config_for(data.path())).expect("rotates");
    assert_eq!(resealed, ids.len());

    let new_key = std::fs::read_to_string(&key).unwrap();
    assert_ne!(new_key, old_key);
    assert_eq!(std::fs::read_to_string(data.path().join("hub-secret.key.old")).unwrap(), old_key);
    let db = rusqlite::Connection::open(data.path().join("hub.sqlite3")).unwrap();
    let new = hub::secrets::load_key(Some(&new_key), &key, None).unwrap();
    let old = hub::secrets::load_key(Some(&old_key), &key, None).unwrap();
    for id in &ids {
        assert!(stored_secret(&db, id, &new).unwrap().is_some(), "{id} opens with the new key");
        assert!(stored_secret(&db, id, &old).unwrap().is_none(), "{id} no longer opens with the old key");
    }
    assert_eq!(stored_secret(&db, &editing.id, &new).unwrap().as_deref(), Some(CLIENT_SECRET));

    let restarted = TestHub::start_in(data.path(), None).await;
    let alice = restarted.signed_in("alice").await;
    assert_eq!(alice.get(restarted.url(&format!("/connectionRequests/{}", editing.id))).send().await.unwrap().status(), 200);
    restarted.stop().await;
}

#[tokio::test]
async fn rotate_key_refuses_a_key_from_the_environment() {
    let data = tempfile::tempdir().unwrap();
    let mut config = config_for(data.path());
    config.secret_key = Some(hub::config::SecretKeyText("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=".into()));
    let error = hub::rotate_key(&config).unwrap_err();
    assert!(error.to_string().contains("HUB_SECRET_KEY"), "{error}");
}
