//! Font subsetting: cut the 11 MB font down to the glyphs of one document before
//! printpdf sees it, and hand printpdf a small, complete OpenType font.
//!
//! The prototype let printpdf subset the full font and spent ~30 ms per card, nearly all
//! of it in the font code. Profiling showed where:
//! - allsorts (printpdf's subsetter) finds each glyph's CID by walking the font's
//!   charset from the start, 13,016 ranges in Noto Serif SC: O(glyphs × ranges);
//! - it filters the font's ~45,000 cmap mappings with `Vec::contains` over the used
//!   glyphs: O(mappings × glyphs);
//! - printpdf clones the parsed full font three times per save (cmap, a 31,000-entry
//!   gid→CID map, the GSUB/GPOS bytes each time);
//! - for the `/W` widths, azul re-parses the whole CFF table once per glyph, reading
//!   all 18 Font and Private DICTs each time;
//! - the 24,186-entry local subroutine INDEX of the ideograph Font DICT was rebuilt,
//!   written, compressed and re-parsed in full for every document;
//! - printpdf deflates at level 9.
//!
//! So the font is located once ([`SourceCff`], flat charset and FDSelect tables) and
//! each document gets a CFF holding only its glyphs, with subroutines inlined and only
//! the Font DICTs it uses (`crate::cff`), wrapped here in the minimal OpenType tables
//! printpdf reads (cmap for exactly the used characters, hmtx, head, hhea, maxp, name,
//! OS/2, post). printpdf embeds that as it is (`subset_fonts: false`): a CID-keyed CFF
//! with the original CIDs, `/W` widths and a ToUnicode CMap.

use crate::cff::SourceCff;
use crate::PrintError;

/// Table tags.
const CFF: u32 = u32::from_be_bytes(*b"CFF ");
const OS_2: u32 = u32::from_be_bytes(*b"OS/2");
const CMAP: u32 = u32::from_be_bytes(*b"cmap");
const HEAD: u32 = u32::from_be_bytes(*b"head");
const HHEA: u32 = u32::from_be_bytes(*b"hhea");
const HMTX: u32 = u32::from_be_bytes(*b"hmtx");
const MAXP: u32 = u32::from_be_bytes(*b"maxp");
const NAME: u32 = u32::from_be_bytes(*b"name");
const POST: u32 = u32::from_be_bytes(*b"post");

/// One document's font.
pub(crate) struct SubsetFont {
    /// A complete OpenType font.
    pub bytes: Vec<u8>,
    /// `(CID, advance in 1/1000 em)` of every glyph, ascending by CID: the PDF `/W`.
    pub widths: Vec<(u16, u16)>,
}

/// The full font, located once.
pub(crate) struct Subsetter {
    cff: SourceCff,
    face: ttf_parser::Face<'static>,
    /// Tables copied unchanged (or nearly) into every subset.
    head: &'static [u8],
    hhea: &'static [u8],
    name: &'static [u8],
    os2: &'static [u8],
    post: &'static [u8],
}

fn font_error(what: &str, e: impl std::fmt::Display) -> PrintError {
    PrintError::Font(format!("{what}：{e}"))
}

impl Subsetter {
    pub fn new(bytes: &'static [u8]) -> Result<Self, PrintError> {
        let face = ttf_parser::Face::parse(bytes, 0).map_err(|e| font_error("字体", e))?;
        let table = |t: &[u8; 4]| -> Result<&'static [u8], PrintError> {
            face.raw_face()
                .table(ttf_parser::Tag::from_bytes(t))
                .ok_or_else(|| font_error("缺少字体表", String::from_utf8_lossy(t)))
        };
        Ok(Subsetter {
            cff: SourceCff::parse(table(b"CFF ")?).map_err(|e| font_error("CFF 表", e))?,
            head: table(b"head")?,
            hhea: table(b"hhea")?,
            name: table(b"name")?,
            os2: table(b"OS/2")?,
            post: table(b"post")?,
            face,
        })
    }

    /// A standalone OpenType font holding exactly the glyphs of `glyphs` (pairs of
    /// character and glyph id in the full font), with a cmap for those characters.
    /// Glyphs are renumbered in ascending order of their original ids, after .notdef.
    pub fn subset(&self, glyphs: &[(char, u16)]) -> Result<SubsetFont, PrintError> {
        let mut ids: Vec<u16> = glyphs.iter().map(|g| g.1).filter(|&g| g != 0).collect();
        ids.sort_unstable();
        ids.dedup();
        ids.insert(0, 0);
        let num_glyphs =
            u16::try_from(ids.len()).map_err(|_| PrintError::Subset("字形过多".into()))?;
        let cff = self
            .cff
            .subset(&ids)
            .map_err(|e| PrintError::Subset(e.to_string()))?;

        let mut mappings: Vec<(u32, u16)> = glyphs
            .iter()
            .filter_map(|&(c, gid)| Some((c as u32, ids.binary_search(&gid).ok()? as u16)))
            .collect();
        mappings.sort_unstable();
        mappings.dedup_by_key(|m| m.0);

        let units_per_em = u32::from(self.face.units_per_em().max(1));
        let mut hmtx = Vec::with_capacity(ids.len() * 4);
        let mut widths = Vec::with_capacity(ids.len());
        for &gid in &ids {
            let cid = self.cff.cid(gid);
            let gid = ttf_parser::GlyphId(gid);
            let advance = self.face.glyph_hor_advance(gid).unwrap_or(0);
            let lsb = self.face.glyph_hor_side_bearing(gid).unwrap_or(0);
            hmtx.extend_from_slice(&advance.to_be_bytes());
            hmtx.extend_from_slice(&lsb.to_be_bytes());
            widths.push((cid, (u32::from(advance) * 1000 / units_per_em) as u16));
        }
        widths.sort_unstable();
        let mut hhea = self.hhea.to_vec();
        hhea[34..36].copy_from_slice(&num_glyphs.to_be_bytes()); // numberOfHMetrics
        let mut maxp = 0x0000_5000u32.to_be_bytes().to_vec(); // version 0.5: CFF outlines
        maxp.extend_from_slice(&num_glyphs.to_be_bytes());
        let mut post = self.post[..32.min(self.post.len())].to_vec();
        post[..4].copy_from_slice(&0x0003_0000u32.to_be_bytes()); // no glyph names
        let mut head = self.head.to_vec();
        head[8..12].fill(0); // checkSumAdjustment, set by build_sfnt

        let tables: [(u32, &[u8]); 9] = [
            (CFF, &cff),
            (OS_2, self.os2),
            (CMAP, &cmap_format12(&mappings)),
            (HEAD, &head),
            (HHEA, &hhea),
            (HMTX, &hmtx),
            (MAXP, &maxp),
            (NAME, self.name),
            (POST, &post),
        ];
        Ok(SubsetFont {
            bytes: build_sfnt(*b"OTTO", &tables),
            widths,
        })
    }
}

/// A `cmap` table with a single Windows/UCS-4 format-12 subtable, one group per
/// consecutive run of code points and glyph ids. `mappings` must be sorted by code point.
pub(crate) fn cmap_format12(mappings: &[(u32, u16)]) -> Vec<u8> {
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
    out.extend_from_slice(&0u16.to_be_bytes()); // version
    out.extend_from_slice(&1u16.to_be_bytes()); // numTables
    out.extend_from_slice(&3u16.to_be_bytes()); // platform: Windows
    out.extend_from_slice(&10u16.to_be_bytes()); // encoding: Unicode full repertoire
    out.extend_from_slice(&12u32.to_be_bytes()); // subtable offset
    out.extend_from_slice(&12u16.to_be_bytes()); // format
    out.extend_from_slice(&0u16.to_be_bytes()); // reserved
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

fn checksum(data: &[u8]) -> u32 {
    data.chunks(4).fold(0u32, |sum, chunk| {
        let mut word = [0u8; 4];
        word[..chunk.len()].copy_from_slice(chunk);
        sum.wrapping_add(u32::from_be_bytes(word))
    })
}

/// An sfnt (`magic`: `OTTO` for CFF outlines, 0x00010000 for TrueType) from `tables`, which must be sorted by tag. Fills in `head`'s
/// checkSumAdjustment (the `head` passed in must have it zeroed).
pub(crate) fn build_sfnt(magic: [u8; 4], tables: &[(u32, &[u8])]) -> Vec<u8> {
    let count = tables.len() as u16;
    let entry_selector = 15 - count.leading_zeros() as u16; // floor(log2(count))
    let search_range = 16u16 << entry_selector;
    let mut out = Vec::new();
    out.extend_from_slice(&magic);
    for v in [
        count,
        search_range,
        entry_selector,
        count * 16 - search_range,
    ] {
        out.extend_from_slice(&v.to_be_bytes());
    }
    let mut offset = 12 + 16 * tables.len();
    let mut head_offset = None;
    for &(t, data) in tables {
        out.extend_from_slice(&t.to_be_bytes());
        out.extend_from_slice(&checksum(data).to_be_bytes());
        out.extend_from_slice(&(offset as u32).to_be_bytes());
        out.extend_from_slice(&(data.len() as u32).to_be_bytes());
        if t == HEAD {
            head_offset = Some(offset);
        }
        offset += data.len().next_multiple_of(4);
    }
    for &(_, data) in tables {
        out.extend_from_slice(data);
        out.resize(out.len().next_multiple_of(4), 0);
    }
    if let Some(at) = head_offset {
        let adjustment = 0xB1B0_AFBAu32.wrapping_sub(checksum(&out));
        out[at + 8..at + 12].copy_from_slice(&adjustment.to_be_bytes());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::font::{CardFont, FONT_BYTES};
    use ttf_parser::{Face, GlyphId, OutlineBuilder};

    /// Records an outline as text, to compare glyphs between fonts.
    #[derive(Default)]
    struct Path(String);

    impl OutlineBuilder for Path {
        fn move_to(&mut self, x: f32, y: f32) {
            self.0 += &format!("M{x} {y}");
        }
        fn line_to(&mut self, x: f32, y: f32) {
            self.0 += &format!("L{x} {y}");
        }
        fn quad_to(&mut self, x1: f32, y1: f32, x: f32, y: f32) {
            self.0 += &format!("Q{x1} {y1} {x} {y}");
        }
        fn curve_to(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, x: f32, y: f32) {
            self.0 += &format!("C{x1} {y1} {x2} {y2} {x} {y}");
        }
        fn close(&mut self) {
            self.0 += "Z";
        }
    }

    fn outline(face: &Face<'_>, gid: u16) -> String {
        let mut path = Path::default();
        face.outline_glyph(GlyphId(gid), &mut path);
        path.0
    }

    fn subset_of(text: &str) -> (Vec<(char, u16)>, Vec<u8>) {
        let font = CardFont::embedded().unwrap();
        let subsetter = Subsetter::new(FONT_BYTES).unwrap();
        let glyphs: Vec<(char, u16)> = text
            .chars()
            .filter_map(|c| font.glyph(c).map(|(g, _)| (c, g)))
            .collect();
        let bytes = subsetter.subset(&glyphs).unwrap().bytes;
        (glyphs, bytes)
    }

    #[test]
    fn subset_keeps_each_glyph_outline_advance_and_mapping() {
        let text = "党代表联系党员和群众工作记录卡 2024 E-mail，。（）“√”〓";
        let (glyphs, bytes) = subset_of(text);
        assert!(bytes.len() < 40_000, "{} bytes", bytes.len());
        let full = Face::parse(FONT_BYTES, 0).unwrap();
        let sub = Face::parse(&bytes, 0).unwrap();
        let distinct: std::collections::BTreeSet<u16> = glyphs.iter().map(|g| g.1).collect();
        assert_eq!(usize::from(sub.number_of_glyphs()), distinct.len() + 1);
        for (c, gid) in glyphs {
            let new = sub.glyph_index(c).expect("mapped").0;
            assert_ne!(new, 0, "{c}");
            assert_eq!(outline(&full, gid), outline(&sub, new), "outline of {c}");
            assert_eq!(
                full.glyph_hor_advance(GlyphId(gid)),
                sub.glyph_hor_advance(GlyphId(new)),
                "advance of {c}"
            );
        }
    }

    #[test]
    fn every_glyph_survives_subsetting_unchanged() {
        // All 31,058 glyphs, in batches: the inlining of subroutines must reproduce
        // every outline exactly.
        let full = Face::parse(FONT_BYTES, 0).unwrap();
        let subsetter = Subsetter::new(FONT_BYTES).unwrap();
        let n = full.number_of_glyphs();
        for start in (1..n).step_by(4000) {
            let end = (start + 4000).min(n);
            // Private-use code points give every glyph a cmap entry.
            let glyphs: Vec<(char, u16)> = (start..end)
                .map(|g| (char::from_u32(0xF0000 + u32::from(g)).unwrap(), g))
                .collect();
            let bytes = subsetter.subset(&glyphs).unwrap().bytes;
            let sub = Face::parse(&bytes, 0).unwrap();
            for (i, gid) in (start..end).enumerate() {
                let new = i as u16 + 1;
                assert_eq!(outline(&full, gid), outline(&sub, new), "gid {gid}");
            }
        }
    }
}
