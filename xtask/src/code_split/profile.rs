//! Which functions the app runs at the start, measured in Chromium (`startup_profile.mjs`).

use std::collections::HashSet;
use std::path::Path;
use std::process::Command;

use crate::hub::with_throwaway_hub;
use crate::process::find_on_path;
use crate::workspace_root;

/// The indices of the functions of the wasm in `dist` that ran while the app started the ways
/// `startup_profile.mjs` starts it, served by a hub of `hub_binary` with the demo data.
pub fn functions_run_at_start(dist: &Path, hub_binary: &Path) -> Result<HashSet<u32>, String> {
    let chromium = find_on_path("chromium").ok_or("chromium is not on PATH (cargo xtask installs it)")?;
    let args = ["--static-dir", &dist.display().to_string(), "--seed", "demo", "--dev-login", "--no-dns"].map(str::to_owned);
    let log = with_throwaway_hub(hub_binary, "startup-profile", &args, |hub| {
        let output = Command::new("node")
            .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/code_split/startup_profile.mjs"))
            .arg(format!("{}/", hub.url))
            .env("PLAYWRIGHT_CORE", workspace_root().join("e2e/node_modules/playwright-core/index.mjs"))
            .env("CHROMIUM", chromium)
            .output()
            .map_err(|error| format!("cannot run node: {error}"))?;
        if !output.status.success() {
            return Err(format!("the start-up profile failed:\n{}", String::from_utf8_lossy(&output.stderr)));
        }
        Ok(String::from_utf8_lossy(&output.stdout).into_owned())
    })?;
    let ran = functions_that_ran(&log);
    if ran.is_empty() {
        return Err("Chromium logged no compiled wasm function: does its V8 still know --trace-wasm-compilation-times?".into());
    }
    Ok(ran)
}

/// Which functions ran, from V8's `--trace-wasm-compilation-times` log: V8 compiles a function
/// the first time it is called, and logs `Compiled function 0x…#<index> using Liftoff, …`.
fn functions_that_ran(log: &str) -> HashSet<u32> {
    log.lines()
        .filter_map(|line| line.split_once("Compiled function ")?.1.split_once('#')?.1.split_once(' ')?.0.parse().ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_v8s_log() {
        let log = "[1:2:INFO] noise\nCompiled function 0x1e0c0076d418#4592 using Liftoff, took 64 μs and 13528 bytes; bodysize 13 codesize 172\n\
                   Compiled function 0x34840077ff18#414 using TurboFan, took 57 μs\nCompiled function 0x34840077ff18#414 using Liftoff, took 5 μs\n";
        assert_eq!(functions_that_ran(log), HashSet::from([4592, 414]));
    }
}
