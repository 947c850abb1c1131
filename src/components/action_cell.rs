//! The actions of one row: "Edit Credentials" (or why not) and "View".

use leptos::prelude::*;

use crate::api::{ConnectionRequest, User};
use crate::permissions::can_edit_credentials;

#[component]
pub fn ActionCell(
    request: ConnectionRequest,
    user: User,
    /// Extra query to keep when following the edit link (the table's view).
    #[prop(into)]
    view_query: String,
    #[prop(into)] on_view: Callback<ConnectionRequest>,
) -> impl IntoView {
    let alias = request.api_portal_alias.clone();
    let edit = match can_edit_credentials(&request, &user) {
        Ok(()) => {
            let separator = if view_query.is_empty() { "" } else { "?" };
            let href = format!("/connections/{}/credentials{separator}{view_query}", request.id);
            view! {
                <a class="button button-emphasized" href=href aria-label=format!("Edit Credentials for {alias}")>
                    "Edit Credentials"
                </a>
            }
            .into_any()
        }
        Err(blocked) => {
            let reason_id = format!("edit-blocked-{}", request.id);
            view! {
                <span class="has-tooltip">
                    <button
                        type="button"
                        class="button"
                        aria-disabled="true"
                        aria-label=format!("Edit Credentials for {alias}")
                        aria-describedby=reason_id.clone()
                    >
                        "Edit Credentials"
                    </button>
                    <span id=reason_id role="tooltip" class="tooltip">{blocked.reason()}</span>
                </span>
            }
            .into_any()
        }
    };
    let view_label = format!("View {}", request.api_portal_alias);
    view! {
        <div class="actions">
            {edit}
            <button type="button" class="button button-transparent" aria-label=view_label on:click=move |_| on_view.run(request.clone())>
                "View"
            </button>
        </div>
    }
}
