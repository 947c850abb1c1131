//! The SQLite database: opening, migrations, and running queries off the async runtime.

use std::cell::RefCell;
use std::collections::HashMap;
use std::ops::Deref;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use rusqlite::Connection;

/// Migrations in the order they apply; `PRAGMA user_version` records how many ran.
const MIGRATIONS: &[&str] = &[
    include_str!("../migrations/0001_initial.sql"),
    include_str!("../migrations/0002_secrets_and_decisions.sql"),
    include_str!("../migrations/0003_search_and_sort_indexes.sql"),
    include_str!("../migrations/0004_lifecycle_order_and_requester_filter.sql"),
    include_str!("../migrations/0005_sessions_hashed_and_bounded.sql"),
    include_str!("../migrations/0006_status_counts.sql"),
    include_str!("../migrations/0007_history.sql"),
    include_str!("../migrations/0008_last_test.sql"),
    include_str!("../migrations/0009_alias_keys.sql"),
];

/// Read connections: in WAL mode readers run side by side, and beside the writer.
const READERS: usize = 4;

/// The hub's database: one connection for changes (SQLite has one writer at a time anyway,
/// and one connection keeps each change in one transaction without lock juggling) and a few
/// read-only ones. Queries run on tokio's blocking pool.
#[derive(Clone)]
pub struct Db {
    writer: Arc<Mutex<Connection>>,
    readers: Arc<Vec<Mutex<Reader>>>,
    next_reader: Arc<AtomicUsize>,
}

impl Db {
    /// Opens (creating if missing) the database at `path`, in WAL mode with foreign keys on,
    /// and brings its schema up to date.
    pub fn open(path: &Path) -> rusqlite::Result<Self> {
        let mut writer = open_connection(path)?;
        writer.pragma_update(None, "journal_mode", "WAL")?;
        migrate(&mut writer)?;
        crate::connection_requests::store::fill_alias_keys(&writer)?;
        let readers = (0..READERS)
            .map(|_| {
                let reader = open_connection(path)?;
                reader.pragma_update(None, "query_only", true)?;
                Ok(Mutex::new(Reader { connection: reader, counts: RefCell::default() }))
            })
            .collect::<rusqlite::Result<_>>()?;
        Ok(Self { writer: Arc::new(Mutex::new(writer)), readers: Arc::new(readers), next_reader: Arc::default() })
    }

    /// Runs `work`, which may change the database, on the blocking thread pool.
    pub async fn call<T, E>(&self, work: impl FnOnce(&mut Connection) -> Result<T, E> + Send + 'static) -> Result<T, E>
    where
        T: Send + 'static,
        E: Send + 'static,
    {
        let writer = Arc::clone(&self.writer);
        run_blocking(move || work(&mut lock(&writer))).await
    }

    /// Runs `work`, which only reads, on a read connection on the blocking thread pool.
    pub async fn read<T, E>(&self, work: impl FnOnce(&Reader) -> Result<T, E> + Send + 'static) -> Result<T, E>
    where
        T: Send + 'static,
        E: Send + 'static,
    {
        let readers = Arc::clone(&self.readers);
        let index = self.next_reader.fetch_add(1, Ordering::Relaxed) % readers.len();
        run_blocking(move || work(&lock(&readers[index]))).await
    }

    /// Runs `work` with the write connection on the current thread; for start-up.
    pub fn blocking_call<T>(&self, work: impl FnOnce(&mut Connection) -> T) -> T {
        work(&mut lock(&self.writer))
    }
}

/// Counts a reader keeps at most; then it starts over.
const KEPT_COUNTS: usize = 256;
/// A query longer than this (its SQL and parameters; a long search) is counted every time, so
/// that what a reader keeps stays small whatever callers send.
const KEPT_KEY_BYTES: usize = 1024;

/// A read connection, and the counts it read while the database stayed as it is (a page of a
/// search that was counted before needs no count again: paging, or the next user's same view).
pub struct Reader {
    connection: Connection,
    counts: RefCell<HashMap<Vec<String>, KeptCounts>>,
}

/// Counts as read (by group), with the `PRAGMA data_version` they were read at.
type KeptCounts = (i64, Vec<(String, u64)>);

impl Deref for Reader {
    type Target = Connection;

    fn deref(&self) -> &Connection {
        &self.connection
    }
}

impl Reader {
    /// The counts of the query `sql` with `parameters`: as read before if no connection, of
    /// this hub or another process, has changed the database since (`PRAGMA data_version`),
    /// else read now by `count`.
    pub fn counts(
        &self,
        sql: &str,
        parameters: &[String],
        count: impl FnOnce(&Connection) -> rusqlite::Result<Vec<(String, u64)>>,
    ) -> rusqlite::Result<Vec<(String, u64)>> {
        if sql.len() + parameters.iter().map(String::len).sum::<usize>() > KEPT_KEY_BYTES {
            return count(&self.connection);
        }
        let key: Vec<String> = std::iter::once(sql.to_owned()).chain(parameters.iter().cloned()).collect();
        let version: i64 = self.connection.query_row("PRAGMA data_version", [], |row| row.get(0))?;
        if let Some((seen, counts)) = self.counts.borrow().get(&key) {
            if *seen == version {
                return Ok(counts.clone());
            }
        }
        let counts = count(&self.connection)?;
        let mut kept = self.counts.borrow_mut();
        if kept.len() >= KEPT_COUNTS {
            kept.clear();
        }
        kept.insert(key, (version, counts.clone()));
        Ok(counts)
    }
}

/// Creates the database file readable by its owner only, or makes an existing one (and its
/// write-ahead log and shared-memory files) so. SQLite gives the files it creates beside the
/// database the database file's permissions.
pub fn keep_private(path: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
        std::fs::OpenOptions::new().write(true).create(true).truncate(false).mode(0o600).open(path)?;
        for suffix in ["", "-wal", "-shm"] {
            let mut file = path.as_os_str().to_owned();
            file.push(suffix);
            match std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o600)) {
                Err(error) if error.kind() != std::io::ErrorKind::NotFound => return Err(error),
                _ => {}
            }
        }
    }
    #[cfg(not(unix))]
    let _ = path;
    Ok(())
}

fn open_connection(path: &Path) -> rusqlite::Result<Connection> {
    let connection = Connection::open(path)?;
    connection.pragma_update(None, "foreign_keys", true)?;
    connection.busy_timeout(std::time::Duration::from_secs(5))?;
    // Reads come from memory-mapped pages instead of a read call each.
    connection.pragma_update(None, "mmap_size", 256 * 1024 * 1024)?;
    connection.set_prepared_statement_cache_capacity(64);
    Ok(connection)
}

/// A panic while holding a connection leaves no half-done transaction behind (rusqlite rolls
/// back on drop), so a poisoned lock is safe to reuse.
fn lock<T>(connection: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    connection.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

async fn run_blocking<T: Send + 'static>(work: impl FnOnce() -> T + Send + 'static) -> T {
    match tokio::task::spawn_blocking(work).await {
        Ok(result) => result,
        Err(error) => std::panic::resume_unwind(error.into_panic()),
    }
}

/// Applies the migrations that have not run yet, each in one transaction.
pub fn migrate(connection: &mut Connection) -> rusqlite::Result<()> {
    let applied: usize = connection.pragma_query_value(None, "user_version", |row| row.get(0))?;
    for (index, sql) in MIGRATIONS.iter().enumerate().skip(applied) {
        let transaction = connection.transaction()?;
        transaction.execute_batch(sql)?;
        transaction.pragma_update(None, "user_version", index + 1)?;
        transaction.commit()?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use std::cell::Cell;

    use super::*;

    #[test]
    fn a_reader_keeps_counts_until_any_connection_changes_the_database() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("hub.sqlite3");
        let db = Db::open(&path).unwrap();
        db.blocking_call(|writer| writer.execute_batch("CREATE TABLE numbers (n INTEGER); INSERT INTO numbers VALUES (1);")).unwrap();
        let reader = lock(&db.readers[0]);
        let counted = Cell::new(0);
        let count = |connection: &Connection| {
            counted.set(counted.get() + 1);
            connection.query_row("SELECT COUNT(*) FROM numbers", [], |row| Ok(vec![(String::new(), row.get(0)?)]))
        };
        assert_eq!(reader.counts("numbers", &[], count).unwrap(), [(String::new(), 1)]);
        assert_eq!(reader.counts("numbers", &[], count).unwrap(), [(String::new(), 1)]);
        assert_eq!(counted.get(), 1, "the second time from what was kept");

        // The hub's own writer changes it.
        db.blocking_call(|writer| writer.execute("INSERT INTO numbers VALUES (2)", [])).unwrap();
        assert_eq!(reader.counts("numbers", &[], count).unwrap(), [(String::new(), 2)]);
        // Another process (another connection) changes it.
        Connection::open(&path).unwrap().execute("INSERT INTO numbers VALUES (3)", []).unwrap();
        assert_eq!(reader.counts("numbers", &[], count).unwrap(), [(String::new(), 3)]);
        assert_eq!(counted.get(), 3);

        // A long query is counted each time, never kept.
        let long = ["x".repeat(KEPT_KEY_BYTES)];
        reader.counts("numbers", &long, count).unwrap();
        reader.counts("numbers", &long, count).unwrap();
        assert_eq!(counted.get(), 5);
        assert_eq!(reader.counts.borrow().len(), 1);
    }
}
