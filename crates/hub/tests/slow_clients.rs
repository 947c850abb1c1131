//! Clients that send slowly, send part of a request, or hold connections: each is cut off,
//! none holds the hub, and a stop waits for none of them beyond the shutdown deadline.

mod support;

use std::time::Duration;

use support::{csrf_token_of_cookie, TestHub};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// Generous bounds: these tests check that a connection is cut off at all (before, it was held
/// for ever), not how fast.
const CUT_OFF_WITHIN: Duration = Duration::from_secs(8);

async fn connect(hub: &TestHub) -> TcpStream {
    TcpStream::connect(hub.origin().trim_start_matches("http://")).await.expect("connects")
}

/// Reads until the hub closes the connection; what it sent before.
async fn until_closed(stream: &mut TcpStream) -> String {
    let mut received = Vec::new();
    let read = tokio::time::timeout(CUT_OFF_WITHIN, async {
        let mut buffer = [0; 4096];
        loop {
            match stream.read(&mut buffer).await {
                Ok(0) | Err(_) => break,
                Ok(count) => received.extend_from_slice(&buffer[..count]),
            }
        }
    })
    .await;
    assert!(read.is_ok(), "the hub kept the connection open; it sent {:?}", String::from_utf8_lossy(&received));
    String::from_utf8_lossy(&received).into_owned()
}

async fn hub_with_short_timeouts() -> TestHub {
    TestHub::start_with(|config| {
        config.connections.header_seconds = 1;
        config.connections.body_seconds = 1;
        config.connections.idle_seconds = 2;
    })
    .await
}

#[tokio::test]
async fn half_sent_headers_are_cut_off() {
    let hub = hub_with_short_timeouts().await;
    let mut stream = connect(&hub).await;
    stream.write_all(b"GET /api/1.0/user HTTP/1.1\r\nHost: hub\r\n").await.unwrap();
    until_closed(&mut stream).await;
}

#[tokio::test]
async fn headers_dribbled_a_byte_at_a_time_are_cut_off() {
    let hub = hub_with_short_timeouts().await;
    let mut stream = connect(&hub).await;
    let dribble = async {
        for byte in b"GET /api/1.0/user HTTP/1.1\r\nHost: hub\r\nX-Slow: ".iter().chain(b"a".repeat(1000).iter()) {
            if stream.write_all(&[*byte]).await.is_err() {
                return true;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        false
    };
    let cut_off = tokio::time::timeout(CUT_OFF_WITHIN, dribble).await;
    assert_eq!(cut_off, Ok(true), "the hub let the headers dribble on");
}

#[tokio::test]
async fn a_connection_that_sends_nothing_or_idles_after_a_request_is_closed() {
    let hub = hub_with_short_timeouts().await;
    let mut silent = connect(&hub).await;
    until_closed(&mut silent).await;

    let mut kept_alive = connect(&hub).await;
    kept_alive.write_all(b"GET /api/1.0/openapi.json HTTP/1.1\r\nHost: hub\r\n\r\n").await.unwrap();
    let answer = until_closed(&mut kept_alive).await;
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
}

#[tokio::test]
async fn a_body_shorter_than_declared_gets_408_and_changes_nothing() {
    let hub = hub_with_short_timeouts().await;
    let cookie = hub.session_cookie_of("alice").await;
    let token = csrf_token_of_cookie(&hub, &cookie).await;
    let mut stream = connect(&hub).await;
    let head = format!(
        "POST /api/1.0/connectionRequests HTTP/1.1\r\nHost: hub\r\nCookie: {cookie}\r\nX-CSRF-Token: {token}\r\n\
         Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{{\"api"
    );
    stream.write_all(head.as_bytes()).await.unwrap();
    let answer = until_closed(&mut stream).await;
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
    assert!(answer.contains("\"REQUEST_TIMEOUT\""), "{answer}");
    let client = hub.signed_in("alice").await;
    let page: serde_json::Value = client.get(hub.url("/connectionRequests")).send().await.unwrap().json().await.unwrap();
    assert_eq!(page["count"], 14, "nothing was submitted");
}

#[tokio::test]
async fn a_body_announced_larger_than_the_limit_gets_413_without_waiting_for_it() {
    // The body's timeout is far beyond the wait below: only an answer at once passes.
    let hub = TestHub::start_with(|config| config.connections.body_seconds = 60).await;
    let cookie = hub.session_cookie_of("alice").await;
    let token = csrf_token_of_cookie(&hub, &cookie).await;
    let mut stream = connect(&hub).await;
    let head = format!(
        "POST /api/1.0/connectionRequests HTTP/1.1\r\nHost: hub\r\nCookie: {cookie}\r\nX-CSRF-Token: {token}\r\n\
         Content-Type: application/json\r\nContent-Length: 1000000000000\r\n\r\n{{}}"
    );
    stream.write_all(head.as_bytes()).await.unwrap();
    let mut buffer = [0; 4096];
    let read = tokio::time::timeout(CUT_OFF_WITHIN, stream.read(&mut buffer)).await.expect("an answer before the body's timeout");
    let answer = String::from_utf8_lossy(&buffer[..read.unwrap()]).into_owned();
    assert!(answer.starts_with("HTTP/1.1 413"), "{answer}");
    assert!(answer.contains("\"PAYLOAD_TOO_LARGE\""), "{answer}");
}

#[tokio::test]
async fn connections_beyond_the_limit_wait_until_one_is_free() {
    let hub = TestHub::start_with(|config| {
        config.connections.max_connections = 2;
        config.connections.header_seconds = 30;
    })
    .await;
    let first = connect(&hub).await;
    let _second = connect(&hub).await;
    tokio::time::sleep(Duration::from_millis(200)).await;
    let client = TestHub::client();
    let waiting = client.get(hub.url("/openapi.json")).timeout(Duration::from_millis(500)).send().await;
    assert!(waiting.is_err(), "a third connection was served beside two held ones");
    drop(first);
    let served = client.get(hub.url("/openapi.json")).timeout(CUT_OFF_WITHIN).send().await.expect("served once one is free");
    assert_eq!(served.status(), 200);
}

#[tokio::test]
async fn a_stop_finishes_the_request_in_flight_and_waits_for_no_slow_client() {
    let data = tempfile::tempdir().unwrap();
    let hub = TestHub::start_configured(data.path(), |config| {
        config.connections.header_seconds = 60;
        config.connections.body_seconds = 60;
        config.connections.shutdown_seconds = 2;
    })
    .await;
    let cookie = hub.session_cookie_of("alice").await;
    let token = csrf_token_of_cookie(&hub, &cookie).await;
    let mut slowloris = connect(&hub).await;
    slowloris.write_all(b"GET /api/1.0/user HTTP/1.1\r\nHost: hub\r\n").await.unwrap();

    // A submission whose body is on its way when the stop comes.
    let body = serde_json::json!({
        "apiPortalAlias": "Submitted During Shutdown",
        "credentials": serde_json::from_str::<serde_json::Value>(&support::credentials_for("https://shutdown.cfapps.eu10.hana.ondemand.com")).unwrap(),
    })
    .to_string();
    let (first_half, second_half) = body.split_at(body.len() / 2);
    let mut in_flight = connect(&hub).await;
    let head = format!(
        "POST /api/1.0/connectionRequests HTTP/1.1\r\nHost: hub\r\nCookie: {cookie}\r\nX-CSRF-Token: {token}\r\n\
         Content-Type: application/json\r\nContent-Length: {}\r\n\r\n{first_half}",
        body.len()
    );
    in_flight.write_all(head.as_bytes()).await.unwrap();
    tokio::time::sleep(Duration::from_millis(200)).await;

    let stopping = tokio::spawn(tokio::time::timeout(CUT_OFF_WITHIN, hub.stop()));
    tokio::time::sleep(Duration::from_millis(300)).await;
    in_flight.write_all(second_half.as_bytes()).await.unwrap();
    let answer = until_closed(&mut in_flight).await;
    assert!(answer.starts_with("HTTP/1.1 201"), "the request in flight was finished: {answer}");
    assert!(stopping.await.unwrap().is_ok(), "the stop waited past its deadline for the slow client");
    drop(slowloris);

    let db = rusqlite::Connection::open(data.path().join("hub.sqlite3")).unwrap();
    let stored: i64 = db
        .query_row("SELECT COUNT(*) FROM connection_requests WHERE api_portal_alias = 'Submitted During Shutdown'", [], |row| row.get(0))
        .unwrap();
    assert_eq!(stored, 1);
}

#[tokio::test]
async fn a_connection_is_closed_after_its_lifetime_however_busy() {
    let hub = TestHub::start_with(|config| config.connections.lifetime_seconds = 1).await;
    let mut stream = connect(&hub).await;
    let busy = async {
        let mut buffer = [0; 8192];
        loop {
            if stream.write_all(b"GET /api/1.0/openapi.json HTTP/1.1\r\nHost: hub\r\n\r\n").await.is_err() {
                return;
            }
            match stream.read(&mut buffer).await {
                Ok(0) | Err(_) => return,
                Ok(_) => tokio::time::sleep(Duration::from_millis(50)).await,
            }
        }
    };
    assert!(tokio::time::timeout(CUT_OFF_WITHIN, busy).await.is_ok(), "the connection outlived its lifetime");
}
