//! "Connect API Portal": a new connection request, with its alias, a comment, and credentials
//! entered exactly as in Edit Credentials (paste the JSON or type the fields; checked as you
//! go; secrets hidden). An alias another request has is shown at the alias field.

use leptos::prelude::*;

use crate::api::{self, ApiError, ConnectionRequest, User};
use crate::components::confirm_dialog::{ask_before_leaving_the_page, ConfirmDiscard};
use crate::components::edit_credentials::fields::CredentialsFields;
use crate::components::edit_credentials::json_box::JsonBox;
use crate::components::edit_credentials::messages::{MessageStrip, ProblemMessage};
use crate::components::edit_credentials::save_problem::SaveProblem;
use crate::components::edit_credentials::unsaved_test::{TestTheseCredentials, UnsavedTest, UnsavedTestOutcome};
use crate::components::edit_credentials::{focus_first_problem, DialogState, JSON_BOX_ID};
use crate::components::modal::Modal;
use crate::credentials_form::CredentialsForm;
use crate::focus;
use crate::i18n::{t, tf, translate};

const SUBMIT_ID: &str = "new-request-submit";
const ALIAS_ID: &str = "new-request-alias";
const ALIAS_ERROR_ID: &str = "new-request-alias-error";
const COMMENT_ID: &str = "new-request-comment";
const COMMENT_ERROR_ID: &str = "new-request-comment-error";
const MAX_ALIAS_CHARS: usize = 64;
const MAX_COMMENT_CHARS: usize = 2000;

/// What is wrong with an alias as typed, before the hub is asked.
pub fn alias_problem(alias: &str) -> Option<String> {
    let alias = alias.trim();
    if alias.is_empty() {
        return Some(t("Enter an alias: the name under which the API portal appears in the hub.").to_owned());
    }
    if alias.chars().count() > MAX_ALIAS_CHARS {
        return Some(tf("The alias may have at most {max} characters.", &[("max", &MAX_ALIAS_CHARS)]));
    }
    None
}

#[component]
pub fn NewRequestDialog(
    user: User,
    #[prop(into)] on_close: Callback<()>,
    #[prop(into)] on_submitted: Callback<ConnectionRequest>,
) -> impl IntoView {
    let state = DialogState::new(CredentialsForm::empty());
    let alias = RwSignal::new(String::new());
    let comment = RwSignal::new(String::new());
    let alias_error = RwSignal::new(None::<String>);
    let comment_error = RwSignal::new(None::<String>);
    let confirming_discard = RwSignal::new(false);
    let test = UnsavedTest::new(state.form);
    let submit_request = Action::new_local(|(alias, comment, body): &(String, String, String)| {
        api::submit_request(alias.clone(), comment.clone(), body.clone())
    });
    let submitting = submit_request.pending();

    Effect::new(move |_| {
        let Some(result) = submit_request.value().get() else { return };
        match result {
            Ok(created) => on_submitted.run(created),
            Err(ApiError::AliasTaken(message)) => {
                alias_error.set(Some(message));
                focus::focus_id_after_render(ALIAS_ID.to_owned());
            }
            Err(ApiError::Validation { message, details }) => {
                // The alias and the comment are told at their fields; the credentials' findings as
                // in Edit Credentials.
                let at = |target: &str| details.iter().find(|detail| detail.target == target).map(|detail| detail.translated_message(translate));
                alias_error.set(at("apiPortalAlias"));
                comment_error.set(at("comment"));
                let credentials: Vec<_> = details.into_iter().filter(|detail| detail.target.starts_with("credentials")).collect();
                if !credentials.is_empty() {
                    state.problem.set(Some(SaveProblem::Fields { message, details: credentials }));
                } else if alias_error.with_untracked(Option::is_some) {
                    focus::focus_id_after_render(ALIAS_ID.to_owned());
                } else {
                    focus::focus_id_after_render(COMMENT_ID.to_owned());
                }
            }
            Err(ApiError::NotAuthenticated) => state.problem.set(Some(SaveProblem::SignedOut)),
            Err(error) if error.is_transient() => state.problem.set(Some(SaveProblem::Retry(tf("{error} What you entered is kept.", &[("error", &error)])))),
            Err(error) => state.problem.set(Some(SaveProblem::Refused(error.to_string()))),
        }
    });

    let submit = Callback::new(move |()| {
        if submitting.get_untracked() {
            return;
        }
        let alias_text = alias.get_untracked();
        alias_error.set(alias_problem(&alias_text));
        let too_long = comment.with_untracked(|comment| comment.chars().count() > MAX_COMMENT_CHARS);
        comment_error.set(too_long.then(|| tf("The comment may have at most {max} characters.", &[("max", &MAX_COMMENT_CHARS)])));
        let body = state.form.try_update(CredentialsForm::attempt_save).flatten();
        if alias_error.get_untracked().is_some() {
            focus::focus_id_after_render(ALIAS_ID.to_owned());
            return;
        }
        if too_long {
            focus::focus_id_after_render(COMMENT_ID.to_owned());
            return;
        }
        let Some(body) = body else {
            focus_first_problem(state.form);
            return;
        };
        state.problem.set(None);
        submit_request.dispatch((alias_text.trim().to_owned(), comment.get_untracked(), body));
    });
    let entered = move || {
        alias.with_untracked(|alias| !alias.is_empty())
            || comment.with_untracked(|comment| !comment.is_empty())
            || state.form.with_untracked(CredentialsForm::is_dirty)
    };
    let close = Callback::new(move |()| {
        if entered() {
            confirming_discard.set(true);
        } else {
            on_close.run(());
        }
    });
    ask_before_leaving_the_page(entered);

    view! {
        <Modal title=t("Connect API Portal") title_id="new-request-title" class="dialog-wide" on_cancel=close>
            <form class="dialog-form" novalidate on:submit=move |event| {
                event.prevent_default();
                submit.run(());
            }>
                <div class="dialog-body">
                    <ProblemMessage problem=state.problem user save_id=SUBMIT_ID on_save_again=submit />
                    <div class="field">
                        <label for=ALIAS_ID>{t("API portal alias")}</label>
                        <input id=ALIAS_ID type="text" autocomplete="off" maxlength=MAX_ALIAS_CHARS.to_string() aria-required="true"
                            aria-invalid=move || alias_error.with(Option::is_some).to_string()
                            aria-describedby=move || alias_error.with(Option::is_some).then_some(ALIAS_ERROR_ID)
                            prop:value=move || alias.get()
                            on:input=move |event| { alias.set(event_target_value(&event)); alias_error.set(None); } />
                        {move || alias_error.get().map(|error| view! { <p id=ALIAS_ERROR_ID class="field-message tone-negative">{error}</p> })}
                    </div>
                    <div class="field">
                        <label for=COMMENT_ID>{t("Comment (optional)")}</label>
                        <textarea id=COMMENT_ID rows="2"
                            aria-invalid=move || comment_error.with(Option::is_some).to_string()
                            aria-describedby=move || comment_error.with(Option::is_some).then_some(COMMENT_ERROR_ID)
                            prop:value=move || comment.get()
                            on:input=move |event| { comment.set(event_target_value(&event)); comment_error.set(None); }></textarea>
                        {move || comment_error.get().map(|error| view! { <p id=COMMENT_ERROR_ID class="field-message tone-negative">{error}</p> })}
                    </div>
                    <MessageStrip form=state.form />
                    <JsonBox id=JSON_BOX_ID state />
                    <CredentialsFields state />
                    <UnsavedTestOutcome test />
                </div>
                <div class="dialog-footer">
                    <button type="submit" id=SUBMIT_ID class="button button-emphasized"
                        aria-disabled=move || submitting.get().to_string() aria-busy=move || submitting.get().to_string()>
                        {move || if submitting.get() { t("Submitting…") } else { t("Submit") }}
                    </button>
                    <TestTheseCredentials test state />
                    <button type="button" class="button button-transparent" on:click=move |_| close.run(())>{t("Cancel")}</button>
                </div>
            </form>
            <ConfirmDiscard asking=confirming_discard title=t("Discard this request?")
                message=t("What you entered has not been submitted.") on_discard=on_close />
        </Modal>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_alias_is_needed_and_not_too_long() {
        assert!(alias_problem("  ").unwrap().starts_with("Enter an alias"));
        assert!(alias_problem(&"x".repeat(65)).unwrap().contains("at most 64"));
        assert_eq!(alias_problem(" EU20 New Portal "), None);
    }
}
