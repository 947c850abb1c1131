//! Sorting where the table has no column headers to click: the cards of a narrow window.

use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use crate::i18n::t;
use crate::table_query::{SortField, TableQuery};

/// An order offered: its field, its direction and its name (in the user's language, known only at
/// run time).
struct Order {
    field: SortField,
    descending: bool,
    name: fn() -> &'static str,
}

const ORDERS: [Order; 8] = [
    Order { field: SortField::UpdatedAt, descending: true, name: || t("Last updated, newest first") },
    Order { field: SortField::UpdatedAt, descending: false, name: || t("Last updated, oldest first") },
    Order { field: SortField::Alias, descending: false, name: || t("Alias, A to Z") },
    Order { field: SortField::Alias, descending: true, name: || t("Alias, Z to A") },
    Order { field: SortField::Status, descending: false, name: || t("Status, in lifecycle order") },
    Order { field: SortField::RequestedBy, descending: false, name: || t("Requested by, A to Z") },
    Order { field: SortField::RequestedAt, descending: true, name: || t("Requested on, newest first") },
    Order { field: SortField::RequestedAt, descending: false, name: || t("Requested on, oldest first") },
];

#[component]
pub fn SortSelect(#[prop(into)] view: Signal<TableQuery>, #[prop(into)] on_change: Callback<TableQuery>) -> impl IntoView {
    let selected = move || {
        view.with(|view| ORDERS.iter().position(|order| order.field == view.sort && order.descending == view.descending))
            .map_or(String::new(), |index| index.to_string())
    };
    // Only in the page while the cards show (the stylesheet's breakpoint): a wide table has its
    // column headers, and a select with its options is no small part of a page.
    let cards = window_matches("(width < 64rem)");
    move || {
        cards.get().then(|| {
            view! {
                <label class="sort-select">
                    {t("Sort by")}
                    <select prop:value=selected on:change=move |event| {
                        let Some(order) = event_target_value(&event).parse::<usize>().ok().and_then(|index| ORDERS.get(index)) else { return };
                        on_change.run(view.with_untracked(|view| view.sorted(order.field, order.descending)));
                    }>
                        {std::array::from_fn::<_, { ORDERS.len() }, _>(|index| view! { <option value=index.to_string()>{(ORDERS[index].name)()}</option> })}
                    </select>
                </label>
            }
        })
    }
}

/// Whether the window matches the media `query`, following it as the window changes.
fn window_matches(query: &str) -> ReadSignal<bool> {
    let list = window().match_media(query).ok().flatten();
    let (matches, set_matches) = signal(list.as_ref().is_some_and(web_sys::MediaQueryList::matches));
    if let Some(list) = list {
        let listener = Closure::<dyn Fn()>::new({
            let list = list.clone();
            move || set_matches.set(list.matches())
        });
        let _ = list.add_event_listener_with_callback("change", listener.as_ref().unchecked_ref());
        let listening = SendWrapper::new((list, listener));
        on_cleanup(move || {
            let (list, listener) = listening.take();
            let _ = list.remove_event_listener_with_callback("change", listener.as_ref().unchecked_ref());
        });
    }
    matches
}
