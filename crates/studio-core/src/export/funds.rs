//! 年度经费收支表 as JSON and Excel (the PDF is `printing::funds_pdf`, from the same lines
//! [`statement_lines`]). Amounts are computed in fen; a file gets them as yuan: JSON both (`*_fen`
//! integers and `*_yuan` text with two decimals), Excel as numbers shown with two decimals
//! (`#,##0.00`: 860.00, not 860), the subtotals and the total bold.

use serde_json::{json, Value};

use super::{to_json, xlsx_error, Cell, Column, Sheet};
use crate::error::Result;
use crate::funds::{format_yuan, Statement};

const fn col(header: &'static str, width: f64) -> Column {
    Column { header, width }
}

/// The statement's columns, for the sheet and the PDF.
pub const STATEMENT_COLUMNS: &[Column] = &[
    col("日期", 12.0),
    col("摘要", 36.0),
    col("经费来源", 12.0),
    col("预算（元）", 14.0),
    col("支出（元）", 14.0),
    col("结余（元）", 14.0),
];

/// One line of the statement: its cells (amounts in fen) and whether it is a subtotal or total.
pub struct StatementRow {
    pub date: String,
    pub summary: String,
    pub source: String,
    pub budget: Option<i64>,
    pub spent: Option<i64>,
    pub left: Option<i64>,
    pub bold: bool,
}

/// The budgets, every entry by date, then each source's subtotal and the total.
pub fn statement_lines(s: &Statement) -> Vec<StatementRow> {
    let mut out = Vec::new();
    for l in &s.lines {
        out.push(StatementRow {
            date: String::new(),
            summary: format!("{}年度预算", s.year),
            source: l.label.clone(),
            budget: Some(l.budget_fen),
            spent: None,
            left: None,
            bold: false,
        });
    }
    for x in &s.spendings {
        let summary = match x.activity_id.as_str() {
            "" => x.purpose.clone(),
            a => format!("{}（活动：{a}）", x.purpose),
        };
        out.push(StatementRow {
            date: x.date.clone(),
            summary,
            source: x.source.label().into(),
            budget: None,
            spent: Some(x.amount_fen),
            left: None,
            bold: false,
        });
    }
    for l in s.lines.iter().chain(std::iter::once(&s.total)) {
        out.push(StatementRow {
            date: String::new(),
            summary: match l.source {
                Some(_) => format!("小计（{} 笔）", l.entries),
                None => format!("合计（{} 笔）", l.entries),
            },
            source: if l.source.is_some() {
                l.label.clone()
            } else {
                String::new()
            },
            budget: Some(l.budget_fen),
            spent: Some(l.spent_fen),
            left: Some(l.left_fen),
            bold: true,
        });
    }
    out
}

fn yuan(fen: Option<i64>) -> Cell<'static> {
    // The file's number: exact fen / 100 has at most two decimals.
    fen.map_or(Cell::Empty, |f| Cell::Number(f as f64 / 100.0))
}

pub fn funds_sheet(s: &Statement) -> Sheet<'_> {
    Sheet {
        name: format!("{}年经费收支", s.year),
        columns: STATEMENT_COLUMNS.to_vec(),
        rows: statement_lines(s)
            .into_iter()
            .map(|r| {
                vec![
                    r.date.into(),
                    r.summary.into(),
                    r.source.into(),
                    yuan(r.budget),
                    yuan(r.spent),
                    yuan(r.left),
                ]
            })
            .collect(),
    }
}

/// The statement as a workbook: [`funds_sheet`]'s cells with the money as money. The generic
/// sheet writer showed 860 and 186.5 for 860.00 and 186.50 (found converting it with LibreOffice,
/// `scripts/check-xlsx.sh`), and a statement's subtotals should stand out as on paper.
pub fn funds_xlsx(s: &Statement) -> Result<Vec<u8>> {
    use rust_xlsxwriter::{Format, FormatAlign, Workbook};
    let sheet = funds_sheet(s);
    let lines = statement_lines(s);
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name(&sheet.name).map_err(xlsx_error)?;
    let header = Format::new()
        .set_bold()
        .set_align(FormatAlign::Center)
        .set_background_color("#F2F2F2");
    let money = Format::new().set_num_format("#,##0.00");
    let plain = Format::new();
    let bold = Format::new().set_bold();
    let bold_money = money.clone().set_bold();
    for (col, c) in sheet.columns.iter().enumerate() {
        let col = col as u16;
        ws.write_string_with_format(0, col, c.header, &header)
            .map_err(xlsx_error)?;
        ws.set_column_width(col, c.width).map_err(xlsx_error)?;
    }
    for (i, (row, line)) in sheet.rows.iter().zip(&lines).enumerate() {
        let r = i as u32 + 1;
        let (text, number) = if line.bold {
            (&bold, &bold_money)
        } else {
            (&plain, &money)
        };
        for (col, cell) in row.iter().enumerate() {
            let col = col as u16;
            match cell {
                Cell::Text(t) if !t.is_empty() => {
                    ws.write_string_with_format(r, col, t.as_ref(), text)
                        .map_err(xlsx_error)?;
                }
                Cell::Number(n) => {
                    ws.write_number_with_format(r, col, *n, number)
                        .map_err(xlsx_error)?;
                }
                _ => {}
            }
        }
    }
    ws.set_freeze_panes(1, 0).map_err(xlsx_error)?;
    wb.save_to_buffer().map_err(xlsx_error)
}

/// `{year, lines: [{source, label, budget_fen, spent_fen, left_fen, entries, budget_yuan, …}],
/// total, spendings: [{id, date, purpose, source, amount_fen, amount_yuan, activity_id,
/// receipt}]}`.
pub fn funds_json(s: &Statement) -> Result<Vec<u8>> {
    let line = |l: &crate::funds::StatementLine| {
        json!({
            "source": l.source,
            "label": l.label,
            "budget_fen": l.budget_fen,
            "spent_fen": l.spent_fen,
            "left_fen": l.left_fen,
            "budget_yuan": format_yuan(l.budget_fen),
            "spent_yuan": format_yuan(l.spent_fen),
            "left_yuan": format_yuan(l.left_fen),
            "entries": l.entries,
        })
    };
    let spendings: Vec<Value> = s
        .spendings
        .iter()
        .map(|x| {
            json!({
                "id": x.id,
                "date": x.date,
                "purpose": x.purpose,
                "source": x.source,
                "source_label": x.source.label(),
                "amount_fen": x.amount_fen,
                "amount_yuan": format_yuan(x.amount_fen),
                "activity_id": x.activity_id,
                "receipt": x.receipt.is_some(),
            })
        })
        .collect();
    to_json(&json!({
        "year": s.year,
        "lines": s.lines.iter().map(line).collect::<Vec<_>>(),
        "total": line(&s.total),
        "spendings": spendings,
    }))
}
