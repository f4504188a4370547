//! SQL for the wall documents (上墙制度, migration 016): one row per kind, seeded with the source
//! document's texts.

use rusqlite::{params, Connection, OptionalExtension, Row};

use crate::error::Result;
use crate::wall::{WallDocRow, WallKind};

fn from_row(r: &Row) -> rusqlite::Result<WallDocRow> {
    let kind: String = r.get("kind")?;
    Ok(WallDocRow {
        // The column's CHECK admits only the listed kinds.
        kind: WallKind::parse(&kind).unwrap_or(WallKind::Rules),
        title: r.get("title")?,
        body: r.get("body")?,
        updated_at: r.get("updated_at")?,
        version: r.get("version")?,
    })
}

pub fn get(conn: &Connection, kind: WallKind) -> Result<Option<WallDocRow>> {
    Ok(conn
        .prepare_cached("SELECT * FROM wall_docs WHERE kind = ?1")?
        .query_row([kind.as_str()], from_row)
        .optional()?)
}

pub fn list(conn: &Connection) -> Result<Vec<WallDocRow>> {
    let mut st = conn.prepare_cached("SELECT * FROM wall_docs")?;
    let mut rows = st
        .query_map([], from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    rows.sort_by_key(|r| WallKind::ALL.iter().position(|k| *k == r.kind));
    Ok(rows)
}

pub fn update(conn: &Connection, d: &WallDocRow) -> Result<()> {
    conn.execute(
        "UPDATE wall_docs SET title = ?2, body = ?3, updated_at = ?4, version = ?5 WHERE kind = ?1",
        params![d.kind.as_str(), d.title, d.body, d.updated_at, d.version],
    )?;
    Ok(())
}
