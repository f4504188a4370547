//! 工作室动态 as JSON, CSV and Excel: one row per post, oldest first.

use serde_json::{json, Value};

use super::{date, to_csv, to_json, to_xlsx, Cell, Column, ExportFormat, Sheet};
use crate::error::Result;
use crate::news::News;

const fn col(header: &'static str, width: f64) -> Column {
    Column { header, width }
}

const COLUMNS: &[Column] = &[
    col("日期", 12.0),
    col("标题", 30.0),
    col("作者", 12.0),
    col("状态", 8.0),
    col("正文（Markdown）", 60.0),
    col("图片数", 8.0),
    col("首次发布时间", 22.0),
    col("系统编号", 38.0),
];

fn status(n: &News) -> &'static str {
    if n.published {
        "已发布"
    } else {
        "草稿"
    }
}

pub fn news_sheet(rows: &[News]) -> Sheet<'_> {
    Sheet {
        name: "工作室动态".into(),
        columns: COLUMNS.to_vec(),
        rows: rows
            .iter()
            .map(|n| {
                vec![
                    date(&n.date),
                    n.title.as_str().into(),
                    n.author.as_str().into(),
                    status(n).into(),
                    n.body.as_str().into(),
                    Cell::from(n.images.len() as u32),
                    n.published_at.as_deref().into(),
                    n.id.as_str().into(),
                ]
            })
            .collect(),
    }
}

/// An array of posts: `id`, `title`, `date`, `author`, `published` (bool), `status` (草稿 /
/// 已发布), `body` (Markdown), `images` (file names), `published_at`.
pub fn news_json(rows: &[News]) -> Result<Vec<u8>> {
    let rows: Vec<Value> = rows
        .iter()
        .map(|n| {
            json!({
                "id": n.id,
                "title": n.title,
                "date": n.date,
                "author": n.author,
                "published": n.published,
                "status": status(n),
                "body": n.body,
                "images": n.images,
                "published_at": n.published_at,
            })
        })
        .collect();
    to_json(&rows)
}

pub fn export_news(rows: &[News], format: ExportFormat) -> Result<Vec<u8>> {
    match format {
        ExportFormat::Json => news_json(rows),
        ExportFormat::Csv => Ok(to_csv(&news_sheet(rows))),
        ExportFormat::Xlsx => to_xlsx(&news_sheet(rows)),
    }
}
