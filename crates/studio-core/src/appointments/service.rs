//! Appointment operations. Reads and writes need `HandleAppointments`, and a head reaches their
//! delegation's delegates' appointments, a delegate their own. Every write goes through the write
//! gate (entity `appointment`; a completion also `card`), naming the version it was based on.

use chrono::NaiveDate;
use rusqlite::Connection;
use serde_json::Value;

use super::flow;
use super::validate::{self, Valid};
use super::{
    Appointment, AppointmentCompletion, AppointmentInput, AppointmentListItem, AppointmentQuery,
    AppointmentStatus, AppointmentStep,
};
use crate::actor::Permission;
use crate::audit::{self, ChangeRecord, Entity};
use crate::cards::{CardInput, Channel};
use crate::ctx::Ctx;
use crate::error::{Error, Result};
use crate::ids::{new_id, now_utc, parse_date};
use crate::kiosk::QueryKind;
use crate::page::Page;
use crate::roster::DelegateStatus;
use crate::schedule::validate::overlaps;
use crate::storage::{
    appointments as db, kiosk as kiosk_db, roster as roster_db, schedule as schedule_db, Store,
    Write,
};
use crate::validate::{mask_phone, Checker};

const ENTITY: Entity = Entity::Appointment;

fn not_found() -> Error {
    Error::NotFound("找不到该约见".into())
}

fn date_text(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// The appointment as the change log records it: its stored columns (the delegate's name and
/// delegation are the roster's, read with it).
fn audit_value(a: &Appointment) -> Value {
    let mut v = serde_json::to_value(a).unwrap_or(Value::Null);
    if let Value::Object(m) = &mut v {
        for k in ["delegate_name", "delegation_id", "delegation_name"] {
            m.remove(k);
        }
    }
    v
}

fn require_reach(ctx: &Ctx, a: &Appointment) -> Result<()> {
    ctx.require_reach(&[&a.delegate_id], &[&a.delegation_id])
}

/// The duty slot of `delegate_id` that `date` `start..end` clashes with, as a message naming it.
fn clash(
    conn: &Connection,
    delegate_id: &str,
    name: &str,
    date: &str,
    start: &str,
    end: &str,
) -> Result<Option<String>> {
    for slot in schedule_db::slots_of_delegate(conn, delegate_id, date, date)? {
        if overlaps((start, end), (&slot.start, &slot.end)) {
            return Ok(Some(format!(
                "{name} 已在 {}值班，约见时间与之冲突，请另选时间",
                crate::schedule::slot_text(&slot)
            )));
        }
    }
    Ok(None)
}

/// The rules that read the database, for an open appointment with `delegate_id` on `date` from
/// `start` to `end`: the delegate exists and is in `ctx`'s reach, has not left by that day, and is
/// on no duty slot then. Problems beside their fields; a delegate out of reach is `forbidden`.
fn check_open(
    conn: &Connection,
    ctx: &Ctx,
    delegate_id: &str,
    date: &str,
    start: &str,
    end: &str,
) -> Result<()> {
    let d = roster_db::get_delegate(conn, delegate_id)?
        .ok_or_else(|| Error::field("delegate_id", "所选党代表不存在，请重新选择"))?;
    ctx.require_reach(&[&d.id], &[&d.delegation_id])?;
    let mut c = Checker::new();
    if d.status == DelegateStatus::Left && d.left_on.as_deref().is_none_or(|left| date >= left) {
        c.add(
            "delegate_id",
            match &d.left_on {
                Some(left) => format!("{} 已于 {left} 离任，不能约见", d.name),
                None => format!("{} 已离任，不能约见", d.name),
            },
        );
    }
    if let Some(m) = clash(conn, &d.id, &d.name, date, start, end)? {
        c.add("start", m);
    }
    c.finish()
}

fn apply(a: &mut Appointment, v: Valid) {
    a.person_name = v.person_name;
    a.person_phone = v.person_phone;
    a.person_consent = v.person_consent;
    a.delegate_id = v.delegate_id;
    a.date = date_text(v.date);
    a.start = v.start;
    a.end = v.end;
    a.place = v.place;
    a.topic = v.topic;
    a.direction = v.direction;
    a.note = v.note;
}

// ---- writes ---------------------------------------------------------------------------------

/// A new appointment (待确认) inside the caller's write: what [`create_appointment`] does, and what
/// the kiosk's and the online studio's requests call under their own permission (source `kiosk` /
/// `online` in `input`). The rules are the same. Once the input passed them, `query_code` is asked
/// with the new appointment's id for the visitor's 查询码 to store with it (the kiosk issues one in
/// the same write: `|tx, id| Ok(Some(codes::issue(tx, …, id, …)?))`; staff: `|_, _| Ok(None)`). The
/// column is unique; the kiosk's code space never gives a code twice.
pub(crate) fn create_in(
    tx: &mut Write<'_>,
    input: &AppointmentInput,
    query_code: impl FnOnce(&mut Write<'_>, &str) -> Result<Option<String>>,
) -> Result<Appointment> {
    let v = validate::appointment(input)?;
    let ctx = tx.ctx().clone();
    let date = date_text(v.date);
    check_open(tx, &ctx, &v.delegate_id, &date, &v.start, &v.end)?;
    let id = new_id();
    let query_code = query_code(tx, &id)?;
    let now = now_utc();
    let mut a = Appointment {
        id,
        person_name: String::new(),
        person_phone: String::new(),
        person_consent: None,
        delegate_id: String::new(),
        delegate_name: String::new(),
        delegation_id: String::new(),
        delegation_name: String::new(),
        date: String::new(),
        start: String::new(),
        end: String::new(),
        place: String::new(),
        topic: String::new(),
        direction: v.direction,
        source: v.source,
        status: AppointmentStatus::Pending,
        cancel_reason: String::new(),
        card_id: None,
        query_code,
        note: String::new(),
        confirmed_at: None,
        completed_at: None,
        cancelled_at: None,
        created_at: now.clone(),
        updated_at: now,
        version: 1,
    };
    apply(&mut a, v);
    db::upsert(tx, &a)?;
    let a = db::get(tx, &a.id)?.ok_or_else(not_found)?;
    tx.record(
        ENTITY,
        &a.id,
        "create",
        None::<&Value>,
        Some(&audit_value(&a)),
    )?;
    Ok(a)
}

/// 登记约见: a new appointment, 待确认. Refused: a delegate out of the actor's reach
/// (`forbidden`), a delegate who has left by that day, a time that clashes with the delegate's
/// duty slot (the message names the slot).
pub fn create_appointment(
    store: &Store,
    ctx: &Ctx,
    input: &AppointmentInput,
) -> Result<Appointment> {
    ctx.require(Permission::HandleAppointments)?;
    validate::appointment(input)?;
    store.write(ctx, Permission::HandleAppointments, |tx| {
        create_in(tx, input, |_, _| Ok(None))
    })
}

/// The live appointment `id` inside a write: in the writer's reach, and at `version` (else
/// [`Error::Stale`]).
fn load_at(tx: &Write<'_>, id: &str, version: i64) -> Result<Appointment> {
    let a = db::get(tx, id)?.ok_or_else(not_found)?;
    require_reach(tx.ctx(), &a)?;
    tx.expect_version(ENTITY, id, a.version, version)?;
    Ok(a)
}

/// Save an open appointment (待确认 or 已确认) edited from `version`, under the rules of
/// [`create_appointment`]; its source stays. Saving what it has changes nothing and records nothing.
pub fn update_appointment(
    store: &Store,
    ctx: &Ctx,
    id: &str,
    version: i64,
    input: &AppointmentInput,
) -> Result<Appointment> {
    ctx.require(Permission::HandleAppointments)?;
    let v = validate::appointment(input)?;
    store.write(ctx, Permission::HandleAppointments, |tx| {
        let before = load_at(tx, id, version)?;
        if !flow::editable(before.status) {
            return Err(Error::Conflict(format!(
                "当前状态为「{}」，不能修改",
                before.status.label()
            )));
        }
        let ctx = tx.ctx().clone();
        let date = date_text(v.date);
        check_open(tx, &ctx, &v.delegate_id, &date, &v.start, &v.end)?;
        let mut after = before.clone();
        apply(&mut after, v);
        let b = audit_value(&before);
        if b == audit_value(&after) {
            return Ok(before);
        }
        after.updated_at = now_utc();
        after.version = before.version + 1;
        db::upsert(tx, &after)?;
        let after = db::get(tx, id)?.ok_or_else(not_found)?;
        tx.record(ENTITY, id, "update", Some(&b), Some(&audit_value(&after)))?;
        Ok(after)
    })
}

/// Run `step` on the appointment `id` read at `version`: reach, version, the status flow, then
/// `change` on the new row; one change record (the step's action).
fn step(
    tx: &mut Write<'_>,
    id: &str,
    version: i64,
    step: AppointmentStep,
    change: impl FnOnce(&mut Write<'_>, &mut Appointment) -> Result<()>,
) -> Result<Appointment> {
    let before = load_at(tx, id, version)?;
    let next = flow::next_status(before.status, step)?;
    let mut after = before.clone();
    after.status = next;
    change(tx, &mut after)?;
    after.updated_at = now_utc();
    after.version = before.version + 1;
    db::upsert(tx, &after)?;
    let after = db::get(tx, id)?.ok_or_else(not_found)?;
    tx.record(
        ENTITY,
        id,
        step.as_str(),
        Some(&audit_value(&before)),
        Some(&audit_value(&after)),
    )?;
    Ok(after)
}

/// 确认: a 待确认 appointment read at `version` becomes 已确认. Its time is checked again against
/// the delegate's duty slots (one may have been added since) and the delegate's leaving.
pub fn confirm_appointment(
    store: &Store,
    ctx: &Ctx,
    id: &str,
    version: i64,
) -> Result<Appointment> {
    ctx.require(Permission::HandleAppointments)?;
    store.write(ctx, Permission::HandleAppointments, |tx| {
        step(tx, id, version, AppointmentStep::Confirm, |tx, a| {
            let ctx = tx.ctx().clone();
            check_open(tx, &ctx, &a.delegate_id, &a.date, &a.start, &a.end)?;
            a.confirmed_at = Some(now_utc());
            Ok(())
        })
    })
}

/// 取消: a 待确认 or 已确认 appointment read at `version` becomes 已取消, with the reason
/// (required).
pub fn cancel_appointment(
    store: &Store,
    ctx: &Ctx,
    id: &str,
    version: i64,
    reason: &str,
) -> Result<Appointment> {
    ctx.require(Permission::HandleAppointments)?;
    let reason = validate::reason(reason)?;
    store.write(ctx, Permission::HandleAppointments, |tx| {
        step(tx, id, version, AppointmentStep::Cancel, |_, a| {
            a.cancel_reason = reason;
            a.cancelled_at = Some(now_utc());
            Ok(())
        })
    })
}

/// 完成: a 已确认 appointment read at `version` becomes 已完成 and, in the same write, a new draft
/// record card is made from it (the delegate, the person's name, phone and consent, the date as the
/// contact date, channel 约见, the topic as the opinion) and linked (`card_id`). The meeting must
/// have happened: its date may not be after `ctx.today`. Writing the card needs `EditCards` too.
pub fn complete_appointment(
    store: &Store,
    ctx: &Ctx,
    id: &str,
    version: i64,
) -> Result<AppointmentCompletion> {
    ctx.require(Permission::HandleAppointments)?;
    ctx.require(Permission::EditCards)?;
    store.write(ctx, Permission::HandleAppointments, |tx| {
        let mut card = None;
        let appointment = step(tx, id, version, AppointmentStep::Complete, |tx, a| {
            if a.date > date_text(tx.today()) {
                return Err(Error::Conflict(format!(
                    "约见日期（{}）还未到，不能标记为已完成",
                    a.date
                )));
            }
            let input = CardInput {
                delegate_id: a.delegate_id.clone(),
                refresh_snapshot: true,
                contact_date: a.date.clone(),
                person_name: a.person_name.clone(),
                person_phone: a.person_phone.clone(),
                person_consent: a.person_consent,
                channel: Some(Channel::Appointment),
                opinion: a.topic.clone(),
                ..Default::default()
            };
            let c = crate::cards::create_card_in(tx, &input)?;
            a.card_id = Some(c.id.clone());
            a.completed_at = Some(now_utc());
            card = Some(c);
            Ok(())
        })?;
        Ok(AppointmentCompletion {
            appointment,
            card: card.expect("made with the step"),
        })
    })
}

// ---- reads ----------------------------------------------------------------------------------

/// One appointment. With `ReadPersonalData` the phone is in full and the opening is recorded
/// (audit log, `view`); without it the phone comes masked.
pub fn get_appointment(store: &Store, ctx: &Ctx, id: &str) -> Result<Appointment> {
    ctx.require(Permission::HandleAppointments)?;
    let a = db::get(&*store.reader()?, id)?.ok_or_else(not_found)?;
    require_reach(ctx, &a)?;
    if !ctx.sees_personal_data() {
        return Ok(Appointment {
            person_phone: mask_phone(&a.person_phone),
            ..a
        });
    }
    // The reader is given back first: an in-memory store reads on the writer's connection.
    store.record_access(ctx, ENTITY, id, "view")?;
    Ok(a)
}

/// Who changed an appointment, when, and what (oldest first; phones masked).
pub fn appointment_history(store: &Store, ctx: &Ctx, id: &str) -> Result<Vec<ChangeRecord>> {
    ctx.require(Permission::HandleAppointments)?;
    let a = db::get(&*store.reader()?, id)?.ok_or_else(not_found)?;
    require_reach(ctx, &a)?;
    audit::history(store, ctx, ENTITY, id)
}

/// A date range's bounds, each empty or a strict `YYYY-MM-DD`, the end not before the start.
fn check_range(
    c: &mut Checker,
    from: Option<&str>,
    to: Option<&str>,
) -> (Option<String>, Option<String>) {
    let mut one = |field: &str, label: &str, v: Option<&str>| {
        let v = v.map(str::trim).filter(|s| !s.is_empty())?;
        match parse_date(v) {
            Some(d) => Some(date_text(d)),
            None => {
                c.add(
                    field,
                    format!("{label}格式应为 YYYY-MM-DD，例如 2026-10-01"),
                );
                None
            }
        }
    };
    let f = one("from", "起始日期", from);
    let t = one("to", "截止日期", to);
    if let (Some(f), Some(t)) = (&f, &t) {
        if t < f {
            c.add("to", "截止日期不能早于起始日期");
        }
    }
    (f, t)
}

/// One page of appointments: by search text (words, or a visitor's query code: see
/// [`AppointmentQuery::q`]), status, delegate, delegation, direction, source and period; phones
/// masked. A head sees their delegation's, a delegate their own: the filters are narrowed to that.
pub fn list_appointments(
    store: &Store,
    ctx: &Ctx,
    query: &AppointmentQuery,
) -> Result<Page<AppointmentListItem>> {
    ctx.require(Permission::HandleAppointments)?;
    crate::validate::bound_search(&query.q)?;
    let mut c = Checker::new();
    let (from, to) = check_range(&mut c, query.from.as_deref(), query.to.as_deref());
    c.finish()?;
    let page = query.page.clamped();
    let mut q = query.clone();
    q.from = from;
    q.to = to;
    if !crate::cards::narrow_to_scope(ctx, &mut q.delegate_id, &mut q.delegation_id) {
        return Ok(Page {
            items: Vec::new(),
            total: 0,
            page: page.page,
            page_size: page.page_size,
        });
    }
    let guard = store.reader()?;
    let by_code = kiosk_db::target_of(&guard, QueryKind::Appointment, &q.q)?;
    let (items, total) = db::list(&guard, &q, by_code.as_deref())?;
    Ok(Page {
        items,
        total,
        page: page.page,
        page_size: page.page_size,
    })
}

/// Every appointment (in `ctx`'s reach) dated `from..=to` (each optional), oldest first, in full for
/// an export file: a deliberate act on personal data, so it needs `ExportPersonalData` and is
/// recorded (audit log, `export`, target `FROM..TO`).
pub fn appointments_for_export(
    store: &Store,
    ctx: &Ctx,
    from: Option<&str>,
    to: Option<&str>,
) -> Result<Vec<Appointment>> {
    ctx.require(Permission::ExportPersonalData)?;
    let mut c = Checker::new();
    let (f, t) = check_range(&mut c, from, to);
    c.finish()?;
    let from = f.unwrap_or_else(|| "0000-01-01".into());
    let to = t.unwrap_or_else(|| "9999-12-31".into());
    let list: Vec<Appointment> = db::in_period(&*store.reader()?, &from, &to)?
        .into_iter()
        .filter(|a| require_reach(ctx, a).is_ok())
        .collect();
    store.record_access(ctx, ENTITY, &format!("{from}..{to}"), "export")?;
    Ok(list)
}
