//! The actions of one row: "Edit Credentials" (or, unmistakably unavailable, why not and what
//! to do instead) and "View". Row actions are plain; the page's one emphasised action is
//! elsewhere.

use leptos::prelude::*;

use crate::api::{ConnectionRequest, User};
use crate::components::icon::{Icon, IconView};
use crate::permissions::can_edit_credentials;
use crate::table_query::TableQuery;

/// The id of a request's Edit Credentials link, so that focus can return to it.
pub fn edit_link_id(request_id: &str) -> String {
    format!("edit-{request_id}")
}

#[component]
pub fn ActionCell(
    request: ConnectionRequest,
    user: User,
    /// The table's view, kept when following the edit link.
    view: TableQuery,
    #[prop(into)] on_view: Callback<ConnectionRequest>,
) -> impl IntoView {
    let alias = request.api_portal_alias.clone();
    let blocked = can_edit_credentials(&request, &user).err();
    let reason_id = format!("edit-blocked-{}", request.id);
    let edit = match &blocked {
        None => view! {
            <a id=edit_link_id(&request.id) class="button button-transparent" href=view.edit_href(&request.id)
                aria-label=format!("Edit Credentials for {alias}")>
                "Edit Credentials"
            </a>
        }
        .into_any(),
        Some(_) => view! {
            <button type="button" class="button button-unavailable" disabled
                aria-label=format!("Edit Credentials for {alias}") aria-describedby=reason_id.clone()>
                <IconView icon=Icon::Lock />
                "Edit Credentials"
            </button>
        }
        .into_any(),
    };
    let view_label = format!("View {}", request.api_portal_alias);
    view! {
        <div class="actions">
            {edit}
            <button type="button" class="button button-transparent" aria-label=view_label on:click=move |_| on_view.run(request.clone())>
                "View"
            </button>
            {blocked.map(|blocked| view! { <span id=reason_id class="action-reason">{blocked.reason()}</span> })}
        </div>
    }
}
