//! `cargo xtask test`: every test tier, in order, stopping at the first that fails.

use std::process::Command;
use std::time::Instant;

use crate::build::{self, Profile};
use crate::hub::{app_with_demo_data, with_throwaway_hub};
use crate::playwright_report;
use crate::process::{find_on_path, run};
use crate::setup::{self, BuildTools};
use crate::workspace_root;

type Tier = (&'static str, fn(&BuildTools) -> Result<(), String>);

const TIERS: &[Tier] = &[
    ("host tests (cargo test --workspace)", host_tests),
    ("component tests in headless Chromium (wasm-bindgen-test)", component_tests),
    ("end-to-end tests in headless Chromium (Playwright, real hub)", end_to_end_tests),
    ("failure drills on the hub, short form (kill -9 under load, full disk, slow clients)", failure_drills),
];

pub fn run_all() -> Result<(), String> {
    let tools = setup::build_tools()?;
    setup::browser_tools()?;

    let mut results: Vec<(&str, Result<f64, String>)> = Vec::new();
    for (name, tier) in TIERS {
        println!("\n==> tier {}: {name}", results.len() + 1);
        let started = Instant::now();
        let outcome = tier(&tools).map(|()| started.elapsed().as_secs_f64());
        let failed = outcome.is_err();
        results.push((name, outcome));
        if failed {
            break;
        }
    }

    println!("\nsummary:");
    for (index, (name, _)) in TIERS.iter().enumerate() {
        let line = match results.get(index) {
            Some((_, Ok(seconds))) => format!("passed in {seconds:.0} s"),
            Some((_, Err(error))) => format!("FAILED: {error}"),
            None => "not run".to_owned(),
        };
        println!("  tier {}: {name}: {line}", index + 1);
    }
    let passed = results.iter().filter(|(_, outcome)| outcome.is_ok()).count();
    let failed = results.len() - passed;
    println!("tiers: {passed} passed, {failed} failed");
    // The end-to-end tier built the release: its size, for the record (a figure, not a test;
    // `cargo xtask bench sizes` says where the bytes go).
    if results.len() >= 3 {
        if let Ok(bytes) = build::first_load_brotli(&build::dist_folder()) {
            println!("first load of the release build (English, brotli 11): {:.1} KiB; budget 150 KB", bytes as f64 / 1024.0);
        }
    }
    if failed > 0 || passed < TIERS.len() {
        return Err("tests failed".into());
    }
    Ok(())
}

fn host_tests(_tools: &BuildTools) -> Result<(), String> {
    run(Command::new("cargo").args(["test", "--workspace"]).current_dir(workspace_root()))
}

fn component_tests(tools: &BuildTools) -> Result<(), String> {
    let chromedriver = find_on_path("chromedriver").ok_or("chromedriver is not on PATH")?;
    run(tools
        .command("cargo")
        .args(["test", "--target", "wasm32-unknown-unknown", "--package", "portal-connections", "--test", "components"])
        .env("CHROMEDRIVER", chromedriver)
        .current_dir(workspace_root()))
}

fn end_to_end_tests(tools: &BuildTools) -> Result<(), String> {
    let hub_binary = build::hub(Profile::Debug)?;
    build::app_release(tools, &hub_binary)?;
    build::check_german_stays_out_of_the_first_load(&build::dist_folder())?;
    let chromium = find_on_path("chromium").ok_or("chromium is not on PATH")?;
    // No test may send a packet beyond loopback: Test Connection on the demo data looks up no name.
    let mut args = app_with_demo_data();
    args.push("--no-dns".to_owned());
    // Beside the traces of failed tests, for reading after the run; never one of an earlier run.
    let report = workspace_root().join("e2e/test-results/report.json");
    let _ = std::fs::remove_file(&report);
    let outcome = with_throwaway_hub(&hub_binary, "e2e", &args, |hub| {
        run(Command::new("npx")
            .args(["playwright", "test", "--reporter=list,json"])
            .env("PLAYWRIGHT_JSON_OUTPUT_FILE", &report)
            .env("HUB_URL", &hub.url)
            // For the test that stops a hub of its own mid-save.
            .env("HUB_BINARY", &hub_binary)
            .env("HUB_STATIC_DIR", build::dist_folder())
            .env("CHROMIUM_PATH", &chromium)
            .current_dir(workspace_root().join("e2e")))
    });
    let failures = playwright_report::failures(&report);
    outcome.map_err(|error| match failures {
        Some(failures) if !failures.is_empty() => format!("{error}\n{failures}"),
        _ => error,
    })
}

fn failure_drills(_tools: &BuildTools) -> Result<(), String> {
    crate::drill::run(&["--short".to_owned()])
}
