"""How long a long list takes to paint after a click on its side-nav entry (a benchmark, not a
test): 意见台账 with 100,000 items, 记录卡 with 100,000 cards, 党代表名册 with 10,000 delegates.
Drives the real release window through tauri-driver; the UI records `window.__studioNav` when a
navigation starts, and the list view `window.__studioPainted[LIST]` two animation frames after its
first page is in the DOM (with `LIST-setup`, `-mounted`, `-data` on the way).
Run through scripts/bench/list-page.sh LIST."""

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tests" / "e2e"))
from conftest import AppSession  # noqa: E402
from ui import click, enter, visible, wait_for  # noqa: E402

RUNS = int(os.environ.get("RUNS", "10"))

# list → (side-nav entry, a row of its table, its name, a search typed into its box)
LISTS = {
    "items": ("nav-items", "[data-test=items-row]", "意见台账", ("items-search", "食堂")),
    "cards": ("nav-cards", "[data-test=cards-row]", "记录卡", ("cards-search", "食堂")),
    "roster": ("nav-roster", "[data-test=roster-row]", "党代表名册", ("roster-search", "王")),
}


def main(which: str, db: str) -> None:
    nav, row, title, (search_box, search_text) = LISTS[which]
    session = AppSession(Path(db), Path(db).parent)
    d = session.start()
    enter(d)  # the demo administrator (a new database: its first administrator)
    try:
        visible(d, f"[data-test={nav}]")
        times = []
        marks = []
        for _ in range(RUNS + 1):
            click(d, "[data-test=nav-dashboard]")
            time.sleep(0.5)
            d.execute_script("window.__studioPainted = {}")
            click(d, f"[data-test={nav}]")
            ms = wait_for(lambda: d.execute_script(f"return (window.__studioPainted || {{}})['{which}']"),
                          what=f"{title} painted")
            visible(d, row)
            times.append(float(ms))
            marks.append(d.execute_script("return window.__studioPainted"))
            time.sleep(0.3)
        times = times[1:]  # the first visit also loads the view's code
        print("click → %s painted (ms), %d runs: %s" % (title, RUNS, " ".join("%.0f" % t for t in sorted(times))))
        print("median: %.0f ms" % statistics.median(times))
        for key in [f"{which}-setup", f"{which}-mounted", f"{which}-data", which]:
            values = [m.get(key) for m in marks[1:] if m and m.get(key) is not None]
            if values:
                print("  %-16s median +%.0f ms" % (key, statistics.median(values)))
        search = visible(d, f"[data-test={search_box}] input")
        d.execute_script("window.__studioPainted = {}; window.__studioNav = performance.now()")
        search.send_keys(search_text)
        ms = wait_for(lambda: d.execute_script(f"return (window.__studioPainted || {{}})['{which}']"),
                      what="the search painted")
        print("typing %s → results painted (ms, includes the input debounce): %.0f" % (search_text, float(ms)))
    finally:
        session.stop()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
