//! `studio`: Delegate Studio's core without a window, for administrators' scripts, scheduled jobs and
//! tests. Exit code 0 on success, 1 on an error (a Chinese message on stderr), 2 on misuse.

mod calendar;
mod card;
mod delegates;
mod demo;
mod export;
mod maintenance;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use studio_core::storage::lock::DbLock;
use studio_core::{Actor, Ctx, Role, Store};

#[derive(Parser)]
#[command(name = "studio", version, about = "党代表工作室命令行工具")]
struct Cli {
    /// 数据库文件；默认为桌面程序的数据库（系统应用数据目录）
    #[arg(long, global = true, env = "STUDIO_DB")]
    db: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// 向空数据库载入演示数据
    Demo(demo::Args),
    /// 党代表名册
    #[command(subcommand)]
    Delegates(delegates::Command),
    /// 记录卡打印（PDF）
    #[command(subcommand)]
    Card(card::Command),
    /// 导出数据（JSON、CSV 或 Excel）
    Export(export::Args),
    /// 工作日历（法定节假日与调休）
    #[command(subcommand)]
    Calendar(calendar::Command),
    /// 备份数据库（SQLite 在线备份，程序运行时也可执行）
    Backup(maintenance::BackupArgs),
    /// 从备份恢复（先检查备份完整性）
    Restore(maintenance::RestoreArgs),
    /// 检查数据库完整性与外键
    Check,
    /// 显示数据库与文件所在位置
    Paths {
        /// 只输出其中一项：db（数据库文件）或 files（照片等文件目录）
        #[arg(value_parser = ["db", "files"])]
        which: Option<String>,
    },
}

/// Who the CLI acts as in the audit trail: the system user who ran it.
fn cli_ctx() -> Ctx {
    let user = std::env::var("USER")
        .or_else(|_| std::env::var("USERNAME"))
        .unwrap_or_else(|_| "未知用户".into());
    Ctx::now(Actor::with_id(
        format!("cli:{user}"),
        format!("命令行（{user}）"),
        Role::Admin,
    ))
}

fn run(cli: Cli) -> studio_core::Result<()> {
    let path = cli
        .db
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or_else(studio_core::paths::default_db_path);
    if let Command::Paths { which } = &cli.command {
        let files = Store::files_dir_for(&path);
        match which.as_deref() {
            Some("db") => println!("{}", path.display()),
            Some(_) => println!("{}", files.display()),
            None => println!("数据库：{}\n文件目录：{}", path.display(), files.display()),
        }
        return Ok(());
    }
    let ctx = cli_ctx();
    // Only the commands that make data create a database; the others refuse a missing file
    // (a mistyped --db) instead of creating an empty one and reporting an empty roster.
    let open = |path: &std::path::Path| match &cli.command {
        Command::Demo(_) => Store::open(path),
        _ => Store::open_existing(path),
    };
    match cli.command {
        // Blank cards need no database.
        Command::Card(card::Command::Blank(a)) => card::blank(a),
        // Working-day arithmetic needs a database only for its overrides: without one, the official
        // calendar answers, and nothing is created.
        Command::Calendar(c) if !path.exists() => calendar::run_official(c),
        Command::Restore(ref a) => {
            // The running app holds this lock: restoring under it would be overwritten by its
            // next save. Holding it here also keeps the app from starting mid-restore.
            let _lock = DbLock::acquire(&path)?;
            // Restoring into a new file is how a backup is opened on another PC.
            let store = Store::open(&path)?;
            maintenance::restore(&store, &ctx, a)
        }
        _ => {
            let store = open(&path)?;
            match cli.command {
                Command::Demo(a) => demo::run(&store, &ctx, a),
                Command::Delegates(c) => delegates::run(&store, &ctx, c),
                Command::Calendar(c) => calendar::run(&store, c),
                Command::Card(c) => card::run(&store, &ctx, c),
                Command::Export(a) => export::run(&store, &ctx, a),
                Command::Backup(a) => maintenance::backup(&store, &ctx, a),
                Command::Check => maintenance::check(&store),
                Command::Restore(_) | Command::Paths { .. } => Ok(()),
            }
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("错误：{e}");
            ExitCode::from(1)
        }
    }
}
