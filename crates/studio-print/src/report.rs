//! A statistical report table (统计汇总, 承办单位) printed on A4 landscape: a title, a line
//! under it (the period), a table with two header rows (group cells over their columns)
//! repeated on every page, and its lines (subtotals and totals bold). Plain strings: the
//! caller formats its figures and maps its report onto these, so this crate never depends
//! on the core.

/// Upper bound on a report's lines (a university has a few hundred delegates): stops a
/// runaway request from building a huge PDF in memory.
pub const MAX_REPORT_ROWS: usize = 10_000;
/// Upper bound on columns: they must fit the width of A4 landscape.
pub const MAX_REPORT_COLUMNS: usize = 40;

/// The whole report (see [`render_report`](crate::render_report)).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Report {
    /// The heading, e.g. "党代表联系党员群众工作情况汇总表".
    pub title: String,
    /// The line under the title at the left, e.g. "统计期间：2026-01-01 至 2026-12-31".
    pub subtitle: String,
    /// At the right of the subtitle's line, e.g. "制表日期：2026-12-03"; may be empty.
    pub note: String,
    /// The first header row: each group over `span` columns, in order; their spans add up
    /// to the number of columns. A group of one column with the column's own label takes
    /// both header rows.
    pub groups: Vec<ReportGroup>,
    /// The second header row.
    pub columns: Vec<ReportColumn>,
    pub rows: Vec<ReportRow>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReportGroup {
    pub label: String,
    pub span: usize,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct ReportColumn {
    pub label: String,
    /// Relative width: the columns share the table's width in these proportions.
    pub width: f32,
    /// Text columns are set flush left; the others (figures) centred.
    pub text: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReportRow {
    /// One per column.
    pub cells: Vec<String>,
    /// Subtotal and total lines.
    pub bold: bool,
}
