//! Bulk insert of generated ledger items for benchmarks (`demo::bulk_items`): rows straight into
//! the tables, many per transaction, without the per-item checks of the service. The full-text
//! triggers still fire and the 2-character index is written here, so searches see every row.

use rusqlite::{params, Connection};

use crate::error::Result;

/// One timeline entry of a generated item.
pub struct BulkEvent {
    pub on: String,
    pub kind: &'static str,
    pub status: &'static str,
    pub text: String,
}

/// A generated item, its handling delegate and its timeline.
pub struct BulkItem {
    pub id: String,
    pub no: String,
    pub category: &'static str,
    pub status: &'static str,
    pub source: &'static str,
    pub title: String,
    pub content: String,
    pub person_name: String,
    pub person_phone: String,
    pub first_responder: String,
    /// (delegate id, name, delegation id, delegation name, head name)
    pub delegate: (String, String, String, String, String),
    pub referral_unit: String,
    pub referred_on: Option<String>,
    pub referral_due_on: Option<String>,
    pub referral_answer: String,
    pub referral_answered_on: Option<String>,
    pub received_on: String,
    pub limit_days: u32,
    pub extension_days: u32,
    pub paused_days: u32,
    pub paused_since: Option<String>,
    pub due_on: String,
    pub answer: String,
    pub answered_on: Option<String>,
    pub feedback: String,
    pub fed_back_on: Option<String>,
    pub satisfaction: Option<&'static str>,
    pub follow_up_note: String,
    pub closed_on: Option<String>,
    pub decline_reason: String,
    pub escalated: bool,
    pub chase_count: u32,
    pub events: Vec<BulkEvent>,
}

/// Insert `items` with the caller's transaction (`conn` is the transaction).
pub fn insert(conn: &Connection, items: &[BulkItem], at: &str, actor: &str) -> Result<()> {
    let mut item = conn.prepare_cached(
        "INSERT INTO items (id, no, category, status, source, title, content, person_name,
             person_phone, first_responder, delegate_names, referral_unit, referred_on,
             referral_due_on, referral_answer, referral_answered_on, received_on, clock_start_on,
             limit_days, extension_days, paused_days, paused_since, due_on, answer, answered_on,
             feedback, fed_back_on, satisfaction, follow_up_note, closed_on, decline_reason,
             escalated, chase_count, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?17,
             ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30, ?31, ?32, ?33, ?33)",
    )?;
    let mut delegate = conn.prepare_cached(
        "INSERT INTO item_delegates (item_id, delegate_id, position, name, delegation_id,
             delegation_name, head_name) VALUES (?1, ?2, 0, ?3, ?4, ?5, ?6)",
    )?;
    let mut event = conn.prepare_cached(
        "INSERT INTO item_events (id, item_id, at, on_date, actor, actor_role, kind, status, text)
         VALUES (?1, ?2, ?3, ?4, ?5, 'system', ?6, ?7, ?8)",
    )?;
    let mut grams =
        conn.prepare_cached("INSERT INTO items_bigrams (rowid, grams) VALUES (?1, ?2)")?;
    for i in items {
        item.execute(params![
            i.id,
            i.no,
            i.category,
            i.status,
            i.source,
            i.title,
            i.content,
            i.person_name,
            i.person_phone,
            i.first_responder,
            i.delegate.1,
            i.referral_unit,
            i.referred_on,
            i.referral_due_on,
            i.referral_answer,
            i.referral_answered_on,
            i.received_on,
            i.limit_days,
            i.extension_days,
            i.paused_days,
            i.paused_since,
            i.due_on,
            i.answer,
            i.answered_on,
            i.feedback,
            i.fed_back_on,
            i.satisfaction,
            i.follow_up_note,
            i.closed_on,
            i.decline_reason,
            i.escalated,
            i.chase_count,
            at,
        ])?;
        let rid = conn.last_insert_rowid();
        let texts = [
            i.no.as_str(),
            &i.title,
            &i.content,
            &i.answer,
            &i.feedback,
            &i.referral_answer,
            &i.person_name,
        ]
        .join("\n");
        grams.execute(params![rid, super::items::bigrams(&texts)])?;
        let d = &i.delegate;
        delegate.execute(params![i.id, d.0, d.1, d.2, d.3, d.4])?;
        for e in &i.events {
            event.execute(params![
                crate::ids::new_id(),
                i.id,
                at,
                e.on,
                actor,
                e.kind,
                e.status,
                e.text
            ])?;
        }
    }
    Ok(())
}
