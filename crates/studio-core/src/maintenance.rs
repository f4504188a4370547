//! Backup, restore and integrity checks of the database file.

use std::path::Path;

use rusqlite::{Connection, OpenFlags};
use serde::Serialize;
use ts_rs::TS;

use crate::actor::Permission;
use crate::audit::Entity;
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

/// Replace the open database's contents with the backup at `from`, after checking that the backup
/// is intact and from this program. The current data is kept aside first: nothing is lost if the
/// backup turns out to be the wrong one.
pub fn restore(store: &Store, ctx: &Ctx, from: &Path) -> Result<CheckReport> {
    ctx.require(Permission::Maintain)?;
    if !from.is_file() {
        return Err(Error::Invalid(format!("找不到备份文件 {}", from.display())));
    }
    let src = Connection::open_with_flags(from, OpenFlags::SQLITE_OPEN_READ_ONLY)
        .map_err(|_| Error::Invalid("无法打开备份文件".into()))?;
    let report = check_conn(&src).map_err(|_| Error::Invalid("备份文件不是有效的数据库".into()))?;
    if !report.ok {
        return Err(Error::Invalid(format!(
            "备份文件已损坏，未恢复：{}",
            report.integrity.join("；")
        )));
    }
    let is_ours: bool = src
        .query_row(
            "SELECT COUNT(*) = 3 FROM sqlite_master WHERE type = 'table'
             AND name IN ('change_log', 'delegates', 'delegations')",
            [],
            |r| r.get(0),
        )
        .unwrap_or(false);
    if !is_ours {
        return Err(Error::Invalid("该文件不是党代表工作室的备份".into()));
    }
    if report.schema_version as usize > crate::storage::schema_version() {
        return Err(Error::Invalid(
            "该备份来自更新版本的程序，请先升级本程序再恢复".into(),
        ));
    }
    if let Some(path) = store.path() {
        let aside = path.with_extension(format!(
            "before-restore-{}.db",
            crate::ids::today_shanghai()
        ));
        if !aside.exists() {
            store.writer().backup(rusqlite::MAIN_DB, &aside, None)?;
        }
    }
    {
        let mut conn = store.writer();
        conn.restore(
            rusqlite::MAIN_DB,
            from,
            None::<fn(rusqlite::backup::Progress)>,
        )?;
        // An older backup is brought up to this build's schema.
        crate::storage::migrate(&mut conn)?;
    }
    // Idle readers may hold the old contents' cache: new ones see the restored file.
    store.drop_readers();
    store.write(ctx, Permission::Maintain, |tx| {
        tx.record(
            Entity::Database,
            "studio",
            "restore",
            None::<&()>,
            Some(&serde_json::json!({ "from": from.display().to_string() })),
        )
    })?;
    check(store)
}
