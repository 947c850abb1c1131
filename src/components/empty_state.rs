//! What the table says when it has no rows.

use leptos::prelude::*;

use crate::table_query::TableQuery;

/// No rows: either there are no requests at all, or none matches the filter.
#[component]
pub fn EmptyState(view: TableQuery, #[prop(into)] on_clear: Callback<TableQuery>) -> impl IntoView {
    if view.search.is_empty() && view.status.is_none() {
        return view! { <p class="empty" role="status">"No connection requests yet."</p> }.into_any();
    }
    let message = if view.search.is_empty() {
        "No request has this status.".to_owned()
    } else {
        format!("No request matches '{}'.", view.search)
    };
    view! {
        <div class="empty" role="status">
            <p>{message}</p>
            <button type="button" class="button" on:click=move |_| on_clear.run(TableQuery::default())>"Clear filter"</button>
        </div>
    }
    .into_any()
}

