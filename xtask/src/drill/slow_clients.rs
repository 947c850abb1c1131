//! 1,000 idle and 100 slowloris connections beside a normal client: the normal client is
//! served as before, and the hub closes the held connections after its header timeout.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use super::{credentials, hub_args, DataFolder, Session};
use crate::hub::Hub;
use crate::load::{measure, Connection, Measurement};

const IDLE: usize = 1000;
const SLOWLORIS: usize = 100;
const REQUESTS: usize = 400;
/// The hub's default header timeout, and a margin for a busy machine.
const CLOSED_WITHIN: Duration = Duration::from_secs(10 + 5);

pub fn run(binary: &Path) -> Result<(), String> {
    println!("\n==> drill: {IDLE} idle and {SLOWLORIS} slowloris connections beside a normal client (list + update, one keep-alive connection)");
    let data = DataFolder::new("slow-clients")?;
    let hub = Hub::start_quietly(binary, &hub_args(&data.database(), &["--seed", "demo", "--dev-login"]), Some(&data.0.join("hub.log")))?;
    let host = hub.host().to_owned();
    let alice = Session::sign_in(&host, "alice")?;
    let mut setup = Connection::open(&host)?;
    let portal = "https://slow-clients-drill.cfapps.eu10.hana.ondemand.com";
    let submission = serde_json::json!({ "apiPortalAlias": "Slow Clients Drill", "credentials": credentials(portal, "sb-slow0!b6077|api-portal-xsuaa!b2160") });
    let created = setup.send("POST", "/api/1.0/connectionRequests", &alice.change_headers(None), submission.to_string().as_bytes())?;
    let created: serde_json::Value = serde_json::from_slice(&created.body).map_err(|error| error.to_string())?;
    let id = created["id"].as_str().ok_or("the drill's request was not created")?.to_owned();
    let mut version = created["version"].as_i64().unwrap_or(1);

    let normal = |label: &str, version: &mut i64| -> Result<Measurement, String> {
        // One thread uses these; the locks only satisfy `measure`'s bounds.
        let connection = Mutex::new(Connection::open(&host)?);
        let next_version = Mutex::new(*version);
        let measured = measure(label, 1, REQUESTS, |_, index| {
            let mut connection = connection.lock().expect("one thread");
            let mut next_version = next_version.lock().expect("one thread");
            if index % 2 == 0 {
                return connection
                    .send("GET", "/api/1.0/connectionRequests?top=25&orderby=updatedAt%20desc", &[("Cookie", &alice.cookie)], b"")
                    .is_ok_and(|response| response.status == 200);
            }
            let body = credentials(portal, &format!("sb-slow{index}!b6077|api-portal-xsuaa!b2160")).to_string();
            let if_match = format!("\"{}\"", *next_version);
            let path = format!("/api/1.0/connectionRequests/{id}/credentials");
            let ok = connection.send("PUT", &path, &alice.change_headers(Some(&if_match)), body.as_bytes()).is_ok_and(|response| response.status == 200);
            *next_version += i64::from(ok);
            ok
        });
        *version = next_version.into_inner().expect("one thread");
        Ok(measured)
    };
    normal("normal client alone", &mut version)?.print();

    let idle: Vec<TcpStream> = (0..IDLE).map(|_| TcpStream::connect(&host)).collect::<Result<_, _>>().map_err(|error| error.to_string())?;
    let mut slowloris: Vec<TcpStream> = (0..SLOWLORIS)
        .map(|_| {
            let mut stream = TcpStream::connect(&host)?;
            stream.write_all(b"GET /api/1.0/user HTTP/1.1\r\nHost: hub\r\nX-Slow: ")?;
            Ok(stream)
        })
        .collect::<std::io::Result<_>>()
        .map_err(|error| error.to_string())?;
    let opened = Instant::now();
    let dribbling = AtomicBool::new(true);
    let under_attack = std::thread::scope(|scope| {
        let dribbler = scope.spawn(|| {
            while dribbling.load(Ordering::Relaxed) {
                for stream in &mut slowloris {
                    let _ = stream.write_all(b"a");
                }
                std::thread::sleep(Duration::from_millis(500));
            }
        });
        let measured = normal(&format!("normal client beside {} held connections", IDLE + SLOWLORIS), &mut version);
        dribbling.store(false, Ordering::Relaxed);
        let _ = dribbler.join();
        measured
    })?;
    let mut under_attack = under_attack;
    under_attack.print();

    // The hub closes each held connection; a read sees the end (or a reset).
    let closed = idle.iter().chain(slowloris.iter()).filter(|stream| closed_within(stream, CLOSED_WITHIN.saturating_sub(opened.elapsed()))).count();
    let p99 = under_attack.percentile(0.99);
    println!(
        "normal client's p99 beside the held connections: {p99:.2} ms (goal < 50 ms: {}); held connections closed by the hub within {} s: {closed} of {}",
        if p99 < 50.0 { "met" } else { "missed" },
        CLOSED_WITHIN.as_secs(),
        IDLE + SLOWLORIS
    );
    drop(hub);
    if under_attack.failures > 0 {
        return Err("the normal client's requests failed beside the held connections".into());
    }
    if closed < IDLE + SLOWLORIS {
        return Err("the hub kept held connections open past its header timeout".into());
    }
    Ok(())
}

/// Whether the other side closes `stream` within `time` (reads the end, or an error).
fn closed_within(mut stream: &TcpStream, time: Duration) -> bool {
    let _ = stream.set_read_timeout(Some(time.max(Duration::from_millis(10))));
    let mut buffer = [0; 512];
    loop {
        match stream.read(&mut buffer) {
            Ok(0) => return true,
            Ok(_) => continue,
            Err(error) => return !matches!(error.kind(), std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut),
        }
    }
}
