//! Commands that exist only in debug and test builds.

use crate::error::CmdResult;
use crate::state::AppState;
use tauri::State;

/// Panics on the worker thread, as a bug would: the window must show an error and keep working.
#[tauri::command]
pub async fn debug_panic(state: State<'_, AppState>) -> CmdResult<()> {
    state
        .run(|_, _| -> studio_core::Result<()> { panic!("debug_panic: 测试用的程序错误") })
        .await
}
