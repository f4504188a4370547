//! 设置 → 工作日历: the month grid and the studio's own corrections. A correction recomputes the
//! stored deadlines of every open card and item, on a worker thread.

use studio_core::calendar::{self, CalendarDay, CalendarOverride, OverrideKind};
use tauri::State;

use crate::error::CmdResult;
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

/// `version`: the day's `version` as the month grid showed it (0 for a day never overridden).
#[tauri::command]
pub async fn calendar_override_set(
    state: State<'_, AppState>,
    date: String,
    version: i64,
    kind: OverrideKind,
    note: String,
) -> CmdResult<CalendarOverride> {
    state
        .run(move |s, ctx| calendar::set_override(s, ctx, &date, version, kind, &note))
        .await
}

#[tauri::command]
pub async fn calendar_override_remove(
    state: State<'_, AppState>,
    date: String,
    version: i64,
) -> CmdResult<()> {
    state
        .run(move |s, ctx| calendar::remove_override(s, ctx, &date, version))
        .await
}
