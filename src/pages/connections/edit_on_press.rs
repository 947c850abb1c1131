//! Edit Credentials is drawn as its row's link is pressed, and shown by the click. A click is a
//! press and a release, about a tenth of a second apart with a mouse; building the dialog takes a
//! quarter of that on a slow device. Built during the press, closed and unseen (a closed
//! `<dialog>` is not rendered, nor heard, nor focusable), it only has to show on the click. A
//! press that brings no click (released elsewhere, or dragged) lets it go. The dialog still
//! opens on the click alone, as a link's action should: a press can be taken back.

use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::time::Duration;

use leptos::prelude::{set_timeout, window};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// While the current press lasts: `draw` in a task of its own (the press's own event is not held
/// up, nor a release that comes at once, as a script's click does: then the click does it all
/// and `draw` does not run); once it has ended (the pointer's button released, or the press taken
/// over by the browser, as for a drag), `let_go` after the click its release brings, if any (a
/// mouse's click comes in the same task as its release), if `draw` ran.
pub fn while_pressed(draw: impl FnOnce() + 'static, let_go: impl FnOnce() + 'static) {
    let Ok(ended) = web_sys::AbortController::new() else { return };
    let over = Rc::new(Cell::new(false));
    let drawn = Rc::new(Cell::new(false));
    set_timeout(
        {
            let (over, drawn) = (Rc::clone(&over), Rc::clone(&drawn));
            move || {
                if !over.get() {
                    drawn.set(true);
                    draw();
                }
            }
        },
        Duration::ZERO,
    );
    let let_go = Cell::new(Some(let_go));
    // The listener, kept until the press has ended: it lets itself go then.
    let kept = Rc::new(RefCell::new(None::<Closure<dyn Fn()>>));
    let listener = Closure::<dyn Fn()>::new({
        let ended = ended.clone();
        let kept = Rc::clone(&kept);
        move || {
            // Either event ends the press: neither listens any more.
            ended.abort();
            over.set(true);
            if let Some(let_go) = let_go.take() {
                let (kept, drawn) = (Rc::clone(&kept), Rc::clone(&drawn));
                set_timeout(
                    move || {
                        drop(kept.take());
                        if drawn.get() {
                            let_go();
                        }
                    },
                    Duration::ZERO,
                );
            }
        }
    });
    let options = web_sys::AddEventListenerOptions::new();
    options.set_capture(true);
    options.set_signal(&ended.signal());
    for event in ["pointerup", "pointercancel"] {
        let _ = window().add_event_listener_with_callback_and_add_event_listener_options(event, listener.as_ref().unchecked_ref(), &options);
    }
    *kept.borrow_mut() = Some(listener);
}
