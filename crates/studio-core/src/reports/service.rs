//! Counting the reports (see the module's notes for what each figure is).

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};
use rusqlite::Connection;

use super::{
    DelegationSubtotal, Period, Summary, SummaryFigures, SummaryRow, UnitFigures, UnitRow,
    UnitsReport,
};
use crate::actor::{Permission, Scope};
use crate::calendar::WorkCalendar;
use crate::ctx::Ctx;
use crate::error::Result;
use crate::ids::parse_date;
use crate::storage::calendar as calendar_db;
use crate::storage::reports as db;
use crate::storage::Store;
use crate::validate::Checker;

/// The longest period a report covers: ten years.
pub const MAX_PERIOD_DAYS: i64 = 3_660;

/// The period's first and last day: both given (`YYYY-MM-DD`, the end not before the start, at
/// most ten years), or neither: the current calendar year of `ctx.today`.
pub fn resolve_period(ctx: &Ctx, p: &Period) -> Result<(NaiveDate, NaiveDate)> {
    let from = p.from.as_deref().map(str::trim).unwrap_or("");
    let to = p.to.as_deref().map(str::trim).unwrap_or("");
    if from.is_empty() && to.is_empty() {
        let y = ctx.today.year();
        return Ok((
            NaiveDate::from_ymd_opt(y, 1, 1).expect("1 January"),
            NaiveDate::from_ymd_opt(y, 12, 31).expect("31 December"),
        ));
    }
    let mut c = Checker::new();
    let mut one = |field: &str, label: &str, v: &str| {
        if v.is_empty() {
            c.add(field, format!("请填写{label}（或两个日期都不填：本年）"));
            return None;
        }
        let d = parse_date(v);
        if d.is_none() {
            c.add(
                field,
                format!("{label}格式应为 YYYY-MM-DD，例如 2026-01-01"),
            );
        }
        d
    };
    let f = one("from", "开始日期", from);
    let t = one("to", "结束日期", to);
    if let (Some(f), Some(t)) = (f, t) {
        if t < f {
            c.add("to", "结束日期不能早于开始日期");
        } else if (t - f).num_days() >= MAX_PERIOD_DAYS {
            c.add("to", "统计期间最长十年");
        }
    }
    c.finish()?;
    Ok((f.expect("checked"), t.expect("checked")))
}

fn text(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

fn calendar_in(conn: &Connection) -> Result<WorkCalendar> {
    Ok(WorkCalendar::from_overrides(&calendar_db::list(
        conn, None,
    )?))
}

/// Whether a row of `delegate_id` in `delegation_id` is in the request's reach.
fn reaches(scope: &Scope, delegate_id: &str, delegation_id: &str) -> bool {
    match scope {
        Scope::All => true,
        Scope::Delegation(g) => g == delegation_id,
        Scope::Delegate(d) => d == delegate_id,
        Scope::Nothing => false,
    }
}

/// 统计汇总 for `period`. Needs `ReadRecords`; a head gets their delegation's rows, a delegate
/// their own line.
pub fn summary(store: &Store, ctx: &Ctx, period: &Period) -> Result<Summary> {
    ctx.require(Permission::ReadRecords)?;
    let (from, to) = resolve_period(ctx, period)?;
    let (f, t) = (text(from), text(to));
    let guard = store.reader()?;
    let conn: &Connection = &guard;
    let cal = calendar_in(conn)?;
    let delegates = db::delegates(conn)?;

    let mut figures: HashMap<String, SummaryFigures> = HashMap::new();
    for g in db::card_groups(conn, &f, &t)? {
        let x = figures.entry(g.delegate_id).or_default();
        x.contacts += g.cards;
        x.people += g.people;
        x.late_cards += g.late;
        let c = &mut x.by_channel;
        *match g.channel.as_str() {
            "studio" => &mut c.studio,
            "online" => &mut c.online,
            "appointment" => &mut c.appointment,
            "home_visit" => &mut c.home_visit,
            _ => &mut c.other,
        } += g.cards;
    }
    let mut unrouted = 0;
    for i in db::items(conn, &f, &t)? {
        let Some(d) = i.delegate_id else {
            unrouted += 1;
            continue;
        };
        let x = figures.entry(d).or_default();
        x.items += 1;
        let c = &mut x.by_category;
        *match i.category.as_str() {
            "policy_inquiry" => &mut c.policy_inquiry,
            "implementation" => &mut c.implementation,
            "party_building" => &mut c.party_building,
            "public_opinion" => &mut c.public_opinion,
            "rights" => &mut c.rights,
            _ => &mut c.hardship,
        } += 1;
        if i.answered_on.is_some() {
            x.answered += 1;
        }
        if let Some(closed) = &i.closed_on {
            x.closed += 1;
            // ISO dates compare as texts.
            if let (Some(a), Some(due)) = (&i.answered_on, &i.due_on) {
                if a <= due {
                    x.closed_on_time += 1;
                }
            } else {
                x.closed_on_time += 1;
            }
            if let (Some(r), Some(c)) = (parse_date(&i.received_on), parse_date(closed)) {
                x.days_to_close_sum += cal.workdays_between(r, c).max(0);
            }
        }
        match i.satisfaction.as_deref() {
            Some("satisfied") => x.satisfied += 1,
            Some("basic") => x.basically_satisfied += 1,
            Some("dissatisfied") => x.unsatisfied += 1,
            _ => {}
        }
    }
    for d in db::survey_delegates(conn, &f, &t)? {
        figures.entry(d).or_default().surveys += 1;
    }
    for d in db::proposal_leads(conn, &f, &t)?.into_iter().flatten() {
        figures.entry(d).or_default().proposals += 1;
    }

    let scope = ctx.scope();
    let mut rows = Vec::new();
    let mut delegations: Vec<DelegationSubtotal> = Vec::new();
    let mut total = SummaryFigures::default();
    for d in delegates {
        if !reaches(&scope, &d.id, &d.delegation_id) {
            continue;
        }
        let mut x = figures.remove(&d.id).unwrap_or_default();
        // A delegate who left before the period and has nothing in it is not on the sheet.
        let left_before = !d.active && d.left_on.as_deref().is_none_or(|l| l < f.as_str());
        if left_before && x == SummaryFigures::default() {
            continue;
        }
        x.finish();
        match delegations.last_mut() {
            Some(s) if s.delegation_id == d.delegation_id => s.figures.add(&x),
            _ => delegations.push(DelegationSubtotal {
                delegation: d.delegation_name.clone(),
                delegation_id: d.delegation_id.clone(),
                figures: x.clone(),
            }),
        }
        total.add(&x);
        rows.push(SummaryRow {
            delegate: d.name,
            delegate_id: d.id,
            delegation: d.delegation_name,
            delegation_id: d.delegation_id,
            figures: x,
        });
    }
    for s in &mut delegations {
        s.figures.finish();
    }
    total.finish();
    Ok(Summary {
        from: f,
        to: t,
        rows,
        delegations,
        total,
        unrouted_items: if scope == Scope::All { unrouted } else { 0 },
    })
}

/// 承办单位 for `period`: items referred in it, per unit. Needs `ReadRecords`; a head counts the
/// items of their delegation, a delegate their own.
pub fn units(store: &Store, ctx: &Ctx, period: &Period) -> Result<UnitsReport> {
    ctx.require(Permission::ReadRecords)?;
    let (from, to) = resolve_period(ctx, period)?;
    let (f, t) = (text(from), text(to));
    let guard = store.reader()?;
    let conn: &Connection = &guard;
    let cal = calendar_in(conn)?;
    let scope = ctx.scope();
    let mut by_unit: HashMap<String, UnitFigures> = HashMap::new();
    for i in db::referred_items(conn, &f, &t)? {
        let reached = match &scope {
            Scope::All => true,
            Scope::Delegation(g) => i.delegations.split(',').any(|x| x == g),
            Scope::Delegate(d) => i.delegates.split(',').any(|x| x == d),
            Scope::Nothing => false,
        };
        if !reached {
            continue;
        }
        let x = by_unit.entry(i.unit).or_default();
        x.referred += 1;
        if let Some(a) = &i.answered_on {
            x.answered += 1;
            if i.due_on.as_ref().is_none_or(|due| a <= due) {
                x.answered_on_time += 1;
            }
            if let (Some(r), Some(a)) = (parse_date(&i.referred_on), parse_date(a)) {
                x.days_sum += cal.workdays_between(r, a).max(0);
            }
        }
        match i.satisfaction.as_deref() {
            Some("satisfied") => x.satisfied += 1,
            Some("basic") => x.basically_satisfied += 1,
            Some("dissatisfied") => x.unsatisfied += 1,
            _ => {}
        }
    }
    let mut rows: Vec<UnitRow> = by_unit
        .into_iter()
        .map(|(unit, mut figures)| {
            figures.finish();
            UnitRow { unit, figures }
        })
        .collect();
    rows.sort_by(|a, b| {
        b.figures
            .referred
            .cmp(&a.figures.referred)
            .then_with(|| a.unit.cmp(&b.unit))
    });
    let mut total = UnitFigures::default();
    for r in &rows {
        total.add(&r.figures);
    }
    total.finish();
    Ok(UnitsReport {
        from: f,
        to: t,
        rows,
        total,
    })
}
