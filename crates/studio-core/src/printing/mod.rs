//! Printing as one job for every front end: what they ask to print ([`PrintJob`]), the job itself
//! ([`render`]: which cards → the print model → PDF bytes), and what they get back
//! ([`PrintOutcome`]). The PDF is made by the pure `studio-print` crate; [`cards`] maps the core's
//! records onto its model. Nothing here writes a file or opens a dialog: the bytes go back to the
//! caller (DESIGN.md, invariant 5), which saves them with [`crate::files::write_atomic`].

pub mod cards;
pub mod font;
mod funds;
mod poster;
mod proposal;
mod reports;
mod slip;
mod wall;

pub use font::{printer, PrintFont};
pub use funds::{funds_model, funds_pdf};
pub use poster::{poster_model, render_poster};
pub use proposal::{proposal_model, proposal_pdf};
pub use reports::{render_summary, render_units, report_model, summary_pdf, units_pdf};
pub use slip::{
    render_slip, slip_for_appointment, slip_for_message, slip_model, SlipRequest,
    APPOINTMENT_HEADING, APPOINTMENT_NOTE, MESSAGE_HEADING, QUERY_INSTRUCTIONS,
};
pub use wall::{render_wall, wall_model};

use serde::{Deserialize, Serialize};
/// The finished PDF: bytes, page count, characters the font lacks.
pub use studio_print::Rendered;
use studio_print::{CardPrinter, PrintError};
use ts_rs::TS;

use crate::cards::CardSelection;
use crate::error::{Error, Result};
use crate::storage::Store;
use crate::Ctx;

/// At most this many blank cards in one request: a pad of cards, not a print shop run.
pub const MAX_BLANK_COPIES: u32 = 500;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum PrintJob {
    /// Filled cards, one (or more, with 续页) pages each, in one PDF.
    Cards { selection: CardSelection },
    /// Blank cards to fill in by hand.
    Blank { copies: u32 },
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct PrintOutcome {
    /// The PDF, base64, when the caller asked for the bytes (preview); empty otherwise.
    pub pdf_base64: String,
    /// Where the PDF was written, when it was.
    pub path: Option<String>,
    pub page_count: u32,
    /// Characters the font has no glyph for; printed as 〓.
    pub missing_chars: Vec<String>,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct ExportOutcome {
    pub path: String,
    pub count: u32,
}

/// Renders `job` into one PDF.
///
/// - Blank cards need no data: `copies` must be 1 to [`MAX_BLANK_COPIES`] (a field error on
///   `copies` otherwise).
/// - Filled cards are read with [`crate::cards::cards_for_print`], which checks the permission and
///   records the access; an empty selection is an error, not an empty PDF.
///
/// `progress(done, total)` is called after every card laid out, every few milliseconds while the
/// PDF is written, and once at the end with `done == total`. `total` is the number of cards and
/// `done` the cards' worth of work finished (laying out and writing, in proportion to their cost),
/// so the progress box can say 已完成 N / M 张. Returning `false` stops the job: the result is
/// [`Error::Cancelled`] and no bytes.
pub fn render(
    store: &Store,
    ctx: &Ctx,
    job: &PrintJob,
    progress: &mut dyn FnMut(usize, usize) -> bool,
) -> Result<Rendered> {
    let batch = match job {
        PrintJob::Blank { copies } => return render_blank(Some(store), *copies, progress),
        PrintJob::Cards { selection } => {
            let list = crate::cards::cards_for_print(store, ctx, selection)?;
            if list.is_empty() {
                return Err(Error::Invalid("没有符合条件的记录卡可打印".into()));
            }
            cards::print_cards(&list)
        }
    };
    run(printer(store)?, &batch, progress)
}

/// `copies` blank cards to fill in by hand: [`render`]'s blank job, which reads no data (so a
/// front end can print them without a database: `store` `None` prints in the shipped font, a store
/// in its 打印字体). `copies` must be 1 to [`MAX_BLANK_COPIES`]: a field error on `copies` otherwise.
pub fn render_blank(
    store: Option<&Store>,
    copies: u32,
    progress: &mut dyn FnMut(usize, usize) -> bool,
) -> Result<Rendered> {
    if !(1..=MAX_BLANK_COPIES).contains(&copies) {
        return Err(Error::field(
            "copies",
            format!("份数应在 1 到 {MAX_BLANK_COPIES} 之间"),
        ));
    }
    let printer = match store {
        Some(store) => printer(store)?,
        None => CardPrinter::shared().map_err(print_error)?,
    };
    run(
        printer,
        &vec![studio_print::Card::Blank; copies as usize],
        progress,
    )
}

/// Render `batch`, turning the print crate's weighted steps into cards for `progress`.
fn run(
    printer: &CardPrinter,
    batch: &[studio_print::Card],
    progress: &mut dyn FnMut(usize, usize) -> bool,
) -> Result<Rendered> {
    let cards = batch.len();
    let mut in_cards = |done: usize, total: usize| progress(done * cards / total.max(1), cards);
    printer
        .render_with(batch, &mut in_cards)
        .map_err(print_error)
}

/// The print crate's errors carry their Chinese message; apart from a stop they all mean "could not
/// do it" to the user.
fn print_error(e: PrintError) -> Error {
    match e {
        PrintError::Cancelled => Error::Cancelled,
        e => Error::Invalid(e.to_string()),
    }
}
