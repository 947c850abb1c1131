//! Asking before something is lost, in the app's own dialog: `window.confirm()` is unthemed,
//! and a launchpad frame that may not open modals answers it with "no" without asking.

use leptos::prelude::*;

use crate::components::modal::Modal;
use crate::i18n::t;

#[component]
pub fn ConfirmDialog(
    #[prop(into)] title: String,
    #[prop(into)] message: String,
    /// The button that goes ahead (and loses something), like "Discard".
    confirm_label: &'static str,
    /// The button that keeps things as they are; it has focus first.
    cancel_label: &'static str,
    #[prop(into)] on_confirm: Callback<()>,
    #[prop(into)] on_cancel: Callback<()>,
) -> impl IntoView {
    view! {
        <Modal title title_id="confirm-title" class="dialog-narrow" on_cancel>
            <div class="dialog-body">
                <p>{message}</p>
            </div>
            <div class="dialog-footer">
                <button type="button" class="button button-emphasized" autofocus on:click=move |_| on_cancel.run(())>{cancel_label}</button>
                <button type="button" class="button button-transparent" on:click=move |_| on_confirm.run(())>{confirm_label}</button>
            </div>
        </Modal>
    }
}

/// "Discard …?" while `asking`: Discard runs `on_discard`, "Keep editing" returns to the input.
#[component]
pub fn ConfirmDiscard(
    asking: RwSignal<bool>,
    /// Already in the user's language (the caller translates it).
    title: &'static str,
    /// Already in the user's language (the caller translates it).
    message: &'static str,
    #[prop(into)] on_discard: Callback<()>,
) -> impl IntoView {
    view! {
        <Show when=move || asking.get()>
            <ConfirmDialog
                title
                message
                confirm_label=t("Discard")
                cancel_label=t("Keep editing")
                on_confirm=move |()| on_discard.run(())
                on_cancel=move |()| asking.set(false)
            />
        </Show>
    }
}

/// While `entered()` says the user has input that is not saved, leaving the page (reload,
/// closing the tab, another address) asks first, in the browser's own words: the page can put
/// no dialog of its own in the way.
pub fn ask_before_leaving_the_page(entered: impl Fn() -> bool + 'static) {
    let listener = window_event_listener(leptos::ev::beforeunload, move |event| {
        if entered() {
            event.prevent_default();
            // Browsers that predate `preventDefault()` here ask when the return value is set.
            event.set_return_value("");
        }
    });
    on_cleanup(move || listener.remove());
}

/// What a dialog shares with the page behind it, whose address the browser's Back may take
/// away from under it: whether the dialog holds input that is not saved, and the page's request
/// that it close as Cancel does (asking first when it holds input).
#[derive(Clone, Copy)]
pub struct UnsavedInput {
    held: StoredValue<bool>,
    close_asked: Trigger,
}

impl Default for UnsavedInput {
    fn default() -> Self {
        Self::new()
    }
}

impl UnsavedInput {
    pub fn new() -> Self {
        Self { held: StoredValue::new(false), close_asked: Trigger::new() }
    }

    /// Whether the dialog holds input that is not saved.
    pub fn held(&self) -> bool {
        self.held.try_get_value().unwrap_or(false)
    }

    /// Asks the dialog to close as Cancel does.
    pub fn ask_to_close(&self) {
        self.close_asked.notify();
    }

    /// For the dialog: tells the page whether `entered()` (tracked), and runs `close` when the
    /// page asks.
    pub fn attach(self, entered: impl Fn() -> bool + 'static, close: Callback<()>) {
        Effect::new(move |_| self.held.set_value(entered()));
        Effect::new(move |tracked_before: Option<()>| {
            self.close_asked.track();
            if tracked_before.is_some() {
                close.run(());
            }
        });
        on_cleanup(move || {
            let _ = self.held.try_set_value(false);
        });
    }
}
