//! The hub as its operator starts it: the binary, its flags, its signals and what it prints.

use std::io::{BufRead, BufReader, Read};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const HUB: &str = env!("CARGO_BIN_EXE_hub");

struct Running {
    child: Child,
    origin: String,
}

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start(data: &std::path::Path, args: &[&str]) -> Running {
    let mut child = Command::new(HUB)
        .args(["--addr", "127.0.0.1:0", "--db", &data.join("hub.sqlite3").display().to_string()])
        .args(args)
        .env_remove("HUB_DEV_LOGIN")
        .env_remove("HUB_SECRET_KEY")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the hub starts");
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let origin = loop {
        let line = lines.next().expect("the hub prints where it listens").unwrap();
        if let Some(url) = line.strip_prefix("listening on ") {
            break url.to_owned();
        }
    };
    std::thread::spawn(move || lines.for_each(drop));
    Running { child, origin }
}

fn stderr_of(running: &mut Running) -> String {
    let _ = running.child.kill();
    let mut text = String::new();
    running.child.stderr.take().unwrap().read_to_string(&mut text).unwrap();
    text
}

/// The status of a login as carol, over a plain socket.
fn post_login(origin: &str) -> u16 {
    use std::io::Write;
    let mut stream = TcpStream::connect(origin.trim_start_matches("http://")).unwrap();
    let body = r#"{"user":"carol"}"#;
    write!(
        stream,
        "POST /api/1.0/session HTTP/1.1\r\nHost: hub\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
    .unwrap();
    let mut answer = String::new();
    stream.read_to_string(&mut answer).unwrap();
    answer.split_whitespace().nth(1).unwrap().parse().unwrap()
}

#[test]
fn the_development_login_is_off_unless_asked_for_and_then_announced() {
    let data = tempfile::tempdir().unwrap();
    let mut plain = start(data.path(), &["--seed", "demo"]);
    assert_eq!(post_login(&plain.origin), 404);
    assert!(!stderr_of(&mut plain).contains("development login is on"));

    let mut with_login = start(data.path(), &["--dev-login"]);
    assert_eq!(post_login(&with_login.origin), 200);
    let log = stderr_of(&mut with_login);
    assert!(log.contains("WARN") && log.contains("the development login is on"), "{log}");
}

#[cfg(unix)]
#[test]
fn sigterm_ends_the_hub_within_its_deadline_however_slow_its_clients() {
    let data = tempfile::tempdir().unwrap();
    let mut running = start(data.path(), &["--seed", "demo", "--shutdown-deadline", "2", "--header-timeout", "60"]);
    let address = running.origin.trim_start_matches("http://").to_owned();
    let slow: Vec<TcpStream> = (0..20)
        .map(|_| {
            let mut stream = TcpStream::connect(&address).unwrap();
            std::io::Write::write_all(&mut stream, b"GET /api/1.0/user HTTP/1.1\r\nHost: hub\r\n").unwrap();
            stream
        })
        .collect();
    std::thread::sleep(Duration::from_millis(200));
    let signalled = Instant::now();
    let status = Command::new("kill").args(["-TERM", &running.child.id().to_string()]).status().unwrap();
    assert!(status.success());
    let exited = loop {
        if let Some(status) = running.child.try_wait().unwrap() {
            break Some(status);
        }
        if signalled.elapsed() > Duration::from_secs(10) {
            break None;
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let status = exited.expect("the hub exited within 10 s of SIGTERM");
    assert!(status.success(), "{status}");
    drop(slow);
}

#[test]
fn a_missing_key_file_stops_the_start_with_its_name() {
    let data = tempfile::tempdir().unwrap();
    drop(start(data.path(), &["--seed", "demo"]));
    let key = data.path().join("hub-secret.key");
    std::fs::remove_file(&key).unwrap();
    let output = Command::new(HUB)
        .args(["--addr", "127.0.0.1:0", "--db", &data.path().join("hub.sqlite3").display().to_string()])
        .env_remove("HUB_SECRET_KEY")
        .output()
        .unwrap();
    assert!(!output.status.success());
    let message = String::from_utf8_lossy(&output.stderr);
    assert!(message.contains(&format!("the secret key file {} is missing", key.display())), "{message}");
}

#[test]
fn rotate_key_is_a_command() {
    let data = tempfile::tempdir().unwrap();
    drop(start(data.path(), &["--seed", "demo"]));
    let output = Command::new(HUB)
        .args(["rotate-key", "--db", &data.path().join("hub.sqlite3").display().to_string()])
        .env_remove("HUB_SECRET_KEY")
        .output()
        .unwrap();
    let printed = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{printed} {}", String::from_utf8_lossy(&output.stderr));
    assert!(printed.starts_with("re-sealed 14 secrets under a new key"), "{printed}");
    // It starts again: the new key opens the secrets (start() fails if the hub does not listen).
    let running = start(data.path(), &[]);
    // Not beside a running hub, which would go on sealing with the old key.
    let output = Command::new(HUB)
        .args(["rotate-key", "--db", &data.path().join("hub.sqlite3").display().to_string()])
        .env_remove("HUB_SECRET_KEY")
        .output()
        .unwrap();
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("a hub is running on"), "{}", String::from_utf8_lossy(&output.stderr));
    drop(running);

    // Nor where there is no database: it makes none.
    let nowhere = data.path().join("typo/hub.sqlite3");
    let output = Command::new(HUB).args(["verify", "--db", &nowhere.display().to_string()]).output().unwrap();
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("there is no database at"));
    assert!(!nowhere.parent().unwrap().exists());
}

#[test]
fn verify_checks_integrity_and_every_secret() {
    let data = tempfile::tempdir().unwrap();
    drop(start(data.path(), &["--seed", "demo"]));
    let verify = || {
        Command::new(HUB)
            .args(["verify", "--db", &data.path().join("hub.sqlite3").display().to_string()])
            .env_remove("HUB_SECRET_KEY")
            .output()
            .unwrap()
    };
    let output = verify();
    let printed = String::from_utf8_lossy(&output.stdout).into_owned();
    assert!(output.status.success(), "{printed}");
    assert!(printed.contains("integrity: ok") && printed.contains("secrets: 14 stored, 0 do not open"), "{printed}");

    // One secret sealed for another row (as a bad restore might leave it) is found. (The key is
    // checked at start against the first row; the last one is damaged.)
    let db = rusqlite::Connection::open(data.path().join("hub.sqlite3")).unwrap();
    db.execute_batch(
        "UPDATE connection_requests SET secret_ciphertext = (SELECT secret_ciphertext FROM connection_requests ORDER BY rowid LIMIT 1) \
         WHERE rowid = (SELECT MAX(rowid) FROM connection_requests)",
    )
    .unwrap();
    let output = verify();
    let printed = String::from_utf8_lossy(&output.stdout).into_owned();
    assert!(!output.status.success(), "{printed}");
    assert!(printed.contains("secrets: 14 stored, 1 do not open"), "{printed}");
}
