//! SQLite storage. SQL lives only in this module's files, one per table group, always parameterised
//! (DESIGN.md, invariant 3). Migrations are the numbered files in `migrations/`, applied in one
//! transaction at open.

pub mod audit;
pub mod calendar;
pub mod cards;
pub mod items;
pub mod roster;
pub mod settings;

use std::path::{Path, PathBuf};

use rusqlite::Connection;
use rusqlite_migration::{Migrations, M};

use crate::error::Result;

/// The numbered migrations, in order. Append only: a shipped migration is never edited.
const MIGRATIONS: &[&str] = &[
    include_str!("migrations/001_init.sql"),
    include_str!("migrations/002_calendar.sql"),
    include_str!("migrations/003_cards.sql"),
    include_str!("migrations/004_roster_search.sql"),
    include_str!("migrations/005_items.sql"),
    include_str!("migrations/006_items_vocab.sql"),
    include_str!("migrations/007_items_unit_overdue.sql"),
];

fn migrations() -> Migrations<'static> {
    Migrations::new(MIGRATIONS.iter().map(|sql| M::up(sql)).collect())
}

/// The schema version this build writes (SQLite `user_version`).
pub fn schema_version() -> usize {
    MIGRATIONS.len()
}

/// Bring the schema up to this build's version, in one transaction.
pub(crate) fn migrate(conn: &mut Connection) -> Result<()> {
    migrations().to_latest(conn)?;
    Ok(())
}

/// An open studio database plus the folder beside it for files (photos).
pub struct Store {
    pub(crate) conn: Connection,
    files_dir: PathBuf,
    path: Option<PathBuf>,
}

impl Store {
    /// Open (creating if needed) the database at `path` and bring its schema up to date.
    pub fn open(path: &Path) -> Result<Store> {
        if let Some(dir) = path.parent() {
            if !dir.as_os_str().is_empty() {
                std::fs::create_dir_all(dir)?;
            }
        }
        let mut conn = Connection::open(path)?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        Self::prepare(&mut conn)?;
        Ok(Store {
            conn,
            files_dir: Self::files_dir_for(path),
            path: Some(path.to_path_buf()),
        })
    }

    /// A throwaway database for tests and benchmarks; files go to a fresh temporary folder.
    pub fn open_in_memory() -> Result<Store> {
        let mut conn = Connection::open_in_memory()?;
        Self::prepare(&mut conn)?;
        let files_dir = std::env::temp_dir().join(format!("studio-mem-{}", crate::ids::new_id()));
        Ok(Store {
            conn,
            files_dir,
            path: None,
        })
    }

    fn prepare(conn: &mut Connection) -> Result<()> {
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        migrate(conn)
    }

    /// The folder for files that belong to this database (photos and the like).
    pub fn files_dir(&self) -> &Path {
        &self.files_dir
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// `…/studio.db` keeps its files in `…/studio.files/`, so two databases in one folder never mix.
    pub fn files_dir_for(db: &Path) -> PathBuf {
        let stem = db
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| "studio".into());
        db.with_file_name(format!("{stem}.files"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_are_valid_and_run_from_an_empty_file() {
        migrations().validate().unwrap();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("fresh.db");
        let store = Store::open(&path).unwrap();
        let v: i64 = store
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(v as usize, schema_version());
        drop(store);
        // Opening again is a no-op, not an error.
        Store::open(&path).unwrap();
    }

    #[test]
    fn foreign_keys_and_wal_are_on() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("x.db")).unwrap();
        let fk: i64 = store
            .conn
            .query_row("PRAGMA foreign_keys", [], |r| r.get(0))
            .unwrap();
        let mode: String = store
            .conn
            .query_row("PRAGMA journal_mode", [], |r| r.get(0))
            .unwrap();
        assert_eq!(fk, 1);
        assert_eq!(mode, "wal");
        assert!(store.files_dir().ends_with("x.files"));
    }
}
