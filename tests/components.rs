//! Component tests: Leptos components mounted in headless Chromium, read the way a screen
//! reader would (roles, names, states).
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use portal_connections::api::{ConnectionRequest, CredentialsSummary, Status, User, UserRef};
use portal_connections::api::Decision;
use portal_connections::components::action_cell::RowAction;
use portal_connections::components::request_table::RequestTable;
use portal_connections::components::status_badge::StatusBadge;
use portal_connections::table_query::{SortField, TableQuery};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

fn request(alias: &str, requester: &str, status: Status) -> ConnectionRequest {
    ConnectionRequest {
        id: format!("cr-{}", alias.len()),
        api_portal_alias: alias.to_owned(),
        api_portal_url: "https://eu10apiportal.cfapps.eu10.hana.ondemand.com".to_owned(),
        status,
        comment: String::new(),
        requested_by: UserRef { id: requester.to_owned(), name: format!("{requester} name") },
        requested_at: "2026-11-02T09:14:00Z".to_owned(),
        updated_at: "2026-11-20T16:03:11Z".to_owned(),
        credentials: CredentialsSummary {
            kind: credentials::CredentialKind::ClientSecret,
            url: "https://eu10apiportal.cfapps.eu10.hana.ondemand.com".to_owned(),
            token_url: "https://eu10.authentication.eu10.hana.ondemand.com/oauth/token".to_owned(),
            cert_url: None,
            client_id: Some("sb-apiaccess1689070958781!b6077|api-portal-xsuaa!b2160".to_owned()),
            updated_at: "2026-11-20T16:03:11Z".to_owned(),
            expires_at: "2026-11-25T16:03:11Z".to_owned(),
        },
        version: 1,
        decision_reason: None,
        last_test: None,
    }
}

fn user(id: &str, roles: &[&str]) -> User {
    User { id: id.to_owned(), name: format!("{id} name"), roles: roles.iter().map(|role| role.to_string()).collect() }
}

/// A fresh element in the page to mount a component into.
fn container() -> web_sys::HtmlElement {
    let document = document();
    let element = document.create_element("div").unwrap().unchecked_into::<web_sys::HtmlElement>();
    document.body().unwrap().append_child(&element).unwrap();
    element
}

fn find(parent: &web_sys::HtmlElement, selector: &str) -> web_sys::Element {
    parent.query_selector(selector).unwrap().unwrap_or_else(|| panic!("nothing matches {selector}"))
}

/// The table with `requests` as `viewer` sees them, in a fresh element; what it asked the page
/// to do goes to `asked`.
fn table(requests: Vec<ConnectionRequest>, viewer: User, view: TableQuery, asked: std::sync::Arc<std::sync::Mutex<Vec<RowAction>>>) -> (web_sys::HtmlElement, impl Sized) {
    let parent = container();
    let now = 1_795_190_591 + 3 * 86_400;
    let mounted = leptos::mount::mount_to(parent.clone(), move || {
        let asked = asked.clone();
        view! {
            <RequestTable requests=requests.clone() view=view.clone() user=viewer.clone() now on_sort=|_| ()
                on_action=move |action| asked.lock().unwrap().push(action) />
        }
    });
    (parent, mounted)
}

#[wasm_bindgen_test]
fn a_status_badge_says_its_status_in_words_with_a_decorative_icon() {
    for (status, text, tone) in [
        (Status::Submitted, "Submitted", "tone-information"),
        (Status::PendingApproval, "Pending approval", "tone-warning"),
        (Status::Approved, "Approved", "tone-positive"),
        (Status::Rejected, "Rejected", "tone-negative"),
    ] {
        let parent = container();
        let _mounted = leptos::mount::mount_to(parent.clone(), move || view! { <StatusBadge status /> });
        assert_eq!(parent.text_content().unwrap(), text, "the status is in the text, not only in colour");
        let badge = find(&parent, ".status");
        assert!(badge.class_list().contains(tone), "{text} has {tone}");
        assert!(badge.has_attribute("data-icon"), "{text} has its own icon");
        assert_eq!(parent.query_selector_all("svg, img").unwrap().length(), 0, "the icon is drawn by the stylesheet, not read out");

        // In the table, the cell itself is the badge: the same words, tone and icon, no element inside.
        let (parent, _mounted) = table(vec![request("EU Production Portal", "alice", status)], user("alice", &[]), TableQuery::default(), Default::default());
        let cell = find(&parent, "td.col-status");
        assert_eq!(cell.text_content().unwrap(), text);
        assert!(cell.class_list().contains(tone), "{text} has {tone}");
        assert!(cell.has_attribute("data-icon") && cell.has_attribute("data-label"), "{text} has its icon and its label");
        assert_eq!(cell.child_element_count(), 0, "the status cell has no element inside");
    }
}

#[wasm_bindgen_test]
fn the_submitter_gets_an_edit_link_and_a_view_button() {
    let alice = user("alice", &["AuthGroup.APIPortalRegistration"]);
    let (parent, _mounted) = table(vec![request("EU Production Portal", "alice", Status::Submitted)], alice, TableQuery::default().with_page(2), Default::default());
    let edit = find(&parent, "[role=toolbar] a");
    assert_eq!(edit.get_attribute("aria-label").as_deref(), Some("Edit Credentials for EU Production Portal"));
    assert_eq!(edit.get_attribute("href").as_deref(), Some("/connections/cr-20/credentials?page=2"));
    assert_eq!(find(&parent, "[role=toolbar] button").get_attribute("aria-label").as_deref(), Some("View EU Production Portal"));
}

#[wasm_bindgen_test]
fn anyone_else_sees_the_action_unavailable_with_why_and_what_to_do() {
    let cases = [
        ("bob", Status::Submitted, &["AuthGroup.APIPortalRegistration"][..], "Only alice name, who submitted it, can edit it"),
        ("alice", Status::Approved, &["AuthGroup.APIPortalRegistration"][..], "Approved: re-establish the connection to renew credentials"),
        ("dave", Status::PendingApproval, &[][..], "Needs the role AuthGroup.APIPortalRegistration: ask your subaccount administrator"),
    ];
    for (viewer, status, roles, reason) in cases {
        let (parent, _mounted) = table(vec![request("EU Production Portal", "alice", status)], user(viewer, roles), TableQuery::default(), Default::default());
        let edit = find(&parent, "button[disabled]");
        assert_eq!(edit.get_attribute("aria-label").as_deref(), Some("Edit Credentials for EU Production Portal"));
        assert_eq!(edit.get_attribute("data-icon").as_deref(), Some("lock"), "a lock, not only grey");
        let described_by = edit.get_attribute("aria-describedby").expect("a description");
        let description = find(&parent, &format!("#{described_by}"));
        assert_eq!(description.text_content().unwrap(), reason, "the reason is on screen, not in a tooltip");
        assert!(parent.query_selector("a").unwrap().is_none(), "no edit link");
        assert_eq!(parent.query_selector_all("tbody [tabindex='0']").unwrap().length(), 1, "one tab stop");
        assert_eq!(find(&parent, "tbody [tabindex='0']").get_attribute("aria-label").as_deref(), Some("View EU Production Portal"));
    }
}

#[wasm_bindgen_test]
fn a_rows_action_asks_the_page_for_it_with_its_request() {
    let asked = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let carol = user("carol", &["AuthGroup.API.Admin", "AuthGroup.APIPortalRegistration"]);
    let requests = vec![request("EU Production Portal", "alice", Status::PendingApproval), request("AP Logistics", "bob", Status::Submitted)];
    let (parent, _mounted) = table(requests.clone(), carol, TableQuery::default(), asked.clone());
    let press = |name: &str| find(&parent, &format!("button[aria-label='{name}']")).unchecked_into::<web_sys::HtmlElement>().click();
    press("Approve EU Production Portal");
    press("View AP Logistics");
    // Not an action: a row's text, and an unavailable Edit Credentials.
    find(&parent, "tbody th").unchecked_into::<web_sys::HtmlElement>().click();
    find(&parent, "button[disabled]").unchecked_into::<web_sys::HtmlElement>().click();
    assert_eq!(
        *asked.lock().unwrap(),
        [RowAction::Decide(requests[0].clone(), Decision::Approve), RowAction::View(requests[1].clone())]
    );
}

#[wasm_bindgen_test]
fn edit_credentials_is_asked_of_the_page_and_its_link_left_to_the_browser_only_for_a_new_tab() {
    let asked = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let alice = user("alice", &["AuthGroup.APIPortalRegistration"]);
    let requests = vec![request("EU Production Portal", "alice", Status::Submitted)];
    let (parent, _mounted) = table(requests.clone(), alice, TableQuery::default(), asked.clone());
    // Past the table, whether it left the link to the browser; then the test keeps the page here.
    let followed = std::rc::Rc::new(std::cell::Cell::new(None));
    let seen = followed.clone();
    let stop = wasm_bindgen::closure::Closure::<dyn Fn(web_sys::Event)>::new(move |event: web_sys::Event| {
        seen.set(Some(!event.default_prevented()));
        event.prevent_default();
    });
    parent.add_event_listener_with_callback("click", stop.as_ref().unchecked_ref()).unwrap();
    let click = |with: fn(&web_sys::MouseEventInit)| {
        let init = web_sys::MouseEventInit::new();
        init.set_bubbles(true);
        init.set_cancelable(true);
        with(&init);
        let event = web_sys::MouseEvent::new_with_mouse_event_init_dict("click", &init).unwrap();
        find(&parent, "[role=toolbar] a").dispatch_event(&event).unwrap();
        followed.get()
    };
    assert_eq!(click(|_| ()), Some(false), "a click opens the dialog in the page, not the link's address");
    assert_eq!(*asked.lock().unwrap(), [RowAction::Edit(requests[0].clone())]);
    let new_tab_or_window: [fn(&web_sys::MouseEventInit); 5] = [
        |init| init.set_ctrl_key(true),
        |init| init.set_meta_key(true),
        |init| init.set_shift_key(true),
        |init| init.set_alt_key(true),
        |init| init.set_button(1),
    ];
    for with in new_tab_or_window {
        assert_eq!(click(with), Some(true), "a click for a new tab or window (or a download) is the browser's");
    }
    assert_eq!(asked.lock().unwrap().len(), 1, "and asks the page for nothing");
    parent.remove_event_listener_with_callback("click", stop.as_ref().unchecked_ref()).unwrap();
}

/// A click is a press and a release: pressing a row's Edit Credentials link as for a plain click,
/// with a mouse or a pen, tells the page at once (it draws the dialog ahead, unseen); any other
/// press tells it nothing, and no press asks for the action itself.
#[wasm_bindgen_test]
fn pressing_edit_credentials_as_for_a_click_tells_the_page_before_the_click() {
    let asked = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let pressed = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let alice = user("alice", &["AuthGroup.APIPortalRegistration"]);
    let requests = vec![request("EU Production Portal", "alice", Status::Submitted)];
    let parent = container();
    let _mounted = leptos::mount::mount_to(parent.clone(), {
        let (requests, asked, pressed) = (requests.clone(), asked.clone(), pressed.clone());
        move || {
            let (asked, pressed) = (asked.clone(), pressed.clone());
            view! {
                <RequestTable requests=requests.clone() view=TableQuery::default() user=alice.clone() now=1_795_190_591 on_sort=|_| ()
                    on_action=move |action| asked.lock().unwrap().push(action)
                    on_edit_pressed=move |request| pressed.lock().unwrap().push(request) />
            }
        }
    });
    let press = |selector: &str, with: fn(&web_sys::PointerEventInit)| {
        let init = web_sys::PointerEventInit::new();
        init.set_bubbles(true);
        init.set_cancelable(true);
        init.set_pointer_type("mouse");
        init.set_is_primary(true);
        with(&init);
        let event = web_sys::PointerEvent::new_with_event_init_dict("pointerdown", &init).unwrap();
        find(&parent, selector).dispatch_event(&event).unwrap();
        std::mem::take(&mut *pressed.lock().unwrap())
    };
    assert_eq!(press("[role=toolbar] a", |_| ()), requests, "a mouse's plain press on the link");
    assert_eq!(press("[role=toolbar] a", |init| init.set_pointer_type("pen")), requests, "a pen's");
    let not_for_a_plain_click: [fn(&web_sys::PointerEventInit); 7] = [
        |init| init.set_ctrl_key(true),
        |init| init.set_meta_key(true),
        |init| init.set_shift_key(true),
        |init| init.set_alt_key(true),
        |init| init.set_button(1),
        |init| init.set_is_primary(false),
        // A touch may yet become a scroll; its click comes later, on its own.
        |init| init.set_pointer_type("touch"),
    ];
    for with in not_for_a_plain_click {
        assert_eq!(press("[role=toolbar] a", with), [], "a press for a new tab or window, or not a mouse's or pen's");
    }
    assert_eq!(press("[role=toolbar] button", |_| ()), [], "a press on another action");
    assert_eq!(*asked.lock().unwrap(), [], "a press asks for no action: the click does");
}

#[wasm_bindgen_test]
fn the_table_marks_its_sorted_column_and_names_its_rows() {
    let parent = container();
    let requests = vec![request("EU Production Portal", "alice", Status::PendingApproval)];
    let now = 1_795_190_591 + 3 * 86_400;
    let _mounted = leptos::mount::mount_to(parent.clone(), move || {
        view! {
            <RequestTable requests=requests.clone() view=TableQuery::default() user=user("alice", &[]) now on_sort=|_| () on_action=|_| () />
        }
    });
    let sorted = find(&parent, "th[aria-sort='descending']");
    assert_eq!(sorted.text_content().unwrap(), "Last updated", "the arrow is the stylesheet's, from aria-sort");
    assert_eq!(parent.query_selector_all("th[aria-sort='none']").unwrap().length(), 4);
    let row_header = find(&parent, "tbody th[scope='row']");
    assert!(row_header.text_content().unwrap().starts_with("EU Production Portal"));
    // Each value once, in a cell that carries its label for where the column header is not
    // beside it (narrower windows move the cell under the alias; the stylesheet draws the label).
    assert_eq!(parent.query_selector_all("tbody tr > *").unwrap().length(), 8, "one cell per column, nothing twice");
    let host = find(&parent, "td[data-label='API portal']").text_content().unwrap();
    assert_eq!(host, "eu10apiportal.cfapps.eu10.hana.ondemand.com");
    let credentials = find(&parent, "td[data-label='Credentials']").text_content().unwrap();
    assert!(credentials.contains("1689070958781!b6077"), "the part of the client ID that differs: {credentials}");
    let text = find(&parent, "tbody tr").text_content().unwrap();
    let updated = find(&parent, "td[data-label='Last updated']").text_content().unwrap();
    assert_eq!(updated, "3 days ago\n(2026-11-20 16:03 UTC)", "how long ago, and exactly");
    assert!(text.contains("Expires in 2 days"), "{text}");
    assert!(text.contains("Pending approval"), "{text}");
}

#[wasm_bindgen_test]
fn a_sort_button_asks_for_its_column_and_the_rest_of_the_header_for_nothing() {
    let parent = container();
    let requests = vec![request("EU Production Portal", "alice", Status::PendingApproval)];
    let asked = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let _mounted = leptos::mount::mount_to(parent.clone(), {
        let asked = asked.clone();
        move || {
            let asked = asked.clone();
            view! {
                <RequestTable requests=requests.clone() view=TableQuery::default() user=user("alice", &[]) now=1_795_190_591
                    on_sort=move |field| asked.lock().unwrap().push(field) on_action=|_| () />
            }
        }
    });
    let click = |selector: &str| find(&parent, selector).unchecked_into::<web_sys::HtmlElement>().click();
    click("#sort-apiPortalAlias");
    click("#sort-updatedAt");
    click("th.col-host");
    click("th[aria-sort] > button.sort");
    assert_eq!(*asked.lock().unwrap(), [SortField::Alias, SortField::UpdatedAt, SortField::Alias]);
}

#[wasm_bindgen_test]
fn valid_credentials_have_their_expiry_drawn_and_heard_with_no_element() {
    let parent = container();
    let requests = vec![request("EU Production Portal", "alice", Status::PendingApproval)];
    // 60 days before the credentials expire.
    let now = 1_795_190_591 + 5 * 86_400 - 60 * 86_400;
    let _mounted = leptos::mount::mount_to(parent.clone(), move || {
        view! {
            <RequestTable requests=requests.clone() view=TableQuery::default() user=user("alice", &[]) now on_sort=|_| () on_action=|_| () />
        }
    });
    let credentials = find(&parent, "td[data-label='Credentials']");
    assert_eq!(credentials.get_attribute("data-expiry").as_deref(), Some("Valid for 60 days"));
    assert_eq!(credentials.child_element_count(), 0, "one text, the ID; the stylesheet draws the rest");
}

mod edit_credentials {
    use super::*;
    use portal_connections::components::edit_credentials::{warm_up, EditCredentialsDialog};

    fn mount_dialog() -> (web_sys::HtmlElement, impl Sized) {
        let parent = container();
        let alice = user("alice", &["AuthGroup.APIPortalRegistration"]);
        let mounted = leptos::mount::mount_to(parent.clone(), move || {
            view! {
                <EditCredentialsDialog
                    request=request("EU Production Portal", "alice", Status::Submitted)
                    user=alice.clone()
                    on_close=|_| ()
                    on_saved=|_| ()
                />
            }
        });
        (parent, mounted)
    }

    /// Types `value` into the control `selector` the way the browser reports a user's input.
    fn enter(parent: &web_sys::HtmlElement, selector: &str, value: &str) {
        let element = find(parent, selector);
        if let Some(area) = element.dyn_ref::<web_sys::HtmlTextAreaElement>() {
            area.set_value(value);
        } else {
            element.unchecked_ref::<web_sys::HtmlInputElement>().set_value(value);
        }
        let event = web_sys::Event::new_with_event_init_dict("input", &{
            let init = web_sys::EventInit::new();
            init.set_bubbles(true);
            init
        })
        .unwrap();
        element.dispatch_event(&event).unwrap();
    }

    fn value(parent: &web_sys::HtmlElement, selector: &str) -> String {
        let element = find(parent, selector);
        match element.dyn_ref::<web_sys::HtmlTextAreaElement>() {
            Some(area) => area.value(),
            None => element.unchecked_ref::<web_sys::HtmlInputElement>().value(),
        }
    }

    const PASTED: &str = r#"{"url": "https://eu10apiportal.cfapps.eu10.hana.ondemand.com", "tokenUrl": "https://acme.authentication.eu10.hana.ondemand.com/oauth/token", "clientId": "sb-apiaccess1700000000001!b6077|api-portal-xsuaa!b2160", "clientSecret": "0f3a9c1e$Zx9="}"#;

    #[wasm_bindgen_test]
    async fn pasting_json_fills_the_fields_and_editing_a_field_rewrites_the_json() {
        let (parent, _mounted) = mount_dialog();
        enter(&parent, "#credentials-json", PASTED);
        leptos::task::tick().await;
        assert_eq!(value(&parent, "#credentials-clientId"), "sb-apiaccess1700000000001!b6077|api-portal-xsuaa!b2160");
        assert_eq!(value(&parent, "#credentials-clientSecret"), "0f3a9c1e$Zx9=");
        assert_eq!(find(&parent, "#credentials-clientSecret").get_attribute("type").as_deref(), Some("password"));
        assert_eq!(find(&parent, "button[type='submit']").get_attribute("aria-disabled").as_deref(), Some("false"));
        assert!(!value(&parent, "#credentials-json").contains("0f3a9c1e$Zx9="), "the pasted secret is hidden in the box");

        enter(&parent, "#credentials-clientId", "sb-apiaccess1700000000002!b6077|api-portal-xsuaa!b2160");
        leptos::task::tick().await;
        assert!(value(&parent, "#credentials-json").contains("sb-apiaccess1700000000002"));
    }

    #[wasm_bindgen_test]
    async fn diagnostics_are_shown_at_their_field_and_summed_up_at_the_top() {
        let (parent, _mounted) = mount_dialog();
        enter(&parent, "#credentials-json", &PASTED.replace("https://acme", "http://acme"));
        leptos::task::tick().await;
        let token_url = find(&parent, "#credentials-tokenUrl");
        assert_eq!(token_url.get_attribute("aria-invalid").as_deref(), Some("true"));
        let messages = find(&parent, &format!("#{}", token_url.get_attribute("aria-describedby").unwrap()));
        assert!(messages.text_content().unwrap().contains("Error: The token URL must use https"), "{:?}", messages.text_content());
        let strip = find(&parent, "[role='status'] .message-strip");
        assert!(strip.text_content().unwrap().contains("1 problem to fix before saving"));

        enter(&parent, "#credentials-json", "{\n  \"url\": \"x\"\n  \"clientId\": 1\n}");
        leptos::task::tick().await;
        let json_messages = find(&parent, "#credentials-json-messages").text_content().unwrap();
        assert!(json_messages.contains("Line 3, column 3"), "{json_messages}");
        assert_eq!(find(&parent, "#credentials-json").get_attribute("aria-invalid").as_deref(), Some("true"));
    }

    fn blur(parent: &web_sys::HtmlElement, selector: &str) {
        find(parent, selector).dispatch_event(&web_sys::Event::new("blur").unwrap()).unwrap();
    }

    /// A private key, as a JSON string holds it.
    const KEY_IN_JSON: &str = "-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\\n-----END PRIVATE KEY-----";

    /// The JSON of certificate credentials whose certificate field also holds the private key.
    fn key_in_the_certificate() -> String {
        format!(
            r#"{{"url": "https://eu10apiportal.cfapps.eu10.hana.ondemand.com", "tokenurl": "https://a.authentication.cert.eu10.hana.ondemand.com/oauth/token", "certurl": "https://a.authentication.cert.eu10.hana.ondemand.com", "certificate": "-----BEGIN CERTIFICATE-----\\nQUJD\\n-----END CERTIFICATE-----\\n{KEY_IN_JSON}", "key": "{KEY_IN_JSON}"}}"#
        )
    }

    #[wasm_bindgen_test]
    async fn a_private_key_pasted_into_the_certificate_stays_hidden() {
        let (parent, _mounted) = mount_dialog();
        enter(&parent, "#credentials-json", &key_in_the_certificate());
        leptos::task::tick().await;
        assert!(!value(&parent, "#credentials-json").contains("MIIEvQIBADANBgkqhkiG9w0BAQEFAASC"), "{}", value(&parent, "#credentials-json"));
        // Not a mask over the text, which screen readers would still read: the text is not there.
        assert_eq!(value(&parent, "#credentials-certificate"), "•••••• (hidden)");
        assert_eq!(value(&parent, "#credentials-key"), "•••••• (hidden)");
        // Typed next to the placeholder, a character joins the hidden key; the box shows the
        // placeholder alone again.
        enter(&parent, "#credentials-key", "•••••• (hidden)\n");
        leptos::task::tick().await;
        assert_eq!(value(&parent, "#credentials-key"), "•••••• (hidden)");
        find(&parent, ".secret button").unchecked_into::<web_sys::HtmlElement>().click();
        leptos::task::tick().await;
        assert_eq!(value(&parent, "#credentials-key"), "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----\n", "Show gives it back");
    }

    #[wasm_bindgen_test]
    async fn a_private_key_pasted_into_a_url_field_stays_hidden() {
        let (parent, _mounted) = mount_dialog();
        enter(&parent, "#credentials-json", &key_in_the_certificate().replace(r#""certurl": "https://a.authentication.cert.eu10.hana.ondemand.com""#, &format!(r#""certurl": "{KEY_IN_JSON}""#)));
        leptos::task::tick().await;
        // A password input: its text is not given to screen readers, as a masked one's would be.
        let cert_url = find(&parent, "#credentials-certUrl");
        assert_eq!(cert_url.get_attribute("type").as_deref(), Some("password"));
        find(&parent, ".secret button").unchecked_into::<web_sys::HtmlElement>().click();
        leptos::task::tick().await;
        assert_eq!(cert_url.get_attribute("type").as_deref(), Some("text"), "shown with the key");
        assert!(value(&parent, "#credentials-certUrl").contains("MIIEvQIBADANBgkqhkiG9w0BAQEFAASC"));
    }

    fn computed(element: &web_sys::Element, property: &str) -> String {
        window().get_computed_style(element).unwrap().unwrap().get_property_value(property).unwrap()
    }

    /// `index.html` does not carry the dialogs' styles: the first dialog brings them, once.
    #[wasm_bindgen_test]
    async fn dialogs_bring_their_styles_once() {
        let (parent, _mounted) = mount_dialog();
        let (_other, _also_mounted) = mount_dialog();
        leptos::task::tick().await;
        assert_eq!(document().adopted_style_sheets().length(), 1, "one stylesheet, however many dialogs");
        assert_eq!(computed(&find(&parent, ".dialog-footer"), "display"), "flex", "the footer stays below the scrolling body");
    }

    #[wasm_bindgen_test]
    async fn typing_client_id_and_secret_alone_is_enough_and_the_secret_stays_hidden() {
        let (parent, _mounted) = mount_dialog();
        leptos::task::tick().await;
        assert_eq!(value(&parent, "#credentials-url"), "https://eu10apiportal.cfapps.eu10.hana.ondemand.com", "the URLs are kept");
        enter(&parent, "#credentials-clientId", "sb-apiaccess1700000000001!b6077|api-portal-xsuaa!b2160");
        leptos::task::tick().await;
        assert!(find(&parent, "#credentials-clientSecret-messages").text_content().unwrap().is_empty(), "no error for a field not reached");
        blur(&parent, "#credentials-clientId");
        enter(&parent, "#credentials-clientSecret", "s3cr3t-value$Zx9=");
        leptos::task::tick().await;
        let json = value(&parent, "#credentials-json");
        assert!(json.contains("\"clientSecret\": \"•••••• (hidden)\""), "{json}");
        assert!(!json.contains("s3cr3t-value"), "{json}");
        assert!(!parent.inner_text().contains("s3cr3t-value"));
        let summary = find(&parent, ".changes").text_content().unwrap();
        assert!(summary.contains("Client ID and Client Secret will change; URL and Token URL stay."), "{summary}");

        // Show: in the field and in the JSON box at once.
        find(&parent, ".secret button").unchecked_into::<web_sys::HtmlElement>().click();
        leptos::task::tick().await;
        assert_eq!(find(&parent, "#credentials-clientSecret").get_attribute("type").as_deref(), Some("text"));
        assert!(value(&parent, "#credentials-json").contains("s3cr3t-value$Zx9="));
    }

    #[wasm_bindgen_test]
    async fn a_new_secret_alone_lists_no_changed_values() {
        let (parent, _mounted) = mount_dialog();
        leptos::task::tick().await;
        enter(&parent, "#credentials-clientId", "sb-apiaccess1689070958781!b6077|api-portal-xsuaa!b2160");
        enter(&parent, "#credentials-clientSecret", "s3cr3t-value$Zx9=");
        leptos::task::tick().await;
        let changes = find(&parent, ".changes");
        assert!(changes.text_content().unwrap().contains("Client Secret will change"), "{:?}", changes.text_content());
        // Screen readers would announce an empty list as "list, 0 items".
        assert!(changes.query_selector("ul").unwrap().is_none(), "{}", changes.inner_html());
    }

    #[wasm_bindgen_test]
    async fn typing_next_to_a_hidden_secret_in_the_json_box_adds_to_it_and_the_caret_stays_there() {
        let (parent, _mounted) = mount_dialog();
        leptos::task::tick().await;
        enter(
            &parent,
            "#credentials-json",
            r#"{"clientId": "sb-apiaccess1700000000001!b6077|api-portal-xsuaa!b2160", "clientSecret": "s3cr3t-value$Zx9="}"#,
        );
        leptos::task::tick().await;
        let shown = value(&parent, "#credentials-json");
        let placeholder_end = shown.find("(hidden)").unwrap() + "(hidden)".len();
        let utf16 = |text: &str| text.encode_utf16().count() as u32;
        let area = find(&parent, "#credentials-json").unchecked_into::<web_sys::HtmlTextAreaElement>();
        // "x" typed right after the placeholder, as the browser leaves it before the app answers.
        for typed in ["x", "y"] {
            let caret = utf16(&shown[..placeholder_end]);
            area.set_value(&format!("{}{typed}{}", &shown[..placeholder_end], &shown[placeholder_end..]));
            area.set_selection_range(caret + 1, caret + 1).unwrap();
            area.dispatch_event(&web_sys::Event::new("input").unwrap()).unwrap();
            leptos::task::tick().await;
            assert_eq!(area.value(), shown, "the placeholder alone again");
            assert_eq!(area.selection_start().unwrap(), Some(caret), "the caret where the next character goes on the secret");
        }
        find(&parent, ".secret button").unchecked_into::<web_sys::HtmlElement>().click();
        leptos::task::tick().await;
        assert_eq!(value(&parent, "#credentials-clientSecret"), "s3cr3t-value$Zx9=xy");
    }

    /// The next animation frame (the dialog's clean-up hands focus back in one).
    async fn next_frame() {
        let frame = js_sys::Promise::new(&mut |resolve, _| {
            window().request_animation_frame(&resolve).unwrap();
        });
        wasm_bindgen_futures::JsFuture::from(frame).await.unwrap();
    }

    /// Starts the warm-up of alice's dialog, as the page does once it is idle: whether it has
    /// thrown its dialog away yet.
    fn start_warm_up() -> std::rc::Rc<std::cell::Cell<bool>> {
        let thrown_away = std::rc::Rc::new(std::cell::Cell::new(false));
        let done = std::rc::Rc::clone(&thrown_away);
        leptos::task::spawn_local(async move {
            warm_up(request("EU Production Portal", "alice", Status::Submitted), user("alice", &["AuthGroup.APIPortalRegistration"])).await;
            done.set(true);
        });
        thrown_away
    }

    /// Waits for idle moments until the warm-up is over (each of its steps takes one).
    async fn until_thrown_away(thrown_away: &std::cell::Cell<bool>) {
        for _ in 0..10 {
            if thrown_away.get() {
                return;
            }
            assert!(portal_connections::idle::next_moment().await);
        }
        panic!("the warm-up is not over after 10 idle moments");
    }

    /// Each dialog that `showModal()` opens while this lives, as `[dialog, connected, focused,
    /// still_there]`: whether it was then in the page, what had focus, and whether it was still
    /// open or in the page once the task that opened it had run.
    struct Openings {
        list: js_sys::Array,
        stop: js_sys::Function,
    }

    impl Openings {
        fn record() -> Self {
            let list = js_sys::Array::new();
            let record = js_sys::Function::new_with_args(
                "opened",
                "const open = HTMLDialogElement.prototype.showModal;
                 HTMLDialogElement.prototype.showModal = function () {
                     open.call(this);
                     const opening = [this, this.isConnected, document.activeElement];
                     opened.push(opening);
                     queueMicrotask(() => opening.push(this.open || this.isConnected));
                 };
                 return () => { HTMLDialogElement.prototype.showModal = open; };",
            );
            let stop = record.call1(&wasm_bindgen::JsValue::NULL, &list).unwrap().unchecked_into();
            Self { list, stop }
        }
    }

    impl Drop for Openings {
        /// `showModal()` as it was, for the tests that follow, even after a failed assertion.
        fn drop(&mut self) {
            let _ = self.stop.call0(&wasm_bindgen::JsValue::NULL);
        }
    }

    /// Before a first Edit, the app builds the dialog off the page so that its code is compiled,
    /// and has the browser open a copy once, for no frame, so that the real one's first opening
    /// is quicker: nothing of it may show, keep the user's focus, or stay; it leaves the dialogs'
    /// styles in place, once.
    #[wasm_bindgen_test]
    async fn warming_up_opens_a_copy_of_the_dialog_unseen_and_changes_nothing_on_the_page() {
        // The app's mount starts the executor that the warm-up's effects run on. Whichever test
        // runs first, this one must not depend on another having mounted something.
        let _app = leptos::mount::mount_to(container(), || ());
        let parent = container();
        parent.set_inner_html("<label>Search <input id='warm-up-search'></label>");
        let search = find(&parent, "input").unchecked_into::<web_sys::HtmlElement>();
        search.focus().unwrap();
        assert!(document().query_selector("dialog[open]").unwrap().is_none(), "no dialog open before");
        window().get_selection().unwrap().unwrap().remove_all_ranges().unwrap();
        let page_before = document().body().unwrap().inner_html();
        let openings = Openings::record();
        let opened = openings.list.clone();

        let thrown_away = start_warm_up();
        leptos::task::tick().await;
        assert!(!thrown_away.get(), "built, and kept until an idle moment");
        // The user leaves the search box meanwhile: a dialog that never opened hands nothing back.
        search.blur().unwrap();
        next_frame().await;
        next_frame().await;
        until_thrown_away(&thrown_away).await;
        drop(openings);
        assert_eq!(opened.length(), 1, "a copy opened");
        let opening = js_sys::Array::from(&opened.get(0));
        let copy = opening.get(0).unchecked_into::<web_sys::HtmlDialogElement>();
        assert!(opening.get(1).is_truthy(), "in the page, as the real one will be");
        let focused = opening.get(2).unchecked_into::<web_sys::Element>();
        assert_eq!(focused.id(), "credentials-json", "focus in its JSON box, as in the real one");
        assert!(copy.contains(Some(&focused)), "the copy's own JSON box");
        assert!(!opening.get(3).is_truthy(), "closed and gone before the task that opened it ended: no frame shows it");
        assert_eq!(window().get_selection().unwrap().unwrap().range_count(), 0, "no selection left behind");
        assert_eq!(document().body().unwrap().inner_html(), page_before, "nothing added to the page");
        assert_eq!(document().active_element().map(|active| active.tag_name()).as_deref(), Some("BODY"), "focus stays where the user left it");
        assert_eq!(document().adopted_style_sheets().length(), 1, "the dialogs' styles, once");
    }

    /// Where the user is in a field, or has a selection or a caret on the page, when the warm-up's
    /// moment comes, no copy opens: its opening would take focus and the selection, and its
    /// closing give focus back but neither the caret where it was nor the selection.
    #[wasm_bindgen_test]
    async fn warming_up_opens_no_copy_while_the_user_is_in_a_field_or_has_a_selection() {
        let _app = leptos::mount::mount_to(container(), || ());
        let parent = container();
        parent.set_inner_html("<label>Search <input id='warm-up-typing' value='EU Prod'></label><p>EU Production Portal</p>");
        let search = find(&parent, "input").unchecked_into::<web_sys::HtmlInputElement>();
        let openings = Openings::record();
        let opened = openings.list.clone();

        search.focus().unwrap();
        search.set_selection_range(2, 2).unwrap();
        until_thrown_away(&start_warm_up()).await;
        assert_eq!(opened.length(), 0, "in a field: no copy opened");
        assert_eq!(document().active_element().map(|active| active.id()).as_deref(), Some("warm-up-typing"), "focus stays in the field");
        assert_eq!((search.selection_start().unwrap(), search.selection_end().unwrap()), (Some(2), Some(2)), "the caret stays");
        search.blur().unwrap();

        let selection = window().get_selection().unwrap().unwrap();
        let paragraph = find(&parent, "p");
        for (case, collapsed) in [("a text selected", false), ("a caret in the text", true)] {
            let range = document().create_range().unwrap();
            range.select_node_contents(&paragraph).unwrap();
            if collapsed {
                range.collapse_with_to_start(true);
            }
            selection.remove_all_ranges().unwrap();
            selection.add_range(&range).unwrap();
            let (node, offset) = (selection.anchor_node(), selection.anchor_offset());
            until_thrown_away(&start_warm_up()).await;
            assert_eq!(opened.length(), 0, "{case}: no copy opened");
            assert_eq!((selection.anchor_node(), selection.anchor_offset(), selection.is_collapsed()), (node, offset, collapsed), "{case}: it stays");
        }
        selection.remove_all_ranges().unwrap();
    }

    /// Drawn ahead, while its opener is still pressed, the dialog waits in the page closed (not
    /// rendered, not heard, focus left alone) until it is shown.
    #[wasm_bindgen_test]
    async fn a_dialog_drawn_ahead_waits_closed_until_it_is_shown() {
        let parent = container();
        let shown = RwSignal::new(false);
        let alice = user("alice", &["AuthGroup.APIPortalRegistration"]);
        let _mounted = leptos::mount::mount_to(parent.clone(), move || {
            view! {
                <EditCredentialsDialog request=request("EU Production Portal", "alice", Status::Submitted) user=alice.clone()
                    shown on_close=|_| () on_saved=|_| () />
            }
        });
        let focused = document().active_element();
        next_frame().await;
        let dialog = find(&parent, "dialog");
        assert!(!dialog.has_attribute("open"), "closed");
        assert_eq!(computed(&dialog, "display"), "none", "not rendered, nor in the accessibility tree");
        assert_eq!(document().active_element(), focused, "focus left where it was");

        shown.set(true);
        next_frame().await;
        assert!(dialog.has_attribute("open"), "shown");
        assert!(document().active_element().is_some_and(|active| dialog.contains(Some(&active))), "with focus in it");
    }

    /// A dialog opened while the warm-up's copy still waits off the page to be thrown away: the
    /// page has the one dialog, which keeps focus and stays open when the copy goes; no copy of
    /// the warm-up's opens over it.
    #[wasm_bindgen_test]
    async fn a_dialog_opened_before_the_warm_up_is_over_is_left_alone_by_it() {
        let _app = leptos::mount::mount_to(container(), || ());
        let thrown_away = start_warm_up();
        leptos::task::tick().await;
        let openings = Openings::record();
        let opened = openings.list.clone();
        let (parent, _mounted) = mount_dialog();
        next_frame().await;
        let dialog = find(&parent, "dialog");
        let in_dialog = || document().active_element().is_some_and(|active| dialog.contains(Some(&active)));
        assert!(dialog.has_attribute("open") && in_dialog(), "the page's dialog opened, with focus");
        assert_eq!(document().query_selector_all("#credentials-json").unwrap().length(), 1, "one JSON box on the page");
        assert!(!thrown_away.get(), "the warm-up's copy still waits");

        assert!(portal_connections::idle::next_moment().await);
        assert!(portal_connections::idle::next_moment().await);
        drop(openings);
        assert!(thrown_away.get(), "thrown away in those idle moments");
        assert_eq!(opened.length(), 1, "the page's dialog opened, and no copy over it");
        assert!(dialog.has_attribute("open") && in_dialog(), "the page's dialog still open, with focus");
    }
}

mod table_states {
    use super::*;
    use portal_connections::components::empty_state::EmptyState;
    use portal_connections::components::request_table::RequestTableSkeleton;

    #[wasm_bindgen_test]
    fn without_any_request_the_page_says_so() {
        let parent = container();
        let _mounted = leptos::mount::mount_to(parent.clone(), || view! { <EmptyState view=TableQuery::default() on_clear=|_| () /> });
        assert_eq!(parent.text_content().unwrap(), "No connection requests yet.");
        assert!(parent.query_selector("button").unwrap().is_none(), "nothing to clear");
    }

    #[wasm_bindgen_test]
    fn a_search_without_matches_offers_to_clear_it() {
        let parent = container();
        let cleared = RwSignal::new(false);
        let _mounted = leptos::mount::mount_to(parent.clone(), move || {
            view! { <EmptyState view=TableQuery::default().with_search("foo") on_clear=move |_| cleared.set(true) /> }
        });
        assert!(parent.text_content().unwrap().contains("No request matches 'foo'."));
        find(&parent, "button").unchecked_into::<web_sys::HtmlElement>().click();
        assert!(cleared.get_untracked(), "Clear filter asks for the default view");
    }

    #[wasm_bindgen_test]
    fn placeholder_rows_keep_the_table_size_while_loading() {
        let parent = container();
        let _mounted = leptos::mount::mount_to(parent.clone(), || view! { <RequestTableSkeleton rows=25 /> <RequestTableSkeleton rows=10 /> });
        let placeholders = parent.query_selector_all(".skeleton-table").unwrap();
        assert!(placeholders.item(0).unwrap().unchecked_into::<web_sys::Element>().class_list().contains("skeleton-rows-25"));
        assert!(placeholders.item(1).unwrap().unchecked_into::<web_sys::Element>().class_list().contains("skeleton-rows-10"));
        assert_eq!(parent.query_selector_all("tr, td").unwrap().length(), 0, "rows drawn by the stylesheet, no element each");
        assert_eq!(find(&parent, ".skeleton-rows-25[role='status']").text_content().unwrap(), "Loading connection requests…");
    }
}
