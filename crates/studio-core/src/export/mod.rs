//! Exports: records to JSON, CSV or Excel bytes. Pure functions: data in, `Vec<u8>` out; where the
//! bytes go (a file, a dialog) is the caller's business, and reading the records (a deliberate act
//! on personal data, with its permission check) is the service's.
//!
//! Each kind of record describes itself once as a [`Sheet`] (Chinese column headers, one row per
//! record, cells as text or numbers); [`to_csv`] and [`to_xlsx`] turn any sheet into a file. JSON is
//! the records' own serde form plus the Chinese labels of their codes. A new kind (items, the
//! summary sheet) adds a module like `cards.rs` and nothing here changes.

mod accounts;
mod activities;
mod appointments;
mod cards;
mod delegates;
pub mod funds;
mod items;
mod news;
mod proposals;
pub mod reports;
mod schedule;
mod volunteers;

use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use ts_rs::TS;

use crate::error::{Error, Result};

pub use accounts::{accounts_sheet, export_accounts};
pub use activities::{activities_json, activities_sheet, export_activities};
pub use appointments::{appointments_json, appointments_sheet, export_appointments};
pub use cards::{cards_csv, cards_json, cards_sheet, cards_xlsx, export_cards};
pub use delegates::{delegates_json, delegates_sheet, export_delegates};
pub use items::{export_items, items_json, items_sheet};
pub use news::{export_news, news_json, news_sheet};
pub use proposals::{export_proposals, proposals_json, proposals_sheet};
pub use reports::{
    summary_csv, summary_json, summary_table, summary_xlsx, units_csv, units_json, units_table,
    units_xlsx,
};
pub use schedule::{export_schedule, schedule_json, schedule_sheet};
pub use volunteers::{export_volunteers, volunteers_json, volunteers_sheet};

/// The file formats an export can be written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ExportFormat {
    Json,
    /// UTF-8 with a byte-order mark, so Excel opens Chinese text correctly.
    Csv,
    Xlsx,
}

impl ExportFormat {
    pub const ALL: [ExportFormat; 3] = [ExportFormat::Json, ExportFormat::Csv, ExportFormat::Xlsx];

    pub fn as_str(self) -> &'static str {
        match self {
            ExportFormat::Json => "json",
            ExportFormat::Csv => "csv",
            ExportFormat::Xlsx => "xlsx",
        }
    }

    /// `json`, `csv` or `xlsx` (any case).
    pub fn parse(s: &str) -> Option<Self> {
        let s = s.trim().to_ascii_lowercase();
        Self::ALL.into_iter().find(|f| f.as_str() == s)
    }

    /// The file name extension, without the dot.
    pub fn extension(self) -> &'static str {
        self.as_str()
    }

    pub fn mime_type(self) -> &'static str {
        match self {
            ExportFormat::Json => "application/json",
            ExportFormat::Csv => "text/csv; charset=utf-8",
            ExportFormat::Xlsx => {
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            }
        }
    }
}

/// The lists without personal data whose 导出 takes a period (`[from, to]`, both or neither):
/// 工作室动态, 活动调研 and 提议. One export command takes it; no reason is asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum DatedList {
    News,
    Activities,
    Proposals,
}

/// One column of a sheet: its Chinese header and its width in Excel character units.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Column {
    pub header: &'static str,
    pub width: f64,
}

/// One cell: text, a date (`YYYY-MM-DD`: text in CSV, a real date in Excel), a number, or nothing.
/// Text borrows from the records where it can: an export of 100,000 items has four million cells,
/// and copying each text before writing it was a tenth of the export's time (`perf`, allocation
/// and copies).
#[derive(Debug, Clone, PartialEq)]
pub enum Cell<'a> {
    Text(Cow<'a, str>),
    /// A `YYYY-MM-DD` day; Excel gets a date cell shown `yyyy-mm-dd` (sortable and filterable as a
    /// date), or the text when it is not a day.
    Date(&'a str),
    Number(f64),
    Empty,
}

/// A day (`YYYY-MM-DD`) as a date cell.
pub(crate) fn date(s: &str) -> Cell<'_> {
    Cell::Date(s)
}

/// An optional day as a date cell (empty when absent).
pub(crate) fn opt_date(s: &Option<String>) -> Cell<'_> {
    s.as_deref().map_or(Cell::Empty, Cell::Date)
}

/// A `YYYY-MM-DD` day as Excel's date, `None` for anything else.
pub(crate) fn excel_date(s: &str) -> Option<rust_xlsxwriter::ExcelDateTime> {
    use chrono::Datelike;
    let d = crate::ids::parse_date(s)?;
    rust_xlsxwriter::ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8).ok()
}

impl<'a> From<&'a str> for Cell<'a> {
    fn from(s: &'a str) -> Self {
        Cell::Text(Cow::Borrowed(s))
    }
}

impl From<String> for Cell<'_> {
    fn from(s: String) -> Self {
        Cell::Text(Cow::Owned(s))
    }
}

impl<'a> From<Option<&'a str>> for Cell<'a> {
    fn from(s: Option<&'a str>) -> Self {
        s.map_or(Cell::Empty, Cell::from)
    }
}

impl From<u32> for Cell<'_> {
    fn from(n: u32) -> Self {
        Cell::Number(f64::from(n))
    }
}

impl From<Option<u32>> for Cell<'_> {
    fn from(n: Option<u32>) -> Self {
        n.map_or(Cell::Empty, Cell::from)
    }
}

/// An optional text as a cell (empty when absent), borrowed from the record.
pub(crate) fn opt(s: &Option<String>) -> Cell<'_> {
    Cell::from(s.as_deref())
}

/// A table of records, ready for CSV or Excel: a header row of `columns`, then `rows` (each as long
/// as `columns`), borrowing the records' texts.
#[derive(Debug, Clone, PartialEq)]
pub struct Sheet<'a> {
    /// The worksheet's name in Excel (at most 31 characters, none of `[]:*?/\`).
    pub name: String,
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<Cell<'a>>>,
}

/// A CSV field: quoted when it holds a comma, a quote or a line break. Text that a spreadsheet
/// would take for a formula (`=`, `+`, `-`, `@` first) gets a leading `'`: an exported opinion typed
/// by the public must not run as a formula when the file is opened.
fn csv_field(cell: &Cell) -> String {
    let text = match cell {
        Cell::Empty => return String::new(),
        Cell::Number(n) => return format_number(*n),
        Cell::Text(t) => t.as_ref(),
        Cell::Date(d) => d,
    };
    let guarded = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    };
    if guarded.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", guarded.replace('"', "\"\""))
    } else {
        guarded
    }
}

fn format_number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        n.to_string()
    }
}

/// The sheet as CSV: UTF-8 with a byte-order mark (Excel on Windows reads Chinese correctly only
/// with it), CRLF line ends, a header row.
pub fn to_csv(sheet: &Sheet) -> Vec<u8> {
    let mut out = String::from("\u{FEFF}");
    let header: Vec<String> = sheet
        .columns
        .iter()
        .map(|c| csv_field(&Cell::from(c.header)))
        .collect();
    out.push_str(&header.join(","));
    out.push_str("\r\n");
    for row in &sheet.rows {
        let fields: Vec<String> = row.iter().map(csv_field).collect();
        out.push_str(&fields.join(","));
        out.push_str("\r\n");
    }
    out.into_bytes()
}

pub(crate) fn xlsx_error(e: rust_xlsxwriter::XlsxError) -> Error {
    Error::Invalid(format!("生成 Excel 文件失败：{e}"))
}

/// The sheet as an Excel workbook (.xlsx): a bold header row frozen at the top with filter buttons,
/// the columns' widths, text as text (never a formula), numbers as numbers, days as dates.
///
/// Written row by row in constant-memory mode (inline strings, rows streamed to a temporary file)
/// and deflated at level 1: for 100,000 items the default mode took 1.2 GB and its deflate at the
/// default level a quarter of the export's time, for a file only somewhat smaller.
pub fn to_xlsx(sheet: &Sheet) -> Result<Vec<u8>> {
    use rust_xlsxwriter::{Format, FormatAlign, Workbook};
    let mut wb = Workbook::new();
    wb.set_zip_compression_level(1);
    let ws = wb
        .add_worksheet_with_constant_memory()
        .map_err(xlsx_error)?;
    ws.set_name(&sheet.name).map_err(xlsx_error)?;
    let bold = Format::new()
        .set_bold()
        .set_align(FormatAlign::Center)
        .set_background_color("#F2F2F2");
    let day = Format::new().set_num_format("yyyy-mm-dd");
    for (col, c) in sheet.columns.iter().enumerate() {
        let col = col as u16;
        ws.write_string_with_format(0, col, c.header, &bold)
            .map_err(xlsx_error)?;
        ws.set_column_width(col, c.width).map_err(xlsx_error)?;
    }
    for (i, row) in sheet.rows.iter().enumerate() {
        let r = i as u32 + 1;
        for (col, cell) in row.iter().enumerate() {
            let col = col as u16;
            match cell {
                Cell::Text(t) if !t.is_empty() => {
                    ws.write_string(r, col, t.as_ref()).map_err(xlsx_error)?;
                }
                Cell::Number(n) => {
                    ws.write_number(r, col, *n).map_err(xlsx_error)?;
                }
                Cell::Date(d) => match excel_date(d) {
                    Some(x) => ws.write_date_with_format(r, col, &x, &day),
                    None => ws.write_string(r, col, *d),
                }
                .map(|_| ())
                .map_err(xlsx_error)?,
                _ => {}
            }
        }
    }
    ws.set_freeze_panes(1, 0).map_err(xlsx_error)?;
    if !sheet.columns.is_empty() {
        ws.autofilter(
            0,
            0,
            sheet.rows.len() as u32,
            sheet.columns.len() as u16 - 1,
        )
        .map_err(xlsx_error)?;
    }
    wb.save_to_buffer().map_err(xlsx_error)
}

/// Records as pretty-printed JSON.
pub(crate) fn to_json<T: Serialize>(value: &T) -> Result<Vec<u8>> {
    serde_json::to_vec_pretty(value).map_err(|e| Error::Invalid(format!("生成 JSON 失败：{e}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sheet() -> Sheet<'static> {
        Sheet {
            name: "测试".into(),
            columns: vec![
                Column {
                    header: "姓名",
                    width: 10.0,
                },
                Column {
                    header: "意见",
                    width: 40.0,
                },
                Column {
                    header: "人数",
                    width: 6.0,
                },
            ],
            rows: vec![
                vec!["张三".into(), "食堂,\"晚餐\"\n延长".into(), 3u32.into()],
                vec!["=1+1".into(), Cell::Empty, Cell::Empty],
            ],
        }
    }

    #[test]
    fn csv_has_a_bom_quotes_and_guards_formulas() {
        let text = String::from_utf8(to_csv(&sheet())).unwrap();
        assert_eq!(
            text,
            "\u{FEFF}姓名,意见,人数\r\n张三,\"食堂,\"\"晚餐\"\"\n延长\",3\r\n'=1+1,,\r\n"
        );
    }

    #[test]
    fn xlsx_is_a_zip() {
        let bytes = to_xlsx(&sheet()).unwrap();
        assert_eq!(&bytes[..2], b"PK");
    }

    #[test]
    fn formats_parse() {
        assert_eq!(ExportFormat::parse("XLSX"), Some(ExportFormat::Xlsx));
        assert_eq!(ExportFormat::parse("pdf"), None);
        assert_eq!(ExportFormat::Csv.extension(), "csv");
    }
}
