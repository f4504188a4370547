//! The desktop shell: opens the studio database and registers the commands, area by area. Every
//! command does its work on a worker thread (`AppState::run`), never on the window's thread. The
//! window is built here (`kiosk::build_main_window`): the normal one, or the locked-down kiosk.

mod auto_backup;
mod commands;
mod error;
mod jobs;
mod kiosk;
mod log;
mod save;
mod session;
mod startup;
mod state;
mod trace;
mod webview;

use state::AppState;

pub fn run() {
    trace::mark("rust-main");
    webview::prepare_process();
    log::install_panic_hook();
    let Some((store, lock)) = startup::open_database() else {
        std::process::exit(1);
    };
    trace::mark("db-opened");
    let kiosk = kiosk::requested(&store);
    tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        .setup(move |app| {
            use tauri::Manager;
            trace::mark("tauri-setup");
            let print_dir = startup::private_print_dir(app.handle());
            app.manage(AppState::new(store, lock, print_dir, kiosk));
            app.manage(commands::import::PendingImport::default());
            auto_backup::start(app.state::<AppState>().store());
            let opening = kiosk::opening_script(&app.state::<AppState>());
            kiosk::build_main_window(app.handle(), kiosk, opening.as_deref())?;
            trace::mark("window-built");
            Ok(())
        })
        .on_window_event(kiosk::on_window_event)
        .on_page_load(|_, payload| {
            trace::mark(match payload.event() {
                tauri::webview::PageLoadEvent::Started => "page-load-started",
                tauri::webview::PageLoadEvent::Finished => "page-load-finished",
            })
        })
        .invoke_handler(commands::handler())
        .build(tauri::generate_context!())
        .map(|app| app.run(auto_backup::on_run_event))
        .unwrap_or_else(|e| {
            log::write(&format!("窗口无法启动：{e}"));
            startup::fatal_dialog(
                "党代表工作室无法启动",
                &format!("程序窗口无法打开：{e}\n\n详细情况已记入日志。"),
            );
            std::process::exit(1);
        });
}
