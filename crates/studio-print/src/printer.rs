//! The reusable printer: owns the parsed font, renders batches of cards, posters and slips.

use std::sync::OnceLock;

use crate::font::{CardFont, MissingChars, FONT_BYTES};
use crate::layout::{
    layout_card, layout_poster, layout_slip, CardLayout, PageSize, PosterLayout, SlipLayout,
};
use crate::model::{Card, Rendered};
use crate::poster::Poster;
use crate::slip::Slip;
use crate::subset_lib::{Backend, Subsetter};
use crate::PrintError;

/// Upper bound on cards per document: a typo in a copy count must not try to build a
/// 100,000-page PDF in memory.
pub const MAX_CARDS: usize = 10_000;

/// Parses the embedded font once (a few ms) and renders any number of documents with it.
/// Cheap to share: rendering takes `&self`, so one printer serves all threads.
pub struct CardPrinter {
    font: CardFont,
    subsetter: Backend,
}

impl std::fmt::Debug for CardPrinter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CardPrinter")
            .field("font", &self.font)
            .finish()
    }
}

impl CardPrinter {
    /// A printer with the shipped font (Noto Serif SC), subset by the hand-written CFF subsetter
    /// (`subset.rs`/`cff.rs`): on the card it measured 5× faster than typst's `subsetter` for the
    /// subsetting step and 1.7× for a whole card (`benches/subset.rs`), so it stays for the
    /// default font.
    pub fn new() -> Result<Self, PrintError> {
        Ok(CardPrinter {
            font: CardFont::embedded()?,
            subsetter: Backend::HandWritten(Box::new(crate::subset::Subsetter::new(FONT_BYTES)?)),
        })
    }

    /// A printer with any TrueType or OpenType font (设置 → 打印字体), subset by typst's
    /// `subsetter`: `bytes` is the whole file (`.ttf`, `.otf`, or a `.ttc`/`.otc` collection with
    /// `index` naming the face).
    pub fn with_font(bytes: &'static [u8], index: u32) -> Result<Self, PrintError> {
        Ok(CardPrinter {
            font: CardFont::parse(bytes, index)?,
            subsetter: Backend::Library(Box::new(Subsetter::new(bytes, index)?)),
        })
    }

    /// The shipped font through the library's subsetter, for the benchmark and the tests that
    /// compare the two subsetters.
    #[doc(hidden)]
    pub fn shipped_with_library_subsetter() -> Result<Self, PrintError> {
        Self::with_font(FONT_BYTES, 0)
    }

    /// The characters of the documents' fixed text that this printer's font cannot draw: the
    /// blank card as laid out (title, labels, ticks, notes), the other documents' titles and
    /// headers, the continuation marks and page numbers. Empty for any usable Chinese font; a
    /// chosen font is checked with it before it is used (the data's own characters are reported
    /// per document in [`Rendered::missing_chars`]).
    pub fn missing_form_chars(&self) -> Result<Vec<char>, PrintError> {
        let (blank, _) = self.layout(&Card::Blank)?;
        let mut text: String = blank.pages.iter().map(|p| p.text()).collect();
        for fixed in [
            crate::layout::POSTER_TITLE,
            crate::layout::SLIP_TITLE,
            crate::layout::PROPOSAL_TITLE,
            "（转续页）续表（续）第页共上墙制度报表查询码专线电话开放时间小计合计",
        ]
        .into_iter()
        .chain(crate::layout::POSTER_HEADERS)
        {
            text.push_str(fixed);
        }
        let mut missing: Vec<char> = text
            .chars()
            .filter(|&c| !c.is_whitespace() && self.font.glyph(c).is_none())
            .collect();
        missing.sort_unstable();
        missing.dedup();
        Ok(missing)
    }

    /// Subsets the font to the characters of `text`, as a document would (benchmark only).
    #[doc(hidden)]
    pub fn subset_only(&self, text: &str) -> Result<usize, PrintError> {
        let glyphs: Vec<(char, u16)> = text
            .chars()
            .filter_map(|c| self.font.glyph(c).map(|(g, _)| (c, g)))
            .collect();
        Ok(self.subsetter.subset(&glyphs)?.bytes.len())
    }

    /// The process-wide printer, created on first use.
    pub fn shared() -> Result<&'static CardPrinter, PrintError> {
        static SHARED: OnceLock<Result<CardPrinter, PrintError>> = OnceLock::new();
        SHARED
            .get_or_init(CardPrinter::new)
            .as_ref()
            .map_err(Clone::clone)
    }

    pub fn font(&self) -> &CardFont {
        &self.font
    }

    /// Lays out one card without producing a PDF: the pages as geometry, and the
    /// characters that had to be replaced.
    pub fn layout(&self, card: &Card) -> Result<(CardLayout, Vec<char>), PrintError> {
        let mut missing = MissingChars::default();
        let layout = layout_card(&self.font, filled(card), &mut missing)?;
        Ok((layout, missing.into_vec()))
    }

    /// One PDF holding every card, in order. A card whose long texts overflow takes
    /// more than one page; the font subset is shared by the whole document, which is
    /// why batches should be printed as one document rather than many.
    pub fn render(&self, cards: &[Card]) -> Result<Rendered, PrintError> {
        self.render_with(cards, &mut |_, _| true)
    }

    /// [`render`](Self::render) with progress and a way to stop. `progress(done, total)`
    /// is called after every card laid out, then while the PDF is written (every 32 pages
    /// converted, every 32 streams compressed: a few milliseconds apart), and once more
    /// at the end with `done == total`. The counts are steps of work weighted by what
    /// they cost ([`STEPS_PER_CARD`] a card), so `done / total` moves evenly for a
    /// progress bar; they are not a card count. Returning `false` stops the work: the
    /// result is [`PrintError::Cancelled`]. (The answer to the last call is ignored: the
    /// PDF is finished by then.)
    pub fn render_with(
        &self,
        cards: &[Card],
        progress: &mut dyn FnMut(usize, usize) -> bool,
    ) -> Result<Rendered, PrintError> {
        if cards.is_empty() {
            return Err(PrintError::NoCards);
        }
        if cards.len() > MAX_CARDS {
            return Err(PrintError::TooManyCards {
                requested: cards.len(),
                max: MAX_CARDS,
            });
        }
        let total = cards.len() * STEPS_PER_CARD;
        let mut missing = MissingChars::default();
        let mut pages = Vec::with_capacity(cards.len());
        // Blank cards are identical: lay one out and repeat it.
        let mut blank = None;
        for (i, card) in cards.iter().enumerate() {
            match card {
                Card::Blank => {
                    let layout = match &blank {
                        Some(layout) => layout,
                        None => blank.insert(layout_card(&self.font, None, &mut missing)?),
                    };
                    pages.extend(layout.pages.iter().cloned());
                }
                Card::Filled(data) => {
                    pages.extend(layout_card(&self.font, Some(data), &mut missing)?.pages);
                }
            }
            if !progress((i + 1) * LAYOUT_STEPS, total) {
                return Err(PrintError::Cancelled);
            }
        }
        // The writer counts in its own steps per page; spread them over the cards' share.
        let laid_out = cards.len() * LAYOUT_STEPS;
        let writing = (total - laid_out) as u64;
        let pdf = crate::pdf::write_pdf(
            &self.font,
            &self.subsetter,
            crate::TITLE,
            PageSize::A4_PORTRAIT,
            &pages,
            &mut |done, of| {
                let share = (done as u64 * writing / of.max(1) as u64) as usize;
                progress(laid_out + share.min(writing as usize), total)
            },
        )?;
        progress(total, total);
        Ok(Rendered {
            pdf,
            missing_chars: missing.into_vec(),
            page_count: pages.len(),
            card_count: cards.len(),
        })
    }
}

impl CardPrinter {
    /// Lays out a reception schedule poster without producing a PDF: the pages as
    /// geometry, and the characters that had to be replaced.
    pub fn layout_poster(&self, poster: &Poster) -> Result<(PosterLayout, Vec<char>), PrintError> {
        let mut missing = MissingChars::default();
        let layout = layout_poster(&self.font, poster, &mut missing)?;
        Ok((layout, missing.into_vec()))
    }

    /// A document that holds no cards (a poster, a slip, a report, a form, a wall document) as
    /// one PDF: its title in the file's metadata, `fallback` when the title is blank.
    fn render_document(
        &self,
        title: &str,
        fallback: &str,
        size: PageSize,
        pages: &[crate::layout::PageLayout],
        missing_chars: Vec<char>,
    ) -> Result<Rendered, PrintError> {
        let title = title.trim();
        let pdf = crate::pdf::write_pdf(
            &self.font,
            &self.subsetter,
            if title.is_empty() { fallback } else { title },
            size,
            pages,
            &mut |_, _| true,
        )?;
        Ok(Rendered {
            pdf,
            missing_chars,
            page_count: pages.len(),
            card_count: 0,
        })
    }

    /// The reception schedule wall poster as one PDF: A4 landscape, as many pages as its
    /// rows need (see [`render_poster`](crate::render_poster)). `card_count` is 0.
    pub fn render_poster(&self, poster: &Poster) -> Result<Rendered, PrintError> {
        let (layout, missing_chars) = self.layout_poster(poster)?;
        self.render_document(
            &poster.title,
            crate::layout::POSTER_TITLE,
            PageSize::A4_LANDSCAPE,
            &layout.pages,
            missing_chars,
        )
    }
}

impl CardPrinter {
    /// Lays out a query-code slip without producing a PDF: the page as geometry, and the
    /// characters that had to be replaced.
    pub fn layout_slip(&self, slip: &Slip) -> Result<(SlipLayout, Vec<char>), PrintError> {
        let mut missing = MissingChars::default();
        let layout = layout_slip(&self.font, slip, &mut missing)?;
        Ok((layout, missing.into_vec()))
    }

    /// The query-code slip as a one-page A6 PDF (see [`render_slip`](crate::render_slip)).
    pub fn render_slip(&self, slip: &Slip) -> Result<Rendered, PrintError> {
        let (layout, missing_chars) = self.layout_slip(slip)?;
        self.render_document(
            &slip.heading,
            crate::layout::SLIP_TITLE,
            PageSize::A6_PORTRAIT,
            std::slice::from_ref(&layout.page),
            missing_chars,
        )
    }
}

/// Laying out a card, in progress steps.
const LAYOUT_STEPS: usize = 1;

/// Progress steps per card of a batch: laying it out, then writing its pages (converting
/// them to PDF objects, compressing, saving), in proportion to their measured cost (300
/// filled cards: layout 12 %, converting 75 %, compressing and saving 12 %).
pub const STEPS_PER_CARD: usize =
    LAYOUT_STEPS + crate::pdf::CONVERT_STEPS + crate::pdf::FINISH_STEPS;

fn filled(card: &Card) -> Option<&crate::CardData> {
    match card {
        Card::Blank => None,
        Card::Filled(data) => Some(data),
    }
}

impl CardPrinter {
    /// Lays out a report table without producing a PDF.
    pub fn layout_report(
        &self,
        report: &crate::Report,
    ) -> Result<(crate::layout::ReportLayout, Vec<char>), PrintError> {
        let mut missing = MissingChars::default();
        let layout = crate::layout::layout_report(&self.font, report, &mut missing)?;
        Ok((layout, missing.into_vec()))
    }

    /// A report table as one PDF: A4 landscape, the header rows repeated on every page
    /// (see [`render_report`](crate::render_report)). `card_count` is 0.
    pub fn render_report(&self, report: &crate::Report) -> Result<Rendered, PrintError> {
        let (layout, missing_chars) = self.layout_report(report)?;
        self.render_document(
            &report.title,
            "报表",
            PageSize::A4_LANDSCAPE,
            &layout.pages,
            missing_chars,
        )
    }
}

impl CardPrinter {
    /// Lays out a proposal form without producing a PDF.
    pub fn layout_proposal(
        &self,
        form: &crate::ProposalForm,
    ) -> Result<(crate::layout::ProposalLayout, Vec<char>), PrintError> {
        let mut missing = MissingChars::default();
        let layout = crate::layout::layout_proposal(&self.font, form, &mut missing)?;
        Ok((layout, missing.into_vec()))
    }

    /// A proposal form as one A4 portrait PDF (see [`render_proposal`](crate::render_proposal)).
    pub fn render_proposal(&self, form: &crate::ProposalForm) -> Result<Rendered, PrintError> {
        let (layout, missing_chars) = self.layout_proposal(form)?;
        self.render_document(
            crate::layout::PROPOSAL_TITLE,
            crate::layout::PROPOSAL_TITLE,
            PageSize::A4_PORTRAIT,
            &layout.pages,
            missing_chars,
        )
    }

    /// Lays out a wall document without producing a PDF.
    pub fn layout_wall(
        &self,
        doc: &crate::WallDoc,
    ) -> Result<(crate::layout::WallLayout, Vec<char>), PrintError> {
        let mut missing = MissingChars::default();
        let layout = crate::layout::layout_wall(&self.font, doc, &mut missing)?;
        Ok((layout, missing.into_vec()))
    }

    /// A wall document as one PDF (see [`render_wall`](crate::render_wall)).
    pub fn render_wall(&self, doc: &crate::WallDoc) -> Result<Rendered, PrintError> {
        let (layout, missing_chars) = self.layout_wall(doc)?;
        self.render_document(
            &doc.title,
            "上墙制度",
            layout.page_size,
            &layout.pages,
            missing_chars,
        )
    }
}
