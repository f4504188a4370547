//! Items SQL: the ledger, its delegates, the timeline and the two full-text indexes.
//!
//! `items_fts` (trigram, 3+ characters) is kept by the triggers of migration 005; `items_bigrams`
//! (2-character words) is written here, on every insert and on every update that changes a
//! searchable text ([`bigrams`]).

use std::collections::HashMap;

use rusqlite::types::Value as SqlValue;
use rusqlite::{params, params_from_iter, Connection, OptionalExtension, Row, ToSql};
use serde_json::Value;

use super::columns::at;
use crate::actor::{Role, Scope};
use crate::cards::CardStatus;
use crate::error::Result;
use crate::items::{
    Item, ItemCategory, ItemCounts, ItemDeadlineState, ItemDelegate, ItemEvent, ItemEventKind,
    ItemListItem, ItemQuery, ItemSort, ItemSource, ItemStatus, ItemView, Referral, Satisfaction,
    SimilarItem,
};
use crate::validate::mask_phone;

/// Characters of the text a similar item shows.
const EXCERPT_CHARS: usize = 60;

/// An item as stored: the public [`Item`] (read-time fields left at their defaults: the service
/// fills `delegates`, `deadline`, `days_left`, `card_filing_due_on`) plus the storage-only columns.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredItem {
    /// The row's integer alias (the full-text indexes' rowid); 0 before the first insert.
    pub rid: i64,
    /// The day the clock started: the receipt day, or the day a 不满意 follow-up reopened it.
    pub clock_start_on: String,
    pub item: Item,
}

// ---- text helpers ---------------------------------------------------------------------------

/// The 2-character index's text for `text`: every overlapping pair of alphanumeric characters,
/// lower-cased, separated by spaces. Runs break at anything else, so a pair never spans
/// punctuation or a space, and a lone character yields nothing ("信息化建设" → "信息 息化 化建 建设";
/// "Wi-Fi 6" → "wi fi"). `items_bigrams` (unicode61 tokenizer) then holds each pair as one token,
/// so a 2-character word matches as one whole token.
pub fn bigrams(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 2);
    let mut prev: Option<char> = None;
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            if let Some(p) = prev {
                if !out.is_empty() {
                    out.push(' ');
                }
                out.push(p);
                out.push(c);
            }
            prev = Some(c);
        } else {
            prev = None;
        }
    }
    out
}

/// An FTS5 string literal: the whole word as one phrase, quotes doubled.
pub fn fts_phrase(s: &str) -> String {
    format!("\"{}\"", s.replace('"', "\"\""))
}

fn searchable(i: &Item) -> [&str; 7] {
    [
        &i.no,
        &i.title,
        &i.content,
        &i.answer,
        &i.feedback,
        i.referral.as_ref().map(|r| r.answer.as_str()).unwrap_or(""),
        &i.person_name,
    ]
}

fn item_grams(i: &Item) -> String {
    searchable(i)
        .iter()
        .map(|t| bigrams(t))
        .filter(|g| !g.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

pub(crate) fn write_bigrams(conn: &Connection, rid: i64, i: &Item) -> Result<()> {
    conn.execute("DELETE FROM items_bigrams WHERE rowid = ?1", [rid])?;
    conn.execute(
        "INSERT INTO items_bigrams (rowid, grams) VALUES (?1, ?2)",
        params![rid, item_grams(i)],
    )?;
    Ok(())
}

fn kind_text(k: ItemEventKind) -> String {
    serde_json::to_value(k)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

// ---- rows -----------------------------------------------------------------------------------

const COLUMNS: &str = "rid, id, no, category, status, source, title, content, person_name,
    person_phone, person_contact, card_id, first_responder, delegate_names, referral_unit,
    referred_on, referral_due_on, referral_answer, referral_answered_on, received_on,
    clock_start_on, limit_days, extension_days, paused_days, paused_since, due_on, answer,
    answered_on, feedback, fed_back_on, satisfaction, follow_up_note, closed_on, decline_reason,
    escalated, chase_count, created_at, updated_at, version, person_consent, publish_ok,
    requested_delegate_id";

fn stored_from_row(r: &Row) -> rusqlite::Result<StoredItem> {
    let category: String = r.get(at!(COLUMNS, "category"))?;
    let status: String = r.get(at!(COLUMNS, "status"))?;
    let source: String = r.get(at!(COLUMNS, "source"))?;
    let satisfaction: Option<String> = r.get(at!(COLUMNS, "satisfaction"))?;
    let unit: String = r.get(at!(COLUMNS, "referral_unit"))?;
    let referral = if unit.is_empty() {
        None
    } else {
        Some(Referral {
            unit,
            referred_on: r
                .get::<_, Option<String>>("referred_on")?
                .unwrap_or_default(),
            due_on: r
                .get::<_, Option<String>>("referral_due_on")?
                .unwrap_or_default(),
            answer: r.get(at!(COLUMNS, "referral_answer"))?,
            answered_on: r.get(at!(COLUMNS, "referral_answered_on"))?,
        })
    };
    // The columns' CHECKs admit only the listed codes.
    Ok(StoredItem {
        rid: r.get(at!(COLUMNS, "rid"))?,
        clock_start_on: r.get(at!(COLUMNS, "clock_start_on"))?,
        item: Item {
            id: r.get(at!(COLUMNS, "id"))?,
            no: r.get(at!(COLUMNS, "no"))?,
            category: ItemCategory::parse(&category).unwrap_or(ItemCategory::PolicyInquiry),
            status: ItemStatus::parse(&status).unwrap_or(ItemStatus::Received),
            source: ItemSource::parse(&source).unwrap_or(ItemSource::Kiosk),
            title: r.get(at!(COLUMNS, "title"))?,
            content: r.get(at!(COLUMNS, "content"))?,
            person_name: r.get(at!(COLUMNS, "person_name"))?,
            person_phone: r.get(at!(COLUMNS, "person_phone"))?,
            person_contact: r.get(at!(COLUMNS, "person_contact"))?,
            person_consent: r.get(at!(COLUMNS, "person_consent"))?,
            publish_ok: r.get(at!(COLUMNS, "publish_ok"))?,
            requested_delegate_id: r.get(at!(COLUMNS, "requested_delegate_id"))?,
            card_id: r.get(at!(COLUMNS, "card_id"))?,
            first_responder: r.get(at!(COLUMNS, "first_responder"))?,
            delegates: Vec::new(),
            referral,
            received_on: r.get(at!(COLUMNS, "received_on"))?,
            limit_days: r.get(at!(COLUMNS, "limit_days"))?,
            extension_days: r.get(at!(COLUMNS, "extension_days"))?,
            paused_days: r.get(at!(COLUMNS, "paused_days"))?,
            paused_since: r.get(at!(COLUMNS, "paused_since"))?,
            due_on: r.get(at!(COLUMNS, "due_on"))?,
            answer: r.get(at!(COLUMNS, "answer"))?,
            answered_on: r.get(at!(COLUMNS, "answered_on"))?,
            feedback: r.get(at!(COLUMNS, "feedback"))?,
            fed_back_on: r.get(at!(COLUMNS, "fed_back_on"))?,
            satisfaction: satisfaction.as_deref().and_then(Satisfaction::parse),
            follow_up_note: r.get(at!(COLUMNS, "follow_up_note"))?,
            closed_on: r.get(at!(COLUMNS, "closed_on"))?,
            decline_reason: r.get(at!(COLUMNS, "decline_reason"))?,
            escalated: r.get(at!(COLUMNS, "escalated"))?,
            chase_count: r.get(at!(COLUMNS, "chase_count"))?,
            deadline: ItemDeadlineState::None,
            days_left: None,
            card_filing_due_on: None,
            created_at: r.get(at!(COLUMNS, "created_at"))?,
            updated_at: r.get(at!(COLUMNS, "updated_at"))?,
            version: r.get(at!(COLUMNS, "version"))?,
        },
    })
}

/// The columns a write sets, with their values (`delegate_names` derived from the delegates).
fn write_values(s: &StoredItem) -> Vec<(&'static str, SqlValue)> {
    let i = &s.item;
    let t = |v: &str| SqlValue::Text(v.to_string());
    let o = |v: &Option<String>| v.clone().map(SqlValue::Text).unwrap_or(SqlValue::Null);
    let n = |v: i64| SqlValue::Integer(v);
    let r = i.referral.as_ref();
    let names = i
        .delegates
        .iter()
        .map(|d| d.name.as_str())
        .collect::<Vec<_>>()
        .join("、");
    vec![
        (":id", t(&i.id)),
        (":no", t(&i.no)),
        (":category", t(i.category.as_str())),
        (":status", t(i.status.as_str())),
        (":source", t(i.source.as_str())),
        (":title", t(&i.title)),
        (":content", t(&i.content)),
        (":person_name", t(&i.person_name)),
        (":person_phone", t(&i.person_phone)),
        (":person_contact", t(&i.person_contact)),
        (
            ":person_consent",
            i.person_consent
                .map(|b| SqlValue::Integer(b.into()))
                .unwrap_or(SqlValue::Null),
        ),
        (":publish_ok", n(i.publish_ok.into())),
        (":requested_delegate_id", o(&i.requested_delegate_id)),
        (":card_id", o(&i.card_id)),
        (":first_responder", t(&i.first_responder)),
        (":delegate_names", SqlValue::Text(names)),
        (
            ":referral_unit",
            t(r.map(|r| r.unit.as_str()).unwrap_or("")),
        ),
        (":referred_on", o(&r.map(|r| r.referred_on.clone()))),
        (":referral_due_on", o(&r.map(|r| r.due_on.clone()))),
        (
            ":referral_answer",
            t(r.map(|r| r.answer.as_str()).unwrap_or("")),
        ),
        (
            ":referral_answered_on",
            o(&r.and_then(|r| r.answered_on.clone())),
        ),
        (":received_on", t(&i.received_on)),
        (":clock_start_on", t(&s.clock_start_on)),
        (":limit_days", n(i.limit_days.into())),
        (":extension_days", n(i.extension_days.into())),
        (":paused_days", n(i.paused_days.into())),
        (":paused_since", o(&i.paused_since)),
        (":due_on", o(&i.due_on)),
        (":answer", t(&i.answer)),
        (":answered_on", o(&i.answered_on)),
        (":feedback", t(&i.feedback)),
        (":fed_back_on", o(&i.fed_back_on)),
        (
            ":satisfaction",
            o(&i.satisfaction.map(|s| s.as_str().to_string())),
        ),
        (":follow_up_note", t(&i.follow_up_note)),
        (":closed_on", o(&i.closed_on)),
        (":decline_reason", t(&i.decline_reason)),
        (":escalated", n(i.escalated.into())),
        (":chase_count", n(i.chase_count.into())),
        (":created_at", t(&i.created_at)),
        (":updated_at", t(&i.updated_at)),
        (":version", n(i.version)),
    ]
}

fn execute_named(conn: &Connection, sql: &str, values: &[(&'static str, SqlValue)]) -> Result<()> {
    let refs: Vec<(&str, &dyn ToSql)> = values.iter().map(|(k, v)| (*k, v as &dyn ToSql)).collect();
    conn.prepare_cached(sql)?.execute(refs.as_slice())?;
    Ok(())
}

/// Insert a new item with its delegates and its bigrams; returns its `rid`.
pub fn insert_item(conn: &Connection, s: &StoredItem) -> Result<i64> {
    let values = write_values(s);
    let cols: Vec<&str> = values.iter().map(|(k, _)| &k[1..]).collect();
    let names: Vec<&str> = values.iter().map(|(k, _)| *k).collect();
    let sql = format!(
        "INSERT INTO items ({}) VALUES ({})",
        cols.join(", "),
        names.join(", ")
    );
    execute_named(conn, &sql, &values)?;
    let rid = conn.last_insert_rowid();
    write_bigrams(conn, rid, &s.item)?;
    replace_delegates(conn, &s.item.id, &s.item.delegates)?;
    Ok(rid)
}

/// Overwrite a live item's columns (not its identity or number's row alias) with `after`; the
/// bigrams are rewritten when a searchable text changed, the delegates when they changed.
pub fn update_item(conn: &Connection, before: &StoredItem, after: &StoredItem) -> Result<()> {
    let values = write_values(after);
    let sets: Vec<String> = values
        .iter()
        .filter(|(k, _)| *k != ":id" && *k != ":created_at")
        .map(|(k, _)| format!("{} = {k}", &k[1..]))
        .collect();
    let sql = format!(
        "UPDATE items SET {} WHERE id = :id AND deleted_at IS NULL",
        sets.join(", ")
    );
    let values: Vec<_> = values
        .into_iter()
        .filter(|(k, _)| *k != ":created_at")
        .collect();
    execute_named(conn, &sql, &values)?;
    if searchable(&before.item) != searchable(&after.item) {
        write_bigrams(conn, before.rid, &after.item)?;
    }
    if before.item.delegates != after.item.delegates {
        replace_delegates(conn, &after.item.id, &after.item.delegates)?;
    }
    Ok(())
}

fn replace_delegates(conn: &Connection, item_id: &str, ds: &[ItemDelegate]) -> Result<()> {
    conn.execute("DELETE FROM item_delegates WHERE item_id = ?1", [item_id])?;
    let mut st = conn.prepare_cached(
        "INSERT INTO item_delegates (item_id, delegate_id, position, name, delegation_id,
                                     delegation_name, head_name)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    for (pos, d) in ds.iter().enumerate() {
        st.execute(params![
            item_id,
            d.delegate_id,
            pos as i64,
            d.name,
            d.delegation_id,
            d.delegation_name,
            d.head_name
        ])?;
    }
    Ok(())
}

/// A live item (without its delegates).
pub fn get_item(conn: &Connection, id: &str) -> Result<Option<StoredItem>> {
    Ok(conn
        .prepare_cached(&format!(
            "SELECT {COLUMNS} FROM items WHERE id = ?1 AND deleted_at IS NULL"
        ))?
        .query_row([id], stored_from_row)
        .optional()?)
}

/// A live item with its delegates.
pub fn get_full(conn: &Connection, id: &str) -> Result<Option<StoredItem>> {
    let Some(mut s) = get_item(conn, id)? else {
        return Ok(None);
    };
    s.item.delegates = delegates(conn, id)?;
    Ok(Some(s))
}

/// The columns [`delegate_from_row`] reads, in order (`d` is `item_delegates`).
const DELEGATE_COLUMNS: &str = "d.item_id, d.delegate_id, d.name, d.delegation_id,
    d.delegation_name, d.head_name";

fn delegate_from_row(r: &Row) -> rusqlite::Result<ItemDelegate> {
    Ok(ItemDelegate {
        delegate_id: r.get(at!(DELEGATE_COLUMNS, "delegate_id"))?,
        name: r.get(at!(DELEGATE_COLUMNS, "name"))?,
        delegation_id: r.get(at!(DELEGATE_COLUMNS, "delegation_id"))?,
        delegation_name: r.get(at!(DELEGATE_COLUMNS, "delegation_name"))?,
        head_name: r.get(at!(DELEGATE_COLUMNS, "head_name"))?,
    })
}

/// An item's delegates, in the order given.
pub fn delegates(conn: &Connection, item_id: &str) -> Result<Vec<ItemDelegate>> {
    let mut st = conn.prepare_cached(&format!(
        "SELECT {DELEGATE_COLUMNS} FROM item_delegates d WHERE d.item_id = ?1 ORDER BY d.position"
    ))?;
    let rows = st.query_map([item_id], delegate_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// What an item records of a delegate, from the roster now: the snapshot and, when the delegate
/// has left (离任), the day they left (empty if not recorded). The head is the delegation's head
/// while in office.
pub fn delegate_snapshot(
    conn: &Connection,
    id: &str,
) -> Result<Option<(ItemDelegate, Option<String>)>> {
    Ok(conn
        .prepare_cached(
            "SELECT d.id, d.name, d.status, d.delegation_id, COALESCE(g.name, '') AS gname,
                    COALESCE(h.name, '') AS hname, COALESCE(d.left_on, '') AS left_on
             FROM delegates d
             LEFT JOIN delegations g ON g.id = d.delegation_id AND g.deleted_at IS NULL
             LEFT JOIN delegates h ON h.id = g.head_delegate_id AND h.deleted_at IS NULL
                                  AND h.status = 'active'
             WHERE d.id = ?1 AND d.deleted_at IS NULL",
        )?
        .query_row([id], |r| {
            let status: String = r.get(2)?;
            Ok((
                ItemDelegate {
                    delegate_id: r.get(0)?,
                    name: r.get(1)?,
                    delegation_id: r.get(3)?,
                    delegation_name: r.get(4)?,
                    head_name: r.get(5)?,
                },
                (status == "left")
                    .then(|| r.get::<_, String>(6))
                    .transpose()?,
            ))
        })
        .optional()?)
}

/// The next free number of `year`: `2026-0001`, `2026-0002`, … Call inside the write's
/// transaction.
pub fn next_no(conn: &Connection, year: i32) -> Result<String> {
    super::next_year_no(conn, super::NumberedTable::Items, year)
}

/// The live item linked to a card: `(id, no)`.
pub fn item_of_card(conn: &Connection, card_id: &str) -> Result<Option<(String, String)>> {
    Ok(conn
        .prepare_cached(
            "SELECT id, no FROM items WHERE card_id = ?1 AND deleted_at IS NULL
             ORDER BY rid LIMIT 1",
        )?
        .query_row([card_id], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?)
}

/// A live card's status.
pub fn card_status(conn: &Connection, card_id: &str) -> Result<Option<CardStatus>> {
    let s: Option<String> = conn
        .prepare_cached("SELECT status FROM cards WHERE id = ?1 AND deleted_at IS NULL")?
        .query_row([card_id], |r| r.get(0))
        .optional()?;
    Ok(s.as_deref().and_then(CardStatus::parse))
}

/// Live items not closed or declined, with their delegates left empty (due-date recomputation).
pub fn open_items(conn: &Connection) -> Result<Vec<StoredItem>> {
    let mut st = conn.prepare_cached(&format!("SELECT {COLUMNS} FROM items WHERE {LIVE_OPEN}"))?;
    let rows = st.query_map([], stored_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// How many items [`open_items`] returns (from the `items_status` index): a calendar change's
/// progress total, known before the rows are read.
pub fn count_open_items(conn: &Connection) -> Result<usize> {
    let n: i64 = conn
        .prepare_cached(&format!("SELECT COUNT(*) FROM items WHERE {LIVE_OPEN}"))?
        .query_row([], |r| r.get(0))?;
    Ok(n as usize)
}

/// Live items not closed or declined: those whose due date the calendar decides.
const LIVE_OPEN: &str = "status IN ('received', 'assigned', 'in_progress', 'answered', 'fed_back')
           AND deleted_at IS NULL";

/// Set only the due date (a calendar change), bumping the version.
pub fn set_due_on(
    conn: &Connection,
    id: &str,
    due_on: Option<&str>,
    updated_at: &str,
    version: i64,
) -> Result<()> {
    conn.prepare_cached(
        "UPDATE items SET due_on = ?2, updated_at = ?3, version = ?4
         WHERE id = ?1 AND deleted_at IS NULL",
    )?
    .execute(params![id, due_on, updated_at, version])?;
    Ok(())
}

/// Live items received in `from..=to`, oldest first, with their delegates.
pub fn items_received_between(conn: &Connection, from: &str, to: &str) -> Result<Vec<StoredItem>> {
    let mut by_item: HashMap<String, Vec<ItemDelegate>> = HashMap::new();
    {
        let mut st = conn.prepare_cached(&format!(
            "SELECT {DELEGATE_COLUMNS} FROM item_delegates d JOIN items i ON i.id = d.item_id
             WHERE i.received_on BETWEEN ?1 AND ?2 AND i.deleted_at IS NULL
             ORDER BY d.item_id, d.position"
        ))?;
        let mut rows = st.query(params![from, to])?;
        while let Some(r) = rows.next()? {
            let item_id: String = r.get(at!(DELEGATE_COLUMNS, "item_id"))?;
            by_item
                .entry(item_id)
                .or_default()
                .push(delegate_from_row(r)?);
        }
    }
    let mut st = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM items
         WHERE received_on BETWEEN ?1 AND ?2 AND deleted_at IS NULL
         ORDER BY received_on, rid"
    ))?;
    let rows = st.query_map(params![from, to], stored_from_row)?;
    let mut out = Vec::new();
    for s in rows {
        let mut s = s?;
        s.item.delegates = by_item.remove(&s.item.id).unwrap_or_default();
        out.push(s);
    }
    Ok(out)
}

pub fn count_items(conn: &Connection) -> Result<u64> {
    let n: i64 = conn.query_row(
        "SELECT COUNT(*) FROM items WHERE deleted_at IS NULL",
        [],
        |r| r.get(0),
    )?;
    Ok(n as u64)
}

/// How many live items `scope` reaches.
pub fn count_items_reached(conn: &Connection, scope: &Scope) -> Result<u64> {
    let mut args = Vec::new();
    let reach = reach_term(scope, &mut args);
    let n: i64 = conn.query_row(
        &format!("SELECT COUNT(*) FROM items i WHERE i.deleted_at IS NULL{reach}"),
        params_from_iter(args.iter()),
        |r| r.get(0),
    )?;
    Ok(n as u64)
}

/// The items `scope` reaches (through their delegates) as an `AND …` term over `items i`, binding
/// its value in `args`; empty for every item.
pub(crate) fn reach_term(scope: &Scope, args: &mut Vec<SqlValue>) -> String {
    let (column, value) = match scope {
        Scope::All => return String::new(),
        // Not a bare `AND 0`: next to an `INDEXED BY` that leaves SQLite with no query plan.
        Scope::Nothing => return " AND EXISTS (SELECT 1 FROM item_delegates r WHERE 0)".into(),
        Scope::Delegation(g) => ("delegation_id", g),
        Scope::Delegate(d) => ("delegate_id", d),
    };
    args.push(SqlValue::Text(value.clone()));
    format!(
        " AND EXISTS (SELECT 1 FROM item_delegates r WHERE r.item_id = i.id AND r.{column} = ?{})",
        args.len()
    )
}

// ---- the timeline ---------------------------------------------------------------------------

/// Append one timeline entry (the table refuses UPDATE and DELETE).
pub fn insert_event(conn: &Connection, e: &ItemEvent) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO item_events (id, item_id, at, on_date, actor, actor_role, kind, status, text,
                                  data)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?
    .execute(params![
        e.id,
        e.item_id,
        e.at,
        e.on,
        e.actor,
        e.actor_role.code(),
        kind_text(e.kind),
        e.status.as_str(),
        e.text,
        e.data.to_string(),
    ])?;
    Ok(())
}

/// An item's timeline, oldest first.
pub fn events(conn: &Connection, item_id: &str) -> Result<Vec<ItemEvent>> {
    let mut st = conn.prepare_cached(
        "SELECT id, item_id, at, on_date, actor, actor_role, kind, status, text, data
         FROM item_events WHERE item_id = ?1 ORDER BY seq",
    )?;
    let rows = st.query_map([item_id], |r| {
        let role: String = r.get(5)?;
        let kind: String = r.get(6)?;
        let status: String = r.get(7)?;
        let data: String = r.get(9)?;
        Ok(ItemEvent {
            id: r.get(0)?,
            item_id: r.get(1)?,
            at: r.get(2)?,
            on: r.get(3)?,
            actor: r.get(4)?,
            actor_role: serde_json::from_value(Value::String(role)).unwrap_or(Role::System),
            kind: serde_json::from_value(Value::String(kind)).unwrap_or(ItemEventKind::Note),
            status: ItemStatus::parse(&status).unwrap_or(ItemStatus::Received),
            text: r.get(8)?,
            data: serde_json::from_str(&data).unwrap_or(Value::Null),
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

// ---- the list -------------------------------------------------------------------------------

/// The running (before the answer, not paused) condition, word for word the WHERE of the partial
/// index `items_running`, so the planner can use it.
const RUNNING: &str =
    "i.status IN ('received', 'assigned', 'in_progress') AND i.paused_since IS NULL";
const OPEN: &str = "i.status IN ('received', 'assigned', 'in_progress', 'answered', 'fed_back')";
/// Referred, the unit's deadline set and unanswered, the item before its answer (`items_unit_overdue`).
const UNIT_WAITING: &str = "i.referral_due_on IS NOT NULL AND i.referral_answered_on IS NULL
     AND i.status IN ('received', 'assigned', 'in_progress')";

/// 待分派: from the kiosk or the online studio, no delegate, before the answer; word for word the
/// WHERE of the partial index `items_unrouted` (migration 012).
const UNROUTED: &str = "i.source IN ('kiosk', 'online') AND i.delegate_names = ''
      AND i.status IN ('received', 'assigned', 'in_progress')";

/// The days a list query needs, computed by the service with the working-day calendar.
#[derive(Debug, Clone)]
pub struct ListDays {
    /// `YYYY-MM-DD`.
    pub today: String,
    /// The first day no longer *due soon* (`items::deadline::soon_limit`).
    pub soon_limit: String,
    /// Paused on or before this day is a long pause (`items::deadline::long_pause_since`).
    pub long_pause_since: String,
}

/// One search word as a WHERE term over `items i`, binding its value in `args`.
fn word_term(word: &str, args: &mut Vec<SqlValue>) -> String {
    let n = word.chars().count();
    if n >= 3 {
        args.push(SqlValue::Text(fts_phrase(word)));
        format!(
            "i.rid IN (SELECT rowid FROM items_fts WHERE items_fts MATCH ?{})",
            args.len()
        )
    } else if n == 2 && word.chars().all(char::is_alphanumeric) {
        args.push(SqlValue::Text(fts_phrase(&bigrams(word))));
        format!(
            "i.rid IN (SELECT rowid FROM items_bigrams WHERE items_bigrams MATCH ?{})",
            args.len()
        )
    } else if n == 1 {
        // One character says nothing in a long text (every item holds 的); it finds a surname,
        // a word of a title or a number. The short columns only: no scan of the texts.
        args.push(SqlValue::Text(word.to_lowercase()));
        let k = args.len();
        format!(
            "(instr(lower(i.title), ?{k}) > 0 OR instr(lower(i.person_name), ?{k}) > 0
              OR instr(i.no, ?{k}) > 0)"
        )
    } else {
        args.push(SqlValue::Text(word.to_lowercase()));
        let k = args.len();
        format!(
            "(instr(lower(i.title), ?{k}) > 0 OR instr(lower(i.content), ?{k}) > 0
              OR instr(lower(i.answer), ?{k}) > 0 OR instr(lower(i.feedback), ?{k}) > 0
              OR instr(lower(i.referral_answer), ?{k}) > 0
              OR instr(lower(i.person_name), ?{k}) > 0 OR instr(i.no, ?{k}) > 0)"
        )
    }
}

fn list_row(r: &Row) -> rusqlite::Result<ListRow> {
    let category: String = r.get("category")?;
    let status: String = r.get("status")?;
    let source: String = r.get("source")?;
    let phone: String = r.get("person_phone")?;
    Ok((
        ItemListItem {
            id: r.get("id")?,
            no: r.get("no")?,
            category: ItemCategory::parse(&category).unwrap_or(ItemCategory::PolicyInquiry),
            status: ItemStatus::parse(&status).unwrap_or(ItemStatus::Received),
            source: ItemSource::parse(&source).unwrap_or(ItemSource::Kiosk),
            title: r.get("title")?,
            person_name: r.get("person_name")?,
            person_phone_masked: mask_phone(&phone),
            first_responder: r.get("first_responder")?,
            delegate_names: r.get("delegate_names")?,
            referral_unit: r.get("referral_unit")?,
            received_on: r.get("received_on")?,
            due_on: r.get("due_on")?,
            paused_since: r.get("paused_since")?,
            deadline: ItemDeadlineState::None,
            days_left: None,
            escalated: r.get("escalated")?,
            chase_count: r.get("chase_count")?,
            updated_at: r.get("updated_at")?,
        },
        r.get("answered_on")?,
    ))
}

/// A list row and its item's answer day (the service computes the deadline state from it).
pub type ListRow = (ItemListItem, Option<String>);

const LIST_COLUMNS: &str = "i.id, i.no, i.category, i.status, i.source, i.title, i.person_name,
    i.person_phone, i.first_responder, i.delegate_names, i.referral_unit, i.received_on, i.due_on,
    i.paused_since, i.answered_on, i.escalated, i.chase_count, i.updated_at";

/// The WHERE clause (over `items i`) and its bound values for a query. Dates in `q` are already
/// checked by the service. `by_code`: the item a query code typed as the search text was given
/// for; it stands in for the words.
fn list_where(q: &ItemQuery, days: &ListDays, by_code: Option<&str>) -> (String, Vec<SqlValue>) {
    let mut args: Vec<SqlValue> = Vec::new();
    let mut wh = vec!["i.deleted_at IS NULL".to_string()];
    fn bind(args: &mut Vec<SqlValue>, v: &str) -> usize {
        args.push(SqlValue::Text(v.to_string()));
        args.len()
    }
    let text = |s: &Option<String>| {
        s.as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
    };
    if let Some(id) = by_code {
        let n = bind(&mut args, id);
        wh.push(format!("i.id = ?{n}"));
    } else {
        for word in q.q.split_whitespace() {
            let term = word_term(word, &mut args);
            wh.push(term);
        }
    }
    if let Some(s) = q.status {
        let n = bind(&mut args, s.as_str());
        wh.push(format!("i.status = ?{n}"));
    }
    if let Some(c) = q.category {
        let n = bind(&mut args, c.as_str());
        wh.push(format!("i.category = ?{n}"));
    }
    if let Some(s) = q.source {
        let n = bind(&mut args, s.as_str());
        wh.push(format!("i.source = ?{n}"));
    }
    if let Some(id) = text(&q.delegate_id) {
        let n = bind(&mut args, &id);
        wh.push(format!(
            "EXISTS (SELECT 1 FROM item_delegates d WHERE d.item_id = i.id AND d.delegate_id = ?{n})"
        ));
    }
    if let Some(id) = text(&q.delegation_id) {
        let n = bind(&mut args, &id);
        wh.push(format!(
            "EXISTS (SELECT 1 FROM item_delegates d WHERE d.item_id = i.id
                     AND d.delegation_id = ?{n})"
        ));
    }
    let unit = q.unit.trim();
    if !unit.is_empty() {
        let n = bind(&mut args, unit);
        wh.push(format!("instr(i.referral_unit, ?{n}) > 0"));
    }
    match q.view {
        None => {}
        Some(ItemView::Open) => wh.push(OPEN.into()),
        Some(ItemView::Overdue) => {
            let n = bind(&mut args, &days.today);
            wh.push(format!("{RUNNING} AND i.due_on < ?{n}"));
        }
        Some(ItemView::DueSoon) => {
            let a = bind(&mut args, &days.today);
            let b = bind(&mut args, &days.soon_limit);
            wh.push(format!(
                "{RUNNING} AND i.due_on >= ?{a} AND i.due_on < ?{b}"
            ));
        }
        Some(ItemView::Paused) => wh.push("i.paused_since IS NOT NULL".into()),
        Some(ItemView::LongPaused) => {
            let n = bind(&mut args, &days.long_pause_since);
            wh.push(format!("i.paused_since <= ?{n}"));
        }
        Some(ItemView::Escalated) => wh.push(format!("i.escalated = 1 AND {OPEN}")),
        Some(ItemView::UnitOverdue) => {
            let n = bind(&mut args, &days.today);
            wh.push(format!("{UNIT_WAITING} AND i.referral_due_on < ?{n}"));
        }
    }
    if q.unrouted {
        wh.push(UNROUTED.into());
    }
    for (value, sql) in [
        (&q.from, "i.received_on >="),
        (&q.to, "i.received_on <="),
        (&q.closed_from, "i.closed_on >="),
        (&q.closed_to, "i.closed_on <="),
    ] {
        if let Some(v) = text(value) {
            let n = bind(&mut args, &v);
            wh.push(format!("{sql} ?{n}"));
        }
    }
    (wh.join(" AND "), args)
}

/// One page of the ledger and the total matching it. Rows come back with the answer day beside
/// them (the service computes the deadline state from it). The COUNT runs only when the page is
/// full or not the first: a short first page is the whole result. `by_code`: the item whose query
/// code is the search text (found by the service in `query_codes`): it replaces the text search.
pub fn list_items(
    conn: &Connection,
    q: &ItemQuery,
    days: &ListDays,
    by_code: Option<&str>,
) -> Result<(Vec<ListRow>, u64)> {
    let (where_sql, mut args) = list_where(q, days, by_code);
    // Each order is an index's order (`items_received`, `items_due` / `items_running`,
    // `items_updated`), so SQLite walks it and stops after the page. Every item has a due date (it
    // is set on receipt), so "no due date last" needs no term of its own.
    let order = match q.sort {
        ItemSort::ReceivedDesc => "i.received_on DESC, i.rid DESC",
        ItemSort::ReceivedAsc => "i.received_on, i.rid",
        ItemSort::DueAsc => "i.due_on, i.rid",
        ItemSort::UpdatedDesc => "i.updated_at DESC, i.rid DESC",
    };
    let count_args = args.clone();
    let page = q.page.clamped();
    args.push(SqlValue::Integer(q.page.limit()));
    let limit = args.len();
    args.push(SqlValue::Integer(q.page.offset()));
    let offset = args.len();
    // The 督办 views hold a few thousand rows at most: reading them from their partial index and
    // sorting beats walking the whole ledger in receipt order (which SQLite, without statistics,
    // would otherwise pick and which is slow when the matches are old).
    let hint = match q.view {
        // One row by its primary key.
        _ if by_code.is_some() => "",
        Some(ItemView::Overdue | ItemView::DueSoon) => " INDEXED BY items_running",
        Some(ItemView::Escalated) => " INDEXED BY items_escalated",
        Some(ItemView::Paused | ItemView::LongPaused) => " INDEXED BY items_paused",
        Some(ItemView::UnitOverdue) => " INDEXED BY items_unit_overdue",
        // 待分派 holds the few messages nobody routed yet.
        None if q.unrouted => " INDEXED BY items_unrouted",
        // A full-text match: walk the ledger in receipt order, checking each row id against the
        // matches, and stop after the page (rather than read every match and sort them).
        None if q.q.split_whitespace().any(|w| w.chars().count() >= 2)
            && matches!(q.sort, ItemSort::ReceivedDesc | ItemSort::ReceivedAsc) =>
        {
            " INDEXED BY items_received"
        }
        _ => "",
    };
    let sql = if hint.is_empty() || hint == " INDEXED BY items_received" {
        format!(
            "SELECT {LIST_COLUMNS} FROM items i{hint} WHERE {where_sql}
             ORDER BY {order} LIMIT ?{limit} OFFSET ?{offset}"
        )
    } else {
        // Sort the view's row ids (from the index alone when it covers the order), then read
        // only the page's rows.
        format!(
            "SELECT {LIST_COLUMNS} FROM items i WHERE i.rid IN (
                 SELECT i.rid FROM items i{hint} WHERE {where_sql}
                 ORDER BY {order} LIMIT ?{limit} OFFSET ?{offset})
             ORDER BY {order}"
        )
    };
    let mut st = conn.prepare_cached(&sql)?;
    let rows: Vec<_> = st
        .query_map(params_from_iter(args.iter()), list_row)?
        .collect::<rusqlite::Result<_>>()?;
    let total = if page.page == 1 && (rows.len() as i64) < q.page.limit() {
        rows.len() as u64
    } else {
        let sql = count_sql(q, &where_sql, hint, by_code.is_some());
        let n: i64 = conn
            .prepare_cached(&sql)?
            .query_row(params_from_iter(count_args.iter()), |r| r.get(0))?;
        n as u64
    };
    Ok((rows, total))
}

/// The COUNT of the matches of `where_sql` (from [`list_where`]), naming the index SQLite gets
/// wrong on its own. Without ANALYZE statistics it would scan the table rather than an index.
/// With them (an analysed database, such as the benchmarks'), SQLite 3.53 counted a status and
/// category filter by skip-scanning the report index `items_report` (received_on first): 4 ms
/// against 1 ms through `items_status_category`.
fn count_sql(q: &ItemQuery, where_sql: &str, hint: &str, by_code: bool) -> String {
    let terms: Vec<&str> = where_sql.split(" AND ").collect();
    match terms.as_slice() {
        ["i.deleted_at IS NULL"] => {
            format!("SELECT COUNT(*) FROM items i INDEXED BY items_received WHERE {where_sql}")
        }
        // One full-text word and nothing else: the index counts its matches without reading
        // a row; tombstones (if any) are subtracted through their own index.
        ["i.deleted_at IS NULL", fts] if fts.starts_with("i.rid IN (SELECT rowid FROM ") => {
            let matches = &fts["i.rid IN (".len()..fts.len() - 1];
            format!(
                "SELECT (SELECT COUNT(*) FROM ({matches}))
                      - (SELECT COUNT(*) FROM items i INDEXED BY items_deleted
                         WHERE i.deleted_at IS NOT NULL AND {fts})"
            )
        }
        _ => {
            // The filter's own index, unless words or a code narrow the rows better (their
            // matches are read by row id) or a view already named its index.
            let by_filter = if !hint.is_empty() || by_code || !q.q.trim().is_empty() {
                hint
            } else {
                match (q.status.is_some(), q.category.is_some(), q.source.is_some()) {
                    (true, true, _) => " INDEXED BY items_status_category",
                    (true, false, _) => " INDEXED BY items_status",
                    (false, true, _) => " INDEXED BY items_category",
                    (false, false, true) => " INDEXED BY items_source",
                    (false, false, false) => "",
                }
            };
            format!("SELECT COUNT(*) FROM items i{by_filter} WHERE {where_sql}")
        }
    }
}

/// The list row of the live item linked to `card_id`, with its answer day.
pub fn list_row_of_card(conn: &Connection, card_id: &str) -> Result<Option<ListRow>> {
    Ok(conn
        .prepare_cached(&format!(
            "SELECT {LIST_COLUMNS} FROM items i WHERE i.card_id = ?1 AND i.deleted_at IS NULL
             ORDER BY i.rid LIMIT 1"
        ))?
        .query_row([card_id], list_row)
        .optional()?)
}

/// 工作台's figures over the items `scope` reaches; each is one indexed count (two name their
/// index: without ANALYZE statistics SQLite would scan the table for them). `month` is the
/// `(first, last)` day of this month.
pub fn counts(
    conn: &Connection,
    days: &ListDays,
    month: (&str, &str),
    scope: &Scope,
) -> Result<ItemCounts> {
    let n = |v: i64| v.max(0) as u64;
    let mut args: Vec<SqlValue> = [
        days.today.as_str(),
        days.soon_limit.as_str(),
        days.long_pause_since.as_str(),
        month.0,
        month.1,
    ]
    .into_iter()
    .map(|v| SqlValue::Text(v.to_string()))
    .collect();
    let d = reach_term(scope, &mut args);
    let sql = format!(
        "SELECT
           (SELECT COUNT(*) FROM items i INDEXED BY items_status
                 WHERE {OPEN} AND i.deleted_at IS NULL{d}),
           (SELECT COUNT(*) FROM items i INDEXED BY items_running
                 WHERE {RUNNING} AND i.deleted_at IS NULL{d} AND i.due_on >= ?1 AND i.due_on < ?2),
           (SELECT COUNT(*) FROM items i INDEXED BY items_running
                 WHERE {RUNNING} AND i.deleted_at IS NULL{d} AND i.due_on < ?1),
           (SELECT COUNT(*) FROM items i WHERE i.paused_since IS NOT NULL
                 AND i.deleted_at IS NULL{d}),
           (SELECT COUNT(*) FROM items i WHERE i.paused_since <= ?3 AND i.deleted_at IS NULL{d}),
           (SELECT COUNT(*) FROM items i INDEXED BY items_escalated
                 WHERE i.escalated = 1 AND i.deleted_at IS NULL{d} AND {OPEN}),
           (SELECT COUNT(*) FROM items i INDEXED BY items_unit_overdue
                 WHERE {UNIT_WAITING} AND i.deleted_at IS NULL{d} AND i.referral_due_on < ?1),
           (SELECT COUNT(*) FROM items i WHERE i.received_on BETWEEN ?4 AND ?5
                 AND i.deleted_at IS NULL{d}),
           (SELECT COUNT(*) FROM items i WHERE i.closed_on BETWEEN ?4 AND ?5
                 AND i.deleted_at IS NULL{d}),
           (SELECT COUNT(*) FROM items i INDEXED BY items_unrouted
                 WHERE {UNROUTED} AND i.deleted_at IS NULL{d})"
    );
    conn.prepare_cached(&sql)?
        .query_row(params_from_iter(args.iter()), |r| {
            Ok(ItemCounts {
                open: n(r.get(0)?),
                due_soon: n(r.get(1)?),
                overdue: n(r.get(2)?),
                paused: n(r.get(3)?),
                long_paused: n(r.get(4)?),
                escalated: n(r.get(5)?),
                unit_overdue: n(r.get(6)?),
                received_this_month: n(r.get(7)?),
                closed_this_month: n(r.get(8)?),
                unrouted: n(r.get(9)?),
            })
        })
        .map_err(Into::into)
}

/// How many items hold each of `terms` (3-character pieces of the trigram index); a piece no item
/// holds is left out.
pub fn trigram_doc_counts(conn: &Connection, terms: &[String]) -> Result<Vec<(String, u64)>> {
    let mut st = conn.prepare_cached("SELECT doc FROM items_fts_vocab WHERE term = ?1")?;
    let mut out = Vec::with_capacity(terms.len());
    for t in terms {
        let doc: Option<i64> = st.query_row(params![t], |r| r.get(0)).optional()?;
        if let Some(n) = doc {
            out.push((t.clone(), n.max(0) as u64));
        }
    }
    Ok(out)
}

/// Items matching an FTS5 expression over `items_fts` that `scope` reaches, best (bm25) first,
/// without `exclude_id`.
pub fn similar(
    conn: &Connection,
    match_expr: &str,
    exclude_id: Option<&str>,
    limit: u32,
    scope: &Scope,
) -> Result<Vec<SimilarItem>> {
    let mut args = vec![
        SqlValue::Text(match_expr.to_string()),
        exclude_id.map_or(SqlValue::Null, |s| SqlValue::Text(s.to_string())),
        SqlValue::Integer(limit.into()),
    ];
    // A head's or a delegate's matches are taken among their own items only, so the best of
    // theirs are not crowded out by the ledger's.
    let reach = reach_term(scope, &mut args);
    let within = if reach.is_empty() {
        String::new()
    } else {
        format!(" AND rowid IN (SELECT i.rid FROM items i WHERE i.deleted_at IS NULL{reach})")
    };
    let mut st = conn.prepare_cached(&format!(
        "SELECT i.id, i.no, i.title, i.category, i.status, i.received_on,
                substr(i.content, 1, {}) AS head
         FROM (SELECT rowid AS r, rank FROM items_fts WHERE items_fts MATCH ?1{within}
               ORDER BY rank LIMIT ?3 + 1) f
         JOIN items i ON i.rid = f.r
         WHERE i.deleted_at IS NULL AND i.id IS NOT ?2
         ORDER BY f.rank LIMIT ?3",
        EXCERPT_CHARS + 1
    ))?;
    let rows = st.query_map(params_from_iter(args.iter()), |r| {
        let category: String = r.get(3)?;
        let status: String = r.get(4)?;
        let head: String = r.get(6)?;
        let mut excerpt: String = head
            .chars()
            .take(EXCERPT_CHARS)
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect();
        if head.chars().count() > EXCERPT_CHARS {
            excerpt.push('…');
        }
        Ok(SimilarItem {
            id: r.get(0)?,
            no: r.get(1)?,
            title: r.get(2)?,
            category: ItemCategory::parse(&category).unwrap_or(ItemCategory::PolicyInquiry),
            status: ItemStatus::parse(&status).unwrap_or(ItemStatus::Received),
            received_on: r.get(5)?,
            excerpt,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bigrams_of_runs() {
        assert_eq!(bigrams("信息化建设"), "信息 息化 化建 建设");
        assert_eq!(bigrams("Wi-Fi 6"), "wi fi");
        assert_eq!(bigrams("食堂，价格"), "食堂 价格");
        assert_eq!(bigrams("a"), "");
        assert_eq!(bigrams(""), "");
        assert_eq!(bigrams("2026-0001"), "20 02 26 00 00 01");
        assert_eq!(bigrams("ABc"), "ab bc");
    }

    /// An analysed database (as the benchmarks' generated ones are): the ledger's counts of a filtered page go through the filter's index, not a
    /// skip-scan of the report index (which took 4 ms rather than 1).
    #[test]
    fn filtered_counts_use_their_filters_index_in_an_analysed_database() {
        let store = crate::Store::open_in_memory().unwrap();
        crate::demo::bulk_items(&store, &crate::Ctx::system(), 3_000, 42).unwrap();
        let conn = store.writer();
        conn.execute_batch("ANALYZE").unwrap();
        let days = ListDays {
            today: "2026-12-03".into(),
            soon_limit: "2026-12-08".into(),
            long_pause_since: "2026-11-01".into(),
        };
        let cases = [
            (
                Some(ItemStatus::Closed),
                Some(ItemCategory::Hardship),
                None,
                "items_status_category",
            ),
            (Some(ItemStatus::Closed), None, None, "items_status"),
            (None, Some(ItemCategory::Hardship), None, "items_category"),
            (None, None, Some(ItemSource::Kiosk), "items_source"),
        ];
        for (status, category, source, index) in cases {
            let q = ItemQuery {
                status,
                category,
                source,
                ..Default::default()
            };
            let (where_sql, args) = list_where(&q, &days, None);
            let sql = count_sql(&q, &where_sql, "", false);
            let plan: Vec<String> = conn
                .prepare(&format!("EXPLAIN QUERY PLAN {sql}"))
                .unwrap()
                .query_map(params_from_iter(args.iter()), |r| r.get(3))
                .unwrap()
                .collect::<rusqlite::Result<_>>()
                .unwrap();
            assert!(
                plan.iter().any(|p| p.contains(index))
                    && !plan.iter().any(|p| p.contains("items_report")),
                "{status:?} {category:?} {source:?}: {plan:?}"
            );
        }
    }

    #[test]
    fn phrases_escape_quotes() {
        assert_eq!(fts_phrase("a\"b"), "\"a\"\"b\"");
    }
}
