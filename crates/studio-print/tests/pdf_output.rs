//! The PDF as other programs see it: poppler (pdftotext, pdffonts, pdfinfo) and qpdf.
//! These tools are required: a missing tool fails the test rather than skipping it
//! (`apt-get install poppler-utils qpdf`).

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};

use studio_print::{blank_cards, filled_card, render_cards, CardData, Channel, NOTES, TITLE};

/// Runs a command-line tool and returns its standard output; panics if it is missing or
/// fails.
fn tool(name: &str, args: &[&str]) -> String {
    let output = Command::new(name).args(args).output().unwrap_or_else(|e| {
        panic!("`{name}` is required by these tests (apt-get install poppler-utils qpdf): {e}")
    });
    assert!(
        output.status.success(),
        "`{name} {}` failed: {}{}",
        args.join(" "),
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("tool output is UTF-8")
}

/// A PDF written to a fresh file under the system temp directory, removed on drop.
struct TempPdf(PathBuf);

impl TempPdf {
    fn new(pdf: &[u8]) -> Self {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let name = format!(
            "studio-print-test-{}-{}.pdf",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed)
        );
        let path = std::env::temp_dir().join(name);
        std::fs::write(&path, pdf).expect("write PDF");
        TempPdf(path)
    }
}

impl std::ops::Deref for TempPdf {
    type Target = Path;
    fn deref(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempPdf {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

/// Text with all whitespace removed: line breaks, justification and cell layout put
/// spaces and newlines where the source has none.
fn squash(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

fn text_of(path: &Path) -> String {
    squash(&tool("pdftotext", &["-raw", path.to_str().unwrap(), "-"]))
}

fn pages(path: &Path) -> usize {
    tool("pdfinfo", &[path.to_str().unwrap()])
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("pdfinfo reports Pages")
}

fn assert_valid(path: &Path) {
    let check = tool("qpdf", &["--check", path.to_str().unwrap()]);
    assert!(
        check.contains("No syntax or stream encoding errors found"),
        "{check}"
    );
}

#[test]
fn a_filled_card_carries_every_field_as_searchable_text() {
    let mut card = common::sample_card();
    card.group_size = Some(3);
    let rendered = filled_card(&card).unwrap();
    assert!(rendered.missing_chars.is_empty());
    assert_eq!(rendered.page_count, 1);
    let path = TempPdf::new(&rendered.pdf);
    let text = text_of(&path);

    let date = "2024年5月16日";
    let fields = [
        card.delegate_name.as_str(),
        &card.delegation,
        &card.delegate_unit_position,
        &card.delegate_phone,
        &card.person_name,
        &card.person_gender,
        &card.person_age,
        &card.person_political_status,
        &card.person_unit_position,
        &card.person_phone,
        &card.person_address,
        &card.opinion,
        &card.handling,
        "（共3人）",
        date,
        TITLE,
    ];
    for field in fields.iter().chain(NOTES.iter()) {
        assert!(text.contains(&squash(field)), "missing {field:?} in {text}");
    }
    assert_eq!(pages(&path), 1);
    assert_valid(&path);
}

#[test]
fn the_font_is_embedded_as_a_subset_with_unicode() {
    let path = TempPdf::new(&filled_card(&common::sample_card()).unwrap().pdf);
    let fonts = tool("pdffonts", &[path.to_str().unwrap()]);
    // name, type, encoding, emb, sub, uni, object id: after the two header lines.
    let rows: Vec<Vec<&str>> = fonts
        .lines()
        .skip(2)
        .map(|l| l.split_whitespace().collect())
        .collect();
    assert_eq!(rows.len(), 1, "{fonts}");
    let row = &rows[0];
    assert!(row[0].contains("+NotoSerifSC-Regular"), "{fonts}");
    assert_eq!(row[1..4], ["CID", "Type", "0C"], "{fonts}");
    let flags = &row[row.len() - 5..row.len() - 2];
    assert_eq!(flags, ["yes", "yes", "yes"], "emb sub uni: {fonts}");
}

#[test]
fn a_very_long_opinion_continues_on_a_second_page() {
    let mut card = common::sample_card();
    card.opinion = common::long_text(3000);
    let rendered = filled_card(&card).unwrap();
    assert!(rendered.page_count >= 2);
    let path = TempPdf::new(&rendered.pdf);
    assert_eq!(pages(&path), rendered.page_count);
    assert_valid(&path);

    let text = text_of(&path);
    assert!(text.contains("（转续页）"));
    assert!(text.contains(&format!("{TITLE}（续页）")));
    assert!(text.contains("党代表：王建国联系对象：李晓梅联系日期：2024年5月16日"));
    assert!(text.contains(&format!("第1页共{}页", rendered.page_count)));
    // The beginning and the end of the text are both printed.
    let opinion: Vec<char> = card.opinion.chars().collect();
    let head: String = opinion[..200].iter().collect();
    let tail: String = opinion[opinion.len() - 200..].iter().collect();
    assert!(text.contains(&squash(&head)));
    assert!(text.contains(&squash(&tail)));
}

#[test]
fn a_blank_batch_has_one_page_per_copy() {
    let rendered = blank_cards(7).unwrap();
    assert_eq!(rendered.page_count, 7);
    let path = TempPdf::new(&rendered.pdf);
    assert_eq!(pages(&path), 7);
    assert_valid(&path);
    let text = text_of(&path);
    assert_eq!(text.matches(TITLE).count(), 7);
    assert!(text.contains("联系日期：年月日"));
}

#[test]
fn a_character_the_font_lacks_is_reported_and_marked() {
    let card = CardData {
        person_name: "张😀三".into(),
        opinion: "请关注𝄞音乐教室".into(),
        channel: Some(Channel::Other),
        ..CardData::default()
    };
    let rendered = filled_card(&card).unwrap();
    assert_eq!(rendered.missing_chars, ['😀', '𝄞']);
    let text = text_of(&TempPdf::new(&rendered.pdf));
    assert!(text.contains("张〓三"), "{text}");
    assert!(text.contains("请关注〓音乐教室"), "{text}");
}

#[test]
fn a_thousand_cards_make_one_valid_pdf() {
    let cards = common::batch(1000);
    let rendered = render_cards(&cards).unwrap();
    assert_eq!(rendered.page_count, 1000);
    assert!(
        rendered.pdf.len() <= 5_000_000,
        "{} bytes",
        rendered.pdf.len()
    );
    let path = TempPdf::new(&rendered.pdf);
    assert_eq!(pages(&path), 1000);
    assert_valid(&path);
    // Spot-check the last card.
    let last = tool(
        "pdftotext",
        &[
            "-f",
            "1000",
            "-l",
            "1000",
            "-raw",
            path.to_str().unwrap(),
            "-",
        ],
    );
    assert!(squash(&last).contains("（第1000号）"));
}

/// Stroke operators (`S`) in page one's content stream.
fn strokes(pdf: &[u8]) -> usize {
    let doc = lopdf::Document::load_mem(pdf).expect("PDF parses");
    let page = *doc.get_pages().get(&1).expect("page 1");
    let content = doc.get_and_decode_page_content(page).expect("content");
    content
        .operations
        .iter()
        .filter(|op| op.operator == "S")
        .count()
}

#[test]
fn the_chosen_channel_box_gets_exactly_one_tick() {
    let mut card = common::sample_card();
    card.channel = None;
    let none = strokes(&filled_card(&card).unwrap().pdf);
    for channel in Channel::ALL {
        card.channel = Some(channel);
        // Same rules and boxes, plus one stroked tick.
        assert_eq!(
            strokes(&filled_card(&card).unwrap().pdf),
            none + 1,
            "{channel:?}"
        );
    }
}

#[test]
fn glyph_widths_in_the_pdf_match_the_layout() {
    // pdftotext measures words with the font's /W widths; the title is 15 ideographs
    // of 1 em at 18 pt, so 270 pt wide, centred on the 595.3 pt page.
    let path = TempPdf::new(&filled_card(&common::sample_card()).unwrap().pdf);
    let boxes = tool("pdftotext", &["-bbox", path.to_str().unwrap(), "-"]);
    let title = boxes
        .lines()
        .find(|l| l.trim_start().starts_with("<word") && l.contains(TITLE))
        .expect("title in bbox output");
    let attr = |name: &str| -> f32 {
        let start = title.find(&format!("{name}=\"")).expect(name) + name.len() + 2;
        let end = start + title[start..].find('"').unwrap();
        title[start..end].parse().unwrap()
    };
    let (x_min, x_max) = (attr("xMin"), attr("xMax"));
    assert!((x_max - x_min - 270.0).abs() < 0.5, "{title}");
    assert!(
        ((x_min + x_max) / 2.0 - 595.276 / 2.0).abs() < 0.5,
        "{title}"
    );
}
