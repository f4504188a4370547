//! SQL of 活动调研 (activities): the row, its delegates, invited units, linked items and attachments.

use rusqlite::{params, Connection, OptionalExtension, Row};

use super::linked::{self, Links};
use crate::activities::{
    Activity, ActivityDelegate, ActivityKind, ActivityRef, Attachment, InvitedUnit,
};
use crate::error::Result;

const COLUMNS: &str = "a.id, a.kind, a.topic, a.start_on, a.end_on, a.place, a.delegation_id,
    COALESCE(g.name, '工作室') AS organiser, a.summary, a.created_at, a.updated_at, a.version";

fn from_row(r: &Row) -> rusqlite::Result<Activity> {
    let kind: String = r.get("kind")?;
    Ok(Activity {
        id: r.get("id")?,
        kind: ActivityKind::parse(&kind).unwrap_or(ActivityKind::Other),
        topic: r.get("topic")?,
        start_on: r.get("start_on")?,
        end_on: r.get("end_on")?,
        place: r.get("place")?,
        delegation_id: r.get("delegation_id")?,
        organiser: r.get("organiser")?,
        delegates: Vec::new(),
        units: Vec::new(),
        summary: r.get("summary")?,
        items: Vec::new(),
        proposals: Vec::new(),
        attachments: Vec::new(),
        created_at: r.get("created_at")?,
        updated_at: r.get("updated_at")?,
        version: r.get("version")?,
    })
}

pub fn insert(conn: &Connection, a: &Activity) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO activities (id, kind, start_on, end_on, delegation_id, topic, place, summary,
                                 created_at, updated_at, version)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    )?
    .execute(params![
        a.id,
        a.kind.as_str(),
        a.start_on,
        a.end_on,
        a.delegation_id,
        a.topic,
        a.place,
        a.summary,
        a.created_at,
        a.updated_at,
        a.version,
    ])?;
    set_children(conn, a)
}

pub fn update(conn: &Connection, a: &Activity) -> Result<()> {
    conn.prepare_cached(
        "UPDATE activities SET kind = ?2, start_on = ?3, end_on = ?4, delegation_id = ?5,
                topic = ?6, place = ?7, summary = ?8, updated_at = ?9, version = ?10
         WHERE id = ?1",
    )?
    .execute(params![
        a.id,
        a.kind.as_str(),
        a.start_on,
        a.end_on,
        a.delegation_id,
        a.topic,
        a.place,
        a.summary,
        a.updated_at,
        a.version,
    ])?;
    set_children(conn, a)
}

/// Rewrite the delegates, units and items of `a`.
fn set_children(conn: &Connection, a: &Activity) -> Result<()> {
    for table in ["activity_delegates", "activity_units"] {
        conn.prepare_cached(&format!("DELETE FROM {table} WHERE activity_id = ?1"))?
            .execute([&a.id])?;
    }
    let mut st = conn.prepare_cached(
        "INSERT INTO activity_delegates (activity_id, delegate_id, position, name)
         VALUES (?1, ?2, ?3, ?4)",
    )?;
    for (i, d) in a.delegates.iter().enumerate() {
        st.execute(params![a.id, d.delegate_id, i as i64, d.name])?;
    }
    let mut st = conn.prepare_cached(
        "INSERT INTO activity_units (activity_id, position, unit, head) VALUES (?1, ?2, ?3, ?4)",
    )?;
    for (i, u) in a.units.iter().enumerate() {
        st.execute(params![a.id, i as i64, u.unit, u.head])?;
    }
    linked::set_items(conn, Links::Activity, &a.id, &a.items)
}

fn complete(conn: &Connection, mut a: Activity) -> Result<Activity> {
    let mut st = conn.prepare_cached(
        "SELECT delegate_id, name FROM activity_delegates WHERE activity_id = ?1 ORDER BY position",
    )?;
    a.delegates = st
        .query_map([&a.id], |r| {
            Ok(ActivityDelegate {
                delegate_id: r.get(0)?,
                name: r.get(1)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut st = conn.prepare_cached(
        "SELECT unit, head FROM activity_units WHERE activity_id = ?1 ORDER BY position",
    )?;
    a.units = st
        .query_map([&a.id], |r| {
            Ok(InvitedUnit {
                unit: r.get(0)?,
                head: r.get(1)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    a.items = linked::items(conn, Links::Activity, &a.id)?;
    let mut st = conn.prepare_cached(
        "SELECT DISTINCT p.id, p.no, p.title, p.status FROM activity_items x
         JOIN proposal_items pi ON pi.item_id = x.item_id
         JOIN proposals p ON p.id = pi.proposal_id AND p.deleted_at IS NULL
         WHERE x.activity_id = ?1 ORDER BY p.no",
    )?;
    a.proposals = st
        .query_map([&a.id], linked::proposal_ref)?
        .collect::<rusqlite::Result<_>>()?;
    a.attachments = attachments(conn, &a.id)?;
    Ok(a)
}

pub fn get(conn: &Connection, id: &str) -> Result<Option<Activity>> {
    let a = conn
        .prepare_cached(&format!(
            "SELECT {COLUMNS} FROM activities a LEFT JOIN delegations g ON g.id = a.delegation_id
             WHERE a.id = ?1 AND a.deleted_at IS NULL"
        ))?
        .query_row([id], from_row)
        .optional()?;
    a.map(|a| complete(conn, a)).transpose()
}

/// Filters the SQL applies (words are matched by the caller).
#[derive(Debug, Default)]
pub struct Filter<'a> {
    pub kind: Option<ActivityKind>,
    /// `Some("")`: the studio's own activities.
    pub delegation_id: Option<&'a str>,
    pub from: Option<&'a str>,
    pub to: Option<&'a str>,
}

/// Every live activity matching `f`, newest first, in full.
pub fn list(conn: &Connection, f: &Filter<'_>) -> Result<Vec<Activity>> {
    let mut st = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM activities a LEFT JOIN delegations g ON g.id = a.delegation_id
         WHERE a.deleted_at IS NULL
           AND (?1 IS NULL OR a.kind = ?1)
           AND (?2 IS NULL OR COALESCE(a.delegation_id, '') = ?2)
           AND (?3 IS NULL OR a.start_on >= ?3)
           AND (?4 IS NULL OR a.start_on <= ?4)
         ORDER BY a.start_on DESC, a.id DESC"
    ))?;
    let rows = st.query_map(
        params![f.kind.map(|k| k.as_str()), f.delegation_id, f.from, f.to],
        from_row,
    )?;
    let list: Vec<Activity> = rows.collect::<rusqlite::Result<_>>()?;
    list.into_iter().map(|a| complete(conn, a)).collect()
}

/// The activities an item was raised at (or linked to), oldest first.
pub fn of_item(conn: &Connection, item_id: &str) -> Result<Vec<ActivityRef>> {
    let mut st = conn.prepare_cached(
        "SELECT a.id, a.kind, a.topic, a.start_on FROM activity_items x
         JOIN activities a ON a.id = x.activity_id AND a.deleted_at IS NULL
         WHERE x.item_id = ?1 ORDER BY a.start_on",
    )?;
    let rows = st.query_map([item_id], |r| {
        let kind: String = r.get(1)?;
        Ok(ActivityRef {
            id: r.get(0)?,
            kind: ActivityKind::parse(&kind).unwrap_or(ActivityKind::Other),
            topic: r.get(2)?,
            start_on: r.get(3)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// `(delegation id, start day)` of every live field survey of a delegation starting in
/// `from..=to`.
pub fn survey_days(conn: &Connection, from: &str, to: &str) -> Result<Vec<(String, String)>> {
    let mut st = conn.prepare_cached(
        "SELECT delegation_id, start_on FROM activities
         WHERE deleted_at IS NULL AND kind = 'field_survey' AND delegation_id IS NOT NULL
           AND start_on >= ?1 AND start_on <= ?2",
    )?;
    let rows = st.query_map([from, to], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

// ---- attachments ----------------------------------------------------------------------------

pub fn attachments(conn: &Connection, activity_id: &str) -> Result<Vec<Attachment>> {
    let mut st = conn.prepare_cached(
        "SELECT id, file_name, size, added_at, added_by FROM activity_attachments
         WHERE activity_id = ?1 AND deleted_at IS NULL ORDER BY added_at, id",
    )?;
    let rows = st.query_map([activity_id], |r| {
        let size: i64 = r.get(2)?;
        Ok(Attachment {
            id: r.get(0)?,
            file_name: r.get(1)?,
            size: size.max(0) as u64,
            added_at: r.get(3)?,
            added_by: r.get(4)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn insert_attachment(
    conn: &Connection,
    activity_id: &str,
    a: &Attachment,
    stored_name: &str,
) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO activity_attachments (id, activity_id, file_name, stored_name, size, added_at,
                                           added_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?
    .execute(params![
        a.id,
        activity_id,
        a.file_name,
        stored_name,
        a.size as i64,
        a.added_at,
        a.added_by
    ])?;
    Ok(())
}

/// `(activity id, stored file name)` of a live attachment.
pub fn attachment_file(conn: &Connection, id: &str) -> Result<Option<(String, String)>> {
    Ok(conn
        .prepare_cached(
            "SELECT activity_id, stored_name FROM activity_attachments
             WHERE id = ?1 AND deleted_at IS NULL",
        )?
        .query_row([id], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?)
}

pub fn remove_attachment(conn: &Connection, id: &str, at: &str) -> Result<()> {
    conn.prepare_cached("UPDATE activity_attachments SET deleted_at = ?2 WHERE id = ?1")?
        .execute([id, at])?;
    Ok(())
}

/// How many live activities there are.
pub fn count(conn: &Connection) -> Result<u64> {
    let n: i64 = conn
        .prepare_cached("SELECT COUNT(*) FROM activities WHERE deleted_at IS NULL")?
        .query_row([], |r| r.get(0))?;
    Ok(n.max(0) as u64)
}
