//! 提议: the list with its 督办 views, the detail with its steps, the form, 工作台's figures, an item's
//! proposals, and the printed form (预览, 打印, 另存为 PDF). Changes name the version they were
//! based on.

use studio_core::files::write_atomic;
use studio_core::printing::{self, PrintOutcome};
use studio_core::proposals::{
    self, Proposal, ProposalAction, ProposalCounts, ProposalDetail, ProposalInput,
    ProposalListItem, ProposalQuery, ProposalRef,
};
use studio_core::Page;
use tauri::{AppHandle, State};

use super::print::{open_in_viewer, outcome, print_file};
use crate::error::CmdResult;
use crate::save::FileKind;
use crate::state::{choose_save, AppState};

#[tauri::command]
pub async fn proposals_list(
    state: State<'_, AppState>,
    query: ProposalQuery,
) -> CmdResult<Page<ProposalListItem>> {
    state
        .run(move |s, ctx| proposals::list_proposals(s, ctx, &query))
        .await
}

#[tauri::command]
pub async fn proposal_counts(state: State<'_, AppState>) -> CmdResult<ProposalCounts> {
    state.run(proposals::proposal_counts).await
}

#[tauri::command]
pub async fn proposal_get(state: State<'_, AppState>, id: String) -> CmdResult<ProposalDetail> {
    state
        .run(move |s, ctx| proposals::get_proposal(s, ctx, &id))
        .await
}

#[tauri::command]
pub async fn proposal_create(
    state: State<'_, AppState>,
    input: ProposalInput,
) -> CmdResult<Proposal> {
    state
        .run(move |s, ctx| proposals::create_proposal(s, ctx, &input))
        .await
}

#[tauri::command]
pub async fn proposal_update(
    state: State<'_, AppState>,
    id: String,
    version: i64,
    input: ProposalInput,
) -> CmdResult<Proposal> {
    state
        .run(move |s, ctx| proposals::update_proposal(s, ctx, &id, version, &input))
        .await
}

#[tauri::command]
pub async fn proposal_act(
    state: State<'_, AppState>,
    id: String,
    version: i64,
    action: ProposalAction,
) -> CmdResult<Proposal> {
    state
        .run(move |s, ctx| proposals::act(s, ctx, &id, version, &action))
        .await
}

#[tauri::command]
pub async fn proposals_of_item(
    state: State<'_, AppState>,
    item_id: String,
) -> CmdResult<Vec<ProposalRef>> {
    state
        .run(move |s, ctx| proposals::proposals_of_item(s, ctx, &item_id))
        .await
}

/// 预览: the printed form's bytes for the page's PDF viewer.
#[tauri::command]
pub async fn proposal_pdf_preview(
    state: State<'_, AppState>,
    id: String,
) -> CmdResult<PrintOutcome> {
    state
        .run(move |s, ctx| Ok(outcome(&printing::proposal_pdf(s, ctx, &id)?, true, None)))
        .await
}

/// 打印: into the private print folder, then the system's PDF viewer.
#[tauri::command]
pub async fn proposal_pdf_open(
    app: AppHandle,
    state: State<'_, AppState>,
    id: String,
) -> CmdResult<PrintOutcome> {
    let path = print_file(&state, "提议");
    let written = path.clone();
    let out = state
        .run(move |s, ctx| {
            let r = printing::proposal_pdf(s, ctx, &id)?;
            write_atomic(&written, &r.pdf)?;
            Ok(outcome(&r, false, Some(&written)))
        })
        .await?;
    open_in_viewer(&app, &path)?;
    Ok(out)
}

/// 另存为 PDF where the user chose in the native dialog; `None`: cancelled.
#[tauri::command]
pub async fn proposal_pdf_save(
    app: AppHandle,
    state: State<'_, AppState>,
    id: String,
    suggested_name: String,
) -> CmdResult<Option<PrintOutcome>> {
    let Some(path) = choose_save(&app, suggested_name, FileKind::Pdf).await? else {
        return Ok(None);
    };
    state
        .run(move |s, ctx| {
            let r = printing::proposal_pdf(s, ctx, &id)?;
            write_atomic(&path, &r.pdf)?;
            Ok(Some(outcome(&r, false, Some(&path))))
        })
        .await
}
