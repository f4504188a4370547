//! The status flow, as a pure function: which step is allowed in which status, and the status after
//! it. Refusals are `Error::Conflict` (code `state`) with a Chinese message naming the step and the status.
//!
//! | step | allowed in | status after |
//! | --- | --- | --- |
//! | 交办 `Refer` | 受理, 交办, 办理中 | 交办 (a second referral replaces the first; the timeline keeps both) |
//! | 承办单位答复 `ReferralAnswer` | any open status (the service also needs a referral) | unchanged |
//! | 开始办理 `Start` | 受理, 交办 | 办理中 |
//! | 答复 `Answer` | 受理, 交办, 办理中 | 已答复 |
//! | 反馈 `Feedback` | 已答复 | 已反馈 |
//! | 回访 `FollowUp` | 已反馈 | 办结 (满意 / 基本满意) or 办理中 (不满意: reopened) |
//! | 不予受理 `Decline` | 受理, 交办 | 不予受理 |
//! | 待补充 `Pause` | 受理, 交办, 办理中, not paused | unchanged |
//! | 恢复办理 `Resume` | paused | unchanged |
//! | 延期 `Extend` | 受理, 交办, 办理中 | unchanged |
//! | 催办 `Chase`, 上报组织部 `Escalate` | any open status (escalating twice: refused by the service) | unchanged |
//! | 备注 `Note` | any status, closed and declined included (a correction is a note) | unchanged |
//!
//! While an item is paused (待补充, waiting for the person) its clock is stopped, so the steps that
//! move it forward or touch its deadline — 交办, 开始办理, 答复, 延期 — are refused until it is
//! resumed (恢复办理): the resume records the day the clock runs again, and so how far the due date
//! moves. Steps that do not move the item (承办单位答复, 催办, 上报组织部, 备注) are allowed while
//! paused, and so is 不予受理 (the person never supplied what was missing): it ends the pause.
//!
//! "Closed only with an answer and the feedback" holds by construction: 办结 is reached only by
//! 回访, only from 已反馈, which is reached only by 反馈 from 已答复, reached only by 答复.

use super::{ItemAction, ItemEventKind, ItemStatus, Satisfaction};
use crate::error::{Error, Result};

/// The timeline kind of a step.
pub fn event_kind(action: &ItemAction) -> ItemEventKind {
    action.kind().event_kind()
}

/// The day the step happened, as given (`YYYY-MM-DD`, empty: today).
pub fn action_on(action: &ItemAction) -> &str {
    match action {
        ItemAction::Refer { on, .. }
        | ItemAction::ReferralAnswer { on, .. }
        | ItemAction::Start { on, .. }
        | ItemAction::Answer { on, .. }
        | ItemAction::Feedback { on, .. }
        | ItemAction::FollowUp { on, .. }
        | ItemAction::Decline { on, .. }
        | ItemAction::Pause { on, .. }
        | ItemAction::Resume { on, .. }
        | ItemAction::Extend { on, .. }
        | ItemAction::Chase { on, .. }
        | ItemAction::Escalate { on, .. }
        | ItemAction::Note { on, .. } => on,
    }
}

/// The step's name as users read it (交办, 答复, …).
pub fn step_label(action: &ItemAction) -> &'static str {
    event_kind(action).label()
}

/// The status as messages name it: `办理中`, or `办理中（待补充）` while paused.
pub fn status_text(status: ItemStatus, paused: bool) -> String {
    if paused {
        format!("{}（待补充）", status.label())
    } else {
        status.label().to_string()
    }
}

/// `当前状态为「已答复」，不能进行「交办」` plus an optional hint.
pub fn refusal(status: ItemStatus, paused: bool, step: &str, hint: &str) -> Error {
    Error::Conflict(format!(
        "当前状态为「{}」，不能进行「{step}」{hint}",
        status_text(status, paused)
    ))
}

/// The status after `action` on an item in `status` (`paused`: 待补充 is on), or why it is refused.
/// `FollowUp` with 不满意 gives `InProgress` (reopened).
pub fn next_status(status: ItemStatus, paused: bool, action: &ItemAction) -> Result<ItemStatus> {
    use ItemStatus::*;
    let step = step_label(action);
    let refuse = |hint: &str| Err(refusal(status, paused, step, hint));
    let running = status.before_answer();
    match action {
        ItemAction::Refer { .. }
        | ItemAction::Start { .. }
        | ItemAction::Answer { .. }
        | ItemAction::Extend { .. }
            if paused =>
        {
            refuse("，请先「恢复办理」")
        }
        ItemAction::Refer { .. } if running => Ok(Assigned),
        ItemAction::Start { .. } if matches!(status, Received | Assigned) => Ok(InProgress),
        ItemAction::Answer { .. } if running => Ok(Answered),
        ItemAction::Feedback { .. } if status == Answered => Ok(FedBack),
        ItemAction::Feedback { .. } if running => refuse("，请先「答复」"),
        ItemAction::FollowUp { satisfaction, .. } if status == FedBack => Ok(match satisfaction {
            Satisfaction::Dissatisfied => InProgress,
            Satisfaction::Satisfied | Satisfaction::Basic => Closed,
        }),
        ItemAction::FollowUp { .. } if running => refuse("，办结前须先「答复」并「反馈」"),
        ItemAction::FollowUp { .. } if status == Answered => refuse("，请先「反馈」"),
        ItemAction::Decline { .. } if matches!(status, Received | Assigned) => Ok(Declined),
        ItemAction::Pause { .. } if running && !paused => Ok(status),
        ItemAction::Resume { .. } if paused => Ok(status),
        ItemAction::Resume { .. } if running => refuse("（未处于待补充）"),
        ItemAction::Extend { .. } if running => Ok(status),
        ItemAction::ReferralAnswer { .. }
        | ItemAction::Chase { .. }
        | ItemAction::Escalate { .. }
            if status.is_open() =>
        {
            Ok(status)
        }
        ItemAction::Note { .. } => Ok(status),
        _ => refuse(""),
    }
}

/// [`next_status`], and what a step needs of the item beyond its status: 承办单位答复 needs a
/// referral (`referred`), 上报组织部 is done once (`escalated`: already done). The service checks
/// every step with this; `rules::Rules` derives the UI's buttons from it.
pub fn check(
    status: ItemStatus,
    paused: bool,
    referred: bool,
    escalated: bool,
    action: &ItemAction,
) -> Result<ItemStatus> {
    let next = next_status(status, paused, action)?;
    let step = step_label(action);
    match action {
        ItemAction::ReferralAnswer { .. } if !referred => {
            Err(refusal(status, paused, step, "（尚未交办）"))
        }
        ItemAction::Escalate { .. } if escalated => Err(refusal(
            status,
            paused,
            step,
            "（已上报组织部，不能重复上报）",
        )),
        _ => Ok(next),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ItemStatus::*;

    fn all_actions() -> Vec<ItemAction> {
        let s = String::new;
        vec![
            ItemAction::Refer {
                unit: s(),
                due_on: s(),
                note: s(),
                on: s(),
            },
            ItemAction::ReferralAnswer {
                answer: s(),
                on: s(),
            },
            ItemAction::Start { note: s(), on: s() },
            ItemAction::Answer {
                answer: s(),
                on: s(),
            },
            ItemAction::Feedback {
                feedback: s(),
                on: s(),
            },
            ItemAction::FollowUp {
                satisfaction: Satisfaction::Satisfied,
                note: s(),
                on: s(),
            },
            ItemAction::FollowUp {
                satisfaction: Satisfaction::Dissatisfied,
                note: s(),
                on: s(),
            },
            ItemAction::Decline {
                reason: s(),
                on: s(),
            },
            ItemAction::Pause { note: s(), on: s() },
            ItemAction::Resume { note: s(), on: s() },
            ItemAction::Extend {
                days: 1,
                reason: s(),
                on: s(),
            },
            ItemAction::Chase { note: s(), on: s() },
            ItemAction::Escalate { note: s(), on: s() },
            ItemAction::Note { note: s(), on: s() },
        ]
    }

    /// The whole table: (status, paused) × step → expected status after, or refused.
    fn expected(status: ItemStatus, paused: bool, a: &ItemAction) -> Option<ItemStatus> {
        let running = matches!(status, Received | Assigned | InProgress);
        let open = !matches!(status, Closed | Declined);
        match a {
            ItemAction::Refer { .. } => (running && !paused).then_some(Assigned),
            ItemAction::Start { .. } => {
                (matches!(status, Received | Assigned) && !paused).then_some(InProgress)
            }
            ItemAction::Answer { .. } => (running && !paused).then_some(Answered),
            ItemAction::Feedback { .. } => (status == Answered).then_some(FedBack),
            ItemAction::FollowUp { satisfaction, .. } => {
                (status == FedBack).then_some(if *satisfaction == Satisfaction::Dissatisfied {
                    InProgress
                } else {
                    Closed
                })
            }
            ItemAction::Decline { .. } => matches!(status, Received | Assigned).then_some(Declined),
            ItemAction::Pause { .. } => (running && !paused).then_some(status),
            ItemAction::Resume { .. } => paused.then_some(status),
            ItemAction::Extend { .. } => (running && !paused).then_some(status),
            ItemAction::ReferralAnswer { .. }
            | ItemAction::Chase { .. }
            | ItemAction::Escalate { .. } => open.then_some(status),
            ItemAction::Note { .. } => Some(status),
        }
    }

    #[test]
    fn every_status_and_step() {
        let mut allowed = 0;
        let mut refused = 0;
        for status in ItemStatus::ALL {
            // Only a running item can be paused.
            let pauses: &[bool] = if status.before_answer() {
                &[false, true]
            } else {
                &[false]
            };
            for &paused in pauses {
                for a in all_actions() {
                    let got = next_status(status, paused, &a);
                    match (expected(status, paused, &a), got) {
                        (Some(want), Ok(got)) => {
                            assert_eq!(want, got, "{status:?} {paused} {a:?}");
                            allowed += 1;
                        }
                        (None, Err(Error::Conflict(m))) => {
                            assert!(m.contains(step_label(&a)), "{m}");
                            assert!(m.contains(status.label()), "{m}");
                            if paused {
                                assert!(m.contains("待补充"), "{m}");
                            }
                            refused += 1;
                        }
                        (want, got) => panic!("{status:?} {paused} {a:?}: {want:?} vs {got:?}"),
                    }
                }
            }
        }
        assert!(allowed > 30 && refused > 30, "{allowed} {refused}");
    }

    #[test]
    fn messages_name_the_step_and_the_status() {
        let refer = ItemAction::Refer {
            unit: "后勤管理处".into(),
            due_on: String::new(),
            note: String::new(),
            on: String::new(),
        };
        let e = next_status(Answered, false, &refer).unwrap_err();
        assert_eq!(e.to_string(), "当前状态为「已答复」，不能进行「交办」");
        let answer = ItemAction::Answer {
            answer: "x".into(),
            on: String::new(),
        };
        let e = next_status(InProgress, true, &answer).unwrap_err();
        assert_eq!(
            e.to_string(),
            "当前状态为「办理中（待补充）」，不能进行「答复」，请先「恢复办理」"
        );
    }

    #[test]
    fn no_path_closes_without_answer_and_feedback() {
        let close = ItemAction::FollowUp {
            satisfaction: Satisfaction::Satisfied,
            note: String::new(),
            on: String::new(),
        };
        for s in [Received, Assigned, InProgress, Answered, Closed, Declined] {
            for paused in [false, true] {
                assert!(next_status(s, paused, &close).is_err(), "{s:?}");
            }
        }
        // The only way into 办结 is 回访 from 已反馈, and the only way into 已反馈 is 反馈 from 已答复.
        for s in ItemStatus::ALL {
            for a in all_actions() {
                if let Ok(next) = next_status(s, false, &a) {
                    if next == Closed && s != Closed {
                        assert_eq!(s, FedBack);
                    }
                    if next == FedBack && s != FedBack {
                        assert_eq!(s, Answered);
                    }
                    if next == Answered && s != Answered {
                        assert!(matches!(a, ItemAction::Answer { .. }));
                    }
                }
            }
        }
    }
}
