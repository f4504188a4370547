//! The app's log file, `studio.log` in the data folder beside the database: start-up failures,
//! panics and internal errors, so that "the window closed" or "it said 内部错误" can be looked into.

use std::io::Write;
use std::path::PathBuf;
use std::sync::OnceLock;

static LOG_PATH: OnceLock<PathBuf> = OnceLock::new();

/// Log to `dir/studio.log` from now on.
pub fn init(dir: PathBuf) {
    let _ = std::fs::create_dir_all(&dir);
    let _ = LOG_PATH.set(dir.join("studio.log"));
}

pub fn path() -> Option<&'static PathBuf> {
    LOG_PATH.get()
}

/// Append one line with the time. Never fails: logging must not take the app down.
pub fn write(line: &str) {
    let stamp = studio_core::ids::now_utc();
    if let Some(p) = LOG_PATH.get() {
        if let Ok(mut f) = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(p)
        {
            let _ = writeln!(f, "{stamp} {line}");
        }
    }
}

/// Panics are logged with where they happened, then reach the command as an error.
pub fn install_panic_hook() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        write(&format!("panic: {info}"));
        default(info);
    }));
}
