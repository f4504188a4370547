//! 续页 pages: what does not fit on the front page, under a repeated title and a line
//! identifying the card.

use super::card::{title, Fields, DATE_BASELINE, HANDLING_LABEL, OPINION_LABEL, TABLE_TOP, TITLE};
use super::fit::{Align, Fitter, PAD_X};
use super::grid::{cell, draw_grid, x};
use super::long_text::{self, Plan, MIN_CELL};
use super::{mm, PageLayout, Rect, PAGE_H};

/// Lowest point of the table on a 续页.
const CONTINUATION_BOTTOM: f32 = PAGE_H - mm(18.0);

/// The 续页 pages: title, an identification line, then the rest of each long text in a
/// table of the same columns as the front page, so its lines carry over unchanged.
pub fn continuation_pages(
    fitter: &Fitter<'_>,
    plan: &Plan,
    f: &Fields,
    pages: &mut Vec<PageLayout>,
) {
    let title_text = format!("{TITLE}（续页）");
    let date = f.date.map_or_else(
        || "    年  月  日".to_owned(),
        |d| format!("{}年{}月{}日", d.year, d.month, d.day),
    );
    let id_line = format!(
        "党代表：{}　　联系对象：{}　　联系日期：{}",
        f.delegate_name, f.person_name, date
    );
    let new_page = || {
        let mut page = PageLayout::default();
        title(fitter, &mut page, &title_text);
        let line = Rect {
            x: x(0) - PAD_X,
            y: DATE_BASELINE - mm(5.0),
            w: x(9) - x(0) + 2.0 * PAD_X,
            h: mm(7.0),
        };
        fitter.place(&mut page, line, &id_line, Align::Left);
        page
    };
    let mut page = new_page();
    let mut cells: Vec<Rect> = Vec::new();
    let mut y = TABLE_TOP;
    for (i, label) in [OPINION_LABEL, HANDLING_LABEL].into_iter().enumerate() {
        let mut rest = &plan.texts[i][plan.on_front[i]..];
        let label = format!("{label}（续）");
        while !rest.is_empty() {
            let room = CONTINUATION_BOTTOM - y;
            let fits = long_text::lines_in(room, plan.leading).min(rest.len());
            if fits < 2 && fits < rest.len() {
                finish_continuation(&mut page, &cells, y);
                pages.push(std::mem::replace(&mut page, new_page()));
                cells.clear();
                y = TABLE_TOP;
                continue;
            }
            let h = long_text::block_height(fits, plan.leading)
                .max(MIN_CELL)
                .min(room);
            let l = cell(0, 1, y, h);
            let v = cell(1, 9, y, h);
            fitter.stacked_label(&mut page, l, &label);
            long_text::place_lines(fitter, &mut page, v, &rest[..fits], plan.size, plan.leading);
            cells.extend([l, v]);
            y += h;
            rest = &rest[fits..];
        }
    }
    finish_continuation(&mut page, &cells, y);
    pages.push(page);
}

fn finish_continuation(page: &mut PageLayout, cells: &[Rect], bottom: f32) {
    if cells.is_empty() {
        return;
    }
    let frame = Rect {
        x: x(0),
        y: TABLE_TOP,
        w: x(9) - x(0),
        h: bottom - TABLE_TOP,
    };
    draw_grid(page, frame, cells);
}
