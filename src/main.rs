//! Entry point: starts the app (see `startup`).

fn main() {
    console_error_panic_hook::set_once();
    wasm_bindgen_futures::spawn_local(portal_connections::startup::start());
}
