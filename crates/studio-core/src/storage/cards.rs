//! SQL for contact record cards, their amendments and their full-text index (`cards_fts`, kept in
//! sync by the triggers of migration 003).

use rusqlite::types::Value as SqlValue;
use rusqlite::{params, params_from_iter, Connection, OptionalExtension, Row};

use super::columns::at;
use crate::actor::{Role, Scope};
use crate::cards::{
    Card, CardAmendment, CardCounts, CardListItem, CardQuery, CardSort, CardStatus, Channel,
    DeadlineState, PoliticalStatus,
};
use crate::error::Result;
use crate::roster::Gender;
use crate::validate::mask_phone;

const COLUMNS: &str = "id, delegate_id, delegation_id, delegate_name, delegation_name,
    delegate_unit_position, delegate_phone, contact_date, person_name, person_gender, person_age,
    person_political_status, person_unit_position, person_phone, person_address, group_size,
    channel, channel_other, opinion, handling, feedback_on, filed_on, status, due_on, filed_late,
    amendment_count, created_at, updated_at, version, person_consent, no";

/// Characters of the opinion a list row shows.
const EXCERPT_CHARS: usize = 60;

/// A stored card. `deadline` depends on the day it is read: the service fills it in.
fn card_from_row(r: &Row) -> rusqlite::Result<Card> {
    let gender: Option<String> = r.get(at!(COLUMNS, "person_gender"))?;
    let political: Option<String> = r.get(at!(COLUMNS, "person_political_status"))?;
    let channel: String = r.get(at!(COLUMNS, "channel"))?;
    let status: String = r.get(at!(COLUMNS, "status"))?;
    Ok(Card {
        id: r.get(at!(COLUMNS, "id"))?,
        no: r.get(at!(COLUMNS, "no"))?,
        delegate_id: r.get(at!(COLUMNS, "delegate_id"))?,
        delegation_id: r.get(at!(COLUMNS, "delegation_id"))?,
        delegate_name: r.get(at!(COLUMNS, "delegate_name"))?,
        delegation_name: r.get(at!(COLUMNS, "delegation_name"))?,
        delegate_unit_position: r.get(at!(COLUMNS, "delegate_unit_position"))?,
        delegate_phone: r.get(at!(COLUMNS, "delegate_phone"))?,
        contact_date: r.get(at!(COLUMNS, "contact_date"))?,
        person_name: r.get(at!(COLUMNS, "person_name"))?,
        person_gender: gender.as_deref().and_then(Gender::parse),
        person_age: r.get(at!(COLUMNS, "person_age"))?,
        person_political_status: political.as_deref().and_then(PoliticalStatus::parse),
        person_unit_position: r.get(at!(COLUMNS, "person_unit_position"))?,
        person_phone: r.get(at!(COLUMNS, "person_phone"))?,
        person_address: r.get(at!(COLUMNS, "person_address"))?,
        person_consent: r.get(at!(COLUMNS, "person_consent"))?,
        group_size: r.get(at!(COLUMNS, "group_size"))?,
        // The columns' CHECKs admit only the listed codes.
        channel: Channel::parse(&channel).unwrap_or(Channel::Other),
        channel_other: r.get(at!(COLUMNS, "channel_other"))?,
        opinion: r.get(at!(COLUMNS, "opinion"))?,
        handling: r.get(at!(COLUMNS, "handling"))?,
        feedback_on: r.get(at!(COLUMNS, "feedback_on"))?,
        filed_on: r.get(at!(COLUMNS, "filed_on"))?,
        status: CardStatus::parse(&status).unwrap_or(CardStatus::Draft),
        due_on: r.get(at!(COLUMNS, "due_on"))?,
        filed_late: r.get(at!(COLUMNS, "filed_late"))?,
        amendment_count: r.get(at!(COLUMNS, "amendment_count"))?,
        deadline: DeadlineState::None,
        created_at: r.get(at!(COLUMNS, "created_at"))?,
        updated_at: r.get(at!(COLUMNS, "updated_at"))?,
        version: r.get(at!(COLUMNS, "version"))?,
    })
}

/// A live (not discarded) card.
pub fn get_card(conn: &Connection, id: &str) -> Result<Option<Card>> {
    Ok(conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM cards WHERE id = ?1 AND deleted_at IS NULL"),
            [id],
            card_from_row,
        )
        .optional()?)
}

/// Write every column of a card: insert a new one, or overwrite a live one but its identity and
/// creation time (a discarded card is never brought back by a write).
pub fn upsert_card(conn: &Connection, c: &Card) -> Result<()> {
    conn.execute(
        &format!(
            "INSERT INTO cards ({COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12,
             ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29,
             ?30, ?31)
             ON CONFLICT(id) DO UPDATE SET delegate_id = excluded.delegate_id,
                delegation_id = excluded.delegation_id, delegate_name = excluded.delegate_name,
                delegation_name = excluded.delegation_name,
                delegate_unit_position = excluded.delegate_unit_position,
                delegate_phone = excluded.delegate_phone, contact_date = excluded.contact_date,
                person_name = excluded.person_name, person_gender = excluded.person_gender,
                person_age = excluded.person_age,
                person_political_status = excluded.person_political_status,
                person_unit_position = excluded.person_unit_position,
                person_phone = excluded.person_phone, person_address = excluded.person_address,
                group_size = excluded.group_size, channel = excluded.channel,
                channel_other = excluded.channel_other, opinion = excluded.opinion,
                handling = excluded.handling, feedback_on = excluded.feedback_on,
                filed_on = excluded.filed_on, status = excluded.status, due_on = excluded.due_on,
                filed_late = excluded.filed_late, amendment_count = excluded.amendment_count,
                updated_at = excluded.updated_at, version = excluded.version,
                person_consent = excluded.person_consent
             WHERE cards.deleted_at IS NULL"
        ),
        params![
            c.id,
            c.delegate_id,
            c.delegation_id,
            c.delegate_name,
            c.delegation_name,
            c.delegate_unit_position,
            c.delegate_phone,
            c.contact_date,
            c.person_name,
            c.person_gender.map(Gender::as_str),
            c.person_age,
            c.person_political_status.map(PoliticalStatus::as_str),
            c.person_unit_position,
            c.person_phone,
            c.person_address,
            c.group_size,
            c.channel.as_str(),
            c.channel_other,
            c.opinion,
            c.handling,
            c.feedback_on,
            c.filed_on,
            c.status.as_str(),
            c.due_on,
            c.filed_late,
            c.amendment_count,
            c.created_at,
            c.updated_at,
            c.version,
            c.person_consent,
            c.no,
        ],
    )?;
    Ok(())
}

/// The next free number of `year`: `2026-0001`, `2026-0002`, … (the items' rule, on the cards'
/// own numbers). Call inside the write's transaction.
pub fn next_no(conn: &Connection, year: i32) -> Result<String> {
    super::next_year_no(conn, super::NumberedTable::Cards, year)
}

/// Discard (tombstone) a card.
pub fn mark_deleted(conn: &Connection, id: &str, at: &str, version: i64) -> Result<()> {
    conn.execute(
        "UPDATE cards SET deleted_at = ?2, updated_at = ?2, version = ?3 WHERE id = ?1",
        params![id, at, version],
    )?;
    Ok(())
}

/// Every live card, oldest contact first.
pub fn all_cards(conn: &Connection) -> Result<Vec<Card>> {
    let mut st = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM cards WHERE deleted_at IS NULL ORDER BY contact_date, created_at, id"
    ))?;
    let rows = st.query_map([], card_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Live cards whose contact date is in `from..=to` and that `scope` reaches, oldest first.
pub fn cards_in_period(
    conn: &Connection,
    from: &str,
    to: &str,
    scope: &Scope,
) -> Result<Vec<Card>> {
    let mut args = vec![
        SqlValue::Text(from.to_string()),
        SqlValue::Text(to.to_string()),
    ];
    let reach = reach_term(scope, "c", &mut args);
    let mut st = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM cards c WHERE deleted_at IS NULL AND contact_date BETWEEN ?1 AND ?2
         {reach} ORDER BY contact_date, created_at, id"
    ))?;
    let rows = st.query_map(params_from_iter(args.iter()), card_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The cards `scope` reaches as an `AND …` term over the cards aliased `alias`, binding its value
/// in `args`; empty for every card.
pub(crate) fn reach_term(scope: &Scope, alias: &str, args: &mut Vec<SqlValue>) -> String {
    let (column, value) = match scope {
        Scope::All => return String::new(),
        Scope::Nothing => return " AND 0".to_string(),
        Scope::Delegation(g) => ("delegation_id", g),
        Scope::Delegate(d) => ("delegate_id", d),
    };
    args.push(SqlValue::Text(value.clone()));
    format!(" AND {alias}.{column} = ?{}", args.len())
}

/// Who a card (live or discarded) belongs to: `(delegate_id, delegation_id)`.
pub fn card_owner(conn: &Connection, id: &str) -> Result<Option<(String, String)>> {
    Ok(conn
        .query_row(
            "SELECT delegate_id, delegation_id FROM cards WHERE id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?)
}

/// Live cards that have a feedback date (and so a due date).
pub fn cards_with_feedback(conn: &Connection) -> Result<Vec<Card>> {
    let mut st = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM cards WHERE {WITH_FEEDBACK}"
    ))?;
    let rows = st.query_map([], card_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// How many cards [`cards_with_feedback`] returns: a calendar change's progress total, known before
/// the rows are read.
pub fn count_cards_with_feedback(conn: &Connection) -> Result<usize> {
    let n: i64 = conn
        .prepare_cached(&format!("SELECT COUNT(*) FROM cards WHERE {WITH_FEEDBACK}"))?
        .query_row([], |r| r.get(0))?;
    Ok(n as usize)
}

/// Live cards with a feedback date: those whose due date the calendar decides.
const WITH_FEEDBACK: &str = "deleted_at IS NULL AND feedback_on IS NOT NULL";

/// How many live cards `scope` reaches.
pub fn count_cards(conn: &Connection, scope: &Scope) -> Result<u64> {
    let mut args = Vec::new();
    let reach = reach_term(scope, "c", &mut args);
    let n: i64 = conn.query_row(
        &format!("SELECT COUNT(*) FROM cards c WHERE deleted_at IS NULL{reach}"),
        params_from_iter(args.iter()),
        |r| r.get(0),
    )?;
    Ok(n as u64)
}

// ---- the list -------------------------------------------------------------------------------

/// The deadline state as SQL, over `?1` = today and `?2` = the soon limit (the second working day
/// after today): the same rule as `cards::deadline::state_for_due`, on the stored due date.
const DEADLINE_SQL: &str = "CASE
    WHEN c.due_on IS NULL THEN 'none'
    WHEN c.status = 'submitted' AND c.filed_late = 1 THEN 'filed_late'
    WHEN c.status = 'submitted' THEN 'filed_on_time'
    WHEN c.due_on < ?1 THEN 'overdue'
    WHEN c.due_on < ?2 THEN 'due_soon'
    ELSE 'on_time' END";

fn deadline_code(s: DeadlineState) -> &'static str {
    match s {
        DeadlineState::None => "none",
        DeadlineState::OnTime => "on_time",
        DeadlineState::DueSoon => "due_soon",
        DeadlineState::Overdue => "overdue",
        DeadlineState::FiledOnTime => "filed_on_time",
        DeadlineState::FiledLate => "filed_late",
    }
}

fn parse_deadline(s: &str) -> DeadlineState {
    match s {
        "on_time" => DeadlineState::OnTime,
        "due_soon" => DeadlineState::DueSoon,
        "overdue" => DeadlineState::Overdue,
        "filed_on_time" => DeadlineState::FiledOnTime,
        "filed_late" => DeadlineState::FiledLate,
        _ => DeadlineState::None,
    }
}

/// `%`, `_` and `\` typed by a user are literal characters, not LIKE wildcards.
fn like_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    for c in s.chars() {
        if matches!(c, '%' | '_' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// An FTS5 string literal: the whole word as one phrase, quotes doubled.
fn fts_phrase(s: &str) -> String {
    format!("\"{}\"", s.replace('"', "\"\""))
}

/// Trigrams need at least 3 characters; shorter words are searched with LIKE.
const TRIGRAM: usize = 3;

fn list_item_from_row(r: &Row) -> rusqlite::Result<CardListItem> {
    let channel: String = r.get("channel")?;
    let status: String = r.get("status")?;
    let phone: String = r.get("person_phone")?;
    let deadline: String = r.get("deadline")?;
    let head: String = r.get("opinion_head")?;
    let mut excerpt: String = head
        .chars()
        .take(EXCERPT_CHARS)
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    if head.chars().count() > EXCERPT_CHARS {
        excerpt.push('…');
    }
    Ok(CardListItem {
        id: r.get("id")?,
        no: r.get("no")?,
        delegate_id: r.get("delegate_id")?,
        delegate_name: r.get("delegate_name")?,
        delegation_id: r.get("delegation_id")?,
        delegation_name: r.get("delegation_name")?,
        contact_date: r.get("contact_date")?,
        person_name: r.get("person_name")?,
        person_phone_masked: mask_phone(&phone),
        group_size: r.get("group_size")?,
        channel: Channel::parse(&channel).unwrap_or(Channel::Other),
        channel_other: r.get("channel_other")?,
        opinion_excerpt: excerpt,
        feedback_on: r.get("feedback_on")?,
        filed_on: r.get("filed_on")?,
        status: CardStatus::parse(&status).unwrap_or(CardStatus::Draft),
        due_on: r.get("due_on")?,
        deadline: parse_deadline(&deadline),
        amendment_count: r.get("amendment_count")?,
        updated_at: r.get("updated_at")?,
    })
}

/// One page of the card list and the total matching it, as of `today` (`YYYY-MM-DD`) with
/// `soon_limit` the second working day after it. Dates in `q` are already checked.
pub fn list_cards(
    conn: &Connection,
    q: &CardQuery,
    today: &str,
    soon_limit: &str,
) -> Result<(Vec<CardListItem>, u64)> {
    let mut args: Vec<SqlValue> = vec![
        SqlValue::Text(today.to_string()),
        SqlValue::Text(soon_limit.to_string()),
    ];
    let mut wh = vec!["c.deleted_at IS NULL".to_string()];
    /// Bind one more value; its placeholder number.
    fn push(args: &mut Vec<SqlValue>, v: SqlValue) -> usize {
        args.push(v);
        args.len()
    }
    for word in q.q.split_whitespace() {
        if word.chars().count() >= TRIGRAM {
            let n = push(&mut args, SqlValue::Text(fts_phrase(word)));
            wh.push(format!(
                "c.rid IN (SELECT rowid FROM cards_fts WHERE cards_fts MATCH ?{n})"
            ));
        } else {
            let n = push(
                &mut args,
                SqlValue::Text(format!("%{}%", like_escape(word))),
            );
            wh.push(format!(
                "(c.opinion LIKE ?{n} ESCAPE '\\' OR c.handling LIKE ?{n} ESCAPE '\\'
                  OR c.person_name LIKE ?{n} ESCAPE '\\' OR c.delegate_name LIKE ?{n} ESCAPE '\\'
                  OR c.no LIKE ?{n} ESCAPE '\\')"
            ));
        }
    }
    let text = |s: &Option<String>| {
        s.as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
    };
    if let Some(id) = text(&q.delegate_id) {
        let n = push(&mut args, SqlValue::Text(id));
        wh.push(format!("c.delegate_id = ?{n}"));
    }
    if let Some(id) = text(&q.delegation_id) {
        let n = push(&mut args, SqlValue::Text(id));
        wh.push(format!("c.delegation_id = ?{n}"));
    }
    if let Some(ch) = q.channel {
        let n = push(&mut args, SqlValue::Text(ch.as_str().into()));
        wh.push(format!("c.channel = ?{n}"));
    }
    if let Some(from) = text(&q.from) {
        let n = push(&mut args, SqlValue::Text(from));
        wh.push(format!("c.contact_date >= ?{n}"));
    }
    if let Some(to) = text(&q.to) {
        let n = push(&mut args, SqlValue::Text(to));
        wh.push(format!("c.contact_date <= ?{n}"));
    }
    if let Some(from) = text(&q.filed_from) {
        let n = push(&mut args, SqlValue::Text(from));
        wh.push(format!("c.filed_on >= ?{n}"));
    }
    if let Some(to) = text(&q.filed_to) {
        let n = push(&mut args, SqlValue::Text(to));
        wh.push(format!("c.filed_on <= ?{n}"));
    }
    if let Some(s) = q.status {
        let n = push(&mut args, SqlValue::Text(s.as_str().into()));
        wh.push(format!("c.status = ?{n}"));
    }
    if q.late_only {
        wh.push(format!("({DEADLINE_SQL}) IN ('filed_late', 'overdue')"));
    }
    if let Some(d) = q.deadline {
        let n = push(&mut args, SqlValue::Text(deadline_code(d).into()));
        wh.push(format!("({DEADLINE_SQL}) = ?{n}"));
    }
    let where_sql = wh.join(" AND ");
    let order = match q.sort {
        CardSort::ContactDesc => "c.contact_date DESC, c.created_at DESC, c.id DESC",
        CardSort::ContactAsc => "c.contact_date, c.created_at",
        CardSort::DueAsc => "c.due_on IS NULL, c.due_on, c.contact_date",
        CardSort::UpdatedDesc => "c.updated_at DESC, c.id DESC",
    };
    // ?1 and ?2 are always bound, so the statement must name them even when no filter uses them.
    let total: i64 = conn.query_row(
        &format!(
            "SELECT COUNT(*) FROM cards c WHERE {where_sql} AND ?1 IS NOT NULL AND ?2 IS NOT NULL"
        ),
        params_from_iter(args.iter()),
        |r| r.get(0),
    )?;
    let limit = push(&mut args, SqlValue::Integer(q.page.limit()));
    let offset = push(&mut args, SqlValue::Integer(q.page.offset()));
    let sql = format!(
        "SELECT c.id, c.no, c.delegate_id, c.delegate_name, c.delegation_id, c.delegation_name,
                c.contact_date, c.person_name, c.person_phone, c.group_size, c.channel,
                c.channel_other, substr(c.opinion, 1, {}) AS opinion_head, c.feedback_on,
                c.filed_on, c.status, c.due_on, {DEADLINE_SQL} AS deadline, c.amendment_count,
                c.updated_at
         FROM cards c WHERE {where_sql} ORDER BY {order}, c.id LIMIT ?{limit} OFFSET ?{offset}",
        EXCERPT_CHARS + 1
    );
    let mut st = conn.prepare_cached(&sql)?;
    let rows = st.query_map(params_from_iter(args.iter()), list_item_from_row)?;
    Ok((rows.collect::<rusqlite::Result<_>>()?, total as u64))
}

/// 工作台's figures over the cards `scope` reaches. `year` and `month` are `(first, last)` day
/// pairs, `YYYY-MM-DD`.
pub fn counts(
    conn: &Connection,
    today: &str,
    soon_limit: &str,
    year: (&str, &str),
    month: (&str, &str),
    scope: &Scope,
) -> Result<CardCounts> {
    let n = |v: i64| v.max(0) as u64;
    let mut args: Vec<SqlValue> = [today, soon_limit, year.0, year.1, month.0, month.1]
        .into_iter()
        .map(|v| SqlValue::Text(v.to_string()))
        .collect();
    let reach = reach_term(scope, "c", &mut args);
    conn.query_row(
        &format!(
            "SELECT
               COUNT(*) FILTER (WHERE c.status = 'draft'),
               COUNT(*) FILTER (WHERE d = 'due_soon'),
               COUNT(*) FILTER (WHERE d = 'overdue'),
               COUNT(*) FILTER (WHERE d = 'filed_late' AND c.filed_on BETWEEN ?3 AND ?4),
               COUNT(*) FILTER (WHERE c.status = 'submitted' AND c.filed_on BETWEEN ?5 AND ?6)
             FROM (SELECT c.*, {DEADLINE_SQL} AS d FROM cards c
                   WHERE c.deleted_at IS NULL{reach}) c"
        ),
        params_from_iter(args.iter()),
        |r| {
            Ok(CardCounts {
                drafts: n(r.get(0)?),
                due_soon: n(r.get(1)?),
                overdue: n(r.get(2)?),
                filed_late_this_year: n(r.get(3)?),
                filed_this_month: n(r.get(4)?),
            })
        },
    )
    .map_err(Into::into)
}

// ---- amendments -----------------------------------------------------------------------------

pub fn insert_amendment(conn: &Connection, a: &CardAmendment) -> Result<()> {
    conn.execute(
        "INSERT INTO card_amendments (id, card_id, at, actor, actor_role, reason, before, after)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            a.id,
            a.card_id,
            a.at,
            a.actor,
            a.actor_role.code(),
            a.reason,
            a.before.to_string(),
            a.after.to_string(),
        ],
    )?;
    Ok(())
}

/// A card's amendments, oldest first.
pub fn amendments(conn: &Connection, card_id: &str) -> Result<Vec<CardAmendment>> {
    let mut st =
        conn.prepare_cached("SELECT * FROM card_amendments WHERE card_id = ?1 ORDER BY at, rowid")?;
    let rows = st.query_map([card_id], |r| {
        let json = |s: String| serde_json::from_str(&s).unwrap_or(serde_json::Value::Null);
        let role: String = r.get("actor_role")?;
        Ok(CardAmendment {
            id: r.get("id")?,
            card_id: r.get("card_id")?,
            at: r.get("at")?,
            actor: r.get("actor")?,
            actor_role: serde_json::from_value(serde_json::Value::String(role))
                .unwrap_or(Role::System),
            reason: r.get("reason")?,
            before: json(r.get("before")?),
            after: json(r.get("after")?),
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
