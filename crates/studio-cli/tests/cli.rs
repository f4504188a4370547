//! The `studio` command as an administrator's script uses it: exit codes, output, messages.

mod common;

use common::{stderr, stdout, studio};

#[test]
fn demo_then_list_as_json() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    let o = studio(&db, &["demo"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("已载入演示数据"));

    let o = studio(&db, &["delegates", "list", "--json"]);
    assert!(o.status.success());
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let arr = v.as_array().unwrap();
    assert!(arr.len() >= 20);
    for d in arr {
        for key in ["id", "name", "delegation", "unit", "position", "status"] {
            assert!(
                d.get(key).is_some_and(|x| x.is_string()),
                "{key} missing in {d}"
            );
        }
    }
    let delegations: std::collections::BTreeSet<_> = arr
        .iter()
        .map(|d| d["delegation"].as_str().unwrap().to_owned())
        .collect();
    assert!(delegations.len() >= 3);
    assert!(arr.iter().any(|d| d["status"] == "left"));

    // A second demo into a non-empty database is a user error: exit 1, Chinese message.
    let o = studio(&db, &["demo"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("已有党代表数据"), "{}", stderr(&o));
}

#[test]
fn misuse_exits_2_and_check_backup_restore_work() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    assert_eq!(studio(&db, &["no-such-command"]).status.code(), Some(2));

    assert!(studio(&db, &["demo"]).status.success());
    let o = studio(&db, &["check"]);
    assert!(o.status.success());
    assert!(stdout(&o).contains("检查通过"));

    let bak = dir.path().join("backup.db");
    let o = studio(&db, &["backup", "--out", bak.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(bak.is_file());

    let other = dir.path().join("other.db");
    let o = studio(&other, &["restore", bak.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = studio(&other, &["delegates", "list", "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(v.as_array().unwrap().len() >= 20);

    let o = studio(
        &db,
        &["restore", dir.path().join("missing.db").to_str().unwrap()],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("找不到备份文件"));
}

#[test]
fn calendar_add_and_is_workday_follow_the_official_calendar() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    let o = studio(&db, &["calendar", "add", "2025-09-30", "3"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        stdout(&o).trim(),
        "2025-10-11",
        "National Day 2025, Sat 10-11 is a make-up day"
    );
    let yes_no = |d: &str| {
        stdout(&studio(&db, &["calendar", "is-workday", d]))
            .trim()
            .to_string()
    };
    assert_eq!(yes_no("2025-10-11"), "yes");
    assert_eq!(yes_no("2025-10-01"), "no");
    assert_eq!(yes_no("2025-10-12"), "no");
    let o = studio(&db, &["calendar", "add", "2025-13-01", "3"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("格式不正确"));
}

#[test]
fn export_items_writes_json_csv_and_xlsx_files_and_bulk_items_fill_a_ledger() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    assert!(studio(&db, &["demo"]).status.success());
    for fmt in ["json", "csv", "xlsx"] {
        let out = dir.path().join(format!("items.{fmt}"));
        let o = studio(
            &db,
            &[
                "export",
                "items",
                "--format",
                fmt,
                "-o",
                out.to_str().unwrap(),
            ],
        );
        assert!(o.status.success(), "{}", stderr(&o));
        assert!(stdout(&o).contains("件台账事项"), "{}", stdout(&o));
        assert!(std::fs::metadata(&out).unwrap().len() > 1000);
    }
    let v: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("items.json")).unwrap()).unwrap();
    let arr = v.as_array().unwrap();
    assert!(arr.len() >= 80);
    assert!(arr
        .iter()
        .all(|i| i["id"].is_string() && i["overdue"].is_boolean()));

    // A period: only items received in it.
    let out = dir.path().join("period.json");
    let o = studio(
        &db,
        &[
            "export",
            "items",
            "--format",
            "json",
            "--from",
            "2000-01-01",
            "--to",
            "2000-12-31",
            "-o",
            out.to_str().unwrap(),
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(std::fs::read_to_string(&out).unwrap().trim(), "[]");

    // The benchmark generator refuses a ledger that has items, and fills an empty one.
    let o = studio(&db, &["demo", "--bulk-items", "10"]);
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
    let fresh = dir.path().join("bulk.db");
    let o = studio(&fresh, &["demo", "--bulk-items", "500"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = dir.path().join("bulk.json");
    let o = studio(
        &fresh,
        &[
            "export",
            "items",
            "--format",
            "json",
            "-o",
            out.to_str().unwrap(),
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 500);
}

#[test]
fn a_reader_on_a_missing_database_says_so_and_creates_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("typo").join("studio.db");
    for args in [
        &["delegates", "list"][..],
        &["check"],
        &["export", "cards", "--format", "json", "-o", "/dev/null"],
    ] {
        let o = studio(&db, args);
        assert_eq!(o.status.code(), Some(1), "{args:?}");
        assert!(
            stderr(&o).contains(&format!("数据库不存在：{}", db.display())),
            "{args:?}: {}",
            stderr(&o)
        );
    }
    assert!(!db.parent().unwrap().exists(), "nothing was created");
    // Working-day arithmetic still answers from the official calendar.
    let o = studio(&db, &["calendar", "add", "2025-09-30", "3"]);
    assert_eq!(stdout(&o).trim(), "2025-10-11");
    assert!(!db.parent().unwrap().exists());
}

#[test]
fn restore_refuses_while_the_app_has_the_database_open() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    assert!(studio(&db, &["demo"]).status.success());
    let bak = dir.path().join("b.db");
    assert!(studio(&db, &["backup", "--out", bak.to_str().unwrap()])
        .status
        .success());
    // The desktop app holds this lock while it runs.
    let app = studio_core::storage::lock::DbLock::acquire(&db).unwrap();
    let o = studio(&db, &["restore", bak.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("请先关闭程序"), "{}", stderr(&o));
    drop(app);
    assert!(studio(&db, &["restore", bak.to_str().unwrap()])
        .status
        .success());
}

#[test]
fn export_schedule_and_appointments() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    let o = studio(&db, &["demo"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("个接待时段"), "{}", stdout(&o));
    for fmt in ["json", "csv", "xlsx"] {
        for what in ["schedule", "appointments"] {
            let out = dir.path().join(format!("{what}.{fmt}"));
            let o = studio(
                &db,
                &["export", what, "--format", fmt, "-o", out.to_str().unwrap()],
            );
            assert!(o.status.success(), "{what} {fmt}: {}", stderr(&o));
            assert!(std::fs::metadata(&out).unwrap().len() > 100);
        }
    }
    let rows: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("schedule.json")).unwrap()).unwrap();
    let rows = rows.as_array().unwrap();
    assert!(rows.len() > 40);
    let time = |v: &serde_json::Value| {
        let s = v.as_str().unwrap();
        s.len() == 5 && s.as_bytes()[2] == b':'
    };
    for r in rows {
        assert_eq!(r["date"].as_str().unwrap().len(), 10);
        assert!(time(&r["start"]) && time(&r["end"]), "{r}");
        assert!(["studio", "online"].contains(&r["place"].as_str().unwrap()));
        assert_eq!(r["published"], true);
        let delegates = r["delegates"].as_array().unwrap();
        assert!(!delegates.is_empty());
        assert!(delegates
            .iter()
            .all(|d| d["id"].is_string() && d["name"].is_string()));
    }
    // A period, and appointments masked.
    let out = dir.path().join("period.json");
    let o = studio(
        &db,
        &[
            "export",
            "schedule",
            "--format",
            "json",
            "--from",
            "2000-01-01",
            "--to",
            "2000-12-31",
            "-o",
            out.to_str().unwrap(),
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(std::fs::read_to_string(&out).unwrap().trim(), "[]");
    let out = dir.path().join("masked.json");
    let o = studio(
        &db,
        &[
            "export",
            "appointments",
            "--format",
            "json",
            "--masked",
            "-o",
            out.to_str().unwrap(),
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let list: serde_json::Value = serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap();
    let list = list.as_array().unwrap();
    assert!(list.len() >= 8);
    assert!(list
        .iter()
        .all(|a| a["person_phone"].as_str().unwrap().contains("****")));
}
