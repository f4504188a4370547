//! `studio export news|volunteers|funds` and `studio wall pdf` over the demo: the files a user
//! would open, checked the way they would check them.

mod common;

use std::process::Command;

use chrono::Datelike;
use common::{stderr, stdout, studio};

fn pdftotext(path: &std::path::Path) -> String {
    let out = Command::new("pdftotext")
        .args([path.to_str().unwrap(), "-"])
        .output()
        .expect("pdftotext is required (apt-get install poppler-utils)");
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn the_demo_exports_news_volunteers_and_a_years_funds() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    let o = studio(&db, &["demo"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("条工作室动态"), "{}", stdout(&o));

    let news = dir.path().join("news.json");
    let o = studio(
        &db,
        &[
            "export",
            "news",
            "--format",
            "json",
            "-o",
            news.to_str().unwrap(),
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let rows: Vec<serde_json::Value> =
        serde_json::from_slice(&std::fs::read(&news).unwrap()).unwrap();
    assert!(rows.len() >= 5);
    assert!(rows.iter().any(|r| r["published"] == false), "one draft");
    let dates: Vec<&str> = rows.iter().map(|r| r["date"].as_str().unwrap()).collect();
    let mut sorted = dates.clone();
    sorted.sort();
    assert_eq!(dates, sorted, "oldest first");

    let vol = dir.path().join("vol.csv");
    let o = studio(
        &db,
        &[
            "export",
            "volunteers",
            "--format",
            "csv",
            "--masked",
            "-o",
            vol.to_str().unwrap(),
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let csv = String::from_utf8(std::fs::read(&vol).unwrap()).unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    assert!(
        lines[1].contains("联络员") && lines[1].contains("中共党员"),
        "{csv}"
    );
    assert!(csv.contains("入党积极分子") && csv.contains("共青团员"));
    assert!(csv.contains("****"), "contacts masked: {csv}");

    let year = chrono::Local::now().year().to_string();
    let json = dir.path().join("funds.json");
    let o = studio(
        &db,
        &[
            "export",
            "funds",
            "--year",
            &year,
            "--format",
            "json",
            "-o",
            json.to_str().unwrap(),
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let f: serde_json::Value = serde_json::from_slice(&std::fs::read(&json).unwrap()).unwrap();
    let fen = |v: &serde_json::Value| v.as_i64().unwrap();
    let spent: i64 = f["spendings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| fen(&s["amount_fen"]))
        .sum();
    assert_eq!(fen(&f["total"]["spent_fen"]), spent);
    assert_eq!(
        fen(&f["total"]["left_fen"]),
        fen(&f["total"]["budget_fen"]) - spent
    );
    assert_eq!(fen(&f["total"]["budget_fen"]), 2_600_000);

    let pdf = dir.path().join("funds.pdf");
    let o = studio(
        &db,
        &[
            "export",
            "funds",
            "--year",
            &year,
            "--format",
            "pdf",
            "-o",
            pdf.to_str().unwrap(),
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let text = pdftotext(&pdf);
    assert!(
        text.contains(&format!("党代表工作室{year}年度经费收支表")),
        "{text}"
    );
    assert!(text.contains("26000.00"), "{text}");

    let xlsx = dir.path().join("funds.xlsx");
    let o = studio(
        &db,
        &[
            "export",
            "funds",
            "--year",
            &year,
            "--format",
            "xlsx",
            "-o",
            xlsx.to_str().unwrap(),
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(std::fs::read(&xlsx).unwrap().starts_with(b"PK"));

    // Funds need a year; csv is not one of their formats.
    let o = studio(
        &db,
        &[
            "export",
            "funds",
            "--format",
            "json",
            "-o",
            json.to_str().unwrap(),
        ],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("--year"), "{}", stderr(&o));
    let o = studio(
        &db,
        &[
            "export",
            "funds",
            "--year",
            &year,
            "--format",
            "csv",
            "-o",
            json.to_str().unwrap(),
        ],
    );
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn every_wall_document_prints_its_text() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    assert!(studio(&db, &["demo"]).status.success());
    for (doc, expect) in [
        ("rules", "党代表工作室工作制度"),
        ("workflow", "党代表接待党员群众工作流程"),
        ("duties", "党代表工作室联络员工作职责"),
        ("pledge", "党代表工作室服务承诺"),
        ("sign", "知党情、听民声、谋发展、促和谐"),
        ("roster", "代表团"),
        ("plan", "党代表接待日"),
    ] {
        let out = dir.path().join(format!("{doc}.pdf"));
        let o = studio(
            &db,
            &["wall", "pdf", "--doc", doc, "-o", out.to_str().unwrap()],
        );
        assert!(o.status.success(), "{doc}: {}", stderr(&o));
        let text = pdftotext(&out);
        assert!(text.contains(expect), "{doc}: {text}");
        assert!(
            !text.contains("{{"),
            "{doc}: a placeholder was left: {text}"
        );
    }
    let o = studio(&db, &["wall", "pdf", "--doc", "menu", "-o", "x.pdf"]);
    assert_eq!(o.status.code(), Some(2), "an unknown document is misuse");
}
