//! `studio import …`: the Excel import of the roster and of paper cards from a script, the same
//! core calls as the app's 导入 dialog: the preview is printed row by row with its errors, and the
//! rows are written (in one transaction) only without `--dry-run` and only when no row has an
//! error; otherwise the exit code is 1.

use std::path::{Path, PathBuf};

use studio_core::files::write_atomic;
use studio_core::import::{self, ImportKind, ImportPreview, ImportStatus};
use studio_core::{Ctx, Error, Store};

#[derive(clap::Subcommand)]
pub enum Command {
    /// 导入党代表名册（.xlsx / .xls / .ods；姓名和工作单位相同的党代表更新，其余新增）
    Delegates(FileArgs),
    /// 导入纸质记录卡（同一党代表、联系日期和联系对象的记录卡已存在时跳过）
    Cards(FileArgs),
    /// 输出导入模板（.xlsx）
    Template {
        /// delegates（党代表名册）或 cards（记录卡）
        #[arg(value_parser = ["delegates", "cards"])]
        kind: String,
        /// 输出文件
        #[arg(short = 'o', long = "out")]
        out: PathBuf,
    },
}

#[derive(clap::Args)]
pub struct FileArgs {
    /// 要导入的表格文件
    file: PathBuf,
    /// 只检查并显示结果，不写入
    #[arg(long)]
    dry_run: bool,
}

pub fn run(store: &Store, ctx: &Ctx, cmd: Command) -> studio_core::Result<()> {
    match cmd {
        Command::Delegates(a) => run_import(store, ctx, ImportKind::Delegates, &a),
        Command::Cards(a) => run_import(store, ctx, ImportKind::Cards, &a),
        Command::Template { kind, out } => {
            let kind = ImportKind::parse(&kind).expect("clap checked the kind");
            let bytes = import::template(store, ctx, kind)?;
            write_atomic(&out, &bytes)?;
            println!("已输出{}导入模板：{}", kind.label(), out.display());
            Ok(())
        }
    }
}

fn read_bounded(path: &Path) -> studio_core::Result<Vec<u8>> {
    let len = std::fs::metadata(path)
        .map_err(|e| Error::Invalid(format!("无法读取 {}：{e}", path.display())))?
        .len();
    if len > import::MAX_FILE_BYTES as u64 {
        return Err(Error::Invalid(format!(
            "文件过大（{:.1} MB），导入文件不能超过 {} MB",
            len as f64 / 1024.0 / 1024.0,
            import::MAX_FILE_BYTES / 1024 / 1024
        )));
    }
    std::fs::read(path).map_err(|e| Error::Invalid(format!("无法读取 {}：{e}", path.display())))
}

/// Every row, its status and its errors (a closed pipe, e.g. `| head`, ends the listing quietly).
fn print_preview(p: &ImportPreview) {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    let mut lines = vec![format!("行号\t状态\t{}", p.columns.join("\t"))];
    for r in &p.rows {
        let mut line = format!("{}\t{}\t{}", r.row, r.status.label(), r.cells.join("\t"));
        if !r.note.is_empty() {
            line.push_str(&format!("\t→ {}", r.note));
        }
        lines.push(line.trim_end().to_string());
        for e in &r.errors {
            lines.push(format!("    × {}", import::format_error(r.row, e)));
        }
    }
    for l in lines {
        if writeln!(out, "{l}").is_err() {
            return;
        }
    }
    drop(out);
    if !p.ignored_columns.is_empty() {
        println!("未识别的列（已忽略）：{}", p.ignored_columns.join("、"));
    }
    println!("{}", p.summary());
}

fn run_import(store: &Store, ctx: &Ctx, kind: ImportKind, a: &FileArgs) -> studio_core::Result<()> {
    let bytes = read_bounded(&a.file)?;
    let p = import::preview(store, ctx, kind, &bytes)?;
    print_preview(&p);
    if p.error_rows > 0 {
        return Err(Error::Invalid(format!(
            "有 {} 行有错误，未导入任何数据",
            p.error_rows
        )));
    }
    if a.dry_run {
        println!("试运行（--dry-run）：未写入任何数据");
        return Ok(());
    }
    if p.rows
        .iter()
        .all(|r| !matches!(r.status, ImportStatus::New | ImportStatus::Update))
    {
        println!("没有需要导入的行");
    }
    let report = import::commit(store, ctx, kind, &bytes)?;
    println!("{}", report.summary());
    Ok(())
}
