//! The reports as files: 统计汇总 and 承办单位 as JSON, CSV (UTF-8 with BOM) and a real workbook
//! (title row merged across, the period with real dates, two header rows with merged group cells,
//! column widths, frozen header, numbers as numbers). [`summary_table`] and [`units_table`] are the
//! one description of each sheet's layout; the CSV, the workbook and the PDF (`printing::reports`)
//! are made from it.

use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Workbook};

use super::{excel_date, to_json, xlsx_error};
use crate::error::Result;
use crate::reports::{Summary, SummaryFigures, UnitFigures, UnitsReport};

pub const SUMMARY_TITLE: &str = "党代表联系党员群众工作情况汇总表";
pub const UNITS_TITLE: &str = "承办单位办理情况统计表";

/// One cell of a report.
#[derive(Debug, Clone, PartialEq)]
pub enum ReportCell {
    Text(String),
    Count(u64),
    /// A rate 0–1 (shown as a percentage); `None`: nothing to rate.
    Rate(Option<f64>),
    /// Working days, one decimal; `None`: nothing to average.
    Days(Option<f64>),
}

impl ReportCell {
    /// As the CSV and the PDF show it: one decimal rounded half away from zero (四舍五入), as
    /// Excel and LibreOffice show the workbook's `0.0%` and `0.0` cells. Rust's `{:.1}` rounds
    /// half to even: 9/16 = 56.25 % printed 56.2 % in the CSV and the PDF against 56.3 % in the
    /// workbook (found converting the xlsx with LibreOffice, `scripts/check-xlsx.sh`).
    pub fn text(&self) -> String {
        match self {
            ReportCell::Text(t) => t.clone(),
            ReportCell::Count(n) => n.to_string(),
            ReportCell::Rate(Some(r)) => format!("{}%", one_decimal(r * 100.0)),
            ReportCell::Days(Some(d)) => one_decimal(*d),
            ReportCell::Rate(None) | ReportCell::Days(None) => String::new(),
        }
    }
}

/// `x` with one decimal, rounded half away from zero (56.25 → 56.3, 2.05 → 2.1 as spreadsheets
/// round the value they hold).
fn one_decimal(x: f64) -> String {
    // Spreadsheets round the decimal they display (2.05 is 2.04999… in binary, yet shows 2.1): a
    // relative nudge of a few ulps puts such halves above the half before `round`.
    let tenths = (x * 10.0 * (1.0 + 4.0 * f64::EPSILON)).round();
    format!("{:.1}", tenths / 10.0)
}

/// What kind of line a row is (subtotals and the total print bold).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowKind {
    Detail,
    Subtotal,
    Total,
}

/// A header group: a label over `span` columns; with `span == 1` and the same label as its column
/// it stands for both header rows (merged vertically).
#[derive(Debug, Clone, PartialEq)]
pub struct HeaderGroup {
    pub label: &'static str,
    pub span: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ReportColumn {
    pub label: &'static str,
    /// Excel character widths (the PDF uses them as proportions).
    pub width: f64,
}

/// A report laid out: the title, the period, two header rows, the lines.
#[derive(Debug, Clone, PartialEq)]
pub struct ReportTable {
    pub title: &'static str,
    pub sheet: &'static str,
    pub from: String,
    pub to: String,
    pub groups: Vec<HeaderGroup>,
    pub columns: Vec<ReportColumn>,
    pub rows: Vec<(RowKind, Vec<ReportCell>)>,
}

impl ReportTable {
    /// "统计期间：2025-10-01 至 2025-10-31"
    pub fn period_text(&self) -> String {
        format!("统计期间：{} 至 {}", self.from, self.to)
    }

    /// The header group each column belongs to, and whether it is a group of one column of the
    /// same name (one cell over both header rows).
    pub fn column_groups(&self) -> Vec<(usize, bool)> {
        let mut out = Vec::new();
        for (g, h) in self.groups.iter().enumerate() {
            for _ in 0..h.span {
                out.push((g, h.span == 1 && self.columns[out.len()].label == h.label));
            }
        }
        out
    }
}

fn one(label: &'static str) -> HeaderGroup {
    HeaderGroup { label, span: 1 }
}

fn col(label: &'static str, width: f64) -> ReportColumn {
    ReportColumn { label, width }
}

fn summary_cells(first: &str, second: &str, x: &SummaryFigures) -> Vec<ReportCell> {
    use ReportCell::*;
    let c = &x.by_channel;
    let k = &x.by_category;
    vec![
        Text(first.into()),
        Text(second.into()),
        Count(x.contacts),
        Count(c.studio),
        Count(c.online),
        Count(c.appointment),
        Count(c.home_visit),
        Count(c.other),
        Count(x.people),
        Count(x.items),
        Count(k.policy_inquiry),
        Count(k.implementation),
        Count(k.party_building),
        Count(k.public_opinion),
        Count(k.rights),
        Count(k.hardship),
        Count(x.answered),
        Count(x.closed),
        Count(x.closed_on_time),
        Rate(x.on_time_rate),
        Days(x.avg_days_to_close),
        Count(x.satisfied),
        Count(x.basically_satisfied),
        Count(x.unsatisfied),
        Count(x.late_cards),
        Count(x.surveys),
        Count(x.proposals),
    ]
}

/// 统计汇总 laid out: each delegation's delegates, then its 小计; 合计 last.
pub fn summary_table(s: &Summary) -> ReportTable {
    let groups = vec![
        one("代表团"),
        one("党代表"),
        one("联系人次"),
        HeaderGroup {
            label: "联系方式",
            span: 5,
        },
        one("联系人数"),
        HeaderGroup {
            label: "收集意见建议（件）",
            span: 7,
        },
        HeaderGroup {
            label: "办理情况",
            span: 5,
        },
        HeaderGroup {
            label: "满意度",
            span: 3,
        },
        one("逾期交卡"),
        one("走访调研"),
        one("提议"),
    ];
    let columns = vec![
        col("代表团", 16.0),
        col("党代表", 10.0),
        col("联系人次", 7.0),
        col("党代表工作室", 7.0),
        col("网上工作室", 7.0),
        col("约见", 6.0),
        col("走访慰问", 6.0),
        col("其他形式", 6.0),
        col("联系人数", 7.0),
        col("合计", 6.0),
        col("政策咨询", 6.0),
        col("贯彻落实反映", 7.0),
        col("党建意见建议", 7.0),
        col("重大民意反映", 7.0),
        col("民主权利受侵害", 7.0),
        col("困难帮扶请求", 7.0),
        col("已答复", 6.0),
        col("已办结", 6.0),
        col("按期办结", 6.0),
        col("按期办结率", 8.0),
        col("平均办结工作日", 8.0),
        col("满意", 6.0),
        col("基本满意", 6.0),
        col("不满意", 6.0),
        col("逾期交卡", 6.0),
        col("走访调研", 6.0),
        col("提议", 6.0),
    ];
    let mut rows = Vec::new();
    for g in &s.delegations {
        for r in s.rows.iter().filter(|r| r.delegation_id == g.delegation_id) {
            rows.push((
                RowKind::Detail,
                summary_cells(&r.delegation, &r.delegate, &r.figures),
            ));
        }
        rows.push((
            RowKind::Subtotal,
            summary_cells(&g.delegation, "小计", &g.figures),
        ));
    }
    rows.push((RowKind::Total, summary_cells("合计", "", &s.total)));
    ReportTable {
        title: SUMMARY_TITLE,
        sheet: "汇总表",
        from: s.from.clone(),
        to: s.to.clone(),
        groups,
        columns,
        rows,
    }
}

fn unit_cells(unit: &str, x: &UnitFigures) -> Vec<ReportCell> {
    use ReportCell::*;
    vec![
        Text(unit.into()),
        Count(x.referred),
        Count(x.answered),
        Count(x.answered_on_time),
        Rate(x.on_time_rate),
        Days(x.avg_days),
        Count(x.satisfied),
        Count(x.basically_satisfied),
        Count(x.unsatisfied),
    ]
}

/// 承办单位 laid out: one line per unit, 合计 last.
pub fn units_table(u: &UnitsReport) -> ReportTable {
    let groups = vec![
        one("承办单位"),
        one("交办件数"),
        HeaderGroup {
            label: "答复情况",
            span: 4,
        },
        HeaderGroup {
            label: "满意度",
            span: 3,
        },
    ];
    let columns = vec![
        col("承办单位", 24.0),
        col("交办件数", 9.0),
        col("已答复", 9.0),
        col("按期答复", 9.0),
        col("按期答复率", 10.0),
        col("平均答复工作日", 12.0),
        col("满意", 8.0),
        col("基本满意", 9.0),
        col("不满意", 8.0),
    ];
    let mut rows: Vec<_> = u
        .rows
        .iter()
        .map(|r| (RowKind::Detail, unit_cells(&r.unit, &r.figures)))
        .collect();
    rows.push((RowKind::Total, unit_cells("合计", &u.total)));
    ReportTable {
        title: UNITS_TITLE,
        sheet: "承办单位",
        from: u.from.clone(),
        to: u.to.clone(),
        groups,
        columns,
        rows,
    }
}

pub fn summary_json(s: &Summary) -> Result<Vec<u8>> {
    to_json(s)
}

pub fn units_json(u: &UnitsReport) -> Result<Vec<u8>> {
    to_json(u)
}

fn csv_field(t: &str) -> String {
    let guarded = if t.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{t}")
    } else {
        t.to_string()
    };
    if guarded.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", guarded.replace('"', "\"\""))
    } else {
        guarded
    }
}

/// The table as CSV (UTF-8 with BOM, CRLF): one header line whose names carry their group
/// ("联系方式-约见"), then the lines.
pub fn table_csv(t: &ReportTable) -> Vec<u8> {
    let mut out = String::from("\u{FEFF}");
    let groups = t.column_groups();
    let header: Vec<String> = t
        .columns
        .iter()
        .zip(&groups)
        .map(|(c, (g, alone))| {
            let g = &t.groups[*g];
            if *alone || g.span == 1 {
                csv_field(c.label)
            } else {
                csv_field(&format!("{}-{}", g.label, c.label))
            }
        })
        .collect();
    out.push_str(&header.join(","));
    out.push_str("\r\n");
    for (_, cells) in &t.rows {
        let fields: Vec<String> = cells.iter().map(|c| csv_field(&c.text())).collect();
        out.push_str(&fields.join(","));
        out.push_str("\r\n");
    }
    out.into_bytes()
}

/// The rows above the lines: title, period, two header rows.
pub const XLSX_HEADER_ROWS: u32 = 4;

/// The table as a workbook of one sheet: the title merged across, the period (real dates), the
/// two header rows with merged group cells, widths, the header frozen and repeated on printed
/// pages (A4 landscape, fitted to the page's width), numbers as numbers.
pub fn table_xlsx(t: &ReportTable) -> Result<Vec<u8>> {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name(t.sheet).map_err(xlsx_error)?;
    let last = t.columns.len() as u16 - 1;
    let border = FormatBorder::Thin;
    let title = Format::new()
        .set_bold()
        .set_font_size(16)
        .set_align(FormatAlign::Center)
        .set_align(FormatAlign::VerticalCenter);
    let plain = Format::new();
    let date = Format::new()
        .set_num_format("yyyy-mm-dd")
        .set_align(FormatAlign::Left);
    let head = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_border(border)
        .set_align(FormatAlign::Center)
        .set_align(FormatAlign::VerticalCenter)
        .set_background_color("#F2F2F2");
    let text = Format::new().set_border(border);
    let count = Format::new().set_border(border).set_num_format("0");
    let rate = Format::new().set_border(border).set_num_format("0.0%");
    let days = Format::new().set_border(border).set_num_format("0.0");
    let bold = |f: &Format| f.clone().set_bold().set_background_color("#FAFAFA");

    ws.merge_range(0, 0, 0, last, t.title, &title)
        .map_err(xlsx_error)?;
    ws.set_row_height(0, 30).map_err(xlsx_error)?;
    ws.write_string_with_format(1, 0, "统计期间", &plain)
        .map_err(xlsx_error)?;
    for (col, v) in [(1u16, &t.from), (3, &t.to)] {
        match excel_date(v) {
            Some(d) => ws.write_date_with_format(1, col, &d, &date),
            None => ws.write_string_with_format(1, col, v, &plain),
        }
        .map_err(xlsx_error)?;
    }
    ws.write_string_with_format(1, 2, "至", &plain)
        .map_err(xlsx_error)?;

    let mut c = 0u16;
    for g in &t.groups {
        let span = g.span as u16;
        let first = &t.columns[c as usize];
        if span == 1 && first.label == g.label {
            ws.merge_range(2, c, 3, c, g.label, &head)
                .map_err(xlsx_error)?;
        } else {
            if span == 1 {
                ws.write_string_with_format(2, c, g.label, &head)
                    .map_err(xlsx_error)?;
            } else {
                ws.merge_range(2, c, 2, c + span - 1, g.label, &head)
                    .map_err(xlsx_error)?;
            }
            for i in 0..span {
                ws.write_string_with_format(3, c + i, t.columns[(c + i) as usize].label, &head)
                    .map_err(xlsx_error)?;
            }
        }
        c += span;
    }
    ws.set_row_height(3, 45).map_err(xlsx_error)?;
    for (i, col) in t.columns.iter().enumerate() {
        ws.set_column_width(i as u16, col.width)
            .map_err(xlsx_error)?;
    }

    let (bt, bc, br, bd) = (bold(&text), bold(&count), bold(&rate), bold(&days));
    for (i, (kind, cells)) in t.rows.iter().enumerate() {
        let r = XLSX_HEADER_ROWS + i as u32;
        let strong = *kind != RowKind::Detail;
        for (col, cell) in cells.iter().enumerate() {
            let col = col as u16;
            match cell {
                ReportCell::Text(s) => {
                    ws.write_string_with_format(r, col, s, if strong { &bt } else { &text })
                }
                ReportCell::Count(n) => ws.write_number_with_format(
                    r,
                    col,
                    *n as f64,
                    if strong { &bc } else { &count },
                ),
                ReportCell::Rate(Some(x)) => {
                    ws.write_number_with_format(r, col, *x, if strong { &br } else { &rate })
                }
                ReportCell::Days(Some(x)) => {
                    ws.write_number_with_format(r, col, *x, if strong { &bd } else { &days })
                }
                ReportCell::Rate(None) | ReportCell::Days(None) => {
                    ws.write_blank(r, col, if strong { &bt } else { &text })
                }
            }
            .map_err(xlsx_error)?;
        }
    }
    ws.set_freeze_panes(XLSX_HEADER_ROWS, 2)
        .map_err(xlsx_error)?;
    ws.set_landscape();
    ws.set_paper_size(9); // A4
    ws.set_repeat_rows(2, 3).map_err(xlsx_error)?;
    ws.set_print_fit_to_pages(1, 0);
    wb.save_to_buffer().map_err(xlsx_error)
}

pub fn summary_csv(s: &Summary) -> Vec<u8> {
    table_csv(&summary_table(s))
}

pub fn summary_xlsx(s: &Summary) -> Result<Vec<u8>> {
    table_xlsx(&summary_table(s))
}

pub fn units_csv(u: &UnitsReport) -> Vec<u8> {
    table_csv(&units_table(u))
}

pub fn units_xlsx(u: &UnitsReport) -> Result<Vec<u8>> {
    table_xlsx(&units_table(u))
}

#[cfg(test)]
mod rounding_tests {
    use super::*;

    #[test]
    fn rates_and_days_round_half_away_from_zero_like_the_workbook() {
        assert_eq!(ReportCell::Rate(Some(9.0 / 16.0)).text(), "56.3%");
        assert_eq!(ReportCell::Rate(Some(1.0 / 3.0)).text(), "33.3%");
        assert_eq!(ReportCell::Rate(Some(1.0)).text(), "100.0%");
        assert_eq!(ReportCell::Rate(Some(0.0)).text(), "0.0%");
        assert_eq!(ReportCell::Days(Some(2.25)).text(), "2.3");
        assert_eq!(ReportCell::Days(Some(2.05)).text(), "2.1");
        assert_eq!(ReportCell::Days(Some(7.0)).text(), "7.0");
        assert_eq!(ReportCell::Days(Some(2.04)).text(), "2.0");
    }
}
