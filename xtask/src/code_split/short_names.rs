//! Short names for what wasm-bindgen's JavaScript and the first module call each other: the
//! module's imports (named after a Rust function and a hash, such as
//! `__wbg_setAttribute_2704501201f15687`) and the exports the JavaScript calls (such as
//! `wasm_bindgen_…___convert__closures_____invoke…`). The first load carries each name twice, in
//! the module and in the JavaScript, and the hashes do not compress.

use std::collections::HashSet;

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
        let calls = calls_of(&glue, &export.name);
        // Only a name that the glue says nowhere else (`wasm?.name`, say) is renamed.
        if calls.is_empty() || calls.len() != mentions_of(&glue, &export.name).len() {
            continue;
        }
        let short = names.next().expect("endless");
        for &at in calls.iter().rev() {
            glue.replace_range(at + "wasm.".len()..at + "wasm.".len() + export.name.len(), &short);
        }
        export.name = short;
    }
    Ok((module.emit_wasm(), glue))
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
    fn fails_on_an_import_the_glue_does_not_name() {
        let error = shorten(&module(), &GLUE.replace("_2704501201f15687: function", "_0000: function"), "./app_bg.js").unwrap_err();
        assert!(error.contains("__wbg_setAttribute_2704501201f15687"), "{error}");
    }

    #[test]
    fn short_names_count_in_base_62() {
        assert_eq!([0, 9, 10, 61, 62, 3843].map(short_name), ["_0", "_9", "_a", "_Z", "_10", "_ZZ"]);
    }
}
