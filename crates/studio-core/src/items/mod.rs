//! The item ledger (意见建议台账): every opinion, request or complaint raised with the studio is
//! received, owned by its first responder (首问责任), handled on a working-day deadline (限时办结),
//! answered, fed back to the person, followed up (回访) and closed (件件有答复，事事有回音).
//!
//! Status flow (see [`flow`], pure): 受理 `received` → 交办 `assigned` → 办理中 `in_progress` →
//! 已答复 `answered` → 已反馈 `fed_back` → 办结 `closed`, and 不予受理 `declined` (with a reason).
//! 交办 is optional: an item may go straight from 受理 to 办理中 or 已答复. Closing is the follow-up:
//! 回访 with 满意 / 基本满意 closes a fed-back item, 不满意 reopens it (办理中, a fresh deadline).
//! 待补充 (waiting for the person) is not a status but a pause of the clock on an open item.
//!
//! Deadline (see [`deadline`], pure): `due_on` = `received_on` + the category's working days (set in
//! 设置, [`ItemDeadlines`]) + every extension's days + the working days spent paused. While paused an
//! item is never overdue. A reopened item counts again from the reopening day.
//!
//! The timeline (`item_events`) is append-only: SQLite triggers refuse UPDATE and DELETE; a correction
//! is a new `note` entry. Every write goes through the write gate ([`crate::Store::write`]) and leaves
//! one change record per changed row (entity `item`, the whole row, with the version it was based
//! on); edits and steps name the version the caller read, and a stale one is refused.
//!
//! Every function takes the request context ([`crate::Ctx`]): who acts, and "today" (deadlines,
//! overdue states and a step's default day are computed from `ctx.today`).

pub mod deadline;
pub mod flow;
pub(crate) mod limits;
mod queries;
mod service;
mod similar;
pub(crate) mod validate;

pub use limits::{deadlines, save_deadlines};
pub use queries::*;
pub use service::{
    act, create_from_card, create_item, link_card, recompute_item_due_dates, route_item,
    update_item,
};
pub(crate) use service::{
    create_visitor_item_in, reachable_item, recompute_item_due_dates_with_progress_in, row_value,
    VisitorItem,
};
pub use similar::similar_items;

/// A stored item as a reader sees it on `today` (deadline state, days left, the card's filing
/// deadline filled in), for reads outside this module (`personal_data`).
pub(crate) fn present_stored(
    conn: &rusqlite::Connection,
    s: crate::storage::items::StoredItem,
    today: chrono::NaiveDate,
) -> crate::error::Result<Item> {
    let cal = service::calendar_in(conn)?;
    service::present(conn, &cal, s, today)
}

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::actor::Role;
use crate::page::PageRequest;

/// 问题类别: the six kinds of item of DOMAIN.md (二、1. 接待).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ItemCategory {
    /// 政策咨询
    PolicyInquiry,
    /// 贯彻落实反映
    Implementation,
    /// 党建意见建议
    PartyBuilding,
    /// 重大民意反映
    PublicOpinion,
    /// 民主权利受侵害
    Rights,
    /// 困难帮扶请求
    Hardship,
}

impl ItemCategory {
    pub const ALL: [ItemCategory; 6] = [
        ItemCategory::PolicyInquiry,
        ItemCategory::Implementation,
        ItemCategory::PartyBuilding,
        ItemCategory::PublicOpinion,
        ItemCategory::Rights,
        ItemCategory::Hardship,
    ];

    pub fn label(self) -> &'static str {
        match self {
            ItemCategory::PolicyInquiry => "政策咨询",
            ItemCategory::Implementation => "贯彻落实反映",
            ItemCategory::PartyBuilding => "党建意见建议",
            ItemCategory::PublicOpinion => "重大民意反映",
            ItemCategory::Rights => "民主权利受侵害",
            ItemCategory::Hardship => "困难帮扶请求",
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            ItemCategory::PolicyInquiry => "policy_inquiry",
            ItemCategory::Implementation => "implementation",
            ItemCategory::PartyBuilding => "party_building",
            ItemCategory::PublicOpinion => "public_opinion",
            ItemCategory::Rights => "rights",
            ItemCategory::Hardship => "hardship",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.as_str() == s)
    }
}

/// Where the item stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ItemStatus {
    /// 受理
    Received,
    /// 交办 (referred to a university unit)
    Assigned,
    /// 办理中
    InProgress,
    /// 已答复 (an answer is recorded)
    Answered,
    /// 已反馈 (the answer was fed back to the person)
    FedBack,
    /// 办结 (followed up and closed)
    Closed,
    /// 不予受理 (with a reason)
    Declined,
}

impl ItemStatus {
    pub const ALL: [ItemStatus; 7] = [
        ItemStatus::Received,
        ItemStatus::Assigned,
        ItemStatus::InProgress,
        ItemStatus::Answered,
        ItemStatus::FedBack,
        ItemStatus::Closed,
        ItemStatus::Declined,
    ];

    pub fn label(self) -> &'static str {
        match self {
            ItemStatus::Received => "受理",
            ItemStatus::Assigned => "交办",
            ItemStatus::InProgress => "办理中",
            ItemStatus::Answered => "已答复",
            ItemStatus::FedBack => "已反馈",
            ItemStatus::Closed => "办结",
            ItemStatus::Declined => "不予受理",
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            ItemStatus::Received => "received",
            ItemStatus::Assigned => "assigned",
            ItemStatus::InProgress => "in_progress",
            ItemStatus::Answered => "answered",
            ItemStatus::FedBack => "fed_back",
            ItemStatus::Closed => "closed",
            ItemStatus::Declined => "declined",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.as_str() == s)
    }

    /// Still being handled: the deadline runs (unless paused) and it can be overdue. An answered
    /// item waits for feedback, which is the studio's to do, so its deadline still counts.
    pub fn is_open(self) -> bool {
        !matches!(self, ItemStatus::Closed | ItemStatus::Declined)
    }

    /// The clock is measured until the answer: an answered / fed-back / closed item is no longer
    /// overdue even when its due date has passed.
    pub fn before_answer(self) -> bool {
        matches!(
            self,
            ItemStatus::Received | ItemStatus::Assigned | ItemStatus::InProgress
        )
    }
}

/// 来源: how the item reached the studio.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ItemSource {
    /// 记录卡 (a contact record card with an opinion)
    Card,
    /// 自助终端 (the kiosk in the studio)
    Kiosk,
    /// 网上工作室
    Online,
    /// 专线电话
    Hotline,
    /// 约见
    Appointment,
    /// 走访调研
    Survey,
}

impl ItemSource {
    pub const ALL: [ItemSource; 6] = [
        ItemSource::Card,
        ItemSource::Kiosk,
        ItemSource::Online,
        ItemSource::Hotline,
        ItemSource::Appointment,
        ItemSource::Survey,
    ];

    pub fn label(self) -> &'static str {
        match self {
            ItemSource::Card => "记录卡",
            ItemSource::Kiosk => "自助终端",
            ItemSource::Online => "网上工作室",
            ItemSource::Hotline => "专线电话",
            ItemSource::Appointment => "约见",
            ItemSource::Survey => "走访调研",
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            ItemSource::Card => "card",
            ItemSource::Kiosk => "kiosk",
            ItemSource::Online => "online",
            ItemSource::Hotline => "hotline",
            ItemSource::Appointment => "appointment",
            ItemSource::Survey => "survey",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.as_str() == s)
    }
}

/// 回访满意度.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Satisfaction {
    /// 满意
    Satisfied,
    /// 基本满意
    Basic,
    /// 不满意 (reopens the item)
    Dissatisfied,
}

impl Satisfaction {
    pub const ALL: [Satisfaction; 3] = [
        Satisfaction::Satisfied,
        Satisfaction::Basic,
        Satisfaction::Dissatisfied,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Satisfaction::Satisfied => "满意",
            Satisfaction::Basic => "基本满意",
            Satisfaction::Dissatisfied => "不满意",
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Satisfaction::Satisfied => "satisfied",
            Satisfaction::Basic => "basic",
            Satisfaction::Dissatisfied => "dissatisfied",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.as_str() == s)
    }
}

/// Where an item stands against its deadline, as of the day it was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ItemDeadlineState {
    /// Before the answer, more than 3 working days left.
    OnTrack,
    /// Before the answer, at most 3 working days left (due today counts).
    DueSoon,
    /// Before the answer and past its due date.
    Overdue,
    /// 待补充: the clock is stopped.
    Paused,
    /// Answered (or later) on or before the due date.
    Met,
    /// Answered (or later) after the due date.
    Late,
    /// 不予受理: no deadline.
    None,
}

impl ItemDeadlineState {
    pub const ALL: [ItemDeadlineState; 7] = [
        ItemDeadlineState::OnTrack,
        ItemDeadlineState::DueSoon,
        ItemDeadlineState::Overdue,
        ItemDeadlineState::Paused,
        ItemDeadlineState::Met,
        ItemDeadlineState::Late,
        ItemDeadlineState::None,
    ];

    /// As exports show it (empty for a declined item, which has no deadline).
    pub fn label(self) -> &'static str {
        match self {
            ItemDeadlineState::OnTrack => "正常",
            ItemDeadlineState::DueSoon => "即将到期",
            ItemDeadlineState::Overdue => "已逾期",
            ItemDeadlineState::Paused => "待补充",
            ItemDeadlineState::Met => "按期答复",
            ItemDeadlineState::Late => "逾期答复",
            ItemDeadlineState::None => "",
        }
    }
}

/// A delegate handling an item (承办党代表), as the roster had it when assigned.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ItemDelegate {
    pub delegate_id: String,
    pub name: String,
    pub delegation_id: String,
    pub delegation_name: String,
    /// The delegation head notified of the item (empty when the delegation has none).
    pub head_name: String,
}

/// 交办: the item referred to a university unit with the unit's own deadline and its answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Referral {
    /// 承办单位, e.g. 后勤管理处.
    pub unit: String,
    pub referred_on: String,
    /// The unit's deadline (`YYYY-MM-DD`).
    pub due_on: String,
    /// The unit's answer (empty until it arrives).
    pub answer: String,
    pub answered_on: Option<String>,
}

/// One item, in full (personal data unmasked: readers need `ReadPersonalData`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Item {
    pub id: String,
    /// 编号, `YYYY-NNNN` by year of receipt, given when the item is received.
    pub no: String,
    pub category: ItemCategory,
    pub status: ItemStatus,
    pub source: ItemSource,
    /// 标题 (short).
    pub title: String,
    /// 内容: the full text as the person raised it.
    pub content: String,
    /// The person who raised it (personal data).
    pub person_name: String,
    pub person_phone: String,
    /// Address or e-mail.
    pub person_contact: String,
    /// Whether the person agreed to the handling of their personal data (个人信息保护法);
    /// `None`: not asked (items received before consent was recorded).
    #[serde(default)]
    pub person_consent: Option<bool>,
    /// 有事找代表: the person allowed the answer to be published without their name (the online
    /// studio's 代表回复). `false` for every other item.
    #[serde(default)]
    pub publish_ok: bool,
    /// 有事找代表: the delegate the person chose, as a wish; staff route the item
    /// ([`route_item`]), which may or may not follow it.
    #[serde(default)]
    pub requested_delegate_id: Option<String>,
    /// The record card it came from or is linked to.
    pub card_id: Option<String>,
    /// 首问责任人: who received it; follows it and answers for it.
    pub first_responder: String,
    /// 承办党代表.
    pub delegates: Vec<ItemDelegate>,
    pub referral: Option<Referral>,
    /// 受理日期.
    pub received_on: String,
    /// 限时办结 working days of the category when received (or reopened).
    pub limit_days: u32,
    /// Sum of granted extensions, in working days.
    pub extension_days: u32,
    /// Working days spent paused (closed pauses only).
    pub paused_days: u32,
    /// 待补充 since this day (the clock is stopped); `None` when running.
    pub paused_since: Option<String>,
    /// 办结期限: received (or reopened) + limit + extensions + paused days.
    pub due_on: Option<String>,
    /// 答复 (the answer to the person's item).
    pub answer: String,
    pub answered_on: Option<String>,
    /// 反馈: how and what was fed back to the person.
    pub feedback: String,
    pub fed_back_on: Option<String>,
    /// 回访.
    pub satisfaction: Option<Satisfaction>,
    pub follow_up_note: String,
    pub closed_on: Option<String>,
    /// 不予受理的理由.
    pub decline_reason: String,
    /// Escalated to the Organization Department (上报组织部).
    pub escalated: bool,
    /// How many times it was chased (催办).
    pub chase_count: u32,
    /// As of the day it was read.
    pub deadline: ItemDeadlineState,
    /// Working days left to `due_on` (negative: overdue), as of the day read; `None` when no
    /// deadline runs (paused, answered, declined).
    pub days_left: Option<i64>,
    /// When fed back and no card is filed yet: the card's 3-working-day filing deadline.
    pub card_filing_due_on: Option<String>,
    pub created_at: String,
    pub updated_at: String,
    pub version: i64,
}

/// What the item form sends to create an item or edit an open one.
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct ItemInput {
    pub category: Option<ItemCategory>,
    pub source: Option<ItemSource>,
    pub title: String,
    pub content: String,
    pub person_name: String,
    pub person_phone: String,
    pub person_contact: String,
    /// Whether the person agreed to the handling of their data; `None`: not asked.
    #[ts(optional = nullable)]
    pub person_consent: Option<bool>,
    /// Empty: the operator.
    pub first_responder: String,
    pub delegate_ids: Vec<String>,
    /// `YYYY-MM-DD`; empty: today.
    pub received_on: String,
    /// Link to a record card (source `card`).
    pub card_id: Option<String>,
}

/// A step on an item. Each is checked against the status flow ([`flow::next_status`]) and recorded
/// on the timeline. `on` is the day it happened (`YYYY-MM-DD`; empty means today; not before the
/// item was received, not in the future): steps done on paper are entered afterwards with their
/// real date. Other dates are `YYYY-MM-DD` too.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ItemAction {
    /// 交办: refer to a university unit with the unit's deadline (`YYYY-MM-DD`, required).
    Refer {
        unit: String,
        due_on: String,
        note: String,
        on: String,
    },
    /// The unit's answer to a referral (does not change the status).
    ReferralAnswer { answer: String, on: String },
    /// 开始办理.
    Start { note: String, on: String },
    /// 答复: the answer to the item.
    Answer { answer: String, on: String },
    /// 反馈: the answer fed back to the person (how, and what they said).
    Feedback { feedback: String, on: String },
    /// 回访: 满意 / 基本满意 close the item, 不满意 reopens it.
    FollowUp {
        satisfaction: Satisfaction,
        note: String,
        on: String,
    },
    /// 不予受理, with the reason.
    Decline { reason: String, on: String },
    /// 待补充: waiting for the person; stops the clock.
    Pause { note: String, on: String },
    /// The person supplied what was missing; the clock runs again and the due date moves.
    Resume { note: String, on: String },
    /// 延期: more working days, with the reason (who granted it is the actor).
    Extend {
        days: u32,
        reason: String,
        on: String,
    },
    /// 催办: a chase, recorded.
    Chase { note: String, on: String },
    /// 上报组织部: escalation to the Organization Department.
    Escalate { note: String, on: String },
    /// 备注 / 更正: a note on the timeline (a correction is a new entry, never an edit).
    Note { note: String, on: String },
}

/// Which step an [`ItemAction`] is: its `kind` tag, as a value of its own (rules, buttons).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ItemActionKind {
    Refer,
    ReferralAnswer,
    Start,
    Answer,
    Feedback,
    FollowUp,
    Decline,
    Pause,
    Resume,
    Extend,
    Chase,
    Escalate,
    Note,
}

impl ItemActionKind {
    /// In the order a page offers them: the flow's steps first (恢复办理 leads: while an item is
    /// paused it is what comes next), then 延期, 催办, 上报组织部 and 备注.
    pub const ALL: [ItemActionKind; 13] = [
        ItemActionKind::Resume,
        ItemActionKind::Refer,
        ItemActionKind::ReferralAnswer,
        ItemActionKind::Start,
        ItemActionKind::Answer,
        ItemActionKind::Feedback,
        ItemActionKind::FollowUp,
        ItemActionKind::Pause,
        ItemActionKind::Decline,
        ItemActionKind::Extend,
        ItemActionKind::Chase,
        ItemActionKind::Escalate,
        ItemActionKind::Note,
    ];

    /// The step's name (交办, 答复, …): its timeline entry's label.
    pub fn label(self) -> &'static str {
        self.event_kind().label()
    }

    /// The timeline kind this step records.
    pub fn event_kind(self) -> ItemEventKind {
        match self {
            ItemActionKind::Refer => ItemEventKind::Refer,
            ItemActionKind::ReferralAnswer => ItemEventKind::ReferralAnswer,
            ItemActionKind::Start => ItemEventKind::Start,
            ItemActionKind::Answer => ItemEventKind::Answer,
            ItemActionKind::Feedback => ItemEventKind::Feedback,
            ItemActionKind::FollowUp => ItemEventKind::FollowUp,
            ItemActionKind::Decline => ItemEventKind::Decline,
            ItemActionKind::Pause => ItemEventKind::Pause,
            ItemActionKind::Resume => ItemEventKind::Resume,
            ItemActionKind::Extend => ItemEventKind::Extend,
            ItemActionKind::Chase => ItemEventKind::Chase,
            ItemActionKind::Escalate => ItemEventKind::Escalate,
            ItemActionKind::Note => ItemEventKind::Note,
        }
    }
}

impl ItemAction {
    pub fn kind(&self) -> ItemActionKind {
        match self {
            ItemAction::Refer { .. } => ItemActionKind::Refer,
            ItemAction::ReferralAnswer { .. } => ItemActionKind::ReferralAnswer,
            ItemAction::Start { .. } => ItemActionKind::Start,
            ItemAction::Answer { .. } => ItemActionKind::Answer,
            ItemAction::Feedback { .. } => ItemActionKind::Feedback,
            ItemAction::FollowUp { .. } => ItemActionKind::FollowUp,
            ItemAction::Decline { .. } => ItemActionKind::Decline,
            ItemAction::Pause { .. } => ItemActionKind::Pause,
            ItemAction::Resume { .. } => ItemActionKind::Resume,
            ItemAction::Extend { .. } => ItemActionKind::Extend,
            ItemAction::Chase { .. } => ItemActionKind::Chase,
            ItemAction::Escalate { .. } => ItemActionKind::Escalate,
            ItemAction::Note { .. } => ItemActionKind::Note,
        }
    }
}

/// The kind of a timeline entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ItemEventKind {
    Received,
    /// 分派: a message from the kiosk or the online studio given its delegates.
    Routed,
    Edited,
    CardLinked,
    Notified,
    Refer,
    ReferralAnswer,
    Start,
    Answer,
    Feedback,
    FollowUp,
    Reopened,
    Decline,
    Pause,
    Resume,
    Extend,
    Chase,
    Escalate,
    Note,
    /// 纳入提议: the item went into a proposal (`data.proposal_id`, `data.proposal_no`).
    ProposalLinked,
    /// 移出提议: taken out of a proposal's draft.
    ProposalUnlinked,
    /// 代表回复: staff saved the public question and answer without publishing.
    PublicSaved,
    /// 代表回复: published (or its published texts changed).
    Published,
    /// 代表回复: withdrawn from the public page.
    Unpublished,
}

impl ItemEventKind {
    pub const ALL: [ItemEventKind; 24] = [
        ItemEventKind::Received,
        ItemEventKind::Routed,
        ItemEventKind::Edited,
        ItemEventKind::CardLinked,
        ItemEventKind::Notified,
        ItemEventKind::Refer,
        ItemEventKind::ReferralAnswer,
        ItemEventKind::Start,
        ItemEventKind::Answer,
        ItemEventKind::Feedback,
        ItemEventKind::FollowUp,
        ItemEventKind::Reopened,
        ItemEventKind::Decline,
        ItemEventKind::Pause,
        ItemEventKind::Resume,
        ItemEventKind::Extend,
        ItemEventKind::Chase,
        ItemEventKind::Escalate,
        ItemEventKind::Note,
        ItemEventKind::ProposalLinked,
        ItemEventKind::ProposalUnlinked,
        ItemEventKind::PublicSaved,
        ItemEventKind::Published,
        ItemEventKind::Unpublished,
    ];

    pub fn label(self) -> &'static str {
        match self {
            ItemEventKind::Received => "受理",
            ItemEventKind::Routed => "分派",
            ItemEventKind::Edited => "修改",
            ItemEventKind::CardLinked => "关联记录卡",
            ItemEventKind::Notified => "通知团长",
            ItemEventKind::Refer => "交办",
            ItemEventKind::ReferralAnswer => "承办单位答复",
            ItemEventKind::Start => "开始办理",
            ItemEventKind::Answer => "答复",
            ItemEventKind::Feedback => "反馈",
            ItemEventKind::FollowUp => "回访",
            ItemEventKind::Reopened => "重新办理",
            ItemEventKind::Decline => "不予受理",
            ItemEventKind::Pause => "待补充",
            ItemEventKind::Resume => "恢复办理",
            ItemEventKind::Extend => "延期",
            ItemEventKind::Chase => "催办",
            ItemEventKind::Escalate => "上报组织部",
            ItemEventKind::Note => "备注",
            ItemEventKind::ProposalLinked => "纳入提议",
            ItemEventKind::ProposalUnlinked => "移出提议",
            ItemEventKind::PublicSaved => "整理公开答复",
            ItemEventKind::Published => "发布到代表回复",
            ItemEventKind::Unpublished => "撤回代表回复",
        }
    }
}

/// One timeline entry: who, when, what. Never changed once written.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ItemEvent {
    pub id: String,
    pub item_id: String,
    /// UTC, RFC 3339.
    pub at: String,
    /// The day it happened (`YYYY-MM-DD`; may be earlier than `at` when entered afterwards).
    pub on: String,
    pub actor: String,
    pub actor_role: Role,
    pub kind: ItemEventKind,
    /// The status after this step.
    pub status: ItemStatus,
    /// The text of the step: the answer, the reason, the note…
    pub text: String,
    /// Details: e.g. `{"unit": …, "due_on": …}`, `{"days": 5}`, `{"satisfaction": "basic"}`,
    /// `{"due_on_before": …, "due_on_after": …}`.
    #[ts(type = "JsonValue")]
    pub data: serde_json::Value,
}

/// One row of the ledger list. The phone is masked.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ItemListItem {
    pub id: String,
    pub no: String,
    pub category: ItemCategory,
    pub status: ItemStatus,
    pub source: ItemSource,
    pub title: String,
    pub person_name: String,
    pub person_phone_masked: String,
    pub first_responder: String,
    /// The handling delegates' names, joined with `、`.
    pub delegate_names: String,
    pub referral_unit: String,
    pub received_on: String,
    pub due_on: Option<String>,
    pub paused_since: Option<String>,
    pub deadline: ItemDeadlineState,
    pub days_left: Option<i64>,
    pub escalated: bool,
    pub chase_count: u32,
    pub updated_at: String,
}

/// 督办 views and quick filters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ItemView {
    /// Not closed or declined.
    Open,
    /// Before the answer, running, at most 3 working days left.
    DueSoon,
    /// Before the answer, running, past the due date.
    Overdue,
    /// Paused for at least `long_pause_days` working days (设置).
    LongPaused,
    /// Paused at all.
    Paused,
    /// Escalated and still open.
    Escalated,
    /// 单位逾期: referred to a unit whose own deadline has passed without its answer, the item not
    /// yet answered.
    UnitOverdue,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ItemSort {
    /// Newest received first.
    #[default]
    ReceivedDesc,
    ReceivedAsc,
    /// Earliest due first (no due date last).
    DueAsc,
    UpdatedDesc,
}

/// Search and filters of the ledger. Empty / `None` fields do not filter.
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct ItemQuery {
    /// Words (2+ characters each match anywhere) in the title, text, answers and feedback, the
    /// person's name or the number; several words separated by spaces must all occur. A single
    /// character matches the title, the person's name or the number only. A visitor's query code
    /// (查询码, `K7QM-3XPA`, any case, with or without the dash) finds the item it was given for.
    pub q: String,
    pub status: Option<ItemStatus>,
    pub category: Option<ItemCategory>,
    pub source: Option<ItemSource>,
    pub delegate_id: Option<String>,
    pub delegation_id: Option<String>,
    /// The referral unit contains this text.
    pub unit: String,
    pub view: Option<ItemView>,
    /// 待分派: from the kiosk or the online studio, no delegate yet, before the answer. Optional for
    /// the UI (absent is `false`).
    #[ts(optional = nullable)]
    pub unrouted: bool,
    /// Received from / to (inclusive), `YYYY-MM-DD`.
    pub from: Option<String>,
    pub to: Option<String>,
    /// Closed from / to (inclusive): 工作台's 本月办结.
    pub closed_from: Option<String>,
    pub closed_to: Option<String>,
    pub sort: ItemSort,
    pub page: PageRequest,
}

/// Ledger figures for 工作台 and the 督办 tabs, as of one day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, TS)]
pub struct ItemCounts {
    pub open: u64,
    pub due_soon: u64,
    pub overdue: u64,
    pub paused: u64,
    pub long_paused: u64,
    pub escalated: u64,
    /// 单位逾期 (see [`ItemView::UnitOverdue`]).
    pub unit_overdue: u64,
    pub received_this_month: u64,
    pub closed_this_month: u64,
    /// 待分派 (see [`ItemQuery::unrouted`]).
    pub unrouted: u64,
}

/// 限时办结 per category in working days, and when a pause counts as long (设置 → 办理时限).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct ItemDeadlines {
    pub policy_inquiry: u32,
    pub implementation: u32,
    pub party_building: u32,
    pub public_opinion: u32,
    pub rights: u32,
    pub hardship: u32,
    /// A pause of at least this many working days shows in 督办 → 长期待补充.
    pub long_pause_days: u32,
    /// The version of these settings (0 until first saved): a save names the version it was based
    /// on, and a stale one is refused.
    pub version: i64,
}

impl Default for ItemDeadlines {
    /// A question on policy is answered within a week; a case of infringed rights, hardship or
    /// major public opinion within two; implementation and party-building suggestions usually need a
    /// unit's work, three.
    fn default() -> Self {
        ItemDeadlines {
            policy_inquiry: 5,
            implementation: 15,
            party_building: 15,
            public_opinion: 10,
            rights: 10,
            hardship: 10,
            long_pause_days: 10,
            version: 0,
        }
    }
}

impl ItemDeadlines {
    pub fn for_category(&self, c: ItemCategory) -> u32 {
        match c {
            ItemCategory::PolicyInquiry => self.policy_inquiry,
            ItemCategory::Implementation => self.implementation,
            ItemCategory::PartyBuilding => self.party_building,
            ItemCategory::PublicOpinion => self.public_opinion,
            ItemCategory::Rights => self.rights,
            ItemCategory::Hardship => self.hardship,
        }
    }
}

/// An earlier item like the one being entered (recurring problems are how proposals start).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct SimilarItem {
    pub id: String,
    pub no: String,
    pub title: String,
    pub category: ItemCategory,
    pub status: ItemStatus,
    pub received_on: String,
    /// The first characters of the text.
    pub excerpt: String,
}

/// The detail page: the item, its timeline (oldest first) and the linked card's state.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ItemDetail {
    pub item: Item,
    pub timeline: Vec<ItemEvent>,
    /// The linked card's status (`None` when no card is linked).
    pub card_status: Option<crate::cards::CardStatus>,
}
