//! Listing connection requests, over real HTTP.

mod support;

use serde_json::Value;
use support::TestHub;

async fn list(hub: &TestHub, client: &reqwest::Client, query: &str) -> (u16, Value) {
    let response = client.get(hub.url(&format!("/connectionRequests{query}"))).send().await.unwrap();
    (response.status().as_u16(), response.json().await.unwrap())
}

fn aliases(page: &Value) -> Vec<String> {
    page["results"].as_array().unwrap().iter().map(|r| r["apiPortalAlias"].as_str().unwrap().to_owned()).collect()
}

#[tokio::test]
async fn alice_sees_the_seeded_requests_with_counts() {
    let hub = TestHub::start(None).await;
    let alice = hub.signed_in("alice").await;
    let (status, page) = list(&hub, &alice, "").await;
    assert_eq!(status, 200);
    assert_eq!(page["count"], 14);
    assert!(aliases(&page).contains(&"EU Production Portal".to_owned()));
    let first = &page["results"][0];
    assert!(first["credentials"]["clientId"].as_str().unwrap().starts_with("sb-apiaccess"));
    assert!(first["credentials"].get("clientSecret").is_none());
}

#[tokio::test]
async fn filters_searches_sorts_and_pages() {
    let hub = TestHub::start(None).await;
    let alice = hub.signed_in("alice").await;

    let (_, approved) = list(&hub, &alice, "?status=APPROVED").await;
    assert_eq!(approved["count"], 2);

    let (_, search) = list(&hub, &alice, "?search=becker&orderby=apiPortalAlias%20asc").await;
    assert_eq!(aliases(&search)[0], "Australia Field Service");
    assert_eq!(search["count"], 6);

    let (_, page) = list(&hub, &alice, "?orderby=apiPortalAlias%20desc&top=2&skip=1").await;
    assert_eq!(page["count"], 14);
    assert_eq!(aliases(&page), ["US East Production", "Partner Sandbox"]);
}

#[tokio::test]
async fn status_sorts_in_lifecycle_order_not_alphabetically() {
    let hub = TestHub::start(None).await;
    let alice = hub.signed_in("alice").await;
    let statuses = |page: &Value| -> Vec<String> {
        let mut seen: Vec<String> = Vec::new();
        for request in page["results"].as_array().unwrap() {
            let status = request["status"].as_str().unwrap().to_owned();
            if seen.last() != Some(&status) {
                seen.push(status);
            }
        }
        seen
    };
    let (_, ascending) = list(&hub, &alice, "?orderby=status%20asc").await;
    assert_eq!(statuses(&ascending), ["SUBMITTED", "PENDING_APPROVAL", "APPROVED", "REJECTED"]);
    let (_, descending) = list(&hub, &alice, "?orderby=status%20desc").await;
    assert_eq!(statuses(&descending), ["REJECTED", "APPROVED", "PENDING_APPROVAL", "SUBMITTED"]);
}

#[tokio::test]
async fn requested_by_keeps_one_users_requests() {
    let hub = TestHub::start(None).await;
    let alice = hub.signed_in("alice").await;
    let (status, mine) = list(&hub, &alice, "?requestedBy=alice&status=SUBMITTED,PENDING_APPROVAL").await;
    assert_eq!(status, 200);
    assert_eq!(mine["count"], 4);
    assert!(mine["results"].as_array().unwrap().iter().all(|request| request["requestedBy"]["id"] == "alice"));
    let (_, nobody) = list(&hub, &alice, "?requestedBy=nobody").await;
    assert_eq!(nobody["count"], 0);
    let (status, _) = list(&hub, &alice, &format!("?requestedBy={}", "x".repeat(65))).await;
    assert_eq!(status, 400);
}

#[tokio::test]
async fn a_search_with_sql_in_it_is_plain_text() {
    let hub = TestHub::start(None).await;
    let alice = hub.signed_in("alice").await;
    let (status, page) = list(&hub, &alice, "?search=%27%20OR%201%3D1%20--").await;
    assert_eq!(status, 200);
    assert_eq!(page["count"], 0);
    let (_, wildcard) = list(&hub, &alice, "?search=%25").await;
    assert_eq!(wildcard["count"], 0);
}

#[tokio::test]
async fn bad_parameters_are_400() {
    let hub = TestHub::start(None).await;
    let alice = hub.signed_in("alice").await;
    let (status, body) = list(&hub, &alice, "?orderby=secret").await;
    assert_eq!(status, 400);
    assert_eq!(body["error"]["code"], "INVALID_PARAMETER");
}

#[tokio::test]
async fn needs_a_session_and_a_role() {
    let hub = TestHub::start(None).await;
    let (status, _) = list(&hub, &TestHub::client(), "").await;
    assert_eq!(status, 401);
    let dave = hub.signed_in("dave").await;
    let (status, body) = list(&hub, &dave, "").await;
    assert_eq!(status, 403);
    assert_eq!(body["error"]["code"], "MISSING_ROLE");
}

#[tokio::test]
async fn unknown_api_paths_answer_json_404() {
    let hub = TestHub::start(None).await;
    let response = TestHub::client().get(hub.url("/nothing/here")).send().await.unwrap();
    assert_eq!(response.status(), 404);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["error"]["code"], "NOT_FOUND");
    assert_eq!(body["error"]["template"], contract::hub_texts::NO_SUCH_RESOURCE);
}

#[tokio::test]
async fn one_request_carries_its_version_as_etag() {
    let hub = TestHub::start(None).await;
    let alice = hub.signed_in("alice").await;
    let (_, page) = list(&hub, &alice, "?top=1").await;
    let id = page["results"][0]["id"].as_str().unwrap();
    let response = alice.get(hub.url(&format!("/connectionRequests/{id}"))).send().await.unwrap();
    assert_eq!(response.status(), 200);
    let etag = response.headers()["etag"].to_str().unwrap().to_owned();
    let request: Value = response.json().await.unwrap();
    assert_eq!(etag, format!("\"{}\"", request["version"]));
    assert_eq!(request, page["results"][0]);

    for unknown in ["cr-0000000000000000", "'%20OR%201=1", "%E2%80%8B"] {
        let response = alice.get(hub.url(&format!("/connectionRequests/{unknown}"))).send().await.unwrap();
        assert_eq!(response.status(), 404, "{unknown}");
        let body: Value = response.json().await.unwrap();
        assert_eq!(body["error"]["code"], "NOT_FOUND");
    }
    // Said as a template, so that the app can say it in the user's language.
    let response = alice.get(hub.url("/connectionRequests/cr-0000000000000000")).send().await.unwrap();
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["error"]["message"], "There is no connection request 'cr-0000000000000000'. It may have been removed; reload the list.");
    assert_eq!(body["error"]["template"], contract::hub_texts::NO_SUCH_REQUEST);
    assert_eq!(body["error"]["params"], serde_json::json!({ "id": "cr-0000000000000000" }));
}

#[tokio::test]
async fn odd_searches_are_plain_text() {
    let hub = TestHub::start(None).await;
    let alice = hub.signed_in("alice").await;
    for search in ["%22%3B%20DROP%20TABLE%20users%3B--", "%5C", "_", "%F0%9F%98%80", "%C3%A9", "a%00b"] {
        let (status, page) = list(&hub, &alice, &format!("?search={search}")).await;
        assert_eq!(status, 200, "{search}");
        assert_eq!(page["count"], 0, "{search}");
    }
    let (_, still) = list(&hub, &alice, "").await;
    assert_eq!(still["count"], 14);
    let (status, body) = list(&hub, &alice, "?orderby=updatedAt%20desc%3B%20DELETE%20FROM%20users").await;
    assert_eq!((status, body["error"]["code"].as_str()), (400, Some("INVALID_PARAMETER")));
}

#[tokio::test]
async fn counts_by_status_stay_true_through_submissions_and_decisions() {
    let hub = TestHub::start(None).await;
    let carol = hub.signed_in("carol").await;
    let token = support::csrf_token(&hub, &carol).await;
    let counted = |status: &'static str| {
        let carol = carol.clone();
        let url = hub.url("/connectionRequests");
        async move {
            let page: Value = carol.get(url).query(&[("status", status), ("top", "1")]).send().await.unwrap().json().await.unwrap();
            page["count"].as_u64().unwrap()
        }
    };
    let stored = |status: &str| -> u64 {
        let db = rusqlite::Connection::open(hub.data.join("hub.sqlite3")).unwrap();
        db.query_row("SELECT COUNT(*) FROM connection_requests WHERE status = ?1", [status], |row| row.get(0)).unwrap()
    };
    let check = || async {
        for status in ["SUBMITTED", "PENDING_APPROVAL", "APPROVED", "REJECTED"] {
            assert_eq!(counted(status).await, stored(status), "{status}");
        }
        let all: Value = carol.get(hub.url("/connectionRequests?top=1")).send().await.unwrap().json().await.unwrap();
        let db = rusqlite::Connection::open(hub.data.join("hub.sqlite3")).unwrap();
        let rows: u64 = db.query_row("SELECT COUNT(*) FROM connection_requests", [], |row| row.get(0)).unwrap();
        assert_eq!(all["count"].as_u64().unwrap(), rows);
    };
    check().await;

    let credentials: Value = serde_json::from_str(&support::credentials_for("https://counted.cfapps.eu10.hana.ondemand.com")).unwrap();
    let (status, created) = support::submit(&hub, &carol, &token, serde_json::json!({"apiPortalAlias": "Counted Portal", "credentials": credentials})).await;
    assert_eq!(status, 201);
    check().await;
    let id = created["id"].as_str().unwrap();
    let rejected = carol.post(hub.url(&format!("/connectionRequests/{id}/reject"))).header("X-CSRF-Token", &token).send().await.unwrap();
    assert_eq!(rejected.status(), 200);
    check().await;
}

#[tokio::test]
async fn a_page_brings_the_counts_of_every_status_when_asked() {
    let hub = TestHub::start(None).await;
    let alice = hub.signed_in("alice").await;
    let get = |query: &'static str| {
        let alice = alice.clone();
        let url = hub.url(&format!("/connectionRequests?{query}"));
        async move {
            let response = alice.get(url).send().await.unwrap();
            (response.status().as_u16(), response.json::<Value>().await.unwrap())
        }
    };
    // Without asking, the page is as before.
    let (_, plain) = get("top=1").await;
    assert!(plain.get("countsByStatus").is_none(), "{plain}");

    // The counts ignore the status filter, and follow the search and the requester, each status
    // counted as a list filtered by it alone would count it.
    for query in ["status=APPROVED&top=1&counts=status", "search=portal&top=1&counts=status", "requestedBy=bob&status=SUBMITTED&counts=status"] {
        let (status, page) = get(query).await;
        assert_eq!(status, 200, "{page}");
        let counts = page["countsByStatus"].as_object().unwrap_or_else(|| panic!("{query}: {page}"));
        assert_eq!(counts.len(), 4, "{query}: every status, also those with none");
        let without_status: String = query.split('&').filter(|part| !["status=", "counts=", "top="].iter().any(|name| part.starts_with(name))).collect::<Vec<_>>().join("&");
        for (status, count) in counts {
            let url = hub.url(&format!("/connectionRequests?status={status}&top=1&{without_status}"));
            let alone: Value = alice.get(url).send().await.unwrap().json().await.unwrap();
            assert_eq!(count, &alone["count"], "{query}: {status}");
        }
    }
    let (status, refused) = get("counts=everything").await;
    assert_eq!(status, 400);
    assert_eq!(refused["error"]["code"], "INVALID_PARAMETER", "{refused}");
}
