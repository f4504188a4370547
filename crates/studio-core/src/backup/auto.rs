//! The automatic backup (设置 → 自动备份): its settings (on/off, the folder, the daily time, how many
//! to keep) kept in the settings table through the write gate, its last result, and one run: make
//! the archive in the folder when due, prune our own old archives to the newest N. A missing folder
//! (a USB drive not plugged in) or a failed write is recorded and shown on 工作台, never dropped.

use std::path::{Path, PathBuf};

use chrono::{DateTime, NaiveDateTime, NaiveTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::schedule::{self, Trigger};
use crate::actor::Permission;
use crate::audit::Entity;
use crate::ctx::Ctx;
use crate::error::{Error, Result};
use crate::storage::{settings as db, Store};
use crate::validate::Checker;

const ENABLED: &str = "auto_backup_enabled";
const FOLDER: &str = "auto_backup_folder";
const TIME: &str = "auto_backup_time";
const KEEP: &str = "auto_backup_keep";
const VERSION: &str = "auto_backup_version";
const LAST_OK_AT: &str = "auto_backup_last_ok_at";
const LAST_ATTEMPT_AT: &str = "auto_backup_last_attempt_at";
const LAST_AT: &str = "backup_last_at";
const LAST_OK: &str = "backup_last_ok";
const LAST_MESSAGE: &str = "backup_last_message";
const LAST_KIND: &str = "backup_last_kind";

pub const DEFAULT_KEEP: u32 = 30;
pub const KEEP_RANGE: (u32, u32) = (1, 365);
pub const DEFAULT_TIME: &str = "12:00";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct AutoBackupSettings {
    pub enabled: bool,
    /// The folder chosen in the backend's folder dialog; empty until one is chosen.
    pub folder: String,
    /// `HH:MM`, the studio's local time.
    pub daily_time: String,
    /// Keep the newest this many automatic archives in the folder.
    pub keep: u32,
    pub version: i64,
}

/// What the page may change; the folder only comes from the backend's dialog.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct AutoBackupInput {
    pub enabled: bool,
    pub daily_time: String,
    pub keep: u32,
    pub version: i64,
}

/// The last backup of either kind and what 工作台 should warn about.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct BackupStatus {
    pub settings: AutoBackupSettings,
    /// UTC, RFC 3339.
    pub last_at: Option<String>,
    pub last_ok: Option<bool>,
    /// `自动` or `手动`.
    pub last_kind: String,
    /// The archive written, or why it failed.
    pub last_message: String,
    /// A sentence for 工作台 when backups are not being made: the last one failed, the folder is
    /// missing, or none for more than two days while automatic backups are on.
    pub warning: Option<String>,
}

fn load_from(conn: &rusqlite::Connection) -> Result<AutoBackupSettings> {
    Ok(AutoBackupSettings {
        enabled: db::get(conn, ENABLED)?.is_some_and(|v| v == "1"),
        folder: db::get(conn, FOLDER)?.unwrap_or_default(),
        daily_time: db::get(conn, TIME)?.unwrap_or_else(|| DEFAULT_TIME.into()),
        keep: db::get(conn, KEEP)?
            .and_then(|v| v.parse().ok())
            .unwrap_or(DEFAULT_KEEP),
        version: db::get(conn, VERSION)?
            .and_then(|v| v.parse().ok())
            .unwrap_or(0),
    })
}

pub fn load(store: &Store, ctx: &Ctx) -> Result<AutoBackupSettings> {
    ctx.require(Permission::Maintain)?;
    load_from(&*store.reader()?)
}

fn parse_time(s: &str) -> Option<NaiveTime> {
    let s = s.trim();
    if s.len() != 5 {
        return None;
    }
    NaiveTime::parse_from_str(s, "%H:%M").ok()
}

/// 保存 of the automatic backup's switch, time and count. Turning it on needs a folder.
pub fn save(store: &Store, ctx: &Ctx, input: &AutoBackupInput) -> Result<AutoBackupSettings> {
    ctx.require(Permission::Maintain)?;
    let mut c = Checker::new();
    if parse_time(&input.daily_time).is_none() {
        c.add("daily_time", "备份时间应为 HH:MM，如 12:00");
    }
    let (lo, hi) = KEEP_RANGE;
    if !(lo..=hi).contains(&input.keep) {
        c.add("keep", format!("保留份数应为 {lo}–{hi}"));
    }
    c.finish()?;
    store.write(ctx, Permission::Maintain, |tx| {
        let before = load_from(tx)?;
        tx.expect_version(
            Entity::Settings,
            "auto_backup",
            before.version,
            input.version,
        )?;
        if input.enabled && before.folder.is_empty() {
            return Err(Error::Invalid("请先选择备份文件夹，再开启自动备份".into()));
        }
        let after = AutoBackupSettings {
            enabled: input.enabled,
            folder: before.folder.clone(),
            daily_time: input.daily_time.trim().to_string(),
            keep: input.keep,
            version: before.version + 1,
        };
        write_settings(tx, &after)?;
        tx.record(
            Entity::Settings,
            "auto_backup",
            "update",
            Some(&before),
            Some(&after),
        )?;
        Ok(after)
    })
}

/// The folder the backend's dialog returned. Not inside the data's own files folder.
pub fn set_folder(
    store: &Store,
    ctx: &Ctx,
    folder: &Path,
    version: i64,
) -> Result<AutoBackupSettings> {
    ctx.require(Permission::Maintain)?;
    if !folder.is_absolute() || !folder.is_dir() {
        return Err(Error::Invalid(format!(
            "文件夹不存在：{}",
            folder.display()
        )));
    }
    if folder.starts_with(store.files_dir()) {
        return Err(Error::Invalid("备份文件夹不能在程序的数据文件夹内".into()));
    }
    store.write(ctx, Permission::Maintain, |tx| {
        let before = load_from(tx)?;
        tx.expect_version(Entity::Settings, "auto_backup", before.version, version)?;
        let after = AutoBackupSettings {
            folder: folder.display().to_string(),
            version: before.version + 1,
            ..before.clone()
        };
        write_settings(tx, &after)?;
        tx.record(
            Entity::Settings,
            "auto_backup",
            "update",
            Some(&before),
            Some(&after),
        )?;
        Ok(after)
    })
}

fn write_settings(tx: &rusqlite::Connection, s: &AutoBackupSettings) -> Result<()> {
    db::set(tx, ENABLED, if s.enabled { "1" } else { "0" })?;
    db::set(tx, FOLDER, &s.folder)?;
    db::set(tx, TIME, &s.daily_time)?;
    db::set(tx, KEEP, &s.keep.to_string())?;
    db::set(tx, VERSION, &s.version.to_string())
}

/// The status 工作台 and 设置 show. Any staff member may read it (the warning concerns everyone).
pub fn status(store: &Store, ctx: &Ctx, now: DateTime<Utc>) -> Result<BackupStatus> {
    ctx.require(Permission::ReadRoster)?;
    let conn = store.reader()?;
    let settings = load_from(&conn)?;
    let last_at = db::get(&conn, LAST_AT)?;
    let last_ok = db::get(&conn, LAST_OK)?.map(|v| v == "1");
    let last_message = db::get(&conn, LAST_MESSAGE)?.unwrap_or_default();
    let last_ok_auto = db::get(&conn, LAST_OK_AT)?.and_then(|s| parse_utc(&s));
    let warning = if last_ok == Some(false) {
        Some(format!("最近一次备份失败：{last_message}"))
    } else if settings.enabled && !Path::new(&settings.folder).is_dir() {
        Some(format!(
            "备份文件夹 {} 不存在（U 盘未插入？），自动备份无法进行",
            settings.folder
        ))
    } else if settings.enabled && last_ok_auto.is_none_or(|l| now - l > chrono::Duration::days(2)) {
        Some("已超过两天没有自动备份".into())
    } else {
        None
    };
    Ok(BackupStatus {
        settings,
        last_at,
        last_ok,
        last_kind: db::get(&conn, LAST_KIND)?.unwrap_or_default(),
        last_message,
        warning,
    })
}

fn parse_utc(s: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(s)
        .ok()
        .map(|d| d.with_timezone(&Utc))
}

fn local(t: DateTime<Utc>) -> NaiveDateTime {
    (t + chrono::Duration::hours(8)).naive_utc()
}

/// Note a backup's result (立即备份 too) for 设置 and 工作台.
pub fn note_result(
    store: &Store,
    ctx: &Ctx,
    kind_auto: bool,
    at: DateTime<Utc>,
    result: std::result::Result<&str, &str>,
) -> Result<()> {
    let at_s = at.to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
    store.write(ctx, Permission::Maintain, |tx| {
        let (ok, message) = match result {
            Ok(path) => ("1", path),
            Err(why) => ("0", why),
        };
        db::set(tx, LAST_AT, &at_s)?;
        db::set(tx, LAST_OK, ok)?;
        db::set(tx, LAST_MESSAGE, message)?;
        db::set(tx, LAST_KIND, if kind_auto { "自动" } else { "手动" })?;
        if kind_auto {
            db::set(tx, LAST_ATTEMPT_AT, &at_s)?;
            if ok == "1" {
                db::set(tx, LAST_OK_AT, &at_s)?;
            }
        }
        tx.record(
            Entity::Database,
            "backup_status",
            "update",
            None::<&()>,
            Some(&serde_json::json!({ "at": at_s, "ok": ok == "1", "message": message })),
        )
    })
}

/// What one automatic run did.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct AutoRunOutcome {
    /// The archive written; `None` when it failed (`message` says why).
    pub path: Option<String>,
    pub message: String,
    /// Old automatic archives removed.
    pub pruned: u32,
}

/// One automatic run at `now`: nothing when off or not due (`None`); otherwise a backup into the
/// folder, its result noted, old archives pruned. A missing folder is a failed run, noted.
pub fn run(
    store: &Store,
    ctx: &Ctx,
    now: DateTime<Utc>,
    trigger: Trigger,
) -> Result<Option<AutoRunOutcome>> {
    ctx.require(Permission::Maintain)?;
    let (settings, last_ok, last_attempt) = {
        let conn = store.reader()?;
        (
            load_from(&conn)?,
            db::get(&conn, LAST_OK_AT)?.and_then(|s| parse_utc(&s)),
            db::get(&conn, LAST_ATTEMPT_AT)?.and_then(|s| parse_utc(&s)),
        )
    };
    if !settings.enabled {
        return Ok(None);
    }
    let daily = parse_time(&settings.daily_time).unwrap_or(NaiveTime::MIN);
    if !schedule::is_due(
        local(now),
        daily,
        last_ok.map(local),
        last_attempt.map(local),
        trigger,
    ) {
        return Ok(None);
    }
    let folder = PathBuf::from(&settings.folder);
    let made = if !folder.is_dir() {
        Err(format!(
            "备份文件夹 {} 不存在（U 盘未插入？）",
            settings.folder
        ))
    } else {
        let out = folder.join(schedule::file_name(local(now)));
        super::create(store, ctx, &out)
            .map(|_| out.display().to_string())
            .map_err(|e| e.to_string())
    };
    note_result(
        store,
        ctx,
        true,
        now,
        made.as_deref().map_err(|s| s.as_str()),
    )?;
    let pruned = if made.is_ok() {
        prune(&folder, settings.keep as usize)
    } else {
        0
    };
    Ok(Some(match made {
        Ok(path) => AutoRunOutcome {
            message: format!("已自动备份到 {path}"),
            path: Some(path),
            pruned,
        },
        Err(why) => AutoRunOutcome {
            path: None,
            message: why,
            pruned: 0,
        },
    }))
}

/// Remove our own archives in `folder` beyond the newest `keep`. Returns how many were removed.
pub fn prune(folder: &Path, keep: usize) -> u32 {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return 0;
    };
    let names: Vec<String> = entries
        .flatten()
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    schedule::to_prune(&names, keep.max(1))
        .iter()
        .filter(|n| std::fs::remove_file(folder.join(n)).is_ok())
        .count() as u32
}
