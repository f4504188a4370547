//! Activities (活动调研) as JSON, CSV and Excel. JSON rows: `id`, `kind` (code) and `kind_label`,
//! `topic`, `date` (the first day) and `end_date`, `place`, `delegation` (the organising
//! delegation's name, or 工作室) and `delegation_id` (null: the studio), `delegates` (names), `units`
//! (`unit`, `head`), `items` (the linked items' `no`, as in the items export), `summary`,
//! `attachments` (file names).

use serde_json::{json, Value};

use super::{date, to_csv, to_json, to_xlsx, Cell, Column, ExportFormat, Sheet};
use crate::activities::Activity;
use crate::error::Result;

const fn col(header: &'static str, width: f64) -> Column {
    Column { header, width }
}

const COLUMNS: &[Column] = &[
    col("开始日期", 12.0),
    col("结束日期", 12.0),
    col("类型", 10.0),
    col("主题", 30.0),
    col("地点", 16.0),
    col("组织方", 16.0),
    col("参加党代表", 30.0),
    col("邀请单位及负责人", 30.0),
    col("关联事项", 24.0),
    col("活动纪要", 50.0),
    col("附件", 30.0),
    col("系统编号", 38.0),
];

fn joined(v: Vec<String>) -> String {
    v.join("、")
}

fn row(a: &Activity) -> Vec<Cell<'_>> {
    vec![
        date(&a.start_on),
        date(&a.end_on),
        a.kind.label().into(),
        a.topic.as_str().into(),
        a.place.as_str().into(),
        a.organiser.as_str().into(),
        joined(a.delegates.iter().map(|d| d.name.clone()).collect()).into(),
        joined(
            a.units
                .iter()
                .map(|u| match u.head.as_str() {
                    "" => u.unit.clone(),
                    h => format!("{}（{h}）", u.unit),
                })
                .collect(),
        )
        .into(),
        joined(a.items.iter().map(|i| i.no.clone()).collect()).into(),
        a.summary.as_str().into(),
        joined(a.attachments.iter().map(|f| f.file_name.clone()).collect()).into(),
        a.id.as_str().into(),
    ]
}

pub fn activities_sheet(list: &[Activity]) -> Sheet<'_> {
    Sheet {
        name: "活动调研".into(),
        columns: COLUMNS.to_vec(),
        rows: list.iter().map(row).collect(),
    }
}

pub fn activities_json(list: &[Activity]) -> Result<Vec<u8>> {
    let rows: Vec<Value> = list
        .iter()
        .map(|a| {
            json!({
                "id": a.id,
                "kind": a.kind,
                "kind_label": a.kind.label(),
                "topic": a.topic,
                "date": a.start_on,
                "end_date": a.end_on,
                "place": a.place,
                "delegation": a.organiser,
                "delegation_id": a.delegation_id,
                "delegates": a.delegates.iter().map(|d| &d.name).collect::<Vec<_>>(),
                "units": a.units,
                "items": a.items.iter().map(|i| &i.no).collect::<Vec<_>>(),
                "proposals": a.proposals.iter().map(|p| &p.no).collect::<Vec<_>>(),
                "summary": a.summary,
                "attachments": a.attachments.iter().map(|f| &f.file_name).collect::<Vec<_>>(),
            })
        })
        .collect();
    to_json(&rows)
}

pub fn export_activities(list: &[Activity], format: ExportFormat) -> Result<Vec<u8>> {
    match format {
        ExportFormat::Json => activities_json(list),
        ExportFormat::Csv => Ok(to_csv(&activities_sheet(list))),
        ExportFormat::Xlsx => to_xlsx(&activities_sheet(list)),
    }
}
