//! Entry point: starts the app (see `startup`).

// Talc instead of Rust's default dlmalloc: smaller code in the first load, and faster.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

fn main() {
    console_error_panic_hook::set_once();
    wasm_bindgen_futures::spawn_local(portal_connections::startup::start());
}
