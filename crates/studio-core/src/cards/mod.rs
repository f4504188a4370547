//! Contact record cards (党代表联系党员和群众工作记录卡, 记录卡): one card per contact between a
//! delegate and a party member or member of the public, mirroring the paper card field by field
//! (DOMAIN.md, "The contact record card").
//!
//! Lifecycle: 草稿 (draft) → 已提交 (submitted: handed to the studio). A card is due at the studio
//! 3 working days after the result was fed back to the person ([`deadline`]). A submitted card is
//! frozen: a correction is an amendment ([`amend_card`]) that keeps the original values in
//! `card_amendments` and the audit log. A draft may be discarded (soft delete); a submitted card
//! never.
//!
//! The delegate's name, delegation, unit and position and phone are a snapshot taken from the roster
//! when the card is created, when its delegate is changed, or when a draft is saved with
//! [`CardInput::refresh_snapshot`]: a card records what was true that day.
//!
//! `due_on` is computed when a card is written and stored (lists filter on it). A later change of the
//! working-day calendar does not move stored due dates by itself: [`recompute_due_dates`] does, and
//! `calendar::set_override` / `remove_override` call it in their own transaction.

pub mod deadline;
mod service;
pub(crate) mod validate;

pub use deadline::DeadlineState;
pub use service::*;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::page::PageRequest;
use crate::roster::Gender;

/// 政治面貌, the fixed list printed on the card.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum PoliticalStatus {
    /// 中共党员
    PartyMember,
    /// 中共预备党员
    ProbationaryMember,
    /// 共青团员
    LeagueMember,
    /// 民主党派成员
    DemocraticParty,
    /// 无党派人士
    Independent,
    /// 群众
    Masses,
}

impl PoliticalStatus {
    pub const ALL: [PoliticalStatus; 6] = [
        PoliticalStatus::PartyMember,
        PoliticalStatus::ProbationaryMember,
        PoliticalStatus::LeagueMember,
        PoliticalStatus::DemocraticParty,
        PoliticalStatus::Independent,
        PoliticalStatus::Masses,
    ];

    pub fn label(self) -> &'static str {
        match self {
            PoliticalStatus::PartyMember => "中共党员",
            PoliticalStatus::ProbationaryMember => "中共预备党员",
            PoliticalStatus::LeagueMember => "共青团员",
            PoliticalStatus::DemocraticParty => "民主党派成员",
            PoliticalStatus::Independent => "无党派人士",
            PoliticalStatus::Masses => "群众",
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            PoliticalStatus::PartyMember => "party_member",
            PoliticalStatus::ProbationaryMember => "probationary_member",
            PoliticalStatus::LeagueMember => "league_member",
            PoliticalStatus::DemocraticParty => "democratic_party",
            PoliticalStatus::Independent => "independent",
            PoliticalStatus::Masses => "masses",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.as_str() == s)
    }
}

/// 联系形式: exactly one is ticked on the card.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    /// 党代表工作室
    Studio,
    /// 网上工作室
    Online,
    /// 约见
    Appointment,
    /// 走访慰问
    HomeVisit,
    /// 其他形式 (with a short text in `channel_other`)
    Other,
}

impl Channel {
    /// In the order printed on the card.
    pub const ALL: [Channel; 5] = [
        Channel::Studio,
        Channel::Online,
        Channel::Appointment,
        Channel::HomeVisit,
        Channel::Other,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Channel::Studio => "党代表工作室",
            Channel::Online => "网上工作室",
            Channel::Appointment => "约见",
            Channel::HomeVisit => "走访慰问",
            Channel::Other => "其他形式",
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Channel::Studio => "studio",
            Channel::Online => "online",
            Channel::Appointment => "appointment",
            Channel::HomeVisit => "home_visit",
            Channel::Other => "other",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.as_str() == s)
    }
}

/// 草稿 / 已提交.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum CardStatus {
    Draft,
    Submitted,
}

impl CardStatus {
    pub const ALL: [CardStatus; 2] = [CardStatus::Draft, CardStatus::Submitted];

    pub fn label(self) -> &'static str {
        match self {
            CardStatus::Draft => "草稿",
            CardStatus::Submitted => "已提交",
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            CardStatus::Draft => "draft",
            CardStatus::Submitted => "submitted",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "draft" => Some(CardStatus::Draft),
            "submitted" => Some(CardStatus::Submitted),
            _ => None,
        }
    }
}

/// One contact record card, in full (personal data unmasked: readers need `ReadPersonalData`).
/// Dates are `YYYY-MM-DD`; times UTC RFC 3339.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Card {
    pub id: String,
    /// 编号: the human number, `2026-0001` (the contact date's year when the card was created and a
    /// serial within it); never changes.
    pub no: String,
    pub delegate_id: String,
    /// The delegate's delegation when the snapshot was taken.
    pub delegation_id: String,
    /// Snapshot: 党代表姓名.
    pub delegate_name: String,
    /// Snapshot: 所在代表团.
    pub delegation_name: String,
    /// Snapshot: 工作单位及职务.
    pub delegate_unit_position: String,
    /// Snapshot: 联系电话 (mobile, else office phone).
    pub delegate_phone: String,
    /// 联系日期.
    pub contact_date: String,
    /// 联系对象: 姓名 (the main person when several came together).
    pub person_name: String,
    pub person_gender: Option<Gender>,
    pub person_age: Option<u32>,
    pub person_political_status: Option<PoliticalStatus>,
    /// 工作单位及职务.
    pub person_unit_position: String,
    /// 联系电话: a mobile number or a fixed line with its area code, or empty.
    pub person_phone: String,
    /// 详细通讯地址或 E-mail.
    pub person_address: String,
    /// Whether the person agreed to the handling of their personal data (个人信息保护法);
    /// `None`: not asked (cards written before consent was recorded).
    #[serde(default)]
    pub person_consent: Option<bool>,
    /// How many people came together (1 when one person).
    pub group_size: u32,
    pub channel: Channel,
    /// The form when `channel` is `other` (e.g. 电话联系); empty otherwise.
    pub channel_other: String,
    /// 党员和群众所提意见建议或问题.
    pub opinion: String,
    /// 党代表处理意见及办理情况.
    pub handling: String,
    /// When the result was fed back to the person.
    pub feedback_on: Option<String>,
    /// When the card was handed to the studio (set on submit).
    pub filed_on: Option<String>,
    pub status: CardStatus,
    /// `feedback_on` + 3 working days, as computed when last written.
    pub due_on: Option<String>,
    /// Submitted after `due_on`.
    pub filed_late: bool,
    pub amendment_count: u32,
    /// Where the card stands against its deadline, as of the day it was read.
    pub deadline: DeadlineState,
    pub created_at: String,
    pub updated_at: String,
    pub version: i64,
}

impl Card {
    /// The channel as printed in text: `其他形式（电话联系）` for `other`.
    pub fn channel_text(&self) -> String {
        match self.channel {
            Channel::Other if !self.channel_other.is_empty() => {
                format!("{}（{}）", self.channel.label(), self.channel_other)
            }
            c => c.label().to_string(),
        }
    }
}

/// What the card form sends to create a card, edit a draft or amend a submitted card. Dates are
/// `YYYY-MM-DD` text; an empty `feedback_on` means none yet.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct CardInput {
    pub delegate_id: String,
    /// Take the delegate's snapshot from the roster again although the delegate is unchanged
    /// (drafts only). The snapshot is always taken when a card is created or its delegate changes.
    pub refresh_snapshot: bool,
    pub contact_date: String,
    pub person_name: String,
    pub person_gender: Option<Gender>,
    pub person_age: Option<u32>,
    pub person_political_status: Option<PoliticalStatus>,
    pub person_unit_position: String,
    pub person_phone: String,
    pub person_address: String,
    /// Whether the person agreed to the handling of their data; `None`: not asked.
    #[ts(optional = nullable)]
    pub person_consent: Option<bool>,
    pub group_size: u32,
    pub channel: Option<Channel>,
    pub channel_other: String,
    pub opinion: String,
    pub handling: String,
    pub feedback_on: Option<String>,
}

impl Default for CardInput {
    fn default() -> Self {
        CardInput {
            delegate_id: String::new(),
            refresh_snapshot: false,
            contact_date: String::new(),
            person_name: String::new(),
            person_gender: None,
            person_age: None,
            person_political_status: None,
            person_unit_position: String::new(),
            person_phone: String::new(),
            person_address: String::new(),
            person_consent: None,
            group_size: 1,
            channel: None,
            channel_other: String::new(),
            opinion: String::new(),
            handling: String::new(),
            feedback_on: None,
        }
    }
}

impl From<&Card> for CardInput {
    /// The form pre-filled with a card's values (to edit a draft or start an amendment).
    fn from(c: &Card) -> Self {
        CardInput {
            delegate_id: c.delegate_id.clone(),
            refresh_snapshot: false,
            contact_date: c.contact_date.clone(),
            person_name: c.person_name.clone(),
            person_gender: c.person_gender,
            person_age: c.person_age,
            person_political_status: c.person_political_status,
            person_unit_position: c.person_unit_position.clone(),
            person_phone: c.person_phone.clone(),
            person_address: c.person_address.clone(),
            person_consent: c.person_consent,
            group_size: c.group_size,
            channel: Some(c.channel),
            channel_other: c.channel_other.clone(),
            opinion: c.opinion.clone(),
            handling: c.handling.clone(),
            feedback_on: c.feedback_on.clone(),
        }
    }
}

/// One row of the card list. The person's phone is masked: lists never show it in full.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct CardListItem {
    pub id: String,
    /// 编号 (`2026-0001`).
    pub no: String,
    pub delegate_id: String,
    pub delegate_name: String,
    pub delegation_id: String,
    pub delegation_name: String,
    pub contact_date: String,
    pub person_name: String,
    pub person_phone_masked: String,
    pub group_size: u32,
    pub channel: Channel,
    pub channel_other: String,
    /// The first characters of the opinion, for the list.
    pub opinion_excerpt: String,
    pub feedback_on: Option<String>,
    pub filed_on: Option<String>,
    pub status: CardStatus,
    pub due_on: Option<String>,
    pub deadline: DeadlineState,
    pub amendment_count: u32,
    pub updated_at: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum CardSort {
    /// Newest contact first.
    #[default]
    ContactDesc,
    ContactAsc,
    /// Earliest deadline first (cards without one last).
    DueAsc,
    UpdatedDesc,
}

/// Search and filters of the card list. Empty / `None` fields do not filter.
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct CardQuery {
    /// Words to find in the opinion, the handling, the person's or the delegate's name or the
    /// card's number (编号); several
    /// words separated by spaces must all occur. Words of 3+ characters use the full-text index.
    pub q: String,
    pub delegate_id: Option<String>,
    /// The delegation as recorded on the card (its snapshot).
    pub delegation_id: Option<String>,
    pub channel: Option<Channel>,
    /// Contact date from (inclusive), `YYYY-MM-DD`.
    pub from: Option<String>,
    /// Contact date to (inclusive), `YYYY-MM-DD`.
    pub to: Option<String>,
    /// Filed (handed to the studio) from (inclusive), `YYYY-MM-DD`: 工作台's 本月已报送.
    pub filed_from: Option<String>,
    /// Filed to (inclusive), `YYYY-MM-DD`.
    pub filed_to: Option<String>,
    pub status: Option<CardStatus>,
    /// Only cards past their deadline: filed late, or drafts overdue.
    pub late_only: bool,
    /// Only cards in this deadline state (as of today).
    pub deadline: Option<DeadlineState>,
    pub sort: CardSort,
    pub page: PageRequest,
}

/// A correction of a submitted card: what changed (only the changed fields), before and after.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct CardAmendment {
    pub id: String,
    pub card_id: String,
    /// UTC, RFC 3339.
    pub at: String,
    pub actor: String,
    pub actor_role: crate::actor::Role,
    /// 更正原因.
    pub reason: String,
    /// The changed fields' values before the correction (the first amendment's are the original).
    pub before: serde_json::Value,
    pub after: serde_json::Value,
}

/// Card figures for 工作台, as of one day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, TS)]
pub struct CardCounts {
    pub drafts: u64,
    /// Drafts with at most one working day left.
    pub due_soon: u64,
    /// Drafts past their deadline.
    pub overdue: u64,
    /// Cards of this calendar year filed after their deadline.
    pub filed_late_this_year: u64,
    /// Cards filed this calendar month.
    pub filed_this_month: u64,
}

/// Which cards to print or export.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum CardSelection {
    /// These cards, in this order.
    Ids { ids: Vec<String> },
    /// Every card (drafts and submitted), oldest contact first.
    All,
    /// Cards whose contact date is in `from..=to` (`YYYY-MM-DD`), oldest first.
    Period { from: String, to: String },
}
