//! Where data lives by default: the OS app-data folder, shared by the desktop app and the CLI
//! (the same rule as Tauri's `app_data_dir`: the OS data folder joined with the app identifier).

use std::path::PathBuf;

/// Must equal `identifier` in tauri.conf.json.
pub const APP_IDENTIFIER: &str = "cn.delegatestudio.desktop";
pub const DB_FILE_NAME: &str = "studio.db";

pub fn default_data_dir() -> PathBuf {
    dirs::data_dir()
        .unwrap_or_else(|| PathBuf::from("."))
        .join(APP_IDENTIFIER)
}

pub fn default_db_path() -> PathBuf {
    default_data_dir().join(DB_FILE_NAME)
}
