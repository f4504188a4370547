//! The page number under a multi-page document ("第 N 页　共 M 页"), centred at the foot of
//! the page: one rule for the reception poster, the report tables and the wall documents.

use super::fit::Fitter;
use super::PageLayout;

/// 小五 is too small to read on a wall; 9 pt is what the printed documents use.
pub(crate) const PAGE_NUMBER_SIZE: f32 = 9.0;

/// "第 N 页　共 M 页" centred on a page `page_width` wide at `baseline`; nothing on a
/// one-page document. `index` counts from 0.
pub(crate) fn page_number(
    fitter: &Fitter<'_>,
    page: &mut PageLayout,
    page_width: f32,
    baseline: f32,
    index: usize,
    total: usize,
) {
    if total <= 1 {
        return;
    }
    let text = format!("第 {} 页　共 {} 页", index + 1, total);
    let w = fitter.width(&text, PAGE_NUMBER_SIZE);
    fitter.run(
        page,
        (page_width - w) / 2.0,
        baseline,
        PAGE_NUMBER_SIZE,
        &text,
    );
}
