//! The demo data set: four users and connection requests in every status.

use rand::{Rng, SeedableRng};
use rusqlite::Connection;
use time::{Duration, OffsetDateTime};

use contract::{HistoryAction, HistoryDetails, Status, User, ROLE_HUB_ADMIN, ROLE_PORTAL_REGISTRATION};

use crate::connection_requests::history;
use crate::connection_requests::store::new_request_id;
use crate::secrets::SecretBox;
use crate::time_format::format;

struct DemoUser {
    id: &'static str,
    name: &'static str,
    roles: &'static [&'static str],
}

const USERS: &[DemoUser] = &[
    DemoUser { id: "alice", name: "Alice Andersen", roles: &[ROLE_PORTAL_REGISTRATION] },
    DemoUser { id: "bob", name: "Bob Becker", roles: &[ROLE_PORTAL_REGISTRATION] },
    DemoUser { id: "carol", name: "Carol Chen", roles: &[ROLE_HUB_ADMIN, ROLE_PORTAL_REGISTRATION] },
    DemoUser { id: "dave", name: "Dave Dietrich", roles: &[] },
];

struct DemoRequest {
    alias: &'static str,
    /// `<app>` of `https://<app>.cfapps.<region>.hana.ondemand.com`, or a whole host.
    app: &'static str,
    region: &'static str,
    status: Status,
    requester: &'static str,
    comment: &'static str,
    requested_days_ago: i64,
    updated_days_ago: i64,
    /// Days until the credentials expire; negative when they have expired.
    expires_in_days: i64,
    key: DemoKey,
}

/// What a demo request's credentials are. X.509 keys may carry a client ID or not, as real ones
/// do; the table shows either, and so the app's start (its code split) sees both.
#[derive(Clone, Copy, PartialEq)]
enum DemoKey {
    ClientSecret,
    X509WithClientId,
    X509,
}

const REQUESTS: &[DemoRequest] = &[
    DemoRequest { alias: "EU Production Portal", app: "eu10apiportal", region: "eu10", status: Status::Submitted, requester: "alice", comment: "Publish the order and invoice APIs of our EU production tenant to the central catalog.", requested_days_ago: 62, updated_days_ago: 3, expires_in_days: 12, key: DemoKey::ClientSecret },
    DemoRequest { alias: "EU Quality Portal", app: "eu10qaportal", region: "eu10", status: Status::PendingApproval, requester: "alice", comment: "Quality tenant, so that partner developers can try APIs before they go live.", requested_days_ago: 41, updated_days_ago: 9, expires_in_days: 324, key: DemoKey::ClientSecret },
    DemoRequest { alias: "US Sales Portal", app: "us10salesportal", region: "us10", status: Status::Approved, requester: "alice", comment: "Sales APIs for the US subsidiaries.", requested_days_ago: 180, updated_days_ago: 150, expires_in_days: 215, key: DemoKey::ClientSecret },
    DemoRequest { alias: "Partner Sandbox", app: "sandboxportal", region: "eu20", status: Status::Rejected, requester: "alice", comment: "Sandbox for the partner onboarding pilot.", requested_days_ago: 120, updated_days_ago: 110, expires_in_days: 245, key: DemoKey::ClientSecret },
    DemoRequest { alias: "AP Logistics Portal", app: "ap10logistics", region: "ap10", status: Status::Submitted, requester: "alice", comment: "Logistics tracking APIs for the Singapore hub.", requested_days_ago: 95, updated_days_ago: 70, expires_in_days: -5, key: DemoKey::X509WithClientId },
    DemoRequest { alias: "Finance Integration Portal", app: "finportal-prod", region: "eu10-004", status: Status::PendingApproval, requester: "alice", comment: "General ledger and payment APIs for the shared service center.", requested_days_ago: 28, updated_days_ago: 28, expires_in_days: 337, key: DemoKey::ClientSecret },
    DemoRequest { alias: "US East Production", app: "us21prodportal", region: "us21", status: Status::Approved, requester: "bob", comment: "Production portal for the US East data center.", requested_days_ago: 240, updated_days_ago: 200, expires_in_days: 125, key: DemoKey::ClientSecret },
    DemoRequest { alias: "Canada Test Portal", app: "ca10testportal", region: "ca10", status: Status::Submitted, requester: "bob", comment: "Test tenant for the Canadian rollout.", requested_days_ago: 14, updated_days_ago: 1, expires_in_days: 351, key: DemoKey::ClientSecret },
    DemoRequest { alias: "Brazil Retail Portal", app: "br10retail", region: "br10", status: Status::PendingApproval, requester: "bob", comment: "Retail store APIs, requested by the Sao Paulo team.", requested_days_ago: 345, updated_days_ago: 20, expires_in_days: 20, key: DemoKey::ClientSecret },
    DemoRequest { alias: "Japan Manufacturing", app: "jp10mfgportal", region: "jp10", status: Status::Rejected, requester: "bob", comment: "Plant maintenance APIs.", requested_days_ago: 300, updated_days_ago: 290, expires_in_days: -30, key: DemoKey::ClientSecret },
    DemoRequest { alias: "China Operations Portal", app: "cn40opsportal.cfapps.cn40.platform.sapcloud.cn", region: "cn40", status: Status::Submitted, requester: "bob", comment: "Operations APIs for the Shanghai entity, on the China region.", requested_days_ago: 7, updated_days_ago: 7, expires_in_days: 358, key: DemoKey::ClientSecret },
    DemoRequest { alias: "Australia Field Service", app: "au10fieldservice", region: "ap20", status: Status::PendingApproval, requester: "bob", comment: "Field service scheduling APIs.", requested_days_ago: 55, updated_days_ago: 4, expires_in_days: 310, key: DemoKey::X509 },
    DemoRequest { alias: "Central HR Portal", app: "hrportal", region: "eu10", status: Status::PendingApproval, requester: "carol", comment: "HR master data APIs for every subsidiary.", requested_days_ago: 400, updated_days_ago: 380, expires_in_days: 28, key: DemoKey::ClientSecret },
    DemoRequest { alias: "Germany Procurement", app: "deprocurement", region: "eu10", status: Status::Rejected, requester: "carol", comment: "Purchasing APIs; replaced by the EU Production Portal.", requested_days_ago: 90, updated_days_ago: 85, expires_in_days: 275, key: DemoKey::ClientSecret },
];

/// Writes the demo data set, in one transaction, unless the database already has users.
/// Returns whether it seeded.
pub fn seed_demo(db: &mut Connection, secrets: &SecretBox) -> rusqlite::Result<bool> {
    let users: i64 = db.query_row("SELECT COUNT(*) FROM users", [], |row| row.get(0))?;
    if users > 0 {
        return Ok(false);
    }
    let now = OffsetDateTime::now_utc().replace_nanosecond(0).expect("0 is a valid nanosecond");
    let mut rng = rand::rng();
    let transaction = db.transaction()?;
    for user in USERS {
        transaction.execute("INSERT INTO users (id, name) VALUES (?1, ?2)", (user.id, user.name))?;
        for role in user.roles {
            transaction.execute("INSERT INTO user_roles (user_id, role) VALUES (?1, ?2)", (user.id, role))?;
        }
    }
    for request in REQUESTS {
        let mut days_ago = |days: i64| now - Duration::days(days) - Duration::minutes(rng.random_range(0..600));
        let requested_at = days_ago(request.requested_days_ago);
        let updated_at = days_ago(request.updated_days_ago).max(requested_at);
        let host = if request.app.contains('.') {
            request.app.to_owned()
        } else {
            format!("{}.cfapps.{}.hana.ondemand.com", request.app, request.region)
        };
        let x509 = request.key != DemoKey::ClientSecret;
        let auth_host = if x509 { "authentication.cert" } else { "authentication" };
        let auth_domain = if host.ends_with(".platform.sapcloud.cn") {
            format!("{}.{auth_host}.{}.platform.sapcloud.cn", request.app.split('.').next().unwrap_or(request.app), request.region)
        } else {
            format!("{}.{auth_host}.{}.hana.ondemand.com", request.app, request.region)
        };
        let client_id = format!(
            "sb-apiaccess{}!b{}|api-portal-xsuaa!b{}",
            rng.random_range(1_600_000_000_000u64..1_790_000_000_000),
            rng.random_range(1000..99999),
            rng.random_range(1000..9999),
        );
        let id = new_request_id(&mut rng);
        // A made-up secret, sealed like a real one; demo keys carry no certificate.
        let secret = format!("{:032x}${:016x}=", rng.random::<u128>(), rng.random::<u64>());
        let sealed = secrets.seal(&secret, &id);
        transaction.execute(
            "INSERT INTO connection_requests (id, api_portal_alias, api_portal_url, status, comment, \
             requested_by, requested_at, updated_at, credential_type, credential_url, token_url, cert_url, \
             client_id, credentials_updated_at, credentials_expire_at, version, secret_ciphertext) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)",
            rusqlite::params![
                id,
                request.alias,
                format!("https://{host}"),
                request.status.as_str(),
                request.comment,
                request.requester,
                format(requested_at),
                format(updated_at),
                if x509 { "x509" } else { "clientSecret" },
                format!("https://{host}"),
                format!("https://{auth_domain}/oauth/token"),
                x509.then(|| format!("https://{auth_domain}")),
                (request.key != DemoKey::X509).then_some(client_id),
                format(updated_at),
                format(now + Duration::days(request.expires_in_days)),
                rng.random_range(1..6),
                sealed,
            ],
        )?;
    }
    record_seeded_history(&transaction)?;
    record_seeded_tests(&transaction, now)?;
    crate::connection_requests::store::fill_alias_keys(&transaction)?;
    transaction.commit()?;
    Ok(true)
}

/// Tests of stored credentials ("Test Connection") by the requests' requesters: (alias, passed,
/// what failed, days ago). The table shows the last one of each request: the demo, and the
/// app's start that the code split measures with it, have one that passed and one that failed.
const SEEDED_TESTS: [(&str, bool, Option<&str>, i64); 2] =
    [("Finance Integration Portal", true, None, 2), ("US East Production", false, Some("INVALID_CLIENT"), 3)];

fn record_seeded_tests(db: &Connection, now: OffsetDateTime) -> rusqlite::Result<()> {
    for (alias, ok, code, days_ago) in SEEDED_TESTS {
        let at = format(now - Duration::days(days_ago));
        let (id, tester): (String, User) = db.query_row(
            "SELECT id, requested_by, requester_name FROM connection_requests WHERE api_portal_alias = ?1",
            [alias],
            |row| Ok((row.get(0)?, User { id: row.get(1)?, name: row.get(2)?, roles: Vec::new() })),
        )?;
        db.execute(
            "UPDATE connection_requests SET last_test_ok = ?2, last_test_code = ?3, last_test_at = ?4 WHERE id = ?1",
            rusqlite::params![id, ok, code, at],
        )?;
        let details = HistoryDetails { ok: Some(ok), code: code.map(str::to_owned), ..HistoryDetails::default() };
        history::record(db, &id, &at, &tester, HistoryAction::ConnectionTested, &details)?;
    }
    Ok(())
}

/// The history of seeded requests: each submitted by its requester; the decided ones decided
/// by carol, the demo's hub administrator, when they were last updated.
fn record_seeded_history(db: &Connection) -> rusqlite::Result<()> {
    db.execute_batch(
        "INSERT INTO history_events (request_id, at, actor_id, actor_name, action)
         SELECT id, requested_at, requested_by, requester_name, 'SUBMITTED' FROM connection_requests
         WHERE id NOT IN (SELECT request_id FROM history_events);
         INSERT INTO history_events (request_id, at, actor_id, actor_name, action)
         SELECT id, updated_at, 'carol', 'Carol Chen', status FROM connection_requests
         WHERE status IN ('APPROVED', 'REJECTED')
           AND id NOT IN (SELECT request_id FROM history_events WHERE action IN ('APPROVED', 'REJECTED'));",
    )
}

/// The demo data set plus generated requests up to `total`, for load tests. The generated part
/// is the same in every run (a fixed seed), relative to now: each run's benchmarks see the same
/// first pages, with as many expiring credentials in them, and their figures can be compared.
pub fn seed_bench(db: &mut Connection, secrets: &SecretBox, total: usize) -> rusqlite::Result<bool> {
    if !seed_demo(db, secrets)? {
        return Ok(false);
    }
    let now = OffsetDateTime::now_utc();
    let mut rng = rand::rngs::StdRng::seed_from_u64(BENCH_SEED);
    let transaction = db.transaction()?;
    {
        let mut insert = transaction.prepare(
            "INSERT INTO connection_requests (id, api_portal_alias, api_portal_url, status, comment, \
             requested_by, requested_at, updated_at, credential_type, credential_url, token_url, client_id, \
             credentials_updated_at, credentials_expire_at, version, secret_ciphertext) \
             VALUES (?1, ?2, ?3, ?4, '', ?5, ?6, ?6, 'clientSecret', ?3, ?7, ?8, ?6, ?9, 1, ?10)",
        )?;
        let statuses = [Status::Submitted, Status::PendingApproval, Status::Rejected];
        for index in REQUESTS.len()..total {
            let id = new_request_id(&mut rng);
            let region = ["eu10", "us10", "ap10", "jp10", "br10"][index % 5];
            let at = format(now - Duration::minutes(rng.random_range(0..500_000)));
            insert.execute(rusqlite::params![
                id,
                format!("Load Portal {index:05} {region}"),
                format!("https://load{index:05}.cfapps.{region}.hana.ondemand.com"),
                statuses[index % 3].as_str(),
                ["alice", "bob", "carol"][index % 3],
                at,
                format!("https://load{index:05}.authentication.{region}.hana.ondemand.com/oauth/token"),
                format!("sb-apiaccess{index:013}!b{}|api-portal-xsuaa!b2160", 1000 + index),
                format(now + Duration::days(rng.random_range(-30..365))),
                secrets.seal(&format!("{:032x}=", rng.random::<u128>()), &id),
            ])?;
        }
    }
    record_seeded_history(&transaction)?;
    record_long_history(&transaction, BENCH_LONG_HISTORY)?;
    crate::connection_requests::store::fill_alias_keys(&transaction)?;
    transaction.commit()?;
    Ok(true)
}

/// The seed of the bench data set's generated requests.
const BENCH_SEED: u64 = 10_000;

/// Events the longest history of the bench data set has, for the history benchmark.
pub const BENCH_LONG_HISTORY: usize = 1000;
/// The request of the bench data set with the long history.
pub const BENCH_LONG_HISTORY_ALIAS: &str = "Load Portal 00016 us10";

/// Gives the request [`BENCH_LONG_HISTORY_ALIAS`] `events` events in all: its submission and
/// credential replacements by its requester.
fn record_long_history(db: &Connection, events: usize) -> rusqlite::Result<()> {
    let (id, requester, name, client_id): (String, String, String, String) = db.query_row(
        "SELECT id, requested_by, requester_name, client_id FROM connection_requests WHERE api_portal_alias = ?1",
        [BENCH_LONG_HISTORY_ALIAS],
        |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?)),
    )?;
    let mut insert = db.prepare(
        "INSERT INTO history_events (request_id, at, actor_id, actor_name, action, details) \
         VALUES (?1, ?2, ?3, ?4, 'CREDENTIALS_REPLACED', ?5)",
    )?;
    let start = OffsetDateTime::now_utc() - Duration::days(events as i64);
    for index in 1..events {
        let details = format!(
            r#"{{"from":{{"type":"clientSecret","clientId":"{client_id}-{}"}},"to":{{"type":"clientSecret","clientId":"{client_id}-{index}"}}}}"#,
            index - 1
        );
        insert.execute((&id, format(start + Duration::days(index as i64)), &requester, &name, details))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demo_data_covers_every_status_with_at_most_three_approved() {
        for status in Status::ALL {
            assert!(REQUESTS.iter().any(|request| request.status == status), "{status:?} missing");
        }
        assert!(REQUESTS.len() >= 12);
        assert!(REQUESTS.iter().filter(|request| request.status == Status::Approved).count() <= 3);
        assert!(REQUESTS.iter().any(|request| request.expires_in_days < 0));
        assert!(REQUESTS.iter().any(|request| (0..30).contains(&request.expires_in_days)));
        for key in [DemoKey::ClientSecret, DemoKey::X509WithClientId, DemoKey::X509] {
            assert!(REQUESTS.iter().any(|request| request.key == key), "a key of each kind");
        }
    }

    #[test]
    fn the_bench_data_set_is_the_same_in_every_run() {
        /// A generated request: its id, when it was last updated, when its credentials expire.
        type Row = (String, String, String);
        let generated = || {
            let mut db = Connection::open_in_memory().unwrap();
            crate::db::migrate(&mut db).unwrap();
            assert!(seed_bench(&mut db, &SecretBox::new(&[1; 32]), REQUESTS.len() + 50).unwrap());
            let mut rows = db
                .prepare("SELECT id, updated_at, credentials_expire_at FROM connection_requests WHERE api_portal_alias LIKE 'Load Portal %' ORDER BY api_portal_alias")
                .unwrap();
            let rows: Vec<Row> = rows.query_map([], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?))).unwrap().map(Result::unwrap).collect();
            rows
        };
        let (first, second) = (generated(), generated());
        assert_eq!(first.len(), 50);
        let ids = |rows: &[Row]| rows.iter().map(|(id, ..)| id.clone()).collect::<Vec<_>>();
        assert_eq!(ids(&first), ids(&second), "the same requests");
        // The same times relative to the moment each was seeded: the same order by update, the
        // same spread of expiry dates.
        let order = |rows: &[Row], column: fn(&Row) -> &String| {
            let mut sorted: Vec<&Row> = rows.iter().collect();
            sorted.sort_by(|a, b| column(a).cmp(column(b)));
            sorted.into_iter().map(|(id, ..)| id.clone()).collect::<Vec<_>>()
        };
        assert_eq!(order(&first, |row| &row.1), order(&second, |row| &row.1), "updated in the same order");
        assert_eq!(order(&first, |row| &row.2), order(&second, |row| &row.2), "expiring in the same order");
    }

    #[test]
    fn seeds_once() {
        let mut db = Connection::open_in_memory().unwrap();
        crate::db::migrate(&mut db).unwrap();
        let secrets = SecretBox::new(&[1; 32]);
        assert!(seed_demo(&mut db, &secrets).unwrap());
        assert!(!seed_demo(&mut db, &secrets).unwrap());
        let count: usize = db.query_row("SELECT COUNT(*) FROM connection_requests", [], |row| row.get(0)).unwrap();
        assert_eq!(count, REQUESTS.len());
    }
}
