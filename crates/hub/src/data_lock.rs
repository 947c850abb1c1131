//! Who uses a database: hubs serving it share it; a key rotation needs it alone, or secrets
//! sealed by a running hub under the old key would be lost.

use std::fs::{File, TryLockError};
use std::path::{Path, PathBuf};

/// A lock on `<database>.lock`, held while it lives.
#[derive(Debug)]
pub struct DataLock {
    _file: File,
}

#[derive(Debug, thiserror::Error)]
pub enum LockError {
    #[error("a key rotation is running on {0}; start the hub when it has finished")]
    RotationRunning(PathBuf),
    #[error("a hub is running on {0}; stop it before rotating the key")]
    HubRunning(PathBuf),
    #[error("cannot lock {path}: {source}")]
    File { path: PathBuf, source: std::io::Error },
}

impl DataLock {
    /// For serving: other hubs on the same database may run beside this one.
    pub fn shared(database: &Path) -> Result<Self, LockError> {
        let file = open(database)?;
        match file.try_lock_shared() {
            Ok(()) => Ok(Self { _file: file }),
            Err(TryLockError::WouldBlock) => Err(LockError::RotationRunning(database.to_owned())),
            Err(TryLockError::Error(source)) => Err(LockError::File { path: lock_path(database), source }),
        }
    }

    /// For a key rotation: nobody else.
    pub fn exclusive(database: &Path) -> Result<Self, LockError> {
        let file = open(database)?;
        match file.try_lock() {
            Ok(()) => Ok(Self { _file: file }),
            Err(TryLockError::WouldBlock) => Err(LockError::HubRunning(database.to_owned())),
            Err(TryLockError::Error(source)) => Err(LockError::File { path: lock_path(database), source }),
        }
    }
}

fn lock_path(database: &Path) -> PathBuf {
    let mut name = database.as_os_str().to_owned();
    name.push(".lock");
    PathBuf::from(name)
}

fn open(database: &Path) -> Result<File, LockError> {
    let path = lock_path(database);
    let mut options = std::fs::OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options.open(&path).map_err(|source| LockError::File { path, source })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hubs_share_a_database_and_a_rotation_waits_for_none() {
        let folder = tempfile::tempdir().unwrap();
        let database = folder.path().join("hub.sqlite3");
        let first = DataLock::shared(&database).unwrap();
        let second = DataLock::shared(&database).unwrap();
        assert!(matches!(DataLock::exclusive(&database), Err(LockError::HubRunning(_))));
        drop((first, second));
        let rotation = DataLock::exclusive(&database).unwrap();
        assert!(matches!(DataLock::shared(&database), Err(LockError::RotationRunning(_))));
        drop(rotation);
        DataLock::shared(&database).unwrap();
    }
}
