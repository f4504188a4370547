//! Studio settings: the studio's name and hotline, the idle lock, the audit log's retention, the
//! kiosk's introduction text, idle time and start mode, and how the first start was answered. Who
//! is acting is the logged-in account, not a setting.

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
const OPENING_HOURS: &str = "opening_hours";
const SETUP: &str = "setup";
const STUDIO_INTRO: &str = "studio_intro";
const KIOSK_IDLE: &str = "kiosk_idle_seconds";
const KIOSK_ON_START: &str = "kiosk_on_start";
const VERSION: &str = "settings_version";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct Settings {
    pub studio_name: String,
    /// 专线电话.
    pub hotline: String,
    /// 开放时间, as the poster and the kiosk print it.
    pub opening_hours: String,
    /// The window locks itself after this many idle minutes (1–60).
    pub idle_lock_minutes: u32,
    /// Audit entries are kept at least this many months before they may be archived (6–120).
    pub audit_retention_months: u32,
    /// 工作室简介: what the kiosk (and later the online studio) shows under 工作室简介.
    pub studio_intro: String,
    /// The kiosk clears what was typed and returns home after this many idle seconds (30–600).
    pub kiosk_idle_seconds: u32,
    /// The app starts as the kiosk (自助终端) rather than the login screen.
    pub kiosk_on_start: bool,
    /// Bumped on every save; a save names the version it was based on.
    pub version: i64,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            studio_name: "党代表工作室".into(),
            hotline: String::new(),
            opening_hours: DEFAULT_OPENING_HOURS.into(),
            idle_lock_minutes: 15,
            audit_retention_months: crate::audit_log::MIN_RETENTION_MONTHS,
            studio_intro: DEFAULT_STUDIO_INTRO.into(),
            kiosk_idle_seconds: 120,
            kiosk_on_start: false,
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

pub(crate) fn load_from(conn: &rusqlite::Connection) -> Result<Settings> {
    let d = Settings::default();
    Ok(Settings {
        studio_name: db::get(conn, STUDIO_NAME)?.unwrap_or(d.studio_name),
        hotline: db::get(conn, HOTLINE)?.unwrap_or(d.hotline),
        opening_hours: db::get(conn, OPENING_HOURS)?.unwrap_or(d.opening_hours),
        idle_lock_minutes: db::get(conn, IDLE_LOCK)?
            .and_then(|v| v.parse().ok())
            .unwrap_or(d.idle_lock_minutes),
        audit_retention_months: db::get(conn, RETENTION)?
            .and_then(|v| v.parse().ok())
            .unwrap_or(d.audit_retention_months),
        studio_intro: db::get(conn, STUDIO_INTRO)?.unwrap_or(d.studio_intro),
        kiosk_idle_seconds: db::get(conn, KIOSK_IDLE)?
            .and_then(|v| v.parse().ok())
            .unwrap_or(d.kiosk_idle_seconds),
        kiosk_on_start: db::get(conn, KIOSK_ON_START)?
            .map(|v| v == "1")
            .unwrap_or(d.kiosk_on_start),
        version: db::get(conn, VERSION)?
            .and_then(|v| v.parse().ok())
            .unwrap_or(0),
    })
}

/// Field limits of the settings form, in characters (the UI reads them from `rules::Rules`).
pub const IDLE_LOCK_MINUTES: (u32, u32) = (1, 60);
pub const STUDIO_NAME_MAX: usize = 40;
pub const HOTLINE_MAX: usize = 30;
pub const OPENING_HOURS_MAX: usize = 100;
/// 开放时间 until an administrator sets the studio's own.
pub const DEFAULT_OPENING_HOURS: &str = "工作日 8:00—12:00，14:30—17:30";
pub const STUDIO_INTRO_MAX: usize = 2000;
/// The kiosk's idle time, in seconds.
pub const KIOSK_IDLE_SECONDS: (u32, u32) = (30, 600);

/// 工作室简介 until an administrator writes the studio's own.
pub const DEFAULT_STUDIO_INTRO: &str = "党代表工作室是党代表联系党员和群众的平台。党代表在接待日到工作室值班，\
听取党员和群众的意见建议，帮助反映和解决实际困难。您可以在这里查看今日接待和接访安排、了解代表风采，\
也可以通过“有事找代表”留言，并凭查询码查询办理进度。";

/// Save the settings edited from `input.version`; a stale version is refused.
pub fn save(store: &Store, ctx: &Ctx, input: &Settings) -> Result<Settings> {
    ctx.require(Permission::EditSettings)?;
    let s = Settings {
        studio_name: input.studio_name.trim().to_string(),
        hotline: input.hotline.trim().to_string(),
        opening_hours: input.opening_hours.trim().to_string(),
        idle_lock_minutes: input.idle_lock_minutes,
        audit_retention_months: input.audit_retention_months,
        studio_intro: input.studio_intro.trim().to_string(),
        kiosk_idle_seconds: input.kiosk_idle_seconds,
        kiosk_on_start: input.kiosk_on_start,
        version: input.version + 1,
    };
    let mut c = Checker::new();
    c.required("studio_name", "工作室名称", &s.studio_name, STUDIO_NAME_MAX);
    c.max_len("hotline", "专线电话", &s.hotline, HOTLINE_MAX);
    c.line(
        "opening_hours",
        "开放时间",
        &s.opening_hours,
        OPENING_HOURS_MAX,
    );
    c.max_len(
        "studio_intro",
        "工作室简介",
        &s.studio_intro,
        STUDIO_INTRO_MAX,
    );
    let (lo, hi) = KIOSK_IDLE_SECONDS;
    if !(lo..=hi).contains(&s.kiosk_idle_seconds) {
        c.add(
            "kiosk_idle_seconds",
            format!("自助终端空闲返回时间应为 {lo}–{hi} 秒"),
        );
    }
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
        db::set(tx, OPENING_HOURS, &s.opening_hours)?;
        db::set(tx, STUDIO_INTRO, &s.studio_intro)?;
        db::set(tx, KIOSK_IDLE, &s.kiosk_idle_seconds.to_string())?;
        db::set(tx, KIOSK_ON_START, if s.kiosk_on_start { "1" } else { "0" })?;
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
