//! The release build's wasm in two modules: what the app runs to show its first page, and the
//! rest, which it loads once that page shows. The first load is then about half the code.
//!
//! 1. `profile`: which functions ran while the app started, in Chromium, the ways users start it.
//! 2. `modules`: the module split in two by that (the rest reached through stubs), and `data`:
//!    the data only the rest uses moves with it.
//! 3. `glue`: wasm-bindgen's JavaScript taught to load the rest (`loader.js`).
//! 4. `short_names`: short names for the first module's imports and the exports that this
//!    JavaScript calls, and, once the first module is optimised, for what the rest imports from it.
//! 5. here: both optimised again, their functions in the order that compresses best (`order`),
//!    the JavaScript minified (terser) and marked to be compiled as it loads, named by their
//!    content, and `index.html` pointed at them.

mod binary;
mod data;
mod glue;
mod modules;
mod order;
mod profile;
mod short_names;

use std::path::Path;

use base64::Engine;
use sha2::Digest;

use crate::setup::BuildTools;

/// Whether `file` (a name in the release build) is the rest of the app's code, loaded after the
/// first page shows.
pub fn is_rest(file: &str) -> bool {
    file.contains("-rest-") && file.ends_with(".wasm")
}

/// Splits the app in the release build in `dist` (Trunk's output), measuring its start with a
/// hub of `hub_binary`.
pub fn split_release(dist: &Path, hub_binary: &Path, tools: &BuildTools) -> Result<(), String> {
    println!("==> code split: what the app runs at the start, and the rest");
    let wasm_name = only_file(dist, "_bg.wasm")?;
    let stem = wasm_name.strip_suffix("_bg.wasm").expect("named so");
    let app = stem.rsplit_once('-').map_or(stem, |(app, _)| app).to_owned();
    let js_name = format!("{stem}.js");
    let wasm = read(&dist.join(&wasm_name))?;
    let glue = String::from_utf8(read(&dist.join(&js_name))?).map_err(|_| format!("{js_name} is not UTF-8"))?;

    let ran = profile::functions_run_at_start(dist, hub_binary)?;
    let split = modules::split(&wasm, &ran)?;
    let glue = glue::with_rest(&glue)?;
    let (first, glue) = short_names::shorten(&split.first, &glue, &format!("./{app}_bg.js"))?;
    let first = optimise(&first, tools)?;
    // Named in the order of the first module's final indices, which wasm-opt has just chosen.
    let (first, rest) = short_names::shorten_links(&first, &split.rest)?;
    let first = binary::without_custom_sections(&first)?;
    let rest = optimise(&rest, tools)?;
    let rest_name = format!("{app}-rest-{}.wasm", content_hash(&rest));
    debug_assert!(is_rest(&rest_name));
    let glue = compiled_at_load(&minify(&glue::name_rest(&glue, &rest_name)?, tools)?);
    let first_name = format!("{app}-{}_bg.wasm", content_hash(&first));
    let new_js_name = format!("{app}-{}.js", content_hash(glue.as_bytes()));
    write(&dist.join(&first_name), &first)?;
    write(&dist.join(&rest_name), &rest)?;
    write(&dist.join(&new_js_name), glue.as_bytes())?;
    for old in [&wasm_name, &js_name] {
        std::fs::remove_file(dist.join(old)).map_err(|error| format!("{old}: {error}"))?;
    }
    crate::build::rewrite_pages(dist, |_, html| {
        let html = html.replace(&wasm_name, &first_name).replace(&js_name, &new_js_name);
        let html = with_integrity(&html, &first_name, &first)?;
        with_integrity(&html, &new_js_name, glue.as_bytes())
    })?;
    write_first_functions(&split.kept, split.functions)?;
    let brotli = |bytes: &[u8]| crate::build::brotli_11(bytes).len() as f64 / 1024.0;
    println!(
        "    {} functions ran at the start, {} kept with them, {} moved to the rest with {:.1} KiB of their data: {:.1} KiB brotli at the start, {:.1} KiB later (was {:.1} KiB)",
        ran.len(),
        split.kept.len(),
        split.moved,
        split.moved_data as f64 / 1024.0,
        brotli(&first),
        brotli(&rest),
        brotli(&wasm)
    );
    Ok(())
}

/// Where the last split says which functions the first module keeps: a line `functions N` (how
/// many the module Trunk built has), then their indices in it, one per line. For `cargo xtask
/// bench sizes`.
pub fn first_functions_file() -> std::path::PathBuf {
    crate::workspace_root().join("target/code-split/first-functions.txt")
}

fn write_first_functions(indices: &[u32], functions: usize) -> Result<(), String> {
    let path = first_functions_file();
    std::fs::create_dir_all(path.parent().expect("in a folder")).map_err(|error| error.to_string())?;
    let lines: String = std::iter::once(format!("functions {functions}\n")).chain(indices.iter().map(|index| format!("{index}\n"))).collect();
    write(&path, lines.as_bytes())
}

/// What `first_functions_file` says: how many functions the module had, and the first module's.
pub fn read_first_functions() -> Option<(usize, std::collections::HashSet<u32>)> {
    let text = std::fs::read_to_string(first_functions_file()).ok()?;
    let mut lines = text.lines();
    let functions = lines.next()?.strip_prefix("functions ")?.parse().ok()?;
    Some((functions, lines.map(str::parse).collect::<Result<_, _>>().ok()?))
}

/// The one file in `dist` whose name ends with `suffix`.
pub fn only_file(dist: &Path, suffix: &str) -> Result<String, String> {
    let names: Vec<String> = std::fs::read_dir(dist)
        .map_err(|error| format!("{}: {error}", dist.display()))?
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .filter(|name| name.ends_with(suffix))
        .collect();
    match &names[..] {
        [name] => Ok(name.clone()),
        _ => Err(format!("{} has {} files named *{suffix}, not one", dist.display(), names.len())),
    }
}

/// `wasm` through `wasm-opt` again, with the features the Rust compiler's wasm target uses, and
/// its functions put in the order that compresses best (`order`).
fn optimise(wasm: &[u8], tools: &BuildTools) -> Result<Vec<u8>, String> {
    let folder = tempfile::tempdir().map_err(|error| error.to_string())?;
    let (input, optimised, named, output) =
        (folder.path().join("in.wasm"), folder.path().join("optimised.wasm"), folder.path().join("named.wasm"), folder.path().join("out.wasm"));
    write(&input, wasm)?;
    // As index.html has Trunk run it, but inlining functions with one caller again: each module
    // now holds only its own. Then, twice, the control flow flattened and rebuilt by binaryen's
    // relooper and optimised twice more: 1.7 KiB and 0.1 KiB less brotli in the first module,
    // measured (a third time gained nothing). The stubs' names stay, for `order` to know them.
    let wasm_opt = |args: &[&str], from: &Path, to: &Path| {
        crate::process::run(tools.command("wasm-opt").args(args).args(FEATURES).arg(from).arg("-o").arg(to))
    };
    let relooped = ["--flatten", "--rereloop", "-Oz", "-Oz"];
    let passes: Vec<&str> = ["-Oz"].into_iter().chain(relooped).chain(relooped).chain(["--low-memory-unused", "--debuginfo"]).collect();
    wasm_opt(&passes, &input, &optimised)?;
    write(&named, &order::named_in_order(&read(&optimised)?)?)?;
    // Without --debuginfo: the names go. At -Oz's levels, for how the code is written out.
    wasm_opt(&["--reorder-functions-by-name", "--optimize-level=2", "--shrink-level=2"], &named, &output)?;
    read(&output)
}

/// `javascript` (an ES module) through terser: compressed, local names shortened.
fn minify(javascript: &str, tools: &BuildTools) -> Result<String, String> {
    let folder = tempfile::tempdir().map_err(|error| error.to_string())?;
    let (input, output) = (folder.path().join("in.js"), folder.path().join("out.js"));
    write(&input, javascript.as_bytes())?;
    crate::process::run(tools.command("terser").arg(&input).args(["--module", "--compress", "--mangle", "--ecma", "2020", "-o"]).arg(&output))?;
    String::from_utf8(read(&output)?).map_err(|_| "terser wrote no UTF-8".to_owned())
}

/// `javascript` marked for V8 (Chrome 136 on) to compile all of its functions as it loads,
/// instead of each on the main thread the first time it is called. This file is mostly the
/// functions through which the wasm calls the browser, and most of its 336 run early. Measured
/// in Chromium's traces, functions of the page compiled on the main thread before the first row:
/// 6 instead of 127; in the first Edit Credentials: 5 instead of 43. Other browsers read a comment.
fn compiled_at_load(javascript: &str) -> String {
    format!("//# allFunctionsCalledOnLoad\n{javascript}")
}

const FEATURES: [&str; 6] = [
    "--enable-bulk-memory",
    "--enable-reference-types",
    "--enable-nontrapping-float-to-int",
    "--enable-sign-ext",
    "--enable-mutable-globals",
    "--enable-multivalue",
];

/// A name for `bytes`: 16 hex digits of their SHA-256, in the form Trunk gives its files' names
/// (so that the hub and `precompress` treat them as content-hashed).
fn content_hash(bytes: &[u8]) -> String {
    let digest = sha2::Sha256::digest(bytes);
    digest[..8].iter().map(|byte| format!("{byte:02x}")).collect()
}

/// `html` with the `integrity` of the `<link>` to `file` made that of `bytes`.
fn with_integrity(html: &str, file: &str, bytes: &[u8]) -> Result<String, String> {
    let Some(link) = html.match_indices("<link").map(|(at, _)| at).find(|&at| html[at..].split('>').next().unwrap_or_default().contains(file)) else {
        return Ok(html.to_owned()); // no preload of it
    };
    let tag_end = link + html[link..].find('>').ok_or("a <link> without its end")?;
    let Some(start) = html[link..tag_end].find("sha384-").map(|at| link + at) else {
        return Ok(html.to_owned());
    };
    let end = start + html[start..tag_end].find(|c: char| c.is_whitespace() || c == '"' || c == '\'' || c == '>').unwrap_or(tag_end - start);
    let digest = base64::engine::general_purpose::STANDARD.encode(sha2::Sha384::digest(bytes));
    Ok(format!("{}sha384-{digest}{}", &html[..start], &html[end..]))
}

fn read(path: &Path) -> Result<Vec<u8>, String> {
    std::fs::read(path).map_err(|error| format!("{}: {error}", path.display()))
}

fn write(path: &Path, bytes: &[u8]) -> Result<(), String> {
    std::fs::write(path, bytes).map_err(|error| format!("{}: {error}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renews_the_integrity_of_one_link() {
        let html = "<link crossorigin href=./a-1.js integrity=sha384-OLD rel=modulepreload><link as=fetch href=./a-1_bg.wasm integrity=sha384-OLD2 rel=preload>";
        let html = with_integrity(html, "a-1_bg.wasm", b"new").unwrap();
        let expected = base64::engine::general_purpose::STANDARD.encode(sha2::Sha384::digest(b"new"));
        assert_eq!(html, format!("<link crossorigin href=./a-1.js integrity=sha384-OLD rel=modulepreload><link as=fetch href=./a-1_bg.wasm integrity=sha384-{expected} rel=preload>"));
    }

    #[test]
    fn names_are_content_hashed_as_trunk_names_them() {
        assert_eq!(content_hash(b"abc").len(), 16);
        assert_ne!(content_hash(b"abc"), content_hash(b"abd"));
    }
}

