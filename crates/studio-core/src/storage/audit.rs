//! SQL for the change log and the access log.

use rusqlite::{params, Connection, Row};
use serde_json::Value;

use crate::actor::{Actor, Role};
use crate::audit::{ChangeRecord, Entity};
use crate::error::Result;
use crate::ids::{new_id, now_utc};

/// One change record as the write gate appends it: whole rows, versions from their `version` field.
pub(crate) struct NewChange<'a> {
    pub actor: &'a Actor,
    pub entity: Entity,
    pub row_id: &'a str,
    pub action: &'a str,
    pub before: Option<Value>,
    pub after: Option<Value>,
    pub base_version: Option<i64>,
    pub new_version: Option<i64>,
}

pub(crate) fn append(conn: &Connection, c: NewChange<'_>) -> Result<()> {
    conn.execute(
        "INSERT INTO change_log (id, at, actor, actor_id, actor_role, entity, row_id, action,
                                 before, after, base_version, new_version)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
        params![
            new_id(),
            now_utc(),
            c.actor.name,
            c.actor.id,
            c.actor.role.code(),
            c.entity.as_str(),
            c.row_id,
            c.action,
            c.before.map(|v| v.to_string()),
            c.after.map(|v| v.to_string()),
            c.base_version,
            c.new_version,
        ],
    )?;
    Ok(())
}

/// `(actor, area, target, action)` of the audit log's access lines (view, export, print), oldest
/// first (tests).
pub fn access_entries(conn: &Connection) -> Result<Vec<(String, String, String, String)>> {
    let mut st = conn.prepare_cached(
        "SELECT actor, area, target, action FROM audit_log
         WHERE action IN ('view', 'export', 'print') ORDER BY seq",
    )?;
    let rows = st.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn from_row(r: &Row) -> rusqlite::Result<ChangeRecord> {
    let json = |s: Option<String>| s.and_then(|s| serde_json::from_str(&s).ok());
    let role: String = r.get("actor_role")?;
    Ok(ChangeRecord {
        seq: r.get("seq")?,
        id: r.get("id")?,
        at: r.get("at")?,
        actor: r.get("actor")?,
        actor_id: r.get("actor_id")?,
        actor_role: serde_json::from_value(Value::String(role)).unwrap_or(Role::System),
        entity: r.get("entity")?,
        row_id: r.get("row_id")?,
        action: r.get("action")?,
        base_version: r.get("base_version")?,
        new_version: r.get("new_version")?,
        before: json(r.get("before")?),
        after: json(r.get("after")?),
    })
}

/// The history of one row, oldest first, as stored (whole rows).
pub fn for_row(conn: &Connection, entity: Entity, row_id: &str) -> Result<Vec<ChangeRecord>> {
    let mut st = conn.prepare_cached(
        "SELECT * FROM change_log WHERE entity = ?1 AND row_id = ?2 ORDER BY seq",
    )?;
    let rows = st.query_map(params![entity.as_str(), row_id], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The records of one row made after `version`, oldest first (what a stale save missed).
pub fn since_version(
    conn: &Connection,
    entity: Entity,
    row_id: &str,
    version: i64,
) -> Result<Vec<ChangeRecord>> {
    let mut st = conn.prepare_cached(
        "SELECT * FROM change_log WHERE entity = ?1 AND row_id = ?2 AND new_version > ?3
         ORDER BY seq",
    )?;
    let rows = st.query_map(params![entity.as_str(), row_id, version], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The latest changes of any kind, newest first.
pub fn recent(conn: &Connection, limit: u32) -> Result<Vec<ChangeRecord>> {
    let mut st = conn.prepare_cached("SELECT * FROM change_log ORDER BY seq DESC LIMIT ?1")?;
    let rows = st.query_map(params![limit.min(500)], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Every record, oldest first (tests: one record per write).
pub fn all(conn: &Connection) -> Result<Vec<ChangeRecord>> {
    let mut st = conn.prepare_cached("SELECT * FROM change_log ORDER BY seq")?;
    let rows = st.query_map([], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
