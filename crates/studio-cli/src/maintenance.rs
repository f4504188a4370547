//! `studio backup`, `studio restore`, `studio check`.
//!
//! `backup` writes the archive (database + photos and other files + manifest, `studio_core::backup`).
//! `restore` takes that archive; a plain SQLite file (what `studio backup` wrote before archives
//! existed) is still accepted, checked and restored (database only), so older backups stay usable.

use std::path::PathBuf;

use studio_core::backup;
use studio_core::maintenance::{self, CheckReport};
use studio_core::{Ctx, Error, Store};

#[derive(clap::Args)]
pub struct BackupArgs {
    /// 备份文件路径（zip 归档，含数据库、照片等文件和清单；不得已存在）
    #[arg(long)]
    out: PathBuf,
}

#[derive(clap::Args)]
pub struct RestoreArgs {
    /// 备份文件（studio backup 生成的 zip 归档；旧版的 .db 备份也可恢复，但只含数据库）
    file: PathBuf,
}

pub fn backup(store: &Store, ctx: &Ctx, a: BackupArgs) -> studio_core::Result<()> {
    let s = backup::create(store, ctx, &a.out)?;
    println!(
        "已备份到 {}（数据库和 {} 个文件，{} 字节）",
        a.out.display(),
        s.files,
        s.bytes
    );
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
    let r = backup::restore(store, ctx, &a.file)?;
    print_report(&r.check);
    if r.plain_database {
        println!(
            "已从 {} 恢复（旧版数据库备份，不含照片等文件）",
            a.file.display()
        );
    } else {
        println!(
            "已从 {} 恢复：备份于 {}（{}），{} 个文件",
            a.file.display(),
            r.backup_created_at,
            r.backup_created_by,
            r.files
        );
    }
    if r.audit_archives_added > 0 {
        println!("补回审计日志归档文件 {} 个", r.audit_archives_added);
    }
    println!("恢复前的数据已保存在 {}", r.kept_aside);
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
