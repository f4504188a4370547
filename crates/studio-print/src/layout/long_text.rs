//! The two long texts (意见建议或问题, 处理意见及办理情况): choosing a size, sharing the
//! space between the two cells, and carrying what does not fit onto 续页 pages.

use super::fit::{sizes, Fitter, BODY_SIZE};
use super::{mm, PageLayout, Rect, TextRun};
use crate::wrap::Line;

/// Long text shrinks from the body size to this floor before it continues on a 续页.
pub const MIN_SIZE: f32 = 9.0;
/// Space left and right of long text inside its cell.
const PAD_X: f32 = mm(2.5);
/// Line pitch of long text, in em: 1.5 lines, the usual for filled-in forms.
const LEADING: f32 = 1.5;
/// Space above the first and below the last line in a long-text cell.
const PAD_Y: f32 = mm(2.0);
/// First-line indent of every paragraph: two characters, as Chinese prose is set.
const INDENT_EM: f32 = 2.0;
/// A long-text cell is never shorter than this, so its stacked label fits and a blank
/// card leaves room to write by hand.
pub const MIN_CELL: f32 = mm(28.0);
/// Printed in the last line of a cell whose text continues on a 续页.
pub const CONTINUED: &str = "（转续页）";

/// How the two long texts are set on the card.
#[derive(Debug, Clone)]
pub struct Plan {
    pub size: f32,
    pub leading: f32,
    /// Wrapped lines of each text, and how many of them are on the front page.
    pub texts: [Vec<Line>; 2],
    pub on_front: [usize; 2],
    /// Heights of the two cells on the front page.
    pub heights: [f32; 2],
}

impl Plan {
    pub fn continues(&self) -> bool {
        self.on_front[0] < self.texts[0].len() || self.on_front[1] < self.texts[1].len()
    }
}

fn need(lines: usize, leading: f32) -> f32 {
    if lines == 0 {
        0.0
    } else {
        lines as f32 * leading + 2.0 * PAD_Y
    }
}

fn capacity(height: f32, leading: f32) -> usize {
    ((height - 2.0 * PAD_Y) / leading + 1e-3).floor().max(0.0) as usize
}

/// Chooses the size and the cell heights for two texts sharing `avail` points of height
/// in cells `cell_w` wide.
pub fn plan(fitter: &Fitter<'_>, texts: [&str; 2], cell_w: f32, avail: f32) -> Plan {
    let width = cell_w - 2.0 * PAD_X;
    let mut last = None;
    for size in sizes(BODY_SIZE, MIN_SIZE) {
        let leading = size * LEADING;
        let wrapped = texts.map(|t| fitter.wrap(t, width, size, INDENT_EM));
        let needs = [
            need(wrapped[0].len(), leading),
            need(wrapped[1].len(), leading),
        ];
        if let Some(heights) = share(avail, needs) {
            let on_front = [wrapped[0].len(), wrapped[1].len()];
            return Plan {
                size,
                leading,
                texts: wrapped,
                on_front,
                heights,
            };
        }
        last = Some((size, leading, wrapped, needs));
    }
    // Too long even at the floor size: fill the front page, continue on 续页.
    let (size, leading, texts, needs) = last.expect("at least one size is tried");
    let half = avail / 2.0;
    let heights = if needs[0] <= half {
        let top = needs[0].max(MIN_CELL);
        [top, avail - top]
    } else if needs[1] <= half {
        let bottom = needs[1].max(MIN_CELL);
        [avail - bottom, bottom]
    } else {
        [half, half]
    };
    let on_front = [0, 1].map(|i| {
        let cap = capacity(heights[i], leading);
        // The last line of a cut cell carries the "（转续页）" marker.
        if texts[i].len() > cap {
            cap.saturating_sub(1)
        } else {
            texts[i].len()
        }
    });
    Plan {
        size,
        leading,
        texts,
        on_front,
        heights,
    }
}

/// Heights for two cells with the given needs in `avail`, or `None` if they don't fit.
/// Both short: equal halves, like the blank form. One long: the short one keeps what it
/// needs (at least `MIN_CELL`), the long one takes the rest.
fn share(avail: f32, needs: [f32; 2]) -> Option<[f32; 2]> {
    let floors = needs.map(|n| n.max(MIN_CELL));
    if floors[0] + floors[1] > avail + 1e-3 {
        return None;
    }
    let half = avail / 2.0;
    Some(if floors[0] <= half && floors[1] <= half {
        [half, half]
    } else if floors[0] > half {
        [avail - floors[1], floors[1]]
    } else {
        [floors[0], avail - floors[0]]
    })
}

/// Draws `lines` from the top of `cell`, justified to the text width.
pub fn place_lines(
    fitter: &Fitter<'_>,
    page: &mut PageLayout,
    cell: Rect,
    lines: &[Line],
    size: f32,
    leading: f32,
) {
    let width = cell.w - 2.0 * PAD_X;
    let max_em = width / size;
    for (i, line) in lines.iter().enumerate() {
        if line.text.is_empty() {
            continue;
        }
        let spacing = line.char_spacing(max_em) * size;
        let gaps = line.text.chars().count().saturating_sub(1) as f32;
        page.texts.push(TextRun {
            x: cell.x + PAD_X + line.indent * size,
            baseline: line_baseline(fitter, cell.y, i, size, leading),
            size,
            char_spacing: spacing,
            bold: false,
            text: line.text.clone(),
            width: line.width * size + spacing * gaps,
        });
    }
}

/// Baseline of line `i` of a long-text cell whose top is `top`: each line centred in its
/// slot of one leading.
fn line_baseline(fitter: &Fitter<'_>, top: f32, i: usize, size: f32, leading: f32) -> f32 {
    top + PAD_Y + i as f32 * leading + leading / 2.0 + fitter.font.em_middle() * size
}

/// The "（转续页）" marker in the last line slot of a cut cell, flush right.
pub fn place_continued_marker(
    fitter: &Fitter<'_>,
    page: &mut PageLayout,
    cell: Rect,
    slot: usize,
    size: f32,
    leading: f32,
) {
    let width = fitter.width(CONTINUED, size);
    fitter.run(
        page,
        cell.right() - PAD_X - width,
        line_baseline(fitter, cell.y, slot, size, leading),
        size,
        CONTINUED,
    );
}

/// Height one long-text block of `lines` lines takes on a 续页.
pub fn block_height(lines: usize, leading: f32) -> f32 {
    need(lines, leading)
}

/// How many lines fit in `height`.
pub fn lines_in(height: f32, leading: f32) -> usize {
    capacity(height, leading)
}
