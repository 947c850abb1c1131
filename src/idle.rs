//! The browser's idle moments, for work that nobody waits for.

use leptos::prelude::window;

/// Waits for the browser's next idle moment (`requestIdleCallback`): false, at once, in a browser
/// that has none (such as Safari), where such work is better left undone.
pub async fn next_moment() -> bool {
    let mut asked = false;
    let moment = js_sys::Promise::new(&mut |resolve, _| asked = window().request_idle_callback(&resolve).is_ok());
    asked && wasm_bindgen_futures::JsFuture::from(moment).await.is_ok()
}
