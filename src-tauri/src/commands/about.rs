//! 设置 → 关于: the version, the database and its schema, the calendar data, licences.

use studio_core::about::{self, About};
use tauri::State;

use crate::error::CmdResult;
use crate::state::AppState;

#[tauri::command]
pub async fn about_get(state: State<'_, AppState>) -> CmdResult<About> {
    state.run(about::about).await
}
