//! 工作台's charts: items per month by category, the on-time rate per month, the delegations side
//! by side, contacts by channel. Counted by SQL (`storage::reports::chart_*`, GROUP BY); here the
//! months are laid out (every month of the period, empty ones too) and the counts put in place.
//!
//! Each figure is what the list it opens shows: items and cards are reached as the ledger and the
//! card list reach them (a head: their delegation's; a delegate: their own; staff: every item,
//! 待分派 included), so a bar or a slice clicked opens a list of exactly that many.

use chrono::{Datelike, NaiveDate};
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::service::resolve_period;
use super::{rate, CategoryCounts, ChannelCounts, Period};
use crate::actor::Permission;
use crate::ctx::Ctx;
use crate::error::Result;
use crate::storage::reports as db;
use crate::storage::Store;

/// One month of the period (its first and last day clipped to the period).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct ChartMonth {
    /// `YYYY-MM`.
    pub month: String,
    /// The month's first day in the period, `YYYY-MM-DD`.
    pub from: String,
    /// The month's last day in the period.
    pub to: String,
    /// Items received in the month, by category.
    pub by_category: CategoryCounts,
    /// Items closed (办结) in the month.
    pub closed: u64,
    /// Of those, answered by their deadline (按期答复).
    pub closed_on_time: u64,
    /// `closed_on_time / closed`, 0–1; `null` when none was closed in the month.
    #[ts(optional = nullable)]
    pub on_time_rate: Option<f64>,
}

/// One delegation's bars: items received in the period that its delegates handle, of those closed
/// and closed on time.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ChartDelegation {
    pub delegation_id: String,
    pub delegation: String,
    pub items: u64,
    pub closed: u64,
    pub closed_on_time: u64,
}

/// Everything 工作台's charts draw, for one period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct DashboardCharts {
    pub from: String,
    pub to: String,
    /// Every month of the period, oldest first.
    pub months: Vec<ChartMonth>,
    /// The delegations with items in the period, in roster order.
    pub delegations: Vec<ChartDelegation>,
    /// Cards whose contact date is in the period (drafts included), by channel.
    pub channels: ChannelCounts,
}

fn text(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// The months from `from`'s to `to`'s, each clipped to the period.
fn months_of(from: NaiveDate, to: NaiveDate) -> Vec<ChartMonth> {
    let mut out = Vec::new();
    let mut first = from;
    while first <= to {
        let (y, m) = (first.year(), first.month());
        let next = if m == 12 {
            NaiveDate::from_ymd_opt(y + 1, 1, 1)
        } else {
            NaiveDate::from_ymd_opt(y, m + 1, 1)
        }
        .expect("a month's first day");
        let last = next.pred_opt().expect("a day before").min(to);
        out.push(ChartMonth {
            month: format!("{y:04}-{m:02}"),
            from: text(first),
            to: text(last),
            ..Default::default()
        });
        first = next;
    }
    out
}

/// 工作台's charts for `period` (both days, or neither: this calendar year). Needs `ReadRecords`.
pub fn dashboard_charts(store: &Store, ctx: &Ctx, period: &Period) -> Result<DashboardCharts> {
    ctx.require(Permission::ReadRecords)?;
    let (from, to) = resolve_period(ctx, period)?;
    let (f, t) = (text(from), text(to));
    let scope = ctx.scope();
    let guard = store.reader()?;
    let conn: &Connection = &guard;

    let mut months = months_of(from, to);
    for (month, category, n) in db::chart_item_months(conn, &scope, &f, &t)? {
        let Some(m) = months.iter_mut().find(|x| x.month == month) else {
            continue;
        };
        let c = &mut m.by_category;
        *match category.as_str() {
            "policy_inquiry" => &mut c.policy_inquiry,
            "implementation" => &mut c.implementation,
            "party_building" => &mut c.party_building,
            "public_opinion" => &mut c.public_opinion,
            "rights" => &mut c.rights,
            _ => &mut c.hardship,
        } += n;
    }
    for (month, closed, on_time) in db::chart_closed_months(conn, &scope, &f, &t)? {
        if let Some(m) = months.iter_mut().find(|x| x.month == month) {
            m.closed = closed;
            m.closed_on_time = on_time;
            m.on_time_rate = rate(on_time, closed);
        }
    }

    let delegations = db::chart_delegations(conn, &scope, &f, &t)?
        .into_iter()
        .map(|b| ChartDelegation {
            delegation_id: b.delegation_id,
            delegation: b.delegation,
            items: b.items,
            closed: b.closed,
            closed_on_time: b.closed_on_time,
        })
        .collect();

    let mut channels = ChannelCounts::default();
    for (channel, n) in db::chart_channels(conn, &scope, &f, &t)? {
        *match channel.as_str() {
            "studio" => &mut channels.studio,
            "online" => &mut channels.online,
            "appointment" => &mut channels.appointment,
            "home_visit" => &mut channels.home_visit,
            _ => &mut channels.other,
        } += n;
    }

    Ok(DashboardCharts {
        from: f,
        to: t,
        months,
        delegations,
        channels,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_cover_the_period_clipped_at_both_ends() {
        let d = |s| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        let m = months_of(d("2025-11-15"), d("2026-02-10"));
        let spans: Vec<_> = m
            .iter()
            .map(|x| (x.month.as_str(), x.from.as_str(), x.to.as_str()))
            .collect();
        assert_eq!(
            spans,
            [
                ("2025-11", "2025-11-15", "2025-11-30"),
                ("2025-12", "2025-12-01", "2025-12-31"),
                ("2026-01", "2026-01-01", "2026-01-31"),
                ("2026-02", "2026-02-01", "2026-02-10"),
            ]
        );
        assert_eq!(
            months_of(d("2024-02-01"), d("2024-02-29"))[0].to,
            "2024-02-29"
        );
    }
}
