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
    format!("sort-{}", field.api_name())
}

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
        if let Some(action) = clicked_action(&event, &requests) {
            // The page opens Edit Credentials itself; the router would otherwise follow the link.
            if matches!(action, RowAction::Edit(_)) {
                event.prevent_default();
            }
            on_action.run(action);
        }
    };
    view! {
        // Named by `aria-label`, not a hidden caption: the same name, and two nodes fewer.
        <table class="requests" aria-label=t("Connection requests") on:pointerdown=on_pointerdown on:click=on_click on:keydown=move_along on:focusin=make_tab_stop>
            <TableHead view on_sort />
            <tbody>{rows}</tbody>
        </table>
    }
}

#[component]
fn TableHead(view: TableQuery, on_sort: Callback<SortField>) -> impl IntoView {
    // The arrow beside a sortable header is drawn by the stylesheet from `aria-sort`.
    // A fixed number of cells: an array, which needs no marker node as a list would.
    let cells = COLUMNS.each_ref().map(|column| match column.sort {
        None => view! { <th scope="col" class=column.class>{(column.label)()}</th> }.into_any(),
        Some(field) => {
            let aria_sort = match (view.sort == field, view.descending) {
                (false, _) => "none",
                (true, false) => "ascending",
                (true, true) => "descending",
            };
            view! {
                <th scope="col" class=column.class aria-sort=aria_sort>
                    <button type="button" id=sort_button_id(field) class="sort" on:click=move |_| on_sort.run(field)>
                        {(column.label)()}
                    </button>
                </th>
            }
            .into_any()
        }
    });
    view! { <thead><tr>{cells}</tr></thead> }
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
