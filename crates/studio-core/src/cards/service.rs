//! Card operations. Each write: permission, validation, one transaction holding the change and its
//! change record (entity `card`; amendments also `card_amendment`).

use chrono::{Datelike, NaiveDate};
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use ts_rs::TS;

use super::deadline::{self, DeadlineState};
use super::validate::{self, Valid};
use super::{
    Card, CardAmendment, CardCounts, CardInput, CardListItem, CardQuery, CardSelection, CardStatus,
    Channel,
};
use crate::actor::{Actor, Permission};
use crate::audit::{diff, ChangeRecord};
use crate::calendar::{self, WorkCalendar};
use crate::error::{Error, Result};
use crate::ids::{new_id, now_utc, today_shanghai};
use crate::page::Page;
use crate::roster::DelegateStatus;
use crate::storage::{audit, calendar as calendar_db, cards as db, roster as roster_db, Store};
use crate::validate::Checker;

const ENTITY: &str = "card";
const AMENDMENT: &str = "card_amendment";

fn not_found() -> Error {
    Error::NotFound("找不到该记录卡".into())
}

fn date_text(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

fn stored_date(s: &Option<String>) -> Option<NaiveDate> {
    s.as_deref().and_then(validate::parse_date)
}

/// The calendar as this connection sees it (inside a write's transaction: with its own changes).
fn calendar_in(conn: &Connection) -> Result<WorkCalendar> {
    Ok(WorkCalendar::from_overrides(&calendar_db::list(
        conn, None,
    )?))
}

/// The card as the audit trail and amendments record it: without the read-time deadline state.
fn audit_value(c: &Card) -> Value {
    let mut v = serde_json::to_value(c).unwrap_or(Value::Null);
    if let Value::Object(m) = &mut v {
        m.remove("deadline");
    }
    v
}

fn with_deadline(mut c: Card, today: NaiveDate, cal: &WorkCalendar) -> Card {
    c.deadline =
        deadline::state_for_due(stored_date(&c.due_on), stored_date(&c.filed_on), today, cal);
    c
}

// ---- the delegate's snapshot ----------------------------------------------------------------

/// What a card records of its delegate, as the roster has it now: the form shows it as soon as a
/// delegate is chosen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DelegateSnapshot {
    pub delegate_id: String,
    pub delegation_id: String,
    pub delegate_name: String,
    pub delegation_name: String,
    /// 工作单位及职务: unit and position, separated by a space.
    pub delegate_unit_position: String,
    /// The mobile number, else the office phone.
    pub delegate_phone: String,
}

fn snapshot_in(conn: &Connection, delegate_id: &str) -> Result<(DelegateSnapshot, Option<String>)> {
    let d = roster_db::get_delegate(conn, delegate_id)?
        .ok_or_else(|| Error::field("delegate_id", "所选党代表不存在，请重新选择"))?;
    let g = roster_db::get_delegation(conn, &d.delegation_id)?;
    let unit_position = [d.unit.trim(), d.position.trim()]
        .iter()
        .filter(|s| !s.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(" ");
    let phone = if d.mobile.is_empty() {
        d.office_phone.clone()
    } else {
        d.mobile.clone()
    };
    let left_on = (d.status == DelegateStatus::Left)
        .then(|| d.left_on.clone())
        .flatten();
    Ok((
        DelegateSnapshot {
            delegate_id: d.id,
            delegation_id: d.delegation_id,
            delegate_name: d.name,
            delegation_name: g.map(|g| g.name).unwrap_or_default(),
            delegate_unit_position: unit_position,
            delegate_phone: phone,
        },
        left_on,
    ))
}

/// The snapshot a card would take of this delegate now.
pub fn delegate_snapshot(
    store: &Store,
    actor: &Actor,
    delegate_id: &str,
) -> Result<DelegateSnapshot> {
    actor.require(Permission::ReadPersonalData)?;
    Ok(snapshot_in(&store.conn, delegate_id)?.0)
}

/// Copy the form's values into `card`, taking the delegate's snapshot when `snapshot` is set, and
/// recompute the due date (and, for a submitted card, whether it was filed late).
fn apply(
    conn: &Connection,
    card: &mut Card,
    v: Valid,
    snapshot: bool,
    cal: &WorkCalendar,
) -> Result<()> {
    if snapshot {
        let (s, left_on) = snapshot_in(conn, &v.delegate_id)?;
        if let Some(left) = left_on.filter(|l| date_text(v.contact_date) > *l) {
            return Err(Error::field(
                "delegate_id",
                format!("{} 已于 {left} 离任，联系日期晚于离任日期", s.delegate_name),
            ));
        }
        card.delegate_id = s.delegate_id;
        card.delegation_id = s.delegation_id;
        card.delegate_name = s.delegate_name;
        card.delegation_name = s.delegation_name;
        card.delegate_unit_position = s.delegate_unit_position;
        card.delegate_phone = s.delegate_phone;
    }
    card.contact_date = date_text(v.contact_date);
    card.person_name = v.person_name;
    card.person_gender = v.person_gender;
    card.person_age = v.person_age;
    card.person_political_status = v.person_political_status;
    card.person_unit_position = v.person_unit_position;
    card.person_phone = v.person_phone;
    card.person_address = v.person_address;
    card.group_size = v.group_size;
    card.channel = v.channel;
    card.channel_other = v.channel_other;
    card.opinion = v.opinion;
    card.handling = v.handling;
    card.feedback_on = v.feedback_on.map(date_text);
    set_due(card, cal);
    Ok(())
}

/// `due_on` from `feedback_on`, and `filed_late` from `filed_on` against it.
fn set_due(card: &mut Card, cal: &WorkCalendar) {
    let due = stored_date(&card.feedback_on).map(|f| deadline::due_on(f, cal));
    card.due_on = due.map(date_text);
    card.filed_late = match (stored_date(&card.filed_on), due) {
        (Some(filed), Some(due)) => deadline::is_late(filed, due),
        _ => false,
    };
}

// ---- writes ---------------------------------------------------------------------------------

/// A new draft. The delegate's snapshot is taken from the roster now.
pub fn create_card(store: &mut Store, actor: &Actor, input: &CardInput) -> Result<Card> {
    actor.require(Permission::EditCards)?;
    let today = today_shanghai();
    let v = validate::card(input, today, false)?;
    let tx = store.conn.transaction()?;
    let cal = calendar_in(&tx)?;
    let now = now_utc();
    let mut card = Card {
        id: new_id(),
        delegate_id: String::new(),
        delegation_id: String::new(),
        delegate_name: String::new(),
        delegation_name: String::new(),
        delegate_unit_position: String::new(),
        delegate_phone: String::new(),
        contact_date: String::new(),
        person_name: String::new(),
        person_gender: None,
        person_age: None,
        person_political_status: None,
        person_unit_position: String::new(),
        person_phone: String::new(),
        person_address: String::new(),
        group_size: 1,
        channel: Channel::Studio,
        channel_other: String::new(),
        opinion: String::new(),
        handling: String::new(),
        feedback_on: None,
        filed_on: None,
        status: CardStatus::Draft,
        due_on: None,
        filed_late: false,
        amendment_count: 0,
        deadline: DeadlineState::None,
        created_at: now.clone(),
        updated_at: now,
        version: 1,
    };
    apply(&tx, &mut card, v, true, &cal)?;
    db::upsert_card(&tx, &card)?;
    audit::append(
        &tx,
        actor,
        ENTITY,
        &card.id,
        "create",
        None,
        Some(&audit_value(&card)),
    )?;
    tx.commit()?;
    Ok(with_deadline(card, today, &cal))
}

/// Save a draft. The snapshot is taken again when the delegate changes or `refresh_snapshot` is
/// set; otherwise the card keeps the one it has. A submitted card is refused: use [`amend_card`].
pub fn update_card(store: &mut Store, actor: &Actor, id: &str, input: &CardInput) -> Result<Card> {
    actor.require(Permission::EditCards)?;
    let today = today_shanghai();
    let v = validate::card(input, today, false)?;
    let tx = store.conn.transaction()?;
    let before = db::get_card(&tx, id)?.ok_or_else(not_found)?;
    if before.status == CardStatus::Submitted {
        return Err(Error::Conflict(
            "已提交的记录卡不能直接修改，请使用“更正”".into(),
        ));
    }
    let cal = calendar_in(&tx)?;
    let snapshot = v.refresh_snapshot || v.delegate_id != before.delegate_id;
    let mut after = before.clone();
    apply(&tx, &mut after, v, snapshot, &cal)?;
    let (b, a) = (audit_value(&before), audit_value(&after));
    if b == a {
        return Ok(with_deadline(before, today, &cal));
    }
    after.updated_at = now_utc();
    after.version = before.version + 1;
    db::upsert_card(&tx, &after)?;
    audit::append(
        &tx,
        actor,
        ENTITY,
        id,
        "update",
        Some(&b),
        Some(&audit_value(&after)),
    )?;
    tx.commit()?;
    Ok(with_deadline(after, today, &cal))
}

/// Hand a draft to the studio (已提交) on `filed_on` (`YYYY-MM-DD`; default today). It needs the
/// feedback date and the handling (件件有答复); whether it was filed late is recorded. The card is
/// frozen from then on.
pub fn submit_card(
    store: &mut Store,
    actor: &Actor,
    id: &str,
    filed_on: Option<&str>,
) -> Result<Card> {
    actor.require(Permission::EditCards)?;
    let today = today_shanghai();
    let tx = store.conn.transaction()?;
    let before = db::get_card(&tx, id)?.ok_or_else(not_found)?;
    if before.status == CardStatus::Submitted {
        return Err(Error::Conflict(format!(
            "该记录卡已于 {} 提交",
            before.filed_on.as_deref().unwrap_or("")
        )));
    }
    let mut c = Checker::new();
    let filed_text = filed_on.map(str::trim).filter(|s| !s.is_empty());
    let filed = match filed_text {
        Some(s) => validate::date_field(&mut c, "filed_on", "交回日期", s, today),
        None => Some(today),
    };
    let feedback = stored_date(&before.feedback_on);
    match feedback {
        None => c.add(
            "feedback_on",
            "提交前请填写反馈日期（向党员群众反馈办理结果的日期）",
        ),
        Some(f) if filed.is_some_and(|d| d < f) => c.add(
            "filed_on",
            format!("交回日期不能早于反馈日期（{}）", date_text(f)),
        ),
        Some(_) => {}
    }
    if before.handling.trim().is_empty() {
        c.add(
            "handling",
            format!("提交前请填写{}（件件有答复）", validate::HANDLING_LABEL),
        );
    }
    c.finish()?;
    let cal = calendar_in(&tx)?;
    let mut after = before.clone();
    after.status = CardStatus::Submitted;
    after.filed_on = filed.map(date_text);
    set_due(&mut after, &cal);
    after.updated_at = now_utc();
    after.version = before.version + 1;
    db::upsert_card(&tx, &after)?;
    audit::append(
        &tx,
        actor,
        ENTITY,
        id,
        "submit",
        Some(&audit_value(&before)),
        Some(&audit_value(&after)),
    )?;
    tx.commit()?;
    Ok(with_deadline(after, today, &cal))
}

/// Correct a submitted card (更正). The card takes the corrected values; the changed fields'
/// previous values, the new ones and the reason are kept in an amendment (and the audit log), and
/// `amendment_count` rises. The snapshot is taken again only if the delegate is changed. The filing
/// date stays; whether the card was late is recomputed from a corrected feedback date.
pub fn amend_card(
    store: &mut Store,
    actor: &Actor,
    id: &str,
    input: &CardInput,
    reason: &str,
) -> Result<Card> {
    actor.require(Permission::EditCards)?;
    let today = today_shanghai();
    let mut c = Checker::new();
    let reason = validate::reason(&mut c, reason);
    let v = match validate::card(input, today, true) {
        Ok(v) => Some(v),
        Err(Error::Validation(fields)) => {
            for f in fields {
                c.add(&f.field, f.message);
            }
            None
        }
        Err(e) => return Err(e),
    };
    c.finish()?;
    let v = v.expect("checked");
    let tx = store.conn.transaction()?;
    let before = db::get_card(&tx, id)?.ok_or_else(not_found)?;
    if before.status == CardStatus::Draft {
        return Err(Error::Conflict("草稿可以直接修改，无需更正".into()));
    }
    if let (Some(fb), Some(filed)) = (v.feedback_on, stored_date(&before.filed_on)) {
        if fb > filed {
            return Err(Error::field(
                "feedback_on",
                format!("反馈日期不能晚于交回日期（{}）", date_text(filed)),
            ));
        }
    }
    let cal = calendar_in(&tx)?;
    let snapshot = v.delegate_id != before.delegate_id;
    let mut after = before.clone();
    apply(&tx, &mut after, v, snapshot, &cal)?;
    let (old, new) = diff(&audit_value(&before), &audit_value(&after));
    if old.as_object().is_none_or(|m| m.is_empty()) {
        return Err(Error::Invalid("记录卡内容没有变化，无需更正".into()));
    }
    let now = now_utc();
    after.amendment_count = before.amendment_count + 1;
    after.updated_at = now.clone();
    after.version = before.version + 1;
    db::upsert_card(&tx, &after)?;
    let amendment = CardAmendment {
        id: new_id(),
        card_id: id.to_string(),
        at: now,
        actor: actor.name.clone(),
        actor_role: actor.role,
        reason,
        before: old,
        after: new,
    };
    db::insert_amendment(&tx, &amendment)?;
    audit::append(
        &tx,
        actor,
        ENTITY,
        id,
        "amend",
        Some(&audit_value(&before)),
        Some(&audit_value(&after)),
    )?;
    audit::append(
        &tx,
        actor,
        AMENDMENT,
        &amendment.id,
        "create",
        None,
        Some(&amendment),
    )?;
    tx.commit()?;
    Ok(with_deadline(after, today, &cal))
}

/// Throw a draft away (soft delete: it leaves a tombstone). A submitted card is never deleted.
pub fn discard_draft(store: &mut Store, actor: &Actor, id: &str) -> Result<()> {
    actor.require(Permission::EditCards)?;
    let tx = store.conn.transaction()?;
    let before = db::get_card(&tx, id)?.ok_or_else(not_found)?;
    if before.status == CardStatus::Submitted {
        return Err(Error::Conflict(
            "已提交的记录卡不能删除，如有错误请使用“更正”".into(),
        ));
    }
    db::mark_deleted(&tx, id, &now_utc(), before.version + 1)?;
    audit::append(
        &tx,
        actor,
        ENTITY,
        id,
        "delete",
        Some(&audit_value(&before)),
        None,
    )?;
    tx.commit()?;
    Ok(())
}

/// Recompute every stored due date (and late flag) with the current calendar; returns how many
/// cards changed. Due dates are computed when a card is written, so a calendar override changes
/// nothing stored until this runs; `calendar::set_override` and `remove_override` run it.
pub fn recompute_due_dates(store: &mut Store) -> Result<usize> {
    let tx = store.conn.transaction()?;
    let n = recompute_due_dates_in(&tx, &Actor::system())?;
    tx.commit()?;
    Ok(n)
}

/// [`recompute_due_dates`] inside the caller's transaction, recorded as `actor`'s change.
pub(crate) fn recompute_due_dates_in(conn: &Connection, actor: &Actor) -> Result<usize> {
    let cal = calendar_in(conn)?;
    let mut changed = 0;
    for before in db::cards_with_feedback(conn)? {
        let mut after = before.clone();
        set_due(&mut after, &cal);
        if after.due_on == before.due_on && after.filed_late == before.filed_late {
            continue;
        }
        after.updated_at = now_utc();
        after.version = before.version + 1;
        db::upsert_card(conn, &after)?;
        audit::append(
            conn,
            actor,
            ENTITY,
            &after.id,
            "recompute_due",
            Some(&audit_value(&before)),
            Some(&audit_value(&after)),
        )?;
        changed += 1;
    }
    Ok(changed)
}

// ---- reads ----------------------------------------------------------------------------------

/// The full card, personal data unmasked.
pub fn get_card(store: &Store, actor: &Actor, id: &str) -> Result<Card> {
    actor.require(Permission::ReadPersonalData)?;
    let card = db::get_card(&store.conn, id)?.ok_or_else(not_found)?;
    Ok(with_deadline(
        card,
        today_shanghai(),
        &calendar::load(store)?,
    ))
}

/// One page of the card list as of today (Asia/Shanghai). Phones are masked.
pub fn list_cards(store: &Store, query: &CardQuery) -> Result<Page<CardListItem>> {
    list_cards_at(store, query, today_shanghai())
}

/// [`list_cards`] as of `today`: deadline states and the deadline filters are computed for that
/// day.
pub fn list_cards_at(
    store: &Store,
    query: &CardQuery,
    today: NaiveDate,
) -> Result<Page<CardListItem>> {
    let mut c = Checker::new();
    for (field, label, value) in [
        ("from", "起始日期", &query.from),
        ("to", "截止日期", &query.to),
    ] {
        let v = value.as_deref().unwrap_or("").trim();
        if !v.is_empty() && validate::parse_date(v).is_none() {
            c.add(
                field,
                format!("{label}格式应为 YYYY-MM-DD，例如 2025-10-01"),
            );
        }
    }
    c.finish()?;
    let cal = calendar::load(store)?;
    let soon = deadline::soon_limit(today, &cal);
    let (items, total) = db::list_cards(&store.conn, query, &date_text(today), &date_text(soon))?;
    let page = query.page.clamped();
    Ok(Page {
        items,
        total,
        page: page.page,
        page_size: page.page_size,
    })
}

/// 工作台's card figures as of `today`.
pub fn card_counts(store: &Store, today: NaiveDate) -> Result<CardCounts> {
    let cal = calendar::load(store)?;
    let soon = deadline::soon_limit(today, &cal);
    let year = (
        format!("{:04}-01-01", today.year()),
        format!("{:04}-12-31", today.year()),
    );
    let month = (
        format!("{:04}-{:02}-01", today.year(), today.month()),
        format!("{:04}-{:02}-31", today.year(), today.month()),
    );
    db::counts(
        &store.conn,
        &date_text(today),
        &date_text(soon),
        (&year.0, &year.1),
        (&month.0, &month.1),
    )
}

/// How many live cards there are.
pub fn card_count(store: &Store) -> Result<u64> {
    db::count_cards(&store.conn)
}

/// Full cards to print (the caller maps them to the print model) or export.
pub fn cards_for_print(
    store: &Store,
    actor: &Actor,
    selection: &CardSelection,
) -> Result<Vec<Card>> {
    actor.require(Permission::ReadPersonalData)?;
    let cards = match selection {
        CardSelection::Ids { ids } => ids
            .iter()
            .map(|id| {
                db::get_card(&store.conn, id)?
                    .ok_or_else(|| Error::NotFound(format!("找不到记录卡 {id}")))
            })
            .collect::<Result<Vec<_>>>()?,
        CardSelection::All => db::all_cards(&store.conn)?,
        CardSelection::Period { from, to } => {
            let mut c = Checker::new();
            let f = validate::parse_date(from);
            let t = validate::parse_date(to);
            if f.is_none() {
                c.add("from", "起始日期格式应为 YYYY-MM-DD，例如 2025-10-01");
            }
            if t.is_none() {
                c.add("to", "截止日期格式应为 YYYY-MM-DD，例如 2025-10-31");
            }
            if let (Some(f), Some(t)) = (f, t) {
                if t < f {
                    c.add("to", "截止日期不能早于起始日期");
                }
            }
            c.finish()?;
            db::cards_in_period(&store.conn, from.trim(), to.trim())?
        }
    };
    let cal = calendar::load(store)?;
    let today = today_shanghai();
    Ok(cards
        .into_iter()
        .map(|c| with_deadline(c, today, &cal))
        .collect())
}

/// Every live card, oldest contact first, for `studio export cards`. An export is a deliberate
/// act on personal data: it needs `ReadPersonalData`.
pub fn all_cards_for_export(store: &Store, actor: &Actor) -> Result<Vec<Card>> {
    cards_for_print(store, actor, &CardSelection::All)
}

/// Who changed this card, when, and what (oldest first).
pub fn card_history(store: &Store, actor: &Actor, id: &str) -> Result<Vec<ChangeRecord>> {
    actor.require(Permission::ReadPersonalData)?;
    audit::for_row(&store.conn, ENTITY, id)
}

/// The corrections of a card, oldest first: the first one's `before` holds the original values.
pub fn card_amendments(store: &Store, actor: &Actor, id: &str) -> Result<Vec<CardAmendment>> {
    actor.require(Permission::ReadPersonalData)?;
    db::amendments(&store.conn, id)
}
