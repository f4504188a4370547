//! The login screen and the session: first administrator, login, logout, lock and unlock, one's
//! own password. These are the only commands that run without a logged-in session (besides the
//! kiosk screens', which run as the kiosk's visitor: `AppState::run_kiosk`).

use studio_core::accounts::{self, NewAccount};
use studio_core::status::{app_status as status, AppStatus, SessionState};
use studio_core::{Ctx, Error};
use tauri::State;

use crate::error::CmdResult;
use crate::kiosk::KioskMode;
use crate::state::AppState;

/// The core's status and, in a kiosk window, the kiosk's (`null` in a normal window).
#[derive(serde::Serialize)]
pub struct WindowStatus {
    #[serde(flatten)]
    pub status: AppStatus,
    pub kiosk: Option<KioskMode>,
}

/// The status a new window opens with: nobody has logged in at it yet. `kiosk::build_main_window`
/// hands it to the page before its scripts run (`window.__STUDIO_OPENING__`), so the first screen
/// (the login, the first administrator's form, the kiosk's home) is built at once, without waiting
/// for an `app_status` round trip (issue 14: start at the floor). Later statuses (a reload, after a
/// login) come from [`app_status`].
pub fn opening_status(state: &AppState) -> studio_core::Result<WindowStatus> {
    let mut status = status(&state.store(), None)?;
    status.session = SessionState::None;
    Ok(WindowStatus {
        status,
        kiosk: state.kiosk_mode(),
    })
}

/// What the window shows now: the setup form (no account yet), the login screen, the lock screen,
/// the change-password form, or the app; in a kiosk window the kiosk when nobody is logged in.
#[tauri::command]
pub async fn app_status(state: State<'_, AppState>) -> CmdResult<WindowStatus> {
    crate::trace::mark("status-asked");
    let (ctx, session) = match state.ctx() {
        Ok(ctx) => (Some(ctx), SessionState::Active),
        Err(e) => match e.core_code() {
            Some("session_locked") => (None, SessionState::Locked),
            _ if state.session.actor().is_some() => (None, SessionState::MustChangePassword),
            _ => (None, SessionState::None),
        },
    };
    let actor = state.session.actor();
    let status = state
        .run_anonymous(move |s| {
            let mut st = status(s, ctx.as_ref())?;
            st.session = session;
            if st.operator.is_none() {
                st.operator = actor;
            }
            Ok(st)
        })
        .await?;
    crate::trace::mark("status-answered");
    Ok(WindowStatus {
        status,
        kiosk: state.kiosk_mode(),
    })
}

/// The first start: create the administrator's account and log in as it.
#[tauri::command]
pub async fn auth_setup_admin(
    state: State<'_, AppState>,
    input: NewAccount,
) -> CmdResult<WindowStatus> {
    let account = state
        .run_anonymous(move |s| accounts::create_first_admin(s, &input))
        .await?;
    state.session.start(accounts::actor_of(&account), false);
    app_status(state).await
}

#[tauri::command]
pub async fn auth_login(
    state: State<'_, AppState>,
    login: String,
    password: String,
) -> CmdResult<WindowStatus> {
    let session = state
        .run_anonymous(move |s| accounts::login(s, &login, &password))
        .await?;
    state.session.start(session.actor, session.must_change);
    app_status(state).await
}

#[tauri::command]
pub async fn auth_logout(state: State<'_, AppState>) -> CmdResult<()> {
    if let Some(actor) = state.session.end() {
        state
            .run_anonymous(move |s| {
                accounts::record_session_event(s, &Ctx::now(actor), "logout", "")
            })
            .await?;
    }
    Ok(())
}

/// Lock the window now (`idle`: the page's idle timer ran out; otherwise the person chose 锁定). At
/// the kiosk the session ends instead: a lock screen would shut the visitors out.
#[tauri::command]
pub async fn auth_lock(state: State<'_, AppState>, idle: bool) -> CmdResult<()> {
    let Some(actor) = state.session.actor() else {
        return Ok(());
    };
    if state.kiosk.is_some() {
        if let Some(actor) = state.session.end() {
            let why = if idle {
                "自助终端空闲超时，自动退出登录"
            } else {
                "返回自助终端"
            };
            state
                .run_anonymous(move |s| {
                    accounts::record_session_event(s, &Ctx::now(actor), "logout", why)
                })
                .await?;
        }
        return Ok(());
    }
    if state.session.lock() {
        let why = if idle {
            "空闲超时自动锁定"
        } else {
            "手动锁定"
        };
        state
            .run_anonymous(move |s| {
                accounts::record_session_event(s, &Ctx::now(actor), "lock", why)
            })
            .await?;
    }
    Ok(())
}

/// Unlock with the logged-in person's password; the page under the lock screen is untouched.
#[tauri::command]
pub async fn auth_unlock(state: State<'_, AppState>, password: String) -> CmdResult<WindowStatus> {
    let actor = state
        .session
        .actor()
        .ok_or_else(|| Error::Unauthenticated("请重新登录".to_string()))?;
    state
        .run_anonymous(move |s| accounts::verify_for_unlock(s, &Ctx::now(actor), &password))
        .await?;
    state.session.unlock();
    app_status(state).await
}

/// Change one's own password (also right after a reset, before anything else is allowed).
#[tauri::command]
pub async fn auth_change_password(
    state: State<'_, AppState>,
    current: String,
    password: String,
) -> CmdResult<WindowStatus> {
    let actor = state
        .session
        .actor()
        .ok_or_else(|| Error::Unauthenticated("请先登录".to_string()))?;
    if matches!(state.ctx(), Err(e) if e.core_code() == Some("session_locked")) {
        return Err(Error::SessionLocked.into());
    }
    state
        .run_anonymous(move |s| {
            accounts::change_own_password(s, &Ctx::now(actor), &current, &password)
        })
        .await?;
    state.session.password_changed();
    app_status(state).await
}

/// The person is at the window (typing, clicking): keep the session from idling out.
#[tauri::command]
pub fn auth_touch(state: State<'_, AppState>) {
    state.session.touch();
}
