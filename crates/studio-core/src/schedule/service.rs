//! Schedule operations. Reads take the request context (`ReadSchedule`; an actor without
//! `ReadRecords`, a visitor, sees published months only); writes go through the write gate with
//! `EditSchedule` (entity `duty_slot`, and `schedule_month` for publishing and the poster's state).

use chrono::{Days, NaiveDate};
use rusqlite::Connection;

use super::copy::{self, day_off_reason};
use super::validate::{self, month_label, month_of, overlaps, time_span, weekday_label, ValidSlot};
use super::{
    CopyInput, CopyReport, CopySkip, MonthPlan, MonthSummary, PlanDay, ScheduleMonth, Slot,
    SlotInput, SlotRow, SwapInput, SwapOutcome,
};
use crate::actor::Permission;
use crate::audit::{self, ChangeRecord, Entity};
use crate::calendar::WorkCalendar;
use crate::ctx::Ctx;
use crate::error::{Error, Result};
use crate::ids::{new_id, now_utc};
use crate::roster::DelegateStatus;
use crate::storage::{calendar as calendar_db, roster as roster_db, schedule as db, Store, Write};
use crate::validate::Checker;

const SLOT: Entity = Entity::DutySlot;
const MONTH: Entity = Entity::ScheduleMonth;

fn not_found() -> Error {
    Error::NotFound("找不到该接待安排".into())
}

fn date_text(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// The calendar as this connection sees it.
pub(crate) fn calendar_in(conn: &Connection) -> Result<WorkCalendar> {
    Ok(WorkCalendar::from_overrides(&calendar_db::list(
        conn, None,
    )?))
}

/// Whether `ctx` sees published months only (a visitor: no access to the studio's records).
fn published_only(ctx: &Ctx) -> bool {
    !ctx.may(Permission::ReadRecords)
}

/// The first and last day of the month starting at `first`.
fn month_bounds(first: NaiveDate) -> (String, String) {
    let last = first
        .checked_add_months(chrono::Months::new(1))
        .and_then(|d| d.pred_opt())
        .unwrap_or(first);
    (date_text(first), date_text(last))
}

/// `2026-10-13（周二）14:30—17:00 工作室`: how a message names a slot (「张建华 已在 … 值班」).
pub(crate) fn slot_text(s: &Slot) -> String {
    let date = crate::ids::parse_date(&s.date)
        .map(|d| format!("{}（{}）", s.date, weekday_label(d)))
        .unwrap_or_else(|| s.date.clone());
    format!("{date}{} {}", time_span(&s.start, &s.end), s.place.label())
}

// ---- the rules that read the database --------------------------------------------------------

/// What is wrong with putting `ids` on duty on `date` from `start` to `end`: a delegate who does not
/// exist, who has left by that day, or who is on another live slot (not one of `exclude`) that
/// overlaps. One Chinese sentence per problem, naming the delegate and the other slot.
pub(crate) fn delegate_problems(
    conn: &Connection,
    date: NaiveDate,
    start: &str,
    end: &str,
    ids: &[String],
    exclude: &[&str],
) -> Result<Vec<String>> {
    let day = date_text(date);
    let mut problems = Vec::new();
    for id in ids {
        let Some(d) = roster_db::get_delegate(conn, id)? else {
            problems.push("所选党代表不存在，请重新选择".to_string());
            continue;
        };
        if d.status == DelegateStatus::Left
            && d.left_on.as_deref().is_none_or(|left| day.as_str() >= left)
        {
            problems.push(match &d.left_on {
                Some(left) => format!("{} 已于 {left} 离任，不能安排接待", d.name),
                None => format!("{} 已离任，不能安排接待", d.name),
            });
            continue;
        }
        for other in db::slots_of_delegate(conn, id, &day, &day)? {
            if exclude.contains(&other.id.as_str()) {
                continue;
            }
            if overlaps((start, end), (&other.start, &other.end)) {
                problems.push(format!(
                    "{} 已在 {}值班，时间重叠",
                    d.name,
                    slot_text(&other)
                ));
                break;
            }
        }
    }
    Ok(problems)
}

/// Check a slot form against the database: its delegates ([`delegate_problems`]) and the working
/// day (a day off needs `confirm_non_working`, unless the slot already was on that day, confirmed).
/// Every problem is reported at once, beside its field.
fn check_slot(
    conn: &Connection,
    v: &ValidSlot,
    cal: &WorkCalendar,
    before: Option<&SlotRow>,
) -> Result<()> {
    let mut c = Checker::new();
    let confirmed_before = before.is_some_and(|b| b.non_working_day && b.date == date_text(v.date));
    if !cal.is_workday(v.date) && !v.confirm_non_working && !confirmed_before {
        c.add(
            "date",
            format!(
                "{}；如确需在这一天安排接待，请确认后再保存",
                day_off_reason(v.date, cal)
            ),
        );
    }
    let exclude: Vec<&str> = before.map(|b| b.id.as_str()).into_iter().collect();
    let problems = delegate_problems(conn, v.date, &v.start, &v.end, &v.delegate_ids, &exclude)?;
    if !problems.is_empty() {
        c.add("delegate_ids", problems.join("；"));
    }
    if let Some(id) = &v.liaison_id {
        if let Some(problem) = crate::volunteers::liaison_problem(conn, id, &date_text(v.date))? {
            c.add("liaison_id", problem);
        }
    }
    c.finish()
}

/// A change to a slot of `month` (`YYYY-MM`): if the month is published and its poster was not yet
/// marked, mark it changed (a change of the month row, recorded).
fn poster_changed_in(tx: &mut Write<'_>, month: &str) -> Result<()> {
    let Some(before) = db::get_month(tx, month)? else {
        return Ok(());
    };
    if !before.published || before.poster_changed {
        return Ok(());
    }
    let mut after = before.clone();
    after.poster_changed = true;
    after.version = before.version + 1;
    db::upsert_month(tx, &after, &now_utc())?;
    tx.record(MONTH, month, "poster_changed", Some(&before), Some(&after))
}

fn month_key(date: &str) -> String {
    date.get(..7).unwrap_or_default().to_string()
}

/// The live slot `id` inside a write, at `version` (else [`Error::Stale`]).
fn load_at(tx: &Write<'_>, id: &str, version: i64) -> Result<Slot> {
    let before = db::get_slot(tx, id)?.ok_or_else(not_found)?;
    tx.expect_version(SLOT, id, before.version, version)?;
    Ok(before)
}

fn row_from(
    v: ValidSlot,
    cal: &WorkCalendar,
    id: String,
    created_at: String,
    version: i64,
) -> SlotRow {
    SlotRow {
        id,
        date: date_text(v.date),
        start: v.start,
        end: v.end,
        place: v.place,
        place_note: v.place_note,
        note: v.note,
        non_working_day: !cal.is_workday(v.date),
        delegate_ids: v.delegate_ids,
        liaison_id: v.liaison_id,
        updated_at: created_at.clone(),
        created_at,
        version,
    }
}

// ---- writes ---------------------------------------------------------------------------------

/// A new slot. Refused with field errors: a delegate on an overlapping slot, a delegate who has
/// left by that day, a day off without `confirm_non_working`. In a published month it marks the
/// poster changed.
pub fn create_slot(store: &Store, ctx: &Ctx, input: &SlotInput) -> Result<Slot> {
    ctx.require(Permission::EditSchedule)?;
    let v = validate::slot(input)?;
    store.write(ctx, Permission::EditSchedule, |tx| {
        let cal = calendar_in(tx)?;
        check_slot(tx, &v, &cal, None)?;
        let row = row_from(v, &cal, new_id(), now_utc(), 1);
        db::upsert_slot(tx, &row)?;
        tx.record(SLOT, &row.id, "create", None::<&SlotRow>, Some(&row))?;
        poster_changed_in(tx, &month_key(&row.date))?;
        db::get_slot(tx, &row.id)?.ok_or_else(not_found)
    })
}

/// Save a slot edited from `version` (a stale version is refused, [`Error::Stale`]), under the same
/// rules as [`create_slot`]; a slot already confirmed on a day off keeps its confirmation while it
/// stays on that day. Saving the values it has changes nothing and records nothing. A change in a
/// published month (the old one or the new one) marks its poster changed.
pub fn update_slot(
    store: &Store,
    ctx: &Ctx,
    id: &str,
    version: i64,
    input: &SlotInput,
) -> Result<Slot> {
    ctx.require(Permission::EditSchedule)?;
    let v = validate::slot(input)?;
    store.write(ctx, Permission::EditSchedule, |tx| {
        let before = load_at(tx, id, version)?;
        let before_row = SlotRow::from(&before);
        let cal = calendar_in(tx)?;
        check_slot(tx, &v, &cal, Some(&before_row))?;
        let mut after = row_from(
            v,
            &cal,
            before.id.clone(),
            before.created_at.clone(),
            before.version,
        );
        after.updated_at = before_row.updated_at.clone();
        if after == before_row {
            return Ok(before);
        }
        after.updated_at = now_utc();
        after.version = before.version + 1;
        db::upsert_slot(tx, &after)?;
        tx.record(SLOT, id, "update", Some(&before_row), Some(&after))?;
        let (old_month, new_month) = (month_key(&before_row.date), month_key(&after.date));
        poster_changed_in(tx, &old_month)?;
        if new_month != old_month {
            poster_changed_in(tx, &new_month)?;
        }
        db::get_slot(tx, id)?.ok_or_else(not_found)
    })
}

/// Delete a slot read at `version` (soft: a tombstone stays). In a published month it marks the
/// poster changed.
pub fn delete_slot(store: &Store, ctx: &Ctx, id: &str, version: i64) -> Result<()> {
    ctx.require(Permission::EditSchedule)?;
    store.write(ctx, Permission::EditSchedule, |tx| {
        let before = SlotRow::from(&load_at(tx, id, version)?);
        db::mark_slot_deleted(tx, id, &now_utc(), before.version + 1)?;
        tx.record(SLOT, id, "delete", Some(&before), None::<&SlotRow>)?;
        poster_changed_in(tx, &month_key(&before.date))
    })
}

/// Exchange two delegates between two slots in one write (调换值班): both slots change together,
/// each recorded (action `swap`), or neither does. Each must still be at the version it was read at;
/// `delegate_a` must be on `slot_a` and `delegate_b` on `slot_b`, neither already on the other slot,
/// and the overlap and leaver rules hold for both after the swap.
pub fn swap(store: &Store, ctx: &Ctx, input: &SwapInput) -> Result<SwapOutcome> {
    ctx.require(Permission::EditSchedule)?;
    if input.slot_a == input.slot_b {
        return Err(Error::Invalid("请选择两个不同的接待时段进行调换".into()));
    }
    if input.delegate_a == input.delegate_b {
        return Err(Error::Invalid("请选择两名不同的党代表进行调换".into()));
    }
    store.write(ctx, Permission::EditSchedule, |tx| {
        let a = load_at(tx, &input.slot_a, input.version_a)?;
        let b = load_at(tx, &input.slot_b, input.version_b)?;
        let name_of = |s: &Slot, id: &str| {
            s.delegates
                .iter()
                .find(|d| d.id == id)
                .map(|d| d.name.clone())
        };
        let (Some(name_a), Some(name_b)) = (
            name_of(&a, &input.delegate_a),
            name_of(&b, &input.delegate_b),
        ) else {
            return Err(Error::Conflict(
                "所选党代表已不在原时段的值班名单中，请刷新后再调换".into(),
            ));
        };
        if name_of(&a, &input.delegate_b).is_some() {
            return Err(Error::Conflict(format!(
                "{name_b} 已在 {}值班，无需调换",
                slot_text(&a)
            )));
        }
        if name_of(&b, &input.delegate_a).is_some() {
            return Err(Error::Conflict(format!(
                "{name_a} 已在 {}值班，无需调换",
                slot_text(&b)
            )));
        }
        let (before_a, before_b) = (SlotRow::from(&a), SlotRow::from(&b));
        let replace = |row: &SlotRow, out: &str, into: &str| {
            let mut r = row.clone();
            for d in &mut r.delegate_ids {
                if d == out {
                    *d = into.to_string();
                }
            }
            r
        };
        let mut after_a = replace(&before_a, &input.delegate_a, &input.delegate_b);
        let mut after_b = replace(&before_b, &input.delegate_b, &input.delegate_a);
        let exclude = [a.id.as_str(), b.id.as_str()];
        let mut c = Checker::new();
        for (field, slot, who) in [
            ("delegate_b", &after_a, &input.delegate_b),
            ("delegate_a", &after_b, &input.delegate_a),
        ] {
            let date = crate::ids::parse_date(&slot.date).ok_or_else(not_found)?;
            let problems = delegate_problems(
                tx,
                date,
                &slot.start,
                &slot.end,
                std::slice::from_ref(who),
                &exclude,
            )?;
            if !problems.is_empty() {
                c.add(field, problems.join("；"));
            }
        }
        c.finish()?;
        let now = now_utc();
        for (before, after) in [(&before_a, &mut after_a), (&before_b, &mut after_b)] {
            after.updated_at = now.clone();
            after.version = before.version + 1;
            db::upsert_slot(tx, after)?;
            tx.record(SLOT, &after.id, "swap", Some(before), Some(&*after))?;
        }
        let (month_a, month_b) = (month_key(&after_a.date), month_key(&after_b.date));
        poster_changed_in(tx, &month_a)?;
        if month_b != month_a {
            poster_changed_in(tx, &month_b)?;
        }
        Ok(SwapOutcome {
            slot_a: db::get_slot(tx, &after_a.id)?.ok_or_else(not_found)?,
            slot_b: db::get_slot(tx, &after_b.id)?.ok_or_else(not_found)?,
        })
    })
}

/// Lay the pattern of `from_month` onto `to_month`'s working days ([`super::CopyMode`]), in one
/// write, each new slot recorded (action `copy_forward`). Skipped, with the reason: days off, a
/// missing nth weekday, delegates who have left, overlaps (with existing slots or with copies made
/// before). A target month that already has slots is refused unless `add_alongside`. A copy into a
/// published month marks its poster changed.
pub fn copy_month(store: &Store, ctx: &Ctx, input: &CopyInput) -> Result<CopyReport> {
    ctx.require(Permission::EditSchedule)?;
    let mut c = Checker::new();
    let from = validate::month_field(&mut c, "from_month", "源月份", &input.from_month);
    let to = validate::month_field(&mut c, "to_month", "目标月份", &input.to_month);
    if from.is_some() && from == to {
        c.add("to_month", "目标月份不能与源月份相同");
    }
    c.finish()?;
    let (from, to) = (from.expect("checked"), to.expect("checked"));
    let (from_key, to_key) = (month_of(from), month_of(to));
    store.write(ctx, Permission::EditSchedule, |tx| {
        let cal = calendar_in(tx)?;
        let (first, last) = month_bounds(from);
        let source: Vec<SlotRow> = db::slots_between(tx, &first, &last, false)?
            .iter()
            .map(SlotRow::from)
            .collect();
        if source.is_empty() {
            return Err(Error::Invalid(format!(
                "{}没有接待安排可以沿用",
                month_label(from)
            )));
        }
        let existing = db::slot_count_in_month(tx, &to_key)?;
        if existing > 0 && !input.add_alongside {
            return Err(Error::Conflict(format!(
                "{}已有 {existing} 个接待时段；如需保留已有安排并在其旁添加，请选择“保留已有安排并添加”",
                month_label(to)
            )));
        }
        let (candidates, mut skipped) = copy::plan(&source, to, input.mode, &cal);
        let now = now_utc();
        let mut made_ids = Vec::new();
        for cand in candidates {
            let s = cand.source;
            let problems =
                delegate_problems(tx, cand.date, &s.start, &s.end, &s.delegate_ids, &[])?;
            if !problems.is_empty() {
                skipped.push(CopySkip {
                    source_date: s.date.clone(),
                    date: Some(date_text(cand.date)),
                    start: s.start.clone(),
                    end: s.end.clone(),
                    reason: problems.join("；"),
                });
                continue;
            }
            let row = SlotRow {
                id: new_id(),
                date: date_text(cand.date),
                start: s.start.clone(),
                end: s.end.clone(),
                place: s.place,
                place_note: s.place_note.clone(),
                note: s.note.clone(),
                non_working_day: false,
                delegate_ids: s.delegate_ids.clone(),
                liaison_id: None,
                created_at: now.clone(),
                updated_at: now.clone(),
                version: 1,
            };
            db::upsert_slot(tx, &row)?;
            tx.record(SLOT, &row.id, "copy_forward", None::<&SlotRow>, Some(&row))?;
            made_ids.push(row.id);
        }
        if !made_ids.is_empty() {
            poster_changed_in(tx, &to_key)?;
        }
        skipped.sort_by(|a, b| (&a.date, &a.start).cmp(&(&b.date, &b.start)));
        let mut made = Vec::with_capacity(made_ids.len());
        for id in &made_ids {
            made.extend(db::get_slot(tx, id)?);
        }
        made.sort_by(|a, b| (&a.date, &a.start).cmp(&(&b.date, &b.start)));
        Ok(CopyReport {
            from_month: from_key.clone(),
            to_month: to_key.clone(),
            mode: input.mode,
            made,
            skipped,
        })
    })
}

/// Publish a month (`YYYY-MM`) whose state was read at `version` (0: never published): from now on
/// visitors, the kiosk and the online studio see it, and changes to its slots mark its poster
/// changed. Recorded through the gate (entity `schedule_month`, action `publish`). A month without
/// slots, or one already published, is refused.
pub fn publish_month(store: &Store, ctx: &Ctx, month: &str, version: i64) -> Result<ScheduleMonth> {
    ctx.require(Permission::EditSchedule)?;
    let first = validate::month(month)?;
    let key = month_of(first);
    store.write(ctx, Permission::EditSchedule, |tx| {
        let before = db::get_month(tx, &key)?;
        let current = before
            .clone()
            .unwrap_or_else(|| ScheduleMonth::unpublished(&key));
        tx.expect_version(MONTH, &key, current.version, version)?;
        if current.published {
            return Err(Error::Conflict(format!(
                "{}的接待安排已发布",
                month_label(first)
            )));
        }
        if db::slot_count_in_month(tx, &key)? == 0 {
            return Err(Error::Invalid(format!(
                "{}还没有接待安排，不能发布",
                month_label(first)
            )));
        }
        let now = now_utc();
        let after = ScheduleMonth {
            month: key.clone(),
            published: true,
            published_at: Some(now.clone()),
            published_by: Some(tx.actor().name.clone()),
            poster_changed: false,
            poster_printed_at: current.poster_printed_at.clone(),
            version: current.version + 1,
        };
        db::upsert_month(tx, &after, &now)?;
        tx.record(MONTH, &key, "publish", before.as_ref(), Some(&after))?;
        Ok(after)
    })
}

/// The month's poster was printed (by `studio schedule pdf` or the app): a published month's
/// `poster_changed` is cleared and the time kept (recorded, action `poster_printed`). For a month
/// not published the poster is a draft: nothing is recorded and its state is returned as it is.
pub fn mark_poster_printed(store: &Store, ctx: &Ctx, month: &str) -> Result<ScheduleMonth> {
    ctx.require(Permission::EditSchedule)?;
    let key = month_of(validate::month(month)?);
    store.write(ctx, Permission::EditSchedule, |tx| {
        let Some(before) = db::get_month(tx, &key)?.filter(|m| m.published) else {
            return Ok(ScheduleMonth::unpublished(&key));
        };
        let now = now_utc();
        let mut after = before.clone();
        after.poster_changed = false;
        after.poster_printed_at = Some(now.clone());
        after.version = before.version + 1;
        db::upsert_month(tx, &after, &now)?;
        tx.record(MONTH, &key, "poster_printed", Some(&before), Some(&after))?;
        Ok(after)
    })
}

// ---- reads ----------------------------------------------------------------------------------

/// Slots grouped by day, in date order.
fn by_day(slots: Vec<Slot>, cal: &WorkCalendar) -> Vec<PlanDay> {
    let mut days: Vec<PlanDay> = Vec::new();
    for s in slots {
        match days.last_mut() {
            Some(day) if day.date == s.date => day.slots.push(s),
            _ => {
                let d = crate::ids::parse_date(&s.date);
                days.push(PlanDay {
                    date: s.date.clone(),
                    weekday: s.weekday,
                    weekday_label: d.map(weekday_label).unwrap_or_default().to_string(),
                    is_workday: d.is_some_and(|d| cal.is_workday(d)),
                    slots: vec![s],
                });
            }
        }
    }
    days
}

/// One slot. A visitor gets only a slot of a published month.
pub fn get_slot(store: &Store, ctx: &Ctx, id: &str) -> Result<Slot> {
    ctx.require(Permission::ReadSchedule)?;
    let slot = db::get_slot(&*store.reader()?, id)?.ok_or_else(not_found)?;
    if published_only(ctx) && !slot.published {
        return Err(not_found());
    }
    Ok(slot)
}

/// Who changed a slot, when, and what (oldest first). Needs `ReadRecords`.
pub fn slot_history(store: &Store, ctx: &Ctx, id: &str) -> Result<Vec<ChangeRecord>> {
    audit::history(store, ctx, SLOT, id)
}

/// Who published a month and when, and the poster's marks (oldest first). Needs `ReadRecords`.
pub fn month_history(store: &Store, ctx: &Ctx, month: &str) -> Result<Vec<ChangeRecord>> {
    let key = month_of(validate::month(month)?);
    audit::history(store, ctx, MONTH, &key)
}

/// A month's state (`YYYY-MM`): published or not, the poster's mark, its version.
pub fn month_state(store: &Store, ctx: &Ctx, month: &str) -> Result<ScheduleMonth> {
    ctx.require(Permission::ReadSchedule)?;
    let key = month_of(validate::month(month)?);
    Ok(db::get_month(&*store.reader()?, &key)?.unwrap_or_else(|| ScheduleMonth::unpublished(&key)))
}

/// A month's plan (`YYYY-MM`): its state and its days with slots, delegates with their
/// delegations. A visitor may read published months only.
pub fn month_plan(store: &Store, ctx: &Ctx, month: &str) -> Result<MonthPlan> {
    ctx.require(Permission::ReadSchedule)?;
    let first = validate::month(month)?;
    let key = month_of(first);
    let (first_day, last_day) = month_bounds(first);
    let conn = store.reader()?;
    let state = db::get_month(&conn, &key)?.unwrap_or_else(|| ScheduleMonth::unpublished(&key));
    if published_only(ctx) && !state.published {
        return Err(Error::NotFound(format!(
            "{}的接待安排尚未发布",
            month_label(first)
        )));
    }
    let slots = db::slots_between(&conn, &first_day, &last_day, false)?;
    let cal = calendar_in(&conn)?;
    Ok(MonthPlan {
        month: state,
        days: by_day(slots, &cal),
    })
}

/// The months with slots or published, newest first (a visitor: the published ones).
pub fn month_summaries(store: &Store, ctx: &Ctx) -> Result<Vec<MonthSummary>> {
    ctx.require(Permission::ReadSchedule)?;
    let all = db::month_summaries(&*store.reader()?)?;
    Ok(if published_only(ctx) {
        all.into_iter().filter(|m| m.month.published).collect()
    } else {
        all
    })
}

/// The published months, newest first (接访安排 of the kiosk and the online studio).
pub fn published_months(store: &Store, ctx: &Ctx) -> Result<Vec<ScheduleMonth>> {
    ctx.require(Permission::ReadSchedule)?;
    db::published_months(&*store.reader()?)
}

/// 今日接待: the slots of `date` (`YYYY-MM-DD`) in time order; a visitor sees them once the month is
/// published.
pub fn today_duty(store: &Store, ctx: &Ctx, date: &str) -> Result<Vec<Slot>> {
    ctx.require(Permission::ReadSchedule)?;
    let day = date_text(validate::day("date", date)?);
    db::slots_between(&*store.reader()?, &day, &day, published_only(ctx))
}

/// 本周接待: the days from `from` (`YYYY-MM-DD`) through the sixth day after it that have slots.
pub fn week_duty(store: &Store, ctx: &Ctx, from: &str) -> Result<Vec<PlanDay>> {
    ctx.require(Permission::ReadSchedule)?;
    let first = validate::day("from", from)?;
    let last = first.checked_add_days(Days::new(6)).unwrap_or(first);
    let conn = store.reader()?;
    let slots = db::slots_between(
        &conn,
        &date_text(first),
        &date_text(last),
        published_only(ctx),
    )?;
    Ok(by_day(slots, &calendar_in(&conn)?))
}

/// The first day on or after `from` (within a year) with slots, and its slots: the kiosk's "next
/// reception day" when there is none today. A visitor: published months only.
pub fn next_duty_day(store: &Store, ctx: &Ctx, from: &str) -> Result<Option<PlanDay>> {
    ctx.require(Permission::ReadSchedule)?;
    let first = validate::day("from", from)?;
    let until = first.checked_add_days(Days::new(366)).unwrap_or(first);
    let conn = store.reader()?;
    let only = published_only(ctx);
    let Some(day) = db::next_slot_date(&conn, &date_text(first), &date_text(until), only)? else {
        return Ok(None);
    };
    let slots = db::slots_between(&conn, &day, &day, only)?;
    Ok(by_day(slots, &calendar_in(&conn)?).pop())
}

/// A date range of a read: both ends strict `YYYY-MM-DD`, the end not before the start.
fn range(from: &str, to: &str) -> Result<(String, String)> {
    let mut c = Checker::new();
    let f = crate::ids::parse_date(from);
    let t = crate::ids::parse_date(to);
    if f.is_none() {
        c.add("from", "起始日期格式应为 YYYY-MM-DD，例如 2026-10-01");
    }
    if t.is_none() {
        c.add("to", "截止日期格式应为 YYYY-MM-DD，例如 2026-10-31");
    }
    if let (Some(f), Some(t)) = (f, t) {
        if t < f {
            c.add("to", "截止日期不能早于起始日期");
        }
    }
    c.finish()?;
    Ok((
        date_text(f.expect("checked")),
        date_text(t.expect("checked")),
    ))
}

/// A delegate's own duty from `from` to `to` (`YYYY-MM-DD`, inclusive), in date order: the slots
/// of the delegate record the actor is. Empty for an actor who is no delegate.
pub fn my_duty(store: &Store, ctx: &Ctx, from: &str, to: &str) -> Result<Vec<Slot>> {
    ctx.require(Permission::ReadSchedule)?;
    let (from, to) = range(from, to)?;
    let Some(me) = ctx.actor.delegate_id.as_deref() else {
        return Ok(Vec::new());
    };
    db::slots_of_delegate(&*store.reader()?, me, &from, &to)
}

/// Every slot dated `from..=to` (each optional, `YYYY-MM-DD`), in date order, for `studio export
/// schedule`. The schedule holds no personal data beyond delegates' names: `ReadSchedule`; a
/// visitor gets published months only.
pub fn slots_for_export(
    store: &Store,
    ctx: &Ctx,
    from: Option<&str>,
    to: Option<&str>,
) -> Result<Vec<Slot>> {
    ctx.require(Permission::ReadSchedule)?;
    fn given(v: Option<&str>) -> Option<&str> {
        v.map(str::trim).filter(|s| !s.is_empty())
    }
    let (from, to) = range(
        given(from).unwrap_or("2000-01-01"),
        given(to).unwrap_or("2100-12-31"),
    )?;
    db::slots_between(&*store.reader()?, &from, &to, published_only(ctx))
}
