//! Contact record cards as JSON, CSV and Excel.

use serde_json::Value;

use super::{opt, to_csv, to_json, to_xlsx, Cell, Column, ExportFormat, Sheet};
use crate::cards::Card;
use crate::error::Result;

const COLUMNS: &[Column] = &[
    Column {
        header: "编号",
        width: 11.0,
    },
    Column {
        header: "联系日期",
        width: 12.0,
    },
    Column {
        header: "党代表姓名",
        width: 10.0,
    },
    Column {
        header: "所在代表团",
        width: 16.0,
    },
    Column {
        header: "党代表工作单位及职务",
        width: 26.0,
    },
    Column {
        header: "党代表联系电话",
        width: 15.0,
    },
    Column {
        header: "联系对象姓名",
        width: 12.0,
    },
    Column {
        header: "性别",
        width: 6.0,
    },
    Column {
        header: "年龄",
        width: 6.0,
    },
    Column {
        header: "政治面貌",
        width: 12.0,
    },
    Column {
        header: "联系对象工作单位及职务",
        width: 26.0,
    },
    Column {
        header: "联系对象联系电话",
        width: 15.0,
    },
    Column {
        header: "详细通讯地址或E-mail",
        width: 28.0,
    },
    Column {
        header: "来访人数",
        width: 8.0,
    },
    Column {
        header: "联系形式",
        width: 12.0,
    },
    Column {
        header: "其他形式说明",
        width: 12.0,
    },
    Column {
        header: "党员和群众所提意见建议或问题",
        width: 60.0,
    },
    Column {
        header: "党代表处理意见及办理情况",
        width: 60.0,
    },
    Column {
        header: "反馈日期",
        width: 12.0,
    },
    Column {
        header: "应交回日期",
        width: 12.0,
    },
    Column {
        header: "交回日期",
        width: 12.0,
    },
    Column {
        header: "状态",
        width: 8.0,
    },
    Column {
        header: "期限状态",
        width: 10.0,
    },
    Column {
        header: "逾期交回",
        width: 8.0,
    },
    Column {
        header: "更正次数",
        width: 8.0,
    },
    Column {
        header: "系统编号",
        width: 38.0,
    },
    Column {
        header: "创建时间",
        width: 24.0,
    },
    Column {
        header: "最后修改时间",
        width: 24.0,
    },
];

fn row(c: &Card) -> Vec<Cell<'_>> {
    vec![
        c.no.as_str().into(),
        c.contact_date.as_str().into(),
        c.delegate_name.as_str().into(),
        c.delegation_name.as_str().into(),
        c.delegate_unit_position.as_str().into(),
        c.delegate_phone.as_str().into(),
        c.person_name.as_str().into(),
        c.person_gender.map(|g| g.label()).into(),
        c.person_age.into(),
        c.person_political_status.map(|p| p.label()).into(),
        c.person_unit_position.as_str().into(),
        c.person_phone.as_str().into(),
        c.person_address.as_str().into(),
        c.group_size.into(),
        c.channel.label().into(),
        c.channel_other.as_str().into(),
        c.opinion.as_str().into(),
        c.handling.as_str().into(),
        opt(&c.feedback_on),
        opt(&c.due_on),
        opt(&c.filed_on),
        c.status.label().into(),
        c.deadline.label().into(),
        (if c.filed_late { "是" } else { "否" }).into(),
        c.amendment_count.into(),
        c.id.as_str().into(),
        c.created_at.as_str().into(),
        c.updated_at.as_str().into(),
    ]
}

/// The cards as a sheet: a Chinese header, one row per card, every field of the card, the
/// deadline state as of when the cards were read.
pub fn cards_sheet(cards: &[Card]) -> Sheet<'_> {
    Sheet {
        name: "记录卡".into(),
        columns: COLUMNS.to_vec(),
        rows: cards.iter().map(row).collect(),
    }
}

/// An array of objects: each card's own fields (as the UI receives them) plus the Chinese labels of
/// its codes: `channel_label`, `status_label`, `deadline_label`, `person_gender_label`,
/// `person_political_status_label`.
pub fn cards_json(cards: &[Card]) -> Result<Vec<u8>> {
    let list: Vec<Value> = cards
        .iter()
        .map(|c| {
            let mut v = serde_json::to_value(c).unwrap_or(Value::Null);
            if let Value::Object(m) = &mut v {
                let label = |s: Option<&str>| s.map_or(Value::Null, |s| Value::String(s.into()));
                m.insert("channel_label".into(), label(Some(&c.channel_text())));
                m.insert("status_label".into(), label(Some(c.status.label())));
                m.insert("deadline_label".into(), label(Some(c.deadline.label())));
                m.insert(
                    "person_gender_label".into(),
                    label(c.person_gender.map(|g| g.label())),
                );
                m.insert(
                    "person_political_status_label".into(),
                    label(c.person_political_status.map(|p| p.label())),
                );
            }
            v
        })
        .collect();
    to_json(&list)
}

/// The cards as CSV (UTF-8 with a BOM, Chinese header).
pub fn cards_csv(cards: &[Card]) -> Vec<u8> {
    to_csv(&cards_sheet(cards))
}

/// The cards as an Excel workbook.
pub fn cards_xlsx(cards: &[Card]) -> Result<Vec<u8>> {
    to_xlsx(&cards_sheet(cards))
}

/// The cards in `format`.
pub fn export_cards(cards: &[Card], format: ExportFormat) -> Result<Vec<u8>> {
    match format {
        ExportFormat::Json => cards_json(cards),
        ExportFormat::Csv => Ok(cards_csv(cards)),
        ExportFormat::Xlsx => cards_xlsx(cards),
    }
}
