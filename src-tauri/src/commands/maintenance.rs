//! 设置 → 备份与恢复, inside the app. The app holds the database lock, so restoring here is the safe
//! way while it runs; afterwards the window reloads every screen (`db-restored` event).

use studio_core::maintenance::{self, CheckReport};
use tauri::{AppHandle, Emitter, State};

use crate::error::CmdResult;
use crate::save::FileKind;
use crate::state::{choose_open, choose_save, AppState};

/// A consistent copy of the live database where the user chooses; `None` when they cancelled.
#[tauri::command]
pub async fn db_backup(
    app: AppHandle,
    state: State<'_, AppState>,
    suggested_name: String,
) -> CmdResult<Option<String>> {
    let Some(path) = choose_save(&app, suggested_name, FileKind::Backup).await? else {
        return Ok(None);
    };
    state
        .run(move |s, ctx| {
            maintenance::backup(s, ctx, &path)?;
            Ok(Some(path.display().to_string()))
        })
        .await
}

/// Replace the database's contents with a backup the user picks (checked first; the current data
/// is kept aside). Every screen reloads afterwards. `None` when they cancelled.
#[tauri::command]
pub async fn db_restore(
    app: AppHandle,
    state: State<'_, AppState>,
) -> CmdResult<Option<CheckReport>> {
    let Some(path) = choose_open(&app, FileKind::Backup).await? else {
        return Ok(None);
    };
    let report = state
        .run(move |s, ctx| maintenance::restore(s, ctx, &path))
        .await?;
    state.reload_settings();
    let _ = app.emit("db-restored", ());
    Ok(Some(report))
}
