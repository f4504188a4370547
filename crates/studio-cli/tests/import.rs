//! `studio import …` as an administrator's script uses it: the preview with each row's errors, the
//! exit code, `--dry-run`, a second import that doubles nothing, the templates, and a refusal.

use std::path::Path;
use std::process::Output;

mod common;

use common::{stderr, stdout, studio, studio_env};

const DEMO_PASSWORD: &str = "Demo2026";

fn ok(o: Output) -> String {
    assert!(o.status.success(), "{}{}", stdout(&o), stderr(&o));
    stdout(&o)
}

fn xlsx(path: &Path, rows: &[&[&str]]) {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            ws.write_string(r as u32, c as u16, *v).unwrap();
        }
    }
    wb.save(path).unwrap();
}

fn delegates(db: &Path) -> Vec<serde_json::Value> {
    let v: serde_json::Value =
        serde_json::from_str(&ok(studio(db, &["delegates", "list", "--json"]))).unwrap();
    v.as_array().unwrap().clone()
}

fn demo(dir: &Path) -> std::path::PathBuf {
    let db = dir.join("s.db");
    ok(studio(&db, &["demo"]));
    db
}

#[test]
fn a_roster_import_prints_each_rows_error_writes_only_when_clean_and_not_twice() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path());
    let before = delegates(&db);
    let first = &before[0];
    let (name, unit, delegation) = (
        first["name"].as_str().unwrap(),
        first["unit"].as_str().unwrap(),
        first["delegation"].as_str().unwrap(),
    );
    let header: &[&str] = &["姓名", "性别", "所在代表团", "工作单位", "职务", "手机号码"];

    // A bad row: exit 1, the row's error printed, nothing written.
    let bad = dir.path().join("bad.xlsx");
    xlsx(
        &bad,
        &[
            header,
            &["林新", "女", delegation, "新闻学院", "讲师", "13900001111"],
            &[
                "郭亮",
                "男性",
                delegation,
                "新闻学院",
                "讲师",
                "13900002222",
            ],
        ],
    );
    for args in [
        vec!["import", "delegates", bad.to_str().unwrap()],
        vec!["import", "delegates", bad.to_str().unwrap(), "--dry-run"],
    ] {
        let o = studio(&db, &args);
        assert_eq!(o.status.code(), Some(1), "{}{}", stdout(&o), stderr(&o));
        assert!(
            stdout(&o).contains("第 3 行 性别：性别应为“男”或“女”"),
            "{}",
            stdout(&o)
        );
        assert!(stdout(&o).contains("2\t新增\t林新"), "{}", stdout(&o));
        assert!(
            stderr(&o).contains("有 1 行有错误，未导入任何数据"),
            "{}",
            stderr(&o)
        );
    }
    assert_eq!(delegates(&db).len(), before.len());

    // A clean sheet: --dry-run shows 新增 and 更新 and writes nothing; then the import writes.
    let good = dir.path().join("good.xlsx");
    xlsx(
        &good,
        &[
            header,
            &["林新", "女", delegation, "新闻学院", "讲师", "13900001111"],
            &[name, "", "", unit, "特聘教授", ""],
        ],
    );
    let dry = ok(studio(
        &db,
        &["import", "delegates", good.to_str().unwrap(), "--dry-run"],
    ));
    assert!(dry.contains("2\t新增\t林新"), "{dry}");
    assert!(dry.contains(&format!("3\t更新\t{name}")), "{dry}");
    assert!(dry.contains("共 2 行：新增 1，更新 1，跳过 0"), "{dry}");
    assert!(dry.contains("试运行（--dry-run）：未写入任何数据"), "{dry}");
    assert_eq!(delegates(&db).len(), before.len());

    let done = ok(studio(
        &db,
        &["import", "delegates", good.to_str().unwrap()],
    ));
    assert!(
        done.contains("已导入党代表名册：新增 1，更新 1，跳过 0"),
        "{done}"
    );
    let after = delegates(&db);
    assert_eq!(after.len(), before.len() + 1);
    assert!(after
        .iter()
        .any(|d| d["name"] == name && d["unit"] == unit && d["position"] == "特聘教授"));

    let again = ok(studio(
        &db,
        &["import", "delegates", good.to_str().unwrap()],
    ));
    assert!(
        again.contains("已导入党代表名册：新增 0，更新 0，跳过 2"),
        "{again}"
    );
    assert_eq!(delegates(&db).len(), before.len() + 1);
}

#[test]
fn exported_cards_import_as_duplicates_and_the_templates_are_written() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path());
    let x = dir.path().join("cards.xlsx");
    let exported = ok(studio(
        &db,
        &[
            "export",
            "cards",
            "--format",
            "xlsx",
            "--reason",
            "核对",
            "-o",
            x.to_str().unwrap(),
        ],
    ));
    // 已导出 74 张记录卡到 …
    let n: usize = exported
        .split_whitespace()
        .find_map(|w| w.parse().ok())
        .expect("the export says how many cards");
    assert!(n > 0);
    // Every exported card is already stored: 重复, nothing added.
    let o = ok(studio(&db, &["import", "cards", x.to_str().unwrap()]));
    assert!(
        o.contains(&format!("已导入记录卡：新增 0，更新 0，跳过 {n}")),
        "{o}"
    );
    assert!(o.contains("重复"), "{o}");

    for kind in ["delegates", "cards"] {
        let t = dir.path().join(format!("{kind}.xlsx"));
        let o = ok(studio(
            &db,
            &["import", "template", kind, "-o", t.to_str().unwrap()],
        ));
        assert!(o.contains("导入模板"), "{o}");
        assert_eq!(&std::fs::read(&t).unwrap()[..2], b"PK");
        // The template as it comes: only its example row, skipped.
        let o = ok(studio(
            &db,
            &["import", kind, t.to_str().unwrap(), "--dry-run"],
        ));
        assert!(o.contains("2\t示例行"), "{o}");
        assert!(o.contains("共 1 行：新增 0，更新 0，跳过 1"), "{o}");
    }
}

#[test]
fn a_delegate_account_may_not_import() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path());
    let t = dir.path().join("t.xlsx");
    ok(studio(
        &db,
        &["import", "template", "cards", "-o", t.to_str().unwrap()],
    ));
    for login in ["delegate", "head"] {
        let o = studio_env(
            &db,
            &[
                "--as",
                login,
                "import",
                "cards",
                t.to_str().unwrap(),
                "--dry-run",
            ],
            &[("STUDIO_PASSWORD", DEMO_PASSWORD)],
        );
        assert_eq!(o.status.code(), Some(1));
        assert!(stderr(&o).contains("没有权限：批量导入"), "{}", stderr(&o));
    }
    // A missing file is a user error, not a panic.
    let o = studio(&db, &["import", "cards", "/nonexistent/x.xlsx"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("无法读取"), "{}", stderr(&o));
}
