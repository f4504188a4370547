//! 党代表名册 (the roster) as JSON, CSV and Excel: every field of each delegate, full texts. The
//! headers are the roster import's (`import::delegates`), so an exported sheet imports again
//! (its extra columns are ignored there). Phones and e-mail are personal data: reading them for an
//! export is the service's deliberate act (`roster::delegates_for_export`).

use serde_json::Value;

use super::{to_csv, to_json, to_xlsx, Cell, Column, ExportFormat, Sheet};
use crate::error::Result;
use crate::roster::DelegateExport;

const fn col(header: &'static str, width: f64) -> Column {
    Column { header, width }
}

const COLUMNS: &[Column] = &[
    col("姓名", 10.0),
    col("性别", 6.0),
    col("所在代表团", 18.0),
    col("工作单位", 24.0),
    col("职务", 16.0),
    col("手机号码", 14.0),
    col("办公电话", 14.0),
    col("电子邮箱", 24.0),
    col("届次", 18.0),
    col("排序号", 8.0),
    col("简介", 60.0),
    col("创先争优个人承诺", 60.0),
    col("状态", 8.0),
    col("离任日期", 12.0),
    col("同意公开", 8.0),
    col("公开项目", 30.0),
    col("系统编号", 38.0),
    col("创建时间", 24.0),
    col("最后修改时间", 24.0),
];

/// The ticked fields of what the online studio and the kiosk may show, in Chinese.
fn published(e: &DelegateExport) -> String {
    let p = &e.delegate.publish;
    [
        (p.unit_position, "单位职务"),
        (p.mobile, "手机"),
        (p.office_phone, "办公电话"),
        (p.email, "邮箱"),
        (p.photo, "照片"),
        (p.bio, "简介"),
        (p.pledge, "承诺"),
    ]
    .iter()
    .filter(|(on, _)| *on)
    .map(|(_, label)| *label)
    .collect::<Vec<_>>()
    .join("、")
}

fn row(e: &DelegateExport) -> Vec<Cell<'_>> {
    let d = &e.delegate;
    vec![
        d.name.as_str().into(),
        d.gender.label().into(),
        e.delegation_name.as_str().into(),
        d.unit.as_str().into(),
        d.position.as_str().into(),
        d.mobile.as_str().into(),
        d.office_phone.as_str().into(),
        d.email.as_str().into(),
        d.term.as_str().into(),
        Cell::Number(d.display_order as f64),
        d.bio.as_str().into(),
        d.pledge.as_str().into(),
        d.status.label().into(),
        d.left_on.as_deref().into(),
        (if d.publish_consent { "是" } else { "否" }).into(),
        published(e).into(),
        d.id.as_str().into(),
        d.created_at.as_str().into(),
        d.updated_at.as_str().into(),
    ]
}

pub fn delegates_sheet(list: &[DelegateExport]) -> Sheet<'_> {
    Sheet {
        name: "党代表名册".into(),
        columns: COLUMNS.to_vec(),
        rows: list.iter().map(row).collect(),
    }
}

/// An array of objects: each delegate's own fields plus `delegation_name`, `gender_label` and
/// `status_label`.
pub fn delegates_json(list: &[DelegateExport]) -> Result<Vec<u8>> {
    let rows: Vec<Value> = list
        .iter()
        .map(|e| {
            let mut v = serde_json::to_value(e).unwrap_or(Value::Null);
            if let Value::Object(m) = &mut v {
                let text = |s: &str| Value::String(s.to_string());
                m.insert("gender_label".into(), text(e.delegate.gender.label()));
                m.insert("status_label".into(), text(e.delegate.status.label()));
            }
            v
        })
        .collect();
    to_json(&rows)
}

/// The roster in `format`.
pub fn export_delegates(list: &[DelegateExport], format: ExportFormat) -> Result<Vec<u8>> {
    match format {
        ExportFormat::Json => delegates_json(list),
        ExportFormat::Csv => Ok(to_csv(&delegates_sheet(list))),
        ExportFormat::Xlsx => to_xlsx(&delegates_sheet(list)),
    }
}
