//! Card operations. Every read takes the request context; every write goes through the write gate
//! (permission, one transaction, the change record with the version it was based on: entity `card`;
//! amendments also `card_amendment`).

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
use crate::actor::{Permission, Scope};
use crate::audit::{self, diff, mask_personal, ChangeRecord, Entity};
use crate::calendar::WorkCalendar;
use crate::ctx::Ctx;
use crate::error::{Error, Result};
use crate::ids::{new_id, now_utc};
use crate::page::Page;
use crate::progress;
use crate::roster::DelegateStatus;
use crate::storage::{calendar as calendar_db, cards as db, roster as roster_db, Store, Write};
use crate::validate::{bound_search, Checker};

const CARD: Entity = Entity::Card;
const AMENDMENT: Entity = Entity::CardAmendment;

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

// ---- reach: the cards a delegation head or a delegate may see and write ----------------------

/// Refuse a card outside `ctx`'s reach (a head: their delegation's cards; a delegate: their own).
fn require_card_reach(ctx: &Ctx, c: &Card) -> Result<()> {
    ctx.require_reach(&[&c.delegate_id], &[&c.delegation_id])
}

/// Refuse the card `id` (live or discarded) when it is outside `ctx`'s reach: for its history and
/// amendments. Staff are not asked; a scoped actor asking for a card that does not exist is told so.
fn require_reach_of(store: &Store, ctx: &Ctx, id: &str) -> Result<()> {
    if ctx.scope() == Scope::All {
        return Ok(());
    }
    match db::card_owner(&*store.reader()?, id)? {
        Some((delegate, delegation)) => ctx.require_reach(&[&delegate], &[&delegation]),
        None => Err(not_found()),
    }
}

/// Narrow a list's delegate and delegation filters to what `ctx` reaches (a head: their
/// delegation; a delegate: themself). `false` when the filters ask for something outside it, or
/// the actor reaches nothing: the answer is then empty.
pub(crate) fn narrow_to_scope(
    ctx: &Ctx,
    delegate_id: &mut Option<String>,
    delegation_id: &mut Option<String>,
) -> bool {
    fn asks_other(filter: &Option<String>, own: &str) -> bool {
        filter
            .as_deref()
            .map(str::trim)
            .is_some_and(|f| !f.is_empty() && f != own)
    }
    match ctx.scope() {
        Scope::All => true,
        Scope::Delegation(g) => {
            if asks_other(delegation_id, &g) {
                return false;
            }
            *delegation_id = Some(g);
            true
        }
        Scope::Delegate(d) => {
            if asks_other(delegate_id, &d) {
                return false;
            }
            *delegate_id = Some(d);
            true
        }
        Scope::Nothing => false,
    }
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

/// The snapshot a card would take of this delegate now (the card form's preview: the delegate's
/// phone in full, so only those who write cards may ask).
pub fn delegate_snapshot(store: &Store, ctx: &Ctx, delegate_id: &str) -> Result<DelegateSnapshot> {
    ctx.require(Permission::EditCards)?;
    let s = snapshot_in(&*store.reader()?, delegate_id)?.0;
    ctx.require_reach(&[&s.delegate_id], &[&s.delegation_id])?;
    Ok(s)
}

/// Copy the form's values into `card`, taking the delegate's snapshot when `snapshot` is set (the
/// delegate must be in `ctx`'s reach), and recompute the due date (and, for a submitted card,
/// whether it was filed late).
fn apply(
    conn: &Connection,
    ctx: &Ctx,
    card: &mut Card,
    v: Valid,
    snapshot: bool,
    cal: &WorkCalendar,
) -> Result<()> {
    if snapshot {
        let (s, left_on) = snapshot_in(conn, &v.delegate_id)?;
        ctx.require_reach(&[&s.delegate_id], &[&s.delegation_id])?;
        refuse_after_leaving(&s.delegate_name, left_on, v.contact_date)?;
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
    card.person_consent = v.person_consent;
    card.group_size = v.group_size;
    card.channel = v.channel;
    card.channel_other = v.channel_other;
    card.opinion = v.opinion;
    card.handling = v.handling;
    card.feedback_on = v.feedback_on.map(date_text);
    set_due(card, cal);
    Ok(())
}

/// A contact dated after the delegate left (离任) is refused.
fn refuse_after_leaving(name: &str, left_on: Option<String>, contact: NaiveDate) -> Result<()> {
    match left_on.filter(|l| date_text(contact) > *l) {
        Some(left) => Err(Error::field(
            "delegate_id",
            format!("{name} 已于 {left} 离任，联系日期晚于离任日期"),
        )),
        None => Ok(()),
    }
}

/// What a new card of `delegate_id` on `contact` (`YYYY-MM-DD`) would be refused for on its
/// delegate's account (unknown, or left before that day): the import's preview asks it per row.
pub(crate) fn check_delegate_on(conn: &Connection, delegate_id: &str, contact: &str) -> Result<()> {
    let (s, left_on) = snapshot_in(conn, delegate_id)?;
    match validate::parse_date(contact) {
        Some(d) => refuse_after_leaving(&s.delegate_name, left_on, d),
        None => Ok(()),
    }
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
pub fn create_card(store: &Store, ctx: &Ctx, input: &CardInput) -> Result<Card> {
    ctx.require(Permission::EditCards)?;
    let v = validate::card(input, ctx.today, false)?;
    store.write(ctx, Permission::EditCards, |tx| insert_new(tx, v))
}

/// [`create_card`] inside the caller's write (a completed appointment makes its card in the same
/// transaction): the writer must be allowed to write cards, and the delegate be in their reach.
pub(crate) fn create_card_in(tx: &mut Write<'_>, input: &CardInput) -> Result<Card> {
    tx.ctx().require(Permission::EditCards)?;
    let v = validate::card(input, tx.today(), false)?;
    insert_new(tx, v)
}

fn insert_new(tx: &mut Write<'_>, v: Valid) -> Result<Card> {
    insert_card(tx, v, None, "create")
}

/// A new card from checked values: a draft, or submitted on `filed` (checked by the caller).
fn insert_card(
    tx: &mut Write<'_>,
    v: Valid,
    filed: Option<NaiveDate>,
    action: &str,
) -> Result<Card> {
    let ctx = tx.ctx().clone();
    let ctx = &ctx;
    let cal = calendar_in(tx)?;
    let now = now_utc();
    let mut card = Card {
        id: new_id(),
        no: String::new(),
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
        person_consent: None,
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
    apply(tx, ctx, &mut card, v, true, &cal)?;
    let year = validate::parse_date(&card.contact_date).map_or(tx.today().year(), |d| d.year());
    card.no = db::next_no(tx, year)?;
    if let Some(filed) = filed {
        card.status = CardStatus::Submitted;
        card.filed_on = Some(date_text(filed));
        set_due(&mut card, &cal);
    }
    db::upsert_card(tx, &card)?;
    tx.record(
        CARD,
        &card.id,
        action,
        None::<&Value>,
        Some(&audit_value(&card)),
    )?;
    Ok(with_deadline(card, tx.today(), &cal))
}

/// What submitting asks of a card (件件有答复): a feedback date, the handling, and a filing date
/// (`filed_on`, default today) not before the feedback. The checked filing date.
fn filing_checks(
    c: &mut Checker,
    feedback: Option<NaiveDate>,
    handling: &str,
    filed_on: Option<&str>,
    today: NaiveDate,
) -> Option<NaiveDate> {
    let filed_text = filed_on.map(str::trim).filter(|s| !s.is_empty());
    let filed = match filed_text {
        Some(s) => validate::date_field(c, "filed_on", "交回日期", s, today),
        None => Some(today),
    };
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
    if handling.trim().is_empty() {
        c.add(
            "handling",
            format!("提交前请填写{}（件件有答复）", validate::HANDLING_LABEL),
        );
    }
    filed
}

/// Check a card typed from paper into an import sheet, as [`create_card`] and, when it was handed
/// in (`filed_on` given), [`submit_card`] would: every message of both.
pub(crate) fn check_import_card(
    input: &CardInput,
    filed_on: Option<&str>,
    today: NaiveDate,
) -> Result<()> {
    let filed_on = filed_on.map(str::trim).filter(|s| !s.is_empty());
    let form = validate::card(input, today, false);
    let Some(filed_on) = filed_on else {
        return form.map(drop);
    };
    let mut c = Checker::new();
    let feedback = input.feedback_on.as_deref().and_then(validate::parse_date);
    filing_checks(&mut c, feedback, &input.handling, Some(filed_on), today);
    match (form, c.finish()) {
        (Ok(_), Ok(())) => Ok(()),
        (Err(Error::Validation(mut a)), Err(Error::Validation(b))) => {
            for e in b {
                if !a.iter().any(|x| x.field == e.field) {
                    a.push(e);
                }
            }
            Err(Error::Validation(a))
        }
        (Err(e), _) | (_, Err(e)) => Err(e),
    }
}

/// A card typed from paper, inside the caller's write (the Excel import): created as any card
/// (numbered, the delegate's snapshot), and, when it was handed in on `filed_on`, already 已提交
/// with its filing date and whether it was late: one change record (`import`).
pub(crate) fn import_card_in(
    tx: &mut Write<'_>,
    input: &CardInput,
    filed_on: Option<&str>,
) -> Result<Card> {
    tx.ctx().require(Permission::EditCards)?;
    let today = tx.today();
    check_import_card(input, filed_on, today)?;
    let v = validate::card(input, today, false)?;
    let filed = filed_on
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .and_then(validate::parse_date);
    insert_card(tx, v, filed, "import")
}

/// Load the live card `id` inside a write and refuse the write when the card is outside the
/// writer's reach ([`Error::Forbidden`]) or no longer at `version` (the version the caller based
/// its change on: [`Error::Stale`]); nothing is written.
fn load_at(tx: &Write<'_>, id: &str, version: i64) -> Result<Card> {
    let before = db::get_card(tx, id)?.ok_or_else(not_found)?;
    require_card_reach(tx.ctx(), &before)?;
    tx.expect_version(CARD, id, before.version, version)?;
    Ok(before)
}

/// Save a draft edited from `version`; a stale version is refused ([`Error::Stale`]). The snapshot
/// is taken again when the delegate changes or `refresh_snapshot` is set; otherwise the card keeps
/// the one it has. A submitted card is refused: use [`amend_card`]. Saving the values the card
/// already has changes nothing and records nothing.
pub fn update_card(
    store: &Store,
    ctx: &Ctx,
    id: &str,
    version: i64,
    input: &CardInput,
) -> Result<Card> {
    ctx.require(Permission::EditCards)?;
    let v = validate::card(input, ctx.today, false)?;
    store.write(ctx, Permission::EditCards, |tx| {
        let before = load_at(tx, id, version)?;
        if before.status == CardStatus::Submitted {
            return Err(Error::Conflict(
                "已提交的记录卡不能直接修改，请使用“更正”".into(),
            ));
        }
        let cal = calendar_in(tx)?;
        let snapshot = v.refresh_snapshot || v.delegate_id != before.delegate_id;
        let mut after = before.clone();
        apply(tx, ctx, &mut after, v, snapshot, &cal)?;
        let b = audit_value(&before);
        if b == audit_value(&after) {
            return Ok(with_deadline(before, tx.today(), &cal));
        }
        after.updated_at = now_utc();
        after.version = before.version + 1;
        db::upsert_card(tx, &after)?;
        tx.record(CARD, id, "update", Some(&b), Some(&audit_value(&after)))?;
        Ok(with_deadline(after, tx.today(), &cal))
    })
}

/// Hand a draft read at `version` to the studio (已提交) on `filed_on` (`YYYY-MM-DD`; default
/// today). It needs the feedback date and the handling (件件有答复); whether it was filed late is
/// recorded. The card is frozen from then on.
pub fn submit_card(
    store: &Store,
    ctx: &Ctx,
    id: &str,
    version: i64,
    filed_on: Option<&str>,
) -> Result<Card> {
    ctx.require(Permission::EditCards)?;
    store.write(ctx, Permission::EditCards, |tx| {
        let today = tx.today();
        let before = load_at(tx, id, version)?;
        if before.status == CardStatus::Submitted {
            return Err(Error::Conflict(format!(
                "该记录卡已于 {} 提交",
                before.filed_on.as_deref().unwrap_or("")
            )));
        }
        let mut c = Checker::new();
        let filed = filing_checks(
            &mut c,
            stored_date(&before.feedback_on),
            &before.handling,
            filed_on,
            today,
        );
        c.finish()?;
        let cal = calendar_in(tx)?;
        let mut after = before.clone();
        after.status = CardStatus::Submitted;
        after.filed_on = filed.map(date_text);
        set_due(&mut after, &cal);
        after.updated_at = now_utc();
        after.version = before.version + 1;
        db::upsert_card(tx, &after)?;
        tx.record(
            CARD,
            id,
            "submit",
            Some(&audit_value(&before)),
            Some(&audit_value(&after)),
        )?;
        Ok(with_deadline(after, today, &cal))
    })
}

/// Correct a submitted card read at `version` (更正). The card takes the corrected values; the
/// changed fields' previous values, the new ones and the reason are kept in an amendment (and the
/// change log), and `amendment_count` rises. The snapshot is taken again only if the delegate is
/// changed. The filing date stays; whether the card was late is recomputed from a corrected
/// feedback date.
pub fn amend_card(
    store: &Store,
    ctx: &Ctx,
    id: &str,
    version: i64,
    input: &CardInput,
    reason: &str,
) -> Result<Card> {
    ctx.require(Permission::EditCards)?;
    let mut c = Checker::new();
    let reason = validate::reason(&mut c, reason);
    let v = match validate::card(input, ctx.today, true) {
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
    store.write(ctx, Permission::EditCards, |tx| {
        let before = load_at(tx, id, version)?;
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
        let cal = calendar_in(tx)?;
        let snapshot = v.delegate_id != before.delegate_id;
        let mut after = before.clone();
        apply(tx, ctx, &mut after, v, snapshot, &cal)?;
        let (old, new) = diff(&audit_value(&before), &audit_value(&after));
        if old.as_object().is_none_or(|m| m.is_empty()) {
            return Err(Error::Invalid("记录卡内容没有变化，无需更正".into()));
        }
        let now = now_utc();
        after.amendment_count = before.amendment_count + 1;
        after.updated_at = now.clone();
        after.version = before.version + 1;
        db::upsert_card(tx, &after)?;
        let amendment = CardAmendment {
            id: new_id(),
            card_id: id.to_string(),
            at: now,
            actor: tx.actor().name.clone(),
            actor_role: tx.actor().role,
            reason,
            before: old,
            after: new,
        };
        db::insert_amendment(tx, &amendment)?;
        tx.record(
            CARD,
            id,
            "amend",
            Some(&audit_value(&before)),
            Some(&audit_value(&after)),
        )?;
        tx.record(
            AMENDMENT,
            &amendment.id,
            "create",
            None::<&CardAmendment>,
            Some(&amendment),
        )?;
        Ok(with_deadline(after, tx.today(), &cal))
    })
}

/// Throw away a draft read at `version` (soft delete: it leaves a tombstone). A submitted card is
/// never deleted.
pub fn discard_draft(store: &Store, ctx: &Ctx, id: &str, version: i64) -> Result<()> {
    ctx.require(Permission::EditCards)?;
    store.write(ctx, Permission::EditCards, |tx| {
        let before = load_at(tx, id, version)?;
        if before.status == CardStatus::Submitted {
            return Err(Error::Conflict(
                "已提交的记录卡不能删除，如有错误请使用“更正”".into(),
            ));
        }
        db::mark_deleted(tx, id, &now_utc(), before.version + 1)?;
        tx.record(
            CARD,
            id,
            "delete",
            Some(&audit_value(&before)),
            None::<&Value>,
        )?;
        Ok(())
    })
}

/// Recompute every stored due date (and late flag) with the current calendar; returns how many
/// cards changed. Due dates are computed when a card is written, so a calendar override changes
/// nothing stored until this runs; `calendar::set_override` and `remove_override` run it in their
/// own write. Needs `EditSettings` (it follows a calendar change).
pub fn recompute_due_dates(store: &Store, ctx: &Ctx) -> Result<usize> {
    store.write(ctx, Permission::EditSettings, recompute_due_dates_in)
}

/// [`recompute_due_dates`] inside the caller's write, each changed card recorded as the writer's
/// change (action `recompute_due`).
pub(crate) fn recompute_due_dates_in(tx: &mut Write<'_>) -> Result<usize> {
    recompute_due_dates_with_progress_in(tx, &mut |_, _| true)
}

/// [`recompute_due_dates_in`] reporting `progress(done, total)` in cards looked at: the total is
/// counted before the rows are read, then the callback is asked at 0, every
/// [`progress::EVERY`] cards and at the total. When it answers `false` the result is
/// [`Error::Cancelled`], and the caller's write rolls back.
pub(crate) fn recompute_due_dates_with_progress_in(
    tx: &mut Write<'_>,
    progress: &mut dyn FnMut(usize, usize) -> bool,
) -> Result<usize> {
    let cal = calendar_in(tx)?;
    let total = db::count_cards_with_feedback(tx)?;
    progress::report(progress, 0, total)?;
    let mut changed = 0;
    for (i, before) in db::cards_with_feedback(tx)?.into_iter().enumerate() {
        if i > 0 && i % progress::EVERY == 0 {
            progress::report(progress, i, total)?;
        }
        let mut after = before.clone();
        set_due(&mut after, &cal);
        if after.due_on == before.due_on && after.filed_late == before.filed_late {
            continue;
        }
        after.updated_at = now_utc();
        after.version = before.version + 1;
        db::upsert_card(tx, &after)?;
        tx.record(
            CARD,
            &after.id,
            "recompute_due",
            Some(&audit_value(&before)),
            Some(&audit_value(&after)),
        )?;
        changed += 1;
    }
    progress::report(progress, total, total)?;
    Ok(changed)
}

// ---- reads ----------------------------------------------------------------------------------

/// The full card, personal data unmasked: only roles that need personal data may read it, a head
/// only their delegation's and a delegate only their own, and the opening is recorded in the access
/// log.
pub fn get_card(store: &Store, ctx: &Ctx, id: &str) -> Result<Card> {
    ctx.require(Permission::ReadPersonalData)?;
    let (card, cal) = {
        let conn = store.reader()?;
        let card = db::get_card(&conn, id)?.ok_or_else(not_found)?;
        (card, calendar_in(&conn)?)
    };
    require_card_reach(ctx, &card)?;
    // The reader is given back first: an in-memory store reads on the writer's connection.
    store.record_access(ctx, CARD, id, "view")?;
    Ok(with_deadline(card, ctx.today, &cal))
}

/// A date-range filter's two ends, checked: each `YYYY-MM-DD` when `strict` (else only compared as
/// text: 工作台 asks for `…-31` of any month), and the end not before the start.
fn check_range(
    c: &mut Checker,
    (from_field, from_label, from): (&str, &str, Option<&str>),
    (to_field, to_label, to): (&str, &str, Option<&str>),
    strict: bool,
) {
    fn given(v: Option<&str>) -> Option<&str> {
        v.map(str::trim).filter(|s| !s.is_empty())
    }
    let (from, to) = (given(from), given(to));
    if strict {
        for (field, label, value, example) in [
            (from_field, from_label, from, "2025-10-01"),
            (to_field, to_label, to, "2025-10-31"),
        ] {
            if value.is_some_and(|v| validate::parse_date(v).is_none()) {
                c.add(field, format!("{label}格式应为 YYYY-MM-DD，例如 {example}"));
            }
        }
    }
    if let (Some(f), Some(t)) = (from, to) {
        let ordered = match (validate::parse_date(f), validate::parse_date(t)) {
            (Some(f), Some(t)) => f <= t,
            _ if strict => true, // already reported as malformed
            _ => f <= t,
        };
        if !ordered {
            c.add(to_field, format!("{to_label}不能早于{from_label}"));
        }
    }
}

/// One page of the card list as of `ctx.today`: deadline states and the deadline filters are
/// computed for that day. Phones are masked. A head sees their delegation's cards, a delegate their
/// own: the delegate and delegation filters are narrowed to that.
pub fn list_cards(store: &Store, ctx: &Ctx, query: &CardQuery) -> Result<Page<CardListItem>> {
    ctx.require(Permission::ReadRecords)?;
    bound_search(&query.q)?;
    let mut c = Checker::new();
    check_range(
        &mut c,
        ("from", "起始日期", query.from.as_deref()),
        ("to", "截止日期", query.to.as_deref()),
        true,
    );
    check_range(
        &mut c,
        ("filed_from", "交回起始日期", query.filed_from.as_deref()),
        ("filed_to", "交回截止日期", query.filed_to.as_deref()),
        false,
    );
    c.finish()?;
    let page = query.page.clamped();
    let mut query = query.clone();
    if !narrow_to_scope(ctx, &mut query.delegate_id, &mut query.delegation_id) {
        return Ok(Page {
            items: Vec::new(),
            total: 0,
            page: page.page,
            page_size: page.page_size,
        });
    }
    let today = ctx.today;
    let (items, total) = {
        let conn = store.reader()?;
        let soon = deadline::soon_limit(today, &calendar_in(&conn)?);
        db::list_cards(&conn, &query, &date_text(today), &date_text(soon))?
    };
    Ok(Page {
        items,
        total,
        page: page.page,
        page_size: page.page_size,
    })
}

/// 工作台's card figures as of `ctx.today`, over the cards `ctx` reaches.
pub fn card_counts(store: &Store, ctx: &Ctx) -> Result<CardCounts> {
    ctx.require(Permission::ReadRecords)?;
    let today = ctx.today;
    let year = (
        format!("{:04}-01-01", today.year()),
        format!("{:04}-12-31", today.year()),
    );
    let month = (
        format!("{:04}-{:02}-01", today.year(), today.month()),
        format!("{:04}-{:02}-31", today.year(), today.month()),
    );
    let conn = store.reader()?;
    let soon = deadline::soon_limit(today, &calendar_in(&conn)?);
    db::counts(
        &conn,
        &date_text(today),
        &date_text(soon),
        (&year.0, &year.1),
        (&month.0, &month.1),
        &ctx.scope(),
    )
}

/// How many live cards there are (that `ctx` reaches).
pub fn card_count(store: &Store, ctx: &Ctx) -> Result<u64> {
    ctx.require(Permission::ReadRecords)?;
    db::count_cards(&*store.reader()?, &ctx.scope())
}

/// Full cards to print (the caller maps them to the print model). Personal data in full: needs
/// `ReadPersonalData`, and the printing is recorded in the access log. Cards chosen by id must all
/// be in `ctx`'s reach; all cards or a period mean those in reach.
pub fn cards_for_print(store: &Store, ctx: &Ctx, selection: &CardSelection) -> Result<Vec<Card>> {
    full_cards(store, ctx, selection, Permission::ReadPersonalData, "print")
}

/// The cards of `selection` (in `ctx`'s reach) in full for an export file (导出): needs
/// `ExportPersonalData`; recorded as an export.
pub fn cards_for_export(store: &Store, ctx: &Ctx, selection: &CardSelection) -> Result<Vec<Card>> {
    full_cards(
        store,
        ctx,
        selection,
        Permission::ExportPersonalData,
        "export",
    )
}

/// Every live card (in `ctx`'s reach), oldest contact first, for `studio export cards`. An export
/// is a deliberate act on personal data: it needs `ExportPersonalData` and is recorded in the
/// access log.
pub fn all_cards_for_export(store: &Store, ctx: &Ctx) -> Result<Vec<Card>> {
    full_cards(
        store,
        ctx,
        &CardSelection::All,
        Permission::ExportPersonalData,
        "export",
    )
}

/// The cards of `selection` in full, as of `ctx.today`, recorded as one access (`action`) whose
/// row id names the selection: the ids, `*` for all, or `FROM..TO`.
fn full_cards(
    store: &Store,
    ctx: &Ctx,
    selection: &CardSelection,
    permission: Permission,
    action: &str,
) -> Result<Vec<Card>> {
    ctx.require(permission)?;
    if let CardSelection::Period { from, to } = selection {
        let mut c = Checker::new();
        if from.trim().is_empty() {
            c.add("from", "请填写起始日期");
        }
        if to.trim().is_empty() {
            c.add("to", "请填写截止日期");
        }
        check_range(
            &mut c,
            ("from", "起始日期", Some(from)),
            ("to", "截止日期", Some(to)),
            true,
        );
        c.finish()?;
    }
    let (cards, cal) = {
        let conn = store.reader()?;
        let scope = ctx.scope();
        let cards = match selection {
            CardSelection::Ids { ids } => ids
                .iter()
                .map(|id| {
                    let c = db::get_card(&conn, id)?
                        .ok_or_else(|| Error::NotFound(format!("找不到记录卡 {id}")))?;
                    require_card_reach(ctx, &c)?;
                    Ok(c)
                })
                .collect::<Result<Vec<_>>>()?,
            CardSelection::All if scope == Scope::All => db::all_cards(&conn)?,
            CardSelection::All => db::cards_in_period(&conn, "0000-01-01", "9999-12-31", &scope)?,
            CardSelection::Period { from, to } => {
                db::cards_in_period(&conn, from.trim(), to.trim(), &scope)?
            }
        };
        (cards, calendar_in(&conn)?)
    };
    let what = match selection {
        CardSelection::Ids { ids } => ids.join(","),
        CardSelection::All => "*".to_string(),
        CardSelection::Period { from, to } => format!("{}..{}", from.trim(), to.trim()),
    };
    store.record_access(ctx, CARD, &what, action)?;
    Ok(cards
        .into_iter()
        .map(|c| with_deadline(c, ctx.today, &cal))
        .collect())
}

/// Who changed this card, when, and what (oldest first; changed fields only, phones and addresses
/// masked). A head or a delegate only of a card in their reach.
pub fn card_history(store: &Store, ctx: &Ctx, id: &str) -> Result<Vec<ChangeRecord>> {
    ctx.require(Permission::ReadRecords)?;
    require_reach_of(store, ctx, id)?;
    audit::history(store, ctx, CARD, id)
}

/// The corrections of a card, oldest first: the first one's `before` holds the original values.
/// Like the history it is a list: phone numbers and addresses in it come masked (the full card is
/// where they are shown).
pub fn card_amendments(store: &Store, ctx: &Ctx, id: &str) -> Result<Vec<CardAmendment>> {
    ctx.require(Permission::ReadRecords)?;
    require_reach_of(store, ctx, id)?;
    let list = db::amendments(&*store.reader()?, id)?;
    Ok(list
        .into_iter()
        .map(|a| CardAmendment {
            before: mask_personal(a.before),
            after: mask_personal(a.after),
            ..a
        })
        .collect())
}
