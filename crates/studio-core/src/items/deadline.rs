//! The item's deadline (限时办结), as pure functions of dates and the working-day calendar.

use chrono::NaiveDate;

use super::{ItemDeadlineState, ItemStatus};
use crate::calendar::WorkCalendar;

/// `clock_start` + `limit + extension + paused` working days.
pub fn due_on(
    cal: &WorkCalendar,
    clock_start: NaiveDate,
    limit: u32,
    extension: u32,
    paused: u32,
) -> NaiveDate {
    let _ = (cal, clock_start, limit, extension, paused);
    todo!("items::deadline::due_on")
}

/// Working days the clock stood still for a pause from `since` to `until` (the days after `since`
/// up to and including `until`).
pub fn paused_workdays(cal: &WorkCalendar, since: NaiveDate, until: NaiveDate) -> u32 {
    let _ = (cal, since, until);
    todo!("items::deadline::paused_workdays")
}

/// Where an item stands as of `today`, and the working days left (negative: overdue) while its
/// clock runs.
pub fn state(
    cal: &WorkCalendar,
    status: ItemStatus,
    due: Option<NaiveDate>,
    paused_since: Option<NaiveDate>,
    answered: Option<NaiveDate>,
    today: NaiveDate,
) -> (ItemDeadlineState, Option<i64>) {
    let _ = (cal, status, due, paused_since, answered, today);
    todo!("items::deadline::state")
}
