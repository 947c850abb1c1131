//! The page's DOM for Rust code: what a selector finds, as an iterator of typed elements.

use wasm_bindgen::JsCast;

/// The nodes of `list` (as `querySelectorAll` gives them, in document order) that are `T`s.
pub fn elements<T: JsCast>(list: web_sys::NodeList) -> impl Iterator<Item = T> {
    (0..list.length()).filter_map(move |index| list.item(index)?.dyn_into::<T>().ok())
}
