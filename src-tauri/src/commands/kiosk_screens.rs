//! The kiosk's screens (自助终端): 今日接待, 代表风采, 接访安排, 工作室简介, 有事找代表, 约见党代表,
//! 查询进度, and the query-code slip. Each runs as the kiosk's visitor (`AppState::run_kiosk`: no
//! login, refused in a normal window) and is one core call: what a visitor may see or do is the
//! core's (published months only, consenting delegates only, nothing of any record but their own
//! progress). "Today" is the core's (`ctx.today`, Asia/Shanghai), not the page's clock.

use studio_core::appointments::AppointmentSource;
use studio_core::files::write_atomic;
use studio_core::items::ItemSource;
use studio_core::kiosk::{
    self, AppointmentReceipt, AppointmentRequestInput, DelegationProfiles, MessageInput, Progress,
    Receipt,
};
use studio_core::printing::{self, PrintOutcome, SlipRequest};
use studio_core::roster;
use studio_core::schedule::{self, MonthPlan, PlanDay, ScheduleMonth, Slot};
use tauri::{AppHandle, State};

use crate::error::CmdResult;
use crate::state::AppState;

/// 今日接待: today's slots in time order (published months only).
#[tauri::command]
pub async fn kiosk_today(state: State<'_, AppState>) -> CmdResult<Vec<Slot>> {
    state
        .run_kiosk(|s, ctx| schedule::today_duty(s, ctx, &ctx.today.format("%Y-%m-%d").to_string()))
        .await
}

/// The next reception day after today and its slots, for 「今日无接待安排」 (`None`: none within a
/// year).
#[tauri::command]
pub async fn kiosk_next_duty_day(state: State<'_, AppState>) -> CmdResult<Option<PlanDay>> {
    state
        .run_kiosk(|s, ctx| {
            let tomorrow = ctx.today.succ_opt().unwrap_or(ctx.today);
            schedule::next_duty_day(s, ctx, &tomorrow.format("%Y-%m-%d").to_string())
        })
        .await
}

/// 接访安排: the published months, newest first.
#[tauri::command]
pub async fn kiosk_published_months(state: State<'_, AppState>) -> CmdResult<Vec<ScheduleMonth>> {
    state.run_kiosk(schedule::published_months).await
}

/// One published month's plan (`YYYY-MM`); an unpublished month is `not_found` to a visitor.
#[tauri::command]
pub async fn kiosk_month_plan(state: State<'_, AppState>, month: String) -> CmdResult<MonthPlan> {
    state
        .run_kiosk(move |s, ctx| schedule::month_plan(s, ctx, &month))
        .await
}

/// 代表风采: the delegates who allow publishing, by delegation, each with only what they ticked.
#[tauri::command]
pub async fn kiosk_delegate_profiles(
    state: State<'_, AppState>,
) -> CmdResult<Vec<DelegationProfiles>> {
    state.run_kiosk(kiosk::delegate_profiles).await
}

/// A public delegate's photo (or thumbnail) as a `data:` URL; `None` when they have none or do not
/// allow it to be shown.
#[tauri::command]
pub async fn kiosk_delegate_photo(
    state: State<'_, AppState>,
    id: String,
    thumbnail: bool,
) -> CmdResult<Option<String>> {
    state
        .run_kiosk(move |s, ctx| {
            let bytes = roster::public_photo_bytes(s, ctx, &id, thumbnail)?;
            Ok(bytes.map(super::roster::photo_data_url))
        })
        .await
}

/// 有事找代表: the message becomes a kiosk item in 待分派; the visitor gets its query code.
#[tauri::command]
pub async fn kiosk_submit_message(
    state: State<'_, AppState>,
    input: MessageInput,
) -> CmdResult<Receipt> {
    state
        .run_kiosk(move |s, ctx| kiosk::submit_message(s, ctx, &input, ItemSource::Kiosk))
        .await
}

/// 约见党代表: the days that may be asked for (working days, today through 60 days ahead).
#[tauri::command]
pub async fn kiosk_request_days(state: State<'_, AppState>) -> CmdResult<Vec<String>> {
    state.run_kiosk(kiosk::request_days).await
}

/// 约见党代表: the request becomes a 待确认 appointment; the visitor gets its query code.
#[tauri::command]
pub async fn kiosk_request_appointment(
    state: State<'_, AppState>,
    input: AppointmentRequestInput,
) -> CmdResult<AppointmentReceipt> {
    state
        .run_kiosk(move |s, ctx| {
            kiosk::request_appointment(s, ctx, &input, AppointmentSource::Kiosk)
        })
        .await
}

/// 查询进度: the code (any case, with or without its dash) and the phone's last four digits.
#[tauri::command]
pub async fn kiosk_query_progress(
    state: State<'_, AppState>,
    code: String,
    phone_last4: String,
) -> CmdResult<Progress> {
    state
        .run_kiosk(move |s, ctx| kiosk::query_progress(s, ctx, &code, &phone_last4))
        .await
}

/// 打印回执: the slip (A6, no personal data) goes to the app's private print folder and the system's
/// PDF viewer opens it to print, as the staff's 打印 does; no dialog of ours opens.
#[tauri::command]
pub async fn kiosk_print_slip(
    app: AppHandle,
    state: State<'_, AppState>,
    request: SlipRequest,
) -> CmdResult<PrintOutcome> {
    let path = super::print::print_file(&state, "回执");
    let written = path.clone();
    let out = state
        .run_kiosk(move |s, ctx| {
            let r = printing::render_slip(s, ctx, &request)?;
            write_atomic(&written, &r.pdf)?;
            Ok(super::print::outcome(&r, false, Some(&written)))
        })
        .await?;
    super::print::open_in_viewer(&app, &path)?;
    Ok(out)
}
