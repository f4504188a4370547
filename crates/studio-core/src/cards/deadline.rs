//! The filing deadline of a card (说明 4): hand it to the studio within 3 working days after the
//! result was fed back to the person. Pure functions of the dates and a [`WorkCalendar`].
//!
//! - due date = feedback date + 3 working days ([`WorkCalendar::add_workdays`]: the feedback day
//!   itself does not count, the due date is always a working day);
//! - filed on or before the due date is on time, any later day is late;
//! - a draft is *due soon* from the day it has at most one working day left (the due date itself
//!   included), and *overdue* from the day after its due date.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::calendar::WorkCalendar;

/// Working days after the feedback within which a card is handed in.
pub const FILING_WORKDAYS: u32 = 3;
/// A draft with at most this many working days left (the due date included) is *due soon*.
pub const DUE_SOON_WORKDAYS: u32 = 1;

/// Where a card stands against its filing deadline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum DeadlineState {
    /// No feedback date yet, so no deadline.
    #[default]
    None,
    /// A draft with more than one working day left.
    OnTime,
    /// A draft with at most one working day left (due today or on the next working day).
    DueSoon,
    /// A draft past its due date.
    Overdue,
    /// Submitted on or before the due date.
    FiledOnTime,
    /// Submitted after the due date.
    FiledLate,
}

impl DeadlineState {
    pub const ALL: [DeadlineState; 6] = [
        DeadlineState::None,
        DeadlineState::OnTime,
        DeadlineState::DueSoon,
        DeadlineState::Overdue,
        DeadlineState::FiledOnTime,
        DeadlineState::FiledLate,
    ];

    pub fn label(self) -> &'static str {
        match self {
            DeadlineState::None => "未反馈",
            DeadlineState::OnTime => "未到期",
            DeadlineState::DueSoon => "即将到期",
            DeadlineState::Overdue => "已逾期",
            DeadlineState::FiledOnTime => "按时交回",
            DeadlineState::FiledLate => "逾期交回",
        }
    }

    /// Whether lists and 工作台 flag it.
    pub fn is_flagged(self) -> bool {
        matches!(
            self,
            DeadlineState::DueSoon | DeadlineState::Overdue | DeadlineState::FiledLate
        )
    }
}

/// The day a card is due: `feedback_on` + 3 working days.
pub fn due_on(feedback_on: NaiveDate, cal: &WorkCalendar) -> NaiveDate {
    cal.add_workdays(feedback_on, FILING_WORKDAYS)
}

/// Filed after the due date.
pub fn is_late(filed_on: NaiveDate, due_on: NaiveDate) -> bool {
    filed_on > due_on
}

/// The second working day after `today`: a draft is *due soon* when `today <= due < soon_limit`,
/// i.e. at most one working day is left in `(today, due]`. Lists filter on stored due dates with it.
pub fn soon_limit(today: NaiveDate, cal: &WorkCalendar) -> NaiveDate {
    cal.add_workdays(today, DUE_SOON_WORKDAYS + 1)
}

/// The state of a card with feedback given on `feedback_on` (if any) and filed on `filed_on` (if
/// submitted), as of `today`.
pub fn state(
    feedback_on: Option<NaiveDate>,
    filed_on: Option<NaiveDate>,
    today: NaiveDate,
    cal: &WorkCalendar,
) -> DeadlineState {
    state_for_due(feedback_on.map(|f| due_on(f, cal)), filed_on, today, cal)
}

/// [`state`] from an already computed (stored) due date.
pub fn state_for_due(
    due: Option<NaiveDate>,
    filed_on: Option<NaiveDate>,
    today: NaiveDate,
    cal: &WorkCalendar,
) -> DeadlineState {
    let Some(due) = due else {
        return DeadlineState::None;
    };
    match filed_on {
        Some(f) if is_late(f, due) => DeadlineState::FiledLate,
        Some(_) => DeadlineState::FiledOnTime,
        None if today > due => DeadlineState::Overdue,
        // At most one working day in (today, due]: `due` comes before the second working day after
        // today.
        None if due < soon_limit(today, cal) => DeadlineState::DueSoon,
        None => DeadlineState::OnTime,
    }
}

/// Working days left until `due`, as of `today`: 0 on the due date, negative when past it.
pub fn workdays_left(due: NaiveDate, today: NaiveDate, cal: &WorkCalendar) -> i64 {
    cal.workdays_between(today, due)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::OverrideKind;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn feedback_before_national_day_is_due_on_the_make_up_saturday() {
        // Oct 1–8 2025 off (国庆 + 中秋), Sat Oct 11 worked: Thu 9, Fri 10, Sat 11.
        let cal = WorkCalendar::official();
        assert_eq!(due_on(d("2025-09-30"), &cal), d("2025-10-11"));
        // Not the naive count that ignores the holiday, nor the one that ignores the make-up day.
        assert_ne!(due_on(d("2025-09-30"), &cal), d("2025-10-03"));
        assert_ne!(due_on(d("2025-09-30"), &cal), d("2025-10-13"));
    }

    #[test]
    fn feedback_on_a_friday_skips_an_ordinary_weekend() {
        let cal = WorkCalendar::official();
        // Fri 2025-03-14 → Mon 17, Tue 18, Wed 19.
        assert_eq!(due_on(d("2025-03-14"), &cal), d("2025-03-19"));
        // Feedback on a Saturday (an informal visit) counts from the next Monday.
        assert_eq!(due_on(d("2025-03-15"), &cal), d("2025-03-19"));
        // Mid-week: Mon 10 → Thu 13.
        assert_eq!(due_on(d("2025-03-10"), &cal), d("2025-03-13"));
    }

    #[test]
    fn filed_on_the_due_date_is_on_time_the_next_working_day_is_late() {
        let cal = WorkCalendar::official();
        let fb = Some(d("2025-09-30"));
        let today = d("2025-12-01");
        assert_eq!(
            state(fb, Some(d("2025-10-11")), today, &cal),
            DeadlineState::FiledOnTime
        );
        assert_eq!(
            state(fb, Some(d("2025-09-30")), today, &cal),
            DeadlineState::FiledOnTime
        );
        // Sun Oct 12 is not a working day but is already after the due date.
        assert_eq!(
            state(fb, Some(d("2025-10-12")), today, &cal),
            DeadlineState::FiledLate
        );
        assert_eq!(
            state(fb, Some(d("2025-10-13")), today, &cal),
            DeadlineState::FiledLate
        );
        assert!(!is_late(d("2025-10-11"), d("2025-10-11")));
        assert!(is_late(d("2025-10-13"), d("2025-10-11")));
    }

    #[test]
    fn draft_states_for_a_fixed_today() {
        let cal = WorkCalendar::official();
        // Feedback Mon 2025-03-10, due Thu 2025-03-13.
        let fb = Some(d("2025-03-10"));
        let at = |today: &str| state(fb, None, d(today), &cal);
        assert_eq!(at("2025-03-10"), DeadlineState::OnTime, "3 days left");
        assert_eq!(at("2025-03-11"), DeadlineState::OnTime, "2 days left");
        assert_eq!(at("2025-03-12"), DeadlineState::DueSoon, "1 day left");
        assert_eq!(at("2025-03-13"), DeadlineState::DueSoon, "due today");
        assert_eq!(at("2025-03-14"), DeadlineState::Overdue);
        assert_eq!(at("2025-06-01"), DeadlineState::Overdue);
        assert_eq!(
            state(None, None, d("2025-03-14"), &cal),
            DeadlineState::None
        );
        assert_eq!(workdays_left(d("2025-03-13"), d("2025-03-11"), &cal), 2);
        assert_eq!(workdays_left(d("2025-03-13"), d("2025-03-14"), &cal), -1);
    }

    #[test]
    fn due_soon_spans_the_weekend_and_holidays() {
        let cal = WorkCalendar::official();
        // Feedback Tue 2025-03-11 → due Fri 14 (Wed 12, Thu 13, Fri 14).
        let fb = Some(d("2025-03-11"));
        // Thu 13: one working day (Fri 14) left.
        assert_eq!(
            state(fb, None, d("2025-03-13"), &cal),
            DeadlineState::DueSoon
        );
        // Feedback Thu 2025-03-13 → due Tue 18. On Fri 14 two working days (Mon, Tue) are left.
        let fb = Some(d("2025-03-13"));
        assert_eq!(
            state(fb, None, d("2025-03-14"), &cal),
            DeadlineState::OnTime
        );
        // Saturday and Sunday: only Monday and Tuesday left, still two.
        assert_eq!(
            state(fb, None, d("2025-03-15"), &cal),
            DeadlineState::OnTime
        );
        assert_eq!(
            state(fb, None, d("2025-03-17"), &cal),
            DeadlineState::DueSoon
        );
        // Due Sat 2025-10-11 (make-up day): on Thu Oct 9 one working day (Fri 10) plus the due day
        // itself is two; on Fri Oct 10 one.
        let fb = Some(d("2025-09-30"));
        assert_eq!(
            state(fb, None, d("2025-10-01"), &cal),
            DeadlineState::OnTime
        );
        assert_eq!(
            state(fb, None, d("2025-10-09"), &cal),
            DeadlineState::OnTime
        );
        assert_eq!(
            state(fb, None, d("2025-10-10"), &cal),
            DeadlineState::DueSoon
        );
        assert_eq!(
            state(fb, None, d("2025-10-11"), &cal),
            DeadlineState::DueSoon
        );
        assert_eq!(
            state(fb, None, d("2025-10-12"), &cal),
            DeadlineState::Overdue
        );
    }

    #[test]
    fn an_admin_override_moves_the_due_date() {
        // The university closes on Wed 2025-03-12: feedback Mon 10 → Tue 11, Thu 13, Fri 14.
        let cal =
            WorkCalendar::official().with_override(d("2025-03-12"), OverrideKind::Holiday, "校庆");
        assert_eq!(due_on(d("2025-03-10"), &cal), d("2025-03-14"));
    }

    #[test]
    fn the_sql_filter_bound_agrees_with_counting() {
        let cal = WorkCalendar::official();
        for today in d("2025-09-20").iter_days().take(40) {
            for due in today.iter_days().take(20) {
                let by_count = workdays_left(due, today, &cal) <= 1;
                assert_eq!(due < soon_limit(today, &cal), by_count, "{today} {due}");
            }
        }
    }
}
