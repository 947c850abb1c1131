//! "View": a request's comment and details, in a native modal dialog.

use leptos::html::Dialog;
use leptos::prelude::*;

use crate::api::ConnectionRequest;
use crate::components::status_badge::StatusBadge;
use crate::format;

#[component]
pub fn RequestDetails(selected: RwSignal<Option<ConnectionRequest>>) -> impl IntoView {
    let dialog = NodeRef::<Dialog>::new();
    Effect::new(move |_| {
        let open = selected.with(Option::is_some);
        if let Some(dialog) = dialog.get() {
            if open {
                crate::components::modal::show_modal_when_attached(dialog);
            } else if dialog.open() {
                dialog.close();
            }
        }
    });
    let close = move || selected.set(None);
    view! {
        <dialog node_ref=dialog class="dialog" aria-labelledby="request-details-title" on:close=move |_| close()>
            {move || selected.get().map(|request| {
                let credentials = request.credentials.clone();
                view! {
                    <h2 id="request-details-title">{request.api_portal_alias.clone()}</h2>
                    <dl class="details">
                        <dt>"Status"</dt><dd><StatusBadge status=request.status /></dd>
                        <dt>"API portal"</dt><dd>{request.api_portal_url.clone()}</dd>
                        <dt>"Requested by"</dt><dd>{request.requested_by.name.clone()}</dd>
                        <dt>"Requested on"</dt><dd>{format::timestamp(&request.requested_at)}</dd>
                        <dt>"Last updated"</dt><dd>{format::timestamp(&request.updated_at)}</dd>
                        <dt>"Comment"</dt><dd>{if request.comment.is_empty() { "No comment".to_owned() } else { request.comment.clone() }}</dd>
                        <dt>"Credentials"</dt><dd>{credentials.kind().map_or("Unknown", |kind| kind.label())}</dd>
                        <dt>"Client ID"</dt><dd><code>{credentials.client_id.clone().unwrap_or_else(|| "None".to_owned())}</code></dd>
                        <dt>"Token URL"</dt><dd>{credentials.token_url.clone()}</dd>
                        <dt>"Credentials updated"</dt><dd>{format::timestamp(&credentials.updated_at)}</dd>
                        <dt>"Credentials expire"</dt><dd>{format::timestamp(&credentials.expires_at)}</dd>
                    </dl>
                }
            })}
            <div class="dialog-footer">
                <button type="button" class="button" autofocus on:click=move |_| close()>"Close"</button>
            </div>
        </dialog>
    }
}
