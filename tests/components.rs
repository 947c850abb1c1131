//! Component tests: Leptos components mounted in headless Chromium.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use portal_connections::api::{ConnectionRequest, Credentials, Status, UserRef};
use portal_connections::components::request_table::RequestTable;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

fn request(alias: &str, status: Status) -> ConnectionRequest {
    ConnectionRequest {
        id: format!("cr-{alias}"),
        api_portal_alias: alias.to_owned(),
        api_portal_url: "https://eu10apiportal.cfapps.eu10.hana.ondemand.com".to_owned(),
        status,
        comment: String::new(),
        requested_by: UserRef { id: "alice".to_owned(), name: "Alice Andersen".to_owned() },
        requested_at: "2026-11-02T09:14:00Z".to_owned(),
        updated_at: "2026-11-20T16:03:11Z".to_owned(),
        credentials: Credentials {
            kind: "clientSecret".to_owned(),
            url: "https://eu10apiportal.cfapps.eu10.hana.ondemand.com".to_owned(),
            token_url: "https://eu10.authentication.eu10.hana.ondemand.com/oauth/token".to_owned(),
            cert_url: None,
            client_id: Some("sb-apiaccess1689070958781!b6077|api-portal-xsuaa!b2160".to_owned()),
            updated_at: "2026-11-20T16:03:11Z".to_owned(),
            expires_at: "2027-11-20T16:03:11Z".to_owned(),
        },
        version: 1,
    }
}

/// A fresh element in the page to mount a component into.
fn container() -> web_sys::HtmlElement {
    let document = document();
    let element = document.create_element("div").unwrap().unchecked_into::<web_sys::HtmlElement>();
    document.body().unwrap().append_child(&element).unwrap();
    element
}

/// The text of each cell of the table's body rows, row by row.
fn body_rows(table: &web_sys::Element) -> Vec<Vec<String>> {
    let rows = table.query_selector_all("tbody tr").unwrap();
    (0..rows.length())
        .map(|index| {
            let cells = rows.item(index).unwrap().unchecked_into::<web_sys::Element>().children();
            (0..cells.length()).map(|cell| cells.item(cell).unwrap().text_content().unwrap_or_default()).collect()
        })
        .collect()
}

#[wasm_bindgen_test]
fn the_table_shows_one_row_per_request_with_readable_values() {
    let parent = container();
    let requests = vec![request("EU Production Portal", Status::PendingApproval), request("US Sales", Status::Approved)];
    let _mounted = leptos::mount::mount_to(parent.clone(), move || view! { <RequestTable requests=requests.clone() /> });

    let table = parent.query_selector("table").unwrap().expect("a table");
    let caption = table.query_selector("caption").unwrap().expect("a caption names the table");
    assert_eq!(caption.text_content().unwrap(), "Connection requests");
    assert_eq!(
        body_rows(&table),
        vec![
            vec!["EU Production Portal", "Pending approval", "Alice Andersen", "2026-11-20 16:03 UTC"],
            vec!["US Sales", "Approved", "Alice Andersen", "2026-11-20 16:03 UTC"],
        ]
    );
    let row_header = table.query_selector("tbody tr > *").unwrap().unwrap();
    assert_eq!(row_header.get_attribute("scope").as_deref(), Some("row"), "the alias names its row");
}

#[wasm_bindgen_test]
fn without_requests_the_table_says_so() {
    let parent = container();
    let _mounted = leptos::mount::mount_to(parent.clone(), || view! { <RequestTable requests=Vec::new() /> });
    assert!(parent.query_selector("table").unwrap().is_none());
    assert_eq!(parent.text_content().unwrap(), "No connection requests yet.");
}
