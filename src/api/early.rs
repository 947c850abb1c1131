//! What `index.html` asked for while the app's code loaded, left as promises on `window`:
//! `config.json` (`appConfig`), and, when the hub serves the app, the user and the first page
//! (`appEarly`), each taken once and only for exactly the URL the app would ask for (anything
//! else is asked for anew).

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Where `index.html` leaves the early answers to API requests.
const EARLY_ANSWERS: &str = "appEarly";

/// An answer `index.html` read to its end: its HTTP status and its text.
pub(super) struct EarlyAnswer {
    pub status: u16,
    pub text: String,
}

/// What the promise `index.html` left at `window[name]` settled to; None when it left none or
/// the promise failed.
pub async fn page_promise(name: &str) -> Option<JsValue> {
    settled(window_promise(name)?).await
}

/// What `promise` settled to: at once if `index.html` has marked it settled (`settled`,
/// `value`), with no await, so that a start whose answers are all here builds its first page in
/// one go; else once it settles. None if it failed.
async fn settled(promise: js_sys::Promise) -> Option<JsValue> {
    if field(&promise, "settled").is_some_and(|settled| settled.is_truthy()) {
        return field(&promise, "value");
    }
    JsFuture::from(promise).await.ok()
}

/// `value[key]` (undefined if it has no such key); None if `value` is no object.
fn field(value: &JsValue, key: &str) -> Option<JsValue> {
    js_sys::Reflect::get(value, &JsValue::from_str(key)).ok()
}

/// The promise the page left at `window[name]`, if it left one.
pub fn window_promise(name: &str) -> Option<js_sys::Promise> {
    js_sys::Reflect::get(&web_sys::window()?.into(), &JsValue::from_str(name)).ok()?.dyn_into::<js_sys::Promise>().ok()
}

/// Drops the early answers not taken: from now on every request is asked for fresh.
pub fn forget_early_answers() {
    if let Some(window) = web_sys::window() {
        let _ = js_sys::Reflect::delete_property(&window, &JsValue::from_str(EARLY_ANSWERS));
    }
}

/// The early answer under `name` (`user` or `page`) if it was asked for at `url`; gone after.
pub(super) async fn take(name: &str, url: &str) -> Option<EarlyAnswer> {
    let early = page_promise(EARLY_ANSWERS).await.filter(JsValue::is_object)?;
    let entry = field(&early, name).filter(JsValue::is_object)?;
    let _ = js_sys::Reflect::delete_property(early.unchecked_ref::<js_sys::Object>(), &JsValue::from_str(name));
    let answer = field(&entry, "answer")?.dyn_into::<js_sys::Promise>().ok()?;
    if field(&entry, "url")?.as_string().as_deref() != Some(url) {
        return None;
    }
    let answer = settled(answer).await.filter(JsValue::is_object)?;
    let status = field(&answer, "status")?.as_f64().filter(|status| (100.0..600.0).contains(status))? as u16;
    Some(EarlyAnswer { status, text: field(&answer, "text")?.as_string()? })
}
