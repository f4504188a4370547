//! SQL for 工作室动态 (news posts, migration 016).

use rusqlite::{params, params_from_iter, Connection, OptionalExtension, Row};

use crate::error::Result;
use crate::news::{News, NewsStatus};

fn from_row(r: &Row) -> rusqlite::Result<News> {
    let images: String = r.get("images")?;
    Ok(News {
        id: r.get("id")?,
        title: r.get("title")?,
        date: r.get("date")?,
        author: r.get("author")?,
        body: r.get("body")?,
        // The column's CHECK keeps it valid JSON; an unexpected shape shows no images.
        images: serde_json::from_str(&images).unwrap_or_default(),
        published: r.get("published")?,
        published_at: r.get("published_at")?,
        created_at: r.get("created_at")?,
        updated_at: r.get("updated_at")?,
        version: r.get("version")?,
    })
}

/// Insert or replace the post `n`.
pub fn upsert(conn: &Connection, n: &News) -> Result<()> {
    let images = serde_json::to_string(&n.images).unwrap_or_else(|_| "[]".into());
    conn.prepare_cached(
        "INSERT INTO news (id, title, date, author, body, images, published, published_at,
                           created_at, updated_at, version)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
         ON CONFLICT(id) DO UPDATE SET title = ?2, date = ?3, author = ?4, body = ?5, images = ?6,
             published = ?7, published_at = ?8, updated_at = ?10, version = ?11",
    )?
    .execute(params![
        n.id,
        n.title,
        n.date,
        n.author,
        n.body,
        images,
        n.published,
        n.published_at,
        n.created_at,
        n.updated_at,
        n.version
    ])?;
    Ok(())
}

/// Tombstone the post (its images stay on disk for backups and the change log).
pub fn delete(conn: &Connection, id: &str, at: &str, version: i64) -> Result<()> {
    conn.execute(
        "UPDATE news SET deleted_at = ?2, updated_at = ?2, version = ?3 WHERE id = ?1",
        params![id, at, version],
    )?;
    Ok(())
}

pub fn get(conn: &Connection, id: &str) -> Result<Option<News>> {
    Ok(conn
        .prepare_cached("SELECT * FROM news WHERE id = ?1 AND deleted_at IS NULL")?
        .query_row([id], from_row)
        .optional()?)
}

/// The filters of a list, as SQL.
#[derive(Debug, Default, Clone)]
pub struct Filter<'a> {
    pub words: Vec<&'a str>,
    pub status: Option<NewsStatus>,
    pub from: Option<&'a str>,
    pub to: Option<&'a str>,
}

fn where_sql(f: &Filter<'_>) -> (String, Vec<String>) {
    let mut w = vec!["deleted_at IS NULL".to_string()];
    let mut args: Vec<String> = Vec::new();
    for word in &f.words {
        args.push(word.to_lowercase());
        let i = args.len();
        w.push(format!(
            "(instr(lower(title), ?{i}) > 0 OR instr(lower(author), ?{i}) > 0
              OR instr(lower(body), ?{i}) > 0)"
        ));
    }
    match f.status {
        Some(NewsStatus::Draft) => w.push("published = 0".into()),
        Some(NewsStatus::Published) => w.push("published = 1".into()),
        None => {}
    }
    if let Some(from) = f.from {
        args.push(from.to_string());
        w.push(format!("date >= ?{}", args.len()));
    }
    if let Some(to) = f.to {
        args.push(to.to_string());
        w.push(format!("date <= ?{}", args.len()));
    }
    (w.join(" AND "), args)
}

/// One page of posts, newest first, and how many match.
pub fn list(
    conn: &Connection,
    f: &Filter<'_>,
    limit: i64,
    offset: i64,
) -> Result<(Vec<News>, u64)> {
    let (w, args) = where_sql(f);
    let n = args.len();
    let sql = format!(
        "SELECT * FROM news WHERE {w} ORDER BY date DESC, created_at DESC, id
         LIMIT ?{} OFFSET ?{}",
        n + 1,
        n + 2
    );
    let mut all: Vec<rusqlite::types::Value> = args
        .iter()
        .map(|a| rusqlite::types::Value::Text(a.clone()))
        .collect();
    all.push(limit.into());
    all.push(offset.into());
    let rows = conn
        .prepare(&sql)?
        .query_map(params_from_iter(all.iter()), from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let total: i64 = conn.query_row(
        &format!("SELECT COUNT(*) FROM news WHERE {w}"),
        params_from_iter(args.iter()),
        |r| r.get(0),
    )?;
    Ok((rows, total as u64))
}
