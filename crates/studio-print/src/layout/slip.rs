//! The query-code slip (查询码回执): one small page a visitor takes home from the kiosk.
//!
//! A6 portrait (105 × 148 mm), the smallest sheet an office printer takes from its tray
//! (or prints on A4 at the top-left corner, to cut). From the top: the studio's name; the
//! heading, bold; a rule; "查 询 码" over a double-ruled box holding the code, very large,
//! bold and letter-spaced, on one line; the label → value lines (labels spread to one
//! width, as on printed forms, values wrapped beside them); the instructions, wrapped and
//! justified with a first-line indent (a paragraph's lone last character or two is taken
//! into the line before, squeezed by an invisible amount); at the foot, over a rule,
//! 专线电话. The lines and the instructions share the room between the box and the foot:
//! they are set at the largest size from 小四 (12 pt) down to 8 pt that fits, with a third
//! of the room left over above them and the rest below; at 8 pt what still does not fit
//! is cut, "…" marking the cut. Always exactly one page.
//!
//! The code is set in the embedded font's Latin (Noto Serif SC): serifed capitals and
//! digits, and the core's alphabet has no 0/O or 1/I/L, so nothing on the slip can be
//! read as something else.

use super::fit::{sizes, Fitter};
use super::{mm, Frame, PageLayout, PageSize, Rect, Rule, TextRun};
use crate::font::{CardFont, MissingChars};
use crate::slip::{Slip, MAX_SLIP_LINES};
use crate::wrap::Line;
use crate::PrintError;

/// The PDF's document title when the slip has no heading.
pub(crate) const SLIP_TITLE: &str = "查询码回执";

const PAGE: PageSize = PageSize::A6_PORTRAIT;
/// Left and right margin; the content is 87 mm wide.
const MARGIN: f32 = mm(9.0);
const WIDTH: f32 = PAGE.w - 2.0 * MARGIN;
const TOP: f32 = mm(8.5);

/// The studio's name: 五号 and a half, shrinking to one line, else wrapped onto two.
const STUDIO_SIZE: f32 = 11.0;
/// The heading: 三号, bold.
const HEADING_SIZE: f32 = 16.0;
const HEAD_LEADING: f32 = 1.3;
const HEADING_RULE: f32 = 0.75;

const CODE_LABEL: &str = "查询码";
const CODE_LABEL_SIZE: f32 = 9.0;
/// The code: as large as the box allows, up to this (about 11 mm a capital).
const CODE_MAX: f32 = 34.0;
/// Space after each character of the code, in em: the characters stand apart, so each
/// can be read and typed on its own.
const CODE_SPACING_EM: f32 = 0.18;
/// Between the box's outer rule and the code, left and right.
const CODE_PAD_X: f32 = mm(5.0);
const BOX_H: f32 = mm(21.0);
const BOX_RULE: f32 = 1.2;
/// The inner of the box's two rules, and how far inside the outer one it runs.
const BOX_INNER_RULE: f32 = 0.4;
const BOX_INNER_INSET: f32 = mm(1.1);

/// The lines' size: 小四 down to 8 pt; the instructions are a size and a half smaller.
const BODY_MAX: f32 = 12.0;
const BODY_MIN: f32 = 8.0;
const INSTRUCTIONS_SMALLER: f32 = 1.5;
const BODY_LEADING: f32 = 1.55;
/// The labels' column is at most this share of the width.
const LABEL_SHARE: f32 = 0.4;
/// Between the labels' column (with its colon) and the values.
const LABEL_GAP: f32 = mm(1.0);
const ROW_GAP: f32 = mm(0.8);
/// Between the lines and the instructions.
const BLOCK_GAP: f32 = mm(3.5);
/// First-line indent of each paragraph of the instructions, in em.
const INDENT_EM: f32 = 2.0;

const FOOTER_SIZE: f32 = 10.5;
const FOOTER_LEADING: f32 = 1.3;
/// Baseline of the footer's last line.
const FOOTER_BASELINE: f32 = PAGE.h - mm(9.0);
const FOOTER_RULE: f32 = 0.5;
/// From the footer's rule to the top of its text.
const FOOTER_RULE_GAP: f32 = mm(2.0);
/// Least space between the box and the lines, and between the instructions and the foot.
const MIDDLE_GAP: f32 = mm(4.5);

/// A laid-out slip: always one page.
#[derive(Debug, Clone, PartialEq)]
pub struct SlipLayout {
    pub page: PageLayout,
    /// The ruled box round the code (its outer rule).
    pub code_box: Rect,
    /// Size the code was set in.
    pub code_size: f32,
    /// Size the lines were set in (the instructions are [`INSTRUCTIONS_SMALLER`] less).
    pub body_size: f32,
    /// Whether some of the lines or instructions did not fit and were cut ("…").
    pub cut: bool,
}

/// Lays out `slip` on one A6 page. Characters the font lacks are replaced and recorded.
pub(crate) fn layout_slip(
    font: &CardFont,
    slip: &Slip,
    missing: &mut MissingChars,
) -> Result<SlipLayout, PrintError> {
    if slip.lines.len() > MAX_SLIP_LINES {
        return Err(PrintError::TooManySlipLines {
            requested: slip.lines.len(),
            max: MAX_SLIP_LINES,
        });
    }
    // Every field but the instructions is one line: a newline typed into one is a space.
    let mut line = |s: &str| {
        font.sanitize(s, missing)
            .replace('\n', " ")
            .trim()
            .to_owned()
    };
    let studio = line(&slip.studio_name);
    let heading = line(&slip.heading);
    let code = line(&slip.query_code);
    let hotline = line(&slip.hotline);
    let rows: Vec<(String, String)> = slip
        .lines
        .iter()
        .map(|(l, v)| (line(l), line(v)))
        .filter(|(_, v)| !v.is_empty())
        .collect();
    let instructions = font.sanitize(&slip.instructions, missing).trim().to_owned();
    if code.is_empty() {
        return Err(PrintError::NoQueryCode);
    }

    let fitter = Fitter { font };
    let mut page = PageLayout::default();

    // The head: studio, heading, rule.
    let mut y = TOP;
    if !studio.is_empty() {
        let fit = fitter.fit(
            &studio,
            WIDTH,
            STUDIO_SIZE * (1.0 + HEAD_LEADING),
            STUDIO_SIZE,
        );
        y = centred_lines(&fitter, &mut page, &fit.lines, fit.size, y, false, 0.0);
        y += mm(1.2);
    }
    if !heading.is_empty() {
        let fit = fitter.fit(
            &heading,
            WIDTH,
            HEADING_SIZE * (1.0 + HEAD_LEADING),
            HEADING_SIZE,
        );
        y = centred_lines(&fitter, &mut page, &fit.lines, fit.size, y, true, 0.0);
    }
    if y > TOP {
        y += mm(2.2);
        page.rules.push(Rule {
            x1: MARGIN,
            y1: y,
            x2: MARGIN + WIDTH,
            y2: y,
            width: HEADING_RULE,
        });
        y += mm(3.5);
    }

    // The code in its box.
    y = centred_lines(
        &fitter,
        &mut page,
        &[CODE_LABEL.to_owned()],
        CODE_LABEL_SIZE,
        y,
        false,
        CODE_LABEL_SIZE * 0.6,
    );
    y += mm(1.2);
    let gaps = code.chars().count().saturating_sub(1) as f32;
    let code_em = font.width(&code) + CODE_SPACING_EM * gaps;
    let code_size = ((WIDTH - 2.0 * CODE_PAD_X) / code_em).min(CODE_MAX);
    let code_box = Rect {
        x: MARGIN,
        y,
        w: WIDTH,
        h: BOX_H.max(code_size * 1.6),
    };
    page.frames.push(Frame {
        rect: code_box,
        width: BOX_RULE,
    });
    page.frames.push(Frame {
        rect: Rect {
            x: code_box.x + BOX_INNER_INSET,
            y: code_box.y + BOX_INNER_INSET,
            w: code_box.w - 2.0 * BOX_INNER_INSET,
            h: code_box.h - 2.0 * BOX_INNER_INSET,
        },
        width: BOX_INNER_RULE,
    });
    let spacing = CODE_SPACING_EM * code_size;
    let code_width = fitter.width(&code, code_size) + spacing * gaps;
    page.texts.push(TextRun {
        // Centred on the glyphs, not on the spacing after the last one.
        x: code_box.x + (code_box.w - code_width) / 2.0,
        baseline: code_box.y + code_box.h / 2.0 + font.em_middle() * code_size,
        size: code_size,
        char_spacing: spacing,
        bold: true,
        text: code,
        width: code_width,
    });
    let middle_top = code_box.bottom() + MIDDLE_GAP;

    // The foot, from the bottom up.
    let middle_bottom = if hotline.is_empty() {
        PAGE.h - mm(8.0)
    } else {
        let text = format!("专线电话：{hotline}");
        let fit = fitter.fit(
            &text,
            WIDTH,
            FOOTER_SIZE * (1.0 + FOOTER_LEADING),
            FOOTER_SIZE,
        );
        let slot = fit.size * FOOTER_LEADING;
        // The block's top such that its last baseline is FOOTER_BASELINE.
        let last_slot_top = FOOTER_BASELINE - slot / 2.0 - font.em_middle() * fit.size;
        let top = last_slot_top - (fit.lines.len() - 1) as f32 * slot;
        centred_lines(&fitter, &mut page, &fit.lines, fit.size, top, false, 0.0);
        let rule = top - FOOTER_RULE_GAP;
        page.rules.push(Rule {
            x1: MARGIN,
            y1: rule,
            x2: MARGIN + WIDTH,
            y2: rule,
            width: FOOTER_RULE,
        });
        rule - MIDDLE_GAP
    };

    // The lines and the instructions, at the largest size that fits.
    let room = middle_bottom - middle_top;
    let at = |size: f32| Middle::new(&fitter, &rows, &instructions, size);
    let middle = sizes(BODY_MAX, BODY_MIN)
        .map(at)
        .find(|m| m.height() <= room + 0.01);
    let (middle, cut) = match middle {
        Some(m) => (m, false),
        None => (at(BODY_MIN).cut_to(&fitter, room), true),
    };
    // A third of what is left above, the rest below: the lines stay near the code they
    // describe without crowding it.
    let top = middle_top + ((room - middle.height()) / 3.0).max(0.0);
    middle.draw(&fitter, &mut page, top);

    Ok(SlipLayout {
        page,
        code_box,
        code_size,
        body_size: middle.size,
        cut,
    })
}

/// `lines` centred across the content width from `top`, one slot of [`HEAD_LEADING`]
/// each; returns the bottom of the last slot.
fn centred_lines(
    fitter: &Fitter<'_>,
    page: &mut PageLayout,
    lines: &[String],
    size: f32,
    top: f32,
    bold: bool,
    spacing: f32,
) -> f32 {
    let slot = size * HEAD_LEADING;
    for (i, line) in lines.iter().enumerate() {
        let width =
            fitter.width(line, size) + spacing * line.chars().count().saturating_sub(1) as f32;
        page.texts.push(TextRun {
            x: MARGIN + (WIDTH - width) / 2.0,
            baseline: baseline(fitter, top + i as f32 * slot, slot, size),
            size,
            char_spacing: spacing,
            bold,
            text: line.clone(),
            width,
        });
    }
    top + lines.len() as f32 * slot
}

/// The baseline of text of `size` centred in a slot `slot` tall from `top`.
fn baseline(fitter: &Fitter<'_>, top: f32, slot: f32, size: f32) -> f32 {
    top + slot / 2.0 + fitter.font.em_middle() * size
}

/// The lines and instructions set at one size.
struct Middle {
    size: f32,
    /// The labels' column width, colon included.
    label_w: f32,
    rows: Vec<RowLines>,
    instructions: Vec<Placed>,
}

/// A line of the instructions with its letter spacing, in em: positive to justify it,
/// slightly negative when it took in its paragraph's last one or two characters.
struct Placed {
    text: String,
    indent: f32,
    width: f32,
    spacing: f32,
}

/// One label → value line, wrapped.
struct RowLines {
    /// The label's lines; one unless it is wider than its column.
    label: Vec<String>,
    value: Vec<String>,
}

impl RowLines {
    fn lines(&self) -> usize {
        self.label.len().max(self.value.len()).max(1)
    }
}

impl Middle {
    fn new(fitter: &Fitter<'_>, rows: &[(String, String)], instructions: &str, size: f32) -> Self {
        let colon = fitter.width("：", size);
        let widest = rows
            .iter()
            .map(|(l, _)| fitter.width(l, size))
            .fold(0.0, f32::max);
        let label_w = if widest > 0.0 {
            (widest + colon).min(WIDTH * LABEL_SHARE)
        } else {
            0.0
        };
        let value_w = WIDTH - label_w - LABEL_GAP;
        let rows = rows
            .iter()
            .map(|(label, value)| RowLines {
                label: if label.is_empty() {
                    Vec::new()
                } else if fitter.width(label, size) + colon <= label_w + 0.01 {
                    vec![label.clone()]
                } else {
                    wrapped(fitter, label, label_w - colon, size)
                },
                value: wrapped(fitter, value, value_w, size),
            })
            .collect();
        let small = size - INSTRUCTIONS_SMALLER;
        let instructions = if instructions.is_empty() {
            Vec::new()
        } else {
            without_orphans(
                fitter.wrap(instructions, WIDTH, small, INDENT_EM),
                WIDTH / small,
            )
        };
        Middle {
            size,
            label_w,
            rows,
            instructions,
        }
    }

    fn small(&self) -> f32 {
        self.size - INSTRUCTIONS_SMALLER
    }

    fn row_height(&self, row: &RowLines) -> f32 {
        row.lines() as f32 * self.size * BODY_LEADING
    }

    fn rows_height(&self) -> f32 {
        let n = self.rows.len();
        self.rows.iter().map(|r| self.row_height(r)).sum::<f32>()
            + n.saturating_sub(1) as f32 * ROW_GAP
    }

    fn instructions_height(&self) -> f32 {
        self.instructions.len() as f32 * self.small() * BODY_LEADING
    }

    fn height(&self) -> f32 {
        let gap = if self.rows.is_empty() || self.instructions.is_empty() {
            0.0
        } else {
            BLOCK_GAP
        };
        self.rows_height() + gap + self.instructions_height()
    }

    /// What fits `room`: whole rows, then instruction lines; "…" ends what is kept.
    fn cut_to(mut self, fitter: &Fitter<'_>, room: f32) -> Self {
        let small = self.small();
        while self.height() > room + 0.01 && !self.instructions.is_empty() {
            self.instructions.pop();
            if let Some(last) = self.instructions.last_mut() {
                ellipsis(fitter, &mut last.text, WIDTH - last.indent * small, small);
                last.width = fitter.font.width(&last.text);
                last.spacing = 0.0;
            }
        }
        let mut cut_rows = false;
        while self.height() > room + 0.01 && !self.rows.is_empty() {
            self.rows.pop();
            cut_rows = true;
        }
        if cut_rows {
            let value_w = WIDTH - self.label_w - LABEL_GAP;
            let size = self.size;
            if let Some(text) = self.rows.last_mut().and_then(|r| r.value.last_mut()) {
                ellipsis(fitter, text, value_w, size);
            }
        }
        self
    }

    fn draw(&self, fitter: &Fitter<'_>, page: &mut PageLayout, top: f32) {
        let size = self.size;
        let slot = size * BODY_LEADING;
        let colon = fitter.width("：", size);
        let value_x = MARGIN + self.label_w + LABEL_GAP;
        let mut y = top;
        for row in &self.rows {
            let single = row.label.len() == 1;
            for (i, label) in row.label.iter().enumerate() {
                let line_baseline = baseline(fitter, y + i as f32 * slot, slot, size);
                // A one-line label is spread over the column, its colon at the column's
                // right edge: "类　　别：" lines up with "提交日期：".
                let natural = fitter.width(label, size);
                let chars = label.chars().count();
                let spacing = if single && chars > 1 {
                    ((self.label_w - colon - natural) / (chars - 1) as f32).max(0.0)
                } else {
                    0.0
                };
                page.texts.push(TextRun {
                    x: MARGIN,
                    baseline: line_baseline,
                    size,
                    char_spacing: spacing,
                    bold: false,
                    text: label.clone(),
                    width: natural + spacing * chars.saturating_sub(1) as f32,
                });
                if i + 1 == row.label.len() {
                    // Its own run: the label's spacing would push it off the edge.
                    page.texts.push(TextRun {
                        x: MARGIN + self.label_w - colon,
                        baseline: line_baseline,
                        size,
                        char_spacing: 0.0,
                        bold: false,
                        text: "：".to_owned(),
                        width: colon,
                    });
                }
            }
            for (i, value) in row.value.iter().enumerate() {
                page.texts.push(TextRun {
                    x: value_x,
                    baseline: baseline(fitter, y + i as f32 * slot, slot, size),
                    size,
                    char_spacing: 0.0,
                    bold: false,
                    text: value.clone(),
                    width: fitter.width(value, size),
                });
            }
            y += self.row_height(row) + ROW_GAP;
        }
        if !self.rows.is_empty() {
            y += BLOCK_GAP - ROW_GAP;
        }
        let small = self.small();
        let slot = small * BODY_LEADING;
        for (i, line) in self.instructions.iter().enumerate() {
            if line.text.is_empty() {
                continue;
            }
            let spacing = line.spacing * small;
            let gaps = line.text.chars().count().saturating_sub(1) as f32;
            page.texts.push(TextRun {
                x: MARGIN + line.indent * small,
                baseline: baseline(fitter, y + i as f32 * slot, slot, small),
                size: small,
                char_spacing: spacing,
                bold: false,
                text: line.text.clone(),
                width: line.width * small + spacing * gaps,
            });
        }
    }
}

/// Most a line may be squeezed to take in its paragraph's last characters, in em per gap:
/// 4 % of a character, too little to see.
const SQUEEZE_MAX_EM: f32 = 0.04;
/// A paragraph's last line this short (in characters) is an orphan.
const ORPHAN_CHARS: usize = 2;

/// `lines` (of `max` em) justified, except that a paragraph's last line of one or two
/// characters ("您。") is taken into the line before it, squeezed a little, when it can be
/// without showing: a lone character on the small slip looks like a mistake.
fn without_orphans(lines: Vec<Line>, max: f32) -> Vec<Placed> {
    let mut out: Vec<(Line, f32)> = Vec::with_capacity(lines.len());
    for line in lines {
        let orphan = !line.justify && line.indent == 0.0 && {
            let n = line.text.chars().count();
            n > 0 && n <= ORPHAN_CHARS
        };
        if let Some((prev, spacing)) = out.last_mut().filter(|(p, _)| orphan && p.justify) {
            let text = format!("{}{}", prev.text, line.text);
            let width = prev.width + line.width;
            let gaps = text.chars().count().saturating_sub(1) as f32;
            let squeeze = (max - prev.indent - width) / gaps.max(1.0);
            if squeeze >= -SQUEEZE_MAX_EM {
                prev.text = text;
                prev.width = width;
                prev.justify = false;
                *spacing = squeeze.min(0.0);
                continue;
            }
        }
        let spacing = line.char_spacing(max);
        out.push((line, spacing));
    }
    out.into_iter()
        .map(|(line, spacing)| Placed {
            text: line.text,
            indent: line.indent,
            width: line.width,
            spacing,
        })
        .collect()
}

/// `text` wrapped to `width` at `size`, no indent.
fn wrapped(fitter: &Fitter<'_>, text: &str, width: f32, size: f32) -> Vec<String> {
    fitter
        .wrap(text, width, size, 0.0)
        .into_iter()
        .map(|l| l.text)
        .collect()
}

/// Ends `text` with "…", dropping characters until it fits `width`.
fn ellipsis(fitter: &Fitter<'_>, text: &mut String, width: f32, size: f32) {
    let dots = fitter.width("…", size);
    while !text.is_empty() && fitter.width(text, size) + dots > width {
        text.pop();
    }
    text.push('…');
}
