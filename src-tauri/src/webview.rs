//! The platform webview's settings for an app that shows its own pages only (issue 14's memory
//! floor). On Linux, WebKitGTK's default cache model is a web browser's: a page cache for back and
//! forward, and memory and disk caches sized for browsing other sites. The app loads one page, from
//! its own protocol, once: the document-viewer model keeps none of that.

use tauri::{Runtime, WebviewWindow};

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
