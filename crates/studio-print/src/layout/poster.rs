//! The reception schedule wall poster (接待安排): the month's reception slots as a ruled
//! table on A4 landscape, for the studio's notice board.
//!
//! Each page: the title centred at the top ("续表" over the table after the first page);
//! the table 日期 / 星期 / 时间 / 地点 / 接待党代表 with its header row; under it the note and the
//! footer (专线电话, 开放时间, and the studio's name at the right as the notice's
//! signature); page numbers when there is more than one page. A row is never split: one
//! that does not fit starts the next page. The text is set at the largest size from 四号
//! (14 pt) down to 五号 (10.5 pt) that needs no more pages than 五号, so a month's plan
//! fills one sheet whenever it can; on a single page the rows share out the room left.
//!
//! The delegates of a slot sit on a grid of columns shared by the whole poster, so names
//! line up from row to row, when two of the widest fit a line; otherwise they are packed
//! line by line. An entry ("张建华（理工代表团）") is never broken unless it alone is
//! wider than the cell.

use super::fit::{sizes, Fitter};
use super::grid::draw_grid;
use super::page_number::page_number;
use super::{mm, PageLayout, PageSize, Rect, Rule, TextRun};
use crate::font::{CardFont, MissingChars};
use crate::poster::{Poster, MAX_POSTER_ROWS};
use crate::PrintError;

/// The table's column headings.
pub const POSTER_HEADERS: [&str; 5] = ["日期", "星期", "时间", "地点", "接待党代表"];

/// The PDF's document title when the poster has none.
pub(crate) const POSTER_TITLE: &str = "党代表工作室接待安排";

const PAGE: PageSize = PageSize::A4_LANDSCAPE;
/// Left edge of the table; the page's margins are 15 mm left and right.
const LEFT: f32 = mm(15.0);
/// Column widths (267 mm in all): the delegates take over half.
const COLUMNS_MM: [f32; 5] = [30.0, 18.0, 38.0, 40.0, 141.0];
/// The delegates' column.
const DELEGATES: usize = 4;

/// 二号, the size of an official notice's title; it shrinks to fit one line down to
/// [`TITLE_MIN`], then wraps.
const TITLE_MAX: f32 = 22.0;
const TITLE_MIN: f32 = 16.0;
const TITLE_BASELINE: f32 = mm(21.0);
const TITLE_LEADING: f32 = 1.3;
/// Above the table on the pages after the first.
const CONTINUED: &str = "续表";
const CONTINUED_SIZE: f32 = 10.5;
/// From the title's last baseline to the top of the table.
const TITLE_GAP: f32 = mm(8.0);

/// 四号 down to 五号.
const BODY_MAX: f32 = 14.0;
const BODY_MIN: f32 = 10.5;
/// A single row taller than a whole page shrinks down to this before it is cut short.
const ROW_SHRINK_MIN: f32 = 8.0;
const PAD_X: f32 = mm(2.5);
const PAD_Y: f32 = mm(2.0);
/// Line height inside cells, in em.
const LEADING: f32 = 1.35;
/// Smallest row and the header row, in em of the body size.
const MIN_ROW_EM: f32 = 2.4;
const HEADER_EM: f32 = 2.6;
/// Least space between two delegates on one line, in em.
const DELEGATE_GAP_EM: f32 = 1.0;
/// On a one-page poster the rows grow to fill the sheet, each by at most this.
const STRETCH_MAX: f32 = mm(6.0);
/// The rule under the header row: heavier than the inner rules, lighter than the frame.
const HEADER_RULE: f32 = 0.9;

const FOOTER_SIZE: f32 = 12.0;
const FOOTER_LEADING: f32 = 1.5;
const NOTE_SIZE: f32 = 10.5;
const NOTE_LEADING: f32 = 1.5;
const NOTE_MAX_LINES: usize = 3;
/// Baseline of the footer's last line.
const FOOTER_BASELINE: f32 = PAGE.h - mm(14.0);
/// Between the table and the top of the note or footer.
const FOOTER_GAP: f32 = mm(5.0);
const PAGE_NUMBER_BASELINE: f32 = PAGE.h - mm(7.0);

/// A laid-out poster.
#[derive(Debug, Clone, PartialEq)]
pub struct PosterLayout {
    pub pages: Vec<PageLayout>,
    /// Size the table's text was set in (the header and every row that fits a page).
    pub body_size: f32,
    /// How many of the rows, in order, each page holds.
    pub rows_per_page: Vec<usize>,
}

/// Lays out `poster`: pages of the table with title and footer on each. Characters the
/// font lacks are replaced and recorded.
pub(crate) fn layout_poster(
    font: &CardFont,
    poster: &Poster,
    missing: &mut MissingChars,
) -> Result<PosterLayout, PrintError> {
    if poster.rows.is_empty() {
        return Err(PrintError::EmptyPoster);
    }
    if poster.rows.len() > MAX_POSTER_ROWS {
        return Err(PrintError::TooManyPosterRows {
            requested: poster.rows.len(),
            max: MAX_POSTER_ROWS,
        });
    }
    let fitter = Fitter { font };
    let texts = Texts::new(font, poster, missing);
    let titles = Titles::new(&fitter, &texts.title);
    let footer = Footer::new(&fitter, &texts);
    let table_top = titles.bottom + TITLE_GAP;
    let table_bottom = footer.top - FOOTER_GAP;

    // The largest size that needs no more pages than the smallest.
    let plan_at = |size: f32| Plan::new(&fitter, &texts.rows, size, table_bottom - table_top);
    let smallest = plan_at(BODY_MIN);
    let plan = sizes(BODY_MAX, BODY_MIN)
        .map(plan_at)
        .find(|p| p.pages.len() <= smallest.pages.len())
        .unwrap_or(smallest);

    let total = plan.pages.len();
    let mut pages = Vec::with_capacity(total);
    for (i, rows) in plan.pages.iter().enumerate() {
        let mut page = PageLayout::default();
        titles.draw(&fitter, &mut page, i > 0, table_top);
        let stretch = if total == 1 { plan.stretch } else { 0.0 };
        draw_table(
            &fitter,
            &mut page,
            &texts.rows,
            &plan,
            rows.clone(),
            table_top,
            stretch,
        );
        footer.draw(&fitter, &mut page);
        page_number(&fitter, &mut page, PAGE.w, PAGE_NUMBER_BASELINE, i, total);
        pages.push(page);
    }
    Ok(PosterLayout {
        pages,
        body_size: plan.size,
        rows_per_page: plan.pages.iter().map(|r| r.len()).collect(),
    })
}

/// Left edge of column `i` (`i == 5`: the table's right edge).
fn col_x(i: usize) -> f32 {
    LEFT + COLUMNS_MM[..i].iter().map(|&w| mm(w)).sum::<f32>()
}

fn table_width() -> f32 {
    col_x(COLUMNS_MM.len()) - LEFT
}

/// Width inside column `i`, between the paddings.
fn inner_width(i: usize) -> f32 {
    mm(COLUMNS_MM[i]) - 2.0 * PAD_X
}

/// The poster's strings, made printable.
struct Texts {
    title: String,
    studio: String,
    hotline: String,
    hours: String,
    note: String,
    rows: Vec<RowText>,
}

struct RowText {
    /// Date, weekday, time, place.
    cells: [String; 4],
    delegates: Vec<String>,
}

impl RowText {
    /// Whether this row continues `prev`'s date (their 日期 and 星期 cells merge).
    fn same_day(&self, prev: &RowText) -> bool {
        !self.cells[0].is_empty() && self.cells[..2] == prev.cells[..2]
    }
}

impl Texts {
    fn new(font: &CardFont, poster: &Poster, missing: &mut MissingChars) -> Self {
        // Every field but the note is one line: a newline typed into one is a space.
        let mut line = |s: &str| {
            font.sanitize(s, missing)
                .replace('\n', " ")
                .trim()
                .to_owned()
        };
        let title = line(&poster.title);
        let rows = poster
            .rows
            .iter()
            .map(|r| RowText {
                cells: [
                    line(&r.date),
                    line(&r.weekday),
                    line(&r.time),
                    line(&r.place),
                ],
                delegates: r
                    .delegates
                    .iter()
                    .map(|d| line(d))
                    .filter(|d| !d.is_empty())
                    .collect(),
            })
            .collect();
        let hotline = line(&poster.hotline);
        let hours = line(&poster.opening_hours);
        let studio = line(&poster.studio_name);
        let note = font.sanitize(&poster.note, missing);
        Texts {
            title,
            studio,
            hotline,
            hours,
            note,
            rows,
        }
    }
}

/// The title, the same on every page, at the largest size that keeps it on one line.
struct Titles {
    size: f32,
    lines: Vec<String>,
    /// Baseline of the last line.
    bottom: f32,
}

impl Titles {
    fn new(fitter: &Fitter<'_>, title: &str) -> Self {
        let width = table_width();
        let size = sizes(TITLE_MAX, TITLE_MIN)
            .find(|&s| fitter.width(title, s) <= width)
            .unwrap_or(TITLE_MIN);
        let lines = wrapped(fitter, title, width, size);
        Titles {
            size,
            bottom: TITLE_BASELINE + lines.len().saturating_sub(1) as f32 * size * TITLE_LEADING,
            lines,
        }
    }

    /// The title, and on the pages after the first "续表" at the right above the table
    /// (`table_top`), as a table carried over to another page is marked.
    fn draw(&self, fitter: &Fitter<'_>, page: &mut PageLayout, continued: bool, table_top: f32) {
        for (i, line) in self.lines.iter().enumerate() {
            let width = fitter.width(line, self.size);
            page.texts.push(TextRun {
                x: (PAGE.w - width) / 2.0,
                baseline: TITLE_BASELINE + i as f32 * self.size * TITLE_LEADING,
                size: self.size,
                char_spacing: 0.0,
                bold: true,
                text: line.clone(),
                width,
            });
        }
        if continued {
            let w = fitter.width(CONTINUED, CONTINUED_SIZE);
            fitter.run(
                page,
                LEFT + table_width() - w,
                table_top - mm(2.0),
                CONTINUED_SIZE,
                CONTINUED,
            );
        }
    }
}

/// The note and the footer under the table, the same on every page.
struct Footer {
    /// (x, baseline, size, text)
    runs: Vec<(f32, f32, f32, String)>,
    /// Top of the first line (its baseline less the size), or the footer's baseline
    /// when there is nothing to print.
    top: f32,
}

impl Footer {
    fn new(fitter: &Fitter<'_>, t: &Texts) -> Self {
        let width = table_width();
        let mut runs = Vec::new();
        let gap = 2.0 * FOOTER_SIZE;
        let studio_w = if t.studio.is_empty() {
            0.0
        } else {
            fitter.width(&t.studio, FOOTER_SIZE) + gap
        };
        let parts: Vec<String> = [("专线电话：", &t.hotline), ("开放时间：", &t.hours)]
            .into_iter()
            .filter(|(_, v)| !v.is_empty())
            .map(|(label, v)| format!("{label}{v}"))
            .collect();
        // Both entries on one line beside the studio's name when they fit, else one line
        // each; either wraps (under the name's room) if it is longer than that.
        let room = width - studio_w;
        let joined = parts.join("　　　");
        let entries = if fitter.width(&joined, FOOTER_SIZE) <= room {
            vec![joined]
        } else {
            parts
        };
        let mut lines: Vec<String> = entries
            .iter()
            .flat_map(|e| fitter.wrap(e, room, FOOTER_SIZE, 0.0))
            .map(|l| l.text)
            .filter(|l| !l.is_empty())
            .collect();
        if lines.is_empty() && !t.studio.is_empty() {
            lines.push(String::new());
        }
        let step = FOOTER_SIZE * FOOTER_LEADING;
        let first = FOOTER_BASELINE - lines.len().saturating_sub(1) as f32 * step;
        for (i, line) in lines.iter().enumerate() {
            runs.push((LEFT, first + i as f32 * step, FOOTER_SIZE, line.clone()));
        }
        if !t.studio.is_empty() {
            let w = fitter.width(&t.studio, FOOTER_SIZE);
            runs.push((
                LEFT + width - w,
                FOOTER_BASELINE,
                FOOTER_SIZE,
                t.studio.clone(),
            ));
        }
        let mut top = if lines.is_empty() {
            FOOTER_BASELINE
        } else {
            first - FOOTER_SIZE
        };

        let mut note: Vec<String> = fitter
            .wrap(&t.note, width, NOTE_SIZE, 0.0)
            .into_iter()
            .map(|l| l.text)
            .filter(|l| !l.is_empty())
            .collect();
        if note.len() > NOTE_MAX_LINES {
            note.truncate(NOTE_MAX_LINES);
            let last = note.last_mut().expect("three lines");
            while !last.is_empty() && fitter.width(&format!("{last}…"), NOTE_SIZE) > width {
                last.pop();
            }
            last.push('…');
        }
        if !note.is_empty() {
            let step = NOTE_SIZE * NOTE_LEADING;
            let last = top - mm(2.5);
            let first = last - (note.len() - 1) as f32 * step;
            for (i, line) in note.into_iter().enumerate() {
                runs.push((LEFT, first + i as f32 * step, NOTE_SIZE, line));
            }
            top = first - NOTE_SIZE;
        }
        Footer { runs, top }
    }

    fn draw(&self, fitter: &Fitter<'_>, page: &mut PageLayout) {
        for (x, baseline, size, text) in &self.runs {
            fitter.run(page, *x, *baseline, *size, text);
        }
    }
}

/// One row set at one size: the lines of each cell and the row's height.
#[derive(Debug, Clone)]
struct RowBox {
    size: f32,
    /// Date, weekday, time, place: centred lines.
    cells: [Vec<String>; 4],
    /// The delegates: lines of (offset from the cell's inner left edge, entry).
    delegates: Vec<Vec<(f32, String)>>,
    height: f32,
}

/// How the delegates of every row are arranged at one size.
#[derive(Debug, Clone, Copy)]
enum Arrangement {
    /// `columns` entries a line, one every `pitch` points, the same columns in every row
    /// so names line up down the table: when at least two of the widest entry fit a line.
    Grid { columns: usize, pitch: f32 },
    /// Packed line by line, [`DELEGATE_GAP_EM`] apart (one a line when they are wide).
    Flow,
}

impl Arrangement {
    fn new(fitter: &Fitter<'_>, rows: &[RowText], size: f32) -> Self {
        let inner = inner_width(DELEGATES);
        let gap = size * DELEGATE_GAP_EM;
        let widest = rows
            .iter()
            .flat_map(|r| &r.delegates)
            .map(|d| fitter.width(d, size))
            .fold(0.0, f32::max);
        let fit = ((inner + gap) / (widest + gap)).floor() as usize;
        let most = rows.iter().map(|r| r.delegates.len()).max().unwrap_or(0);
        if fit >= 2 && most >= 2 {
            Arrangement::Grid {
                columns: fit.min(most),
                // The columns share the cell's width evenly, whether or not a row fills
                // them.
                pitch: inner / fit as f32,
            }
        } else {
            Arrangement::Flow
        }
    }
}

impl RowBox {
    fn new(fitter: &Fitter<'_>, row: &RowText, size: f32, arrangement: Arrangement) -> Self {
        let cells = std::array::from_fn(|i| wrapped(fitter, &row.cells[i], inner_width(i), size));
        let delegates = match arrangement {
            Arrangement::Grid { columns, pitch } => row
                .delegates
                .chunks(columns)
                .map(|chunk| {
                    chunk
                        .iter()
                        .enumerate()
                        .map(|(i, d)| (i as f32 * pitch, d.clone()))
                        .collect()
                })
                .collect(),
            Arrangement::Flow => flow(fitter, &row.delegates, size),
        };
        let lines = cells
            .iter()
            .map(Vec::len)
            .chain([delegates.len()])
            .max()
            .unwrap_or(0);
        let height = (block_height(lines, size) + 2.0 * PAD_Y).max(size * MIN_ROW_EM);
        RowBox {
            size,
            cells,
            delegates,
            height,
        }
    }

    /// A row too tall for a page: smaller text, then cut to what fits with "…" last.
    fn fit(self, fitter: &Fitter<'_>, row: &RowText, room: f32) -> Self {
        if self.height <= room {
            return self;
        }
        let one = std::slice::from_ref(row);
        let mut smaller = self;
        for size in sizes(smaller.size, ROW_SHRINK_MIN).skip(1) {
            smaller = RowBox::new(fitter, row, size, Arrangement::new(fitter, one, size));
            if smaller.height <= room {
                return smaller;
            }
        }
        let size = smaller.size;
        let keep = (((room - 2.0 * PAD_Y - size) / (size * LEADING))
            .floor()
            .max(0.0) as usize)
            + 1;
        for cell in &mut smaller.cells {
            if cell.len() > keep {
                cell.truncate(keep);
                *cell.last_mut().expect("keep ≥ 1") = "…".to_owned();
            }
        }
        if smaller.delegates.len() > keep {
            smaller.delegates.truncate(keep);
            let last = smaller.delegates.last_mut().expect("keep ≥ 1");
            last.last_mut().expect("a line holds an entry").1 = "…".to_owned();
        }
        smaller.height = room;
        smaller
    }
}

/// `entries` packed into lines of the delegates' cell, [`DELEGATE_GAP_EM`] apart, never
/// breaking one unless it alone is wider than the cell.
fn flow(fitter: &Fitter<'_>, entries: &[String], size: f32) -> Vec<Vec<(f32, String)>> {
    let inner = inner_width(DELEGATES);
    let gap = size * DELEGATE_GAP_EM;
    let mut lines: Vec<Vec<(f32, String)>> = Vec::new();
    let mut at = 0.0;
    for entry in entries {
        let w = fitter.width(entry, size);
        match lines.last_mut() {
            Some(line) if !line.is_empty() && at + gap + w <= inner => {
                line.push((at + gap, entry.clone()));
                at += gap + w;
            }
            _ if w <= inner => {
                lines.push(vec![(0.0, entry.clone())]);
                at = w;
            }
            _ => {
                for part in wrapped(fitter, entry, inner, size) {
                    at = fitter.width(&part, size);
                    lines.push(vec![(0.0, part)]);
                }
            }
        }
    }
    lines
}

/// `text` wrapped to `width` at `size`; no lines for empty text.
fn wrapped(fitter: &Fitter<'_>, text: &str, width: f32, size: f32) -> Vec<String> {
    if text.is_empty() {
        return Vec::new();
    }
    fitter
        .wrap(text, width, size, 0.0)
        .into_iter()
        .map(|l| l.text)
        .collect()
}

fn block_height(lines: usize, size: f32) -> f32 {
    match lines {
        0 => size,
        n => (n - 1) as f32 * size * LEADING + size,
    }
}

/// Every row at one size, and which rows go on which page.
struct Plan {
    size: f32,
    header: f32,
    rows: Vec<RowBox>,
    pages: Vec<std::ops::Range<usize>>,
    /// What each row of a one-page poster grows by.
    stretch: f32,
}

impl Plan {
    fn new(fitter: &Fitter<'_>, rows: &[RowText], size: f32, table_height: f32) -> Self {
        let header = size * HEADER_EM;
        let room = table_height - header;
        let arrangement = Arrangement::new(fitter, rows, size);
        let boxes: Vec<RowBox> = rows
            .iter()
            .map(|r| RowBox::new(fitter, r, size, arrangement).fit(fitter, r, room))
            .collect();
        let mut pages = Vec::new();
        let (mut start, mut used) = (0, 0.0);
        for (i, b) in boxes.iter().enumerate() {
            if i > start && used + b.height > room + 0.01 {
                pages.push(start..i);
                (start, used) = (i, 0.0);
            }
            used += b.height;
        }
        pages.push(start..boxes.len());
        let stretch = if pages.len() == 1 {
            ((room - used) / boxes.len() as f32).clamp(0.0, STRETCH_MAX)
        } else {
            0.0
        };
        Plan {
            size,
            header,
            rows: boxes,
            pages,
            stretch,
        }
    }
}

/// The table of one page: header row, then `range` of the rows.
fn draw_table(
    fitter: &Fitter<'_>,
    page: &mut PageLayout,
    texts: &[RowText],
    plan: &Plan,
    range: std::ops::Range<usize>,
    top: f32,
    stretch: f32,
) {
    let size = plan.size;
    let mut cells = Vec::new();
    let column = |i: usize, y: f32, h: f32| Rect {
        x: col_x(i),
        y,
        w: col_x(i + 1) - col_x(i),
        h,
    };

    // Two-character headings spread out ("日　期"), as on printed forms, all by the same
    // amount: the most that fits every one of them.
    let spacing = [1.0, 0.5, 0.25]
        .into_iter()
        .map(|em| em * size)
        .find(|s| {
            POSTER_HEADERS
                .iter()
                .enumerate()
                .all(|(i, h)| h.chars().count() != 2 || fitter.width(h, size) + s <= inner_width(i))
        })
        .unwrap_or(0.0);
    for (i, heading) in POSTER_HEADERS.iter().enumerate() {
        let cell = column(i, top, plan.header);
        let spacing = if heading.chars().count() == 2 {
            spacing
        } else {
            0.0
        };
        centred(
            fitter,
            page,
            cell,
            &[heading.to_string()],
            size,
            true,
            spacing,
        );
        cells.push(cell);
    }
    let header_bottom = top + plan.header;

    let mut y = header_bottom;
    let mut day_start: Option<(usize, f32)> = None;
    for i in range.clone() {
        let b = &plan.rows[i];
        let h = b.height + stretch;
        // 日期 and 星期: one merged cell for the slots of one day on this page.
        let continues = i > range.start && texts[i].same_day(&texts[i - 1]);
        if !continues {
            if let Some((first, from)) = day_start.take() {
                day_cells(fitter, page, &mut cells, &plan.rows[first], from, y);
            }
            day_start = Some((i, y));
        }
        for c in 2..4 {
            let cell = column(c, y, h);
            centred(fitter, page, cell, &b.cells[c], b.size, false, 0.0);
            cells.push(cell);
        }
        let cell = column(DELEGATES, y, h);
        delegates(fitter, page, cell, b);
        cells.push(cell);
        y += h;
    }
    if let Some((first, from)) = day_start {
        day_cells(fitter, page, &mut cells, &plan.rows[first], from, y);
    }

    let frame = Rect {
        x: LEFT,
        y: top,
        w: table_width(),
        h: y - top,
    };
    draw_grid(page, frame, &cells);
    page.rules.push(Rule {
        x1: frame.x,
        y1: header_bottom,
        x2: frame.right(),
        y2: header_bottom,
        width: HEADER_RULE,
    });
}

/// The 日期 and 星期 cells of a day's rows, from `top` to `bottom`.
fn day_cells(
    fitter: &Fitter<'_>,
    page: &mut PageLayout,
    cells: &mut Vec<Rect>,
    row: &RowBox,
    top: f32,
    bottom: f32,
) {
    for c in 0..2 {
        let cell = Rect {
            x: col_x(c),
            y: top,
            w: col_x(c + 1) - col_x(c),
            h: bottom - top,
        };
        centred(fitter, page, cell, &row.cells[c], row.size, false, 0.0);
        cells.push(cell);
    }
}

/// `lines` centred in `cell` both ways.
fn centred(
    fitter: &Fitter<'_>,
    page: &mut PageLayout,
    cell: Rect,
    lines: &[String],
    size: f32,
    bold: bool,
    spacing: f32,
) {
    let first = first_baseline(fitter, cell, lines.len(), size);
    for (i, line) in lines.iter().enumerate() {
        let width =
            fitter.width(line, size) + spacing * line.chars().count().saturating_sub(1) as f32;
        page.texts.push(TextRun {
            x: cell.x + (cell.w - width) / 2.0,
            baseline: first + i as f32 * size * LEADING,
            size,
            char_spacing: spacing,
            bold,
            text: line.clone(),
            width,
        });
    }
}

/// The delegates of a row on the poster's grid, the block centred vertically.
fn delegates(fitter: &Fitter<'_>, page: &mut PageLayout, cell: Rect, row: &RowBox) {
    let size = row.size;
    let first = first_baseline(fitter, cell, row.delegates.len(), size);
    for (i, line) in row.delegates.iter().enumerate() {
        for (offset, entry) in line {
            fitter.run(
                page,
                cell.x + PAD_X + offset,
                first + i as f32 * size * LEADING,
                size,
                entry,
            );
        }
    }
}

/// Baseline of the first of `lines` lines centred vertically in `cell`.
fn first_baseline(fitter: &Fitter<'_>, cell: Rect, lines: usize, size: f32) -> f32 {
    let block = lines.saturating_sub(1) as f32 * size * LEADING;
    cell.y + cell.h / 2.0 - block / 2.0 + fitter.font.em_middle() * size
}
