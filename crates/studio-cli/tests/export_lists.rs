//! `studio export delegates` (党代表名册) and `studio audit export --format xlsx`: the files read back
//! as a user opens them (the workbook with calamine, the CSV's byte-order mark and header), full
//! texts, masking, the purpose in the audit log, and a re-import of the export changing nothing.

use std::path::{Path, PathBuf};
use std::process::Output;

use calamine::{Data, Reader};

mod common;

use common::{stderr, stdout, studio};

fn ok(o: Output) -> String {
    assert!(o.status.success(), "{}{}", stdout(&o), stderr(&o));
    stdout(&o)
}

fn demo(dir: &Path) -> PathBuf {
    let db = dir.join("s.db");
    ok(studio(&db, &["demo"]));
    db
}

fn export(db: &Path, out: &Path, format: &str, extra: &[&str]) -> String {
    let mut args = vec![
        "export",
        "delegates",
        "--format",
        format,
        "-o",
        out.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    ok(studio(db, &args))
}

fn roster_json(db: &Path) -> Vec<serde_json::Value> {
    let v: serde_json::Value =
        serde_json::from_str(&ok(studio(db, &["delegates", "list", "--json"]))).unwrap();
    v.as_array().unwrap().clone()
}

#[test]
fn the_roster_exports_as_xlsx_csv_and_json_with_full_texts() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path());
    let roster = roster_json(&db);

    let xlsx = dir.path().join("名册.xlsx");
    let said = export(&db, &xlsx, "xlsx", &["--reason", "换届核对"]);
    assert!(
        said.contains(&format!("已导出 {} 名党代表", roster.len())),
        "{said}"
    );
    let mut wb: calamine::Xlsx<_> = calamine::open_workbook(&xlsx).unwrap();
    let range = wb.worksheet_range("党代表名册").unwrap();
    let cell = |r: u32, c: u32| range.get_value((r, c)).cloned().unwrap_or(Data::Empty);
    assert_eq!(range.height(), roster.len() + 1);
    let headers: Vec<_> = (0..range.width() as u32).map(|c| cell(0, c)).collect();
    for h in [
        "姓名",
        "所在代表团",
        "手机号码",
        "简介",
        "创先争优个人承诺",
        "状态",
    ] {
        assert!(headers.contains(&Data::String(h.into())), "{h}");
    }
    // Roster order, as `studio delegates list` gives it; the phone in full; 排序号 a number.
    for (i, d) in roster.iter().enumerate() {
        assert_eq!(
            cell(i as u32 + 1, 0),
            Data::String(d["name"].as_str().unwrap().into())
        );
    }
    let mobile = cell(1, 5).to_string();
    assert!(mobile.len() == 11 && !mobile.contains('*'), "{mobile}");
    assert!(matches!(cell(1, 9), Data::Float(_)), "{:?}", cell(1, 9));
    // Full texts: the longest biography is not cut.
    let json = dir.path().join("名册.json");
    export(&db, &json, "json", &["--reason", "换届核对"]);
    let full: serde_json::Value = serde_json::from_slice(&std::fs::read(&json).unwrap()).unwrap();
    let full = full.as_array().unwrap();
    let longest = full
        .iter()
        .map(|d| d["bio"].as_str().unwrap().to_string())
        .max_by_key(|b| b.chars().count())
        .unwrap();
    assert!(longest.chars().count() > 30, "{longest}");
    let in_sheet = (1..range.height() as u32).any(|r| cell(r, 10) == Data::String(longest.clone()));
    assert!(in_sheet, "the whole biography in the sheet");
    assert!(full[0]["delegation_name"].is_string());
    assert!(full[0]["status_label"].is_string());

    // CSV: a byte-order mark, the same header, one line per delegate.
    let csv = dir.path().join("名册.csv");
    export(&db, &csv, "csv", &["--reason", "换届核对"]);
    let bytes = std::fs::read(&csv).unwrap();
    assert_eq!(&bytes[..3], b"\xEF\xBB\xBF");
    let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
    assert!(text.starts_with("姓名,性别,所在代表团,工作单位,职务,手机号码,"));

    // The reason is in the audit log.
    let log = dir.path().join("audit.json");
    ok(studio(
        &db,
        &[
            "audit",
            "export",
            "--format",
            "json",
            "-o",
            log.to_str().unwrap(),
        ],
    ));
    let log = std::fs::read_to_string(&log).unwrap();
    assert!(log.contains("换届核对"), "the purpose is logged");
    assert!(log.contains("delegates:*"));

    // The export imports again as the roster it came from: nothing new, nothing changed.
    let o = ok(studio(
        &db,
        &["import", "delegates", xlsx.to_str().unwrap(), "--dry-run"],
    ));
    assert!(
        o.contains(&format!("共 {} 行：新增 0，更新 0", roster.len())),
        "{o}"
    );
}

#[test]
fn a_masked_roster_hides_phones_and_a_period_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path());
    let out = dir.path().join("masked.json");
    export(&db, &out, "json", &["--masked"]);
    let list: serde_json::Value = serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap();
    let list = list.as_array().unwrap();
    assert!(!list.is_empty());
    for d in list {
        let m = d["mobile"].as_str().unwrap();
        assert!(m.is_empty() || m.contains("****"), "{m}");
        let e = d["email"].as_str().unwrap();
        assert!(e.is_empty() || e.ends_with("****"), "{e}");
    }
    let o = studio(
        &db,
        &[
            "export",
            "delegates",
            "--format",
            "csv",
            "--from",
            "2025-01-01",
            "--to",
            "2025-12-31",
            "-o",
            dir.path().join("x.csv").to_str().unwrap(),
        ],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("不按日期筛选"), "{}", stderr(&o));
}

#[test]
fn the_audit_log_exports_as_a_workbook() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path());
    let out = dir.path().join("审计.xlsx");
    let said = ok(studio(
        &db,
        &[
            "audit",
            "export",
            "--format",
            "xlsx",
            "-o",
            out.to_str().unwrap(),
        ],
    ));
    assert!(said.contains("已导出审计日志"), "{said}");
    let mut wb: calamine::Xlsx<_> = calamine::open_workbook(&out).unwrap();
    let range = wb.worksheet_range("审计日志").unwrap();
    assert!(range.height() > 1);
    // The same columns as the CSV export.
    let csv = dir.path().join("审计.csv");
    ok(studio(
        &db,
        &[
            "audit",
            "export",
            "--format",
            "csv",
            "-o",
            csv.to_str().unwrap(),
        ],
    ));
    let text = std::fs::read_to_string(&csv).unwrap();
    let header = text
        .trim_start_matches('\u{FEFF}')
        .lines()
        .next()
        .unwrap()
        .to_string();
    let sheet_header: Vec<String> = (0..range.width() as u32)
        .map(|c| range.get_value((0, c)).unwrap().to_string())
        .collect();
    assert_eq!(sheet_header.join(","), header);
}

#[test]
fn the_accounts_export_lists_every_account_and_no_password() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path());
    let out = dir.path().join("账号.xlsx");
    let said = ok(studio(
        &db,
        &[
            "export",
            "accounts",
            "--format",
            "xlsx",
            "-o",
            out.to_str().unwrap(),
        ],
    ));
    let users: serde_json::Value =
        serde_json::from_str(&ok(studio(&db, &["user", "list", "--json"]))).unwrap();
    let users = users.as_array().unwrap();
    assert!(
        said.contains(&format!("已导出 {} 个账号", users.len())),
        "{said}"
    );
    let mut wb: calamine::Xlsx<_> = calamine::open_workbook(&out).unwrap();
    let range = wb.worksheet_range("账号").unwrap();
    assert_eq!(range.height(), users.len() + 1);
    let logins: Vec<String> = (1..range.height() as u32)
        .map(|r| range.get_value((r, 0)).unwrap().to_string())
        .collect();
    for u in users {
        assert!(logins.contains(&u["login"].as_str().unwrap().to_string()));
    }
    assert_eq!(range.get_value((1, 4)).unwrap().to_string(), "正常");
    // CSV: a BOM, and nothing like a password hash anywhere.
    let csv = dir.path().join("账号.csv");
    ok(studio(
        &db,
        &[
            "export",
            "accounts",
            "--format",
            "csv",
            "-o",
            csv.to_str().unwrap(),
        ],
    ));
    let bytes = std::fs::read(&csv).unwrap();
    assert_eq!(&bytes[..3], b"\xEF\xBB\xBF");
    let text = String::from_utf8(bytes).unwrap();
    assert!(text.contains("登录名,显示名称,角色"));
    assert!(!text.contains("$argon2"));
    // The export is in the audit log.
    let log = dir.path().join("audit.csv");
    ok(studio(
        &db,
        &[
            "audit",
            "export",
            "--format",
            "csv",
            "-o",
            log.to_str().unwrap(),
        ],
    ));
    assert!(std::fs::read_to_string(&log)
        .unwrap()
        .contains("accounts:*"));
}
