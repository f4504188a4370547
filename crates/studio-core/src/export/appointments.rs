//! Appointments (约见) as JSON, CSV and Excel: every field, with the Chinese labels of the codes.
//! They hold a private person's name and phone: reading them for an export is the service's
//! deliberate act (`appointments::appointments_for_export`).

use serde_json::Value;

use super::{to_csv, to_json, to_xlsx, Cell, Column, ExportFormat, Sheet};
use crate::appointments::Appointment;
use crate::error::Result;

const fn col(header: &'static str, width: f64) -> Column {
    Column { header, width }
}

const COLUMNS: &[Column] = &[
    col("约见日期", 12.0),
    col("开始时间", 8.0),
    col("结束时间", 8.0),
    col("状态", 8.0),
    col("约见方式", 14.0),
    col("来源", 12.0),
    col("约见人", 10.0),
    col("联系电话", 15.0),
    col("党代表", 10.0),
    col("所在代表团", 16.0),
    col("地点", 16.0),
    col("约见事由", 50.0),
    col("取消原因", 30.0),
    col("备注", 30.0),
    col("记录卡编号", 38.0),
    col("查询码", 10.0),
    col("系统编号", 38.0),
    col("创建时间", 24.0),
    col("最后修改时间", 24.0),
];

fn row(a: &Appointment) -> Vec<Cell<'_>> {
    vec![
        a.date.as_str().into(),
        a.start.as_str().into(),
        a.end.as_str().into(),
        a.status.label().into(),
        a.direction.label().into(),
        a.source.label().into(),
        a.person_name.as_str().into(),
        a.person_phone.as_str().into(),
        a.delegate_name.as_str().into(),
        a.delegation_name.as_str().into(),
        a.place.as_str().into(),
        a.topic.as_str().into(),
        a.cancel_reason.as_str().into(),
        a.note.as_str().into(),
        a.card_id.as_deref().into(),
        a.query_code.as_deref().into(),
        a.id.as_str().into(),
        a.created_at.as_str().into(),
        a.updated_at.as_str().into(),
    ]
}

pub fn appointments_sheet(list: &[Appointment]) -> Sheet<'_> {
    Sheet {
        name: "约见".into(),
        columns: COLUMNS.to_vec(),
        rows: list.iter().map(row).collect(),
    }
}

/// An array of objects: each appointment's own fields (as the UI receives them) plus
/// `status_label`, `direction_label` and `source_label`.
pub fn appointments_json(list: &[Appointment]) -> Result<Vec<u8>> {
    let rows: Vec<Value> = list
        .iter()
        .map(|a| {
            let mut v = serde_json::to_value(a).unwrap_or(Value::Null);
            if let Value::Object(m) = &mut v {
                let text = |s: &str| Value::String(s.to_string());
                m.insert("status_label".into(), text(a.status.label()));
                m.insert("direction_label".into(), text(a.direction.label()));
                m.insert("source_label".into(), text(a.source.label()));
            }
            v
        })
        .collect();
    to_json(&rows)
}

/// The appointments in `format`.
pub fn export_appointments(list: &[Appointment], format: ExportFormat) -> Result<Vec<u8>> {
    match format {
        ExportFormat::Json => appointments_json(list),
        ExportFormat::Csv => Ok(to_csv(&appointments_sheet(list))),
        ExportFormat::Xlsx => to_xlsx(&appointments_sheet(list)),
    }
}
