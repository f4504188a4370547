//! The PDF backend: laid-out pages in, PDF bytes out, through printpdf.

use std::collections::HashSet;
use std::sync::Arc;

use flate2::{Compress, Compression, FlushCompress, Status};
use printpdf::{
    AzulParsedFont, Line, LineCapStyle, LineJoinStyle, LinePoint, Mm, Op, PaintMode, ParsedFont,
    PdfDocument, PdfFontHandle, PdfPage, PdfParseErrorSeverity, PdfSaveOptions, Point, Pt,
    Rect as PdfRect, TextItem, TextMatrix, TextRenderingMode,
};

use lopdf::ObjectId;
use rust_fontconfig::FontBytes;

use crate::font::CardFont;
use crate::layout::{PageLayout, PageSize, Rect};
use crate::subset_lib::Backend as Subsetter;
use crate::PrintError;

/// Checkbox outline; a little heavier than the inner table rules so it reads as a box.
const BOX_RULE: f32 = 0.6;
/// The tick: a pen stroke, clearly heavier than any rule.
const TICK_RULE: f32 = 1.1;
/// Outline width of faux-bold text, per point of font size.
const BOLD_STROKE: f32 = 0.03;
/// Deflate level for every stream. printpdf always uses 9 (`Compression::best`); 2 is
/// the measured sweet spot. With flate2's zlib-rs backend (enabled in Cargo.toml) a
/// filled card took 4.7 ms at level 2 against 7.3 ms at 6,
/// for 1 % more bytes (64.4 vs 63.8 KB); level 1 switches to a much weaker matcher
/// (73 KB), and 1000 cards grow from 2.7 to 2.85 MB.
const DEFLATE_LEVEL: u32 = 2;

/// Pages converted by printpdf in one go. printpdf turns a whole document into lopdf
/// objects in one call with no way to report progress or stop, and that call is most of
/// the time of a batch (~70 %), so [`write_pdf`] converts the pages a few at a time and
/// moves their content streams into one document. Each call embeds the font again (a
/// copy of the subset and a ToUnicode map for that call's characters, then dropped):
/// ~1 ms a call. Measured on 300 filled cards (instructions, callgrind): 32 pages a call
/// cost 1.8 % more than one call for everything, 16 pages 3.2 %, 1 page 43 %.
/// A document of at most this many pages (a card, a poster, a slip) is one call and needs no
/// stand-in page: the stand-in's extra call had made a single card 0.3–0.5 ms slower than
/// before the split (`scripts/bench/core-compare.sh`).
const PAGES_PER_CALL: usize = 32;

/// How [`write_pdf`]'s work is counted for progress, in the steps a card's layout takes
/// (see `printer::STEPS_PER_CARD`), from the measured shares of a 300-card batch: layout
/// 12 %, converting the pages 75 %, compressing and saving 12 %. The reused compressor
/// (see [`compress_streams`]) more than pays for the calls: the whole batch takes 2.2 %
/// fewer instructions than before the split, and the PDF is 3 % smaller (one resource
/// dictionary for all pages).
pub(crate) const CONVERT_STEPS: usize = 6;
pub(crate) const FINISH_STEPS: usize = 1;

/// Writes `pages` as one PDF of `size` pages with the font embedded as a subset.
///
/// `progress(done, total)` is called after every [`PAGES_PER_CALL`] pages converted and
/// as many streams compressed, counting [`CONVERT_STEPS`] + [`FINISH_STEPS`] a page;
/// returning `false` stops the work with [`PrintError::Cancelled`].
pub(crate) fn write_pdf(
    font: &CardFont,
    subsetter: &Subsetter,
    title: &str,
    size: PageSize,
    pages: &[PageLayout],
    progress: &mut dyn FnMut(usize, usize) -> bool,
) -> Result<Vec<u8>, PrintError> {
    let total = pages.len() * (CONVERT_STEPS + FINISH_STEPS);
    let mut report = |done: usize| {
        if progress(done, total) {
            Ok(())
        } else {
            Err(PrintError::Cancelled)
        }
    };
    let glyphs = used_glyphs(font, pages);
    let subset = subsetter.subset(&glyphs)?;
    let parsed = subset_font(subset.bytes, &glyphs)?;

    let mut doc = PdfDocument::new(title);
    doc.metadata.info.creator = "党代表工作室 Delegate Studio".into();
    doc.metadata.info.producer = "studio-print (printpdf 0.12.8)".into();
    let font_handle = PdfFontHandle::External(doc.add_font(&parsed));

    // printpdf's `save` = `to_lopdf_document` + compress at level 9 + write; we do the
    // same steps with a faster compression level, the conversion a few pages at a time.
    let options = PdfSaveOptions {
        // Already subset: printpdf's own pass would only repeat our work, slowly.
        subset_fonts: false,
        ..PdfSaveOptions::default()
    };
    let mut warnings = Vec::new();

    let (width, height) = (Mm(size.w_mm()), Mm(size.h_mm()));
    let real_pages = |chunk: &[PageLayout]| -> Vec<PdfPage> {
        chunk
            .iter()
            .map(|page| PdfPage::new(width, height, page_ops(page, &font_handle, size.h)))
            .collect()
    };
    let mut lopdf_doc = if pages.len() <= PAGES_PER_CALL {
        // One call holds every page (a card, a blank, a poster, a slip): converted as they
        // are. The stand-in page of `convert_in_chunks` would cost a second call.
        doc.pages = real_pages(pages);
        let lopdf_doc = doc.to_lopdf_document(&options, &mut warnings);
        check(&mut warnings)?;
        report(pages.len() * CONVERT_STEPS)?;
        lopdf_doc
    } else {
        convert_in_chunks(
            &mut doc,
            &options,
            &font_handle,
            &glyphs,
            width,
            height,
            pages,
            real_pages,
            &mut report,
        )?
    };

    set_widths(&mut lopdf_doc, &subset.widths)?;
    tidy_info(&mut lopdf_doc);
    let converted = pages.len() * CONVERT_STEPS;
    let streams = lopdf_doc.objects.len().max(1);
    compress_streams(&mut lopdf_doc, &mut |i| {
        report(converted + i * pages.len() * FINISH_STEPS / streams)
    })?;
    let mut bytes = Vec::new();
    lopdf_doc
        .save_to(&mut bytes)
        .map_err(|e| PrintError::Pdf(e.to_string()))?;
    Ok(bytes)
}

/// Converts more than [`PAGES_PER_CALL`] pages, a chunk per printpdf call, into one document.
/// The document itself (catalog, info, the font with a ToUnicode map of every character)
/// comes from a conversion of one stand-in page that shows every character once; that page
/// is then replaced by the real ones, which all share its resource dictionary.
#[allow(clippy::too_many_arguments)]
fn convert_in_chunks(
    doc: &mut PdfDocument,
    options: &PdfSaveOptions,
    font_handle: &PdfFontHandle,
    glyphs: &[(char, u16)],
    width: Mm,
    height: Mm,
    pages: &[PageLayout],
    real_pages: impl Fn(&[PageLayout]) -> Vec<PdfPage>,
    report: &mut dyn FnMut(usize) -> Result<(), PrintError>,
) -> Result<lopdf::Document, PrintError> {
    let mut warnings = Vec::new();
    let all_chars: String = glyphs.iter().map(|g| g.0).collect();
    doc.pages = vec![PdfPage::new(
        width,
        height,
        vec![
            Op::StartTextSection,
            Op::SetFont {
                font: font_handle.clone(),
                size: Pt(10.0),
            },
            Op::ShowText {
                items: vec![TextItem::Text(all_chars)],
            },
            Op::EndTextSection,
        ],
    )];
    let mut lopdf_doc = doc.to_lopdf_document(options, &mut warnings);
    check(&mut warnings)?;
    let (pages_id, resources) = take_only_page(&mut lopdf_doc)?;

    let mut kids = Vec::with_capacity(pages.len());
    for chunk in pages.chunks(PAGES_PER_CALL) {
        doc.pages = real_pages(chunk);
        let mut part = doc.to_lopdf_document(options, &mut warnings);
        check(&mut warnings)?;
        for page_id in page_ids(&part)? {
            kids.push(move_page(
                &mut part,
                page_id,
                &mut lopdf_doc,
                pages_id,
                resources,
            )?);
        }
        report(kids.len() * CONVERT_STEPS)?;
    }
    let count = kids.len();
    let page_tree = lopdf_doc
        .get_dictionary_mut(pages_id)
        .map_err(|e| PrintError::Pdf(e.to_string()))?;
    page_tree.set(
        "Kids",
        kids.into_iter()
            .map(lopdf::Object::Reference)
            .collect::<Vec<_>>(),
    );
    page_tree.set("Count", count as i64);
    Ok(lopdf_doc)
}

/// Fails on the first error printpdf reported; forgets the rest.
fn check(warnings: &mut Vec<printpdf::PdfWarnMsg>) -> Result<(), PrintError> {
    let error = warnings
        .iter()
        .find(|w| w.severity == PdfParseErrorSeverity::Error)
        .map(|w| PrintError::Pdf(w.msg.clone()));
    warnings.clear();
    error.map_or(Ok(()), Err)
}

fn pdf_error(what: &str) -> PrintError {
    PrintError::Pdf(format!("printpdf 输出的文档缺少{what}"))
}

/// The page tree's id and the page ids in order.
fn page_tree(doc: &lopdf::Document) -> Result<(ObjectId, Vec<ObjectId>), PrintError> {
    let catalog = doc.catalog().map_err(|_| pdf_error("目录"))?;
    let pages_id = catalog
        .get(b"Pages")
        .and_then(lopdf::Object::as_reference)
        .map_err(|_| pdf_error("页面树"))?;
    let kids = doc
        .get_dictionary(pages_id)
        .and_then(|d| d.get(b"Kids"))
        .and_then(lopdf::Object::as_array)
        .map_err(|_| pdf_error("页面列表"))?
        .iter()
        .map(|k| k.as_reference().map_err(|_| pdf_error("页面引用")))
        .collect::<Result<_, _>>()?;
    Ok((pages_id, kids))
}

fn page_ids(doc: &lopdf::Document) -> Result<Vec<ObjectId>, PrintError> {
    Ok(page_tree(doc)?.1)
}

/// Removes the document's only page (and its content stream), keeping its resource
/// dictionary for the real pages. Returns the page tree's id and the resources' id.
fn take_only_page(doc: &mut lopdf::Document) -> Result<(ObjectId, ObjectId), PrintError> {
    let (pages_id, kids) = page_tree(doc)?;
    let [page_id] = kids[..] else {
        return Err(pdf_error("唯一的页面"));
    };
    let page = doc
        .objects
        .remove(&page_id)
        .ok_or_else(|| pdf_error("页面"))?;
    let page = page.as_dict().map_err(|_| pdf_error("页面字典"))?;
    let reference = |key: &[u8]| page.get(key).and_then(lopdf::Object::as_reference);
    if let Ok(contents) = reference(b"Contents") {
        doc.objects.remove(&contents);
    }
    let resources = reference(b"Resources").map_err(|_| pdf_error("资源字典"))?;
    Ok((pages_id, resources))
}

/// Moves page `page_id` of `from` into `to` as a child of `parent` that uses the shared
/// `resources` (every page has the same: the one font). Returns its new id.
fn move_page(
    from: &mut lopdf::Document,
    page_id: ObjectId,
    to: &mut lopdf::Document,
    parent: ObjectId,
    resources: ObjectId,
) -> Result<ObjectId, PrintError> {
    use lopdf::Object;
    let Some(Object::Dictionary(mut page)) = from.objects.remove(&page_id) else {
        return Err(pdf_error("页面字典"));
    };
    let contents_id = page
        .get(b"Contents")
        .and_then(Object::as_reference)
        .map_err(|_| pdf_error("页面内容"))?;
    let contents = from
        .objects
        .remove(&contents_id)
        .ok_or_else(|| pdf_error("页面内容"))?;
    page.set("Contents", Object::Reference(to.add_object(contents)));
    page.set("Parent", Object::Reference(parent));
    page.set("Resources", Object::Reference(resources));
    Ok(to.add_object(page))
}

/// Wraps our subset font for printpdf, which embeds it as it is (`subset_fonts: false`).
///
/// Two adjustments, through public fields of azul's face:
/// - `font_name` gets the `ABCDEF+` subset tag (ISO 32000-1, 9.6.4) that printpdf only
///   adds when it subsets by itself; viewers and `pdffonts` read it to know the embedded
///   font is a subset.
/// - `original_bytes` is cleared. `from_bytes_shared` also keeps the bytes in the face's
///   lazy glyph slot, where printpdf finds them for embedding, but with the field empty
///   azul no longer re-parses the CFF table and decodes the outline of every glyph to
///   compute `/W` (~10 µs a glyph, half the time of a card). The widths it then reports
///   are zero, so [`set_widths`] writes the real ones afterwards.
fn subset_font(bytes: Vec<u8>, glyphs: &[(char, u16)]) -> Result<ParsedFont, PrintError> {
    let mut warnings = Vec::new();
    let shared = Arc::new(FontBytes::Owned(Arc::from(bytes)));
    let mut face = AzulParsedFont::from_bytes_shared(shared, 0, &mut warnings)
        .ok_or_else(|| PrintError::Subset("子集字体无法读取".into()))?;
    let name = face
        .font_name
        .take()
        .unwrap_or_else(|| "NotoSerifSC-Regular".to_owned());
    face.font_name = Some(format!("{}+{name}", subset_tag(glyphs)));
    face.original_bytes = None;
    Ok(ParsedFont::from_azul(face))
}

/// Replaces the `/W` array of the (only) CID font with `widths` (ascending CIDs, 1/1000
/// em), grouped into runs of consecutive CIDs as printpdf does.
fn set_widths(doc: &mut lopdf::Document, widths: &[(u16, u16)]) -> Result<(), PrintError> {
    use lopdf::Object;
    let mut array = Vec::new();
    let mut run: Vec<Object> = Vec::new();
    let mut run_start = 0u16;
    for (i, &(cid, width)) in widths.iter().enumerate() {
        if i > 0 && cid != widths[i - 1].0 + 1 {
            array.push(Object::Integer(i64::from(run_start)));
            array.push(Object::Array(std::mem::take(&mut run)));
        }
        if run.is_empty() {
            run_start = cid;
        }
        run.push(Object::Integer(i64::from(width)));
    }
    if !run.is_empty() {
        array.push(Object::Integer(i64::from(run_start)));
        array.push(Object::Array(run));
    }
    let mut set = 0;
    for object in doc.objects.values_mut() {
        let Ok(font) = object.as_dict_mut() else {
            continue;
        };
        if !font
            .get(b"Subtype")
            .is_ok_and(|s| s.as_name().ok() == Some(b"Type0"))
        {
            continue;
        }
        let Ok(Object::Array(descendants)) = font.get_mut(b"DescendantFonts") else {
            continue;
        };
        for descendant in descendants {
            if let Ok(cid_font) = descendant.as_dict_mut() {
                cid_font.set("W", Object::Array(array.clone()));
                set += 1;
            }
        }
    }
    if set == 1 {
        Ok(())
    } else {
        Err(PrintError::Pdf(format!(
            "找到 {set} 个 CID 字体，应为 1 个"
        )))
    }
}

/// Six capital letters derived from the glyph set, so the same text gets the same tag.
fn subset_tag(glyphs: &[(char, u16)]) -> String {
    let mut gids: Vec<u16> = glyphs.iter().map(|g| g.1).collect();
    gids.sort_unstable();
    // FNV-1a: tiny and stable across Rust versions (unlike `DefaultHasher`).
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for gid in gids {
        for byte in gid.to_be_bytes() {
            hash = (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    (0..6)
        .map(|i| char::from(b'A' + ((hash >> (i * 8)) % 26) as u8))
        .collect()
}

/// Cleans up the document information dictionary printpdf writes:
/// - `GTS_PDFXVersion` is set even for plain PDFs, which makes viewers (and `pdfinfo`)
///   report the file as PDF/X. It is not.
/// - The dates default to 1970-01-01. Printing is a pure function of the card, so rather
///   than read the clock we leave them out (both are optional).
/// - Empty Author, Subject, Keywords and Identifier entries say nothing.
fn tidy_info(doc: &mut lopdf::Document) {
    let info = doc
        .trailer
        .get(b"Info")
        .and_then(lopdf::Object::as_reference);
    let Ok(Ok(dict)) = info.map(|id| doc.get_dictionary_mut(id)) else {
        return;
    };
    for key in [&b"GTS_PDFXVersion"[..], b"CreationDate", b"ModDate"] {
        dict.remove(key);
    }
    for key in [&b"Author"[..], b"Subject", b"Keywords", b"Identifier"] {
        let empty = match dict.get(key) {
            // An empty UTF-16 string is just the byte-order mark.
            Ok(lopdf::Object::String(s, _)) => s.is_empty() || s.as_slice() == [0xFE, 0xFF],
            _ => false,
        };
        if empty {
            dict.remove(key);
        }
    }
}

/// Every character drawn, with its glyph id in the full font.
fn used_glyphs(font: &CardFont, pages: &[PageLayout]) -> Vec<(char, u16)> {
    let mut seen = HashSet::new();
    let mut glyphs = Vec::new();
    for run in pages.iter().flat_map(|p| &p.texts) {
        for c in run.text.chars() {
            if seen.insert(c) {
                if let Some((gid, _)) = font.glyph(c) {
                    glyphs.push((c, gid));
                }
            }
        }
    }
    glyphs
}

/// Deflates every stream that is not yet compressed; `progress(i)` after every
/// [`PAGES_PER_CALL`] objects (`i` objects done). One compressor serves every stream,
/// reset in between: setting one up (its window and hash tables) cost as much as
/// compressing a page.
fn compress_streams(
    doc: &mut lopdf::Document,
    progress: &mut dyn FnMut(usize) -> Result<(), PrintError>,
) -> Result<(), PrintError> {
    let mut deflate = Compress::new(Compression::new(DEFLATE_LEVEL), true);
    for (i, object) in doc.objects.values_mut().enumerate() {
        if i % PAGES_PER_CALL == 0 {
            progress(i)?;
        }
        let lopdf::Object::Stream(stream) = object else {
            continue;
        };
        if !stream.allows_compression || stream.dict.get(b"Filter").is_ok() {
            continue;
        }
        let compressed = zlib(&mut deflate, &stream.content)?;
        if compressed.len() < stream.content.len() {
            stream.dict.set("Filter", "FlateDecode");
            stream.set_content(compressed);
        }
    }
    Ok(())
}

/// `input` as one zlib stream (what `ZlibEncoder` writes), with a reused compressor.
fn zlib(deflate: &mut Compress, input: &[u8]) -> Result<Vec<u8>, PrintError> {
    deflate.reset();
    let mut out = Vec::with_capacity(input.len() / 3 + 64);
    loop {
        let read = usize::try_from(deflate.total_in()).unwrap_or(input.len());
        let status = deflate
            .compress_vec(&input[read..], &mut out, FlushCompress::Finish)
            .map_err(|e| PrintError::Pdf(e.to_string()))?;
        match status {
            Status::StreamEnd => return Ok(out),
            // Out of room: grow and go on.
            Status::Ok | Status::BufError => out.reserve(out.capacity().max(1024)),
        }
    }
}

/// A layout point (y down from the top of a page `page_h` tall) in PDF space (y up).
fn point(x: f32, y: f32, page_h: f32) -> LinePoint {
    LinePoint {
        p: Point {
            x: Pt(x),
            y: Pt(page_h - y),
        },
        bezier: false,
    }
}

fn pdf_rect(r: &Rect, page_h: f32) -> PdfRect {
    PdfRect {
        x: Pt(r.x),
        y: Pt(page_h - r.bottom()),
        width: Pt(r.w),
        height: Pt(r.h),
        mode: Some(PaintMode::Stroke),
        winding_order: None,
    }
}

fn stroke_line(ops: &mut Vec<Op>, points: Vec<LinePoint>) {
    ops.push(Op::DrawLine {
        line: Line {
            points,
            is_closed: false,
        },
    });
}

/// The content stream of one page: rules first, then boxes and ticks, then all text in
/// one text object. `page_h` is the page's height, to turn the layout's y (down from the
/// top) into PDF's (up from the bottom).
fn page_ops(page: &PageLayout, font: &PdfFontHandle, page_h: f32) -> Vec<Op> {
    let mut ops = Vec::with_capacity(page.rules.len() + page.texts.len() * 4 + 32);

    ops.push(Op::SetLineCapStyle {
        cap: LineCapStyle::Butt,
    });
    let mut width = f32::NAN;
    for rule in &page.rules {
        if rule.width != width {
            width = rule.width;
            ops.push(Op::SetOutlineThickness { pt: Pt(width) });
        }
        stroke_line(
            &mut ops,
            vec![
                point(rule.x1, rule.y1, page_h),
                point(rule.x2, rule.y2, page_h),
            ],
        );
    }
    for frame in &page.frames {
        ops.push(Op::SetOutlineThickness {
            pt: Pt(frame.width),
        });
        ops.push(Op::DrawRectangle {
            rectangle: pdf_rect(&frame.rect, page_h),
        });
    }

    if !page.checkboxes.is_empty() {
        ops.push(Op::SetOutlineThickness { pt: Pt(BOX_RULE) });
        for checkbox in &page.checkboxes {
            ops.push(Op::DrawRectangle {
                rectangle: pdf_rect(&checkbox.rect, page_h),
            });
        }
        ops.push(Op::SetOutlineThickness { pt: Pt(TICK_RULE) });
        ops.push(Op::SetLineCapStyle {
            cap: LineCapStyle::Round,
        });
        ops.push(Op::SetLineJoinStyle {
            join: LineJoinStyle::Round,
        });
        for checkbox in page.checkboxes.iter().filter(|c| c.ticked) {
            let points = checkbox
                .tick()
                .iter()
                .map(|&(x, y)| point(x, y, page_h))
                .collect();
            stroke_line(&mut ops, points);
        }
        ops.push(Op::SetLineCapStyle {
            cap: LineCapStyle::Butt,
        });
        ops.push(Op::SetLineJoinStyle {
            join: LineJoinStyle::Miter,
        });
    }

    ops.push(Op::StartTextSection);
    let (mut size, mut spacing, mut bold) = (f32::NAN, 0.0, false);
    for run in &page.texts {
        if run.size != size {
            size = run.size;
            ops.push(Op::SetFont {
                font: font.clone(),
                size: Pt(size),
            });
        }
        if run.char_spacing != spacing {
            spacing = run.char_spacing;
            ops.push(Op::SetCharacterSpacing {
                multiplier: spacing,
            });
        }
        if run.bold != bold {
            bold = run.bold;
            if bold {
                ops.push(Op::SetOutlineThickness {
                    pt: Pt(size * BOLD_STROKE),
                });
            }
            ops.push(Op::SetTextRenderingMode {
                mode: if bold {
                    TextRenderingMode::FillStroke
                } else {
                    TextRenderingMode::Fill
                },
            });
        }
        // Absolute positioning per run (Tm): SetTextCursor would emit a relative Td.
        ops.push(Op::SetTextMatrix {
            matrix: TextMatrix::Translate(Pt(run.x), Pt(page_h - run.baseline)),
        });
        ops.push(Op::ShowText {
            items: vec![TextItem::Text(run.text.clone())],
        });
    }
    ops.push(Op::EndTextSection);
    ops
}
