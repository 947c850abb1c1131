//! Approve or Reject: what the administrator decides on (alias, requester, API portal,
//! credentials, the last test), how many API portals are connected before approving, and a
//! reason when rejecting. The decision is sent with the version shown; if someone changed the
//! request meanwhile, the dialog shows what changed and lets the administrator decide again.

use leptos::prelude::*;

use crate::api::{self, ApiError, ConnectionRequest, Decision};
use crate::components::modal::Modal;
use crate::focus;
use crate::i18n::{count, t, tf};
use crate::lifecycle_text::{credentials_line, last_test_label, what_changed};
use crate::tone::Tone;

/// A hub connects at most this many API portals (hub-api.md).
pub const MAX_CONNECTED_PORTALS: u64 = 3;
/// The most characters a reason may have.
const MAX_REASON_CHARS: usize = 500;
const REASON_ID: &str = "decision-reason";
const REASON_ERROR_ID: &str = "decision-reason-error";
const PROBLEM_ID: &str = "decision-problem";

#[component]
pub fn DecisionDialog(
    request: ConnectionRequest,
    decision: Decision,
    /// Closed without deciding; `true` when the dialog learned that the request changed.
    #[prop(into)]
    on_close: Callback<bool>,
    #[prop(into)] on_decided: Callback<ConnectionRequest>,
) -> impl IntoView {
    let seen_version = request.version;
    let alias = &request.api_portal_alias;
    let (verb, busy_verb, title) = match decision {
        Decision::Approve => (t("Approve"), t("Approve…"), tf("Approve {alias}?", &[("alias", alias)])),
        Decision::Reject => (t("Reject"), t("Reject…"), tf("Reject {alias}?", &[("alias", alias)])),
    };
    let shown = RwSignal::new(request);
    let reason = RwSignal::new(String::new());
    let reason_error = RwSignal::new(None::<&'static str>);
    let problem = RwSignal::new(None::<(Tone, String)>);
    let connected = LocalResource::new(move || async move {
        if decision == Decision::Approve { api::connected_portals().await.ok() } else { None }
    });
    let at_limit = move || connected.get().flatten().is_some_and(|count| count >= MAX_CONNECTED_PORTALS);
    let decide = Action::new_local(move |(request, reason): &(ConnectionRequest, String)| {
        api::decide(request.id.clone(), request.version, decision, reason.clone())
    });
    let deciding = decide.pending();
    Effect::new(move |_| {
        let Some(result) = decide.value().get() else { return };
        match result {
            Ok(decided) => on_decided.run(decided),
            Err(ApiError::PreconditionFailed | ApiError::Conflict(_)) => {
                // Someone changed the request: show it as it is now, and what changed.
                let seen = shown.get_untracked();
                leptos::task::spawn_local(async move {
                    match api::connection_request(&seen.id).await {
                        Ok(latest) => {
                            let mut text = tf("{alias} changed since you opened this.", &[("alias", &latest.api_portal_alias)]);
                            for change in what_changed(&seen, &latest) {
                                text.push(' ');
                                text.push_str(&change);
                            }
                            text.push(' ');
                            text.push_str(if latest.status.is_open() { t("Check it again, then decide.") } else { t("There is nothing left to decide.") });
                            shown.set(latest);
                            problem.set(Some((Tone::Warning, text)));
                        }
                        Err(error) => problem.set(Some((Tone::Negative, error.to_string()))),
                    }
                    focus::focus_id_after_render(PROBLEM_ID.to_owned());
                });
            }
            Err(error) => {
                problem.set(Some((Tone::Negative, error.to_string())));
                focus::focus_id_after_render(PROBLEM_ID.to_owned());
            }
        }
    });
    let unavailable = move || deciding.get() || !shown.with(|request| request.status.is_open()) || (decision == Decision::Approve && at_limit());
    let submit = move || {
        if untrack(unavailable) {
            return;
        }
        let text = reason.get_untracked().trim().to_owned();
        let error = match decision {
            Decision::Reject if text.is_empty() => Some(t("Say why, so that the requester knows what to do next.")),
            _ if text.chars().count() > MAX_REASON_CHARS => Some(t("The reason may have at most 500 characters.")),
            _ => None,
        };
        reason_error.set(error);
        if error.is_some() {
            focus::focus_id_after_render(REASON_ID.to_owned());
            return;
        }
        problem.set(None);
        decide.dispatch((shown.get_untracked(), text));
    };

    let details = move || {
        shown.with(|request| {
            let last_test = last_test_label(request.last_test.as_ref()).map_or_else(|| t("Not tested since the credentials were saved").to_owned(), |(_, label)| label);
            view! {
                <dl class="details">
                    <dt>{t("Alias")}</dt><dd>{request.api_portal_alias.clone()}</dd>
                    <dt>{t("Requested by")}</dt><dd>{request.requested_by.name.clone()}</dd>
                    <dt>{t("API portal")}</dt><dd>{request.api_portal_url.clone()}</dd>
                    <dt>{t("Credentials")}</dt><dd>{credentials_line(&request.credentials)}</dd>
                    <dt>{t("Last test")}</dt><dd>{last_test}</dd>
                </dl>
            }
        })
    };
    let limit_note = move || {
        (decision == Decision::Approve).then(|| match connected.get().flatten() {
            None => view! { <p role="status">{t("Counting the connected API portals…")}</p> }.into_any(),
            Some(connected) => {
                let (connected_count, max) = (count(connected), count(MAX_CONNECTED_PORTALS));
                let values: [(&str, &dyn std::fmt::Display); 2] = [("count", &connected_count), ("max", &max)];
                if connected >= MAX_CONNECTED_PORTALS {
                    view! {
                        <p id="decision-limit" class="message-strip tone-negative" role="status">
                            {tf("{count} of {max} API portals are connected, the most a hub connects: Approve is unavailable until one of them is disconnected. You can still reject the request.", &values)}
                        </p>
                    }
                    .into_any()
                } else {
                    view! { <p role="status">{tf("{count} of {max} API portals are connected; approving connects one more.", &values)}</p> }.into_any()
                }
            }
        })
    };
    let close = Callback::new(move |()| on_close.run(shown.with_untracked(|request| request.version != seen_version)));
    let reason_label = match decision {
        Decision::Approve => t("Reason (optional, shown to the requester)"),
        Decision::Reject => t("Reason (shown to the requester)"),
    };

    view! {
        <Modal title=title title_id="decision-title" on_cancel=close>
            <form class="dialog-form" novalidate on:submit=move |event| {
                event.prevent_default();
                submit();
            }>
                <div class="dialog-body">
                    {move || problem.get().map(|(tone, text)| view! {
                        <p id=PROBLEM_ID class=format!("message-strip {}", tone.class()) role="alert" tabindex="-1">{text}</p>
                    })}
                    {details}
                    {limit_note}
                    <div class="decision-reason">
                        <label for=REASON_ID>{reason_label}</label>
                        <textarea id=REASON_ID maxlength=MAX_REASON_CHARS.to_string()
                            aria-required=(decision == Decision::Reject).to_string()
                            aria-invalid=move || reason_error.get().is_some().to_string()
                            aria-describedby=move || reason_error.get().map(|_| REASON_ERROR_ID)
                            prop:value=move || reason.get()
                            on:input=move |event| { reason.set(event_target_value(&event)); reason_error.set(None); }
                        ></textarea>
                        {move || reason_error.get().map(|error| view! { <p id=REASON_ERROR_ID class="field-message tone-negative">{error}</p> })}
                    </div>
                </div>
                <div class="dialog-footer">
                    <button type="submit" class="button button-emphasized"
                        aria-disabled=move || unavailable().to_string()
                        aria-describedby=move || (decision == Decision::Approve && at_limit()).then_some("decision-limit")
                        aria-busy=move || deciding.get().to_string()>
                        {move || if deciding.get() { busy_verb } else { verb }}
                    </button>
                    <button type="button" class="button button-transparent" on:click=move |_| close.run(())>{t("Cancel")}</button>
                </div>
            </form>
        </Modal>
    }
}
