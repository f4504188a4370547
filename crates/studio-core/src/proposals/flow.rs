//! The proposal's steps as pure functions: which step is allowed now, and what it does to the
//! status and the units. Refusals are `Error::Conflict` (code `state`) naming the step and the
//! status; a unit the step names that is not on the proposal is a field error on `unit`.
//!
//! | step | allowed in | status after |
//! | --- | --- | --- |
//! | 团内讨论 `Discuss` | 起草, 团内讨论 (a second discussion is recorded too) | 团内讨论 |
//! | 提交组织部 `Submit` | 团内讨论 | 提交组织部 |
//! | 交办 `Refer` | 提交组织部 | 交办 |
//! | 单位答复 `Answer` | 交办, for a unit that has not answered this round | 单位答复 once every unit answered, else 交办 |
//! | 评价 `Evaluate` | 交办, 单位答复, for a unit that answered and is not yet evaluated | 满意 / 基本满意: 评价 once every unit is, else unchanged; 不满意: 交办 (the unit's new round) |
//! | 办结 `Close` | 评价 | 办结 |
//! | 不予立案 `Decline` | 提交组织部 | 不予立案 |
//! | 催办 `Chase` | 交办, for a unit that has not answered | unchanged |
//! | 备注 `Note` | any | unchanged |

use super::{ProposalAction, ProposalActionKind, ProposalStatus, ProposalUnit};
use crate::error::{Error, Result};
use crate::items::Satisfaction;

/// `当前状态为「起草」，不能进行「交办」` plus a hint.
pub fn refusal(status: ProposalStatus, step: &str, hint: &str) -> Error {
    Error::Conflict(format!(
        "当前状态为「{}」，不能进行「{step}」{hint}",
        status.label()
    ))
}

fn unanswered(u: &ProposalUnit) -> bool {
    u.answered_on.is_none()
}

fn awaiting_evaluation(u: &ProposalUnit) -> bool {
    u.answered_on.is_some() && u.satisfaction.is_none()
}

/// Whether a step of this kind can be taken at all now (for some unit, where it names one).
pub fn kind_allowed(
    status: ProposalStatus,
    units: &[ProposalUnit],
    kind: ProposalActionKind,
) -> bool {
    use ProposalStatus::*;
    match kind {
        ProposalActionKind::Discuss => matches!(status, Draft | Discussed),
        ProposalActionKind::Submit => status == Discussed,
        ProposalActionKind::Refer => status == Submitted,
        ProposalActionKind::Answer | ProposalActionKind::Chase => {
            status == Referred && units.iter().any(unanswered)
        }
        ProposalActionKind::Evaluate => {
            matches!(status, Referred | Answered) && units.iter().any(awaiting_evaluation)
        }
        ProposalActionKind::Close => status == Evaluated,
        ProposalActionKind::Decline => status == Submitted,
        ProposalActionKind::Note => true,
    }
}

/// The steps allowed now, in the order of [`ProposalActionKind::ALL`].
pub fn allowed(status: ProposalStatus, units: &[ProposalUnit]) -> Vec<ProposalActionKind> {
    ProposalActionKind::ALL
        .into_iter()
        .filter(|k| kind_allowed(status, units, *k))
        .collect()
}

/// The status once the units stand as they do: every unit satisfied → 评价, every unit answered →
/// 单位答复, otherwise 交办.
pub fn settle(units: &[ProposalUnit]) -> ProposalStatus {
    let ok = |u: &ProposalUnit| {
        matches!(
            u.satisfaction,
            Some(Satisfaction::Satisfied | Satisfaction::Basic)
        )
    };
    if !units.is_empty() && units.iter().all(ok) {
        ProposalStatus::Evaluated
    } else if !units.is_empty() && units.iter().all(|u| !unanswered(u)) {
        ProposalStatus::Answered
    } else {
        ProposalStatus::Referred
    }
}

fn unit_index(units: &[ProposalUnit], unit: &str) -> Result<usize> {
    let unit = unit.trim();
    units
        .iter()
        .position(|u| u.unit == unit)
        .ok_or_else(|| Error::field("unit", format!("该提议未交办给「{unit}」")))
}

/// Apply `action` on day `on` (`YYYY-MM-DD`) to a proposal in `status` with `units`: the units
/// change in place (a referral adds them, an answer or an evaluation changes one), and the status
/// after the step is returned, or why the step is refused (nothing changed then). Texts and dates
/// are checked by the service before; this is the order of the steps.
pub fn apply(
    status: ProposalStatus,
    units: &mut Vec<ProposalUnit>,
    action: &ProposalAction,
    on: &str,
) -> Result<ProposalStatus> {
    let kind = action.kind();
    let step = kind.label();
    if !kind_allowed(status, units, kind) {
        let hint = match (kind, status) {
            (ProposalActionKind::Submit, ProposalStatus::Draft) => "，请先「团内讨论」",
            (ProposalActionKind::Close, ProposalStatus::Referred | ProposalStatus::Answered) => {
                "，办结前须各承办单位答复并评价为满意或基本满意"
            }
            (ProposalActionKind::Answer | ProposalActionKind::Chase, ProposalStatus::Referred) => {
                "（各承办单位均已答复）"
            }
            (ProposalActionKind::Evaluate, ProposalStatus::Referred) => "（尚无待评价的单位答复）",
            _ => "",
        };
        return Err(refusal(status, step, hint));
    }
    match action {
        ProposalAction::Discuss { .. } => Ok(ProposalStatus::Discussed),
        ProposalAction::Submit { .. } => Ok(ProposalStatus::Submitted),
        ProposalAction::Decline { .. } => Ok(ProposalStatus::Declined),
        ProposalAction::Close { .. } => Ok(ProposalStatus::Closed),
        ProposalAction::Note { .. } => Ok(status),
        ProposalAction::Refer { units: refs, .. } => {
            if refs.is_empty() {
                return Err(Error::field("units", "请至少选择一个承办单位"));
            }
            let mut out: Vec<ProposalUnit> = Vec::new();
            for r in refs {
                let name = r.unit.trim();
                if out.iter().any(|u| u.unit == name) {
                    return Err(Error::field("units", format!("承办单位「{name}」重复")));
                }
                out.push(ProposalUnit {
                    unit: name.to_string(),
                    referred_on: on.to_string(),
                    limit_days: r.days,
                    due_on: String::new(),
                    rounds: 1,
                    answer: String::new(),
                    answered_on: None,
                    satisfaction: None,
                    evaluation_note: String::new(),
                    evaluated_on: None,
                    deadline: crate::items::ItemDeadlineState::None,
                    days_left: None,
                });
            }
            *units = out;
            Ok(settle(units))
        }
        ProposalAction::Answer { unit, answer, .. } => {
            let i = unit_index(units, unit)?;
            if !unanswered(&units[i]) {
                return Err(refusal(
                    status,
                    step,
                    &format!("（「{}」本轮已答复）", units[i].unit),
                ));
            }
            units[i].answer = answer.trim().to_string();
            units[i].answered_on = Some(on.to_string());
            Ok(settle(units))
        }
        ProposalAction::Evaluate {
            unit,
            satisfaction,
            note,
            ..
        } => {
            let i = unit_index(units, unit)?;
            let u = &mut units[i];
            if !awaiting_evaluation(u) {
                let why = if unanswered(u) {
                    "尚未答复"
                } else {
                    "本轮已评价"
                };
                return Err(refusal(status, step, &format!("（「{}」{why}）", u.unit)));
            }
            u.evaluation_note = note.trim().to_string();
            u.evaluated_on = Some(on.to_string());
            if *satisfaction == Satisfaction::Dissatisfied {
                // Back to the unit: a new round from today, its answer to be given again.
                u.referred_on = on.to_string();
                u.rounds += 1;
                u.answer = String::new();
                u.answered_on = None;
                u.satisfaction = None;
            } else {
                u.satisfaction = Some(*satisfaction);
            }
            Ok(settle(units))
        }
        ProposalAction::Chase { unit, .. } => {
            let i = unit_index(units, unit)?;
            if !unanswered(&units[i]) {
                return Err(refusal(
                    status,
                    step,
                    &format!("（「{}」已答复）", units[i].unit),
                ));
            }
            Ok(status)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::proposals::UnitReferral;
    use ProposalStatus::*;

    fn refer(units: &[&str]) -> ProposalAction {
        ProposalAction::Refer {
            units: units
                .iter()
                .map(|u| UnitReferral {
                    unit: u.to_string(),
                    days: 10,
                })
                .collect(),
            on: String::new(),
        }
    }

    fn answer(unit: &str) -> ProposalAction {
        ProposalAction::Answer {
            unit: unit.into(),
            answer: "已落实".into(),
            on: String::new(),
        }
    }

    fn evaluate(unit: &str, s: Satisfaction) -> ProposalAction {
        ProposalAction::Evaluate {
            unit: unit.into(),
            satisfaction: s,
            note: String::new(),
            on: String::new(),
        }
    }

    #[test]
    fn the_whole_way_with_two_units() {
        let mut units = Vec::new();
        let d = "2026-05-06";
        let discuss = ProposalAction::Discuss {
            participants: "全团".into(),
            outcome: "同意提交".into(),
            on: String::new(),
        };
        let submit = ProposalAction::Submit { on: String::new() };
        assert!(apply(Draft, &mut units, &submit, d).is_err());
        let s = apply(Draft, &mut units, &discuss, d).unwrap();
        assert_eq!(s, Discussed);
        let s = apply(s, &mut units, &submit, d).unwrap();
        assert_eq!(s, Submitted);
        let s = apply(s, &mut units, &refer(&["后勤管理处", "教务处"]), d).unwrap();
        assert_eq!(s, Referred);
        assert_eq!(units.len(), 2);
        assert_eq!(units[0].referred_on, d);
        // Each unit answers for itself: one answer leaves the proposal waiting for the other.
        let s = apply(s, &mut units, &answer("教务处"), "2026-05-10").unwrap();
        assert_eq!(s, Referred);
        assert!(units[0].answered_on.is_none());
        assert_eq!(units[1].answered_on.as_deref(), Some("2026-05-10"));
        // The same unit cannot answer twice in one round.
        assert!(apply(s, &mut units, &answer("教务处"), d).is_err());
        // Closing before everyone answered is refused.
        let close = ProposalAction::Close {
            note: String::new(),
            on: String::new(),
        };
        assert!(apply(s, &mut units, &close, d).is_err());
        let s = apply(s, &mut units, &answer("后勤管理处"), "2026-05-12").unwrap();
        assert_eq!(s, Answered);
        let s = apply(
            s,
            &mut units,
            &evaluate("教务处", Satisfaction::Satisfied),
            d,
        )
        .unwrap();
        assert_eq!(s, Answered);
        let s = apply(
            s,
            &mut units,
            &evaluate("后勤管理处", Satisfaction::Basic),
            d,
        )
        .unwrap();
        assert_eq!(s, Evaluated);
        assert_eq!(
            allowed(s, &units),
            vec![ProposalActionKind::Close, ProposalActionKind::Note]
        );
        assert_eq!(apply(s, &mut units, &close, d).unwrap(), Closed);
    }

    #[test]
    fn dissatisfied_goes_back_to_that_unit_only() {
        let mut units = Vec::new();
        let s = apply(
            Submitted,
            &mut units,
            &refer(&["后勤管理处", "教务处"]),
            "2026-05-06",
        )
        .unwrap();
        let s = apply(s, &mut units, &answer("后勤管理处"), "2026-05-08").unwrap();
        let s = apply(s, &mut units, &answer("教务处"), "2026-05-08").unwrap();
        assert_eq!(s, Answered);
        let s = apply(
            s,
            &mut units,
            &evaluate("教务处", Satisfaction::Satisfied),
            "2026-05-09",
        )
        .unwrap();
        let s = apply(
            s,
            &mut units,
            &evaluate("后勤管理处", Satisfaction::Dissatisfied),
            "2026-05-11",
        )
        .unwrap();
        // Back to 交办: the unit has a new round from the evaluation day, its answer to give again.
        assert_eq!(s, Referred);
        let u = &units[0];
        assert_eq!(u.rounds, 2);
        assert_eq!(u.referred_on, "2026-05-11");
        assert!(u.answered_on.is_none() && u.answer.is_empty() && u.satisfaction.is_none());
        // The other unit keeps its satisfied evaluation.
        assert_eq!(units[1].satisfaction, Some(Satisfaction::Satisfied));
        assert_eq!(
            allowed(s, &units),
            vec![
                ProposalActionKind::Answer,
                ProposalActionKind::Chase,
                ProposalActionKind::Note
            ]
        );
        let s = apply(s, &mut units, &answer("后勤管理处"), "2026-05-15").unwrap();
        let s = apply(
            s,
            &mut units,
            &evaluate("后勤管理处", Satisfaction::Satisfied),
            "2026-05-16",
        )
        .unwrap();
        assert_eq!(s, Evaluated);
    }

    #[test]
    fn refusals_name_the_step_and_the_status() {
        let mut units = Vec::new();
        let e = apply(Draft, &mut units, &refer(&["教务处"]), "2026-05-06").unwrap_err();
        assert_eq!(e.to_string(), "当前状态为「起草」，不能进行「交办」");
        let e = apply(
            Draft,
            &mut units,
            &ProposalAction::Submit { on: String::new() },
            "",
        )
        .unwrap_err();
        assert_eq!(
            e.to_string(),
            "当前状态为「起草」，不能进行「提交组织部」，请先「团内讨论」"
        );
        // A unit the proposal was not referred to.
        let s = apply(Submitted, &mut units, &refer(&["教务处"]), "2026-05-06").unwrap();
        let e = apply(s, &mut units, &answer("财务处"), "2026-05-07").unwrap_err();
        assert_eq!(e.code(), "validation");
        // The same unit twice in one referral.
        let mut u2 = Vec::new();
        assert!(apply(Submitted, &mut u2, &refer(&["教务处", "教务处"]), "").is_err());
        // Declining is the Organization Department's answer to a submitted proposal only.
        let decline = ProposalAction::Decline {
            reason: "不属于学校职责范围".into(),
            on: String::new(),
        };
        assert_eq!(
            apply(Submitted, &mut Vec::new(), &decline, "").unwrap(),
            Declined
        );
        assert!(apply(Referred, &mut units, &decline, "").is_err());
        // Nothing moves a closed or declined proposal but a note.
        for s in [Closed, Declined] {
            assert_eq!(allowed(s, &units), vec![ProposalActionKind::Note]);
        }
    }
}
