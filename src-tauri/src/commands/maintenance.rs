//! 设置 → 备份与恢复, inside the app. The app holds the database lock, so restoring here is the safe
//! way while it runs; afterwards the window reloads every screen (`db-restored` event). Backups are
//! the core's archives (`studio_core::backup`); 自动备份's settings and status are read and saved here,
//! its folder only from the folder dialog this backend opens.

use studio_core::backup::auto::{self, AutoBackupInput, AutoBackupSettings, BackupStatus};
use studio_core::backup::{self, BackupSummary, RestoreReport};
use tauri::{AppHandle, Emitter, State};

use crate::error::CmdResult;
use crate::save::FileKind;
use crate::state::{choose_folder, choose_open, choose_save, AppState};

/// 立即备份: an archive where the user chooses; `None` when they cancelled. The result (or the
/// failure) is noted for 设置 and 工作台.
#[tauri::command]
pub async fn db_backup(
    app: AppHandle,
    state: State<'_, AppState>,
    suggested_name: String,
) -> CmdResult<Option<BackupSummary>> {
    let Some(path) = choose_save(&app, suggested_name, FileKind::Backup).await? else {
        return Ok(None);
    };
    state
        .run(move |s, ctx| {
            let now = chrono::Utc::now();
            let made = backup::create(s, ctx, &path);
            let noted = match &made {
                Ok(sum) => Ok(sum.path.as_str()),
                Err(e) => Err(e.to_string()),
            };
            auto::note_result(
                s,
                ctx,
                false,
                now,
                noted.as_ref().map(|p| *p).map_err(|e| e.as_str()),
            )?;
            made.map(Some)
        })
        .await
}

/// Replace the data with a backup the user picks (checked first; the current data is kept aside).
/// Every screen reloads afterwards. `None` when they cancelled.
#[tauri::command]
pub async fn db_restore(
    app: AppHandle,
    state: State<'_, AppState>,
) -> CmdResult<Option<RestoreReport>> {
    let Some(path) = choose_open(&app, FileKind::Backup).await? else {
        return Ok(None);
    };
    let report = state
        .run(move |s, ctx| backup::restore(s, ctx, &path))
        .await?;
    state.reload_settings();
    let _ = app.emit("db-restored", ());
    Ok(Some(report))
}

/// The last backup and 工作台's warning (a missing folder, a failed backup, none for two days).
#[tauri::command]
pub async fn backup_status(state: State<'_, AppState>) -> CmdResult<BackupStatus> {
    state
        .run(|s, ctx| auto::status(s, ctx, chrono::Utc::now()))
        .await
}

#[tauri::command]
pub async fn auto_backup_save(
    state: State<'_, AppState>,
    input: AutoBackupInput,
) -> CmdResult<AutoBackupSettings> {
    state.run(move |s, ctx| auto::save(s, ctx, &input)).await
}

/// 选择文件夹: the backend's folder dialog; `None` when cancelled.
#[tauri::command]
pub async fn auto_backup_choose_folder(
    app: AppHandle,
    state: State<'_, AppState>,
    version: i64,
) -> CmdResult<Option<AutoBackupSettings>> {
    let Some(folder) = choose_folder(&app).await? else {
        return Ok(None);
    };
    state
        .run(move |s, ctx| auto::set_folder(s, ctx, &folder, version).map(Some))
        .await
}
