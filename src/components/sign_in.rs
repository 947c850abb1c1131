//! "Sign in as": the development login's choice of users, on the sign-in page and behind
//! "Switch user".

use leptos::prelude::*;

use crate::api::{self, User};
use crate::components::error_message::ErrorMessage;
use crate::i18n::{t, tf};

#[component]
pub fn SignIn(#[prop(into)] on_signed_in: Callback<()>) -> impl IntoView {
    crate::page_title::name_page(t("Sign in"));
    view! {
        <main class="page sign-in">
            <h1>{t("Sign in")}</h1>
            <p>{t("You are not signed in. Choose whom to sign in as (development login).")}</p>
            <UserChoice on_signed_in />
        </main>
    }
}

/// The users one may sign in as, each with a button that signs in as them.
#[component]
pub fn UserChoice(#[prop(into)] on_signed_in: Callback<()>) -> impl IntoView {
    let users = LocalResource::new(api::sign_in_users);
    let sign_in = Action::new_local(|user_id: &String| api::sign_in(user_id.clone()));
    Effect::new(move |_| {
        if let Some(Ok(_)) = sign_in.value().get() {
            on_signed_in.run(());
        }
    });
    view! {
        <Transition fallback=|| view! { <p role="status">{t("Loading users…")}</p> }>
            {move || Suspend::new(async move {
                match users.await {
                    Ok(users) => view! { <UserList users sign_in /> }.into_any(),
                    Err(error) => view! { <ErrorMessage error /> }.into_any(),
                }
            })}
        </Transition>
        {move || match sign_in.value().get() {
            Some(Err(error)) => Some(view! { <ErrorMessage error /> }),
            _ => None,
        }}
    }
}

#[component]
fn UserList(users: Vec<User>, sign_in: Action<String, Result<User, api::ApiError>>) -> impl IntoView {
    let pending = sign_in.pending();
    view! {
        <ul class="user-choice" aria-label=t("Users")>
            {users
                .into_iter()
                .map(|user| {
                    let id = user.id.clone();
                    let roles = if user.roles.is_empty() { t("no roles").to_owned() } else { user.roles.join(", ") };
                    view! {
                        <li>
                            <button
                                type="button"
                                class="button"
                                aria-disabled=move || pending.get().to_string()
                                on:click=move |_| {
                                    if !pending.get_untracked() {
                                        sign_in.dispatch(id.clone());
                                    }
                                }
                            >
                                {tf("Sign in as {name}", &[("name", &user.name)])}
                            </button>
                            <span class="user-roles">{roles}</span>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}
