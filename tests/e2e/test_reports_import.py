"""统计汇总 and 导入 in the real window: the summary's total agrees with `studio export summary`, a
delegate's contact figure opens the card list with exactly that many cards, 导出 Excel saves a
workbook; re-importing the studio's own card export shows every row as 重复 and offers nothing to
write (duplicates are shown, not doubled). Screens saved as tests/artifacts/reports-*.png."""

import json
import re

from selenium.webdriver.common.by import By

from test_cards import no_loading
from ui import click, page_text, visible, wait_for, wait_saved


def displayed(d, selector):
    return [e for e in d.find_elements(By.CSS_SELECTOR, selector) if e.is_displayed()]


def test_summary_figures_click_through_and_reimport_doubles_nothing(app_factory, cli, workdir, save_dir, artifacts):
    db = workdir / "studio.db"
    assert cli(db, "demo").returncode == 0
    summary = workdir / "summary.json"
    r = cli(db, "export", "summary", "--format", "json", "-o", str(summary))
    assert r.returncode == 0, r.stderr
    total = json.loads(summary.read_text())["total"]
    export = workdir / "cards.xlsx"
    r = cli(db, "export", "cards", "--format", "xlsx", "-o", str(export))
    assert r.returncode == 0, r.stderr

    _, d = app_factory(open_file=export)

    # 统计汇总 for this year (the default, as the CLI's): the 合计 row says what the CLI says.
    click(d, "[data-test=nav-reports]")
    visible(d, "[data-test=reports-summary-table]")
    wait_for(lambda: "合计" in page_text(d), what="the 合计 row")
    no_loading(d)
    d.save_screenshot(str(artifacts / "reports-summary.png"))
    figures = [e.text.strip() for e in d.find_elements(By.CSS_SELECTOR, "[data-test=reports-contacts]")]
    assert str(total["contacts"]) in figures, (total["contacts"], figures)

    # A delegate's contacts open their cards: the list says as many.
    link = next(e for e in d.find_elements(By.CSS_SELECTOR, "a[data-test=reports-contacts]")
                if e.is_displayed() and e.text.strip() not in ("", "0")
                and e.find_element(By.XPATH, "ancestor::tr").text.find("计") < 0)
    n = int(link.text.strip())
    link.click()
    visible(d, "[data-test=cards-table]")
    no_loading(d)
    wait_for(lambda: re.search(rf"共\s*{n}\s*条", page_text(d)), what=f"the card list with {n} cards")

    # 导出 Excel: a workbook lands where the save dialog would have put it.
    click(d, "[data-test=nav-reports]")
    visible(d, "[data-test=reports-summary-table]")
    no_loading(d)
    click(d, "[data-test=reports-export-xlsx]")
    saved = wait_saved(save_dir, "*.xlsx")
    assert saved.read_bytes()[:2] == b"PK"

    # 导入 the studio's own card export: every row is a duplicate, nothing to write.
    click(d, "[data-test=nav-cards]")
    visible(d, "[data-test=cards-table]")
    no_loading(d)
    click(d, "[data-test=cards-import]")
    visible(d, "[data-test=import-dialog]")
    click(d, "[data-test=import-pick]")
    visible(d, "[data-test=import-table]")
    statuses = wait_for(lambda: [e.text.strip() for e in displayed(d, "[data-test=import-row-status]")],
                        what="the preview's rows")
    assert statuses and set(statuses) == {"重复"}, statuses
    assert not displayed(d, "[data-test=import-row-error]")
    commit = visible(d, "[data-test=import-commit]")
    assert not commit.is_enabled()
    # The whole dialog fits the window: 确认导入 is on screen without scrolling the page.
    assert d.execute_script("return arguments[0].getBoundingClientRect().bottom <= window.innerHeight", commit)
    d.save_screenshot(str(artifacts / "reports-import-preview.png"))
