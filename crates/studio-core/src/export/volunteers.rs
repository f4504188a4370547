//! 联络员与志愿者 as JSON, CSV and Excel, in the registry's order (liaison officers first, party
//! members first).

use serde_json::{json, Value};

use super::{date, opt_date, to_csv, to_json, to_xlsx, Column, ExportFormat, Sheet};
use crate::error::Result;
use crate::volunteers::Volunteer;

const fn col(header: &'static str, width: f64) -> Column {
    Column { header, width }
}

const COLUMNS: &[Column] = &[
    col("姓名", 10.0),
    col("身份", 8.0),
    col("单位", 24.0),
    col("联系方式", 18.0),
    col("政治面貌", 12.0),
    col("起始日期", 12.0),
    col("结束日期", 12.0),
    col("备注", 30.0),
    col("系统编号", 38.0),
];

pub fn volunteers_sheet(rows: &[Volunteer]) -> Sheet<'_> {
    Sheet {
        name: "联络员与志愿者".into(),
        columns: COLUMNS.to_vec(),
        rows: rows
            .iter()
            .map(|v| {
                vec![
                    v.name.as_str().into(),
                    v.role.label().into(),
                    v.unit.as_str().into(),
                    v.contact.as_str().into(),
                    v.political_status.label().into(),
                    date(&v.since),
                    opt_date(&v.until),
                    v.notes.as_str().into(),
                    v.id.as_str().into(),
                ]
            })
            .collect(),
    }
}

/// An array: `id`, `name`, `role` (`liaison` / `volunteer`) and `role_label`, `unit`, `contact`,
/// `political_status` and its label, `since`, `until` (null while serving), `notes`.
pub fn volunteers_json(rows: &[Volunteer]) -> Result<Vec<u8>> {
    let rows: Vec<Value> = rows
        .iter()
        .map(|v| {
            json!({
                "id": v.id,
                "name": v.name,
                "role": v.role,
                "role_label": v.role.label(),
                "unit": v.unit,
                "contact": v.contact,
                "political_status": v.political_status,
                "political_status_label": v.political_status.label(),
                "since": v.since,
                "until": v.until,
                "notes": v.notes,
            })
        })
        .collect();
    to_json(&rows)
}

pub fn export_volunteers(rows: &[Volunteer], format: ExportFormat) -> Result<Vec<u8>> {
    match format {
        ExportFormat::Json => volunteers_json(rows),
        ExportFormat::Csv => Ok(to_csv(&volunteers_sheet(rows))),
        ExportFormat::Xlsx => to_xlsx(&volunteers_sheet(rows)),
    }
}
