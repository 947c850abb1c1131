//! Paging: where in the list the page is, previous and next, and the page size. It stays on
//! screen while the rows reload, so the button just pressed keeps focus; at either end its
//! button says it is unavailable instead of dropping focus.

use leptos::prelude::*;

use crate::i18n::{count as number, t, tf};
use crate::table_query::{TableQuery, PAGE_SIZES};

#[component]
pub fn Pager(
    #[prop(into)] view: Signal<TableQuery>,
    /// The number of matches, once known.
    #[prop(into)]
    count: Signal<Option<u64>>,
    #[prop(into)] on_change: Callback<TableQuery>,
) -> impl IntoView {
    let pages = move || view.with(|view| view.page_count(count.get().unwrap_or(0)));
    let page = move || view.with(|view| view.page).min(pages());
    let range = move || {
        let count = count.get()?;
        let (page, size) = (u64::from(page()), u64::from(view.with(|view| view.page_size)));
        let first = if count == 0 { 0 } else { (page - 1) * size + 1 };
        let last = (page * size).min(count);
        let (first, last, total, page, pages) = (number(first), number(last), number(count), number(page), number(u64::from(pages())));
        Some(tf("{first}–{last} of {count}, page {page} of {pages}", &[("first", &first), ("last", &last), ("count", &total), ("page", &page), ("pages", &pages)]))
    };
    let at_start = move || page() <= 1;
    let at_end = move || page() >= pages();
    let go_to = move |page: u32| on_change.run(view.with_untracked(|view| view.with_page(page)));
    view! {
        <nav class="pager" aria-label=t("Pages")>
            <label class="page-size">
                {t("Rows per page")}
                <select prop:value=move || view.with(|view| view.page_size.to_string()) on:change=move |event| {
                    let current = view.get_untracked();
                    let size = event_target_value(&event).parse().unwrap_or(current.page_size);
                    on_change.run(current.with_page_size(size));
                }>
                    {PAGE_SIZES.map(|size| view! { <option value=size.to_string()>{size}</option> })}
                </select>
            </label>
            <span class="page-range" aria-live="polite">{range}</span>
            <button type="button" id="pager-previous" class="button button-transparent" aria-disabled=move || at_start().to_string()
                on:click=move |_| if !at_start() { go_to(page() - 1) }>
                {t("Previous page")}
            </button>
            <button type="button" id="pager-next" class="button button-transparent" aria-disabled=move || at_end().to_string()
                on:click=move |_| if !at_end() { go_to(page() + 1) }>
                {t("Next page")}
            </button>
        </nav>
    }
}
