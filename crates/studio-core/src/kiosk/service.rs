//! The kiosk's operations: the message (a write through the gate), 查询进度, and the public reads.

use chrono::{DateTime, Duration, SecondsFormat, Utc};
use rusqlite::Connection;

use super::codes;
use super::validate;
use super::{
    AppointmentReceipt, AppointmentRequestInput, DelegationProfiles, KioskInfo, MessageInput,
    Progress, QueryKind, Receipt, FAILED_QUERY_WINDOW_MINUTES, MAX_FAILED_QUERIES,
    MESSAGE_INTERVAL_SECONDS, TOO_MANY_MESSAGES_MESSAGE, TOO_MANY_QUERIES_MESSAGE,
    WRONG_CODE_MESSAGE,
};
use crate::actor::Permission;
use crate::appointments::{self, AppointmentDirection, AppointmentInput, AppointmentSource};
use crate::audit_log::{self, AuditResult, NewAuditEntry};
use crate::calendar::WorkCalendar;
use crate::ctx::Ctx;
use crate::error::{Error, FieldError, Result};
use crate::items::{self, flow, ItemInput, ItemSource, VisitorItem};
use crate::roster::public_profile;
use crate::settings;
use crate::storage::kiosk::{self as db, QueryCodeRow};
use crate::storage::{
    appointments as appointments_db, calendar as calendar_db, items as items_db,
    roster as roster_db, Store,
};

/// UTC `seconds` ago, as the stored times are written (sortable text).
fn utc_ago(seconds: i64) -> String {
    (Utc::now() - Duration::seconds(seconds)).to_rfc3339_opts(SecondsFormat::Millis, true)
}

/// The Shanghai day of a stored UTC time.
fn shanghai_day(at: &str) -> String {
    DateTime::parse_from_rfc3339(at)
        .map(|t| {
            (t.with_timezone(&Utc) + Duration::hours(8))
                .format("%Y-%m-%d")
                .to_string()
        })
        .unwrap_or_default()
}

/// 有事找代表: store a visitor's message as a ledger item and give them its query code.
///
/// `source` is where it was written: `kiosk` (the studio PC) or `online` (the online studio,
/// later). The item starts at 受理 like any other, numbered, with its category's deadline; the
/// person's name and phone are filled and `person_consent` is `true` (without consent nothing is
/// stored: a field error on `consent`). Its title is the text's first sentence
/// ([`super::title_from_text`]); its first responder is the channel (自助终端 / 网上工作室) until
/// staff route it. A chosen delegate must be one 代表风采 shows (in office, consenting): it is
/// recorded as `requested_delegate_id`, a wish, and the item waits without delegates in 待分派
/// ([`items::route_item`]).
///
/// Bounds: the validators' lengths, and one message per phone per minute (checked in the write's
/// transaction, so two kiosks cannot both pass). Needs `UseKiosk`. The visitor gets back the code,
/// the item's number and the day, nothing else.
pub fn submit_message(
    store: &Store,
    ctx: &Ctx,
    input: &MessageInput,
    source: ItemSource,
) -> Result<Receipt> {
    ctx.require(Permission::UseKiosk)?;
    if !matches!(source, ItemSource::Kiosk | ItemSource::Online) {
        return Err(Error::Invalid("留言只能来自自助终端或网上工作室".into()));
    }
    let v = validate::message(input)?;
    store.write(ctx, Permission::UseKiosk, |tx| {
        let since = utc_ago(MESSAGE_INTERVAL_SECONDS);
        if db::messages_since(tx, &v.phone, &since)? > 0 {
            return Err(Error::Invalid(TOO_MANY_MESSAGES_MESSAGE.into()));
        }
        if let Some(id) = &v.delegate_id {
            let shown = roster_db::get_delegate(tx, id)?
                .as_ref()
                .and_then(public_profile)
                .is_some();
            if !shown {
                return Err(Error::field(
                    "delegate_id",
                    "所选党代表目前不能接收留言，请重新选择或不选",
                ));
            }
        }
        let item_input = ItemInput {
            category: Some(v.category),
            source: Some(source),
            title: validate::title_from_text(&v.text),
            content: v.text.clone(),
            person_name: v.name.clone(),
            person_phone: v.phone.clone(),
            person_contact: String::new(),
            person_consent: Some(true),
            first_responder: source.label().to_string(),
            delegate_ids: Vec::new(),
            received_on: String::new(),
            card_id: None,
        };
        let item = items::create_visitor_item_in(
            tx,
            &item_input,
            VisitorItem {
                publish_ok: v.publish_ok,
                requested_delegate_id: v.delegate_id.clone(),
            },
        )?;
        let query_code = codes::issue(tx, QueryKind::Item, &item.id, &item.person_phone)?;
        Ok(Receipt {
            query_code,
            item_no: item.no,
            received_on: item.received_on,
        })
    })
}

/// 约见党代表: store a visitor's request to meet a delegate as a 待确认 appointment and give them
/// its query code.
///
/// `source` is where it was written: `kiosk` (the studio PC) or `online` (the online studio,
/// later). The appointment is a `request` from that source, at the studio
/// (`appointments::validate::DEFAULT_PLACE`), on the day asked for during the half-day chosen
/// ([`super::DayPeriod::span`]), with the topic, the person's name and phone, and their consent
/// (without it nothing is stored: a field error on `consent`). Staff confirm it (or move it to an
/// exact time) as any other appointment.
///
/// Refused beside their fields (the form's names): a day before today, more than
/// [`super::REQUEST_DAYS_AHEAD`] days ahead or not a working day (`date`); a delegate the kiosk does
/// not show (`delegate_id`: not in office, or not consenting to be shown); a half-day that clashes
/// with the delegate's duty slot (`period`, the appointments' rule). One request per phone per
/// minute (checked in the write's transaction). Made through `appointments::create_in` with the
/// code issued in the same write ([`codes::issue`], kind `appointment`). Needs `UseKiosk`. The
/// visitor gets back the code and what they asked for, nothing else.
pub fn request_appointment(
    store: &Store,
    ctx: &Ctx,
    input: &AppointmentRequestInput,
    source: AppointmentSource,
) -> Result<AppointmentReceipt> {
    ctx.require(Permission::UseKiosk)?;
    if !matches!(source, AppointmentSource::Kiosk | AppointmentSource::Online) {
        return Err(Error::Invalid(
            "约见申请只能来自自助终端或网上工作室".into(),
        ));
    }
    let v = validate::request(input, ctx.today)?;
    store.write(ctx, Permission::UseKiosk, |tx| {
        let since = utc_ago(MESSAGE_INTERVAL_SECONDS);
        if db::requests_since(tx, &v.phone, &since)? > 0 {
            return Err(Error::Invalid(TOO_MANY_MESSAGES_MESSAGE.into()));
        }
        let cal = WorkCalendar::from_overrides(&calendar_db::list(tx, None)?);
        if !cal.is_workday(v.date) {
            return Err(Error::field(
                "date",
                "所选日期不是工作日，工作室不开放，请另选日期",
            ));
        }
        let delegate = roster_db::get_delegate(tx, &v.delegate_id)?
            .as_ref()
            .and_then(public_profile)
            .ok_or_else(|| Error::field("delegate_id", "所选党代表目前不能接受约见，请重新选择"))?;
        let (start, end) = v.period.span();
        let input = AppointmentInput {
            person_name: v.name.clone(),
            person_phone: v.phone.clone(),
            person_consent: Some(true),
            delegate_id: delegate.id.clone(),
            date: v.date.format("%Y-%m-%d").to_string(),
            start: start.into(),
            end: end.into(),
            place: appointments::validate::DEFAULT_PLACE.into(),
            topic: v.topic.clone(),
            direction: Some(AppointmentDirection::Request),
            source: Some(source),
            note: String::new(),
        };
        let phone = v.phone.clone();
        let a = appointments::create_in(tx, &input, |tx, id| {
            codes::issue(tx, QueryKind::Appointment, id, &phone).map(Some)
        })
        .map_err(as_request_fields)?;
        Ok(AppointmentReceipt {
            query_code: a.query_code.unwrap_or_default(),
            delegate_name: delegate.name,
            date: a.date,
            period: v.period,
            received_on: tx.today().format("%Y-%m-%d").to_string(),
        })
    })
}

/// 约见党代表: the days a visitor may ask for, `YYYY-MM-DD` in order: the working days (the official
/// calendar with the studio's corrections) from today through [`super::REQUEST_DAYS_AHEAD`] days
/// ahead, as [`request_appointment`] accepts them. Needs `UseKiosk`.
pub fn request_days(store: &Store, ctx: &Ctx) -> Result<Vec<String>> {
    ctx.require(Permission::UseKiosk)?;
    let cal = crate::calendar::load(store)?;
    let last = ctx.today + Duration::days(i64::from(super::REQUEST_DAYS_AHEAD));
    Ok(ctx
        .today
        .iter_days()
        .take_while(|d| *d <= last)
        .filter(|d| cal.is_workday(*d))
        .map(|d| d.format("%Y-%m-%d").to_string())
        .collect())
}

/// The appointment form's field errors under the request form's names (the clash with a duty
/// slot is the half-day's problem).
fn as_request_fields(e: Error) -> Error {
    let Error::Validation(fields) = e else {
        return e;
    };
    let mut out: Vec<FieldError> = Vec::new();
    for f in fields {
        let field = match f.field.as_str() {
            "person_name" => "name",
            "person_phone" => "phone",
            "start" | "end" => "period",
            other => other,
        };
        if !out.iter().any(|o| o.field == field) {
            out.push(FieldError {
                field: field.to_string(),
                message: f.message,
            });
        }
    }
    Error::Validation(out)
}

/// 查询进度: with a query code (any case, with or without its dash) and the last four digits of
/// the phone given with it, the status and, once answered, the answer (for an item), nothing else.
///
/// A wrong code and wrong digits get the same answer ([`WRONG_CODE_MESSAGE`], `not_found`), and
/// the failed try is written to the audit log (area `kiosk`, action `query_failed`, the code as
/// typed). After [`MAX_FAILED_QUERIES`] failed tries by the same actor (the kiosk) within
/// [`FAILED_QUERY_WINDOW_MINUTES`] minutes every try is refused ([`TOO_MANY_QUERIES_MESSAGE`],
/// logged as `query_refused`) until the oldest falls out of the window. Needs `UseKiosk`.
///
/// Showing the answer here is not the feedback step: staff still record 反馈 and 回访.
pub fn query_progress(store: &Store, ctx: &Ctx, code: &str, phone_last4: &str) -> Result<Progress> {
    ctx.require(Permission::UseKiosk)?;
    let tried: String = code.trim().chars().take(20).collect();
    let found = {
        let guard = store.reader()?;
        let conn: &Connection = &guard;
        let since = utc_ago(FAILED_QUERY_WINDOW_MINUTES * 60);
        if db::failed_queries_since(conn, &ctx.actor.id, &since)? >= MAX_FAILED_QUERIES {
            None
        } else {
            Some(lookup(conn, code, phone_last4)?)
        }
    };
    // The reader is given back before logging: an in-memory store has one connection.
    let (action, result, error) = match found {
        Some(Some(progress)) => return Ok(progress),
        None => (
            "query_refused",
            AuditResult::Refused,
            Error::Invalid(TOO_MANY_QUERIES_MESSAGE.into()),
        ),
        Some(None) => (
            "query_failed",
            AuditResult::Failed,
            Error::NotFound(WRONG_CODE_MESSAGE.into()),
        ),
    };
    audit_log::record(
        store,
        &NewAuditEntry {
            actor: &ctx.actor,
            area: "kiosk",
            action,
            target: &tried,
            summary: &error.to_string(),
            result,
        },
    )?;
    Err(error)
}

/// The progress behind `code` when `last4` matches its phone; `None` for anything else.
fn lookup(conn: &Connection, code: &str, last4: &str) -> Result<Option<Progress>> {
    let Some(code) = codes::normalize_code(code) else {
        return Ok(None);
    };
    let last4: String = last4.chars().filter(|c| !c.is_whitespace()).collect();
    if last4.len() != 4 || !last4.bytes().all(|b| b.is_ascii_digit()) {
        return Ok(None);
    }
    let Some(row) = db::get_code(conn, &code)? else {
        return Ok(None);
    };
    // An erased person's code keeps its row (so it is never given again) without the digits: it
    // matches nothing any more.
    if row.phone_last4 != last4 {
        return Ok(None);
    }
    match row.kind {
        QueryKind::Item => item_progress(conn, &row),
        QueryKind::Appointment => appointment_progress(conn, &row),
    }
}

fn item_progress(conn: &Connection, row: &QueryCodeRow) -> Result<Option<Progress>> {
    let Some(s) = items_db::get_item(conn, &row.target_id)? else {
        return Ok(None);
    };
    let i = s.item;
    let answered = i.answered_on.is_some() && !i.answer.trim().is_empty();
    Ok(Some(Progress {
        kind: QueryKind::Item,
        status_label: flow::status_text(i.status, i.paused_since.is_some()),
        received_on: i.received_on,
        answer: answered.then_some(i.answer),
        answered_on: if answered { i.answered_on } else { None },
        appointment_date: None,
        appointment_time: None,
    }))
}

/// An appointment request's progress: 待确认 / 已确认 / 已完成 / 已取消, the day it was asked for,
/// and its day and time (as staff confirmed or moved them). Nothing of the person or the topic.
fn appointment_progress(conn: &Connection, row: &QueryCodeRow) -> Result<Option<Progress>> {
    let Some(a) = appointments_db::get(conn, &row.target_id)? else {
        return Ok(None);
    };
    Ok(Some(Progress {
        kind: QueryKind::Appointment,
        status_label: a.status.label().to_string(),
        received_on: shanghai_day(&a.created_at),
        answer: None,
        answered_on: None,
        appointment_date: Some(a.date),
        appointment_time: Some(format!("{}–{}", a.start, a.end)),
    }))
}

/// 代表风采: the delegates in office who agreed to be shown, grouped by delegation in the roster's
/// order (delegations without one are left out), each as [`public_profile`] shows them: only the
/// fields they allowed. Needs `ReadRoster` (visitors have it).
pub fn delegate_profiles(store: &Store, ctx: &Ctx) -> Result<Vec<DelegationProfiles>> {
    ctx.require(Permission::ReadRoster)?;
    let guard = store.reader()?;
    let conn: &Connection = &guard;
    let mut groups: Vec<DelegationProfiles> = roster_db::list_delegation_summaries(conn)?
        .into_iter()
        .map(|g| DelegationProfiles {
            delegation_id: g.id,
            delegation_name: g.name,
            delegates: Vec::new(),
        })
        .collect();
    for id in db::published_delegate_ids(conn)? {
        let Some(p) = roster_db::get_delegate(conn, &id)?
            .as_ref()
            .and_then(public_profile)
        else {
            continue;
        };
        if let Some(g) = groups
            .iter_mut()
            .find(|g| g.delegation_id == p.delegation_id)
        {
            g.delegates.push(p);
        }
    }
    groups.retain(|g| !g.delegates.is_empty());
    Ok(groups)
}

/// 工作室简介 and the kiosk's settings. Needs `UseKiosk`.
pub fn kiosk_info(store: &Store, ctx: &Ctx) -> Result<KioskInfo> {
    ctx.require(Permission::UseKiosk)?;
    let s = settings::load(store)?;
    Ok(KioskInfo {
        studio_name: s.studio_name,
        intro: s.studio_intro,
        hotline: s.hotline,
        opening_hours: Some(s.opening_hours).filter(|h| !h.trim().is_empty()),
        idle_seconds: s.kiosk_idle_seconds,
    })
}
