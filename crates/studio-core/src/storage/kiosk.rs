//! SQL of the visitor kiosk (自助终端) and the online studio: query codes (`query_codes`, migration
//! 012; staff's lookup by code; erasure's blanking of a code's phone digits), the
//! one-message-a-minute and one-request-a-minute bounds, the failed-lookup bound, and the delegates
//! who allow publishing.

use rusqlite::{params, Connection, OptionalExtension};

use crate::error::Result;
use crate::kiosk::QueryKind;

/// One stored query code (the code without its dash).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueryCodeRow {
    pub code: String,
    pub kind: QueryKind,
    pub target_id: String,
    pub phone_last4: String,
    /// UTC, RFC 3339.
    pub created_at: String,
}

/// Store `row` unless its code is taken; `false` when it was (the caller draws another).
pub fn insert_code(conn: &Connection, row: &QueryCodeRow) -> Result<bool> {
    let n = conn
        .prepare_cached(
            "INSERT INTO query_codes (code, kind, target_id, phone_last4, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT(code) DO NOTHING",
        )?
        .execute(params![
            row.code,
            row.kind.as_str(),
            row.target_id,
            row.phone_last4,
            row.created_at
        ])?;
    Ok(n == 1)
}

pub fn get_code(conn: &Connection, code: &str) -> Result<Option<QueryCodeRow>> {
    Ok(conn
        .prepare_cached(
            "SELECT code, kind, target_id, phone_last4, created_at FROM query_codes
             WHERE code = ?1",
        )?
        .query_row([code], |r| {
            let kind: String = r.get(1)?;
            Ok(QueryCodeRow {
                code: r.get(0)?,
                // The column's CHECK admits only the two kinds.
                kind: QueryKind::parse(&kind).unwrap_or(QueryKind::Item),
                target_id: r.get(2)?,
                phone_last4: r.get(3)?,
                created_at: r.get(4)?,
            })
        })
        .optional()?)
}

/// The codes given for one record (oldest first).
pub fn codes_for(conn: &Connection, kind: QueryKind, target_id: &str) -> Result<Vec<String>> {
    let mut st = conn.prepare_cached(
        "SELECT code FROM query_codes WHERE kind = ?1 AND target_id = ?2 ORDER BY created_at",
    )?;
    let rows = st.query_map(params![kind.as_str(), target_id], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// How many visitors' messages (items from the kiosk or the online studio that were given a query
/// code; not items the desk entered) carry `phone` and were created at or after `since` (UTC
/// text): the partial index `items_visitor_phone`.
pub fn messages_since(conn: &Connection, phone: &str, since: &str) -> Result<u64> {
    let n: i64 = conn
        .prepare_cached(
            "SELECT COUNT(*) FROM items i INDEXED BY items_visitor_phone
             WHERE i.source IN ('kiosk', 'online') AND i.deleted_at IS NULL
               AND i.person_phone = ?1 AND i.created_at >= ?2
               AND EXISTS (SELECT 1 FROM query_codes q
                           WHERE q.kind = 'item' AND q.target_id = i.id)",
        )?
        .query_row(params![phone, since], |r| r.get(0))?;
    Ok(n.max(0) as u64)
}

/// How many visitors' appointment requests (from the kiosk or the online studio) carry `phone` and
/// were made at or after `since` (UTC text). Appointments are few (hundreds a year): no index.
pub fn requests_since(conn: &Connection, phone: &str, since: &str) -> Result<u64> {
    let n: i64 = conn
        .prepare_cached(
            "SELECT COUNT(*) FROM appointments
             WHERE source IN ('kiosk', 'online') AND deleted_at IS NULL
               AND person_phone = ?1 AND created_at >= ?2",
        )?
        .query_row(params![phone, since], |r| r.get(0))?;
    Ok(n.max(0) as u64)
}

/// The record a query code (typed any way: see `kiosk::normalize_code`) was given for, when it is
/// of `kind`: staff's search by a visitor's code.
pub fn target_of(conn: &Connection, kind: QueryKind, typed: &str) -> Result<Option<String>> {
    let Some(code) = crate::kiosk::normalize_code(typed) else {
        return Ok(None);
    };
    Ok(conn
        .prepare_cached("SELECT target_id FROM query_codes WHERE code = ?1 AND kind = ?2")?
        .query_row(params![code, kind.as_str()], |r| r.get(0))
        .optional()?)
}

/// Empty the last digits of a code's phone (erasure, inside its guarded transaction): the code
/// stays, so it is never given again, but matches no phone any more. Whether it changed.
pub fn blank_phone_digits(conn: &Connection, code: &str) -> Result<bool> {
    Ok(conn.execute(
        "UPDATE query_codes SET phone_last4 = '' WHERE code = ?1 AND phone_last4 <> ''",
        [code],
    )? > 0)
}

/// How many failed 查询进度 tries `actor_id` made at or after `since` (UTC text): the partial index
/// `audit_log_query_failed`.
pub fn failed_queries_since(conn: &Connection, actor_id: &str, since: &str) -> Result<u64> {
    let n: i64 = conn
        .prepare_cached(
            "SELECT COUNT(*) FROM audit_log INDEXED BY audit_log_query_failed
             WHERE action = 'query_failed' AND actor_id = ?1 AND at >= ?2",
        )?
        .query_row(params![actor_id, since], |r| r.get(0))?;
    Ok(n.max(0) as u64)
}

/// The ids of live delegates in office who agreed to be shown publicly, in roster order.
pub fn published_delegate_ids(conn: &Connection) -> Result<Vec<String>> {
    let mut st = conn.prepare_cached(
        "SELECT id FROM delegates
         WHERE publish_consent = 1 AND status = 'active' AND deleted_at IS NULL
         ORDER BY roster_key, id",
    )?;
    let rows = st.query_map([], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
