//! What the UI asks at start-up: where the data is, whether the first-start choice is pending, who
//! operates this PC.

use serde::Serialize;
use ts_rs::TS;

use crate::actor::Actor;
use crate::ctx::Ctx;
use crate::error::Result;
use crate::settings::{self, SetupState};
use crate::storage::Store;

#[derive(Debug, Clone, Serialize, TS)]
pub struct AppStatus {
    pub version: String,
    pub db_path: String,
    pub setup: SetupState,
    pub operator: Actor,
    pub studio_name: String,
    pub delegate_count: u64,
    pub delegation_count: u64,
}

pub fn app_status(store: &Store, ctx: &Ctx) -> Result<AppStatus> {
    let s = settings::load(store)?;
    let mut setup = settings::setup_state(store)?;
    // A database that already holds a roster (made by `studio demo` or restored) needs no choice.
    let delegate_count = crate::roster::delegate_count(store, ctx)?;
    if setup == SetupState::Pending && delegate_count > 0 {
        setup = SetupState::Blank;
    }
    Ok(AppStatus {
        version: env!("CARGO_PKG_VERSION").to_string(),
        db_path: store
            .path()
            .map(|p| p.display().to_string())
            .unwrap_or_else(|| ":memory:".into()),
        setup,
        operator: ctx.actor.clone(),
        studio_name: s.studio_name,
        delegate_count,
        delegation_count: crate::roster::delegation_count(store, ctx)?,
    })
}
