//! SQLite storage. SQL lives only in this module's files, one per table group, always parameterised
//! (DESIGN.md, invariant 3). Migrations are the numbered files in `migrations/`, applied in one
//! transaction at open.

pub mod accounts;
pub mod activities;
pub mod appointments;
pub mod audit;
pub mod audit_log;
pub mod calendar;
pub mod cards;
pub(crate) mod columns;
pub mod funds;
pub mod gate;
pub mod import;
pub mod items;
pub mod kiosk;
pub mod linked;
pub mod lock;
pub mod news;
pub mod personal_data;
pub mod proposals;
pub mod public_answers;
pub mod reports;
pub mod roster;
pub mod schedule;
pub mod settings;
pub mod volunteers;
pub mod wall;

use std::ops::{Deref, DerefMut};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, MutexGuard};

use rusqlite::{params, Connection, OpenFlags, OptionalExtension};
use rusqlite_migration::{Migrations, M};

use crate::error::{Error, Result};
pub use gate::Write;

/// The numbered migrations, in order. Append only: a shipped migration is never edited.
const MIGRATIONS: &[&str] = &[
    include_str!("migrations/001_init.sql"),
    include_str!("migrations/002_calendar.sql"),
    include_str!("migrations/003_cards.sql"),
    include_str!("migrations/004_roster_search.sql"),
    include_str!("migrations/005_items.sql"),
    include_str!("migrations/006_items_vocab.sql"),
    include_str!("migrations/007_items_unit_overdue.sql"),
    include_str!("migrations/008_front_door.sql"),
    include_str!("migrations/009_accounts_audit.sql"),
    include_str!("migrations/010_audit_area_action.sql"),
    include_str!("migrations/011_schedule.sql"),
    include_str!("migrations/012_kiosk.sql"),
    include_str!("migrations/013_card_number.sql"),
    include_str!("migrations/014_reports.sql"),
    include_str!("migrations/015_activities_proposals.sql"),
    include_str!("migrations/016_news_wall_volunteers_funds.sql"),
    include_str!("migrations/017_report_charts.sql"),
    include_str!("migrations/018_cards_report_order.sql"),
    include_str!("migrations/019_public_answers.sql"),
    include_str!("migrations/020_report_indexes_covering.sql"),
];

fn migrations() -> Migrations<'static> {
    Migrations::new(MIGRATIONS.iter().map(|sql| M::up(sql)).collect())
}

/// The schema version this build writes (SQLite `user_version`).
pub fn schema_version() -> usize {
    MIGRATIONS.len()
}

/// The schema version of an open database (SQLite `user_version`).
pub fn user_version(conn: &Connection) -> Result<u32> {
    Ok(conn.query_row("PRAGMA user_version", [], |r| r.get(0))?)
}

/// Bring the schema up to this build's version, in one transaction.
pub(crate) fn migrate(conn: &mut Connection) -> Result<()> {
    migrations().to_latest(conn)?;
    Ok(())
}

/// How many read connections a file database keeps beside the writer: enough for a server to
/// answer a few reads at once; more would only hold memory.
const MAX_IDLE_READERS: usize = 4;

/// An open studio database: one writer connection behind the write gate ([`Store::write`]) and
/// read connections beside it, plus the folder beside the file for photos. `Store` is `Sync`: a
/// front door shares one (`Arc<Store>`) between threads, and each call holds a connection only
/// while its query runs. The schema is migrated once, at open.
pub struct Store {
    writer: Mutex<Connection>,
    /// Bumped each time the writer connection is let go (see [`Store::generation`]).
    generation: AtomicU64,
    readers: Mutex<Vec<Connection>>,
    files_dir: PathBuf,
    path: Option<PathBuf>,
}

/// A connection lent for reading: from the pool for a file database, the writer for one in memory.
pub enum ReadConn<'a> {
    Pooled(Option<Connection>, &'a Store),
    /// Reading through the writer does not bump the generation: the lock is taken directly.
    Writer(MutexGuard<'a, Connection>),
}

/// The writer connection, lent. Letting it go bumps the store's generation: whatever was done with
/// it (a write through the gate, the audit log, a restore) may have changed what a read returns.
pub struct WriterGuard<'a> {
    conn: MutexGuard<'a, Connection>,
    generation: &'a AtomicU64,
}

impl Deref for WriterGuard<'_> {
    type Target = Connection;
    fn deref(&self) -> &Connection {
        &self.conn
    }
}

impl DerefMut for WriterGuard<'_> {
    fn deref_mut(&mut self) -> &mut Connection {
        &mut self.conn
    }
}

impl Drop for WriterGuard<'_> {
    fn drop(&mut self) {
        // Bumped while the lock is still held, so a reader that sees the old number read before
        // the writer finished (it then renders again next time); Release pairs with
        // `generation()`'s Acquire.
        self.generation.fetch_add(1, Ordering::Release);
    }
}

impl Deref for ReadConn<'_> {
    type Target = Connection;
    fn deref(&self) -> &Connection {
        match self {
            ReadConn::Pooled(c, _) => c.as_ref().expect("held until drop"),
            ReadConn::Writer(g) => g,
        }
    }
}

impl Drop for ReadConn<'_> {
    fn drop(&mut self) {
        if let ReadConn::Pooled(c, store) = self {
            if let Some(c) = c.take() {
                let mut pool = store.readers.lock().unwrap_or_else(|e| e.into_inner());
                if pool.len() < MAX_IDLE_READERS {
                    pool.push(c);
                }
            }
        }
    }
}

impl Store {
    /// Open (creating if needed) the database at `path` and bring its schema up to date. A database
    /// from a newer build is refused rather than half-understood.
    pub fn open(path: &Path) -> Result<Store> {
        if let Some(dir) = path.parent() {
            if !dir.as_os_str().is_empty() && !dir.exists() {
                crate::files::create_private_dir(dir)?;
            }
        }
        if !path.exists() {
            crate::files::create_private_file(path)?;
        }
        Self::open_file(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE,
        )
    }

    /// Open a database that must already exist: `数据库不存在：PATH` otherwise, and nothing is
    /// created (read-only commands on a mistyped path).
    pub fn open_existing(path: &Path) -> Result<Store> {
        if !path.is_file() {
            return Err(Error::NotFound(format!("数据库不存在：{}", path.display())));
        }
        Self::open_file(path, OpenFlags::SQLITE_OPEN_READ_WRITE)
    }

    fn open_file(path: &Path, flags: OpenFlags) -> Result<Store> {
        let flags = flags | OpenFlags::SQLITE_OPEN_NO_MUTEX | OpenFlags::SQLITE_OPEN_URI;
        // Names, phones and addresses of private people: readable by the owner only. SQLite gives
        // the -wal and -shm files the database file's mode.
        crate::files::make_private(path)?;
        for suffix in ["-wal", "-shm"] {
            let side = PathBuf::from(format!("{}{suffix}", path.display()));
            if side.exists() {
                crate::files::make_private(&side)?;
            }
        }
        let mut conn = Connection::open_with_flags(path, flags)?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        Self::prepare(&mut conn)?;
        Ok(Store {
            writer: Mutex::new(conn),
            generation: AtomicU64::new(0),
            readers: Mutex::new(Vec::new()),
            files_dir: Self::files_dir_for(path),
            path: Some(path.to_path_buf()),
        })
    }

    /// A throwaway database for tests and benchmarks; files go to a fresh temporary folder. Reads
    /// share the one connection.
    pub fn open_in_memory() -> Result<Store> {
        let mut conn = Connection::open_in_memory()?;
        Self::prepare(&mut conn)?;
        let files_dir = std::env::temp_dir().join(format!("studio-mem-{}", crate::ids::new_id()));
        Ok(Store {
            writer: Mutex::new(conn),
            generation: AtomicU64::new(0),
            readers: Mutex::new(Vec::new()),
            files_dir,
            path: None,
        })
    }

    fn prepare(conn: &mut Connection) -> Result<()> {
        conn.pragma_update(None, "foreign_keys", "ON")?;
        // Deleted content is overwritten with zeros, so an erased person's data leaves the file.
        conn.pragma_update(None, "secure_delete", "ON")?;
        // FULL: a commit is on disk when it returns. With NORMAL in WAL mode a power cut can take
        // back the last commits (measured with LazyFS: all 200 of a writer that kept its
        // connection open); the cost is measured in `benches/write_sync.rs`.
        conn.pragma_update(None, "synchronous", "FULL")?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        let found: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if found as usize > schema_version() {
            return Err(Error::Invalid(format!(
                "该数据库来自更新版本的程序（数据库版本 {found}，本程序支持到 {}），请升级本程序后再打开",
                schema_version()
            )));
        }
        migrate(conn)
    }

    /// A read connection's page cache, in KiB (negative: SQLite's unit for a size, not pages).
    const READER_CACHE_KIB: i64 = -16 * 1024;

    fn open_reader(path: &Path) -> Result<Connection> {
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        conn.pragma_update(None, "query_only", "ON")?;
        // A page cache that holds a report's indexes: with SQLite's default 2 MB, 统计汇总 over
        // 100,000 cards and items re-read its index pages from the file on every run (40 % of its
        // time was the kernel copying them, `perf` on `benches/reports.rs`). 16 MB took its CPU
        // time from 185 to about 130 ms per run. A read-only memory map was a little faster still
        // (110 ms) but leaves every page a read touched mapped into the app's resident memory (an
        // export of 100,000 items touches most of the file): the cache is the bounded choice.
        conn.pragma_update(None, "cache_size", Self::READER_CACHE_KIB)?;
        Ok(conn)
    }

    /// A connection to read with, held only for the query (a pooled reader beside the writer).
    pub fn reader(&self) -> Result<ReadConn<'_>> {
        let Some(path) = &self.path else {
            return Ok(ReadConn::Writer(
                self.writer.lock().unwrap_or_else(|e| e.into_inner()),
            ));
        };
        let pooled = self.readers.lock().unwrap_or_else(|e| e.into_inner()).pop();
        let conn = match pooled {
            Some(c) => c,
            None => Self::open_reader(path)?,
        };
        Ok(ReadConn::Pooled(Some(conn), self))
    }

    /// The writer connection, outside the gate: for the storage layer's maintenance (backup,
    /// restore, check) only. A poisoned lock still holds a consistent database: every write is one
    /// transaction, rolled back if its thread panicked.
    pub(crate) fn writer(&self) -> WriterGuard<'_> {
        WriterGuard {
            conn: self.writer.lock().unwrap_or_else(|e| e.into_inner()),
            generation: &self.generation,
        }
    }

    /// A number that changes whenever this process may have changed the database (each use of the
    /// writer connection bumps it). A front door that keeps what it read (the server's page
    /// cache) compares it to know when to read again. Another process writing the same file (the
    /// `studio` command beside a server) does not bump it: such caches also expire with time.
    pub fn generation(&self) -> u64 {
        self.generation.load(Ordering::Acquire)
    }

    /// Run `f` in one IMMEDIATE transaction with the append-only guard lifted for that
    /// transaction only (archiving the audit log, redaction for erasure). The guard row is removed
    /// before the commit, so no other connection ever sees it lifted.
    pub(crate) fn with_guard<T>(
        &self,
        reason: &str,
        f: impl FnOnce(&Connection) -> Result<T>,
    ) -> Result<T> {
        let mut conn = self.writer();
        let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        audit_log::open_guard(&tx, reason)?;
        let out = f(&tx)?;
        audit_log::close_guard(&tx)?;
        tx.commit()?;
        Ok(out)
    }

    /// Drop idle read connections (after a restore replaced the file's contents, so no reader keeps
    /// an old snapshot's cache).
    pub(crate) fn drop_readers(&self) {
        self.readers
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clear();
    }

    /// Benchmarks only: compare `synchronous=FULL` (what the program uses) with `NORMAL`.
    #[doc(hidden)]
    pub fn set_synchronous_full(&self, full: bool) -> Result<()> {
        let v = if full { "FULL" } else { "NORMAL" };
        self.writer().pragma_update(None, "synchronous", v)?;
        Ok(())
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
            .reader()
            .unwrap()
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(v as usize, schema_version());
        drop(store);
        // Opening again is a no-op, not an error.
        Store::open(&path).unwrap();
    }

    #[test]
    fn the_next_number_of_a_year_counts_past_four_and_five_digits() {
        let conn = Connection::open_in_memory().unwrap();
        conn.execute_batch("CREATE TABLE cards (no TEXT UNIQUE)")
            .unwrap();
        let add = |range: std::ops::RangeInclusive<i64>, year: i32| {
            for n in range {
                conn.execute(
                    "INSERT INTO cards (no) VALUES (?1)",
                    [format!("{year:04}-{n:04}")],
                )
                .unwrap();
            }
        };
        let next = |year| next_year_no(&conn, NumberedTable::Cards, year).unwrap();
        assert_eq!(next(2026), "2026-0001");
        add(1..=9998, 2026);
        add(1..=12_345, 2025);
        add(1..=3, 2027);
        assert_eq!(next(2026), "2026-9999");
        add(9999..=9999, 2026);
        assert_eq!(next(2026), "2026-10000");
        add(10_000..=10_234, 2026);
        assert_eq!(next(2026), "2026-10235");
        assert_eq!(next(2025), "2025-12346");
        assert_eq!(next(2027), "2027-0004");
        add(10_235..=99_999, 2026);
        assert_eq!(next(2026), "2026-100000");
        add(100_000..=100_001, 2026);
        assert_eq!(next(2026), "2026-100002");
    }

    #[test]
    fn foreign_keys_and_wal_are_on() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("x.db")).unwrap();
        let fk: i64 = store
            .writer()
            .query_row("PRAGMA foreign_keys", [], |r| r.get(0))
            .unwrap();
        let mode: String = store
            .writer()
            .query_row("PRAGMA journal_mode", [], |r| r.get(0))
            .unwrap();
        assert_eq!(fk, 1);
        assert_eq!(mode, "wal");
        assert!(store.files_dir().ends_with("x.files"));
    }

    #[test]
    fn migration_013_numbers_existing_cards_by_contact_date_per_year() {
        let mut conn = Connection::open_in_memory().unwrap();
        migrations().to_version(&mut conn, 12).unwrap();
        // Cards of a delegate this test does not need.
        conn.pragma_update(None, "foreign_keys", false).unwrap();
        // (id, contact date, created at): ids and creation times out of contact order.
        for (id, date, at) in [
            ("c1", "2025-12-01", "2025-12-01T01:00:00Z"),
            ("c2", "2025-03-05", "2025-03-06T09:00:00Z"),
            ("c3", "2026-01-02", "2026-01-02T01:00:00Z"),
            ("c4", "2025-03-05", "2025-03-05T08:00:00Z"),
        ] {
            conn.execute(
                "INSERT INTO cards (id, delegate_id, delegation_id, delegate_name, delegation_name,
                   contact_date, person_name, channel, opinion, created_at, updated_at)
                 VALUES (?1, 'd', 'g', '张建华', '理工', ?2, '赵小明', 'studio', '食堂', ?3, ?3)",
                rusqlite::params![id, date, at],
            )
            .unwrap();
        }
        migrations().to_latest(&mut conn).unwrap();
        let no = |id: &str| -> String {
            conn.query_row("SELECT no FROM cards WHERE id = ?1", [id], |r| r.get(0))
                .unwrap()
        };
        assert_eq!(no("c4"), "2025-0001");
        assert_eq!(no("c2"), "2025-0002");
        assert_eq!(no("c1"), "2025-0003");
        assert_eq!(no("c3"), "2026-0001");
        // The full-text index was rebuilt with the numbers in it.
        let found: String = conn
            .query_row(
                "SELECT c.id FROM cards c WHERE c.rid IN
                   (SELECT rowid FROM cards_fts WHERE cards_fts MATCH '\"2025-0003\"')",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(found, "c1");
        // A second card with a number already given is refused.
        assert!(conn
            .execute("UPDATE cards SET no = '2025-0001' WHERE id = 'c1'", [])
            .is_err());
    }
}

/// The next free human number of `year` in `table` (`cards` or `items`): `2026-0001`,
/// `2026-0002`, … Call inside the write's transaction.
pub(crate) fn next_year_no(conn: &Connection, table: NumberedTable, year: i32) -> Result<String> {
    let table = table.name();
    let lo = format!("{year:04}-");
    let hi = format!("{year:04}.");
    // The text maximum walks the unique index; it is the numeric one while numbers have 4 digits.
    let top: Option<String> = conn
        .prepare_cached(&format!(
            "SELECT no FROM {table} WHERE no >= ?1 AND no < ?2 ORDER BY no DESC LIMIT 1"
        ))?
        .query_row(params![lo, hi], |r| r.get(0))
        .optional()?;
    let mut n: i64 = top
        .as_deref()
        .and_then(|s| s.get(5..))
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    if n >= 9999 {
        // Past 9999 a number has five digits, and "2026-10000" sorts between "2026-1000" and
        // "2026-1001": the text maximum is no longer the numeric one. Among five-digit numbers it
        // is again, and walking the index down from the top to the first of them passes at most
        // the 9,000 four-digit numbers above it (a scan of the whole year per new card made
        // 100,000 benchmark cards take an hour).
        let five: Option<String> = conn
            .prepare_cached(&format!(
                "SELECT no FROM {table} WHERE no >= ?1 AND no < ?2 AND length(no) = 10
                 ORDER BY no DESC LIMIT 1"
            ))?
            .query_row(params![lo, hi], |r| r.get(0))
            .optional()?;
        n = five
            .as_deref()
            .and_then(|s| s.get(5..))
            .and_then(|s| s.parse().ok())
            .unwrap_or(n);
    }
    if n >= 99_999 {
        n = conn
            .prepare_cached(&format!(
                "SELECT COALESCE(MAX(CAST(substr(no, 6) AS INTEGER)), 0) FROM {table}
                 WHERE no >= ?1 AND no < ?2"
            ))?
            .query_row(params![lo, hi], |r| r.get(0))?;
    }
    Ok(format!("{year:04}-{:04}", n + 1))
}

/// The tables whose rows carry a per-year human number (`no`): a closed set, so the table name
/// put into the SQL text is never the caller's.
#[derive(Debug, Clone, Copy)]
pub(crate) enum NumberedTable {
    Cards,
    Items,
    Proposals,
}

impl NumberedTable {
    fn name(self) -> &'static str {
        match self {
            NumberedTable::Cards => "cards",
            NumberedTable::Items => "items",
            NumberedTable::Proposals => "proposals",
        }
    }
}
