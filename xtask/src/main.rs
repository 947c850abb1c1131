//! `cargo xtask`: the project's task runner.
//!
//! - `run`: installs what is missing, builds the app and the hub, starts the hub with demo data.
//! - `test`: the same set-up plus the browser, then every test tier.
//! - `drill`: the hub under failure (kill -9, full disk, slow clients).
//! - `bench`: benchmark figures (bundle sizes, credentials engine, hub load, the app in Chromium).

mod bench;
mod build;
mod code_split;
mod css_tokens;
mod drill;
mod hub;
mod load;
mod playwright_report;
mod process;
mod setup;
mod speed_targets;
mod test;
mod wasm_bytes;

use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "\
usage: cargo xtask <command> [options]

commands:
  run [--addr HOST:PORT] [--db PATH]   build the app and serve it with the hub and demo data
                                       (default http://127.0.0.1:8080, database data/hub.sqlite3)
  test                                 run every test tier: host, components in Chromium, end to end
  bench [PART...]                      print benchmark figures; parts: sizes (release build),
                                       engine (credentials), hub (load on loopback), browser
                                       (table and dialog in Chromium), peers (beside the
                                       hand-written page); all when none is named
  drill [--short]                      failure drills on the hub: kill -9 under load, a full disk,
                                       1,000 idle and 100 slowloris connections (--short: what
                                       `test` runs)
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("run") => run(&args[1..]),
        Some("test") => test::run_all(),
        Some("bench") => bench::run(&args[1..]),
        Some("drill") => drill::run(&args[1..]),
        Some("help" | "--help" | "-h") | None => {
            print!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Some(other) => Err(format!("unknown command '{other}'\n\n{USAGE}")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("\nxtask: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: &[String]) -> Result<(), String> {
    let mut hub_args = hub::app_with_demo_data();
    let mut db = workspace_root().join("data/hub.sqlite3");
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--addr" => {
                let value = rest.next().ok_or("--addr needs HOST:PORT")?;
                hub_args.extend(["--addr".to_owned(), value.clone()]);
            }
            "--db" => db = PathBuf::from(rest.next().ok_or("--db needs a PATH")?),
            other => return Err(format!("unknown option '{other}' for run\n\n{USAGE}")),
        }
    }
    hub_args.extend(["--db".to_owned(), db.display().to_string()]);

    let tools = setup::build_tools()?;
    setup::browser_tools()?;
    let hub_binary = build::hub(build::Profile::Server)?;
    build::app_release(&tools, &hub_binary)?;
    let running = hub::Hub::start(&hub_binary, &hub_args, None)?;
    println!("\nThe app is running at {}/ (Ctrl-C stops it)", running.url);
    running.wait_until_stopped()
}

/// The repository's top folder.
pub fn workspace_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).parent().expect("xtask lives in the workspace").to_owned()
}
