//! 党代表名册: delegations and delegates.

use base64::Engine;
use studio_core::audit::ChangeRecord;
use studio_core::roster::{
    self, Delegate, DelegateInput, DelegateListItem, DelegateQuery, Delegation, DelegationInput,
    DelegationSummary,
};
use studio_core::{Error, Page};
use tauri::State;

use crate::error::CmdResult;
use crate::state::AppState;

#[tauri::command]
pub fn delegations_list(state: State<AppState>) -> CmdResult<Vec<DelegationSummary>> {
    state.with(|s, _| roster::list_delegations(s))
}

#[tauri::command]
pub fn delegation_get(state: State<AppState>, id: String) -> CmdResult<Delegation> {
    state.with(|s, _| roster::get_delegation(s, &id))
}

#[tauri::command]
pub fn delegation_create(state: State<AppState>, input: DelegationInput) -> CmdResult<Delegation> {
    state.with(|s, actor| roster::create_delegation(s, actor, &input))
}

#[tauri::command]
pub fn delegation_update(
    state: State<AppState>,
    id: String,
    input: DelegationInput,
) -> CmdResult<Delegation> {
    state.with(|s, actor| roster::update_delegation(s, actor, &id, &input))
}

#[tauri::command]
pub fn delegates_list(
    state: State<AppState>,
    query: DelegateQuery,
) -> CmdResult<Page<DelegateListItem>> {
    state.with(|s, _| roster::list_delegates(s, &query))
}

#[tauri::command]
pub fn delegate_get(state: State<AppState>, id: String) -> CmdResult<Delegate> {
    state.with(|s, actor| roster::get_delegate(s, actor, &id))
}

#[tauri::command]
pub fn delegate_create(state: State<AppState>, input: DelegateInput) -> CmdResult<Delegate> {
    state.with(|s, actor| roster::create_delegate(s, actor, &input))
}

#[tauri::command]
pub fn delegate_update(
    state: State<AppState>,
    id: String,
    input: DelegateInput,
) -> CmdResult<Delegate> {
    state.with(|s, actor| roster::update_delegate(s, actor, &id, &input))
}

#[tauri::command]
pub fn delegate_mark_left(
    state: State<AppState>,
    id: String,
    left_on: Option<String>,
) -> CmdResult<Delegate> {
    state.with(|s, actor| roster::mark_delegate_left(s, actor, &id, left_on.as_deref()))
}

#[tauri::command]
pub fn delegate_reinstate(state: State<AppState>, id: String) -> CmdResult<Delegate> {
    state.with(|s, actor| roster::reinstate_delegate(s, actor, &id))
}

#[tauri::command]
pub fn delegate_duplicates(
    state: State<AppState>,
    name: String,
    unit: String,
    except_id: Option<String>,
) -> CmdResult<Vec<DelegateListItem>> {
    state.with(|s, _| roster::likely_duplicates(s, &name, &unit, except_id.as_deref()))
}

#[tauri::command]
pub fn delegate_set_photo(
    state: State<AppState>,
    id: String,
    data_base64: String,
) -> CmdResult<Delegate> {
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(data_base64.trim())
        .map_err(|_| Error::Invalid("照片数据无法读取，请重新选择文件".into()))?;
    state.with(|s, actor| roster::set_delegate_photo(s, actor, &id, &bytes))
}

/// The photo as a `data:` URL, so the page can show it without file-system access.
#[tauri::command]
pub fn delegate_photo(
    state: State<AppState>,
    id: String,
    thumbnail: bool,
) -> CmdResult<Option<String>> {
    let bytes = state.with(|s, _| roster::photo_bytes(s, &id, thumbnail))?;
    Ok(bytes.map(|b| {
        format!(
            "data:image/jpeg;base64,{}",
            base64::engine::general_purpose::STANDARD.encode(b)
        )
    }))
}

#[tauri::command]
pub fn delegate_history(state: State<AppState>, id: String) -> CmdResult<Vec<ChangeRecord>> {
    state.with(|s, actor| roster::delegate_history(s, actor, &id))
}
