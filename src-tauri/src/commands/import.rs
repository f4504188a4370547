//! 导入 (Excel import of the roster and of paper cards): the file is picked in a native dialog the
//! backend opens, read and previewed by the core; its bytes stay here (never the page's) until
//! 确认导入 writes them through the core in one transaction, or the dialog is closed.

use std::sync::Mutex;

use studio_core::files::write_atomic;
use studio_core::import::{self, ImportFile, ImportKind, ImportReport};
use studio_core::{Error, Permission};
use tauri::ipc::Channel;
use tauri::{AppHandle, State};

use crate::error::CmdResult;
use crate::jobs::Progress;
use crate::save::FileKind;
use crate::state::{blocking, choose_save, AppState};

/// The file picked for import: its kind and bytes, until it is imported or dropped.
#[derive(Default)]
pub struct PendingImport(Mutex<Option<(ImportKind, Vec<u8>)>>);

impl PendingImport {
    fn set(&self, v: Option<(ImportKind, Vec<u8>)>) {
        *self.0.lock().unwrap_or_else(|e| e.into_inner()) = v;
    }

    fn take(&self, kind: ImportKind) -> Option<Vec<u8>> {
        let mut g = self.0.lock().unwrap_or_else(|e| e.into_inner());
        match g.as_ref() {
            Some((k, _)) if *k == kind => g.take().map(|(_, b)| b),
            _ => None,
        }
    }
}

fn kind_of(kind: &str) -> CmdResult<ImportKind> {
    Ok(ImportKind::parse(kind)
        .ok_or_else(|| Error::Invalid(format!("不支持的导入类型：{kind}")))?)
}

/// Pick a sheet and preview it, reporting the rows checked to `on_progress`
/// (`job_cancel(job_id)` stops the preview); `None` when the user cancelled the dialog.
#[tauri::command]
pub async fn import_pick(
    app: AppHandle,
    state: State<'_, AppState>,
    pending: State<'_, PendingImport>,
    kind: String,
    job_id: String,
    on_progress: Channel<Progress>,
) -> CmdResult<Option<ImportFile>> {
    let kind = kind_of(&kind)?;
    // Refused before the dialog when the role may not import.
    let ctx = state.ctx()?;
    ctx.require(Permission::ImportRecords)?;
    let picker = app.clone();
    let picked = blocking(move || {
        use tauri::Manager;
        picker.state::<AppState>().saves.choose_open_sheet(&picker)
    })
    .await?;
    let Some(path) = picked else {
        return Ok(None);
    };
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let job = state.jobs.start(&job_id);
    let mut go_on = job.reporter(on_progress);
    let (bytes, preview) = state
        .run(move |s, ctx| {
            let _job = job;
            let len = std::fs::metadata(&path)?.len();
            if len > import::MAX_FILE_BYTES as u64 {
                return Err(Error::Invalid(format!(
                    "文件过大，导入文件不能超过 {} MB",
                    import::MAX_FILE_BYTES / 1024 / 1024
                )));
            }
            let bytes = std::fs::read(&path)?;
            let preview = import::preview_with_progress(s, ctx, kind, &bytes, &mut go_on)?;
            Ok((bytes, preview))
        })
        .await?;
    pending.set(Some((kind, bytes)));
    Ok(Some(ImportFile { file_name, preview }))
}

/// Import the picked sheet (read and checked again inside the write), reporting the rows checked
/// and written to `on_progress`; `job_cancel(job_id)` stops it before the write commits (nothing
/// is written, the file stays picked).
#[tauri::command]
pub async fn import_commit(
    state: State<'_, AppState>,
    pending: State<'_, PendingImport>,
    kind: String,
    job_id: String,
    on_progress: Channel<Progress>,
) -> CmdResult<ImportReport> {
    let kind = kind_of(&kind)?;
    let bytes = pending
        .take(kind)
        .ok_or_else(|| Error::Invalid("请先选择要导入的文件".into()))?;
    let kept = bytes.clone();
    let job = state.jobs.start(&job_id);
    let mut go_on = job.reporter(on_progress);
    let out = state
        .run(move |s, ctx| {
            let _job = job;
            import::commit_with_progress(s, ctx, kind, &bytes, &mut go_on)
        })
        .await;
    if out.is_err() {
        // Refused (a row's error found only by the write, a stale row) or cancelled: the file stays
        // picked.
        pending.set(Some((kind, kept)));
    }
    out
}

/// Forget the picked file (the dialog was closed).
#[tauri::command]
pub async fn import_clear(pending: State<'_, PendingImport>) -> CmdResult<()> {
    pending.set(None);
    Ok(())
}

/// Save the template where the user chooses; where it went, `None` when they cancelled.
#[tauri::command]
pub async fn import_template(
    app: AppHandle,
    state: State<'_, AppState>,
    kind: String,
) -> CmdResult<Option<String>> {
    let kind = kind_of(&kind)?;
    let bytes = state
        .run(move |s, ctx| import::template(s, ctx, kind))
        .await?;
    let Some(path) = choose_save(&app, kind.template_name().to_string(), FileKind::Xlsx).await?
    else {
        return Ok(None);
    };
    state
        .run(move |_, _| {
            write_atomic(&path, &bytes)?;
            Ok(Some(path.display().to_string()))
        })
        .await
}
