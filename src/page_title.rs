//! `document.title` names the page the user is on (what a tab, the history and a screen
//! reader's page list show).

use leptos::prelude::{document, on_cleanup};

use crate::i18n::t;

/// The title for a page named `page` (already in the user's language).
pub fn title_for(page: &str) -> String {
    format!("{page} – {}", t("API Portal Connections"))
}

/// Names the page `page` while the calling component is mounted; the title it replaced comes
/// back when it is gone (a dialog's route hands the title back to the table).
pub fn name_page(page: &str) {
    let before = document().title();
    document().set_title(&title_for(page));
    on_cleanup(move || document().set_title(&before));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_the_page_then_the_app() {
        assert_eq!(title_for("Connection requests"), "Connection requests – API Portal Connections");
    }
}
