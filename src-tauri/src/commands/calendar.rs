//! 设置 → 工作日历: the month grid and the studio's own corrections.

use studio_core::calendar::{self, CalendarDay, CalendarOverride, OverrideKind};
use tauri::State;

use crate::error::CmdResult;
use crate::state::AppState;

#[tauri::command]
pub fn calendar_month(
    state: State<AppState>,
    year: i32,
    month: u32,
) -> CmdResult<Vec<CalendarDay>> {
    state.with(|s, _| calendar::month_view(s, year, month))
}

#[tauri::command]
pub fn calendar_overrides(
    state: State<AppState>,
    year: Option<i32>,
) -> CmdResult<Vec<CalendarOverride>> {
    state.with(|s, _| calendar::list_overrides(s, year))
}

#[tauri::command]
pub fn calendar_override_set(
    state: State<AppState>,
    date: String,
    kind: OverrideKind,
    note: String,
) -> CmdResult<CalendarOverride> {
    state.with(|s, actor| calendar::set_override(s, actor, &date, kind, &note))
}

#[tauri::command]
pub fn calendar_override_remove(state: State<AppState>, date: String) -> CmdResult<()> {
    state.with(|s, actor| calendar::remove_override(s, actor, &date))
}
