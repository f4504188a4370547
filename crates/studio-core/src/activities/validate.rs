//! Input rules of the activity form.

use chrono::NaiveDate;

use super::{ActivityInput, ActivityKind, InvitedUnit};
use crate::error::Result;
use crate::ids::parse_date;
use crate::validate::Checker;

/// Field limits, in characters unless said (the UI reads them from `rules::Rules`).
pub const TOPIC_MAX: usize = 60;
pub const PLACE_MAX: usize = 60;
pub const SUMMARY_MAX: usize = 5000;
pub const UNIT_MAX: usize = 60;
pub const HEAD_MAX: usize = 20;
pub const DELEGATES_MAX: usize = 60;
pub const UNITS_MAX: usize = 20;
pub const ITEMS_MAX: usize = 50;
/// An activity lasts at most this many days.
pub const DAYS_MAX: i64 = 31;

pub(super) struct Valid {
    pub kind: ActivityKind,
    pub topic: String,
    pub start_on: NaiveDate,
    pub end_on: NaiveDate,
    pub place: String,
    pub delegation_id: Option<String>,
    pub delegate_ids: Vec<String>,
    pub units: Vec<InvitedUnit>,
    pub summary: String,
    pub item_ids: Vec<String>,
}

fn unique(ids: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for id in ids {
        let id = id.trim();
        if !id.is_empty() && !out.iter().any(|x| x == id) {
            out.push(id.to_string());
        }
    }
    out
}

pub(super) fn activity(input: &ActivityInput) -> Result<Valid> {
    let mut c = Checker::new();
    if input.kind.is_none() {
        c.add("kind", "请选择活动类型");
    }
    c.required("topic", "活动主题", &input.topic, TOPIC_MAX);
    c.max_len("place", "地点", &input.place, PLACE_MAX);
    c.max_len("summary", "活动纪要", &input.summary, SUMMARY_MAX);
    let start = parse_date(&input.start_on);
    if start.is_none() {
        c.add("start_on", "开始日期格式应为 YYYY-MM-DD，例如 2026-05-06");
    }
    let end = match input.end_on.trim() {
        "" => start,
        e => parse_date(e),
    };
    match (start, end) {
        (Some(_), None) => c.add("end_on", "结束日期格式应为 YYYY-MM-DD"),
        (Some(s), Some(e)) if e < s => c.add("end_on", "结束日期不能早于开始日期"),
        (Some(s), Some(e)) if (e - s).num_days() >= DAYS_MAX => {
            c.add("end_on", format!("一次活动最长 {DAYS_MAX} 天"))
        }
        _ => {}
    }
    let delegate_ids = unique(&input.delegate_ids);
    if delegate_ids.len() > DELEGATES_MAX {
        c.add("delegate_ids", format!("参加党代表最多 {DELEGATES_MAX} 人"));
    }
    let item_ids = unique(&input.item_ids);
    if item_ids.len() > ITEMS_MAX {
        c.add("item_ids", format!("最多关联 {ITEMS_MAX} 件事项"));
    }
    let units: Vec<InvitedUnit> = input
        .units
        .iter()
        .map(|u| InvitedUnit {
            unit: u.unit.trim().to_string(),
            head: u.head.trim().to_string(),
        })
        .filter(|u| !u.unit.is_empty() || !u.head.is_empty())
        .collect();
    if units.len() > UNITS_MAX {
        c.add("units", format!("邀请单位最多 {UNITS_MAX} 个"));
    }
    for u in &units {
        c.required("units", "邀请单位名称", &u.unit, UNIT_MAX);
        c.max_len("units", "单位负责人", &u.head, HEAD_MAX);
    }
    c.finish()?;
    let start_on = start.unwrap_or_default();
    Ok(Valid {
        kind: input.kind.unwrap_or(ActivityKind::Other),
        topic: input.topic.trim().to_string(),
        start_on,
        end_on: end.unwrap_or(start_on),
        place: input.place.trim().to_string(),
        delegation_id: input
            .delegation_id
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned),
        delegate_ids,
        units,
        summary: input.summary.trim().to_string(),
        item_ids,
    })
}
