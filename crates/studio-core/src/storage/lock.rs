//! "The app has this database open": an exclusive lock on a file beside it, held by the desktop app
//! for as long as it runs. `studio restore` takes the same lock, so it refuses while the app is open
//! (whose next save would otherwise overwrite restored rows), and the app cannot start mid-restore.
//! The OS releases the lock when the process ends, however it ends.

use std::fs::{File, OpenOptions};
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// Held while alive.
#[derive(Debug)]
pub struct DbLock {
    _file: File,
    path: PathBuf,
}

impl DbLock {
    pub fn lock_path(db: &Path) -> PathBuf {
        let name = db
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "studio.db".into());
        db.with_file_name(format!("{name}.lock"))
    }

    /// Take the lock for `db`, or say who holds it (`holder` names this program in the message).
    pub fn acquire(db: &Path) -> Result<DbLock> {
        let path = Self::lock_path(db);
        let file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)?;
        match file.try_lock() {
            Ok(()) => Ok(DbLock { _file: file, path }),
            Err(std::fs::TryLockError::WouldBlock) => Err(Error::Conflict(format!(
                "党代表工作室程序正在使用数据库 {}，请先关闭程序再操作",
                db.display()
            ))),
            Err(std::fs::TryLockError::Error(e)) => Err(Error::Io(e)),
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_holder_is_refused_until_the_first_lets_go() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("studio.db");
        let first = DbLock::acquire(&db).unwrap();
        let err = DbLock::acquire(&db).unwrap_err();
        assert_eq!(err.code(), "state");
        assert!(err.to_string().contains("请先关闭程序"), "{err}");
        drop(first);
        DbLock::acquire(&db).unwrap();
    }
}
