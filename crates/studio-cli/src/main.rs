//! `studio`: Delegate Studio's core without a window, for administrators' scripts, scheduled jobs and
//! tests. Exit code 0 on success, 1 on an error (a Chinese message on stderr), 2 on misuse.
//!
//! It acts as an account (`--as LOGIN`, password in `STUDIO_PASSWORD`) or as the OS user who ran it
//! (`identity.rs`); the core decides what that actor may do.

mod audit;
mod calendar;
mod card;
mod delegates;
mod demo;
mod export;
mod identity;
mod import;
mod maintenance;
mod proposal;
mod reports;
mod schedule;
mod serve;
mod studio;
mod user;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use studio_core::storage::lock::DbLock;
use studio_core::{Ctx, Store};

#[derive(Parser)]
#[command(name = "studio", version, about = "党代表工作室命令行工具")]
struct Cli {
    /// 数据库文件；默认为桌面程序的数据库（系统应用数据目录）
    #[arg(long, global = true, env = "STUDIO_DB")]
    db: Option<PathBuf>,
    /// 以该账号身份执行（密码取自环境变量 STUDIO_PASSWORD）；不指定时以当前系统用户身份执行，
    /// 是数据库文件所有者时为管理员
    #[arg(long = "as", global = true, value_name = "LOGIN")]
    as_login: Option<String>,
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
    /// 从 Excel 表格导入党代表名册或纸质记录卡；输出导入模板
    #[command(subcommand)]
    Import(import::Command),
    /// 接待安排（海报 PDF）
    #[command(subcommand)]
    Schedule(schedule::Command),
    /// 提议（提议表 PDF）
    #[command(subcommand)]
    Proposal(proposal::Command),
    /// 上墙制度（A4 PDF）
    #[command(subcommand)]
    Wall(studio::WallCommand),
    /// 账号管理（管理员）
    #[command(subcommand)]
    User(user::Command),
    /// 审计日志（管理员、审计员）
    #[command(subcommand)]
    Audit(audit::Command),
    /// 工作日历（法定节假日与调休）
    #[command(subcommand)]
    Calendar(calendar::Command),
    /// 备份数据库和照片等文件到一个 zip 归档（含清单与校验值，程序运行时也可执行）
    Backup(maintenance::BackupArgs),
    /// 从备份恢复（先检查清单、校验值和数据库完整性；恢复前的数据另存一份）
    Restore(maintenance::RestoreArgs),
    /// 检查数据库完整性与外键
    Check,
    /// 运行网上工作室与工作人员门户（HTTP 服务）
    Serve(serve::Args),
    /// 显示数据库与文件所在位置
    Paths {
        /// 只输出其中一项：db（数据库文件）或 files（照片等文件目录）
        #[arg(value_parser = ["db", "files"])]
        which: Option<String>,
    },
}

/// Who this run acts as: the `--as` account after its login, or the OS user who ran it.
fn ctx_for(
    store: &Store,
    cli_as: Option<&str>,
    os: &Ctx,
    cmd: &Command,
) -> studio_core::Result<Ctx> {
    match cli_as {
        Some(login) => {
            let passwd = matches!(cmd, Command::User(u) if u.is_passwd());
            identity::login(store, login, passwd)
        }
        None => Ok(os.clone()),
    }
}

fn run(cli: Cli) -> studio_core::Result<()> {
    // The server picks its database from --db, then its configuration.
    if let Command::Serve(a) = cli.command {
        return serve::run(cli.db, a);
    }
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
    // Decided before a database is created: the owner of the folder it will be created in.
    let os = Ctx::now(identity::os_actor(&path));
    let cli_as = cli.as_login.as_deref().map(str::trim);
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
            // On another PC the data folder may not exist yet: the lock file goes in it.
            if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
                if !dir.exists() {
                    studio_core::files::create_private_dir(dir)?;
                }
            }
            let _lock = DbLock::acquire(&path)?;
            // Restoring into a new file is how a backup is opened on another PC.
            let store = Store::open(&path)?;
            let ctx = ctx_for(&store, cli_as, &os, &cli.command)?;
            let out = maintenance::restore(&store, &ctx, a);
            identity::record_if_refused(&store, &ctx, out)
        }
        _ => {
            let store = open(&path)?;
            let ctx = ctx_for(&store, cli_as, &os, &cli.command)?;
            let out = match cli.command {
                Command::Demo(a) => demo::run(&store, &ctx, a),
                Command::Delegates(c) => delegates::run(&store, &ctx, c),
                Command::Calendar(c) => calendar::run(&store, c),
                Command::Card(c) => card::run(&store, &ctx, c),
                Command::Export(a) => export::run(&store, &ctx, a),
                Command::Import(c) => import::run(&store, &ctx, c),
                Command::Schedule(c) => schedule::run(&store, &ctx, c),
                Command::Proposal(c) => proposal::run(&store, &ctx, c),
                Command::Wall(c) => studio::wall(&store, &ctx, c),
                Command::User(c) => user::run(&store, &ctx, c),
                Command::Audit(c) => audit::run(&store, &ctx, c),
                Command::Backup(a) => maintenance::backup(&store, &ctx, a),
                Command::Check => maintenance::check(&store),
                Command::Restore(_) | Command::Paths { .. } | Command::Serve(_) => Ok(()),
            };
            identity::record_if_refused(&store, &ctx, out)
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
