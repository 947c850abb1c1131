//! `document.title` names the page the user is on (what a tab, the history and a screen
//! reader's page list show).

use std::sync::{Arc, Mutex};

use leptos::prelude::{document, on_cleanup, Effect, Get, GetUntracked, Owner, Signal};

use crate::i18n::t;

/// The title for a page named `page` (already in the user's language).
pub fn title_for(page: &str) -> String {
    format!("{page} – {}", t("API Portal Connections"))
}

/// Names the page `page` while the calling component is mounted; the title it replaced comes
/// back when it is gone (a dialog's route hands the title back to the table).
///
/// The title changes once the component is on screen: nobody waits to read it, and the first
/// change after a load costs the browser a millisecond or more on the way to the first row.
/// Edit Credentials opened from its row changes the address before that, so the table's entry
/// in the history keeps the table's title.
pub fn name_page(page: &str) {
    let title = title_for(page);
    let naming = Arc::new(Mutex::new(Naming::Due));
    crate::idle::after_next_frame({
        let naming = Arc::clone(&naming);
        move || {
            let Ok(mut naming) = naming.lock() else { return };
            if matches!(*naming, Naming::Due) {
                *naming = Naming::Named { replaced: document().title() };
                document().set_title(&title);
            }
        }
    });
    on_cleanup(move || {
        let Ok(mut naming) = naming.lock() else { return };
        if let Naming::Named { replaced } = std::mem::replace(&mut *naming, Naming::Gone) {
            document().set_title(&replaced);
        }
    });
}

/// Where a page's naming stands.
enum Naming {
    /// Its frame has not been drawn yet.
    Due,
    /// Named, in place of the title `replaced`.
    Named { replaced: String },
    /// Its component is gone: no naming any more.
    Gone,
}

/// Names the page `page` as `name_page` does, once `shown` is true: a dialog drawn ahead, unseen,
/// names it only when it shows.
pub fn name_page_when_shown(page: String, shown: Signal<bool>) {
    if shown.get_untracked() {
        return name_page(&page);
    }
    // Named for the calling component (not for the effect, which would hand the title back
    // whenever it ran again).
    let owner = Owner::current();
    Effect::new(move |named: Option<bool>| {
        if named == Some(true) || !shown.get() {
            return named == Some(true);
        }
        match &owner {
            Some(owner) => owner.with(|| name_page(&page)),
            None => name_page(&page),
        }
        true
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_the_page_then_the_app() {
        assert_eq!(title_for("Connection requests"), "Connection requests – API Portal Connections");
    }
}
