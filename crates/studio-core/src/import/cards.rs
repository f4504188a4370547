//! Paper cards typed into a sheet: one card a row, checked as the card form (and, when a 交回日期
//! is given, as submitting) checks it; a card of the same delegate, contact date and person as a
//! stored card or an earlier row is 重复 and skipped.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::Connection;

use super::sheet::{normalize_date, Table};
use super::steps::Steps;
use super::{at_row, pre_check, row_errors, Column, ColumnMap, ImportRow, ImportStatus, RowError};
use crate::cards::{self, CardInput, Channel, PoliticalStatus};
use crate::error::Result;
use crate::roster::Gender;
use crate::storage::{import as db, Write};

const fn col(
    key: &'static str,
    header: &'static str,
    aliases: &'static [&'static str],
    width: f64,
    required: bool,
    example: &'static str,
    hint: &'static str,
) -> Column {
    Column {
        key,
        header,
        aliases,
        width,
        required,
        example,
        hint,
    }
}

pub(super) const COLUMNS: &[Column] = &[
    col(
        "delegate_id",
        "党代表姓名",
        &["党代表"],
        10.0,
        true,
        "示例：张建华",
        "必填，须是名册中的党代表",
    ),
    col(
        "delegation",
        "所在代表团",
        &["代表团"],
        16.0,
        false,
        "理工代表团",
        "名册中有同名党代表时必填",
    ),
    col(
        "contact_date",
        "联系日期",
        &[],
        12.0,
        true,
        "2025-09-29",
        "必填，如 2025-09-29",
    ),
    col(
        "person_name",
        "联系对象姓名",
        &["联系对象"],
        12.0,
        true,
        "赵小明",
        "必填",
    ),
    col(
        "person_gender",
        "性别",
        &["联系对象性别"],
        6.0,
        false,
        "男",
        "男 或 女",
    ),
    col(
        "person_age",
        "年龄",
        &["联系对象年龄"],
        6.0,
        false,
        "21",
        "整数",
    ),
    col(
        "person_political_status",
        "政治面貌",
        &["联系对象政治面貌"],
        12.0,
        false,
        "共青团员",
        "",
    ),
    col(
        "person_unit_position",
        "工作单位及职务",
        &["联系对象工作单位及职务"],
        24.0,
        false,
        "计算机工程学院2023级本科生",
        "",
    ),
    col(
        "person_phone",
        "联系电话",
        &["联系对象联系电话"],
        15.0,
        false,
        "13987654321",
        "手机或带区号的固定电话",
    ),
    col(
        "person_address",
        "详细通讯地址或E-mail",
        &["通讯地址或E-mail", "通讯地址"],
        26.0,
        false,
        "南区3号宿舍楼215室",
        "",
    ),
    col(
        "group_size",
        "来访人数",
        &["人数"],
        8.0,
        false,
        "1",
        "空白为 1",
    ),
    col(
        "channel",
        "联系形式",
        &[],
        12.0,
        true,
        "党代表工作室",
        "必填",
    ),
    col(
        "channel_other",
        "其他形式说明",
        &[],
        12.0,
        false,
        "",
        "联系形式为“其他形式”时必填，如 电话联系",
    ),
    col(
        "opinion",
        "党员和群众所提意见建议或问题",
        &["意见建议或问题"],
        50.0,
        true,
        "反映南区食堂晚餐供应时间短，希望延长营业时间。",
        "必填",
    ),
    col(
        "handling",
        "党代表处理意见及办理情况",
        &["处理意见及办理情况"],
        50.0,
        false,
        "已与后勤管理处沟通，南区食堂晚餐延长至晚上八点半。",
        "已交回的记录卡必填",
    ),
    col(
        "feedback_on",
        "反馈日期",
        &[],
        12.0,
        false,
        "2025-09-30",
        "向党员群众反馈办理结果的日期",
    ),
    col(
        "filed_on",
        "交回日期",
        &[],
        12.0,
        false,
        "2025-10-09",
        "填写则导入为已提交，空白则为草稿",
    ),
];

pub(super) const KEY_HEADERS: &[&str] = &[
    "党代表",
    "联系日期",
    "联系对象",
    "联系形式",
    "意见摘要",
    "交回日期",
];

/// Characters of the opinion a preview row shows.
const EXCERPT: usize = 30;

pub(super) fn lists() -> Vec<(&'static str, Vec<String>)> {
    let labels = |v: Vec<&str>| v.into_iter().map(String::from).collect::<Vec<_>>();
    vec![
        (
            "person_gender",
            labels(Gender::ALL.iter().map(|g| g.label()).collect()),
        ),
        (
            "person_political_status",
            labels(PoliticalStatus::ALL.iter().map(|p| p.label()).collect()),
        ),
        (
            "channel",
            labels(Channel::ALL.iter().map(|c| c.label()).collect()),
        ),
    ]
}

pub(super) struct Action {
    row: u32,
    input: CardInput,
    filed_on: Option<String>,
}

pub(super) struct Plan {
    pub rows: Vec<ImportRow>,
    pub actions: Vec<Action>,
    pub ignored: Vec<String>,
}

fn err(column: &str, message: impl Into<String>) -> RowError {
    RowError {
        column: column.into(),
        message: message.into(),
    }
}

fn one_of<T: Copy>(all: &[T], label: impl Fn(T) -> &'static str, s: &str) -> Option<T> {
    all.iter().copied().find(|v| label(*v) == s)
}

fn list_text<T: Copy>(all: &[T], label: impl Fn(T) -> &'static str) -> String {
    all.iter().map(|v| label(*v)).collect::<Vec<_>>().join("、")
}

pub(super) fn plan(
    conn: &Connection,
    table: &Table,
    today: NaiveDate,
    steps: &mut Steps<'_>,
) -> Result<Plan> {
    let map = ColumnMap::new(COLUMNS, &table.headers, super::ImportKind::Cards)?;
    let mut by_name: HashMap<String, Vec<db::DelegateKey>> = HashMap::new();
    for k in db::delegate_keys(conn)? {
        by_name.entry(k.name.clone()).or_default().push(k);
    }
    let mut seen: HashMap<(String, String, String), u32> = HashMap::new();
    let mut rows = Vec::with_capacity(table.rows.len());
    let mut actions = Vec::new();

    for r in &table.rows {
        steps.step()?;
        if let Some(row) = pre_check(&map, r) {
            rows.push(row);
            continue;
        }
        let cell = |k: &str| map.get(r, k);
        let mut errors = Vec::new();

        // 党代表: by name, and by delegation when several share it.
        let name = cell("delegate_id");
        let delegation = cell("delegation");
        let delegate = if name.is_empty() {
            errors.push(err("党代表姓名", "请填写党代表姓名"));
            None
        } else {
            let all = by_name.get(name).map_or(&[][..], Vec::as_slice);
            let fit: Vec<&db::DelegateKey> = all
                .iter()
                .filter(|k| delegation.is_empty() || k.delegation_name == delegation)
                .collect();
            match fit.as_slice() {
                [k] => Some(*k),
                [] if all.is_empty() => {
                    errors.push(err("党代表姓名", format!("名册中没有名为“{name}”的党代表")));
                    None
                }
                [] => {
                    errors.push(err(
                        "所在代表团",
                        format!("“{delegation}”中没有名为“{name}”的党代表"),
                    ));
                    None
                }
                many => {
                    errors.push(err(
                        "所在代表团",
                        format!(
                            "名册中有 {} 位名为“{name}”的党代表，请填写所在代表团以区分",
                            many.len()
                        ),
                    ));
                    None
                }
            }
        };

        let person_gender = match cell("person_gender") {
            "" => None,
            s => one_of(&Gender::ALL, Gender::label, s).or_else(|| {
                errors.push(err("性别", "性别应为“男”或“女”"));
                None
            }),
        };
        let person_political_status = match cell("person_political_status") {
            "" => None,
            s => one_of(&PoliticalStatus::ALL, PoliticalStatus::label, s).or_else(|| {
                errors.push(err(
                    "政治面貌",
                    format!(
                        "政治面貌应为：{}",
                        list_text(&PoliticalStatus::ALL, PoliticalStatus::label)
                    ),
                ));
                None
            }),
        };
        let channel = match cell("channel") {
            "" => None,
            "其他" => Some(Channel::Other),
            s => one_of(&Channel::ALL, Channel::label, s).or_else(|| {
                errors.push(err(
                    "联系形式",
                    format!("联系形式应为：{}", list_text(&Channel::ALL, Channel::label)),
                ));
                None
            }),
        };
        let mut whole = |k: &str, header: &str, default: Option<u32>| -> Option<u32> {
            match cell(k) {
                "" => default,
                s => s.parse::<u32>().ok().or_else(|| {
                    errors.push(err(header, format!("{header}应为整数")));
                    None
                }),
            }
        };
        let person_age = whole("person_age", "年龄", None);
        let group_size = whole("group_size", "来访人数", Some(1));
        let feedback = normalize_date(cell("feedback_on"));
        let filed = normalize_date(cell("filed_on"));
        let input = CardInput {
            delegate_id: delegate.map(|k| k.id.clone()).unwrap_or_default(),
            refresh_snapshot: false,
            contact_date: normalize_date(cell("contact_date")),
            person_name: cell("person_name").to_string(),
            person_gender,
            person_age,
            person_political_status,
            person_unit_position: cell("person_unit_position").to_string(),
            person_phone: cell("person_phone").to_string(),
            person_address: cell("person_address").to_string(),
            person_consent: None,
            group_size: group_size.unwrap_or(1),
            channel,
            channel_other: cell("channel_other").to_string(),
            opinion: cell("opinion").to_string(),
            handling: cell("handling").to_string(),
            feedback_on: (!feedback.is_empty()).then_some(feedback),
        };
        let filed_on = (!filed.is_empty()).then_some(filed);
        let excerpt: String = {
            let o = input.opinion.trim();
            let mut e: String = o.chars().take(EXCERPT).collect();
            if o.chars().count() > EXCERPT {
                e.push('…');
            }
            e
        };
        let cells = vec![
            delegate.map_or_else(
                || name.to_string(),
                |k| format!("{}（{}）", k.name, k.delegation_name),
            ),
            input.contact_date.clone(),
            input.person_name.trim().to_string(),
            input
                .channel
                .map_or_else(|| cell("channel").to_string(), |c| c.label().to_string()),
            excerpt,
            filed_on.clone().unwrap_or_default(),
        ];

        // 重复: the same contact stored, or earlier in the sheet: skipped, not checked.
        if let Some(k) = delegate {
            let key = (
                k.id.clone(),
                input.contact_date.clone(),
                input.person_name.trim().to_string(),
            );
            let stored = db::same_contact(conn, &key.0, &key.1, &key.2)?;
            let dup = match (stored, seen.get(&key)) {
                (Some(no), _) => Some(format!(
                    "与已有记录卡 {no} 相同（同一党代表、联系日期和联系对象）"
                )),
                (None, Some(first)) => Some(format!(
                    "与第 {first} 行相同（同一党代表、联系日期和联系对象）"
                )),
                (None, None) => None,
            };
            if let Some(note) = dup {
                rows.push(ImportRow {
                    status_label: String::new(),
                    row: r.number,
                    status: ImportStatus::Duplicate,
                    cells,
                    note,
                    errors: Vec::new(),
                });
                continue;
            }
            seen.insert(key, r.number);
        }

        if let Some(k) = delegate {
            if let Err(e) = cards::check_delegate_on(conn, &k.id, &input.contact_date) {
                errors.extend(row_errors(&map, e));
            }
        }
        if let Err(e) = cards::check_import_card(&input, filed_on.as_deref(), today) {
            for re in row_errors(&map, e) {
                // An unknown delegate was named above; the card form's 请选择党代表 says less.
                if !(re.column == "党代表姓名" && delegate.is_none()) {
                    errors.push(re);
                }
            }
        }
        let status = if errors.is_empty() {
            actions.push(Action {
                row: r.number,
                input,
                filed_on,
            });
            ImportStatus::New
        } else {
            ImportStatus::Error
        };
        rows.push(ImportRow {
            status_label: String::new(),
            row: r.number,
            status,
            cells,
            note: String::new(),
            errors,
        });
    }
    Ok(Plan {
        rows,
        actions,
        ignored: map.ignored,
    })
}

pub(super) fn write(
    tx: &mut Write<'_>,
    actions: Vec<Action>,
    steps: &mut Steps<'_>,
) -> Result<usize> {
    let n = actions.len();
    for a in actions {
        steps.step()?;
        cards::import_card_in(tx, &a.input, a.filed_on.as_deref())
            .map_err(|e| at_row(COLUMNS, a.row, e))?;
    }
    Ok(n)
}
