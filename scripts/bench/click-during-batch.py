"""The window's answer to a click, with and without a batch PDF of every card (the demo's and 1,000
generated ones, so over 1,000 filled cards) rendering in the backend through the command the print
dialog uses. Two figures per click, both timed in the page:
- first response: the click event → the next frame painted after its handlers ran (what a person
  sees as "the button reacted"; the target is ≤ 100 ms);
- 意见台账 painted: the click → the ledger's rows on screen (this one also waits for a list query).
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
window.__batch = { started: performance.now(), done: 0, steps: 0 };
const I = window.__TAURI_INTERNALS__;
const ch = I.transformCallback((p) => { window.__batch.steps += 1; window.__batch.last = p; });
I.invoke('print_preview', { job: { kind: 'cards', selection: { kind: 'all' } }, jobId: 'bench-' + Math.random(),
                            onProgress: '__CHANNEL__:' + ch })
  .then((out) => { window.__batch.done = 1; window.__batch.pages = out.page_count;
                   window.__batch.ended = performance.now(); },
        (e) => { window.__batch.error = JSON.stringify(e); window.__batch.done = 1; });
"""

# The click event → the first frame painted after its handlers ran (capture phase, so it sees the
# click before the page's own handlers).
WATCH_RESPONSE = """
window.__response = null;
document.addEventListener('click', (e) => {
  const t0 = e.timeStamp;
  requestAnimationFrame(() => setTimeout(() => { window.__response = performance.now() - t0; }, 0));
}, { capture: true, once: true });
"""


def timed_click(d, what: str) -> tuple[float, float]:
    """(first response, ledger painted) in ms for one click on 意见台账."""
    d.execute_script("window.__studioPainted = {}")
    d.execute_script(WATCH_RESPONSE)
    click(d, "[data-test=nav-items]")
    painted = wait_for(lambda: d.execute_script("return (window.__studioPainted || {}).items"),
                       what=what)
    response = wait_for(lambda: d.execute_script("return window.__response"), what="the response")
    return float(response), float(painted)


def click_items(d) -> tuple[float, float]:
    click(d, "[data-test=nav-dashboard]")
    time.sleep(0.4)
    return timed_click(d, "the ledger painted")


def main(db: str) -> None:
    session = AppSession(Path(db), Path(db).parent)
    d = session.start()
    enter(d)  # the demo administrator
    try:
        visible(d, "[data-test=nav-items]")
        click_items(d)  # loads the view's code once
        idle_r, idle_p, busy_r, busy_p, batch_ms = [], [], [], [], []
        pages = 0
        for _ in range(RUNS):
            r, p = click_items(d)
            idle_r.append(r)
            idle_p.append(p)
            click(d, "[data-test=nav-dashboard]")
            time.sleep(0.4)
            d.execute_script(START_BATCH)
            time.sleep(0.3)  # the batch is under way
            r, p = timed_click(d, "the ledger painted during the batch")
            still = d.execute_script("return window.__batch.done === 0")
            busy_r.append(r)
            busy_p.append(p)
            wait_for(lambda: d.execute_script("return window.__batch.done === 1"), what="the batch", timeout=300)
            err = d.execute_script("return window.__batch.error || null")
            if err:
                raise SystemExit("batch failed: " + err)
            batch_ms.append(d.execute_script("return window.__batch.ended - window.__batch.started"))
            pages = d.execute_script("return window.__batch.pages")
            if not still:
                raise SystemExit("the batch ended before the ledger painted: the click did not overlap it")
        fmt = lambda xs: " ".join("%.0f" % x for x in sorted(xs))
        med = statistics.median
        print("batch: every card, %d pages; it took (ms): %s; median %.0f" % (pages, fmt(batch_ms), med(batch_ms)))
        print("first response, idle (ms): %s; median %.0f" % (fmt(idle_r), med(idle_r)))
        print("first response, during the batch (ms): %s; median %.0f" % (fmt(busy_r), med(busy_r)))
        print("意见台账 painted, idle (ms): %s; median %.0f" % (fmt(idle_p), med(idle_p)))
        print("意见台账 painted, during the batch (ms): %s; median %.0f" % (fmt(busy_p), med(busy_p)))
    finally:
        session.stop()


if __name__ == "__main__":
    main(sys.argv[1])
