//! Where focus goes once the table shows a fresh page of rows. Rows are drawn in place: a row
//! in the same place whose cells did not change keeps its elements, and the one with focus
//! keeps it; a row whose cells did (another request in its place, or the same one changed) is
//! drawn anew, and its focused control with it, so focus falls to the page. So is the header
//! row when the sort changed (its `aria-sort`): its sort button is found again by its id. And a
//! page can take a while to come: if the user moved on meanwhile, their focus is left alone.

use leptos::prelude::{document, GetValue, LocalStorage, SetValue, StoredValue, WithValue};
use web_sys::Element;

use crate::components::action_cell::{action_id, request_of_action_id};
use crate::focus;

/// A place focus was asked to go once the table shows its rows again.
#[derive(Clone, Copy)]
pub struct PendingFocus {
    /// The id of the element that gets focus.
    target: StoredValue<Option<String>>,
    /// The element that had that id when it was asked for: the control the user pressed, or
    /// the one a closing dialog gives focus back to. While focus stays there, the user has not
    /// moved on.
    anchor: StoredValue<Option<Element>, LocalStorage>,
}

impl Default for PendingFocus {
    fn default() -> Self {
        Self { target: StoredValue::new(None), anchor: StoredValue::new_local(None) }
    }
}

impl PendingFocus {
    /// Asks for focus on the element with `id` once the rows are drawn.
    pub fn ask(&self, id: String) {
        self.anchor.set_value(document().get_element_by_id(&id));
        self.target.set_value(Some(id));
    }

    /// Forgets what was asked.
    pub fn clear(&self) {
        self.target.set_value(None);
        self.anchor.set_value(None);
    }

    /// Focuses the element asked for now, if the page shows it and focus has nowhere better to
    /// be; otherwise the request stays for the next rows.
    pub fn focus_now(&self) {
        let Some(id) = self.target.get_value() else { return };
        if focus::focus_is_lost() && focus::focus_id(&id) {
            self.clear();
        }
    }

    /// Once a page of rows is drawn (`kept`: the table's focused control just before):
    /// focus goes where it was asked for (tried once) if it fell to the page or is still where
    /// it was when asked. Otherwise, if it fell to the page with its control's row (drawn anew),
    /// it stays with the request whose control had it: on that request's control, or its View
    /// if that control is gone, or nowhere in the table if the request is no longer on the page.
    pub fn after_render(&self, kept: Option<KeptFocus>) {
        let lost = focus::focus_is_lost();
        // Focus fell to the page because its control's row was drawn anew, not because the user
        // left it.
        let redrawn = kept.as_ref().is_some_and(|kept| !kept.element.is_connected());
        if let Some(id) = self.target.get_value() {
            let active = document().active_element();
            let still_on_anchor = self.anchor.with_value(|anchor| anchor.is_some() && *anchor == active);
            self.clear();
            if ((lost && !redrawn) || still_on_anchor) && focus::focus_id(&id) {
                return;
            }
        }
        // Not lost: the user moved on, or focus is still on its control, which acts on the same
        // request as before (a row's controls are never given to another request in place).
        let Some(kept) = kept.filter(|_| lost) else { return };
        let view = request_of_action_id(&kept.id).map(|request| action_id("view", request));
        let _ = focus::focus_id(&kept.id) || view.is_some_and(|view| focus::focus_id(&view));
    }
}

/// The table's focused control as the old rows are about to give way, and the id it had.
pub struct KeptFocus {
    element: Element,
    id: String,
}

impl KeptFocus {
    pub fn now() -> Option<Self> {
        let element = document().active_element().filter(is_in_table)?;
        let id = element.id();
        (!id.is_empty()).then_some(Self { element, id })
    }
}

fn is_in_table(element: &Element) -> bool {
    element.closest("table.requests").ok().flatten().is_some()
}
