//! `studio card …`: blank and filled record cards as one PDF. The job (which cards, the print model,
//! the PDF) is the core's `printing::render`, the same one the desktop app runs; this file only
//! reads the arguments and writes the file.

use std::path::{Path, PathBuf};

use studio_core::cards::CardSelection;
use studio_core::export_purpose;
use studio_core::files::write_atomic;
use studio_core::printing::{self, PrintJob, Rendered};
use studio_core::{Ctx, Error, Permission, Store};

use crate::identity;

#[derive(clap::Subcommand)]
pub enum Command {
    /// 空白记录卡（供手工填写）
    Blank(BlankArgs),
    /// 已填写的记录卡：按编号、全部或联系日期区间
    Pdf {
        /// 记录卡编号（可重复）
        #[arg(long = "id", conflicts_with_all = ["all", "from", "to"])]
        ids: Vec<String>,
        /// 全部记录卡
        #[arg(long, conflicts_with_all = ["from", "to"])]
        all: bool,
        /// 联系日期起（YYYY-MM-DD）
        #[arg(long, requires = "to")]
        from: Option<String>,
        /// 联系日期止（YYYY-MM-DD）
        #[arg(long, requires = "from")]
        to: Option<String>,
        /// 输出 PDF 文件
        #[arg(short = 'o', long = "out")]
        out: PathBuf,
        /// 导出原因（记入审计日志；不填记为“命令行导出”）
        #[arg(long)]
        reason: Option<String>,
    },
}

#[derive(clap::Args)]
pub struct BlankArgs {
    /// 份数
    #[arg(long, default_value_t = 1)]
    pub copies: u32,
    /// 输出 PDF 文件
    #[arg(short = 'o', long = "out")]
    pub out: PathBuf,
}

/// The selection from `--id`, `--all` or `--from/--to`; one of them is required.
pub fn selection(
    ids: Vec<String>,
    all: bool,
    from: Option<String>,
    to: Option<String>,
) -> studio_core::Result<CardSelection> {
    match (ids.is_empty(), all, from, to) {
        (false, _, _, _) => Ok(CardSelection::Ids { ids }),
        (true, true, _, _) => Ok(CardSelection::All),
        (true, false, Some(from), Some(to)) => Ok(CardSelection::Period { from, to }),
        _ => Err(Error::Invalid(
            "请用 --id、--all 或 --from/--to 指定要输出的记录卡".into(),
        )),
    }
}

/// The selection as the audit log names it: the ids, `*` for all, or `FROM..TO`.
fn selection_text(s: &CardSelection) -> String {
    match s {
        CardSelection::Ids { ids } => ids.join(","),
        CardSelection::All => "*".to_string(),
        CardSelection::Period { from, to } => format!("{}..{}", from.trim(), to.trim()),
    }
}

/// Writes the PDF to `out` (temporary file, flushed, renamed: a crash leaves the old file or the
/// new one) and says what was written.
pub(crate) fn save(out: &Path, r: &Rendered, what: &str) -> studio_core::Result<()> {
    write_atomic(out, &r.pdf)?;
    println!(
        "已输出{what}：{}（{} 页，{} KB）",
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

/// A script waits for the whole file: no progress output, never stopped.
fn no_progress(_done: usize, _total: usize) -> bool {
    true
}

/// `studio card blank`: blank cards read no data, so this needs no database (main runs it without
/// one when the file does not exist); with one, they print in its 打印字体.
pub fn blank(store: Option<&Store>, a: BlankArgs) -> studio_core::Result<()> {
    let r = printing::render_blank(store, a.copies, &mut no_progress)?;
    save(&a.out, &r, &format!(" {} 份空白记录卡", a.copies))
}

pub fn run(store: &Store, ctx: &Ctx, cmd: Command) -> studio_core::Result<()> {
    match cmd {
        Command::Blank(a) => blank(Some(store), a),
        Command::Pdf {
            ids,
            all,
            from,
            to,
            out,
            reason,
        } => {
            // Filled cards hold personal data: a PDF file of them is an export.
            ctx.require(Permission::ExportPersonalData)?;
            let purpose = identity::export_purpose(reason.as_deref(), false)?;
            let selection = selection(ids, all, from, to)?;
            let target = format!("cards:{}", selection_text(&selection));
            let job = PrintJob::Cards { selection };
            let r = printing::render(store, ctx, &job, &mut no_progress)?;
            save(&out, &r, "记录卡")?;
            export_purpose::record(store, ctx, &target, r.card_count, &purpose)
        }
    }
}
