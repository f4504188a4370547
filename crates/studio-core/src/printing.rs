//! What the front ends ask to print, and what they get back. The PDF itself is made by the
//! `studio-print` crate; these types only describe the request and its outcome.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::cards::CardSelection;

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
