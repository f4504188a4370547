//! Backup, restore and integrity checks of the database file.

use std::path::Path;

use rusqlite::Connection;
use serde::Serialize;
use ts_rs::TS;

use crate::actor::Permission;
use crate::ctx::Ctx;
use crate::error::{Error, Result};
use crate::storage::Store;

#[derive(Debug, Clone, Serialize, TS)]
pub struct CheckReport {
    pub ok: bool,
    pub schema_version: u32,
    /// `ok`, or SQLite's list of problems.
    pub integrity: Vec<String>,
    /// Rows pointing at rows that do not exist: `table rowid → parent`.
    pub foreign_key_problems: Vec<String>,
}

fn check_conn(conn: &Connection) -> Result<CheckReport> {
    let mut st = conn.prepare("PRAGMA integrity_check")?;
    let integrity: Vec<String> = st
        .query_map([], |r| r.get::<_, String>(0))?
        .collect::<rusqlite::Result<_>>()?;
    let mut st = conn.prepare("PRAGMA foreign_key_check")?;
    let fk: Vec<String> = st
        .query_map([], |r| {
            Ok(format!(
                "{} 第 {} 行 → {}",
                r.get::<_, String>(0)?,
                r.get::<_, Option<i64>>(1)?.unwrap_or(0),
                r.get::<_, String>(2)?
            ))
        })?
        .collect::<rusqlite::Result<_>>()?;
    let schema_version: u32 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    Ok(CheckReport {
        ok: integrity == ["ok"] && fk.is_empty(),
        schema_version,
        integrity,
        foreign_key_problems: fk,
    })
}

/// `PRAGMA integrity_check` and `foreign_key_check` on the open database.
pub fn check(store: &Store) -> Result<CheckReport> {
    check_conn(&store.writer())
}

/// A consistent copy of the live database (SQLite online backup), safe while the app runs. The copy
/// is made under a temporary name beside `out` and renamed when whole, so a crash never leaves a
/// half backup under the real name.
pub fn backup(store: &Store, ctx: &Ctx, out: &Path) -> Result<()> {
    ctx.require(Permission::Maintain)?;
    if out.exists() {
        return Err(Error::Conflict(format!(
            "{} 已存在，请换一个文件名，以免覆盖已有备份",
            out.display()
        )));
    }
    let tmp = crate::files::temp_path_for(out)?;
    let made = store
        .reader()?
        .backup(rusqlite::MAIN_DB, &tmp, None)
        .map_err(Error::from)
        .and_then(|()| crate::files::commit_temp(&tmp, out));
    if made.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    made
}
