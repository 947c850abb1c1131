//! Connection requests in SQLite: every read and every change, each change in one transaction.

use credentials::Credentials;
use rusqlite::{Connection, OptionalExtension, Row, TransactionBehavior};
use time::{Duration, OffsetDateTime};

use super::history;
use super::if_match::IfMatch;
use super::list_query::ListQuery;
use super::plain_text::alias_key;
use contract::{
    ConnectionRequest, CountsByStatus, CredentialsRef, CredentialsSummary, HistoryAction, HistoryDetails, LastTest, Page, Status, User, UserRef,
};
use crate::db::Reader;
use crate::secrets::{SealedSample, SecretBox};
use crate::time_format::format;

/// How long new credentials stay valid (those generated since February 2024).
const CREDENTIAL_LIFETIME_DAYS: i64 = 365;
/// A hub connects at most this many API portals.
pub const MAX_APPROVED_PORTALS: i64 = 3;

/// Why a change was not made. The handlers say it to the caller in the contract's words.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("there is no connection request {0}")]
    NotFound(String),
    #[error("the caller did not submit the request")]
    NotSubmitter,
    #[error("the request is {} and its credentials cannot change", .0.label())]
    NotEditable(Status),
    #[error("the request is {} already", .0.label())]
    AlreadyDecided(Status),
    #[error("the request is at version {current}")]
    VersionMismatch { current: i64 },
    #[error("the alias {0} is taken")]
    AliasTaken(String),
    #[error("{MAX_APPROVED_PORTALS} API portals are connected already")]
    PortalLimitReached,
    #[error(transparent)]
    Database(#[from] rusqlite::Error),
}

const SELECT_COLUMNS: &str = "id, api_portal_alias, api_portal_url, status, comment, \
     requested_by, requester_name, requested_at, updated_at, credential_type, credential_url, \
     token_url, cert_url, client_id, credentials_updated_at, credentials_expire_at, version, \
     decision_reason, last_test_ok, last_test_code, last_test_at";

/// One page and the number of matches. The page is found on the covering index of its sort
/// order (ids only), then its rows are read by id. Counting by status reads the counts the
/// database keeps (`status_counts`); a search's counts are kept by the reader until the
/// database changes.
pub fn select_page(db: &Reader, query: &ListQuery) -> rusqlite::Result<Page<ConnectionRequest>> {
    let counts_by_status = if query.counts_by_status { Some(count_by_status(db, query)?) } else { None };
    let mut conditions: Vec<String> = Vec::new();
    let mut parameters: Vec<String> = Vec::new();
    if !query.statuses.is_empty() {
        let placeholders: Vec<String> = query
            .statuses
            .iter()
            .map(|status| {
                parameters.push(status.as_str().to_owned());
                format!("?{}", parameters.len())
            })
            .collect();
        conditions.push(format!("status IN ({})", placeholders.join(", ")));
    }
    add_search_and_requester(query, &mut conditions, &mut parameters);
    let filter = if conditions.is_empty() { String::new() } else { format!("WHERE {}", conditions.join(" AND ")) };

    // Filtered by status alone, the kept counts answer; a search or requester needs the rows.
    let count_sql = if query.search.is_none() && query.requested_by.is_none() {
        format!("SELECT COALESCE(SUM(count), 0) FROM status_counts {filter}")
    } else {
        format!("SELECT COUNT(*) FROM connection_requests {filter}")
    };
    let count = db.counts(&count_sql, &parameters, |db| {
        let count = db.prepare_cached(&count_sql)?.query_row(rusqlite::params_from_iter(&parameters), |row| row.get(0))?;
        Ok(vec![(String::new(), count)])
    })?;
    let count = count.first().map_or(0, |(_, count)| *count);
    let direction = if query.descending { "DESC" } else { "ASC" };
    let order = format!("{} {direction}, id {direction}", query.order_column);
    // `+status` keeps SQLite from picking the status index for the page: walking the index of
    // the sort order, which also covers status and search text, is what makes a page cheap.
    let page_filter = filter.replace("status IN", "+status IN");
    let (top, skip) = (parameters.len() + 1, parameters.len() + 2);
    let sql = format!(
        "SELECT {SELECT_COLUMNS} FROM connection_requests WHERE id IN \
         (SELECT id FROM connection_requests {page_filter} ORDER BY {order} LIMIT ?{top} OFFSET ?{skip}) ORDER BY {order}"
    );
    parameters.extend([query.top.to_string(), query.skip.to_string()]);
    let results = db
        .prepare_cached(&sql)?
        .query_map(rusqlite::params_from_iter(&parameters), connection_request_from_row)?
        .collect::<rusqlite::Result<_>>()?;
    Ok(Page { count, results, counts_by_status })
}

/// The conditions of `query`'s search and requester, with their parameters numbered on.
fn add_search_and_requester(query: &ListQuery, conditions: &mut Vec<String>, parameters: &mut Vec<String>) {
    if let Some(search) = &query.search {
        parameters.push(search.clone());
        conditions.push(format!("instr(search_text, ?{}) > 0", parameters.len()));
    }
    if let Some(requester) = &query.requested_by {
        parameters.push(requester.clone());
        conditions.push(format!("requested_by = ?{}", parameters.len()));
    }
}

/// How many requests match `query` in each status, its status filter aside: the kept counts
/// without a search or requester, else one pass over the matching rows.
fn count_by_status(db: &Reader, query: &ListQuery) -> rusqlite::Result<CountsByStatus> {
    let mut conditions: Vec<String> = Vec::new();
    let mut parameters: Vec<String> = Vec::new();
    add_search_and_requester(query, &mut conditions, &mut parameters);
    let sql = if conditions.is_empty() {
        "SELECT status, count FROM status_counts".to_owned()
    } else {
        format!("SELECT status, COUNT(*) FROM connection_requests WHERE {} GROUP BY status", conditions.join(" AND "))
    };
    let found = db.counts(&sql, &parameters, |db| {
        let mut statement = db.prepare_cached(&sql)?;
        let rows = statement.query_map(rusqlite::params_from_iter(&parameters), |row| Ok((row.get::<_, String>(0)?, row.get::<_, u64>(1)?)))?;
        rows.collect()
    })?;
    let mut counts = CountsByStatus::default();
    for (name, count) in found {
        if let Ok(status) = name.parse::<Status>() {
            counts.set(status, count);
        }
    }
    Ok(counts)
}

pub fn find(db: &Connection, id: &str) -> rusqlite::Result<Option<ConnectionRequest>> {
    db.prepare_cached(&format!("SELECT {SELECT_COLUMNS} FROM connection_requests WHERE id = ?1"))?
        .query_row([id], connection_request_from_row)
        .optional()
}

/// Replaces the credentials of request `id`, if `caller` submitted it, it is still editable
/// and at a version `precondition` admits. Rechecked inside the transaction: concurrent changes
/// cannot slip in.
pub fn replace_credentials(
    db: &mut Connection,
    id: &str,
    caller: &User,
    precondition: &IfMatch,
    credentials: &Credentials,
    secrets: &SecretBox,
) -> Result<ConnectionRequest, StoreError> {
    let transaction = db.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let current = find(&transaction, id)?.ok_or_else(|| StoreError::NotFound(id.to_owned()))?;
    check_editable(&current, caller, precondition)?;
    let now = OffsetDateTime::now_utc();
    let (secret, certificate) = secret_and_certificate(credentials);
    transaction.execute(
        "UPDATE connection_requests SET credential_type = ?2, credential_url = ?3, token_url = ?4, cert_url = ?5, \
         client_id = ?6, certificate = ?7, secret_ciphertext = ?8, credentials_updated_at = ?9, \
         credentials_expire_at = ?10, updated_at = ?9, version = version + 1, \
         last_test_ok = NULL, last_test_code = NULL, last_test_at = NULL WHERE id = ?1 AND version = ?11",
        rusqlite::params![
            id,
            credentials.kind().as_str(),
            credentials.url(),
            credentials.token_url(),
            credentials.cert_url(),
            credentials.client_id(),
            certificate,
            secrets.seal(secret, id),
            format(now),
            format(now + Duration::days(CREDENTIAL_LIFETIME_DAYS)),
            current.version,
        ],
    )?;
    let details = HistoryDetails {
        from: Some(CredentialsRef { kind: current.credentials.kind, client_id: current.credentials.client_id.clone() }),
        to: Some(history::named(credentials)),
        ..HistoryDetails::default()
    };
    history::record(&transaction, id, &format(now), caller, HistoryAction::CredentialsReplaced, &details)?;
    let updated = find(&transaction, id)?.ok_or_else(|| StoreError::NotFound(id.to_owned()))?;
    transaction.commit()?;
    Ok(updated)
}

/// Gives every request whose alias has no comparison key one: rows written before there were
/// keys, and the seed's.
pub fn fill_alias_keys(db: &Connection) -> rusqlite::Result<()> {
    let mut unkeyed = db.prepare("SELECT id, api_portal_alias FROM connection_requests WHERE alias_key IS NULL")?;
    let rows = unkeyed.query_map([], |row| Ok((row.get::<_, String>(0)?, row.get::<_, String>(1)?)))?.collect::<Result<Vec<_>, _>>()?;
    let mut key = db.prepare("UPDATE connection_requests SET alias_key = ?1 WHERE id = ?2")?;
    for (id, alias) in rows {
        key.execute([alias_key(&alias), id])?;
    }
    Ok(())
}

/// Why `caller` may not replace the credentials of `request` under `precondition`, if not.
pub fn check_editable(request: &ConnectionRequest, caller: &User, precondition: &IfMatch) -> Result<(), StoreError> {
    if request.requested_by.id != caller.id {
        return Err(StoreError::NotSubmitter);
    }
    if !matches!(request.status, Status::Submitted | Status::PendingApproval) {
        return Err(StoreError::NotEditable(request.status));
    }
    if !precondition.admits(request.version) {
        return Err(StoreError::VersionMismatch { current: request.version });
    }
    Ok(())
}

/// Inserts a new request in status SUBMITTED.
pub fn insert(
    db: &mut Connection,
    alias: &str,
    comment: &str,
    requester: &User,
    credentials: &Credentials,
    secrets: &SecretBox,
) -> Result<ConnectionRequest, StoreError> {
    let transaction = db.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let taken: bool = transaction.query_row(
        "SELECT EXISTS (SELECT 1 FROM connection_requests WHERE alias_key = ?1)",
        [alias_key(alias)],
        |row| row.get(0),
    )?;
    if taken {
        return Err(StoreError::AliasTaken(alias.to_owned()));
    }
    let id = new_request_id(&mut rand::rng());
    let now = format(OffsetDateTime::now_utc());
    let expires = format(OffsetDateTime::now_utc() + Duration::days(CREDENTIAL_LIFETIME_DAYS));
    let (secret, certificate) = secret_and_certificate(credentials);
    transaction.execute(
        "INSERT INTO connection_requests (id, api_portal_alias, api_portal_url, status, comment, requested_by, \
         requested_at, updated_at, credential_type, credential_url, token_url, cert_url, client_id, certificate, \
         secret_ciphertext, credentials_updated_at, credentials_expire_at, version, alias_key) \
         VALUES (?1, ?2, ?3, 'SUBMITTED', ?4, ?5, ?6, ?6, ?7, ?3, ?8, ?9, ?10, ?11, ?12, ?6, ?13, 1, ?14)",
        rusqlite::params![
            id,
            alias,
            credentials.url(),
            comment,
            requester.id,
            now,
            credentials.kind().as_str(),
            credentials.token_url(),
            credentials.cert_url(),
            credentials.client_id(),
            certificate,
            secrets.seal(secret, &id),
            expires,
            alias_key(alias),
        ],
    )?;
    history::record(&transaction, &id, &now, requester, HistoryAction::Submitted, &HistoryDetails::default())?;
    let created = find(&transaction, &id)?.ok_or_else(|| StoreError::NotFound(id.clone()))?;
    transaction.commit()?;
    Ok(created)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    Approve,
    Reject,
}

/// Approves or rejects request `id` for `caller`, from SUBMITTED or PENDING_APPROVAL only, at
/// a version `precondition` admits if given, and never past [`MAX_APPROVED_PORTALS`] approved ones.
pub fn decide(
    db: &mut Connection,
    id: &str,
    caller: &User,
    precondition: Option<&IfMatch>,
    decision: Decision,
    reason: Option<&str>,
) -> Result<ConnectionRequest, StoreError> {
    let transaction = db.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let current = find(&transaction, id)?.ok_or_else(|| StoreError::NotFound(id.to_owned()))?;
    if precondition.is_some_and(|precondition| !precondition.admits(current.version)) {
        return Err(StoreError::VersionMismatch { current: current.version });
    }
    if !current.status.is_open() {
        return Err(StoreError::AlreadyDecided(current.status));
    }
    let (status, action) = match decision {
        Decision::Approve => {
            if approved_portals(&transaction)? >= MAX_APPROVED_PORTALS {
                return Err(StoreError::PortalLimitReached);
            }
            (Status::Approved, HistoryAction::Approved)
        }
        Decision::Reject => (Status::Rejected, HistoryAction::Rejected),
    };
    let now = format(OffsetDateTime::now_utc());
    transaction.execute(
        "UPDATE connection_requests SET status = ?2, decision_reason = ?3, updated_at = ?4, version = version + 1 WHERE id = ?1",
        rusqlite::params![id, status.as_str(), reason, now],
    )?;
    let details = HistoryDetails { reason: reason.map(str::to_owned), ..HistoryDetails::default() };
    history::record(&transaction, id, &now, caller, action, &details)?;
    let updated = find(&transaction, id)?.ok_or_else(|| StoreError::NotFound(id.to_owned()))?;
    transaction.commit()?;
    Ok(updated)
}

/// How many API portals are connected (requests approved).
pub fn approved_portals(db: &Connection) -> rusqlite::Result<i64> {
    db.query_row("SELECT count FROM status_counts WHERE status = 'APPROVED'", [], |row| row.get(0))
}

/// The stored credentials of request `id` and the request's version, with their secret
/// opened, to test them; `None` when there is no such request or its secret does not open.
pub fn stored_credentials(db: &Connection, id: &str, secrets: &SecretBox) -> rusqlite::Result<Option<(Credentials, i64)>> {
    let row = db
        .query_row(
            "SELECT credential_type, credential_url, token_url, cert_url, client_id, certificate, secret_ciphertext, version \
             FROM connection_requests WHERE id = ?1",
            [id],
            |row| {
                Ok((
                    row.get::<_, String>(0)?,
                    row.get::<_, String>(1)?,
                    row.get::<_, String>(2)?,
                    row.get::<_, Option<String>>(3)?,
                    row.get::<_, Option<String>>(4)?,
                    row.get::<_, Option<String>>(5)?,
                    row.get::<_, Option<Vec<u8>>>(6)?,
                    row.get::<_, i64>(7)?,
                ))
            },
        )
        .optional()?;
    let Some((kind, url, token_url, cert_url, client_id, certificate, sealed, version)) = row else { return Ok(None) };
    let Some(secret) = sealed.and_then(|sealed| secrets.open(&sealed, id)) else { return Ok(None) };
    let credentials = match credentials::CredentialKind::parse(&kind) {
        Some(credentials::CredentialKind::ClientSecret) => {
            client_id.map(|client_id| Credentials::ClientSecret { url, token_url, client_id, client_secret: secret })
        }
        Some(credentials::CredentialKind::X509) => match (cert_url, certificate) {
            (Some(cert_url), Some(certificate)) => Some(Credentials::X509 { url, token_url, cert_url, certificate, key: secret, client_id }),
            _ => None,
        },
        None => None,
    };
    Ok(credentials.map(|credentials| (credentials, version)))
}

/// Records the outcome of a test of request `id`'s stored credentials (at `version`) by
/// `tester`: the history event, and, if the credentials are still the ones tested, the last
/// test shown in the list; in one transaction.
pub fn record_test(
    db: &mut Connection,
    id: &str,
    version: i64,
    tester: &User,
    ok: bool,
    code: Option<&str>,
    at: &str,
) -> Result<(), StoreError> {
    let transaction = db.transaction_with_behavior(TransactionBehavior::Immediate)?;
    if find(&transaction, id)?.is_none() {
        return Err(StoreError::NotFound(id.to_owned()));
    }
    // Credentials replaced while the test ran are not the ones it tested.
    transaction.execute(
        "UPDATE connection_requests SET last_test_ok = ?2, last_test_code = ?3, last_test_at = ?4 WHERE id = ?1 AND version = ?5",
        rusqlite::params![id, ok, code, at, version],
    )?;
    let details = HistoryDetails { ok: Some(ok), code: code.map(str::to_owned), ..HistoryDetails::default() };
    history::record(&transaction, id, at, tester, HistoryAction::ConnectionTested, &details)?;
    transaction.commit()?;
    Ok(())
}

/// The stored secret of request `id`, decrypted (for connecting to the API portal; never sent).
pub fn stored_secret(db: &Connection, id: &str, secrets: &SecretBox) -> rusqlite::Result<Option<String>> {
    let sealed: Option<Option<Vec<u8>>> = db
        .query_row("SELECT secret_ciphertext FROM connection_requests WHERE id = ?1", [id], |row| row.get(0))
        .optional()?;
    Ok(sealed.flatten().and_then(|sealed| secrets.open(&sealed, id)))
}

fn secret_and_certificate(credentials: &Credentials) -> (&str, Option<&str>) {
    match credentials {
        Credentials::ClientSecret { client_secret, .. } => (client_secret, None),
        Credentials::X509 { key, certificate, .. } => (key, Some(certificate)),
    }
}

/// One sealed secret of the database, to check a key against; `None` for a database without.
pub fn a_sealed_secret(db: &Connection) -> rusqlite::Result<Option<SealedSample>> {
    db.query_row(
        "SELECT id, secret_ciphertext FROM connection_requests WHERE secret_ciphertext IS NOT NULL ORDER BY rowid LIMIT 1",
        [],
        |row| Ok(SealedSample { bound_to: row.get(0)?, sealed: row.get(1)? }),
    )
    .optional()
}

/// Re-seals every stored secret from `old` to `new` in one transaction; all or nothing.
/// Returns how many were re-sealed.
pub fn reseal_all(db: &mut Connection, old: &SecretBox, new: &SecretBox) -> Result<usize, ResealError> {
    let transaction = db.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let sealed: Vec<(String, Vec<u8>)> = transaction
        .prepare("SELECT id, secret_ciphertext FROM connection_requests WHERE secret_ciphertext IS NOT NULL")?
        .query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (id, sealed) in &sealed {
        let secret = old.open(sealed, id).ok_or_else(|| ResealError::DoesNotOpen(id.clone()))?;
        transaction.execute(
            "UPDATE connection_requests SET secret_ciphertext = ?2 WHERE id = ?1",
            rusqlite::params![id, new.seal(&secret, id)],
        )?;
    }
    transaction.commit()?;
    Ok(sealed.len())
}

/// How many secrets are stored, and the requests whose secret does not open with `secrets`.
pub fn unopenable_secrets(db: &Connection, secrets: &SecretBox) -> rusqlite::Result<(usize, Vec<String>)> {
    let mut statement = db.prepare("SELECT id, secret_ciphertext FROM connection_requests WHERE secret_ciphertext IS NOT NULL")?;
    let mut rows = statement.query([])?;
    let (mut stored, mut unopenable) = (0, Vec::new());
    while let Some(row) = rows.next()? {
        let (id, sealed): (String, Vec<u8>) = (row.get(0)?, row.get(1)?);
        stored += 1;
        if secrets.open(&sealed, &id).is_none() {
            unopenable.push(id);
        }
    }
    Ok((stored, unopenable))
}

#[derive(Debug, thiserror::Error)]
pub enum ResealError {
    #[error("the secret of request {0} does not open with the current key; nothing was changed")]
    DoesNotOpen(String),
    #[error(transparent)]
    Database(#[from] rusqlite::Error),
}

/// A new request's id: `cr-` and 16 random hex digits.
pub fn new_request_id(rng: &mut impl rand::Rng) -> String {
    format!("cr-{:016x}", rng.random::<u64>())
}

fn connection_request_from_row(row: &Row<'_>) -> rusqlite::Result<ConnectionRequest> {
    let status: String = row.get(3)?;
    let kind: String = row.get(9)?;
    let conversion = |index, text: &str| {
        rusqlite::Error::FromSqlConversionFailure(
            index,
            rusqlite::types::Type::Text,
            format!("unexpected value '{text}'").into(),
        )
    };
    Ok(ConnectionRequest {
        id: row.get(0)?,
        api_portal_alias: row.get(1)?,
        api_portal_url: row.get(2)?,
        status: status.parse::<Status>().map_err(|_| conversion(3, &status))?,
        comment: row.get(4)?,
        requested_by: UserRef { id: row.get(5)?, name: row.get(6)? },
        requested_at: row.get(7)?,
        updated_at: row.get(8)?,
        credentials: CredentialsSummary {
            kind: credentials::CredentialKind::parse(&kind).ok_or_else(|| conversion(9, &kind))?,
            url: row.get(10)?,
            token_url: row.get(11)?,
            cert_url: row.get(12)?,
            client_id: row.get(13)?,
            updated_at: row.get(14)?,
            expires_at: row.get(15)?,
        },
        version: row.get(16)?,
        decision_reason: row.get(17)?,
        last_test: match (row.get::<_, Option<bool>>(18)?, row.get::<_, Option<String>>(20)?) {
            (Some(ok), Some(tested_at)) => Some(LastTest { ok, code: row.get(19)?, tested_at }),
            _ => None,
        },
    })
}
