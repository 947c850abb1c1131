//! A real hub on a free loopback port with a fresh database, and a client with a cookie jar.
#![allow(dead_code)] // each test binary uses a part of the support module

pub mod log_capture;
pub mod token_endpoint;

use std::net::SocketAddr;

use hub::{Config, SeedSet};

pub struct TestHub {
    pub base: String,
    pub data: std::path::PathBuf,
    shutdown: Option<tokio::sync::oneshot::Sender<()>>,
    server: Option<tokio::task::JoinHandle<()>>,
    _temporary: Option<tempfile::TempDir>,
}

impl TestHub {
    /// Starts a hub seeded with the demo data set, serving `static_dir` if given.
    pub async fn start(static_dir: Option<std::path::PathBuf>) -> Self {
        let data = tempfile::tempdir().expect("temporary folder");
        let mut hub = Self::start_in(data.path(), static_dir).await;
        hub._temporary = Some(data);
        hub
    }

    /// Starts a hub on the data folder `data` (database and key file), seeding it if empty.
    pub async fn start_in(data: &std::path::Path, static_dir: Option<std::path::PathBuf>) -> Self {
        Self::start_configured(data, |config| config.static_dir = static_dir).await
    }

    /// Starts a hub on a fresh data folder with the configuration changed by `adjust`.
    pub async fn start_with(adjust: impl FnOnce(&mut Config)) -> Self {
        let data = tempfile::tempdir().expect("temporary folder");
        let mut hub = Self::start_configured(data.path(), adjust).await;
        hub._temporary = Some(data);
        hub
    }

    /// Starts a hub on the data folder `data` with the configuration changed by `adjust`.
    pub async fn start_configured(data: &std::path::Path, adjust: impl FnOnce(&mut Config)) -> Self {
        let mut config = Config::with_db(data.join("hub.sqlite3"));
        config.addr = SocketAddr::from(([127, 0, 0, 1], 0));
        config.seed = Some(SeedSet::Demo);
        config.dev_login = true;
        adjust(&mut config);
        let app = hub::app(&config).expect("hub starts");
        let listener = tokio::net::TcpListener::bind(config.addr).await.expect("free port");
        let address = listener.local_addr().expect("bound address");
        let (shutdown, stopped) = tokio::sync::oneshot::channel::<()>();
        let limits = config.connections.clone();
        let server = tokio::spawn(async move {
            hub::serve(listener, app, &limits, async move {
                let _ = stopped.await;
            })
            .await;
        });
        Self {
            base: format!("http://{address}/api/1.0"),
            data: data.to_owned(),
            shutdown: Some(shutdown),
            server: Some(server),
            _temporary: None,
        }
    }

    /// Stops the server and waits until it has.
    pub async fn stop(mut self) {
        if let Some(shutdown) = self.shutdown.take() {
            let _ = shutdown.send(());
        }
        if let Some(server) = self.server.take() {
            server.await.expect("the server task ends");
        }
    }

    /// The origin, without the API path.
    pub fn origin(&self) -> String {
        self.base.trim_end_matches("/api/1.0").to_owned()
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    pub fn client() -> reqwest::Client {
        reqwest::Client::builder().cookie_store(true).build().expect("client")
    }

    /// Signs `user` in and returns the `Cookie` header value of the session, for raw requests.
    pub async fn session_cookie_of(&self, user: &str) -> String {
        let response = self.sign_in(&Self::client(), user).await;
        let cookie = response.headers()["set-cookie"].to_str().expect("ASCII cookie");
        cookie.split(';').next().expect("name=value").to_owned()
    }

    /// A client signed in as `user`.
    pub async fn signed_in(&self, user: &str) -> reqwest::Client {
        let client = Self::client();
        self.sign_in(&client, user).await;
        client
    }

    async fn sign_in(&self, client: &reqwest::Client, user: &str) -> reqwest::Response {
        let response = client
            .post(self.url("/session"))
            .json(&serde_json::json!({ "user": user }))
            .send()
            .await
            .expect("login answers");
        assert_eq!(response.status(), 200, "login as {user}");
        response
    }
}

/// The CSRF token of the session whose `Cookie` header value is `cookie`.
pub async fn csrf_token_of_cookie(hub: &TestHub, cookie: &str) -> String {
    let response = reqwest::Client::new()
        .get(hub.url("/user"))
        .header("Cookie", cookie)
        .header("X-CSRF-Token", "Fetch")
        .send()
        .await
        .expect("user answers");
    response.headers()["x-csrf-token"].to_str().expect("ASCII token").to_owned()
}

/// `POST /connectionRequests` with `body`: the status and the answer.
pub async fn submit(hub: &TestHub, client: &reqwest::Client, token: &str, body: serde_json::Value) -> (u16, serde_json::Value) {
    let response = client.post(hub.url("/connectionRequests")).header("X-CSRF-Token", token).json(&body).send().await.expect("POST answers");
    (response.status().as_u16(), response.json().await.expect("JSON"))
}

/// The session's CSRF token.
pub async fn csrf_token(hub: &TestHub, client: &reqwest::Client) -> String {
    let response = client.get(hub.url("/user")).header("X-CSRF-Token", "Fetch").send().await.expect("user answers");
    response.headers()["x-csrf-token"].to_str().expect("ASCII token").to_owned()
}

/// The request with `alias`, as the API shows it.
pub async fn request_by_alias(hub: &TestHub, client: &reqwest::Client, alias: &str) -> serde_json::Value {
    let page: serde_json::Value = client
        .get(hub.url("/connectionRequests"))
        .query(&[("search", alias), ("top", "500")])
        .send()
        .await
        .expect("list answers")
        .json()
        .await
        .expect("JSON");
    page["results"]
        .as_array()
        .expect("results")
        .iter()
        .find(|request| request["apiPortalAlias"] == alias)
        .unwrap_or_else(|| panic!("no request {alias}"))
        .clone()
}

pub const CLIENT_ID: &str = "sb-apiaccess1700000000001!b6077|api-portal-xsuaa!b2160";
pub const CLIENT_SECRET: &str = "9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a$Vq7_Wn2-Kx9+Lp4/Mz6=";

/// Credentials shaped like the documentation's sample, with real-looking values, for `portal_url`.
pub fn credentials_for(portal_url: &str) -> String {
    serde_json::json!({
        "url": portal_url,
        "tokenUrl": "https://acme-prod.authentication.eu10.hana.ondemand.com/oauth/token",
        "clientId": CLIENT_ID,
        "clientSecret": CLIENT_SECRET,
    })
    .to_string()
}

/// `PUT .../credentials` with the CSRF token, If-Match `version` and `body`.
pub async fn put_credentials(
    hub: &TestHub,
    client: &reqwest::Client,
    token: &str,
    id: &str,
    version: i64,
    body: String,
) -> reqwest::Response {
    put_credentials_if_match(hub, client, token, id, &format!("\"{version}\""), body).await
}

/// `PUT .../credentials` with the CSRF token, `If-Match: <if_match>` and `body`.
pub async fn put_credentials_if_match(
    hub: &TestHub,
    client: &reqwest::Client,
    token: &str,
    id: &str,
    if_match: &str,
    body: String,
) -> reqwest::Response {
    client
        .put(hub.url(&format!("/connectionRequests/{id}/credentials")))
        .header("X-CSRF-Token", token)
        .header("If-Match", if_match)
        .header("Content-Type", "application/json")
        .body(body)
        .send()
        .await
        .expect("PUT answers")
}

/// A hub with `user` signed in, their CSRF token, and request `alias` as it was before any change.
pub struct Editing {
    pub hub: TestHub,
    pub client: reqwest::Client,
    pub token: String,
    pub before: serde_json::Value,
    pub id: String,
    pub version: i64,
    pub portal: String,
}

pub async fn editing(user: &str, alias: &str) -> Editing {
    let hub = TestHub::start(None).await;
    let EditingOn { client, token, before, id, version, portal } = editing_on(&hub, user, alias).await;
    Editing { hub, client, token, before, id, version, portal }
}

/// As [`editing`], on a hub already running; its `hub` field is left out.
pub struct EditingOn {
    pub client: reqwest::Client,
    pub token: String,
    pub before: serde_json::Value,
    pub id: String,
    pub version: i64,
    pub portal: String,
}

pub async fn editing_on(hub: &TestHub, user: &str, alias: &str) -> EditingOn {
    let client = hub.signed_in(user).await;
    let token = csrf_token(hub, &client).await;
    let before = request_by_alias(hub, &client, alias).await;
    let id = before["id"].as_str().expect("an id").to_owned();
    let version = before["version"].as_i64().expect("a version");
    let portal = before["apiPortalUrl"].as_str().expect("a URL").to_owned();
    EditingOn { client, token, before, id, version, portal }
}
