//! The shell bar: the app's name, who is signed in, "Sign out" and, with the development
//! login, "Switch user".

use leptos::prelude::*;

use crate::api::{self, User};

#[component]
pub fn AppHeader(
    user: User,
    /// Whether the development login is on (then "Switch user" is offered).
    dev_login: Signal<bool>,
    /// Called once the session has ended.
    #[prop(into)]
    on_signed_out: Callback<()>,
) -> impl IntoView {
    let sign_out = Action::new_local(|_: &()| api::sign_out());
    Effect::new(move |_| {
        if let Some(Ok(())) = sign_out.value().get() {
            on_signed_out.run(());
        }
    });
    let busy = sign_out.pending();
    view! {
        <header class="app-header">
            <span class="app-title">"API Portal Connections"</span>
            <div class="app-user">
                <span>"Signed in as " <strong>{user.name}</strong></span>
                <Show when=move || dev_login.get()>
                    <button type="button" class="button button-transparent" disabled=move || busy.get() on:click=move |_| {
                        sign_out.dispatch(());
                    }>"Switch user"</button>
                </Show>
                <button type="button" class="button button-transparent" disabled=move || busy.get() on:click=move |_| {
                    sign_out.dispatch(());
                }>"Sign out"</button>
            </div>
            {move || match sign_out.value().get() {
                Some(Err(error)) => Some(view! { <p class="message message-error" role="alert">{error.to_string()}</p> }),
                _ => None,
            }}
        </header>
    }
}
