//! 自动备份 in the desktop app: a background thread asks the core every minute whether the daily
//! backup is due (`studio_core::backup::auto::run`, which decides with a pure function and notes
//! every result, a missing folder included, for 工作台), and the app's exit makes one when the last
//! is a day old. Failures also go to `studio.log`; nothing here fails silently.

use std::sync::Arc;
use std::time::Duration;

use studio_core::backup::auto;
use studio_core::backup::schedule::Trigger;
use studio_core::{Ctx, Store};
use tauri::{AppHandle, Manager, RunEvent};

use crate::state::AppState;

/// How often the thread asks; the first time shortly after start (a day missed while closed).
const TICK: Duration = Duration::from_secs(60);
const FIRST_TICK: Duration = Duration::from_secs(20);

pub fn start(store: Arc<Store>) {
    let spawned = std::thread::Builder::new()
        .name("auto-backup".into())
        .spawn(move || {
            std::thread::sleep(FIRST_TICK);
            loop {
                run(&store, Trigger::Timer);
                std::thread::sleep(TICK);
            }
        });
    if let Err(e) = spawned {
        crate::log::write(&format!("自动备份无法启动：{e}"));
    }
}

fn run(store: &Store, trigger: Trigger) {
    // A panic in a backup must not end the thread (or the app at exit).
    let out = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        auto::run(store, &Ctx::system(), chrono::Utc::now(), trigger)
    }));
    match out {
        Ok(Ok(Some(o))) if o.path.is_none() => {
            crate::log::write(&format!("自动备份失败：{}", o.message))
        }
        Ok(Ok(_)) => {}
        Ok(Err(e)) => crate::log::write(&format!("自动备份出错：{e}")),
        Err(_) => crate::log::write("自动备份出错：内部错误"),
    }
}

/// The app's event loop: at exit, a backup when the last is a day old.
pub fn on_run_event(app: &AppHandle, event: RunEvent) {
    if let RunEvent::Exit = event {
        if let Some(state) = app.try_state::<AppState>() {
            run(&state.store(), Trigger::Exit);
        }
    }
}
