//! 活动调研: the list, the detail, the form, attachments (chosen in the backend's native dialog,
//! copied into the data folder by the core, opened with the system viewer), the survey indicator
//! for 工作台 and an item's activities. Changes name the version they were based on.

use studio_core::activities::{
    self, attachments::ATTACHMENT_MAX_BYTES, Activity, ActivityInput, ActivityListItem,
    ActivityQuery, ActivityRef, SurveyIndicator,
};
use studio_core::{Error, Page};
use tauri::{AppHandle, State};

use super::print::open_in_viewer;
use crate::error::CmdResult;
use crate::save::FileKind;
use crate::state::{choose_open, AppState};

#[tauri::command]
pub async fn activities_list(
    state: State<'_, AppState>,
    query: ActivityQuery,
) -> CmdResult<Page<ActivityListItem>> {
    state
        .run(move |s, ctx| activities::list_activities(s, ctx, &query))
        .await
}

#[tauri::command]
pub async fn activity_get(state: State<'_, AppState>, id: String) -> CmdResult<Activity> {
    state
        .run(move |s, ctx| activities::get_activity(s, ctx, &id))
        .await
}

#[tauri::command]
pub async fn activity_create(
    state: State<'_, AppState>,
    input: ActivityInput,
) -> CmdResult<Activity> {
    state
        .run(move |s, ctx| activities::create_activity(s, ctx, &input))
        .await
}

#[tauri::command]
pub async fn activity_update(
    state: State<'_, AppState>,
    id: String,
    version: i64,
    input: ActivityInput,
) -> CmdResult<Activity> {
    state
        .run(move |s, ctx| activities::update_activity(s, ctx, &id, version, &input))
        .await
}

#[tauri::command]
pub async fn survey_indicators(
    state: State<'_, AppState>,
    year: i32,
) -> CmdResult<Vec<SurveyIndicator>> {
    state
        .run(move |s, ctx| activities::survey_indicators(s, ctx, year))
        .await
}

#[tauri::command]
pub async fn activities_of_item(
    state: State<'_, AppState>,
    item_id: String,
) -> CmdResult<Vec<ActivityRef>> {
    state
        .run(move |s, ctx| activities::activities_of_item(s, ctx, &item_id))
        .await
}

/// 添加附件: the file is chosen in the native dialog (the page sends no path), checked for size
/// before it is read, and copied by the core. `None`: the user cancelled.
#[tauri::command]
pub async fn activity_add_attachment(
    app: AppHandle,
    state: State<'_, AppState>,
    id: String,
    version: i64,
) -> CmdResult<Option<Activity>> {
    let Some(path) = choose_open(&app, FileKind::Attachment).await? else {
        return Ok(None);
    };
    state
        .run(move |s, ctx| {
            let len = std::fs::metadata(&path)?.len();
            if len > ATTACHMENT_MAX_BYTES as u64 {
                return Err(Error::Invalid(format!(
                    "附件不能超过 {} MB",
                    ATTACHMENT_MAX_BYTES / 1024 / 1024
                )));
            }
            let bytes = std::fs::read(&path)?;
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            activities::add_attachment(s, ctx, &id, version, &name, &bytes).map(Some)
        })
        .await
}

#[tauri::command]
pub async fn activity_remove_attachment(
    state: State<'_, AppState>,
    id: String,
    version: i64,
    attachment_id: String,
) -> CmdResult<Activity> {
    state
        .run(move |s, ctx| activities::remove_attachment(s, ctx, &id, version, &attachment_id))
        .await
}

/// 打开附件 with the system's viewer.
#[tauri::command]
pub async fn activity_open_attachment(
    app: AppHandle,
    state: State<'_, AppState>,
    attachment_id: String,
) -> CmdResult<()> {
    let path = state
        .run(move |s, ctx| activities::attachment_path(s, ctx, &attachment_id))
        .await?;
    open_in_viewer(&app, &path)
}
