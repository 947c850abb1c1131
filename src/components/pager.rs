//! Paging: where in the list the page is, previous and next, and the page size.

use leptos::prelude::*;

use crate::table_query::{TableQuery, PAGE_SIZES};

#[component]
pub fn Pager(view: TableQuery, count: u64, #[prop(into)] on_change: Callback<TableQuery>) -> impl IntoView {
    let pages = view.page_count(count);
    let page = view.page.min(pages);
    let first = if count == 0 { 0 } else { u64::from(page - 1) * u64::from(view.page_size) + 1 };
    let last = (u64::from(page) * u64::from(view.page_size)).min(count);
    let (previous, following, resized) = (view.with_page(page - 1), view.with_page(page + 1), view.clone());
    let options = PAGE_SIZES
        .into_iter()
        .map(|size| view! { <option value=size.to_string() selected={size == view.page_size}>{size}</option> })
        .collect_view();
    view! {
        <nav class="pager" aria-label="Pages">
            <label class="page-size">
                "Rows per page "
                <select on:change=move |event| {
                    let size = event_target_value(&event).parse().unwrap_or(resized.page_size);
                    on_change.run(resized.with_page_size(size));
                }>{options}</select>
            </label>
            <span class="page-range" aria-live="polite">{format!("{first}–{last} of {count}, page {page} of {pages}")}</span>
            <button type="button" class="button" disabled={page <= 1} on:click=move |_| on_change.run(previous.clone())>
                "Previous page"
            </button>
            <button type="button" class="button" disabled={page >= pages} on:click=move |_| on_change.run(following.clone())>
                "Next page"
            </button>
        </nav>
    }
}
