//! Item operations that write (and the helpers the reads share: `present`, `with_deadline`…).
//! Each write goes through the write gate: permission, validation, one IMMEDIATE transaction
//! holding the change, its timeline entries and one change record per changed row (entity `item`,
//! the whole row before and after). An edit or a step names the version of the item the caller
//! read; a stale one is refused ([`Error::Stale`]) and nothing is written. "Today" is `ctx.today`.

use chrono::{Datelike, NaiveDate};
use rusqlite::Connection;
use serde_json::{json, Value};

use super::validate::{self, Valid};
use super::{
    deadline, flow, Item, ItemAction, ItemCategory, ItemDelegate, ItemEvent, ItemEventKind,
    ItemInput, ItemListItem, ItemSource, ItemStatus, Referral, Satisfaction,
};
use crate::actor::{Actor, Permission, Scope};
use crate::audit::Entity;
use crate::calendar::WorkCalendar;
use crate::cards::{self, CardStatus};
use crate::ctx::Ctx;
use crate::error::{Error, Result};
use crate::ids::{new_id, now_utc, parse_date};
use crate::progress;
use crate::storage::items::{self as db, StoredItem};
use crate::storage::{calendar as calendar_db, cards as cards_db};
use crate::storage::{Store, Write};

use super::limits::deadlines_in;
use crate::validate::Checker;

const ITEM: Entity = Entity::Item;
/// Characters of a card's opinion that become an item's title when none is given.
const TITLE_FROM_OPINION: usize = 30;

pub(super) fn not_found() -> Error {
    Error::NotFound("找不到该事项".into())
}

pub(super) fn date_text(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

fn stored_date(s: &Option<String>) -> Option<NaiveDate> {
    s.as_deref().and_then(parse_date)
}

/// The calendar as this connection sees it (inside a write's transaction: with its own changes).
/// Reads that hold a connection use it rather than `calendar::load` (which takes another one: with
/// an in-memory store, the same one).
pub(super) fn calendar_in(conn: &Connection) -> Result<WorkCalendar> {
    Ok(WorkCalendar::from_overrides(&calendar_db::list(
        conn, None,
    )?))
}

/// The item as the change log keeps it: the whole stored row (its delegates and the day its clock
/// started included), without the fields computed when it is read. Its `version` is the row's.
/// The bulk generator records its rows with it too.
pub(crate) fn row_value(s: &StoredItem) -> Value {
    let mut v = serde_json::to_value(&s.item).unwrap_or(Value::Null);
    if let Value::Object(m) = &mut v {
        m.remove("deadline");
        m.remove("days_left");
        m.remove("card_filing_due_on");
        m.insert(
            "clock_start_on".into(),
            Value::String(s.clock_start_on.clone()),
        );
    }
    v
}

/// The live item `id` with its delegates, as of the version the caller read (`version`): an item
/// outside the writer's reach ([`Error::Forbidden`]) or a stale version is refused before anything
/// is written.
fn load_at(tx: &Write<'_>, id: &str, version: i64) -> Result<StoredItem> {
    let before = db::get_full(tx, id)?.ok_or_else(not_found)?;
    require_item_reach(tx.ctx(), &before.item.delegates)?;
    tx.expect_version(ITEM, id, before.item.version, version)?;
    Ok(before)
}

/// Store `after` over `before` as the next version and record the change (`action`).
fn save(
    tx: &mut Write<'_>,
    action: &str,
    before: &StoredItem,
    after: &mut StoredItem,
) -> Result<()> {
    after.item.updated_at = now_utc();
    after.item.version = before.item.version + 1;
    db::update_item(tx, before, after)?;
    tx.record(
        ITEM,
        &before.item.id,
        action,
        Some(&row_value(before)),
        Some(&row_value(after)),
    )
}

/// Fill the read-time fields of a stored item as of `today`.
pub(super) fn present(
    conn: &Connection,
    cal: &WorkCalendar,
    s: StoredItem,
    today: NaiveDate,
) -> Result<Item> {
    let mut i = s.item;
    let (state, left) = deadline::state(
        cal,
        i.status,
        stored_date(&i.due_on),
        stored_date(&i.paused_since),
        stored_date(&i.answered_on),
        today,
    );
    i.deadline = state;
    i.days_left = left;
    i.card_filing_due_on = match stored_date(&i.fed_back_on) {
        Some(fb) => {
            let filed = match &i.card_id {
                Some(c) => db::card_status(conn, c)? == Some(CardStatus::Submitted),
                None => false,
            };
            (!filed).then(|| date_text(cards::deadline::due_on(fb, cal)))
        }
        None => None,
    };
    Ok(i)
}

pub(super) fn with_deadline(
    cal: &WorkCalendar,
    (mut row, answered): (ItemListItem, Option<String>),
    today: NaiveDate,
) -> ItemListItem {
    let (state, left) = deadline::state(
        cal,
        row.status,
        stored_date(&row.due_on),
        stored_date(&row.paused_since),
        stored_date(&answered),
        today,
    );
    row.deadline = state;
    row.days_left = left;
    row
}

fn recompute_due(cal: &WorkCalendar, s: &mut StoredItem) {
    let start = parse_date(&s.clock_start_on).unwrap_or_default();
    let i = &mut s.item;
    i.due_on = Some(date_text(deadline::due_on(
        cal,
        start,
        i.limit_days,
        i.extension_days,
        i.paused_days,
    )));
}

/// Append a timeline entry for `item` (its status is the status after the step).
fn event(
    conn: &Connection,
    actor: &Actor,
    item: &Item,
    kind: ItemEventKind,
    on: NaiveDate,
    text: &str,
    data: Value,
) -> Result<()> {
    db::insert_event(
        conn,
        &ItemEvent {
            id: new_id(),
            item_id: item.id.clone(),
            at: now_utc(),
            on: date_text(on),
            actor: actor.name.clone(),
            actor_role: actor.role,
            kind,
            status: item.status,
            text: text.to_string(),
            data,
        },
    )
}

/// The delegation heads to notify for `delegates`, one entry per delegation with a head, skipping
/// delegations in `already`.
fn notify(
    conn: &Connection,
    actor: &Actor,
    item: &Item,
    delegates: &[ItemDelegate],
    already: &[ItemDelegate],
    on: NaiveDate,
) -> Result<()> {
    let mut seen: Vec<&str> = already.iter().map(|d| d.delegation_id.as_str()).collect();
    for d in delegates {
        if d.head_name.is_empty() || seen.contains(&d.delegation_id.as_str()) {
            continue;
        }
        seen.push(&d.delegation_id);
        event(
            conn,
            actor,
            item,
            ItemEventKind::Notified,
            on,
            &format!("已通知{}团长 {}", d.delegation_name, d.head_name),
            json!({"delegation_id": d.delegation_id, "head_name": d.head_name,
                   "delegate": d.name}),
        )?;
    }
    Ok(())
}

/// Snapshots of the chosen delegates: kept as they were for those already on the item, taken from
/// the roster now for the others (who must exist and not have left before `received_on`).
fn snapshots(
    conn: &Connection,
    ids: &[String],
    existing: &[ItemDelegate],
    received_on: NaiveDate,
) -> Result<Vec<ItemDelegate>> {
    let mut out = Vec::new();
    for id in ids {
        if let Some(d) = existing.iter().find(|d| &d.delegate_id == id) {
            out.push(d.clone());
            continue;
        }
        let (d, left) = db::delegate_snapshot(conn, id)?
            .ok_or_else(|| Error::field("delegate_ids", "所选党代表不存在，请重新选择"))?;
        if let Some(left_on) = left {
            if left_on.is_empty() || date_text(received_on) > left_on {
                return Err(Error::field(
                    "delegate_ids",
                    format!("{} 已离任，不能承办新的事项", d.name),
                ));
            }
        }
        out.push(d);
    }
    Ok(out)
}

/// The live item `id`, refused when it is outside `ctx`'s reach: what hangs off an item (its
/// activities, its proposals) is read and linked as far as the item is.
pub(crate) fn reachable_item(conn: &Connection, ctx: &Ctx, id: &str) -> Result<StoredItem> {
    let s = db::get_full(conn, id)?.ok_or_else(not_found)?;
    require_item_reach(ctx, &s.item.delegates)?;
    Ok(s)
}

/// Refuse an item whose delegates are all outside `ctx`'s reach (a head: none of their
/// delegation; a delegate: not themself). An item without delegates is staff's only.
pub(super) fn require_item_reach(ctx: &Ctx, delegates: &[ItemDelegate]) -> Result<()> {
    let ids: Vec<&str> = delegates.iter().map(|d| d.delegate_id.as_str()).collect();
    let groups: Vec<&str> = delegates.iter().map(|d| d.delegation_id.as_str()).collect();
    ctx.require_reach(&ids, &groups)
}

/// Refuse the record card `card_id` when it is outside `ctx`'s reach (one that does not exist is
/// left to the caller).
pub(super) fn require_card_reach(conn: &Connection, ctx: &Ctx, card_id: &str) -> Result<()> {
    if ctx.scope() == Scope::All {
        return Ok(());
    }
    match cards_db::card_owner(conn, card_id)? {
        Some((delegate, delegation)) => ctx.require_reach(&[&delegate], &[&delegation]),
        None => Ok(()),
    }
}

/// The card may be linked to `item_id` by `ctx`: it exists, is in their reach and no other item
/// has it.
fn check_card(conn: &Connection, ctx: &Ctx, card_id: &str, item_id: Option<&str>) -> Result<()> {
    if db::card_status(conn, card_id)?.is_none() {
        return Err(Error::field("card_id", "所选记录卡不存在"));
    }
    require_card_reach(conn, ctx, card_id)?;
    match db::item_of_card(conn, card_id)? {
        Some((other, no)) if Some(other.as_str()) != item_id => Err(Error::Conflict(format!(
            "该记录卡已关联事项 {no}，一张记录卡只对应一个事项"
        ))),
        _ => Ok(()),
    }
}

// ---- writes ---------------------------------------------------------------------------------

/// 受理: a new item (status `received`), numbered, with its deadline from the category's working
/// days; handling delegates snapshotted and their delegation heads notified (timeline `notified`).
/// The receipt date may not be later than `ctx.today`. Needs `HandleItems`.
pub fn create_item(store: &Store, ctx: &Ctx, input: &ItemInput) -> Result<Item> {
    ctx.require(Permission::HandleItems)?;
    let v = validate::item(input, ctx.today)?;
    store.write(ctx, Permission::HandleItems, |tx| insert_new(tx, v))
}

fn insert_new(tx: &mut Write<'_>, v: Valid) -> Result<Item> {
    let actor = tx.actor().clone();
    let today = tx.today();
    let cal = calendar_in(tx)?;
    let limits = deadlines_in(tx)?;
    let delegates = snapshots(tx, &v.delegate_ids, &[], v.received_on)?;
    require_item_reach(tx.ctx(), &delegates)?;
    if let Some(card) = &v.card_id {
        check_card(tx, tx.ctx(), card, None)?;
    }
    let now = now_utc();
    let first_responder = if v.first_responder.is_empty() {
        actor.name.chars().take(validate::RESPONDER_MAX).collect()
    } else {
        v.first_responder
    };
    let mut s = StoredItem {
        rid: 0,
        clock_start_on: date_text(v.received_on),
        item: Item {
            id: new_id(),
            no: db::next_no(tx, v.received_on.year())?,
            category: v.category,
            status: ItemStatus::Received,
            source: v.source,
            title: v.title,
            content: v.content,
            person_name: v.person_name,
            person_phone: v.person_phone,
            person_contact: v.person_contact,
            person_consent: v.person_consent,
            publish_ok: v.publish_ok,
            requested_delegate_id: v.requested_delegate_id,
            card_id: v.card_id,
            first_responder,
            delegates,
            referral: None,
            received_on: date_text(v.received_on),
            limit_days: limits.for_category(v.category),
            extension_days: 0,
            paused_days: 0,
            paused_since: None,
            due_on: None,
            answer: String::new(),
            answered_on: None,
            feedback: String::new(),
            fed_back_on: None,
            satisfaction: None,
            follow_up_note: String::new(),
            closed_on: None,
            decline_reason: String::new(),
            escalated: false,
            chase_count: 0,
            deadline: super::ItemDeadlineState::None,
            days_left: None,
            card_filing_due_on: None,
            created_at: now.clone(),
            updated_at: now,
            version: 1,
        },
    };
    recompute_due(&cal, &mut s);
    s.rid = db::insert_item(tx, &s)?;
    let i = &s.item;
    event(
        tx,
        &actor,
        i,
        ItemEventKind::Received,
        v.received_on,
        &i.title,
        json!({"no": i.no, "category": i.category, "source": i.source,
               "first_responder": i.first_responder, "limit_days": i.limit_days,
               "due_on": i.due_on}),
    )?;
    if let Some(card) = &i.card_id {
        event(
            tx,
            &actor,
            i,
            ItemEventKind::CardLinked,
            today,
            "关联记录卡",
            json!({ "card_id": card }),
        )?;
    }
    notify(tx, &actor, i, &i.delegates, &[], today)?;
    tx.record(ITEM, &i.id, "create", None::<&Value>, Some(&row_value(&s)))?;
    present(tx, &cal, s, today)
}

/// Edit an open item's fields (not its status), based on the item at `version`: a stale version is
/// refused ([`Error::Stale`]). A timeline `edited` entry lists what changed.
///
/// Delegates already on the item keep their snapshot; a newly added one is taken from the roster
/// (and must be in office) and their delegation head is notified. An empty first responder keeps
/// the current one. The number stays even if the receipt date moves to another year. A new
/// category takes that category's current limit; a new receipt date moves the clock start (unless
/// the item was reopened) and so the due date. A card given here is linked (never unlinked). The
/// same form again changes nothing and records nothing.
pub fn update_item(
    store: &Store,
    ctx: &Ctx,
    id: &str,
    version: i64,
    input: &ItemInput,
) -> Result<Item> {
    ctx.require(Permission::HandleItems)?;
    let v = validate::item(input, ctx.today)?;
    store.write(ctx, Permission::HandleItems, |tx| {
        let actor = tx.actor().clone();
        let today = tx.today();
        let before = load_at(tx, id, version)?;
        let b = &before.item;
        if !b.status.is_open() {
            return Err(flow::refusal(b.status, false, "修改", ""));
        }
        // Nothing recorded may come before the receipt.
        let earliest = [
            &b.paused_since,
            &b.answered_on,
            &b.fed_back_on,
            &b.referral.as_ref().map(|r| r.referred_on.clone()),
        ]
        .into_iter()
        .filter_map(stored_date)
        .min();
        if let Some(e) = earliest.filter(|e| v.received_on > *e) {
            return Err(Error::field(
                "received_on",
                format!("受理日期不能晚于已记录的办理日期（{}）", date_text(e)),
            ));
        }
        let cal = calendar_in(tx)?;
        let limits = deadlines_in(tx)?;
        let delegates = snapshots(tx, &v.delegate_ids, &b.delegates, v.received_on)?;
        // A head or a delegate may not hand an item out of their own reach.
        require_item_reach(ctx, &delegates)?;
        let card_changed = v.card_id.is_some() && v.card_id != b.card_id;
        if card_changed {
            check_card(tx, ctx, v.card_id.as_deref().unwrap_or(""), Some(id))?;
        }
        let mut after = before.clone();
        {
            let a = &mut after.item;
            if v.category != b.category {
                a.limit_days = limits.for_category(v.category);
            }
            a.category = v.category;
            a.source = v.source;
            a.title = v.title;
            a.content = v.content;
            a.person_name = v.person_name;
            a.person_phone = v.person_phone;
            a.person_contact = v.person_contact;
            a.person_consent = v.person_consent;
            if !v.first_responder.is_empty() {
                a.first_responder = v.first_responder;
            }
            a.delegates = delegates;
            if before.clock_start_on == b.received_on {
                after.clock_start_on = date_text(v.received_on);
            }
            a.received_on = date_text(v.received_on);
            if card_changed {
                a.card_id = v.card_id;
            }
        }
        recompute_due(&cal, &mut after);
        let a = &after.item;
        let labels: Vec<&str> = [
            (b.category != a.category, "问题类别"),
            (b.source != a.source, "来源"),
            (b.title != a.title, "标题"),
            (b.content != a.content, "内容"),
            (b.person_name != a.person_name, "反映人"),
            (b.person_phone != a.person_phone, "联系电话"),
            (b.person_contact != a.person_contact, "通讯地址"),
            (b.person_consent != a.person_consent, "个人信息处理同意"),
            (b.first_responder != a.first_responder, "首问责任人"),
            (b.delegates != a.delegates, "承办党代表"),
            (b.received_on != a.received_on, "受理日期"),
            (b.card_id != a.card_id, "关联记录卡"),
        ]
        .into_iter()
        .filter_map(|(changed, label)| changed.then_some(label))
        .collect();
        if labels.is_empty() {
            return present(tx, &cal, before, today);
        }
        save(tx, "update", &before, &mut after)?;
        let (b, a) = (&before.item, &after.item);
        event(
            tx,
            &actor,
            a,
            ItemEventKind::Edited,
            today,
            &format!("修改了：{}", labels.join("、")),
            json!({ "fields": labels, "due_on_before": b.due_on, "due_on_after": a.due_on }),
        )?;
        if card_changed {
            event(
                tx,
                &actor,
                a,
                ItemEventKind::CardLinked,
                today,
                "关联记录卡",
                json!({ "card_id": a.card_id }),
            )?;
        }
        let added: Vec<ItemDelegate> = a
            .delegates
            .iter()
            .filter(|d| !b.delegates.iter().any(|x| x.delegate_id == d.delegate_id))
            .cloned()
            .collect();
        notify(tx, &actor, a, &added, &b.delegates, today)?;
        present(tx, &cal, after, today)
    })
}

/// An item from a record card's opinion: source `card`, the card's opinion as content, its person,
/// its delegate as handler and first responder, received on the contact date. A card has at most
/// one item: a second call is a `Conflict` naming the existing item's number. An empty `title`
/// takes the opinion's first 30 characters. The item starts at 受理 even when the card already
/// records handling and feedback: its steps are entered on the item.
pub fn create_from_card(
    store: &Store,
    ctx: &Ctx,
    card_id: &str,
    category: ItemCategory,
    title: &str,
) -> Result<Item> {
    ctx.require(Permission::HandleItems)?;
    store.write(ctx, Permission::HandleItems, |tx| {
        let card = cards_db::get_card(tx, card_id)?
            .ok_or_else(|| Error::NotFound("找不到该记录卡".into()))?;
        ctx.require_reach(&[&card.delegate_id], &[&card.delegation_id])?;
        if card.opinion.trim().is_empty() {
            return Err(Error::Invalid(
                "该记录卡没有填写意见建议或问题，不能建立事项".into(),
            ));
        }
        if let Some((_, no)) = db::item_of_card(tx, card_id)? {
            return Err(Error::Conflict(format!("该记录卡已建立事项 {no}")));
        }
        let title = match title.trim() {
            "" => card
                .opinion
                .trim()
                .chars()
                .map(|c| if c.is_control() { ' ' } else { c })
                .take(TITLE_FROM_OPINION)
                .collect::<String>()
                .trim()
                .to_string(),
            t => t.to_string(),
        };
        let input = ItemInput {
            category: Some(category),
            source: Some(ItemSource::Card),
            title,
            content: card.opinion.clone(),
            person_name: card.person_name.clone(),
            person_phone: card.person_phone.clone(),
            person_contact: card.person_address.clone(),
            person_consent: card.person_consent,
            first_responder: card.delegate_name.clone(),
            delegate_ids: vec![card.delegate_id.clone()],
            received_on: card.contact_date.clone(),
            card_id: Some(card.id.clone()),
        };
        let v = validate::item(&input, tx.today())?;
        insert_new(tx, v)
    })
}

/// Link an existing item, read at `version`, to a record card (timeline `card_linked`). A card
/// belongs to one item: a card linked elsewhere is a `Conflict`. Linking the card it already has
/// changes nothing. A stale version is refused ([`Error::Stale`]).
pub fn link_card(
    store: &Store,
    ctx: &Ctx,
    item_id: &str,
    version: i64,
    card_id: &str,
) -> Result<Item> {
    ctx.require(Permission::HandleItems)?;
    let card_id = card_id.trim();
    store.write(ctx, Permission::HandleItems, |tx| {
        let actor = tx.actor().clone();
        let today = tx.today();
        let before = load_at(tx, item_id, version)?;
        let cal = calendar_in(tx)?;
        if before.item.card_id.as_deref() == Some(card_id) {
            return present(tx, &cal, before, today);
        }
        if cards_db::get_card(tx, card_id)?.is_none() {
            return Err(Error::NotFound("找不到该记录卡".into()));
        }
        check_card(tx, ctx, card_id, Some(item_id))?;
        let mut after = before.clone();
        after.item.card_id = Some(card_id.to_string());
        save(tx, "link_card", &before, &mut after)?;
        event(
            tx,
            &actor,
            &after.item,
            ItemEventKind::CardLinked,
            today,
            "关联记录卡",
            json!({ "card_id": card_id, "previous_card_id": before.item.card_id }),
        )?;
        present(tx, &cal, after, today)
    })
}

/// One step of the flow (see [`super::flow`]) on the item as read at `version`, recorded on the
/// timeline. A stale version is refused ([`Error::Stale`]) and nothing is written.
///
/// Needs `HandleItems`; 催办, 上报组织部, 延期 and 不予受理 also need `Supervise`. Dates (`on`) are
/// strict `YYYY-MM-DD`, not later than `ctx.today` and not before the step they follow (receipt or
/// reopening, answer, feedback, pause start, referral); empty is `ctx.today`. A referral's own
/// deadline must lie after the referral day. 回访 不满意 reopens the item: 办理中, the clock starts
/// again on the follow-up day with the category's current limit (extensions and paused days start
/// from zero), and the row's answer and feedback days are cleared (their texts stay, the timeline
/// keeps everything).
pub fn act(store: &Store, ctx: &Ctx, id: &str, version: i64, action: &ItemAction) -> Result<Item> {
    ctx.require(Permission::HandleItems)?;
    if matches!(
        action,
        ItemAction::Chase { .. }
            | ItemAction::Escalate { .. }
            | ItemAction::Extend { .. }
            | ItemAction::Decline { .. }
    ) {
        ctx.require(Permission::Supervise)?;
    }
    store.write(ctx, Permission::HandleItems, |tx| {
        let actor = tx.actor().clone();
        let today = tx.today();
        let before = load_at(tx, id, version)?;
        step(tx, &actor, today, before, action)
    })
}

/// [`act`]'s work inside the write: check the step against the flow and its dates, apply it, store
/// it, record it.
fn step(
    tx: &mut Write<'_>,
    actor: &Actor,
    today: NaiveDate,
    before: StoredItem,
    action: &ItemAction,
) -> Result<Item> {
    let b = &before.item;
    let paused = b.paused_since.is_some();
    let next = flow::check(b.status, paused, b.referral.is_some(), b.escalated, action)?;
    let step = flow::step_label(action);
    let cal = calendar_in(tx)?;
    let received = parse_date(&b.received_on).unwrap_or(today);
    let clock_start = parse_date(&before.clock_start_on).unwrap_or(received);

    // The step's day: not in the future, not before what it follows.
    let (after_day, after_what) = match action {
        ItemAction::ReferralAnswer { .. } => (
            b.referral
                .as_ref()
                .and_then(|r| parse_date(&r.referred_on))
                .unwrap_or(received),
            "交办日期",
        ),
        ItemAction::Feedback { .. } => {
            (stored_date(&b.answered_on).unwrap_or(received), "答复日期")
        }
        ItemAction::FollowUp { .. } => {
            (stored_date(&b.fed_back_on).unwrap_or(received), "反馈日期")
        }
        ItemAction::Resume { .. } => (
            stored_date(&b.paused_since).unwrap_or(received),
            "待补充开始日期",
        ),
        ItemAction::Note { .. } => (received, "受理日期"),
        // Steps of the current round: not before its start (receipt or reopening).
        _ if clock_start > received => (clock_start, "重新办理日期"),
        _ => (received, "受理日期"),
    };
    let mut c = Checker::new();
    let day = validate::action_date(
        &mut c,
        "on",
        &format!("{step}日期"),
        flow::action_on(action),
        today,
        Some((after_day, after_what)),
    );
    let on = day.unwrap_or(today);

    let mut after = before.clone();
    let text: String;
    let mut data = json!({});
    let mut reopened: Option<Value> = None;
    {
        let a = &mut after.item;
        a.status = next;
        match action {
            ItemAction::Refer {
                unit, due_on, note, ..
            } => {
                let unit = unit.trim().to_string();
                c.required("unit", "承办单位", &unit, validate::UNIT_MAX);
                c.line("unit", "承办单位", &unit, validate::UNIT_MAX);
                let due = if due_on.trim().is_empty() {
                    c.add("due_on", "请填写承办单位的办理期限");
                    None
                } else {
                    match parse_date(due_on) {
                        None => {
                            c.add("due_on", "办理期限格式应为 YYYY-MM-DD，例如 2025-10-01");
                            None
                        }
                        Some(d) if d <= on => {
                            c.add(
                                "due_on",
                                format!("办理期限应晚于交办日期（{}）", date_text(on)),
                            );
                            None
                        }
                        Some(d) => Some(d),
                    }
                };
                text = validate::note(&mut c, "note", "交办说明", note);
                if let Some(due) = due {
                    data = json!({
                        "unit": unit,
                        "due_on": date_text(due),
                        "previous_unit": b.referral.as_ref().map(|r| r.unit.clone()),
                    });
                    a.referral = Some(Referral {
                        unit,
                        referred_on: date_text(on),
                        due_on: date_text(due),
                        answer: String::new(),
                        answered_on: None,
                    });
                }
            }
            ItemAction::ReferralAnswer { answer, .. } => {
                text = validate::text(&mut c, "answer", "承办单位答复", answer);
                if let Some(r) = a.referral.as_mut() {
                    r.answer = text.clone();
                    r.answered_on = Some(date_text(on));
                    data = json!({ "unit": r.unit });
                }
            }
            ItemAction::Start { note, .. } => {
                text = validate::note(&mut c, "note", "说明", note);
            }
            ItemAction::Answer { answer, .. } => {
                text = validate::text(&mut c, "answer", "答复内容", answer);
                a.answer = text.clone();
                a.answered_on = Some(date_text(on));
            }
            ItemAction::Feedback { feedback, .. } => {
                text = validate::text(&mut c, "feedback", "反馈情况", feedback);
                a.feedback = text.clone();
                a.fed_back_on = Some(date_text(on));
            }
            ItemAction::FollowUp {
                satisfaction, note, ..
            } => {
                text = validate::note(&mut c, "note", "回访情况", note);
                a.satisfaction = Some(*satisfaction);
                a.follow_up_note = text.clone();
                data = json!({ "satisfaction": satisfaction });
                if *satisfaction == Satisfaction::Dissatisfied {
                    let limits = deadlines_in(tx)?;
                    a.answered_on = None;
                    a.fed_back_on = None;
                    a.closed_on = None;
                    a.limit_days = limits.for_category(a.category);
                    a.extension_days = 0;
                    a.paused_days = 0;
                    a.paused_since = None;
                    after.clock_start_on = date_text(on);
                    recompute_due(&cal, &mut after);
                    reopened = Some(json!({
                        "clock_start_on": date_text(on),
                        "limit_days": after.item.limit_days,
                        "due_on_before": b.due_on,
                        "due_on_after": after.item.due_on,
                    }));
                } else {
                    a.closed_on = Some(date_text(on));
                }
            }
            ItemAction::Decline { reason, .. } => {
                text = validate::text(&mut c, "reason", "不予受理的理由", reason);
                a.decline_reason = text.clone();
                a.paused_since = None;
            }
            ItemAction::Pause { note, .. } => {
                text = validate::note(&mut c, "note", "待补充说明", note);
                a.paused_since = Some(date_text(on));
                data = json!({ "paused_since": date_text(on) });
            }
            ItemAction::Resume { note, .. } => {
                text = validate::note(&mut c, "note", "说明", note);
                let since = stored_date(&b.paused_since).unwrap_or(on);
                let days = deadline::paused_workdays(&cal, since, on);
                a.paused_days = b.paused_days.saturating_add(days);
                a.paused_since = None;
                recompute_due(&cal, &mut after);
                data = json!({
                    "paused_since": date_text(since),
                    "paused_days": days,
                    "due_on_before": b.due_on,
                    "due_on_after": after.item.due_on,
                });
            }
            ItemAction::Extend { days, reason, .. } => {
                if !(1..=validate::EXTEND_MAX).contains(days) {
                    c.add(
                        "days",
                        format!("延期天数应为 1 到 {} 个工作日", validate::EXTEND_MAX),
                    );
                }
                text = validate::text(&mut c, "reason", "延期理由", reason);
                a.extension_days = b.extension_days.saturating_add(*days);
                recompute_due(&cal, &mut after);
                data = json!({
                    "days": days,
                    "granted_by": actor.name,
                    "due_on_before": b.due_on,
                    "due_on_after": after.item.due_on,
                });
            }
            ItemAction::Chase { note, .. } => {
                text = validate::note(&mut c, "note", "催办说明", note);
                a.chase_count = b.chase_count.saturating_add(1);
                data = json!({ "count": a.chase_count });
            }
            ItemAction::Escalate { note, .. } => {
                text = validate::note(&mut c, "note", "上报说明", note);
                a.escalated = true;
            }
            ItemAction::Note { note, .. } => {
                text = validate::text(&mut c, "note", "备注", note);
            }
        }
    }
    c.finish()?;
    let kind = flow::event_kind(action);
    let action_name = serde_json::to_value(kind)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_else(|| "act".into());
    save(tx, &action_name, &before, &mut after)?;
    let a = &after.item;
    event(tx, actor, a, kind, on, &text, data)?;
    if let Some(data) = reopened {
        event(
            tx,
            actor,
            a,
            ItemEventKind::Reopened,
            on,
            "回访不满意，重新办理",
            data,
        )?;
    }
    present(tx, &cal, after, today)
}

/// Recompute the stored due dates of open items (after a working-day calendar change), as one
/// write by `ctx`'s actor (`EditSettings`). Returns how many items changed.
pub fn recompute_item_due_dates(store: &Store, ctx: &Ctx) -> Result<usize> {
    store.write(ctx, Permission::EditSettings, recompute_item_due_dates_in)
}

/// [`recompute_item_due_dates`] inside the caller's write (`calendar::set_override` and
/// `remove_override` call it): each item whose due date moves gets the next version and a change
/// record (`recompute_due`, the whole row before and after). Returns how many items changed.
pub(crate) fn recompute_item_due_dates_in(tx: &mut Write<'_>) -> Result<usize> {
    recompute_item_due_dates_with_progress_in(tx, &mut |_, _| true)
}

/// [`recompute_item_due_dates_in`] reporting `progress(done, total)` in open items looked at: the
/// total is counted before the rows are read, then the callback is asked at 0, every
/// [`progress::EVERY`] items and at the total. When it answers `false` the result is
/// [`Error::Cancelled`], and the caller's write rolls back.
pub(crate) fn recompute_item_due_dates_with_progress_in(
    tx: &mut Write<'_>,
    progress: &mut dyn FnMut(usize, usize) -> bool,
) -> Result<usize> {
    let cal = calendar_in(tx)?;
    let total = db::count_open_items(tx)?;
    progress::report(progress, 0, total)?;
    let mut changed = 0;
    for (i, mut before) in db::open_items(tx)?.into_iter().enumerate() {
        if i > 0 && i % progress::EVERY == 0 {
            progress::report(progress, i, total)?;
        }
        let mut after = before.clone();
        recompute_due(&cal, &mut after);
        if after.item.due_on == before.item.due_on {
            continue;
        }
        // The whole row for the change record: with its delegates.
        before.item.delegates = db::delegates(tx, &before.item.id)?;
        after.item.delegates = before.item.delegates.clone();
        after.item.updated_at = now_utc();
        after.item.version = before.item.version + 1;
        db::set_due_on(
            tx,
            &before.item.id,
            after.item.due_on.as_deref(),
            &after.item.updated_at,
            after.item.version,
        )?;
        tx.record(
            ITEM,
            &before.item.id,
            "recompute_due",
            Some(&row_value(&before)),
            Some(&row_value(&after)),
        )?;
        changed += 1;
    }
    progress::report(progress, total, total)?;
    Ok(changed)
}

// ---- messages from the kiosk and the online studio (有事找代表) --------------------------------

/// What a visitor's message adds to the item form's fields.
pub(crate) struct VisitorItem {
    /// The answer may be published without the person's name.
    pub publish_ok: bool,
    /// The delegate the person chose: recorded as a wish, not assigned.
    pub requested_delegate_id: Option<String>,
}

/// A visitor's message as a new item inside the caller's write (`kiosk::submit_message`): checked
/// like the item form, then received as any item (受理, numbered, its deadline from the category),
/// but without a delegate: it waits in 待分派 until staff route it ([`route_item`]).
pub(crate) fn create_visitor_item_in(
    tx: &mut Write<'_>,
    input: &ItemInput,
    extra: VisitorItem,
) -> Result<Item> {
    let mut v = validate::item(input, tx.today())?;
    v.delegate_ids.clear();
    v.publish_ok = extra.publish_ok;
    v.requested_delegate_id = extra.requested_delegate_id;
    insert_new(tx, v)
}

/// 分派: give an open item without delegates (a message from the kiosk or the online studio, in
/// 待分派) its handling delegates, based on the item at `version` (a stale one is refused,
/// [`Error::Stale`]). The delegates must be in office today; their delegation heads are notified
/// as on receipt. Whoever routes a kiosk or online message becomes its first responder (首问责任人)
/// in place of the channel it came through. Timeline `routed`, change record action `route`; from
/// then on it is an ordinary item (its delegates change through [`update_item`]).
///
/// Needs `HandleItems`, and an item without delegates is staff's only (outside a head's or a
/// delegate's reach).
pub fn route_item(
    store: &Store,
    ctx: &Ctx,
    id: &str,
    version: i64,
    delegate_ids: &[String],
) -> Result<Item> {
    ctx.require(Permission::HandleItems)?;
    let mut ids: Vec<String> = Vec::new();
    for d in delegate_ids {
        let d = d.trim();
        if !d.is_empty() && !ids.iter().any(|x| x == d) {
            ids.push(d.to_string());
        }
    }
    let mut c = Checker::new();
    if ids.is_empty() {
        c.add("delegate_ids", "请选择承办党代表");
    } else if ids.len() > validate::DELEGATES_MAX {
        c.add(
            "delegate_ids",
            format!("承办党代表最多 {} 位", validate::DELEGATES_MAX),
        );
    }
    c.finish()?;
    store.write(ctx, Permission::HandleItems, |tx| {
        let actor = tx.actor().clone();
        let today = tx.today();
        let before = load_at(tx, id, version)?;
        let b = &before.item;
        if !b.delegates.is_empty() {
            let names: Vec<&str> = b.delegates.iter().map(|d| d.name.as_str()).collect();
            return Err(Error::Conflict(format!(
                "该事项已分派给 {}，如需调整请修改承办党代表",
                names.join("、")
            )));
        }
        if !b.status.is_open() {
            return Err(flow::refusal(
                b.status,
                b.paused_since.is_some(),
                ItemEventKind::Routed.label(),
                "",
            ));
        }
        let mut delegates = Vec::new();
        for d in &ids {
            let (snap, left) = db::delegate_snapshot(tx, d)?
                .ok_or_else(|| Error::field("delegate_ids", "所选党代表不存在，请重新选择"))?;
            if left.is_some() {
                return Err(Error::field(
                    "delegate_ids",
                    format!("{} 已离任，不能承办新的事项", snap.name),
                ));
            }
            delegates.push(snap);
        }
        let mut after = before.clone();
        after.item.delegates = delegates;
        if matches!(b.source, ItemSource::Kiosk | ItemSource::Online) {
            after.item.first_responder = actor.name.chars().take(validate::RESPONDER_MAX).collect();
        }
        save(tx, "route", &before, &mut after)?;
        let a = &after.item;
        let names: Vec<&str> = a.delegates.iter().map(|d| d.name.as_str()).collect();
        event(
            tx,
            &actor,
            a,
            ItemEventKind::Routed,
            today,
            &format!("分派给 {}", names.join("、")),
            json!({
                "delegate_ids": ids,
                "requested_delegate_id": b.requested_delegate_id,
                "first_responder_before": b.first_responder,
                "first_responder": a.first_responder,
            }),
        )?;
        notify(tx, &actor, a, &a.delegates, &[], today)?;
        let cal = calendar_in(tx)?;
        present(tx, &cal, after, today)
    })
}
