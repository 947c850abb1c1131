//! Splits one wasm module in two by what ran at the start: the first module keeps every
//! function that ran (and the small ones, and the allocator whole), the second holds the rest,
//! which the first loads when one of them is first called, or earlier (see `loader.js`).
//!
//! - In the first module each moved function keeps its index and type, and its body becomes a
//!   stub: if the second module is not there yet, call the import `split.load` (which
//!   instantiates it, synchronously), then call the moved function through `__split_table`.
//!   Calls, exports and function pointers (the indirect function table) all go through the stub,
//!   so nothing else in the module changes.
//! - The second module defines the moved functions, fills `__split_table` with them, and imports
//!   from the first (module `primary`) everything they use: functions as `f<index>`, globals as
//!   `g<index>`, tables as `t<index>` and memories as `m<index>` (indices of the original
//!   module), which the first exports under those names. The memory and its data stay with the
//!   first module.

use std::collections::{BTreeSet, HashSet};

use walrus::ir::{UnaryOp, Value, Visitor};
use walrus::{
    ConstExpr, ElementItems, ElementKind, ExportItem, FunctionBuilder, FunctionId, FunctionKind, GlobalId, GlobalKind,
    ImportKind, MemoryId, Module, ModuleConfig, RefType, TableId,
};

/// How the first module's stubs are named (`order` puts them together).
pub const STUB_NAME_PREFIX: &str = "split stub";

/// A moved function whose body has at most this many instructions costs more as a stub (and a
/// stub is all the first module would save): it stays.
const SMALLEST_MOVED: u64 = 12;

/// The two modules, and how many functions each defines.
pub struct SplitModules {
    pub first: Vec<u8>,
    pub rest: Vec<u8>,
    /// The functions the first module keeps with their code, by index in the module split,
    /// which has `functions` functions (imports counted).
    pub kept: Vec<u32>,
    pub functions: usize,
    pub moved: usize,
    /// Bytes of data moved with them.
    pub moved_data: usize,
}

/// Splits `wasm`: functions whose index (imports counted, as engines number them) is in `ran`
/// stay in the first module, with the start function, wasm-bindgen's own exports and all they
/// call, those that initialise memory or tables from passive segments, and the small ones that
/// these call or the function table holds; the others move.
pub fn split(wasm: &[u8], ran: &HashSet<u32>) -> Result<SplitModules, String> {
    let mut first = parse(wasm)?;
    let first_memories: Vec<MemoryId> = first.memories.iter().map(|memory| memory.id()).collect();
    let functions = function_ids(&first);
    let indices: std::collections::HashMap<FunctionId, u32> = functions.iter().enumerate().map(|(index, &id)| (id, index as u32)).collect();
    let index_of = |id: FunctionId| indices[&id];
    // The start function runs first, and wasm-bindgen's own exports may be called by its
    // JavaScript at any time (`__wbindgen_exn_store` when an imported function throws, say): they
    // stay. Another export that did not run at the start moves like any other function (its
    // export is the stub).
    let start = first.start;
    let bindgen_own: HashSet<FunctionId> = first
        .exports
        .iter()
        .filter(|export| export.name.starts_with("__wbindgen_") || export.name.starts_with("__externref_"))
        .filter_map(|export| match export.item {
            ExportItem::Function(id) => Some(id),
            _ => None,
        })
        .collect();
    // Small functions stay where the first module's code calls them or the function table holds
    // them (a stub would cost more); the others move with the code that calls them.
    let mut kept: HashSet<FunctionId> = first
        .funcs
        .iter_local()
        .filter(|(id, body)| ran.contains(&index_of(*id)) || start == Some(*id) || bindgen_own.contains(id) || uses_segments(body))
        .map(|(id, _)| id)
        .collect();
    let in_table: HashSet<FunctionId> = first
        .elements
        .iter()
        .flat_map(|element| match &element.items {
            ElementItems::Functions(functions) => functions.clone(),
            ElementItems::Expressions(..) => Vec::new(),
        })
        .collect();
    let small = |id: FunctionId| matches!(&first.funcs.get(id).kind, FunctionKind::Local(body) if body.size() <= SMALLEST_MOVED);
    let roots: Vec<FunctionId> = kept.iter().copied().chain(in_table.iter().copied().filter(|&id| small(id))).collect();
    kept.extend(called_from(&first, roots, small));
    // What wasm-bindgen's own exports call, at any depth, stays too: above all the allocator
    // (`__wbindgen_malloc` and the like), whose paths depend on the state of the heap, not on
    // what the user does, so that no profile can be sure to have run them all.
    kept.extend(called_from(&first, bindgen_own.iter().copied(), |_| true));
    let moved: Vec<FunctionId> = first.funcs.iter_local().map(|(id, _)| id).filter(|id| !kept.contains(id)).collect();
    if moved.is_empty() {
        return Err("nothing to move: every function ran at the start".into());
    }
    let moved_set: HashSet<FunctionId> = moved.iter().copied().collect();
    let mut used = Uses::of(&first, &moved);
    let mut kept: Vec<u32> = kept.iter().map(|&id| index_of(id)).collect();
    kept.sort_unstable();
    let data = super::data::moving(&first, &moved_set).filter(|data| data.bytes() > 0);
    if let Some(data) = &data {
        super::data::take_from(&mut first, data);
        used.memories.insert(data.memory);
    }

    // The first module: stubs, the table and the flag the second module's code is reached through,
    // and exports of what that code uses.
    let load_type = first.types.add(&[], &[]);
    let (load, _) = first.add_import_func("split", "load", load_type);
    let loaded = first.globals.add_local(walrus::ValType::I32, true, false, ConstExpr::Value(Value::I32(0)));
    first.exports.add("__split_loaded", loaded);
    let slots = moved.len() as u64;
    let table = first.tables.add_local(false, slots, Some(slots), RefType::FUNCREF);
    first.exports.add("__split_table", table);
    for (slot, &id) in moved.iter().enumerate() {
        let ty = first.funcs.get(id).ty();
        let (params, results) = {
            let ty = first.types.get(ty);
            (ty.params().to_vec(), ty.results().to_vec())
        };
        let args: Vec<_> = params.iter().map(|&param| first.locals.add(param)).collect();
        let mut stub = FunctionBuilder::new(&mut first.types, &params, &results);
        let mut body = stub.func_body();
        body.global_get(loaded).unop(UnaryOp::I32Eqz).if_else(None, |then| {
            then.call(load);
        }, |_| {});
        for &arg in &args {
            body.local_get(arg);
        }
        body.i32_const(slot as i32).call_indirect(ty, table);
        let function = first.funcs.get_mut(id);
        function.kind = FunctionKind::Local(stub.local_func(args));
        function.name = Some(format!("{STUB_NAME_PREFIX} {slot}"));
    }
    let taken: HashSet<String> = first.exports.iter().map(|export| export.name.clone()).collect();
    let mut for_the_rest: Vec<(String, ExportItem)> = Vec::new();
    for_the_rest.extend(used.functions.iter().filter(|id| !moved_set.contains(id)).map(|&id| (format!("f{}", index_of(id)), ExportItem::Function(id))));
    for_the_rest.extend(used.globals.iter().map(|&id| (format!("g{}", id.index()), ExportItem::Global(id))));
    for_the_rest.extend(used.tables.iter().map(|&id| (format!("t{}", id.index()), ExportItem::Table(id))));
    for_the_rest.extend(used.memories.iter().map(|&id| (format!("m{}", id.index()), ExportItem::Memory(id))));
    for (name, item) in for_the_rest {
        if taken.contains(&name) {
            return Err(format!("the module already exports {name}, a name the split gives the rest's imports"));
        }
        first.exports.add(&name, item);
    }
    // Stubs that no code of the first module calls, and that the table does not hold, go.
    walrus::passes::gc::run(&mut first);
    let first_bytes = first.emit_wasm();

    // The second module: the same module, parsed again, with everything but the moved functions
    // turned into imports from the first, and no data, tables, exports or start of its own.
    let mut rest = parse(wasm)?;
    let rest_functions = function_ids(&rest);
    for (index, &id) in rest_functions.iter().enumerate() {
        if moved_set.contains(&functions[index]) {
            continue;
        }
        let function = rest.funcs.get(id);
        let ty = function.ty();
        let existing = match &function.kind {
            FunctionKind::Import(imported) => Some(imported.import),
            _ => None,
        };
        let import = import_of(&mut rest, existing, &format!("f{index}"), ImportKind::Function(id));
        rest.funcs.get_mut(id).kind = FunctionKind::Import(walrus::ImportedFunction { import, ty });
    }
    let globals: Vec<GlobalId> = rest.globals.iter().map(|global| global.id()).collect();
    for id in globals {
        let existing = match rest.globals.get(id).kind {
            GlobalKind::Import(import) => Some(import),
            GlobalKind::Local(_) => None,
        };
        let import = import_of(&mut rest, existing, &format!("g{}", id.index()), ImportKind::Global(id));
        rest.globals.get_mut(id).kind = GlobalKind::Import(import);
    }
    let memories: Vec<MemoryId> = rest.memories.iter().map(|memory| memory.id()).collect();
    for id in memories {
        let existing = rest.memories.get(id).import;
        let import = import_of(&mut rest, existing, &format!("m{}", id.index()), ImportKind::Memory(id));
        let memory = rest.memories.get_mut(id);
        memory.import = Some(import);
        memory.data_segments.clear();
    }
    let tables: Vec<TableId> = rest.tables.iter().map(|table| table.id()).collect();
    for id in tables {
        let existing = rest.tables.get(id).import;
        let import = import_of(&mut rest, existing, &format!("t{}", id.index()), ImportKind::Table(id));
        let table = rest.tables.get_mut(id);
        table.import = Some(import);
        table.init = None;
        table.elem_segments.clear();
    }
    for id in rest.data.iter().map(|data| data.id()).collect::<Vec<_>>() {
        rest.data.delete(id);
    }
    if let Some(data) = &data {
        // The same memory of the rest (parsed alike), now its import of the first's.
        let position = first_memories.iter().position(|&id| id == data.memory).expect("a memory of the module");
        let memory = rest.memories.iter().nth(position).expect("parsed alike").id();
        super::data::give_to(&mut rest, memory, data);
    }
    for id in rest.elements.iter().map(|element| element.id()).collect::<Vec<_>>() {
        rest.elements.delete(id);
    }
    for id in rest.exports.iter().map(|export| export.id()).collect::<Vec<_>>() {
        rest.exports.delete(id);
    }
    rest.start = None;
    for id in rest.customs.iter().map(|(id, _)| id).collect::<Vec<_>>() {
        rest.customs.delete(id);
    }
    let (split_table, _) = rest.add_import_table(FIRST_MODULE, "__split_table", false, slots, Some(slots), RefType::FUNCREF);
    let moved_in_rest: Vec<FunctionId> = moved.iter().map(|&id| rest_functions[index_of(id) as usize]).collect();
    let segment = rest.elements.add(
        ElementKind::Active { table: split_table, offset: ConstExpr::Value(Value::I32(0)) },
        ElementItems::Functions(moved_in_rest),
    );
    rest.tables.get_mut(split_table).elem_segments.insert(segment);
    walrus::passes::gc::run(&mut rest);
    let moved_data = data.as_ref().map_or(0, super::data::MovingData::bytes);
    Ok(SplitModules { first: first_bytes, rest: rest.emit_wasm(), kept, functions: functions.len(), moved: moved.len(), moved_data })
}

/// The module name under which the rest imports from the first (as `loader.js` gives it).
pub(super) const FIRST_MODULE: &str = "primary";

pub(super) fn parse(wasm: &[u8]) -> Result<Module, String> {
    let mut config = ModuleConfig::new();
    // The stubs' names stay, which `order` knows them by (Trunk's wasm has no names of its own).
    config.generate_name_section(true).generate_producers_section(false);
    config.parse(wasm).map_err(|error| format!("cannot read the wasm module: {error:#}"))
}

/// Function ids in index order: imports first, then the module's own, as parsed.
pub(super) fn function_ids(module: &Module) -> Vec<FunctionId> {
    let imported = module.funcs.iter().filter(|f| matches!(f.kind, FunctionKind::Import(_))).map(|f| f.id());
    let local = module.funcs.iter().filter(|f| matches!(f.kind, FunctionKind::Local(_))).map(|f| f.id());
    imported.chain(local).collect()
}

/// The import from the first module, as `name`, of an item of the rest: `existing`, renamed, if
/// the item was imported already (the first module exports it under that name), else a new one.
fn import_of(module: &mut Module, existing: Option<walrus::ImportId>, name: &str, kind: ImportKind) -> walrus::ImportId {
    match existing {
        Some(id) => {
            let import = module.imports.get_mut(id);
            import.module = FIRST_MODULE.into();
            import.name = name.into();
            id
        }
        None => module.imports.add(FIRST_MODULE, name, kind),
    }
}

/// Whether `body` initialises memory or a table from a passive segment (which stays behind).
fn uses_segments(body: &walrus::LocalFunction) -> bool {
    #[derive(Default)]
    struct Finds(bool);
    impl Visitor<'_> for Finds {
        fn visit_data_id(&mut self, _: &walrus::DataId) {
            self.0 = true;
        }
        fn visit_element_id(&mut self, _: &walrus::ElementId) {
            self.0 = true;
        }
    }
    let mut finds = Finds::default();
    walrus::ir::dfs_in_order(&mut finds, body, body.entry_block());
    finds.0
}

/// What the moved functions use.
#[derive(Default)]
struct Uses {
    functions: BTreeSet<FunctionId>,
    globals: BTreeSet<GlobalId>,
    tables: BTreeSet<TableId>,
    memories: BTreeSet<MemoryId>,
}

impl Uses {
    fn of(module: &Module, functions: &[FunctionId]) -> Uses {
        let mut uses = Uses::default();
        for &id in functions {
            let body = module.funcs.get(id).kind.unwrap_local();
            walrus::ir::dfs_in_order(&mut uses, body, body.entry_block());
        }
        uses
    }
}

impl Visitor<'_> for Uses {
    fn visit_function_id(&mut self, id: &FunctionId) {
        self.functions.insert(*id);
    }
    fn visit_global_id(&mut self, id: &GlobalId) {
        self.globals.insert(*id);
    }
    fn visit_table_id(&mut self, id: &TableId) {
        self.tables.insert(*id);
    }
    fn visit_memory_id(&mut self, id: &MemoryId) {
        self.memories.insert(*id);
    }
}

/// `roots` and the functions of `module` they call, directly or through others, following
/// only calls to functions for which `follow` holds (and never into imports).
fn called_from(module: &Module, roots: impl IntoIterator<Item = FunctionId>, follow: impl Fn(FunctionId) -> bool) -> HashSet<FunctionId> {
    let local = |id: FunctionId| matches!(module.funcs.get(id).kind, FunctionKind::Local(_));
    let mut reached: Vec<FunctionId> = roots.into_iter().filter(|&id| local(id)).collect();
    let mut seen: HashSet<FunctionId> = reached.iter().copied().collect();
    while let Some(id) = reached.pop() {
        for called in Uses::of(module, &[id]).functions {
            if local(called) && follow(called) && seen.insert(called) {
                reached.push(called);
            }
        }
    }
    seen
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use walrus::ir::BinaryOp;
    use walrus::ValType::I32;

    /// A module like the app's, small: `start` and `main` are exported; `main` calls `sum`
    /// directly and `twice` through the function table; `sum` (a loop over memory and a global)
    /// and `twice` (which reads data no other function reads) are big enough to move.
    pub(in crate::code_split) fn sample() -> (Vec<u8>, HashSet<u32>) {
        let mut module = Module::default();
        let memory = module.memories.add_local(false, false, 1, None, None);
        module.exports.add("memory", memory);
        let calls = module.globals.add_local(I32, true, false, ConstExpr::Value(Value::I32(0)));

        // sum(n) = Σ i·3+1 for i < n, each term stored at address 4·i; counts its calls.
        let mut sum = FunctionBuilder::new(&mut module.types, &[I32], &[I32]);
        let (n, i, total) = (module.locals.add(I32), module.locals.add(I32), module.locals.add(I32));
        sum.func_body()
            .global_get(calls).i32_const(1).binop(BinaryOp::I32Add).global_set(calls)
            .block(None, |done| {
                let done_id = done.id();
                done.loop_(None, |step| {
                    let step_id = step.id();
                    step.local_get(i).local_get(n).binop(BinaryOp::I32GeU).br_if(done_id)
                        .local_get(i).i32_const(4).binop(BinaryOp::I32Mul)
                        .local_get(i).i32_const(3).binop(BinaryOp::I32Mul).i32_const(1).binop(BinaryOp::I32Add)
                        .store(memory, walrus::ir::StoreKind::I32 { atomic: false }, walrus::ir::MemArg { align: 4, offset: 0 })
                        .local_get(total).local_get(i).i32_const(4).binop(BinaryOp::I32Mul)
                        .load(memory, walrus::ir::LoadKind::I32 { atomic: false }, walrus::ir::MemArg { align: 4, offset: 0 })
                        .binop(BinaryOp::I32Add).local_set(total)
                        .local_get(i).i32_const(1).binop(BinaryOp::I32Add).local_set(i)
                        .br(step_id);
                });
            })
            .local_get(total);
        let sum = sum.finish(vec![n], &mut module.funcs);

        // Data: text that start reads at 2000, and a number only twice reads at 2004.
        let data = module.data.add(
            walrus::DataKind::Active { memory, offset: ConstExpr::Value(Value::I32(2000)) },
            b"kept\x07\x00\x00\x00".to_vec(),
        );
        module.memories.get_mut(memory).data_segments.insert(data);
        let word = walrus::ir::LoadKind::I32 { atomic: false };

        // twice(x) = sum(x) · 2 + the calls so far + the number at 2004, padded past the size
        // that stays.
        let mut twice = FunctionBuilder::new(&mut module.types, &[I32], &[I32]);
        let x = module.locals.add(I32);
        let mut body = twice.func_body();
        body.local_get(x).call(sum).i32_const(2).binop(BinaryOp::I32Mul).global_get(calls).binop(BinaryOp::I32Add);
        body.i32_const(2004).load(memory, word, walrus::ir::MemArg { align: 4, offset: 0 }).binop(BinaryOp::I32Add);
        for _ in 0..8 {
            body.i32_const(0).binop(BinaryOp::I32Add);
        }
        let twice = twice.finish(vec![x], &mut module.funcs);
        let twice_type = module.funcs.get(twice).ty();
        let table = module.tables.add_local(false, 1, Some(1), RefType::FUNCREF);
        let segment = module.elements.add(
            ElementKind::Active { table, offset: ConstExpr::Value(Value::I32(0)) },
            ElementItems::Functions(vec![twice]),
        );
        module.tables.get_mut(table).elem_segments.insert(segment);

        // start(x) = x + 1 + the text's first byte; main(x) = sum(x) + table[0](x).
        let mut start = FunctionBuilder::new(&mut module.types, &[I32], &[I32]);
        let y = module.locals.add(I32);
        let byte = walrus::ir::LoadKind::I32_8 { kind: walrus::ir::ExtendedLoad::ZeroExtend };
        start.func_body().local_get(y).i32_const(1).binop(BinaryOp::I32Add)
            .i32_const(2000).load(memory, byte, walrus::ir::MemArg { align: 1, offset: 0 }).binop(BinaryOp::I32Add);
        let start = start.finish(vec![y], &mut module.funcs);
        module.exports.add("start", start);
        let mut main = FunctionBuilder::new(&mut module.types, &[I32], &[I32]);
        let z = module.locals.add(I32);
        main.func_body().local_get(z).call(sum).local_get(z).i32_const(0).call_indirect(twice_type, table).binop(BinaryOp::I32Add);
        let main = main.finish(vec![z], &mut module.funcs);
        module.exports.add("main", main);

        let wasm = module.emit_wasm();
        let parsed = parse(&wasm).unwrap();
        let ids = function_ids(&parsed);
        let exported: HashSet<u32> = parsed
            .exports
            .iter()
            .filter_map(|export| match export.item {
                ExportItem::Function(id) => ids.iter().position(|&f| f == id).map(|index| index as u32),
                _ => None,
            })
            .collect();
        (wasm, exported)
    }

    #[test]
    fn moves_what_did_not_run_and_loads_it_on_the_first_call() {
        let (wasm, ran) = sample();
        let split = split(&wasm, &ran).unwrap();
        assert_eq!((split.kept.len(), split.moved), (2, 2), "start and main stay; sum and twice move");
        assert_eq!(split.moved_data, 4, "the number only twice reads moves with it; the text start reads stays");

        run_against_the_whole(&wasm, &split.first, &split.rest);
    }

    /// Runs `first` and `rest`, the halves of `whole`, in node, loaded as loader.js loads them,
    /// against the whole module: the same results, and the rest loaded once, not at the start.
    pub(in crate::code_split) fn run_against_the_whole(whole: &[u8], first: &[u8], rest: &[u8]) {
        let folder = tempfile::tempdir().unwrap();
        for (name, bytes) in [("whole.wasm", whole), ("first.wasm", first), ("rest.wasm", rest)] {
            std::fs::write(folder.path().join(name), bytes).unwrap();
        }
        let script = r#"
            const fs = require('fs');
            const load = (name, imports) => new WebAssembly.Instance(new WebAssembly.Module(fs.readFileSync(name)), imports);
            const whole = load('whole.wasm', {});
            let loads = 0, first;
            first = load('first.wasm', { split: { load() {
                loads++;
                load('rest.wasm', { primary: first.exports });
                first.exports.__split_loaded.value = 1;
            } } });
            const seen = { start: first.exports.start(4), wholeStart: whole.exports.start(4), loadsAfterStart: loads };
            seen.main = [first.exports.main(10), first.exports.main(7)];
            seen.wholeMain = [whole.exports.main(10), whole.exports.main(7)];
            seen.loads = loads;
            console.log(JSON.stringify(seen));
        "#;
        let output = std::process::Command::new("node").args(["-e", script]).current_dir(folder.path()).output().expect("node runs");
        assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
        let seen: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
        assert_eq!(seen["start"], seen["wholeStart"]);
        assert_eq!(seen["loadsAfterStart"], 0, "what ran at the start needs no rest");
        assert_eq!(seen["main"], seen["wholeMain"], "{seen}");
        assert_eq!(seen["loads"], 1, "the rest is loaded once");
    }

    #[test]
    fn an_export_that_did_not_run_moves_too() {
        let (wasm, exported) = sample();
        let start = exported.iter().copied().min().expect("start is exported first");
        let split = split(&wasm, &HashSet::from([start])).unwrap();
        assert_eq!((split.kept.len(), split.moved), (1, 3), "start stays; main, sum and twice move");
        let folder = tempfile::tempdir().unwrap();
        for (name, bytes) in [("first.wasm", &split.first), ("rest.wasm", &split.rest)] {
            std::fs::write(folder.path().join(name), bytes).unwrap();
        }
        let script = r#"
            const fs = require('fs');
            const load = (name, imports) => new WebAssembly.Instance(new WebAssembly.Module(fs.readFileSync(name)), imports);
            let first;
            first = load('first.wasm', { split: { load() {
                load('rest.wasm', { primary: first.exports });
                first.exports.__split_loaded.value = 1;
            } } });
            console.log(JSON.stringify([first.exports.start(4), first.exports.main(10)]));
        "#;
        let output = std::process::Command::new("node").args(["-e", script]).current_dir(folder.path()).output().expect("node runs");
        assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
        // start(4) = 4 + 1 + 'k'; main(10) = sum(10) + twice(10) = 145 + (145 · 2 + 2 calls of
        // sum so far + 7).
        assert_eq!(String::from_utf8_lossy(&output.stdout).trim(), "[112,444]");
    }

    #[test]
    fn what_wasm_bindgens_own_exports_call_stays_though_it_did_not_run() {
        // __wbindgen_malloc → grow → search: all three stay, though search never ran, behind a
        // function that did; lonely, which only the page would call and did not, moves.
        let mut module = Module::default();
        let function = |module: &mut Module, calls: Option<FunctionId>| {
            let mut builder = FunctionBuilder::new(&mut module.types, &[I32], &[I32]);
            let x = module.locals.add(I32);
            let mut body = builder.func_body();
            body.local_get(x);
            if let Some(called) = calls {
                body.call(called);
            }
            // Past the size that stays wherever it is called from.
            for _ in 0..SMALLEST_MOVED {
                body.i32_const(1).binop(BinaryOp::I32Add);
            }
            builder.finish(vec![x], &mut module.funcs)
        };
        let search = function(&mut module, None);
        let grow = function(&mut module, Some(search));
        let malloc = function(&mut module, Some(grow));
        let lonely = function(&mut module, None);
        for (id, name) in [(search, "search"), (grow, "grow"), (malloc, "malloc"), (lonely, "lonely")] {
            module.funcs.get_mut(id).name = Some(name.to_owned());
        }
        module.exports.add("__wbindgen_malloc", malloc);
        module.exports.add("lonely", lonely);
        let wasm = module.emit_wasm();
        let parsed = parse(&wasm).unwrap();
        let index_of = |name: &str| {
            let position = function_ids(&parsed).iter().position(|&id| parsed.funcs.get(id).name.as_deref() == Some(name));
            u32::try_from(position.expect("defined")).unwrap()
        };
        // The profile saw malloc and grow run.
        let split = split(&wasm, &HashSet::from([index_of("malloc"), index_of("grow")])).unwrap();
        let mut stay = vec![index_of("search"), index_of("grow"), index_of("malloc")];
        stay.sort_unstable();
        assert_eq!(split.kept, stay, "search, grow and malloc stay");
        assert_eq!(split.moved, 1, "lonely moves");
    }

    #[test]
    fn says_so_when_everything_ran() {
        let (wasm, _) = sample();
        let all: HashSet<u32> = (0..4).collect();
        let error = split(&wasm, &all).map(|split| (split.kept.len(), split.moved)).expect_err("nothing moves");
        assert!(error.contains("nothing to move"), "{error}");
    }
}
