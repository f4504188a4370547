//! The reception schedule as JSON, CSV and Excel: one row per slot, in date and time order.

use serde_json::{json, Value};

use super::{to_csv, to_json, to_xlsx, Cell, Column, ExportFormat, Sheet};
use crate::error::Result;
use crate::schedule::validate::weekday_label;
use crate::schedule::Slot;

const fn col(header: &'static str, width: f64) -> Column {
    Column { header, width }
}

const COLUMNS: &[Column] = &[
    col("日期", 12.0),
    col("星期", 6.0),
    col("开始时间", 8.0),
    col("结束时间", 8.0),
    col("地点", 12.0),
    col("地点说明", 20.0),
    col("值班党代表", 40.0),
    col("已发布", 8.0),
    col("非工作日", 8.0),
    col("备注", 30.0),
    col("系统编号", 38.0),
];

/// `张建华（理工代表团）、王芳（理工代表团）`.
fn delegates_text(s: &Slot) -> String {
    let names: Vec<String> = s
        .delegates
        .iter()
        .map(|d| match d.delegation_name.as_str() {
            "" => d.name.clone(),
            g => format!("{}（{g}）", d.name),
        })
        .collect();
    names.join("、")
}

fn yes_no(b: bool) -> Cell<'static> {
    (if b { "是" } else { "否" }).into()
}

fn row(s: &Slot) -> Vec<Cell<'_>> {
    let weekday = crate::ids::parse_date(&s.date)
        .map(weekday_label)
        .unwrap_or_default();
    vec![
        s.date.as_str().into(),
        weekday.into(),
        s.start.as_str().into(),
        s.end.as_str().into(),
        s.place.label().into(),
        s.place_note.as_str().into(),
        delegates_text(s).into(),
        yes_no(s.published),
        yes_no(s.non_working_day),
        s.note.as_str().into(),
        s.id.as_str().into(),
    ]
}

/// The slots as a sheet: a Chinese header, one row per slot.
pub fn schedule_sheet(slots: &[Slot]) -> Sheet<'_> {
    Sheet {
        name: "接待安排".into(),
        columns: COLUMNS.to_vec(),
        rows: slots.iter().map(row).collect(),
    }
}

/// An array of rows: `date` (`YYYY-MM-DD`), `start` and `end` (zero-padded `HH:MM`), `place`
/// (`studio` / `online`), `published` (bool), `delegates` (`[{id, name}]`, in the slot's order), and
/// `id`, `place_label`, `place_note`, `note`.
pub fn schedule_json(slots: &[Slot]) -> Result<Vec<u8>> {
    let rows: Vec<Value> = slots
        .iter()
        .map(|s| {
            json!({
                "id": s.id,
                "date": s.date,
                "start": s.start,
                "end": s.end,
                "place": s.place,
                "place_label": s.place.label(),
                "place_note": s.place_note,
                "published": s.published,
                "delegates": s.delegates.iter()
                    .map(|d| json!({ "id": d.id, "name": d.name }))
                    .collect::<Vec<_>>(),
                "note": s.note,
            })
        })
        .collect();
    to_json(&rows)
}

/// The slots in `format`.
pub fn export_schedule(slots: &[Slot], format: ExportFormat) -> Result<Vec<u8>> {
    match format {
        ExportFormat::Json => schedule_json(slots),
        ExportFormat::Csv => Ok(to_csv(&schedule_sheet(slots))),
        ExportFormat::Xlsx => to_xlsx(&schedule_sheet(slots)),
    }
}
