//! The calendar in a store: the official data plus the admin's overrides. Each write: permission,
//! validation, one transaction with the change record (entity `calendar`, row id = the date).

use std::ops::RangeInclusive;

use chrono::{Datelike, NaiveDate};

use super::{CalendarDay, CalendarOverride, OverrideKind, WorkCalendar};
use crate::actor::{Actor, Permission};
use crate::error::{Error, Result};
use crate::ids::now_utc;
use crate::storage::{audit, calendar as db, Store};
use crate::validate::Checker;

const ENTITY: &str = "calendar";
const NOTE_MAX: usize = 100;
/// Dates an override or a month view may name: wide enough for any real use, narrow enough to
/// catch a mistyped year.
const YEARS: RangeInclusive<i32> = 2000..=2100;

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
pub fn load(store: &Store) -> Result<WorkCalendar> {
    Ok(WorkCalendar::from_overrides(&db::list(&store.conn, None)?))
}

/// Live overrides in date order: those of `year`, or all.
pub fn list_overrides(store: &Store, year: Option<i32>) -> Result<Vec<CalendarOverride>> {
    db::list(&store.conn, year)
}

/// Make `date` a working day or a day off, whatever the official calendar says; replaces any
/// override of that date. Admin only. Setting what is already set changes nothing and records
/// nothing.
pub fn set_override(
    store: &mut Store,
    actor: &Actor,
    date: &str,
    kind: OverrideKind,
    note: &str,
) -> Result<CalendarOverride> {
    actor.require(Permission::EditSettings)?;
    let note = note.trim();
    let mut c = Checker::new();
    let day = check_date(&mut c, date);
    c.max_len("note", "备注", note, NOTE_MAX);
    if note.chars().any(char::is_control) {
        c.add("note", "备注请写成一行");
    }
    c.finish()?;
    let date = date_text(day.expect("checked"));

    let tx = store.conn.transaction()?;
    let now = now_utc();
    let fresh = |version| CalendarOverride {
        date: date.clone(),
        kind,
        note: note.to_string(),
        created_at: now.clone(),
        updated_at: now.clone(),
        updated_by: actor.name.clone(),
        version,
    };
    let (action, before, after) = match db::get_any(&tx, &date)? {
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
    db::upsert(&tx, &after)?;
    audit::append(
        &tx,
        actor,
        ENTITY,
        &date,
        action,
        before.as_ref(),
        Some(&after),
    )?;
    // Stored card and item due dates follow the corrected calendar, in the same transaction.
    crate::cards::recompute_due_dates_in(&tx, actor)?;
    crate::items::recompute_item_due_dates_in(&tx, actor)?;
    tx.commit()?;
    Ok(after)
}

/// Remove the override of `date`: the official calendar (or the weekly rule) applies again. The
/// row stays as a tombstone and the change record keeps what it was. Admin only.
pub fn remove_override(store: &mut Store, actor: &Actor, date: &str) -> Result<()> {
    actor.require(Permission::EditSettings)?;
    let date = parse_date(date)
        .map(date_text)
        .ok_or_else(|| Error::field("date", "日期格式应为 YYYY-MM-DD，例如 2025-10-01"))?;
    let tx = store.conn.transaction()?;
    let before = match db::get_any(&tx, &date)? {
        Some((live, None)) => live,
        _ => return Err(Error::NotFound(format!("{date} 没有自定的上班或放假安排"))),
    };
    db::mark_deleted(&tx, &date, &now_utc(), &actor.name, before.version + 1)?;
    audit::append(&tx, actor, ENTITY, &date, "delete", Some(&before), None)?;
    crate::cards::recompute_due_dates_in(&tx, actor)?;
    crate::items::recompute_item_due_dates_in(&tx, actor)?;
    tx.commit()?;
    Ok(())
}

/// Every day of one month, for the UI's month grid.
pub fn month_view(store: &Store, year: i32, month: u32) -> Result<Vec<CalendarDay>> {
    let mut c = Checker::new();
    if !YEARS.contains(&year) {
        c.add("year", year_message());
    }
    if !(1..=12).contains(&month) {
        c.add("month", "月份应在 1 到 12 之间");
    }
    c.finish()?;
    let days = load(store)?.month(year, month);
    days.ok_or_else(|| Error::field("month", "月份应在 1 到 12 之间"))
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
