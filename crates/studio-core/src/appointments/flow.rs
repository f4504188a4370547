//! The appointment status flow, as a pure function: which step is allowed in which status, and the
//! status after it. Refusals are `Error::Conflict` (code `state`) naming the status and the step.
//!
//! | step | allowed in | status after |
//! | --- | --- | --- |
//! | 确认 `Confirm` | 待确认 | 已确认 |
//! | 完成 `Complete` | 已确认 | 已完成 (and a draft record card) |
//! | 取消 `Cancel` | 待确认, 已确认 | 已取消 (with a reason) |
//!
//! Editing (time, place, topic…) is allowed while the appointment is open (待确认, 已确认).

use super::{AppointmentStatus, AppointmentStep};
use crate::error::{Error, Result};

/// `当前状态为「已完成」，不能进行「取消」` plus a hint.
pub fn refusal(status: AppointmentStatus, step: &str, hint: &str) -> Error {
    Error::Conflict(format!(
        "当前状态为「{}」，不能进行「{step}」{hint}",
        status.label()
    ))
}

/// The status after `step` on an appointment in `status`, or why it is refused.
pub fn next_status(status: AppointmentStatus, step: AppointmentStep) -> Result<AppointmentStatus> {
    use AppointmentStatus::*;
    let refuse = |hint: &str| Err(refusal(status, step.label(), hint));
    match (step, status) {
        (AppointmentStep::Confirm, Pending) => Ok(Confirmed),
        (AppointmentStep::Complete, Confirmed) => Ok(Completed),
        (AppointmentStep::Complete, Pending) => refuse("，请先「确认」"),
        (AppointmentStep::Cancel, Pending | Confirmed) => Ok(Cancelled),
        _ => refuse(""),
    }
}

/// The steps allowed in `status`, in [`AppointmentStep::ALL`]'s order (asked of [`next_status`]).
pub fn allowed_steps(status: AppointmentStatus) -> Vec<AppointmentStep> {
    AppointmentStep::ALL
        .into_iter()
        .filter(|&s| next_status(status, s).is_ok())
        .collect()
}

/// Whether an appointment in `status` may still be edited.
pub fn editable(status: AppointmentStatus) -> bool {
    status.is_open()
}

#[cfg(test)]
mod tests {
    use super::*;
    use AppointmentStatus::*;
    use AppointmentStep::*;

    #[test]
    fn every_status_and_step() {
        let expected = |status, step| match (step, status) {
            (Confirm, Pending) => Some(Confirmed),
            (Complete, Confirmed) => Some(Completed),
            (Cancel, Pending | Confirmed) => Some(Cancelled),
            _ => None,
        };
        for status in AppointmentStatus::ALL {
            for step in AppointmentStep::ALL {
                match (expected(status, step), next_status(status, step)) {
                    (Some(want), Ok(got)) => assert_eq!(want, got),
                    (None, Err(Error::Conflict(m))) => {
                        assert!(m.contains(status.label()), "{m}");
                        assert!(m.contains(step.label()), "{m}");
                    }
                    (want, got) => panic!("{status:?} {step:?}: {want:?} vs {got:?}"),
                }
            }
        }
        assert_eq!(allowed_steps(Completed), []);
        assert_eq!(allowed_steps(Pending), [Confirm, Cancel]);
    }

    #[test]
    fn messages_name_the_status_and_the_step() {
        let e = next_status(Completed, Cancel).unwrap_err();
        assert_eq!(e.code(), "state");
        assert_eq!(e.to_string(), "当前状态为「已完成」，不能进行「取消」");
        let e = next_status(Pending, Complete).unwrap_err();
        assert_eq!(
            e.to_string(),
            "当前状态为「待确认」，不能进行「完成」，请先「确认」"
        );
    }
}
