//! 打印预览, 打印, 另存为 PDF, and exports. The PDF comes from studio-print (a pure function); this
//! file only fetches the cards, writes the bytes where the user chose, or hands them to the viewer.

use std::path::PathBuf;

use base64::Engine;
use studio_core::cards::{self, CardSelection};
use studio_core::export::{self, ExportFormat};
use studio_core::printing::{ExportOutcome, PrintJob, PrintOutcome, MAX_BLANK_COPIES};
use studio_core::{Actor, Error, Store};
use tauri::{AppHandle, Manager, State};
use tauri_plugin_opener::OpenerExt;

use crate::error::CmdResult;
use crate::state::AppState;

fn render(
    store: &Store,
    actor: &Actor,
    job: &PrintJob,
) -> studio_core::Result<studio_print::Rendered> {
    let rendered = match job {
        PrintJob::Blank { copies } => {
            if !(1..=MAX_BLANK_COPIES).contains(copies) {
                return Err(Error::field(
                    "copies",
                    format!("份数应在 1 到 {MAX_BLANK_COPIES} 之间"),
                ));
            }
            studio_print::blank_cards(*copies)
        }
        PrintJob::Cards { selection } => {
            let list = cards::cards_for_print(store, actor, selection)?;
            if list.is_empty() {
                return Err(Error::Invalid("没有符合条件的记录卡可打印".into()));
            }
            studio_print::render_cards(&studio_print::from_core::cards(&list))
        }
    };
    rendered.map_err(|e| Error::Invalid(e.to_string()))
}

fn outcome(r: &studio_print::Rendered, with_bytes: bool, path: Option<&PathBuf>) -> PrintOutcome {
    PrintOutcome {
        pdf_base64: if with_bytes {
            base64::engine::general_purpose::STANDARD.encode(&r.pdf)
        } else {
            String::new()
        },
        path: path.map(|p| p.display().to_string()),
        page_count: r.page_count as u32,
        missing_chars: r.missing_chars.iter().map(|c| c.to_string()).collect(),
    }
}

fn write(path: &PathBuf, bytes: &[u8]) -> studio_core::Result<()> {
    std::fs::write(path, bytes)
        .map_err(|e| Error::Invalid(format!("无法写入 {}：{e}", path.display())))
}

#[tauri::command]
pub fn print_preview(state: State<AppState>, job: PrintJob) -> CmdResult<PrintOutcome> {
    let r = state.with(|s, actor| render(s, actor, &job))?;
    Ok(outcome(&r, true, None))
}

#[tauri::command]
pub fn print_save(state: State<AppState>, job: PrintJob, path: String) -> CmdResult<PrintOutcome> {
    let path = PathBuf::from(path);
    let r = state.with(|s, actor| render(s, actor, &job))?;
    write(&path, &r.pdf)?;
    Ok(outcome(&r, false, Some(&path)))
}

/// 打印: the PDF goes to a temporary file that the system's PDF viewer opens; people print from there
/// with the printer dialog they know.
#[tauri::command]
pub fn print_open(
    app: AppHandle,
    state: State<AppState>,
    job: PrintJob,
) -> CmdResult<PrintOutcome> {
    let r = state.with(|s, actor| render(s, actor, &job))?;
    let dir = app
        .path()
        .app_cache_dir()
        .unwrap_or_else(|_| std::env::temp_dir())
        .join("print");
    std::fs::create_dir_all(&dir).map_err(Error::from)?;
    let path = dir.join(format!("记录卡-{}.pdf", studio_core::ids::new_id()));
    write(&path, &r.pdf)?;
    app.opener()
        .open_path(path.display().to_string(), None::<&str>)
        .map_err(|e| Error::Invalid(format!("无法打开 PDF 阅读器：{e}")))?;
    Ok(outcome(&r, false, Some(&path)))
}

/// 导出: a deliberate act; the path comes from the save dialog.
#[tauri::command]
pub fn cards_export(
    state: State<AppState>,
    format: String,
    selection: CardSelection,
    path: String,
) -> CmdResult<ExportOutcome> {
    let format = ExportFormat::parse(&format)
        .ok_or_else(|| Error::Invalid(format!("不支持的导出格式：{format}")))?;
    let (bytes, count) = state.with(|s, actor| {
        let list = cards::cards_for_print(s, actor, &selection)?;
        Ok((export::export_cards(&list, format)?, list.len()))
    })?;
    let path = PathBuf::from(path);
    write(&path, &bytes)?;
    Ok(ExportOutcome {
        path: path.display().to_string(),
        count: count as u32,
    })
}
