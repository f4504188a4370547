"""The window survives what goes wrong in the backend, and long jobs report progress: a panic in a
command comes back as an `internal` error with a Chinese message while the window keeps working; a
batch PDF of every demo card shows its progress and stops quietly on 取消, and saved through
另存为 PDF (the test build writes to STUDIO_E2E_SAVE_DIR instead of asking) is complete, with a page
or more per card; the card and ledger exports are saved the same way."""

import json
import re
import subprocess
import time

from selenium.webdriver.common.by import By

from test_cards import no_loading
from ui import DEMO_TIMEOUT, click, invoke, menu_pick, page_text, type_into, visible, wait_for, wait_saved, wait_text

CJK = re.compile(r"[\u4e00-\u9fff]")
# A batch PDF of every demo card in the debug build, on a busy 2-core machine.
JOB_TIMEOUT = 300


def test_backend_panic_is_reported_and_the_window_goes_on(app_factory, artifacts):
    _, d = app_factory()
    click(d, "[data-test=setup-demo]")
    wait_text(d, "已载入演示数据", timeout=DEMO_TIMEOUT)

    status, error = invoke(d, "debug_panic")
    assert status == "err", error
    assert error["code"] == "internal", error
    assert CJK.search(error["message"]), error["message"]

    # The window still answers: another command, and a whole screen.
    status, value = invoke(d, "app_status")
    assert status == "ok" and value["delegate_count"] > 0, value
    click(d, "[data-test=nav-items]")
    wait_for(lambda: d.find_elements(By.CSS_SELECTOR, "[data-test=items-row]"), what="the ledger's rows")
    no_loading(d)
    visible(d, "[data-test=items-table]")


def displayed(d, selector):
    return [e for e in d.find_elements(By.CSS_SELECTOR, selector) if e.is_displayed()]


def print_all_cards(d):
    menu_pick(d, "[data-test=cards-print]", "[data-test=cards-print-all]")


def test_batch_pdf_of_all_cards_saved(app_factory, cli, workdir, save_dir, artifacts):
    session, d = app_factory()
    db = session.db
    click(d, "[data-test=setup-demo]")
    wait_text(d, "已载入演示数据", timeout=DEMO_TIMEOUT)
    out = workdir / "cards.json"
    assert cli(db, "export", "cards", "--format", "json", "-o", str(out)).returncode == 0
    cards = json.loads(out.read_text())
    assert len(cards) > 1

    click(d, "[data-test=nav-cards]")
    visible(d, "[data-test=cards-table]")
    no_loading(d)

    # A long job shows its progress with 取消 once it takes more than a moment (a quick one just
    # finishes). 取消 stops it quietly: 「已取消」, no error, the preview closes.
    print_all_cards(d)
    wait_for(lambda: displayed(d, "[data-test=job-progress]")
             or d.find_elements(By.CSS_SELECTOR, "[data-test=print-pages] canvas[data-rendered]"),
             timeout=JOB_TIMEOUT, what="the progress box or the drawn preview")
    cancelled = False
    if displayed(d, "[data-test=job-progress]"):
        time.sleep(0.3)  # the bar follows the reports
        if displayed(d, "[data-test=job-progress]"):
            d.save_screenshot(str(artifacts / "job-progress.png"))
        # The job may end before the click lands: then there is nothing to cancel.
        for button in displayed(d, "[data-test=job-progress-cancel]"):
            try:
                button.click()
            except Exception:
                pass
        outcome = wait_for(lambda: ("cancelled" if "已取消" in page_text(d) else None)
                           or ("done" if d.find_elements(By.CSS_SELECTOR, "[data-test=print-pages] canvas[data-rendered]") else None),
                           timeout=JOB_TIMEOUT, what="the job cancelled or done")
        if outcome == "cancelled":
            wait_for(lambda: not displayed(d, "[data-test=job-progress]") and not displayed(d, "[data-test=print-preview]"),
                     what="the progress box and the preview to close")
            assert not displayed(d, ".el-message--error")
            cancelled = True
    if not cancelled:
        click(d, "[data-test=print-close]")
        wait_for(lambda: not displayed(d, "[data-test=print-preview]"), what="the preview to close")

    # Again, to the end: every card in the preview, then 另存为 PDF.
    print_all_cards(d)
    wait_for(lambda: d.find_elements(By.CSS_SELECTOR, "[data-test=print-pages] canvas[data-rendered]"),
             timeout=JOB_TIMEOUT, what="the preview drawn")
    pages_shown = int(re.search(r"/\s*(\d+)", visible(d, "[data-test=print-page-count]").text).group(1))
    assert pages_shown >= len(cards)

    click(d, "[data-test=print-save]")
    wait_text(d, "已保存到", timeout=JOB_TIMEOUT)
    pdf = wait_saved(save_dir, "*.pdf")
    assert pdf.name == "记录卡-全部.pdf", pdf.name
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True)
    assert info.returncode == 0, info.stderr
    pages = int(re.search(r"^Pages:\s+(\d+)", info.stdout, re.M).group(1))
    assert pages == pages_shown and pages >= len(cards), (pages, pages_shown, len(cards))
    print(f"batch PDF: {len(cards)} cards, {pages} pages, cancelled once: {cancelled}")

    # The exports are long jobs too, saved the same way: every card, then the whole ledger.
    click(d, "[data-test=print-close]")
    click(d, "[data-test=cards-export]")
    click(d, "[data-test=export-scope-all]")
    click(d, "[data-test=export-format-json]")
    click(d, "[data-test=cards-export-ok]")
    # 导出个人信息: a full export names its reason (recorded in the audit log).
    type_into(d, "export-reason", "端到端测试导出")
    click(d, "[data-test=export-ok]")
    wait_text(d, f"已导出 {len(cards)} 张记录卡", timeout=JOB_TIMEOUT)
    exported = json.loads(wait_saved(save_dir, "记录卡导出-全部-*.json").read_text())
    assert len(exported) == len(cards)

    click(d, "[data-test=nav-items]")
    visible(d, "[data-test=items-table]")
    no_loading(d)
    click(d, "[data-test=items-export]")
    click(d, "[data-test=items-export-format-json]")
    click(d, "[data-test=items-export-ok]")
    type_into(d, "export-reason", "端到端测试导出")
    click(d, "[data-test=export-ok]")
    wait_text(d, "件事项到", timeout=JOB_TIMEOUT)
    items = json.loads(wait_saved(save_dir, "意见台账-全部-*.json").read_text())
    assert len(items) > 0
