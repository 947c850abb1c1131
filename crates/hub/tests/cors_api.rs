//! `--allow-origin`: the app on another origin of the same site may call the API with the
//! user's session; any other origin gets no CORS headers.

mod support;

use support::TestHub;

const APP: &str = "http://apps.example.test:8081";

async fn hub_allowing(origins: &[&str]) -> TestHub {
    let origins: Vec<String> = origins.iter().map(|origin| (*origin).to_owned()).collect();
    TestHub::start_with(move |config| config.allowed_origins = origins).await
}

#[tokio::test]
async fn the_allowed_origin_may_change_a_request_with_the_session() {
    let hub = hub_allowing(&[APP]).await;
    let preflight = TestHub::client()
        .request(reqwest::Method::OPTIONS, hub.url("/connectionRequests/cr-1/credentials"))
        .header("Origin", APP)
        .header("Access-Control-Request-Method", "PUT")
        .header("Access-Control-Request-Headers", "content-type, if-match, x-csrf-token")
        .send()
        .await
        .unwrap();
    assert!(preflight.status().is_success(), "{}", preflight.status());
    let headers = preflight.headers();
    assert_eq!(headers["access-control-allow-origin"], APP);
    assert_eq!(headers["access-control-allow-credentials"], "true");
    assert!(headers["access-control-allow-methods"].to_str().unwrap().contains("PUT"));
    let allowed = headers["access-control-allow-headers"].to_str().unwrap().to_ascii_lowercase();
    for header in ["content-type", "if-match", "x-csrf-token"] {
        assert!(allowed.contains(header), "{allowed}");
    }

    let alice = hub.signed_in("alice").await;
    let user = alice.get(hub.url("/user")).header("Origin", APP).header("X-CSRF-Token", "Fetch").send().await.unwrap();
    assert_eq!(user.status(), 200);
    assert_eq!(user.headers()["access-control-allow-origin"], APP);
    let exposed = user.headers()["access-control-expose-headers"].to_str().unwrap().to_ascii_lowercase();
    for header in ["etag", "x-csrf-token", "location"] {
        assert!(exposed.contains(header), "{exposed}");
    }
}

/// The names of the CORS headers in `response`.
fn cors_headers(response: &reqwest::Response) -> Vec<String> {
    response.headers().keys().map(|name| name.as_str().to_owned()).filter(|name| name.starts_with("access-control-")).collect()
}

#[tokio::test]
async fn other_origins_get_no_cors_headers() {
    let hub = hub_allowing(&[APP]).await;
    let response = TestHub::client().get(hub.url("/user")).header("Origin", "https://evil.example.com").send().await.unwrap();
    assert_eq!(cors_headers(&response), Vec::<String>::new(), "not even allow-credentials or expose-headers");
    let preflight = TestHub::client()
        .request(reqwest::Method::OPTIONS, hub.url("/connectionRequests/cr-1/credentials"))
        .header("Origin", "https://evil.example.com")
        .header("Access-Control-Request-Method", "PUT")
        .send()
        .await
        .unwrap();
    assert_eq!(cors_headers(&preflight), Vec::<String>::new());
    // A preflight goes through what every answer does: the security headers, the request id.
    assert!(preflight.headers().contains_key("content-security-policy"));
    assert!(preflight.headers().contains_key("x-request-id"));

    let without_flag = TestHub::start(None).await;
    let response = TestHub::client().get(without_flag.url("/user")).header("Origin", APP).send().await.unwrap();
    assert!(response.headers().get("access-control-allow-origin").is_none());
}

#[test]
fn an_origin_is_a_scheme_and_a_host() {
    let parse = |origin: &str| {
        use clap::Parser;
        hub::Config::try_parse_from(["hub", "--allow-origin", origin]).map(|config| config.allowed_origins)
    };
    assert_eq!(parse("https://apps.example.com/").unwrap(), ["https://apps.example.com"]);
    assert_eq!(parse("http://apps.example.test:8081").unwrap(), [APP]);
    for bad in ["https://apps.example.com/connections", "ftp://apps.example.com", "apps.example.com", "*"] {
        assert!(parse(bad).is_err(), "{bad}");
    }
}
