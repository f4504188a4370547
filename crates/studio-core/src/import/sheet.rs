//! A workbook's first sheet as text: the header row, then each data row's cells by column, with
//! its row number as Excel shows it. Dates become `YYYY-MM-DD`, whole numbers lose their `.0`
//! (a phone number typed as a number), and every input bound is checked here.

use std::io::Cursor;

use calamine::{open_workbook_auto_from_rs, Data, DataType, Reader};

use crate::error::{Error, Result};

/// The largest file read (bytes).
pub const MAX_FILE_BYTES: usize = 10 * 1024 * 1024;
/// The most data rows a sheet may hold.
pub const MAX_ROWS: usize = 10_000;
/// The longest cell (characters); longer ones are cut and the row is refused.
pub const MAX_CELL_CHARS: usize = 10_000;
/// Columns past this one are not read.
pub const MAX_COLUMNS: usize = 60;

/// One data row: its number in the sheet (1 = the first row) and its cells' text, trimmed.
#[derive(Debug, Clone)]
pub struct SheetRow {
    pub number: u32,
    pub cells: Vec<String>,
    /// A cell longer than [`MAX_CELL_CHARS`] (column index).
    pub overlong: Option<usize>,
}

#[derive(Debug, Clone)]
pub struct Table {
    pub headers: Vec<String>,
    pub rows: Vec<SheetRow>,
}

/// The first worksheet of an .xlsx, .xls or .ods file: the first non-empty row is the header.
pub fn read(bytes: &[u8]) -> Result<Table> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(Error::Invalid(format!(
            "文件过大（{:.1} MB），导入文件不能超过 {} MB",
            bytes.len() as f64 / 1024.0 / 1024.0,
            MAX_FILE_BYTES / 1024 / 1024
        )));
    }
    if bytes.is_empty() {
        return Err(Error::Invalid("文件是空的".into()));
    }
    let mut wb = open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(|_| {
        Error::Invalid(
            "无法读取该文件：请选择 Excel（.xlsx、.xls）或 WPS/LibreOffice（.ods）表格".into(),
        )
    })?;
    let range = wb
        .worksheet_range_at(0)
        .ok_or_else(|| Error::Invalid("表格中没有工作表".into()))?
        .map_err(|e| Error::Invalid(format!("无法读取第一个工作表：{e}")))?;
    let first_row = range.start().map_or(0, |(r, _)| r);
    let first_col = range.start().map_or(0, |(_, c)| c) as usize;
    let mut headers: Option<Vec<String>> = None;
    let mut rows = Vec::new();
    for (i, r) in range.rows().enumerate() {
        let number = first_row + i as u32 + 1;
        let mut overlong = None;
        let mut cells = vec![String::new(); first_col];
        for (j, cell) in r.iter().enumerate() {
            if first_col + j >= MAX_COLUMNS {
                break;
            }
            let mut text = cell_text(cell);
            if text.chars().count() > MAX_CELL_CHARS {
                text = text.chars().take(MAX_CELL_CHARS).collect();
                overlong.get_or_insert(first_col + j);
            }
            cells.push(text);
        }
        while cells.last().is_some_and(String::is_empty) {
            cells.pop();
        }
        if cells.is_empty() {
            continue;
        }
        if headers.is_none() {
            headers = Some(cells);
            continue;
        }
        if rows.len() == MAX_ROWS {
            return Err(Error::Invalid(format!(
                "表格超过 {MAX_ROWS} 行，请分成几个文件导入"
            )));
        }
        rows.push(SheetRow {
            number,
            cells,
            overlong,
        });
    }
    let headers = headers.ok_or_else(|| Error::Invalid("表格是空的：第一行应是列名".into()))?;
    if rows.is_empty() {
        return Err(Error::Invalid("表格中除列名外没有数据行".into()));
    }
    Ok(Table { headers, rows })
}

/// A cell as text: dates as `YYYY-MM-DD` (a date and time keeps only the date), whole numbers
/// without a decimal point.
fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty | Data::Error(_) => String::new(),
        Data::String(s) => s.trim().to_string(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) => {
            if f.fract() == 0.0 && f.abs() < 1e15 {
                format!("{}", *f as i64)
            } else {
                f.to_string()
            }
        }
        Data::Bool(b) => (if *b { "是" } else { "否" }).to_string(),
        Data::DateTime(_) | Data::DateTimeIso(_) => cell
            .as_date()
            .map(|d| d.format("%Y-%m-%d").to_string())
            .unwrap_or_else(|| cell.as_string().unwrap_or_default()),
        Data::DurationIso(s) => s.clone(),
    }
}

/// A date typed as text in the usual ways (2025-9-29, 2025/09/29, 2025.9.29, 2025年9月29日) as
/// `YYYY-MM-DD`; anything else unchanged, for the field's own check to refuse.
pub fn normalize_date(s: &str) -> String {
    let t = s.trim();
    let unified: String = t
        .replace('日', "")
        .chars()
        .map(|c| match c {
            '/' | '.' | '年' | '月' => '-',
            c => c,
        })
        .collect();
    let parts: Vec<&str> = unified.split('-').collect();
    if parts.len() == 3
        && parts[0].len() == 4
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.len() <= 4 && p.chars().all(|c| c.is_ascii_digit()))
        && parts[1].len() <= 2
        && parts[2].len() <= 2
    {
        return format!("{}-{:0>2}-{:0>2}", parts[0], parts[1], parts[2]);
    }
    t.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_typed_in_the_usual_ways() {
        assert_eq!(normalize_date("2025/9/3"), "2025-09-03");
        assert_eq!(normalize_date("2025年9月30日"), "2025-09-30");
        assert_eq!(normalize_date("2025.10.01"), "2025-10-01");
        assert_eq!(normalize_date("2025-10-01"), "2025-10-01");
        assert_eq!(normalize_date("九月三日"), "九月三日");
        assert_eq!(normalize_date("2025-1"), "2025-1");
    }

    #[test]
    fn numbers_lose_their_decimal_point() {
        assert_eq!(cell_text(&Data::Float(13812345678.0)), "13812345678");
        assert_eq!(cell_text(&Data::Float(2.5)), "2.5");
        assert_eq!(cell_text(&Data::String("  张三 ".into())), "张三");
    }
}
