//! The reports on paper: a report as the export lays it out (`export::reports::ReportTable`, the
//! one description of its columns and header groups) → the print crate's plain `Report` → an A4
//! landscape PDF with the header rows on every page.

use crate::ctx::Ctx;
use crate::error::Result;
use crate::export::reports::{summary_table, units_table, ReportCell, ReportTable, RowKind};
use crate::reports::{self, Period, Summary, UnitsReport};
use crate::storage::Store;

use super::{print_error, Rendered};

/// The print model of a laid-out report; `made_on` goes to the right of the period line.
pub fn report_model(t: &ReportTable, made_on: &str) -> studio_print::Report {
    studio_print::Report {
        title: t.title.to_string(),
        subtitle: t.period_text(),
        note: if made_on.is_empty() {
            String::new()
        } else {
            format!("制表日期：{made_on}")
        },
        groups: t
            .groups
            .iter()
            .map(|g| studio_print::ReportGroup {
                label: g.label.to_string(),
                span: g.span,
            })
            .collect(),
        columns: t
            .columns
            .iter()
            .enumerate()
            .map(|(i, c)| studio_print::ReportColumn {
                label: c.label.to_string(),
                width: c.width as f32,
                text: t
                    .rows
                    .first()
                    .is_some_and(|(_, cells)| matches!(cells.get(i), Some(ReportCell::Text(_)))),
            })
            .collect(),
        rows: t
            .rows
            .iter()
            .map(|(kind, cells)| studio_print::ReportRow {
                cells: cells.iter().map(ReportCell::text).collect(),
                bold: *kind != RowKind::Detail,
            })
            .collect(),
    }
}

/// 统计汇总 as PDF bytes.
pub fn summary_pdf(store: &Store, s: &Summary, made_on: &str) -> Result<Rendered> {
    super::printer(store)?
        .render_report(&report_model(&summary_table(s), made_on))
        .map_err(print_error)
}

/// 承办单位 as PDF bytes.
pub fn units_pdf(store: &Store, u: &UnitsReport, made_on: &str) -> Result<Rendered> {
    super::printer(store)?
        .render_report(&report_model(&units_table(u), made_on))
        .map_err(print_error)
}

/// Reads 统计汇总 for `period` (its permission and reach) and prints it, dated `ctx.today`.
pub fn render_summary(store: &Store, ctx: &Ctx, period: &Period) -> Result<Rendered> {
    let s = reports::summary(store, ctx, period)?;
    summary_pdf(store, &s, &ctx.today.format("%Y-%m-%d").to_string())
}

/// Reads 承办单位 for `period` and prints it, dated `ctx.today`.
pub fn render_units(store: &Store, ctx: &Ctx, period: &Period) -> Result<Rendered> {
    let u = reports::units(store, ctx, period)?;
    units_pdf(store, &u, &ctx.today.format("%Y-%m-%d").to_string())
}
