"""An item end to end, in the real window: registered from a record card into the ledger (意见台账),
referred to a unit, answered, fed back (the card's filing deadline then shows on the item), followed
up and closed; the timeline shows every step, the list finds it by a 2-character word, and the
database agrees (`studio export items`)."""

import datetime
import json
import time

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from test_cards import no_loading
from ui import DEMO_TIMEOUT, choose, click, type_into, visible, wait_for, wait_text


def export(cli, db, workdir, what):
    out = workdir / f"{what}.json"
    r = cli(db, "export", what, "--format", "json", "-o", str(out))
    assert r.returncode == 0, r.stderr
    return json.loads(out.read_text())


def status_is(d, label):
    wait_for(lambda: visible(d, "[data-test=item-status]").text.strip() == label,
             what=f"status {label}")


def act(d, kind, fields=(), dates=(), satisfaction=None, confirm_box=False):
    click(d, f"[data-test=item-action-{kind}]")
    visible(d, "[data-test=action-dialog]")
    for test_id, text in fields:
        type_into(d, test_id, text)
    for test_id, value in dates:
        # Enter takes the typed day and closes the picker; never Escape (it closes the dialog).
        type_into(d, test_id, value).send_keys(Keys.ENTER)
        time.sleep(0.3)
    if satisfaction:
        click(d, f"[data-test=action-satisfaction-{satisfaction}]")
    click(d, "[data-test=action-dialog-confirm]")
    if confirm_box:
        click(d, ".el-message-box__btns .el-button--primary")
    wait_for(lambda: not any(e.is_displayed() for e in d.find_elements(By.CSS_SELECTOR, "[data-test=action-dialog], .el-message-box")),
             what="the dialog to close")


def test_item_from_card_to_closed(app_factory, cli, workdir, artifacts):
    session, d = app_factory()
    db = session.db
    click(d, "[data-test=setup-demo]")
    wait_text(d, "已载入演示数据", timeout=DEMO_TIMEOUT)

    # A demo draft card (not yet filed) whose opinion is not yet in the ledger.
    linked = {i["card_id"] for i in export(cli, db, workdir, "items") if i["card_id"]}
    card = next(c for c in export(cli, db, workdir, "cards")
                if c["status"] == "draft" and c["id"] not in linked)
    d.execute_script("location.hash = arguments[0]", f"#/cards/{card['id']}")
    click(d, "[data-test=card-to-item]")
    choose(d, "card-to-item-category", "困难帮扶请求")
    type_into(d, "card-to-item-title", "南区食堂晚餐窗口太少")
    click(d, "[data-test=card-to-item-ok]")

    status_is(d, "受理")
    no = visible(d, "[data-test=item-no]").text.strip()
    assert no.startswith(str(datetime.date.today().year)[:2]), no
    assert card["opinion"][:10] in visible(d, "[data-test=item-content]").text

    due = (datetime.date.today() + datetime.timedelta(days=14)).isoformat()
    act(d, "refer", fields=[("action-field-unit", "后勤管理处"), ("action-field-note", "请核实晚餐窗口开放情况")],
        dates=[("action-field-due_on", due)])
    status_is(d, "交办")
    assert "后勤管理处" in visible(d, "[data-test=item-referral-unit]").text

    act(d, "answer", fields=[("action-field-answer", "后勤管理处已安排南区食堂晚间增开两个窗口，供应至晚上八点半。")])
    status_is(d, "已答复")
    act(d, "feedback", fields=[("action-field-feedback", "已电话告知本人办理结果，本人表示感谢。")])
    status_is(d, "已反馈")
    # Fed back today and the card is still a draft: the card's 3-working-day deadline shows.
    filing = visible(d, "[data-test=item-card-filing-due]").text
    assert "前交工作室" in filing, filing

    act(d, "follow_up", fields=[("action-field-note", "一周后回访，本人满意。")], satisfaction="satisfied",
        confirm_box=True)
    status_is(d, "办结")
    kinds = [e.get_attribute("data-kind") for e in d.find_elements(By.CSS_SELECTOR, "[data-test=item-event]")]
    for k in ["received", "refer", "answer", "feedback", "follow_up"]:
        assert k in kinds, f"{k} missing from the timeline {kinds}"
    assert kinds.index("refer") < kinds.index("answer") < kinds.index("feedback") < kinds.index("follow_up")
    wait_for(lambda: not any(b.is_displayed() for b in d.find_elements(By.CSS_SELECTOR, ".el-message-box")),
             what="the confirmation to close")
    no_loading(d)
    d.save_screenshot(str(artifacts / "item-closed.png"))

    # The ledger finds it by a 2-character word of its title.
    click(d, "[data-test=nav-items]")
    visible(d, "[data-test=items-table]")
    search = visible(d, "[data-test=items-search] input")
    search.send_keys("窗口")
    search.send_keys(Keys.ENTER)
    wait_for(lambda: no in [e.text.strip() for e in d.find_elements(By.CSS_SELECTOR, "[data-test=items-row]")],
             what="the item in the search results")
    no_loading(d)
    d.save_screenshot(str(artifacts / "items-search.png"))

    # The database agrees.
    item = next(i for i in export(cli, db, workdir, "items") if i["card_id"] == card["id"])
    assert item["no"] == no
    assert item["status"] == "closed" and item["source"] == "card"
    assert item["category"] == "hardship"
    assert item["satisfaction"] == "satisfied"
    assert item["answered_on"] and item["fed_back_on"] and item["closed_on"]
    assert item["delegate"] == card["delegate_name"]
    assert item["first_responder"] == card["delegate_name"]
    assert item["referral"]["unit"] == "后勤管理处" and item["referral"]["due_on"] == due
    assert item["overdue"] is False
