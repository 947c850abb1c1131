//! The Edit Credentials dialog: type the Client ID and Client Secret (the URLs are kept) or
//! paste the JSON the API portal generated, see at once what is wrong, and save with the
//! request's version. A failed save keeps everything the user entered.

mod fields;
mod json_box;
mod messages;
pub mod save_problem;
mod summary;

use credentials::{CredentialKind, Field};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::{self, ConnectionRequest, User};
use crate::components::confirm_dialog::ConfirmDialog;
use crate::components::modal::Modal;
use crate::credentials_form::CredentialsForm;
use crate::focus;
use crate::hidden_secrets::Hidden;
use fields::{CertificateInfo, SecretField, TextField};
use json_box::JsonBox;
use messages::{MessageStrip, ProblemMessage};
use save_problem::{after_failure, AfterFailure, SaveProblem};
use summary::{ChangeSummaryView, CurrentCredentials};

/// The id of the JSON box; fields are `credentials-<target>`.
const JSON_BOX_ID: &str = "credentials-json";

/// What the parts of the dialog share.
#[derive(Clone, Copy)]
struct DialogState {
    form: RwSignal<CredentialsForm>,
    /// Which secrets are hidden (in their field and in the JSON box alike).
    hidden: RwSignal<Hidden>,
    /// The last save's failure, until the user acts on it.
    problem: RwSignal<Option<SaveProblem>>,
    /// The request as the dialog last loaded it.
    current: RwSignal<ConnectionRequest>,
}

impl DialogState {
    /// The user changed something: a refusal of the hub about the old values no longer applies.
    fn edited(self) {
        self.problem.update(|problem| {
            if matches!(problem, Some(SaveProblem::Fields { .. })) {
                *problem = None;
            }
        });
    }
}

#[component]
pub fn EditCredentialsDialog(
    request: ConnectionRequest,
    user: User,
    #[prop(into)] on_close: Callback<()>,
    #[prop(into)] on_saved: Callback<ConnectionRequest>,
) -> impl IntoView {
    let title = format!("Edit Credentials for {}", request.api_portal_alias);
    let state = DialogState {
        form: RwSignal::new(CredentialsForm::new(&request)),
        hidden: RwSignal::new(Hidden::ALL),
        problem: RwSignal::new(None),
        current: RwSignal::new(request),
    };
    let confirming_discard = RwSignal::new(false);
    let save = Action::new_local(|(id, version, body): &(String, i64, String)| api::replace_credentials(id.clone(), *version, body.clone()));
    let saving = save.pending();

    Effect::new(move |_| {
        let Some(result) = save.value().get() else { return };
        match result {
            Ok(updated) => on_saved.run(updated),
            Err(error) => show_failure(after_failure(error), state),
        }
    });

    let blocked = move || state.problem.with(|problem| matches!(problem, Some(SaveProblem::StatusChanged(_))));
    let submit = Callback::new(move |()| {
        if saving.get_untracked() || untrack(blocked) {
            return;
        }
        let Some(body) = state.form.try_update(CredentialsForm::attempt_save).flatten() else {
            focus_first_problem(state.form);
            return;
        };
        state.problem.set(None);
        let request = state.current.get_untracked();
        save.dispatch((request.id, request.version, body));
    });
    let close = Callback::new(move |()| {
        if state.form.with_untracked(CredentialsForm::is_dirty) {
            confirming_discard.set(true);
        } else {
            on_close.run(());
        }
    });
    let is_x509 = move || state.form.with(|form| form.kind) == CredentialKind::X509;

    view! {
        <Modal title title_id="edit-credentials-title" class="dialog-wide" on_cancel=close>
            <form class="dialog-form" novalidate on:submit=move |event| {
                event.prevent_default();
                submit.run(());
            }>
                <div class="dialog-body">
                    <ProblemMessage problem=state.problem user on_save_again=submit />
                    <MessageStrip form=state.form />
                    <JsonBox id=JSON_BOX_ID state />
                    <fieldset class="fields">
                        <legend>{move || if is_x509() { "X.509 credentials" } else { "Client ID and Client Secret" }}</legend>
                        <Show when=move || !is_x509()>
                            <TextField field=Field::ClientId state />
                            <SecretField field=Field::ClientSecret state />
                        </Show>
                        <TextField field=Field::Url state />
                        <TextField field=Field::TokenUrl state />
                        <Show when=is_x509>
                            <TextField field=Field::CertUrl state />
                            <TextField field=Field::ClientId label="Client ID (optional)" state />
                            <TextField field=Field::Certificate state multiline=true />
                            <CertificateInfo form=state.form />
                            <SecretField field=Field::Key state />
                        </Show>
                    </fieldset>
                    <CurrentCredentials current=state.current />
                    <ChangeSummaryView form=state.form />
                </div>
                <div class="dialog-footer">
                    <button
                        id="edit-credentials-save"
                        type="submit"
                        class="button button-emphasized"
                        aria-disabled=move || (saving.get() || blocked()).to_string()
                        aria-busy=move || saving.get().to_string()
                    >
                        {move || if saving.get() { "Saving…" } else { "Save" }}
                    </button>
                    <button type="button" class="button button-transparent" on:click=move |_| close.run(())>"Cancel"</button>
                </div>
            </form>
            <Show when=move || confirming_discard.get()>
                <ConfirmDialog
                    title="Discard your changes?"
                    message="The credentials you entered have not been saved."
                    confirm_label="Discard"
                    cancel_label="Keep editing"
                    on_confirm=move |()| on_close.run(())
                    on_cancel=move |()| confirming_discard.set(false)
                />
            </Show>
        </Modal>
    }
}

/// Shows a failed save; where the hub said the request changed, loads it first, so that the
/// current credentials and the change summary show it as it is now.
fn show_failure(after: AfterFailure, state: DialogState) {
    match after {
        AfterFailure::Show(problem) => state.problem.set(Some(problem)),
        AfterFailure::LoadLatest(change) => {
            let id = state.current.with_untracked(|request| request.id.clone());
            spawn_local(async move {
                match api::connection_request(&id).await {
                    Ok(latest) => {
                        state.form.update(|form| form.rebase(&latest));
                        state.current.set(latest.clone());
                        state.problem.set(Some(change.problem(latest)));
                    }
                    Err(error) => state.problem.set(Some(SaveProblem::Refused(error.to_string()))),
                }
            });
        }
    }
}

/// After Save found problems: focus where the first one is.
fn focus_first_problem(form: RwSignal<CredentialsForm>) {
    let target = form.with_untracked(|form| {
        if form.json_has_errors() {
            JSON_BOX_ID.to_owned()
        } else if let Some(field) = form.first_field_in_error() {
            fields::input_id(field)
        } else {
            messages::STRIP_ID.to_owned()
        }
    });
    focus::focus_id_after_render(target);
}
