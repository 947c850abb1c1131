//! The page's DOM for Rust code: what a selector finds, as an iterator of typed elements; the
//! element an event came from that matches a selector.

use wasm_bindgen::JsCast;

/// The nodes of `list` (as `querySelectorAll` gives them, in document order) that are `T`s.
pub fn elements<T: JsCast>(list: web_sys::NodeList) -> impl Iterator<Item = T> {
    (0..list.length()).filter_map(move |index| list.item(index)?.dyn_into::<T>().ok())
}

/// The element that is or holds an event's `target` and matches `selector`.
pub fn closest(target: Option<web_sys::EventTarget>, selector: &str) -> Option<web_sys::Element> {
    target?.dyn_into::<web_sys::Element>().ok()?.closest(selector).ok().flatten()
}
