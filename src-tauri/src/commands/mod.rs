//! Tauri commands, one file per area. Each command only translates: input in, one core call on a
//! worker thread (`AppState::run`), the error mapped (DESIGN.md, invariants 2 and 12).

pub mod accounts;
pub mod app;
pub mod audit;
pub mod auth;
pub mod calendar;
pub mod cards;
#[cfg(any(debug_assertions, feature = "e2e"))]
pub mod debug;
pub mod items;
pub mod maintenance;
pub mod personal_data;
pub mod print;
pub mod roster;
pub mod settings;

macro_rules! handler {
    ($($extra:path),*) => {
        tauri::generate_handler![
            $($extra,)*
            auth::app_status,
            auth::auth_setup_admin,
            auth::auth_login,
            auth::auth_logout,
            auth::auth_lock,
            auth::auth_unlock,
            auth::auth_change_password,
            auth::auth_touch,
            accounts::accounts_list,
            accounts::account_add,
            accounts::account_update,
            accounts::account_set_locked,
            accounts::account_reset_password,
            audit::audit_list,
            audit::audit_export,
            audit::audit_archive,
            personal_data::person_find,
            personal_data::person_copy,
            personal_data::person_erase,
            app::setup_load_demo,
            app::setup_start_blank,
            app::audit_recent,
            app::app_mark,
            app::job_cancel,
            settings::settings_get,
            settings::settings_save,
            calendar::calendar_month,
            calendar::calendar_overrides,
            calendar::calendar_override_set,
            calendar::calendar_override_remove,
            cards::cards_list,
            cards::card_counts,
            cards::card_get,
            cards::card_delegate_snapshot,
            cards::card_create,
            cards::card_update,
            cards::card_submit,
            cards::card_amend,
            cards::card_discard,
            cards::card_amendments,
            cards::card_history,
            items::items_list,
            items::item_counts,
            items::item_get,
            items::item_for_card,
            items::item_create,
            items::item_update,
            items::item_create_from_card,
            items::item_link_card,
            items::item_act,
            items::items_similar,
            items::item_deadlines,
            items::item_deadlines_save,
            items::items_export,
            maintenance::db_backup,
            maintenance::db_restore,
            print::print_preview,
            print::print_save,
            print::print_open,
            print::cards_export,
            roster::delegations_list,
            roster::delegation_get,
            roster::delegation_create,
            roster::delegation_update,
            roster::delegates_list,
            roster::delegate_get,
            roster::delegate_create,
            roster::delegate_update,
            roster::delegate_mark_left,
            roster::delegate_reinstate,
            roster::delegate_duplicates,
            roster::delegate_set_photo,
            roster::delegate_photo,
            roster::delegate_history,
        ]
    };
}

/// Every command the window may call. Test builds add the test-only ones (`debug.rs`).
#[cfg(any(debug_assertions, feature = "e2e"))]
pub fn handler() -> impl Fn(tauri::ipc::Invoke) -> bool + Send + Sync + 'static {
    handler!(debug::debug_panic)
}

#[cfg(not(any(debug_assertions, feature = "e2e")))]
pub fn handler() -> impl Fn(tauri::ipc::Invoke) -> bool + Send + Sync + 'static {
    handler!()
}
