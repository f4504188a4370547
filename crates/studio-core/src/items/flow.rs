//! The status flow, as a pure function: which step is allowed in which status, and the status after
//! it. Refusals are `Error::Invalid` with a Chinese message naming the step and the status.

use super::{ItemAction, ItemStatus};
use crate::error::Result;

/// The status after `action` on an item in `status` (`paused`: 待补充 is on), or why it is refused.
/// `FollowUp` with 不满意 gives `InProgress` (reopened).
pub fn next_status(status: ItemStatus, paused: bool, action: &ItemAction) -> Result<ItemStatus> {
    let _ = (status, paused, action);
    todo!("items::flow::next_status")
}
