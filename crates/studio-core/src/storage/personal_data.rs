//! SQL for requests about a private person's data (`crate::personal_data`): which cards, items and
//! appointments are about them, the rows of every table that mention them, the guarded rewrite of those rows,
//! the full-text indexes rebuilt, and the file compacted so erased bytes leave it.
//!
//! The tables and columns named here are constants of this module, never user input; values are
//! always bound.

use rusqlite::types::Value as SqlValue;
use rusqlite::{params, params_from_iter, Connection};

use crate::error::Result;

/// The cards about the person named `name` (exactly) with, when given, the phone `phone`, oldest
/// contact first. `live_only`: without discarded drafts.
pub fn card_ids(
    conn: &Connection,
    name: &str,
    phone: Option<&str>,
    live_only: bool,
) -> Result<Vec<String>> {
    let mut st = conn.prepare_cached(
        "SELECT id FROM cards
         WHERE person_name = ?1 AND (?2 IS NULL OR person_phone = ?2)
           AND (?3 = 0 OR deleted_at IS NULL)
         ORDER BY contact_date, created_at, id",
    )?;
    let rows = st.query_map(params![name, phone, live_only], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The items raised by the person named `name` (exactly) with, when given, the phone `phone` (as
/// the phone, or inside the contact field), oldest first. `live_only`: without tombstones.
pub fn item_ids(
    conn: &Connection,
    name: &str,
    phone: Option<&str>,
    live_only: bool,
) -> Result<Vec<String>> {
    let mut st = conn.prepare_cached(
        "SELECT id FROM items
         WHERE person_name = ?1
           AND (?2 IS NULL OR person_phone = ?2 OR instr(person_contact, ?2) > 0)
           AND (?3 = 0 OR deleted_at IS NULL)
         ORDER BY received_on, rid",
    )?;
    let rows = st.query_map(params![name, phone, live_only], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The appointments (约见) of the person named `name` (exactly) with, when given, the phone
/// `phone`, by date. `live_only`: without tombstones.
pub fn appointment_ids(
    conn: &Connection,
    name: &str,
    phone: Option<&str>,
    live_only: bool,
) -> Result<Vec<String>> {
    let mut st = conn.prepare_cached(
        "SELECT id FROM appointments
         WHERE person_name = ?1 AND (?2 IS NULL OR person_phone = ?2)
           AND (?3 = 0 OR deleted_at IS NULL)
         ORDER BY date, start_time, created_at, id",
    )?;
    let rows = st.query_map(params![name, phone, live_only], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The ids of a card's amendments.
pub fn amendment_ids(conn: &Connection, card_id: &str) -> Result<Vec<String>> {
    let mut st = conn.prepare_cached("SELECT id FROM card_amendments WHERE card_id = ?1")?;
    let rows = st.query_map([card_id], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The tables erasure rewrites, with the text columns it reads and may change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Table {
    Cards,
    Items,
    Appointments,
    ItemEvents,
    CardAmendments,
    ChangeLog,
    AuditLog,
}

impl Table {
    fn name(self) -> &'static str {
        match self {
            Table::Cards => "cards",
            Table::Items => "items",
            Table::Appointments => "appointments",
            Table::ItemEvents => "item_events",
            Table::CardAmendments => "card_amendments",
            Table::ChangeLog => "change_log",
            Table::AuditLog => "audit_log",
        }
    }

    /// The text columns, in the order [`TextRow::values`] holds them.
    pub fn columns(self) -> &'static [&'static str] {
        match self {
            Table::Cards => &[
                "person_name",
                "person_phone",
                "person_address",
                "person_unit_position",
                "opinion",
                "handling",
                "channel_other",
            ],
            Table::Items => &[
                "person_name",
                "person_phone",
                "person_contact",
                "title",
                "content",
                "answer",
                "feedback",
                "referral_answer",
                "follow_up_note",
                "decline_reason",
            ],
            Table::Appointments => &[
                "person_name",
                "person_phone",
                "place",
                "topic",
                "note",
                "cancel_reason",
            ],
            Table::ItemEvents => &["text", "data"],
            Table::CardAmendments => &["reason", "before", "after"],
            Table::ChangeLog => &["before", "after"],
            Table::AuditLog => &["target", "summary"],
        }
    }

    /// The row's identity as the rest of the program knows it.
    fn key(self) -> &'static str {
        match self {
            Table::AuditLog => "CAST(seq AS TEXT)",
            _ => "id",
        }
    }

    /// Rows that carry a version (cards, items, appointments): erasure bumps it.
    fn versioned(self) -> bool {
        matches!(self, Table::Cards | Table::Items | Table::Appointments)
    }
}

/// One row's text columns as erasure reads them.
#[derive(Debug, Clone)]
pub struct TextRow {
    pub rowid: i64,
    /// `id` (the audit log: its `seq`).
    pub key: String,
    /// The row's version (cards, items, appointments), else 0.
    pub version: i64,
    /// `Table::columns`, in order; `None` for SQL NULL.
    pub values: Vec<Option<String>>,
}

fn select(
    conn: &Connection,
    table: Table,
    where_sql: &str,
    args: &[SqlValue],
) -> Result<Vec<TextRow>> {
    let version = if table.versioned() { "version" } else { "0" };
    let sql = format!(
        "SELECT rowid, {}, {version}, {} FROM {} WHERE {where_sql} ORDER BY rowid",
        table.key(),
        table.columns().join(", "),
        table.name()
    );
    let n = table.columns().len();
    let mut st = conn.prepare(&sql)?;
    let rows = st.query_map(params_from_iter(args.iter()), |r| {
        Ok(TextRow {
            rowid: r.get(0)?,
            key: r.get(1)?,
            version: r.get(2)?,
            values: (0..n)
                .map(|i| r.get::<_, Option<String>>(3 + i))
                .collect::<rusqlite::Result<_>>()?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The rows of `table` whose id is `id` (any state: tombstones included).
pub fn rows_by_id(conn: &Connection, table: Table, id: &str) -> Result<Vec<TextRow>> {
    select(conn, table, "id = ?1", &[SqlValue::Text(id.into())])
}

/// An item's timeline rows.
pub fn event_rows(conn: &Connection, item_id: &str) -> Result<Vec<TextRow>> {
    select(
        conn,
        Table::ItemEvents,
        "item_id = ?1",
        &[SqlValue::Text(item_id.into())],
    )
}

/// The change records of one row (index `change_log_row`).
pub fn change_rows(conn: &Connection, entity: &str, row_id: &str) -> Result<Vec<TextRow>> {
    select(
        conn,
        Table::ChangeLog,
        "entity = ?1 AND row_id = ?2",
        &[SqlValue::Text(entity.into()), SqlValue::Text(row_id.into())],
    )
}

/// The rows of `table` with any of `needles` inside any of its text columns (a scan: erasure is
/// rare and must find every copy).
pub fn rows_mentioning(
    conn: &Connection,
    table: Table,
    needles: &[String],
) -> Result<Vec<TextRow>> {
    if needles.is_empty() {
        return Ok(Vec::new());
    }
    let mut terms = Vec::new();
    for i in 1..=needles.len() {
        for c in table.columns() {
            terms.push(format!("instr({c}, ?{i}) > 0"));
        }
    }
    let args: Vec<SqlValue> = needles.iter().map(|s| SqlValue::Text(s.clone())).collect();
    select(conn, table, &terms.join(" OR "), &args)
}

/// Overwrite some text columns of one row (inside the erasure's guarded transaction: the
/// append-only tables allow it only there). Cards, items and appointments also take the next
/// version and `updated_at`; the update fires the full-text triggers.
pub fn update_row(
    conn: &Connection,
    table: Table,
    row: &TextRow,
    changed: &[(&'static str, Option<String>)],
    updated_at: &str,
) -> Result<()> {
    let mut sets: Vec<String> = Vec::new();
    let mut args: Vec<SqlValue> = Vec::new();
    for (col, v) in changed {
        debug_assert!(table.columns().contains(col));
        args.push(v.clone().map(SqlValue::Text).unwrap_or(SqlValue::Null));
        sets.push(format!("{col} = ?{}", args.len()));
    }
    if table.versioned() {
        args.push(SqlValue::Text(updated_at.into()));
        sets.push(format!("updated_at = ?{}", args.len()));
        args.push(SqlValue::Integer(row.version + 1));
        sets.push(format!("version = ?{}", args.len()));
    }
    args.push(SqlValue::Integer(row.rowid));
    let sql = format!(
        "UPDATE {} SET {} WHERE rowid = ?{}",
        table.name(),
        sets.join(", "),
        args.len()
    );
    conn.execute(&sql, params_from_iter(args.iter()))?;
    Ok(())
}

/// Clear a card's age (erasure: with the name gone, an exact age narrows down who it was).
pub fn clear_card_age(conn: &Connection, card_id: &str) -> Result<bool> {
    Ok(conn.execute(
        "UPDATE cards SET person_age = NULL WHERE id = ?1 AND person_age IS NOT NULL",
        [card_id],
    )? > 0)
}

/// Rewrite an item's 2-character index row from its stored texts; a tombstone's row is dropped.
pub fn rewrite_bigrams(conn: &Connection, item_id: &str) -> Result<()> {
    match crate::storage::items::get_item(conn, item_id)? {
        Some(s) => crate::storage::items::write_bigrams(conn, s.rid, &s.item),
        None => {
            conn.execute(
                "DELETE FROM items_bigrams WHERE rowid = (SELECT rid FROM items WHERE id = ?1)",
                [item_id],
            )?;
            Ok(())
        }
    }
}

/// Rebuild the trigram indexes from their tables and merge the 2-character index into one segment,
/// so no old segment keeps an erased token (an FTS5 delete only marks it until segments merge).
pub fn rebuild_indexes(conn: &Connection) -> Result<()> {
    conn.execute_batch(
        "INSERT INTO cards_fts (cards_fts) VALUES ('rebuild');
         INSERT INTO items_fts (items_fts) VALUES ('rebuild');
         INSERT INTO items_bigrams (items_bigrams) VALUES ('optimize');",
    )?;
    Ok(())
}

/// After an erasure has committed: move the WAL into the file, rewrite the file without free
/// pages (VACUUM), and move that into the file too, truncating the WAL to nothing. `secure_delete`
/// has zeroed what the erasure overwrote; this leaves no old page behind. Returns whether the WAL
/// was emptied (a reader holding an old snapshot can keep it from being truncated).
pub fn compact(conn: &Connection) -> Result<bool> {
    checkpoint(conn)?;
    conn.execute_batch("VACUUM")?;
    checkpoint(conn)
}

/// `PRAGMA wal_checkpoint(TRUNCATE)`: true when it completed.
fn checkpoint(conn: &Connection) -> Result<bool> {
    let busy: i64 = conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| r.get(0))?;
    Ok(busy == 0)
}
