//! The history of requests in SQLite: one event per change, written by the change's own
//! transaction, read newest first.

use contract::{CredentialsRef, HistoryAction, HistoryDetails, HistoryEvent, User, UserRef};
use credentials::Credentials;
use rusqlite::Connection;

/// Records that `actor` did `action` on request `request_id` at `at`.
pub fn record(
    db: &Connection,
    request_id: &str,
    at: &str,
    actor: &User,
    action: HistoryAction,
    details: &HistoryDetails,
) -> rusqlite::Result<()> {
    let details = serde_json::to_string(details).map_err(|error| rusqlite::Error::ToSqlConversionFailure(Box::new(error)))?;
    db.prepare_cached(
        "INSERT INTO history_events (request_id, at, actor_id, actor_name, action, details) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute((request_id, at, &actor.id, &actor.name, action.as_str(), details))?;
    Ok(())
}

/// The events of request `request_id`, newest first.
pub fn events(db: &Connection, request_id: &str) -> rusqlite::Result<Vec<HistoryEvent>> {
    let mut statement = db.prepare_cached(
        "SELECT at, actor_id, actor_name, action, details FROM history_events WHERE request_id = ?1 ORDER BY id DESC",
    )?;
    let rows = statement.query_map([request_id], |row| {
        let action: String = row.get(3)?;
        let details: String = row.get(4)?;
        let unreadable = |index, error: Box<dyn std::error::Error + Send + Sync>| {
            rusqlite::Error::FromSqlConversionFailure(index, rusqlite::types::Type::Text, error)
        };
        Ok(HistoryEvent {
            at: row.get(0)?,
            actor: UserRef { id: row.get(1)?, name: row.get(2)? },
            action: action.parse().map_err(|()| unreadable(3, format!("unknown action '{action}'").into()))?,
            details: serde_json::from_str(&details).map_err(|error| unreadable(4, Box::new(error)))?,
        })
    })?;
    rows.collect()
}

/// Credentials as an event names them: kind and client ID.
pub fn named(credentials: &Credentials) -> CredentialsRef {
    CredentialsRef { kind: credentials.kind(), client_id: credentials.client_id().map(str::to_owned) }
}
