//! The Edit Credentials dialog: type the Client ID and Client Secret (the URLs are kept) or
//! paste the JSON the API portal generated, see at once what is wrong, and save with the
//! request's version. A failed save keeps everything the user entered.

pub(crate) mod fields;
pub(crate) mod json_box;
pub(crate) mod messages;
pub mod save_problem;
mod summary;
pub(crate) mod unsaved_test;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::{self, ConnectionRequest, User};
use crate::components::confirm_dialog::{ask_before_leaving_the_page, ConfirmDiscard, UnsavedInput};
use crate::components::modal::Modal;
use crate::credentials_form::CredentialsForm;
use crate::focus;
use crate::hidden_secrets::Hidden;
use crate::i18n::{t, tf};
use fields::CredentialsFields;
use json_box::JsonBox;
use messages::{MessageStrip, ProblemMessage};
use save_problem::{after_failure, AfterFailure, SaveProblem};
use summary::{ChangeSummaryView, CurrentCredentials};
use unsaved_test::{TestTheseCredentials, UnsavedTest, UnsavedTestOutcome};

/// The id of the JSON box; fields are `credentials-<target>`.
const SAVE_ID: &str = "edit-credentials-save";
pub(crate) const JSON_BOX_ID: &str = "credentials-json";

/// What the credentials inputs share (here and in the New connection request dialog).
#[derive(Clone, Copy)]
pub(crate) struct DialogState {
    pub form: RwSignal<CredentialsForm>,
    /// Which secrets are hidden (in their field and in the JSON box alike).
    pub hidden: RwSignal<Hidden>,
    /// The last save's failure, until the user acts on it.
    pub problem: RwSignal<Option<SaveProblem>>,
}

impl DialogState {
    pub fn new(form: CredentialsForm) -> Self {
        Self { form: RwSignal::new(form), hidden: RwSignal::new(Hidden::ALL), problem: RwSignal::new(None) }
    }

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
    /// Whether it shows once mounted (the default), or waits, unseen, until this turns true.
    #[prop(into, default = Signal::stored(true))]
    shown: Signal<bool>,
    /// Shared with the page behind, whose Back would otherwise close it with the input.
    #[prop(optional)]
    unsaved: Option<UnsavedInput>,
) -> impl IntoView {
    let title = tf("Edit Credentials for {alias}", &[("alias", &request.api_portal_alias)]);
    let state = DialogState::new(CredentialsForm::new(&request));
    // The request as the dialog last loaded it.
    let current = RwSignal::new(request);
    let confirming_discard = RwSignal::new(false);
    let save = Action::new_local(|(id, version, body): &(String, i64, String)| api::replace_credentials(id.clone(), *version, body.clone()));
    let saving = save.pending();
    let test = UnsavedTest::new(state.form);
    Effect::new(move |_| {
        let Some(result) = save.value().get() else { return };
        match result {
            Ok(updated) => on_saved.run(updated),
            Err(error) => show_failure(after_failure(error), state, current),
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
        let request = current.get_untracked();
        save.dispatch((request.id, request.version, body));
    });
    let close = Callback::new(move |()| {
        if state.form.with_untracked(CredentialsForm::is_dirty) {
            confirming_discard.set(true);
        } else {
            on_close.run(());
        }
    });
    ask_before_leaving_the_page(move || state.form.with_untracked(CredentialsForm::is_dirty));
    if let Some(unsaved) = unsaved {
        unsaved.attach(move || state.form.with(CredentialsForm::is_dirty), close);
    }

    view! {
        <Modal title title_id="edit-credentials-title" class="dialog-wide" on_cancel=close shown>
            <form class="dialog-form" novalidate on:submit=move |event| {
                event.prevent_default();
                submit.run(());
            }>
                <div class="dialog-body">
                    <ProblemMessage problem=state.problem user save_id=SAVE_ID on_save_again=submit />
                    <MessageStrip form=state.form />
                    <JsonBox id=JSON_BOX_ID state />
                    <CredentialsFields state />
                    <CurrentCredentials current />
                    <ChangeSummaryView form=state.form />
                    <UnsavedTestOutcome test />
                </div>
                <div class="dialog-footer">
                    <button
                        id=SAVE_ID
                        type="submit"
                        class="button button-emphasized"
                        aria-disabled=move || (saving.get() || blocked()).to_string()
                        aria-busy=move || saving.get().to_string()
                    >
                        {move || if saving.get() { t("Saving…") } else { t("Save") }}
                    </button>
                    <TestTheseCredentials test state />
                    <button type="button" class="button button-transparent" on:click=move |_| close.run(())>{t("Cancel")}</button>
                </div>
            </form>
            <ConfirmDiscard asking=confirming_discard title=t("Discard your changes?")
                message=t("The credentials you entered have not been saved.") on_discard=on_close />
        </Modal>
    }
}

/// Builds the dialog for `request` once, mounts it in an element off the page, lets its effects
/// run once, has the browser open a copy of it unseen (`open_a_copy_unseen`), and throws it away
/// in a later idle moment, so that the first Edit Credentials finds its work done before: V8
/// compiles WebAssembly a function at a time, the first time it runs, and the browser styles and
/// lays out a dialog and the inert page behind it far quicker the second time. Nothing of it is
/// shown or asked for: off the page, the dialog itself never opens (its `Modal` looks for it on
/// the page once a frame until then). Done once it is thrown away.
pub async fn warm_up(request: ConnectionRequest, user: User) {
    use leptos::tachys::view::{Mountable, Render};
    let owner = Owner::new();
    let mut built = owner.with(|| view! { <EditCredentialsDialog request user on_close=|()| {} on_saved=|_| {} /> }.build());
    let off_the_page = document().create_element("div").ok();
    if let Some(off_the_page) = &off_the_page {
        built.mount(off_the_page, None);
    }
    // Effects first run on the executor's next tick.
    leptos::task::tick().await;
    // Each step in an idle moment of its own, shorter tasks instead of one: building takes 10-37
    // ms at full speed, the copy's opening about 10 and throwing away 1-9 ms more, and a click
    // that comes meanwhile waits.
    if crate::idle::next_moment().await {
        if let Some(dialog) = off_the_page.and_then(|element| element.first_element_child()) {
            open_a_copy_unseen(&dialog);
        }
    }
    crate::idle::next_moment().await;
    built.unmount();
    drop(built);
    owner.cleanup();
}

/// Opens a copy of `dialog` with `showModal()`, takes it out of the page and closes it, in the
/// same task, before any frame could show it. Opening a dialog the first time in a page takes the
/// browser about twice as long as later (styles to match, text to shape, the page behind to style
/// as inert), and what it learns is kept for the real one (CPU 4x slower: its first `showModal()`
/// 45 -> 29 ms). A copy has none of the app's handlers, and its `close` event, which comes later,
/// reaches nobody.
///
/// The opening focuses the copy's JSON box, which moves the selection and where Tab starts from
/// into the copy, and taking it out gives neither back. So it opens only while nothing on the page
/// is focused or selected and no dialog is open: then there is nothing of the user's it could
/// take. (A click anywhere on the page leaves a caret, which counts as a selection.)
fn open_a_copy_unseen(dialog: &web_sys::Element) {
    use wasm_bindgen::JsCast;
    let dialog_open = document().query_selector("dialog[open]").ok().flatten().is_some();
    let selection = window().get_selection().ok().flatten().map_or(0, |selection| selection.range_count());
    if dialog_open || selection > 0 || !focus::focus_is_lost() {
        return;
    }
    let copy = dialog.clone_node_with_deep(true).ok().and_then(|copy| copy.dyn_into::<web_sys::HtmlDialogElement>().ok());
    let (Some(copy), Some(body)) = (copy, document().body()) else { return };
    if body.append_child(&copy).is_ok() {
        let _ = copy.show_modal();
    }
    // Taken out while open, and closed only then: closing it in the page gives focus back at
    // once, for which the browser styles the whole page again, no longer inert, in this task (15
    // of its 46 ms at full speed); taken out first, the page is styled with the next frame, in a
    // task of its own.
    copy.remove();
    copy.close();
    // The focused JSON box left a caret behind where the copy was; there was no selection before.
    if let Ok(Some(selection)) = window().get_selection() {
        let _ = selection.remove_all_ranges();
    }
}

/// Shows a failed save; where the hub said the request changed, loads it first, so that the
/// current credentials and the change summary show it as it is now.
fn show_failure(after: AfterFailure, state: DialogState, current: RwSignal<ConnectionRequest>) {
    match after {
        AfterFailure::Show(problem) => state.problem.set(Some(problem)),
        AfterFailure::LoadLatest(change) => {
            let id = current.with_untracked(|request| request.id.clone());
            spawn_local(async move {
                match api::connection_request(&id).await {
                    Ok(latest) => {
                        state.form.update(|form| form.rebase(&latest));
                        current.set(latest.clone());
                        state.problem.set(Some(change.problem(latest)));
                    }
                    Err(error) => state.problem.set(Some(SaveProblem::Refused(error.to_string()))),
                }
            });
        }
    }
}

/// After Save found problems: focus where the first one is.
pub(crate) fn focus_first_problem(form: RwSignal<CredentialsForm>) {
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
