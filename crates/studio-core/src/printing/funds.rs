//! 年度经费收支表 as PDF: the statement's lines (`export::funds::statement_lines`) on the report
//! table (A4 landscape, header on every page, subtotals and the total bold).

use crate::ctx::Ctx;
use crate::error::Result;
use crate::export::funds::{statement_lines, STATEMENT_COLUMNS};
use crate::funds::{self, format_yuan, Statement};
use crate::storage::Store;

use super::{print_error, Rendered};

pub fn funds_model(s: &Statement, made_on: &str) -> studio_print::Report {
    let y = |f: Option<i64>| f.map(format_yuan).unwrap_or_default();
    studio_print::Report {
        title: format!("党代表工作室{}年度经费收支表", s.year),
        subtitle: format!(
            "经费来源：学院年度预算、党费划拨　　专款专用，厉行节约　　结余 {} 元",
            format_yuan(s.total.left_fen)
        ),
        note: format!("制表日期：{made_on}"),
        groups: STATEMENT_COLUMNS
            .iter()
            .map(|c| studio_print::ReportGroup {
                label: c.header.to_string(),
                span: 1,
            })
            .collect(),
        columns: STATEMENT_COLUMNS
            .iter()
            .enumerate()
            .map(|(i, c)| studio_print::ReportColumn {
                label: c.header.to_string(),
                width: c.width as f32,
                text: i < 3,
            })
            .collect(),
        rows: statement_lines(s)
            .into_iter()
            .map(|r| studio_print::ReportRow {
                cells: vec![
                    r.date,
                    r.summary,
                    r.source,
                    y(r.budget),
                    y(r.spent),
                    y(r.left),
                ],
                bold: r.bold,
            })
            .collect(),
    }
}

/// The statement of `year` as PDF bytes.
pub fn funds_pdf(store: &Store, ctx: &Ctx, year: i32) -> Result<Rendered> {
    let s = funds::statement(store, ctx, year)?;
    let model = funds_model(&s, &ctx.today.format("%Y-%m-%d").to_string());
    super::printer(store)?
        .render_report(&model)
        .map_err(print_error)
}
