//! 联络员与志愿者: the registry (contacts masked), the full record (logged), the form.

use studio_core::volunteers::{self, Volunteer, VolunteerInput, VolunteerListItem, VolunteerQuery};
use studio_core::Page;
use tauri::State;

use crate::error::CmdResult;
use crate::state::AppState;

#[tauri::command]
pub async fn volunteers_list(
    state: State<'_, AppState>,
    query: VolunteerQuery,
) -> CmdResult<Page<VolunteerListItem>> {
    state
        .run(move |s, ctx| volunteers::list_volunteers(s, ctx, &query))
        .await
}

#[tauri::command]
pub async fn volunteer_get(state: State<'_, AppState>, id: String) -> CmdResult<Volunteer> {
    state
        .run(move |s, ctx| volunteers::get_volunteer(s, ctx, &id))
        .await
}

#[tauri::command]
pub async fn volunteer_create(
    state: State<'_, AppState>,
    input: VolunteerInput,
) -> CmdResult<Volunteer> {
    state
        .run(move |s, ctx| volunteers::create_volunteer(s, ctx, &input))
        .await
}

#[tauri::command]
pub async fn volunteer_update(
    state: State<'_, AppState>,
    id: String,
    version: i64,
    input: VolunteerInput,
) -> CmdResult<Volunteer> {
    state
        .run(move |s, ctx| volunteers::update_volunteer(s, ctx, &id, version, &input))
        .await
}

#[tauri::command]
pub async fn volunteer_delete(
    state: State<'_, AppState>,
    id: String,
    version: i64,
) -> CmdResult<()> {
    state
        .run(move |s, ctx| volunteers::delete_volunteer(s, ctx, &id, version))
        .await
}

/// The liaison officers serving today, for a duty slot's 值班联络员.
#[tauri::command]
pub async fn volunteers_liaisons(state: State<'_, AppState>) -> CmdResult<Vec<VolunteerListItem>> {
    state.run(volunteers::serving_liaisons).await
}
