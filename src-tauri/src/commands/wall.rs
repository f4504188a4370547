//! 上墙制度: the seven documents filled in, the administrator's editor with its preview, and the
//! posters (preview, 另存为 PDF, 打印) from the core's `printing::render_wall`.

use studio_core::files::write_atomic;
use studio_core::printing::{self, PrintOutcome};
use studio_core::wall::{self, WallDocInput, WallDocView, WallKind};
use tauri::{AppHandle, State};

use super::print::{open_in_viewer, outcome, print_file};
use crate::error::CmdResult;
use crate::save::FileKind;
use crate::state::{choose_save, AppState};

#[tauri::command]
pub async fn wall_list(state: State<'_, AppState>) -> CmdResult<Vec<WallDocView>> {
    state.run(wall::list_wall_docs).await
}

#[tauri::command]
pub async fn wall_get(state: State<'_, AppState>, kind: WallKind) -> CmdResult<WallDocView> {
    state
        .run(move |s, ctx| wall::get_wall_doc(s, ctx, kind))
        .await
}

#[tauri::command]
pub async fn wall_preview(
    state: State<'_, AppState>,
    kind: WallKind,
    input: WallDocInput,
) -> CmdResult<WallDocView> {
    state
        .run(move |s, ctx| wall::preview_wall_doc(s, ctx, kind, &input))
        .await
}

#[tauri::command]
pub async fn wall_update(
    state: State<'_, AppState>,
    kind: WallKind,
    version: i64,
    input: WallDocInput,
) -> CmdResult<WallDocView> {
    state
        .run(move |s, ctx| wall::update_wall_doc(s, ctx, kind, version, &input))
        .await
}

#[tauri::command]
pub async fn wall_pdf_preview(
    state: State<'_, AppState>,
    kind: WallKind,
) -> CmdResult<PrintOutcome> {
    state
        .run(move |s, ctx| Ok(outcome(&printing::render_wall(s, ctx, kind)?, true, None)))
        .await
}

/// 另存为 PDF. `None`: the user cancelled.
#[tauri::command]
pub async fn wall_pdf_save(
    app: AppHandle,
    state: State<'_, AppState>,
    kind: WallKind,
    suggested_name: String,
) -> CmdResult<Option<PrintOutcome>> {
    let Some(path) = choose_save(&app, suggested_name, FileKind::Pdf).await? else {
        return Ok(None);
    };
    state
        .run(move |s, ctx| {
            let r = printing::render_wall(s, ctx, kind)?;
            write_atomic(&path, &r.pdf)?;
            Ok(Some(outcome(&r, false, Some(&path))))
        })
        .await
}

/// 打印: into the private print folder, opened in the system's PDF viewer.
#[tauri::command]
pub async fn wall_pdf_open(
    app: AppHandle,
    state: State<'_, AppState>,
    kind: WallKind,
) -> CmdResult<PrintOutcome> {
    let path = print_file(&state, "上墙制度");
    let written = path.clone();
    let out = state
        .run(move |s, ctx| {
            let r = printing::render_wall(s, ctx, kind)?;
            write_atomic(&written, &r.pdf)?;
            Ok(outcome(&r, false, Some(&written)))
        })
        .await?;
    open_in_viewer(&app, &path)?;
    Ok(out)
}
