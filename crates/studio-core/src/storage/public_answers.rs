//! 代表回复's SQL: the public rows (`public_answers`, migration 019), the visitors' page and staff's
//! list of the consenting messages.

use rusqlite::types::Value as SqlValue;
use rusqlite::{params, params_from_iter, Connection, OptionalExtension, Row};

use crate::error::Result;
use crate::items::{ItemCategory, ItemSource, ItemStatus};
use crate::public_answers::{Publication, PublicationRow, PublicationState};

/// A published answer as stored, before its labels and its day: category code, question,
/// delegate names, answer, received on, answered on, published at (UTC).
pub struct PublicRow {
    pub category: String,
    pub question: String,
    pub delegate_names: String,
    pub answer: String,
    pub received_on: String,
    pub answered_on: String,
    pub published_at: String,
}

fn publication(r: &Row) -> rusqlite::Result<Publication> {
    Ok(Publication {
        item_id: r.get("item_id")?,
        question: r.get("question")?,
        answer: r.get("answer")?,
        published: r.get("published")?,
        first_published_at: r.get("first_published_at")?,
        published_at: r.get("published_at")?,
        created_at: r.get("created_at")?,
        updated_at: r.get("updated_at")?,
        version: r.get("version")?,
    })
}

/// The live public row of `item_id`.
pub fn get(conn: &Connection, item_id: &str) -> Result<Option<Publication>> {
    Ok(conn
        .prepare_cached(
            "SELECT item_id, question, answer, published, first_published_at, published_at,
                    created_at, updated_at, version
             FROM public_answers WHERE item_id = ?1 AND deleted_at IS NULL",
        )?
        .query_row([item_id], publication)
        .optional()?)
}

pub fn insert(conn: &Connection, p: &Publication) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO public_answers (item_id, question, answer, published, first_published_at,
                                     published_at, created_at, updated_at, version)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?
    .execute(params![
        p.item_id,
        p.question,
        p.answer,
        p.published,
        p.first_published_at,
        p.published_at,
        p.created_at,
        p.updated_at,
        p.version
    ])?;
    Ok(())
}

pub fn update(conn: &Connection, p: &Publication) -> Result<()> {
    conn.prepare_cached(
        "UPDATE public_answers SET question = ?2, answer = ?3, published = ?4,
                first_published_at = ?5, published_at = ?6, updated_at = ?7, version = ?8
         WHERE item_id = ?1 AND deleted_at IS NULL",
    )?
    .execute(params![
        p.item_id,
        p.question,
        p.answer,
        p.published,
        p.first_published_at,
        p.published_at,
        p.updated_at,
        p.version
    ])?;
    Ok(())
}

/// What every public row must be: published, its item alive, from the kiosk or the online
/// studio, consented to and answered (a reopened item has lost its answer day).
const PUBLIC_WHERE: &str = "p.published = 1 AND p.deleted_at IS NULL AND i.deleted_at IS NULL
    AND i.publish_ok = 1 AND i.source IN ('kiosk', 'online')
    AND i.answered_on IS NOT NULL AND trim(i.answer) <> ''";

/// One page of the published answers, newest publication first, with the total. Each of `words`
/// (lower-cased) must occur in the question, the answer or the delegates' names.
pub fn list_public(
    conn: &Connection,
    words: &[String],
    category: Option<ItemCategory>,
    offset: i64,
    limit: i64,
) -> Result<(Vec<PublicRow>, u64)> {
    let mut filter = String::from(PUBLIC_WHERE);
    let mut args: Vec<SqlValue> = Vec::new();
    for w in words {
        args.push(SqlValue::Text(w.clone()));
        filter.push_str(&format!(
            " AND instr(lower(p.question || char(10) || p.answer || char(10) || i.delegate_names), ?{}) > 0",
            args.len()
        ));
    }
    if let Some(c) = category {
        args.push(SqlValue::Text(c.as_str().into()));
        filter.push_str(&format!(" AND i.category = ?{}", args.len()));
    }
    let total: i64 = conn
        .prepare_cached(&format!(
            "SELECT count(*) FROM public_answers p JOIN items i ON i.id = p.item_id WHERE {filter}"
        ))?
        .query_row(params_from_iter(args.iter()), |r| r.get(0))?;
    let n = args.len();
    args.push(SqlValue::Integer(limit));
    args.push(SqlValue::Integer(offset));
    let sql = format!(
        "SELECT i.category, p.question, i.delegate_names, p.answer, i.received_on, i.answered_on,
                p.published_at
         FROM public_answers p JOIN items i ON i.id = p.item_id
         WHERE {filter}
         ORDER BY p.published_at DESC, p.item_id DESC
         LIMIT ?{} OFFSET ?{}",
        n + 1,
        n + 2
    );
    let rows = conn
        .prepare_cached(&sql)?
        .query_map(params_from_iter(args.iter()), |r| {
            Ok(PublicRow {
                category: r.get(0)?,
                question: r.get(1)?,
                delegate_names: r.get(2)?,
                answer: r.get(3)?,
                received_on: r.get(4)?,
                answered_on: r.get(5)?,
                published_at: r.get(6)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok((rows, total.max(0) as u64))
}

/// The live public row of each item, if any (`p` beside `i`).
const CANDIDATE_JOIN: &str =
    "items i LEFT JOIN public_answers p ON p.item_id = i.id AND p.deleted_at IS NULL";

/// Staff's list: the live messages from the kiosk or the online studio whose writer agreed to
/// publication (`answered_only`: those answered; `state`: those standing so), latest answer
/// first, then the newest received.
pub fn list_candidates(
    conn: &Connection,
    answered_only: bool,
    state: Option<PublicationState>,
    offset: i64,
    limit: i64,
) -> Result<(Vec<PublicationRow>, u64)> {
    let mut filter = String::from(
        "i.publish_ok = 1 AND i.source IN ('kiosk', 'online') AND i.deleted_at IS NULL",
    );
    if answered_only {
        filter.push_str(" AND i.answered_on IS NOT NULL");
    }
    filter.push_str(match state {
        None => "",
        Some(PublicationState::None) => " AND p.item_id IS NULL",
        Some(PublicationState::Draft) => {
            " AND p.item_id IS NOT NULL AND p.published = 0 AND p.first_published_at IS NULL"
        }
        Some(PublicationState::Published) => " AND p.published = 1",
        Some(PublicationState::Withdrawn) => {
            " AND p.published = 0 AND p.first_published_at IS NOT NULL"
        }
    });
    let total: i64 = conn
        .prepare_cached(&format!(
            "SELECT count(*) FROM {CANDIDATE_JOIN} WHERE {filter}"
        ))?
        .query_row([], |r| r.get(0))?;
    let rows = conn
        .prepare_cached(&format!(
            "SELECT i.id, i.no, i.title, i.category, i.source, i.status, i.delegate_names,
                    i.received_on, i.answered_on, p.published, p.first_published_at,
                    p.item_id IS NOT NULL
             FROM {CANDIDATE_JOIN}
             WHERE {filter}
             ORDER BY i.answered_on IS NULL, i.answered_on DESC, i.received_on DESC, i.rid DESC
             LIMIT ?1 OFFSET ?2"
        ))?
        .query_map(params![limit, offset], |r| {
            let category: String = r.get(3)?;
            let source: String = r.get(4)?;
            let status: String = r.get(5)?;
            let published: Option<bool> = r.get(9)?;
            let first: Option<String> = r.get(10)?;
            let saved: bool = r.get(11)?;
            let state = match (saved, published.unwrap_or(false), first.is_some()) {
                (false, _, _) => PublicationState::None,
                (true, true, _) => PublicationState::Published,
                (true, false, true) => PublicationState::Withdrawn,
                (true, false, false) => PublicationState::Draft,
            };
            // The columns' CHECKs admit only the listed codes.
            Ok(PublicationRow {
                item_id: r.get(0)?,
                no: r.get(1)?,
                title: r.get(2)?,
                category: ItemCategory::parse(&category).unwrap_or(ItemCategory::PolicyInquiry),
                source: ItemSource::parse(&source).unwrap_or(ItemSource::Online),
                status: ItemStatus::parse(&status).unwrap_or(ItemStatus::Received),
                delegate_names: r.get(6)?,
                received_on: r.get(7)?,
                answered_on: r.get(8)?,
                state,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok((rows, total.max(0) as u64))
}
