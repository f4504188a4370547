//! SQL for the change log.

use rusqlite::{params, Connection, Row};
use serde::Serialize;
use serde_json::Value;

use crate::actor::{Actor, Role};
use crate::audit::{diff, ChangeRecord};
use crate::error::Result;
use crate::ids::{new_id, now_utc};

/// Append one change record. For `update` only the changed fields are stored.
pub fn append<T: Serialize>(
    conn: &Connection,
    actor: &Actor,
    entity: &str,
    row_id: &str,
    action: &str,
    before: Option<&T>,
    after: Option<&T>,
) -> Result<()> {
    let to_json = |v: Option<&T>| v.map(|v| serde_json::to_value(v).unwrap_or(Value::Null));
    let (before, after) = match (to_json(before), to_json(after)) {
        (Some(b), Some(a)) => {
            let (b, a) = diff(&b, &a);
            (Some(b), Some(a))
        }
        other => other,
    };
    conn.execute(
        "INSERT INTO change_log (id, at, actor, actor_role, entity, row_id, action, before, after)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![
            new_id(),
            now_utc(),
            actor.name,
            role_text(actor.role),
            entity,
            row_id,
            action,
            before.map(|v| v.to_string()),
            after.map(|v| v.to_string()),
        ],
    )?;
    Ok(())
}

fn role_text(r: Role) -> String {
    serde_json::to_value(r)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

fn from_row(r: &Row) -> rusqlite::Result<ChangeRecord> {
    let json = |s: Option<String>| s.and_then(|s| serde_json::from_str(&s).ok());
    let role: String = r.get("actor_role")?;
    Ok(ChangeRecord {
        seq: r.get("seq")?,
        id: r.get("id")?,
        at: r.get("at")?,
        actor: r.get("actor")?,
        actor_role: serde_json::from_value(Value::String(role)).unwrap_or(Role::System),
        entity: r.get("entity")?,
        row_id: r.get("row_id")?,
        action: r.get("action")?,
        before: json(r.get("before")?),
        after: json(r.get("after")?),
    })
}

/// The history of one row, oldest first.
pub fn for_row(conn: &Connection, entity: &str, row_id: &str) -> Result<Vec<ChangeRecord>> {
    let mut st = conn.prepare_cached(
        "SELECT * FROM change_log WHERE entity = ?1 AND row_id = ?2 ORDER BY seq",
    )?;
    let rows = st.query_map(params![entity, row_id], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The latest changes of any kind, newest first.
pub fn recent(conn: &Connection, limit: u32) -> Result<Vec<ChangeRecord>> {
    let mut st = conn.prepare_cached("SELECT * FROM change_log ORDER BY seq DESC LIMIT ?1")?;
    let rows = st.query_map(params![limit.min(500)], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
