//! The visitor kiosk (自助终端): the studio PC started with `studio-app --kiosk` (or `STUDIO_KIOSK=1`,
//! or 设置 → 开机进入自助终端). The window is full screen without a frame, cannot be closed, resized or
//! zoomed, and its webview offers none of what a browser would (developer tools, context menu,
//! printing, new windows, navigating elsewhere, dropping files or text). Visitors use the kiosk
//! screens without a login: their commands run as one visitor actor ([`Kiosk::actor`] through
//! `AppState::run_kiosk`). Staff leave the kiosk only by logging in; 退出登录 or the kiosk's idle time
//! brings the kiosk back.
//!
//! Two layers: what WebKitGTK and GTK offer is switched off here (natively); the page adds its own
//! guard (`ui/src/kiosk/lockdown.ts`) for what only the page can tell apart (Backspace in a text
//! field or outside one). A staff member quits the kiosk with the `kiosk_quit` command.

use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};

use studio_core::{Actor, Role, Store};
use tauri::{AppHandle, Manager, Runtime, WebviewWindowBuilder, Window, WindowEvent};

use crate::state::AppState;

/// After this many seconds without a touch, key or pointer the kiosk clears what was typed and
/// returns home, and a staff session at the kiosk ends (when 设置 does not say otherwise).
pub const DEFAULT_IDLE_SECONDS: u32 = 120;

/// The command-line switch that starts the kiosk.
pub const FLAG: &str = "--kiosk";

/// Whether this start is a kiosk: `--kiosk` on the command line, `STUDIO_KIOSK=1`, or the setting.
pub fn requested(store: &Store) -> bool {
    requested_by(
        std::env::args_os().skip(1),
        std::env::var_os("STUDIO_KIOSK"),
    ) || on_start_setting(store)
}

fn requested_by(
    mut args: impl Iterator<Item = std::ffi::OsString>,
    env: Option<std::ffi::OsString>,
) -> bool {
    args.any(|a| a == FLAG) || env.is_some_and(|v| v == "1")
}

/// 设置 → 开机进入自助终端 (`kiosk_on_start`).
fn on_start_setting(store: &Store) -> bool {
    studio_core::settings::load(store)
        .map(|s| s.kiosk_on_start)
        .unwrap_or(false)
}

/// The kiosk's idle time in seconds, as stored (设置 → 自助终端空闲返回).
pub fn idle_seconds_of(store: &Store) -> u32 {
    studio_core::settings::load(store)
        .map(|s| s.kiosk_idle_seconds)
        .ok()
        .filter(|s| *s > 0)
        .unwrap_or(DEFAULT_IDLE_SECONDS)
}

/// What the window is told about the kiosk with every status (`app_status` → `kiosk`).
#[derive(Debug, Clone, serde::Serialize)]
pub struct KioskMode {
    /// The visitor actor's id, `kiosk:<host name>` (what the audit log names).
    pub terminal: String,
    /// Seconds without a touch, key or pointer before the kiosk clears its forms and returns home
    /// (a staff session at the kiosk ends after the same time).
    pub idle_seconds: u32,
}

/// This window is a kiosk: who the visitors are, how long it waits before returning home, and
/// whether a staff member asked to quit.
pub struct Kiosk {
    actor: Actor,
    idle_seconds: AtomicU32,
    quit_allowed: AtomicBool,
}

impl Kiosk {
    pub fn new(idle_seconds: u32) -> Self {
        let host = hostname().unwrap_or_else(|| "studio".to_string());
        Kiosk {
            actor: Actor::with_id(format!("kiosk:{host}"), "自助终端", Role::Visitor),
            idle_seconds: AtomicU32::new(idle_seconds.max(1)),
            quit_allowed: AtomicBool::new(false),
        }
    }

    /// The visitor every kiosk screen's command runs as (`kiosk:<host name>`, 自助终端).
    pub fn actor(&self) -> &Actor {
        &self.actor
    }

    pub fn idle_seconds(&self) -> u32 {
        self.idle_seconds.load(Ordering::Relaxed)
    }

    pub fn set_idle_seconds(&self, s: u32) {
        self.idle_seconds.store(s.max(1), Ordering::Relaxed);
    }

    /// A logged-in staff member chose to quit: the next close request is let through.
    pub fn allow_quit(&self) {
        self.quit_allowed.store(true, Ordering::SeqCst);
    }

    fn quit_allowed(&self) -> bool {
        self.quit_allowed.load(Ordering::SeqCst)
    }
}

/// This computer's name for the kiosk actor's id (the audit log says which terminal it was).
fn hostname() -> Option<String> {
    let raw = std::fs::read_to_string("/proc/sys/kernel/hostname")
        .ok()
        .or_else(|| std::env::var("COMPUTERNAME").ok())
        .or_else(|| std::env::var("HOSTNAME").ok())?;
    let name: String = raw
        .trim()
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
        .take(63)
        .collect();
    (!name.is_empty()).then_some(name)
}

/// Build the main window from `tauri.conf.json` (`"create": false` there, so that the kiosk's
/// handlers, which only a builder takes, can be set): the normal window, or the locked-down kiosk.
pub fn build_main_window<R: Runtime>(
    app: &AppHandle<R>,
    kiosk: bool,
    opening: Option<&str>,
) -> tauri::Result<()> {
    let config = app
        .config()
        .app
        .windows
        .first()
        .cloned()
        .ok_or_else(|| tauri::Error::WindowNotFound)?;
    let mut builder = WebviewWindowBuilder::from_config(app, &config)?;
    if let Some(script) = opening {
        builder = builder.initialization_script(script);
    }
    if !kiosk {
        let window = builder.build()?;
        crate::webview::tune(&window)?;
        return Ok(());
    }
    let window = builder
        .fullscreen(true)
        .decorations(false)
        .resizable(false)
        .maximizable(false)
        .minimizable(false)
        .closable(false)
        .focused(true)
        .devtools(false)
        .zoom_hotkeys_enabled(false)
        // wry's handler turns dropped files into events (and lets WebKit load them); none here.
        .disable_drag_drop_handler()
        // Only the app's own pages; links elsewhere, dropped files and typed addresses are refused.
        .on_navigation(own_origin)
        // window.open, target=_blank, a middle click on a link: no new window.
        .on_new_window(|_, _| tauri::webview::NewWindowResponse::Deny)
        .initialization_script(INIT_SCRIPT)
        .build()?;
    let _ = window.remove_menu();
    crate::webview::tune(&window)?;
    #[cfg(target_os = "linux")]
    linux::lock_down(&window)?;
    Ok(())
}

/// The window's opening status for the page (`commands::auth::opening_status`), as a script run at
/// the start of the document: only at the window's first load (a flag in the page's session storage,
/// which a reload keeps; a reloaded page asks `app_status`, since someone may have logged in since).
/// `None` (and a line in `studio.log`) when the status cannot be read: the page asks, as before.
pub fn opening_script(state: &crate::state::AppState) -> Option<String> {
    let status = crate::commands::auth::opening_status(state)
        .map_err(|e| crate::log::write(&format!("启动状态读取失败：{e}")))
        .ok()?;
    let json = serde_json::to_string(&status).ok()?;
    Some(format!(
        "(() => {{ try {{ if (sessionStorage.getItem('studio-opened') === null) {{ \
         sessionStorage.setItem('studio-opened', '1'); window.__STUDIO_OPENING__ = {json}; }} \
         }} catch (_) {{}} }})();"
    ))
}

/// Run at the start of every document in the kiosk window, before the page's own scripts: tells the
/// page early that it is a kiosk (its guard installs before the status is read), and takes away
/// the script calls that would open, print or close a window.
const INIT_SCRIPT: &str = r#"(() => {
  const noop = () => undefined;
  const fix = (name, value) => {
    try { Object.defineProperty(window, name, { value, writable: false, configurable: false }); } catch (_) {}
  };
  fix('__STUDIO_KIOSK__', true);
  fix('open', () => null);
  fix('print', noop);
  fix('close', noop);
})();"#;

/// The app's own pages: `tauri://localhost` (Linux, macOS), `http(s)://tauri.localhost` (Windows).
pub fn own_origin(url: &tauri::Url) -> bool {
    matches!(
        (url.scheme(), url.host_str()),
        ("tauri", Some("localhost")) | ("http" | "https", Some("tauri.localhost"))
    )
}

/// Window events of every window: the kiosk is not closed (Alt+F4, the window manager's close
/// button or menu) unless a staff member asked to quit (`kiosk_quit`).
pub fn on_window_event<R: Runtime>(window: &Window<R>, event: &WindowEvent) {
    if let WindowEvent::CloseRequested { api, .. } = event {
        let state = window.app_handle().state::<AppState>();
        if let Some(k) = &state.kiosk {
            if !k.quit_allowed() {
                api.prevent_close();
            }
        }
    }
}

/// Quit the kiosk (a staff member's command): close requests pass from now on, then the app exits.
pub fn quit<R: Runtime>(app: &AppHandle<R>, kiosk: &Kiosk) {
    kiosk.allow_quit();
    app.exit(0);
}

#[cfg(target_os = "linux")]
mod linux {
    //! WebKitGTK and GTK: what a browser would let a person do, switched off.

    use gtk::gdk;
    use gtk::glib::Propagation;
    use gtk::prelude::*;
    use tauri::{Runtime, WebviewWindow};
    use webkit2gtk::{SettingsExt, WebViewExt};

    pub fn lock_down<R: Runtime>(window: &WebviewWindow<R>) -> tauri::Result<()> {
        // Keys first reach the top-level window, which passes them on to the webview: stopping them
        // here means neither WebKit nor the page sees them.
        let gtk_window = window.gtk_window()?;
        gtk_window.connect_key_press_event(|_, ev| stop_if(blocked_key(ev)));
        gtk_window.connect_key_release_event(|_, ev| stop_if(blocked_key(ev)));
        // Fullscreen and on top of the desktop, whatever the window manager was asked (F11, a
        // "show desktop" key, a minimise): put back at once.
        gtk_window.connect_window_state_event(|w, ev| {
            let now = ev.new_window_state();
            let changed = ev.changed_mask();
            let lost_full = changed.contains(gdk::WindowState::FULLSCREEN)
                && !now.contains(gdk::WindowState::FULLSCREEN);
            let hidden = changed.contains(gdk::WindowState::ICONIFIED)
                && now.contains(gdk::WindowState::ICONIFIED);
            if lost_full || hidden {
                let w = w.clone();
                gtk::glib::idle_add_local_once(move || {
                    w.deiconify();
                    w.fullscreen();
                    w.present();
                });
            }
            Propagation::Proceed
        });
        // A window manager that hides windows without iconifying them (openbox's "show desktop",
        // Super+D) only unmaps the window: map it again. (GTK still counts it visible then; a
        // window the program itself hides or closes is not.)
        gtk_window.connect_unmap_event(|w, _| {
            let w = w.clone();
            gtk::glib::timeout_add_local_once(std::time::Duration::from_millis(200), move || {
                if w.is_visible() {
                    w.present();
                    w.fullscreen();
                }
            });
            Propagation::Proceed
        });
        // No middle-click paste of the X selection into a field.
        if let Some(settings) = gtk::Settings::default() {
            settings.set_gtk_enable_primary_paste(false);
        }

        window.with_webview(|platform| {
            let webview = platform.inner();
            if let Some(s) = WebViewExt::settings(&webview) {
                // F12, Ctrl+Shift+I and the inspector's context-menu entry.
                s.set_enable_developer_extras(false);
                // The page's fullscreen API: leaving it would also take the window out of fullscreen.
                s.set_enable_fullscreen(false);
                // F7 (caret browsing), swipes back and forward, arrow-key spatial navigation.
                s.set_enable_caret_browsing(false);
                s.set_enable_back_forward_navigation_gestures(false);
                s.set_enable_spatial_navigation(false);
                s.set_javascript_can_open_windows_automatically(false);
            }
            // No context menu (right click, the Menu key, Shift+F10, a long press).
            webview.connect_context_menu(|_, _, _, _| true);
            // No print dialog (window.print from any script).
            webview.connect_print(|_, _| true);
            // The page's fullscreen requests are refused (see above).
            webview.connect_enter_fullscreen(|_| true);
            // One zoom level, whatever asks for another.
            webview.set_zoom_level(1.0);
            webview.connect_zoom_level_notify(|wv| {
                if (wv.zoom_level() - 1.0).abs() > f64::EPSILON {
                    wv.set_zoom_level(1.0);
                }
            });
            // Nothing can be dropped into the window: neither files nor text (GTK no longer offers
            // the webview as a drop target).
            webview.drag_dest_unset();
            // The generic `event` signal runs before the specific ones (and before wry's handler of
            // the mouse's back and forward buttons, which would call history.back()).
            webview.connect_event(|_, ev| stop_if(blocked_pointer(ev)));
            // A crashed page would leave a blank kiosk: load the app again.
            webview.connect_web_process_terminated(|wv, why| {
                if why != webkit2gtk::WebProcessTerminationReason::TerminatedByApi {
                    wv.reload();
                }
            });
        })?;
        Ok(())
    }

    fn stop_if(blocked: bool) -> Propagation {
        if blocked {
            Propagation::Stop
        } else {
            Propagation::Proceed
        }
    }

    fn blocked_key(ev: &gdk::EventKey) -> bool {
        let m = ev.state();
        super::keys::blocked(
            *ev.keyval(),
            m.contains(gdk::ModifierType::CONTROL_MASK),
            m.contains(gdk::ModifierType::SHIFT_MASK),
            m.contains(gdk::ModifierType::MOD1_MASK),
        )
    }

    /// Middle, back and forward buttons; Ctrl+wheel and touchpad pinches (zoom).
    fn blocked_pointer(ev: &gdk::Event) -> bool {
        match ev.event_type() {
            gdk::EventType::ButtonPress
            | gdk::EventType::DoubleButtonPress
            | gdk::EventType::TripleButtonPress
            | gdk::EventType::ButtonRelease => {
                matches!(ev.button(), Some(2 | 8 | 9))
            }
            gdk::EventType::Scroll => ev
                .state()
                .is_some_and(|s| s.contains(gdk::ModifierType::CONTROL_MASK)),
            gdk::EventType::TouchpadPinch => true,
            _ => false,
        }
    }
}

/// Which keys the kiosk swallows before WebKit or the page sees them. Text editing keys (Ctrl+A, C,
/// V, X, Z, Y, arrows, Backspace, Delete, Tab, Enter, Escape) pass; the page's guard decides about
/// Backspace outside a text field, which only it can tell.
#[cfg(target_os = "linux")]
mod keys {
    use gtk::gdk::keys::constants as k;

    pub fn blocked(keyval: u32, ctrl: bool, shift: bool, alt: bool) -> bool {
        let key = gtk::gdk::keys::Key::from(keyval).to_lower();
        let v = *key;
        // F1–F35: reload, caret browsing, fullscreen, developer tools, Alt+F4 without a window manager.
        if (*k::F1..=*k::F35).contains(&v) {
            return true;
        }
        // The keyboard's own browser, media and power keys (XF86: Back, Forward, Reload, ZoomIn, …),
        // the Menu key and Print.
        if (0x1008_ff00..=0x1008_ffff).contains(&v) || v == *k::Menu || v == *k::Print {
            return true;
        }
        if alt && [*k::Left, *k::Right, *k::Home, *k::KP_Left, *k::KP_Right].contains(&v) {
            return true;
        }
        // The inspector (Ctrl+Shift+I, J, C, K) and clearing browsing data (Ctrl+Shift+Delete); the
        // rest of Ctrl+Shift is Ctrl's list below (Ctrl+Shift+Z, redo, passes).
        if ctrl && shift && [*k::i, *k::j, *k::c, *k::k, *k::Delete].contains(&v) {
            return true;
        }
        if ctrl {
            // Reload, close, print, quit, new window/tab, open, save, source, location, bookmarks,
            // history, downloads, find, and the zoom keys.
            return [
                *k::r,
                *k::w,
                *k::p,
                *k::q,
                *k::n,
                *k::t,
                *k::o,
                *k::s,
                *k::u,
                *k::l,
                *k::d,
                *k::h,
                *k::j,
                *k::g,
                *k::f,
                *k::plus,
                *k::minus,
                *k::equal,
                *k::_0,
                *k::KP_Add,
                *k::KP_Subtract,
                *k::KP_0,
                *k::KP_Insert,
            ]
            .contains(&v);
        }
        false
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        fn b(key: gtk::gdk::keys::Key, ctrl: bool, shift: bool, alt: bool) -> bool {
            blocked(*key, ctrl, shift, alt)
        }

        #[test]
        fn the_ways_out_are_blocked() {
            assert!(b(k::F4, false, false, true), "Alt+F4");
            assert!(b(k::w, true, false, false), "Ctrl+W");
            assert!(b(k::W, true, false, false), "Ctrl+W with Caps Lock");
            assert!(b(k::r, true, false, false), "Ctrl+R");
            assert!(b(k::F5, false, false, false), "F5");
            assert!(b(k::F11, false, false, false), "F11");
            assert!(b(k::F12, false, false, false), "F12");
            assert!(b(k::I, true, true, false), "Ctrl+Shift+I");
            assert!(b(k::p, true, false, false), "Ctrl+P");
            assert!(b(k::Left, false, false, true), "Alt+Left");
            assert!(b(k::Back, false, false, false), "the keyboard's Back key");
            assert!(b(k::plus, true, false, false), "Ctrl+plus");
            assert!(b(k::minus, true, false, false), "Ctrl+minus");
            assert!(b(k::_0, true, false, false), "Ctrl+0");
            assert!(b(k::Menu, false, false, false), "the Menu key");
        }

        #[test]
        fn typing_and_editing_pass() {
            for key in [
                k::a,
                k::Z,
                k::_0,
                k::BackSpace,
                k::Delete,
                k::Return,
                k::Escape,
            ] {
                assert!(!b(key, false, false, false), "{:?}", key.name());
            }
            for key in [k::a, k::c, k::v, k::x, k::z, k::y] {
                assert!(!b(key, true, false, false), "Ctrl+{:?}", key.name());
            }
            assert!(!b(k::z, true, true, false), "Ctrl+Shift+Z");
            assert!(!b(k::Left, false, false, false), "Left");
            assert!(!b(k::Tab, false, false, false), "Tab");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::ffi::OsString;

    #[test]
    fn the_flag_or_the_variable_starts_the_kiosk() {
        let args = |a: &[&str]| a.iter().map(OsString::from).collect::<Vec<_>>().into_iter();
        assert!(requested_by(args(&["--kiosk"]), None));
        assert!(requested_by(args(&[]), Some("1".into())));
        assert!(!requested_by(args(&[]), Some("0".into())));
        assert!(!requested_by(args(&["--kiosk=no", "kiosk"]), None));
    }

    #[test]
    fn only_the_apps_own_pages() {
        let ok = |u: &str| own_origin(&u.parse().unwrap());
        assert!(ok("tauri://localhost/index.html#/kiosk"));
        assert!(ok("http://tauri.localhost/"));
        assert!(!ok("https://example.com/"));
        assert!(!ok("file:///etc/passwd"));
        assert!(!ok("tauri://evil/"));
        assert!(!ok("about:blank"));
    }

    #[test]
    fn the_kiosk_is_a_visitor() {
        let k = Kiosk::new(120);
        assert_eq!(k.actor().role, Role::Visitor);
        assert!(k.actor().id.starts_with("kiosk:"));
        assert_eq!(k.actor().name, "自助终端");
        assert_eq!(k.idle_seconds(), 120);
        k.set_idle_seconds(0);
        assert_eq!(k.idle_seconds(), 1);
    }
}
