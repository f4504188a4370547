//! 打印预览, 打印, 另存为 PDF, and card exports. The job ("which cards → render → bytes") is the
//! core's `printing::render`, the same the CLI calls; this file runs it on a worker thread with
//! progress and cancel, and puts the bytes where they go: back to the page (preview), into a private
//! folder for the system viewer (打印), or where the user chose in a native dialog (另存为).

use std::path::{Path, PathBuf};

use base64::Engine;
use studio_core::cards::{self, CardSelection};
use studio_core::export::{self, ExportFormat};
use studio_core::export_purpose::{self, ExportPurpose};
use studio_core::files::write_atomic;
use studio_core::printing::{self, ExportOutcome, PrintJob, PrintOutcome, Rendered};
use studio_core::Error;
use tauri::ipc::Channel;
use tauri::{AppHandle, State};
use tauri_plugin_opener::OpenerExt;

use crate::error::CmdResult;
use crate::jobs::Progress;
use crate::save::FileKind;
use crate::state::{choose_save, AppState};

/// What a print command answers: the bytes (base64) when asked for, where the file went.
pub(crate) fn outcome(r: &Rendered, with_bytes: bool, path: Option<&Path>) -> PrintOutcome {
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

/// Render `job` on a worker thread, reporting to `on_progress`, then hand the PDF to `finish`
/// (still on the worker thread).
async fn render_then<T: Send + 'static>(
    state: &AppState,
    job: PrintJob,
    job_id: &str,
    on_progress: Channel<Progress>,
    finish: impl FnOnce(Rendered) -> studio_core::Result<T> + Send + 'static,
) -> CmdResult<T> {
    let running = state.jobs.start(job_id);
    let mut go_on = running.reporter(on_progress);
    state
        .run(move |s, ctx| {
            let _running = running;
            let r = printing::render(s, ctx, &job, &mut go_on)?;
            finish(r)
        })
        .await
}

#[tauri::command]
pub async fn print_preview(
    state: State<'_, AppState>,
    job: PrintJob,
    job_id: String,
    on_progress: Channel<Progress>,
) -> CmdResult<PrintOutcome> {
    render_then(&state, job, &job_id, on_progress, |r| {
        Ok(outcome(&r, true, None))
    })
    .await
}

/// 另存为 PDF: asks where (native dialog), renders, writes crash-safely. `None`: the user cancelled.
#[tauri::command]
pub async fn print_save(
    app: AppHandle,
    state: State<'_, AppState>,
    job: PrintJob,
    suggested_name: String,
    job_id: String,
    on_progress: Channel<Progress>,
) -> CmdResult<Option<PrintOutcome>> {
    let Some(path) = choose_save(&app, suggested_name, FileKind::Pdf).await? else {
        return Ok(None);
    };
    render_then(&state, job, &job_id, on_progress, move |r| {
        write_atomic(&path, &r.pdf)?;
        Ok(Some(outcome(&r, false, Some(&path))))
    })
    .await
}

/// A new file name in the app's private print folder (emptied at every start): `<what>-<id>.pdf`.
pub(crate) fn print_file(state: &AppState, what: &str) -> PathBuf {
    state
        .print_dir
        .join(format!("{what}-{}.pdf", studio_core::ids::new_id()))
}

/// Hand a written PDF to the system's viewer; people print from there with the dialog they know.
pub(crate) fn open_in_viewer(app: &AppHandle, path: &Path) -> CmdResult<()> {
    app.opener()
        .open_path(path.display().to_string(), None::<&str>)
        .map_err(|e| Error::Invalid(format!("无法打开 PDF 阅读器：{e}")))?;
    Ok(())
}

/// 打印: the PDF goes to the app's private print folder (emptied at every start), and the system's
/// PDF viewer opens it; people print from there with the printer dialog they know.
#[tauri::command]
pub async fn print_open(
    app: AppHandle,
    state: State<'_, AppState>,
    job: PrintJob,
    job_id: String,
    on_progress: Channel<Progress>,
) -> CmdResult<PrintOutcome> {
    let path = print_file(&state, "记录卡");
    let written = path.clone();
    let out = render_then(&state, job, &job_id, on_progress, move |r| {
        write_atomic(&written, &r.pdf)?;
        Ok(outcome(&r, false, Some(&written)))
    })
    .await?;
    open_in_viewer(&app, &path)?;
    Ok(out)
}

/// 导出记录卡: asks where (native dialog), then reads, formats and writes crash-safely, reporting each
/// phase; `job_cancel` stops it before the file is written. `None`: the user cancelled.
#[tauri::command]
#[allow(clippy::too_many_arguments)]
pub async fn cards_export(
    app: AppHandle,
    state: State<'_, AppState>,
    format: String,
    selection: CardSelection,
    purpose: ExportPurpose,
    suggested_name: String,
    job_id: String,
    on_progress: Channel<Progress>,
) -> CmdResult<Option<ExportOutcome>> {
    let format = ExportFormat::parse(&format)
        .ok_or_else(|| Error::Invalid(format!("不支持的导出格式：{format}")))?;
    // Refused before the dialog: no reason, or no permission.
    purpose.checked()?;
    state
        .ctx()?
        .require(studio_core::Permission::ExportPersonalData)?;
    let Some(path) = choose_save(&app, suggested_name, FileKind::for_export(format)).await? else {
        return Ok(None);
    };
    let running = state.jobs.start(&job_id);
    let mut go_on = running.reporter(on_progress);
    state
        .run(move |s, ctx| {
            let _running = running;
            crate::jobs::export_phases(
                &path,
                &mut go_on,
                || {
                    let list = cards::cards_for_export(s, ctx, &selection)?;
                    export_purpose::record(s, ctx, "card", list.len(), &purpose)?;
                    Ok(if purpose.masked {
                        export_purpose::mask_cards(list)
                    } else {
                        list
                    })
                },
                |list| export::export_cards(list, format),
            )
            .map(Some)
        })
        .await
}
