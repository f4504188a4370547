//! First-stage font subsetting: cut the 11 MB font down to the glyphs of one document
//! before printpdf ever sees it.
//!
//! Why not let printpdf subset the full font (its default)? Measured on a filled card it
//! cost ~30 ms, nearly all of it outside our code:
//! - allsorts' `MappingsToKeep` walks every cmap mapping of the font (~45,000 for Noto
//!   CJK) and tests each against the used glyphs with `Vec::contains`: O(mappings ×
//!   glyphs), tens of millions of comparisons for one card;
//! - printpdf clones the azul `ParsedFont` three times per save (add_font, font info,
//!   subset info), and for a CJK font that clone copies the cmap, the 65,535-entry
//!   gid→CID map and the GSUB/GPOS bytes;
//! - parsing the full font with azul takes 25–40 ms, once.
//!
//! So we call the same allsorts subsetter ourselves, through a table provider whose
//! `cmap` holds only the characters the document uses: the scan becomes ~400 × 400, and
//! every other table is borrowed straight from the embedded bytes. printpdf then gets a
//! font of a few hundred glyphs; its own (second) subsetting pass on that is cheap and
//! still produces what a PDF needs: a CID-keyed CFF subset with the `ABCDEF+` tag, `/W`
//! widths and a ToUnicode CMap. The original CIDs survive both passes (allsorts keeps
//! them in the CFF charset), so the codes in the content stream stay correct.

use std::borrow::Cow;

use allsorts::binary::read::ReadScope;
use allsorts::error::ParseError;
use allsorts::subset::{subset, CmapTarget, SubsetProfile};
use allsorts::tables::{FontTableProvider, OffsetTableFontProvider, OpenTypeFont};
use allsorts::tag;

use crate::PrintError;

/// The full font's tables, located once.
pub(crate) struct Subsetter {
    provider: OffsetTableFontProvider<'static>,
}

impl Subsetter {
    pub fn new(bytes: &'static [u8]) -> Result<Self, PrintError> {
        let font = ReadScope::new(bytes)
            .read::<OpenTypeFont<'static>>()
            .map_err(|e| PrintError::Font(e.to_string()))?;
        let provider = font
            .table_provider(0)
            .map_err(|e| PrintError::Font(e.to_string()))?;
        Ok(Subsetter { provider })
    }

    /// A standalone OpenType font holding exactly the glyphs of `glyphs` (pairs of
    /// character and glyph id in the full font), with a cmap for those characters.
    pub fn subset(&self, glyphs: &[(char, u16)]) -> Result<Vec<u8>, PrintError> {
        let mut mappings: Vec<(u32, u16)> =
            glyphs.iter().map(|&(c, gid)| (c as u32, gid)).collect();
        mappings.sort_unstable();
        mappings.dedup_by_key(|m| m.0);
        // .notdef first, then each glyph once: allsorts' two hard requirements.
        let mut ids: Vec<u16> = mappings.iter().map(|m| m.1).filter(|&g| g != 0).collect();
        ids.sort_unstable();
        ids.dedup();
        ids.insert(0, 0);
        let provider = TinyCmap {
            inner: &self.provider,
            cmap: cmap_format12(&mappings),
        };
        // `Minimal` keeps OS/2 (weight and cap height for the PDF font descriptor).
        subset(&provider, &ids, &SubsetProfile::Minimal, CmapTarget::Unicode)
            .map_err(|e| PrintError::Subset(e.to_string()))
    }
}

/// The full font with its cmap replaced by a small one.
struct TinyCmap<'a> {
    inner: &'a OffsetTableFontProvider<'static>,
    cmap: Vec<u8>,
}

impl FontTableProvider for TinyCmap<'_> {
    fn table_data(&self, tag: u32) -> Result<Option<Cow<'_, [u8]>>, ParseError> {
        if tag == tag::CMAP {
            return Ok(Some(Cow::Borrowed(&self.cmap)));
        }
        self.inner.table_data(tag)
    }

    fn has_table(&self, tag: u32) -> bool {
        tag == tag::CMAP || self.inner.has_table(tag)
    }

    fn table_tags(&self) -> Option<Vec<u32>> {
        self.inner.table_tags()
    }
}

/// A `cmap` table with a single Windows/UCS-4 format-12 subtable, one group per
/// consecutive run of code points and glyph ids. `mappings` must be sorted by code point.
fn cmap_format12(mappings: &[(u32, u16)]) -> Vec<u8> {
    let mut groups: Vec<(u32, u32, u32)> = Vec::new();
    for &(cp, gid) in mappings {
        let gid = u32::from(gid);
        if let Some((start, end, start_gid)) = groups.last_mut() {
            if *end + 1 == cp && *start_gid + (cp - *start) == gid {
                *end = cp;
                continue;
            }
        }
        groups.push((cp, cp, gid));
    }
    let subtable_len = 16 + 12 * groups.len() as u32;
    let mut out = Vec::with_capacity(12 + subtable_len as usize);
    let u16be = |out: &mut Vec<u8>, v: u16| out.extend_from_slice(&v.to_be_bytes());
    u16be(&mut out, 0); // version
    u16be(&mut out, 1); // numTables
    u16be(&mut out, 3); // platform: Windows
    u16be(&mut out, 10); // encoding: Unicode full repertoire
    out.extend_from_slice(&12u32.to_be_bytes()); // subtable offset
    u16be(&mut out, 12); // format
    u16be(&mut out, 0); // reserved
    out.extend_from_slice(&subtable_len.to_be_bytes());
    out.extend_from_slice(&0u32.to_be_bytes()); // language
    out.extend_from_slice(&(groups.len() as u32).to_be_bytes());
    for (start, end, gid) in groups {
        out.extend_from_slice(&start.to_be_bytes());
        out.extend_from_slice(&end.to_be_bytes());
        out.extend_from_slice(&gid.to_be_bytes());
    }
    out
}
