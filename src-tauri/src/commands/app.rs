//! Start-up status, the first-start choice, recent activity, cancelling a long job.

use studio_core::audit::{self, ChangeRecord};
use studio_core::status::{app_status as status, AppStatus};
use tauri::State;

use crate::error::CmdResult;
use crate::state::AppState;

#[tauri::command]
pub async fn setup_load_demo(state: State<'_, AppState>) -> CmdResult<AppStatus> {
    state
        .run(|s, ctx| {
            studio_core::demo::load(s, false)?;
            let mut st = status(s, Some(ctx))?;
            st.session = studio_core::status::SessionState::Active;
            Ok(st)
        })
        .await
}

#[tauri::command]
pub async fn setup_start_blank(state: State<'_, AppState>) -> CmdResult<AppStatus> {
    state
        .run(|s, ctx| {
            studio_core::settings::start_blank(s, ctx)?;
            let mut st = status(s, Some(ctx))?;
            st.session = studio_core::status::SessionState::Active;
            Ok(st)
        })
        .await
}

#[tauri::command]
pub async fn audit_recent(state: State<'_, AppState>, limit: u32) -> CmdResult<Vec<ChangeRecord>> {
    state.run(move |s, ctx| audit::recent(s, ctx, limit)).await
}

/// Stop a long job (batch PDF, export) the page started with `job_id`; false if it already ended.
#[tauri::command]
pub fn job_cancel(state: State<'_, AppState>, job_id: String) -> bool {
    state.jobs.cancel(&job_id)
}

/// A timing mark from the UI for the start-up benchmark: printed to stderr with the wall-clock time
/// in milliseconds, only when the app was started with `STUDIO_TRACE=1`.
#[tauri::command]
pub fn app_mark(label: String) {
    crate::trace::mark(&label);
}
