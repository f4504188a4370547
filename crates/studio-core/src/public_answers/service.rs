//! 代表回复's reads and writes: staff prepare, publish and withdraw; visitors read the published.

use chrono::{DateTime, Duration, Utc};
use rusqlite::Connection;
use serde_json::json;

use super::validate;
use super::{
    PublicAnswer, PublicAnswerQuery, Publication, PublicationForm, PublicationInput,
    PublicationQuery, PublicationRow, PublicationState, PUBLIC_PAGE_SIZE,
};
use crate::actor::Permission;
use crate::audit::Entity;
use crate::ctx::Ctx;
use crate::error::{Error, Result};
use crate::ids::{new_id, now_utc};
use crate::items::{ItemCategory, ItemEvent, ItemEventKind, ItemSource, ItemStatus};
use crate::page::{Page, PageRequest};
use crate::storage::items::{self as items_db, StoredItem};
use crate::storage::public_answers as db;
use crate::storage::{Store, Write};

const ENTITY: Entity = Entity::PublicAnswer;

/// The Shanghai day of a stored UTC time (`YYYY-MM-DD`).
fn shanghai_day(at: &str) -> String {
    DateTime::parse_from_rfc3339(at)
        .map(|t| {
            (t.with_timezone(&Utc) + Duration::hours(8))
                .format("%Y-%m-%d")
                .to_string()
        })
        .unwrap_or_default()
}

fn not_found() -> Error {
    Error::NotFound("找不到该留言".into())
}

/// Why the item cannot go on 代表回复 at all (not a visitor's message, or its writer did not
/// agree): refused before anything is shown or written.
fn require_candidate(s: &StoredItem) -> Result<()> {
    let i = &s.item;
    if !matches!(i.source, ItemSource::Kiosk | ItemSource::Online) {
        return Err(Error::Invalid(
            "只有自助终端和网上工作室的留言可以公开答复".into(),
        ));
    }
    if !i.publish_ok {
        return Err(Error::Invalid(
            "留言人没有同意公开答复，不能发布到代表回复".into(),
        ));
    }
    Ok(())
}

/// Why it cannot be published now (no answer yet, declined…), `None` when it can.
fn blocked(s: &StoredItem) -> Option<String> {
    let i = &s.item;
    if i.status == ItemStatus::Declined {
        return Some("该留言不予受理，不能公开".into());
    }
    if i.answered_on.is_none() || i.answer.trim().is_empty() {
        return Some(format!(
            "该留言尚未答复（当前状态：{}），答复后才能发布",
            i.status.label()
        ));
    }
    None
}

fn load(conn: &Connection, item_id: &str) -> Result<StoredItem> {
    let s = items_db::get_full(conn, item_id)?.ok_or_else(not_found)?;
    require_candidate(&s)?;
    Ok(s)
}

/// 代表回复 for staff: the messages whose writer agreed to publication, with where each stands.
/// Needs `EditStudio` (管理员, 联络员).
pub fn publication_list(
    store: &Store,
    ctx: &Ctx,
    query: &PublicationQuery,
) -> Result<Page<PublicationRow>> {
    ctx.require(Permission::EditStudio)?;
    let page = query.page.clamped();
    let (items, total) = db::list_candidates(
        &*store.reader()?,
        query.answered_only,
        query.state,
        page.offset(),
        page.limit(),
    )?;
    Ok(Page {
        items,
        total,
        page: page.page,
        page_size: page.page_size,
    })
}

/// What staff edit for one message: the writer's text and the answer beside the public texts
/// (saved ones, or the originals to start from). Needs `EditStudio`.
pub fn publication_form(store: &Store, ctx: &Ctx, item_id: &str) -> Result<PublicationForm> {
    ctx.require(Permission::EditStudio)?;
    let guard = store.reader()?;
    let conn: &Connection = &guard;
    let s = load(conn, item_id)?;
    let saved = db::get(conn, item_id)?;
    let i = &s.item;
    Ok(PublicationForm {
        item_id: i.id.clone(),
        no: i.no.clone(),
        category: i.category,
        original_question: i.content.clone(),
        original_answer: i.answer.clone(),
        answered_on: i.answered_on.clone(),
        delegate_names: i
            .delegates
            .iter()
            .map(|d| d.name.as_str())
            .collect::<Vec<_>>()
            .join("、"),
        question: saved
            .as_ref()
            .map_or_else(|| i.content.clone(), |p| p.question.clone()),
        answer: saved
            .as_ref()
            .map_or_else(|| i.answer.clone(), |p| p.answer.clone()),
        state: saved
            .as_ref()
            .map_or(PublicationState::None, Publication::state),
        version: saved.as_ref().map_or(0, |p| p.version),
        blocked: blocked(&s),
    })
}

/// Save the public question and answer of a consenting message and, with `publish`, show it on
/// 代表回复 (without: keep it as it is, hidden when not yet published). `version` is the public
/// row's version the caller read (0 before the first save); a stale one is refused
/// ([`Error::Stale`]). Refused: a message not from the kiosk or the online studio, one whose
/// writer did not agree, publishing one that is not answered (or was declined), a text that holds
/// the writer's name or phone number (field errors). The item's timeline gets `public_saved` or
/// `published`; the change log the public row (entity `public_answer`). Needs `EditStudio`.
pub fn save_publication(
    store: &Store,
    ctx: &Ctx,
    item_id: &str,
    version: i64,
    input: &PublicationInput,
    publish: bool,
) -> Result<Publication> {
    ctx.require(Permission::EditStudio)?;
    store.write(ctx, Permission::EditStudio, |tx| {
        let s = load(tx, item_id)?;
        let (question, answer) = validate::input(input, &s.item.person_name, &s.item.person_phone)?;
        let before = db::get(tx, item_id)?;
        tx.expect_version(
            ENTITY,
            item_id,
            before.as_ref().map_or(0, |p| p.version),
            version,
        )?;
        if publish {
            if let Some(why) = blocked(&s) {
                return Err(Error::Conflict(why));
            }
        }
        let now = now_utc();
        let mut after = before.clone().unwrap_or(Publication {
            item_id: item_id.to_string(),
            question: String::new(),
            answer: String::new(),
            published: false,
            first_published_at: None,
            published_at: None,
            created_at: now.clone(),
            updated_at: now.clone(),
            version: 0,
        });
        after.question = question;
        after.answer = answer;
        if publish {
            after.published = true;
            after.published_at = Some(now.clone());
            if after.first_published_at.is_none() {
                after.first_published_at = Some(now.clone());
            }
        }
        if before.as_ref() == Some(&after) {
            return Ok(after);
        }
        after.updated_at = now;
        after.version += 1;
        let was_published = before.as_ref().is_some_and(|p| p.published);
        let (kind, action, text) = match (after.published, was_published) {
            (true, false) => (ItemEventKind::Published, "publish", "发布到代表回复"),
            (true, true) => (ItemEventKind::Published, "update", "修改代表回复的公开内容"),
            (false, _) => (
                ItemEventKind::PublicSaved,
                "update",
                "整理代表回复的公开内容",
            ),
        };
        match &before {
            None => {
                db::insert(tx, &after)?;
                let action = if publish { "publish" } else { "create" };
                tx.record(ENTITY, item_id, action, None::<&Publication>, Some(&after))?;
            }
            Some(b) => {
                db::update(tx, &after)?;
                tx.record(ENTITY, item_id, action, Some(b), Some(&after))?;
            }
        }
        timeline(tx, &s, kind, text)?;
        Ok(after)
    })
}

/// Take a published answer off 代表回复 (its texts are kept). `version` as read; stale: refused.
/// Timeline `unpublished`, change record action `unpublish`. Needs `EditStudio`.
pub fn withdraw_publication(
    store: &Store,
    ctx: &Ctx,
    item_id: &str,
    version: i64,
) -> Result<Publication> {
    ctx.require(Permission::EditStudio)?;
    store.write(ctx, Permission::EditStudio, |tx| {
        let s = load(tx, item_id)?;
        let before = db::get(tx, item_id)?
            .ok_or_else(|| Error::Conflict("该留言还没有发布到代表回复".into()))?;
        tx.expect_version(ENTITY, item_id, before.version, version)?;
        if !before.published {
            return Err(Error::Conflict("该留言还没有发布到代表回复".into()));
        }
        let mut after = before.clone();
        after.published = false;
        after.updated_at = now_utc();
        after.version += 1;
        db::update(tx, &after)?;
        tx.record(ENTITY, item_id, "unpublish", Some(&before), Some(&after))?;
        timeline(tx, &s, ItemEventKind::Unpublished, "撤回代表回复")?;
        Ok(after)
    })
}

fn timeline(tx: &Write<'_>, s: &StoredItem, kind: ItemEventKind, text: &str) -> Result<()> {
    let actor = tx.actor();
    items_db::insert_event(
        tx,
        &ItemEvent {
            id: new_id(),
            item_id: s.item.id.clone(),
            at: now_utc(),
            on: tx.today().format("%Y-%m-%d").to_string(),
            actor: actor.name.clone(),
            actor_role: actor.role,
            kind,
            status: s.item.status,
            text: text.to_string(),
            data: json!({}),
        },
    )
}

/// 代表回复 for visitors: the published answers of consenting, answered messages, newest first,
/// [`PUBLIC_PAGE_SIZE`] a page; words (each in the question, the answer or the delegate's name)
/// and a category narrow it. Only the category, the edited question, the delegate, the answer and
/// the dates: nothing of the writer. Needs `UseKiosk` (visitors have it). Search text bounded
/// like every list's (50 characters, 8 words).
pub fn public_answers(
    store: &Store,
    ctx: &Ctx,
    query: &PublicAnswerQuery,
) -> Result<Page<PublicAnswer>> {
    ctx.require(Permission::UseKiosk)?;
    crate::validate::bound_search(&query.q)?;
    let words: Vec<String> = query.q.split_whitespace().map(str::to_lowercase).collect();
    let page = PageRequest {
        page: query.page.max(1),
        page_size: PUBLIC_PAGE_SIZE,
    };
    let (rows, total) = db::list_public(
        &*store.reader()?,
        &words,
        query.category,
        page.offset(),
        page.limit(),
    )?;
    let items = rows
        .into_iter()
        .map(|r| {
            let category = ItemCategory::parse(&r.category).unwrap_or(ItemCategory::PolicyInquiry);
            PublicAnswer {
                category,
                category_label: category.label().to_string(),
                question: r.question,
                delegate_names: r.delegate_names,
                answer: r.answer,
                received_on: r.received_on,
                answered_on: r.answered_on,
                published_on: shanghai_day(&r.published_at),
            }
        })
        .collect();
    Ok(Page {
        items,
        total,
        page: page.page,
        page_size: page.page_size,
    })
}
