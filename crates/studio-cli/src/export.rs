//! `studio export …`: deliberate exports of personal data to a file.

use std::path::PathBuf;

use studio_core::cards::{self, CardSelection};
use studio_core::export::{self, ExportFormat};
use studio_core::{Actor, Error, Store};

#[derive(clap::Args)]
pub struct Args {
    /// 导出内容
    #[arg(value_parser = ["cards"])]
    what: String,
    /// 格式：json、csv 或 xlsx
    #[arg(long, value_parser = ["json", "csv", "xlsx"])]
    format: String,
    /// 联系日期起（YYYY-MM-DD）
    #[arg(long, requires = "to")]
    from: Option<String>,
    /// 联系日期止（YYYY-MM-DD）
    #[arg(long, requires = "from")]
    to: Option<String>,
    /// 输出文件
    #[arg(short = 'o', long = "out")]
    out: PathBuf,
}

pub fn run(store: &Store, actor: &Actor, a: Args) -> studio_core::Result<()> {
    let format = ExportFormat::parse(&a.format)
        .ok_or_else(|| Error::Invalid(format!("不支持的格式：{}", a.format)))?;
    let sel = match (a.from, a.to) {
        (Some(from), Some(to)) => CardSelection::Period { from, to },
        _ => CardSelection::All,
    };
    let list = cards::cards_for_print(store, actor, &sel)?;
    let bytes = export::export_cards(&list, format)?;
    std::fs::write(&a.out, bytes)
        .map_err(|e| Error::Invalid(format!("无法写入 {}：{e}", a.out.display())))?;
    println!("已导出 {} 张记录卡到 {}", list.len(), a.out.display());
    Ok(())
}
