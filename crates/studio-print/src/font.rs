//! The one font the cards are printed in, parsed once, with O(1) glyph and width lookups.
//!
//! Noto Serif SC (OFL-1.1, see `fonts/OFL.txt`) is the closest free design to the 宋体 of
//! official forms. It is an 11 MB CID-keyed OpenType/CFF font, so everything here avoids
//! touching the whole file per document: layout only needs cmap + advance widths, which
//! are copied into a flat table at start-up.

use std::collections::HashSet;

use crate::PrintError;

/// The font program, embedded so printing works on a machine with no CJK fonts at all.
pub(crate) static FONT_BYTES: &[u8] = include_bytes!("../fonts/NotoSerifSC-Regular.otf");

/// Printed in place of a character the font cannot draw, so the gap shows on paper.
/// 〓 (GETA MARK) is the traditional typesetter's mark for a missing character.
const SUBSTITUTES: [char; 3] = ['〓', '□', '?'];

/// A parsed font face plus flat lookup tables.
pub struct CardFont {
    face: ttf_parser::Face<'static>,
    /// One entry per BMP code point: `gid << 16 | advance` in font units, 0 when the font
    /// has no glyph. 256 KB; a binary search in the cmap per character was the largest
    /// cost of layout (every paragraph is measured at several sizes).
    bmp: Box<[u32]>,
    units_per_em: f32,
    substitute: char,
    /// Height of the middle of the ideographic em box above the baseline, in em. Used
    /// to centre text and checkboxes vertically in cells.
    em_middle: f32,
}

impl std::fmt::Debug for CardFont {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CardFont")
            .field("glyphs", &self.face.number_of_glyphs())
            .field("units_per_em", &self.units_per_em)
            .finish()
    }
}

impl CardFont {
    /// Parses the embedded font.
    pub fn embedded() -> Result<Self, PrintError> {
        Self::parse(FONT_BYTES, 0)
    }

    pub(crate) fn parse(bytes: &'static [u8], index: u32) -> Result<Self, PrintError> {
        let face =
            ttf_parser::Face::parse(bytes, index).map_err(|e| PrintError::Font(e.to_string()))?;
        let units_per_em = f32::from(face.units_per_em());
        let cmap = face
            .tables()
            .cmap
            .ok_or_else(|| PrintError::Font("没有 cmap 表".into()))?;
        let mut bmp = vec![0u32; 0x1_0000].into_boxed_slice();
        // Later subtables win; Unicode full-repertoire (format 12) comes last in Noto.
        for subtable in cmap.subtables.into_iter().filter(|s| s.is_unicode()) {
            subtable.codepoints(|cp| {
                if cp >= 0x1_0000 {
                    return;
                }
                if let Some(gid) = subtable.glyph_index(cp).filter(|g| g.0 != 0) {
                    let advance = face.glyph_hor_advance(gid).unwrap_or(0);
                    bmp[cp as usize] = (u32::from(gid.0) << 16) | u32::from(advance);
                }
            });
        }
        let ascender = face.typographic_ascender().unwrap_or(880);
        let descender = face.typographic_descender().unwrap_or(-120);
        let em_middle = (f32::from(ascender) + f32::from(descender)) / 2.0 / units_per_em;
        let mut font = CardFont {
            face,
            bmp,
            units_per_em,
            substitute: '?',
            em_middle,
        };
        font.substitute = SUBSTITUTES
            .into_iter()
            .find(|&c| font.glyph(c).is_some())
            .ok_or_else(|| PrintError::Font("字体缺少基本字符".into()))?;
        Ok(font)
    }

    /// Glyph id and advance (in em) of `c`, or `None` when the font cannot draw it.
    pub fn glyph(&self, c: char) -> Option<(u16, f32)> {
        let cp = c as u32;
        if cp < 0x1_0000 {
            let packed = self.bmp[cp as usize];
            if packed == 0 {
                return None;
            }
            let gid = (packed >> 16) as u16;
            let advance = (packed & 0xFFFF) as f32 / self.units_per_em;
            return Some((gid, advance));
        }
        // Outside the BMP (Ext-B names, emoji): rare, so no table.
        let gid = self.face.glyph_index(c).filter(|g| g.0 != 0)?;
        let advance = self.face.glyph_hor_advance(gid).unwrap_or(0);
        Some((gid.0, f32::from(advance) / self.units_per_em))
    }

    /// Advance of `c` in em; 0 for characters the font lacks (text is sanitised first).
    pub fn advance(&self, c: char) -> f32 {
        self.glyph(c).map_or(0.0, |(_, a)| a)
    }

    /// Width of `text` in em.
    pub fn width(&self, text: &str) -> f32 {
        text.chars().map(|c| self.advance(c)).sum()
    }

    /// Middle of the ideographic em box above the baseline, in em.
    pub fn em_middle(&self) -> f32 {
        self.em_middle
    }

    /// The font's family name (name ID 16, else 1), in Chinese when the font has one
    /// (simplified before traditional: 文泉驿正黑, not 文泉驛正黑).
    pub fn family_name(&self) -> Option<String> {
        let names: Vec<_> = self.face.names().into_iter().collect();
        let pick = |id: u16| {
            let of_id = || names.iter().filter(|n| n.name_id == id && n.is_unicode());
            // Simplified Chinese (PRC, Singapore) first, then Traditional, then any.
            [0x0804, 0x1004, 0x0404, 0x0C04]
                .into_iter()
                .find_map(|lang| of_id().find(|n| n.language_id == lang))
                .or_else(|| of_id().next())?
                .to_string()
        };
        pick(16)
            .or_else(|| pick(1))
            .map(|n| n.trim().chars().take(80).collect::<String>())
            .filter(|n| !n.is_empty())
    }

    /// The character printed in place of missing ones.
    pub fn substitute(&self) -> char {
        self.substitute
    }

    /// Makes `text` printable: drops control and invisible format characters, turns tabs
    /// into spaces and CR/CRLF into LF, and replaces every character the font lacks with
    /// the substitute, recording it in `missing`.
    pub(crate) fn sanitize(&self, text: &str, missing: &mut MissingChars) -> String {
        let mut out = String::with_capacity(text.len());
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '\r' => {
                    if chars.peek() != Some(&'\n') {
                        out.push('\n');
                    }
                }
                '\n' => out.push('\n'),
                '\t' => out.push(' '),
                c if is_invisible(c) => {}
                c if self.glyph(c).is_some() => out.push(c),
                c => {
                    missing.record(c);
                    out.push(self.substitute);
                }
            }
        }
        out
    }
}

/// Characters that draw nothing and carry no text: controls, zero-width marks, variation
/// selectors and the BOM. Dropping them is not data loss worth reporting.
fn is_invisible(c: char) -> bool {
    c.is_control()
        || matches!(c,
            '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{FE00}'..='\u{FE0F}'
            | '\u{FEFF}'
            | '\u{E0100}'..='\u{E01EF}')
}

/// Distinct missing characters in order of first appearance.
#[derive(Debug, Default)]
pub(crate) struct MissingChars {
    order: Vec<char>,
    seen: HashSet<char>,
}

impl MissingChars {
    pub fn record(&mut self, c: char) {
        if self.seen.insert(c) {
            self.order.push(c);
        }
    }

    pub fn into_vec(self) -> Vec<char> {
        self.order
    }
}
