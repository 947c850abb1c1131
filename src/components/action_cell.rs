//! The actions of one row: "Edit Credentials" (or, unmistakably unavailable, why not and what
//! to do instead), "View", and for those who may, "Test Connection", "Approve" and "Reject".
//! Row actions are plain; the page's one emphasised action is elsewhere.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::api::{ConnectionRequest, Decision, User};
use crate::components::icon::Icon;
use crate::components::siblings::siblings;
use crate::dom::elements;
use crate::i18n::{t, tf};
use crate::permissions::{can_decide, can_edit_credentials, can_test_stored};
use crate::table_query::TableQuery;

/// What a row asks the page to do.
#[derive(Debug, Clone, PartialEq)]
pub enum RowAction {
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
    ["edit", "view", "test", "approve", "reject"].iter().find_map(|action| id.strip_prefix(action)?.strip_prefix('-'))
}

#[component]
pub fn ActionCell(
    request: ConnectionRequest,
    user: User,
    /// The table's view, kept when following the edit link.
    view: TableQuery,
    #[prop(into)] on_action: Callback<RowAction>,
) -> impl IntoView {
    let alias = request.api_portal_alias.clone();
    let edit_label = tf("Edit Credentials for {alias}", &[("alias", &alias)]);
    let blocked = can_edit_credentials(&request, &user).err();
    let reason_id = format!("edit-blocked-{}", request.id);
    // The toolbar's one tab stop is its first action that can be used.
    let first_stop = |is_first: bool| if is_first { "0" } else { "-1" };
    let edit = match &blocked {
        None => view! {
            <a id=edit_link_id(&request.id) class="button button-transparent" href=crate::startup::href(&view.edit_href(&request.id)) tabindex="0"
                aria-label=edit_label>
                {t("Edit Credentials")}
            </a>
        }
        .into_any(),
        Some(_) => view! {
            <button type="button" class="button button-unavailable" disabled data-icon=Icon::Lock.name()
                aria-label=edit_label aria-describedby=reason_id.clone()>
                {t("Edit Credentials")}
            </button>
        }
        .into_any(),
    };
    // The visible label, and the accessible name that says which request it acts on.
    let button = |action: &'static str, label: &'static str, name: String, row_action: RowAction| {
        view! {
            <button type="button" id=action_id(action, &request.id) class="button button-transparent"
                tabindex=first_stop(action == "view" && blocked.is_some())
                aria-label=name on:click=move |_| on_action.run(row_action.clone())>
                {label}
            </button>
        }
    };
    // Side by side with no placeholder for a missing action, nor a marker for the list's end.
    // Drawn again for another request, the row's elements are reused where they can be: focus
    // and tab stops are put right afterwards (`PendingFocus::after_render`, `settle_tab_stops`).
    let mut actions = vec![edit, button("view", t("View"), tf("View {alias}", &[("alias", &alias)]), RowAction::View(request.clone())).into_any()];
    if can_test_stored(&request, &user) {
        actions.push(button("test", t("Test Connection"), tf("Test Connection {alias}", &[("alias", &alias)]), RowAction::Test(request.clone())).into_any());
    }
    if can_decide(&request, &user) {
        actions.push(button("approve", t("Approve"), tf("Approve {alias}", &[("alias", &alias)]), RowAction::Decide(request.clone(), Decision::Approve)).into_any());
        actions.push(button("reject", t("Reject"), tf("Reject {alias}", &[("alias", &alias)]), RowAction::Decide(request.clone(), Decision::Reject)).into_any());
    }
    if let Some(blocked) = blocked {
        actions.push(view! { <span id=reason_id class="action-reason">{blocked.reason()}</span> }.into_any());
    }
    view! {
        <div class="actions" role="toolbar" aria-label=tf("Actions for {alias}", &[("alias", &alias)]) on:keydown=move_along on:focusin=make_tab_stop>
            {siblings(actions)}
        </div>
    }
}

/// The actions of the toolbar that can take focus, in order.
fn toolbar_actions(toolbar: &web_sys::Element) -> Vec<web_sys::HtmlElement> {
    let Ok(found) = toolbar.query_selector_all("a[href], button:not([disabled])") else { return Vec::new() };
    elements(found).collect()
}

/// The arrow keys, Home and End move focus between the toolbar's actions.
fn move_along(event: leptos::ev::KeyboardEvent) {
    let Some(toolbar) = event.current_target().and_then(|target| target.dyn_into::<web_sys::Element>().ok()) else { return };
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

/// Whichever action has focus is the toolbar's tab stop from now on.
fn make_tab_stop(event: leptos::ev::FocusEvent) {
    let Some(toolbar) = event.current_target().and_then(|target| target.dyn_into::<web_sys::Element>().ok()) else { return };
    let Some(focused) = event.target().and_then(|target| target.dyn_into::<web_sys::Element>().ok()) else { return };
    let actions = toolbar_actions(&toolbar);
    if let Some(stop) = actions.iter().position(|action| action.is_same_node(Some(&focused))) {
        set_tab_stop(&actions, stop);
    }
}

/// One tab stop in each row's actions, once rows are drawn: the action with focus, else the
/// first that is a tab stop already (where the user last was), else the first. Rows are drawn
/// anew in place, so a row's elements may now act on another request and keep a tab stop that
/// was set for the old one beside the one the new row asks for.
pub fn settle_tab_stops() {
    let Ok(toolbars) = document().query_selector_all(".requests [role=toolbar]") else { return };
    let focused = document().active_element();
    for toolbar in elements::<web_sys::Element>(toolbars) {
        let actions = toolbar_actions(&toolbar);
        let stop = actions
            .iter()
            .position(|action| action.is_same_node(focused.as_ref().map(|focused| focused.as_ref())))
            .or_else(|| actions.iter().position(|action| action.tab_index() >= 0))
            .unwrap_or(0);
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
    }
}
