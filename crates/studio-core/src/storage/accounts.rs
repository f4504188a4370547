//! SQL for accounts. The password hash is read only by [`credentials`] and written only by
//! [`insert`] and [`set_password`]; [`AccountRow`] (what lists, change records and exports see)
//! has no field for it.

use rusqlite::{params, Connection, OptionalExtension, Row};

use crate::accounts::AccountRow;
use crate::actor::Role;
use crate::error::Result;

const COLUMNS: &str =
    "a.id, a.login, a.name, a.role, a.delegate_id, a.must_change, a.failed_attempts,
     a.locked_until, a.disabled, a.last_login_at, a.created_at, a.updated_at, a.version,
     d.name AS delegate_name, d.delegation_id AS delegation_id";

fn from_row(r: &Row) -> rusqlite::Result<AccountRow> {
    let role: String = r.get("role")?;
    Ok(AccountRow {
        id: r.get("id")?,
        login: r.get("login")?,
        name: r.get("name")?,
        role: Role::from_code(&role).unwrap_or(Role::Visitor),
        delegate_id: r.get("delegate_id")?,
        delegate_name: r.get("delegate_name")?,
        delegation_id: r.get("delegation_id")?,
        must_change: r.get::<_, i64>("must_change")? != 0,
        failed_attempts: r.get::<_, i64>("failed_attempts")? as u32,
        locked_until: r.get("locked_until")?,
        disabled: r.get::<_, i64>("disabled")? != 0,
        last_login_at: r.get("last_login_at")?,
        created_at: r.get("created_at")?,
        updated_at: r.get("updated_at")?,
        version: r.get("version")?,
    })
}

pub fn count(conn: &Connection) -> Result<u64> {
    Ok(conn.query_row(
        "SELECT COUNT(*) FROM accounts WHERE deleted_at IS NULL",
        [],
        |r| r.get::<_, i64>(0),
    )? as u64)
}

pub fn list(conn: &Connection) -> Result<Vec<AccountRow>> {
    let sql = format!(
        "SELECT {COLUMNS} FROM accounts a LEFT JOIN delegates d ON d.id = a.delegate_id
         WHERE a.deleted_at IS NULL ORDER BY a.role, a.login"
    );
    let mut st = conn.prepare_cached(&sql)?;
    let rows = st.query_map([], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn get(conn: &Connection, id: &str) -> Result<Option<AccountRow>> {
    let sql = format!(
        "SELECT {COLUMNS} FROM accounts a LEFT JOIN delegates d ON d.id = a.delegate_id
         WHERE a.id = ?1 AND a.deleted_at IS NULL"
    );
    Ok(conn.query_row(&sql, params![id], from_row).optional()?)
}

/// The account with this login (case-insensitive).
pub fn by_login(conn: &Connection, login: &str) -> Result<Option<AccountRow>> {
    let sql = format!(
        "SELECT {COLUMNS} FROM accounts a LEFT JOIN delegates d ON d.id = a.delegate_id
         WHERE a.login = ?1 COLLATE NOCASE AND a.deleted_at IS NULL"
    );
    Ok(conn.query_row(&sql, params![login], from_row).optional()?)
}

/// The stored password hash of an account.
pub fn credentials(conn: &Connection, id: &str) -> Result<Option<String>> {
    Ok(conn
        .query_row(
            "SELECT password_hash FROM accounts WHERE id = ?1 AND deleted_at IS NULL",
            params![id],
            |r| r.get(0),
        )
        .optional()?)
}

pub fn insert(conn: &Connection, a: &AccountRow, password_hash: &str) -> Result<()> {
    conn.execute(
        "INSERT INTO accounts (id, login, name, role, delegate_id, password_hash, must_change,
                               failed_attempts, locked_until, disabled, last_login_at,
                               created_at, updated_at, version)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
        params![
            a.id,
            a.login,
            a.name,
            a.role.code(),
            a.delegate_id,
            password_hash,
            a.must_change as i64,
            a.failed_attempts as i64,
            a.locked_until,
            a.disabled as i64,
            a.last_login_at,
            a.created_at,
            a.updated_at,
            a.version,
        ],
    )?;
    Ok(())
}

/// Write every field of the row but the password.
pub fn update(conn: &Connection, a: &AccountRow) -> Result<()> {
    conn.execute(
        "UPDATE accounts SET login = ?2, name = ?3, role = ?4, delegate_id = ?5, must_change = ?6,
                failed_attempts = ?7, locked_until = ?8, disabled = ?9, last_login_at = ?10,
                updated_at = ?11, version = ?12
         WHERE id = ?1",
        params![
            a.id,
            a.login,
            a.name,
            a.role.code(),
            a.delegate_id,
            a.must_change as i64,
            a.failed_attempts as i64,
            a.locked_until,
            a.disabled as i64,
            a.last_login_at,
            a.updated_at,
            a.version,
        ],
    )?;
    Ok(())
}

pub fn set_password(conn: &Connection, id: &str, password_hash: &str) -> Result<()> {
    conn.execute(
        "UPDATE accounts SET password_hash = ?2 WHERE id = ?1",
        params![id, password_hash],
    )?;
    Ok(())
}
