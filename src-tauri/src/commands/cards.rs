//! 记录卡: entry, filing, amendments, the list and the dashboard figures.

use studio_core::audit::ChangeRecord;
use studio_core::cards::{
    self, Card, CardAmendment, CardCounts, CardInput, CardListItem, CardQuery, DelegateSnapshot,
};
use studio_core::ids::today_shanghai;
use studio_core::Page;
use tauri::State;

use crate::error::CmdResult;
use crate::state::AppState;

#[tauri::command]
pub fn cards_list(state: State<AppState>, query: CardQuery) -> CmdResult<Page<CardListItem>> {
    state.with(|s, _| cards::list_cards(s, &query))
}

#[tauri::command]
pub fn card_counts(state: State<AppState>) -> CmdResult<CardCounts> {
    state.with(|s, _| cards::card_counts(s, today_shanghai()))
}

#[tauri::command]
pub fn card_get(state: State<AppState>, id: String) -> CmdResult<Card> {
    state.with(|s, actor| cards::get_card(s, actor, &id))
}

#[tauri::command]
pub fn card_delegate_snapshot(
    state: State<AppState>,
    delegate_id: String,
) -> CmdResult<DelegateSnapshot> {
    state.with(|s, actor| cards::delegate_snapshot(s, actor, &delegate_id))
}

#[tauri::command]
pub fn card_create(state: State<AppState>, input: CardInput) -> CmdResult<Card> {
    state.with(|s, actor| cards::create_card(s, actor, &input))
}

#[tauri::command]
pub fn card_update(state: State<AppState>, id: String, input: CardInput) -> CmdResult<Card> {
    state.with(|s, actor| cards::update_card(s, actor, &id, &input))
}

#[tauri::command]
pub fn card_submit(
    state: State<AppState>,
    id: String,
    filed_on: Option<String>,
) -> CmdResult<Card> {
    state.with(|s, actor| cards::submit_card(s, actor, &id, filed_on.as_deref()))
}

#[tauri::command]
pub fn card_amend(
    state: State<AppState>,
    id: String,
    input: CardInput,
    reason: String,
) -> CmdResult<Card> {
    state.with(|s, actor| cards::amend_card(s, actor, &id, &input, &reason))
}

#[tauri::command]
pub fn card_discard(state: State<AppState>, id: String) -> CmdResult<()> {
    state.with(|s, actor| cards::discard_draft(s, actor, &id))
}

#[tauri::command]
pub fn card_amendments(state: State<AppState>, id: String) -> CmdResult<Vec<CardAmendment>> {
    state.with(|s, actor| cards::card_amendments(s, actor, &id))
}

#[tauri::command]
pub fn card_history(state: State<AppState>, id: String) -> CmdResult<Vec<ChangeRecord>> {
    state.with(|s, actor| cards::card_history(s, actor, &id))
}
