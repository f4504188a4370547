//! SQL for the calendar overrides.

use rusqlite::{params, Connection, OptionalExtension, Row};

use crate::calendar::{CalendarOverride, OverrideKind};
use crate::error::Result;

fn from_row(r: &Row) -> rusqlite::Result<(CalendarOverride, Option<String>)> {
    let kind: String = r.get("kind")?;
    Ok((
        CalendarOverride {
            date: r.get("date")?,
            // The column's CHECK admits only the two kinds.
            kind: OverrideKind::parse(&kind).unwrap_or(OverrideKind::Holiday),
            note: r.get("note")?,
            created_at: r.get("created_at")?,
            updated_at: r.get("updated_at")?,
            updated_by: r.get("updated_by")?,
            version: r.get("version")?,
        },
        r.get("deleted_at")?,
    ))
}

/// The row for `date`, live or a tombstone, with its `deleted_at`.
pub fn get_any(
    conn: &Connection,
    date: &str,
) -> Result<Option<(CalendarOverride, Option<String>)>> {
    Ok(conn
        .query_row(
            "SELECT * FROM calendar_overrides WHERE date = ?1",
            [date],
            from_row,
        )
        .optional()?)
}

/// Insert, or overwrite (and revive) the row for the same date.
pub fn upsert(conn: &Connection, o: &CalendarOverride) -> Result<()> {
    conn.execute(
        "INSERT INTO calendar_overrides (date, kind, note, created_at, updated_at, updated_by, version)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
         ON CONFLICT(date) DO UPDATE SET
                kind = excluded.kind, note = excluded.note, created_at = excluded.created_at,
                updated_at = excluded.updated_at, updated_by = excluded.updated_by,
                version = excluded.version, deleted_at = NULL",
        params![
            o.date,
            o.kind.as_str(),
            o.note,
            o.created_at,
            o.updated_at,
            o.updated_by,
            o.version
        ],
    )?;
    Ok(())
}

/// Leave a tombstone: the override no longer applies.
pub fn mark_deleted(conn: &Connection, date: &str, at: &str, by: &str, version: i64) -> Result<()> {
    conn.execute(
        "UPDATE calendar_overrides SET deleted_at = ?2, updated_at = ?2, updated_by = ?3, version = ?4
         WHERE date = ?1",
        params![date, at, by, version],
    )?;
    Ok(())
}

/// Live overrides in date order, of one year or all.
pub fn list(conn: &Connection, year: Option<i32>) -> Result<Vec<CalendarOverride>> {
    let (from, to) = match year {
        Some(y) => (format!("{y:04}-01-01"), format!("{y:04}-12-31")),
        None => ("0000-00-00".to_string(), "9999-99-99".to_string()),
    };
    let mut st = conn.prepare_cached(
        "SELECT * FROM calendar_overrides
         WHERE deleted_at IS NULL AND date BETWEEN ?1 AND ?2
         ORDER BY date",
    )?;
    let rows = st.query_map(params![from, to], |r| from_row(r).map(|(o, _)| o))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
