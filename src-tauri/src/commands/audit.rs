//! 审计 (管理员, 审计员): the audit log's pages, its export, the archive of old entries.

use studio_core::audit_log::{self, ArchiveOutcome, AuditFormat, AuditPage, AuditQuery};
use tauri::{AppHandle, State};

use crate::error::CmdResult;
use crate::save::FileKind;
use crate::state::{choose_save, AppState};

#[tauri::command]
pub async fn audit_list(state: State<'_, AppState>, query: AuditQuery) -> CmdResult<AuditPage> {
    state
        .run(move |s, ctx| audit_log::list(s, ctx, &query))
        .await
}

/// Export the entries matching `query` (all pages) to a file the person chooses; `None` when the
/// dialog was closed.
#[tauri::command]
pub async fn audit_export(
    app: AppHandle,
    state: State<'_, AppState>,
    query: AuditQuery,
    format: AuditFormat,
    suggested_name: String,
) -> CmdResult<Option<String>> {
    // The permission first: a refused person is not shown a save dialog.
    let ctx = state.ctx()?;
    ctx.require(studio_core::Permission::ReadAudit)?;
    let kind = match format {
        AuditFormat::Json => FileKind::Json,
        AuditFormat::Csv => FileKind::Csv,
        AuditFormat::Xlsx => FileKind::Xlsx,
    };
    let Some(path) = choose_save(&app, suggested_name, kind).await? else {
        return Ok(None);
    };
    state
        .run(move |s, ctx| {
            let bytes = audit_log::export(s, ctx, &query, format)?;
            studio_core::files::write_atomic(&path, &bytes)?;
            Ok(Some(path.display().to_string()))
        })
        .await
}

/// Archive the entries older than 设置 → 审计日志保留期限 into the data folder's `archive/`.
#[tauri::command]
pub async fn audit_archive(state: State<'_, AppState>) -> CmdResult<ArchiveOutcome> {
    state
        .run(move |s, ctx| {
            let months = studio_core::settings::load(s)?.audit_retention_months;
            let dir = audit_log::archive_dir(s);
            studio_core::files::create_private_dir(&dir)?;
            audit_log::archive(s, ctx, months, &dir)
        })
        .await
}
