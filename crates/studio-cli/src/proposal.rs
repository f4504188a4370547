//! `studio proposal …`: the printed proposal form (A4 PDF), the same job the desktop app runs
//! (`printing::proposal_pdf`).

use std::path::PathBuf;

use studio_core::printing;
use studio_core::{Ctx, Store};

#[derive(clap::Subcommand)]
pub enum Command {
    /// 输出提议表（PDF）
    Pdf {
        /// 提议的系统编号（导出 JSON 中的 id）
        #[arg(long)]
        id: String,
        /// 输出 PDF 文件
        #[arg(short = 'o', long = "out")]
        out: PathBuf,
    },
}

pub fn run(store: &Store, ctx: &Ctx, cmd: Command) -> studio_core::Result<()> {
    match cmd {
        Command::Pdf { id, out } => {
            let r = printing::proposal_pdf(store, ctx, id.trim())?;
            crate::card::save(&out, &r, "提议表")
        }
    }
}
