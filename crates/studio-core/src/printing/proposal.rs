//! The printed proposal form: a proposal (with its units' deadlines as of today) → the print
//! crate's plain model → an A4 PDF. It holds no personal data (the linked items' numbers and
//! titles only); printing is recorded in the audit log like opening a record.

use studio_print::{ProposalAnswer, ProposalForm};

use crate::audit::Entity;
use crate::ctx::Ctx;
use crate::error::Result;
use crate::proposals::{self, Proposal};
use crate::settings;
use crate::storage::Store;

use super::{print_error, Rendered};

/// The print model of `p`: dates as `YYYY-MM-DD`, labels in Chinese.
pub fn proposal_model(p: &Proposal, studio_name: &str, printed_on: &str) -> ProposalForm {
    let discussion = match &p.discussed_on {
        Some(on) => format!(
            "讨论日期：{on}\n参加人员：{}\n讨论结果：{}",
            p.discussion_participants, p.discussion_outcome
        ),
        None => String::new(),
    };
    let outcome = match (p.status, &p.closed_on, &p.declined_on) {
        (proposals::ProposalStatus::Closed, Some(on), _) => {
            format!("{on} 办结。{}", p.close_note).trim().to_string()
        }
        (proposals::ProposalStatus::Declined, _, Some(on)) => {
            format!("{on} 不予立案。理由：{}", p.decline_reason)
        }
        _ => String::new(),
    };
    ProposalForm {
        studio_name: studio_name.to_string(),
        number: p.no.clone(),
        delegation: p.delegation_name.clone(),
        drafted_on: p.drafted_on.clone(),
        status: p.status.label().to_string(),
        title: p.title.clone(),
        problem: p.problem.clone(),
        suggestion: p.suggestion.clone(),
        discussion,
        items: p
            .items
            .iter()
            .map(|i| format!("{}　{}（{}）", i.no, i.title, i.status.label()))
            .collect(),
        answers: p
            .units
            .iter()
            .map(|u| ProposalAnswer {
                unit: u.unit.clone(),
                referral: format!(
                    "交办 {}，{} 个工作日，答复期限 {}{}",
                    u.referred_on,
                    u.limit_days,
                    u.due_on,
                    if u.rounds > 1 {
                        format!("（第 {} 次办理）", u.rounds)
                    } else {
                        String::new()
                    }
                ),
                answer: u.answer.clone(),
                answered: u
                    .answered_on
                    .as_ref()
                    .map(|d| format!("答复日期：{d}"))
                    .unwrap_or_default(),
                evaluation: u
                    .satisfaction
                    .map(|s| {
                        let note = u.evaluation_note.trim();
                        if note.is_empty() {
                            format!("评价：{}", s.label())
                        } else {
                            format!("评价：{}。{note}", s.label())
                        }
                    })
                    .unwrap_or_default(),
            })
            .collect(),
        outcome,
        footer: format!("打印日期 {printed_on}"),
    }
}

/// The proposal `id` as PDF bytes (needs what reading it needs), recorded as printed.
pub fn proposal_pdf(store: &Store, ctx: &Ctx, id: &str) -> Result<Rendered> {
    let detail = proposals::get_proposal(store, ctx, id)?;
    let studio = settings::load(store)?.studio_name;
    let form = proposal_model(
        &detail.proposal,
        &studio,
        &ctx.today.format("%Y-%m-%d").to_string(),
    );
    let rendered = super::printer(store)?
        .render_proposal(&form)
        .map_err(print_error)?;
    store.record_access(ctx, Entity::Proposal, id, "print")?;
    Ok(rendered)
}
