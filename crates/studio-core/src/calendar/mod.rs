//! Working days on China's official calendar (DESIGN.md, "Working days").
//!
//! Weekends and public holidays are off; make-up working days (调休上班: a Saturday or Sunday that
//! is worked) are on. The State Council's calendar for 2004 up to the latest published year ships as
//! data (`data/china-calendar.txt`, generated from the MIT-licensed `chinese-days` package by
//! `scripts/update-calendar.mjs`), embedded in the binary: the studio PC may be offline.
//!
//! An admin may add or correct days in the app ([`set_override`]): next year's calendar before the
//! data is updated (it is published each November), or the university's own closing days. An
//! override wins over the official data; it is one row per date, audited under entity `calendar`,
//! and removing it leaves a tombstone (the row syncs like any other).
//!
//! [`WorkCalendar`] is the pure part: a value built from the official data plus the overrides, with
//! the date arithmetic deadlines need. [`load`] builds it from a store.

mod official;
pub(crate) mod service;
mod work;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use official::{official_source, official_years};
pub use service::{
    list_overrides, load, month_view, override_version, remove_override,
    remove_override_with_progress, set_override, set_override_with_progress,
};
pub use work::WorkCalendar;

/// The kind of one day, with the holiday's Chinese name (春节, 国庆节…) where there is one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum DayKind {
    /// Monday to Friday, not a holiday.
    Workday,
    /// Saturday or Sunday, not a holiday and not worked.
    Weekend,
    /// A public holiday, or a day off in its period (调休放假), or a day an admin closed. `name` is
    /// the holiday's name, or the admin's note.
    Holiday { name: String },
    /// A Saturday or Sunday that is worked (调休上班). `name` is the holiday it makes up for, or the
    /// admin's note.
    MakeupWorkday { name: String },
}

impl DayKind {
    pub fn is_workday(&self) -> bool {
        matches!(self, DayKind::Workday | DayKind::MakeupWorkday { .. })
    }
}

/// What an admin override makes a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum OverrideKind {
    /// The day is worked, whatever the weekday or the official calendar says.
    Workday,
    /// The day is off.
    Holiday,
}

impl OverrideKind {
    pub const ALL: [OverrideKind; 2] = [OverrideKind::Workday, OverrideKind::Holiday];

    pub fn as_str(self) -> &'static str {
        match self {
            OverrideKind::Workday => "workday",
            OverrideKind::Holiday => "holiday",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "workday" => Some(OverrideKind::Workday),
            "holiday" => Some(OverrideKind::Holiday),
            _ => None,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            OverrideKind::Workday => "上班",
            OverrideKind::Holiday => "放假",
        }
    }
}

/// An admin's correction of one day (表 `calendar_overrides`). The date is the row's identity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CalendarOverride {
    /// `YYYY-MM-DD`.
    pub date: String,
    pub kind: OverrideKind,
    /// Why, in a few words (“学校运动会停课”, “2027年春节”); at most 100 characters, may be empty.
    pub note: String,
    /// UTC, RFC 3339.
    pub created_at: String,
    pub updated_at: String,
    /// The actor who last set it.
    pub updated_by: String,
    pub version: i64,
}

/// One cell of a month grid.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CalendarDay {
    /// `YYYY-MM-DD`.
    pub date: String,
    /// 1 = Monday … 7 = Sunday.
    pub weekday: u8,
    /// `{ kind: "workday" | "weekend" }` or `{ kind: "holiday" | "makeup_workday", name }`.
    #[serde(flatten)]
    pub kind: DayKind,
    pub is_workday: bool,
    /// An admin override decides this day.
    pub overridden: bool,
    /// The year is covered by the shipped official calendar; when false only weekends (and any
    /// overrides) are known, and the UI should say so.
    pub official: bool,
    /// The version of this day's override row (0 when never overridden): what a change of this day
    /// is based on.
    #[serde(default)]
    pub version: i64,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_day_serializes_flat_for_the_ui_and_reads_back() {
        let c = WorkCalendar::official();
        let day = c.day(chrono::NaiveDate::from_ymd_opt(2025, 10, 11).unwrap());
        let json = serde_json::to_value(&day).unwrap();
        assert_eq!(
            json,
            serde_json::json!({
                "date": "2025-10-11", "weekday": 6, "kind": "makeup_workday", "name": "国庆节",
                "is_workday": true, "overridden": false, "official": true, "version": 0
            })
        );
        assert_eq!(serde_json::from_value::<CalendarDay>(json).unwrap(), day);
        assert_eq!(
            serde_json::to_value(OverrideKind::Holiday).unwrap(),
            "holiday"
        );
    }
}
