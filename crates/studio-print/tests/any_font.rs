//! Printing with a font other than the shipped one (设置 → 打印字体), subset by typst's
//! `subsetter`: a TrueType collection (WenQuanYi Zen Hei), an OpenType/CFF collection (Noto Serif
//! CJK, from `fonts-noto-cjk`), and the shipped font through the same library. Each PDF is read
//! back with pdftotext, its font checked with pdffonts (embedded, subset, ToUnicode) and the file
//! with qpdf. A system font that is absent is skipped with a message.

mod common;

use std::process::Command;

use studio_print::{Card, CardPrinter, TITLE};

fn tool(name: &str, args: &[&str], pdf: &[u8]) -> String {
    let dir = std::env::temp_dir().join(format!("studio-any-font-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(format!("{name}-{}.pdf", args.len()));
    std::fs::write(&path, pdf).unwrap();
    let mut all: Vec<&str> = args.to_vec();
    all.push(path.to_str().unwrap());
    if name == "pdftotext" {
        all.push("-");
    }
    let out = Command::new(name).args(&all).output().unwrap_or_else(|e| {
        panic!("`{name}` is required (apt-get install poppler-utils qpdf): {e}")
    });
    assert!(
        out.status.success(),
        "{name}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn printer_for(path: &str) -> Option<CardPrinter> {
    let Ok(bytes) = std::fs::read(path) else {
        eprintln!("跳过：本机没有 {path}");
        return None;
    };
    let bytes: &'static [u8] = Box::leak(bytes.into_boxed_slice());
    Some(CardPrinter::with_font(bytes, 0).expect("a CJK font parses"))
}

/// Prints the sample card and checks the PDF; returns pdffonts' line for the subset font.
fn check(printer: &CardPrinter) -> String {
    assert!(printer.missing_form_chars().unwrap().is_empty());
    let data = common::sample_card();
    let r = printer.render(&[Card::filled(data.clone())]).unwrap();
    assert!(r.missing_chars.is_empty(), "{:?}", r.missing_chars);
    let text: String = tool("pdftotext", &[], &r.pdf)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    for want in [
        TITLE,
        &data.delegate_name,
        &data.person_name,
        "人行道破损严重",
    ] {
        assert!(text.contains(want), "{want} not in {text}");
    }
    tool("qpdf", &["--check"], &r.pdf);
    let fonts = tool("pdffonts", &[], &r.pdf);
    let line = fonts
        .lines()
        .find(|l| l.contains('+'))
        .unwrap_or_else(|| panic!("no subset font: {fonts}"))
        .to_owned();
    assert!(
        line.contains("yes yes yes"),
        "embedded, subset, ToUnicode: {fonts}"
    );
    line
}

#[test]
fn a_truetype_font_prints_embedded_and_subset() {
    let Some(p) = printer_for("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc") else {
        return;
    };
    assert!(check(&p).contains("CID TrueType"));
    assert_eq!(p.font().family_name().as_deref(), Some("文泉驿正黑"));
}

#[test]
fn an_opentype_cff_collection_prints_embedded_and_subset() {
    let Some(p) = printer_for("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc") else {
        return;
    };
    assert!(check(&p).contains("CID Type 0C"));
}

#[test]
fn the_shipped_font_through_the_library_reads_the_same() {
    let p = CardPrinter::shipped_with_library_subsetter().unwrap();
    let line = check(&p);
    assert!(
        line.contains("NotoSerifSC") && line.contains("CID Type 0C"),
        "{line}"
    );
}

#[test]
fn a_latin_font_lacks_the_forms_characters() {
    let Some(p) = printer_for("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf") else {
        return;
    };
    let missing = p.missing_form_chars().unwrap();
    assert!(
        missing.contains(&'党') && missing.contains(&'卡'),
        "{missing:?}"
    );
}
