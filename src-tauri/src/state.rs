//! The app's state, handed to commands as `State<AppState>` (DESIGN.md, invariant 8).

use std::sync::Mutex;

use studio_core::{Actor, Store};

use crate::error::CmdResult;

pub struct AppState {
    store: Mutex<Store>,
}

impl AppState {
    pub fn new(store: Store) -> Self {
        AppState {
            store: Mutex::new(store),
        }
    }

    /// Run `f` with the store and the acting operator. A poisoned lock (a panic in an earlier
    /// command) still holds a consistent database: every write is one transaction.
    pub fn with<T>(
        &self,
        f: impl FnOnce(&mut Store, &Actor) -> studio_core::Result<T>,
    ) -> CmdResult<T> {
        let mut store = self.store.lock().unwrap_or_else(|e| e.into_inner());
        let actor = studio_core::settings::operator(&store)?;
        Ok(f(&mut store, &actor)?)
    }
}
