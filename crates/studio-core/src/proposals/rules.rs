//! What the proposal screens show, from the core's own definitions: the statuses with the steps
//! each allows (asked of [`super::flow`]), the steps' labels and who takes them, field limits.

use serde::Serialize;
use ts_rs::TS;

use super::validate::{BODY_MAX, ITEMS_MAX, PARTICIPANTS_MAX, TITLE_MAX, UNITS_MAX, UNIT_DAYS_MAX};
use super::{flow, ProposalActionKind, ProposalEventKind, ProposalStatus, ProposalUnit};
use crate::items::validate::{TEXT_MAX, UNIT_MAX};
use crate::rules::{labelled, Bounds, Labelled};

/// One status: its label, and the steps the flow may allow in it (a step naming a unit also needs
/// a unit in the right state: the detail page's `allowed` says which are open now).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ProposalStatusRule {
    pub value: ProposalStatus,
    pub label: String,
    pub open: bool,
    /// Its texts and items may be edited.
    pub editable: bool,
    pub actions: Vec<ProposalActionKind>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ProposalStepRule {
    pub value: ProposalActionKind,
    pub label: String,
    /// The Organization Department's step (`Supervise`); otherwise the delegation's.
    pub staff: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ProposalLimits {
    pub title: u32,
    /// 问题, 建议.
    pub body: u32,
    pub participants: u32,
    /// Answers, outcomes, reasons and notes.
    pub text: u32,
    pub unit: u32,
    pub items: u32,
    pub units: u32,
    /// A unit's working days.
    pub unit_days: Bounds,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ProposalRules {
    pub statuses: Vec<ProposalStatusRule>,
    pub steps: Vec<ProposalStepRule>,
    pub event_kinds: Vec<Labelled<ProposalEventKind>>,
    pub limits: ProposalLimits,
}

/// Units in every state a step may need: one unanswered, one answered and not yet evaluated.
fn probe_units() -> Vec<ProposalUnit> {
    let unit = |answered: bool| ProposalUnit {
        unit: String::new(),
        referred_on: String::new(),
        limit_days: 1,
        due_on: String::new(),
        rounds: 1,
        answer: String::new(),
        answered_on: answered.then(String::new),
        satisfaction: None,
        evaluation_note: String::new(),
        evaluated_on: None,
        deadline: crate::items::ItemDeadlineState::None,
        days_left: None,
    };
    vec![unit(false), unit(true)]
}

impl ProposalRules {
    pub fn current() -> Self {
        let units = probe_units();
        ProposalRules {
            statuses: ProposalStatus::ALL
                .into_iter()
                .map(|s| ProposalStatusRule {
                    value: s,
                    label: s.label().to_string(),
                    open: s.is_open(),
                    editable: s.editable(),
                    actions: flow::allowed(s, &units),
                })
                .collect(),
            steps: ProposalActionKind::ALL
                .into_iter()
                .map(|k| ProposalStepRule {
                    value: k,
                    label: k.label().to_string(),
                    staff: k.needs_supervise(),
                })
                .collect(),
            event_kinds: labelled(&ProposalEventKind::ALL, ProposalEventKind::label),
            limits: ProposalLimits {
                title: TITLE_MAX as u32,
                body: BODY_MAX as u32,
                participants: PARTICIPANTS_MAX as u32,
                text: TEXT_MAX as u32,
                unit: UNIT_MAX as u32,
                items: ITEMS_MAX as u32,
                units: UNITS_MAX as u32,
                unit_days: Bounds {
                    min: 1,
                    max: i64::from(UNIT_DAYS_MAX),
                },
            },
        }
    }
}
