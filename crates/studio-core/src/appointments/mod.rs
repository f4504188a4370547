//! Appointments (约见): a person asks to meet a delegate (`request`), or a delegate invites a person
//! (`invitation`): who, with which delegate, when, where, why.
//!
//! Status (see [`flow`], pure): 待确认 `pending` → 已确认 `confirmed` → 已完成 `completed`, or
//! 已取消 `cancelled` with a required reason. Completing one creates, in the same write, a new draft
//! record card filled from it (the delegate, the person's name and phone, the date, channel 约见,
//! the topic as the opinion) and links it (`card_id`).
//!
//! An appointment cannot clash with its delegate's duty slots (checked when it is made, moved and
//! confirmed), nor name a delegate who has left by its day. The person's phone is checked like a
//! card's; lists show it masked, and the full record needs `ReadPersonalData` (its opening is
//! logged). A head handles their delegation's delegates' appointments, a delegate their own.
//!
//! `query_code` is the visitor's 查询码 for a request made at the kiosk or online: the kiosk's code
//! (crate::kiosk) fills it through [`create_in`]; this module only stores it (unique).

pub mod flow;
mod service;
pub(crate) mod validate;

pub use service::*;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::cards::Card;
use crate::page::PageRequest;

/// Where an appointment stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum AppointmentStatus {
    /// 待确认
    Pending,
    /// 已确认
    Confirmed,
    /// 已完成 (a record card was made from it)
    Completed,
    /// 已取消 (with a reason)
    Cancelled,
}

impl AppointmentStatus {
    pub const ALL: [AppointmentStatus; 4] = [
        AppointmentStatus::Pending,
        AppointmentStatus::Confirmed,
        AppointmentStatus::Completed,
        AppointmentStatus::Cancelled,
    ];

    pub fn label(self) -> &'static str {
        match self {
            AppointmentStatus::Pending => "待确认",
            AppointmentStatus::Confirmed => "已确认",
            AppointmentStatus::Completed => "已完成",
            AppointmentStatus::Cancelled => "已取消",
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            AppointmentStatus::Pending => "pending",
            AppointmentStatus::Confirmed => "confirmed",
            AppointmentStatus::Completed => "completed",
            AppointmentStatus::Cancelled => "cancelled",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.as_str() == s)
    }

    /// Still to happen: its time may be edited, and it must not clash with a duty slot.
    pub fn is_open(self) -> bool {
        matches!(
            self,
            AppointmentStatus::Pending | AppointmentStatus::Confirmed
        )
    }
}

/// Who asked for the meeting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum AppointmentDirection {
    /// 约见: a person asks to meet a delegate.
    Request,
    /// 约谈: a delegate invites a person.
    Invitation,
}

impl AppointmentDirection {
    pub const ALL: [AppointmentDirection; 2] = [
        AppointmentDirection::Request,
        AppointmentDirection::Invitation,
    ];

    pub fn label(self) -> &'static str {
        match self {
            AppointmentDirection::Request => "群众约见代表",
            AppointmentDirection::Invitation => "代表约谈群众",
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            AppointmentDirection::Request => "request",
            AppointmentDirection::Invitation => "invitation",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.as_str() == s)
    }
}

/// How the appointment reached the studio.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum AppointmentSource {
    /// 工作人员登记: entered at the desk.
    Staff,
    /// 自助终端: a visitor's request at the kiosk.
    Kiosk,
    /// 网上工作室
    Online,
}

impl AppointmentSource {
    pub const ALL: [AppointmentSource; 3] = [
        AppointmentSource::Staff,
        AppointmentSource::Kiosk,
        AppointmentSource::Online,
    ];

    pub fn label(self) -> &'static str {
        match self {
            AppointmentSource::Staff => "工作人员登记",
            AppointmentSource::Kiosk => "自助终端",
            AppointmentSource::Online => "网上工作室",
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            AppointmentSource::Staff => "staff",
            AppointmentSource::Kiosk => "kiosk",
            AppointmentSource::Online => "online",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.as_str() == s)
    }
}

/// A step of the status flow.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum AppointmentStep {
    /// 确认
    Confirm,
    /// 完成 (makes the record card)
    Complete,
    /// 取消 (with a reason)
    Cancel,
}

impl AppointmentStep {
    pub const ALL: [AppointmentStep; 3] = [
        AppointmentStep::Confirm,
        AppointmentStep::Complete,
        AppointmentStep::Cancel,
    ];

    pub fn label(self) -> &'static str {
        match self {
            AppointmentStep::Confirm => "确认",
            AppointmentStep::Complete => "完成",
            AppointmentStep::Cancel => "取消",
        }
    }

    /// The change log's action.
    pub fn as_str(self) -> &'static str {
        match self {
            AppointmentStep::Confirm => "confirm",
            AppointmentStep::Complete => "complete",
            AppointmentStep::Cancel => "cancel",
        }
    }
}

/// One appointment in full (the person's phone unmasked: readers need `ReadPersonalData`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Appointment {
    pub id: String,
    pub person_name: String,
    /// A mobile number or a fixed line with its area code, or empty.
    pub person_phone: String,
    /// Whether the person agreed to the handling of their data; `None`: not asked.
    pub person_consent: Option<bool>,
    pub delegate_id: String,
    /// The delegate's current name and delegation (from the roster when read).
    pub delegate_name: String,
    pub delegation_id: String,
    pub delegation_name: String,
    /// `YYYY-MM-DD`.
    pub date: String,
    /// `HH:MM`, zero-padded.
    pub start: String,
    pub end: String,
    /// 地点: the studio, an office, online…
    pub place: String,
    /// 约见事由.
    pub topic: String,
    pub direction: AppointmentDirection,
    pub source: AppointmentSource,
    pub status: AppointmentStatus,
    /// Why it was cancelled (empty unless cancelled).
    pub cancel_reason: String,
    /// The record card made when it was completed.
    pub card_id: Option<String>,
    /// The visitor's 查询码 (kiosk and online requests).
    pub query_code: Option<String>,
    pub note: String,
    /// UTC, RFC 3339.
    pub confirmed_at: Option<String>,
    pub completed_at: Option<String>,
    pub cancelled_at: Option<String>,
    pub created_at: String,
    pub updated_at: String,
    pub version: i64,
}

/// What the appointment form sends to make or edit one.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct AppointmentInput {
    pub person_name: String,
    pub person_phone: String,
    #[ts(optional = nullable)]
    pub person_consent: Option<bool>,
    pub delegate_id: String,
    /// `YYYY-MM-DD`.
    pub date: String,
    /// `HH:MM`, zero-padded.
    pub start: String,
    pub end: String,
    pub place: String,
    pub topic: String,
    pub direction: Option<AppointmentDirection>,
    /// Defaults to `staff`; kept as it was when an appointment is edited.
    #[ts(optional = nullable)]
    pub source: Option<AppointmentSource>,
    pub note: String,
}

impl Default for AppointmentInput {
    fn default() -> Self {
        AppointmentInput {
            person_name: String::new(),
            person_phone: String::new(),
            person_consent: None,
            delegate_id: String::new(),
            date: String::new(),
            start: String::new(),
            end: String::new(),
            place: validate::DEFAULT_PLACE.to_string(),
            topic: String::new(),
            direction: Some(AppointmentDirection::Request),
            source: None,
            note: String::new(),
        }
    }
}

impl From<&Appointment> for AppointmentInput {
    fn from(a: &Appointment) -> Self {
        AppointmentInput {
            person_name: a.person_name.clone(),
            person_phone: a.person_phone.clone(),
            person_consent: a.person_consent,
            delegate_id: a.delegate_id.clone(),
            date: a.date.clone(),
            start: a.start.clone(),
            end: a.end.clone(),
            place: a.place.clone(),
            topic: a.topic.clone(),
            direction: Some(a.direction),
            source: Some(a.source),
            note: a.note.clone(),
        }
    }
}

/// One row of the appointment list. The phone is masked: lists never show it in full.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AppointmentListItem {
    pub id: String,
    pub person_name: String,
    pub person_phone_masked: String,
    pub delegate_id: String,
    pub delegate_name: String,
    pub delegation_id: String,
    pub delegation_name: String,
    pub date: String,
    pub start: String,
    pub end: String,
    pub place: String,
    pub topic: String,
    pub direction: AppointmentDirection,
    pub source: AppointmentSource,
    pub status: AppointmentStatus,
    pub card_id: Option<String>,
    pub version: i64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum AppointmentSort {
    /// Latest date first.
    #[default]
    DateDesc,
    /// Earliest first (what is coming up).
    DateAsc,
}

/// Filters of the appointment list. Empty / `None` fields do not filter.
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct AppointmentQuery {
    /// Words (separated by spaces, each must occur; at most 50 characters and 8 words) in the
    /// person's name, the delegate's name, the topic or the place; or a visitor's query code
    /// (查询码, `K7QM-3XPA`, any case, with or without the dash) as the whole text, which finds the
    /// appointment it was given for. Optional for the UI (absent is empty).
    #[ts(optional = nullable)]
    pub q: String,
    pub status: Option<AppointmentStatus>,
    pub delegate_id: Option<String>,
    pub delegation_id: Option<String>,
    pub direction: Option<AppointmentDirection>,
    pub source: Option<AppointmentSource>,
    /// Date from (inclusive), `YYYY-MM-DD`.
    pub from: Option<String>,
    /// Date to (inclusive), `YYYY-MM-DD`.
    pub to: Option<String>,
    pub sort: AppointmentSort,
    pub page: PageRequest,
}

/// A completed appointment and the draft record card made from it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct AppointmentCompletion {
    pub appointment: Appointment,
    pub card: Card,
}
