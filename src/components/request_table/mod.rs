//! The table of connection requests: sortable columns, status, credentials' expiry, actions.
//!
//! It fits the window at every width. Columns have priorities, like SAP's responsive table:
//! as the window narrows, the less important ones (API portal, Requested on, Credentials) move
//! under the row's alias as "label: value"; on a phone each row is a card. The stylesheet
//! moves the cells (`style/main.css`, "The table of requests"); each value is in the page once.

mod html;
mod row_cells;

use leptos::prelude::*;
use leptos::tachys::html::element::inner_html;

use crate::api::{ConnectionRequest, User};
use crate::components::action_cell::{clicked_action, make_tab_stop, move_along, pressed_edit, RowAction};
use crate::i18n::t;
use crate::table_query::{SortField, TableQuery};
use html::Html;
use row_cells::row_cells;

/// A column: its header, the field it sorts by (if any), and its class (its priority).
struct Column {
    /// The header in the user's language (a function: the language is known only at run time).
    label: fn() -> &'static str,
    sort: Option<SortField>,
    class: &'static str,
}

const COLUMNS: [Column; 8] = [
    Column { label: || t("API Portal Alias Name"), sort: Some(SortField::Alias), class: "col-alias" },
    Column { label: || t("API portal"), sort: None, class: "col-host" },
    Column { label: || t("Status"), sort: Some(SortField::Status), class: "col-status" },
    Column { label: || t("Requested by"), sort: Some(SortField::RequestedBy), class: "col-requester" },
    Column { label: || t("Requested on"), sort: Some(SortField::RequestedAt), class: "col-requested-on" },
    Column { label: || t("Last updated"), sort: Some(SortField::UpdatedAt), class: "col-updated" },
    Column { label: || t("Credentials"), sort: None, class: "col-credentials" },
    Column { label: || t("Actions"), sort: None, class: "col-actions" },
];

/// The id of a column's sort button, so that focus can find it again after the rows reload.
pub fn sort_button_id(field: SortField) -> String {
    format!("{SORT_BUTTON}{}", field.api_name())
}

/// How the id of a sort button starts ([`sort_button_id`]).
const SORT_BUTTON: &str = "sort-";

#[component]
pub fn RequestTable(
    requests: Vec<ConnectionRequest>,
    view: TableQuery,
    user: User,
    /// Now, in seconds since 1970, for relative dates and expiry.
    now: i64,
    /// The request saved a moment ago, marked for a while.
    #[prop(optional, into)]
    saved: MaybeProp<String>,
    #[prop(into)] on_sort: Callback<SortField>,
    #[prop(into)] on_action: Callback<RowAction>,
    /// A row's Edit Credentials link is pressed (a click may follow, see `pressed_edit`).
    #[prop(optional, into)]
    on_edit_pressed: Option<Callback<ConnectionRequest>>,
) -> impl IntoView {
    let base_path = crate::startup::base_path();
    // Each row's cells are HTML (`row_cells`), which the browser parses in one go. Drawn again,
    // a row in the same place whose cells did not change keeps its elements, and focus.
    let rows = requests
        .iter()
        .map(|request| {
            let id = request.id.clone();
            let saved = Signal::derive(move || saved.with(|saved| saved.as_deref() == Some(id.as_str())));
            // No children but its inner HTML: an empty array, which (unlike an empty element's
            // `()`) leaves no placeholder node beside the cells.
            let cells = inner_html(row_cells(request, &user, now, &view, base_path));
            view! { <tr class:row-saved=saved>{[(); 0]}</tr> }.add_any_attr(cells)
        })
        .collect_view();
    // The rows' actions are handled here, for all rows: the rows are HTML with no handlers.
    let requests = std::sync::Arc::new(requests);
    let pressed = std::sync::Arc::clone(&requests);
    let on_pointerdown = move |event: leptos::ev::PointerEvent| {
        if let Some((request, on_edit_pressed)) = pressed_edit(&event, &pressed).zip(on_edit_pressed) {
            on_edit_pressed.run(request);
        }
    };
    let on_click = move |event: leptos::ev::MouseEvent| {
        if let Some(field) = clicked_sort(&event) {
            on_sort.run(field);
        } else if let Some(action) = clicked_action(&event, &requests) {
            // The page opens Edit Credentials itself; the router would otherwise follow the link.
            if matches!(action, RowAction::Edit(_)) {
                event.prevent_default();
            }
            on_action.run(action);
        }
    };
    let head = view! { <tr>{[(); 0]}</tr> }.add_any_attr(inner_html(head_cells(&view)));
    view! {
        // Named by `aria-label`, not a hidden caption: the same name, and two nodes fewer.
        <table class="requests" aria-label=t("Connection requests") on:pointerdown=on_pointerdown on:click=on_click on:keydown=move_along on:focusin=make_tab_stop>
            <thead>{head}</thead>
            <tbody>{rows}</tbody>
        </table>
    }
}

/// The header row's cells, as HTML. The arrow beside a sortable header is drawn by the
/// stylesheet from `aria-sort`; the table handles its sort buttons' clicks.
fn head_cells(view: &TableQuery) -> String {
    let mut html = Html::default();
    for column in &COLUMNS {
        let label = (column.label)();
        let Some(field) = column.sort else {
            html.element("th", &[("scope", Some("col")), ("class", Some(column.class))], label);
            continue;
        };
        let aria_sort = match (view.sort == field, view.descending) {
            (false, _) => "none",
            (true, false) => "ascending",
            (true, true) => "descending",
        };
        html.open("th", &[("scope", Some("col")), ("class", Some(column.class)), ("aria-sort", Some(aria_sort))]);
        let id = sort_button_id(field);
        html.element("button", &[("type", Some("button")), ("id", Some(&id)), ("class", Some("sort"))], label);
        html.close("th");
    }
    html.into_string()
}

/// The column whose sort button a click in the table pressed.
fn clicked_sort(event: &leptos::ev::MouseEvent) -> Option<SortField> {
    let button = crate::dom::closest(event.target(), "thead button.sort[id]")?;
    SortField::parse(button.id().strip_prefix(SORT_BUTTON)?)
}

/// Placeholder rows while the first page loads, drawn by the stylesheet (as in `index.html`'s
/// shell): the table keeps its size, nothing jumps, and no element stands for a row. Its words
/// are for screen readers; the stylesheet keeps them out of sight. (`Transition` keeps its
/// fallback's nodes for as long as the page is shown: one element, one text.)
#[component]
pub fn RequestTableSkeleton(rows: u32) -> impl IntoView {
    let rows = if rows <= 10 { "skeleton-table skeleton-rows-10" } else { "skeleton-table skeleton-rows-25" };
    view! { <div class=rows role="status">{t("Loading connection requests…")}</div> }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_header_says_which_column_sorts_and_which_way() {
        let head = head_cells(&TableQuery::default().sorted(SortField::Alias, false));
        assert!(head.starts_with(concat!(
            r#"<th scope="col" class="col-alias" aria-sort="ascending"><button type="button" id="sort-apiPortalAlias" class="sort">API Portal Alias Name</button></th>"#,
            r#"<th scope="col" class="col-host">API portal</th>"#,
            r#"<th scope="col" class="col-status" aria-sort="none"><button type="button" id="sort-status" class="sort">Status</button></th>"#,
        )), "{head}");
        assert_eq!(head.matches("<th ").count(), COLUMNS.len());
        assert_eq!(head.matches("<button ").count(), 5, "one sort button per sortable column");
        let newest_first = head_cells(&TableQuery::default());
        assert!(newest_first.contains(r#"aria-sort="descending"><button type="button" id="sort-updatedAt""#), "{newest_first}");
        assert_eq!(newest_first.matches(r#"aria-sort="none""#).count(), 4);
    }
}
