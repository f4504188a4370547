//! A wall document (see [`WallDoc`]). A document: A4 portrait, the title centred at the top
//! of the first page, the body at the largest size from 三号 (16 pt) down to 小四 (12 pt)
//! that needs no more pages than 小四, headings bold, paragraphs indented two characters
//! and justified, list entries with their marker hanging; the signature at the bottom right
//! of the last page, the page number when there is more than one. A sign: A4 landscape,
//! every block one bold centred line, all at the largest size that fits the sheet.

use super::fit::{sizes, Fitter};
use super::page_number::page_number;
use super::{mm, PageLayout, PageSize, TextRun};
use crate::font::{CardFont, MissingChars};
use crate::wall::{WallBlock, WallDoc, MAX_WALL_BLOCKS};
use crate::PrintError;

const PAGE: PageSize = PageSize::A4_PORTRAIT;
const LEFT: f32 = mm(25.0);
const WIDTH: f32 = PAGE.w - 2.0 * LEFT;
const TITLE_MAX: f32 = 22.0;
const TITLE_MIN: f32 = 16.0;
const TITLE_BASELINE: f32 = mm(32.0);
const TITLE_LEADING: f32 = 1.3;
const TITLE_GAP: f32 = mm(12.0);
const TOP: f32 = mm(25.0);
const BOTTOM: f32 = PAGE.h - mm(22.0);
const BODY_MAX: f32 = 16.0;
const BODY_MIN: f32 = 12.0;
const LEADING: f32 = 1.75;
/// Space before a heading and after every block, in em.
const HEADING_BEFORE_EM: f32 = 0.6;
const BLOCK_AFTER_EM: f32 = 0.35;
const PAGE_NUMBER_BASELINE: f32 = PAGE.h - mm(10.0);

const SIGN: PageSize = PageSize::A4_LANDSCAPE;
const SIGN_MARGIN: f32 = mm(20.0);
const SIGN_MAX: f32 = 90.0;
const SIGN_MIN: f32 = 20.0;
const SIGN_LEADING: f32 = 1.6;

/// A laid-out wall document.
#[derive(Debug, Clone, PartialEq)]
pub struct WallLayout {
    pub pages: Vec<PageLayout>,
    /// The body's size (a sign's line size).
    pub body_size: f32,
    pub page_size: PageSize,
}

pub(crate) fn layout_wall(
    font: &CardFont,
    doc: &WallDoc,
    missing: &mut MissingChars,
) -> Result<WallLayout, PrintError> {
    if doc.blocks.len() > MAX_WALL_BLOCKS {
        return Err(PrintError::TooManyWallBlocks {
            requested: doc.blocks.len(),
            max: MAX_WALL_BLOCKS,
        });
    }
    let mut line = |s: &str| {
        font.sanitize(s, missing)
            .replace('\n', " ")
            .trim()
            .to_owned()
    };
    let title = line(&doc.title);
    let signature = line(&doc.signature);
    let blocks: Vec<WallBlock> = doc
        .blocks
        .iter()
        .filter_map(|b| {
            let b = match b {
                WallBlock::Heading(t) => WallBlock::Heading(line(t)),
                WallBlock::Paragraph(t) => WallBlock::Paragraph(line(t)),
                WallBlock::Item { marker, text } => WallBlock::Item {
                    marker: line(marker),
                    text: line(text),
                },
            };
            (!b.text().is_empty()).then_some(b)
        })
        .collect();
    if blocks.is_empty() {
        return Err(PrintError::EmptyWall);
    }
    let fitter = Fitter { font };
    if doc.sign {
        return Ok(layout_sign(&fitter, &blocks));
    }
    let title_size = sizes(TITLE_MAX, TITLE_MIN)
        .find(|&s| fitter.width(&title, s) <= WIDTH)
        .unwrap_or(TITLE_MIN);
    let title_lines = wrapped(&fitter, &title, WIDTH, title_size, 0.0);
    let title_bottom =
        TITLE_BASELINE + title_lines.len().saturating_sub(1) as f32 * title_size * TITLE_LEADING;
    let first_top = if title_lines.is_empty() {
        TOP
    } else {
        title_bottom + TITLE_GAP
    };
    let sig_room = if signature.is_empty() { 0.0 } else { 3.0 };
    let plan_at = |size: f32| Plan::new(&fitter, &blocks, size, first_top, sig_room);
    let smallest = plan_at(BODY_MIN);
    let plan = sizes(BODY_MAX, BODY_MIN)
        .map(plan_at)
        .find(|p| p.pages.len() <= smallest.pages.len())
        .unwrap_or(smallest);

    let total = plan.pages.len();
    let mut pages = Vec::with_capacity(total);
    for (i, lines) in plan.pages.iter().enumerate() {
        let mut page = PageLayout::default();
        if i == 0 {
            for (n, l) in title_lines.iter().enumerate() {
                let w = fitter.width(&l.0, title_size);
                page.texts.push(TextRun {
                    x: (PAGE.w - w) / 2.0,
                    baseline: TITLE_BASELINE + n as f32 * title_size * TITLE_LEADING,
                    size: title_size,
                    char_spacing: 0.0,
                    bold: true,
                    text: l.0.clone(),
                    width: w,
                });
            }
        }
        for l in lines {
            page.texts.push(l.clone());
        }
        if i + 1 == total && !signature.is_empty() {
            let last = lines.last().map(|l| l.baseline).unwrap_or(first_top);
            let w = fitter.width(&signature, plan.size);
            fitter.run(
                &mut page,
                LEFT + WIDTH - w,
                last + plan.size * LEADING * 2.0,
                plan.size,
                &signature,
            );
        }
        page_number(&fitter, &mut page, PAGE.w, PAGE_NUMBER_BASELINE, i, total);
        pages.push(page);
    }
    Ok(WallLayout {
        pages,
        body_size: plan.size,
        page_size: PAGE,
    })
}

/// `(text, char spacing in pt)` lines of `text` wrapped to `width`, the first indented
/// `indent` em.
fn wrapped(
    fitter: &Fitter<'_>,
    text: &str,
    width: f32,
    size: f32,
    indent: f32,
) -> Vec<(String, f32, f32)> {
    if text.is_empty() {
        return Vec::new();
    }
    fitter
        .wrap(text, width, size, indent)
        .into_iter()
        .map(|l| {
            let spacing = l.char_spacing(width / size) * size;
            (l.text, spacing, l.indent * size)
        })
        .collect()
}

/// The body's lines at one size, page by page.
struct Plan {
    size: f32,
    pages: Vec<Vec<TextRun>>,
}

impl Plan {
    fn new(
        fitter: &Fitter<'_>,
        blocks: &[WallBlock],
        size: f32,
        first_top: f32,
        sig_lines: f32,
    ) -> Self {
        let step = size * LEADING;
        let mut pages: Vec<Vec<TextRun>> = vec![Vec::new()];
        let mut y = first_top;
        let new_line = |pages: &mut Vec<Vec<TextRun>>, y: &mut f32| -> f32 {
            if *y + size > BOTTOM {
                pages.push(Vec::new());
                *y = TOP;
            }
            let baseline = *y + size;
            *y += step;
            baseline
        };
        for (bi, b) in blocks.iter().enumerate() {
            let (lines, x0, bold, marker) = match b {
                WallBlock::Heading(t) => {
                    if bi > 0 {
                        y += size * HEADING_BEFORE_EM;
                    }
                    (wrapped(fitter, t, WIDTH, size, 0.0), LEFT, true, None)
                }
                WallBlock::Paragraph(t) => {
                    (wrapped(fitter, t, WIDTH, size, 2.0), LEFT, false, None)
                }
                WallBlock::Item { marker, text } => {
                    let hang = fitter.width(marker, size) + size * 0.5;
                    (
                        wrapped(fitter, text, WIDTH - hang, size, 0.0),
                        LEFT + hang,
                        false,
                        Some(marker.clone()),
                    )
                }
            };
            for (n, (text, spacing, indent)) in lines.into_iter().enumerate() {
                let baseline = new_line(&mut pages, &mut y);
                let page = pages.last_mut().expect("one page at least");
                if n == 0 {
                    if let Some(m) = &marker {
                        page.push(TextRun {
                            x: LEFT,
                            baseline,
                            size,
                            char_spacing: 0.0,
                            bold: false,
                            text: m.clone(),
                            width: fitter.width(m, size),
                        });
                    }
                }
                let natural = fitter.width(&text, size);
                let gaps = text.chars().count().saturating_sub(1) as f32;
                page.push(TextRun {
                    x: x0 + indent,
                    baseline,
                    size,
                    char_spacing: spacing,
                    bold,
                    width: natural + spacing * gaps,
                    text,
                });
            }
            y += size * BLOCK_AFTER_EM;
        }
        // Room for the signature under the last line.
        if sig_lines > 0.0 && y + sig_lines * step > BOTTOM {
            pages.push(Vec::new());
        }
        Plan { size, pages }
    }
}

/// The sign: every block one bold line, centred on the sheet, at the largest size at which
/// the widest line fits and all lines fit the height.
fn layout_sign(fitter: &Fitter<'_>, blocks: &[WallBlock]) -> WallLayout {
    let width = SIGN.w - 2.0 * SIGN_MARGIN;
    let height = SIGN.h - 2.0 * SIGN_MARGIN;
    let texts: Vec<&str> = blocks.iter().map(WallBlock::text).collect();
    let n = texts.len() as f32;
    let size = sizes(SIGN_MAX, SIGN_MIN)
        .find(|&s| {
            texts.iter().all(|t| fitter.width(t, s) <= width)
                && (n - 1.0) * s * SIGN_LEADING + s <= height
        })
        .unwrap_or(SIGN_MIN);
    let block_h = (n - 1.0) * size * SIGN_LEADING + size;
    let first = (SIGN.h - block_h) / 2.0 + size * 0.88;
    let mut page = PageLayout::default();
    for (i, t) in texts.iter().enumerate() {
        let w = fitter.width(t, size);
        page.texts.push(TextRun {
            x: (SIGN.w - w.min(width)) / 2.0,
            baseline: first + i as f32 * size * SIGN_LEADING,
            size,
            char_spacing: 0.0,
            bold: true,
            text: (*t).to_owned(),
            width: w,
        });
    }
    WallLayout {
        pages: vec![page],
        body_size: size,
        page_size: SIGN,
    }
}
