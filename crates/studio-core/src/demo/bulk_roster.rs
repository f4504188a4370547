//! A large roster for the list benchmarks (`studio demo --bulk-roster N`), and what every generated
//! data set ends with.

use serde_json::{json, Value};

use crate::actor::Permission;
use crate::audit::Entity;
use crate::ctx::Ctx;
use crate::error::{Error, Result};
use crate::roster;
use crate::settings::{self, SetupState};
use crate::storage::Store;

/// Add `n` generated delegates in 40 delegations to a database whose roster is empty, as `ctx`'s
/// actor (`Maintain`). Reproducible for a given `seed`.
pub fn bulk_delegates(store: &Store, ctx: &Ctx, n: usize, seed: u64) -> Result<()> {
    ctx.require(Permission::Maintain)?;
    if roster::delegate_count(store, ctx)? > 0 {
        return Err(Error::Conflict(
            "名册中已有党代表，未生成性能测试数据".into(),
        ));
    }
    super::bulk_roster(store, 40, n, seed)?;
    mark_generated(store, ctx)
}

/// Generated data is demo data: the app opens on it without the first-start question. The
/// planner's statistics are gathered for the new rows.
pub(super) fn mark_generated(store: &Store, ctx: &Ctx) -> Result<()> {
    let pending = settings::setup_state(store)? == SetupState::Pending;
    store.write(ctx, Permission::Maintain, |tx| {
        if pending {
            settings::set_setup_state(tx, SetupState::Demo)?;
            tx.record(
                Entity::Settings,
                "setup",
                "demo",
                None::<&Value>,
                Some(&json!({ "setup": "demo" })),
            )?;
        }
        tx.execute_batch("ANALYZE")?;
        Ok(())
    })
}
