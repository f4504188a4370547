//! The kiosk's query-code slip (查询码回执): its layout as geometry, and the PDF as poppler
//! (pdfinfo, pdftotext, pdftoppm) and qpdf see it. The tools are required, as in
//! `pdf_output.rs`: a missing tool fails the test (`apt-get install poppler-utils qpdf`).
//!
//! To look at the slips: `STUDIO_PRINT_LOOK_DIR=/some/dir cargo test -p studio-print --test
//! slip` leaves each test's PDF and its 100 dpi PNG there.

use std::path::PathBuf;
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};

use studio_print::layout::{mm, PageSize, SlipLayout, TextRun};
use studio_print::{render_slip, CardPrinter, PrintError, Slip, MAX_SLIP_LINES};

const INSTRUCTIONS: &str = "凭查询码和手机号后四位，可在工作室自助终端或网上工作室查询办理进度。";

fn message_slip() -> Slip {
    Slip {
        studio_name: "中共浙江理工大学党代表工作室".into(),
        heading: "有事找代表 回执".into(),
        query_code: "K7QM-3XPA".into(),
        lines: vec![
            ("受理编号".into(), "2026-0418".into()),
            ("提交日期".into(), "2026年12月3日".into()),
            ("类别".into(), "政策咨询".into()),
        ],
        instructions: INSTRUCTIONS.into(),
        hotline: "0571-86843114".into(),
    }
}

fn appointment_slip() -> Slip {
    Slip {
        studio_name: "中共浙江理工大学党代表工作室".into(),
        heading: "约见申请 回执".into(),
        query_code: "W4HN-8RZE".into(),
        lines: vec![
            ("约见代表".into(), "欧阳明远".into()),
            ("希望时间".into(), "2026年12月10日（周四）下午".into()),
            ("提交日期".into(), "2026年12月3日".into()),
        ],
        instructions: format!("约见申请待工作人员确认，确认后将电话通知您。\n{INSTRUCTIONS}"),
        hotline: "0571-86843114".into(),
    }
}

fn tool(name: &str, args: &[&str]) -> Vec<u8> {
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
    output.stdout
}

fn tool_text(name: &str, args: &[&str]) -> String {
    String::from_utf8(tool(name, args)).expect("tool output is UTF-8")
}

/// A PDF written to a fresh file under the system temp directory, removed on drop (kept,
/// with its PNG, in `STUDIO_PRINT_LOOK_DIR` when that is set).
struct TempPdf(PathBuf);

impl TempPdf {
    fn new(name: &str, pdf: &[u8]) -> Self {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let file = format!(
            "studio-print-slip-{}-{}.pdf",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed)
        );
        let path = std::env::temp_dir().join(file);
        std::fs::write(&path, pdf).expect("write PDF");
        if let Ok(dir) = std::env::var("STUDIO_PRINT_LOOK_DIR") {
            let keep = PathBuf::from(dir).join(format!("slip-{name}"));
            std::fs::write(keep.with_extension("pdf"), pdf).expect("keep PDF");
            tool(
                "pdftoppm",
                &[
                    "-png",
                    "-r",
                    "100",
                    "-singlefile",
                    path.to_str().unwrap(),
                    keep.to_str().unwrap(),
                ],
            );
        }
        TempPdf(path)
    }

    fn path(&self) -> &str {
        self.0.to_str().expect("UTF-8 temp path")
    }
}

impl Drop for TempPdf {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

fn squash(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

fn info(pdf: &TempPdf, key: &str) -> String {
    tool_text("pdfinfo", &[pdf.path()])
        .lines()
        .find_map(|l| l.strip_prefix(&format!("{key}:")))
        .unwrap_or_else(|| panic!("pdfinfo reports {key}"))
        .trim()
        .to_owned()
}

/// `Page size: 297.638 x 419.528 pts` → (w, h).
fn page_size(pdf: &TempPdf) -> (f32, f32) {
    let numbers: Vec<f32> = info(pdf, "Page size")
        .split_whitespace()
        .filter_map(|w| w.parse().ok())
        .collect();
    (numbers[0], numbers[1])
}

fn assert_valid(pdf: &TempPdf) {
    let check = tool_text("qpdf", &["--check", pdf.path()]);
    assert!(
        check.contains("No syntax or stream encoding errors found"),
        "{check}"
    );
}

/// The page as pdftoppm draws it at 100 dpi, grey: (width, height, one byte a pixel).
fn raster(pdf: &TempPdf) -> (usize, usize, Vec<u8>) {
    let pgm = tool(
        "pdftoppm",
        &["-r", "100", "-gray", "-singlefile", pdf.path()],
    );
    // "P5\n<w> <h>\n255\n" then the pixels.
    let mut fields = Vec::new();
    let mut at = 0;
    while fields.len() < 4 {
        while pgm[at].is_ascii_whitespace() {
            at += 1;
        }
        let start = at;
        while !pgm[at].is_ascii_whitespace() {
            at += 1;
        }
        fields.push(String::from_utf8_lossy(&pgm[start..at]).into_owned());
    }
    assert_eq!(fields[0], "P5", "a binary grey map");
    let (w, h): (usize, usize) = (fields[1].parse().unwrap(), fields[2].parse().unwrap());
    let pixels = pgm[at + 1..].to_vec();
    assert_eq!(pixels.len(), w * h);
    (w, h, pixels)
}

fn layout(slip: &Slip) -> SlipLayout {
    CardPrinter::shared()
        .expect("the embedded font parses")
        .layout_slip(slip)
        .expect("lays out")
        .0
}

/// Every run inside the page's 9 mm side margins and between 5 mm top and bottom, and
/// none overlapping another line (runs on one baseline may sit side by side).
fn assert_tidy(layout: &SlipLayout) {
    let page = PageSize::A6_PORTRAIT;
    let (left, right) = (mm(9.0) - 0.01, page.w - mm(9.0) + 0.01);
    let top = |t: &TextRun| t.baseline - 0.9 * t.size;
    let bottom = |t: &TextRun| t.baseline + 0.15 * t.size;
    for t in &layout.page.texts {
        assert!(
            t.x >= left && t.x + t.width <= right,
            "{t:?} leaves the width"
        );
        assert!(top(t) >= mm(5.0) && bottom(t) <= page.h - mm(5.0), "{t:?}");
    }
    for (i, a) in layout.page.texts.iter().enumerate() {
        for b in &layout.page.texts[i + 1..] {
            let side_by_side = (a.baseline - b.baseline).abs() < 0.01
                && (a.x + a.width <= b.x + 0.01 || b.x + b.width <= a.x + 0.01);
            let apart = bottom(a) <= top(b) + 0.01 || bottom(b) <= top(a) + 0.01;
            assert!(side_by_side || apart, "{a:?} overlaps {b:?}");
        }
    }
    let frame = layout.page.frames[0].rect;
    assert!(frame.x >= left && frame.right() <= right, "{frame:?}");
}

#[test]
fn a_message_slip_is_one_a6_page_with_the_code_heading_and_instructions() {
    let slip = message_slip();
    let rendered = render_slip(&slip).unwrap();
    assert!(rendered.missing_chars.is_empty());
    assert_eq!((rendered.page_count, rendered.card_count), (1, 0));

    let pdf = TempPdf::new("message", &rendered.pdf);
    assert_valid(&pdf);
    assert_eq!(info(&pdf, "Pages"), "1");
    assert_eq!(info(&pdf, "Title"), slip.heading);
    let (w, h) = page_size(&pdf);
    assert!(
        (w - 297.6).abs() <= 1.0 && (h - 419.5).abs() <= 1.0,
        "A6 portrait: {w} × {h}"
    );

    let raw = tool_text("pdftotext", &[pdf.path(), "-"]);
    let text = squash(&raw);
    for expected in [
        "K7QM-3XPA",
        "有事找代表回执",
        INSTRUCTIONS,
        "中共浙江理工大学党代表工作室",
        "查询码",
        "受理编号：2026-0418",
        "提交日期：2026年12月3日",
        "类别：政策咨询",
        "专线电话：0571-86843114",
    ] {
        assert!(text.contains(expected), "{expected}: {raw}");
    }
    // The code reads as one word in the plain text too (copy and paste, screen readers).
    let code_line = raw
        .lines()
        .find(|l| l.contains('K'))
        .expect("the code's line");
    assert_eq!(squash(code_line), "K7QM-3XPA", "{raw}");
}

#[test]
fn an_appointment_slip_prints_the_delegate_the_day_and_both_paragraphs() {
    let slip = appointment_slip();
    let rendered = render_slip(&slip).unwrap();
    assert!(rendered.missing_chars.is_empty());
    let pdf = TempPdf::new("appointment", &rendered.pdf);
    assert_eq!(info(&pdf, "Pages"), "1");
    let text = squash(&tool_text("pdftotext", &[pdf.path(), "-"]));
    for expected in [
        "W4HN-8RZE",
        "约见申请回执",
        "约见代表：欧阳明远",
        "希望时间：2026年12月10日（周四）下午",
        "约见申请待工作人员确认，确认后将电话通知您。",
        INSTRUCTIONS,
    ] {
        assert!(text.contains(expected), "{expected}: {text}");
    }
}

#[test]
fn the_code_is_large_in_its_box_and_the_page_is_tidy() {
    for slip in [message_slip(), appointment_slip()] {
        let layout = layout(&slip);
        assert!(!layout.cut);
        assert_tidy(&layout);
        let code = layout
            .page
            .texts
            .iter()
            .find(|t| t.text == slip.query_code)
            .expect("the code is one run");
        // Very large (a capital about 8 mm tall at 30 pt), bold, letter-spaced, and the
        // largest text on the page by far.
        assert!(layout.code_size >= 28.0, "{}", layout.code_size);
        assert!(
            code.bold && code.char_spacing >= 0.15 * code.size,
            "{code:?}"
        );
        let next = layout
            .page
            .texts
            .iter()
            .filter(|t| t.text != slip.query_code)
            .map(|t| t.size)
            .fold(0.0, f32::max);
        assert!(code.size >= 1.8 * next, "{} vs {next}", code.size);
        // Inside its ruled box, centred both ways.
        let b = layout.code_box;
        assert!(code.x >= b.x + mm(3.0) && code.x + code.width <= b.right() - mm(3.0));
        assert!(code.baseline - 0.75 * code.size >= b.y + mm(3.0));
        assert!(code.baseline <= b.bottom() - mm(3.0));
        let centre = code.x + code.width / 2.0;
        assert!((centre - (b.x + b.w / 2.0)).abs() < 0.5);
        // The lines and instructions read at a comfortable size.
        assert!(layout.body_size >= 10.5, "{}", layout.body_size);
    }
}

#[test]
fn the_page_is_inked_inside_its_margins_only() {
    let rendered = render_slip(&message_slip()).unwrap();
    let pdf = TempPdf::new("raster", &rendered.pdf);
    let (w, h, px) = raster(&pdf);
    // 105 × 148 mm at 100 dpi.
    assert!(
        (412..=415).contains(&w) && (581..=584).contains(&h),
        "{w} × {h}"
    );
    let dark = |x: usize, y: usize| px[y * w + x] < 128;
    let margin = (100.0 * 7.0 / 25.4) as usize;
    for y in 0..h {
        for x in (0..margin).chain(w - margin..w) {
            assert!(!dark(x, y), "ink in the side margin at ({x}, {y})");
        }
    }
    for x in 0..w {
        for y in (0..margin).chain(h - margin..h) {
            assert!(!dark(x, y), "ink in the top or bottom margin at ({x}, {y})");
        }
    }
    // The box's rules and the code are drawn: a good share of the box is ink.
    let layout = layout(&message_slip());
    let b = layout.code_box;
    let to_px = |pt: f32| (pt / 72.0 * 100.0) as usize;
    let (x0, x1, y0, y1) = (to_px(b.x), to_px(b.right()), to_px(b.y), to_px(b.bottom()));
    let inked = (y0..y1)
        .flat_map(|y| (x0..x1).map(move |x| (x, y)))
        .filter(|&(x, y)| dark(x, y))
        .count();
    let share = inked as f32 / ((x1 - x0) * (y1 - y0)) as f32;
    assert!(share > 0.08, "the box is {:.1} % ink", share * 100.0);
}

#[test]
fn only_what_the_caller_passes_is_printed() {
    let slip = Slip {
        query_code: "K7QM-3XPA".into(),
        ..Default::default()
    };
    let rendered = render_slip(&slip).unwrap();
    let pdf = TempPdf::new("bare", &rendered.pdf);
    assert_eq!(info(&pdf, "Title"), "查询码回执");
    let text = squash(&tool_text("pdftotext", &[pdf.path(), "-"]));
    assert_eq!(text, "查询码K7QM-3XPA");
}

#[test]
fn a_slip_without_a_code_or_with_too_many_lines_is_refused() {
    let mut slip = message_slip();
    slip.query_code = "  ".into();
    assert_eq!(render_slip(&slip), Err(PrintError::NoQueryCode));
    let mut slip = message_slip();
    slip.lines = vec![("类别".into(), "政策咨询".into()); MAX_SLIP_LINES + 1];
    assert_eq!(
        render_slip(&slip),
        Err(PrintError::TooManySlipLines {
            requested: MAX_SLIP_LINES + 1,
            max: MAX_SLIP_LINES
        })
    );
}

#[test]
fn a_character_the_font_lacks_is_reported_and_marked() {
    let mut slip = message_slip();
    slip.lines.push(("约见代表".into(), "张\u{2A6A5}".into()));
    let rendered = render_slip(&slip).unwrap();
    assert_eq!(rendered.missing_chars, vec!['\u{2A6A5}']);
    let pdf = TempPdf::new("missing", &rendered.pdf);
    let text = squash(&tool_text("pdftotext", &[pdf.path(), "-"]));
    assert!(text.contains("约见代表：张〓"), "{text}");
}

#[test]
fn long_texts_shrink_then_are_cut_and_the_slip_stays_one_page() {
    let mut slip = message_slip();
    slip.studio_name = "中共浙江理工大学委员会组织部党代表工作室（行政楼一楼103室）".into();
    slip.instructions = INSTRUCTIONS.repeat(8);
    let shrunk = layout(&slip);
    assert!(!shrunk.cut);
    assert!(shrunk.body_size < 12.0, "{}", shrunk.body_size);
    assert_tidy(&shrunk);

    slip.lines = (0..MAX_SLIP_LINES)
        .map(|i| (format!("第{i}项"), "很长的内容".repeat(6)))
        .collect();
    slip.instructions = INSTRUCTIONS.repeat(12);
    let cut = layout(&slip);
    assert!(cut.cut);
    assert_eq!(cut.body_size, 8.0);
    assert_tidy(&cut);
    assert!(cut.page.text().contains('…'));
    let rendered = render_slip(&slip).unwrap();
    assert_eq!(rendered.page_count, 1);
    let pdf = TempPdf::new("cut", &rendered.pdf);
    assert_eq!(info(&pdf, "Pages"), "1");
}
