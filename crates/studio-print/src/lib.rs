//! Printable documents of the Delegate Studio (党代表工作室): data in, PDF bytes out.
//!
//! Today that is the official 党代表联系党员和群众工作记录卡 (contact record card), blank
//! for filling by hand or filled from a record, the reception schedule wall poster
//! (接待安排, [`render_poster`]) and the kiosk's query-code slip (查询码回执,
//! [`render_slip`]). Printing is a pure function: no files, no dialogs; the
//! caller saves or prints the bytes.
//!
//! ```no_run
//! use studio_print::{filled_card, CardData, CardDate, Channel};
//! let card = CardData {
//!     contact_date: Some(CardDate::new(2024, 5, 6)?),
//!     delegate_name: "王建国".into(),
//!     channel: Some(Channel::Studio),
//!     opinion: "建议延长图书馆开放时间。".into(),
//!     ..Default::default()
//! };
//! let rendered = filled_card(&card)?;
//! assert!(rendered.missing_chars.is_empty());
//! std::fs::write("card.pdf", &rendered.pdf).unwrap();
//! # Ok::<(), studio_print::PrintError>(())
//! ```
//!
//! Pipeline: the model ([`CardData`], [`Card`]) → [`layout`] (positioned text, rules and
//! boxes; backend-free and testable) → `pdf` (printpdf operations, one font subset per
//! document). The font (Noto Serif SC, OFL-1.1) is embedded in the binary and parsed
//! once per [`CardPrinter`].
//!
//! This crate depends on no other crate of ours (`tests/dependencies.rs` holds it to
//! that): the core maps its records onto [`CardData`] (`studio_core::printing::cards`)
//! and runs print jobs with [`render_cards_with`], which reports progress and can stop.

mod cff;
mod error;
mod font;
pub mod layout;
mod model;
mod pdf;
mod poster;
mod printer;
mod proposal;
mod report;
mod slip;
mod subset;
mod subset_lib;
mod wall;
mod wrap;

pub use error::PrintError;
pub use font::CardFont;
pub use layout::{NOTES, POSTER_HEADERS, TITLE};
pub use model::{Card, CardData, CardDate, Channel, Rendered};
pub use poster::{Poster, PosterRow, MAX_POSTER_ROWS};
pub use printer::{CardPrinter, MAX_CARDS, STEPS_PER_CARD};
pub use proposal::{ProposalAnswer, ProposalForm, MAX_PROPOSAL_ENTRIES};
pub use report::{
    Report, ReportColumn, ReportGroup, ReportRow, MAX_REPORT_COLUMNS, MAX_REPORT_ROWS,
};
pub use slip::{Slip, MAX_SLIP_LINES};
pub use wall::{WallBlock, WallDoc, MAX_WALL_BLOCKS};
pub use wrap::{wrap, Line};

/// Renders `cards` into one PDF with the shared printer (see [`CardPrinter::render`]).
pub fn render_cards(cards: &[Card]) -> Result<Rendered, PrintError> {
    CardPrinter::shared()?.render(cards)
}

/// [`render_cards`] with progress and a way to stop: `progress(done, total)` is called
/// after every card laid out and every few milliseconds while the PDF is written, and
/// returns `false` to stop, which ends the job with [`PrintError::Cancelled`] (see
/// [`CardPrinter::render_with`]).
pub fn render_cards_with(
    cards: &[Card],
    progress: &mut dyn FnMut(usize, usize) -> bool,
) -> Result<Rendered, PrintError> {
    CardPrinter::shared()?.render_with(cards, progress)
}

/// `copies` blank cards in one PDF, one page each.
pub fn blank_cards(copies: u32) -> Result<Rendered, PrintError> {
    let copies = usize::try_from(copies).unwrap_or(usize::MAX);
    if copies > MAX_CARDS {
        return Err(PrintError::TooManyCards {
            requested: copies,
            max: MAX_CARDS,
        });
    }
    render_cards(&vec![Card::Blank; copies])
}

/// One filled card (one page, more if its long texts continue on 续页 pages).
pub fn filled_card(data: &CardData) -> Result<Rendered, PrintError> {
    render_cards(&[Card::filled(data.clone())])
}

/// The month's reception plan as an A4 landscape wall poster, with the shared printer:
/// the title centred at the top, a ruled table (日期 / 星期 / 时间 / 地点 / 接待党代表)
/// whose header row repeats on every page, the note, and a footer with 专线电话, 开放时间
/// and the studio's name. Rows are never split across pages. Characters the font lacks
/// print as 〓 and are listed in [`Rendered::missing_chars`]; `card_count` is 0.
///
/// An empty `rows` list is [`PrintError::EmptyPoster`] (never an empty sheet); more
/// than [`MAX_POSTER_ROWS`] rows is [`PrintError::TooManyPosterRows`].
pub fn render_poster(poster: &Poster) -> Result<Rendered, PrintError> {
    CardPrinter::shared()?.render_poster(poster)
}

/// A visitor's query-code slip (查询码回执) with the shared printer: one A6 portrait page
/// (105 × 148 mm, 297.6 × 419.5 pt; office printers take A6, or print it at a corner of
/// A4 to cut). The studio's name, the heading, the code very large and letter-spaced in
/// a ruled box, the label → value lines, the instructions wrapped, 专线电话 at the foot.
/// Only what `slip` holds is printed. Characters the font lacks print as 〓 and are
/// listed in [`Rendered::missing_chars`]; `card_count` is 0, `page_count` always 1.
///
/// An empty `query_code` is [`PrintError::NoQueryCode`]; more than [`MAX_SLIP_LINES`]
/// lines is [`PrintError::TooManySlipLines`]. Lines and instructions too long for the
/// page shrink to 8 pt, then are cut with "…".
pub fn render_slip(slip: &Slip) -> Result<Rendered, PrintError> {
    CardPrinter::shared()?.render_slip(slip)
}

/// A wall document (上墙制度) with the shared printer: A4 portrait with the title, the
/// body (headings, paragraphs, list entries) at the largest size from 16 pt down to 12 pt
/// that needs no more pages than 12 pt, the signature and page numbers; or, for a sign,
/// A4 landscape with every block one bold centred line as large as fits. A document with
/// no text is [`PrintError::EmptyWall`].
pub fn render_wall(doc: &WallDoc) -> Result<Rendered, PrintError> {
    CardPrinter::shared()?.render_wall(doc)
}

/// A statistical report table as an A4 landscape PDF, the header rows on every page.
pub fn render_report(report: &Report) -> Result<Rendered, PrintError> {
    CardPrinter::shared()?.render_report(report)
}

/// A proposal form (党代表提议) as an A4 portrait PDF with the shared printer: the studio's
/// name, the title, 编号 / 代表团 / 起草日期 / 状态, then a ruled table of 标题, 问题, 建议,
/// 关联事项, 团内讨论, 承办单位答复 (and 办理结果 when given); long texts continue on the next
/// page under the label with "（续）". Characters the font lacks print as 〓 and are listed in
/// [`Rendered::missing_chars`]; `card_count` is 0.
pub fn render_proposal(form: &ProposalForm) -> Result<Rendered, PrintError> {
    CardPrinter::shared()?.render_proposal(form)
}
