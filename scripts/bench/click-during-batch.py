"""Click → 意见台账 painted, with and without a 1,000-card batch PDF rendering in the backend
(two blank-card jobs of 500 started together through the same command the print dialog uses).
Interleaved pairs, so both sides see the same machine. Run through click-during-batch.sh."""

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tests" / "e2e"))
from conftest import AppSession  # noqa: E402
from ui import click, enter, visible, wait_for  # noqa: E402

RUNS = int(os.environ.get("RUNS", "10"))

START_BATCH = """
window.__batch = { started: performance.now(), done: 0 };
const I = window.__TAURI_INTERNALS__;
for (let k = 0; k < 2; k++) {
  const ch = I.transformCallback(() => {});
  I.invoke('print_preview', { job: { kind: 'blank', copies: 500 }, jobId: 'bench-' + k + '-' + Math.random(),
                              onProgress: '__CHANNEL__:' + ch })
    .then(() => { window.__batch.done += 1; window.__batch.ended = performance.now(); },
          (e) => { window.__batch.error = JSON.stringify(e); window.__batch.done += 1; });
}
"""


def click_items(d) -> float:
    click(d, "[data-test=nav-dashboard]")
    time.sleep(0.4)
    d.execute_script("window.__studioPainted = {}")
    click(d, "[data-test=nav-items]")
    ms = wait_for(lambda: d.execute_script("return (window.__studioPainted || {}).items"),
                  what="the ledger painted")
    return float(ms)


def main(db: str) -> None:
    session = AppSession(Path(db), Path(db).parent)
    d = session.start()
    enter(d)  # the demo administrator
    try:
        visible(d, "[data-test=nav-items]")
        click_items(d)  # loads the view's code once
        idle, busy, batch_ms = [], [], []
        for _ in range(RUNS):
            idle.append(click_items(d))
            click(d, "[data-test=nav-dashboard]")
            time.sleep(0.4)
            d.execute_script(START_BATCH)
            time.sleep(0.15)  # the batch is under way
            d.execute_script("window.__studioPainted = {}")
            click(d, "[data-test=nav-items]")
            ms = wait_for(lambda: d.execute_script("return (window.__studioPainted || {}).items"),
                          what="the ledger painted during the batch")
            still = d.execute_script("return window.__batch.done < 2")
            busy.append(float(ms))
            wait_for(lambda: d.execute_script("return window.__batch.done === 2"), what="the batch", timeout=120)
            err = d.execute_script("return window.__batch.error || null")
            if err:
                raise SystemExit("batch failed: " + err)
            batch_ms.append(d.execute_script("return window.__batch.ended - window.__batch.started"))
            if not still:
                print("  (this click finished after the batch; the batch was too short to overlap)")
        fmt = lambda xs: " ".join("%.0f" % x for x in sorted(xs))
        print("click → 意见台账 painted, idle (ms): %s; median %.0f" % (fmt(idle), statistics.median(idle)))
        print("click → 意见台账 painted, during a 1,000-card batch (ms): %s; median %.0f"
              % (fmt(busy), statistics.median(busy)))
        print("the batch itself (ms): %s; median %.0f" % (fmt(batch_ms), statistics.median(batch_ms)))
    finally:
        session.stop()


if __name__ == "__main__":
    main(sys.argv[1])
