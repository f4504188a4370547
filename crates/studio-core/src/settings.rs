//! Studio settings: the studio's name and hotline, the idle lock, the audit log's retention, and how
//! the first start was answered. Who is acting is the logged-in account, not a setting.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::actor::Permission;
use crate::audit::Entity;
use crate::ctx::Ctx;
use crate::error::Result;
use crate::storage::{settings as db, Store};
use crate::validate::Checker;

const IDLE_LOCK: &str = "idle_lock_minutes";
const RETENTION: &str = "audit_retention_months";
const STUDIO_NAME: &str = "studio_name";
const HOTLINE: &str = "hotline";
const SETUP: &str = "setup";
const VERSION: &str = "settings_version";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct Settings {
    pub studio_name: String,
    /// 专线电话.
    pub hotline: String,
    /// The window locks itself after this many idle minutes (1–60).
    pub idle_lock_minutes: u32,
    /// Audit entries are kept at least this many months before they may be archived (6–120).
    pub audit_retention_months: u32,
    /// Bumped on every save; a save names the version it was based on.
    pub version: i64,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            studio_name: "党代表工作室".into(),
            hotline: String::new(),
            idle_lock_minutes: 15,
            audit_retention_months: crate::audit_log::MIN_RETENTION_MONTHS,
            version: 0,
        }
    }
}

/// How the first start was answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum SetupState {
    /// Nobody chose yet: show 载入演示数据 / 从空白开始.
    Pending,
    Demo,
    Blank,
}

/// The settings are what every screen's header shows: any actor may read them.
pub fn load(store: &Store) -> Result<Settings> {
    load_from(&*store.reader()?)
}

fn load_from(conn: &rusqlite::Connection) -> Result<Settings> {
    let d = Settings::default();
    Ok(Settings {
        studio_name: db::get(conn, STUDIO_NAME)?.unwrap_or(d.studio_name),
        hotline: db::get(conn, HOTLINE)?.unwrap_or(d.hotline),
        idle_lock_minutes: db::get(conn, IDLE_LOCK)?
            .and_then(|v| v.parse().ok())
            .unwrap_or(d.idle_lock_minutes),
        audit_retention_months: db::get(conn, RETENTION)?
            .and_then(|v| v.parse().ok())
            .unwrap_or(d.audit_retention_months),
        version: db::get(conn, VERSION)?
            .and_then(|v| v.parse().ok())
            .unwrap_or(0),
    })
}

/// Field limits of the settings form, in characters (the UI reads them from `rules::Rules`).
pub const IDLE_LOCK_MINUTES: (u32, u32) = (1, 60);
pub const STUDIO_NAME_MAX: usize = 40;
pub const HOTLINE_MAX: usize = 30;

/// Save the settings edited from `input.version`; a stale version is refused.
pub fn save(store: &Store, ctx: &Ctx, input: &Settings) -> Result<Settings> {
    ctx.require(Permission::EditSettings)?;
    let s = Settings {
        studio_name: input.studio_name.trim().to_string(),
        hotline: input.hotline.trim().to_string(),
        idle_lock_minutes: input.idle_lock_minutes,
        audit_retention_months: input.audit_retention_months,
        version: input.version + 1,
    };
    let mut c = Checker::new();
    c.required("studio_name", "工作室名称", &s.studio_name, STUDIO_NAME_MAX);
    c.max_len("hotline", "专线电话", &s.hotline, HOTLINE_MAX);
    let (lo, hi) = IDLE_LOCK_MINUTES;
    if !(lo..=hi).contains(&s.idle_lock_minutes) {
        c.add(
            "idle_lock_minutes",
            format!("自动锁定时间应为 {lo}–{hi} 分钟"),
        );
    }
    let (lo, hi) = (
        crate::audit_log::MIN_RETENTION_MONTHS,
        crate::audit_log::MAX_RETENTION_MONTHS,
    );
    if !(lo..=hi).contains(&s.audit_retention_months) {
        c.add(
            "audit_retention_months",
            format!("审计日志保留期限应为 {lo}–{hi} 个月（至少六个月）"),
        );
    }
    c.finish()?;
    store.write(ctx, Permission::EditSettings, |tx| {
        let before = load_from(tx)?;
        tx.expect_version(Entity::Settings, "studio", before.version, input.version)?;
        db::set(tx, IDLE_LOCK, &s.idle_lock_minutes.to_string())?;
        db::set(tx, RETENTION, &s.audit_retention_months.to_string())?;
        db::set(tx, STUDIO_NAME, &s.studio_name)?;
        db::set(tx, HOTLINE, &s.hotline)?;
        db::set(tx, VERSION, &s.version.to_string())?;
        tx.record(
            Entity::Settings,
            "studio",
            "update",
            Some(&before),
            Some(&s),
        )?;
        Ok(s)
    })
}

pub fn setup_state(store: &Store) -> Result<SetupState> {
    Ok(match db::get(&*store.reader()?, SETUP)?.as_deref() {
        Some("demo") => SetupState::Demo,
        Some("blank") => SetupState::Blank,
        _ => SetupState::Pending,
    })
}

pub(crate) fn set_setup_state(conn: &rusqlite::Connection, state: SetupState) -> Result<()> {
    let v = match state {
        SetupState::Pending => "pending",
        SetupState::Demo => "demo",
        SetupState::Blank => "blank",
    };
    db::set(conn, SETUP, v)
}

/// 从空白开始: remember the choice so the first-start dialog does not come back.
pub fn start_blank(store: &Store, ctx: &Ctx) -> Result<()> {
    store.write(ctx, Permission::EditSettings, |tx| {
        set_setup_state(tx, SetupState::Blank)?;
        tx.record(
            Entity::Settings,
            "setup",
            "start_blank",
            None::<&()>,
            Some(&serde_json::json!({ "setup": "blank" })),
        )
    })
}
