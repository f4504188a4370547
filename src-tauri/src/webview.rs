//! The platform webview's settings for an app that shows its own pages only (issue 14's memory
//! floor). On Linux, WebKitGTK's default cache model is a web browser's: a page cache for back and
//! forward, and memory and disk caches sized for browsing other sites. The app loads one page, from
//! its own protocol, once: the document-viewer model keeps none of that.

use tauri::{Runtime, WebviewWindow};

/// Before GTK and WebKit start (the first thing `run` does): on Linux, WebKitGTK draws the page
/// without its GPU compositing mode (`WEBKIT_DISABLE_COMPOSITING_MODE=1`, inherited by its web
/// process). A forms-and-lists app gains nothing from it, and on the studio PCs' graphics (and
/// under Xvfb) its GL path is Mesa's software rasterizer: loading LLVM in the app and the web
/// process cost ~15 and ~23 MB of PSS, and each composited frame was slow. Measured with
/// `scripts/bench/app-startup.sh` (issue 14, load 2.7 on 2 cores, 4 interleaved runs): start →
/// login painted 1,025 → 770 ms (1.64 → 1.23 × the empty window), idle PSS 224 → 158 MB (+50 →
/// −16 MB against the empty window). Setting the variable to `0` keeps WebKit's default.
pub fn prepare_process() {
    #[cfg(target_os = "linux")]
    if std::env::var_os("WEBKIT_DISABLE_COMPOSITING_MODE").is_none() {
        // Still one thread: nothing else reads the environment yet.
        std::env::set_var("WEBKIT_DISABLE_COMPOSITING_MODE", "1");
    }
}

pub fn tune<R: Runtime>(window: &WebviewWindow<R>) -> tauri::Result<()> {
    #[cfg(target_os = "linux")]
    window.with_webview(|platform| {
        use webkit2gtk::{CacheModel, WebContextExt, WebViewExt};
        if let Some(context) = platform.inner().context() {
            context.set_cache_model(CacheModel::DocumentViewer);
        }
    })?;
    #[cfg(not(target_os = "linux"))]
    let _ = window;
    Ok(())
}
