//! What the UI asks at start-up and after logging in: where the data is, whether an administrator
//! account exists yet, the demo's login hint, who is logged in, the first-start choice.

use serde::Serialize;
use ts_rs::TS;

use crate::actor::{Actor, Permission};
use crate::ctx::Ctx;
use crate::error::Result;
use crate::settings::{self, SetupState};
use crate::storage::Store;

/// The demo accounts' password, shown on the login screen only while the database holds the demo
/// and the demo administrator still has it.
#[derive(Debug, Clone, Serialize, TS)]
pub struct DemoLogin {
    pub logins: Vec<String>,
    pub password: String,
}

/// Where the window's session stands (the desktop front door fills this in).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum SessionState {
    /// Nobody logged in: the login screen (or the first administrator's form).
    #[default]
    None,
    Active,
    /// Logged in but locked (idle or by choice): the lock screen over the untouched page.
    Locked,
    /// Logged in after a password reset: a new password first.
    MustChangePassword,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct AppStatus {
    pub version: String,
    pub db_path: String,
    /// No account yet: the first start asks for the administrator's.
    pub has_accounts: bool,
    pub setup: SetupState,
    /// Who is logged in (none on the login screen).
    pub operator: Option<Actor>,
    pub session: SessionState,
    pub studio_name: String,
    pub idle_lock_minutes: u32,
    pub demo_login: Option<DemoLogin>,
    pub delegate_count: u64,
    pub delegation_count: u64,
}

/// The status as the login screen sees it (`ctx` = `None`) or a logged-in session.
pub fn app_status(store: &Store, ctx: Option<&Ctx>) -> Result<AppStatus> {
    let s = settings::load(store)?;
    let mut setup = settings::setup_state(store)?;
    let has_accounts = crate::accounts::has_accounts(store)?;
    let (delegate_count, delegation_count) = match ctx {
        Some(ctx) if ctx.may(Permission::ReadRoster) => (
            crate::roster::delegate_count(store, ctx)?,
            crate::roster::delegation_count(store, ctx)?,
        ),
        _ => (0, 0),
    };
    // A database that already holds a roster (made by `studio demo` or restored) needs no choice.
    if setup == SetupState::Pending && delegate_count > 0 {
        setup = SetupState::Blank;
    }
    let demo_login =
        if ctx.is_none() && setup == SetupState::Demo && crate::demo::demo_password_works(store)? {
            Some(DemoLogin {
                logins: crate::demo::DEMO_ACCOUNTS
                    .iter()
                    .map(|(l, _, _)| l.to_string())
                    .collect(),
                password: crate::demo::DEMO_PASSWORD.to_string(),
            })
        } else {
            None
        };
    Ok(AppStatus {
        version: env!("CARGO_PKG_VERSION").to_string(),
        db_path: store
            .path()
            .map(|p| p.display().to_string())
            .unwrap_or_else(|| ":memory:".into()),
        has_accounts,
        setup,
        operator: ctx.map(|c| c.actor.clone()),
        session: if ctx.is_some() {
            SessionState::Active
        } else {
            SessionState::None
        },
        studio_name: s.studio_name,
        idle_lock_minutes: s.idle_lock_minutes,
        demo_login,
        delegate_count,
        delegation_count,
    })
}
