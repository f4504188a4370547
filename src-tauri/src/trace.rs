//! Timing marks for the whole-app benchmarks (`scripts/bench/app-startup.sh`), only when the app
//! was started with `STUDIO_TRACE=1`: a line `[studio-trace] LABEL MS` on stderr, MS the wall-clock
//! time in milliseconds (the script subtracts its own launch time). The backend marks its steps
//! from `main` to the page's load; the page marks its own through the `app_mark` command.

use std::io::Write;
use std::sync::OnceLock;

fn enabled() -> bool {
    static ON: OnceLock<bool> = OnceLock::new();
    *ON.get_or_init(|| std::env::var_os("STUDIO_TRACE").is_some())
}

/// Print `label` (at most 40 characters) with the time now, when tracing is on.
pub fn mark(label: &str) {
    if !enabled() {
        return;
    }
    let ms = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis())
        .unwrap_or(0);
    // `eprintln!` panics when stderr is gone (a closed pipe); a trace line is not worth that.
    let _ = writeln!(
        std::io::stderr(),
        "[studio-trace] {} {ms}",
        label.chars().take(40).collect::<String>()
    );
}
