//! What the table says when it has no rows.

use leptos::prelude::*;

use crate::i18n::{t, tf};
use crate::table_query::TableQuery;

/// No rows: either there are no requests at all, or none matches the filters.
#[component]
pub fn EmptyState(view: TableQuery, #[prop(into)] on_clear: Callback<TableQuery>) -> impl IntoView {
    let filtered = !view.search.is_empty() || view.status.is_some() || view.mine;
    if !filtered {
        return view! { <p class="empty" role="status">{t("No connection requests yet.")}</p> }.into_any();
    }
    let message = match (view.search.as_str(), view.mine) {
        ("", true) => t("None of your requests has this status.").to_owned(),
        ("", false) => t("No request has this status.").to_owned(),
        (search, true) => tf("None of your requests matches '{search}'.", &[("search", &search)]),
        (search, false) => tf("No request matches '{search}'.", &[("search", &search)]),
    };
    let message = if view.mine && view.search.is_empty() && view.status.is_none() {
        t("You have not requested any connection yet.").to_owned()
    } else {
        message
    };
    view! {
        <div class="empty" role="status">
            <p>{message}</p>
            <button type="button" class="button" on:click=move |_| on_clear.run(TableQuery::default())>{t("Clear filters")}</button>
        </div>
    }
    .into_any()
}
