//! wasm-bindgen's JavaScript for the first module: it gives the module the `split.load` import
//! and loads the rest (`loader.js`).

/// The loader, with `REST_FILE` for the rest's file name.
const LOADER: &str = include_str!("loader.js");

/// `glue` (wasm-bindgen's JavaScript, the version in Cargo.lock) made to load the rest, whose
/// file [`name_rest`] names once it is known. Fails if wasm-bindgen's code is not as expected.
pub fn with_rest(glue: &str) -> Result<String, String> {
    let mut glue = glue.to_owned();
    for (anchor, before, after) in [
        // The first module's imports: also how it loads the rest.
        ("\"./portal-connections_bg.js\": import0,\n", "", "        split: { load: restLoadNow },\n"),
        // Where the first module starts: the rest is instantiated first if it is already here,
        ("    wasm.__wbindgen_start();\n", "    restInstantiate();\n", ""),
        // and the start waits for it where the first page needs it.
        ("= await __wbg_load(await module_or_path, imports);\n", "", "    await restAtStart;\n"),
    ] {
        let found: Vec<usize> = glue.match_indices(anchor).map(|(at, _)| at).collect();
        let [at] = found[..] else {
            return Err(format!("wasm-bindgen's JavaScript has {} copies of {anchor:?}, not one: update xtask's code_split", found.len()));
        };
        glue.replace_range(at..at + anchor.len(), &format!("{before}{anchor}{after}"));
    }
    glue.push_str(LOADER);
    Ok(glue)
}

/// `glue` with the loader's `REST_FILE` the name of the rest's file, `rest_file`, beside it.
pub fn name_rest(glue: &str, rest_file: &str) -> Result<String, String> {
    match glue.matches("'REST_FILE'").count() {
        1 => Ok(glue.replace("'REST_FILE'", &format!("'{rest_file}'"))),
        count => Err(format!("the loader names the rest's file {count} times, not once")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const GLUE: &str = "function __wbg_get_imports() {\n    return {\n        __proto__: null,\n        \"./portal-connections_bg.js\": import0,\n    };\n}\nfunction __wbg_finalize_init(instance, module) {\n    wasm = instance.exports;\n    wasm.__wbindgen_start();\n    return wasm;\n}\nasync function __wbg_init_once(module_or_path) {\n    const { instance, module } = await __wbg_load(await module_or_path, imports);\n\n    return __wbg_finalize_init(instance, module);\n}\n";

    #[test]
    fn gives_the_import_the_start_and_the_loader() {
        let glue = name_rest(&with_rest(GLUE).unwrap(), "app-rest-1a2b3c4d5e6f7a8.wasm").unwrap();
        assert!(glue.contains("import0,\n        split: { load: restLoadNow },\n    };"), "{glue}");
        assert!(glue.contains("    restInstantiate();\n    wasm.__wbindgen_start();"), "{glue}");
        assert!(glue.contains("imports);\n    await restAtStart;\n\n    return __wbg_finalize_init(instance, module);"), "{glue}");
        assert!(glue.contains("new URL('app-rest-1a2b3c4d5e6f7a8.wasm', import.meta.url)"), "{glue}");
        assert!(!glue.contains("REST_FILE"));
    }

    #[test]
    fn fails_on_code_it_does_not_know() {
        let error = with_rest(&GLUE.replace("wasm.__wbindgen_start();", "wasm.start();")).unwrap_err();
        assert!(error.contains("__wbindgen_start"), "{error}");
    }
}
