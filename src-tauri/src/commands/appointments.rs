//! 约见: the list (phones masked), one appointment in full, the form, and the status steps (确认,
//! 取消 with a reason, 完成 — which makes the draft record card and answers it). Changes name the
//! version they were based on.

use studio_core::appointments::{
    self, Appointment, AppointmentCompletion, AppointmentInput, AppointmentListItem,
    AppointmentQuery,
};
use studio_core::audit::ChangeRecord;
use studio_core::Page;
use tauri::State;

use crate::error::CmdResult;
use crate::state::AppState;

#[tauri::command]
pub async fn appointments_list(
    state: State<'_, AppState>,
    query: AppointmentQuery,
) -> CmdResult<Page<AppointmentListItem>> {
    state
        .run(move |s, ctx| appointments::list_appointments(s, ctx, &query))
        .await
}

/// One appointment in full (the phone unmasked with `ReadPersonalData`; the opening is logged).
#[tauri::command]
pub async fn appointment_get(state: State<'_, AppState>, id: String) -> CmdResult<Appointment> {
    state
        .run(move |s, ctx| appointments::get_appointment(s, ctx, &id))
        .await
}

#[tauri::command]
pub async fn appointment_history(
    state: State<'_, AppState>,
    id: String,
) -> CmdResult<Vec<ChangeRecord>> {
    state
        .run(move |s, ctx| appointments::appointment_history(s, ctx, &id))
        .await
}

#[tauri::command]
pub async fn appointment_create(
    state: State<'_, AppState>,
    input: AppointmentInput,
) -> CmdResult<Appointment> {
    state
        .run(move |s, ctx| appointments::create_appointment(s, ctx, &input))
        .await
}

#[tauri::command]
pub async fn appointment_update(
    state: State<'_, AppState>,
    id: String,
    version: i64,
    input: AppointmentInput,
) -> CmdResult<Appointment> {
    state
        .run(move |s, ctx| appointments::update_appointment(s, ctx, &id, version, &input))
        .await
}

/// 确认 (待确认 → 已确认).
#[tauri::command]
pub async fn appointment_confirm(
    state: State<'_, AppState>,
    id: String,
    version: i64,
) -> CmdResult<Appointment> {
    state
        .run(move |s, ctx| appointments::confirm_appointment(s, ctx, &id, version))
        .await
}

/// 取消, with the reason (required).
#[tauri::command]
pub async fn appointment_cancel(
    state: State<'_, AppState>,
    id: String,
    version: i64,
    reason: String,
) -> CmdResult<Appointment> {
    state
        .run(move |s, ctx| appointments::cancel_appointment(s, ctx, &id, version, &reason))
        .await
}

/// 完成 (已确认 → 已完成): answers the appointment and the draft record card made from it.
#[tauri::command]
pub async fn appointment_complete(
    state: State<'_, AppState>,
    id: String,
    version: i64,
) -> CmdResult<AppointmentCompletion> {
    state
        .run(move |s, ctx| appointments::complete_appointment(s, ctx, &id, version))
        .await
}
