//! The table of connection requests: sortable columns, status, credentials' expiry, actions.

use leptos::prelude::*;

use crate::api::{ConnectionRequest, User};
use crate::components::action_cell::ActionCell;
use crate::components::status_badge::{StatusBadge, ToneIcon};
use crate::format::{self, Expiry};
use crate::table_query::{SortField, TableQuery};

/// The columns, with the field each sorts by (if any).
const COLUMNS: [(&str, Option<SortField>); 8] = [
    ("API Portal Alias Name", Some(SortField::Alias)),
    ("API portal", None),
    ("Status", Some(SortField::Status)),
    ("Requested by", Some(SortField::RequestedBy)),
    ("Requested on", Some(SortField::RequestedAt)),
    ("Last updated", Some(SortField::UpdatedAt)),
    ("Credentials", None),
    ("Actions", None),
];

#[component]
pub fn RequestTable(
    requests: Vec<ConnectionRequest>,
    view: TableQuery,
    user: User,
    /// Now, in seconds since 1970, for relative dates and expiry.
    now: i64,
    #[prop(into)] on_sort: Callback<SortField>,
    #[prop(into)] on_view: Callback<ConnectionRequest>,
) -> impl IntoView {
    let view_query = view.to_query_string();
    let rows = requests
        .into_iter()
        .map(|request| view! { <RequestRow request user=user.clone() now view_query=view_query.clone() on_view /> })
        .collect_view();
    view! {
        <div class="table-scroll">
            <table class="requests">
                <caption class="visually-hidden">"Connection requests"</caption>
                <TableHead view on_sort />
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

#[component]
fn TableHead(view: TableQuery, on_sort: Callback<SortField>) -> impl IntoView {
    let cells = COLUMNS
        .into_iter()
        .map(|(label, field)| match field {
            None => view! { <th scope="col">{label}</th> }.into_any(),
            Some(field) => {
                let sorted = view.sort == field;
                let aria_sort = match (sorted, view.descending) {
                    (false, _) => "none",
                    (true, false) => "ascending",
                    (true, true) => "descending",
                };
                let arrow = match (sorted, view.descending) {
                    (false, _) => "↕",
                    (true, false) => "↑",
                    (true, true) => "↓",
                };
                view! {
                    <th scope="col" aria-sort=aria_sort>
                        <button type="button" class="sort" on:click=move |_| on_sort.run(field)>
                            {label}
                            <span class="sort-arrow" aria-hidden="true">{arrow}</span>
                        </button>
                    </th>
                }
                .into_any()
            }
        })
        .collect_view();
    view! { <thead><tr>{cells}</tr></thead> }
}

#[component]
fn RequestRow(
    request: ConnectionRequest,
    user: User,
    now: i64,
    view_query: String,
    on_view: Callback<ConnectionRequest>,
) -> impl IntoView {
    let host = portal_host(&request.api_portal_url).to_owned();
    let updated = format::unix_seconds(&request.updated_at).map_or_else(|| request.updated_at.clone(), |then| format::relative(now, then));
    let expiry = format::unix_seconds(&request.credentials.expires_at).map(|expires| Expiry::at(now, expires));
    let client_id = request.credentials.client_id.clone().unwrap_or_else(|| "X.509 certificate".to_owned());
    view! {
        <tr>
            <th scope="row">{request.api_portal_alias.clone()}</th>
            <td>
                <a href=request.api_portal_url.clone() title=request.api_portal_url.clone() target="_blank" rel="noopener noreferrer">
                    {host}
                </a>
            </td>
            <td><StatusBadge status=request.status /></td>
            <td>{request.requested_by.name.clone()}</td>
            <td>
                <time datetime=request.requested_at.clone()>{request.requested_at.get(..10).unwrap_or_default().to_owned()}</time>
            </td>
            <td>
                <time datetime=request.updated_at.clone() title=format::timestamp(&request.updated_at)>{updated}</time>
                <span class="visually-hidden">{format!(" ({})", format::timestamp(&request.updated_at))}</span>
            </td>
            <td>
                <div class="credentials">
                    <code title=client_id.clone()>{format::short_client_id(&client_id)}</code>
                    {expiry.map(|expiry| view! {
                        <span class=format!("expiry tone-{}", expiry.tone())>
                            {(expiry.tone() != "neutral").then(|| view! { <ToneIcon tone=expiry.tone() /> })}
                            {expiry.label()}
                        </span>
                    })}
                </div>
            </td>
            <td><ActionCell request user view_query on_view /></td>
        </tr>
    }
}

/// The host of a URL, for a short cell; the whole URL if it has none.
fn portal_host(url: &str) -> &str {
    url.split_once("://").map_or(url, |(_, rest)| rest.split(['/', '?', '#']).next().unwrap_or(rest))
}

/// Placeholder rows while the first page loads: the table keeps its size, nothing jumps.
#[component]
pub fn RequestTableSkeleton(rows: u32) -> impl IntoView {
    let header = COLUMNS.into_iter().map(|(label, _)| view! { <th scope="col">{label}</th> }).collect_view();
    let body = (0..rows.min(25))
        .map(|_| view! { <tr class="skeleton-row">{(0..COLUMNS.len()).map(|_| view! { <td><span class="skeleton"></span></td> }).collect_view()}</tr> })
        .collect_view();
    view! {
        <div class="table-scroll" aria-busy="true">
            <p class="visually-hidden" role="status">"Loading connection requests…"</p>
            <table class="requests" aria-hidden="true">
                <thead><tr>{header}</tr></thead>
                <tbody>{body}</tbody>
            </table>
        </div>
    }
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
