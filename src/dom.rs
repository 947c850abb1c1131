//! The page's DOM for Rust code: what a selector finds, as an iterator of typed elements; the
//! element an event came from that matches a selector; a text box's text replaced under the caret.

use wasm_bindgen::JsCast;

/// The nodes of `list` (as `querySelectorAll` gives them, in document order) that are `T`s.
pub fn elements<T: JsCast>(list: web_sys::NodeList) -> impl Iterator<Item = T> {
    (0..list.length()).filter_map(move |index| list.item(index)?.dyn_into::<T>().ok())
}

/// The element that is or holds an event's `target` and matches `selector`.
pub fn closest(target: Option<web_sys::EventTarget>, selector: &str) -> Option<web_sys::Element> {
    target?.dyn_into::<web_sys::Element>().ok()?.closest(selector).ok().flatten()
}

/// Puts `shown` in `area`, where the user's input left `typed` and the app shows `shown` instead
/// (a hidden value's placeholder again, a paste laid out): the caret keeps its distance from the
/// end, which both texts share, so that typing goes on where it was rather than at the end.
pub fn replace_typed_text(area: &web_sys::HtmlTextAreaElement, typed: &str, shown: &str) {
    if typed == shown {
        return;
    }
    let utf16_len = |text: &str| text.encode_utf16().count() as u32;
    let from_end = area.selection_end().ok().flatten().map(|end| utf16_len(typed).saturating_sub(end));
    area.set_value(shown);
    if let Some(from_end) = from_end {
        let at = utf16_len(shown).saturating_sub(from_end);
        let _ = area.set_selection_range(at, at);
    }
}
