//! 意见台账: items from receipt to closing, the 督办 views, the dashboard figures, the deadlines set in
//! 设置, and exports.

use std::path::PathBuf;

use studio_core::error::Error;
use studio_core::export::{self, ExportFormat};
use studio_core::ids::today_shanghai;
use studio_core::items::{
    self, Item, ItemAction, ItemCategory, ItemCounts, ItemDeadlines, ItemDetail, ItemInput,
    ItemListItem, ItemQuery, SimilarItem,
};
use studio_core::printing::ExportOutcome;
use studio_core::Page;
use tauri::State;

use crate::error::CmdResult;
use crate::state::AppState;

#[tauri::command]
pub fn items_list(state: State<AppState>, query: ItemQuery) -> CmdResult<Page<ItemListItem>> {
    state.with(|s, _| items::list_items(s, &query))
}

#[tauri::command]
pub fn item_counts(state: State<AppState>) -> CmdResult<ItemCounts> {
    state.with(|s, _| items::item_counts(s, today_shanghai()))
}

#[tauri::command]
pub fn item_get(state: State<AppState>, id: String) -> CmdResult<ItemDetail> {
    state.with(|s, actor| items::get_item(s, actor, &id))
}

#[tauri::command]
pub fn item_for_card(state: State<AppState>, card_id: String) -> CmdResult<Option<ItemListItem>> {
    state.with(|s, _| items::item_for_card(s, &card_id))
}

#[tauri::command]
pub fn item_create(state: State<AppState>, input: ItemInput) -> CmdResult<Item> {
    state.with(|s, actor| items::create_item(s, actor, &input))
}

#[tauri::command]
pub fn item_update(state: State<AppState>, id: String, input: ItemInput) -> CmdResult<Item> {
    state.with(|s, actor| items::update_item(s, actor, &id, &input))
}

#[tauri::command]
pub fn item_create_from_card(
    state: State<AppState>,
    card_id: String,
    category: ItemCategory,
    title: String,
) -> CmdResult<Item> {
    state.with(|s, actor| items::create_from_card(s, actor, &card_id, category, &title))
}

#[tauri::command]
pub fn item_link_card(state: State<AppState>, item_id: String, card_id: String) -> CmdResult<Item> {
    state.with(|s, actor| items::link_card(s, actor, &item_id, &card_id))
}

#[tauri::command]
pub fn item_act(state: State<AppState>, id: String, action: ItemAction) -> CmdResult<Item> {
    state.with(|s, actor| items::act(s, actor, &id, &action))
}

#[tauri::command]
pub fn items_similar(
    state: State<AppState>,
    text: String,
    exclude_id: Option<String>,
    limit: Option<u32>,
) -> CmdResult<Vec<SimilarItem>> {
    state.with(|s, _| items::similar_items(s, &text, exclude_id.as_deref(), limit.unwrap_or(5)))
}

#[tauri::command]
pub fn item_deadlines(state: State<AppState>) -> CmdResult<ItemDeadlines> {
    state.with(|s, _| items::deadlines(s))
}

#[tauri::command]
pub fn item_deadlines_save(
    state: State<AppState>,
    input: ItemDeadlines,
) -> CmdResult<ItemDeadlines> {
    state.with(|s, actor| items::save_deadlines(s, actor, &input))
}

/// 导出台账: a deliberate act; the path comes from the save dialog.
#[tauri::command]
pub fn items_export(
    state: State<AppState>,
    format: String,
    from: Option<String>,
    to: Option<String>,
    path: String,
) -> CmdResult<ExportOutcome> {
    let format = ExportFormat::parse(&format)
        .ok_or_else(|| Error::Invalid(format!("不支持的导出格式：{format}")))?;
    let (bytes, count) = state.with(|s, actor| {
        let list = items::items_for_export(s, actor, from.as_deref(), to.as_deref())?;
        Ok((export::export_items(&list, format)?, list.len()))
    })?;
    let path = PathBuf::from(path);
    std::fs::write(&path, &bytes)
        .map_err(|e| Error::Invalid(format!("无法写入 {}：{e}", path.display())))?;
    Ok(ExportOutcome {
        path: path.display().to_string(),
        count: count as u32,
    })
}
