//! Wall documents (上墙制度): the layout as geometry, and the PDF as poppler sees it.

mod common;

use std::process::Command;

use studio_print::layout::{mm, PageSize};
use studio_print::{render_wall, CardPrinter, PrintError, WallBlock, WallDoc};

fn rules_doc(paragraphs: usize) -> WallDoc {
    let mut blocks = vec![WallBlock::Heading("一、接待制度".into())];
    for i in 0..paragraphs {
        blocks.push(WallBlock::Item {
            marker: format!("{}.", i + 1),
            text: common::long_text(90),
        });
    }
    blocks.push(WallBlock::Paragraph("做到谁接待、谁跟踪、谁负责。".into()));
    WallDoc {
        title: "党代表工作室工作制度".into(),
        blocks,
        signature: "潍坊学院党代表工作室".into(),
        sign: false,
    }
}

fn pdftotext(pdf: &[u8]) -> String {
    static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let path =
        std::env::temp_dir().join(format!("studio-print-wall-{}-{n}.pdf", std::process::id()));
    std::fs::write(&path, pdf).expect("write PDF");
    let out = Command::new("pdftotext")
        .args(["-layout", path.to_str().unwrap(), "-"])
        .output()
        .expect("pdftotext is required (apt-get install poppler-utils)");
    std::fs::remove_file(&path).ok();
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn a_short_document_is_one_a4_portrait_page_at_the_largest_size() {
    let printer = CardPrinter::shared().unwrap();
    let (layout, missing) = printer.layout_wall(&rules_doc(3)).unwrap();
    assert!(missing.is_empty());
    assert_eq!(layout.pages.len(), 1);
    assert_eq!(layout.page_size, PageSize::A4_PORTRAIT);
    assert_eq!(layout.body_size, 16.0);
    let page = &layout.pages[0];
    // Nothing leaves the page's margins, and there is no page number on a single page.
    for t in &page.texts {
        assert!(t.x >= mm(24.9), "{t:?}");
        assert!(t.x + t.width <= PageSize::A4_PORTRAIT.w - mm(24.9), "{t:?}");
    }
    assert!(!page.text().contains("第 1 页"));
    let title = &page.texts[0];
    assert!(title.bold && title.text == "党代表工作室工作制度");
}

#[test]
fn a_long_document_shrinks_then_continues_with_page_numbers() {
    let printer = CardPrinter::shared().unwrap();
    let (layout, _) = printer.layout_wall(&rules_doc(40)).unwrap();
    assert!(layout.pages.len() >= 2, "{}", layout.pages.len());
    assert!(layout.body_size < 16.0, "{}", layout.body_size);
    let last = layout.pages.last().unwrap().text();
    assert!(last.contains(&format!("共 {} 页", layout.pages.len())));
    assert!(
        last.contains("潍坊学院党代表工作室"),
        "the signature ends the last page"
    );
    for p in &layout.pages {
        for t in &p.texts {
            assert!(t.baseline <= PageSize::A4_PORTRAIT.h - mm(9.0), "{t:?}");
        }
    }
}

#[test]
fn the_pdf_holds_the_text_in_order() {
    let r = render_wall(&rules_doc(2)).unwrap();
    assert_eq!(r.page_count, 1);
    let text = pdftotext(&r.pdf);
    let title = text.find("党代表工作室工作制度").expect(&text);
    let heading = text.find("一、接待制度").expect(&text);
    let last = text.find("谁接待、谁跟踪、谁负责").expect(&text);
    assert!(title < heading && heading < last, "{text}");
}

#[test]
fn the_sign_is_one_landscape_page_in_large_type() {
    let doc = WallDoc {
        title: "党代表工作室标识".into(),
        blocks: vec![WallBlock::Paragraph(
            "知党情、听民声、谋发展、促和谐".into(),
        )],
        signature: String::new(),
        sign: true,
    };
    let printer = CardPrinter::shared().unwrap();
    let (layout, _) = printer.layout_wall(&doc).unwrap();
    assert_eq!(layout.page_size, PageSize::A4_LANDSCAPE);
    assert!(layout.body_size >= 40.0, "{}", layout.body_size);
    let t = &layout.pages[0].texts[0];
    assert!(t.x >= mm(19.9) && t.x + t.width <= PageSize::A4_LANDSCAPE.w - mm(19.9));
    let text = pdftotext(&render_wall(&doc).unwrap().pdf);
    assert!(text.contains("知党情、听民声、谋发展、促和谐"), "{text}");
}

#[test]
fn an_empty_document_is_refused() {
    let doc = WallDoc {
        title: "空".into(),
        blocks: vec![WallBlock::Paragraph("  ".into())],
        ..Default::default()
    };
    assert_eq!(render_wall(&doc).unwrap_err(), PrintError::EmptyWall);
}
