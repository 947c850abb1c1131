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

/// Rewrites each page of the release build in `dist`: `index.html`, and `404.html`, its copy for
/// static hosts (`Trunk.toml`), where the build has one. `rewrite` gets the page's name and text.
pub fn rewrite_pages(dist: &std::path::Path, mut rewrite: impl FnMut(&str, String) -> Result<String, String>) -> Result<(), String> {
    for page in ["index.html", "404.html"] {
        let path = dist.join(page);
        if !path.exists() {
            continue;
        }
        let html = std::fs::read_to_string(&path).map_err(|error| format!("{}: {error}", path.display()))?;
        let html = rewrite(page, html)?;
        std::fs::write(&path, html).map_err(|error| format!("{}: {error}", path.display()))?;
    }
    Ok(())
}

/// The standard library compiled with the app, where a panic stops the app at once: without the
/// formatting and the file names of panic messages, the wasm is 6% smaller (cargo's unstable
/// build-std, which RUSTC_BOOTSTRAP opens to the stable compiler).
pub const OWN_STD_ENV: [(&str, &str); 3] = [
    ("RUSTC_BOOTSTRAP", "1"),
    ("CARGO_UNSTABLE_BUILD_STD", "std,panic_abort"),
    ("RUSTFLAGS", "-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none"),
];

/// `trunk build --release --offline`: the app as served in production, into `dist/`, the
/// constant design tokens of its stylesheet written out (see [`crate::css_tokens`]), its wasm
/// split in two by what runs at the start (measured with a hub of `hub_binary`, see
/// [`crate::code_split`]), with its hashed files also compressed (see [`precompress`]).
pub fn app_release(tools: &BuildTools, hub_binary: &std::path::Path) -> Result<(), String> {
    println!("==> app (release build)");
    let dist = dist_folder();
    run(tools
        .command("trunk")
        .args(["build", "--release", "--offline", "--dist", &dist.display().to_string()])
        .envs(OWN_STD_ENV)
        .current_dir(workspace_root()))?;
    let dialogs = workspace_root().join("style/dialogs.css");
    let dialogs = std::fs::read_to_string(&dialogs).map_err(|error| format!("{}: {error}", dialogs.display()))?;
    crate::css_tokens::write_out(&dist, &[&dialogs])?;
    crate::code_split::split_release(&dist, hub_binary, tools)?;
    precompress(&dist)
}

/// The parameters that `index.html` gives Trunk's `wasm-opt` (`data-wasm-opt-params`), for a
/// copy of the wasm made the same way.
pub fn trunk_wasm_opt_params() -> Result<Vec<String>, String> {
    let page = workspace_root().join("index.html");
    let html = std::fs::read_to_string(&page).map_err(|error| format!("{}: {error}", page.display()))?;
    Ok(wasm_opt_params_of(&html))
}

fn wasm_opt_params_of(html: &str) -> Vec<String> {
    let attribute = "data-wasm-opt-params=\"";
    html.split_once(attribute)
        .and_then(|(_, after)| after.split_once('"'))
        .map(|(params, _)| params.split_whitespace().map(str::to_owned).collect())
        .unwrap_or_default()
}

/// Writes `NAME.br` (brotli 11) and `NAME.gz` (gzip 9) beside each content-hashed file of
/// `dist` (wasm, js, css, icon), which the hub (and nginx's `brotli_static`/`gzip_static`)
/// serve as they are: smaller than compressing on the fly, and no work per request. Only hashed
/// files: their names change with their content, so a compressed copy is never stale.
pub fn precompress(dist: &std::path::Path) -> Result<(), String> {
    for entry in std::fs::read_dir(dist).map_err(|error| format!("{}: {error}", dist.display()))? {
        let path = entry.map_err(|error| error.to_string())?.path();
        let name = path.file_name().and_then(|name| name.to_str()).unwrap_or_default();
        if !is_content_hashed(name) || name.ends_with(".br") || name.ends_with(".gz") {
            continue;
        }
        let bytes = std::fs::read(&path).map_err(|error| format!("{}: {error}", path.display()))?;
        for (extension, compressed) in [("br", brotli_11(&bytes)), ("gz", gzip_9(&bytes))] {
            let target = dist.join(format!("{name}.{extension}"));
            std::fs::write(&target, compressed).map_err(|error| format!("{}: {error}", target.display()))?;
        }
    }
    Ok(())
}

/// `bytes` compressed as the build ships them and the size benchmark measures them: brotli at
/// quality 11, in input blocks of 64 KiB (`lgblock` 16; the encoder's own choice at quality 11
/// is 256 KiB): on the app's wasm 0.1 to 1 KiB smaller, and steadier, as a change of a few
/// hundred bytes in the wasm no longer moves its compressed size by a kilobyte.
pub fn brotli_11(bytes: &[u8]) -> Vec<u8> {
    let mut output = Vec::new();
    let params = brotli::enc::BrotliEncoderParams { quality: 11, lgblock: 16, ..Default::default() };
    brotli::BrotliCompress(&mut &bytes[..], &mut output, &params).expect("writing to memory");
    output
}

/// Whether `file` of the release build in `dist` is part of the first load: the page and what
/// it links (js, wasm, css, icon), not the rest of the code that comes after the first page.
/// German users fetch their texts too; English users must not.
pub fn is_first_load(dist: &std::path::Path, file: &std::path::Path) -> bool {
    let name = file.file_name().and_then(|name| name.to_str()).unwrap_or_default();
    file.parent() == Some(dist)
        && !crate::code_split::is_rest(name)
        && (name == "index.html" || [".js", ".wasm", ".css", ".svg"].iter().any(|extension| name.ends_with(extension)))
}

/// The first load in English of the release build in `dist`, brotli 11, in bytes.
pub fn first_load_brotli(dist: &std::path::Path) -> Result<usize, String> {
    let entries = std::fs::read_dir(dist).map_err(|error| format!("cannot read {}: {error}", dist.display()))?;
    let mut total = 0;
    for file in entries.flatten().map(|entry| entry.path()).filter(|file| is_first_load(dist, file)) {
        total += brotli_11(&std::fs::read(&file).map_err(|error| format!("cannot read {}: {error}", file.display()))?).len();
    }
    Ok(total)
}

/// `bytes` compressed with gzip at level 9.
pub fn gzip_9(bytes: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(bytes).expect("writing to memory");
    encoder.finish().expect("writing to memory")
}

/// Trunk's content-hashed names: `name-<hash>` and then `.js`, `_bg.wasm`, `.wasm`, `.css` or
/// `.svg`, the hash a 64-bit number in lowercase hex without leading zeros: 15 digits in one
/// build of 16; under 14 (a UUID's last part has 12) in one of 4,096, which only goes without
/// the compressed copies and the long caching. A twin of the hub's
/// `is_hashed_file` (`crates/hub/src/web.rs`), which decides what it may cache for good.
fn is_content_hashed(name: &str) -> bool {
    name.match_indices('-').any(|(at, _)| {
        let rest = &name.as_bytes()[at + 1..];
        let digits = rest.iter().take_while(|byte| byte.is_ascii_digit() || (b'a'..=b'f').contains(byte)).count();
        let after = &rest[digits..];
        (14..=16).contains(&digits) && [&b".js"[..], b"_bg.wasm", b".wasm", b".css", b".svg"].contains(&after)
    })
}

/// The app's German texts, loaded at start for German users.
pub const GERMAN_TEXTS: &str = "i18n/de.json";
/// The German texts of the credentials engine's findings, loaded after the first page.
const GERMAN_FINDINGS: &str = "i18n/de-findings.json";
const GERMAN_CATALOGS: [&str; 2] = [GERMAN_TEXTS, GERMAN_FINDINGS];

/// The English first load carries no German text: the German texts (`GERMAN_CATALOGS`) are
/// loaded only for German users. Fails if a German translation of 16 or more bytes that differs
/// from its English text is in the app's wasm or JavaScript.
pub fn check_german_stays_out_of_the_first_load(dist: &std::path::Path) -> Result<(), String> {
    let mut catalog = std::collections::BTreeMap::<String, String>::new();
    for name in GERMAN_CATALOGS {
        let text = std::fs::read_to_string(dist.join(name)).map_err(|error| format!("dist/{name}: {error}"))?;
        catalog.extend(serde_json::from_str::<std::collections::BTreeMap<String, String>>(&text).map_err(|error| format!("dist/{name}: {error}"))?);
    }
    let german: Vec<&str> =
        catalog.iter().filter(|(english, german)| german.len() >= 16 && english != german).map(|(_, german)| german.as_str()).collect();
    for entry in std::fs::read_dir(dist).map_err(|error| error.to_string())? {
        let path = entry.map_err(|error| error.to_string())?.path();
        if !path.extension().is_some_and(|extension| extension == "wasm" || extension == "js") {
            continue;
        }
        let bytes = std::fs::read(&path).map_err(|error| error.to_string())?;
        if let Some(found) = german.iter().find(|text| bytes.windows(text.len()).any(|window| window == text.as_bytes())) {
            return Err(format!("{} holds the German text {found:?}: German belongs in i18n/ only", path.display()));
        }
    }
    println!("==> the first load holds none of the {} German texts", german.len());
    Ok(())
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_load_is_the_page_and_what_it_links() {
        let dist = std::path::Path::new("/dist");
        for file in ["index.html", "app-1a2b.js", "app-1a2b_bg.wasm", "style-1a2b.css"] {
            assert!(is_first_load(dist, &dist.join(file)), "{file}");
        }
        for file in ["404.html", "i18n/de.json", "app-1a2b_bg.wasm.br", "app-1a2b.js.gz", "app-rest-1a2b.wasm"] {
            assert!(!is_first_load(dist, &dist.join(file)), "{file}");
        }
    }

    #[test]
    fn reads_the_parameters_index_html_gives_wasm_opt() {
        let link = r#"<link data-trunk rel="rust" data-wasm-opt="z" data-wasm-opt-params="-ocimfs 0  --x">"#;
        assert_eq!(wasm_opt_params_of(link), ["-ocimfs", "0", "--x"]);
        assert!(wasm_opt_params_of(r#"<link data-trunk rel="rust" data-wasm-opt="z">"#).is_empty());
        let page = std::fs::read_to_string(workspace_root().join("index.html")).expect("the app's page");
        assert_eq!(wasm_opt_params_of(&page), ["-ocimfs", "0", "--low-memory-unused"], "the build's own, which the code split relies on");
    }

    #[test]
    fn knows_trunks_hashed_names() {
        assert!(is_content_hashed("portal-connections-4a108d2c3bae6e67_bg.wasm"));
        assert!(is_content_hashed("main-7d222bf532d009ad.css"));
        assert!(is_content_hashed("portal-connections-388fa3aed924938_bg.wasm"), "a hash with a leading zero left out");
        assert!(!is_content_hashed("portal-connections-e17cc5af96be01da0_bg.wasm"), "17 digits");
        assert!(!is_content_hashed("feed-bad.css"), "a word of hex letters");
        assert!(!is_content_hashed("export-1700000000000.json"), "a timestamp, and not one of Trunk's kinds of file");
        assert!(!is_content_hashed("report-123e4567-e89b-12d3-a456-426614174000.js"), "a UUID");
        assert!(!is_content_hashed("index.html"));
        assert!(!is_content_hashed("404.html"));
        assert!(!is_content_hashed("de.json"));
    }

    /// `trunk serve` and the hub of `cargo xtask run` run side by side: another port, and the
    /// development build never in the `dist/` the hub serves.
    #[test]
    fn trunk_serve_keeps_off_the_hubs_port_and_dist() {
        let config = std::fs::read_to_string(workspace_root().join("Trunk.toml")).unwrap();
        let value = |key: &str| {
            config.lines().find_map(|line| line.trim().strip_prefix(key)?.trim().strip_prefix('=').map(|value| value.trim().trim_matches('"').to_owned()))
        };
        assert_eq!(value("port").as_deref(), Some("8081"), "the hub listens on 8080");
        let serve_dist = value("dist").expect("a dist for trunk serve");
        assert_ne!(workspace_root().join(serve_dist), dist_folder());
    }
}
