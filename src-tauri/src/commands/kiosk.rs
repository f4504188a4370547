//! The kiosk (自助终端): the screens' commands run as the kiosk's visitor (`AppState::run_kiosk`,
//! refused in a normal window); quitting the kiosk needs a staff member's session.

use tauri::{AppHandle, State};

use crate::error::CmdResult;
use crate::state::AppState;

/// 关闭自助终端: a logged-in staff member quits the kiosk (its window refuses every other close).
/// Refused without an active session, and in a normal window (which simply closes).
#[tauri::command]
pub async fn kiosk_quit(app: AppHandle, state: State<'_, AppState>) -> CmdResult<()> {
    let ctx = state.ctx()?;
    let Some(kiosk) = &state.kiosk else {
        return Err(studio_core::Error::Invalid("本机未以自助终端方式运行".to_string()).into());
    };
    let actor = ctx.actor.clone();
    state
        .run_anonymous(move |s| {
            studio_core::accounts::record_session_event(
                s,
                &studio_core::Ctx::now(actor),
                "logout",
                "关闭自助终端",
            )
        })
        .await?;
    state.session.end();
    crate::kiosk::quit(&app, kiosk);
    Ok(())
}

/// 工作室简介 and the kiosk's settings, read as the kiosk's visitor (no login).
#[tauri::command]
pub async fn kiosk_info(state: State<'_, AppState>) -> CmdResult<studio_core::kiosk::KioskInfo> {
    state.run_kiosk(studio_core::kiosk::kiosk_info).await
}
