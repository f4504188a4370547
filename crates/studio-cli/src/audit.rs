//! `studio audit …`: the audit log (管理员, 审计员).

use std::path::PathBuf;

use studio_core::audit_log::{self, AuditFormat, AuditQuery};
use studio_core::files::write_atomic;
use studio_core::{Ctx, Store};

#[derive(clap::Subcommand)]
pub enum Command {
    /// 导出审计日志（JSON、CSV 或 Excel，按时间先后）
    Export {
        /// 起始日期（YYYY-MM-DD，北京时间，含当天）
        #[arg(long)]
        from: Option<String>,
        /// 截止日期（YYYY-MM-DD，北京时间，含当天）
        #[arg(long)]
        to: Option<String>,
        /// 格式：json、csv 或 xlsx
        #[arg(long, value_parser = ["json", "csv", "xlsx"])]
        format: String,
        /// 输出文件
        #[arg(short = 'o', long = "out")]
        out: PathBuf,
    },
}

pub fn run(store: &Store, ctx: &Ctx, cmd: Command) -> studio_core::Result<()> {
    match cmd {
        Command::Export {
            from,
            to,
            format,
            out,
        } => {
            let format = match format.as_str() {
                "csv" => AuditFormat::Csv,
                "xlsx" => AuditFormat::Xlsx,
                _ => AuditFormat::Json,
            };
            let q = AuditQuery {
                from,
                to,
                ..AuditQuery::default()
            };
            let bytes = audit_log::export(store, ctx, &q, format)?;
            // Temporary file, flushed, renamed: a crash leaves the old file or the new one.
            write_atomic(&out, &bytes)?;
            println!("已导出审计日志到 {}", out.display());
        }
    }
    Ok(())
}
