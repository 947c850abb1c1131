//! "Requested by me": only the requests the signed-in user submitted, the ones they can act on.

use leptos::prelude::*;

use crate::i18n::t;
use crate::table_query::TableQuery;

#[component]
pub fn MineFilter(#[prop(into)] view: Signal<TableQuery>, #[prop(into)] on_change: Callback<TableQuery>) -> impl IntoView {
    view! {
        <label class="toggle">
            <input
                type="checkbox"
                prop:checked=move || view.with(|view| view.mine)
                on:change=move |event| on_change.run(view.with_untracked(|view| view.with_mine(event_target_checked(&event))))
            />
            {t("Requested by me")}
        </label>
    }
}
