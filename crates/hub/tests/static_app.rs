//! Serving the built app next to the API.

mod support;

use support::TestHub;

#[tokio::test]
async fn client_routes_get_index_html_but_api_paths_never_do() {
    let dist = tempfile::tempdir().unwrap();
    std::fs::write(dist.path().join("index.html"), "<!DOCTYPE html><title>app</title>").unwrap();
    std::fs::write(dist.path().join("app-1234.wasm"), b"\0asm").unwrap();
    let hub = TestHub::start(Some(dist.path().to_owned())).await;
    let origin = hub.base.trim_end_matches("/api/1.0").to_owned();
    let client = TestHub::client();

    let route = client.get(format!("{origin}/connections")).send().await.unwrap();
    assert_eq!(route.status(), 200);
    assert!(route.text().await.unwrap().contains("<title>app</title>"));

    let deep_link = client.get(format!("{origin}/connections/cr-1/credentials")).send().await.unwrap();
    assert_eq!(deep_link.status(), 200);
    assert!(deep_link.text().await.unwrap().contains("<title>app</title>"));

    // A file that is not there is missing, not the app's page; config.json tells the app fast,
    // and with no error for the browser to log, that the deployment has none.
    let missing = client.get(format!("{origin}/other.json")).send().await.unwrap();
    assert_eq!(missing.status(), 404);
    assert!(!missing.text().await.unwrap().contains("<title>app</title>"));
    let config = client.get(format!("{origin}/config.json")).send().await.unwrap();
    assert_eq!(config.status(), 204);
    assert!(config.text().await.unwrap().is_empty());

    let wasm = client.get(format!("{origin}/app-1234.wasm")).send().await.unwrap();
    assert_eq!(wasm.headers()["content-type"], "application/wasm");

    let api = client.get(format!("{origin}/api/2.0/anything")).send().await.unwrap();
    assert_eq!(api.status(), 404);
    assert_eq!(api.headers()["content-type"], "application/json");
}

#[tokio::test]
async fn a_folder_is_redirected_on_this_origin_however_it_is_asked_for() {
    let dist = tempfile::tempdir().unwrap();
    std::fs::write(dist.path().join("index.html"), "<!DOCTYPE html><title>app</title>").unwrap();
    std::fs::create_dir(dist.path().join("i18n")).unwrap();
    std::fs::write(dist.path().join("i18n").join("de.json"), "{}").unwrap();
    let hub = TestHub::start(Some(dist.path().to_owned())).await;
    let origin = hub.base.trim_end_matches("/api/1.0").to_owned();
    let client = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap();

    for (asked, redirected_to) in [("/i18n", "/i18n/"), ("//i18n", "/i18n/"), ("///i18n", "/i18n/")] {
        let response = client.get(format!("{origin}{asked}")).send().await.unwrap();
        assert!(response.status().is_redirection(), "{asked}: {}", response.status());
        assert_eq!(response.headers()["location"], redirected_to, "{asked}");
    }
    let file = client.get(format!("{origin}//i18n/de.json")).send().await.unwrap();
    assert_eq!(file.status(), 200);
}
