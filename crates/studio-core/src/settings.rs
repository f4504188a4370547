//! Studio settings: the operator at this PC, the studio's name and hotline, and how the first start
//! was answered.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::actor::{Actor, Permission, Role};
use crate::error::Result;
use crate::storage::{audit, settings as db, Store};
use crate::validate::Checker;

const OPERATOR: &str = "operator_name";
const STUDIO_NAME: &str = "studio_name";
const HOTLINE: &str = "hotline";
const SETUP: &str = "setup";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct Settings {
    /// Who works at this PC. Until accounts exist this name is the actor on every change.
    pub operator_name: String,
    pub studio_name: String,
    /// 专线电话.
    pub hotline: String,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            operator_name: "联络员".into(),
            studio_name: "党代表工作室".into(),
            hotline: String::new(),
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

pub fn load(store: &Store) -> Result<Settings> {
    let d = Settings::default();
    Ok(Settings {
        operator_name: db::get(&store.conn, OPERATOR)?.unwrap_or(d.operator_name),
        studio_name: db::get(&store.conn, STUDIO_NAME)?.unwrap_or(d.studio_name),
        hotline: db::get(&store.conn, HOTLINE)?.unwrap_or(d.hotline),
    })
}

/// The actor for this PC: the operator named in settings. Until accounts exist the studio PC's
/// operator administers it.
pub fn operator(store: &Store) -> Result<Actor> {
    Ok(Actor::new(load(store)?.operator_name, Role::Admin))
}

pub fn save(store: &mut Store, actor: &Actor, input: &Settings) -> Result<Settings> {
    actor.require(Permission::EditSettings)?;
    let s = Settings {
        operator_name: input.operator_name.trim().to_string(),
        studio_name: input.studio_name.trim().to_string(),
        hotline: input.hotline.trim().to_string(),
    };
    let mut c = Checker::new();
    c.required("operator_name", "操作员姓名", &s.operator_name, 20);
    c.required("studio_name", "工作室名称", &s.studio_name, 40);
    c.max_len("hotline", "专线电话", &s.hotline, 30);
    c.finish()?;
    let before = load(store)?;
    let tx = store.conn.transaction()?;
    db::set(&tx, OPERATOR, &s.operator_name)?;
    db::set(&tx, STUDIO_NAME, &s.studio_name)?;
    db::set(&tx, HOTLINE, &s.hotline)?;
    audit::append(
        &tx,
        actor,
        "settings",
        "studio",
        "update",
        Some(&before),
        Some(&s),
    )?;
    tx.commit()?;
    Ok(s)
}

pub fn setup_state(store: &Store) -> Result<SetupState> {
    Ok(match db::get(&store.conn, SETUP)?.as_deref() {
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
pub fn start_blank(store: &mut Store, actor: &Actor) -> Result<()> {
    actor.require(Permission::EditSettings)?;
    let tx = store.conn.transaction()?;
    set_setup_state(&tx, SetupState::Blank)?;
    audit::append::<&str>(&tx, actor, "settings", "setup", "start_blank", None, None)?;
    tx.commit()?;
    Ok(())
}
