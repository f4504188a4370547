//! The studio's own records from a script: `studio export (news|volunteers|funds)` and
//! `studio wall pdf --doc KIND -o FILE`.

use std::path::PathBuf;

use studio_core::export::{self, ExportFormat};
use studio_core::files::write_atomic;
use studio_core::wall::WallKind;
use studio_core::{export_purpose, funds, news, printing, volunteers, Ctx, Error, Store};

use crate::export::Args;
use crate::identity;

fn format_of(a: &Args) -> studio_core::Result<ExportFormat> {
    ExportFormat::parse(&a.format).ok_or_else(|| {
        Error::Invalid(format!(
            "不支持的格式：{}（可选 json、csv、xlsx）",
            a.format
        ))
    })
}

/// `news` (json/csv/xlsx, `--from/--to` by the post's date), `volunteers` (personal data: asks the
/// export permission, logged with `--reason`; `--masked` masks contacts) and `funds` (`--year`,
/// json/xlsx/pdf).
pub fn export(store: &Store, ctx: &Ctx, a: &Args) -> studio_core::Result<()> {
    match a.what.as_str() {
        "news" => {
            let rows = news::news_for_export(store, ctx, a.from.as_deref(), a.to.as_deref())?;
            write_atomic(&a.out, &export::export_news(&rows, format_of(a)?)?)?;
            println!("已导出 {} 条工作室动态到 {}", rows.len(), a.out.display());
        }
        "volunteers" => {
            let purpose = identity::export_purpose(a.reason.as_deref(), a.masked)?;
            let rows = volunteers::volunteers_for_export(store, ctx, purpose.masked)?;
            write_atomic(&a.out, &export::export_volunteers(&rows, format_of(a)?)?)?;
            export_purpose::record(store, ctx, "volunteers:*", rows.len(), &purpose)?;
            println!(
                "已导出 {} 名联络员和志愿者到 {}",
                rows.len(),
                a.out.display()
            );
        }
        _ => {
            let year = a
                .year
                .ok_or_else(|| Error::Invalid("请用 --year 指定年度，例如 --year 2026".into()))?;
            let bytes = match a.format.as_str() {
                "json" => export::funds::funds_json(&funds::statement(store, ctx, year)?)?,
                "xlsx" => export::funds::funds_xlsx(&funds::statement(store, ctx, year)?)?,
                "pdf" => printing::funds_pdf(store, ctx, year)?.pdf,
                other => {
                    return Err(Error::Invalid(format!(
                        "经费收支表不支持 {other} 格式（可选 json、xlsx、pdf）"
                    )))
                }
            };
            write_atomic(&a.out, &bytes)?;
            println!("已导出 {year} 年度经费收支表到 {}", a.out.display());
        }
    }
    Ok(())
}

#[derive(clap::Subcommand)]
pub enum WallCommand {
    /// 输出上墙制度（A4 PDF；标识为横向）
    Pdf {
        /// rules（工作制度）、workflow（接待工作流程）、duties（联络员职责）、pledge（服务承诺）、
        /// sign（标识）、roster（党代表名册）、plan（活动安排）
        #[arg(long, value_parser = ["rules", "workflow", "duties", "pledge", "sign", "roster", "plan"])]
        doc: String,
        /// 输出文件
        #[arg(short = 'o', long = "out")]
        out: PathBuf,
    },
}

pub fn wall(store: &Store, ctx: &Ctx, cmd: WallCommand) -> studio_core::Result<()> {
    match cmd {
        WallCommand::Pdf { doc, out } => {
            let kind = WallKind::parse(&doc)
                .ok_or_else(|| Error::Invalid(format!("没有这种上墙文件：{doc}")))?;
            let r = printing::render_wall(store, ctx, kind)?;
            write_atomic(&out, &r.pdf)?;
            println!(
                "已输出上墙制度（{}）：{}（{} 页，{} KB）",
                kind.label(),
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
