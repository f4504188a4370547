//! Where everything goes on the page, as plain geometry: positioned text runs, rules,
//! frames and checkboxes. No PDF here, so the layout can be tested (and drawn by another
//! backend) on its own; `crate::pdf` turns it into printpdf operations.
//!
//! Coordinates are PostScript points with the origin at the top-left corner of the page
//! and y growing downwards, the way the form is designed; the PDF backend flips y.

mod card;
mod continuation;
mod fit;
mod grid;
mod long_text;
mod page_number;
mod poster;
mod proposal;
mod report;
mod slip;
mod wall;

pub(crate) use card::layout_card;
pub use card::{NOTES, TITLE};
pub(crate) use poster::{layout_poster, POSTER_TITLE};
pub use poster::{PosterLayout, POSTER_HEADERS};
pub use proposal::ProposalLayout;
pub(crate) use proposal::{layout_proposal, PROPOSAL_TITLE};
pub(crate) use report::layout_report;
pub use report::ReportLayout;
pub use slip::SlipLayout;
pub(crate) use slip::{layout_slip, SLIP_TITLE};
pub(crate) use wall::layout_wall;
pub use wall::WallLayout;

use crate::model::Channel;

/// Millimetres to points.
pub const fn mm(v: f32) -> f32 {
    v * 72.0 / 25.4
}

/// A4 portrait: the record card's page.
pub const PAGE_W: f32 = mm(210.0);
pub const PAGE_H: f32 = mm(297.0);

/// The size of a document's pages, in points.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PageSize {
    pub w: f32,
    pub h: f32,
}

impl PageSize {
    /// The record card.
    pub const A4_PORTRAIT: PageSize = PageSize {
        w: PAGE_W,
        h: PAGE_H,
    };
    /// The reception schedule wall poster.
    pub const A4_LANDSCAPE: PageSize = PageSize {
        w: PAGE_H,
        h: PAGE_W,
    };
    /// The query-code slip: A6 portrait, 105 × 148 mm (297.6 × 419.5 pt), a sheet office
    /// printers take (or print at a corner of A4, to cut).
    pub const A6_PORTRAIT: PageSize = PageSize {
        w: mm(105.0),
        h: mm(148.0),
    };

    pub fn w_mm(&self) -> f32 {
        self.w * 25.4 / 72.0
    }

    pub fn h_mm(&self) -> f32 {
        self.h * 25.4 / 72.0
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    pub x: f32,
    pub y: f32,
    pub w: f32,
    pub h: f32,
}

impl Rect {
    pub fn right(&self) -> f32 {
        self.x + self.w
    }

    pub fn bottom(&self) -> f32 {
        self.y + self.h
    }

    pub fn contains(&self, other: &Rect) -> bool {
        const E: f32 = 0.01;
        other.x >= self.x - E
            && other.y >= self.y - E
            && other.right() <= self.right() + E
            && other.bottom() <= self.bottom() + E
    }
}

/// One line of text in one size.
#[derive(Debug, Clone, PartialEq)]
pub struct TextRun {
    /// Left edge of the first glyph.
    pub x: f32,
    pub baseline: f32,
    pub size: f32,
    /// Extra space after every glyph in points (PDF `Tc`), for justified lines.
    pub char_spacing: f32,
    /// Drawn with a thin outline as well as filled: the font has no bold face, and the
    /// title of an official form is bold.
    pub bold: bool,
    pub text: String,
    /// Width including character spacing, so tests can check nothing leaves its cell.
    pub width: f32,
}

/// A straight line.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rule {
    pub x1: f32,
    pub y1: f32,
    pub x2: f32,
    pub y2: f32,
    pub width: f32,
}

/// A stroked rectangle (the outer border of a table).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Frame {
    pub rect: Rect,
    pub width: f32,
}

/// A 联系形式 box, drawn as vectors (the font has no ☑).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CheckBox {
    pub channel: Channel,
    pub rect: Rect,
    pub ticked: bool,
}

impl CheckBox {
    /// The tick as a polyline: short stroke down-right, long stroke up-right, reaching a
    /// little past the box like a pen tick does.
    pub fn tick(&self) -> [(f32, f32); 3] {
        let Rect { x, y, w, h } = self.rect;
        [
            (x + 0.18 * w, y + 0.52 * h),
            (x + 0.42 * w, y + 0.80 * h),
            (x + 0.95 * w, y + 0.05 * h),
        ]
    }
}

/// Everything on one page.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PageLayout {
    pub texts: Vec<TextRun>,
    pub rules: Vec<Rule>,
    pub frames: Vec<Frame>,
    pub checkboxes: Vec<CheckBox>,
}

impl PageLayout {
    /// All text of the page in drawing order, for tests and debugging.
    pub fn text(&self) -> String {
        self.texts.iter().map(|t| t.text.as_str()).collect()
    }
}

/// The pages of one card.
#[derive(Debug, Clone, PartialEq)]
pub struct CardLayout {
    pub pages: Vec<PageLayout>,
    /// Font size the two long texts were set in (10.5 pt unless they had to shrink).
    pub long_text_size: f32,
}
