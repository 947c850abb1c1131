//! Where the app's wasm bytes go, by crate: the release build's code made again the way Trunk
//! makes it (wasm-bindgen, then `wasm-opt -Oz`), but keeping function names, then each function
//! body counted to the crate its name starts with.
//!
//! Generic code counts where it is defined, not where it is used: `reactive_graph` holds the
//! signals, memos and effects monomorphised for the app's own types, and `core` the drop glue
//! (`core::ptr::drop_in_place<T>`) and closure shims of every type.

use std::collections::BTreeMap;
use std::path::Path;

use wasmparser::{KnownCustom, Name, Parser, Payload, TypeRef};

use crate::process::run;
use crate::setup::BuildTools;
use crate::workspace_root;

/// Bytes of one part of the wasm.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Share {
    pub bytes: usize,
    pub functions: usize,
}

/// The code of each crate, the data (strings and tables), and everything else.
#[derive(Debug, Default)]
pub struct Breakdown {
    pub by_crate: BTreeMap<String, Share>,
    pub data: usize,
    /// Section headers, types, imports, exports, the function table.
    pub rest: usize,
    /// Functions in the module, imported ones counted.
    pub functions: usize,
}

impl Breakdown {
    /// All bytes but the names section: the size of the wasm as shipped.
    pub fn total(&self) -> usize {
        self.by_crate.values().map(|share| share.bytes).sum::<usize>() + self.data + self.rest
    }
}

/// Builds the named copy of the release wasm that `trunk build --release` compiled last, in
/// `target/wasm-bytes/`, and breaks it down: the copy and its breakdown.
pub fn release_breakdown(tools: &BuildTools) -> Result<(Vec<u8>, Breakdown), String> {
    let root = workspace_root();
    let compiled = root.join("target/wasm32-unknown-unknown/release/portal-connections.wasm");
    let folder = root.join("target/wasm-bytes");
    run(tools
        .command("wasm-bindgen")
        .args(["--target", "web", "--out-dir"])
        .arg(&folder)
        .arg(&compiled))?;
    let named = folder.join("named.wasm");
    // As Trunk runs it (index.html's `data-wasm-opt="z"` and its parameters), plus the names.
    run(tools
        .command("wasm-opt")
        .arg("-Oz")
        .args(crate::build::trunk_wasm_opt_params()?)
        .args(["--debuginfo", "--output"])
        .arg(&named)
        .arg(folder.join("portal-connections_bg.wasm")))?;
    let bytes = std::fs::read(&named).map_err(|error| format!("cannot read {}: {error}", named.display()))?;
    let breakdown = breakdown(&bytes)?;
    Ok((bytes, breakdown))
}

/// Counts each function body of `wasm` to the crate of its name.
pub fn breakdown(wasm: &[u8]) -> Result<Breakdown, String> {
    breakdown_of(wasm, &|_| true)
}

/// Like `breakdown`, counting to the crates only the functions whose index `counts` (the data
/// and the rest are the whole module's).
pub fn breakdown_of(wasm: &[u8], counts: &dyn Fn(u32) -> bool) -> Result<Breakdown, String> {
    let mut result = Breakdown::default();
    let mut imported_functions = 0u32;
    let mut bodies: Vec<(u32, usize)> = Vec::new();
    let mut names: BTreeMap<u32, String> = BTreeMap::new();
    let mut names_section = 0usize;
    for payload in Parser::new(0).parse_all(wasm) {
        let payload = payload.map_err(|error| format!("not a wasm module: {error}"))?;
        match payload {
            Payload::ImportSection(imports) => {
                for import in imports.into_imports() {
                    let import = import.map_err(|error| error.to_string())?;
                    if matches!(import.ty, TypeRef::Func(_) | TypeRef::FuncExact(_)) {
                        imported_functions += 1;
                    }
                }
            }
            Payload::CodeSectionEntry(body) => {
                let index = imported_functions + bodies.len() as u32;
                bodies.push((index, span(body.range())));
            }
            Payload::DataSection(data) => result.data += span(data.range()),
            Payload::CustomSection(custom) => {
                if let KnownCustom::Name(reader) = custom.as_known() {
                    // The section's id byte and its size before its contents.
                    let contents = span(custom.range());
                    names_section += 1 + leb128_length(contents) + contents;
                    for name in reader {
                        if let Ok(Name::Function(map)) = name {
                            for naming in map.into_iter().flatten() {
                                names.insert(naming.index, naming.name.to_owned());
                            }
                        }
                    }
                }
            }
            _ => {}
        }
    }
    let counted = bodies.iter().map(|(_, bytes)| bytes).sum::<usize>() + result.data + names_section;
    result.rest = wasm.len().saturating_sub(counted);
    result.functions = imported_functions as usize + bodies.len();
    for (index, bytes) in bodies.into_iter().filter(|&(index, _)| counts(index)) {
        let crate_name = names.get(&index).map_or_else(|| "(unnamed)".to_owned(), |name| crate_of(name));
        let share = result.by_crate.entry(crate_name).or_default();
        share.bytes += bytes;
        share.functions += 1;
    }
    Ok(result)
}

/// The length of a range of the module's bytes.
fn span<T: TryInto<usize>>(range: std::ops::Range<T>) -> usize {
    let (start, end) = (range.start.try_into().unwrap_or(0), range.end.try_into().unwrap_or(0));
    end.saturating_sub(start)
}

/// How many bytes the unsigned LEB128 encoding of `value` takes.
fn leb128_length(mut value: usize) -> usize {
    let mut length = 1;
    while value >= 0x80 {
        value >>= 7;
        length += 1;
    }
    length
}

/// The crate a (mangled or plain) function name belongs to: its path's first segment, or for
/// `<T as Trait>::f` the type's crate if it is a path (`<reactive_graph::X<T> as core::…>` is
/// `reactive_graph`), else the trait's (`<T as tachys::view::IntoAny>` is `tachys`).
fn crate_of(name: &str) -> String {
    let demangled = format!("{:#}", rustc_demangle::demangle(name));
    let subject = demangled.trim_start_matches('<');
    let (subject, implemented) = match subject.split_once(" as ") {
        Some((subject, implemented)) => (subject, Some(implemented)),
        None => (subject, None),
    };
    path_crate(subject).or_else(|| implemented.and_then(path_crate)).unwrap_or_else(|| "(other)".to_owned())
}

/// The first segment of the path `text` starts with (behind `&`, `mut`, tuple and slice
/// brackets), if it is a crate's name.
fn path_crate(text: &str) -> Option<String> {
    let mut text = text.trim_start_matches(['&', '(', '[', '*', '<']);
    for prefix in ["mut ", "const ", "dyn "] {
        text = text.strip_prefix(prefix).unwrap_or(text);
    }
    // A crate name: letters, digits and underscores only (a disambiguator `[…]` aside).
    let candidate = text[..text.find("::")?].split('[').next()?;
    let is_name = !candidate.is_empty() && candidate.chars().all(|character| character.is_ascii_alphanumeric() || character == '_');
    is_name.then(|| candidate.to_owned())
}

/// Prints the breakdown: the crates with the most code first, then data and the rest.
pub fn print(breakdown: &Breakdown, shipped: Option<&Path>) {
    let total = breakdown.total();
    let share = |bytes: usize| format!("{:.1}%", 100.0 * bytes as f64 / total.max(1) as f64);
    println!("\nwhere the wasm's bytes go (raw, after wasm-opt -Oz; generic code counts to the crate that defines it):");
    println!("{:<32} {:>12} {:>8} {:>10}", "crate", "code", "share", "functions");
    let crates = largest_first(breakdown);
    let (shown, others) = crates.split_at(crates.len().min(16));
    for (name, part) in shown {
        println!("{name:<32} {:>12} {:>8} {:>10}", kib(part.bytes), share(part.bytes), part.functions);
    }
    let others_bytes: usize = others.iter().map(|(_, part)| part.bytes).sum();
    let others_functions: usize = others.iter().map(|(_, part)| part.functions).sum();
    println!("{:<32} {:>12} {:>8} {:>10}", format!("{} other crates", others.len()), kib(others_bytes), share(others_bytes), others_functions);
    println!("{:<32} {:>12} {:>8}", "data (strings, tables)", kib(breakdown.data), share(breakdown.data));
    println!("{:<32} {:>12} {:>8}", "types, imports, exports, table", kib(breakdown.rest), share(breakdown.rest));
    let ours: usize = ["portal_connections", "credentials", "contract"]
        .iter()
        .filter_map(|name| breakdown.by_crate.get(*name))
        .map(|part| part.bytes)
        .sum();
    println!("{:<32} {:>12} {:>8}", "total", kib(total), "");
    println!("of which this workspace's crates (portal_connections, credentials, contract): {} ({})", kib(ours), share(ours));
    if let Some(shipped) = shipped.and_then(|path| std::fs::metadata(path).ok()) {
        println!("(the shipped wasm, names stripped: {})", kib(shipped.len() as usize));
    }
}

/// Prints the code of the first load (`first`, the functions the release build's first module
/// keeps) by crate, beside each crate's code in all.
pub fn print_first(whole: &Breakdown, first: &Breakdown) {
    let code: usize = first.by_crate.values().map(|share| share.bytes).sum();
    println!("\nthe first load's code: what the first module keeps ({}, raw), by crate:", kib(code));
    println!("{:<32} {:>12} {:>10} {:>12}", "crate", "at the start", "functions", "of all");
    for (name, part) in largest_first(first).into_iter().take(12) {
        let all = whole.by_crate.get(name).map_or(0, |share| share.bytes);
        println!("{name:<32} {:>12} {:>10} {:>12}", kib(part.bytes), part.functions, kib(all));
    }
}

/// The crates of `breakdown`, the most code first.
fn largest_first(breakdown: &Breakdown) -> Vec<(&String, &Share)> {
    let mut crates: Vec<(&String, &Share)> = breakdown.by_crate.iter().collect();
    crates.sort_by(|a, b| b.1.bytes.cmp(&a.1.bytes).then(a.0.cmp(b.0)));
    crates
}

/// `bytes` in KiB, as the benchmarks print sizes.
pub fn kib(bytes: usize) -> String {
    format!("{:.1} KiB", bytes as f64 / 1024.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_count_to_the_crate_they_start_with() {
        assert_eq!(crate_of("_ZN14reactive_graph8computed4memo4Memo3new17h0123456789abcdefE"), "reactive_graph");
        assert_eq!(crate_of("<reactive_graph::computed::ScopedFuture<Fut> as core::future::future::Future>::poll::h00"), "reactive_graph");
        assert_eq!(crate_of("core::ptr::drop_in_place<portal_connections::api::Page>::h00"), "core");
        assert_eq!(crate_of("<dlmalloc[e24a27700634d609]::dlmalloc::Dlmalloc<A>>::malloc"), "dlmalloc");
        assert_eq!(crate_of("<T as tachys::view::any_view::IntoAny>::into_any::build::h00"), "tachys");
        assert_eq!(crate_of("<&mut serde_json::de::Deserializer<R> as serde_core::de::Deserializer>::deserialize_seq"), "serde_json");
        assert_eq!(crate_of("<str as core::fmt::Debug>::fmt"), "core");
        assert_eq!(crate_of("memcpy"), "(other)");
    }

    #[test]
    fn a_module_is_counted_whole() {
        // (module (func $a) (func $b (drop (i32.const 1))) (data (i32.const 0) "hi")), with names.
        let wasm = [
            0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, // magic, version
            0x01, 0x04, 0x01, 0x60, 0x00, 0x00, // types: () -> ()
            0x03, 0x03, 0x02, 0x00, 0x00, // functions: two of type 0
            0x05, 0x03, 0x01, 0x00, 0x01, // memory: one page
            0x0a, 0x0a, 0x02, 0x02, 0x00, 0x0b, 0x05, 0x00, 0x41, 0x01, 0x1a, 0x0b, // code
            0x0b, 0x08, 0x01, 0x00, 0x41, 0x00, 0x0b, 0x02, b'h', b'i', // data
            0x00, 0x1a, 0x04, b'n', b'a', b'm', b'e', 0x01, 0x13, 0x02, // names: function names, two
            0x00, 0x07, b'a', b'p', b'p', b':', b':', b'a', b'1', // 0: app::a1
            0x01, 0x07, b'l', b'i', b'b', b':', b':', b'b', b'2', // 1: lib::b2
        ];
        let found = breakdown(&wasm).unwrap();
        assert_eq!(found.by_crate["app"], Share { bytes: 2, functions: 1 });
        assert_eq!(found.by_crate["lib"], Share { bytes: 5, functions: 1 });
        assert_eq!(found.data, 8);
        assert_eq!(found.total(), wasm.len() - 28, "all but the names section");
        assert_eq!(found.functions, 2);
        let second = breakdown_of(&wasm, &|index| index == 1).unwrap();
        assert_eq!(second.by_crate.keys().collect::<Vec<_>>(), ["lib"], "only the functions asked for");
    }
}
