//! The table of connection requests: sortable columns, status, credentials' expiry, actions.
//!
//! It fits the window at every width. Columns have priorities, like SAP's responsive table:
//! as the window narrows, the less important ones (API portal, Requested on, Credentials) move
//! under the row's alias as "label: value"; on a phone each row is a card. The stylesheet
//! moves the cells (`style/main.css`, "The table of requests"); each value is in the page once.

use credentials::CredentialKind;
use leptos::prelude::*;

use crate::api::{ConnectionRequest, LastTest, User};
use crate::components::action_cell::{ActionCell, RowAction};
use crate::components::icon::Icon;
use crate::components::siblings::siblings;
use crate::components::status_badge::StatusCell;
use crate::format::{self, Expiry};
use crate::i18n::t;
use crate::lifecycle_text::{kind_label, last_test_label};
use crate::table_query::{SortField, TableQuery};
use crate::tone::Tone;

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
) -> impl IntoView {
    let rows = requests
        .into_iter()
        .map(|request| {
            let id = request.id.clone();
            let saved = Signal::derive(move || saved.with(|saved| saved.as_deref() == Some(id.as_str())));
            view! { <RequestRow request user=user.clone() now view=view.clone() saved on_action /> }
        })
        .collect_view();
    view! {
        // Named by `aria-label`, not a hidden caption: the same name, and two nodes fewer.
        <table class="requests" aria-label=t("Connection requests")>
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

/// One request, one cell per column and nothing twice: where a narrower window has no room for
/// a column, the stylesheet moves its cell under the alias and shows its label (`data-label`).
/// Labels and the mark of a saved row (`data-saved`) are drawn by the stylesheet and heard by
/// screen readers, with no element of their own; a page of 25 rows stays small.
#[component]
fn RequestRow(
    request: ConnectionRequest,
    user: User,
    now: i64,
    view: TableQuery,
    saved: Signal<bool>,
    on_action: Callback<RowAction>,
) -> impl IntoView {
    let host = portal_host(&request.api_portal_url).to_owned();
    let requested_on = crate::i18n::date(request.requested_at.get(..10).unwrap_or_default());
    let updated = format::ago_and_exact(now, &request.updated_at);
    let expiry = format::unix_seconds(&request.credentials.expires_at).map(|expires| Expiry::at(now, expires));
    view! {
        <tr class:row-saved=saved>
            <th scope="row" class="col-alias" data-saved=t("Saved")>{request.api_portal_alias.clone()}</th>
            <td class="col-host" data-label=t("API portal")>{host}</td>
            <StatusCell status=request.status />
            <td class="col-requester" data-label=t("Requested by")>{request.requested_by.name.clone()}</td>
            <td class="col-requested-on" data-label=t("Requested on")>{requested_on}</td>
            <td class="col-updated" data-label=t("Last updated")>{updated}</td>
            <CredentialsCell client_id=request.credentials.client_id.clone() expiry last_test=request.last_test.clone() />
            <td class="col-actions"><ActionCell request user view on_action /></td>
        </tr>
    }
}

/// The part of the client ID that tells keys apart, and when the credentials expire.
#[component]
fn CredentialsCell(client_id: Option<String>, expiry: Option<Expiry>, last_test: Option<LastTest>) -> impl IntoView {
    // The part of the ID that tells keys apart; the whole ID as the cell's tooltip and description.
    let (shown, full) = match client_id {
        Some(id) => (format::distinguishing_client_id(&id), Some(id)),
        None => (kind_label(CredentialKind::X509).to_owned(), None),
    };
    // A space after the ID: where the lines after it run on beside it (narrower windows), it
    // keeps them apart and lets the line break there.
    let mut parts = vec![format!("{shown} ").into_any()];
    let last_test = last_test_label(last_test.as_ref());
    // Most rows' credentials are valid, with no test to tell of: their expiry needs no element
    // of its own (a page of 25 rows stays small); the stylesheet draws it (`data-expiry`).
    let mut drawn_expiry = None;
    if let Some(expiry) = expiry {
        match expiry.presentation() {
            (Tone::Neutral, None) if last_test.is_none() => drawn_expiry = Some(expiry.label()),
            (tone, icon) => parts.push(view! { <span class=format!("expiry {}", tone.class()) data-icon=icon.map(Icon::name)>{expiry.label()}</span> }.into_any()),
        }
    }
    if let Some((tone, label)) = last_test {
        let icon = if tone == Tone::Positive { Icon::Check } else { Icon::Error };
        parts.push(view! { <span class=format!("last-test {}", tone.class()) data-icon=icon.name()>{label}</span> }.into_any());
    }
    view! { <td class="col-credentials" data-label=t("Credentials") data-expiry=drawn_expiry title=full>{siblings(parts)}</td> }
}

/// The host of a URL, for a short cell; the whole URL if it has none.
fn portal_host(url: &str) -> &str {
    url.split_once("://").map_or(url, |(_, rest)| rest.split(['/', '?', '#']).next().unwrap_or(rest))
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
    fn the_portal_column_shows_the_host() {
        assert_eq!(portal_host("https://eu10apiportal.cfapps.eu10.hana.ondemand.com/path?x"), "eu10apiportal.cfapps.eu10.hana.ondemand.com");
        assert_eq!(portal_host("not a url"), "not a url");
    }
}
