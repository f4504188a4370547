//! The desktop shell: opens the studio database and registers the commands, area by area.

mod commands;
mod error;
mod state;

use std::path::PathBuf;

use state::AppState;

/// `STUDIO_DB` chooses another database (tests, a second studio); otherwise the OS app-data folder,
/// the same file the `studio` command uses by default.
fn db_path() -> PathBuf {
    std::env::var_os("STUDIO_DB")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .unwrap_or_else(studio_core::paths::default_db_path)
}

pub fn run() {
    let path = db_path();
    let store = match studio_core::Store::open(&path) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("无法打开数据库 {}：{e}", path.display());
            std::process::exit(1);
        }
    };
    tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        .manage(AppState::new(store))
        .invoke_handler(tauri::generate_handler![
            commands::app::app_status,
            commands::app::setup_load_demo,
            commands::app::setup_start_blank,
            commands::app::audit_recent,
            commands::app::app_mark,
            commands::settings::settings_get,
            commands::settings::settings_save,
            commands::calendar::calendar_month,
            commands::calendar::calendar_overrides,
            commands::calendar::calendar_override_set,
            commands::calendar::calendar_override_remove,
            commands::cards::cards_list,
            commands::cards::card_counts,
            commands::cards::card_get,
            commands::cards::card_delegate_snapshot,
            commands::cards::card_create,
            commands::cards::card_update,
            commands::cards::card_submit,
            commands::cards::card_amend,
            commands::cards::card_discard,
            commands::cards::card_amendments,
            commands::cards::card_history,
            commands::items::items_list,
            commands::items::item_counts,
            commands::items::item_get,
            commands::items::item_for_card,
            commands::items::item_create,
            commands::items::item_update,
            commands::items::item_create_from_card,
            commands::items::item_link_card,
            commands::items::item_act,
            commands::items::items_similar,
            commands::items::item_deadlines,
            commands::items::item_deadlines_save,
            commands::items::items_export,
            commands::print::print_preview,
            commands::print::print_save,
            commands::print::print_open,
            commands::print::cards_export,
            commands::roster::delegations_list,
            commands::roster::delegation_get,
            commands::roster::delegation_create,
            commands::roster::delegation_update,
            commands::roster::delegates_list,
            commands::roster::delegate_get,
            commands::roster::delegate_create,
            commands::roster::delegate_update,
            commands::roster::delegate_mark_left,
            commands::roster::delegate_reinstate,
            commands::roster::delegate_duplicates,
            commands::roster::delegate_set_photo,
            commands::roster::delegate_photo,
            commands::roster::delegate_history,
        ])
        .run(tauri::generate_context!())
        .expect("党代表工作室无法启动");
}
