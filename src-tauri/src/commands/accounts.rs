//! 账号管理 (管理员): list, add, change, lock and unlock, reset passwords.

use studio_core::accounts::{self, AccountRow, AccountUpdate, NewAccount};
use tauri::State;

use crate::error::CmdResult;
use crate::state::AppState;

#[tauri::command]
pub async fn accounts_list(state: State<'_, AppState>) -> CmdResult<Vec<AccountRow>> {
    state.run(accounts::list).await
}

#[tauri::command]
pub async fn account_add(state: State<'_, AppState>, input: NewAccount) -> CmdResult<AccountRow> {
    state.run(move |s, ctx| accounts::add(s, ctx, &input)).await
}

#[tauri::command]
pub async fn account_update(
    state: State<'_, AppState>,
    id: String,
    input: AccountUpdate,
) -> CmdResult<AccountRow> {
    state
        .run(move |s, ctx| accounts::update(s, ctx, &id, &input))
        .await
}

#[tauri::command]
pub async fn account_set_locked(
    state: State<'_, AppState>,
    id: String,
    locked: bool,
) -> CmdResult<AccountRow> {
    state
        .run(move |s, ctx| accounts::set_locked(s, ctx, &id, locked))
        .await
}

#[tauri::command]
pub async fn account_reset_password(
    state: State<'_, AppState>,
    id: String,
    password: String,
) -> CmdResult<AccountRow> {
    state
        .run(move |s, ctx| accounts::reset_password(s, ctx, &id, &password))
        .await
}
