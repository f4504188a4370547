//! The ledger items an activity or a proposal is linked to (`activity_items`, `proposal_items`:
//! the owner's id, the item's, its position), and a proposal's short reference: one SQL for both
//! owners.

use rusqlite::{params, Connection, Row};

use crate::error::Result;
use crate::items::ItemStatus;
use crate::proposals::{ProposalItemRef, ProposalRef, ProposalStatus};

/// Whose links: the table and its owner column (fixed names, never input).
#[derive(Debug, Clone, Copy)]
pub enum Links {
    Activity,
    Proposal,
}

impl Links {
    fn table(self) -> (&'static str, &'static str) {
        match self {
            Links::Activity => ("activity_items", "activity_id"),
            Links::Proposal => ("proposal_items", "proposal_id"),
        }
    }
}

/// The items linked to `owner`, in the order they were chosen.
pub fn items(conn: &Connection, links: Links, owner: &str) -> Result<Vec<ProposalItemRef>> {
    let (table, column) = links.table();
    let mut st = conn.prepare_cached(&format!(
        "SELECT i.id, i.no, i.title, i.status FROM {table} x JOIN items i ON i.id = x.item_id
         WHERE x.{column} = ?1 ORDER BY x.position"
    ))?;
    let rows = st.query_map([owner], |r| {
        let status: String = r.get(3)?;
        Ok(ProposalItemRef {
            id: r.get(0)?,
            no: r.get(1)?,
            title: r.get(2)?,
            status: ItemStatus::parse(&status).unwrap_or(ItemStatus::Received),
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Replace the items linked to `owner` with `items`, in their order.
pub fn set_items(
    conn: &Connection,
    links: Links,
    owner: &str,
    items: &[ProposalItemRef],
) -> Result<()> {
    let (table, column) = links.table();
    conn.prepare_cached(&format!("DELETE FROM {table} WHERE {column} = ?1"))?
        .execute([owner])?;
    let mut st = conn.prepare_cached(&format!(
        "INSERT INTO {table} ({column}, item_id, position) VALUES (?1, ?2, ?3)"
    ))?;
    for (i, item) in items.iter().enumerate() {
        st.execute(params![owner, item.id, i as i64])?;
    }
    Ok(())
}

/// A proposal's reference from `SELECT p.id, p.no, p.title, p.status`.
pub fn proposal_ref(r: &Row) -> rusqlite::Result<ProposalRef> {
    let status: String = r.get(3)?;
    Ok(ProposalRef {
        id: r.get(0)?,
        no: r.get(1)?,
        title: r.get(2)?,
        status: ProposalStatus::parse(&status).unwrap_or(ProposalStatus::Draft),
    })
}
