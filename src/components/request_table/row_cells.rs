//! One row's cells, as HTML: one cell per column and nothing twice. Where a narrower window has
//! no room for a column, the stylesheet moves its cell under the alias and shows its label
//! (`data-label`). Labels, the mark of a saved row (`data-saved`), icons (`data-icon`) and a
//! valid expiry (`data-expiry`) are drawn by the stylesheet and heard by screen readers, with
//! no element of their own: a page of 25 rows stays small.

use credentials::CredentialKind;

use super::html::Html;
use crate::api::{ConnectionRequest, LastTest, User};
use crate::components::action_cell::{action_id, edit_link_id};
use crate::components::icon::Icon;
use crate::components::status_badge::{presentation, status_label};
use crate::format::{self, Expiry};
use crate::i18n::{t, tf};
use crate::lifecycle_text::{kind_label, last_test_label};
use crate::permissions::{can_decide, can_edit_credentials, can_test_stored};
use crate::table_query::TableQuery;
use crate::tone::Tone;

/// The cells of `request`'s row as `user` sees them `now` (seconds since 1970), its Edit
/// Credentials link keeping the table's `view`, under the app's `base_path`.
pub fn row_cells(request: &ConnectionRequest, user: &User, now: i64, view: &TableQuery, base_path: &str) -> String {
    let mut html = Html::default();
    html.element("th", &[("scope", Some("row")), ("class", Some("col-alias")), ("data-saved", Some(t("Saved")))], &request.api_portal_alias);
    html.element("td", &[("class", Some("col-host")), ("data-label", Some(t("API portal")))], portal_host(&request.api_portal_url));
    let (tone, icon) = presentation(request.status);
    let status_class = format!("col-status {}", tone.class());
    html.element(
        "td",
        &[("class", Some(&status_class)), ("data-label", Some(t("Status"))), ("data-icon", Some(icon.name()))],
        status_label(request.status),
    );
    html.element("td", &[("class", Some("col-requester")), ("data-label", Some(t("Requested by")))], &request.requested_by.name);
    let requested_on = crate::i18n::date(request.requested_at.get(..10).unwrap_or_default());
    html.element("td", &[("class", Some("col-requested-on")), ("data-label", Some(t("Requested on")))], &requested_on);
    let updated = format::ago_and_exact(now, &request.updated_at);
    html.element("td", &[("class", Some("col-updated")), ("data-label", Some(t("Last updated")))], &updated);
    let expiry = format::unix_seconds(&request.credentials.expires_at).map(|expires| Expiry::at(now, expires));
    credentials_cell(&mut html, request.credentials.client_id.as_deref(), expiry, request.last_test.as_ref());
    html.open("td", &[("class", Some("col-actions"))]);
    actions(&mut html, request, user, view, base_path);
    html.close("td");
    html.into_string()
}

/// The part of the client ID that tells keys apart, and when the credentials expire.
fn credentials_cell(html: &mut Html, client_id: Option<&str>, expiry: Option<Expiry>, last_test: Option<&LastTest>) {
    // The part of the ID that tells keys apart; the whole ID as the cell's tooltip and description.
    let shown = match client_id {
        Some(id) => format::distinguishing_client_id(id),
        None => kind_label(CredentialKind::X509).to_owned(),
    };
    let last_test = last_test_label(last_test);
    // Most rows' credentials are valid, with no test to tell of: their expiry needs no element
    // of its own; the stylesheet draws it (`data-expiry`).
    let (drawn_expiry, shown_expiry) = match expiry.map(|expiry| (expiry.presentation(), expiry.label())) {
        Some(((Tone::Neutral, None), label)) if last_test.is_none() => (Some(label), None),
        Some(((tone, icon), label)) => (None, Some((tone, icon, label))),
        None => (None, None),
    };
    html.open(
        "td",
        &[("class", Some("col-credentials")), ("data-label", Some(t("Credentials"))), ("data-expiry", drawn_expiry.as_deref()), ("title", client_id)],
    );
    // A space after the ID: where the lines after it run on beside it (narrower windows), it
    // keeps them apart and lets the line break there.
    html.text(&shown).text(" ");
    if let Some((tone, icon, label)) = shown_expiry {
        let class = format!("expiry {}", tone.class());
        html.element("span", &[("class", Some(&class)), ("data-icon", icon.map(Icon::name))], &label);
    }
    if let Some((tone, label)) = last_test {
        let icon = if tone == Tone::Positive { Icon::Check } else { Icon::Error };
        let class = format!("last-test {}", tone.class());
        html.element("span", &[("class", Some(&class)), ("data-icon", Some(icon.name()))], &label);
    }
    html.close("td");
}

/// "Edit Credentials" (or, unmistakably unavailable, why not and what to do instead), "View",
/// and for those who may, "Test Connection", "Approve" and "Reject": a toolbar with one tab
/// stop, its first action that can be used. Row actions are plain; the page's one emphasised
/// action is elsewhere. The table handles their keys and clicks (`action_cell`).
fn actions(html: &mut Html, request: &ConnectionRequest, user: &User, view: &TableQuery, base_path: &str) {
    // The visible labels are short; each accessible name says which request it acts on.
    let alias: &[(&str, &dyn std::fmt::Display)] = &[("alias", &request.api_portal_alias)];
    html.open("div", &[("class", Some("actions")), ("role", Some("toolbar")), ("aria-label", Some(&tf("Actions for {alias}", alias)))]);
    let blocked = can_edit_credentials(request, user).err();
    let reason_id = blocked.is_some().then(|| format!("edit-blocked-{}", request.id));
    let edit_label = tf("Edit Credentials for {alias}", alias);
    match blocked {
        None => {
            let (id, href) = (edit_link_id(&request.id), format!("{base_path}{}", view.edit_href(&request.id)));
            let attributes = [
                ("id", Some(id.as_str())),
                ("class", Some("button button-transparent")),
                ("href", Some(href.as_str())),
                ("tabindex", Some("0")),
                ("aria-label", Some(edit_label.as_str())),
            ];
            html.element("a", &attributes, t("Edit Credentials"));
        }
        Some(_) => {
            let attributes = [
                ("type", Some("button")),
                ("class", Some("button button-unavailable")),
                ("disabled", Some("")),
                ("data-icon", Some(Icon::Lock.name())),
                ("aria-label", Some(edit_label.as_str())),
                ("aria-describedby", reason_id.as_deref()),
            ];
            html.element("button", &attributes, t("Edit Credentials"));
        }
    }
    let mut button = |action: &'static str, label: &'static str, name: String| {
        // The toolbar's one tab stop is its first action that can be used.
        let tab_stop = if action == "view" && blocked.is_some() { "0" } else { "-1" };
        let id = action_id(action, &request.id);
        let attributes = [
            ("type", Some("button")),
            ("id", Some(id.as_str())),
            ("class", Some("button button-transparent")),
            ("tabindex", Some(tab_stop)),
            ("aria-label", Some(name.as_str())),
        ];
        html.element("button", &attributes, label);
    };
    button("view", t("View"), tf("View {alias}", alias));
    if can_test_stored(request, user) {
        button("test", t("Test Connection"), tf("Test Connection {alias}", alias));
    }
    if can_decide(request, user) {
        button("approve", t("Approve"), tf("Approve {alias}", alias));
        button("reject", t("Reject"), tf("Reject {alias}", alias));
    }
    if let Some(blocked) = blocked {
        html.element("span", &[("id", reason_id.as_deref()), ("class", Some("action-reason"))], &blocked.reason());
    }
    html.close("div");
}

/// The host of a URL, for a short cell; the whole URL if it has none.
fn portal_host(url: &str) -> &str {
    url.split_once("://").map_or(url, |(_, rest)| rest.split(['/', '?', '#']).next().unwrap_or(rest))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::test_support::{request, user};
    use crate::api::Status;
    use crate::permissions::{ROLE_HUB_ADMIN, ROLE_PORTAL_REGISTRATION};

    /// 2026-11-23 16:03:11 UTC: three days after the sample request was last updated.
    const NOW: i64 = 1_795_190_591 + 3 * 86_400;

    fn cells(request: &ConnectionRequest, viewer: &User) -> String {
        row_cells(request, viewer, NOW, &TableQuery::default().with_page(2), "/apps/connections")
    }

    #[test]
    fn the_submitters_row_has_each_value_once_and_an_edit_link_that_keeps_the_view() {
        let alice = user("alice", &[ROLE_PORTAL_REGISTRATION]);
        assert_eq!(
            cells(&request("alice", Status::Submitted), &alice),
            concat!(
                r#"<th scope="row" class="col-alias" data-saved="Saved">EU Production Portal</th>"#,
                r#"<td class="col-host" data-label="API portal">eu10apiportal.cfapps.eu10.hana.ondemand.com</td>"#,
                r#"<td class="col-status tone-information" data-label="Status" data-icon="sent">Submitted</td>"#,
                r#"<td class="col-requester" data-label="Requested by">alice</td>"#,
                r#"<td class="col-requested-on" data-label="Requested on">2026-11-02</td>"#,
                "<td class=\"col-updated\" data-label=\"Last updated\">3 days ago\n(2026-11-20 16:03 UTC)</td>",
                r#"<td class="col-credentials" data-label="Credentials" data-expiry="Valid for 362 days" title="sb-apiaccess1689070958781!b6077|api-portal-xsuaa!b2160">1689070958781!b6077 </td>"#,
                r#"<td class="col-actions"><div class="actions" role="toolbar" aria-label="Actions for EU Production Portal">"#,
                r#"<a id="edit-cr-alice" class="button button-transparent" href="/apps/connections/connections/cr-alice/credentials?page=2" tabindex="0" aria-label="Edit Credentials for EU Production Portal">Edit Credentials</a>"#,
                r#"<button type="button" id="view-cr-alice" class="button button-transparent" tabindex="-1" aria-label="View EU Production Portal">View</button>"#,
                r#"<button type="button" id="test-cr-alice" class="button button-transparent" tabindex="-1" aria-label="Test Connection EU Production Portal">Test Connection</button>"#,
                r#"</div></td>"#,
            )
        );
    }

    #[test]
    fn anyone_else_sees_edit_unavailable_with_why_and_view_is_the_tab_stop() {
        let html = cells(&request("bob", Status::Submitted), &user("alice", &[ROLE_PORTAL_REGISTRATION]));
        assert!(!html.contains("<a "), "no edit link: {html}");
        assert!(html.contains(concat!(
            r#"<button type="button" class="button button-unavailable" disabled="" data-icon="lock" aria-label="Edit Credentials for EU Production Portal" aria-describedby="edit-blocked-cr-bob">Edit Credentials</button>"#,
            r#"<button type="button" id="view-cr-bob" class="button button-transparent" tabindex="0" aria-label="View EU Production Portal">View</button>"#,
            r#"<span id="edit-blocked-cr-bob" class="action-reason">Only bob, who submitted it, can edit it</span>"#,
        )), "{html}");
        assert_eq!(html.matches(r#"tabindex="0""#).count(), 1, "one tab stop");
    }

    #[test]
    fn an_administrator_may_test_approve_and_reject_an_open_request() {
        let carol = user("carol", &[ROLE_HUB_ADMIN, ROLE_PORTAL_REGISTRATION]);
        let html = cells(&request("alice", Status::PendingApproval), &carol);
        // Edit is alice's; View, the first action carol can use, is the tab stop.
        for (action, name, tab_stop) in [("view", "View", "0"), ("test", "Test Connection", "-1"), ("approve", "Approve", "-1"), ("reject", "Reject", "-1")] {
            let button = format!(r#"id="{action}-cr-alice" class="button button-transparent" tabindex="{tab_stop}" aria-label="{name} EU Production Portal">{name}</button>"#);
            assert!(html.contains(&button), "{action}: {html}");
        }
        assert!(!cells(&request("alice", Status::Approved), &carol).contains("approve-cr-alice"), "an approved request is decided");
    }

    #[test]
    fn values_from_the_hub_are_text_never_markup() {
        let hostile = r#"<img src=x onerror="alert(1)">&"#;
        let mut request = request("alice", Status::Submitted);
        request.api_portal_alias = hostile.to_owned();
        request.requested_by.name = hostile.to_owned();
        request.credentials.client_id = Some(hostile.to_owned());
        let html = cells(&request, &user("bob", &[ROLE_PORTAL_REGISTRATION]));
        assert!(!html.contains("<img"), "{html}");
        assert!(html.contains(r#"<th scope="row" class="col-alias" data-saved="Saved">&lt;img src=x onerror="alert(1)"&gt;&amp;</th>"#), "{html}");
        assert!(html.contains(r#"aria-label="View &lt;img src=x onerror=&quot;alert(1)&quot;&gt;&amp;""#), "{html}");
        assert!(html.contains(r#"title="&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&amp;""#), "{html}");
    }

    #[test]
    fn expiry_needs_an_element_only_when_it_warns_or_sits_beside_a_test() {
        let alice = user("alice", &[ROLE_PORTAL_REGISTRATION]);
        let mut soon = request("alice", Status::Submitted);
        soon.credentials.expires_at = "2026-11-25T16:03:11Z".to_owned();
        assert!(cells(&soon, &alice).contains(r#"1689070958781!b6077 <span class="expiry tone-warning" data-icon="clock">Expires in 2 days</span></td>"#));
        let mut tested = request("alice", Status::Submitted);
        tested.last_test = Some(LastTest { ok: true, code: None, tested_at: "2026-11-21T08:00:00Z".to_owned() });
        let html = cells(&tested, &alice);
        assert!(!html.contains("data-expiry"), "{html}");
        assert!(html.contains(r#"<span class="expiry tone-neutral">Valid for 362 days</span><span class="last-test tone-positive" data-icon="check">Connection tested OK, 2026-11-21 08:00 UTC</span>"#), "{html}");
        let mut certificate = request("alice", Status::Submitted);
        certificate.credentials.client_id = None;
        let html = cells(&certificate, &alice);
        assert!(html.contains(r#"data-expiry="Valid for 362 days">X.509 certificate </td>"#), "no tooltip without an ID: {html}");
    }

    #[test]
    fn the_portal_column_shows_the_host() {
        assert_eq!(portal_host("https://eu10apiportal.cfapps.eu10.hana.ondemand.com/path?x"), "eu10apiportal.cfapps.eu10.hana.ondemand.com");
        assert_eq!(portal_host("not a url"), "not a url");
    }
}
