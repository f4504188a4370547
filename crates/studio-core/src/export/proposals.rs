//! Proposals (提议) as JSON, CSV and Excel. JSON rows: `id`, `number`, `title`, `status` (code) and
//! `status_label`, `delegation` (name), `drafted_on`, `items` (the linked items' `no`, as in the
//! items export), `units` (`unit`, `referred_on`, `days`, `due_on`, `answered_on`, `answer`,
//! `satisfaction`, `rounds`). Proposals hold no personal data.

use serde_json::{json, Value};

use super::{date, opt_date, to_csv, to_json, to_xlsx, Cell, Column, ExportFormat, Sheet};
use crate::error::Result;
use crate::proposals::Proposal;

const fn col(header: &'static str, width: f64) -> Column {
    Column { header, width }
}

const COLUMNS: &[Column] = &[
    col("编号", 11.0),
    col("标题", 30.0),
    col("状态", 10.0),
    col("代表团", 16.0),
    col("起草日期", 12.0),
    col("关联事项", 24.0),
    col("承办单位", 24.0),
    col("答复期限", 24.0),
    col("答复日期", 24.0),
    col("问题", 50.0),
    col("建议", 50.0),
    col("不予立案理由", 30.0),
    col("办结日期", 12.0),
    col("催办次数", 8.0),
    col("系统编号", 38.0),
];

fn joined<'a>(v: impl Iterator<Item = &'a str>) -> String {
    v.collect::<Vec<_>>().join("、")
}

fn row(p: &Proposal) -> Vec<Cell<'_>> {
    vec![
        p.no.as_str().into(),
        p.title.as_str().into(),
        p.status.label().into(),
        p.delegation_name.as_str().into(),
        date(&p.drafted_on),
        joined(p.items.iter().map(|i| i.no.as_str())).into(),
        joined(p.units.iter().map(|u| u.unit.as_str())).into(),
        joined(p.units.iter().map(|u| u.due_on.as_str())).into(),
        joined(
            p.units
                .iter()
                .map(|u| u.answered_on.as_deref().unwrap_or("未答复")),
        )
        .into(),
        p.problem.as_str().into(),
        p.suggestion.as_str().into(),
        p.decline_reason.as_str().into(),
        opt_date(&p.closed_on),
        p.chase_count.into(),
        p.id.as_str().into(),
    ]
}

pub fn proposals_sheet(list: &[Proposal]) -> Sheet<'_> {
    Sheet {
        name: "提议".into(),
        columns: COLUMNS.to_vec(),
        rows: list.iter().map(row).collect(),
    }
}

pub fn proposals_json(list: &[Proposal]) -> Result<Vec<u8>> {
    let rows: Vec<Value> = list
        .iter()
        .map(|p| {
            json!({
                "id": p.id,
                "number": p.no,
                "title": p.title,
                "status": p.status,
                "status_label": p.status.label(),
                "delegation": p.delegation_name,
                "delegation_id": p.delegation_id,
                "drafted_on": p.drafted_on,
                "items": p.items.iter().map(|i| &i.no).collect::<Vec<_>>(),
                "units": p.units.iter().map(|u| json!({
                    "unit": u.unit,
                    "referred_on": u.referred_on,
                    "days": u.limit_days,
                    "due_on": u.due_on,
                    "answered_on": u.answered_on,
                    "answer": u.answer,
                    "satisfaction": u.satisfaction,
                    "rounds": u.rounds,
                })).collect::<Vec<_>>(),
                "closed_on": p.closed_on,
                "decline_reason": p.decline_reason,
                "chase_count": p.chase_count,
            })
        })
        .collect();
    to_json(&rows)
}

pub fn export_proposals(list: &[Proposal], format: ExportFormat) -> Result<Vec<u8>> {
    match format {
        ExportFormat::Json => proposals_json(list),
        ExportFormat::Csv => Ok(to_csv(&proposals_sheet(list))),
        ExportFormat::Xlsx => to_xlsx(&proposals_sheet(list)),
    }
}
