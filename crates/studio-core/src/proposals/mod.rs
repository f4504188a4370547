//! 提议 (proposals): common problems from the ledger, drafted by a delegation into a proposal that
//! the Organization Department refers to university units and supervises.
//!
//! Steps (see [`flow`], pure): 起草 `draft` → 团内讨论 `discussed` → 提交组织部 `submitted` → 交办
//! `referred` (to one or more units, each with a deadline in working days from the referral, by the
//! studio's calendar) → 单位答复 per unit (`answered` once every unit has answered) → 评价 per unit
//! (满意 / 基本满意; 不满意 sends the proposal back to that unit: a new round with a fresh deadline)
//! → `evaluated` once every unit is satisfied → 办结 `closed`; 不予立案 `declined` with a reason.
//!
//! The linked ledger items stay linked and show the proposal on their timeline (`proposal_linked`).
//! The timeline (`proposal_events`) is append-only. Every write goes through the write gate with the
//! version the caller read (entity `proposal`). A head reaches their delegation's proposals, a
//! delegate reads their delegation's; staff reach all.

pub mod flow;
mod queries;
pub mod rules;
pub(crate) mod service;
pub(crate) mod validate;

pub use queries::*;
pub use service::{act, create_proposal, update_proposal};

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::actor::Role;
use crate::items::{ItemDeadlineState, ItemStatus, Satisfaction};
use crate::page::PageRequest;

/// Where a proposal stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ProposalStatus {
    /// 起草
    Draft,
    /// 团内讨论 (the discussion is recorded)
    Discussed,
    /// 提交组织部
    Submitted,
    /// 交办 (waiting for units' answers)
    Referred,
    /// 单位已答复 (every unit answered; waiting for the evaluation)
    Answered,
    /// 已评价 (every unit's answer found satisfying)
    Evaluated,
    /// 办结
    Closed,
    /// 不予立案
    Declined,
}

impl ProposalStatus {
    pub const ALL: [ProposalStatus; 8] = [
        ProposalStatus::Draft,
        ProposalStatus::Discussed,
        ProposalStatus::Submitted,
        ProposalStatus::Referred,
        ProposalStatus::Answered,
        ProposalStatus::Evaluated,
        ProposalStatus::Closed,
        ProposalStatus::Declined,
    ];

    pub fn label(self) -> &'static str {
        match self {
            ProposalStatus::Draft => "起草",
            ProposalStatus::Discussed => "团内讨论",
            ProposalStatus::Submitted => "提交组织部",
            ProposalStatus::Referred => "交办",
            ProposalStatus::Answered => "单位答复",
            ProposalStatus::Evaluated => "评价",
            ProposalStatus::Closed => "办结",
            ProposalStatus::Declined => "不予立案",
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            ProposalStatus::Draft => "draft",
            ProposalStatus::Discussed => "discussed",
            ProposalStatus::Submitted => "submitted",
            ProposalStatus::Referred => "referred",
            ProposalStatus::Answered => "answered",
            ProposalStatus::Evaluated => "evaluated",
            ProposalStatus::Closed => "closed",
            ProposalStatus::Declined => "declined",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.as_str() == s)
    }

    /// Not closed or declined.
    pub fn is_open(self) -> bool {
        !matches!(self, ProposalStatus::Closed | ProposalStatus::Declined)
    }

    /// Its text may still be edited (before it is submitted).
    pub fn editable(self) -> bool {
        matches!(self, ProposalStatus::Draft | ProposalStatus::Discussed)
    }
}

/// 交办: one unit a proposal was referred to, with its deadline, answer and evaluation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ProposalUnit {
    /// 承办单位, e.g. 后勤管理处.
    pub unit: String,
    /// The start of the current round: the referral, or the 不满意 evaluation that sent it back.
    pub referred_on: String,
    /// Working days the unit has to answer.
    pub limit_days: u32,
    /// `referred_on` + `limit_days` working days, by the studio's calendar.
    pub due_on: String,
    /// 1, 2, …: how many times the unit was asked (a 不满意 evaluation asks again).
    pub rounds: u32,
    pub answer: String,
    pub answered_on: Option<String>,
    /// The evaluation of this round's answer (`None` until evaluated).
    pub satisfaction: Option<Satisfaction>,
    pub evaluation_note: String,
    pub evaluated_on: Option<String>,
    /// As of the day read: before the answer on track / due soon / overdue; after it met / late.
    pub deadline: ItemDeadlineState,
    /// Working days left to `due_on` (negative: overdue) while unanswered.
    pub days_left: Option<i64>,
}

/// A linked ledger item as the proposal shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ProposalItemRef {
    pub id: String,
    /// The item's 编号 (`no` in the items export).
    pub no: String,
    pub title: String,
    pub status: ItemStatus,
}

/// One proposal, in full.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Proposal {
    pub id: String,
    /// 编号 `YYYY-NNNN` by the year drafted.
    pub no: String,
    pub status: ProposalStatus,
    pub delegation_id: String,
    pub delegation_name: String,
    pub title: String,
    /// 问题.
    pub problem: String,
    /// 建议.
    pub suggestion: String,
    pub drafted_on: String,
    /// 团内讨论.
    pub discussed_on: Option<String>,
    pub discussion_participants: String,
    pub discussion_outcome: String,
    pub submitted_on: Option<String>,
    pub referred_on: Option<String>,
    pub closed_on: Option<String>,
    pub close_note: String,
    pub declined_on: Option<String>,
    pub decline_reason: String,
    pub chase_count: u32,
    pub items: Vec<ProposalItemRef>,
    pub units: Vec<ProposalUnit>,
    /// The worst of the unanswered units' states while referred (overdue before due soon before on
    /// track); `None` otherwise.
    pub deadline: ItemDeadlineState,
    /// The earliest due date of an unanswered unit.
    pub due_on: Option<String>,
    pub created_at: String,
    pub updated_at: String,
    pub version: i64,
}

/// What the proposal form sends (create, or edit while 起草 / 团内讨论).
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct ProposalInput {
    /// Empty: the actor's own delegation (a head); staff choose one.
    pub delegation_id: String,
    pub title: String,
    pub problem: String,
    pub suggestion: String,
    /// The ledger items it comes from (at least one).
    pub item_ids: Vec<String>,
    /// `YYYY-MM-DD`; empty: today.
    pub drafted_on: String,
}

/// 交办 to one unit: its name and the working days it has.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct UnitReferral {
    pub unit: String,
    pub days: u32,
}

/// A step on a proposal, checked against [`flow::check`]. `on` is the day it happened (empty:
/// today; not in the future, not before the step it follows).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ProposalAction {
    /// 团内讨论: when, who took part, what was decided.
    Discuss {
        participants: String,
        outcome: String,
        on: String,
    },
    /// 提交组织部.
    Submit { on: String },
    /// 交办 to one or more units, each with its working days.
    Refer {
        units: Vec<UnitReferral>,
        on: String,
    },
    /// 单位答复: one unit's answer.
    Answer {
        unit: String,
        answer: String,
        on: String,
    },
    /// 评价 of one unit's answer; 不满意 sends the proposal back to that unit.
    Evaluate {
        unit: String,
        satisfaction: Satisfaction,
        note: String,
        on: String,
    },
    /// 办结.
    Close { note: String, on: String },
    /// 不予立案, with the reason.
    Decline { reason: String, on: String },
    /// 催办 a unit that has not answered.
    Chase {
        unit: String,
        note: String,
        on: String,
    },
    /// 备注.
    Note { note: String, on: String },
}

/// Which step a [`ProposalAction`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ProposalActionKind {
    Discuss,
    Submit,
    Refer,
    Answer,
    Evaluate,
    Close,
    Decline,
    Chase,
    Note,
}

impl ProposalActionKind {
    pub const ALL: [ProposalActionKind; 9] = [
        ProposalActionKind::Discuss,
        ProposalActionKind::Submit,
        ProposalActionKind::Refer,
        ProposalActionKind::Answer,
        ProposalActionKind::Evaluate,
        ProposalActionKind::Close,
        ProposalActionKind::Decline,
        ProposalActionKind::Chase,
        ProposalActionKind::Note,
    ];

    pub fn label(self) -> &'static str {
        self.event_kind().label()
    }

    pub fn event_kind(self) -> ProposalEventKind {
        match self {
            ProposalActionKind::Discuss => ProposalEventKind::Discuss,
            ProposalActionKind::Submit => ProposalEventKind::Submit,
            ProposalActionKind::Refer => ProposalEventKind::Refer,
            ProposalActionKind::Answer => ProposalEventKind::Answer,
            ProposalActionKind::Evaluate => ProposalEventKind::Evaluate,
            ProposalActionKind::Close => ProposalEventKind::Close,
            ProposalActionKind::Decline => ProposalEventKind::Decline,
            ProposalActionKind::Chase => ProposalEventKind::Chase,
            ProposalActionKind::Note => ProposalEventKind::Note,
        }
    }

    /// Staff's steps (the Organization Department's): they need `Supervise`. The others are the
    /// delegation's (`HandleItems`).
    pub fn needs_supervise(self) -> bool {
        matches!(
            self,
            ProposalActionKind::Refer
                | ProposalActionKind::Answer
                | ProposalActionKind::Close
                | ProposalActionKind::Decline
                | ProposalActionKind::Chase
        )
    }
}

impl ProposalAction {
    pub fn kind(&self) -> ProposalActionKind {
        match self {
            ProposalAction::Discuss { .. } => ProposalActionKind::Discuss,
            ProposalAction::Submit { .. } => ProposalActionKind::Submit,
            ProposalAction::Refer { .. } => ProposalActionKind::Refer,
            ProposalAction::Answer { .. } => ProposalActionKind::Answer,
            ProposalAction::Evaluate { .. } => ProposalActionKind::Evaluate,
            ProposalAction::Close { .. } => ProposalActionKind::Close,
            ProposalAction::Decline { .. } => ProposalActionKind::Decline,
            ProposalAction::Chase { .. } => ProposalActionKind::Chase,
            ProposalAction::Note { .. } => ProposalActionKind::Note,
        }
    }

    pub fn on(&self) -> &str {
        match self {
            ProposalAction::Discuss { on, .. }
            | ProposalAction::Submit { on }
            | ProposalAction::Refer { on, .. }
            | ProposalAction::Answer { on, .. }
            | ProposalAction::Evaluate { on, .. }
            | ProposalAction::Close { on, .. }
            | ProposalAction::Decline { on, .. }
            | ProposalAction::Chase { on, .. }
            | ProposalAction::Note { on, .. } => on,
        }
    }
}

/// The kind of a timeline entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ProposalEventKind {
    Drafted,
    Edited,
    Discuss,
    Submit,
    Refer,
    Answer,
    Evaluate,
    /// 不满意: sent back to the unit.
    SentBack,
    Close,
    Decline,
    Chase,
    Note,
}

impl ProposalEventKind {
    pub const ALL: [ProposalEventKind; 12] = [
        ProposalEventKind::Drafted,
        ProposalEventKind::Edited,
        ProposalEventKind::Discuss,
        ProposalEventKind::Submit,
        ProposalEventKind::Refer,
        ProposalEventKind::Answer,
        ProposalEventKind::Evaluate,
        ProposalEventKind::SentBack,
        ProposalEventKind::Close,
        ProposalEventKind::Decline,
        ProposalEventKind::Chase,
        ProposalEventKind::Note,
    ];

    pub fn label(self) -> &'static str {
        match self {
            ProposalEventKind::Drafted => "起草",
            ProposalEventKind::Edited => "修改",
            ProposalEventKind::Discuss => "团内讨论",
            ProposalEventKind::Submit => "提交组织部",
            ProposalEventKind::Refer => "交办",
            ProposalEventKind::Answer => "单位答复",
            ProposalEventKind::Evaluate => "评价",
            ProposalEventKind::SentBack => "退回重办",
            ProposalEventKind::Close => "办结",
            ProposalEventKind::Decline => "不予立案",
            ProposalEventKind::Chase => "催办",
            ProposalEventKind::Note => "备注",
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            ProposalEventKind::Drafted => "drafted",
            ProposalEventKind::Edited => "edited",
            ProposalEventKind::Discuss => "discuss",
            ProposalEventKind::Submit => "submit",
            ProposalEventKind::Refer => "refer",
            ProposalEventKind::Answer => "answer",
            ProposalEventKind::Evaluate => "evaluate",
            ProposalEventKind::SentBack => "sent_back",
            ProposalEventKind::Close => "close",
            ProposalEventKind::Decline => "decline",
            ProposalEventKind::Chase => "chase",
            ProposalEventKind::Note => "note",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.as_str() == s)
    }
}

/// One timeline entry. Never changed once written.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ProposalEvent {
    pub id: String,
    pub proposal_id: String,
    /// UTC, RFC 3339.
    pub at: String,
    /// The day it happened.
    pub on: String,
    pub actor: String,
    pub actor_role: Role,
    pub kind: ProposalEventKind,
    /// The status after this step.
    pub status: ProposalStatus,
    pub text: String,
    #[ts(type = "JsonValue")]
    pub data: serde_json::Value,
}

/// The detail page: the proposal, its timeline (oldest first) and the steps the actor may take
/// now (asked of [`flow::allowed`] and the actor's permissions).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ProposalDetail {
    pub proposal: Proposal,
    pub timeline: Vec<ProposalEvent>,
    pub allowed: Vec<ProposalActionKind>,
}

/// One row of the list.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ProposalListItem {
    pub id: String,
    pub no: String,
    pub status: ProposalStatus,
    pub title: String,
    pub delegation_id: String,
    pub delegation_name: String,
    pub drafted_on: String,
    /// The units' names, joined with `、`.
    pub units: String,
    /// Units answered / referred.
    pub answered: u32,
    pub referred: u32,
    pub item_count: u32,
    pub deadline: ItemDeadlineState,
    pub due_on: Option<String>,
    pub chase_count: u32,
}

/// 督办 views of the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ProposalView {
    Open,
    DueSoon,
    Overdue,
}

/// Search and filters of the list. Empty / `None` fields do not filter.
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct ProposalQuery {
    /// Words in the number, title, problem, suggestion or a unit's name (all must occur).
    pub q: String,
    pub status: Option<ProposalStatus>,
    pub delegation_id: Option<String>,
    pub view: Option<ProposalView>,
    /// Drafted from / to (inclusive).
    pub from: Option<String>,
    pub to: Option<String>,
    pub page: PageRequest,
}

/// Figures for 工作台, as of one day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, TS)]
pub struct ProposalCounts {
    pub open: u64,
    /// Referred and waiting for an answer.
    pub referred: u64,
    pub due_soon: u64,
    pub overdue: u64,
    pub closed_this_year: u64,
}

/// A proposal as a linked item's page or an activity shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ProposalRef {
    pub id: String,
    pub no: String,
    pub title: String,
    pub status: ProposalStatus,
}
