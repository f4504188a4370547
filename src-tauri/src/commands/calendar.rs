//! 设置 → 工作日历: the month grid and the studio's own corrections. A correction recomputes the
//! stored deadlines of every open card and item, on a worker thread, as a long job (progress and
//! 取消, see `jobs.rs`).

use studio_core::calendar::{self, CalendarDay, CalendarOverride, OverrideKind};
use tauri::ipc::Channel;
use tauri::State;

use crate::error::CmdResult;
use crate::jobs::Progress;
use crate::state::AppState;

#[tauri::command]
pub async fn calendar_month(
    state: State<'_, AppState>,
    year: i32,
    month: u32,
) -> CmdResult<Vec<CalendarDay>> {
    state
        .run(move |s, ctx| calendar::month_view(s, ctx, year, month))
        .await
}

#[tauri::command]
pub async fn calendar_overrides(
    state: State<'_, AppState>,
    year: Option<i32>,
) -> CmdResult<Vec<CalendarOverride>> {
    state
        .run(move |s, ctx| calendar::list_overrides(s, ctx, year))
        .await
}

/// `version`: the day's `version` as the month grid showed it (0 for a day never overridden). A long
/// job: the stored deadlines of every open card and item are recomputed in the same write, reported
/// on `on_progress` (cards and items looked at); `job_cancel(job_id)` stops it and nothing is
/// changed (`cancelled`).
#[tauri::command]
pub async fn calendar_override_set(
    state: State<'_, AppState>,
    date: String,
    version: i64,
    kind: OverrideKind,
    note: String,
    job_id: String,
    on_progress: Channel<Progress>,
) -> CmdResult<CalendarOverride> {
    let job = state.jobs.start(&job_id);
    let mut go_on = job.reporter(on_progress);
    state
        .run(move |s, ctx| {
            let _job = job;
            calendar::set_override_with_progress(s, ctx, &date, version, kind, &note, &mut go_on)
        })
        .await
}

/// The official calendar applies to `date` again; a long job like [`calendar_override_set`].
#[tauri::command]
pub async fn calendar_override_remove(
    state: State<'_, AppState>,
    date: String,
    version: i64,
    job_id: String,
    on_progress: Channel<Progress>,
) -> CmdResult<()> {
    let job = state.jobs.start(&job_id);
    let mut go_on = job.reporter(on_progress);
    state
        .run(move |s, ctx| {
            let _job = job;
            calendar::remove_override_with_progress(s, ctx, &date, version, &mut go_on)
        })
        .await
}
