//! `cargo xtask drill`: the hub under failure, each drill a real hub binary on loopback.
//!
//! - `crash`: kill -9 under load, then restart and check that nothing acknowledged was lost and
//!   nothing refused was kept;
//! - `disk-full`: the database on a small tmpfs that fills up: writes refused, reads going on,
//!   writes back once there is room;
//! - `slow-clients`: 1,000 idle and 100 slowloris connections beside a normal client.
//!
//! `--short` is the form `cargo xtask test` runs (3 crash rounds instead of 20).

mod crash;
mod disk_full;
mod slow_clients;

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::build::{self, Profile};
use crate::load::Connection;

pub fn run(args: &[String]) -> Result<(), String> {
    let short = args.iter().any(|arg| arg == "--short");
    if let Some(unknown) = args.iter().find(|arg| *arg != "--short") {
        return Err(format!("unknown option '{unknown}' for drill (the only one is --short)"));
    }
    let binary = build::hub(if short { Profile::Debug } else { Profile::Server })?;
    crash::run(&binary, if short { 3 } else { 20 })?;
    disk_full::run(&binary)?;
    slow_clients::run(&binary)
}

/// A data folder for one drill, removed when dropped.
pub struct DataFolder(pub PathBuf);

impl DataFolder {
    pub fn new(purpose: &str) -> Result<Self, String> {
        let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |time| time.subsec_nanos());
        let path = std::env::temp_dir().join(format!("portal-connections-drill-{purpose}-{}-{nanos}", std::process::id()));
        // A new folder of ours, never one that was there before.
        std::fs::create_dir(&path).map_err(|error| format!("cannot create {}: {error}", path.display()))?;
        Ok(Self(path))
    }

    pub fn database(&self) -> PathBuf {
        self.0.join("hub.sqlite3")
    }
}

impl Drop for DataFolder {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// The arguments for a hub on a free loopback port with the database in `data`.
pub fn hub_args(database: &Path, more: &[&str]) -> Vec<String> {
    let mut args: Vec<String> = ["--addr", "127.0.0.1:0", "--db"].map(str::to_owned).to_vec();
    args.push(database.display().to_string());
    args.extend(more.iter().map(|arg| (*arg).to_owned()));
    args
}

/// `hub verify` on `database`: integrity and every secret against the key.
pub fn verify(binary: &Path, database: &Path) -> Result<String, String> {
    let output = Command::new(binary)
        .args(["verify", "--db", &database.display().to_string()])
        .output()
        .map_err(|error| format!("cannot run hub verify: {error}"))?;
    let printed = String::from_utf8_lossy(&output.stdout).trim().replace('\n', "; ");
    if output.status.success() {
        Ok(printed)
    } else {
        Err(format!("hub verify found a problem: {printed} {}", String::from_utf8_lossy(&output.stderr).trim()))
    }
}

/// A signed-in user: the session cookie and the CSRF token.
#[derive(Clone)]
pub struct Session {
    pub cookie: String,
    pub token: String,
}

impl Session {
    pub fn sign_in(host: &str, user: &str) -> Result<Self, String> {
        let mut connection = Connection::open(host)?;
        let body = format!("{{\"user\":\"{user}\"}}");
        let login = connection.send("POST", "/api/1.0/session", &[("Content-Type", "application/json")], body.as_bytes())?;
        let cookie = login.header("set-cookie").and_then(|value| value.split(';').next()).ok_or("no session cookie")?.to_owned();
        let me = connection.send("GET", "/api/1.0/user", &[("Cookie", &cookie), ("X-CSRF-Token", "Fetch")], b"")?;
        let token = me.header("x-csrf-token").ok_or("no CSRF token")?.to_owned();
        Ok(Self { cookie, token })
    }

    /// Headers for a JSON change, with `If-Match` if given.
    pub fn change_headers<'a>(&'a self, if_match: Option<&'a str>) -> Vec<(&'a str, &'a str)> {
        let mut headers = vec![("Cookie", self.cookie.as_str()), ("X-CSRF-Token", self.token.as_str()), ("Content-Type", "application/json")];
        if let Some(version) = if_match {
            headers.push(("If-Match", version));
        }
        headers
    }
}

/// Credentials for `portal` with `client_id`, valid for the hub's rules.
pub fn credentials(portal: &str, client_id: &str) -> serde_json::Value {
    serde_json::json!({
        "url": portal,
        "tokenUrl": "https://drill.authentication.eu10.hana.ondemand.com/oauth/token",
        "clientId": client_id,
        "clientSecret": format!("7c1e9a3f-2b4d-4e6f-8a0c-{:012}$Dr1ll-Secret=", client_id.len()),
    })
}

/// A small pseudo-random generator (xorshift), seeded from the clock; the seed is printed so
/// that a failing run can be repeated.
pub struct Random(u64);

impl Random {
    pub fn from_clock() -> Self {
        let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(1, |time| time.as_nanos() as u64);
        Self(nanos | 1)
    }

    pub fn seed(&self) -> u64 {
        self.0
    }

    /// A number in `range`.
    pub fn between(&mut self, range: std::ops::Range<u64>) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        range.start + self.0 % (range.end - range.start)
    }
}
