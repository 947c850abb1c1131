//! Sorting where the table has no column headers to click: the cards of a narrow window.

use leptos::prelude::*;

use crate::i18n::t;
use crate::table_query::{SortField, TableQuery};

/// Each order offered: its field, direction and name (in the user's language, known at run time).
const ORDERS: [(SortField, bool, fn() -> &'static str); 8] = [
    (SortField::UpdatedAt, true, || t("Last updated, newest first")),
    (SortField::UpdatedAt, false, || t("Last updated, oldest first")),
    (SortField::Alias, false, || t("Alias, A to Z")),
    (SortField::Alias, true, || t("Alias, Z to A")),
    (SortField::Status, false, || t("Status, in lifecycle order")),
    (SortField::RequestedBy, false, || t("Requested by, A to Z")),
    (SortField::RequestedAt, true, || t("Requested on, newest first")),
    (SortField::RequestedAt, false, || t("Requested on, oldest first")),
];

#[component]
pub fn SortSelect(#[prop(into)] view: Signal<TableQuery>, #[prop(into)] on_change: Callback<TableQuery>) -> impl IntoView {
    let selected = move || {
        view.with(|view| ORDERS.iter().position(|(field, descending, _)| *field == view.sort && *descending == view.descending))
            .map_or(String::new(), |index| index.to_string())
    };
    view! {
        <label class="sort-select">
            {t("Sort by")}
            " "
            <select prop:value=selected on:change=move |event| {
                let Some((field, descending, _)) = event_target_value(&event).parse::<usize>().ok().and_then(|index| ORDERS.get(index)) else { return };
                on_change.run(view.with_untracked(|view| view.sorted(*field, *descending)));
            }>
                {ORDERS.iter().enumerate().map(|(index, (_, _, name))| view! { <option value=index.to_string()>{name()}</option> }).collect_view()}
            </select>
        </label>
    }
}
