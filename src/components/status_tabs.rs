//! Status tabs with counts, in the order of the lifecycle: All, Submitted, Pending approval,
//! Approved, Rejected.

use leptos::prelude::*;
use leptos::tachys::html::element::inner_html;

use crate::api::{CountsByStatus, Status};
use crate::components::html::Html;
use crate::components::status_badge::status_label;
use crate::i18n::{count as number, t};
use crate::table_query::TableQuery;

#[component]
pub fn StatusTabs(view: TableQuery, counts: Option<CountsByStatus>) -> impl IntoView {
    // Drawn anew for each view and its counts: HTML, like the table's rows. The router follows
    // its links as it follows any link in the page.
    let tabs = view! { <ul>{[(); 0]}</ul> }.add_any_attr(inner_html(tabs(&view, counts, crate::startup::base_path())));
    view! { <nav class="status-tabs" aria-label=t("Filter by status")>{tabs}</nav> }
}

/// The tabs, as HTML: a link to each status's view of `view` under the app's `base_path`, the
/// current one marked. A tab's count is drawn by the stylesheet and is part of its link's name.
fn tabs(view: &TableQuery, counts: Option<CountsByStatus>, base_path: &str) -> String {
    let [submitted, pending_approval, approved, rejected] = Status::ALL;
    let mut html = Html::default();
    for status in [None, Some(submitted), Some(pending_approval), Some(approved), Some(rejected)] {
        let label = status.map_or_else(|| t("All"), status_label);
        let href = format!("{base_path}{}", view.with_status(status).href());
        let current = (view.status == status).then_some("page");
        let count = counts.map(|counts| number(status.map_or_else(|| counts.total(), |status| counts.of(status))));
        html.open("li", &[]);
        html.element("a", &[("href", Some(&href)), ("aria-current", current), ("class", Some("status-tab")), ("data-count", count.as_deref())], label);
        html.close("li");
    }
    html.into_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_tab_links_its_status_in_the_view_and_says_its_count() {
        let view = TableQuery::default().with_search("portal").with_status(Some(Status::Approved));
        let counts = CountsByStatus { submitted: 3, pending_approval: 0, approved: 1_250, rejected: 2 };
        let html = tabs(&view, Some(counts), "/apps/connections");
        assert_eq!(html.matches("<li><a ").count(), 5);
        assert!(html.starts_with(r#"<li><a href="/apps/connections/connections?search=portal" class="status-tab" data-count="1,255">All</a></li>"#), "{html}");
        assert!(html.contains(r#"<a href="/apps/connections/connections?status=APPROVED&amp;search=portal" aria-current="page" class="status-tab" data-count="1,250">Approved</a>"#), "{html}");
        assert_eq!(html.matches("aria-current").count(), 1, "one current tab");
        assert!(html.contains(r#"data-count="0">Pending approval</a>"#), "{html}");
    }

    #[test]
    fn before_the_counts_come_the_tabs_have_none() {
        let html = tabs(&TableQuery::default(), None, "");
        assert!(!html.contains("data-count"), "{html}");
        assert!(html.starts_with(r#"<li><a href="/connections" aria-current="page" class="status-tab">All</a></li>"#), "{html}");
    }
}
