//! Installs what the build and the tests need, skipping what is already there.
//! See shared/toolchain.md for why each tool comes from where it does.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::process::{find_on_path, output_of, run};
use crate::workspace_root;

const TRUNK_VERSION: &str = "0.21.14";
const WASM_TARGET: &str = "wasm32-unknown-unknown";

/// The tools a build uses, with the PATH under which Trunk finds them.
pub struct BuildTools {
    pub path: std::ffi::OsString,
}

impl BuildTools {
    /// A command for `program` that sees the installed tools first on its PATH.
    pub fn command(&self, program: &str) -> Command {
        let mut command = Command::new(program);
        command.env("PATH", &self.path);
        command
    }
}

/// Everything `trunk build` needs: the wasm target, the standard library's source, trunk,
/// wasm-bindgen and a working wasm-opt; and terser, for the split build's JavaScript.
pub fn build_tools() -> Result<BuildTools, String> {
    step("wasm32 target");
    let installed = output_of("rustup", &["target", "list", "--installed"]).unwrap_or_default();
    if installed.lines().any(|line| line.trim() == WASM_TARGET) {
        skip(&format!("{WASM_TARGET} is installed"));
    } else {
        run(Command::new("rustup").args(["target", "add", WASM_TARGET]))?;
    }

    // The release build compiles its own standard library (see build::app_release).
    step("rust-src");
    let components = output_of("rustup", &["component", "list", "--installed"]).unwrap_or_default();
    if components.lines().any(|line| line.trim().starts_with("rust-src")) {
        skip("rust-src is installed");
    } else {
        run(Command::new("rustup").args(["component", "add", "rust-src"]))?;
    }
    // Its dependencies, which the build cannot download: it runs offline (toolchain.md). A
    // fresh machine has none of them; where they are all here, this changes nothing.
    step("the standard library's dependencies");
    run(Command::new("cargo").args(["fetch", "--target", WASM_TARGET]).envs(crate::build::OWN_STD_ENV).current_dir(workspace_root()))?;

    let path = tool_path();
    step("trunk");
    ensure_cargo_tool("trunk", TRUNK_VERSION, &["install", "trunk", "--version", TRUNK_VERSION, "--locked"])?;

    step("wasm-bindgen-cli");
    let version = locked_version("wasm-bindgen")?;
    // Without --locked: the registry lacks one of its locked dependencies (toolchain.md).
    ensure_cargo_tool("wasm-bindgen", &version, &["install", "wasm-bindgen-cli", "--version", &version])?;

    step("wasm-opt (npm binaryen) and terser");
    let tools_folder = workspace_root().join("tools");
    let wasm_opt = tools_folder.join("node_modules/.bin/wasm-opt");
    if wasm_opt.exists() && tools_folder.join("node_modules/.bin/terser").exists() && is_newer(&tools_folder.join("node_modules/.package-lock.json"), &tools_folder.join("package-lock.json")) {
        skip(&format!("{} is installed", output_of(&wasm_opt.to_string_lossy(), &["--version"]).unwrap_or_default()));
    } else {
        run(Command::new("npm").args(["ci", "--no-audit", "--no-fund"]).current_dir(&tools_folder))?;
    }
    Ok(BuildTools { path })
}

/// Debian's chromium and chromedriver, and the end-to-end suite's npm packages.
pub fn browser_tools() -> Result<(), String> {
    step("chromium and chromedriver");
    let missing: Vec<&str> =
        [("chromium", "chromium"), ("chromedriver", "chromium-driver")]
            .into_iter()
            .filter(|(program, _)| find_on_path(program).is_none())
            .map(|(_, package)| package)
            .collect();
    if missing.is_empty() {
        skip(&output_of("chromium", &["--version"]).unwrap_or_else(|| "chromium is installed".into()));
    } else if output_of("id", &["-u"]).as_deref() == Some("0") {
        run(Command::new("apt-get").arg("update"))?;
        run(Command::new("apt-get").args(["install", "-y", "--no-install-recommends"]).args(&missing))?;
    } else {
        return Err(format!(
            "the tests need Debian's {}; install them with:\n  sudo apt-get update && sudo apt-get install -y {}",
            missing.join(" and "),
            missing.join(" ")
        ));
    }

    step("end-to-end test packages (npm ci in e2e/)");
    let e2e = workspace_root().join("e2e");
    if is_newer(&e2e.join("node_modules/.package-lock.json"), &e2e.join("package-lock.json")) {
        skip("e2e/node_modules is up to date");
    } else {
        run(Command::new("npm").args(["ci", "--no-audit", "--no-fund"]).current_dir(&e2e))?;
    }
    Ok(())
}

/// Installs `binary` with `cargo install_args` unless `binary --version` already names `version`.
fn ensure_cargo_tool(binary: &str, version: &str, install_args: &[&str]) -> Result<(), String> {
    let found = output_of(binary, &["--version"]).or_else(|| {
        let in_cargo_home = cargo_bin().join(binary);
        output_of(&in_cargo_home.to_string_lossy(), &["--version"])
    });
    match found {
        Some(text) if text.split_whitespace().any(|word| word == version) => {
            skip(&format!("{text} is installed"));
            Ok(())
        }
        other => {
            if let Some(text) = other {
                println!("  found {text}, need {version}");
            }
            run(Command::new("cargo").args(install_args))
        }
    }
}

/// The version of `package` that Cargo.lock pins.
pub fn locked_version(package: &str) -> Result<String, String> {
    let lock = std::fs::read_to_string(workspace_root().join("Cargo.lock")).map_err(|error| format!("cannot read Cargo.lock: {error}"))?;
    let needle = format!("name = \"{package}\"\nversion = \"");
    let start = lock.find(&needle).ok_or_else(|| format!("Cargo.lock has no package {package}"))? + needle.len();
    let end = lock[start..].find('"').ok_or("Cargo.lock is malformed")?;
    Ok(lock[start..start + end].to_owned())
}

/// PATH with the project's npm tools and cargo's binaries first.
fn tool_path() -> std::ffi::OsString {
    let mut folders = vec![workspace_root().join("tools/node_modules/.bin"), cargo_bin()];
    if let Some(path) = std::env::var_os("PATH") {
        folders.extend(std::env::split_paths(&path));
    }
    std::env::join_paths(folders).expect("PATH folders have no separators")
}

fn cargo_bin() -> PathBuf {
    let home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| Path::new(&home).join(".cargo")))
        .unwrap_or_else(|| PathBuf::from(".cargo"));
    home.join("bin")
}

/// Whether `file` exists and was changed no earlier than `than`.
fn is_newer(file: &Path, than: &Path) -> bool {
    let modified = |path: &Path| path.metadata().and_then(|meta| meta.modified()).ok();
    match (modified(file), modified(than)) {
        (Some(file), Some(than)) => file >= than,
        _ => false,
    }
}

fn step(name: &str) {
    println!("==> {name}");
}

fn skip(reason: &str) {
    println!("  {reason}, skipped");
}
