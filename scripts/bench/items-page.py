"""How long the 意见台账 page takes to paint after a click, with 100,000 items in the database
(a benchmark, not a test). Drives the real release window through tauri-driver; the UI records
`window.__studioNav` when a navigation starts and `window.__studioPainted['items']` two animation
frames after the first page of items is in the DOM. Run through scripts/bench/items-page.sh."""

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tests" / "e2e"))
from conftest import AppSession  # noqa: E402
from ui import click, enter, visible, wait_for  # noqa: E402

RUNS = int(os.environ.get("RUNS", "10"))


def main(db: str) -> None:
    session = AppSession(Path(db), Path(db).parent)
    d = session.start()
    enter(d)  # the demo administrator
    try:
        visible(d, "[data-test=nav-items]")
        times = []
        marks = []
        for _ in range(RUNS + 1):
            click(d, "[data-test=nav-dashboard]")
            time.sleep(0.5)
            d.execute_script("window.__studioPainted = {}")
            click(d, "[data-test=nav-items]")
            ms = wait_for(lambda: d.execute_script("return (window.__studioPainted || {}).items"),
                          what="the ledger painted")
            visible(d, "[data-test=items-row]")
            times.append(float(ms))
            marks.append(d.execute_script("return window.__studioPainted"))
            time.sleep(0.3)
        times = times[1:]  # the first visit also loads the view's code
        print("click → 意见台账 painted (ms), %d runs: %s" % (RUNS, " ".join("%.0f" % t for t in sorted(times))))
        print("median: %.0f ms" % statistics.median(times))
        for key in ["items-setup", "items-mounted", "items-data", "items"]:
            values = [m.get(key) for m in marks[1:] if m and m.get(key) is not None]
            if values:
                print("  %-14s median +%.0f ms" % (key, statistics.median(values)))
        search = visible(d, "[data-test=items-search] input")
        d.execute_script("window.__studioPainted = {}; window.__studioNav = performance.now()")
        search.send_keys("食堂")
        ms = wait_for(lambda: d.execute_script("return (window.__studioPainted || {}).items"),
                      what="the search painted")
        print("typing 食堂 → results painted (ms, includes the 300 ms input debounce): %.0f" % float(ms))
    finally:
        session.stop()


if __name__ == "__main__":
    main(sys.argv[1])
