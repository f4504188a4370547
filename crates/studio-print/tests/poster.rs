//! The reception schedule wall poster: its layout as geometry, and the PDF as poppler
//! (pdfinfo, pdftotext) and qpdf see it. The tools are required, as in `pdf_output.rs`:
//! a missing tool fails the test (`apt-get install poppler-utils qpdf`).

mod common;

use std::path::PathBuf;
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};

use studio_print::layout::{mm, PageLayout, PageSize, PosterLayout, TextRun};
use studio_print::{
    render_poster, CardPrinter, Poster, PosterRow, PrintError, MAX_POSTER_ROWS, POSTER_HEADERS,
};

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
            "studio-print-poster-{}-{}.pdf",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed)
        );
        let path = std::env::temp_dir().join(name);
        std::fs::write(&path, pdf).expect("write PDF");
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

/// Text without whitespace: `-layout` pads columns with spaces and heading letter
/// spacing comes out as spaces too.
fn squash(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// `pdftotext -layout` of one page (or all with `None`), squashed.
fn layout_text(pdf: &TempPdf, page: Option<usize>) -> String {
    let mut args = vec!["-layout".to_owned()];
    if let Some(p) = page {
        args.extend(["-f".into(), p.to_string(), "-l".into(), p.to_string()]);
    }
    args.extend([pdf.path().to_owned(), "-".into()]);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    squash(&tool("pdftotext", &args))
}

/// `pdfinfo`'s value for `key`.
fn info(pdf: &TempPdf, key: &str) -> String {
    tool("pdfinfo", &[pdf.path()])
        .lines()
        .find_map(|l| l.strip_prefix(&format!("{key}:")))
        .unwrap_or_else(|| panic!("pdfinfo reports {key}"))
        .trim()
        .to_owned()
}

/// Width and height of every page in points, from `pdfinfo -l`.
fn page_sizes(pdf: &TempPdf) -> Vec<(f32, f32)> {
    tool("pdfinfo", &["-f", "1", "-l", "9999", pdf.path()])
        .lines()
        .filter(|l| {
            let key = l.split(':').next().unwrap_or_default();
            key.starts_with("Page") && key.ends_with("size") && key.contains(char::is_numeric)
        })
        .map(|l| {
            let numbers: Vec<f32> = l
                .split(':')
                .nth(1)
                .expect("a value")
                .split_whitespace()
                .filter_map(|w| w.parse().ok())
                .collect();
            (numbers[0], numbers[1])
        })
        .collect()
}

fn assert_valid(pdf: &TempPdf) {
    let check = tool("qpdf", &["--check", pdf.path()]);
    assert!(
        check.contains("No syntax or stream encoding errors found"),
        "{check}"
    );
}

fn layout(poster: &Poster) -> PosterLayout {
    CardPrinter::shared()
        .expect("the embedded font parses")
        .layout_poster(poster)
        .expect("lays out")
        .0
}

/// No text leaves the page or the table's width, none straddles the table's top or
/// bottom edge, and none inside the table crosses a vertical rule (overflows its cell).
fn assert_tidy(page: &PageLayout) {
    let size = PageSize::A4_LANDSCAPE;
    let (left, right) = (mm(15.0) - 0.01, mm(282.0) + 0.01);
    let frame = page.frames.first().expect("the table's frame").rect;
    assert!(frame.x >= left && frame.right() <= right, "{frame:?}");
    let top = |t: &TextRun| t.baseline - 0.9 * t.size;
    let bottom = |t: &TextRun| t.baseline + 0.15 * t.size;
    for t in &page.texts {
        assert!(
            t.x >= left && t.x + t.width <= right,
            "{t:?} leaves the table's width"
        );
        assert!(top(t) > 0.0 && bottom(t) < size.h, "{t:?} leaves the page");
        let inside = top(t) >= frame.y && bottom(t) <= frame.bottom();
        let outside = bottom(t) <= frame.y || top(t) >= frame.bottom();
        assert!(
            inside || outside,
            "{t:?} straddles the table's edge {frame:?}"
        );
        if inside {
            for r in page.rules.iter().filter(|r| r.x1 == r.x2) {
                let crosses = r.x1 > t.x + 0.01 && r.x1 < t.x + t.width - 0.01;
                let spans = r.y1.min(r.y2) < t.baseline && r.y1.max(r.y2) > t.baseline;
                assert!(!(crosses && spans), "{t:?} crosses the rule {r:?}");
            }
        }
    }
}

#[test]
fn a_month_is_one_a4_landscape_page_with_every_slot_and_name() {
    let poster = common::sample_poster();
    assert!((10..=12).contains(&poster.rows.len()));
    let rendered = render_poster(&poster).unwrap();
    assert!(rendered.missing_chars.is_empty());
    assert_eq!(rendered.page_count, 1);
    assert_eq!(rendered.card_count, 0);

    let pdf = TempPdf::new(&rendered.pdf);
    assert_valid(&pdf);
    assert_eq!(info(&pdf, "Pages"), "1");
    assert_eq!(info(&pdf, "Title"), poster.title);
    for (w, h) in page_sizes(&pdf) {
        assert!(
            (w - 842.0).abs() <= 1.0 && (h - 595.0).abs() <= 1.0,
            "{w} × {h}"
        );
    }

    let text = layout_text(&pdf, None);
    assert!(text.contains(&poster.title), "{text}");
    for heading in POSTER_HEADERS {
        assert!(text.contains(heading), "{heading}: {text}");
    }
    for row in &poster.rows {
        for field in [&row.date, &row.weekday, &row.time, &row.place] {
            assert!(text.contains(field.as_str()), "{field}: {text}");
        }
        for delegate in &row.delegates {
            assert!(text.contains(delegate.as_str()), "{delegate}: {text}");
        }
    }
    for footer in [
        "专线电话：0571-86843114",
        "开放时间：工作日8:30—11:30，14:00—17:00",
        &poster.studio_name,
    ] {
        assert!(text.contains(footer), "{footer}: {text}");
    }
    assert!(text.contains(&squash(&poster.note)), "{text}");
    // One page: no page numbers, no 续表.
    assert!(!text.contains("第1页") && !text.contains("续表"), "{text}");
}

#[test]
fn a_month_is_laid_out_large_and_tidy() {
    let poster = common::sample_poster();
    let layout = layout(&poster);
    assert_eq!(layout.rows_per_page, [poster.rows.len()]);
    // A wall poster: larger than the card's 10.5 pt when a month fits one sheet.
    assert!(layout.body_size >= 12.0, "{}", layout.body_size);
    let page = &layout.pages[0];
    assert_tidy(page);
    // The title is the largest text, bold, and centred on the landscape page.
    let title = page
        .texts
        .iter()
        .find(|t| t.text == poster.title)
        .expect("title");
    assert!(title.bold && title.size >= 20.0);
    assert!(page.texts.iter().all(|t| t.size <= title.size));
    let middle = title.x + title.width / 2.0;
    assert!((middle - PageSize::A4_LANDSCAPE.w / 2.0).abs() < 0.5);
    // The two slots of 17 December share one date cell.
    assert_eq!(
        page.texts.iter().filter(|t| t.text == "12月17日").count(),
        1
    );
}

#[test]
fn forty_rows_take_several_pages_each_with_the_header_and_whole_rows() {
    let poster = common::long_poster(40);
    let layout = layout(&poster);
    let pages = layout.pages.len();
    assert!(pages >= 2, "{:?}", layout.rows_per_page);
    assert_eq!(layout.rows_per_page.iter().sum::<usize>(), 40);
    for page in &layout.pages {
        assert_tidy(page);
        let headings: Vec<&TextRun> = page
            .texts
            .iter()
            .filter(|t| POSTER_HEADERS.contains(&t.text.as_str()))
            .collect();
        assert_eq!(headings.len(), POSTER_HEADERS.len());
        // The header row sits at the top of the table.
        let frame = page.frames[0].rect;
        for h in headings {
            assert!(h.bold && h.baseline - frame.y < 2.0 * h.size, "{h:?}");
        }
    }
    // Rows are never split: each row's time and place are drawn once, on the page that
    // holds the whole row, with all of its delegates.
    let mut first = 0;
    for (page, &count) in layout.pages.iter().zip(&layout.rows_per_page) {
        let drawn: Vec<&str> = page.texts.iter().map(|t| t.text.as_str()).collect();
        let times = drawn
            .iter()
            .filter(|t| **t == "8:30—11:30" || **t == "14:30—17:00")
            .count();
        assert_eq!(times, count, "one time cell per row on the page");
        for row in &poster.rows[first..first + count] {
            for d in &row.delegates {
                assert!(drawn.contains(&d.as_str()), "{d} on its row's page");
            }
        }
        first += count;
    }

    let rendered = render_poster(&poster).unwrap();
    assert_eq!(rendered.page_count, pages);
    let pdf = TempPdf::new(&rendered.pdf);
    assert_valid(&pdf);
    assert_eq!(info(&pdf, "Pages"), pages.to_string());
    let sizes = page_sizes(&pdf);
    assert_eq!(sizes.len(), pages);
    for (w, h) in sizes {
        assert!(
            (w - 842.0).abs() <= 1.0 && (h - 595.0).abs() <= 1.0,
            "{w} × {h}"
        );
    }
    for p in 1..=pages {
        let text = layout_text(&pdf, Some(p));
        assert!(text.contains(&poster.title), "page {p}: {text}");
        for heading in POSTER_HEADERS {
            assert!(text.contains(heading), "page {p} repeats {heading}: {text}");
        }
        assert!(text.contains(&format!("第{p}页共{pages}页")), "{text}");
        assert!(text.contains("专线电话：0571-86843114"), "page {p}: {text}");
        assert_eq!(text.contains("续表"), p > 1, "page {p}: {text}");
    }
    let all = layout_text(&pdf, None);
    for row in &poster.rows {
        assert!(all.contains(&row.date), "{}", row.date);
    }
}

#[test]
fn an_empty_plan_is_a_clear_error_not_an_empty_page() {
    let mut poster = common::sample_poster();
    poster.rows.clear();
    let err = render_poster(&poster).unwrap_err();
    assert_eq!(err, PrintError::EmptyPoster);
    let message = err.to_string();
    assert!(message.contains("没有任何接待时段"), "{message}");

    poster.rows = vec![PosterRow::default(); MAX_POSTER_ROWS + 1];
    assert_eq!(
        render_poster(&poster).unwrap_err(),
        PrintError::TooManyPosterRows {
            requested: MAX_POSTER_ROWS + 1,
            max: MAX_POSTER_ROWS
        }
    );
}

#[test]
fn a_character_the_font_lacks_is_reported_and_marked() {
    let mut poster = common::sample_poster();
    poster.rows[0].delegates[0] = "张😀华（理工代表团）".into();
    poster.studio_name = "𝄞党代表工作室".into();
    let rendered = render_poster(&poster).unwrap();
    assert_eq!(rendered.missing_chars, ['😀', '𝄞']);
    let text = layout_text(&TempPdf::new(&rendered.pdf), None);
    assert!(text.contains("张〓华（理工代表团）"), "{text}");
    assert!(text.contains("〓党代表工作室"), "{text}");
}

#[test]
fn a_slot_with_very_many_delegates_stays_on_its_page() {
    let mut poster = common::sample_poster();
    let crowd: Vec<String> = (0..300)
        .map(|i| format!("代表{i}（机关第一代表团）"))
        .collect();
    poster.rows[3].delegates = crowd;
    poster.rows[4].place = "党代表工作室 / 网上工作室（视频接待，会议号另行通知）".into();
    let layout = layout(&poster);
    assert_eq!(
        layout.rows_per_page.iter().sum::<usize>(),
        poster.rows.len()
    );
    for page in &layout.pages {
        assert_tidy(page);
    }
    // Cut short with "…" rather than running off the page.
    assert!(layout
        .pages
        .iter()
        .any(|p| p.texts.iter().any(|t| t.text == "…")));
    assert!(render_poster(&poster).is_ok());
}

#[test]
fn long_footer_texts_and_title_still_fit() {
    let mut poster = common::sample_poster();
    poster.title = "中共浙江理工大学第十三次代表大会党代表工作室接待安排（2026年12月）".repeat(2);
    poster.opening_hours =
        "周一至周五 8:30—11:30，14:00—17:00（法定节假日及寒暑假期间另行通知）".into();
    poster.note = poster.note.repeat(4);
    let layout = layout(&poster);
    for page in &layout.pages {
        assert_tidy(page);
    }
    let text: String = layout.pages[0].text();
    assert!(text.contains("开放时间：周一至周五"));
}
