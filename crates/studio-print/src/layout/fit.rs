//! Putting text into cells: centring, shrinking, wrapping, stacking labels vertically.

use super::{PageLayout, Rect, TextRun};
use crate::font::CardFont;
use crate::wrap::{wrap, Line};

/// Horizontal and vertical padding inside table cells.
pub const PAD_X: f32 = super::mm(1.5);
pub const PAD_Y: f32 = super::mm(1.0);

/// Body size of the form: 五号, the size of Chinese official tables.
pub const BODY_SIZE: f32 = 10.5;
/// Smallest size a single-line value may shrink to before it wraps instead.
const MIN_SINGLE_LINE: f32 = 8.0;
/// Smallest size for wrapped values; below this the text no longer reads on paper.
const MIN_WRAPPED: f32 = 6.5;
/// Line height of wrapped text in short cells, in em.
const CELL_LEADING: f32 = 1.25;
const STEP: f32 = 0.5;

/// How text sits in a cell horizontally.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Center,
    /// Centred while it fits on one line, flush left once it wraps: short values read
    /// best centred in their box, wrapped text reads best aligned.
    Auto,
}

/// The result of fitting text into a box.
#[derive(Debug, Clone)]
pub struct Fit {
    pub size: f32,
    pub lines: Vec<String>,
}

fn block_height(lines: usize, size: f32) -> f32 {
    if lines == 0 {
        0.0
    } else {
        (lines - 1) as f32 * size * CELL_LEADING + size
    }
}

/// Sizes from `max` down to `min` in half-point steps.
pub fn sizes(max: f32, min: f32) -> impl Iterator<Item = f32> {
    let steps = ((max - min) / STEP).round() as usize;
    (0..=steps).map(move |i| max - i as f32 * STEP)
}

/// Text placement helpers bound to the font.
pub struct Fitter<'a> {
    pub font: &'a CardFont,
}

impl Fitter<'_> {
    pub fn width(&self, text: &str, size: f32) -> f32 {
        self.font.width(text) * size
    }

    pub fn wrap(&self, text: &str, max_width: f32, size: f32, indent_em: f32) -> Vec<Line> {
        wrap(text, |c| self.font.advance(c), max_width / size, indent_em)
    }

    /// The largest size at which `text` fits a `w` × `h` box: on one line if it can stay
    /// at 8 pt or more, otherwise wrapped; as a last resort truncated with "…" at 6.5 pt.
    /// Never wider or taller than the box.
    pub fn fit(&self, text: &str, w: f32, h: f32, max_size: f32) -> Fit {
        let em = self.font.width(text);
        for size in sizes(max_size, MIN_SINGLE_LINE) {
            if em * size <= w && size <= h {
                return Fit {
                    size,
                    lines: vec![text.to_owned()],
                };
            }
        }
        for size in sizes(max_size, MIN_WRAPPED) {
            let lines = self.wrap(text, w, size, 0.0);
            if block_height(lines.len(), size) <= h {
                return Fit {
                    size,
                    lines: lines.into_iter().map(|l| l.text).collect(),
                };
            }
        }
        let size = MIN_WRAPPED;
        let keep = (((h - size) / (size * CELL_LEADING)).floor().max(0.0) as usize) + 1;
        let mut lines: Vec<String> = self
            .wrap(text, w, size, 0.0)
            .into_iter()
            .take(keep)
            .map(|l| l.text)
            .collect();
        if let Some(last) = lines.last_mut() {
            let ellipsis = self.font.advance('…');
            while !last.is_empty() && (self.font.width(last) + ellipsis) * size > w {
                last.pop();
            }
            last.push('…');
        }
        Fit { size, lines }
    }

    /// Height a cell of width `w` needs so `text` fits at a readable size (9 pt when it
    /// must wrap); 0 when one line at 8 pt or more is enough.
    pub fn needed_height(&self, text: &str, w: f32) -> f32 {
        let inner = w - 2.0 * PAD_X;
        if text.is_empty() || self.width(text, MIN_SINGLE_LINE) <= inner {
            return 0.0;
        }
        let lines = self.wrap(text, inner, 9.0, 0.0);
        block_height(lines.len(), 9.0) + 2.0 * PAD_Y + super::mm(1.0)
    }

    /// Fits `text` into `cell` (minus padding) and adds it to the page, centred
    /// vertically.
    pub fn place(&self, page: &mut PageLayout, cell: Rect, text: &str, align: Align) {
        if text.is_empty() {
            return;
        }
        let w = cell.w - 2.0 * PAD_X;
        let h = cell.h - 2.0 * PAD_Y;
        let fit = self.fit(text, w, h, BODY_SIZE);
        let align = match align {
            Align::Auto if fit.lines.len() > 1 => Align::Left,
            Align::Auto => Align::Center,
            other => other,
        };
        let lines: Vec<&str> = fit.lines.iter().map(String::as_str).collect();
        self.block(
            page,
            cell,
            &lines,
            fit.size,
            fit.size * CELL_LEADING,
            align,
            0.0,
        );
    }

    /// A label: centred, with extra letter spacing for short ones ("姓　名"), the way
    /// hand-set forms spread two-character labels across the cell.
    pub fn label(&self, page: &mut PageLayout, cell: Rect, text: &str) {
        let chars = text.chars().count();
        let spacing = match chars {
            2 => 1.0,
            3 => 0.5,
            _ => 0.0,
        } * BODY_SIZE;
        let natural = self.width(text, BODY_SIZE);
        let spread = natural + spacing * (chars.saturating_sub(1)) as f32;
        if spread <= cell.w - 2.0 * PAD_X {
            self.block(page, cell, &[text], BODY_SIZE, 0.0, Align::Center, spacing);
        } else {
            self.place(page, cell, text, Align::Center);
        }
    }

    /// A label stacked in short lines, the vertical labels of Chinese forms: one
    /// character per line for short labels, two or more per line for long ones (a single
    /// column of fourteen characters is hard to read). A trailing parenthetical such as
    /// "（续）" keeps a line of its own.
    pub fn stacked_label(&self, page: &mut PageLayout, cell: Rect, text: &str) {
        let size = BODY_SIZE;
        let (main, suffix) = match text.find('（') {
            Some(i) if text.ends_with('）') && i > 0 => (&text[..i], Some(&text[i..])),
            _ => (text, None),
        };
        let chars: Vec<char> = main.chars().collect();
        let w = cell.w - 2.0 * PAD_X;
        let h = cell.h - 2.0 * PAD_Y;
        let step = size * 1.45;
        let shortest = if chars.len() > 6 { 2 } else { 1 };
        for per_line in shortest..=chars.len().max(1) {
            let mut lines: Vec<String> =
                chars.chunks(per_line).map(|c| c.iter().collect()).collect();
            lines.extend(suffix.map(str::to_owned));
            let block = (lines.len() - 1) as f32 * step + size;
            let widest = lines
                .iter()
                .map(|l| self.width(l, size))
                .fold(0.0, f32::max);
            if widest > w {
                break;
            }
            if block <= h {
                let lines: Vec<&str> = lines.iter().map(String::as_str).collect();
                self.block(page, cell, &lines, size, step, Align::Center, 0.0);
                return;
            }
        }
        self.place(page, cell, text, Align::Center);
    }

    /// Adds `lines` centred vertically in `cell`, one run per line.
    #[allow(clippy::too_many_arguments)]
    pub fn block(
        &self,
        page: &mut PageLayout,
        cell: Rect,
        lines: &[&str],
        size: f32,
        leading: f32,
        align: Align,
        spacing: f32,
    ) {
        let height = (lines.len().saturating_sub(1)) as f32 * leading;
        let middle = cell.y + cell.h / 2.0;
        let first = middle - height / 2.0 + self.font.em_middle() * size;
        for (i, line) in lines.iter().enumerate() {
            let width =
                self.width(line, size) + spacing * (line.chars().count().saturating_sub(1)) as f32;
            let x = match align {
                Align::Left => cell.x + PAD_X,
                Align::Center | Align::Auto => cell.x + (cell.w - width) / 2.0,
            };
            page.texts.push(TextRun {
                x,
                baseline: first + i as f32 * leading,
                size,
                char_spacing: spacing,
                bold: false,
                text: (*line).to_owned(),
                width,
            });
        }
    }

    /// One run at an explicit position.
    pub fn run(&self, page: &mut PageLayout, x: f32, baseline: f32, size: f32, text: &str) {
        if text.is_empty() {
            return;
        }
        page.texts.push(TextRun {
            x,
            baseline,
            size,
            char_spacing: 0.0,
            bold: false,
            text: text.to_owned(),
            width: self.width(text, size),
        });
    }
}
