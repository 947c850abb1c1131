//! Opening a native `<dialog>` as a modal once it is in the document.

use leptos::prelude::request_animation_frame;
use web_sys::HtmlDialogElement;

/// Frames to wait for the dialog to be attached before giving up (about a second).
const MAX_FRAMES: u32 = 60;

/// Calls `showModal()` on `dialog` as soon as it is connected to the document: a dialog that a
/// suspended view renders may be attached a frame or more after it is created, and
/// `showModal()` refuses a detached one.
pub fn show_modal_when_attached(dialog: HtmlDialogElement) {
    try_open(dialog, MAX_FRAMES);
}

fn try_open(dialog: HtmlDialogElement, frames_left: u32) {
    if dialog.open() {
        return;
    }
    if dialog.is_connected() {
        let _ = dialog.show_modal();
    } else if frames_left > 0 {
        request_animation_frame(move || try_open(dialog, frames_left - 1));
    }
}
