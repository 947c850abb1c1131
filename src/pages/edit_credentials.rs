//! Edit Credentials over the table, at its own address, `/connections/{id}/credentials`: a
//! deep link, Back and Forward open and close it. Opened from its row, it shows at once and the
//! address follows (the table page does that); closing returns to the table with its view
//! intact and focus on the row's Edit control.

use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate, use_params_map};
use leptos_router::NavigateOptions;

use crate::api;
use crate::components::edit_credentials::EditCredentialsDialog;
use crate::components::modal::Modal;
use crate::i18n::{t, tf};
use crate::page_title::name_page_when_shown;
use crate::pages::connections::TablePage;
use crate::permissions::can_edit_credentials;
use crate::table_query::TableQuery;

/// The route: while the address is the dialog's, the table page shows Edit Credentials for the
/// request it names. It draws nothing itself: the table page draws the dialog, for its row's
/// opening as for its address.
#[component]
pub fn EditCredentialsRoute() -> impl IntoView {
    let params = use_params_map();
    let table = expect_context::<TablePage>();
    // The router runs this once more, with the same id, on its way out of the address (a close
    // leaves it): only a new id opens the dialog, or every close would open it again for a moment.
    Effect::new(move |opened: Option<String>| {
        let id = params.with(|params| params.get("id").unwrap_or_default());
        if opened.as_ref() != Some(&id) {
            table.edit_address_reached(id.clone());
        }
        id
    });
    on_cleanup(move || table.edit_address_left());
}

/// How the app goes to the dialog's address and back: the table behind stays as it was
/// scrolled (the router would scroll to the top), and focus finds its row's control on return.
pub fn keeping_the_table_in_place() -> NavigateOptions {
    NavigateOptions { scroll: false, ..NavigateOptions::default() }
}

/// The Edit Credentials dialog for request `id` (or why it cannot be used), over the table.
#[component]
pub fn EditCredentials(id: String) -> impl IntoView {
    let table = expect_context::<TablePage>();
    let location = use_location();
    let navigate = use_navigate();
    // Back to the table, keeping its view, with focus on the control that opened the dialog.
    let leave = {
        let id = id.clone();
        move |after_reload: bool| {
            if table.close_edit() {
                let view = TableQuery::from_query_string(&location.search.get_untracked());
                navigate(&view.href(), keeping_the_table_in_place());
            }
            table.return_focus(&id, after_reload);
        }
    };
    let close = Callback::new({
        let leave = leave.clone();
        move |()| leave(false)
    });
    let saved = Callback::new(move |updated: api::ConnectionRequest| {
        table.credentials_saved(&updated);
        leave(true);
    });

    // The dialog (or why it cannot be used) for a request as loaded; drawn on a press of its
    // row's link, it shows with the click.
    let shown = table.edit_shown();
    let dialog_for = move |request: api::ConnectionRequest| {
        let user = table.user.get_value();
        let title = tf("Edit Credentials for {alias}", &[("alias", &request.api_portal_alias)]);
        name_page_when_shown(title.clone(), shown);
        match can_edit_credentials(&request, &user) {
            Ok(()) => view! { <EditCredentialsDialog request user shown on_close=close on_saved=saved unsaved=table.edit_input /> }.into_any(),
            Err(blocked) => view! { <Notice title message=blocked.reason() on_close=close /> }.into_any(),
        }
    };
    // Opened from its row, the dialog shows at once, from the row's data; a deep link asks the hub.
    match table.shown_request(&id) {
        Some(request) => dialog_for(request),
        None => {
            let request = LocalResource::new(move || {
                let id = id.clone();
                async move { api::connection_request(&id).await }
            });
            view! {
                <Transition fallback=|| view! { <p class="visually-hidden" role="status">{t("Opening Edit Credentials…")}</p> }>
                    {move || Suspend::new(async move {
                        match request.await {
                            Ok(request) => dialog_for(request),
                            Err(error) => view! { <Notice title=t("Edit Credentials").to_owned() message=error.to_string() on_close=close /> }.into_any(),
                        }
                    })}
                </Transition>
            }
            .into_any()
        }
    }
}

/// Why the dialog cannot be used, in a dialog of its own.
#[component]
fn Notice(title: String, message: String, #[prop(into)] on_close: Callback<()>) -> impl IntoView {
    view! {
        <Modal title title_id="notice-title" on_cancel=on_close>
            <div class="dialog-body">
                <p role="alert">{message}</p>
            </div>
            <div class="dialog-footer">
                <button type="button" class="button" autofocus on:click=move |_| on_close.run(())>{t("Close")}</button>
            </div>
        </Modal>
    }
}
