//! A report table on A4 landscape (see [`Report`]): the title centred on every page ("续表"
//! at the right above the table after the first), the subtitle and note on the line under it,
//! the two header rows at the top of the table on every page, as many lines as fit, the page
//! number at the bottom. A line is never split; a cell too narrow for its text shrinks it, then
//! cuts it with "…".

use super::fit::{sizes, Fitter};
use super::grid::draw_grid;
use super::page_number::page_number;
use super::{mm, PageLayout, PageSize, Rect, Rule, TextRun};
use crate::font::{CardFont, MissingChars};
use crate::report::{Report, MAX_REPORT_COLUMNS, MAX_REPORT_ROWS};
use crate::PrintError;

const PAGE: PageSize = PageSize::A4_LANDSCAPE;
const LEFT: f32 = mm(12.0);
const WIDTH: f32 = PAGE.w - 2.0 * LEFT;
const TITLE_MAX: f32 = 18.0;
const TITLE_MIN: f32 = 14.0;
const TITLE_BASELINE: f32 = mm(17.0);
const SUB_SIZE: f32 = 10.5;
const SUB_BASELINE: f32 = mm(26.0);
const TABLE_TOP: f32 = mm(29.0);
const CONTINUED: &str = "续表";
const HEAD_SIZE: f32 = 8.0;
const HEAD_MIN: f32 = 6.5;
const BODY_SIZE: f32 = 9.0;
const BODY_MIN: f32 = 6.5;
const LEADING: f32 = 1.2;
const PAD_X: f32 = mm(1.0);
const PAD_Y: f32 = mm(1.2);
const ROW_H: f32 = mm(6.5);
const PAGE_NUMBER_BASELINE: f32 = PAGE.h - mm(8.0);
const TABLE_BOTTOM: f32 = PAGE.h - mm(14.0);
const HEADER_RULE: f32 = 0.9;

/// A laid-out report.
#[derive(Debug, Clone, PartialEq)]
pub struct ReportLayout {
    pub pages: Vec<PageLayout>,
    /// How many of the lines each page holds.
    pub rows_per_page: Vec<usize>,
}

pub(crate) fn layout_report(
    font: &CardFont,
    report: &Report,
    missing: &mut MissingChars,
) -> Result<ReportLayout, PrintError> {
    let n = report.columns.len();
    if n == 0 || n > MAX_REPORT_COLUMNS {
        return Err(PrintError::BadReport(format!(
            "报表应有 1 至 {MAX_REPORT_COLUMNS} 列，本次 {n} 列"
        )));
    }
    if report.rows.len() > MAX_REPORT_ROWS {
        return Err(PrintError::BadReport(format!(
            "报表最多 {MAX_REPORT_ROWS} 行，本次 {} 行",
            report.rows.len()
        )));
    }
    if report.groups.iter().map(|g| g.span).sum::<usize>() != n
        || report.groups.iter().any(|g| g.span == 0)
    {
        return Err(PrintError::BadReport("表头分组与列数不符".into()));
    }
    if let Some(r) = report.rows.iter().find(|r| r.cells.len() != n) {
        return Err(PrintError::BadReport(format!(
            "报表每行应有 {n} 格，有一行 {} 格",
            r.cells.len()
        )));
    }
    let fitter = Fitter { font };
    let mut line = |s: &str| {
        font.sanitize(s, missing)
            .replace('\n', " ")
            .trim()
            .to_owned()
    };
    let title = line(&report.title);
    let subtitle = line(&report.subtitle);
    let note = line(&report.note);
    let groups: Vec<String> = report.groups.iter().map(|g| line(&g.label)).collect();
    let labels: Vec<String> = report.columns.iter().map(|c| line(&c.label)).collect();
    let rows: Vec<Vec<String>> = report
        .rows
        .iter()
        .map(|r| r.cells.iter().map(|c| line(c)).collect())
        .collect();

    // Columns in proportion to their widths.
    let total: f32 = report.columns.iter().map(|c| c.width.max(0.1)).sum();
    let mut xs = vec![LEFT];
    for c in &report.columns {
        let last = *xs.last().expect("LEFT");
        xs.push(last + WIDTH * c.width.max(0.1) / total);
    }
    let col_w = |i: usize| xs[i + 1] - xs[i];

    // The header: which columns stand alone (one cell over both rows).
    let mut alone = Vec::with_capacity(n);
    let mut starts = Vec::with_capacity(groups.len());
    for (g, spec) in report.groups.iter().enumerate() {
        starts.push(alone.len());
        for k in 0..spec.span {
            alone.push(spec.span == 1 && labels[alone.len()] == groups[g] && k == 0);
        }
    }
    // Header text: the largest size at which every label fits its cell in 3 lines.
    let head_lines = |text: &str, w: f32, size: f32| {
        if text.is_empty() {
            1
        } else {
            fitter.wrap(text, w - 2.0 * PAD_X, size, 0.0).len()
        }
    };
    let head_size = sizes(HEAD_SIZE, HEAD_MIN)
        .find(|&s| (0..n).all(|i| head_lines(&labels[i], col_w(i), s) <= 3))
        .unwrap_or(HEAD_MIN);
    let block = |lines: usize, size: f32| (lines.max(1) - 1) as f32 * size * LEADING + size;
    let row2_lines = (0..n)
        .filter(|&i| !alone[i])
        .map(|i| head_lines(&labels[i], col_w(i), head_size))
        .max()
        .unwrap_or(1);
    let row1_lines = report
        .groups
        .iter()
        .enumerate()
        .filter(|(g, _)| !alone[starts[*g]])
        .map(|(g, spec)| {
            let w = xs[starts[g] + spec.span] - xs[starts[g]];
            head_lines(&groups[g], w, head_size)
        })
        .max()
        .unwrap_or(1);
    let h1 = block(row1_lines, head_size) + 2.0 * PAD_Y;
    let h2 = block(row2_lines, head_size) + 2.0 * PAD_Y;
    let alone_lines = (0..n)
        .filter(|&i| alone[i])
        .map(|i| head_lines(&labels[i], col_w(i), head_size))
        .max()
        .unwrap_or(1);
    let (h1, h2) = {
        let need = block(alone_lines, head_size) + 2.0 * PAD_Y;
        if h1 + h2 < need {
            (h1 + (need - h1 - h2), h2)
        } else {
            (h1, h2)
        }
    };
    let header_h = h1 + h2;
    let per_page = (((TABLE_BOTTOM - TABLE_TOP - header_h) / ROW_H).floor() as usize).max(1);
    let chunks: Vec<std::ops::Range<usize>> = if rows.is_empty() {
        // No lines: one page with the header only.
        vec![std::ops::Range { start: 0, end: 0 }]
    } else {
        (0..rows.len())
            .step_by(per_page)
            .map(|s| s..(s + per_page).min(rows.len()))
            .collect()
    };

    let title_size = sizes(TITLE_MAX, TITLE_MIN)
        .find(|&s| fitter.width(&title, s) <= WIDTH)
        .unwrap_or(TITLE_MIN);
    let pages_total = chunks.len();
    let mut pages = Vec::with_capacity(pages_total);
    for (p, range) in chunks.iter().enumerate() {
        let mut page = PageLayout::default();
        let tw = fitter.width(&title, title_size).min(WIDTH);
        page.texts.push(TextRun {
            x: (PAGE.w - tw) / 2.0,
            baseline: TITLE_BASELINE,
            size: title_size,
            char_spacing: 0.0,
            bold: true,
            text: title.clone(),
            width: tw,
        });
        fitter.run(&mut page, LEFT, SUB_BASELINE, SUB_SIZE, &subtitle);
        let right = if p > 0 {
            if note.is_empty() {
                CONTINUED.to_string()
            } else {
                format!("{note}　{CONTINUED}")
            }
        } else {
            note.clone()
        };
        if !right.is_empty() {
            let w = fitter.width(&right, SUB_SIZE);
            fitter.run(&mut page, LEFT + WIDTH - w, SUB_BASELINE, SUB_SIZE, &right);
        }

        let mut cells = Vec::new();
        // Header.
        for (g, spec) in report.groups.iter().enumerate() {
            let s = starts[g];
            if alone[s] {
                let cell = Rect {
                    x: xs[s],
                    y: TABLE_TOP,
                    w: col_w(s),
                    h: header_h,
                };
                centred(&fitter, &mut page, cell, &labels[s], head_size, true);
                cells.push(cell);
                continue;
            }
            let cell = Rect {
                x: xs[s],
                y: TABLE_TOP,
                w: xs[s + spec.span] - xs[s],
                h: h1,
            };
            centred(&fitter, &mut page, cell, &groups[g], head_size, true);
            cells.push(cell);
            for i in s..s + spec.span {
                let cell = Rect {
                    x: xs[i],
                    y: TABLE_TOP + h1,
                    w: col_w(i),
                    h: h2,
                };
                centred(&fitter, &mut page, cell, &labels[i], head_size, true);
                cells.push(cell);
            }
        }
        let header_bottom = TABLE_TOP + header_h;
        // Lines.
        let mut y = header_bottom;
        for r in range.clone() {
            let bold = report.rows[r].bold;
            for i in 0..n {
                let cell = Rect {
                    x: xs[i],
                    y,
                    w: col_w(i),
                    h: ROW_H,
                };
                let text = &rows[r][i];
                if !text.is_empty() {
                    let inner = cell.w - 2.0 * PAD_X;
                    let size = sizes(BODY_SIZE, BODY_MIN)
                        .find(|&s| fitter.width(text, s) <= inner)
                        .unwrap_or(BODY_MIN);
                    let mut shown = text.clone();
                    while fitter.width(&shown, size) > inner && shown.chars().count() > 1 {
                        shown.pop();
                        shown.pop();
                        shown.push('…');
                    }
                    let w = fitter.width(&shown, size);
                    let x = if report.columns[i].text {
                        cell.x + PAD_X
                    } else {
                        cell.x + (cell.w - w) / 2.0
                    };
                    page.texts.push(TextRun {
                        x,
                        baseline: cell.y + cell.h / 2.0 + fitter.font.em_middle() * size,
                        size,
                        char_spacing: 0.0,
                        bold,
                        text: shown,
                        width: w,
                    });
                }
                cells.push(cell);
            }
            y += ROW_H;
        }
        let frame = Rect {
            x: LEFT,
            y: TABLE_TOP,
            w: WIDTH,
            h: y - TABLE_TOP,
        };
        draw_grid(&mut page, frame, &cells);
        page.rules.push(Rule {
            x1: frame.x,
            y1: header_bottom,
            x2: frame.right(),
            y2: header_bottom,
            width: HEADER_RULE,
        });
        page_number(
            &fitter,
            &mut page,
            PAGE.w,
            PAGE_NUMBER_BASELINE,
            p,
            pages_total,
        );
        pages.push(page);
    }
    Ok(ReportLayout {
        pages,
        rows_per_page: chunks.iter().map(|r| r.len()).collect(),
    })
}

/// `text` wrapped in `cell` and centred both ways.
fn centred(
    fitter: &Fitter<'_>,
    page: &mut PageLayout,
    cell: Rect,
    text: &str,
    size: f32,
    bold: bool,
) {
    if text.is_empty() {
        return;
    }
    let lines: Vec<String> = fitter
        .wrap(text, cell.w - 2.0 * PAD_X, size, 0.0)
        .into_iter()
        .map(|l| l.text)
        .collect();
    let block = lines.len().saturating_sub(1) as f32 * size * LEADING;
    let first = cell.y + cell.h / 2.0 - block / 2.0 + fitter.font.em_middle() * size;
    for (i, line) in lines.iter().enumerate() {
        let width = fitter.width(line, size);
        page.texts.push(TextRun {
            x: cell.x + (cell.w - width) / 2.0,
            baseline: first + i as f32 * size * LEADING,
            size,
            char_spacing: 0.0,
            bold,
            text: line.clone(),
            width,
        });
    }
}
