//! The order of a module's functions, which brotli sees: like functions side by side compress
//! better. Measured on the app's two modules (brotli 11), against the order wasm-opt kept
//! (walrus's, largest first) and against ordering by name, size or type alone, the best was:
//! the module's own functions by type, then smallest first, and the split's stubs, all alike,
//! after them. In the build, the first module came out 2.1 KiB smaller, the rest 0.9 KiB.
//!
//! wasm-opt moves functions (and renumbers every call, table entry and export) by name only
//! (`--reorder-functions-by-name`), so the order is given as names.

use wasmparser::{KnownCustom, Name, Parser, Payload, TypeRef};

use super::binary::{self, Section, CUSTOM_SECTION};
use super::modules::STUB_NAME_PREFIX;

/// `wasm` with its custom sections replaced by a names section that names each of its own
/// functions by its place in the order (`000000`, `000001`, …), and its imported functions by
/// their index, which keeps them in their order too. Stubs are known by the names that `wasm`
/// gives them.
pub fn named_in_order(wasm: &[u8]) -> Result<Vec<u8>, String> {
    let mut imported = 0u32;
    let mut types = Vec::new();
    let mut sizes = Vec::new();
    let mut stubs = std::collections::HashSet::new();
    for payload in Parser::new(0).parse_all(wasm) {
        match payload.map_err(|error| format!("cannot read the wasm module: {error}"))? {
            Payload::ImportSection(imports) => {
                for import in imports.into_imports() {
                    let import = import.map_err(|error| error.to_string())?;
                    imported += u32::from(matches!(import.ty, TypeRef::Func(_)));
                }
            }
            Payload::FunctionSection(functions) => {
                for ty in functions {
                    types.push(ty.map_err(|error| error.to_string())?);
                }
            }
            Payload::CodeSectionEntry(body) => sizes.push(body.range().end - body.range().start),
            Payload::CustomSection(custom) => {
                if let KnownCustom::Name(names) = custom.as_known() {
                    for name in names {
                        if let Ok(Name::Function(map)) = name {
                            for naming in map.into_iter().flatten() {
                                if naming.name.starts_with(STUB_NAME_PREFIX) {
                                    stubs.insert(naming.index);
                                }
                            }
                        }
                    }
                }
            }
            _ => {}
        }
    }
    if types.len() != sizes.len() {
        return Err("the module's function and code sections disagree".into());
    }
    let mut order: Vec<u32> = (imported..imported + types.len() as u32).collect();
    order.sort_by_key(|&index| {
        let local = (index - imported) as usize;
        (stubs.contains(&index), types[local], sizes[local], index)
    });
    let mut ranks = vec![0; types.len()];
    for (rank, &index) in order.iter().enumerate() {
        ranks[(index - imported) as usize] = rank;
    }

    // The names section with its function names subsection (id 1): each function's index and
    // name, by index.
    let mut function_names = Vec::new();
    binary::push_leb(&mut function_names, u64::from(imported) + ranks.len() as u64);
    for index in 0..imported {
        binary::push_leb(&mut function_names, u64::from(index));
        binary::push_name(&mut function_names, &format!("import {index:06}"));
    }
    for (local, rank) in ranks.iter().enumerate() {
        binary::push_leb(&mut function_names, u64::from(imported) + local as u64);
        binary::push_name(&mut function_names, &format!("{rank:06}"));
    }
    let mut names = Vec::new();
    binary::push_name(&mut names, "name");
    names.push(1);
    binary::push_leb(&mut names, function_names.len() as u64);
    names.extend_from_slice(&function_names);

    let mut sections: Vec<Section<'_>> = binary::sections(wasm)?.into_iter().filter(|section| section.id != CUSTOM_SECTION).collect();
    sections.push(Section { id: CUSTOM_SECTION, contents: &names });
    Ok(binary::module(&sections))
}

#[cfg(test)]
mod tests {
    use super::*;
    use walrus::{FunctionBuilder, Module, ModuleConfig, ValType};

    /// The names `named_in_order` gives, by function index.
    fn names_of(wasm: &[u8]) -> Vec<(u32, String)> {
        let mut names = Vec::new();
        for payload in Parser::new(0).parse_all(wasm) {
            if let Payload::CustomSection(custom) = payload.unwrap() {
                if let KnownCustom::Name(reader) = custom.as_known() {
                    for name in reader {
                        if let Ok(Name::Function(map)) = name {
                            names.extend(map.into_iter().map(|naming| naming.unwrap()).map(|naming| (naming.index, naming.name.to_owned())));
                        }
                    }
                }
            }
        }
        names
    }

    #[test]
    fn orders_by_type_then_smallest_first_with_the_stubs_last() {
        let mut module = Module::with_config(ModuleConfig::new());
        let ty = module.types.add(&[], &[]);
        module.add_import_func("env", "imported", ty);
        // (name, takes an i32, instructions): emitted largest first, as walrus does.
        let functions = [("big", false, 9), ("stub", false, 1), ("small", false, 2), ("other type", true, 1)];
        for (name, takes_i32, instructions) in functions {
            let params: &[ValType] = if takes_i32 { &[ValType::I32] } else { &[] };
            let mut builder = FunctionBuilder::new(&mut module.types, params, &[]);
            let mut body = builder.func_body();
            for _ in 0..instructions {
                body.i32_const(1).drop();
            }
            let args = if takes_i32 { vec![module.locals.add(ValType::I32)] } else { Vec::new() };
            let id = builder.finish(args, &mut module.funcs);
            module.funcs.get_mut(id).name = Some(if name == "stub" { format!("{STUB_NAME_PREFIX} 0") } else { name.to_owned() });
            module.exports.add(name, id);
        }
        let wasm = module.emit_wasm();
        let by_index: std::collections::HashMap<u32, String> = names_of(&wasm).into_iter().collect();
        let ordered = named_in_order(&wasm).unwrap();
        assert!(wasmparser::Validator::new().validate_all(&ordered).is_ok());
        let mut renamed = names_of(&ordered);
        renamed.sort_by(|a, b| a.1.cmp(&b.1));
        let (imports, own): (Vec<_>, Vec<_>) = renamed.iter().partition(|(_, name)| name.starts_with("import"));
        assert_eq!(imports, [&(0, "import 000000".to_owned())]);
        let order: Vec<&str> = own.iter().map(|(index, _)| by_index[index].as_str()).collect();
        // The type of () -> () was added first, so it comes first.
        assert_eq!(order, ["small", "big", "other type", "split stub 0"]);
        assert_eq!(own.iter().map(|(_, name)| name.as_str()).collect::<Vec<_>>(), ["000000", "000001", "000002", "000003"]);
    }
}
