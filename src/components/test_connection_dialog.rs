//! "Test Connection" for a request's stored credentials: the hub asks their token endpoint for
//! a token, and the dialog says what happened and what to do next.

use leptos::prelude::*;

use crate::api::{self, ConnectionRequest, TestOutcome};
use crate::components::modal::Modal;
use crate::i18n::{t, tf};
use crate::lifecycle_text::outcome_text;
use crate::tone::Tone;

#[component]
pub fn TestConnectionDialog(
    request: ConnectionRequest,
    /// Closed; `true` when a test ran (the table shows its outcome).
    #[prop(into)]
    on_close: Callback<bool>,
) -> impl IntoView {
    let id = request.id.clone();
    let test = Action::new_local(move |(): &()| api::test_stored_credentials(id.clone()));
    test.dispatch(());
    let testing = test.pending();
    let tested = move || test.value().with(Option::is_some);
    view! {
        <Modal title=tf("Test Connection for {alias}", &[("alias", &request.api_portal_alias)]) title_id="test-connection-title" on_cancel=move |()| on_close.run(tested())>
            <div class="dialog-body">
                <div role="status" aria-live="polite" class="test-outcome">
                    {move || if testing.get() {
                        Some(view! { <p>{t("Testing: asking the token endpoint for a token…")}</p> }.into_any())
                    } else {
                        test.value().get().map(|result| outcome_view(result).into_any())
                    }}
                </div>
            </div>
            <div class="dialog-footer">
                <button type="button" class="button" aria-disabled=move || testing.get().to_string()
                    on:click=move |_| if !testing.get_untracked() { test.dispatch(()); }>
                    {t("Test again")}
                </button>
                <button type="button" class="button button-transparent" autofocus on:click=move |_| on_close.run(tested())>{t("Close")}</button>
            </div>
        </Modal>
    }
}

/// The outcome of a test (or why it could not run), as a message strip.
pub fn outcome_view(result: Result<TestOutcome, api::ApiError>) -> impl IntoView {
    let (tone, text) = match result {
        Ok(outcome) => outcome_text(&outcome),
        Err(error) => (Tone::Negative, tf("The test could not run. {error}", &[("error", &error)])),
    };
    view! { <p class=format!("message-strip {}", tone.class())>{text}</p> }
}
