"""A record card end to end, in the real window: enter it on the paper-card form, file it with the
studio, and print it to a PDF file that poppler can read back."""

import json
import subprocess
import time

from selenium.webdriver.common.keys import Keys

from ui import DEMO_TIMEOUT, click, type_into, visible, wait_for, wait_no_text, wait_saved, wait_text


def first_active_delegate(cli, db):
    out = cli(db, "delegates", "list", "--json")
    assert out.returncode == 0, out.stderr
    return next(d for d in json.loads(out.stdout) if d["status"] == "active")


def type_date(d, test_id, value):
    el = type_into(d, test_id, value)
    el.send_keys(Keys.ENTER)
    time.sleep(0.2)
    el.send_keys(Keys.ESCAPE)


def no_loading(d):
    wait_for(lambda: not any(m.is_displayed() for m in d.find_elements("css selector", ".el-loading-mask")),
             what="loading to finish")


def test_card_entered_filed_and_printed(app_factory, cli, workdir, save_dir, artifacts):
    session, d = app_factory()
    db = session.db
    click(d, "[data-test=setup-demo]")
    wait_text(d, "已载入演示数据", timeout=DEMO_TIMEOUT)
    delegate = first_active_delegate(cli, db)

    click(d, "[data-test=nav-cards]")
    visible(d, "[data-test=cards-table]")
    click(d, "[data-test=cards-add]")

    type_date(d, "cf-contact-date", "2026-11-20")
    # The delegate picker searches the roster; Enter takes the first match.
    click(d, "[data-test=cf-delegate]")
    picker = visible(d, "[data-test=cf-delegate] input")
    picker.send_keys(delegate["name"])
    time.sleep(0.8)
    picker.send_keys(Keys.ENTER)
    wait_for(lambda: delegate["delegation"] in visible(d, "[data-test=cf-delegation]").text,
             what="the delegate's delegation filled from the roster")

    type_into(d, "cf-person-name", "钱学明")
    type_into(d, "cf-person-age", "45")
    type_into(d, "cf-person-phone", "13900001111")
    type_into(d, "cf-person-unit", "后勤管理处 科员")
    type_into(d, "cf-person-address", "qianxm@example.edu.cn")
    click(d, "[data-test=cf-channel-studio]")
    type_into(d, "cf-opinion", "建议延长图书馆周末开放时间，方便教职工和学生自习。")
    type_into(d, "cf-handling", "已与图书馆沟通，自下月起周末开放至晚上九点，并已电话告知本人。")
    type_date(d, "cf-feedback-on", "2026-11-24")
    click(d, "[data-test=cf-save]")
    wait_text(d, "已保存")
    # Feedback on Tue 2026-11-24: three working days later is Fri 2026-11-27.
    wait_for(lambda: "2026-11-27" in visible(d, "[data-test=cf-due]").text, what="the filing deadline")

    click(d, "[data-test=cf-submit]")
    click(d, ".el-message-box__btns .el-button--primary")
    wait_for(lambda: "已提交" in visible(d, "[data-test=cf-status]").text, what="the card filed")
    d.save_screenshot(str(artifacts / "card-filed.png"))

    # Print to a file: the test build saves to STUDIO_E2E_SAVE_DIR (save_dir) instead of asking.
    click(d, "[data-test=cf-preview]")
    visible(d, "[data-test=print-pages] canvas[data-rendered]")
    no_loading(d)
    wait_no_text(d, "正在显示")
    d.save_screenshot(str(artifacts / "card-preview.png"))
    click(d, "[data-test=print-save]")
    wait_text(d, "已保存到")
    pdf = wait_saved(save_dir, "*.pdf")
    assert pdf.name == f"记录卡-{delegate['name']}-2026-11-20.pdf", pdf.name
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True).stdout
    for value in ["党代表联系党员和群众工作记录卡", delegate["name"], "钱学明", "13900001111",
                  "qianxm@example.edu.cn", "图书馆周末开放", "2026"]:
        assert value in text.replace(" ", ""), f"{value} missing from the printed card"

    # The database agrees: the card is filed, on time, with the deadline the window showed.
    out = workdir / "cards.json"
    assert cli(db, "export", "cards", "--format", "json", "-o", str(out)).returncode == 0
    card = next(c for c in json.loads(out.read_text()) if c["person_name"] == "钱学明")
    assert card["status"] == "submitted"
    assert card["due_on"] == "2026-11-27"
    assert card["delegate_name"] == delegate["name"]
