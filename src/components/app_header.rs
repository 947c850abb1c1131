//! The shell bar: the app's name, who is signed in, "Sign out" and, with the development
//! login, "Switch user" (signing in as someone else at once). Inside a frame, without the name.

use leptos::prelude::*;

use crate::api::{self, User};
use crate::components::modal::Modal;
use crate::components::sign_in::UserChoice;
use crate::i18n::t;

#[component]
pub fn AppHeader(
    user: User,
    /// Whether the development login is on (then "Switch user" is offered).
    dev_login: Signal<bool>,
    /// Called once the session has ended or changed hands.
    #[prop(into)]
    on_session_changed: Callback<()>,
) -> impl IntoView {
    let sign_out = Action::new_local(|_: &()| api::sign_out());
    Effect::new(move |_| {
        if let Some(Ok(())) = sign_out.value().get() {
            on_session_changed.run(());
        }
    });
    let busy = sign_out.pending();
    let controls = view! {
            <div class="app-user">
                <span>{[t("Signed in as"), " "].concat()}<strong>{user.name}</strong></span>
                {move || dev_login.get().then(|| view! { <SwitchUser on_session_changed /> })}
                <button type="button" class="button button-transparent" aria-disabled=move || busy.get().to_string() on:click=move |_| {
                    if !busy.get_untracked() {
                        sign_out.dispatch(());
                    }
                }>{t("Sign out")}</button>
            </div>
            {move || match sign_out.value().get() {
                Some(Err(error)) => Some(sign_out_failed(&error)),
                _ => None,
            }}
    };
    // In a launchpad's frame the launchpad has the top bar with the app's name: only who is
    // signed in and Sign out stay, in a plain bar that is no second banner.
    if crate::startup::environment().framed {
        view! { <div class="app-user-bar">{controls}</div> }.into_any()
    } else {
        view! {
            <header class="app-header">
                <span class="app-title">{t("API Portal Connections")}</span>
                {controls}
            </header>
        }
        .into_any()
    }
}

/// "Switch user" and its dialog, with the development login: sign in as someone else at once.
#[component]
fn SwitchUser(on_session_changed: Callback<()>) -> impl IntoView {
    let switching = RwSignal::new(false);
    view! {
        <button type="button" class="button button-transparent" on:click=move |_| switching.set(true)>{t("Switch user")}</button>
        <Show when=move || switching.get()>
            <Modal title=t("Switch user") title_id="switch-user-title" on_cancel=move |()| switching.set(false)>
                <div class="dialog-body">
                    <UserChoice on_signed_in=on_session_changed />
                </div>
                <div class="dialog-footer">
                    <button type="button" class="button button-transparent" on:click=move |_| switching.set(false)>{t("Cancel")}</button>
                </div>
            </Modal>
        </Show>
    }
}

/// Why signing out failed. Erased and out of the header's code (`inline(never)`): a start never
/// draws it, and the release build's code split leaves it for later.
#[inline(never)]
fn sign_out_failed(error: &api::ApiError) -> AnyView {
    view! { <p class="message message-error" role="alert">{error.to_string()}</p> }.into_any()
}
