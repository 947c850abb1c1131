//! Status tabs with counts, in the order of the lifecycle: All, Submitted, Pending approval,
//! Approved, Rejected.

use leptos::prelude::*;

use crate::api::{CountsByStatus, Status};
use crate::components::status_badge::status_label;
use crate::i18n::{count as number, t};
use crate::table_query::TableQuery;

/// The links are made once; another view or new counts change only their attributes, so that
/// a tab chosen with the keyboard keeps focus as its rows come, and when the counts change.
#[component]
pub fn StatusTabs(#[prop(into)] view: Signal<TableQuery>, #[prop(into)] counts: Signal<Option<CountsByStatus>>) -> impl IntoView {
    // An array, not a list: a fixed set of tabs needs no marker node in the page.
    let [submitted, pending_approval, approved, rejected] = Status::ALL;
    let tabs = [None, Some(submitted), Some(pending_approval), Some(approved), Some(rejected)].map(|status| {
        let label = status.map_or_else(|| t("All"), status_label);
        let href = move || view.with(|view| crate::startup::href(&view.with_status(status).href()));
        let current = move || view.with(|view| view.status == status).then_some("page");
        let count = move || counts.get().map(|counts| number(status.map_or_else(|| counts.total(), |status| counts.of(status))));
        view! {
            <li>
                // The count is drawn by the stylesheet and is part of the link's name.
                <a href=href aria-current=current class="status-tab" data-count=count>
                    {label}
                </a>
            </li>
        }
    });
    view! {
        <nav class="status-tabs" aria-label=t("Filter by status")>
            <ul>{tabs}</ul>
        </nav>
    }
}
