//! 党代表名册: delegations and delegates. Updates name the version they were based on.

use base64::Engine;
use studio_core::audit::ChangeRecord;
use studio_core::roster::{
    self, Delegate, DelegateInput, DelegateListItem, DelegateQuery, Delegation, DelegationInput,
    DelegationSummary, PHOTO_MAX_BYTES,
};
use studio_core::{Error, Page};
use tauri::State;

use crate::error::CmdResult;
use crate::state::AppState;

#[tauri::command]
pub async fn delegations_list(state: State<'_, AppState>) -> CmdResult<Vec<DelegationSummary>> {
    state.run(roster::list_delegations).await
}

#[tauri::command]
pub async fn delegation_get(state: State<'_, AppState>, id: String) -> CmdResult<Delegation> {
    state
        .run(move |s, ctx| roster::get_delegation(s, ctx, &id))
        .await
}

#[tauri::command]
pub async fn delegation_create(
    state: State<'_, AppState>,
    input: DelegationInput,
) -> CmdResult<Delegation> {
    state
        .run(move |s, ctx| roster::create_delegation(s, ctx, &input))
        .await
}

#[tauri::command]
pub async fn delegation_update(
    state: State<'_, AppState>,
    id: String,
    version: i64,
    input: DelegationInput,
) -> CmdResult<Delegation> {
    state
        .run(move |s, ctx| roster::update_delegation(s, ctx, &id, version, &input))
        .await
}

#[tauri::command]
pub async fn delegates_list(
    state: State<'_, AppState>,
    query: DelegateQuery,
) -> CmdResult<Page<DelegateListItem>> {
    state
        .run(move |s, ctx| roster::list_delegates(s, ctx, &query))
        .await
}

#[tauri::command]
pub async fn delegate_get(state: State<'_, AppState>, id: String) -> CmdResult<Delegate> {
    state
        .run(move |s, ctx| roster::get_delegate(s, ctx, &id))
        .await
}

#[tauri::command]
pub async fn delegate_create(
    state: State<'_, AppState>,
    input: DelegateInput,
) -> CmdResult<Delegate> {
    state
        .run(move |s, ctx| roster::create_delegate(s, ctx, &input))
        .await
}

#[tauri::command]
pub async fn delegate_update(
    state: State<'_, AppState>,
    id: String,
    version: i64,
    input: DelegateInput,
) -> CmdResult<Delegate> {
    state
        .run(move |s, ctx| roster::update_delegate(s, ctx, &id, version, &input))
        .await
}

#[tauri::command]
pub async fn delegate_mark_left(
    state: State<'_, AppState>,
    id: String,
    version: i64,
    left_on: Option<String>,
) -> CmdResult<Delegate> {
    state
        .run(move |s, ctx| roster::mark_delegate_left(s, ctx, &id, version, left_on.as_deref()))
        .await
}

#[tauri::command]
pub async fn delegate_reinstate(
    state: State<'_, AppState>,
    id: String,
    version: i64,
) -> CmdResult<Delegate> {
    state
        .run(move |s, ctx| roster::reinstate_delegate(s, ctx, &id, version))
        .await
}

#[tauri::command]
pub async fn delegate_duplicates(
    state: State<'_, AppState>,
    name: String,
    unit: String,
    except_id: Option<String>,
) -> CmdResult<Vec<DelegateListItem>> {
    state
        .run(move |s, ctx| roster::likely_duplicates(s, ctx, &name, &unit, except_id.as_deref()))
        .await
}

/// The largest base64 text accepted: the photo limit plus base64's third, checked before decoding.
const PHOTO_MAX_BASE64: usize = PHOTO_MAX_BYTES / 3 * 4 + 8;

#[tauri::command]
pub async fn delegate_set_photo(
    state: State<'_, AppState>,
    id: String,
    version: i64,
    data_base64: String,
) -> CmdResult<Delegate> {
    state
        .run(move |s, ctx| {
            let text = data_base64.trim();
            if text.len() > PHOTO_MAX_BASE64 {
                return Err(Error::Invalid(format!(
                    "照片不能超过 {} MB",
                    PHOTO_MAX_BYTES / 1024 / 1024
                )));
            }
            let bytes = base64::engine::general_purpose::STANDARD
                .decode(text)
                .map_err(|_| Error::Invalid("照片数据无法读取，请重新选择文件".into()))?;
            roster::set_delegate_photo(s, ctx, &id, version, &bytes)
        })
        .await
}

/// A stored photo (always JPEG) as a `data:` URL, so the page can show it without file-system
/// access: the staff's and the kiosk's photo commands both answer this way.
pub(crate) fn photo_data_url(jpeg: Vec<u8>) -> String {
    format!(
        "data:image/jpeg;base64,{}",
        base64::engine::general_purpose::STANDARD.encode(jpeg)
    )
}

/// The photo as a `data:` URL, so the page can show it without file-system access.
#[tauri::command]
pub async fn delegate_photo(
    state: State<'_, AppState>,
    id: String,
    thumbnail: bool,
) -> CmdResult<Option<String>> {
    state
        .run(move |s, ctx| {
            let bytes = roster::photo_bytes(s, ctx, &id, thumbnail)?;
            Ok(bytes.map(photo_data_url))
        })
        .await
}

#[tauri::command]
pub async fn delegate_history(
    state: State<'_, AppState>,
    id: String,
) -> CmdResult<Vec<ChangeRecord>> {
    state
        .run(move |s, ctx| roster::delegate_history(s, ctx, &id))
        .await
}
