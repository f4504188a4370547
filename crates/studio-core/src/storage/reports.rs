//! SQL of the reports (统计汇总, 承办单位): compact rows over a period, counted in Rust
//! (`reports::summary`, `reports::units`). Dates are `YYYY-MM-DD` texts, so `BETWEEN` on them is
//! the period, both days included.

use rusqlite::{params, Connection};

use crate::error::Result;

/// A delegate as the summary lists them: roster order (delegation order, then the roster key).
pub struct ReportDelegate {
    pub id: String,
    pub name: String,
    pub delegation_id: String,
    pub delegation_name: String,
    pub active: bool,
    pub left_on: Option<String>,
}

/// Every delegate on the roster (those who left included: the caller keeps the ones the period
/// still covers), in roster order.
pub fn delegates(conn: &Connection) -> Result<Vec<ReportDelegate>> {
    let mut st = conn.prepare_cached(
        "SELECT d.id, d.name, d.delegation_id, g.name, d.status = 'active', d.left_on
           FROM delegates d JOIN delegations g ON g.id = d.delegation_id
          WHERE d.deleted_at IS NULL
          ORDER BY g.display_order, g.name, d.roster_key, d.id",
    )?;
    let rows = st
        .query_map([], |r| {
            Ok(ReportDelegate {
                id: r.get(0)?,
                name: r.get(1)?,
                delegation_id: r.get(2)?,
                delegation_name: r.get(3)?,
                active: r.get(4)?,
                left_on: r.get(5)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// The cards of one delegate and channel in a period: how many, the people they reached (group
/// sizes), how many were filed late.
pub struct CardGroup {
    pub delegate_id: String,
    pub channel: String,
    pub cards: u64,
    pub people: u64,
    pub late: u64,
}

/// Cards by contact date in `[from, to]`, drafts included (the contact happened). Read from the
/// covering index `cards_report` alone, in the GROUP BY's order (migration 018).
pub fn card_groups(conn: &Connection, from: &str, to: &str) -> Result<Vec<CardGroup>> {
    let mut st = conn.prepare_cached(
        "SELECT delegate_id, channel, COUNT(*), SUM(group_size), SUM(filed_late)
           FROM cards INDEXED BY cards_report
          WHERE deleted_at IS NULL AND contact_date BETWEEN ?1 AND ?2
          GROUP BY delegate_id, channel",
    )?;
    let rows = st
        .query_map(params![from, to], |r| {
            Ok(CardGroup {
                delegate_id: r.get(0)?,
                channel: r.get(1)?,
                cards: r.get::<_, i64>(2)? as u64,
                people: r.get::<_, i64>(3)? as u64,
                late: r.get::<_, i64>(4)? as u64,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// An item raised in the period, as the summary counts it.
pub struct ReportItem {
    /// The first of its handling delegates (承办党代表); `None`: not yet routed.
    pub delegate_id: Option<String>,
    pub category: String,
    pub received_on: String,
    pub due_on: Option<String>,
    pub answered_on: Option<String>,
    pub closed_on: Option<String>,
    pub satisfaction: Option<String>,
}

/// Items received in `[from, to]`, each with its first handling delegate, from the covering indexes
/// `items_report` and `item_delegates_lead` (migration 014).
pub fn items(conn: &Connection, from: &str, to: &str) -> Result<Vec<ReportItem>> {
    let mut st = conn.prepare_cached(
        "SELECT (SELECT r.delegate_id FROM item_delegates r WHERE r.item_id = i.id
                  ORDER BY r.position LIMIT 1),
                i.category, i.received_on, i.due_on, i.answered_on,
                CASE WHEN i.status = 'closed' THEN i.closed_on END, i.satisfaction
           FROM items i INDEXED BY items_report
          WHERE i.deleted_at IS NULL AND i.received_on BETWEEN ?1 AND ?2",
    )?;
    let rows = st
        .query_map(params![from, to], |r| {
            Ok(ReportItem {
                delegate_id: r.get(0)?,
                category: r.get(1)?,
                received_on: r.get(2)?,
                due_on: r.get(3)?,
                answered_on: r.get(4)?,
                closed_on: r.get(5)?,
                satisfaction: r.get(6)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// An item referred to a unit (交办) in the period.
pub struct ReferredItem {
    pub unit: String,
    pub referred_on: String,
    pub due_on: Option<String>,
    pub answered_on: Option<String>,
    pub satisfaction: Option<String>,
    /// The delegations of its handling delegates (for a head's reach), joined with `,`.
    pub delegations: String,
    /// Its handling delegates, joined with `,`.
    pub delegates: String,
}

/// Items referred to a unit on a day in `[from, to]`: one pass over the table (SQLite otherwise
/// walks the whole of `items_report`, then reads every row as well).
pub fn referred_items(conn: &Connection, from: &str, to: &str) -> Result<Vec<ReferredItem>> {
    let mut st = conn.prepare_cached(
        "SELECT i.referral_unit, i.referred_on, i.referral_due_on, i.referral_answered_on,
                i.satisfaction,
                COALESCE((SELECT group_concat(r.delegation_id, ',') FROM item_delegates r
                           WHERE r.item_id = i.id), ''),
                COALESCE((SELECT group_concat(r.delegate_id, ',') FROM item_delegates r
                           WHERE r.item_id = i.id), '')
           FROM items i NOT INDEXED
          WHERE i.deleted_at IS NULL AND i.referral_unit <> ''
            AND i.referred_on BETWEEN ?1 AND ?2",
    )?;
    let rows = st
        .query_map(params![from, to], |r| {
            Ok(ReferredItem {
                unit: r.get(0)?,
                referred_on: r.get(1)?,
                due_on: r.get(2)?,
                answered_on: r.get(3)?,
                satisfaction: r.get(4)?,
                delegations: r.get(5)?,
                delegates: r.get(6)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// Field surveys (走访调研) starting in `[from, to]`, one entry per taking part: the delegates who
/// went.
pub fn survey_delegates(conn: &Connection, from: &str, to: &str) -> Result<Vec<String>> {
    let mut st = conn.prepare_cached(
        "SELECT x.delegate_id FROM activities a
           JOIN activity_delegates x ON x.activity_id = a.id
          WHERE a.deleted_at IS NULL AND a.kind = 'field_survey'
            AND a.start_on >= ?1 AND a.start_on <= ?2",
    )?;
    let rows = st.query_map([from, to], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Proposals (提议) drafted in `[from, to]`, each once, by the first handling delegate of its first
/// linked item (`None`: that item has no delegate).
pub fn proposal_leads(conn: &Connection, from: &str, to: &str) -> Result<Vec<Option<String>>> {
    let mut st = conn.prepare_cached(
        "SELECT (SELECT r.delegate_id FROM proposal_items pi
                   JOIN item_delegates r ON r.item_id = pi.item_id
                  WHERE pi.proposal_id = p.id
                  ORDER BY pi.position, r.position LIMIT 1)
           FROM proposals p
          WHERE p.deleted_at IS NULL AND p.drafted_on >= ?1 AND p.drafted_on <= ?2",
    )?;
    let rows = st.query_map([from, to], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
