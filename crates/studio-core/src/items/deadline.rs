//! The item's deadline (限时办结), as pure functions of dates and the working-day calendar.
//!
//! - `due_on` = clock start (the receipt day, or the day a 不满意 follow-up reopened the item) +
//!   the category's limit + granted extensions + paused working days, counted with
//!   [`WorkCalendar::add_workdays`] (the start day never counts; the due date is a working day).
//! - A pause from P, resumed on R, stopped the clock for the working days in (P, R]: pausing on a
//!   Monday and resuming on the Tuesday moves the due date by one working day.
//! - As of a day: before the answer and running, the working days left are
//!   [`WorkCalendar::workdays_between`]`(today, due)` (0 on the due date); at most 3 left is *due
//!   soon*, a due date before today is *overdue* (at least one day overdue, even when only a weekend
//!   passed since). Paused: no days left, never overdue. Answered (or later): met or late by the
//!   answer day. Declined: no deadline.

use chrono::NaiveDate;

use super::{ItemDeadlineState, ItemStatus};
use crate::calendar::WorkCalendar;

/// At most this many working days left is *due soon* (督办 → 即将到期).
pub const DUE_SOON_WORKDAYS: u32 = 3;

/// `clock_start` + `limit + extension + paused` working days.
pub fn due_on(
    cal: &WorkCalendar,
    clock_start: NaiveDate,
    limit: u32,
    extension: u32,
    paused: u32,
) -> NaiveDate {
    let n = limit.saturating_add(extension).saturating_add(paused);
    cal.checked_add_workdays(clock_start, n)
        .unwrap_or(NaiveDate::MAX)
}

/// Working days the clock stood still for a pause from `since` to `until` (the days after `since`
/// up to and including `until`).
pub fn paused_workdays(cal: &WorkCalendar, since: NaiveDate, until: NaiveDate) -> u32 {
    cal.workdays_between(since, until)
        .clamp(0, i64::from(u32::MAX)) as u32
}

/// The first day that is no longer *due soon* as of `today`: a running item is due soon when
/// `today <= due_on < soon_limit(today)`, i.e. at most [`DUE_SOON_WORKDAYS`] working days in
/// `(today, due]`. Lists filter stored due dates with it.
pub fn soon_limit(cal: &WorkCalendar, today: NaiveDate) -> NaiveDate {
    cal.add_workdays(today, DUE_SOON_WORKDAYS + 1)
}

/// The latest pause start that counts as a long pause as of `today`: paused on or before this day,
/// at least `long_pause_days` working days have passed (`paused_workdays(since, today) >= n`).
pub fn long_pause_since(cal: &WorkCalendar, today: NaiveDate, long_pause_days: u32) -> NaiveDate {
    let mut d = today;
    let mut counted = 0;
    while counted < long_pause_days {
        if cal.is_workday(d) {
            counted += 1;
        }
        match d.pred_opt() {
            Some(p) => d = p,
            None => break,
        }
    }
    d
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
    if status == ItemStatus::Declined {
        return (ItemDeadlineState::None, None);
    }
    if !status.before_answer() {
        return match (answered, due) {
            (Some(a), Some(d)) if a > d => (ItemDeadlineState::Late, None),
            _ => (ItemDeadlineState::Met, None),
        };
    }
    if paused_since.is_some() {
        return (ItemDeadlineState::Paused, None);
    }
    let Some(due) = due else {
        return (ItemDeadlineState::None, None);
    };
    let left = cal.workdays_between(today, due);
    if due < today {
        (ItemDeadlineState::Overdue, Some(left.min(-1)))
    } else if left <= i64::from(DUE_SOON_WORKDAYS) {
        (ItemDeadlineState::DueSoon, Some(left))
    } else {
        (ItemDeadlineState::OnTrack, Some(left))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::OverrideKind;
    use ItemDeadlineState as S;
    use ItemStatus::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn due_date_counts_working_days_across_national_day() {
        let cal = WorkCalendar::official();
        // Fri 2025-09-26 + 5: Sun 28 (make-up), Mon 29, Tue 30, [Oct 1–8 off], Thu 9, Fri 10.
        assert_eq!(due_on(&cal, d("2025-09-26"), 5, 0, 0), d("2025-10-10"));
        // + 2 more (extension or pause): Sat 11 (make-up), Mon 13.
        assert_eq!(due_on(&cal, d("2025-09-26"), 5, 1, 1), d("2025-10-13"));
        assert_eq!(due_on(&cal, d("2025-09-26"), 5, 0, 2), d("2025-10-13"));
    }

    #[test]
    fn a_pause_counts_the_working_days_after_its_start_up_to_the_resume() {
        let cal = WorkCalendar::official();
        // Paused Mon 2025-09-29, resumed Thu 2025-10-09: Tue 30 and Thu 9 (Oct 1–8 off).
        assert_eq!(paused_workdays(&cal, d("2025-09-29"), d("2025-10-09")), 2);
        assert_eq!(paused_workdays(&cal, d("2025-03-10"), d("2025-03-11")), 1);
        assert_eq!(paused_workdays(&cal, d("2025-03-10"), d("2025-03-10")), 0);
        // Fri → Mon over an ordinary weekend: one working day.
        assert_eq!(paused_workdays(&cal, d("2025-03-14"), d("2025-03-17")), 1);
        assert_eq!(paused_workdays(&cal, d("2025-03-17"), d("2025-03-14")), 0);
        // An admin's day off inside the pause does not count.
        let cal = cal.with_override(d("2025-03-12"), OverrideKind::Holiday, "校庆");
        assert_eq!(paused_workdays(&cal, d("2025-03-10"), d("2025-03-14")), 3);
    }

    #[test]
    fn states_as_of_a_day() {
        let cal = WorkCalendar::official();
        let due = Some(d("2025-03-14")); // a Friday
        let run = |today: &str| state(&cal, InProgress, due, None, None, d(today));
        assert_eq!(run("2025-03-07"), (S::OnTrack, Some(5)));
        assert_eq!(run("2025-03-10"), (S::OnTrack, Some(4)));
        assert_eq!(run("2025-03-11"), (S::DueSoon, Some(3)));
        assert_eq!(run("2025-03-14"), (S::DueSoon, Some(0)));
        // Saturday after a Friday due date: overdue, by at least one day.
        assert_eq!(run("2025-03-15"), (S::Overdue, Some(-1)));
        assert_eq!(run("2025-03-17"), (S::Overdue, Some(-1)));
        assert_eq!(run("2025-03-18"), (S::Overdue, Some(-2)));
        // Paused: never overdue.
        assert_eq!(
            state(
                &cal,
                Assigned,
                due,
                Some(d("2025-03-01")),
                None,
                d("2025-06-01")
            ),
            (S::Paused, None)
        );
        // Answered on or before the due date: met; after: late — whatever today is.
        for s in [Answered, FedBack, Closed] {
            assert_eq!(
                state(&cal, s, due, None, Some(d("2025-03-14")), d("2025-09-01")),
                (S::Met, None)
            );
            assert_eq!(
                state(&cal, s, due, None, Some(d("2025-03-15")), d("2025-03-15")),
                (S::Late, None)
            );
        }
        assert_eq!(
            state(&cal, Declined, due, None, None, d("2025-09-01")),
            (S::None, None)
        );
    }

    #[test]
    fn the_sql_bounds_agree_with_state() {
        let cal = WorkCalendar::official();
        for today in d("2025-09-20").iter_days().take(40) {
            let soon = soon_limit(&cal, today);
            for due in d("2025-09-10").iter_days().take(60) {
                let (s, _) = state(&cal, Received, Some(due), None, None, today);
                assert_eq!(s == S::Overdue, due < today, "{today} {due}");
                assert_eq!(
                    s == S::DueSoon,
                    today <= due && due < soon,
                    "{today} {due} {soon}"
                );
            }
        }
    }

    #[test]
    fn long_pause_boundary() {
        let cal = WorkCalendar::official();
        for today in d("2025-09-20").iter_days().take(40) {
            for n in [1u32, 3, 10] {
                let p = long_pause_since(&cal, today, n);
                for since in d("2025-08-20").iter_days().take(80) {
                    if since > today {
                        break;
                    }
                    assert_eq!(
                        since <= p,
                        paused_workdays(&cal, since, today) >= n,
                        "{today} {n} {since}"
                    );
                }
            }
        }
    }
}
