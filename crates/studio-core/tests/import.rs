//! Excel import of the roster and of paper cards, as the staff use it: a sheet made in Excel, the
//! preview, the import, through the core's public functions only.

use chrono::NaiveDate;
use rust_xlsxwriter::Workbook;
use studio_core::cards::{self, CardInput, CardQuery, CardStatus, Channel};
use studio_core::import::{self, ImportKind, ImportPreview, ImportStatus};
use studio_core::roster::{self, DelegateInput, DelegateQuery, DelegationInput, Gender};
use studio_core::storage::audit as log;
use studio_core::{Actor, Ctx, Error, Role, Store};

const TODAY: &str = "2025-11-20";

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn as_role(role: Role) -> Ctx {
    Ctx::new(Actor::new(format!("测试{}", role.label()), role), d(TODAY))
}

fn admin() -> Ctx {
    as_role(Role::Admin)
}

fn liaison() -> Ctx {
    as_role(Role::Liaison)
}

/// A roster of two delegations; 张建华 of 计算机工程学院 is already in it.
fn world() -> (Store, String) {
    let s = Store::open_in_memory().unwrap();
    let mut first = String::new();
    for name in ["理工代表团", "人文社科代表团"] {
        let g = roster::create_delegation(
            &s,
            &admin(),
            &DelegationInput {
                name: name.into(),
                ..Default::default()
            },
        )
        .unwrap();
        if first.is_empty() {
            first = g.id;
        }
    }
    let zjh = roster::create_delegate(
        &s,
        &admin(),
        &DelegateInput {
            name: "张建华".into(),
            gender: Gender::Male,
            delegation_id: first.clone(),
            unit: "计算机工程学院".into(),
            position: "教授".into(),
            mobile: "13812345678".into(),
            ..Default::default()
        },
    )
    .unwrap();
    (s, zjh.id)
}

/// A workbook whose first sheet holds `rows` (the first is the header), every cell as text.
fn xlsx(rows: &[&[&str]]) -> Vec<u8> {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            if !v.is_empty() {
                ws.write_string(r as u32, c as u16, *v).unwrap();
            }
        }
    }
    wb.save_to_buffer().unwrap()
}

const ROSTER_HEADER: &[&str] = &[
    "姓名",
    "性别",
    "所在代表团",
    "工作单位",
    "职务",
    "手机号码",
    "办公电话",
    "电子邮箱",
];

fn changes(s: &Store) -> Vec<studio_core::audit::ChangeRecord> {
    log::all(&s.reader().unwrap()).unwrap()
}

fn delegate_names(s: &Store) -> Vec<String> {
    let mut v: Vec<String> = roster::all_delegates(s, &admin())
        .unwrap()
        .into_iter()
        .map(|d| format!("{} {}", d.name, d.unit))
        .collect();
    v.sort();
    v
}

fn status_of(p: &ImportPreview, row: u32) -> ImportStatus {
    p.rows.iter().find(|r| r.row == row).unwrap().status
}

/// `第 N 行 列：message` of every error of the preview.
fn errors_of(p: &ImportPreview) -> Vec<String> {
    p.rows
        .iter()
        .flat_map(|r| r.errors.iter().map(|e| import::format_error(r.row, e)))
        .collect()
}

#[test]
fn a_roster_sheet_with_bad_rows_writes_nothing_and_names_each_rows_error() {
    let (s, _) = world();
    let sheet = xlsx(&[
        ROSTER_HEADER,
        &[
            "李丽华",
            "女",
            "人文社科代表团",
            "外国语学院",
            "副教授",
            "13900001111",
            "",
            "",
        ],
        &[
            "王小军",
            "男性",
            "理工代表团",
            "机械工程学院",
            "",
            "13900002222",
            "",
            "",
        ],
        &[
            "陈静",
            "女",
            "化工代表团",
            "化学学院",
            "",
            "13900003333",
            "",
            "",
        ],
        &[
            "刘洋",
            "男",
            "理工代表团",
            "材料学院",
            "",
            "1390000",
            "",
            "",
        ],
        &[
            "赵敏",
            "女",
            "理工代表团",
            "",
            "",
            "13900005555",
            "",
            "zhaomin@",
        ],
        &["孙伟", "男", "理工代表团", "物理学院", "", "", "", ""],
    ]);
    let before = changes(&s).len();
    let names = delegate_names(&s);

    let p = import::preview(&s, &admin(), ImportKind::Delegates, &sheet).unwrap();
    assert_eq!(p.rows.len(), 6);
    assert_eq!(status_of(&p, 2), ImportStatus::New);
    assert_eq!(p.error_rows, 5, "{:#?}", p.rows);
    let errors = errors_of(&p);
    for expected in [
        "第 3 行 性别：性别应为“男”或“女”",
        "第 4 行 所在代表团：名册中没有名为“化工代表团”的代表团，请先在名册中添加",
        "第 6 行 工作单位：请填写工作单位",
        "第 7 行 手机号码：手机号码和办公电话至少填写一项",
    ] {
        assert!(
            errors.iter().any(|e| e == expected),
            "{expected} not in {errors:#?}"
        );
    }
    assert!(
        errors.iter().any(|e| e.starts_with("第 5 行 手机号码：")),
        "{errors:#?}"
    );
    assert!(
        errors.iter().any(|e| e.starts_with("第 6 行 电子邮箱：")),
        "{errors:#?}"
    );
    assert!(p.summary().contains("有错误 5 行"), "{}", p.summary());

    // The import refuses, naming the rows, and writes nothing: not even the good row.
    match import::commit(&s, &admin(), ImportKind::Delegates, &sheet) {
        Err(Error::Invalid(m)) => {
            assert!(m.starts_with("有 5 行有错误，未导入任何数据："), "{m}");
            assert!(m.contains("第 3 行 性别：性别应为“男”或“女”"), "{m}");
        }
        other => panic!("expected a refusal, got {other:?}"),
    }
    assert_eq!(changes(&s).len(), before);
    assert_eq!(delegate_names(&s), names);
}

#[test]
fn a_good_roster_sheet_adds_and_updates_and_a_second_import_doubles_nothing() {
    let (s, zjh) = world();
    let sheet = xlsx(&[
        ROSTER_HEADER,
        // The template's example row is skipped.
        &[
            "示例：某某",
            "男",
            "理工代表团",
            "某学院",
            "",
            "13800000000",
            "",
            "",
        ],
        // 张建华 of 计算机工程学院 is in the roster: his new office phone and e-mail are taken,
        // the empty cells keep what the roster has.
        &[
            "张建华",
            "",
            "",
            "计算机工程学院",
            "",
            "",
            "0571-88881234",
            "ZJH@Example.edu.cn",
        ],
        &[
            "李丽华",
            "女",
            "人文社科代表团",
            "外国语学院",
            "副教授",
            "139 0000 1111",
            "",
            "",
        ],
        // Same name, another unit: another person.
        &[
            "张建华",
            "男",
            "理工代表团",
            "机械工程学院",
            "讲师",
            "13900002222",
            "",
            "",
        ],
    ]);
    let before = changes(&s).len();
    let p = import::preview(&s, &liaison_admin(), ImportKind::Delegates, &sheet).unwrap();
    assert_eq!(
        p.rows.iter().map(|r| r.status).collect::<Vec<_>>(),
        vec![
            ImportStatus::Example,
            ImportStatus::Update,
            ImportStatus::New,
            ImportStatus::New
        ]
    );
    assert_eq!((p.added, p.updated, p.skipped, p.error_rows), (2, 1, 1, 0));
    let row3 = &p.rows[1];
    assert_eq!(row3.row, 3);
    assert!(
        row3.note.contains("名册中已有：张建华（理工代表团）"),
        "{}",
        row3.note
    );
    assert_eq!(row3.cells[0], "张建华");
    assert_eq!(row3.cells[2], "理工代表团");
    // The preview wrote nothing.
    assert_eq!(changes(&s).len(), before);

    let report = import::commit(&s, &admin(), ImportKind::Delegates, &sheet).unwrap();
    assert_eq!((report.added, report.updated, report.skipped), (2, 1, 1));
    assert_eq!(report.summary(), "已导入党代表名册：新增 2，更新 1，跳过 1");

    // One change record per written row, all `import`.
    let new: Vec<_> = changes(&s).into_iter().skip(before).collect();
    assert_eq!(new.len(), 3);
    assert!(new
        .iter()
        .all(|c| c.action == "import" && c.entity == "delegate"));

    let z = roster::get_delegate(&s, &admin(), &zjh).unwrap();
    assert_eq!(z.office_phone, "0571-88881234");
    assert_eq!(z.email, "zjh@example.edu.cn");
    assert_eq!(
        z.mobile, "13812345678",
        "an empty cell keeps the roster's value"
    );
    assert_eq!(z.position, "教授");
    assert_eq!(z.version, 2);
    let listed = delegate_names(&s);
    assert_eq!(
        listed,
        vec![
            "张建华 机械工程学院",
            "张建华 计算机工程学院",
            "李丽华 外国语学院"
        ]
    );
    let li = roster::list_delegates(
        &s,
        &admin(),
        &DelegateQuery {
            q: "李丽华".into(),
            ..Default::default()
        },
    )
    .unwrap();
    let li = roster::get_delegate(&s, &admin(), &li.items[0].id).unwrap();
    assert_eq!(
        li.mobile, "13900001111",
        "normalised by the roster's own rule"
    );
    assert_eq!(li.gender, Gender::Female);

    // The same sheet again: every row is 无变化 and nothing is written.
    let again = import::preview(&s, &admin(), ImportKind::Delegates, &sheet).unwrap();
    assert!(again.rows[1..]
        .iter()
        .all(|r| r.status == ImportStatus::Unchanged));
    let report = import::commit(&s, &admin(), ImportKind::Delegates, &sheet).unwrap();
    assert_eq!((report.added, report.updated, report.skipped), (0, 0, 4));
    assert_eq!(changes(&s).len(), before + 3);
    assert_eq!(delegate_names(&s), listed);
}

/// The administrator (the roster is theirs).
fn liaison_admin() -> Ctx {
    admin()
}

#[test]
fn two_rows_for_one_delegate_are_an_error_not_two_delegates() {
    let (s, _) = world();
    let sheet = xlsx(&[
        ROSTER_HEADER,
        &[
            "李丽华",
            "女",
            "人文社科代表团",
            "外国语学院",
            "",
            "13900001111",
            "",
            "",
        ],
        &[
            "李丽华",
            "女",
            "人文社科代表团",
            "外国语学院",
            "",
            "13900001112",
            "",
            "",
        ],
    ]);
    let p = import::preview(&s, &admin(), ImportKind::Delegates, &sheet).unwrap();
    assert_eq!(
        errors_of(&p),
        vec!["第 3 行 姓名：与第 2 行是同一位党代表（姓名和工作单位相同）"]
    );
    assert!(import::commit(&s, &admin(), ImportKind::Delegates, &sheet).is_err());
    assert_eq!(delegate_names(&s).len(), 1);
}

const CARD_HEADER: &[&str] = &[
    "党代表姓名",
    "所在代表团",
    "联系日期",
    "联系对象姓名",
    "性别",
    "联系电话",
    "来访人数",
    "联系形式",
    "其他形式说明",
    "党员和群众所提意见建议或问题",
    "党代表处理意见及办理情况",
    "反馈日期",
    "交回日期",
];

fn card_list(s: &Store) -> Vec<studio_core::cards::CardListItem> {
    cards::list_cards(s, &liaison(), &CardQuery::default())
        .unwrap()
        .items
}

#[test]
fn paper_cards_are_added_once_and_a_reimport_doubles_nothing() {
    let (s, zjh) = world();
    // A card already typed in by hand.
    cards::create_card(
        &s,
        &liaison(),
        &CardInput {
            delegate_id: zjh.clone(),
            contact_date: "2025-09-29".into(),
            person_name: "赵小明".into(),
            channel: Some(Channel::Studio),
            opinion: "反映南区食堂晚餐供应时间短。".into(),
            ..Default::default()
        },
    )
    .unwrap();
    let sheet = xlsx(&[
        CARD_HEADER,
        // The stored card: 重复.
        &[
            "张建华",
            "",
            "2025-09-29",
            "赵小明",
            "男",
            "",
            "",
            "党代表工作室",
            "",
            "反映南区食堂晚餐供应时间短。",
            "",
            "",
            "",
        ],
        // Handed in on paper: 已提交, dates typed the Chinese way.
        &[
            "张建华",
            "理工代表团",
            "2025年10月9日",
            "钱芳",
            "女",
            "13987654321",
            "3",
            "走访慰问",
            "",
            "希望图书馆延长考试周开放时间。",
            "已转图书馆，考试周延长至 23:00。",
            "2025/10/10",
            "2025-10-14",
        ],
        // A draft.
        &[
            "张建华",
            "",
            "2025-11-03",
            "孙磊",
            "",
            "",
            "",
            "其他形式",
            "电话联系",
            "询问职称评审材料提交时间。",
            "",
            "",
            "",
        ],
        // The same contact as the row above: 重复.
        &[
            "张建华",
            "",
            "2025-11-03",
            "孙磊",
            "",
            "",
            "",
            "其他形式",
            "电话联系",
            "询问职称评审材料提交时间。",
            "",
            "",
            "",
        ],
    ]);
    let p = import::preview(&s, &liaison(), ImportKind::Cards, &sheet).unwrap();
    assert_eq!(
        p.rows.iter().map(|r| r.status).collect::<Vec<_>>(),
        vec![
            ImportStatus::Duplicate,
            ImportStatus::New,
            ImportStatus::New,
            ImportStatus::Duplicate
        ],
        "{:#?}",
        p.rows
    );
    assert!(
        p.rows[0].note.starts_with("与已有记录卡 2025-0001 相同"),
        "{}",
        p.rows[0].note
    );
    assert!(
        p.rows[3].note.starts_with("与第 4 行相同"),
        "{}",
        p.rows[3].note
    );
    assert_eq!(p.rows[1].cells[0], "张建华（理工代表团）");
    assert_eq!(p.rows[1].cells[1], "2025-10-09");
    let before = changes(&s).len();

    let report = import::commit(&s, &liaison(), ImportKind::Cards, &sheet).unwrap();
    assert_eq!((report.added, report.updated, report.skipped), (2, 0, 2));
    let new: Vec<_> = changes(&s).into_iter().skip(before).collect();
    assert_eq!(new.len(), 2, "one change record per card");
    assert!(new
        .iter()
        .all(|c| c.action == "import" && c.entity == "card"));

    let list = card_list(&s);
    assert_eq!(list.len(), 3);
    let qian = list.iter().find(|c| c.person_name == "钱芳").unwrap();
    assert_eq!(qian.status, CardStatus::Submitted);
    assert_eq!(qian.filed_on.as_deref(), Some("2025-10-14"));
    assert_eq!(qian.group_size, 3);
    assert_eq!(qian.no, "2025-0002");
    let sun = list.iter().find(|c| c.person_name == "孙磊").unwrap();
    assert_eq!(sun.status, CardStatus::Draft);
    assert_eq!(sun.channel, Channel::Other);
    assert_eq!(sun.channel_other, "电话联系");
    let full = cards::get_card(&s, &liaison(), &qian.id).unwrap();
    assert_eq!(
        full.delegate_unit_position, "计算机工程学院 教授",
        "the roster's snapshot"
    );
    // Fed back on Friday 10 October; Saturday 11 October 2025 was a make-up working day.
    assert_eq!(full.due_on.as_deref(), Some("2025-10-14"));
    assert!(!full.filed_late);

    // Again: all 重复, nothing written.
    let again = import::preview(&s, &liaison(), ImportKind::Cards, &sheet).unwrap();
    assert!(again
        .rows
        .iter()
        .all(|r| r.status == ImportStatus::Duplicate));
    let report = import::commit(&s, &liaison(), ImportKind::Cards, &sheet).unwrap();
    assert_eq!((report.added, report.updated, report.skipped), (0, 0, 4));
    assert_eq!(card_list(&s).len(), 3);
    assert_eq!(changes(&s).len(), before + 2);
}

#[test]
fn a_cards_sheet_with_bad_rows_writes_nothing_and_names_each_rows_error() {
    let (s, _) = world();
    let sheet = xlsx(&[
        CARD_HEADER,
        &[
            "张建华",
            "",
            "2025-10-09",
            "钱芳",
            "",
            "",
            "",
            "党代表工作室",
            "",
            "希望延长开放时间。",
            "",
            "",
            "",
        ],
        &[
            "王五",
            "",
            "2025-10-09",
            "钱芳",
            "",
            "",
            "",
            "党代表工作室",
            "",
            "希望延长开放时间。",
            "",
            "",
            "",
        ],
        &[
            "张建华",
            "",
            "2025-13-09",
            "李四",
            "",
            "",
            "",
            "党代表工作室",
            "",
            "希望延长开放时间。",
            "",
            "",
            "",
        ],
        &[
            "张建华",
            "",
            "2025-10-09",
            "周五",
            "",
            "",
            "",
            "电话",
            "",
            "希望延长开放时间。",
            "",
            "",
            "",
        ],
        &[
            "张建华",
            "",
            "2025-10-09",
            "吴六",
            "",
            "",
            "",
            "约见",
            "",
            "",
            "",
            "",
            "",
        ],
        &[
            "张建华",
            "",
            "2025-10-09",
            "郑七",
            "",
            "",
            "",
            "约见",
            "",
            "希望延长开放时间。",
            "",
            "",
            "2025-10-10",
        ],
        &[
            "张建华",
            "",
            "2025-10-09",
            "冯八",
            "",
            "",
            "两个",
            "约见",
            "",
            "希望延长开放时间。",
            "",
            "",
            "",
        ],
    ]);
    let before = changes(&s).len();
    let p = import::preview(&s, &liaison(), ImportKind::Cards, &sheet).unwrap();
    assert_eq!(status_of(&p, 2), ImportStatus::New);
    assert_eq!(p.error_rows, 6, "{:#?}", p.rows);
    let errors = errors_of(&p);
    for expected in [
        "第 3 行 党代表姓名：名册中没有名为“王五”的党代表",
        "第 4 行 联系日期：联系日期格式应为 YYYY-MM-DD，例如 2025-10-01",
        "第 5 行 联系形式：联系形式应为：党代表工作室、网上工作室、约见、走访慰问、其他形式",
        "第 6 行 党员和群众所提意见建议或问题：请填写党员和群众所提意见建议或问题",
        "第 7 行 反馈日期：提交前请填写反馈日期（向党员群众反馈办理结果的日期）",
        "第 8 行 来访人数：来访人数应为整数",
    ] {
        assert!(
            errors.iter().any(|e| e == expected),
            "{expected} not in {errors:#?}"
        );
    }
    assert!(
        errors
            .iter()
            .any(|e| e.starts_with("第 7 行 党代表处理意见及办理情况：")),
        "{errors:#?}"
    );
    assert!(import::commit(&s, &liaison(), ImportKind::Cards, &sheet).is_err());
    assert_eq!(changes(&s).len(), before);
    assert!(card_list(&s).is_empty());
}

#[test]
fn only_staff_may_import_and_only_the_administrator_the_roster() {
    let (s, zjh) = world();
    let roster_sheet = xlsx(&[
        ROSTER_HEADER,
        &[
            "李丽华",
            "女",
            "理工代表团",
            "外国语学院",
            "",
            "13900001111",
            "",
            "",
        ],
    ]);
    let card_sheet = xlsx(&[
        CARD_HEADER,
        &[
            "张建华",
            "",
            "2025-10-09",
            "钱芳",
            "",
            "",
            "",
            "党代表工作室",
            "",
            "希望延长开放时间。",
            "",
            "",
            "",
        ],
    ]);
    let before = changes(&s).len();
    for role in [Role::Visitor, Role::Delegate, Role::Head, Role::Auditor] {
        let ctx = Ctx::new(Actor::new("某人", role).as_delegate(&zjh, "g"), d(TODAY));
        for (kind, sheet) in [
            (ImportKind::Delegates, &roster_sheet),
            (ImportKind::Cards, &card_sheet),
        ] {
            for r in [
                import::preview(&s, &ctx, kind, sheet).map(drop),
                import::commit(&s, &ctx, kind, sheet).map(drop),
                import::template(&s, &ctx, kind).map(drop),
            ] {
                match r {
                    Err(Error::Forbidden(m)) => assert!(m.contains("没有权限"), "{m}"),
                    other => panic!("{role:?} {kind:?}: expected a refusal, got {other:?}"),
                }
            }
        }
    }
    // A liaison officer imports cards, not the roster (维护名册 is the administrator's).
    match import::commit(&s, &liaison(), ImportKind::Delegates, &roster_sheet) {
        Err(Error::Forbidden(m)) => assert!(m.contains("维护名册"), "{m}"),
        other => panic!("expected a refusal, got {other:?}"),
    }
    assert_eq!(changes(&s).len(), before);
    assert!(import::commit(&s, &liaison(), ImportKind::Cards, &card_sheet).is_ok());
    assert!(import::commit(&s, &admin(), ImportKind::Delegates, &roster_sheet).is_ok());
}

#[test]
fn the_templates_read_back_and_import_nothing_but_their_example() {
    use calamine::{Data, Reader};
    let (s, _) = world();
    for kind in ImportKind::ALL {
        let bytes = import::template(&s, &admin(), kind).unwrap();
        let mut wb =
            calamine::open_workbook_auto_from_rs(std::io::Cursor::new(bytes.clone())).unwrap();
        assert_eq!(
            wb.sheet_names(),
            vec![kind.label().to_string(), "填写说明".to_string()]
        );
        let range = wb.worksheet_range_at(0).unwrap().unwrap();
        let header: Vec<String> = range
            .rows()
            .next()
            .unwrap()
            .iter()
            .map(Data::to_string)
            .collect();
        match kind {
            ImportKind::Delegates => {
                assert_eq!(&header[..4], ["姓名", "性别", "所在代表团", "工作单位"])
            }
            ImportKind::Cards => assert_eq!(&header[..3], ["党代表姓名", "所在代表团", "联系日期"]),
        }
        let p = import::preview(&s, &admin(), kind, &bytes).unwrap();
        assert_eq!(p.rows.len(), 1);
        assert_eq!(p.rows[0].status, ImportStatus::Example);
        assert_eq!(p.rows[0].row, 2);
        let help = wb.worksheet_range("填写说明").unwrap();
        let text: String = help.rows().flatten().map(Data::to_string).collect();
        if kind == ImportKind::Delegates {
            assert!(
                text.contains("人文社科代表团、理工代表团"),
                "the roster's delegations listed"
            );
        } else {
            assert!(text.contains("党代表工作室、网上工作室、约见、走访慰问、其他形式"));
        }
    }
}

#[test]
fn files_that_are_not_a_sheet_or_too_big_or_lack_a_column_are_refused() {
    let (s, _) = world();
    let refused = |bytes: &[u8]| match import::preview(&s, &admin(), ImportKind::Delegates, bytes) {
        Err(Error::Invalid(m)) => m,
        other => panic!("expected a refusal, got {other:?}"),
    };
    assert!(refused(b"not a workbook").starts_with("无法读取该文件"));
    assert!(refused(&vec![0u8; import::MAX_FILE_BYTES + 1]).starts_with("文件过大"));
    let m = refused(&xlsx(&[&["姓名", "性别"], &["李丽华", "女"]]));
    assert_eq!(
        m,
        "表格缺少必填的列：所在代表团、工作单位。请使用党代表名册导入模板"
    );
    assert!(refused(&xlsx(&[&["编号", "备注"], &["1", "x"]]))
        .starts_with("第一行不是党代表名册导入模板的列名"));
    assert_eq!(refused(&xlsx(&[ROSTER_HEADER])), "表格中除列名外没有数据行");
    // A cell longer than the bound is refused with its row and column.
    let long = "长".repeat(import::MAX_CELL_CHARS + 1);
    let p = import::preview(
        &s,
        &admin(),
        ImportKind::Delegates,
        &xlsx(&[
            ROSTER_HEADER,
            &[
                "李丽华",
                "女",
                "理工代表团",
                "外国语学院",
                &long,
                "13900001111",
                "",
                "",
            ],
        ]),
    )
    .unwrap();
    assert_eq!(
        errors_of(&p),
        vec![format!(
            "第 2 行 职务：内容过长（超过 {} 字）",
            import::MAX_CELL_CHARS
        )]
    );
}

#[test]
fn a_card_dated_after_its_delegate_left_is_an_error_in_the_preview() {
    let (s, zjh) = world();
    let v = roster::get_delegate(&s, &admin(), &zjh).unwrap().version;
    roster::mark_delegate_left(&s, &admin(), &zjh, v, Some("2025-06-30")).unwrap();
    let sheet = xlsx(&[
        CARD_HEADER,
        &[
            "张建华",
            "",
            "2025-06-30",
            "钱芳",
            "",
            "",
            "",
            "约见",
            "",
            "希望延长开放时间。",
            "",
            "",
            "",
        ],
        &[
            "张建华",
            "",
            "2025-07-01",
            "孙磊",
            "",
            "",
            "",
            "约见",
            "",
            "希望延长开放时间。",
            "",
            "",
            "",
        ],
    ]);
    let p = import::preview(&s, &liaison(), ImportKind::Cards, &sheet).unwrap();
    assert_eq!(status_of(&p, 2), ImportStatus::New);
    assert_eq!(
        errors_of(&p),
        vec!["第 3 行 党代表姓名：张建华 已于 2025-06-30 离任，联系日期晚于离任日期"]
    );
    assert!(import::commit(&s, &liaison(), ImportKind::Cards, &sheet).is_err());
    assert!(card_list(&s).is_empty());
}

#[test]
fn namesakes_in_one_unit_are_not_guessed() {
    let (s, zjh) = world();
    let z = roster::get_delegate(&s, &admin(), &zjh).unwrap();
    // A second 张建华 of 计算机工程学院 (the roster warns, but allows it).
    roster::create_delegate(
        &s,
        &admin(),
        &DelegateInput {
            name: z.name.clone(),
            gender: Gender::Male,
            delegation_id: z.delegation_id.clone(),
            unit: z.unit.clone(),
            mobile: "13700000000".into(),
            ..Default::default()
        },
    )
    .unwrap();
    let sheet = xlsx(&[
        ROSTER_HEADER,
        &["张建华", "", "", "计算机工程学院", "院长", "", "", ""],
    ]);
    let p = import::preview(&s, &admin(), ImportKind::Delegates, &sheet).unwrap();
    assert_eq!(
        errors_of(&p),
        vec!["第 2 行 姓名：名册中有 2 位姓名和工作单位都相同的党代表，无法确定更新哪一位，请在名册中处理"]
    );
}

/// A roster sheet of `n` new delegates (all good rows).
fn many_delegates(n: usize) -> Vec<u8> {
    let names: Vec<String> = (0..n).map(|i| format!("新代表{i:04}")).collect();
    let phones: Vec<String> = (0..n).map(|i| format!("1380000{i:04}")).collect();
    let mut rows: Vec<Vec<&str>> = vec![ROSTER_HEADER.to_vec()];
    for i in 0..n {
        rows.push(vec![
            &names[i],
            "男",
            "理工代表团",
            "计算机工程学院",
            "",
            &phones[i],
            "",
            "",
        ]);
    }
    let refs: Vec<&[&str]> = rows.iter().map(|r| r.as_slice()).collect();
    xlsx(&refs)
}

#[test]
fn the_import_reports_progress_and_a_cancelled_import_writes_nothing() {
    let (s, _) = world();
    let sheet = many_delegates(450);
    let before_names = delegate_names(&s);
    let before_changes = changes(&s).len();

    // The preview: rows checked, 0 first and all 450 at the end.
    let mut seen = Vec::new();
    let p =
        import::preview_with_progress(&s, &admin(), ImportKind::Delegates, &sheet, &mut |d, t| {
            seen.push((d, t));
            true
        })
        .unwrap();
    assert_eq!(p.added, 450);
    assert_eq!(seen.first(), Some(&(0, 450)));
    assert_eq!(seen.last(), Some(&(450, 450)));
    assert!(seen.contains(&(200, 450)) && seen.contains(&(400, 450)));
    // Cancelled in the preview: an error, nothing else.
    let r =
        import::preview_with_progress(&s, &admin(), ImportKind::Delegates, &sheet, &mut |d, _| {
            d < 200
        });
    assert!(matches!(r, Err(Error::Cancelled)), "{r:?}");

    // 取消 while the rows are being written (after 300 of 450 written): nothing is written.
    let mut asked = Vec::new();
    let r =
        import::commit_with_progress(&s, &admin(), ImportKind::Delegates, &sheet, &mut |d, t| {
            asked.push((d, t));
            d < 450 + 300
        });
    assert!(matches!(r, Err(Error::Cancelled)), "{r:?}");
    assert!(asked.contains(&(600, 900)), "{asked:?}");
    assert_eq!(delegate_names(&s), before_names, "no delegate written");
    assert_eq!(changes(&s).len(), before_changes, "no change record");
    // 取消 at the very last question, once every row is written but before the commit: nothing.
    let r =
        import::commit_with_progress(&s, &admin(), ImportKind::Delegates, &sheet, &mut |d, t| {
            !(d == t && t == 900)
        });
    assert!(matches!(r, Err(Error::Cancelled)), "{r:?}");
    assert_eq!(delegate_names(&s), before_names);

    // Not cancelled: every row, and the bar ends full.
    let mut last = (0, 0);
    let report =
        import::commit_with_progress(&s, &admin(), ImportKind::Delegates, &sheet, &mut |d, t| {
            last = (d, t);
            true
        })
        .unwrap();
    assert_eq!(report.added, 450);
    assert_eq!(last, (900, 900));
    assert_eq!(delegate_names(&s).len(), before_names.len() + 450);
}
