//! SQL for 经费 (migration 016): budgets per year and source, spending entries.

use rusqlite::{params, params_from_iter, types::Value, Connection, OptionalExtension, Row};

use crate::error::Result;
use crate::funds::{Budget, FundSource, Spending};

fn source(r: &Row, col: &str) -> rusqlite::Result<FundSource> {
    let s: String = r.get(col)?;
    // The column's CHECK admits only the listed codes.
    Ok(FundSource::parse(&s).unwrap_or(FundSource::College))
}

fn budget_from_row(r: &Row) -> rusqlite::Result<Budget> {
    Ok(Budget {
        year: r.get("year")?,
        source: source(r, "source")?,
        amount_fen: r.get("amount_fen")?,
        note: r.get("note")?,
        updated_at: r.get("updated_at")?,
        version: r.get("version")?,
    })
}

fn spending_from_row(r: &Row) -> rusqlite::Result<Spending> {
    Ok(Spending {
        id: r.get("id")?,
        date: r.get("date")?,
        purpose: r.get("purpose")?,
        amount_fen: r.get("amount_fen")?,
        source: source(r, "source")?,
        activity_id: r.get("activity_id")?,
        receipt: r.get("receipt")?,
        created_at: r.get("created_at")?,
        updated_at: r.get("updated_at")?,
        version: r.get("version")?,
    })
}

pub fn get_budget(conn: &Connection, year: i32, source: FundSource) -> Result<Option<Budget>> {
    Ok(conn
        .prepare_cached("SELECT * FROM fund_budgets WHERE year = ?1 AND source = ?2")?
        .query_row(params![year, source.as_str()], budget_from_row)
        .optional()?)
}

pub fn budgets_of(conn: &Connection, year: i32) -> Result<Vec<Budget>> {
    let mut st = conn.prepare_cached("SELECT * FROM fund_budgets WHERE year = ?1")?;
    let rows = st
        .query_map([year], budget_from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

pub fn upsert_budget(conn: &Connection, b: &Budget) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO fund_budgets (year, source, amount_fen, note, updated_at, version)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT(year, source) DO UPDATE SET amount_fen = ?3, note = ?4, updated_at = ?5,
             version = ?6",
    )?
    .execute(params![
        b.year,
        b.source.as_str(),
        b.amount_fen,
        b.note,
        b.updated_at,
        b.version
    ])?;
    Ok(())
}

pub fn upsert_spending(conn: &Connection, s: &Spending) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO fund_spendings (id, date, purpose, amount_fen, source, activity_id, receipt,
                                     created_at, updated_at, version)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
         ON CONFLICT(id) DO UPDATE SET date = ?2, purpose = ?3, amount_fen = ?4, source = ?5,
             activity_id = ?6, receipt = ?7, updated_at = ?9, version = ?10",
    )?
    .execute(params![
        s.id,
        s.date,
        s.purpose,
        s.amount_fen,
        s.source.as_str(),
        s.activity_id,
        s.receipt,
        s.created_at,
        s.updated_at,
        s.version
    ])?;
    Ok(())
}

pub fn delete_spending(conn: &Connection, id: &str, at: &str, version: i64) -> Result<()> {
    conn.execute(
        "UPDATE fund_spendings SET deleted_at = ?2, updated_at = ?2, version = ?3 WHERE id = ?1",
        params![id, at, version],
    )?;
    Ok(())
}

pub fn get_spending(conn: &Connection, id: &str) -> Result<Option<Spending>> {
    Ok(conn
        .prepare_cached("SELECT * FROM fund_spendings WHERE id = ?1 AND deleted_at IS NULL")?
        .query_row([id], spending_from_row)
        .optional()?)
}

#[derive(Debug, Default)]
pub struct Filter<'a> {
    pub year: Option<i32>,
    pub source: Option<FundSource>,
    pub words: Vec<&'a str>,
}

/// A page of entries, newest first, the count and the sum of all matching (fen).
pub fn list_spendings(
    conn: &Connection,
    f: &Filter<'_>,
    limit: i64,
    offset: i64,
) -> Result<(Vec<Spending>, u64, i64)> {
    let mut w = vec!["deleted_at IS NULL".to_string()];
    let mut args: Vec<Value> = Vec::new();
    if let Some(y) = f.year {
        args.push(Value::Text(format!("{y:04}-01-01")));
        args.push(Value::Text(format!("{y:04}-12-31")));
        w.push(format!(
            "date BETWEEN ?{} AND ?{}",
            args.len() - 1,
            args.len()
        ));
    }
    if let Some(s) = f.source {
        args.push(Value::Text(s.as_str().into()));
        w.push(format!("source = ?{}", args.len()));
    }
    for word in &f.words {
        args.push(Value::Text(word.to_lowercase()));
        let i = args.len();
        w.push(format!(
            "(instr(lower(purpose), ?{i}) > 0 OR instr(lower(activity_id), ?{i}) > 0)"
        ));
    }
    let w = w.join(" AND ");
    let (total, sum): (i64, i64) = conn.query_row(
        &format!("SELECT COUNT(*), COALESCE(SUM(amount_fen), 0) FROM fund_spendings WHERE {w}"),
        params_from_iter(args.iter()),
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    let n = args.len();
    args.push(limit.into());
    args.push(offset.into());
    let rows = conn
        .prepare(&format!(
            "SELECT * FROM fund_spendings WHERE {w} ORDER BY date DESC, created_at DESC, id
             LIMIT ?{} OFFSET ?{}",
            n + 1,
            n + 2
        ))?
        .query_map(params_from_iter(args.iter()), spending_from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok((rows, total as u64, sum))
}
