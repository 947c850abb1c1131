//! Work that nobody waits for: in the browser's idle moments, or once what the user asked for is
//! on screen.

use std::time::Duration;

use leptos::prelude::{request_animation_frame, set_timeout, window};

/// Waits for the browser's next idle moment (`requestIdleCallback`): false, at once, in a browser
/// that has none (such as Safari), where such work is better left undone.
pub async fn next_moment() -> bool {
    let mut asked = false;
    let moment = js_sys::Promise::new(&mut |resolve, _| asked = window().request_idle_callback(&resolve).is_ok());
    asked && wasm_bindgen_futures::JsFuture::from(moment).await.is_ok()
}

/// Runs `work` in a task of its own once the next frame has been drawn: bookkeeping the user
/// does not watch (the address, the page's title) comes after what they asked to see. Work
/// asked for in one frame runs in the order it was asked for.
pub fn after_next_frame(work: impl FnOnce() + 'static) {
    request_animation_frame(move || set_timeout(work, Duration::ZERO));
}
