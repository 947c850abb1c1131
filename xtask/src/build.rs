//! Building the app (Trunk) and the hub (cargo).

use std::path::PathBuf;
use std::process::Command;

use crate::process::run;
use crate::setup::BuildTools;
use crate::workspace_root;

/// Where Trunk writes the release build.
pub fn dist_folder() -> PathBuf {
    workspace_root().join("dist")
}

/// `trunk build --release --offline`: the app as served in production, into `dist/`.
pub fn app_release(tools: &BuildTools) -> Result<(), String> {
    println!("==> app (release build)");
    run(tools.command("trunk").args(["build", "--release", "--offline"]).current_dir(workspace_root()))
}

#[derive(Clone, Copy)]
pub enum Profile {
    /// Shares its dependencies with `cargo test`: the quickest to build for the tests.
    Debug,
    /// Optimised for speed (the release profile is tuned for a small wasm bundle instead).
    Server,
}

/// Builds the hub and returns the path of its binary.
pub fn hub(profile: Profile) -> Result<PathBuf, String> {
    println!("==> hub");
    let mut command = Command::new("cargo");
    command.args(["build", "--package", "hub"]).current_dir(workspace_root());
    let folder = match profile {
        Profile::Debug => "debug",
        Profile::Server => {
            command.args(["--profile", "server"]);
            "server"
        }
    };
    run(&mut command)?;
    let target = std::env::var_os("CARGO_TARGET_DIR").map(PathBuf::from).unwrap_or_else(|| workspace_root().join("target"));
    Ok(target.join(folder).join("hub"))
}
