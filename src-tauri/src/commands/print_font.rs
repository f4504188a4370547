//! 设置 → 打印字体: the font file is chosen in the backend's native dialog (the page sends no
//! path), checked for size before it is read, then checked, copied and recorded by the core.

use studio_core::printing::font::{self, PrintFont, FONT_MAX_BYTES};
use studio_core::Error;
use tauri::{AppHandle, State};

use crate::error::CmdResult;
use crate::save::FileKind;
use crate::state::{choose_open, AppState};

#[tauri::command]
pub async fn print_font_get(state: State<'_, AppState>) -> CmdResult<PrintFont> {
    state.run(|s, _| font::current(s)).await
}

/// 选择字体文件…: `None` when the user cancelled the dialog.
#[tauri::command]
pub async fn print_font_choose(
    app: AppHandle,
    state: State<'_, AppState>,
) -> CmdResult<Option<PrintFont>> {
    let Some(path) = choose_open(&app, FileKind::Font).await? else {
        return Ok(None);
    };
    let chosen = state
        .run(move |s, ctx| {
            let len = std::fs::metadata(&path)?.len();
            if len > FONT_MAX_BYTES as u64 {
                return Err(Error::Invalid(format!(
                    "字体文件不能超过 {} MB",
                    FONT_MAX_BYTES / 1024 / 1024
                )));
            }
            let bytes = std::fs::read(&path)?;
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            font::choose(s, ctx, &name, bytes)
        })
        .await?;
    crate::log::write(&format!(
        "打印字体改为 {}（fonts/{}）",
        chosen.name,
        chosen.file.as_deref().unwrap_or("")
    ));
    Ok(Some(chosen))
}

/// 恢复默认字体.
#[tauri::command]
pub async fn print_font_default(state: State<'_, AppState>) -> CmdResult<PrintFont> {
    let f = state.run(font::use_default).await?;
    crate::log::write(&format!("打印字体恢复为默认：{}", f.name));
    Ok(f)
}
