//! The dialog's messages at the top: the strip that sums up what the checks found, and the
//! message of a failed save with the one thing to do about it.

use credentials::{Severity, WHERE_CREDENTIALS_COME_FROM};
use leptos::prelude::*;

use super::save_problem::{ProblemAction, SaveProblem};
use crate::api::{self, User};
use crate::components::icon::Icon;
use crate::components::status_badge::StatusBadge;
use crate::credentials_form::CredentialsForm;
use crate::focus;
use crate::i18n::{self, t, tf, translate};
use crate::tone::Tone;

/// The id of the summary strip, focused when Save finds nothing more specific to point at.
pub const STRIP_ID: &str = "credentials-summary";
const PROBLEM_ID: &str = "save-problem";
const PROBLEM_ACTION_ID: &str = "save-problem-action";

/// A message strip as SAP UIs show one: an icon, a tinted background, the words.
#[component]
fn Strip(tone: Tone, #[prop(optional)] id: Option<&'static str>, children: Children) -> impl IntoView {
    let icon = match tone {
        Tone::Negative => Icon::Error,
        Tone::Warning => Icon::Warning,
        Tone::Positive => Icon::Check,
        Tone::Information | Tone::Neutral => Icon::Information,
    };
    view! {
        <div id=id class=format!("message-strip {}", tone.class()) data-icon=icon.name() tabindex=id.map(|_| "-1")>
            <div class="message-strip-text">{children()}</div>
        </div>
    }
}

/// What the checks found, summed up: how many problems block saving, and, once, where real
/// credentials come from when the input shows the user has none in hand.
#[component]
pub fn MessageStrip(form: RwSignal<CredentialsForm>) -> impl IntoView {
    let summary = move || {
        form.with(|form| {
            if form.too_large_to_send() {
                return Some((
                    Tone::Negative,
                    t("Written out, these credentials are larger than the 64 KiB the hub accepts. Remove what does not belong to them.").to_owned(),
                ));
            }
            let guidance = if form.calls_for_new_credentials() { format!(" {}", translate(WHERE_CREDENTIALS_COME_FROM)) } else { String::new() };
            match (form.count(Severity::Error), form.count(Severity::Warning)) {
                (0, 0) => None,
                (0, warnings) => {
                    let count = i18n::count(warnings as u64);
                    let text = if warnings == 1 {
                        tf("{count} warning: saving is possible; check what is marked below.", &[("count", &count)])
                    } else {
                        tf("{count} warnings: saving is possible; check what is marked below.", &[("count", &count)])
                    };
                    Some((Tone::Warning, text))
                }
                (errors, _) => {
                    let count = i18n::count(errors as u64);
                    let text = if errors == 1 {
                        tf("{count} problem to fix before saving, marked below.", &[("count", &count)])
                    } else {
                        tf("{count} problems to fix before saving, marked below.", &[("count", &count)])
                    };
                    Some((Tone::Negative, text + &guidance))
                }
            }
        })
    };
    view! {
        <div role="status" aria-live="polite" class="strip-region">
            {move || summary().map(|(tone, text)| view! { <Strip tone id=STRIP_ID><p>{text}</p></Strip> })}
        </div>
    }
}

/// A failed save: what happened, and the one thing to do about it, which gets focus (or the
/// message itself, when there is nothing to do).
#[component]
pub fn ProblemMessage(
    problem: RwSignal<Option<SaveProblem>>,
    user: User,
    /// The id of the dialog's save button, which gets focus after signing in again.
    save_id: &'static str,
    /// Save again, over what someone else saved meanwhile.
    #[prop(into)]
    on_save_again: Callback<()>,
) -> impl IntoView {
    let sign_in = Action::new_local(|user_id: &String| api::sign_in(user_id.clone()));
    Effect::new(move |_| {
        if let Some(Ok(_)) = sign_in.value().get() {
            problem.set(None);
            focus::focus_id_after_render(save_id.to_owned());
        }
    });
    Effect::new(move |_| {
        let Some(action) = problem.with(|problem| problem.as_ref().map(SaveProblem::action)) else { return };
        // The message is at the top of the body; the user may be at the bottom.
        focus::focus_id_after_render(if action.is_some() { PROBLEM_ACTION_ID } else { PROBLEM_ID }.to_owned());
    });
    let (user_id, user_name) = (user.id, user.name);
    move || {
        let problem = problem.get()?;
        let action = problem.action().map(|action| {
            let (label, on_click): (String, Callback<()>) = match action {
                ProblemAction::SignInAgain => {
                    let user_id = user_id.clone();
                    (tf("Sign in again as {name}", &[("name", &user_name)]), Callback::new(move |()| {
                        sign_in.dispatch(user_id.clone());
                    }))
                }
                ProblemAction::SaveAgain => (t("Save mine instead").to_owned(), on_save_again),
                ProblemAction::Retry => (t("Retry").to_owned(), on_save_again),
            };
            view! { <button type="button" id=PROBLEM_ACTION_ID class="button" on:click=move |_| on_click.run(())>{label}</button> }
        });
        let status = match &problem {
            SaveProblem::StatusChanged(latest) => Some(view! { <StatusBadge status=latest.status /> }),
            _ => None,
        };
        Some(view! {
            <div role="alert" class="problem">
                <Strip tone=problem.tone() id=PROBLEM_ID>
                    <p>{problem.text()} {status}</p>
                    {action}
                </Strip>
            </div>
        })
    }
}
