//! Input rules of the proposal form and of the steps' texts.

use chrono::NaiveDate;

use super::{ProposalAction, ProposalInput};
use crate::error::Result;
use crate::items::validate::{date, TEXT_MAX, UNIT_MAX};
use crate::validate::Checker;

/// Field limits, in characters unless said (the UI reads them from `rules::Rules`).
pub const TITLE_MAX: usize = 60;
/// 问题 and 建议.
pub const BODY_MAX: usize = 5000;
/// 参加人员 of the discussion.
pub const PARTICIPANTS_MAX: usize = 300;
/// Linked ledger items: 1 to this many.
pub const ITEMS_MAX: usize = 30;
/// Units of one referral.
pub const UNITS_MAX: usize = 8;
/// A unit's working days: 1 to this many.
pub const UNIT_DAYS_MAX: u32 = 120;

/// The form, checked and trimmed, with its drafting day.
pub(super) struct Valid {
    pub title: String,
    pub problem: String,
    pub suggestion: String,
    pub item_ids: Vec<String>,
    pub drafted_on: NaiveDate,
}

pub(super) fn proposal(input: &ProposalInput, today: NaiveDate) -> Result<Valid> {
    let mut c = Checker::new();
    c.required("title", "标题", &input.title, TITLE_MAX);
    c.required("problem", "问题", &input.problem, BODY_MAX);
    c.required("suggestion", "建议", &input.suggestion, BODY_MAX);
    let mut item_ids: Vec<String> = Vec::new();
    for id in &input.item_ids {
        let id = id.trim();
        if !id.is_empty() && !item_ids.iter().any(|x| x == id) {
            item_ids.push(id.to_string());
        }
    }
    if item_ids.is_empty() {
        c.add("item_ids", "请至少选择一件台账事项");
    } else if item_ids.len() > ITEMS_MAX {
        c.add("item_ids", format!("一件提议最多关联 {ITEMS_MAX} 件事项"));
    }
    let drafted_on = if input.drafted_on.trim().is_empty() {
        Some(today)
    } else {
        date(
            &mut c,
            "drafted_on",
            "起草日期",
            &input.drafted_on,
            today,
            None,
        )
    };
    c.finish()?;
    Ok(Valid {
        title: input.title.trim().to_string(),
        problem: input.problem.trim().to_string(),
        suggestion: input.suggestion.trim().to_string(),
        item_ids,
        drafted_on: drafted_on.unwrap_or(today),
    })
}

/// The step's texts; its day is checked by the service (it knows what the step follows).
pub(super) fn action_texts(action: &ProposalAction) -> Result<()> {
    let mut c = Checker::new();
    match action {
        ProposalAction::Discuss {
            participants,
            outcome,
            ..
        } => {
            c.required("participants", "参加人员", participants, PARTICIPANTS_MAX);
            c.required("outcome", "讨论结果", outcome, TEXT_MAX);
        }
        ProposalAction::Refer { units, .. } => {
            if units.is_empty() {
                c.add("units", "请至少选择一个承办单位");
            } else if units.len() > UNITS_MAX {
                c.add("units", format!("一次最多交办 {UNITS_MAX} 个单位"));
            }
            for u in units {
                c.required("units", "承办单位", &u.unit, UNIT_MAX);
                if !(1..=UNIT_DAYS_MAX).contains(&u.days) {
                    c.add(
                        "units",
                        format!("办理时限应为 1 到 {UNIT_DAYS_MAX} 个工作日"),
                    );
                }
            }
        }
        ProposalAction::Answer { unit, answer, .. } => {
            c.required("unit", "承办单位", unit, UNIT_MAX);
            c.required("answer", "答复内容", answer, TEXT_MAX);
        }
        ProposalAction::Evaluate { unit, note, .. } => {
            c.required("unit", "承办单位", unit, UNIT_MAX);
            c.max_len("note", "评价意见", note, TEXT_MAX);
        }
        ProposalAction::Chase { unit, note, .. } => {
            c.required("unit", "承办单位", unit, UNIT_MAX);
            c.max_len("note", "催办说明", note, TEXT_MAX);
        }
        ProposalAction::Decline { reason, .. } => {
            c.required("reason", "不予立案理由", reason, TEXT_MAX)
        }
        ProposalAction::Close { note, .. } => c.max_len("note", "办结说明", note, TEXT_MAX),
        ProposalAction::Note { note, .. } => c.required("note", "备注", note, TEXT_MAX),
        ProposalAction::Submit { .. } => {}
    }
    c.finish()
}
