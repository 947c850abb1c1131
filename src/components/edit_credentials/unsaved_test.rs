//! "Test these credentials": the credentials as entered, not saved, tested against their token
//! endpoint by the hub, with the outcome under the form until the values change.

use leptos::prelude::*;

use super::{focus_first_problem, DialogState};
use crate::api::{self, ApiError, TestOutcome};
use crate::components::test_connection_dialog::outcome_view;
use crate::credentials_form::CredentialsForm;
use crate::i18n::t;

#[derive(Clone, Copy)]
pub struct UnsavedTest {
    /// Tests a body; its value is the body tested and the outcome.
    action: Action<String, (String, Result<TestOutcome, ApiError>)>,
    form: RwSignal<CredentialsForm>,
}

impl UnsavedTest {
    pub fn new(form: RwSignal<CredentialsForm>) -> Self {
        let action = Action::new_local(|body: &String| {
            let body = body.clone();
            async move {
                let outcome = api::test_credentials(body.clone()).await;
                (body, outcome)
            }
        });
        Self { action, form }
    }

    /// The outcome of the last test, while the values are still the ones tested.
    fn current_outcome(self) -> Option<Result<TestOutcome, ApiError>> {
        let (tested, outcome) = self.action.value().get()?;
        let still = self.form.with(|form| form.body().as_deref() == Some(tested.as_str()));
        still.then_some(outcome)
    }

    pub fn testing(self) -> Signal<bool> {
        self.action.pending().into()
    }

    /// Tests the credentials as entered, or points at what keeps them from being tested.
    pub fn run(self, state: DialogState) {
        if self.action.pending().get_untracked() {
            return;
        }
        match state.form.try_update(CredentialsForm::attempt_save).flatten() {
            Some(body) => {
                self.action.dispatch(body);
            }
            None => focus_first_problem(state.form),
        }
    }
}

/// Where the outcome is told, to screen readers too.
#[component]
pub fn UnsavedTestOutcome(test: UnsavedTest) -> impl IntoView {
    let testing = test.testing();
    view! {
        <div role="status" aria-live="polite" class="test-outcome">
            {move || if testing.get() {
                Some(view! { <p>{t("Testing: asking the token endpoint for a token…")}</p> }.into_any())
            } else {
                test.current_outcome().map(|result| outcome_view(result).into_any())
            }}
        </div>
    }
}

/// The button that runs the test, beside Save.
#[component]
pub fn TestTheseCredentials(test: UnsavedTest, state: DialogState) -> impl IntoView {
    let testing = test.testing();
    view! {
        <button type="button" class="button" aria-disabled=move || testing.get().to_string() on:click=move |_| test.run(state)>
            {t("Test these credentials")}
        </button>
    }
}
