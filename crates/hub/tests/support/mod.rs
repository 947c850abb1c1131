//! A real hub on a free loopback port with a fresh database, and a client with a cookie jar.
#![allow(dead_code)] // each test binary uses a part of the support module

use std::net::SocketAddr;

use hub::{Config, SeedSet};

pub struct TestHub {
    pub base: String,
    _data: tempfile::TempDir,
}

impl TestHub {
    /// Starts a hub seeded with the demo data set, serving `static_dir` if given.
    pub async fn start(static_dir: Option<std::path::PathBuf>) -> Self {
        let data = tempfile::tempdir().expect("temporary folder");
        let mut config = Config::with_db(data.path().join("hub.sqlite3"));
        config.addr = SocketAddr::from(([127, 0, 0, 1], 0));
        config.static_dir = static_dir;
        config.seed = Some(SeedSet::Demo);
        let app = hub::app(&config).expect("hub starts");
        let listener = tokio::net::TcpListener::bind(config.addr).await.expect("free port");
        let address = listener.local_addr().expect("bound address");
        tokio::spawn(async move { axum::serve(listener, app).await.expect("hub serves") });
        Self { base: format!("http://{address}/api/1.0"), _data: data }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    pub fn client() -> reqwest::Client {
        reqwest::Client::builder().cookie_store(true).build().expect("client")
    }

    /// A client signed in as `user`.
    pub async fn signed_in(&self, user: &str) -> reqwest::Client {
        let client = Self::client();
        let response = client
            .post(self.url("/session"))
            .json(&serde_json::json!({ "user": user }))
            .send()
            .await
            .expect("login answers");
        assert_eq!(response.status(), 200, "login as {user}");
        client
    }
}
