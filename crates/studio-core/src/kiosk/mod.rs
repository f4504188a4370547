//! The visitor kiosk (自助终端) on the studio PC, and what the online studio will share with it: the
//! message form 有事找代表 (a ledger item with source `kiosk` or `online`, waiting in 待分派 until
//! staff route it), the request 约见党代表 (a 待确认 appointment, [`request_appointment`]), query
//! codes (查询码) and 查询进度, and the public reads of the kiosk's screens (代表风采, 工作室简介).
//! Today's duty and the reception plan are the schedule's (not here).
//!
//! A visitor (`Role::Visitor`) holds `ReadRoster` and `UseKiosk` only: they leave a message and get
//! back its query code, its number and the day; they read nothing of any record except, with the
//! code and the last four digits of their phone, the status and the answer of their own
//! ([`query_progress`]).
//!
//! Query codes ([`codes`]): 8 characters of an alphabet without look-alikes (no 0/O/1/I/L), drawn
//! from the operating system's random source, shown as `K7QM-3XPA`; one space for items and
//! appointments, the kiosk and the online studio; rows are never deleted, so a code is never given
//! twice. Bounds: one message and one appointment request per phone per minute; at most [`MAX_FAILED_QUERIES`] failed lookups
//! per kiosk actor in [`FAILED_QUERY_WINDOW_MINUTES`] minutes.

pub mod codes;
mod service;
pub(crate) mod validate;

pub use codes::{format_code, issue, normalize_code, phone_last4, CODE_ALPHABET, CODE_LEN};
pub use service::{
    delegate_profiles, kiosk_info, query_progress, request_appointment, request_days,
    submit_message,
};
pub use validate::{
    title_from_text, MESSAGE_NAME_MAX, MESSAGE_TEXT_MAX, REQUEST_DAYS_AHEAD, REQUEST_TOPIC_MAX,
};

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::items::ItemCategory;
use crate::roster::PublicDelegate;

/// 查询进度: at most this many failed tries per kiosk actor within the window…
pub const MAX_FAILED_QUERIES: u64 = 10;
/// …of this many minutes.
pub const FAILED_QUERY_WINDOW_MINUTES: i64 = 10;
/// 有事找代表: one message per phone within this many seconds; 约见党代表: one request per phone
/// within as many.
pub const MESSAGE_INTERVAL_SECONDS: i64 = 60;

/// What the same answer to a wrong code and to wrong last digits says (no hint which was wrong).
pub const WRONG_CODE_MESSAGE: &str = "查询码或手机号后四位不正确";
pub const TOO_MANY_QUERIES_MESSAGE: &str = "查询过于频繁，请稍后再试";
pub const TOO_MANY_MESSAGES_MESSAGE: &str = "提交过于频繁，请一分钟后再试";
pub const CONSENT_MESSAGE: &str = "请先阅读并同意个人信息处理规则";

/// What a query code points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum QueryKind {
    /// 有事找代表: a ledger item.
    Item,
    /// 约见党代表: an appointment request.
    Appointment,
}

impl QueryKind {
    pub const ALL: [QueryKind; 2] = [QueryKind::Item, QueryKind::Appointment];

    pub fn label(self) -> &'static str {
        match self {
            QueryKind::Item => "留言",
            QueryKind::Appointment => "约见",
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            QueryKind::Item => "item",
            QueryKind::Appointment => "appointment",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// 有事找代表: what the visitor fills in.
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct MessageInput {
    /// 姓名 (required).
    pub name: String,
    /// 联系电话: a mobile number or an office phone with its area code (required: its last four
    /// digits open 查询进度).
    pub phone: String,
    /// 问题类别 (one of the six).
    pub category: Option<ItemCategory>,
    /// 留言内容.
    pub text: String,
    /// The delegate the visitor chose (optional): one shown on 代表风采.
    #[ts(optional = nullable)]
    pub delegate_id: Option<String>,
    /// Agreed to the handling of their personal data: without it nothing is stored.
    pub consent: bool,
    /// The answer may later be published without their name (the online studio's 代表回复).
    pub publish_ok: bool,
}

/// What the visitor gets back: the code to show large (and print), the item's number, the day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Receipt {
    /// Grouped for reading, `K7QM-3XPA`.
    pub query_code: String,
    pub item_no: String,
    /// `YYYY-MM-DD`.
    pub received_on: String,
}

/// 约见党代表: which half of the day the visitor would like to come. The request is stored with
/// the half-day's span ([`DayPeriod::span`], the studio's opening hours); staff confirm or move it
/// to an exact time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum DayPeriod {
    /// 上午
    Morning,
    /// 下午
    Afternoon,
}

impl DayPeriod {
    pub const ALL: [DayPeriod; 2] = [DayPeriod::Morning, DayPeriod::Afternoon];

    pub fn label(self) -> &'static str {
        match self {
            DayPeriod::Morning => "上午",
            DayPeriod::Afternoon => "下午",
        }
    }

    /// The appointment's start and end (`HH:MM`): the studio's opening hours of that half-day
    /// (`settings::DEFAULT_OPENING_HOURS`).
    pub fn span(self) -> (&'static str, &'static str) {
        match self {
            DayPeriod::Morning => ("08:00", "12:00"),
            DayPeriod::Afternoon => ("14:30", "17:30"),
        }
    }
}

/// 约见党代表: what the visitor fills in on the touch screen.
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct AppointmentRequestInput {
    /// 姓名 (required).
    pub name: String,
    /// 联系电话 (required: staff call back to confirm, and its last four digits open 查询进度).
    pub phone: String,
    /// The delegate to meet: one 代表风采 shows (in office, consenting).
    pub delegate_id: String,
    /// 希望日期, `YYYY-MM-DD`: a working day from today to [`REQUEST_DAYS_AHEAD`] days ahead.
    pub date: String,
    /// 上午 or 下午.
    pub period: Option<DayPeriod>,
    /// 约见事由.
    pub topic: String,
    /// Agreed to the handling of their personal data: without it nothing is stored.
    pub consent: bool,
}

/// What the visitor gets back from 约见党代表: the code to show large (and print), and what they
/// asked for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AppointmentReceipt {
    /// Grouped for reading, `K7QM-3XPA`.
    pub query_code: String,
    pub delegate_name: String,
    /// The day asked for, `YYYY-MM-DD`.
    pub date: String,
    pub period: DayPeriod,
    /// The day the request was made, `YYYY-MM-DD`.
    pub received_on: String,
}

/// 查询进度: the status and, once given, the answer (an item), or the status and the agreed day and
/// time (an appointment). Nothing else about the record or any person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Progress {
    pub kind: QueryKind,
    /// 受理, 办理中, 已答复, … (an item's status as the ledger names it, 待补充 included).
    pub status_label: String,
    /// The day it was received (`YYYY-MM-DD`).
    pub received_on: String,
    /// The answer, once the item has one.
    pub answer: Option<String>,
    pub answered_on: Option<String>,
    /// An appointment's day (`YYYY-MM-DD`) and time span (`09:00–10:00`); `None` for an item.
    pub appointment_date: Option<String>,
    pub appointment_time: Option<String>,
}

/// 代表风采: one delegation's delegates who allow publishing, in roster order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct DelegationProfiles {
    pub delegation_id: String,
    pub delegation_name: String,
    pub delegates: Vec<PublicDelegate>,
}

/// 工作室简介 and what the kiosk needs of the settings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct KioskInfo {
    pub studio_name: String,
    pub intro: String,
    /// 专线电话 (empty when not set).
    pub hotline: String,
    /// 开放时间 from 设置 (`None` when left empty).
    pub opening_hours: Option<String>,
    /// Clear the screen and return home after this many idle seconds.
    pub idle_seconds: u32,
}
