"""工作台's charts and the list exports in the real window (issue 12): the four charts are drawn on
the demo data, a slice of 联系方式 opens the record cards of that channel (as many as the CLI
exports for the year), and 党代表名册 and 约见 export as CSV (UTF-8 with BOM) with a reason, one line
per delegate / appointment, agreeing with `studio export`. Screens saved as
tests/artifacts/dashboard-*.png."""

import csv
import io
import json
import math
import re
from datetime import datetime, timedelta, timezone

from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By

from test_cards import no_loading
from ui import click, page_text, type_into, visible, wait_for, wait_saved, wait_text

JOB_TIMEOUT = 120


def displayed(d, selector):
    return [e for e in d.find_elements(By.CSS_SELECTOR, selector) if e.is_displayed()]


def this_year():
    return (datetime.now(timezone.utc) + timedelta(hours=8)).year


def read_csv(path):
    raw = path.read_bytes()
    assert raw[:3] == b"\xef\xbb\xbf", "CSV starts with a byte-order mark"
    return list(csv.reader(io.StringIO(raw[3:].decode("utf-8"), newline="")))


def test_charts_click_through_and_list_exports(app_factory, cli, workdir, save_dir, artifacts):
    db = workdir / "studio.db"
    assert cli(db, "demo").returncode == 0
    year = this_year()
    cards_json = workdir / "cards.json"
    r = cli(db, "export", "cards", "--format", "json", "--from", f"{year}-01-01", "--to", f"{year}-12-31",
            "-o", str(cards_json))
    assert r.returncode == 0, r.stderr
    studio_cards = [c for c in json.loads(cards_json.read_text()) if c["channel"] == "studio"]
    roster_json = workdir / "roster.json"
    assert cli(db, "export", "delegates", "--format", "json", "-o", str(roster_json)).returncode == 0
    roster = json.loads(roster_json.read_text())
    appts_json = workdir / "appointments.json"
    assert cli(db, "export", "appointments", "--format", "json", "-o", str(appts_json)).returncode == 0
    appts = json.loads(appts_json.read_text())

    _, d = app_factory()

    # 工作台: four charts drawn (ECharts loaded with the page), the year's period shown.
    click(d, "[data-test=nav-dashboard]")
    visible(d, "[data-test=dash-charts]")
    wait_for(lambda: len(displayed(d, "[data-test=dash-chart-canvas] canvas")) == 4, timeout=30,
             what="four drawn charts")
    assert f"{year}-01-01 至 {year}-12-31" in page_text(d)
    pie = visible(d, "[data-test=dash-chart-channels] [data-test=dash-chart-canvas]")
    d.execute_script("arguments[0].scrollIntoView({block: 'center'})", pie)
    d.save_screenshot(str(artifacts / "dashboard-charts.png"))

    # The first slice (党代表工作室) starts at twelve o'clock and runs clockwise: click inside the ring
    # a little past twelve. The ring is 40–68 % of half the smaller side, centred at (50 %, 45 %).
    assert studio_cards, "the demo has studio contacts this year"
    w, h = pie.size["width"], pie.size["height"]
    radius = 0.54 * min(w, h) / 2
    angle = math.radians(8)
    x = w * 0.5 + radius * math.sin(angle) - w / 2
    y = h * 0.45 - radius * math.cos(angle) - h / 2
    ActionChains(d).move_to_element_with_offset(pie, int(x), int(y)).click().perform()
    visible(d, "[data-test=cards-table]")
    no_loading(d)
    n = len(studio_cards)
    wait_for(lambda: re.search(rf"共\s*{n}\s*条", page_text(d)), what=f"the card list with {n} studio cards")

    # 党代表名册 → 导出 → CSV with a reason: one line per delegate, as `studio export delegates`.
    click(d, "[data-test=nav-roster]")
    visible(d, "[data-test=roster-table]")
    no_loading(d)
    click(d, "[data-test=roster-export]")
    click(d, "[data-test=roster-export-format-csv]")
    click(d, "[data-test=roster-export-ok]")
    type_into(d, "export-reason", "端到端测试导出")
    click(d, "[data-test=export-ok]")
    wait_text(d, f"已导出 {len(roster)} 名党代表", timeout=JOB_TIMEOUT)
    rows = read_csv(wait_saved(save_dir, "党代表名册-*.csv"))
    assert rows[0][:3] == ["姓名", "性别", "所在代表团"], rows[0]
    assert [r[0] for r in rows[1:]] == [x["name"] for x in roster]

    # 约见 → 导出 → CSV of every appointment.
    click(d, "[data-test=nav-appointments]")
    no_loading(d)
    click(d, "[data-test=ap-export]")
    click(d, "[data-test=ap-export-format-csv]")
    click(d, "[data-test=ap-export-ok]")
    type_into(d, "export-reason", "端到端测试导出")
    click(d, "[data-test=export-ok]")
    wait_text(d, f"已导出 {len(appts)} 条约见", timeout=JOB_TIMEOUT)
    rows = read_csv(wait_saved(save_dir, "约见-全部-*.csv"))
    assert rows[0][0] == "约见日期"
    assert len(rows) == len(appts) + 1
