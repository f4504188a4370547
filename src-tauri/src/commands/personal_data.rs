//! 个人信息 (个人信息保护法): find what the studio holds about a private person, give them a copy,
//! erase it on request (管理员).

use studio_core::personal_data::{self, ErasureReport, PersonRecords};
use tauri::{AppHandle, State};

use crate::error::CmdResult;
use crate::save::FileKind;
use crate::state::{choose_save, AppState};

#[tauri::command]
pub async fn person_find(
    state: State<'_, AppState>,
    name: String,
    phone: Option<String>,
) -> CmdResult<PersonRecords> {
    state
        .run(move |s, ctx| personal_data::find_person(s, ctx, &name, phone.as_deref()))
        .await
}

/// Save the person's copy (JSON) where the user chooses; `None` when the dialog was closed.
#[tauri::command]
pub async fn person_copy(
    app: AppHandle,
    state: State<'_, AppState>,
    name: String,
    phone: Option<String>,
    reason: String,
    suggested_name: String,
) -> CmdResult<Option<String>> {
    state
        .ctx()?
        .require(studio_core::Permission::ExportPersonalData)?;
    let Some(path) = choose_save(&app, suggested_name, FileKind::Json).await? else {
        return Ok(None);
    };
    state
        .run(move |s, ctx| {
            let bytes = personal_data::copy_for_person(s, ctx, &name, phone.as_deref(), &reason)?;
            studio_core::files::write_atomic(&path, &bytes)?;
            Ok(Some(path.display().to_string()))
        })
        .await
}

#[tauri::command]
pub async fn person_erase(
    state: State<'_, AppState>,
    name: String,
    phone: Option<String>,
    reason: String,
) -> CmdResult<ErasureReport> {
    state
        .run(move |s, ctx| personal_data::erase_person(s, ctx, &name, phone.as_deref(), &reason))
        .await
}
