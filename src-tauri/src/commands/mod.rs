//! Tauri commands, one file per area. Each command only translates: input in, one core call on a
//! worker thread (`AppState::run`), the error mapped (DESIGN.md, invariants 2 and 12).

pub mod about;
pub mod accounts;
pub mod activities;
pub mod app;
pub mod appointments;
pub mod audit;
pub mod auth;
pub mod calendar;
pub mod cards;
#[cfg(any(debug_assertions, feature = "e2e"))]
pub mod debug;
pub mod exports;
pub mod funds;
pub mod import;
pub mod items;
pub mod kiosk;
pub mod kiosk_screens;
pub mod maintenance;
pub mod news;
pub mod personal_data;
pub mod print;
pub mod print_font;
pub mod proposals;
pub mod public_answers;
pub mod reports;
pub mod roster;
pub mod schedule;
pub mod settings;
pub mod volunteers;
pub mod wall;

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
            kiosk::kiosk_quit,
            kiosk::kiosk_info,
            kiosk_screens::kiosk_today,
            kiosk_screens::kiosk_next_duty_day,
            kiosk_screens::kiosk_published_months,
            kiosk_screens::kiosk_month_plan,
            kiosk_screens::kiosk_delegate_profiles,
            kiosk_screens::kiosk_delegate_photo,
            kiosk_screens::kiosk_submit_message,
            kiosk_screens::kiosk_request_days,
            kiosk_screens::kiosk_request_appointment,
            kiosk_screens::kiosk_query_progress,
            kiosk_screens::kiosk_print_slip,
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
            print_font::print_font_get,
            print_font::print_font_choose,
            print_font::print_font_default,
            about::about_get,
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
            items::item_route,
            items::items_similar,
            items::item_deadlines,
            items::item_deadlines_save,
            items::items_export,
            maintenance::db_backup,
            maintenance::db_restore,
            import::import_pick,
            import::import_commit,
            import::import_clear,
            import::import_template,
            maintenance::backup_status,
            maintenance::auto_backup_save,
            maintenance::auto_backup_choose_folder,
            print::print_preview,
            print::print_save,
            print::print_open,
            print::cards_export,
            proposals::proposals_list,
            proposals::proposal_counts,
            proposals::proposal_get,
            proposals::proposal_create,
            proposals::proposal_update,
            proposals::proposal_act,
            proposals::proposals_of_item,
            proposals::proposal_pdf_preview,
            proposals::proposal_pdf_open,
            proposals::proposal_pdf_save,
            activities::activities_list,
            activities::activity_get,
            activities::activity_create,
            activities::activity_update,
            activities::survey_indicators,
            activities::activities_of_item,
            activities::activity_add_attachment,
            activities::activity_remove_attachment,
            activities::activity_open_attachment,
            schedule::schedule_month_plan,
            schedule::schedule_month_state,
            schedule::schedule_months,
            schedule::schedule_today,
            schedule::schedule_week,
            schedule::schedule_next_day,
            schedule::schedule_my_duty,
            schedule::schedule_slot_history,
            schedule::schedule_month_history,
            schedule::schedule_slot_create,
            schedule::schedule_slot_update,
            schedule::schedule_slot_delete,
            schedule::schedule_swap,
            schedule::schedule_copy_month,
            schedule::schedule_publish,
            schedule::schedule_poster_preview,
            schedule::schedule_poster_save,
            schedule::schedule_poster_open,
            news::news_list,
            news::news_published,
            news::news_get,
            news::news_create,
            news::news_update,
            news::news_delete,
            news::markdown_preview,
            news::news_add_image,
            news::news_remove_image,
            news::news_image,
            public_answers::public_answers_list,
            public_answers::public_answer_form,
            public_answers::public_answer_save,
            public_answers::public_answer_withdraw,
            wall::wall_list,
            wall::wall_get,
            wall::wall_preview,
            wall::wall_update,
            wall::wall_pdf_preview,
            wall::wall_pdf_save,
            wall::wall_pdf_open,
            volunteers::volunteers_list,
            volunteers::volunteer_get,
            volunteers::volunteer_create,
            volunteers::volunteer_update,
            volunteers::volunteer_delete,
            volunteers::volunteers_liaisons,
            funds::funds_budgets,
            funds::funds_set_budget,
            funds::funds_spendings,
            funds::funds_spending_create,
            funds::funds_spending_update,
            funds::funds_spending_delete,
            funds::funds_attach_receipt,
            funds::funds_open_receipt,
            funds::funds_statement,
            funds::funds_statement_save,
            reports::reports_summary,
            reports::reports_units,
            reports::reports_save,
            reports::reports_charts,
            exports::delegates_export,
            exports::appointments_export,
            exports::accounts_export,
            exports::dated_list_export,
            exports::volunteers_export,
            appointments::appointments_list,
            appointments::appointment_get,
            appointments::appointment_history,
            appointments::appointment_create,
            appointments::appointment_update,
            appointments::appointment_confirm,
            appointments::appointment_cancel,
            appointments::appointment_complete,
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
