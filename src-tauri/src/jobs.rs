//! Long jobs (batch PDFs, big exports, calendar recomputes) report progress to the window and can
//! be cancelled. The page names each job with an id it made; `job_cancel(id)` sets its flag, and the
//! job's progress callback reads it between steps.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use serde::Serialize;
use tauri::ipc::Channel;

type Running = Arc<Mutex<HashMap<String, Arc<AtomicBool>>>>;

#[derive(Default)]
pub struct Jobs {
    running: Running,
}

/// What the window's progress bar gets.
#[derive(Debug, Clone, Serialize)]
pub struct Progress {
    pub done: usize,
    pub total: usize,
}

/// One running job: cancelled when its flag is set; removed from the registry when dropped. It
/// moves into the worker thread with the work.
pub struct Job {
    running: Running,
    id: String,
    cancelled: Arc<AtomicBool>,
}

impl Jobs {
    pub fn start(&self, id: &str) -> Job {
        let cancelled = Arc::new(AtomicBool::new(false));
        self.running
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(id.to_string(), cancelled.clone());
        Job {
            running: self.running.clone(),
            id: id.to_string(),
            cancelled,
        }
    }

    /// Ask a job to stop; false if no such job runs (already done).
    pub fn cancel(&self, id: &str) -> bool {
        match self
            .running
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get(id)
        {
            Some(flag) => {
                flag.store(true, Ordering::Relaxed);
                true
            }
            None => false,
        }
    }
}

impl Job {
    /// A progress callback for the core: sends `{done, total}` to the window at most every 1 % (and
    /// at the end) and answers whether to go on.
    pub fn reporter(
        &self,
        channel: Channel<Progress>,
    ) -> impl FnMut(usize, usize) -> bool + Send + 'static {
        let cancelled = self.cancelled.clone();
        let mut last = usize::MAX;
        move |done, total| {
            let step = (total / 100).max(1);
            if done == total || last == usize::MAX || done >= last.saturating_add(step) {
                last = done;
                let _ = channel.send(Progress { done, total });
            }
            !cancelled.load(Ordering::Relaxed)
        }
    }
}

impl Drop for Job {
    fn drop(&mut self) {
        self.running
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .remove(&self.id);
    }
}

/// An export as one job: read (`load`), format (`format`), write crash-safely to `path`, reporting
/// the three phases and stopping between them when the page cancels. Items and cards both use it.
pub fn export_phases<T>(
    path: &std::path::Path,
    go_on: &mut dyn FnMut(usize, usize) -> bool,
    load: impl FnOnce() -> studio_core::Result<Vec<T>>,
    format: impl FnOnce(&[T]) -> studio_core::Result<Vec<u8>>,
) -> studio_core::Result<studio_core::printing::ExportOutcome> {
    let step = |ok: bool| {
        if ok {
            Ok(())
        } else {
            Err(studio_core::Error::Cancelled)
        }
    };
    step(go_on(0, 3))?;
    let list = load()?;
    step(go_on(1, 3))?;
    let bytes = format(&list)?;
    step(go_on(2, 3))?;
    studio_core::files::write_atomic(path, &bytes)?;
    go_on(3, 3);
    Ok(studio_core::printing::ExportOutcome {
        path: path.display().to_string(),
        count: list.len() as u32,
    })
}
