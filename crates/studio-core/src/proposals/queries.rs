//! Proposal reads: the detail page, the list with its 督办 views, 工作台's figures, the export, and
//! the proposals a ledger item went into.

use chrono::Datelike;

use super::service::{calendar_in, not_found, present};
use super::{
    flow, Proposal, ProposalCounts, ProposalDetail, ProposalListItem, ProposalQuery, ProposalRef,
    ProposalStatus, ProposalView,
};
use crate::actor::{Permission, Scope};
use crate::ctx::Ctx;
use crate::error::{Error, Result};
use crate::ids::parse_date;
use crate::items::ItemDeadlineState;
use crate::page::Page;
use crate::storage::proposals::{self as db, Filter};
use crate::storage::Store;
use crate::validate::bound_search;

/// The proposals this request reaches, of the delegation the scope allows.
fn scoped<'a>(ctx: &'a Ctx, asked: Option<&'a str>) -> Result<Option<String>> {
    match ctx.scope() {
        Scope::All => Ok(asked.map(str::to_owned)),
        Scope::Nothing => Err(Error::Forbidden("该账号未关联党代表，不能查看提议".into())),
        _ => match ctx.actor.delegation_id.clone() {
            Some(d) => Ok(Some(d)),
            None => Err(Error::Forbidden("该账号未关联代表团，不能查看提议".into())),
        },
    }
}

/// One proposal with its timeline and the steps this actor may take now.
pub fn get_proposal(store: &Store, ctx: &Ctx, id: &str) -> Result<ProposalDetail> {
    ctx.require(Permission::ReadRecords)?;
    let conn = store.reader()?;
    let p = db::get(&conn, id)?.ok_or_else(not_found)?;
    ctx.require_delegation(&p.delegation_id, false)?;
    let cal = calendar_in(&conn)?;
    let p = present(&cal, p, ctx.today);
    let own = ctx.scope() == Scope::All
        || (ctx.actor.role == crate::actor::Role::Head
            && ctx.actor.delegation_id.as_deref() == Some(p.delegation_id.as_str()));
    let allowed = flow::allowed(p.status, &p.units)
        .into_iter()
        .filter(|k| {
            if k.needs_supervise() {
                ctx.may(Permission::Supervise)
            } else {
                own && ctx.may(Permission::HandleItems)
            }
        })
        .collect();
    Ok(ProposalDetail {
        timeline: db::events(&conn, id)?,
        proposal: p,
        allowed,
    })
}

fn all_in_scope(store: &Store, ctx: &Ctx, q: &ProposalQuery) -> Result<Vec<Proposal>> {
    ctx.require(Permission::ReadRecords)?;
    bound_search(&q.q)?;
    let delegation = scoped(ctx, q.delegation_id.as_deref())?;
    let conn = store.reader()?;
    let list = db::list(
        &conn,
        &Filter {
            status: q.status,
            delegation_id: delegation.as_deref(),
            from: q.from.as_deref(),
            to: q.to.as_deref(),
        },
    )?;
    let cal = calendar_in(&conn)?;
    Ok(list
        .into_iter()
        .map(|p| present(&cal, p, ctx.today))
        .collect())
}

fn matches(p: &Proposal, q: &ProposalQuery) -> bool {
    let view_ok = match q.view {
        None => true,
        Some(ProposalView::Open) => p.status.is_open(),
        Some(ProposalView::DueSoon) => p.deadline == ItemDeadlineState::DueSoon,
        Some(ProposalView::Overdue) => p.deadline == ItemDeadlineState::Overdue,
    };
    let words_ok = q.q.split_whitespace().all(|w| {
        let w = w.to_lowercase();
        p.no.contains(&w)
            || p.title.to_lowercase().contains(&w)
            || p.problem.to_lowercase().contains(&w)
            || p.suggestion.to_lowercase().contains(&w)
            || p.units.iter().any(|u| u.unit.contains(&w))
    });
    view_ok && words_ok
}

fn list_row(p: &Proposal) -> ProposalListItem {
    ProposalListItem {
        id: p.id.clone(),
        no: p.no.clone(),
        status: p.status,
        title: p.title.clone(),
        delegation_id: p.delegation_id.clone(),
        delegation_name: p.delegation_name.clone(),
        drafted_on: p.drafted_on.clone(),
        units: p
            .units
            .iter()
            .map(|u| u.unit.as_str())
            .collect::<Vec<_>>()
            .join("、"),
        answered: p.units.iter().filter(|u| u.answered_on.is_some()).count() as u32,
        referred: p.units.len() as u32,
        item_count: p.items.len() as u32,
        deadline: p.deadline,
        due_on: p.due_on.clone(),
        chase_count: p.chase_count,
    }
}

/// A page of proposals, newest drafted first, filtered by the words, status, delegation, period and
/// 督办 view (due soon / overdue: a unit's answer). A head and a delegate see their delegation's.
pub fn list_proposals(
    store: &Store,
    ctx: &Ctx,
    q: &ProposalQuery,
) -> Result<Page<ProposalListItem>> {
    let all: Vec<Proposal> = all_in_scope(store, ctx, q)?
        .into_iter()
        .filter(|p| matches(p, q))
        .collect();
    let page = q.page.clamped();
    let items = all
        .iter()
        .skip(page.offset() as usize)
        .take(page.limit() as usize)
        .map(list_row)
        .collect();
    Ok(Page {
        items,
        total: all.len() as u64,
        page: page.page,
        page_size: page.page_size,
    })
}

/// 工作台's figures as of `ctx.today`, over the proposals this request reaches.
pub fn proposal_counts(store: &Store, ctx: &Ctx) -> Result<ProposalCounts> {
    let all = all_in_scope(store, ctx, &ProposalQuery::default())?;
    let year = ctx.today.year();
    let mut c = ProposalCounts::default();
    for p in &all {
        c.open += u64::from(p.status.is_open());
        c.referred += u64::from(p.status == ProposalStatus::Referred);
        c.due_soon += u64::from(p.deadline == ItemDeadlineState::DueSoon);
        c.overdue += u64::from(p.deadline == ItemDeadlineState::Overdue);
        c.closed_this_year += u64::from(
            p.status == ProposalStatus::Closed
                && p.closed_on
                    .as_deref()
                    .and_then(parse_date)
                    .is_some_and(|d| d.year() == year),
        );
    }
    Ok(c)
}

/// Every proposal drafted in `from..=to` (or all), oldest first, for `studio export proposals`.
/// Proposals hold no personal data (the items' numbers and titles only).
pub fn proposals_for_export(
    store: &Store,
    ctx: &Ctx,
    from: Option<&str>,
    to: Option<&str>,
) -> Result<Vec<Proposal>> {
    for d in [from, to].into_iter().flatten() {
        if parse_date(d).is_none() {
            return Err(Error::Invalid(format!("日期格式应为 YYYY-MM-DD：{d}")));
        }
    }
    let q = ProposalQuery {
        from: from.map(str::to_owned),
        to: to.map(str::to_owned),
        ..Default::default()
    };
    let mut all = all_in_scope(store, ctx, &q)?;
    all.reverse();
    Ok(all)
}

/// The proposals a ledger item went into (the item's page shows them).
pub fn proposals_of_item(store: &Store, ctx: &Ctx, item_id: &str) -> Result<Vec<ProposalRef>> {
    ctx.require(Permission::ReadRecords)?;
    let conn = store.reader()?;
    crate::items::reachable_item(&conn, ctx, item_id)?;
    db::of_item(&conn, item_id)
}
