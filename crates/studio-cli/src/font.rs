//! `studio font`: 设置 → 打印字体 from the command line (the same core calls as the app).

use std::path::PathBuf;

use clap::Subcommand;
use studio_core::printing::font;
use studio_core::storage::Store;
use studio_core::{Ctx, Error};

#[derive(Debug, Subcommand)]
pub enum Command {
    /// 显示当前打印字体
    Show,
    /// 选用一个 TrueType 或 OpenType 中文字体文件（.ttf、.otf、.ttc）作为打印字体
    Set {
        /// 字体文件
        file: PathBuf,
    },
    /// 恢复默认打印字体（内置思源宋体）
    Default,
}

pub fn run(store: &Store, ctx: &Ctx, cmd: Command) -> studio_core::Result<()> {
    let f = match cmd {
        Command::Show => font::current(store)?,
        Command::Set { file } => {
            let meta = std::fs::metadata(&file)
                .map_err(|e| Error::Invalid(format!("无法读取 {}：{e}", file.display())))?;
            if meta.len() > font::FONT_MAX_BYTES as u64 {
                return Err(Error::Invalid(format!(
                    "字体文件不能超过 {} MB",
                    font::FONT_MAX_BYTES / 1024 / 1024
                )));
            }
            let bytes = std::fs::read(&file)
                .map_err(|e| Error::Invalid(format!("无法读取 {}：{e}", file.display())))?;
            let name = file
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            font::choose(store, ctx, &name, bytes)?
        }
        Command::Default => font::use_default(store, ctx)?,
    };
    match f.file {
        None => println!("打印字体：{}", f.name),
        Some(file) => println!("打印字体：{}（文件 fonts/{file}）", f.name),
    }
    Ok(())
}
