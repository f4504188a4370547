//! The template workbooks: the first sheet is where the rows go (the header row, one example row
//! whose first cell starts with 示例 so the import skips it, column widths, a frozen header, drop-down
//! lists where a field has fixed values); the second, 填写说明, says what each column takes.

use rust_xlsxwriter::{Color, DataValidation, Format, FormatAlign, Workbook, XlsxError};

use super::{Column, ImportKind, MAX_ROWS};
use crate::error::{Error, Result};

fn xlsx(e: XlsxError) -> Error {
    Error::Invalid(format!("生成导入模板失败：{e}"))
}

/// Excel's limit for a list typed into a validation (characters, commas included).
const LIST_MAX: usize = 255;

pub(super) fn build(
    kind: ImportKind,
    columns: &[Column],
    lists: &[(&'static str, Vec<String>)],
) -> Result<Vec<u8>> {
    let mut wb = Workbook::new();
    let head = Format::new()
        .set_bold()
        .set_align(FormatAlign::Center)
        .set_background_color("#F2F2F2");
    let required = head.clone().set_font_color(Color::RGB(0xC0_00_00));
    let text = Format::new().set_num_format("@");
    let example = Format::new()
        .set_num_format("@")
        .set_font_color(Color::RGB(0x80_80_80))
        .set_italic();

    let ws = wb.add_worksheet();
    ws.set_name(kind.label()).map_err(xlsx)?;
    for (i, c) in columns.iter().enumerate() {
        let col = i as u16;
        let f = if c.required { &required } else { &head };
        ws.write_string_with_format(0, col, c.header, f)
            .map_err(xlsx)?;
        // Every cell as text: phone numbers keep their digits, dates what was typed.
        ws.set_column_width(col, c.width).map_err(xlsx)?;
        ws.set_column_format(col, &text).map_err(xlsx)?;
        if !c.example.is_empty() {
            ws.write_string_with_format(1, col, c.example, &example)
                .map_err(xlsx)?;
        }
        if let Some((_, values)) = lists.iter().find(|(k, _)| *k == c.key) {
            let joined: usize = values.iter().map(|v| v.chars().count() + 1).sum();
            if !values.is_empty() && joined <= LIST_MAX {
                let dv = DataValidation::new()
                    .allow_list_strings(values)
                    .map_err(xlsx)?
                    .set_error_title(c.header)
                    .map_err(xlsx)?
                    .set_error_message(format!("请从列表中选择{}", c.header))
                    .map_err(xlsx)?;
                ws.add_data_validation(1, col, MAX_ROWS as u32 + 1, col, &dv)
                    .map_err(xlsx)?;
            }
        }
    }
    ws.set_freeze_panes(1, 0).map_err(xlsx)?;

    let help = wb.add_worksheet();
    help.set_name("填写说明").map_err(xlsx)?;
    for (i, h) in ["列名", "必填", "说明", "可选的值"].iter().enumerate() {
        help.write_string_with_format(0, i as u16, *h, &head)
            .map_err(xlsx)?;
    }
    for (w, col) in [(22.0, 0), (6.0, 1), (44.0, 2), (60.0, 3)] {
        help.set_column_width(col, w).map_err(xlsx)?;
    }
    for (i, c) in columns.iter().enumerate() {
        let r = i as u32 + 1;
        help.write_string(r, 0, c.header).map_err(xlsx)?;
        help.write_string(r, 1, if c.required { "是" } else { "" })
            .map_err(xlsx)?;
        help.write_string(r, 2, c.hint).map_err(xlsx)?;
        if let Some((_, values)) = lists.iter().find(|(k, _)| *k == c.key) {
            help.write_string(r, 3, values.join("、")).map_err(xlsx)?;
        }
    }
    let notes = [
        format!(
            "在第一个工作表“{}”中从第 2 行起每行填写一条；第 2 行是示例（第一格以“示例”开头的行不导入），可以删去或改写。",
            kind.label()
        ),
        format!("一次最多 {MAX_ROWS} 行。导入前会逐行检查并显示结果，有任何一行出错时不会导入任何数据。"),
        match kind {
            ImportKind::Delegates => "姓名和工作单位都与名册中某位党代表相同的行会更新该党代表（空白单元格保留名册中原有的内容），其余的行新增党代表。".to_string(),
            ImportKind::Cards => "同一党代表、同一联系日期、同一联系对象的记录卡已存在时，该行视为重复，不会再次导入。填写交回日期的记录卡导入为已提交。".to_string(),
        },
    ];
    let base = columns.len() as u32 + 2;
    for (i, n) in notes.iter().enumerate() {
        help.write_string(base + i as u32, 0, n).map_err(xlsx)?;
    }
    wb.save_to_buffer().map_err(xlsx)
}
