//! What the wall poster of a month shows (the PDF itself is studio-print's): the title, one row per
//! slot in date and time order, the hotline and the opening hours from 设置.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::service::month_plan;
use super::validate::{month_label, parse_month, time_span};
use crate::ctx::Ctx;
use crate::error::Result;
use crate::settings;
use crate::storage::Store;

/// One row of the poster's table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PosterRow {
    /// `YYYY-MM-DD`.
    pub date: String,
    /// `10月13日`.
    pub date_label: String,
    /// 周二.
    pub weekday: String,
    /// `14:30—17:00`.
    pub time: String,
    /// 工作室, 网上工作室, or with the place's note: 工作室（行政楼 302 室）.
    pub place: String,
    /// Each `姓名（代表团）`, in the slot's order.
    pub delegates: Vec<String>,
}

/// Everything the poster of a month prints.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PosterMonth {
    /// `YYYY-MM`.
    pub month: String,
    /// 党代表工作室接待安排（2026年10月）.
    pub title: String,
    /// 设置's studio name (the poster's footer may name it).
    pub studio_name: String,
    /// 专线电话, from 设置 (may be empty).
    pub hotline: String,
    /// 开放时间, from 设置.
    pub opening_hours: String,
    pub published: bool,
    /// The month changed since it was published or its poster last printed.
    pub poster_changed: bool,
    /// In date and time order.
    pub rows: Vec<PosterRow>,
}

/// The poster of `month` (`YYYY-MM`). Reading it is reading the plan: `ReadSchedule`, a visitor only
/// for a published month.
pub fn poster_data(store: &Store, ctx: &Ctx, month: &str) -> Result<PosterMonth> {
    let plan = month_plan(store, ctx, month)?;
    let first = parse_month(&plan.month.month).expect("a plan's month is valid");
    let s = settings::load(store)?;
    let rows = plan
        .days
        .iter()
        .flat_map(|day| {
            let date_label = crate::ids::parse_date(&day.date)
                .map(|d| d.format("%-m月%-d日").to_string())
                .unwrap_or_default();
            day.slots.iter().map(move |slot| PosterRow {
                date: day.date.clone(),
                date_label: date_label.clone(),
                weekday: day.weekday_label.clone(),
                time: time_span(&slot.start, &slot.end),
                place: if slot.place_note.is_empty() {
                    slot.place.label().to_string()
                } else {
                    format!("{}（{}）", slot.place.label(), slot.place_note)
                },
                delegates: slot
                    .delegates
                    .iter()
                    .map(|d| {
                        if d.delegation_name.is_empty() {
                            d.name.clone()
                        } else {
                            format!("{}（{}）", d.name, d.delegation_name)
                        }
                    })
                    .collect(),
            })
        })
        .collect();
    Ok(PosterMonth {
        month: plan.month.month.clone(),
        title: format!("党代表工作室接待安排（{}）", month_label(first)),
        studio_name: s.studio_name,
        hotline: s.hotline,
        opening_hours: s.opening_hours,
        published: plan.month.published,
        poster_changed: plan.month.poster_changed,
        rows,
    })
}
