//! Font subsetting with typst's `subsetter` crate: any TrueType (`glyf`) or OpenType/CFF font
//! (or one face of a `.ttc`/`.otc` collection) cut down to the glyphs of one document.
//!
//! The library writes a font for PDF embedding: glyphs renumbered from 1 in the order given
//! (.notdef is 0), a CFF made CID-keyed with CID = the new glyph id, and no `cmap` or `OS/2`.
//! printpdf looks characters up through the font's own `cmap` and reads `OS/2` for the
//! descriptor's metrics, so both are added back here (`cmap` for exactly the used characters,
//! `OS/2` copied) and the sfnt is rebuilt with [`crate::subset::build_sfnt`]. Every code in the
//! content stream, every `/W` entry and every ToUnicode entry is then the new glyph id.

use crate::subset::{build_sfnt, cmap_format12, SubsetFont};
use crate::PrintError;

const CMAP: u32 = u32::from_be_bytes(*b"cmap");
const OS_2: u32 = u32::from_be_bytes(*b"OS/2");

/// A font program, located once; subsets are made per document.
pub(crate) struct Subsetter {
    bytes: &'static [u8],
    index: u32,
    face: ttf_parser::Face<'static>,
    os2: Option<&'static [u8]>,
}

fn subset_error(e: impl std::fmt::Display) -> PrintError {
    PrintError::Subset(e.to_string())
}

impl Subsetter {
    /// `bytes` is a whole font file; `index` the face in a collection (0 otherwise).
    pub fn new(bytes: &'static [u8], index: u32) -> Result<Self, PrintError> {
        let face =
            ttf_parser::Face::parse(bytes, index).map_err(|e| PrintError::Font(e.to_string()))?;
        let os2 = face.raw_face().table(ttf_parser::Tag::from_bytes(b"OS/2"));
        Ok(Subsetter {
            bytes,
            index,
            face,
            os2,
        })
    }

    /// A standalone font holding the glyphs of `glyphs` (character, glyph id in the full
    /// font), renumbered in ascending order of their original ids after .notdef, plus the
    /// components of composite TrueType glyphs, with a cmap for those characters.
    pub fn subset(&self, glyphs: &[(char, u16)]) -> Result<SubsetFont, PrintError> {
        let ids: Vec<u16> = glyphs.iter().map(|g| g.1).collect();
        let remapper = subsetter::GlyphRemapper::new_from_glyphs_sorted(&ids);
        let program = subsetter::subset(self.bytes, self.index, &remapper).map_err(subset_error)?;
        let raw = ttf_parser::RawFace::parse(&program, 0).map_err(subset_error)?;
        let mut mappings: Vec<(u32, u16)> = glyphs
            .iter()
            .filter_map(|&(c, gid)| Some((c as u32, remapper.get(gid)?)))
            .filter(|m| m.1 != 0)
            .collect();
        mappings.sort_unstable();
        mappings.dedup_by_key(|m| m.0);
        let cmap = cmap_format12(&mappings);

        let mut tables: Vec<(u32, &[u8])> = raw
            .table_records
            .into_iter()
            .filter_map(|r| {
                let start = r.offset as usize;
                let data = program.get(start..start + r.length as usize)?;
                Some((u32::from_be_bytes(r.tag.to_bytes()), data))
            })
            .collect();
        tables.push((CMAP, &cmap));
        if let Some(os2) = self.os2 {
            tables.push((OS_2, os2));
        }
        tables.sort_unstable_by_key(|t| t.0);
        tables.dedup_by_key(|t| t.0);
        let magic: [u8; 4] = program
            .get(..4)
            .and_then(|m| m.try_into().ok())
            .ok_or_else(|| subset_error("子集字体为空"))?;

        let units_per_em = u32::from(self.face.units_per_em().max(1));
        let widths = remapper
            .remapped_gids()
            .enumerate()
            .map(|(new, old)| {
                let advance = self
                    .face
                    .glyph_hor_advance(ttf_parser::GlyphId(old))
                    .unwrap_or(0);
                (
                    new as u16,
                    (u32::from(advance) * 1000 / units_per_em) as u16,
                )
            })
            .collect();
        Ok(SubsetFont {
            bytes: build_sfnt(magic, &tables),
            widths,
        })
    }
}

/// Which subsetter a printer uses: the hand-written CFF one for the shipped Noto Serif SC (it
/// only reads CID-keyed CFF, and measured faster on it: `benches/subset.rs`), the library's for a
/// font chosen in 设置 → 打印字体 (TrueType or CFF outlines).
pub(crate) enum Backend {
    Library(Box<Subsetter>),
    HandWritten(Box<crate::subset::Subsetter>),
}

impl Backend {
    pub fn subset(&self, glyphs: &[(char, u16)]) -> Result<SubsetFont, PrintError> {
        match self {
            Backend::Library(s) => s.subset(glyphs),
            Backend::HandWritten(s) => s.subset(glyphs),
        }
    }
}
