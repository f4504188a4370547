//! The reception schedule (接待安排): who receives party members and the public, when and where.
//!
//! A **duty slot** is one reception: a day, a time span (`HH:MM`, zero-padded, the end after the
//! start), a place (the studio room 工作室 or the online studio 网上工作室, with an optional note) and
//! one to [`validate::DELEGATES_MAX`] delegates on duty. Refused, with a Chinese message beside the
//! field at fault: a delegate on two overlapping slots (naming the other slot), a delegate who has
//! left (离任) by that day, a slot on a non-working day of the official calendar unless the input
//! confirms it (`confirm_non_working`).
//!
//! A **month** (`YYYY-MM`) is a plan until it is published ([`publish_month`], logged through the
//! gate); from then on the kiosk and the online studio show it, visitors may read it, and every change
//! to one of its slots is logged as usual *and* marks the month's poster as changed
//! (`poster_changed`, cleared by [`mark_poster_printed`]).
//!
//! [`copy_month`] lays a month's pattern onto another month's working days, by weekday (a Tuesday
//! slot → every working Tuesday) or by nth weekday (the second Tuesday → the second Tuesday),
//! reporting what it made and what it skipped and why ([`copy`], pure). [`swap`] exchanges two
//! delegates between two slots in one write. Slots are deleted softly (a tombstone), and every update
//! names the version it was based on.
//!
//! Reads: a month's plan ([`month_plan`]), 今日接待 / 本周接待 ([`today_duty`], [`week_duty`], and
//! [`next_duty_day`] for the kiosk), a delegate's own duty ([`my_duty`]), the published months
//! ([`published_months`]) and what the wall poster shows ([`poster_data`]).

pub(crate) mod copy;
mod poster;
mod service;
pub(crate) mod validate;

pub use poster::{poster_data, PosterMonth, PosterRow};
pub(crate) use service::slot_text;
pub use service::*;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Where a reception takes place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Place {
    /// 工作室: the studio room.
    Studio,
    /// 网上工作室: the online studio.
    Online,
}

impl Place {
    pub const ALL: [Place; 2] = [Place::Studio, Place::Online];

    pub fn label(self) -> &'static str {
        match self {
            Place::Studio => "工作室",
            Place::Online => "网上工作室",
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Place::Studio => "studio",
            Place::Online => "online",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.as_str() == s)
    }
}

/// How [`copy_month`] maps the source month's slots onto the target month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum CopyMode {
    /// 按星期: a slot on a Tuesday → every working Tuesday of the target month (identical slots of
    /// the same weekday count once).
    Weekday,
    /// 按第几个星期: the second Tuesday → the target's second Tuesday.
    NthWeekday,
}

impl CopyMode {
    pub const ALL: [CopyMode; 2] = [CopyMode::Weekday, CopyMode::NthWeekday];

    pub fn label(self) -> &'static str {
        match self {
            CopyMode::Weekday => "按星期（每周同一天）",
            CopyMode::NthWeekday => "按第几个星期（如每月第二个周二）",
        }
    }
}

/// A delegate on duty, as the plan shows them (current name and delegation).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DutyDelegate {
    pub id: String,
    pub name: String,
    pub delegation_id: String,
    pub delegation_name: String,
}

/// One reception (接待安排的一个时段), as readers get it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Slot {
    pub id: String,
    /// `YYYY-MM-DD`.
    pub date: String,
    /// 1 = Monday … 7 = Sunday.
    pub weekday: u8,
    /// `HH:MM`, zero-padded.
    pub start: String,
    pub end: String,
    pub place: Place,
    /// e.g. 行政楼 302 室, or the meeting link's name; may be empty.
    pub place_note: String,
    pub note: String,
    /// The day is not a working day and the slot was confirmed anyway.
    pub non_working_day: bool,
    /// In the order shown on the plan and the poster.
    pub delegates: Vec<DutyDelegate>,
    /// The liaison officer on duty (联络员与志愿者), when one is named.
    #[serde(default)]
    #[ts(optional = nullable)]
    pub liaison: Option<SlotLiaison>,
    /// The slot's month is published.
    pub published: bool,
    pub created_at: String,
    pub updated_at: String,
    pub version: i64,
}

/// A slot as stored and as the change log records it (the delegates by id).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SlotRow {
    pub id: String,
    pub date: String,
    pub start: String,
    pub end: String,
    pub place: Place,
    pub place_note: String,
    pub note: String,
    pub non_working_day: bool,
    pub delegate_ids: Vec<String>,
    /// The liaison officer on duty (a volunteer's id); absent from change records when none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub liaison_id: Option<String>,
    pub created_at: String,
    pub updated_at: String,
    pub version: i64,
}

/// The liaison officer named on a slot.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SlotLiaison {
    pub id: String,
    pub name: String,
}

impl From<&Slot> for SlotRow {
    fn from(s: &Slot) -> Self {
        SlotRow {
            id: s.id.clone(),
            date: s.date.clone(),
            start: s.start.clone(),
            end: s.end.clone(),
            place: s.place,
            place_note: s.place_note.clone(),
            note: s.note.clone(),
            non_working_day: s.non_working_day,
            delegate_ids: s.delegates.iter().map(|d| d.id.clone()).collect(),
            liaison_id: s.liaison.as_ref().map(|l| l.id.clone()),
            created_at: s.created_at.clone(),
            updated_at: s.updated_at.clone(),
            version: s.version,
        }
    }
}

/// What the slot form sends to create or edit a slot.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct SlotInput {
    /// `YYYY-MM-DD`.
    pub date: String,
    /// `HH:MM`, zero-padded (24-hour clock).
    pub start: String,
    pub end: String,
    pub place: Option<Place>,
    pub place_note: String,
    /// One or more, in the order to show.
    pub delegate_ids: Vec<String>,
    pub note: String,
    /// The user confirmed a slot on a day that is not a working day.
    pub confirm_non_working: bool,
    /// The liaison officer on duty (a serving 联络员's id), or none.
    #[ts(optional = nullable)]
    pub liaison_id: Option<String>,
}

impl Default for SlotInput {
    fn default() -> Self {
        SlotInput {
            date: String::new(),
            start: String::new(),
            end: String::new(),
            place: Some(Place::Studio),
            place_note: String::new(),
            delegate_ids: Vec::new(),
            note: String::new(),
            confirm_non_working: false,
            liaison_id: None,
        }
    }
}

impl From<&Slot> for SlotInput {
    /// The form pre-filled with a slot's values (to edit it).
    fn from(s: &Slot) -> Self {
        SlotInput {
            date: s.date.clone(),
            start: s.start.clone(),
            end: s.end.clone(),
            place: Some(s.place),
            place_note: s.place_note.clone(),
            delegate_ids: s.delegates.iter().map(|d| d.id.clone()).collect(),
            note: s.note.clone(),
            confirm_non_working: s.non_working_day,
            liaison_id: s.liaison.as_ref().map(|l| l.id.clone()),
        }
    }
}

/// A month of the schedule: whether it is published, and whether the printed poster is out of date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ScheduleMonth {
    /// `YYYY-MM`.
    pub month: String,
    pub published: bool,
    /// UTC, RFC 3339.
    pub published_at: Option<String>,
    /// Who published it.
    pub published_by: Option<String>,
    /// A slot of the published month changed since it was published or its poster last printed.
    pub poster_changed: bool,
    pub poster_printed_at: Option<String>,
    /// 0 while the month was never published: what [`publish_month`] is based on.
    pub version: i64,
}

impl ScheduleMonth {
    /// A month that was never published.
    pub fn unpublished(month: &str) -> Self {
        ScheduleMonth {
            month: month.to_string(),
            published: false,
            published_at: None,
            published_by: None,
            poster_changed: false,
            poster_printed_at: None,
            version: 0,
        }
    }
}

/// One day of a plan and its slots in time order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PlanDay {
    /// `YYYY-MM-DD`.
    pub date: String,
    /// 1 = Monday … 7 = Sunday.
    pub weekday: u8,
    /// 周一 … 周日.
    pub weekday_label: String,
    pub is_workday: bool,
    pub slots: Vec<Slot>,
}

/// A month's plan: the month's state and its days with slots, in date order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct MonthPlan {
    pub month: ScheduleMonth,
    pub days: Vec<PlanDay>,
}

/// A month that has slots or was published, for the schedule page's month list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct MonthSummary {
    pub month: ScheduleMonth,
    pub slot_count: u32,
}

/// One slot [`copy_month`] did not make, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CopySkip {
    /// The source slot's date.
    pub source_date: String,
    /// The target day it would have gone to (none when the target month has no such day, e.g. no
    /// fifth Tuesday).
    pub date: Option<String>,
    pub start: String,
    pub end: String,
    /// In Chinese, e.g. 「2026-10-06（周二）国庆节放假，不是工作日」.
    pub reason: String,
}

/// What [`copy_month`] made and skipped.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CopyReport {
    pub from_month: String,
    pub to_month: String,
    pub mode: CopyMode,
    /// In date and time order.
    pub made: Vec<Slot>,
    pub skipped: Vec<CopySkip>,
}

/// What [`copy_month`] is asked.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct CopyInput {
    /// `YYYY-MM`: the month whose pattern is copied.
    pub from_month: String,
    /// `YYYY-MM`: the month it is laid onto.
    pub to_month: String,
    pub mode: CopyMode,
    /// The target month already has slots: add the copies beside them (else the copy is refused).
    #[serde(default)]
    pub add_alongside: bool,
}

/// A swap of two delegates between two slots (调换值班): `delegate_a` leaves `slot_a` for
/// `slot_b`, `delegate_b` leaves `slot_b` for `slot_a`, each taking the other's place in the order.
/// Each slot names the version it was read at.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct SwapInput {
    pub slot_a: String,
    pub version_a: i64,
    pub delegate_a: String,
    pub slot_b: String,
    pub version_b: i64,
    pub delegate_b: String,
}

/// The two slots after a swap.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SwapOutcome {
    pub slot_a: Slot,
    pub slot_b: Slot,
}
