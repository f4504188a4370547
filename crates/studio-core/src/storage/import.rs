//! SQL the Excel import reads to match a sheet's rows with what is stored: delegations by name,
//! delegates by name (and unit), and a card already recorded for the same contact.

use std::collections::HashMap;

use rusqlite::{params, Connection, OptionalExtension};

use crate::error::Result;

/// Live delegations: name → id.
pub fn delegation_ids_by_name(conn: &Connection) -> Result<HashMap<String, String>> {
    let mut st =
        conn.prepare_cached("SELECT name, id FROM delegations WHERE deleted_at IS NULL")?;
    let rows = st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// A live delegate as the import matches it.
#[derive(Debug, Clone)]
pub struct DelegateKey {
    pub id: String,
    pub name: String,
    pub unit: String,
    pub delegation_id: String,
    pub delegation_name: String,
}

/// Every live delegate (any status): who a sheet's names and units may refer to.
pub fn delegate_keys(conn: &Connection) -> Result<Vec<DelegateKey>> {
    let mut st = conn.prepare_cached(
        "SELECT d.id, d.name, d.unit, d.delegation_id,
                COALESCE((SELECT g.name FROM delegations g WHERE g.id = d.delegation_id), '')
         FROM delegates d WHERE d.deleted_at IS NULL",
    )?;
    let rows = st.query_map([], |r| {
        Ok(DelegateKey {
            id: r.get(0)?,
            name: r.get(1)?,
            unit: r.get(2)?,
            delegation_id: r.get(3)?,
            delegation_name: r.get(4)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The number of a live card of this delegate, contact date and person, if one is stored.
pub fn same_contact(
    conn: &Connection,
    delegate_id: &str,
    contact_date: &str,
    person_name: &str,
) -> Result<Option<String>> {
    Ok(conn
        .prepare_cached(
            "SELECT no FROM cards WHERE delegate_id = ?1 AND contact_date = ?2 AND person_name = ?3
               AND deleted_at IS NULL LIMIT 1",
        )?
        .query_row(params![delegate_id, contact_date, person_name], |r| {
            r.get(0)
        })
        .optional()?)
}
