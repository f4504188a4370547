//! 年度经费收支表 as JSON and Excel (the PDF is `printing::funds_pdf`, from the same lines
//! [`statement_lines`]). Amounts are computed in fen; a file gets them as yuan: JSON both (`*_fen`
//! integers and `*_yuan` text with two decimals), Excel as numbers.

use serde_json::{json, Value};

use super::{to_json, to_xlsx, Cell, Column, Sheet};
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

pub fn funds_xlsx(s: &Statement) -> Result<Vec<u8>> {
    to_xlsx(&funds_sheet(s))
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
