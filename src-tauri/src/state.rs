//! The app's state, handed to commands as `State<AppState>` (DESIGN.md, invariant 8).
//!
//! The store is shared (`Arc<Store>`): each command's work runs on a blocking worker thread, never
//! on the window's thread, and holds a database connection only while its query runs.

use std::path::PathBuf;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::Arc;

use studio_core::storage::lock::DbLock;
use studio_core::{Ctx, Error, Store};

use crate::error::{CmdError, CmdResult};
use crate::jobs::Jobs;
use crate::save::SavePaths;
use crate::session::Session;

pub struct AppState {
    store: Arc<Store>,
    /// Held while the app runs: `studio restore` refuses while it is held.
    _lock: DbLock,
    pub jobs: Jobs,
    pub saves: SavePaths,
    /// Who is logged in at this window.
    pub session: Session,
    /// Private folder for PDFs handed to the system viewer; emptied at every start.
    pub print_dir: PathBuf,
    /// 自动锁定 in minutes, as the settings last read: every command checks it, so it is kept here
    /// rather than read from the database each time (refreshed by [`AppState::reload_settings`]).
    idle_minutes: AtomicU32,
}

impl AppState {
    pub fn new(store: Store, lock: DbLock, print_dir: PathBuf) -> Self {
        let app_data = studio_core::paths::default_data_dir();
        let idle = idle_minutes_of(&store);
        AppState {
            saves: SavePaths::new(
                store.path().map(PathBuf::from),
                store.files_dir().to_path_buf(),
                app_data,
            ),
            store: Arc::new(store),
            _lock: lock,
            jobs: Jobs::default(),
            session: Session::default(),
            print_dir,
            idle_minutes: AtomicU32::new(idle),
        }
    }

    /// Take the settings as stored now (after 设置 is saved, or a backup restored).
    pub fn reload_settings(&self) {
        self.idle_minutes
            .store(idle_minutes_of(&self.store), Ordering::Relaxed);
    }

    pub fn store(&self) -> Arc<Store> {
        self.store.clone()
    }

    /// Run `f` with the store and this session's request context on a blocking worker thread. A
    /// panic inside becomes a Chinese error for the window; the app stays open, and the database
    /// stays consistent (every write is one transaction, rolled back when its thread unwinds).
    /// Nobody logged in, a locked session or a password that must be changed first refuse before
    /// `f` runs; a refusal by the core's permissions or scopes is written to the audit log.
    pub async fn run<T: Send + 'static>(
        &self,
        f: impl FnOnce(&Store, &Ctx) -> studio_core::Result<T> + Send + 'static,
    ) -> CmdResult<T> {
        let ctx = self.ctx()?;
        let store = self.store();
        blocking(move || {
            let out = f(&store, &ctx);
            if let Err(Error::Forbidden(message)) = &out {
                let _ = studio_core::audit_log::record_refusal(&store, &ctx, "access", message);
            }
            out.map_err(CmdError::from)
        })
        .await
    }

    /// This session's context, or why there is none (see [`Session::ctx`]).
    pub fn ctx(&self) -> CmdResult<Ctx> {
        let idle = self.idle_minutes.load(Ordering::Relaxed);
        Ok(self.session.ctx(
            &self.store,
            std::time::Duration::from_secs(u64::from(idle) * 60),
        )?)
    }

    /// Run `f` on a worker thread without a session (the login screen's commands).
    pub async fn run_anonymous<T: Send + 'static>(
        &self,
        f: impl FnOnce(&Store) -> studio_core::Result<T> + Send + 'static,
    ) -> CmdResult<T> {
        let store = self.store();
        blocking(move || f(&store).map_err(CmdError::from)).await
    }
}

/// 自动锁定 as stored; the default when the settings cannot be read (the start shows that error).
fn idle_minutes_of(store: &Store) -> u32 {
    studio_core::settings::load(store)
        .map(|s| s.idle_lock_minutes)
        .unwrap_or_else(|_| studio_core::settings::Settings::default().idle_lock_minutes)
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
