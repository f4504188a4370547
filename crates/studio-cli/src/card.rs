//! `studio card …`: blank and filled record cards as one PDF.

use std::path::PathBuf;

use studio_core::cards::{self, CardSelection};
use studio_core::printing::MAX_BLANK_COPIES;
use studio_core::{Actor, Error, Store};

#[derive(clap::Subcommand)]
pub enum Command {
    /// 空白记录卡（供手工填写）
    Blank {
        /// 份数
        #[arg(long, default_value_t = 1)]
        copies: u32,
        /// 输出 PDF 文件
        #[arg(short = 'o', long = "out")]
        out: PathBuf,
    },
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
    },
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

fn save(out: &PathBuf, r: &studio_print::Rendered, what: &str) -> studio_core::Result<()> {
    std::fs::write(out, &r.pdf)
        .map_err(|e| Error::Invalid(format!("无法写入 {}：{e}", out.display())))?;
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

fn print_error(e: studio_print::PrintError) -> Error {
    Error::Invalid(e.to_string())
}

pub fn run(store: &Store, actor: &Actor, cmd: Command) -> studio_core::Result<()> {
    match cmd {
        Command::Blank { copies, out } => {
            if !(1..=MAX_BLANK_COPIES).contains(&copies) {
                return Err(Error::Invalid(format!(
                    "份数应在 1 到 {MAX_BLANK_COPIES} 之间"
                )));
            }
            let r = studio_print::blank_cards(copies).map_err(print_error)?;
            save(&out, &r, &format!(" {copies} 份空白记录卡"))
        }
        Command::Pdf {
            ids,
            all,
            from,
            to,
            out,
        } => {
            let sel = selection(ids, all, from, to)?;
            let list = cards::cards_for_print(store, actor, &sel)?;
            if list.is_empty() {
                return Err(Error::Invalid("没有符合条件的记录卡".into()));
            }
            let r = studio_print::render_cards(&studio_print::from_core::cards(&list))
                .map_err(print_error)?;
            save(&out, &r, &format!(" {} 张记录卡", list.len()))
        }
    }
}
