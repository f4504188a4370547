//! `studio export summary|units`: the summary sheet and the units' record as files.

mod common;

use common::{stderr, studio};

use chrono::{Datelike, Duration};

fn n(v: &serde_json::Value) -> u64 {
    v.as_u64().unwrap_or_else(|| panic!("not a count: {v}"))
}

#[test]
fn export_summary_and_units_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    assert!(studio(&db, &["demo"]).status.success());
    let today = chrono::Local::now().date_naive();
    let from = (today - Duration::days(3000))
        .format("%Y-%m-%d")
        .to_string();
    let to = (today + Duration::days(60)).format("%Y-%m-%d").to_string();

    // JSON over the whole demo: the contacts are the cards of the same period.
    let json = dir.path().join("summary.json");
    let o = studio(
        &db,
        &[
            "export",
            "summary",
            "--format",
            "json",
            "--from",
            &from,
            "--to",
            &to,
            "-o",
            json.to_str().unwrap(),
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(String::from_utf8_lossy(&o.stdout).contains("已导出统计汇总"));
    let v: serde_json::Value = serde_json::from_slice(&std::fs::read(&json).unwrap()).unwrap();
    assert_eq!(v["from"], from.as_str());
    let rows = v["rows"].as_array().unwrap();
    assert!(rows.len() >= 20, "{}", rows.len());
    for r in rows {
        for key in ["delegate", "delegate_id", "delegation"] {
            assert!(r[key].is_string(), "{key} in {r}");
        }
        let c = &r["by_channel"];
        let channels: u64 = ["studio", "online", "appointment", "home_visit", "other"]
            .iter()
            .map(|k| n(&c[k]))
            .sum();
        assert_eq!(channels, n(&r["contacts"]), "{r}");
        for key in [
            "people",
            "items",
            "closed",
            "closed_on_time",
            "satisfied",
            "late_cards",
            "surveys",
            "proposals",
        ] {
            n(&r[key]);
        }
        assert!(r["by_category"].is_object());
        assert!(r.get("avg_days_to_close").is_some());
    }
    let total = &v["total"];
    let sum: u64 = rows.iter().map(|r| n(&r["contacts"])).sum();
    assert_eq!(n(&total["contacts"]), sum);
    let subtotals: u64 = v["delegations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| n(&g["contacts"]))
        .sum();
    assert_eq!(subtotals, sum);

    let cards = dir.path().join("cards.json");
    let o = studio(
        &db,
        &[
            "export",
            "cards",
            "--format",
            "json",
            "--from",
            &from,
            "--to",
            &to,
            "-o",
            cards.to_str().unwrap(),
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let c: serde_json::Value = serde_json::from_slice(&std::fs::read(&cards).unwrap()).unwrap();
    let card_count = c
        .as_array()
        .map_or_else(|| c["cards"].as_array().unwrap().len(), Vec::len);
    assert!(card_count > 0);
    assert_eq!(n(&total["contacts"]), card_count as u64);

    // Without a period: the current year.
    let o = studio(
        &db,
        &[
            "export",
            "summary",
            "--format",
            "json",
            "-o",
            json.to_str().unwrap(),
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&std::fs::read(&json).unwrap()).unwrap();
    assert_eq!(v["from"], format!("{}-01-01", today.year()).as_str());
    assert_eq!(v["to"], format!("{}-12-31", today.year()).as_str());

    // The other formats.
    for (what, format, magic) in [
        ("summary", "csv", &b"\xEF\xBB\xBF"[..]),
        ("summary", "xlsx", b"PK"),
        ("summary", "pdf", b"%PDF"),
        ("units", "json", b"{"),
        ("units", "csv", b"\xEF\xBB\xBF"),
        ("units", "xlsx", b"PK"),
        ("units", "pdf", b"%PDF"),
    ] {
        let out = dir.path().join(format!("{what}.{format}"));
        let o = studio(
            &db,
            &[
                "export",
                what,
                "--format",
                format,
                "--from",
                &from,
                "--to",
                &to,
                "-o",
                out.to_str().unwrap(),
            ],
        );
        assert!(o.status.success(), "{what} {format}: {}", stderr(&o));
        assert!(
            std::fs::read(&out).unwrap().starts_with(magic),
            "{what} {format}"
        );
    }
    let csv = std::fs::read_to_string(dir.path().join("summary.csv")).unwrap();
    assert!(csv.contains("合计"));
    let units: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("units.json")).unwrap()).unwrap();
    assert!(
        !units["rows"].as_array().unwrap().is_empty(),
        "the demo refers items to units"
    );
}

#[test]
fn a_bad_period_or_format_is_refused_in_chinese() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    assert!(studio(&db, &["demo"]).status.success());
    let out = dir.path().join("x.json");
    let o = studio(
        &db,
        &[
            "export",
            "summary",
            "--format",
            "json",
            "--from",
            "2026-12-31",
            "--to",
            "2026-01-01",
            "-o",
            out.to_str().unwrap(),
        ],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("结束日期不能早于开始日期"),
        "{}",
        stderr(&o)
    );
    assert!(!out.exists());
    // PDF is for the reports only.
    let o = studio(
        &db,
        &[
            "export",
            "cards",
            "--format",
            "pdf",
            "-o",
            out.to_str().unwrap(),
        ],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("不支持的格式"), "{}", stderr(&o));
    // --from needs --to.
    let o = studio(
        &db,
        &[
            "export",
            "units",
            "--format",
            "json",
            "--from",
            "2026-01-01",
            "-o",
            out.to_str().unwrap(),
        ],
    );
    assert_eq!(o.status.code(), Some(2));
}
