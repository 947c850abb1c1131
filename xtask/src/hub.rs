//! The hub as a child process serving the built app.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use crate::build::dist_folder;

/// The arguments that make the hub serve the built app with the demo data set and the
/// development login ("Sign in as").
pub fn app_with_demo_data() -> Vec<String> {
    ["--static-dir", &dist_folder().display().to_string(), "--seed", "demo", "--dev-login"].map(str::to_owned).to_vec()
}

/// A running hub; stopped when dropped.
pub struct Hub {
    child: Child,
    pub url: String,
}

impl Hub {
    /// Starts `binary` with `args` and waits until it listens. Its log goes to `log` if given,
    /// else to this terminal.
    pub fn start(binary: &Path, args: &[String], log: Option<&Path>) -> Result<Self, String> {
        Self::start_echoing(binary, args, log, true)
    }

    /// As [`Hub::start`], printing nothing of what the hub prints to its standard output.
    pub fn start_quietly(binary: &Path, args: &[String], log: Option<&Path>) -> Result<Self, String> {
        Self::start_echoing(binary, args, log, false)
    }

    fn start_echoing(binary: &Path, args: &[String], log: Option<&Path>, echo: bool) -> Result<Self, String> {
        let mut command = Command::new(binary);
        if let Some(log) = log {
            let file = std::fs::File::create(log).map_err(|error| format!("cannot create {}: {error}", log.display()))?;
            command.stderr(file);
        }
        let mut child = command
            .args(args)
            .stdout(Stdio::piped())
            .spawn()
            .map_err(|error| format!("cannot start the hub {}: {error}", binary.display()))?;
        let stdout = child.stdout.take().expect("stdout is piped");
        let mut lines = BufReader::new(stdout).lines();
        let url = loop {
            match lines.next() {
                Some(Ok(line)) => {
                    if echo {
                        println!("{line}");
                    }
                    if let Some(url) = line.strip_prefix("listening on ") {
                        break url.trim().to_owned();
                    }
                }
                _ => {
                    let status = child.wait().map(|status| status.to_string()).unwrap_or_default();
                    return Err(format!("the hub stopped before it listened ({status})"));
                }
            }
        };
        // Keep echoing what the hub prints, so that its last words are seen.
        std::thread::spawn(move || lines.map_while(Result::ok).filter(|_| echo).for_each(|line| println!("{line}")));
        Ok(Self { child, url })
    }

    /// `host:port` of the hub.
    pub fn host(&self) -> &str {
        self.url.trim_start_matches("http://")
    }

    /// Kills the hub at once (SIGKILL: no shutdown, no last write) and waits until it is gone.
    pub fn kill(mut self) -> Result<(), String> {
        self.child.kill().map_err(|error| format!("cannot kill the hub: {error}"))?;
        self.child.wait().map_err(|error| error.to_string())?;
        Ok(())
    }

    /// Waits for the hub to stop. Ctrl-C reaches the hub directly (same process group), and
    /// it shuts down gracefully; this process only waits for it.
    pub fn wait_until_stopped(mut self) -> Result<(), String> {
        ctrlc::set_handler(|| {}).map_err(|error| format!("cannot handle Ctrl-C: {error}"))?;
        let status = self.child.wait().map_err(|error| error.to_string())?;
        if status.success() || status.code().is_none() {
            Ok(())
        } else {
            Err(format!("the hub stopped with {status}"))
        }
    }
}

/// Runs `work` against a hub of `binary` on a free loopback port with a fresh database in a
/// temporary folder (named after `purpose`), with `args` besides. The hub is stopped and the
/// folder removed afterwards, also when `work` fails; then the tail of the hub's log is printed.
pub fn with_throwaway_hub<T>(
    binary: &Path,
    purpose: &str,
    args: &[String],
    work: impl FnOnce(&Hub) -> Result<T, String>,
) -> Result<T, String> {
    let data = throwaway_folder(purpose);
    std::fs::create_dir_all(&data).map_err(|error| format!("cannot create {}: {error}", data.display()))?;
    let mut all_args = vec!["--addr".to_owned(), "127.0.0.1:0".to_owned(), "--db".to_owned(), data.join("hub.sqlite3").display().to_string()];
    all_args.extend_from_slice(args);
    let log = data.join("hub.log");
    let outcome = Hub::start(binary, &all_args, Some(&log)).and_then(|hub| work(&hub));
    if outcome.is_err() {
        print_tail(&log, 60);
    }
    let _ = std::fs::remove_dir_all(&data);
    outcome
}

/// The temporary folder of the throwaway hub for `purpose`: its database is `hub.sqlite3` there
/// (another hub may serve the same database beside it).
pub fn throwaway_folder(purpose: &str) -> PathBuf {
    std::env::temp_dir().join(format!("portal-connections-{purpose}-{}", std::process::id()))
}

/// Prints the last `count` lines of the hub's log, to explain a failure.
fn print_tail(log: &Path, count: usize) {
    let Ok(text) = std::fs::read_to_string(log) else { return };
    let lines: Vec<&str> = text.lines().collect();
    println!("\nlast lines of the hub's log ({}):", log.display());
    for line in &lines[lines.len().saturating_sub(count)..] {
        println!("  {line}");
    }
}

impl Drop for Hub {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}
