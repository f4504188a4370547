//! 意见台账: items from receipt to closing, the 督办 views (and 待分派, the list's `unrouted` filter), the
//! dashboard figures, 分派, the deadlines set in 设置, and exports. Changes name the version they were based on.

use studio_core::export::{self, ExportFormat};
use studio_core::export_purpose::{self, ExportPurpose};
use studio_core::items::{
    self, Item, ItemAction, ItemCategory, ItemCounts, ItemDeadlines, ItemDetail, ItemInput,
    ItemListItem, ItemQuery, SimilarItem,
};
use studio_core::printing::ExportOutcome;
use studio_core::{Error, Page};
use tauri::ipc::Channel;
use tauri::{AppHandle, State};

use crate::error::CmdResult;
use crate::jobs::Progress;
use crate::save::FileKind;
use crate::state::{choose_save, AppState};

#[tauri::command]
pub async fn items_list(
    state: State<'_, AppState>,
    query: ItemQuery,
) -> CmdResult<Page<ItemListItem>> {
    state
        .run(move |s, ctx| items::list_items(s, ctx, &query))
        .await
}

#[tauri::command]
pub async fn item_counts(state: State<'_, AppState>) -> CmdResult<ItemCounts> {
    state.run(items::item_counts).await
}

#[tauri::command]
pub async fn item_get(state: State<'_, AppState>, id: String) -> CmdResult<ItemDetail> {
    state.run(move |s, ctx| items::get_item(s, ctx, &id)).await
}

#[tauri::command]
pub async fn item_for_card(
    state: State<'_, AppState>,
    card_id: String,
) -> CmdResult<Option<ItemListItem>> {
    state
        .run(move |s, ctx| items::item_for_card(s, ctx, &card_id))
        .await
}

#[tauri::command]
pub async fn item_create(state: State<'_, AppState>, input: ItemInput) -> CmdResult<Item> {
    state
        .run(move |s, ctx| items::create_item(s, ctx, &input))
        .await
}

#[tauri::command]
pub async fn item_update(
    state: State<'_, AppState>,
    id: String,
    version: i64,
    input: ItemInput,
) -> CmdResult<Item> {
    state
        .run(move |s, ctx| items::update_item(s, ctx, &id, version, &input))
        .await
}

#[tauri::command]
pub async fn item_create_from_card(
    state: State<'_, AppState>,
    card_id: String,
    category: ItemCategory,
    title: String,
) -> CmdResult<Item> {
    state
        .run(move |s, ctx| items::create_from_card(s, ctx, &card_id, category, &title))
        .await
}

#[tauri::command]
pub async fn item_link_card(
    state: State<'_, AppState>,
    item_id: String,
    version: i64,
    card_id: String,
) -> CmdResult<Item> {
    state
        .run(move |s, ctx| items::link_card(s, ctx, &item_id, version, &card_id))
        .await
}

#[tauri::command]
pub async fn item_act(
    state: State<'_, AppState>,
    id: String,
    version: i64,
    action: ItemAction,
) -> CmdResult<Item> {
    state
        .run(move |s, ctx| items::act(s, ctx, &id, version, &action))
        .await
}

/// 分派: give an item without delegates (待分派: a message from the kiosk or the online studio) its
/// handling delegates, based on the item at `version`.
#[tauri::command]
pub async fn item_route(
    state: State<'_, AppState>,
    id: String,
    version: i64,
    delegate_ids: Vec<String>,
) -> CmdResult<Item> {
    state
        .run(move |s, ctx| items::route_item(s, ctx, &id, version, &delegate_ids))
        .await
}

#[tauri::command]
pub async fn items_similar(
    state: State<'_, AppState>,
    text: String,
    exclude_id: Option<String>,
    limit: Option<u32>,
) -> CmdResult<Vec<SimilarItem>> {
    state
        .run(move |s, ctx| {
            items::similar_items(s, ctx, &text, exclude_id.as_deref(), limit.unwrap_or(5))
        })
        .await
}

#[tauri::command]
pub async fn item_deadlines(state: State<'_, AppState>) -> CmdResult<ItemDeadlines> {
    state.run(items::deadlines).await
}

#[tauri::command]
pub async fn item_deadlines_save(
    state: State<'_, AppState>,
    input: ItemDeadlines,
) -> CmdResult<ItemDeadlines> {
    state
        .run(move |s, ctx| items::save_deadlines(s, ctx, &input))
        .await
}

/// 导出台账: asks where to save (a native dialog opened here), then reads, formats and writes the
/// file crash-safely, reporting each phase to `on_progress`; `job_cancel(job_id)` stops it before
/// the file is written. `None` when the user closed the dialog.
#[tauri::command]
#[allow(clippy::too_many_arguments)]
pub async fn items_export(
    app: AppHandle,
    state: State<'_, AppState>,
    format: String,
    from: Option<String>,
    to: Option<String>,
    purpose: ExportPurpose,
    suggested_name: String,
    job_id: String,
    on_progress: Channel<Progress>,
) -> CmdResult<Option<ExportOutcome>> {
    let format = ExportFormat::parse(&format)
        .ok_or_else(|| Error::Invalid(format!("不支持的导出格式：{format}")))?;
    // Refused before the dialog: no reason, or no permission.
    purpose.checked()?;
    state
        .ctx()?
        .require(studio_core::Permission::ExportPersonalData)?;
    let Some(path) = choose_save(&app, suggested_name, FileKind::for_export(format)).await? else {
        return Ok(None);
    };
    let job = state.jobs.start(&job_id);
    let mut go_on = job.reporter(on_progress);
    state
        .run(move |s, ctx| {
            let _job = job;
            crate::jobs::export_phases(
                &path,
                &mut go_on,
                || {
                    let list = items::items_for_export(s, ctx, from.as_deref(), to.as_deref())?;
                    export_purpose::record(s, ctx, "item", list.len(), &purpose)?;
                    Ok(if purpose.masked {
                        export_purpose::mask_items(list)
                    } else {
                        list
                    })
                },
                |list| export::export_items(list, format),
            )
            .map(Some)
        })
        .await
}
