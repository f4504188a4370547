//! SQL for 联络员与志愿者 (migration 016).

use rusqlite::{params, params_from_iter, types::Value, Connection, OptionalExtension, Row};

use crate::error::Result;
use crate::volunteers::{Volunteer, VolunteerRole, VolunteerStatus};

fn from_row(r: &Row) -> rusqlite::Result<Volunteer> {
    let status: String = r.get("political_status")?;
    let role: String = r.get("role")?;
    Ok(Volunteer {
        id: r.get("id")?,
        name: r.get("name")?,
        unit: r.get("unit")?,
        contact: r.get("contact")?,
        // The columns' CHECKs admit only the listed codes.
        political_status: VolunteerStatus::parse(&status).unwrap_or(VolunteerStatus::Other),
        role: VolunteerRole::parse(&role).unwrap_or(VolunteerRole::Volunteer),
        since: r.get("since")?,
        until: r.get("until")?,
        notes: r.get("notes")?,
        created_at: r.get("created_at")?,
        updated_at: r.get("updated_at")?,
        version: r.get("version")?,
    })
}

pub fn upsert(conn: &Connection, v: &Volunteer) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO volunteers (id, name, unit, contact, political_status, role, since, until,
                                 notes, created_at, updated_at, version)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)
         ON CONFLICT(id) DO UPDATE SET name = ?2, unit = ?3, contact = ?4, political_status = ?5,
             role = ?6, since = ?7, until = ?8, notes = ?9, updated_at = ?11, version = ?12",
    )?
    .execute(params![
        v.id,
        v.name,
        v.unit,
        v.contact,
        v.political_status.as_str(),
        v.role.as_str(),
        v.since,
        v.until,
        v.notes,
        v.created_at,
        v.updated_at,
        v.version
    ])?;
    Ok(())
}

pub fn delete(conn: &Connection, id: &str, at: &str, version: i64) -> Result<()> {
    conn.execute(
        "UPDATE volunteers SET deleted_at = ?2, updated_at = ?2, version = ?3 WHERE id = ?1",
        params![id, at, version],
    )?;
    // A slot's liaison who is deleted is no longer named on it.
    conn.execute(
        "UPDATE duty_slots SET liaison_id = NULL WHERE liaison_id = ?1",
        [id],
    )?;
    Ok(())
}

pub fn get(conn: &Connection, id: &str) -> Result<Option<Volunteer>> {
    Ok(conn
        .prepare_cached("SELECT * FROM volunteers WHERE id = ?1 AND deleted_at IS NULL")?
        .query_row([id], from_row)
        .optional()?)
}

#[derive(Debug, Default)]
pub struct Filter<'a> {
    pub words: Vec<&'a str>,
    pub role: Option<VolunteerRole>,
    pub status: Option<VolunteerStatus>,
    /// Serving on this day (`YYYY-MM-DD`).
    pub active_on: Option<&'a str>,
}

/// Liaison officers first, then by political status (party members first), then name.
const ORDER: &str = "CASE role WHEN 'liaison' THEN 0 ELSE 1 END,
    CASE political_status WHEN 'party_member' THEN 0 WHEN 'probationary_member' THEN 1
        WHEN 'activist' THEN 2 WHEN 'league_member' THEN 3 WHEN 'masses' THEN 4 ELSE 5 END,
    name, id";

pub fn list(
    conn: &Connection,
    f: &Filter<'_>,
    limit: i64,
    offset: i64,
) -> Result<(Vec<Volunteer>, u64)> {
    let mut w = vec!["deleted_at IS NULL".to_string()];
    let mut args: Vec<Value> = Vec::new();
    for word in &f.words {
        args.push(Value::Text(word.to_lowercase()));
        let i = args.len();
        w.push(format!(
            "(instr(lower(name), ?{i}) > 0 OR instr(lower(unit), ?{i}) > 0
              OR instr(lower(notes), ?{i}) > 0)"
        ));
    }
    if let Some(r) = f.role {
        args.push(Value::Text(r.as_str().into()));
        w.push(format!("role = ?{}", args.len()));
    }
    if let Some(s) = f.status {
        args.push(Value::Text(s.as_str().into()));
        w.push(format!("political_status = ?{}", args.len()));
    }
    if let Some(day) = f.active_on {
        args.push(Value::Text(day.into()));
        let i = args.len();
        w.push(format!(
            "since <= ?{i} AND (until IS NULL OR until >= ?{i})"
        ));
    }
    let w = w.join(" AND ");
    let total: i64 = conn.query_row(
        &format!("SELECT COUNT(*) FROM volunteers WHERE {w}"),
        params_from_iter(args.iter()),
        |r| r.get(0),
    )?;
    let n = args.len();
    args.push(limit.into());
    args.push(offset.into());
    let rows = conn
        .prepare(&format!(
            "SELECT * FROM volunteers WHERE {w} ORDER BY {ORDER} LIMIT ?{} OFFSET ?{}",
            n + 1,
            n + 2
        ))?
        .query_map(params_from_iter(args.iter()), from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok((rows, total as u64))
}
