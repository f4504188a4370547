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
use crate::kiosk::Kiosk;
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
    /// This window is the visitor kiosk (自助终端): `--kiosk`, `STUDIO_KIOSK=1` or the setting.
    pub kiosk: Option<Kiosk>,
}

impl AppState {
    pub fn new(store: Store, lock: DbLock, print_dir: PathBuf, kiosk: bool) -> Self {
        let app_data = studio_core::paths::default_data_dir();
        let idle = idle_minutes_of(&store);
        let kiosk = kiosk.then(|| Kiosk::new(crate::kiosk::idle_seconds_of(&store)));
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
            kiosk,
        }
    }

    /// Take the settings as stored now (after 设置 is saved, or a backup restored).
    pub fn reload_settings(&self) {
        self.idle_minutes
            .store(idle_minutes_of(&self.store), Ordering::Relaxed);
        if let Some(k) = &self.kiosk {
            k.set_idle_seconds(crate::kiosk::idle_seconds_of(&self.store));
        }
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
        self.run_as(ctx, f).await
    }

    /// Run `f` as the kiosk's visitor (`kiosk:<host>`, 自助终端, `Role::Visitor`), without a login:
    /// the kiosk screens' commands. Refused when this window is not a kiosk. Like [`AppState::run`],
    /// on a worker thread, with the core's refusals written to the audit log.
    pub async fn run_kiosk<T: Send + 'static>(
        &self,
        f: impl FnOnce(&Store, &Ctx) -> studio_core::Result<T> + Send + 'static,
    ) -> CmdResult<T> {
        let Some(kiosk) = &self.kiosk else {
            return Err(Error::Forbidden("本机未以自助终端方式运行".to_string()).into());
        };
        self.run_as(Ctx::now(kiosk.actor().clone()), f).await
    }

    async fn run_as<T: Send + 'static>(
        &self,
        ctx: Ctx,
        f: impl FnOnce(&Store, &Ctx) -> studio_core::Result<T> + Send + 'static,
    ) -> CmdResult<T> {
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
        let idle = std::time::Duration::from_secs(u64::from(idle) * 60);
        if let Some(k) = &self.kiosk {
            // At the kiosk a session left alone is not locked (a lock screen would shut visitors
            // out) but ended, after the kiosk's idle time or 自动锁定, whichever is shorter.
            let kiosk_idle = std::time::Duration::from_secs(u64::from(k.idle_seconds()));
            if let Some(actor) = self.session.end_if_idle(idle.min(kiosk_idle)) {
                let _ = studio_core::accounts::record_session_event(
                    &self.store,
                    &Ctx::now(actor),
                    "logout",
                    "自助终端空闲超时，自动退出登录",
                );
                return Err(Error::Unauthenticated("空闲超时，已自动退出登录".to_string()).into());
            }
        }
        Ok(self.session.ctx(&self.store, idle)?)
    }

    /// What the window needs to know about the kiosk (`None`: a normal window).
    pub fn kiosk_mode(&self) -> Option<crate::kiosk::KioskMode> {
        self.kiosk.as_ref().map(|k| crate::kiosk::KioskMode {
            terminal: k.actor().id.clone(),
            idle_seconds: k.idle_seconds(),
        })
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

/// Ask for a folder, likewise (自动备份's folder).
pub async fn choose_folder(app: &tauri::AppHandle) -> CmdResult<Option<PathBuf>> {
    use tauri::Manager;
    let app = app.clone();
    blocking(move || app.state::<AppState>().saves.choose_folder(&app)).await
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

#[cfg(test)]
mod tests {
    use super::*;
    use studio_core::Role;

    fn state(kiosk: bool) -> AppState {
        let dir =
            std::env::temp_dir().join(format!("studio-app-state-{}-{kiosk}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let lock = DbLock::acquire(&dir.join("studio.db")).unwrap();
        let store = Store::open_in_memory().unwrap();
        AppState::new(store, lock, dir.join("print"), kiosk)
    }

    #[test]
    fn the_kiosk_runs_as_its_visitor_and_only_in_a_kiosk() {
        let kiosk = state(true);
        let actor = tauri::async_runtime::block_on(kiosk.run_kiosk(|_, ctx| Ok(ctx.actor.clone())))
            .unwrap();
        assert_eq!(actor.role, Role::Visitor);
        assert!(actor.id.starts_with("kiosk:"), "{}", actor.id);
        // Without a login, nothing else runs.
        let staff = tauri::async_runtime::block_on(kiosk.run(|_, _| Ok(())));
        assert_eq!(staff.unwrap_err().core_code(), Some("unauthenticated"));
        assert!(kiosk.kiosk_mode().is_some());

        let normal = state(false);
        let refused = tauri::async_runtime::block_on(normal.run_kiosk(|_, _| Ok(())));
        assert_eq!(refused.unwrap_err().core_code(), Some("forbidden"));
        assert!(normal.kiosk_mode().is_none());
    }
}
