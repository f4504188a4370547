//! The `studio` command as an administrator's script uses it: exit codes, output, messages.

use std::process::{Command, Output};

fn studio(db: &std::path::Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_studio"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("STUDIO_DB")
        .output()
        .expect("run studio")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

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
