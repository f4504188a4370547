//! SQL of 提议 (proposals): the row, its linked items, its units and its append-only timeline.

use rusqlite::{params, Connection, OptionalExtension, Row};

use super::linked::{self, Links};
use super::{next_year_no, NumberedTable};
use crate::actor::Role;
use crate::error::Result;
use crate::items::{ItemDeadlineState, Satisfaction};
use crate::proposals::{
    Proposal, ProposalEvent, ProposalEventKind, ProposalItemRef, ProposalRef, ProposalStatus,
    ProposalUnit,
};

const COLUMNS: &str = "p.id, p.no, p.status, p.delegation_id, COALESCE(g.name, '') AS gname,
    p.title, p.problem, p.suggestion, p.drafted_on, p.discussed_on, p.discussion_participants,
    p.discussion_outcome, p.submitted_on, p.referred_on, p.closed_on, p.close_note, p.declined_on,
    p.decline_reason, p.chase_count, p.created_at, p.updated_at, p.version";

fn from_row(r: &Row) -> rusqlite::Result<Proposal> {
    let status: String = r.get("status")?;
    Ok(Proposal {
        id: r.get("id")?,
        no: r.get("no")?,
        status: ProposalStatus::parse(&status).unwrap_or(ProposalStatus::Draft),
        delegation_id: r.get("delegation_id")?,
        delegation_name: r.get("gname")?,
        title: r.get("title")?,
        problem: r.get("problem")?,
        suggestion: r.get("suggestion")?,
        drafted_on: r.get("drafted_on")?,
        discussed_on: r.get("discussed_on")?,
        discussion_participants: r.get("discussion_participants")?,
        discussion_outcome: r.get("discussion_outcome")?,
        submitted_on: r.get("submitted_on")?,
        referred_on: r.get("referred_on")?,
        closed_on: r.get("closed_on")?,
        close_note: r.get("close_note")?,
        declined_on: r.get("declined_on")?,
        decline_reason: r.get("decline_reason")?,
        chase_count: r.get("chase_count")?,
        items: Vec::new(),
        units: Vec::new(),
        deadline: ItemDeadlineState::None,
        due_on: None,
        created_at: r.get("created_at")?,
        updated_at: r.get("updated_at")?,
        version: r.get("version")?,
    })
}

/// The next free number of `year` (`2026-0001`, …). Call inside the write's transaction.
pub fn next_no(conn: &Connection, year: i32) -> Result<String> {
    next_year_no(conn, NumberedTable::Proposals, year)
}

pub fn insert(conn: &Connection, p: &Proposal) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO proposals (id, no, status, delegation_id, drafted_on, created_at, updated_at,
                                version, title, problem, suggestion)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    )?
    .execute(params![
        p.id,
        p.no,
        p.status.as_str(),
        p.delegation_id,
        p.drafted_on,
        p.created_at,
        p.updated_at,
        p.version,
        p.title,
        p.problem,
        p.suggestion,
    ])?;
    set_items(conn, &p.id, &p.items)?;
    Ok(())
}

/// Store every column of `p` (its items and units are stored with [`set_items`], [`set_units`]).
pub fn update(conn: &Connection, p: &Proposal) -> Result<()> {
    conn.prepare_cached(
        "UPDATE proposals SET status = ?2, delegation_id = ?3, drafted_on = ?4, discussed_on = ?5,
                submitted_on = ?6, referred_on = ?7, closed_on = ?8, declined_on = ?9,
                chase_count = ?10, updated_at = ?11, version = ?12, title = ?13, problem = ?14,
                suggestion = ?15, discussion_participants = ?16, discussion_outcome = ?17,
                decline_reason = ?18, close_note = ?19
         WHERE id = ?1",
    )?
    .execute(params![
        p.id,
        p.status.as_str(),
        p.delegation_id,
        p.drafted_on,
        p.discussed_on,
        p.submitted_on,
        p.referred_on,
        p.closed_on,
        p.declined_on,
        p.chase_count,
        p.updated_at,
        p.version,
        p.title,
        p.problem,
        p.suggestion,
        p.discussion_participants,
        p.discussion_outcome,
        p.decline_reason,
        p.close_note,
    ])?;
    Ok(())
}

pub fn set_items(conn: &Connection, id: &str, items: &[ProposalItemRef]) -> Result<()> {
    linked::set_items(conn, Links::Proposal, id, items)
}

pub fn set_units(conn: &Connection, id: &str, units: &[ProposalUnit]) -> Result<()> {
    conn.prepare_cached("DELETE FROM proposal_units WHERE proposal_id = ?1")?
        .execute([id])?;
    let mut st = conn.prepare_cached(
        "INSERT INTO proposal_units (proposal_id, position, unit, referred_on, limit_days, rounds,
                                     answered_on, satisfaction, evaluated_on, answer,
                                     evaluation_note)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    )?;
    for (i, u) in units.iter().enumerate() {
        st.execute(params![
            id,
            i as i64,
            u.unit,
            u.referred_on,
            u.limit_days,
            u.rounds,
            u.answered_on,
            u.satisfaction.map(|s| s.as_str()),
            u.evaluated_on,
            u.answer,
            u.evaluation_note,
        ])?;
    }
    Ok(())
}

fn units_of(conn: &Connection, id: &str) -> Result<Vec<ProposalUnit>> {
    let mut st = conn.prepare_cached(
        "SELECT unit, referred_on, limit_days, rounds, answered_on, satisfaction, evaluated_on,
                answer, evaluation_note
         FROM proposal_units WHERE proposal_id = ?1 ORDER BY position",
    )?;
    let rows = st.query_map([id], |r| {
        let sat: Option<String> = r.get(5)?;
        Ok(ProposalUnit {
            unit: r.get(0)?,
            referred_on: r.get(1)?,
            limit_days: r.get(2)?,
            due_on: String::new(),
            rounds: r.get(3)?,
            answered_on: r.get(4)?,
            satisfaction: sat.as_deref().and_then(Satisfaction::parse),
            evaluated_on: r.get(6)?,
            answer: r.get(7)?,
            evaluation_note: r.get(8)?,
            deadline: ItemDeadlineState::None,
            days_left: None,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn complete(conn: &Connection, mut p: Proposal) -> Result<Proposal> {
    p.items = linked::items(conn, Links::Proposal, &p.id)?;
    p.units = units_of(conn, &p.id)?;
    Ok(p)
}

/// The live proposal `id` with its items and units (deadlines not yet computed).
pub fn get(conn: &Connection, id: &str) -> Result<Option<Proposal>> {
    let p = conn
        .prepare_cached(&format!(
            "SELECT {COLUMNS} FROM proposals p
             LEFT JOIN delegations g ON g.id = p.delegation_id
             WHERE p.id = ?1 AND p.deleted_at IS NULL"
        ))?
        .query_row([id], from_row)
        .optional()?;
    p.map(|p| complete(conn, p)).transpose()
}

/// Filters the SQL applies; the rest (words, deadline views) are applied by the caller.
#[derive(Debug, Default)]
pub struct Filter<'a> {
    pub status: Option<ProposalStatus>,
    pub delegation_id: Option<&'a str>,
    pub from: Option<&'a str>,
    pub to: Option<&'a str>,
}

/// Every live proposal matching `f`, newest drafted first, with items and units. A year holds a
/// few dozen proposals: the list filters and pages them in Rust.
pub fn list(conn: &Connection, f: &Filter<'_>) -> Result<Vec<Proposal>> {
    let mut st = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM proposals p
         LEFT JOIN delegations g ON g.id = p.delegation_id
         WHERE p.deleted_at IS NULL
           AND (?1 IS NULL OR p.status = ?1)
           AND (?2 IS NULL OR p.delegation_id = ?2)
           AND (?3 IS NULL OR p.drafted_on >= ?3)
           AND (?4 IS NULL OR p.drafted_on <= ?4)
         ORDER BY p.drafted_on DESC, p.no DESC"
    ))?;
    let rows = st.query_map(
        params![f.status.map(|s| s.as_str()), f.delegation_id, f.from, f.to],
        from_row,
    )?;
    let list: Vec<Proposal> = rows.collect::<rusqlite::Result<_>>()?;
    list.into_iter().map(|p| complete(conn, p)).collect()
}

/// The proposals an item is linked to, oldest first.
pub fn of_item(conn: &Connection, item_id: &str) -> Result<Vec<ProposalRef>> {
    let mut st = conn.prepare_cached(
        "SELECT p.id, p.no, p.title, p.status FROM proposal_items x
         JOIN proposals p ON p.id = x.proposal_id AND p.deleted_at IS NULL
         WHERE x.item_id = ?1 ORDER BY p.no",
    )?;
    let rows = st.query_map([item_id], linked::proposal_ref)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn insert_event(conn: &Connection, e: &ProposalEvent) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO proposal_events (id, proposal_id, at, on_date, actor, actor_role, kind,
                                      status, text, data)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?
    .execute(params![
        e.id,
        e.proposal_id,
        e.at,
        e.on,
        e.actor,
        e.actor_role.code(),
        e.kind.as_str(),
        e.status.as_str(),
        e.text,
        e.data.to_string(),
    ])?;
    Ok(())
}

/// A proposal's timeline, oldest first.
pub fn events(conn: &Connection, id: &str) -> Result<Vec<ProposalEvent>> {
    let mut st = conn.prepare_cached(
        "SELECT id, proposal_id, at, on_date, actor, actor_role, kind, status, text, data
         FROM proposal_events WHERE proposal_id = ?1 ORDER BY seq",
    )?;
    let rows = st.query_map([id], |r| {
        let role: String = r.get(5)?;
        let kind: String = r.get(6)?;
        let status: String = r.get(7)?;
        let data: String = r.get(9)?;
        Ok(ProposalEvent {
            id: r.get(0)?,
            proposal_id: r.get(1)?,
            at: r.get(2)?,
            on: r.get(3)?,
            actor: r.get(4)?,
            actor_role: Role::from_code(&role).unwrap_or(Role::System),
            kind: ProposalEventKind::parse(&kind).unwrap_or(ProposalEventKind::Note),
            status: ProposalStatus::parse(&status).unwrap_or(ProposalStatus::Draft),
            text: r.get(8)?,
            data: serde_json::from_str(&data).unwrap_or(serde_json::Value::Null),
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// How many live proposals there are (the demo refuses a filled database).
pub fn count(conn: &Connection) -> Result<u64> {
    let n: i64 = conn
        .prepare_cached("SELECT COUNT(*) FROM proposals WHERE deleted_at IS NULL")?
        .query_row([], |r| r.get(0))?;
    Ok(n.max(0) as u64)
}
