//! SQL for the audit log (`audit_log`): append, filtered pages, export ranges, and the guarded
//! archive. A period is first turned into a range of `seq` (which grows with `at`), so every filter
//! runs as an index range scan newest first.

use rusqlite::{params, Connection, OptionalExtension, Row};

use crate::actor::Role;
use crate::audit_log::{AuditEntry, AuditResult, NewAuditEntry};
use crate::error::Result;
use crate::ids::now_utc;

pub(crate) fn append(conn: &Connection, e: &NewAuditEntry<'_>) -> Result<()> {
    let mut st = conn.prepare_cached(
        "INSERT INTO audit_log (at, actor_id, actor, actor_role, area, action, target, summary,
                                result)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?;
    st.execute(params![
        now_utc(),
        e.actor.id,
        e.actor.name,
        e.actor.role.code(),
        e.area,
        e.action,
        e.target,
        e.summary,
        e.result.code(),
    ])?;
    Ok(())
}

fn from_row(r: &Row) -> rusqlite::Result<AuditEntry> {
    let role: String = r.get("actor_role")?;
    let result: String = r.get("result")?;
    Ok(AuditEntry {
        seq: r.get("seq")?,
        at: r.get("at")?,
        actor_id: r.get("actor_id")?,
        actor: r.get("actor")?,
        actor_role: Role::from_code(&role).unwrap_or(Role::System),
        area: r.get("area")?,
        action: r.get("action")?,
        target: r.get("target")?,
        summary: r.get("summary")?,
        result: AuditResult::from_code(&result),
    })
}

/// The first `seq` written at or after `at` (UTC text), if any.
pub fn first_seq_from(conn: &Connection, at: &str) -> Result<Option<i64>> {
    Ok(conn
        .query_row(
            "SELECT seq FROM audit_log WHERE at >= ?1 ORDER BY at LIMIT 1",
            params![at],
            |r| r.get(0),
        )
        .optional()?)
}

/// The last `seq` written before `at` (UTC text), if any.
pub fn last_seq_before(conn: &Connection, at: &str) -> Result<Option<i64>> {
    Ok(conn
        .query_row(
            "SELECT seq FROM audit_log WHERE at < ?1 ORDER BY at DESC LIMIT 1",
            params![at],
            |r| r.get(0),
        )
        .optional()?)
}

/// Equality filters and a seq range, as the query builder takes them.
pub struct Filter<'a> {
    pub lo: i64,
    pub hi: i64,
    pub actor_id: Option<&'a str>,
    pub area: Option<&'a str>,
    pub action: Option<&'a str>,
    pub result: Option<&'a str>,
}

fn where_clause(f: &Filter<'_>) -> (String, Vec<rusqlite::types::Value>) {
    use rusqlite::types::Value;
    let mut sql = String::from("seq BETWEEN ? AND ?");
    let mut args = vec![Value::Integer(f.lo), Value::Integer(f.hi)];
    for (col, v) in [
        ("actor_id", f.actor_id),
        ("area", f.area),
        ("action", f.action),
        ("result", f.result),
    ] {
        if let Some(v) = v {
            sql.push_str(&format!(" AND {col} = ?"));
            args.push(Value::Text(v.to_string()));
        }
    }
    (sql, args)
}

/// One page, newest first.
pub fn page(conn: &Connection, f: &Filter<'_>, limit: i64, offset: i64) -> Result<Vec<AuditEntry>> {
    let (w, mut args) = where_clause(f);
    args.push(rusqlite::types::Value::Integer(limit));
    args.push(rusqlite::types::Value::Integer(offset));
    let sql = format!("SELECT * FROM audit_log WHERE {w} ORDER BY seq DESC LIMIT ? OFFSET ?");
    let mut st = conn.prepare_cached(&sql)?;
    let rows = st.query_map(rusqlite::params_from_iter(args), from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// How many entries match, counting no further than `cap`.
pub fn count_capped(conn: &Connection, f: &Filter<'_>, cap: i64) -> Result<i64> {
    let (w, mut args) = where_clause(f);
    args.push(rusqlite::types::Value::Integer(cap));
    let sql = format!("SELECT COUNT(*) FROM (SELECT 1 FROM audit_log WHERE {w} LIMIT ?)");
    Ok(conn.query_row(&sql, rusqlite::params_from_iter(args), |r| r.get(0))?)
}

/// Every entry matching, oldest first (exports, the archive), passed to `each`.
pub fn each(
    conn: &Connection,
    f: &Filter<'_>,
    mut each: impl FnMut(AuditEntry) -> Result<()>,
) -> Result<u64> {
    let (w, args) = where_clause(f);
    let sql = format!("SELECT * FROM audit_log WHERE {w} ORDER BY seq");
    let mut st = conn.prepare(&sql)?;
    let mut rows = st.query(rusqlite::params_from_iter(args))?;
    let mut n = 0;
    while let Some(r) = rows.next()? {
        each(from_row(r)?)?;
        n += 1;
    }
    Ok(n)
}

/// The newest `seq`, 0 when empty.
pub fn max_seq(conn: &Connection) -> Result<i64> {
    Ok(
        conn.query_row("SELECT COALESCE(MAX(seq), 0) FROM audit_log", [], |r| {
            r.get(0)
        })?,
    )
}

/// Lift the append-only guard for the current transaction only: the caller must call
/// [`close_guard`] before committing (the row is never visible to another connection).
pub(crate) fn open_guard(conn: &Connection, reason: &str) -> Result<()> {
    conn.execute(
        "INSERT INTO append_only_guard (reason) VALUES (?1)",
        params![reason],
    )?;
    Ok(())
}

pub(crate) fn close_guard(conn: &Connection) -> Result<()> {
    conn.execute("DELETE FROM append_only_guard", [])?;
    Ok(())
}

/// Delete the entries up to and including `seq` (inside an open guard).
pub(crate) fn delete_through(conn: &Connection, seq: i64) -> Result<u64> {
    Ok(conn.execute("DELETE FROM audit_log WHERE seq <= ?1", params![seq])? as u64)
}

/// Benchmarks: append `rows` as they are, in one transaction (`at` given).
#[doc(hidden)]
pub fn bulk_append(conn: &mut Connection, rows: &[crate::audit_log::BulkAuditRow]) -> Result<()> {
    let tx = conn.transaction()?;
    {
        let mut st = tx.prepare_cached(
            "INSERT INTO audit_log (at, actor_id, actor, actor_role, area, action, target, summary,
                                    result)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        )?;
        for r in rows {
            st.execute(params![
                r.at,
                r.actor_id,
                r.actor,
                r.actor_role,
                r.area,
                r.action,
                r.target,
                r.summary,
                r.result
            ])?;
        }
    }
    tx.commit()?;
    Ok(())
}
