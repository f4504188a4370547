//! Start-up status, the first-start choice, recent activity.

use studio_core::audit::{self, ChangeRecord};
use studio_core::status::{app_status as status, AppStatus};
use tauri::State;

use crate::error::CmdResult;
use crate::state::AppState;

#[tauri::command]
pub fn app_status(state: State<AppState>) -> CmdResult<AppStatus> {
    state.with(|s, _| status(s))
}

#[tauri::command]
pub fn setup_load_demo(state: State<AppState>) -> CmdResult<AppStatus> {
    state.with(|s, _| {
        studio_core::demo::load(s, false)?;
        status(s)
    })
}

#[tauri::command]
pub fn setup_start_blank(state: State<AppState>) -> CmdResult<AppStatus> {
    state.with(|s, actor| {
        studio_core::settings::start_blank(s, actor)?;
        status(s)
    })
}

#[tauri::command]
pub fn audit_recent(state: State<AppState>, limit: u32) -> CmdResult<Vec<ChangeRecord>> {
    state.with(|s, actor| audit::recent(s, actor, limit))
}

/// A timing mark from the UI for the start-up benchmark: printed to stderr with the wall-clock time
/// in milliseconds, only when the app was started with `STUDIO_TRACE=1`.
#[tauri::command]
pub fn app_mark(label: String) {
    if std::env::var_os("STUDIO_TRACE").is_some() {
        let ms = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_millis())
            .unwrap_or(0);
        eprintln!(
            "[studio-trace] {} {ms}",
            label.chars().take(40).collect::<String>()
        );
    }
}
