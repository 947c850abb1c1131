//! "View": a request's comment, details and history, in a modal dialog.

use leptos::prelude::*;

use crate::api::ConnectionRequest;
use crate::components::modal::Modal;
use crate::components::request_history::RequestHistory;
use crate::components::status_badge::StatusBadge;
use crate::format;
use crate::i18n::t;
use crate::lifecycle_text::{kind_label, last_test_label};

#[component]
pub fn RequestDetails(request: ConnectionRequest, #[prop(into)] on_close: Callback<()>) -> impl IntoView {
    let credentials = request.credentials.clone();
    let decision = request.decision_reason.clone().map(|reason| view! { <dt>{t("Decision reason")}</dt><dd>{reason}</dd> });
    let last_test = last_test_label(request.last_test.as_ref()).map(|(_, label)| view! { <dt>{t("Last test")}</dt><dd>{label}</dd> });
    view! {
        <Modal title=request.api_portal_alias.clone() title_id="request-details-title" on_cancel=on_close>
            <div class="dialog-body">
                <dl class="details">
                    <dt>{t("Status")}</dt><dd><StatusBadge status=request.status /></dd>
                    <dt>{t("API portal")}</dt><dd>{request.api_portal_url.clone()}</dd>
                    <dt>{t("Requested by")}</dt><dd>{request.requested_by.name.clone()}</dd>
                    <dt>{t("Requested on")}</dt><dd>{format::timestamp(&request.requested_at)}</dd>
                    <dt>{t("Last updated")}</dt><dd>{format::timestamp(&request.updated_at)}</dd>
                    <dt>{t("Comment")}</dt><dd>{if request.comment.is_empty() { t("No comment").to_owned() } else { request.comment.clone() }}</dd>
                    <dt>{t("Credentials")}</dt><dd>{kind_label(credentials.kind)}</dd>
                    <dt>{t("Client ID")}</dt><dd><code>{credentials.client_id.clone().unwrap_or_else(|| t("None").to_owned())}</code></dd>
                    <dt>{t("Token URL")}</dt><dd>{credentials.token_url.clone()}</dd>
                    <dt>{t("Credentials updated")}</dt><dd>{format::timestamp(&credentials.updated_at)}</dd>
                    <dt>{t("Credentials expire")}</dt><dd>{format::timestamp(&credentials.expires_at)}</dd>
                    {decision}
                    {last_test}
                </dl>
                <RequestHistory id=request.id.clone() />
            </div>
            <div class="dialog-footer">
                <button type="button" class="button" autofocus on:click=move |_| on_close.run(())>{t("Close")}</button>
            </div>
        </Modal>
    }
}
