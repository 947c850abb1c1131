//! Moving focus to where the user's attention should go next: the action of a message that
//! just appeared, the first field to fix, the control a re-rendered view recreated.

use leptos::prelude::{document, request_animation_frame};
use wasm_bindgen::JsCast;

/// Focuses the element with `id`, if the page has it; whether it did.
pub fn focus_id(id: &str) -> bool {
    let element = document().get_element_by_id(id).and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok());
    element.is_some_and(|element| element.focus().is_ok())
}

/// Focuses the element with `id` once the next frame is rendered (the view that shows it may
/// still be updating).
pub fn focus_id_after_render(id: String) {
    request_animation_frame(move || {
        focus_id(&id);
    });
}

/// Whether nothing in particular has focus (it fell back to the page's body).
pub fn focus_is_lost() -> bool {
    document().active_element().is_none_or(|active| active.tag_name() == "BODY")
}
