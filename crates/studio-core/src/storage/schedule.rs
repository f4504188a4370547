//! SQL for the reception schedule: duty slots, their delegates, and the published months
//! (migration 011).

use rusqlite::{params, Connection, OptionalExtension, Row};

use crate::error::Result;
use crate::schedule::{DutyDelegate, MonthSummary, Place, ScheduleMonth, Slot, SlotRow};

const SLOT_COLUMNS: &str = "s.id, s.date, s.start_time, s.end_time, s.place, s.place_note, s.note,
    s.non_working_day, s.created_at, s.updated_at, s.version, s.liaison_id,
    (SELECT v.name FROM volunteers v WHERE v.id = s.liaison_id) AS liaison_name,
    EXISTS (SELECT 1 FROM schedule_months m WHERE m.month = s.month
            AND m.published_at IS NOT NULL AND m.deleted_at IS NULL) AS published";

fn weekday_of(date: &str) -> u8 {
    use chrono::Datelike;
    crate::ids::parse_date(date)
        .map(|d| d.weekday().number_from_monday() as u8)
        .unwrap_or(0)
}

/// A slot without its delegates (filled in by [`with_delegates`]).
fn slot_from_row(r: &Row) -> rusqlite::Result<Slot> {
    let place: String = r.get("place")?;
    let date: String = r.get("date")?;
    Ok(Slot {
        id: r.get("id")?,
        weekday: weekday_of(&date),
        date,
        start: r.get("start_time")?,
        end: r.get("end_time")?,
        // The column's CHECK admits only the listed codes.
        place: Place::parse(&place).unwrap_or(Place::Studio),
        place_note: r.get("place_note")?,
        note: r.get("note")?,
        non_working_day: r.get("non_working_day")?,
        delegates: Vec::new(),
        liaison: match (
            r.get::<_, Option<String>>("liaison_id")?,
            r.get::<_, Option<String>>("liaison_name")?,
        ) {
            (Some(id), Some(name)) => Some(crate::schedule::SlotLiaison { id, name }),
            _ => None,
        },
        published: r.get("published")?,
        created_at: r.get("created_at")?,
        updated_at: r.get("updated_at")?,
        version: r.get("version")?,
    })
}

/// Fill in the delegates of `slots`, in each slot's order, with their current names and
/// delegations.
fn with_delegates(conn: &Connection, mut slots: Vec<Slot>) -> Result<Vec<Slot>> {
    if slots.is_empty() {
        return Ok(slots);
    }
    let ids = serde_json::to_string(&slots.iter().map(|s| &s.id).collect::<Vec<_>>())
        .unwrap_or_else(|_| "[]".into());
    let mut st = conn.prepare_cached(
        "SELECT sd.slot_id, d.id, d.name, d.delegation_id, COALESCE(g.name, '')
           FROM duty_slot_delegates sd
           JOIN delegates d ON d.id = sd.delegate_id
           LEFT JOIN delegations g ON g.id = d.delegation_id
          WHERE sd.slot_id IN (SELECT value FROM json_each(?1))
          ORDER BY sd.slot_id, sd.position",
    )?;
    let rows = st.query_map([ids], |r| {
        Ok((
            r.get::<_, String>(0)?,
            DutyDelegate {
                id: r.get(1)?,
                name: r.get(2)?,
                delegation_id: r.get(3)?,
                delegation_name: r.get(4)?,
            },
        ))
    })?;
    let mut by_slot: std::collections::HashMap<String, Vec<DutyDelegate>> = Default::default();
    for row in rows {
        let (slot, d) = row?;
        by_slot.entry(slot).or_default().push(d);
    }
    for s in &mut slots {
        s.delegates = by_slot.remove(&s.id).unwrap_or_default();
    }
    Ok(slots)
}

/// A live slot with its delegates.
pub fn get_slot(conn: &Connection, id: &str) -> Result<Option<Slot>> {
    let slot = conn
        .query_row(
            &format!(
                "SELECT {SLOT_COLUMNS} FROM duty_slots s WHERE s.id = ?1 AND s.deleted_at IS NULL"
            ),
            [id],
            slot_from_row,
        )
        .optional()?;
    Ok(match slot {
        Some(s) => with_delegates(conn, vec![s])?.pop(),
        None => None,
    })
}

/// Live slots dated `from..=to` (`YYYY-MM-DD`), in date and time order; only those of published
/// months when `published_only`.
pub fn slots_between(
    conn: &Connection,
    from: &str,
    to: &str,
    published_only: bool,
) -> Result<Vec<Slot>> {
    let mut st = conn.prepare_cached(&format!(
        "SELECT * FROM (SELECT {SLOT_COLUMNS} FROM duty_slots s
          WHERE s.deleted_at IS NULL AND s.date BETWEEN ?1 AND ?2)
          WHERE published OR NOT ?3
          ORDER BY date, start_time, created_at, id"
    ))?;
    let slots = st
        .query_map(params![from, to, published_only], slot_from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    with_delegates(conn, slots)
}

/// Live slots of `delegate_id` dated `from..=to`, in date and time order.
pub fn slots_of_delegate(
    conn: &Connection,
    delegate_id: &str,
    from: &str,
    to: &str,
) -> Result<Vec<Slot>> {
    let mut st = conn.prepare_cached(&format!(
        "SELECT {SLOT_COLUMNS} FROM duty_slots s
          WHERE s.deleted_at IS NULL AND s.date BETWEEN ?2 AND ?3
            AND s.id IN (SELECT slot_id FROM duty_slot_delegates WHERE delegate_id = ?1)
          ORDER BY s.date, s.start_time, s.created_at, s.id"
    ))?;
    let slots = st
        .query_map(params![delegate_id, from, to], slot_from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    with_delegates(conn, slots)
}

/// The first day on or after `from` (and not after `until`) with a live slot; of a published month
/// when `published_only`.
pub fn next_slot_date(
    conn: &Connection,
    from: &str,
    until: &str,
    published_only: bool,
) -> Result<Option<String>> {
    Ok(conn
        .query_row(
            "SELECT s.date FROM duty_slots s
              WHERE s.deleted_at IS NULL AND s.date BETWEEN ?1 AND ?2
                AND (NOT ?3 OR EXISTS (SELECT 1 FROM schedule_months m WHERE m.month = s.month
                     AND m.published_at IS NOT NULL AND m.deleted_at IS NULL))
              ORDER BY s.date LIMIT 1",
            params![from, until, published_only],
            |r| r.get(0),
        )
        .optional()?)
}

/// How many live slots a month (`YYYY-MM`) has.
pub fn slot_count_in_month(conn: &Connection, month: &str) -> Result<u64> {
    let n: i64 = conn.query_row(
        "SELECT COUNT(*) FROM duty_slots WHERE month = ?1 AND deleted_at IS NULL",
        [month],
        |r| r.get(0),
    )?;
    Ok(n as u64)
}

fn write_delegates(conn: &Connection, slot_id: &str, delegate_ids: &[String]) -> Result<()> {
    conn.execute(
        "DELETE FROM duty_slot_delegates WHERE slot_id = ?1",
        [slot_id],
    )?;
    let mut st = conn.prepare_cached(
        "INSERT INTO duty_slot_delegates (slot_id, delegate_id, position) VALUES (?1, ?2, ?3)",
    )?;
    for (i, d) in delegate_ids.iter().enumerate() {
        st.execute(params![slot_id, d, i as i64])?;
    }
    Ok(())
}

/// Write every column of a slot and its delegates: insert a new one, or overwrite a live one but its
/// identity and creation time.
pub fn upsert_slot(conn: &Connection, s: &SlotRow) -> Result<()> {
    let month = s.date.get(..7).unwrap_or_default();
    conn.execute(
        "INSERT INTO duty_slots (id, date, month, start_time, end_time, place, place_note, note,
             non_working_day, created_at, updated_at, version, liaison_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)
         ON CONFLICT(id) DO UPDATE SET date = excluded.date, month = excluded.month,
             start_time = excluded.start_time, end_time = excluded.end_time,
             place = excluded.place, place_note = excluded.place_note, note = excluded.note,
             non_working_day = excluded.non_working_day, updated_at = excluded.updated_at,
             version = excluded.version, liaison_id = excluded.liaison_id
         WHERE duty_slots.deleted_at IS NULL",
        params![
            s.id,
            s.date,
            month,
            s.start,
            s.end,
            s.place.as_str(),
            s.place_note,
            s.note,
            s.non_working_day,
            s.created_at,
            s.updated_at,
            s.version,
            s.liaison_id
        ],
    )?;
    write_delegates(conn, &s.id, &s.delegate_ids)
}

/// Delete (tombstone) a slot; its delegate rows stay behind the tombstone.
pub fn mark_slot_deleted(conn: &Connection, id: &str, at: &str, version: i64) -> Result<()> {
    conn.execute(
        "UPDATE duty_slots SET deleted_at = ?2, updated_at = ?2, version = ?3 WHERE id = ?1",
        params![id, at, version],
    )?;
    Ok(())
}

fn month_from_row(r: &Row) -> rusqlite::Result<ScheduleMonth> {
    let published_at: Option<String> = r.get("published_at")?;
    Ok(ScheduleMonth {
        month: r.get("month")?,
        published: published_at.is_some(),
        published_at,
        published_by: r.get("published_by")?,
        poster_changed: r.get("poster_changed")?,
        poster_printed_at: r.get("poster_printed_at")?,
        version: r.get("version")?,
    })
}

const MONTH_COLUMNS: &str =
    "month, published_at, published_by, poster_changed, poster_printed_at, version";

/// The month's row (`YYYY-MM`), if it was ever published.
pub fn get_month(conn: &Connection, month: &str) -> Result<Option<ScheduleMonth>> {
    Ok(conn
        .query_row(
            &format!("SELECT {MONTH_COLUMNS} FROM schedule_months WHERE month = ?1 AND deleted_at IS NULL"),
            [month],
            month_from_row,
        )
        .optional()?)
}

/// Write a month's row (`at`: now, for the row's bookkeeping times).
pub fn upsert_month(conn: &Connection, m: &ScheduleMonth, at: &str) -> Result<()> {
    conn.execute(
        "INSERT INTO schedule_months (month, published_at, published_by, poster_changed,
             poster_printed_at, created_at, updated_at, version)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6, ?7)
         ON CONFLICT(month) DO UPDATE SET published_at = excluded.published_at,
             published_by = excluded.published_by, poster_changed = excluded.poster_changed,
             poster_printed_at = excluded.poster_printed_at, updated_at = excluded.updated_at,
             version = excluded.version, deleted_at = NULL",
        params![
            m.month,
            m.published_at,
            m.published_by,
            m.poster_changed,
            m.poster_printed_at,
            at,
            m.version
        ],
    )?;
    Ok(())
}

/// The published months (`YYYY-MM`), newest first.
pub fn published_months(conn: &Connection) -> Result<Vec<ScheduleMonth>> {
    let mut st = conn.prepare_cached(&format!(
        "SELECT {MONTH_COLUMNS} FROM schedule_months
          WHERE published_at IS NOT NULL AND deleted_at IS NULL ORDER BY month DESC"
    ))?;
    let rows = st.query_map([], month_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Every month that has live slots or a row, newest first, with its slot count.
pub fn month_summaries(conn: &Connection) -> Result<Vec<MonthSummary>> {
    let mut st = conn.prepare_cached(
        "WITH counts AS (SELECT month, COUNT(*) AS n FROM duty_slots WHERE deleted_at IS NULL
                         GROUP BY month),
              months AS (SELECT month FROM counts
                         UNION SELECT month FROM schedule_months WHERE deleted_at IS NULL)
         SELECT months.month AS month, m.published_at, m.published_by,
                COALESCE(m.poster_changed, 0) AS poster_changed, m.poster_printed_at,
                COALESCE(m.version, 0) AS version, COALESCE(c.n, 0) AS n
           FROM months
           LEFT JOIN schedule_months m ON m.month = months.month AND m.deleted_at IS NULL
           LEFT JOIN counts c ON c.month = months.month
          ORDER BY months.month DESC",
    )?;
    let rows = st.query_map([], |r| {
        Ok(MonthSummary {
            month: month_from_row(r)?,
            slot_count: r.get("n")?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
