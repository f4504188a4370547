"""How long a long list takes to paint after a click on its side-nav entry (a benchmark, not a
test): 意见台账 with 100,000 items, 记录卡 with 100,000 cards, 党代表名册 with 10,000 delegates.
Drives the real release window through tauri-driver; the UI records `window.__studioNav` when a
navigation starts, and the list view `window.__studioPainted[LIST]` two animation frames after its
first page is in the DOM (with `LIST-setup`, `-mounted`, `-data` on the way).
Run through scripts/bench/list-page.sh LIST (BEFORE=folder: an earlier build's clicks alternate
with this one's)."""

import os
import shutil
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tests" / "e2e"))
import conftest  # noqa: E402
from conftest import AppSession  # noqa: E402
from ui import click, enter, visible, wait_for  # noqa: E402

RUNS = int(os.environ.get("RUNS", "10"))

# list → (side-nav entry, a row of its table, its name, a search typed into its box)
LISTS = {
    "items": ("nav-items", "[data-test=items-row]", "意见台账", ("items-search", "食堂")),
    "cards": ("nav-cards", "[data-test=cards-row]", "记录卡", ("cards-search", "食堂")),
    "roster": ("nav-roster", "[data-test=roster-row]", "党代表名册", ("roster-search", "王")),
}


def measure(d, which: str) -> tuple[float, dict]:
    """One click from 工作台 to the list: milliseconds to painted, and the view's marks."""
    nav, row, title, _ = LISTS[which]
    click(d, "[data-test=nav-dashboard]")
    time.sleep(0.5)
    d.execute_script("window.__studioPainted = {}")
    click(d, f"[data-test={nav}]")
    ms = wait_for(lambda: d.execute_script(f"return (window.__studioPainted || {{}})['{which}']"),
                  what=f"{title} painted")
    visible(d, row)
    marks = d.execute_script("return window.__studioPainted")
    time.sleep(0.3)
    return float(ms), marks


def report(label: str, which: str, times: list[float], marks: list[dict]) -> None:
    title = LISTS[which][2]
    print("%sclick → %s painted (ms), %d runs: %s" % (label, title, len(times), " ".join("%.0f" % t for t in sorted(times))))
    print("  median: %.0f ms" % statistics.median(times))
    for key in [f"{which}-setup", f"{which}-mounted", f"{which}-ask", f"{which}-data", which]:
        values = [m.get(key) for m in marks if m and m.get(key) is not None]
        if values:
            print("  %-16s median +%.0f ms" % (key, statistics.median(values)))


def main(which: str, db: str) -> None:
    _, _, _, (search_box, search_text) = LISTS[which]
    # BEFORE_APP: an earlier build, started beside this one on its own copy of the database; the
    # clicks alternate between the two windows, so both see the same machine.
    apps = [("", conftest.APP)]
    if os.environ.get("BEFORE_APP"):
        apps.append(("before: ", os.environ["BEFORE_APP"]))
    sessions = []
    try:
        for i, (label, app) in enumerate(apps):
            path = Path(db) if i == 0 else Path(db).with_name("before.db")
            if i > 0:
                shutil.copy(db, path)
            conftest.APP = app
            session = AppSession(path, path.parent)
            sessions.append((label, session, session.start()))
            enter(sessions[-1][2])  # the demo administrator (a new database: its first administrator)
            visible(sessions[-1][2], "[data-test=nav-dashboard]")
        results = {label: ([], []) for label, _, _ in sessions}
        for run in range(RUNS + 1):
            for label, _, d in sessions:
                ms, marks = measure(d, which)
                if run > 0:  # the first visit also loads the view's code
                    results[label][0].append(ms)
                    results[label][1].append(marks)
        for label, _, _ in sessions:
            report(label, which, *results[label])
        d = sessions[0][2]
        search = visible(d, f"[data-test={search_box}] input")
        d.execute_script("window.__studioPainted = {}; window.__studioNav = performance.now()")
        search.send_keys(search_text)
        ms = wait_for(lambda: d.execute_script(f"return (window.__studioPainted || {{}})['{which}']"),
                      what="the search painted")
        print("typing %s → results painted (ms, includes the input debounce): %.0f" % (search_text, float(ms)))
    finally:
        for _, session, _ in sessions:
            session.stop()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
