//! The reports: 统计汇总 (the summary sheet, 党代表联系党员群众工作情况汇总表: per delegate, with
//! subtotals per delegation and the total) and 承办单位 (the units items were referred to). Pure
//! counting over compact rows read by `storage::reports`; working days by the calendar module.
//!
//! What is counted, for a period `[from, to]` (both days included):
//! - contacts: every card whose contact date is in the period, drafts included (the contact
//!   happened), by its 联系形式 (the card's five channels are the sheet's five columns); people: the
//!   cards' group sizes (a card records one main person and how many came together);
//!   late cards: those filed after their deadline (`filed_late`).
//! - items: those received in the period, each counted once, for its first handling delegate
//!   (承办党代表), so the rows add up to the subtotals and the total; items not yet routed to a
//!   delegate are counted apart (`unrouted_items`). Their state is as stored now: answered (an
//!   answer recorded), closed (办结), closed on time (answered by the deadline: 按期答复),
//!   satisfaction at the follow-up, working days from receipt to closing.
//! - units: items referred (交办) in the period, per unit: answered by the unit, on time (by the
//!   unit's own deadline), working days from referral to the unit's answer, the items' satisfaction.
//!
//! Reads need `ReadRecords` (staff, heads, delegates; not the auditor); a head sees their
//! delegation's rows, a delegate their own (the same reach as the card and item lists).

mod charts;
mod service;

pub use charts::{dashboard_charts, ChartDelegation, ChartMonth, DashboardCharts};
pub use service::{resolve_period, summary, units};

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The period asked for: both days `YYYY-MM-DD`, or neither (the current calendar year).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Period {
    #[serde(default)]
    #[ts(optional = nullable)]
    pub from: Option<String>,
    #[serde(default)]
    #[ts(optional = nullable)]
    pub to: Option<String>,
}

impl Period {
    pub fn new(from: &str, to: &str) -> Self {
        Period {
            from: Some(from.into()),
            to: Some(to.into()),
        }
    }
}

/// Contacts by 联系形式, the card's five channels.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ChannelCounts {
    /// 党代表工作室
    pub studio: u64,
    /// 网上工作室
    pub online: u64,
    /// 约见
    pub appointment: u64,
    /// 走访慰问
    pub home_visit: u64,
    /// 其他形式
    pub other: u64,
}

impl ChannelCounts {
    pub fn sum(&self) -> u64 {
        self.studio + self.online + self.appointment + self.home_visit + self.other
    }
    fn add(&mut self, o: &ChannelCounts) {
        self.studio += o.studio;
        self.online += o.online;
        self.appointment += o.appointment;
        self.home_visit += o.home_visit;
        self.other += o.other;
    }
}

/// Items by their kind (the six kinds of 二、1. 接待).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CategoryCounts {
    pub policy_inquiry: u64,
    pub implementation: u64,
    pub party_building: u64,
    pub public_opinion: u64,
    pub rights: u64,
    pub hardship: u64,
}

impl CategoryCounts {
    pub fn sum(&self) -> u64 {
        self.policy_inquiry
            + self.implementation
            + self.party_building
            + self.public_opinion
            + self.rights
            + self.hardship
    }
    fn add(&mut self, o: &CategoryCounts) {
        self.policy_inquiry += o.policy_inquiry;
        self.implementation += o.implementation;
        self.party_building += o.party_building;
        self.public_opinion += o.public_opinion;
        self.rights += o.rights;
        self.hardship += o.hardship;
    }
}

/// One line of the summary sheet's figures (a delegate, a delegation's subtotal, the total).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct SummaryFigures {
    /// Cards whose contact date is in the period, drafts included.
    pub contacts: u64,
    pub by_channel: ChannelCounts,
    /// People reached: the cards' group sizes added up.
    pub people: u64,
    /// Items received in the period.
    pub items: u64,
    pub by_category: CategoryCounts,
    /// Of those, answered (an answer recorded).
    pub answered: u64,
    /// Of those, closed (办结).
    pub closed: u64,
    /// Of the closed, answered by their deadline.
    pub closed_on_time: u64,
    /// `closed_on_time / closed`, 0–1 to four decimals; `null` when none is closed.
    #[ts(optional = nullable)]
    pub on_time_rate: Option<f64>,
    /// Working days from receipt to closing, on average over the closed (one decimal); `null`
    /// when none is closed.
    #[ts(optional = nullable)]
    pub avg_days_to_close: Option<f64>,
    /// Follow-up satisfaction: 满意, 基本满意, 不满意.
    pub satisfied: u64,
    pub basically_satisfied: u64,
    pub unsatisfied: u64,
    /// Cards of the period filed after their deadline.
    pub late_cards: u64,
    /// 走访调研 the delegate took part in (activities of kind `field_survey` starting in the period).
    pub surveys: u64,
    /// 提议 drafted in the period, each counted once: for the first handling delegate of its first
    /// linked item (so rows add up to the subtotals and the total).
    pub proposals: u64,
    /// The working days of the closed items added up (for the averages of subtotals).
    #[serde(skip)]
    #[ts(skip)]
    pub days_to_close_sum: i64,
}

impl SummaryFigures {
    fn add(&mut self, o: &SummaryFigures) {
        self.contacts += o.contacts;
        self.by_channel.add(&o.by_channel);
        self.people += o.people;
        self.items += o.items;
        self.by_category.add(&o.by_category);
        self.answered += o.answered;
        self.closed += o.closed;
        self.closed_on_time += o.closed_on_time;
        self.satisfied += o.satisfied;
        self.basically_satisfied += o.basically_satisfied;
        self.unsatisfied += o.unsatisfied;
        self.late_cards += o.late_cards;
        self.surveys += o.surveys;
        self.proposals += o.proposals;
        self.days_to_close_sum += o.days_to_close_sum;
    }

    /// The rate and the average from the counts.
    fn finish(&mut self) {
        self.on_time_rate = rate(self.closed_on_time, self.closed);
        self.avg_days_to_close = average(self.days_to_close_sum, self.closed);
    }
}

pub(crate) fn rate(part: u64, whole: u64) -> Option<f64> {
    (whole > 0).then(|| (part as f64 / whole as f64 * 10_000.0).round() / 10_000.0)
}

pub(crate) fn average(sum: i64, n: u64) -> Option<f64> {
    (n > 0).then(|| (sum as f64 / n as f64 * 10.0).round() / 10.0)
}

/// One delegate's line.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SummaryRow {
    /// The delegate's name.
    pub delegate: String,
    pub delegate_id: String,
    /// Their delegation's name.
    pub delegation: String,
    pub delegation_id: String,
    #[serde(flatten)]
    pub figures: SummaryFigures,
}

/// One delegation's subtotal (the sum of its delegates' lines).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct DelegationSubtotal {
    pub delegation: String,
    pub delegation_id: String,
    #[serde(flatten)]
    pub figures: SummaryFigures,
}

/// 党代表联系党员群众工作情况汇总表 for a period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Summary {
    pub from: String,
    pub to: String,
    /// One per delegate, in roster order.
    pub rows: Vec<SummaryRow>,
    /// One per delegation, in roster order.
    pub delegations: Vec<DelegationSubtotal>,
    /// The sum of the delegations.
    pub total: SummaryFigures,
    /// Items received in the period not yet routed to a delegate (待分派), in no row; 0 for a
    /// head or a delegate.
    pub unrouted_items: u64,
}

/// One unit's line of 承办单位.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct UnitFigures {
    /// Items referred (交办) in the period.
    pub referred: u64,
    /// Of those, answered by the unit.
    pub answered: u64,
    /// Of the answered, by the unit's deadline.
    pub answered_on_time: u64,
    /// `answered_on_time / answered`, 0–1; `null` when none is answered.
    #[ts(optional = nullable)]
    pub on_time_rate: Option<f64>,
    /// Working days from referral to the unit's answer, on average; `null` when none is answered.
    #[ts(optional = nullable)]
    pub avg_days: Option<f64>,
    pub satisfied: u64,
    pub basically_satisfied: u64,
    pub unsatisfied: u64,
    #[serde(skip)]
    #[ts(skip)]
    pub days_sum: i64,
}

impl UnitFigures {
    fn add(&mut self, o: &UnitFigures) {
        self.referred += o.referred;
        self.answered += o.answered;
        self.answered_on_time += o.answered_on_time;
        self.satisfied += o.satisfied;
        self.basically_satisfied += o.basically_satisfied;
        self.unsatisfied += o.unsatisfied;
        self.days_sum += o.days_sum;
    }
    fn finish(&mut self) {
        self.on_time_rate = rate(self.answered_on_time, self.answered);
        self.avg_days = average(self.days_sum, self.answered);
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct UnitRow {
    pub unit: String,
    #[serde(flatten)]
    pub figures: UnitFigures,
}

/// 承办单位 for a period: one line per unit (most referred first), and the total.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct UnitsReport {
    pub from: String,
    pub to: String,
    pub rows: Vec<UnitRow>,
    pub total: UnitFigures,
}
