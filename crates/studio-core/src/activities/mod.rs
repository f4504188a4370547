//! 活动调研 (activities): forums, field surveys, training, visits, reception days and others, held
//! by a delegation or by the studio: topic, dates, place, the delegates who took part, the units
//! invited and their heads, a summary, attachments (files copied into the data folder), and what
//! came of it: the ledger items raised (linked both ways: the item's page lists its activities) and
//! the proposals those items went into.
//!
//! The rule "each delegation runs at least one field survey a year" is an indicator per delegation
//! and year ([`indicator::light`], pure): green when done, amber when none yet, red once the year is
//! half gone (from 1 July) without one.
//!
//! Every write goes through the write gate with the version the caller read (entity `activity`).
//! Staff record any activity; a head their delegation's; delegates read their delegation's.

pub mod attachments;
pub mod indicator;
pub mod rules;
mod service;
pub(crate) mod validate;

pub use attachments::{add_attachment, attachment_path, remove_attachment};
pub use service::*;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::page::PageRequest;
use crate::proposals::{ProposalItemRef, ProposalRef};

/// 活动类型.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ActivityKind {
    /// 座谈
    Forum,
    /// 走访调研: what the yearly survey indicator counts.
    FieldSurvey,
    /// 培训
    Training,
    /// 走访慰问
    Visit,
    /// 接待日
    ReceptionDay,
    /// 其他
    Other,
}

impl ActivityKind {
    pub const ALL: [ActivityKind; 6] = [
        ActivityKind::Forum,
        ActivityKind::FieldSurvey,
        ActivityKind::Training,
        ActivityKind::Visit,
        ActivityKind::ReceptionDay,
        ActivityKind::Other,
    ];

    pub fn label(self) -> &'static str {
        match self {
            ActivityKind::Forum => "座谈",
            ActivityKind::FieldSurvey => "走访调研",
            ActivityKind::Training => "培训",
            ActivityKind::Visit => "走访慰问",
            ActivityKind::ReceptionDay => "接待日",
            ActivityKind::Other => "其他",
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            ActivityKind::Forum => "forum",
            ActivityKind::FieldSurvey => "field_survey",
            ActivityKind::Training => "training",
            ActivityKind::Visit => "visit",
            ActivityKind::ReceptionDay => "reception_day",
            ActivityKind::Other => "other",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.as_str() == s)
    }
}

/// A delegate who took part (the name as it was when recorded).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ActivityDelegate {
    pub delegate_id: String,
    pub name: String,
}

/// A unit invited, and its head who came (负责人).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct InvitedUnit {
    pub unit: String,
    pub head: String,
}

/// A file kept with an activity (the file itself is in the data folder).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Attachment {
    pub id: String,
    /// The name it had when added.
    pub file_name: String,
    /// Bytes.
    pub size: u64,
    pub added_at: String,
    pub added_by: String,
}

/// One activity, in full.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Activity {
    pub id: String,
    pub kind: ActivityKind,
    pub topic: String,
    pub start_on: String,
    /// The last day (the first for a one-day activity).
    pub end_on: String,
    pub place: String,
    /// The organising delegation; `None`: the studio.
    pub delegation_id: Option<String>,
    /// The delegation's name, or 工作室.
    pub organiser: String,
    pub delegates: Vec<ActivityDelegate>,
    pub units: Vec<InvitedUnit>,
    pub summary: String,
    /// The ledger items raised (their `no` as in the items export).
    pub items: Vec<ProposalItemRef>,
    /// The proposals those items went into.
    pub proposals: Vec<ProposalRef>,
    pub attachments: Vec<Attachment>,
    pub created_at: String,
    pub updated_at: String,
    pub version: i64,
}

/// What the activity form sends.
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct ActivityInput {
    pub kind: Option<ActivityKind>,
    pub topic: String,
    /// `YYYY-MM-DD`.
    pub start_on: String,
    /// Empty: the same day as `start_on`.
    pub end_on: String,
    pub place: String,
    /// Empty / `None`: the studio organised it.
    #[ts(optional = nullable)]
    pub delegation_id: Option<String>,
    pub delegate_ids: Vec<String>,
    pub units: Vec<InvitedUnit>,
    pub summary: String,
    pub item_ids: Vec<String>,
}

/// One row of the list.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ActivityListItem {
    pub id: String,
    pub kind: ActivityKind,
    pub topic: String,
    pub start_on: String,
    pub end_on: String,
    pub place: String,
    pub delegation_id: Option<String>,
    pub organiser: String,
    /// The delegates' names, joined with `、`.
    pub delegate_names: String,
    pub item_count: u32,
    pub attachment_count: u32,
}

/// Search and filters of the list. Empty / `None` fields do not filter.
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct ActivityQuery {
    /// Words in the topic, place, summary or a unit's name (all must occur).
    pub q: String,
    pub kind: Option<ActivityKind>,
    pub delegation_id: Option<String>,
    /// Held from / to (inclusive, by the first day).
    pub from: Option<String>,
    pub to: Option<String>,
    pub page: PageRequest,
}

/// The yearly field survey: done, none yet, or none and the year half gone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum SurveyLight {
    /// 已完成
    Green,
    /// 尚未开展
    Amber,
    /// 已过半年仍未开展
    Red,
}

impl SurveyLight {
    pub const ALL: [SurveyLight; 3] = [SurveyLight::Green, SurveyLight::Amber, SurveyLight::Red];

    pub fn label(self) -> &'static str {
        match self {
            SurveyLight::Green => "已完成走访调研",
            SurveyLight::Amber => "尚未开展走访调研",
            SurveyLight::Red => "已过半年仍未开展走访调研",
        }
    }
}

/// One delegation's indicator for one year, for 工作台.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct SurveyIndicator {
    pub delegation_id: String,
    pub delegation_name: String,
    pub year: i32,
    pub light: SurveyLight,
    /// Field surveys held this year up to today.
    pub surveys: u32,
    /// The latest of them.
    pub last_on: Option<String>,
}

/// An activity as a ledger item's page shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ActivityRef {
    pub id: String,
    pub kind: ActivityKind,
    pub topic: String,
    pub start_on: String,
}
