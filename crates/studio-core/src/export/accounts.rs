//! 账号 (the accounts list) as JSON, CSV and Excel: who may use the program, their role, their state
//! and when they last logged in — what an auditor's account review (等保) asks for. Never a password
//! or its hash (`AccountRow` has none). Reading them for an export is `accounts::list_for_export`.

use serde_json::Value;

use super::{to_csv, to_json, to_xlsx, Cell, Column, ExportFormat, Sheet};
use crate::accounts::AccountRow;
use crate::error::Result;

const fn col(header: &'static str, width: f64) -> Column {
    Column { header, width }
}

const COLUMNS: &[Column] = &[
    col("登录名", 14.0),
    col("显示名称", 14.0),
    col("角色", 12.0),
    col("对应党代表", 12.0),
    col("状态", 24.0),
    col("下次登录须修改密码", 10.0),
    col("连续登录失败次数", 10.0),
    col("最后登录时间", 24.0),
    col("创建时间", 24.0),
    col("最后修改时间", 24.0),
];

/// 正常, 已停用, or 锁定至 … (after wrong passwords; `now` is RFC 3339 UTC, as the stored times).
fn state(a: &AccountRow, now: &str) -> String {
    if a.disabled {
        return "已停用".into();
    }
    match &a.locked_until {
        Some(t) if t.as_str() > now => format!("锁定至 {t}"),
        _ => "正常".into(),
    }
}

fn row<'a>(a: &'a AccountRow, now: &'a str) -> Vec<Cell<'a>> {
    vec![
        a.login.as_str().into(),
        a.name.as_str().into(),
        a.role.label().into(),
        a.delegate_name.as_deref().into(),
        state(a, now).into(),
        (if a.must_change { "是" } else { "否" }).into(),
        a.failed_attempts.into(),
        a.last_login_at.as_deref().into(),
        a.created_at.as_str().into(),
        a.updated_at.as_str().into(),
    ]
}

pub fn accounts_sheet<'a>(list: &'a [AccountRow], now: &'a str) -> Sheet<'a> {
    Sheet {
        name: "账号".into(),
        columns: COLUMNS.to_vec(),
        rows: list.iter().map(|a| row(a, now)).collect(),
    }
}

/// An array of objects: each account's own fields plus `role_label` and `state_label`.
fn accounts_json(list: &[AccountRow], now: &str) -> Result<Vec<u8>> {
    let rows: Vec<Value> = list
        .iter()
        .map(|a| {
            let mut v = serde_json::to_value(a).unwrap_or(Value::Null);
            if let Value::Object(m) = &mut v {
                m.insert("role_label".into(), Value::String(a.role.label().into()));
                m.insert("state_label".into(), Value::String(state(a, now)));
            }
            v
        })
        .collect();
    to_json(&rows)
}

/// The accounts in `format`, their state as of `now` (RFC 3339 UTC).
pub fn export_accounts(list: &[AccountRow], format: ExportFormat, now: &str) -> Result<Vec<u8>> {
    match format {
        ExportFormat::Json => accounts_json(list, now),
        ExportFormat::Csv => Ok(to_csv(&accounts_sheet(list, now))),
        ExportFormat::Xlsx => to_xlsx(&accounts_sheet(list, now)),
    }
}
