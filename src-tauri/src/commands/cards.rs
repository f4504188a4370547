//! 记录卡: entry, filing, amendments, the list and the dashboard figures. Changes name the version
//! they were based on.

use studio_core::audit::ChangeRecord;
use studio_core::cards::{
    self, Card, CardAmendment, CardCounts, CardInput, CardListItem, CardQuery, DelegateSnapshot,
};
use studio_core::Page;
use tauri::State;

use crate::error::CmdResult;
use crate::state::AppState;

#[tauri::command]
pub async fn cards_list(
    state: State<'_, AppState>,
    query: CardQuery,
) -> CmdResult<Page<CardListItem>> {
    state
        .run(move |s, ctx| cards::list_cards(s, ctx, &query))
        .await
}

#[tauri::command]
pub async fn card_counts(state: State<'_, AppState>) -> CmdResult<CardCounts> {
    state.run(cards::card_counts).await
}

#[tauri::command]
pub async fn card_get(state: State<'_, AppState>, id: String) -> CmdResult<Card> {
    state.run(move |s, ctx| cards::get_card(s, ctx, &id)).await
}

#[tauri::command]
pub async fn card_delegate_snapshot(
    state: State<'_, AppState>,
    delegate_id: String,
) -> CmdResult<DelegateSnapshot> {
    state
        .run(move |s, ctx| cards::delegate_snapshot(s, ctx, &delegate_id))
        .await
}

#[tauri::command]
pub async fn card_create(state: State<'_, AppState>, input: CardInput) -> CmdResult<Card> {
    state
        .run(move |s, ctx| cards::create_card(s, ctx, &input))
        .await
}

#[tauri::command]
pub async fn card_update(
    state: State<'_, AppState>,
    id: String,
    version: i64,
    input: CardInput,
) -> CmdResult<Card> {
    state
        .run(move |s, ctx| cards::update_card(s, ctx, &id, version, &input))
        .await
}

#[tauri::command]
pub async fn card_submit(
    state: State<'_, AppState>,
    id: String,
    version: i64,
    filed_on: Option<String>,
) -> CmdResult<Card> {
    state
        .run(move |s, ctx| cards::submit_card(s, ctx, &id, version, filed_on.as_deref()))
        .await
}

#[tauri::command]
pub async fn card_amend(
    state: State<'_, AppState>,
    id: String,
    version: i64,
    input: CardInput,
    reason: String,
) -> CmdResult<Card> {
    state
        .run(move |s, ctx| cards::amend_card(s, ctx, &id, version, &input, &reason))
        .await
}

#[tauri::command]
pub async fn card_discard(state: State<'_, AppState>, id: String, version: i64) -> CmdResult<()> {
    state
        .run(move |s, ctx| cards::discard_draft(s, ctx, &id, version))
        .await
}

#[tauri::command]
pub async fn card_amendments(
    state: State<'_, AppState>,
    id: String,
) -> CmdResult<Vec<CardAmendment>> {
    state
        .run(move |s, ctx| cards::card_amendments(s, ctx, &id))
        .await
}

#[tauri::command]
pub async fn card_history(state: State<'_, AppState>, id: String) -> CmdResult<Vec<ChangeRecord>> {
    state
        .run(move |s, ctx| cards::card_history(s, ctx, &id))
        .await
}
