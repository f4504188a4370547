//! `studio schedule …`: the reception schedule (接待安排) from a script.

use std::path::PathBuf;

use studio_core::files::write_atomic;
use studio_core::{printing, schedule, Ctx, Store};

#[derive(clap::Subcommand)]
pub enum Command {
    /// 输出某月接待安排海报（A4 横向 PDF）
    Pdf {
        /// 月份，格式 YYYY-MM
        #[arg(long, value_name = "YYYY-MM")]
        month: String,
        /// 输出文件
        #[arg(short = 'o', long = "out")]
        out: PathBuf,
    },
}

pub fn run(store: &Store, ctx: &Ctx, cmd: Command) -> studio_core::Result<()> {
    match cmd {
        Command::Pdf { month, out } => {
            let r = printing::render_poster(store, ctx, month.trim())?;
            // Temporary file, flushed, renamed: a crash leaves the old poster or the new one.
            write_atomic(&out, &r.pdf)?;
            // The wall now has this version: the month's 「海报待更新」 mark is cleared when the actor
            // may keep the schedule (a reader's copy changes nothing).
            if ctx.actor.may(studio_core::Permission::EditSchedule) {
                schedule::mark_poster_printed(store, ctx, month.trim())?;
            }
            println!(
                "已输出接待安排海报：{}（{} 页，{} KB）",
                out.display(),
                r.page_count,
                r.pdf.len() / 1024
            );
            if !r.missing_chars.is_empty() {
                let chars: String = r.missing_chars.iter().collect();
                eprintln!("注意：以下字符字体中没有，已用〓代替：{chars}");
            }
            Ok(())
        }
    }
}
