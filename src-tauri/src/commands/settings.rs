//! 设置.

use studio_core::settings::{self, Settings};
use tauri::State;

use crate::error::CmdResult;
use crate::state::AppState;

#[tauri::command]
pub async fn settings_get(state: State<'_, AppState>) -> CmdResult<Settings> {
    state.run(|s, _| settings::load(s)).await
}

/// Saves what was edited from `input.version`; a stale version answers `conflict`.
#[tauri::command]
pub async fn settings_save(state: State<'_, AppState>, input: Settings) -> CmdResult<Settings> {
    let saved = state
        .run(move |s, ctx| settings::save(s, ctx, &input))
        .await?;
    state.reload_settings();
    Ok(saved)
}
