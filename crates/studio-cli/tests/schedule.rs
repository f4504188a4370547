//! `studio schedule pdf`: the month's wall poster from a script, checked with poppler's tools as a
//! person would look at the file.

use std::process::{Command, Output};

fn studio(db: &std::path::Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_studio"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("STUDIO_DB")
        .env_remove("STUDIO_PASSWORD")
        .output()
        .expect("run studio")
}

fn text(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

fn poppler(tool: &str, args: &[&str]) -> String {
    let o = Command::new(tool)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{tool} (poppler-utils) is needed: {e}"));
    assert!(o.status.success(), "{tool}: {}", text(&o));
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn a_months_poster_is_an_a4_landscape_pdf_with_every_slot() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    let o = studio(&db, &["demo"]);
    assert!(o.status.success(), "{}", text(&o));
    // What the poster must show: a month's plan as the export gives it (the demo plans five months
    // around today; the middle row's month is one of them whatever the day).
    let json = dir.path().join("schedule.json");
    let o = studio(
        &db,
        &[
            "export",
            "schedule",
            "--format",
            "json",
            "-o",
            json.to_str().unwrap(),
        ],
    );
    assert!(o.status.success(), "{}", text(&o));
    let rows: serde_json::Value = serde_json::from_slice(&std::fs::read(&json).unwrap()).unwrap();
    let all = rows.as_array().unwrap();
    let month = all[all.len() / 2]["date"].as_str().unwrap()[..7].to_string();
    let this_month: Vec<&serde_json::Value> = rows
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["date"].as_str().unwrap().starts_with(&month))
        .collect();
    assert!(!this_month.is_empty(), "the demo plans this month");

    let pdf = dir.path().join("poster.pdf");
    let o = studio(
        &db,
        &[
            "schedule",
            "pdf",
            "--month",
            &month,
            "-o",
            pdf.to_str().unwrap(),
        ],
    );
    assert!(o.status.success(), "{}", text(&o));
    assert!(text(&o).contains("已输出接待安排海报"));

    let info = poppler("pdfinfo", &[pdf.to_str().unwrap()]);
    assert!(
        info.contains("841.89 x 595.276 pts") || info.contains("842 x 595 pts"),
        "A4 landscape: {info}"
    );
    let body = poppler("pdftotext", &["-layout", pdf.to_str().unwrap(), "-"]);
    let squeezed: String = body.chars().filter(|c| !c.is_whitespace()).collect();
    let (y, m) = month.split_once('-').unwrap();
    let title = format!(
        "党代表工作室接待安排（{}年{}月）",
        y,
        m.trim_start_matches('0')
    );
    assert!(squeezed.contains(&title), "{title} in {body}");
    for row in this_month {
        for d in row["delegates"].as_array().unwrap() {
            let name = d["name"].as_str().unwrap();
            assert!(squeezed.contains(name), "{name} on the poster");
        }
    }

    // A month with nothing planned is refused in Chinese and writes no file.
    let empty = dir.path().join("empty.pdf");
    let o = studio(
        &db,
        &[
            "schedule",
            "pdf",
            "--month",
            "2019-01",
            "-o",
            empty.to_str().unwrap(),
        ],
    );
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    assert!(text(&o).contains("错误："), "{}", text(&o));
    assert!(!empty.exists());
}
