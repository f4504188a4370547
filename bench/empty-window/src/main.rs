//! An empty Tauri 2 window: the floor the app's start and memory are measured against.

/// The page's mark, printed like the app's `app_mark` so the benchmark reads both the same way.
#[tauri::command]
fn mark(label: String) {
    use std::io::Write;
    let ms = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis())
        .unwrap_or(0);
    let _ = writeln!(std::io::stderr(), "[studio-trace] {label} {ms}");
}

fn main() {
    mark("rust-main".into());
    tauri::Builder::default()
        // The same backend marks as the app's (src-tauri/src/trace.rs), for the start's breakdown.
        .on_page_load(|_, payload| {
            mark(match payload.event() {
                tauri::webview::PageLoadEvent::Started => "page-load-started".into(),
                tauri::webview::PageLoadEvent::Finished => "page-load-finished".into(),
            })
        })
        .invoke_handler(tauri::generate_handler![mark])
        .run(tauri::generate_context!())
        .expect("the empty window");
}
