//! Short names for what wasm-bindgen's JavaScript and the first module call each other: the
//! module's imports (named after a Rust function and a hash, such as
//! `__wbg_setAttribute_2704501201f15687`) and the exports the JavaScript calls (such as
//! `wasm_bindgen_…___convert__closures_____invoke…`). The first load carries each name twice, in
//! the module and in the JavaScript, and the hashes do not compress.
//!
//! And short names for what the rest of the code imports from the first module: the first
//! module's exports of them, a thousand, come in the order of the items' indices, so that the
//! section compresses well (half a KiB less brotli than the split's own names).

use std::collections::{HashMap, HashSet};

use super::binary;
use super::modules::FIRST_MODULE;

/// `first` (the first module) and `glue` (wasm-bindgen's JavaScript for it, with the loader)
/// with the imports from `js_module` and the exports the glue calls renamed `_0`, `_1`,
/// … alike in both. Fails if the glue does not name one of them as wasm-bindgen does, or if a
/// short name is taken.
pub fn shorten(first: &[u8], glue: &str, js_module: &str) -> Result<(Vec<u8>, String), String> {
    let mut module = super::modules::parse(first)?;
    let mut glue = glue.to_owned();
    let exported: HashSet<String> = module.exports.iter().map(|export| export.name.clone()).collect();
    let mut names = (0..).map(short_name).filter(|name| !exported.contains(name));

    for import in module.imports.iter_mut().filter(|import| import.module == js_module) {
        // A key of the object of imports, one per line.
        let key = |name: &str| format!("\n        {name}: function(");
        let short = names.next().expect("endless");
        glue = replace_once(&glue, &key(&import.name), &key(&short))?;
        import.name = short;
    }
    for export in module.exports.iter_mut() {
        let calls: HashSet<usize> = calls_of(&glue, &export.name).into_iter().map(|at| at + "wasm.".len()).collect();
        let mentions = mentions_of(&glue, &export.name);
        // Only a name that the glue says nowhere else (`wasm?.name`, say) is renamed, or else as
        // the name of the glue's own function that calls it (a closure's `invoke`), renamed too.
        if calls.is_empty() || !mentions.iter().all(|at| calls.contains(at) || is_local_function(&glue, *at)) {
            continue;
        }
        let short = names.next().expect("endless");
        for &at in mentions.iter().rev() {
            glue.replace_range(at..at + export.name.len(), &short);
        }
        export.name = short;
    }
    Ok((module.emit_wasm(), glue))
}

/// `first` (the first module, optimised: its indices are final) and `rest` (the rest of the
/// code) with each item that the rest imports from the first exported and imported as `0`, `1`,
/// … in the order of the items (functions, then tables, memories, globals and tags, each by
/// index), those exports last. Only the first module's export section changes: emitting it
/// anew would undo the order that `order` gave its functions (walrus orders them by size).
/// Fails if the first module does not export an item the rest imports.
pub fn shorten_links(first: &[u8], rest: &[u8]) -> Result<(Vec<u8>, Vec<u8>), String> {
    let mut rest = super::modules::parse(rest)?;
    let imported: HashSet<String> =
        rest.imports.iter().filter(|import| import.module == FIRST_MODULE).map(|import| import.name.clone()).collect();
    let mut sections = binary::sections(first)?;
    let exports_at = sections.iter().position(|section| section.id == EXPORT_SECTION).ok_or("the first module exports nothing")?;
    let exports = exports_of(sections[exports_at].contents)?;
    let (mut linked, unchanged): (Vec<Export>, Vec<Export>) = exports.into_iter().partition(|export| imported.contains(&export.name));
    // Functions, tables, memories, globals, tags: their kinds' codes in the binary format.
    linked.sort_by_key(|export| (export.kind, export.index));
    let taken: HashSet<String> = unchanged.iter().map(|export| export.name.clone()).collect();
    let mut names = (0..).map(link_name).filter(|name| !taken.contains(name));
    let mut renamed = HashMap::new();
    for export in &mut linked {
        let name = names.next().expect("endless");
        renamed.insert(std::mem::replace(&mut export.name, name.clone()), name);
    }
    for import in rest.imports.iter_mut().filter(|import| import.module == FIRST_MODULE) {
        import.name = renamed
            .get(&import.name)
            .ok_or_else(|| format!("the rest imports {} from the first module, which does not export it", import.name))?
            .clone();
    }
    let exports: Vec<Export> = unchanged.into_iter().chain(linked).collect();
    let export_section = export_section(&exports);
    sections[exports_at].contents = &export_section;
    Ok((binary::module(&sections), rest.emit_wasm()))
}

const EXPORT_SECTION: u8 = 7;

/// An entry of the export section: its name, the kind of item and the item's index.
struct Export {
    name: String,
    kind: u8,
    index: u64,
}

fn exports_of(section: &[u8]) -> Result<Vec<Export>, String> {
    let mut at = 0;
    let count = binary::read_leb(section, &mut at)?;
    let mut exports = Vec::new();
    for _ in 0..count {
        let length = binary::read_leb(section, &mut at)? as usize;
        let name = section.get(at..at + length).ok_or("an export's name runs past its section")?;
        let name = String::from_utf8(name.to_vec()).map_err(|_| "an export's name is not UTF-8")?;
        at += length;
        let kind = *section.get(at).ok_or("an export runs past its section")?;
        at += 1;
        let index = binary::read_leb(section, &mut at)?;
        exports.push(Export { name, kind, index });
    }
    Ok(exports)
}

fn export_section(exports: &[Export]) -> Vec<u8> {
    let mut section = Vec::new();
    binary::push_leb(&mut section, exports.len() as u64);
    for export in exports {
        binary::push_name(&mut section, &export.name);
        section.push(export.kind);
        binary::push_leb(&mut section, export.index);
    }
    section
}

/// A number in base 62 (`0`, … `Z`, `10`, …): no name that wasm-bindgen's JavaScript calls.
fn link_name(number: usize) -> String {
    short_name(number)[1..].to_owned()
}

/// `_` and a number in base 62: a valid JavaScript name that wasm-bindgen never gives.
fn short_name(number: usize) -> String {
    const DIGITS: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    let mut digits = Vec::new();
    let mut rest = number;
    loop {
        digits.push(DIGITS[rest % DIGITS.len()]);
        rest /= DIGITS.len();
        if rest == 0 {
            break;
        }
    }
    digits.push(b'_');
    digits.reverse();
    String::from_utf8(digits).expect("ASCII")
}

/// Where `glue` says `wasm.<name>`.
fn calls_of(glue: &str, name: &str) -> Vec<usize> {
    mentions_of(glue, &format!("wasm.{name}"))
}

/// Whether the name at `at` in `glue` is that of a function of the glue's own, not exported
/// from it: where it is declared (`function name(`), called (`return name(`) or passed
/// (`makeClosure(arg0, arg1, name)`).
fn is_local_function(glue: &str, at: usize) -> bool {
    let before = &glue[..at];
    (before.ends_with("function ") && !before.ends_with("export function ")) || before.ends_with("return ") || before.ends_with(", ") || before.ends_with('(')
}

/// Where `glue` says `word`, and not as part of a longer name.
fn mentions_of(glue: &str, word: &str) -> Vec<usize> {
    let is_name_char = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == '$';
    glue.match_indices(word)
        .map(|(at, _)| at)
        .filter(|&at| !glue[..at].ends_with(is_name_char) && !glue[at + word.len()..].starts_with(is_name_char))
        .collect()
}

fn replace_once(text: &str, from: &str, to: &str) -> Result<String, String> {
    match text.matches(from).count() {
        1 => Ok(text.replacen(from, to, 1)),
        count => Err(format!("wasm-bindgen's JavaScript has {count} copies of {from:?}, not one: update xtask's code_split")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use walrus::{FunctionBuilder, Module, ModuleConfig};

    const GLUE: &str = "function __wbg_get_imports() {\n    const import0 = {\n        __proto__: null,\n        __wbg_setAttribute_2704501201f15687: function(arg0) {\n            arg0.x = wasm.__wbindgen_malloc(1);\n        },\n    };\n}\nwasm.__wbindgen_malloc_extra; wasm.__wbindgen_start();\n";

    fn module() -> Vec<u8> {
        let mut module = Module::with_config(ModuleConfig::new());
        let ty = module.types.add(&[walrus::ValType::I32], &[]);
        module.add_import_func("./app_bg.js", "__wbg_setAttribute_2704501201f15687", ty);
        module.add_import_func("split", "load", ty);
        for name in ["__wbindgen_malloc", "__wbindgen_start", "_0", "f12"] {
            let mut function = FunctionBuilder::new(&mut module.types, &[], &[]);
            function.func_body();
            let id = function.finish(Vec::new(), &mut module.funcs);
            module.exports.add(name, id);
        }
        module.emit_wasm()
    }

    #[test]
    fn renames_imports_and_called_exports_alike_in_both() {
        let (wasm, glue) = shorten(&module(), GLUE, "./app_bg.js").unwrap();
        let module = super::super::modules::parse(&wasm).unwrap();
        let imports: Vec<(&str, &str)> = module.imports.iter().map(|import| (import.module.as_str(), import.name.as_str())).collect();
        // `_0` is taken by an export that the glue does not call.
        assert_eq!(imports, [("./app_bg.js", "_1"), ("split", "load")]);
        let exports: Vec<&str> = module.exports.iter().map(|export| export.name.as_str()).collect();
        assert_eq!(exports, ["_2", "_3", "_0", "f12"]);
        assert_eq!(
            glue,
            "function __wbg_get_imports() {\n    const import0 = {\n        __proto__: null,\n        _1: function(arg0) {\n            arg0.x = wasm._2(1);\n        },\n    };\n}\nwasm.__wbindgen_malloc_extra; wasm._3();\n"
        );
    }

    #[test]
    fn keeps_the_name_of_an_export_the_glue_also_names_otherwise() {
        let (wasm, glue) = shorten(&module(), &GLUE.replace("wasm.__wbindgen_start();", "wasm.__wbindgen_start(); wasm?.__wbindgen_start;"), "./app_bg.js").unwrap();
        let module = super::super::modules::parse(&wasm).unwrap();
        let exports: Vec<&str> = module.exports.iter().map(|export| export.name.as_str()).collect();
        assert_eq!(exports, ["_2", "__wbindgen_start", "_0", "f12"]);
        assert!(glue.contains("wasm.__wbindgen_start(); wasm?.__wbindgen_start;"), "{glue}");
    }

    #[test]
    fn renames_a_closures_invoke_with_the_glues_function_that_calls_it() {
        let glue = GLUE.replace(
            "wasm.__wbindgen_malloc_extra;",
            "const ret = makeClosure(arg0, arg1, __wbindgen_malloc);\nfunction __wbindgen_malloc(arg0) {\n    return wasm.__wbindgen_malloc(arg0);\n}\n",
        );
        let (wasm, glue) = shorten(&module(), &glue, "./app_bg.js").unwrap();
        let module = super::super::modules::parse(&wasm).unwrap();
        let exports: Vec<&str> = module.exports.iter().map(|export| export.name.as_str()).collect();
        assert_eq!(exports, ["_2", "_3", "_0", "f12"]);
        assert!(glue.contains("makeClosure(arg0, arg1, _2);\nfunction _2(arg0) {\n    return wasm._2(arg0);\n}"), "{glue}");
        assert!(!glue.contains("__wbindgen_malloc"), "{glue}");
    }

    #[test]
    fn keeps_the_name_of_an_export_the_glue_exports_a_function_of() {
        let glue = GLUE.replace("wasm.__wbindgen_start();", "wasm.__wbindgen_start();\nexport function __wbindgen_start() { wasm.__wbindgen_start(); }");
        let (wasm, glue) = shorten(&module(), &glue, "./app_bg.js").unwrap();
        let module = super::super::modules::parse(&wasm).unwrap();
        assert!(module.exports.iter().any(|export| export.name == "__wbindgen_start"));
        assert!(glue.contains("export function __wbindgen_start() { wasm.__wbindgen_start(); }"), "{glue}");
    }

    #[test]
    fn fails_on_an_import_the_glue_does_not_name() {
        let error = shorten(&module(), &GLUE.replace("_2704501201f15687: function", "_0000: function"), "./app_bg.js").unwrap_err();
        assert!(error.contains("__wbg_setAttribute_2704501201f15687"), "{error}");
    }

    #[test]
    fn names_what_the_rest_imports_in_the_order_of_the_first_modules_items() {
        use crate::code_split::modules::tests::{run_against_the_whole, sample};
        use walrus::ExportItem;
        let (wasm, ran) = sample();
        let split = crate::code_split::modules::split(&wasm, &ran).unwrap();
        let (first, rest) = shorten_links(&split.first, &split.rest).unwrap();
        run_against_the_whole(&wasm, &first, &rest);

        let (first, rest) = (super::super::modules::parse(&first).unwrap(), super::super::modules::parse(&rest).unwrap());
        let mut imported: Vec<&str> = rest.imports.iter().filter(|import| import.module == FIRST_MODULE).map(|import| import.name.as_str()).collect();
        imported.sort_unstable();
        let exports: Vec<(&str, ExportItem)> = first.exports.iter().map(|export| (export.name.as_str(), export.item)).collect();
        let linked: Vec<&str> = exports.iter().map(|&(name, _)| name).skip_while(|name| !imported.contains(name)).collect();
        assert_eq!(linked, ["0", "1", "2"], "last, in order: {exports:?}");
        assert_eq!(imported, linked);
        let kinds: Vec<&str> = exports[exports.len() - 3..]
            .iter()
            .map(|(_, item)| match item {
                ExportItem::Function(_) => "function",
                ExportItem::Table(_) => "table",
                ExportItem::Memory(_) => "memory",
                ExportItem::Global(_) => "global",
                ExportItem::Tag(_) => "tag",
            })
            .collect();
        // sum and twice moved together: the rest imports the split's table, the memory and the
        // count of sum's calls.
        assert_eq!(kinds, ["table", "memory", "global"], "{exports:?}");
    }

    #[test]
    fn fails_when_the_first_module_lacks_what_the_rest_imports() {
        let (wasm, ran) = crate::code_split::modules::tests::sample();
        let split = crate::code_split::modules::split(&wasm, &ran).unwrap();
        let mut rest = super::super::modules::parse(&split.rest).unwrap();
        let ty = rest.types.add(&[], &[]);
        rest.add_import_func(FIRST_MODULE, "f999", ty);
        let error = shorten_links(&split.first, &rest.emit_wasm()).unwrap_err();
        assert!(error.contains("f999"), "{error}");
    }

    #[test]
    fn short_names_count_in_base_62() {
        assert_eq!([0, 9, 10, 61, 62, 3843].map(short_name), ["_0", "_9", "_a", "_Z", "_10", "_ZZ"]);
    }
}
