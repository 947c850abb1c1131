//! `<Modal>`: every dialog of the app, on the native `<dialog>` opened with `showModal()`, so
//! that the browser traps focus, makes the page behind inert and turns Escape into "cancel".
//! A modal is open while it is mounted (unless held back: see `shown`); its owner unmounts it to
//! close it.
//!
//! Its title stays on top and its footer (the buttons) at the bottom; only the body between
//! them scrolls, so that Save never scrolls out of sight.
//!
//! The dialogs' styles (`style/dialogs.css`) are not in `index.html`: the table, the first page
//! of nearly every visit, has no dialog open, and every byte of its load counts. They come with
//! this code, which the release build loads after the first page (or at once, for a link
//! straight to a dialog), and are given to the document before a dialog first shows.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use leptos::html::Dialog;
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::JsCast;
use web_sys::HtmlDialogElement;

use crate::focus;

/// The dialogs' stylesheet, which `index.html` does not carry.
const DIALOG_STYLES: &str = include_str!("../../style/dialogs.css");

/// Frames to wait for the dialog to be attached before giving up (about a second).
const MAX_FRAMES: u32 = 60;

#[component]
pub fn Modal(
    /// The dialog's title, which also names it.
    #[prop(into)]
    title: String,
    /// The id of the title element (unique in the page).
    title_id: &'static str,
    /// Extra classes, such as `dialog-wide`.
    #[prop(optional)]
    class: &'static str,
    /// Escape was pressed: the owner decides whether to close.
    #[prop(into)]
    on_cancel: Callback<()>,
    /// Whether it opens once mounted (the default) or waits, closed and unseen, until this turns
    /// true: a dialog built while the user is still pressing its opener, before the click.
    #[prop(into, default = Signal::stored(true))]
    shown: Signal<bool>,
    /// The body and the footer (`.dialog-body`, `.dialog-footer`), possibly inside a form.
    children: Children,
) -> impl IntoView {
    install_dialog_styles();
    let dialog = NodeRef::<Dialog>::new();
    // Where focus was as it opened: it goes back there when the dialog is gone (unless it has
    // found a better place, or that element is gone too). The browser itself puts it back on the
    // opener element; an opener with an id is found again by that id, since rows redrawn in place
    // under the dialog may have given its element to another request.
    // (Only after a dialog that opened: one built off the page, or gone before it was attached or
    // shown, took focus from nobody.)
    let opener = Opener::default();
    let was_opened = opener.clone();
    let gone = Arc::new(AtomicBool::new(false));
    let now_gone = Arc::clone(&gone);
    on_cleanup(move || {
        now_gone.store(true, Ordering::Relaxed);
        let Some((id, opener)) = was_opened.take() else { return };
        request_animation_frame(move || {
            let on_opener = document().active_element().is_some_and(|active| active == opener);
            if !(focus::focus_is_lost() || on_opener) {
                return;
            }
            let target = if id.is_empty() { Some(opener.clone()).filter(|opener| opener.is_connected()) } else { document().get_element_by_id(&id) };
            let focusable = |element: web_sys::Element| element.dyn_into::<web_sys::HtmlElement>().ok();
            match (target.and_then(focusable), on_opener) {
                (Some(target), _) => {
                    let _ = target.focus();
                }
                // The opener's element now stands for something else, and its own is gone.
                (None, true) => {
                    let _ = focusable(opener).map(|opener| opener.blur());
                }
                (None, false) => {}
            }
        });
    });
    Effect::new(move |_| {
        let held_back = !shown.get();
        if let Some(dialog) = dialog.get().filter(|_| !held_back) {
            show_modal_when_attached(dialog, opener.clone(), Arc::clone(&gone));
        }
    });
    view! {
        <dialog
            node_ref=dialog
            class=format!("dialog {class}")
            aria-labelledby=title_id
            on:cancel=move |event: leptos::ev::Event| {
                event.prevent_default();
                on_cancel.run(());
            }
            on:close=move |event: leptos::ev::Event| {
                // Closed by the browser itself (a close request it would not let us cancel):
                // the dialog is still the app's, so it opens again and the owner decides.
                let Some(dialog) = event.target().and_then(|target| target.dyn_into::<HtmlDialogElement>().ok()) else { return };
                if dialog.is_connected() {
                    let _ = dialog.show_modal();
                    on_cancel.run(());
                }
            }
        >
            <h2 id=title_id class="dialog-title">{title}</h2>
            {children()}
        </dialog>
    }
}

/// The element that had focus when the dialog opened, with its id; nothing until it opened.
#[derive(Clone, Default)]
struct Opener(Arc<Mutex<Option<FocusedBefore>>>);

/// An element with its id (the element lives on the browser's one thread).
type FocusedBefore = SendWrapper<(String, web_sys::Element)>;

impl Opener {
    /// The dialog has opened; `active` had focus just before.
    fn opened_from(&self, active: Option<web_sys::Element>) {
        if let Ok(mut opener) = self.0.lock() {
            *opener = active.map(|active| SendWrapper::new((active.id(), active)));
        }
    }

    /// The opener, if the dialog opened.
    fn take(&self) -> Option<(String, web_sys::Element)> {
        self.0.lock().ok()?.take().map(SendWrapper::take)
    }
}

/// Calls `showModal()` on `dialog` as soon as it is connected to the document: a dialog that a
/// suspended view renders may be attached a frame or more after it is created, and
/// `showModal()` refuses a detached one. It stops waiting once the modal is `gone` (unmounted,
/// or built off the page and thrown away). `opener` is set as it opens.
///
/// The first try comes in a microtask of its own, after the one in which Leptos gives the
/// dialog's fields their `prop:value`s (queued while the dialog was built): the browser then
/// lays the dialog out once, with its values, instead of once empty and again filled.
fn show_modal_when_attached(dialog: HtmlDialogElement, opener: Opener, gone: Arc<AtomicBool>) {
    queue_microtask(move || try_open(dialog, opener, gone, MAX_FRAMES));
}

fn try_open(dialog: HtmlDialogElement, opener: Opener, gone: Arc<AtomicBool>, frames_left: u32) {
    if dialog.open() || gone.load(Ordering::Relaxed) {
        return;
    }
    if dialog.is_connected() {
        let active = document().active_element();
        if dialog.show_modal().is_ok() {
            opener.opened_from(active);
        }
    } else if frames_left > 0 {
        request_animation_frame(move || try_open(dialog, opener, gone, frames_left - 1));
    }
}

/// Gives the document the dialogs' stylesheet, once, as a constructed stylesheet: the hub's
/// Content Security Policy would refuse a `<style>` element made by a script, but not this. (A
/// browser that cannot construct one cannot read `main.css` either: `light-dark()`, ranges in
/// media queries.)
fn install_dialog_styles() {
    thread_local! {
        static INSTALLED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    }
    if INSTALLED.get() {
        return;
    }
    let Ok(sheet) = web_sys::CssStyleSheet::new() else { return };
    // It refuses only a sheet it did not construct, or one still loading an earlier text.
    let _ = sheet.replace_sync(DIALOG_STYLES);
    let document = document();
    // A copy: some browsers hand out a frozen array.
    let sheets = js_sys::Array::from(&document.adopted_style_sheets());
    sheets.push(&sheet);
    document.set_adopted_style_sheets(&sheets);
    INSTALLED.set(true);
}
