//! The table of connection requests.

use leptos::prelude::*;

use crate::api::ConnectionRequest;
use crate::format;

#[component]
pub fn RequestTable(requests: Vec<ConnectionRequest>) -> impl IntoView {
    if requests.is_empty() {
        return view! { <p class="empty">"No connection requests yet."</p> }.into_any();
    }
    let rows = requests
        .into_iter()
        .map(|request| {
            view! {
                <tr>
                    <th scope="row">{request.api_portal_alias}</th>
                    <td>{request.status.label()}</td>
                    <td>{request.requested_by.name}</td>
                    <td>
                        <time datetime=request.updated_at.clone()>{format::timestamp(&request.updated_at)}</time>
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-scroll">
            <table class="requests">
                <caption>"Connection requests"</caption>
                <thead>
                    <tr>
                        <th scope="col">"API Portal Alias Name"</th>
                        <th scope="col">"Status"</th>
                        <th scope="col">"Requested by"</th>
                        <th scope="col">"Last updated"</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
    .into_any()
}
