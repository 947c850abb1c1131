//! The disk fills up: changes are refused with 507 and leave nothing half-written, reads go on,
//! and once there is room again changes succeed.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use super::{credentials, hub_args, verify, DataFolder, Session};
use crate::hub::Hub;
use crate::load::Connection;

const TMPFS_SIZE: &str = "16m";
const MAX_WRITES_WHILE_FULL: usize = 400;

/// A tmpfs mounted for the drill, unmounted when dropped.
struct Tmpfs(PathBuf);

impl Tmpfs {
    fn mount(at: &Path) -> Result<Self, String> {
        std::fs::create_dir_all(at).map_err(|error| error.to_string())?;
        let output = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={TMPFS_SIZE},mode=0700"), "tmpfs"])
            .arg(at)
            .output()
            .map_err(|error| error.to_string())?;
        if output.status.success() {
            Ok(Self(at.to_owned()))
        } else {
            Err(String::from_utf8_lossy(&output.stderr).trim().to_owned())
        }
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg("-l").arg(&self.0).status();
    }
}

pub fn run(binary: &Path) -> Result<(), String> {
    println!("\n==> drill: the disk fills up (the database on a {TMPFS_SIZE} tmpfs)");
    let data = DataFolder::new("disk-full")?;
    let disk = match Tmpfs::mount(&data.0.join("disk")) {
        Ok(disk) => disk,
        Err(why) => {
            println!("skipped: cannot mount a tmpfs here ({why}); this drill needs root");
            return Ok(());
        }
    };
    let database = disk.0.join("hub.sqlite3");
    let log = data.0.join("hub.log");
    let hub = Hub::start_quietly(binary, &hub_args(&database, &["--seed", "demo", "--dev-login"]), Some(&log))?;
    let host = hub.host().to_owned();
    let alice = Session::sign_in(&host, "alice")?;
    let mut connection = Connection::open(&host)?;

    let filled = fill(&disk.0.join("filler"))?;
    let mut acknowledged = Vec::new();
    let mut refused = Vec::new();
    let mut other = Vec::new();
    for index in 0..MAX_WRITES_WHILE_FULL {
        let alias = format!("while-full-{index:03}");
        let status = submit(&mut connection, &alice, &alias)?;
        match status {
            201 => acknowledged.push(alias),
            507 => refused.push(alias),
            status => other.push((alias, status)),
        }
        if refused.len() >= 5 {
            break;
        }
    }
    let reads_ok = (0..20)
        .filter(|_| {
            connection
                .send("GET", "/api/1.0/connectionRequests?top=25", &[("Cookie", &alice.cookie)], b"")
                .is_ok_and(|response| response.status == 200)
        })
        .count();

    std::fs::remove_file(disk.0.join("filler")).map_err(|error| error.to_string())?;
    let mut after = Vec::new();
    for index in 0..5 {
        let alias = format!("after-room-{index}");
        after.push((alias.clone(), submit(&mut connection, &alice, &alias)?));
    }
    hub.kill()?;
    let sound = verify(binary, &database)?;

    let hub = Hub::start_quietly(binary, &hub_args(&database, &["--dev-login"]), Some(&log))?;
    let reader = Session::sign_in(hub.host(), "alice")?;
    let mut connection = Connection::open(hub.host())?;
    let mut present = |alias: &str| -> Result<bool, String> {
        let page = connection.send("GET", &format!("/api/1.0/connectionRequests?search={alias}"), &[("Cookie", &reader.cookie)], b"")?;
        let page: serde_json::Value = serde_json::from_slice(&page.body).map_err(|error| error.to_string())?;
        Ok(page["results"].as_array().into_iter().flatten().any(|request| request["apiPortalAlias"] == alias))
    };
    let mut missing = 0;
    for alias in acknowledged.iter().chain(after.iter().filter(|(_, status)| *status == 201).map(|(alias, _)| alias)) {
        missing += usize::from(!present(alias)?);
    }
    let mut kept = 0;
    for alias in &refused {
        kept += usize::from(present(alias)?);
    }
    let after_ok = after.iter().filter(|(_, status)| *status == 201).count();
    println!(
        "filled the disk with {:.1} MiB; then {} submissions acknowledged, {} refused with 507, {} other answers {:?}; \
         reads while full: {reads_ok} of 20 answered 200; with room again: {after_ok} of 5 submissions acknowledged; \
         after a restart: acknowledged but missing {missing}, refused but kept {kept}; {sound}",
        filled as f64 / 1048576.0,
        acknowledged.len(),
        refused.len(),
        other.len(),
        other.iter().map(|(_, status)| *status).collect::<Vec<_>>(),
    );
    drop(hub);
    if refused.is_empty() {
        return Err("the disk never filled up: no change was refused with 507".into());
    }
    if !other.is_empty() || reads_ok < 20 || after_ok < 5 || missing > 0 || kept > 0 {
        return Err("the disk-full drill failed (see the line above)".into());
    }
    Ok(())
}

fn submit(connection: &mut Connection, alice: &Session, alias: &str) -> Result<u16, String> {
    let portal = format!("https://{alias}.cfapps.eu10.hana.ondemand.com");
    let body = serde_json::json!({
        "apiPortalAlias": alias,
        "comment": "A comment long enough to need pages of its own. ".repeat(40),
        "credentials": credentials(&portal, &format!("sb-{alias}!b6077|api-portal-xsuaa!b2160")),
    })
    .to_string();
    Ok(connection.send("POST", "/api/1.0/connectionRequests", &alice.change_headers(None), body.as_bytes())?.status)
}

/// Writes `file` until the disk is full; how many bytes it took.
fn fill(file: &Path) -> Result<u64, String> {
    let mut filler = std::fs::File::create(file).map_err(|error| error.to_string())?;
    let block = vec![0x5a_u8; 64 * 1024];
    let mut written = 0u64;
    loop {
        match filler.write(&block) {
            Ok(0) => break,
            Ok(count) => written += count as u64,
            Err(error) if error.raw_os_error() == Some(28) => break,
            Err(error) => return Err(format!("cannot fill the disk: {error}")),
        }
    }
    // Single bytes too, so that not even a part of a block is left.
    while filler.write(&[0]).is_ok_and(|count| count == 1) {
        written += 1;
    }
    Ok(written)
}
