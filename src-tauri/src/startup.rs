//! Start-up: the database, or a native Chinese dialog that says what to do when it cannot be
//! opened (the window is not up yet, so the message cannot be shown in it); the private folder for
//! PDFs handed to the system viewer.

use std::io::Write;
use std::path::PathBuf;

use studio_core::storage::lock::DbLock;
use studio_core::Store;
use tauri::{AppHandle, Manager};

use crate::log;

/// `STUDIO_DB` chooses another database (tests, a second studio); otherwise the OS app-data folder,
/// the same file the `studio` command uses by default.
pub fn db_path() -> PathBuf {
    std::env::var_os("STUDIO_DB")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .unwrap_or_else(studio_core::paths::default_db_path)
}

/// Open the database and take the app's lock on it; on failure log it, tell the user what to do in
/// a native dialog, and return `None` (the caller exits with status 1).
pub fn open_database() -> Option<(Store, DbLock)> {
    let path = db_path();
    log::init(
        path.parent()
            .map(PathBuf::from)
            .unwrap_or_else(studio_core::paths::default_data_dir),
    );
    let opened = DbLock::acquire(&path).and_then(|lock| Ok((Store::open(&path)?, lock)));
    match opened {
        Ok(ok) => Some(ok),
        Err(e) => {
            let advice = advice_for(&e);
            log::write(&format!("无法打开数据库 {}：{e}", path.display()));
            // Not `eprintln!`: it panics when stderr is a closed pipe.
            let _ = writeln!(std::io::stderr(), "无法打开数据库 {}：{e}", path.display());
            let log_line = log::path()
                .map(|p| format!("\n\n日志文件：{}", p.display()))
                .unwrap_or_default();
            fatal_dialog(
                "党代表工作室无法打开数据库",
                &format!(
                    "无法打开数据库：\n{}\n\n原因：{e}\n\n{advice}{log_line}",
                    path.display()
                ),
            );
            None
        }
    }
}

fn advice_for(e: &studio_core::Error) -> &'static str {
    let text = e.to_string();
    if text.contains("正在使用") {
        "本程序已经打开（或正在恢复备份）。请切换到已打开的窗口，或等恢复完成后再启动。"
    } else if text.contains("更新版本") {
        "请安装最新版本的党代表工作室后再打开。"
    } else {
        "数据库文件可能已损坏。处理办法：\n\
         1. 在终端运行 `studio check` 查看损坏情况；\n\
         2. 用最近的备份恢复：`studio restore 备份文件`（恢复前会自动保留当前文件）；\n\
         3. 如无法处理，请联系管理员，并提供日志文件。"
    }
}

/// A blocking native message box (GTK on Linux, the system's own elsewhere).
pub fn fatal_dialog(title: &str, message: &str) {
    if std::env::var_os("STUDIO_NO_DIALOG").is_some() {
        return;
    }
    let _ = rfd::MessageDialog::new()
        .set_level(rfd::MessageLevel::Error)
        .set_title(title)
        .set_description(message)
        .set_buttons(rfd::MessageButtons::Ok)
        .show();
}

/// A folder only this user can read, emptied at every start: PDFs handed to the system viewer hold
/// personal data and must not pile up in a shared temp folder.
pub fn private_print_dir(app: &AppHandle) -> PathBuf {
    let dir = app
        .path()
        .app_cache_dir()
        .unwrap_or_else(|_| std::env::temp_dir().join("delegate-studio"))
        .join("print");
    let _ = std::fs::remove_dir_all(&dir);
    if std::fs::create_dir_all(&dir).is_ok() {
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let _ = std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o700));
        }
    }
    dir
}
