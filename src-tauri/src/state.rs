//! The app's state, handed to commands as `State<AppState>` (DESIGN.md, invariant 8).
//!
//! The store is shared (`Arc<Store>`): each command's work runs on a blocking worker thread, never
//! on the window's thread, and holds a database connection only while its query runs.

use std::path::PathBuf;
use std::sync::Arc;

use studio_core::storage::lock::DbLock;
use studio_core::{Actor, Ctx, Role, Store};

use crate::error::{CmdError, CmdResult};
use crate::jobs::Jobs;
use crate::save::SavePaths;

pub struct AppState {
    store: Arc<Store>,
    /// Held while the app runs: `studio restore` refuses while it is held.
    _lock: DbLock,
    pub jobs: Jobs,
    pub saves: SavePaths,
    /// Private folder for PDFs handed to the system viewer; emptied at every start.
    pub print_dir: PathBuf,
}

impl AppState {
    pub fn new(store: Store, lock: DbLock, print_dir: PathBuf) -> Self {
        let app_data = studio_core::paths::default_data_dir();
        AppState {
            saves: SavePaths::new(
                store.path().map(PathBuf::from),
                store.files_dir().to_path_buf(),
                app_data,
            ),
            store: Arc::new(store),
            _lock: lock,
            jobs: Jobs::default(),
            print_dir,
        }
    }

    pub fn store(&self) -> Arc<Store> {
        self.store.clone()
    }

    /// Run `f` with the store and this session's request context on a blocking worker thread. A
    /// panic inside becomes a Chinese error for the window; the app stays open, and the database
    /// stays consistent (every write is one transaction, rolled back when its thread unwinds).
    pub async fn run<T: Send + 'static>(
        &self,
        f: impl FnOnce(&Store, &Ctx) -> studio_core::Result<T> + Send + 'static,
    ) -> CmdResult<T> {
        let store = self.store();
        blocking(move || {
            let ctx = session_ctx(&store)?;
            f(&store, &ctx).map_err(CmdError::from)
        })
        .await
    }
}

/// Who acts in this desktop session. Until accounts exist (issue 9) the studio PC's operator, named
/// in 设置, administers it.
pub fn session_ctx(store: &Store) -> studio_core::Result<Ctx> {
    let name = studio_core::settings::load(store)?.operator_name;
    Ok(Ctx::now(Actor::new(name, Role::Admin)))
}

/// Ask where to save, in a native dialog opened here, on a worker thread (`None`: cancelled).
pub async fn choose_save(
    app: &tauri::AppHandle,
    suggested: String,
    kind: crate::save::FileKind,
) -> CmdResult<Option<PathBuf>> {
    use tauri::Manager;
    let app = app.clone();
    blocking(move || {
        app.state::<AppState>()
            .saves
            .choose_save(&app, &suggested, kind)
    })
    .await
}

/// Ask for a file to open, likewise.
pub async fn choose_open(
    app: &tauri::AppHandle,
    kind: crate::save::FileKind,
) -> CmdResult<Option<PathBuf>> {
    use tauri::Manager;
    let app = app.clone();
    blocking(move || app.state::<AppState>().saves.choose_open(&app, kind)).await
}

/// Run `f` on a blocking worker thread; a panic in it is reported as an error, not a crash.
pub async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> CmdResult<T> + Send + 'static,
) -> CmdResult<T> {
    match tauri::async_runtime::spawn_blocking(f).await {
        Ok(r) => r,
        Err(e) => Err(CmdError::internal(&e.to_string())),
    }
}
