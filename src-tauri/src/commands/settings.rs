//! 设置.

use studio_core::settings::{self, Settings};
use tauri::State;

use crate::error::CmdResult;
use crate::state::AppState;

#[tauri::command]
pub fn settings_get(state: State<AppState>) -> CmdResult<Settings> {
    state.with(|s, _| settings::load(s))
}

#[tauri::command]
pub fn settings_save(state: State<AppState>, input: Settings) -> CmdResult<Settings> {
    state.with(|s, actor| settings::save(s, actor, &input))
}
