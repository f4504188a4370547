//! Studio settings: the operator at this PC, the studio's name and hotline, and how the first start
//! was answered.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::actor::{Actor, Permission, Role};
use crate::audit::Entity;
use crate::ctx::Ctx;
use crate::error::Result;
use crate::storage::{settings as db, Store};
use crate::validate::Checker;

const OPERATOR: &str = "operator_name";
const STUDIO_NAME: &str = "studio_name";
const HOTLINE: &str = "hotline";
const SETUP: &str = "setup";
const VERSION: &str = "settings_version";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct Settings {
    /// Who works at this PC. Until accounts exist this name is the actor on every change.
    pub operator_name: String,
    pub studio_name: String,
    /// 专线电话.
    pub hotline: String,
    /// Bumped on every save; a save names the version it was based on.
    pub version: i64,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            operator_name: "联络员".into(),
            studio_name: "党代表工作室".into(),
            hotline: String::new(),
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
        operator_name: db::get(conn, OPERATOR)?.unwrap_or(d.operator_name),
        studio_name: db::get(conn, STUDIO_NAME)?.unwrap_or(d.studio_name),
        hotline: db::get(conn, HOTLINE)?.unwrap_or(d.hotline),
        version: db::get(conn, VERSION)?
            .and_then(|v| v.parse().ok())
            .unwrap_or(0),
    })
}

/// The actor for this PC: the operator named in settings. Until accounts exist the studio PC's
/// operator administers it.
pub fn operator(store: &Store) -> Result<Actor> {
    Ok(Actor::new(load(store)?.operator_name, Role::Admin))
}

/// Field limits of the settings form, in characters (the UI reads them from `rules::Rules`).
pub const OPERATOR_NAME_MAX: usize = 20;
pub const STUDIO_NAME_MAX: usize = 40;
pub const HOTLINE_MAX: usize = 30;

/// Save the settings edited from `input.version`; a stale version is refused.
pub fn save(store: &Store, ctx: &Ctx, input: &Settings) -> Result<Settings> {
    ctx.require(Permission::EditSettings)?;
    let s = Settings {
        operator_name: input.operator_name.trim().to_string(),
        studio_name: input.studio_name.trim().to_string(),
        hotline: input.hotline.trim().to_string(),
        version: input.version + 1,
    };
    let mut c = Checker::new();
    c.required(
        "operator_name",
        "操作员姓名",
        &s.operator_name,
        OPERATOR_NAME_MAX,
    );
    c.required("studio_name", "工作室名称", &s.studio_name, STUDIO_NAME_MAX);
    c.max_len("hotline", "专线电话", &s.hotline, HOTLINE_MAX);
    c.finish()?;
    store.write(ctx, Permission::EditSettings, |tx| {
        let before = load_from(tx)?;
        tx.expect_version(Entity::Settings, "studio", before.version, input.version)?;
        db::set(tx, OPERATOR, &s.operator_name)?;
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
