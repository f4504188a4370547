//! A wall document (上墙制度): the studio's rules, workflow, liaison duties, service pledge,
//! roster or activity plan as an A4 portrait poster, or the sign 知党情、听民声、谋发展、促和谐
//! as an A4 landscape one. Plain strings: the core renders its Markdown templates into these
//! blocks, so this crate never depends on the core or on a Markdown parser.

/// Upper bound on blocks: a wall document is a page or two; this only stops a runaway
/// request from building a huge PDF in memory.
pub const MAX_WALL_BLOCKS: usize = 2_000;

/// What is printed (see [`render_wall`](crate::render_wall)).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WallDoc {
    /// The heading, e.g. "党代表工作室工作制度". Not printed on a sign.
    pub title: String,
    /// The body, in order.
    pub blocks: Vec<WallBlock>,
    /// Printed at the bottom right of the last page as the notice's signature (落款), e.g.
    /// the studio's name; empty prints nothing.
    pub signature: String,
    /// The sign (标识): A4 landscape, every block one centred line as large as fits.
    pub sign: bool,
}

/// One block of the body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WallBlock {
    /// A heading inside the document (bold, on its own line).
    Heading(String),
    /// A paragraph: first line indented two characters, lines justified.
    Paragraph(String),
    /// A list entry: the marker ("1." or "•") hanging left of its wrapped text.
    Item { marker: String, text: String },
}

impl WallBlock {
    pub fn text(&self) -> &str {
        match self {
            WallBlock::Heading(t) | WallBlock::Paragraph(t) => t,
            WallBlock::Item { text, .. } => text,
        }
    }
}
