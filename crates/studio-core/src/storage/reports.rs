//! SQL of the reports (统计汇总, 承办单位): compact rows over a period, counted in Rust
//! (`reports::summary`, `reports::units`). Dates are `YYYY-MM-DD` texts, so `BETWEEN` on them is
//! the period, both days included.

use rusqlite::types::Value as SqlValue;
use rusqlite::{params, params_from_iter, Connection};

use crate::actor::Scope;
use crate::error::Result;
use crate::storage::{cards as cards_db, items as items_db};

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
/// `items_report` (migration 020) and `item_delegates_lead` (014). The first delegate is the one at
/// position 0 (`storage::items` writes an item's delegates as 0, 1, …): one lookup, not a sorted
/// subquery per item.
pub fn items(conn: &Connection, from: &str, to: &str) -> Result<Vec<ReportItem>> {
    let mut st = conn.prepare_cached(
        "SELECT r.delegate_id,
                i.category, i.received_on, i.due_on, i.answered_on,
                CASE WHEN i.status = 'closed' THEN i.closed_on END, i.satisfaction
           FROM items i INDEXED BY items_report
           LEFT JOIN item_delegates r INDEXED BY item_delegates_lead
                  ON r.item_id = i.id AND r.position = 0
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

// ---- 工作台's charts: counted by SQL (GROUP BY), in the reach of the lists they open --------

/// An item answered by its deadline (按期答复), as the summary counts it: no deadline or no answer
/// date counts as on time.
const ON_TIME: &str = "(i.answered_on IS NULL OR i.due_on IS NULL OR i.answered_on <= i.due_on)";

fn period_args(from: &str, to: &str) -> Vec<SqlValue> {
    vec![SqlValue::Text(from.into()), SqlValue::Text(to.into())]
}

/// Items received in `[from, to]` that `scope` reaches (as the ledger list reaches them: through
/// any of their handling delegates; every item, 待分派 included, for `Scope::All`), counted per
/// month of receipt (`YYYY-MM`) and category.
pub fn chart_item_months(
    conn: &Connection,
    scope: &Scope,
    from: &str,
    to: &str,
) -> Result<Vec<(String, String, u64)>> {
    let mut args = period_args(from, to);
    let reach = items_db::reach_term(scope, &mut args);
    let mut st = conn.prepare(&format!(
        "SELECT substr(i.received_on, 1, 7), i.category, COUNT(*)
           FROM items i INDEXED BY items_report
          WHERE i.deleted_at IS NULL AND i.received_on BETWEEN ?1 AND ?2{reach}
          GROUP BY 1, 2"
    ))?;
    let rows = st
        .query_map(params_from_iter(args.iter()), |r| {
            Ok((r.get(0)?, r.get(1)?, r.get::<_, i64>(2)? as u64))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// Items closed (办结) in `[from, to]` that `scope` reaches, per month of closing (`YYYY-MM`): how
/// many, and how many of them were answered by their deadline. Read from the covering index
/// `items_report` alone (the `items_closed` index would read every closed item's row).
pub fn chart_closed_months(
    conn: &Connection,
    scope: &Scope,
    from: &str,
    to: &str,
) -> Result<Vec<(String, u64, u64)>> {
    let mut args = period_args(from, to);
    let reach = items_db::reach_term(scope, &mut args);
    let mut st = conn.prepare(&format!(
        "SELECT substr(i.closed_on, 1, 7), COUNT(*), SUM({ON_TIME})
           FROM items i INDEXED BY items_report
          WHERE i.deleted_at IS NULL AND i.status = 'closed'
            AND i.closed_on BETWEEN ?1 AND ?2{reach}
          GROUP BY 1"
    ))?;
    let rows = st
        .query_map(params_from_iter(args.iter()), |r| {
            Ok((
                r.get(0)?,
                r.get::<_, i64>(1)? as u64,
                r.get::<_, i64>(2)? as u64,
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// One delegation's bars: items received in the period handled by any of its delegates, closed,
/// closed on time.
pub struct DelegationBar {
    pub delegation_id: String,
    pub delegation: String,
    pub items: u64,
    pub closed: u64,
    pub closed_on_time: u64,
}

/// Items received in `[from, to]` per delegation of their handling delegates (an item handled by
/// two delegations counts in both; by two delegates of one delegation, once), in roster order.
/// `scope` limits the handling rows: a head's delegation, a delegate's own items.
pub fn chart_delegations(
    conn: &Connection,
    scope: &Scope,
    from: &str,
    to: &str,
) -> Result<Vec<DelegationBar>> {
    let mut args = period_args(from, to);
    let reach = match scope {
        Scope::All => String::new(),
        Scope::Nothing => " AND 0".into(),
        Scope::Delegation(g) => {
            args.push(SqlValue::Text(g.clone()));
            format!(" AND r.delegation_id = ?{}", args.len())
        }
        Scope::Delegate(d) => {
            args.push(SqlValue::Text(d.clone()));
            format!(" AND r.delegate_id = ?{}", args.len())
        }
    };
    let mut st = conn.prepare(&format!(
        "SELECT x.delegation_id, COALESCE(g.name, ''), COUNT(*), SUM(x.closed), SUM(x.on_time)
           FROM (SELECT DISTINCT r.delegation_id, i.id,
                        i.status = 'closed' AS closed,
                        i.status = 'closed' AND {ON_TIME} AS on_time
                   FROM items i INDEXED BY items_report
                   JOIN item_delegates r INDEXED BY item_delegates_chart ON r.item_id = i.id
                  WHERE i.deleted_at IS NULL AND i.received_on BETWEEN ?1 AND ?2{reach}) x
           LEFT JOIN delegations g ON g.id = x.delegation_id
          GROUP BY x.delegation_id
          ORDER BY g.display_order, g.name, x.delegation_id"
    ))?;
    let rows = st
        .query_map(params_from_iter(args.iter()), |r| {
            Ok(DelegationBar {
                delegation_id: r.get(0)?,
                delegation: r.get(1)?,
                items: r.get::<_, i64>(2)? as u64,
                closed: r.get::<_, i64>(3)? as u64,
                closed_on_time: r.get::<_, i64>(4)? as u64,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// Cards whose contact date is in `[from, to]` (drafts included) that `scope` reaches (as the card
/// list reaches them), per channel.
pub fn chart_channels(
    conn: &Connection,
    scope: &Scope,
    from: &str,
    to: &str,
) -> Result<Vec<(String, u64)>> {
    // The covering index `cards_report` (delegate, channel, date…: migration 018) has the delegate
    // but not the delegation: a head's count reads the rows of the period. For everyone it is one
    // pass over the index, for a delegate a range of it.
    let index = match scope {
        Scope::Nothing => return Ok(Vec::new()),
        Scope::Delegation(_) => "",
        Scope::All | Scope::Delegate(_) => " INDEXED BY cards_report",
    };
    let mut args = period_args(from, to);
    let reach = cards_db::reach_term(scope, "c", &mut args);
    let mut st = conn.prepare(&format!(
        "SELECT c.channel, COUNT(*)
           FROM cards c{index}
          WHERE c.deleted_at IS NULL AND c.contact_date BETWEEN ?1 AND ?2{reach}
          GROUP BY c.channel"
    ))?;
    let rows = st
        .query_map(params_from_iter(args.iter()), |r| {
            Ok((r.get(0)?, r.get::<_, i64>(1)? as u64))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}
