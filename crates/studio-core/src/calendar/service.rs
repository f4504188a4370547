//! The calendar in a store: the official data plus the admin's overrides. Each write goes through
//! the write gate (entity `calendar`, row id = the date) with the version of that day it was based
//! on, and recomputes the stored card and item deadlines in the same transaction.

use std::ops::RangeInclusive;

use chrono::{Datelike, NaiveDate};

use super::{CalendarDay, CalendarOverride, OverrideKind, WorkCalendar};
use crate::actor::Permission;
use crate::audit::Entity;
use crate::ctx::Ctx;
use crate::error::{Error, Result};
use crate::ids::now_utc;
use crate::storage::{calendar as db, Store, Write};
use crate::validate::Checker;

const ENTITY: Entity = Entity::Calendar;
/// An override's note, in characters.
pub const NOTE_MAX: usize = 100;
/// Dates an override or a month view may name: wide enough for any real use, narrow enough to
/// catch a mistyped year.
pub const YEARS: RangeInclusive<i32> = 2000..=2100;

fn year_message() -> String {
    format!("日期应在 {} 年至 {} 年之间", YEARS.start(), YEARS.end())
}

use crate::ids::parse_date;

fn check_date(c: &mut Checker, s: &str) -> Option<NaiveDate> {
    match parse_date(s) {
        None => {
            c.add("date", "日期格式应为 YYYY-MM-DD，例如 2025-10-01");
            None
        }
        Some(d) if !YEARS.contains(&d.year()) => {
            c.add("date", year_message());
            None
        }
        Some(d) => Some(d),
    }
}

fn date_text(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// The working-day calendar for this database: official data plus live overrides. One indexed
/// query over a table of a handful of rows, and the official data is parsed once per process, so
/// there is no cache to invalidate; code that computes many deadlines loads once and reuses it.
/// The calendar is public knowledge: no permission is needed to read it.
pub fn load(store: &Store) -> Result<WorkCalendar> {
    Ok(WorkCalendar::from_overrides(&db::list(
        &*store.reader()?,
        None,
    )?))
}

/// Live overrides in date order: those of `year`, or all.
pub fn list_overrides(
    store: &Store,
    ctx: &Ctx,
    year: Option<i32>,
) -> Result<Vec<CalendarOverride>> {
    ctx.require(Permission::ReadRecords)?;
    db::list(&*store.reader()?, year)
}

/// The version of `date`'s override row (live or removed), 0 when the day was never overridden: what
/// a caller passes back as the version its change is based on.
pub fn override_version(store: &Store, date: &str) -> Result<i64> {
    Ok(db::get_any(&*store.reader()?, date)?
        .map(|(o, _)| o.version)
        .unwrap_or(0))
}

/// Make `date` a working day or a day off, whatever the official calendar says; replaces any
/// override of that date. Admin only. `version` is the day's override version the change is based
/// on ([`override_version`]; 0 for a day never overridden); a stale one is refused. Setting what is
/// already set changes nothing and records nothing.
pub fn set_override(
    store: &Store,
    ctx: &Ctx,
    date: &str,
    version: i64,
    kind: OverrideKind,
    note: &str,
) -> Result<CalendarOverride> {
    set_override_with_progress(store, ctx, date, version, kind, note, &mut |_, _| true)
}

/// [`set_override`] reporting how far the recomputation of the stored deadlines is (see
/// [`remove_override_with_progress`]); `progress` answering `false` stops it, and nothing is
/// changed: the result is [`Error::Cancelled`].
pub fn set_override_with_progress(
    store: &Store,
    ctx: &Ctx,
    date: &str,
    version: i64,
    kind: OverrideKind,
    note: &str,
    progress: &mut dyn FnMut(usize, usize) -> bool,
) -> Result<CalendarOverride> {
    ctx.require(Permission::EditSettings)?;
    let note = note.trim();
    let mut c = Checker::new();
    let day = check_date(&mut c, date);
    c.max_len("note", "备注", note, NOTE_MAX);
    if note.chars().any(char::is_control) {
        c.add("note", "备注请写成一行");
    }
    c.finish()?;
    let date = date_text(day.expect("checked"));

    store.write(ctx, Permission::EditSettings, |tx| {
        let actor = tx.actor().clone();
        let now = now_utc();
        let current = db::get_any(tx, &date)?;
        tx.expect_version(
            ENTITY,
            &date,
            current.as_ref().map_or(0, |(o, _)| o.version),
            version,
        )?;
        let fresh = |version| CalendarOverride {
            date: date.clone(),
            kind,
            note: note.to_string(),
            created_at: now.clone(),
            updated_at: now.clone(),
            updated_by: actor.name.clone(),
            version,
        };
        let (action, before, after) = match current {
            Some((live, None)) => {
                if live.kind == kind && live.note == note {
                    return Ok(live);
                }
                let after = CalendarOverride {
                    kind,
                    note: note.to_string(),
                    updated_at: now.clone(),
                    updated_by: actor.name.clone(),
                    version: live.version + 1,
                    ..live.clone()
                };
                ("update", Some(live), after)
            }
            // A removed override set again: the same row comes back, its version still rising.
            Some((tombstone, Some(_))) => ("create", None, fresh(tombstone.version + 1)),
            None => ("create", None, fresh(1)),
        };
        db::upsert(tx, &after)?;
        tx.record(ENTITY, &date, action, before.as_ref(), Some(&after))?;
        // Stored card and item due dates follow the corrected calendar, in the same transaction.
        recompute_deadlines(tx, progress)?;
        Ok(after)
    })
}

/// Recompute the stored due dates of every card with feedback and every open item after a change
/// of the calendar, inside that change's write. `progress(done, total)` counts cards and items
/// looked at, one bar for both: the total is counted before any row is read, and the callback is
/// asked at 0, every few hundred rows and at the total. `false` stops the job with
/// [`Error::Cancelled`], which rolls the whole write back (the override too).
fn recompute_deadlines(
    tx: &mut Write<'_>,
    progress: &mut dyn FnMut(usize, usize) -> bool,
) -> Result<()> {
    let cards = crate::storage::cards::count_cards_with_feedback(tx)?;
    let total = cards + crate::storage::items::count_open_items(tx)?;
    crate::cards::recompute_due_dates_with_progress_in(tx, &mut |done, _| progress(done, total))?;
    crate::items::recompute_item_due_dates_with_progress_in(tx, &mut |done, _| {
        progress(cards + done, total)
    })?;
    Ok(())
}

/// Remove the override of `date`: the official calendar (or the weekly rule) applies again. The
/// row stays as a tombstone and the change record keeps what it was. Admin only.
pub fn remove_override(store: &Store, ctx: &Ctx, date: &str, version: i64) -> Result<()> {
    remove_override_with_progress(store, ctx, date, version, &mut |_, _| true)
}

/// [`remove_override`] reporting how far the recomputation of the stored deadlines is: with
/// 100,000 open items it takes seconds. `progress(done, total)` counts the cards and open items
/// looked at (the total is known before the first row is read) and is asked every few hundred of
/// them; answering `false` stops the job: the result is [`Error::Cancelled`] and nothing is changed
/// (the override, the deadlines and the change records all roll back).
pub fn remove_override_with_progress(
    store: &Store,
    ctx: &Ctx,
    date: &str,
    version: i64,
    progress: &mut dyn FnMut(usize, usize) -> bool,
) -> Result<()> {
    ctx.require(Permission::EditSettings)?;
    let date = parse_date(date)
        .map(date_text)
        .ok_or_else(|| Error::field("date", "日期格式应为 YYYY-MM-DD，例如 2025-10-01"))?;
    store.write(ctx, Permission::EditSettings, |tx| {
        let before = match db::get_any(tx, &date)? {
            Some((live, None)) => live,
            _ => return Err(Error::NotFound(format!("{date} 没有自定的上班或放假安排"))),
        };
        tx.expect_version(ENTITY, &date, before.version, version)?;
        let name = tx.actor().name.clone();
        db::mark_deleted(tx, &date, &now_utc(), &name, before.version + 1)?;
        let after = CalendarOverride {
            version: before.version + 1,
            ..before.clone()
        };
        tx.record(ENTITY, &date, "delete", Some(&before), Some(&after))?;
        recompute_deadlines(tx, progress)?;
        Ok(())
    })
}

/// Every day of one month, for the UI's month grid.
pub fn month_view(store: &Store, ctx: &Ctx, year: i32, month: u32) -> Result<Vec<CalendarDay>> {
    ctx.require(Permission::ReadRecords)?;
    let mut c = Checker::new();
    if !YEARS.contains(&year) {
        c.add("year", year_message());
    }
    if !(1..=12).contains(&month) {
        c.add("month", "月份应在 1 到 12 之间");
    }
    c.finish()?;
    let mut days = load(store)?
        .month(year, month)
        .ok_or_else(|| Error::field("month", "月份应在 1 到 12 之间"))?;
    let conn = store.reader()?;
    for d in &mut days {
        d.version = db::get_any(&conn, &d.date)?.map_or(0, |(o, _)| o.version);
    }
    Ok(days)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_must_be_strict() {
        assert_eq!(
            parse_date(" 2025-10-01 "),
            NaiveDate::from_ymd_opt(2025, 10, 1)
        );
        for bad in [
            "2025-1-5",
            "2025/10/01",
            "2025-02-29",
            "20251001",
            "",
            "2025-10-01x",
        ] {
            assert_eq!(parse_date(bad), None, "{bad:?}");
        }
        let mut c = Checker::new();
        assert_eq!(check_date(&mut c, "1999-12-31"), None);
        let err = c.finish().unwrap_err();
        assert_eq!(err.to_string(), "日期应在 2000 年至 2100 年之间");
    }
}
