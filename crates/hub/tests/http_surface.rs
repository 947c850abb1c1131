//! What every response carries, the static app's caching, and the OpenAPI document against the
//! routes.

mod support;

use std::collections::BTreeSet;

use serde_json::Value;
use support::TestHub;

fn dist_folder() -> tempfile::TempDir {
    let dist = tempfile::tempdir().unwrap();
    std::fs::write(
        dist.path().join("index.html"),
        "<!DOCTYPE html><title>app</title><script type=\"module\">import init from '/app-0123456789abcdef.js';</script>",
    )
    .unwrap();
    std::fs::write(dist.path().join("app-0123456789abcdef_bg.wasm"), b"\0asm").unwrap();
    std::fs::write(dist.path().join("favicon.svg"), "<svg/>").unwrap();
    dist
}

#[tokio::test]
async fn security_headers_on_every_response() {
    let dist = dist_folder();
    let hub = TestHub::start(Some(dist.path().to_owned())).await;
    let client = TestHub::client();
    for path in ["/", "/connections", "/api/1.0/user", "/api/1.0/nothing", "/app-0123456789abcdef_bg.wasm"] {
        let response = client.get(format!("{}{path}", hub.origin())).send().await.unwrap();
        let headers = response.headers();
        let policy = headers["content-security-policy"].to_str().unwrap();
        assert!(policy.contains("frame-ancestors 'self'"), "{path}: {policy}");
        assert!(policy.contains("'wasm-unsafe-eval'") && !policy.contains("unsafe-inline"), "{path}: {policy}");
        assert_eq!(headers["x-content-type-options"], "nosniff", "{path}");
        assert_eq!(headers["referrer-policy"], "no-referrer", "{path}");
        assert_eq!(headers["x-request-id"].len(), 36, "{path}: a UUID");
    }
}

#[tokio::test]
async fn the_loader_script_is_allowed_by_its_hash() {
    use base64::Engine;
    use sha2::Digest;
    let dist = dist_folder();
    let hub = TestHub::start(Some(dist.path().to_owned())).await;
    let response = TestHub::client().get(hub.origin()).send().await.unwrap();
    let policy = response.headers()["content-security-policy"].to_str().unwrap().to_owned();
    let hash = base64::engine::general_purpose::STANDARD.encode(sha2::Sha256::digest(b"import init from '/app-0123456789abcdef.js';"));
    assert!(policy.contains(&format!("'sha256-{hash}'")), "{policy}");
}

#[tokio::test]
async fn the_policy_follows_an_app_rebuilt_under_a_running_hub() {
    use base64::Engine;
    use sha2::Digest;
    let hash = |script: &str| format!("'sha256-{}'", base64::engine::general_purpose::STANDARD.encode(sha2::Sha256::digest(script.as_bytes())));
    let dist = dist_folder();
    let hub = TestHub::start(Some(dist.path().to_owned())).await;
    let policy = || async { TestHub::client().get(hub.origin()).send().await.unwrap().headers()["content-security-policy"].to_str().unwrap().to_owned() };
    assert!(policy().await.contains(&hash("import init from '/app-0123456789abcdef.js';")));

    let rebuilt = "import init from '/app-fedcba9876543210.js';";
    let index = dist.path().join("index.html");
    std::fs::write(&index, format!("<!DOCTYPE html><script type=\"module\">{rebuilt}</script>")).unwrap();
    // A later modification time, whatever the file system's clock granularity.
    std::fs::File::options().write(true).open(&index).unwrap().set_modified(std::time::SystemTime::now() + std::time::Duration::from_secs(2)).unwrap();
    let now = policy().await;
    assert!(now.contains(&hash(rebuilt)), "{now}");
    assert!(!now.contains(&hash("import init from '/app-0123456789abcdef.js';")), "{now}");
}

#[tokio::test]
async fn hashed_files_are_cached_for_a_year_and_the_page_is_revalidated() {
    let dist = dist_folder();
    let hub = TestHub::start(Some(dist.path().to_owned())).await;
    let client = TestHub::client();
    let cache = |path: &'static str| {
        let client = client.clone();
        let url = format!("{}{path}", hub.origin());
        async move { client.get(url).send().await.unwrap().headers()["cache-control"].to_str().unwrap().to_owned() }
    };
    assert_eq!(cache("/app-0123456789abcdef_bg.wasm").await, "public, max-age=31536000, immutable");
    assert_eq!(cache("/").await, "no-cache");
    assert_eq!(cache("/connections").await, "no-cache");
    assert_eq!(cache("/favicon.svg").await, "no-cache");
}

#[tokio::test]
async fn responses_are_compressed_when_asked() {
    let hub = TestHub::start(None).await;
    let alice = hub.signed_in("alice").await;
    let response = alice.get(hub.url("/connectionRequests")).header("Accept-Encoding", "br").send().await.unwrap();
    assert_eq!(response.headers()["content-encoding"], "br");
}

#[tokio::test]
async fn a_wrong_method_is_a_json_405() {
    let hub = TestHub::start(None).await;
    let response = TestHub::client().patch(hub.url("/user")).send().await.unwrap();
    // Changes need a session first; signed in, the method itself is refused.
    assert_eq!(response.status(), 401);
    let alice = hub.signed_in("alice").await;
    let response = alice.get(hub.url("/session")).send().await.unwrap();
    assert_eq!(response.status(), 405);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["error"]["code"], "METHOD_NOT_ALLOWED");
}

#[tokio::test]
async fn the_openapi_document_describes_exactly_the_routes() {
    let hub = TestHub::start(None).await;
    let client = TestHub::client();
    let document: Value = client.get(hub.url("/openapi.json")).send().await.unwrap().json().await.unwrap();
    assert_eq!(document["openapi"], "3.1.0");
    let documented: BTreeSet<(String, String)> = document["paths"]
        .as_object()
        .unwrap()
        .iter()
        .flat_map(|(path, operations)| {
            operations.as_object().unwrap().keys().map(move |method| (method.to_uppercase(), path.clone()))
        })
        .collect();
    let routed: BTreeSet<(String, String)> =
        hub::API_ROUTES.iter().map(|(method, path)| (method.to_string(), path.to_string())).collect();
    assert_eq!(documented, routed);

    // Every listed route is really routed: it never answers the API's own "no such resource".
    for (method, path) in hub::API_ROUTES {
        let url = hub.url(&path.replace("{id}", "cr-unknown"));
        let response = client.request(method.parse().unwrap(), url).send().await.unwrap();
        let status = response.status().as_u16();
        let body = response.text().await.unwrap();
        assert_ne!(status, 405, "{method} {path}");
        assert!(!body.contains("There is no such resource in this API"), "{method} {path} is not routed");
    }
}

#[tokio::test]
async fn a_file_compressed_at_build_time_is_served_as_it_is() {
    let dist = dist_folder();
    let brotli = b"brotli 11 bytes, written at build time".to_vec();
    std::fs::write(dist.path().join("app-0123456789abcdef_bg.wasm.br"), &brotli).unwrap();
    let hub = TestHub::start(Some(dist.path().to_owned())).await;
    let url = format!("{}/app-0123456789abcdef_bg.wasm", hub.origin());
    let response = TestHub::client().get(&url).header("accept-encoding", "br, gzip").send().await.unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["content-encoding"], "br");
    assert_eq!(response.headers()["content-type"], "application/wasm");
    assert_eq!(response.headers()["cache-control"], "public, max-age=31536000, immutable");
    assert_eq!(response.bytes().await.unwrap().to_vec(), brotli, "the file as written, not compressed again");
    // A browser that takes no brotli gets the file itself.
    let plain = TestHub::client().get(&url).header("accept-encoding", "identity").send().await.unwrap();
    assert!(plain.headers().get("content-encoding").is_none());
    assert_eq!(plain.bytes().await.unwrap().to_vec(), b"\0asm");
}
