//! `studio backup`, `studio restore`, `studio check`.

use std::path::PathBuf;

use studio_core::maintenance::{self, CheckReport};
use studio_core::{Ctx, Error, Store};

#[derive(clap::Args)]
pub struct BackupArgs {
    /// 备份文件路径（不得已存在）
    #[arg(long)]
    out: PathBuf,
}

#[derive(clap::Args)]
pub struct RestoreArgs {
    /// 备份文件
    file: PathBuf,
}

pub fn backup(store: &Store, ctx: &Ctx, a: BackupArgs) -> studio_core::Result<()> {
    maintenance::backup(store, ctx, &a.out)?;
    println!("已备份到 {}", a.out.display());
    Ok(())
}

fn print_report(r: &CheckReport) {
    println!("架构版本：{}", r.schema_version);
    println!("完整性：{}", r.integrity.join("；"));
    if r.foreign_key_problems.is_empty() {
        println!("外键：ok");
    } else {
        println!("外键问题 {} 处：", r.foreign_key_problems.len());
        for p in &r.foreign_key_problems {
            println!("  {p}");
        }
    }
}

pub fn restore(store: &Store, ctx: &Ctx, a: &RestoreArgs) -> studio_core::Result<()> {
    let r = maintenance::restore(store, ctx, &a.file)?;
    print_report(&r);
    println!("已从 {} 恢复", a.file.display());
    Ok(())
}

pub fn check(store: &Store) -> studio_core::Result<()> {
    let r = maintenance::check(store)?;
    print_report(&r);
    if r.ok {
        println!("检查通过");
        Ok(())
    } else {
        Err(Error::Invalid("数据库检查未通过".into()))
    }
}
