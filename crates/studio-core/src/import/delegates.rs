//! The roster's sheet: one delegate a row. Checked by `roster::validate::delegate`; matched with
//! the roster by name and unit (更新 / 无变化), and with the sheet's earlier rows.

use std::collections::HashMap;

use rusqlite::Connection;

use super::sheet::Table;
use super::steps::Steps;
use super::{at_row, pre_check, row_errors, Column, ColumnMap, ImportRow, ImportStatus, RowError};
use crate::error::Result;
use crate::roster::{self, Delegate, DelegateInput, Gender};
use crate::storage::{import as db, roster as roster_db, Write};

pub(super) const COLUMNS: &[Column] = &[
    col(
        "name",
        "姓名",
        &["党代表姓名"],
        10.0,
        true,
        "示例：张建华",
        "必填，20 字以内",
    ),
    col("gender", "性别", &[], 6.0, true, "男", "必填：男 或 女"),
    col(
        "delegation_id",
        "所在代表团",
        &["代表团"],
        18.0,
        true,
        "理工代表团",
        "必填，须是名册中已有的代表团",
    ),
    col(
        "unit",
        "工作单位",
        &[],
        24.0,
        true,
        "计算机工程学院",
        "必填",
    ),
    col("position", "职务", &[], 16.0, false, "教授", ""),
    col(
        "mobile",
        "手机号码",
        &["手机"],
        14.0,
        false,
        "13812345678",
        "手机号码和办公电话至少填写一项",
    ),
    col(
        "office_phone",
        "办公电话",
        &[],
        14.0,
        false,
        "0571-88881234",
        "带区号",
    ),
    col(
        "email",
        "电子邮箱",
        &["E-mail", "邮箱"],
        24.0,
        false,
        "zhangjh@example.edu.cn",
        "",
    ),
    col("term", "届次", &[], 12.0, false, "第十四届", ""),
    col(
        "display_order",
        "排序号",
        &[],
        8.0,
        false,
        "10",
        "整数，名册中按它排列",
    ),
    col("bio", "简介", &[], 40.0, false, "", ""),
    col("pledge", "创先争优个人承诺", &["承诺"], 40.0, false, "", ""),
];

#[allow(clippy::too_many_arguments)]
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

/// The key fields shown for each row.
pub(super) const KEY_HEADERS: &[&str] =
    &["姓名", "性别", "所在代表团", "工作单位", "职务", "手机号码"];

/// The template's lists: 性别, and the roster's delegations.
pub(super) fn lists(delegations: &[String]) -> Vec<(&'static str, Vec<String>)> {
    vec![
        (
            "gender",
            Gender::ALL.iter().map(|g| g.label().to_string()).collect(),
        ),
        ("delegation_id", delegations.to_vec()),
    ]
}

pub(super) enum Action {
    Create(u32, DelegateInput),
    Update(u32, String, i64, DelegateInput),
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

fn input_of(d: &Delegate) -> DelegateInput {
    DelegateInput {
        name: d.name.clone(),
        gender: d.gender,
        delegation_id: d.delegation_id.clone(),
        unit: d.unit.clone(),
        position: d.position.clone(),
        mobile: d.mobile.clone(),
        office_phone: d.office_phone.clone(),
        email: d.email.clone(),
        bio: d.bio.clone(),
        pledge: d.pledge.clone(),
        term: d.term.clone(),
        display_order: d.display_order,
        publish: d.publish,
        publish_consent: d.publish_consent,
    }
}

fn same(a: &DelegateInput, b: &DelegateInput) -> bool {
    a.name == b.name
        && a.gender == b.gender
        && a.delegation_id == b.delegation_id
        && a.unit == b.unit
        && a.position == b.position
        && a.mobile == b.mobile
        && a.office_phone == b.office_phone
        && a.email == b.email
        && a.bio == b.bio
        && a.pledge == b.pledge
        && a.term == b.term
        && a.display_order == b.display_order
}

/// Read every row, check it, match it: what the import would do.
pub(super) fn plan(conn: &Connection, table: &Table, steps: &mut Steps<'_>) -> Result<Plan> {
    let map = ColumnMap::new(COLUMNS, &table.headers, super::ImportKind::Delegates)?;
    let delegations = db::delegation_ids_by_name(conn)?;
    let delegation_names: HashMap<&str, &str> = delegations
        .iter()
        .map(|(n, id)| (id.as_str(), n.as_str()))
        .collect();
    let mut roster: HashMap<(String, String), Vec<String>> = HashMap::new();
    for k in db::delegate_keys(conn)? {
        roster.entry((k.name, k.unit)).or_default().push(k.id);
    }
    let mut seen: HashMap<(String, String), u32> = HashMap::new();
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
        let gender = match cell("gender") {
            "" => None,
            "男" => Some(Gender::Male),
            "女" => Some(Gender::Female),
            _ => {
                errors.push(err("性别", "性别应为“男”或“女”"));
                None
            }
        };
        let delegation_id = match cell("delegation_id") {
            "" => None,
            name => match delegations.get(name) {
                Some(id) => Some(id.clone()),
                None => {
                    errors.push(err(
                        "所在代表团",
                        format!("名册中没有名为“{name}”的代表团，请先在名册中添加"),
                    ));
                    None
                }
            },
        };
        let display_order = match cell("display_order") {
            "" => None,
            s => match s.parse::<i64>() {
                Ok(n) => Some(n),
                Err(_) => {
                    errors.push(err("排序号", "排序号应为整数"));
                    None
                }
            },
        };
        let name = cell("name").to_string();
        let unit = cell("unit").to_string();
        let shown = |d: &DelegateInput| -> Vec<String> {
            vec![
                d.name.clone(),
                d.gender.label().to_string(),
                delegation_names
                    .get(d.delegation_id.as_str())
                    .map_or_else(|| cell("delegation_id").to_string(), |s| s.to_string()),
                d.unit.clone(),
                d.position.clone(),
                d.mobile.clone(),
            ]
        };

        // Over the stored record (更新) or the template's defaults (新增): the non-empty cells.
        let key = (name.clone(), unit.clone());
        let matches = roster.get(&key).map_or(&[][..], Vec::as_slice);
        if matches.len() > 1 {
            // Which one to update is the question; the row's other checks would only add noise.
            rows.push(ImportRow {
                status_label: String::new(),
                row: r.number,
                status: ImportStatus::Error,
                cells: vec![name.clone(), String::new(), String::new(), unit.clone()],
                note: String::new(),
                errors: vec![err(
                    "姓名",
                    format!(
                        "名册中有 {} 位姓名和工作单位都相同的党代表，无法确定更新哪一位，请在名册中处理",
                        matches.len()
                    ),
                )],
            });
            continue;
        }
        let existing = match matches {
            [id] => roster_db::get_delegate(conn, id)?,
            _ => None,
        };
        let mut input = existing.as_ref().map(input_of).unwrap_or_default();
        let overlay = |field: &mut String, k: &str| {
            let v = cell(k);
            if !v.is_empty() {
                *field = v.to_string();
            }
        };
        overlay(&mut input.name, "name");
        overlay(&mut input.unit, "unit");
        overlay(&mut input.position, "position");
        overlay(&mut input.mobile, "mobile");
        overlay(&mut input.office_phone, "office_phone");
        overlay(&mut input.email, "email");
        overlay(&mut input.term, "term");
        overlay(&mut input.bio, "bio");
        overlay(&mut input.pledge, "pledge");
        if let Some(g) = gender {
            input.gender = g;
        }
        if let Some(id) = &delegation_id {
            input.delegation_id = id.clone();
        }
        if let Some(n) = display_order {
            input.display_order = n;
        }
        if existing.is_none() && gender.is_none() && cell("gender").is_empty() {
            errors.push(err("性别", "请填写性别（男 或 女）"));
        }
        if existing.is_none() && cell("delegation_id").is_empty() {
            errors.push(err("所在代表团", "请填写所在代表团"));
        }
        if !name.is_empty() && !unit.is_empty() {
            if let Some(first) = seen.get(&key) {
                errors.push(err(
                    "姓名",
                    format!("与第 {first} 行是同一位党代表（姓名和工作单位相同）"),
                ));
            } else {
                seen.insert(key, r.number);
            }
        }
        let checked = roster::validate::delegate(&input);
        let checked = match checked {
            Ok(v) => Some(v),
            Err(e) => {
                for re in row_errors(&map, e) {
                    // The roster's message for an empty delegation says 请选择; the sheet's is above.
                    if !errors.iter().any(|x: &RowError| x.column == re.column) {
                        errors.push(re);
                    }
                }
                None
            }
        };
        let cells = shown(checked.as_ref().unwrap_or(&input));
        let (status, note) = match (errors.is_empty(), checked, &existing) {
            (false, _, _) | (true, None, _) => (ImportStatus::Error, String::new()),
            (true, Some(v), Some(d)) => {
                let note = format!(
                    "名册中已有：{}（{}）",
                    d.name,
                    delegation_names
                        .get(d.delegation_id.as_str())
                        .copied()
                        .unwrap_or("")
                );
                if same(&v, &input_of(d)) {
                    (ImportStatus::Unchanged, note)
                } else {
                    actions.push(Action::Update(r.number, d.id.clone(), d.version, v));
                    (ImportStatus::Update, note)
                }
            }
            (true, Some(v), None) => {
                actions.push(Action::Create(r.number, v));
                (ImportStatus::New, String::new())
            }
        };
        rows.push(ImportRow {
            status_label: String::new(),
            row: r.number,
            status,
            cells,
            note,
            errors,
        });
    }
    Ok(Plan {
        rows,
        actions,
        ignored: map.ignored,
    })
}

/// Write the planned rows inside the import's transaction; how many.
pub(super) fn write(
    tx: &mut Write<'_>,
    actions: Vec<Action>,
    steps: &mut Steps<'_>,
) -> Result<usize> {
    let n = actions.len();
    for a in actions {
        steps.step()?;
        match a {
            Action::Create(row, input) => {
                roster::create_delegate_in(tx, input, "import")
                    .map_err(|e| at_row(COLUMNS, row, e))?;
            }
            Action::Update(row, id, version, input) => {
                roster::update_delegate_in(tx, &id, version, input, "import")
                    .map_err(|e| at_row(COLUMNS, row, e))?;
            }
        }
    }
    Ok(n)
}
