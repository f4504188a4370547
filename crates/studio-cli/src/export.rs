//! `studio export …`: deliberate exports of personal data to a file.

use std::path::PathBuf;

use studio_core::cards::{self, CardSelection};
use studio_core::export::{self, ExportFormat};
use studio_core::files::write_atomic;
use studio_core::items;
use studio_core::{Ctx, Error, Store};

#[derive(clap::Args)]
pub struct Args {
    /// 导出内容：cards（记录卡）或 items（意见台账）
    #[arg(value_parser = ["cards", "items"])]
    what: String,
    /// 格式：json、csv 或 xlsx
    #[arg(long, value_parser = ["json", "csv", "xlsx"])]
    format: String,
    /// 起始日期（YYYY-MM-DD；记录卡按联系日期，台账按受理日期）
    #[arg(long, requires = "to")]
    from: Option<String>,
    /// 截止日期（YYYY-MM-DD，含当天）
    #[arg(long, requires = "from")]
    to: Option<String>,
    /// 输出文件
    #[arg(short = 'o', long = "out")]
    out: PathBuf,
}

pub fn run(store: &Store, ctx: &Ctx, a: Args) -> studio_core::Result<()> {
    let format = ExportFormat::parse(&a.format)
        .ok_or_else(|| Error::Invalid(format!("不支持的格式：{}", a.format)))?;
    let (bytes, summary) = if a.what == "items" {
        let list = items::items_for_export(store, ctx, a.from.as_deref(), a.to.as_deref())?;
        let bytes = export::export_items(&list, format)?;
        (bytes, format!("{} 件台账事项", list.len()))
    } else {
        let sel = match (a.from, a.to) {
            (Some(from), Some(to)) => CardSelection::Period { from, to },
            _ => CardSelection::All,
        };
        let list = cards::cards_for_print(store, ctx, &sel)?;
        let bytes = export::export_cards(&list, format)?;
        (bytes, format!("{} 张记录卡", list.len()))
    };
    // Temporary file, flushed, renamed: a crash leaves the old file or the new one.
    write_atomic(&a.out, &bytes)?;
    println!("已导出 {summary}到 {}", a.out.display());
    Ok(())
}
