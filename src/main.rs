//! Entry point: mounts the app into the page.

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(portal_connections::App);
    // The page's "Starting…" message (which would turn into "could not start") has done its job.
    if let Some(message) = leptos::prelude::document().get_element_by_id("app-start") {
        message.remove();
    }
}
