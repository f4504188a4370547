//! Report tables (统计汇总, 承办单位): A4 landscape, the title and the two header rows on every
//! page, every line once, nothing outside the page, and requests whose parts disagree refused.

use std::process::Command;

use studio_print::{
    render_report, CardPrinter, PrintError, Report, ReportColumn, ReportGroup, ReportRow,
};

fn report(lines: usize) -> Report {
    let col = |label: &str, width: f32, text: bool| ReportColumn {
        label: label.into(),
        width,
        text,
    };
    let group = |label: &str, span: usize| ReportGroup {
        label: label.into(),
        span,
    };
    Report {
        title: "党代表联系党员群众工作情况汇总表".into(),
        subtitle: "统计期间：2026-01-01 至 2026-12-31".into(),
        note: "制表日期：2026-12-03".into(),
        groups: vec![group("党代表", 1), group("联系方式", 3), group("满意度", 2)],
        columns: vec![
            col("党代表", 12.0, true),
            col("党代表工作室", 7.0, false),
            col("网上工作室", 7.0, false),
            col("约见", 6.0, false),
            col("满意", 6.0, false),
            col("不满意", 6.0, false),
        ],
        rows: (0..lines)
            .map(|i| ReportRow {
                cells: vec![
                    format!("代表{i:03}"),
                    i.to_string(),
                    "2".into(),
                    "0".into(),
                    "1".into(),
                    String::new(),
                ],
                bold: i % 10 == 9,
            })
            .collect(),
    }
}

fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn every_page_has_the_title_and_both_header_rows_and_every_line_once() {
    let r = report(80);
    let (layout, missing) = CardPrinter::shared().unwrap().layout_report(&r).unwrap();
    assert!(missing.is_empty());
    assert!(layout.pages.len() >= 3, "{}", layout.pages.len());
    assert_eq!(layout.rows_per_page.iter().sum::<usize>(), 80);
    let page_w = 841.9;
    for page in &layout.pages {
        for t in &page.texts {
            assert!(
                t.x >= 0.0 && t.x + t.width <= page_w,
                "{} at {}",
                t.text,
                t.x
            );
        }
    }

    let rendered = render_report(&r).unwrap();
    assert_eq!(rendered.page_count, layout.pages.len());
    let path = std::env::temp_dir().join(format!("studio-print-report-{}.pdf", std::process::id()));
    std::fs::write(&path, &rendered.pdf).unwrap();
    let text = |page: usize| {
        let out = Command::new("pdftotext")
            .args(["-f", &page.to_string(), "-l", &page.to_string(), "-layout"])
            .arg(&path)
            .arg("-")
            .output()
            .expect("pdftotext (poppler-utils) is required by these tests");
        squash(&String::from_utf8(out.stdout).unwrap())
    };
    let mut seen = Vec::new();
    for p in 1..=rendered.page_count {
        let t = text(p);
        for needed in [
            "党代表联系党员群众工作情况汇总表",
            "统计期间：2026-01-01至2026-12-31",
            "联系方式",
            "满意度",
            "不满意",
        ] {
            assert!(t.contains(needed), "page {p} lacks {needed}");
        }
        if p > 1 {
            assert!(t.contains("续表"), "page {p}");
        }
        for i in 0..80 {
            if t.contains(&format!("代表{i:03}")) {
                seen.push(i);
            }
        }
    }
    assert_eq!(
        seen,
        (0..80).collect::<Vec<_>>(),
        "each line once, in order"
    );
    let info = Command::new("pdfinfo").arg(&path).output().unwrap();
    let info = String::from_utf8(info.stdout).unwrap();
    assert!(info.contains("841.89 x 595.276 pts (A4)"), "{info}");
    let _ = std::fs::remove_file(&path);
}

#[test]
fn parts_that_disagree_are_refused_in_chinese() {
    let mut r = report(2);
    r.rows[1].cells.pop();
    let e = render_report(&r).unwrap_err();
    assert!(matches!(e, PrintError::BadReport(_)));
    assert!(e.to_string().contains("报表每行应有 6 格"), "{e}");
    let mut r = report(2);
    r.groups[1].span = 2;
    assert!(render_report(&r)
        .unwrap_err()
        .to_string()
        .contains("表头分组与列数不符"));
    // No lines: one page with the header.
    let empty = render_report(&report(0)).unwrap();
    assert_eq!(empty.page_count, 1);
}
