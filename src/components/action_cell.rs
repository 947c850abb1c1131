//! What the actions of a row do: their ids, the row action a click asks for, and their keys
//! (a toolbar with one tab stop, arrow keys between its actions). The table's rows are HTML
//! (`request_table::row_cells` writes the actions); the table handles their events for all rows.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::api::{ConnectionRequest, Decision};
use crate::dom::{closest, elements};

/// What a row asks the page to do.
#[derive(Debug, Clone, PartialEq)]
pub enum RowAction {
    /// Edit Credentials, from the row's link (a plain click: others are the browser's).
    Edit(ConnectionRequest),
    View(ConnectionRequest),
    Test(ConnectionRequest),
    Decide(ConnectionRequest, Decision),
}

/// The id of a request's Edit Credentials link, so that focus can return to it.
pub fn edit_link_id(request_id: &str) -> String {
    format!("edit-{request_id}")
}

/// The id of a row's action button, so that focus can return to it.
pub fn action_id(action: &str, request_id: &str) -> String {
    format!("{action}-{request_id}")
}

/// The request whose action (or Edit Credentials link) has the id `id`.
pub fn request_of_action_id(id: &str) -> Option<&str> {
    action_of_id(id).map(|(_, request)| request)
}

/// The action (`edit` for the Edit Credentials link) and the request of the id `id`.
fn action_of_id(id: &str) -> Option<(&'static str, &str)> {
    ["edit", "view", "test", "approve", "reject"].into_iter().find_map(|action| Some((action, id.strip_prefix(action)?.strip_prefix('-')?)))
}

/// What a click in the table asks for: the row action whose button (or Edit Credentials link)
/// was pressed, for its request (one of `requests`, the rows shown); nothing for a click
/// anywhere else, nor for a click on the link that asks the browser for a new tab or window.
pub fn clicked_action(event: &leptos::ev::MouseEvent, requests: &[ConnectionRequest]) -> Option<RowAction> {
    let control = closest(event.target(), "[role=toolbar] :is(button, a)[id]")?;
    let id = control.id();
    let (action, request_id) = action_of_id(&id)?;
    let request = requests.iter().find(|request| request.id == request_id)?.clone();
    let plain = event.button() == 0 && !(event.ctrl_key() || event.meta_key() || event.shift_key() || event.alt_key());
    match action {
        "edit" if plain && control.tag_name().eq_ignore_ascii_case("a") => Some(RowAction::Edit(request)),
        "view" => Some(RowAction::View(request)),
        "test" => Some(RowAction::Test(request)),
        "approve" => Some(RowAction::Decide(request, Decision::Approve)),
        "reject" => Some(RowAction::Decide(request, Decision::Reject)),
        _ => None,
    }
}

/// The request whose Edit Credentials link a mouse or pen has just pressed as for a plain click
/// (its main button, no modifier key): the click may follow, on release.
pub fn pressed_edit(event: &leptos::ev::PointerEvent, requests: &[ConnectionRequest]) -> Option<ConnectionRequest> {
    let mouse_or_pen = matches!(event.pointer_type().as_str(), "mouse" | "pen");
    if !(mouse_or_pen && event.is_primary()) {
        return None;
    }
    match clicked_action(event, requests)? {
        RowAction::Edit(request) => Some(request),
        _ => None,
    }
}

/// The actions of the toolbar that can take focus, in order.
fn toolbar_actions(toolbar: &web_sys::Element) -> Vec<web_sys::HtmlElement> {
    let Ok(found) = toolbar.query_selector_all("a[href], button:not([disabled])") else { return Vec::new() };
    elements(found).collect()
}

/// In a row's toolbar, the arrow keys, Home and End move focus between its actions.
pub fn move_along(event: leptos::ev::KeyboardEvent) {
    let Some(toolbar) = closest(event.target(), "[role=toolbar]") else { return };
    let actions = toolbar_actions(&toolbar);
    let Some(current) = document().active_element() else { return };
    let Some(position) = actions.iter().position(|action| action.is_same_node(Some(&current))) else { return };
    let next = match event.key().as_str() {
        "ArrowRight" | "ArrowDown" => (position + 1) % actions.len(),
        "ArrowLeft" | "ArrowUp" => (position + actions.len() - 1) % actions.len(),
        "Home" => 0,
        "End" => actions.len() - 1,
        _ => return,
    };
    event.prevent_default();
    let _ = actions[next].focus();
}

/// Whichever action of a row's toolbar has focus is its tab stop from now on.
pub fn make_tab_stop(event: leptos::ev::FocusEvent) {
    let Some(focused) = event.target().and_then(|target| target.dyn_into::<web_sys::HtmlElement>().ok()) else { return };
    // Already the stop (a row's first action is, as drawn): nothing changes. Pressing Edit
    // Credentials focuses it on the way to the dialog, which then opens without this work.
    if focused.tab_index() == 0 {
        return;
    }
    let Some(toolbar) = focused.closest("[role=toolbar]").ok().flatten() else { return };
    let actions = toolbar_actions(&toolbar);
    if let Some(stop) = actions.iter().position(|action| action.is_same_node(Some(&focused))) {
        set_tab_stop(&actions, stop);
    }
}

/// Makes `actions[stop]` the toolbar's one tab stop.
fn set_tab_stop(actions: &[web_sys::HtmlElement], stop: usize) {
    for (index, action) in actions.iter().enumerate() {
        let _ = action.set_attribute("tabindex", if index == stop { "0" } else { "-1" });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_actions_id_names_its_request() {
        for action in ["view", "test", "approve", "reject"] {
            assert_eq!(request_of_action_id(&action_id(action, "cr-0a1b")), Some("cr-0a1b"));
        }
        assert_eq!(request_of_action_id(&edit_link_id("cr-0a1b")), Some("cr-0a1b"));
        assert_eq!(request_of_action_id("sort-alias"), None);
        assert_eq!(request_of_action_id("viewer-1"), None);
        assert_eq!(action_of_id(&action_id("approve", "cr-0a1b")), Some(("approve", "cr-0a1b")));
    }
}
