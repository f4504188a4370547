//! 接待安排: a month's plan, 今日 / 本周接待, a delegate's own duty, slots, swaps, copying a month
//! forward, publishing, and the wall poster (preview, 另存为 PDF, 打印). Changes name the version
//! they were based on. The poster is the core's `printing::render_poster`; once it was saved or
//! handed to the system viewer, the month's 「海报待更新」 mark is cleared
//! (`schedule::mark_poster_printed`).

use studio_core::audit::ChangeRecord;
use studio_core::files::write_atomic;
use studio_core::printing::{self, PrintOutcome};
use studio_core::schedule::{
    self, CopyInput, CopyReport, MonthPlan, MonthSummary, PlanDay, ScheduleMonth, Slot, SlotInput,
    SwapInput, SwapOutcome,
};
use studio_core::Permission;
use tauri::{AppHandle, State};

use super::print::outcome;
use crate::error::CmdResult;
use crate::save::FileKind;
use crate::state::{choose_save, AppState};

// ---- reads ----

#[tauri::command]
pub async fn schedule_month_plan(
    state: State<'_, AppState>,
    month: String,
) -> CmdResult<MonthPlan> {
    state
        .run(move |s, ctx| schedule::month_plan(s, ctx, &month))
        .await
}

#[tauri::command]
pub async fn schedule_month_state(
    state: State<'_, AppState>,
    month: String,
) -> CmdResult<ScheduleMonth> {
    state
        .run(move |s, ctx| schedule::month_state(s, ctx, &month))
        .await
}

/// The months with slots or published, newest first.
#[tauri::command]
pub async fn schedule_months(state: State<'_, AppState>) -> CmdResult<Vec<MonthSummary>> {
    state.run(schedule::month_summaries).await
}

/// 今日接待: the slots of `date`.
#[tauri::command]
pub async fn schedule_today(state: State<'_, AppState>, date: String) -> CmdResult<Vec<Slot>> {
    state
        .run(move |s, ctx| schedule::today_duty(s, ctx, &date))
        .await
}

/// 本周接待: the days with slots from `from` through the sixth day after it.
#[tauri::command]
pub async fn schedule_week(state: State<'_, AppState>, from: String) -> CmdResult<Vec<PlanDay>> {
    state
        .run(move |s, ctx| schedule::week_duty(s, ctx, &from))
        .await
}

/// The first day on or after `from` with slots (when there is none today).
#[tauri::command]
pub async fn schedule_next_day(
    state: State<'_, AppState>,
    from: String,
) -> CmdResult<Option<PlanDay>> {
    state
        .run(move |s, ctx| schedule::next_duty_day(s, ctx, &from))
        .await
}

/// 我的接待: the logged-in delegate's slots from `from` to `to`.
#[tauri::command]
pub async fn schedule_my_duty(
    state: State<'_, AppState>,
    from: String,
    to: String,
) -> CmdResult<Vec<Slot>> {
    state
        .run(move |s, ctx| schedule::my_duty(s, ctx, &from, &to))
        .await
}

#[tauri::command]
pub async fn schedule_slot_history(
    state: State<'_, AppState>,
    id: String,
) -> CmdResult<Vec<ChangeRecord>> {
    state
        .run(move |s, ctx| schedule::slot_history(s, ctx, &id))
        .await
}

#[tauri::command]
pub async fn schedule_month_history(
    state: State<'_, AppState>,
    month: String,
) -> CmdResult<Vec<ChangeRecord>> {
    state
        .run(move |s, ctx| schedule::month_history(s, ctx, &month))
        .await
}

// ---- writes ----

#[tauri::command]
pub async fn schedule_slot_create(state: State<'_, AppState>, input: SlotInput) -> CmdResult<Slot> {
    state
        .run(move |s, ctx| schedule::create_slot(s, ctx, &input))
        .await
}

#[tauri::command]
pub async fn schedule_slot_update(
    state: State<'_, AppState>,
    id: String,
    version: i64,
    input: SlotInput,
) -> CmdResult<Slot> {
    state
        .run(move |s, ctx| schedule::update_slot(s, ctx, &id, version, &input))
        .await
}

#[tauri::command]
pub async fn schedule_slot_delete(
    state: State<'_, AppState>,
    id: String,
    version: i64,
) -> CmdResult<()> {
    state
        .run(move |s, ctx| schedule::delete_slot(s, ctx, &id, version))
        .await
}

/// 调换: two delegates change places between two slots, in one write.
#[tauri::command]
pub async fn schedule_swap(state: State<'_, AppState>, input: SwapInput) -> CmdResult<SwapOutcome> {
    state
        .run(move |s, ctx| schedule::swap(s, ctx, &input))
        .await
}

/// 复制上月: what was made and what was skipped, and why.
#[tauri::command]
pub async fn schedule_copy_month(
    state: State<'_, AppState>,
    input: CopyInput,
) -> CmdResult<CopyReport> {
    state
        .run(move |s, ctx| schedule::copy_month(s, ctx, &input))
        .await
}

/// 发布 a month whose state was read at `version` (0: never published).
#[tauri::command]
pub async fn schedule_publish(
    state: State<'_, AppState>,
    month: String,
    version: i64,
) -> CmdResult<ScheduleMonth> {
    state
        .run(move |s, ctx| schedule::publish_month(s, ctx, &month, version))
        .await
}

// ---- the wall poster ----

/// The poster of `month` as PDF bytes (base64), to show before printing.
#[tauri::command]
pub async fn schedule_poster_preview(
    state: State<'_, AppState>,
    month: String,
) -> CmdResult<PrintOutcome> {
    state
        .run(move |s, ctx| {
            let r = printing::render_poster(s, ctx, &month)?;
            Ok(outcome(&r, true, None))
        })
        .await
}

/// 另存为 PDF: asks where (native dialog), renders, writes crash-safely, then clears the month's
/// 「海报待更新」 mark. Keeping the schedule is what may print its poster: refused before the dialog
/// otherwise. `None`: the user cancelled.
#[tauri::command]
pub async fn schedule_poster_save(
    app: AppHandle,
    state: State<'_, AppState>,
    month: String,
    suggested_name: String,
) -> CmdResult<Option<PrintOutcome>> {
    state.ctx()?.require(Permission::EditSchedule)?;
    let Some(path) = choose_save(&app, suggested_name, FileKind::Pdf).await? else {
        return Ok(None);
    };
    state
        .run(move |s, ctx| {
            let r = printing::render_poster(s, ctx, &month)?;
            write_atomic(&path, &r.pdf)?;
            schedule::mark_poster_printed(s, ctx, &month)?;
            Ok(Some(outcome(&r, false, Some(&path))))
        })
        .await
}

/// 打印: the poster goes to the app's private print folder and the system's PDF viewer opens it;
/// the month's 「海报待更新」 mark is cleared.
#[tauri::command]
pub async fn schedule_poster_open(
    app: AppHandle,
    state: State<'_, AppState>,
    month: String,
) -> CmdResult<PrintOutcome> {
    state.ctx()?.require(Permission::EditSchedule)?;
    let path = super::print::print_file(&state, "接待安排");
    let written = path.clone();
    let out = state
        .run(move |s, ctx| {
            let r = printing::render_poster(s, ctx, &month)?;
            write_atomic(&written, &r.pdf)?;
            schedule::mark_poster_printed(s, ctx, &month)?;
            Ok(outcome(&r, false, Some(&written)))
        })
        .await?;
    super::print::open_in_viewer(&app, &path)?;
    Ok(out)
}
