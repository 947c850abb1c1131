//! The SQLite database: opening, migrations, and running queries off the async runtime.

use std::path::Path;
use std::sync::{Arc, Mutex};

use rusqlite::Connection;

/// Migrations in the order they apply; `PRAGMA user_version` records how many ran.
const MIGRATIONS: &[&str] = &[
    include_str!("../migrations/0001_initial.sql"),
    include_str!("../migrations/0002_secrets_and_decisions.sql"),
];

/// A shared connection to the hub's database.
///
/// SQLite serialises writers anyway; one connection behind a mutex keeps every change in
/// one transaction without lock juggling. Queries run on tokio's blocking pool.
#[derive(Clone)]
pub struct Db {
    connection: Arc<Mutex<Connection>>,
}

impl Db {
    /// Opens (creating if missing) the database at `path`, in WAL mode with foreign keys on,
    /// and brings its schema up to date.
    pub fn open(path: &Path) -> rusqlite::Result<Self> {
        let mut connection = Connection::open(path)?;
        connection.pragma_update(None, "journal_mode", "WAL")?;
        connection.pragma_update(None, "foreign_keys", true)?;
        connection.busy_timeout(std::time::Duration::from_secs(5))?;
        migrate(&mut connection)?;
        Ok(Self { connection: Arc::new(Mutex::new(connection)) })
    }

    /// Runs `work` with the connection on the blocking thread pool.
    pub async fn call<T, E>(
        &self,
        work: impl FnOnce(&mut Connection) -> Result<T, E> + Send + 'static,
    ) -> Result<T, E>
    where
        T: Send + 'static,
        E: Send + 'static,
    {
        let connection = Arc::clone(&self.connection);
        let joined = tokio::task::spawn_blocking(move || {
            // A panic while holding the lock leaves no half-done transaction behind
            // (rusqlite rolls back on drop), so a poisoned lock is safe to reuse.
            let mut guard = connection.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
            work(&mut guard)
        })
        .await;
        match joined {
            Ok(result) => result,
            Err(error) => std::panic::resume_unwind(error.into_panic()),
        }
    }
}

impl Db {
    /// Runs `work` on the current thread; for start-up, before the server runs.
    pub fn blocking_call<T>(&self, work: impl FnOnce(&mut Connection) -> T) -> T {
        let mut guard = self.connection.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        work(&mut guard)
    }
}

fn migrate(connection: &mut Connection) -> rusqlite::Result<()> {
    let applied: usize = connection.pragma_query_value(None, "user_version", |row| row.get(0))?;
    for (index, sql) in MIGRATIONS.iter().enumerate().skip(applied) {
        let transaction = connection.transaction()?;
        transaction.execute_batch(sql)?;
        transaction.pragma_update(None, "user_version", index + 1)?;
        transaction.commit()?;
    }
    Ok(())
}
