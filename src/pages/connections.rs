//! `/connections`: the signed-in user's view of the connection requests.

use leptos::prelude::*;

use crate::api::{self, ApiError, User};
use crate::components::error_message::ErrorMessage;
use crate::components::request_table::RequestTable;
use crate::components::sign_in::SignIn;

#[component]
pub fn ConnectionsPage() -> impl IntoView {
    // Bumped after signing in, so that the user (and with it the page) is loaded again.
    let (session_changes, set_session_changes) = signal(0u32);
    let user = LocalResource::new(move || {
        session_changes.track();
        api::current_user()
    });
    let on_signed_in = Callback::new(move |()| set_session_changes.update(|changes| *changes += 1));

    view! {
        <Transition fallback=|| view! { <p class="page" role="status">"Loading…"</p> }>
            {move || Suspend::new(async move {
                match user.await {
                    Ok(user) => view! { <SignedInView user /> }.into_any(),
                    Err(ApiError::NotAuthenticated) => view! { <SignIn on_signed_in /> }.into_any(),
                    Err(error) => view! { <main class="page"><ErrorMessage error /></main> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn SignedInView(user: User) -> impl IntoView {
    let requests = LocalResource::new(api::connection_requests);
    view! {
        <header class="app-header">
            <span class="app-title">"API Portal Connections"</span>
            <span class="signed-in-as">"Signed in as " <strong>{user.name}</strong></span>
        </header>
        <main class="page">
            <h1>"Connection requests"</h1>
            <Transition fallback=|| view! { <p role="status">"Loading connection requests…"</p> }>
                <ErrorBoundary fallback=|errors| view! {
                    {move || errors.get().into_iter().map(|(_, error)| view! {
                        <p class="message message-error" role="alert">{error.to_string()}</p>
                    }).collect_view()}
                }>
                    {move || Suspend::new(async move {
                        requests.await.map(|page| view! { <RequestTable requests=page.results /> })
                    })}
                </ErrorBoundary>
            </Transition>
        </main>
    }
}
