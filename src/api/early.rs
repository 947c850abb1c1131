//! Answers that `index.html` asked for while the app's code loaded (`window.appEarly`): the
//! user and the first page, each taken once, and only for exactly the URL the app would ask for
//! (anything else is asked for anew).

use gloo_net::http::Response;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// The early answer under `name` (`user` or `page`) if it was asked for at `url`; gone after.
pub(super) async fn take(name: &str, url: &str) -> Option<Response> {
    let field = |value: &JsValue, key: &str| js_sys::Reflect::get(value, &JsValue::from_str(key)).ok().filter(|found| found.is_object());
    let early = field(&web_sys::window()?.into(), "appEarly")?.dyn_into::<js_sys::Promise>().ok()?;
    let early = JsFuture::from(early).await.ok().filter(JsValue::is_object)?;
    let entry = field(&early, name)?;
    let _ = js_sys::Reflect::delete_property(early.unchecked_ref::<js_sys::Object>(), &JsValue::from_str(name));
    let answer = field(&entry, "answer")?.dyn_into::<js_sys::Promise>().ok()?;
    let asked_for = js_sys::Reflect::get(&entry, &JsValue::from_str("url")).ok()?.as_string();
    let response = JsFuture::from(answer).await.ok()?.dyn_into::<web_sys::Response>().ok()?;
    (asked_for.as_deref() == Some(url)).then(|| Response::from(response))
}
