//! SQL for delegations and delegates.

use rusqlite::types::Value as SqlValue;
use rusqlite::{params, params_from_iter, Connection, OptionalExtension, Row};

use crate::error::Result;
use crate::roster::{
    Delegate, DelegateListItem, DelegateQuery, DelegateSort, DelegateStatus, Delegation,
    DelegationSummary, Gender, PublishFlags,
};
use crate::validate::mask_phone;

// ---- delegations ----------------------------------------------------------------------------

fn delegation_from_row(r: &Row) -> rusqlite::Result<Delegation> {
    Ok(Delegation {
        id: r.get("id")?,
        name: r.get("name")?,
        head_delegate_id: r.get("head_delegate_id")?,
        note: r.get("note")?,
        display_order: r.get("display_order")?,
        created_at: r.get("created_at")?,
        updated_at: r.get("updated_at")?,
        version: r.get("version")?,
    })
}

pub fn get_delegation(conn: &Connection, id: &str) -> Result<Option<Delegation>> {
    Ok(conn
        .query_row(
            "SELECT * FROM delegations WHERE id = ?1 AND deleted_at IS NULL",
            [id],
            delegation_from_row,
        )
        .optional()?)
}

/// Another live delegation already uses this name.
pub fn delegation_name_taken(conn: &Connection, name: &str, except_id: &str) -> Result<bool> {
    Ok(conn
        .query_row(
            "SELECT 1 FROM delegations WHERE name = ?1 AND id <> ?2 AND deleted_at IS NULL",
            params![name, except_id],
            |_| Ok(()),
        )
        .optional()?
        .is_some())
}

pub fn insert_delegation(conn: &Connection, d: &Delegation) -> Result<()> {
    conn.execute(
        "INSERT INTO delegations (id, name, head_delegate_id, note, display_order, created_at, updated_at, version)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![d.id, d.name, d.head_delegate_id, d.note, d.display_order, d.created_at, d.updated_at, d.version],
    )?;
    Ok(())
}

pub fn update_delegation(conn: &Connection, d: &Delegation) -> Result<()> {
    conn.execute(
        "UPDATE delegations SET name = ?2, head_delegate_id = ?3, note = ?4, display_order = ?5,
                updated_at = ?6, version = ?7
         WHERE id = ?1",
        params![
            d.id,
            d.name,
            d.head_delegate_id,
            d.note,
            d.display_order,
            d.updated_at,
            d.version
        ],
    )?;
    // The delegation's order and name are part of its delegates' roster order.
    refresh_derived(conn, "delegation_id", &d.id)
}

/// Rewrite the derived search and order columns (migration 004) of the delegates whose `column`
/// equals `value`. `column` is one of two fixed names, never user input.
fn refresh_derived(conn: &Connection, column: &str, value: &str) -> Result<()> {
    debug_assert!(matches!(column, "id" | "delegation_id"));
    conn.execute(
        &format!(
            "UPDATE delegates SET
                search_text = lower(name || ' ' || unit || ' ' || position || ' ' || name_initials || ' ' || name_pinyin),
                roster_key = (SELECT printf('%010d', max(0, g.display_order)) || g.name
                                FROM delegations g WHERE g.id = delegates.delegation_id)
                             || '|' || printf('%010d', max(0, display_order)) || '|' || name_pinyin
             WHERE {column} = ?1"
        ),
        [value],
    )?;
    Ok(())
}

pub fn list_delegation_summaries(conn: &Connection) -> Result<Vec<DelegationSummary>> {
    let mut st = conn.prepare_cached(
        "SELECT g.id, g.name, g.head_delegate_id, h.name AS head_name, g.note, g.display_order,
                (SELECT COUNT(*) FROM delegates d
                  WHERE d.delegation_id = g.id AND d.status = 'active' AND d.deleted_at IS NULL) AS active_count
         FROM delegations g
         LEFT JOIN delegates h ON h.id = g.head_delegate_id
         WHERE g.deleted_at IS NULL
         ORDER BY g.display_order, g.name",
    )?;
    let rows = st.query_map([], |r| {
        Ok(DelegationSummary {
            id: r.get("id")?,
            name: r.get("name")?,
            head_delegate_id: r.get("head_delegate_id")?,
            head_name: r.get("head_name")?,
            note: r.get("note")?,
            display_order: r.get("display_order")?,
            active_count: r.get("active_count")?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

// ---- delegates ------------------------------------------------------------------------------

fn delegate_from_row(r: &Row) -> rusqlite::Result<Delegate> {
    let gender: String = r.get("gender")?;
    let status: String = r.get("status")?;
    let publish: String = r.get("publish")?;
    Ok(Delegate {
        id: r.get("id")?,
        name: r.get("name")?,
        gender: Gender::parse(&gender).unwrap_or(Gender::Male),
        delegation_id: r.get("delegation_id")?,
        unit: r.get("unit")?,
        position: r.get("position")?,
        mobile: r.get("mobile")?,
        office_phone: r.get("office_phone")?,
        email: r.get("email")?,
        photo: r.get("photo")?,
        bio: r.get("bio")?,
        pledge: r.get("pledge")?,
        term: r.get("term")?,
        status: DelegateStatus::parse(&status).unwrap_or(DelegateStatus::Active),
        left_on: r.get("left_on")?,
        display_order: r.get("display_order")?,
        publish: serde_json::from_str::<PublishFlags>(&publish).unwrap_or_default(),
        publish_consent: r.get("publish_consent")?,
        created_at: r.get("created_at")?,
        updated_at: r.get("updated_at")?,
        version: r.get("version")?,
    })
}

pub fn get_delegate(conn: &Connection, id: &str) -> Result<Option<Delegate>> {
    Ok(conn
        .query_row(
            "SELECT * FROM delegates WHERE id = ?1 AND deleted_at IS NULL",
            [id],
            delegate_from_row,
        )
        .optional()?)
}

/// Insert or replace every column of a delegate (the service computes the whole new row).
pub fn upsert_delegate(conn: &Connection, d: &Delegate) -> Result<()> {
    conn.execute(
        "INSERT INTO delegates (id, name, name_pinyin, name_initials, gender, delegation_id, unit, position,
                mobile, office_phone, email, photo, bio, pledge, term, status, left_on, display_order,
                publish, created_at, updated_at, version, publish_consent)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23)
         ON CONFLICT(id) DO UPDATE SET
                name = excluded.name, name_pinyin = excluded.name_pinyin,
                name_initials = excluded.name_initials, gender = excluded.gender,
                delegation_id = excluded.delegation_id, unit = excluded.unit,
                position = excluded.position, mobile = excluded.mobile,
                office_phone = excluded.office_phone, email = excluded.email, photo = excluded.photo,
                bio = excluded.bio, pledge = excluded.pledge, term = excluded.term,
                status = excluded.status, left_on = excluded.left_on,
                display_order = excluded.display_order, publish = excluded.publish,
                publish_consent = excluded.publish_consent,
                updated_at = excluded.updated_at, version = excluded.version",
        params![
            d.id,
            d.name,
            crate::roster::pinyin_full(&d.name),
            crate::roster::initials(&d.name),
            d.gender.as_str(),
            d.delegation_id,
            d.unit,
            d.position,
            d.mobile,
            d.office_phone,
            d.email,
            d.photo,
            d.bio,
            d.pledge,
            d.term,
            d.status.as_str(),
            d.left_on,
            d.display_order,
            serde_json::to_string(&d.publish).unwrap_or_else(|_| "{}".into()),
            d.created_at,
            d.updated_at,
            d.version,
            d.publish_consent,
        ],
    )?;
    refresh_derived(conn, "id", &d.id)
}

// The delegation's name comes from a correlated subquery rather than a join, so the planner walks
// the ordered delegate index and stops after a page instead of sorting every match.
const LIST_COLUMNS: &str = "d.id, d.name, d.gender, d.delegation_id,
    (SELECT g.name FROM delegations g WHERE g.id = d.delegation_id) AS delegation_name, d.unit,
    d.position, d.mobile, d.office_phone, d.status, d.term, d.photo, d.display_order";

fn list_item_from_row(r: &Row) -> rusqlite::Result<DelegateListItem> {
    let gender: String = r.get("gender")?;
    let status: String = r.get("status")?;
    let mobile: String = r.get("mobile")?;
    let office: String = r.get("office_phone")?;
    let photo: Option<String> = r.get("photo")?;
    Ok(DelegateListItem {
        id: r.get("id")?,
        name: r.get("name")?,
        gender: Gender::parse(&gender).unwrap_or(Gender::Male),
        delegation_id: r.get("delegation_id")?,
        delegation_name: r.get("delegation_name")?,
        unit: r.get("unit")?,
        position: r.get("position")?,
        mobile_masked: mask_phone(if mobile.is_empty() { &office } else { &mobile }),
        status: DelegateStatus::parse(&status).unwrap_or(DelegateStatus::Active),
        term: r.get("term")?,
        has_photo: photo.is_some(),
        display_order: r.get("display_order")?,
    })
}

/// One page of the roster and the total matching it.
///
/// The search box matches any part of the name, unit, position, pinyin initials or full pinyin
/// (case-insensitive) through the derived `search_text`; the count reads only the covering index
/// `delegates_search`, and the roster order is the index `delegates_roster`, so a page costs one
/// index pass plus twenty rows.
pub fn list_delegates(
    conn: &Connection,
    q: &DelegateQuery,
) -> Result<(Vec<DelegateListItem>, u64)> {
    let mut wh = vec!["d.deleted_at IS NULL".to_string()];
    let mut args: Vec<SqlValue> = Vec::new();
    let text = q.q.trim().to_lowercase();
    if !text.is_empty() {
        // instr() takes the text literally: a user's % or _ is just a character.
        args.push(SqlValue::Text(text));
        wh.push(format!("instr(d.search_text, ?{}) > 0", args.len()));
    }
    if let Some(id) = q.delegation_id.as_deref().filter(|s| !s.is_empty()) {
        args.push(SqlValue::Text(id.to_string()));
        wh.push(format!("d.delegation_id = ?{}", args.len()));
    }
    if let Some(s) = q.status {
        args.push(SqlValue::Text(s.as_str().to_string()));
        wh.push(format!("d.status = ?{}", args.len()));
    }
    let where_sql = wh.join(" AND ");
    let order = match q.sort {
        DelegateSort::Roster => "d.roster_key",
        DelegateSort::Name => "d.name_pinyin, d.name",
        DelegateSort::Unit => "d.unit, d.name_pinyin",
        DelegateSort::UpdatedDesc => "d.updated_at DESC, d.id DESC",
    };
    let count_args = args.clone();
    let (limit, offset) = (q.page.limit(), q.page.offset());
    args.push(SqlValue::Integer(limit));
    args.push(SqlValue::Integer(offset));
    let sql = format!(
        "SELECT {LIST_COLUMNS} FROM delegates d
         WHERE {where_sql} ORDER BY {order}, d.id LIMIT ?{} OFFSET ?{}",
        args.len() - 1,
        args.len()
    );
    let mut st = conn.prepare_cached(&sql)?;
    let items: Vec<DelegateListItem> = st
        .query_map(params_from_iter(args.iter()), list_item_from_row)?
        .collect::<rusqlite::Result<_>>()?;
    // A short, non-empty page is the last one: the total is known without counting again.
    let total = if !items.is_empty() && (items.len() as i64) < limit {
        (offset + items.len() as i64) as u64
    } else {
        conn.prepare_cached(&format!(
            "SELECT COUNT(*) FROM delegates d WHERE {where_sql}"
        ))?
        .query_row(params_from_iter(count_args.iter()), |r| r.get::<_, i64>(0))? as u64
    };
    Ok((items, total))
}

/// Live delegates with the same name and unit, except `except_id`.
pub fn same_name_and_unit(
    conn: &Connection,
    name: &str,
    unit: &str,
    except_id: &str,
) -> Result<Vec<DelegateListItem>> {
    let mut st = conn.prepare_cached(&format!(
        "SELECT {LIST_COLUMNS} FROM delegates d
         WHERE d.deleted_at IS NULL AND d.name = ?1 AND d.unit = ?2 AND d.id <> ?3"
    ))?;
    let rows = st.query_map(params![name, unit, except_id], list_item_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn count_delegates(conn: &Connection) -> Result<u64> {
    let n: i64 = conn.query_row(
        "SELECT COUNT(*) FROM delegates WHERE deleted_at IS NULL",
        [],
        |r| r.get(0),
    )?;
    Ok(n as u64)
}

pub fn count_delegations(conn: &Connection) -> Result<u64> {
    let n: i64 = conn.query_row(
        "SELECT COUNT(*) FROM delegations WHERE deleted_at IS NULL",
        [],
        |r| r.get(0),
    )?;
    Ok(n as u64)
}

/// Every live delegate's full record with their delegation's name, in roster order (an export).
pub fn delegates_full(conn: &Connection) -> Result<Vec<(Delegate, String)>> {
    let mut st = conn.prepare(
        "SELECT d.*, COALESCE((SELECT g.name FROM delegations g WHERE g.id = d.delegation_id), '')
                AS delegation_name
           FROM delegates d WHERE d.deleted_at IS NULL ORDER BY d.roster_key, d.id",
    )?;
    let rows = st
        .query_map([], |r| {
            Ok((
                delegate_from_row(r)?,
                r.get::<_, String>("delegation_name")?,
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}
