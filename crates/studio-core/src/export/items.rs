//! Ledger items (意见台账) as JSON, CSV and Excel: every field, the full texts and answers, and the
//! timeline-independent figures a supervisor checks (due date, overdue as of the export day).

use serde_json::Value;

use super::{opt, to_csv, to_json, to_xlsx, Cell, Column, ExportFormat, Sheet};
use crate::error::Result;
use crate::items::{Item, ItemDeadlineState};

const fn col(header: &'static str, width: f64) -> Column {
    Column { header, width }
}

const COLUMNS: &[Column] = &[
    col("编号", 11.0),
    col("受理日期", 12.0),
    col("问题类别", 14.0),
    col("来源", 10.0),
    col("状态", 8.0),
    col("标题", 30.0),
    col("内容", 60.0),
    col("提出人", 10.0),
    col("提出人电话", 15.0),
    col("提出人地址或E-mail", 26.0),
    col("首问责任人", 10.0),
    col("承办党代表", 16.0),
    col("所在代表团", 16.0),
    col("承办单位", 16.0),
    col("交办日期", 12.0),
    col("单位办理期限", 12.0),
    col("单位答复", 40.0),
    col("单位答复日期", 12.0),
    col("限时（工作日）", 8.0),
    col("延期（工作日）", 8.0),
    col("待补充（工作日）", 8.0),
    col("待补充开始", 12.0),
    col("办结期限", 12.0),
    col("期限状态", 10.0),
    col("是否逾期", 8.0),
    col("答复", 60.0),
    col("答复日期", 12.0),
    col("反馈", 40.0),
    col("反馈日期", 12.0),
    col("满意度", 10.0),
    col("回访情况", 30.0),
    col("办结日期", 12.0),
    col("不予受理理由", 30.0),
    col("已上报组织部", 8.0),
    col("催办次数", 8.0),
    col("记录卡编号", 38.0),
    col("记录卡应交回日期", 12.0),
    col("系统编号", 38.0),
    col("创建时间", 24.0),
    col("最后修改时间", 24.0),
];

fn yes_no(b: bool) -> Cell<'static> {
    (if b { "是" } else { "否" }).into()
}

/// The handling delegates' names, joined with `、`.
fn delegate_names(i: &Item) -> String {
    let names: Vec<&str> = i.delegates.iter().map(|d| d.name.as_str()).collect();
    names.join("、")
}

fn delegation_names(i: &Item) -> String {
    let mut names: Vec<&str> = Vec::new();
    for d in &i.delegates {
        if !names.contains(&d.delegation_name.as_str()) {
            names.push(&d.delegation_name);
        }
    }
    names.join("、")
}

fn row(i: &Item) -> Vec<Cell<'_>> {
    let r = i.referral.as_ref();
    vec![
        i.no.as_str().into(),
        i.received_on.as_str().into(),
        i.category.label().into(),
        i.source.label().into(),
        i.status.label().into(),
        i.title.as_str().into(),
        i.content.as_str().into(),
        i.person_name.as_str().into(),
        i.person_phone.as_str().into(),
        i.person_contact.as_str().into(),
        i.first_responder.as_str().into(),
        delegate_names(i).into(),
        delegation_names(i).into(),
        r.map(|r| r.unit.as_str()).into(),
        r.map(|r| r.referred_on.as_str()).into(),
        r.map(|r| r.due_on.as_str()).into(),
        r.map(|r| r.answer.as_str()).into(),
        r.and_then(|r| r.answered_on.as_deref()).into(),
        i.limit_days.into(),
        i.extension_days.into(),
        i.paused_days.into(),
        opt(&i.paused_since),
        opt(&i.due_on),
        i.deadline.label().into(),
        yes_no(i.deadline == ItemDeadlineState::Overdue),
        i.answer.as_str().into(),
        opt(&i.answered_on),
        i.feedback.as_str().into(),
        opt(&i.fed_back_on),
        i.satisfaction.map(|s| s.label()).into(),
        i.follow_up_note.as_str().into(),
        opt(&i.closed_on),
        i.decline_reason.as_str().into(),
        yes_no(i.escalated),
        i.chase_count.into(),
        opt(&i.card_id),
        opt(&i.card_filing_due_on),
        i.id.as_str().into(),
        i.created_at.as_str().into(),
        i.updated_at.as_str().into(),
    ]
}

/// The items as a sheet: a Chinese header, one row per item, deadline figures as of when the items
/// were read.
pub fn items_sheet(items: &[Item]) -> Sheet<'_> {
    Sheet {
        name: "意见台账".into(),
        columns: COLUMNS.to_vec(),
        rows: items.iter().map(row).collect(),
    }
}

/// An array of objects: each item's own fields (as the UI receives them: `id`, `no`, `category`,
/// `status`, `source`, `title`, `content` — the full text —, `received_on`, `due_on`, `answered_on`,
/// `fed_back_on`, `closed_on`, `first_responder`, `answer`, `feedback`, `delegates`, `referral`…)
/// plus `delegate` (the handling delegates' names joined with `、`), `overdue` (as of the day read)
/// and the Chinese labels of the codes: `category_label`, `status_label`, `source_label`,
/// `satisfaction_label`, `deadline_label`.
pub fn items_json(items: &[Item]) -> Result<Vec<u8>> {
    let list: Vec<Value> = items
        .iter()
        .map(|i| {
            let mut v = serde_json::to_value(i).unwrap_or(Value::Null);
            if let Value::Object(m) = &mut v {
                let text = |s: &str| Value::String(s.to_string());
                m.insert("delegate".into(), text(&delegate_names(i)));
                m.insert(
                    "overdue".into(),
                    Value::Bool(i.deadline == ItemDeadlineState::Overdue),
                );
                m.insert("category_label".into(), text(i.category.label()));
                m.insert("status_label".into(), text(i.status.label()));
                m.insert("source_label".into(), text(i.source.label()));
                m.insert(
                    "satisfaction_label".into(),
                    i.satisfaction.map_or(Value::Null, |s| text(s.label())),
                );
                m.insert("deadline_label".into(), text(i.deadline.label()));
            }
            v
        })
        .collect();
    to_json(&list)
}

/// The items in `format`.
pub fn export_items(items: &[Item], format: ExportFormat) -> Result<Vec<u8>> {
    match format {
        ExportFormat::Json => items_json(items),
        ExportFormat::Csv => Ok(to_csv(&items_sheet(items))),
        ExportFormat::Xlsx => to_xlsx(&items_sheet(items)),
    }
}
