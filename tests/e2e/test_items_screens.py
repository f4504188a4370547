"""The ledger's other screens in the real window on the demo data: 工作台's 督办 figures agree with
the database and open lists of exactly that many items; a new hotline item is entered on the form,
which suggests similar earlier items; 待补充 stops its clock; 设置 shows the working-day limits."""

import datetime
import json
import re

from selenium.webdriver.common.by import By

from test_items import act, status_is
from ui import DEMO_TIMEOUT, choose, click, type_into, visible, wait_for, wait_text


def no_loading(d):
    wait_for(lambda: not any(m.is_displayed() for m in d.find_elements(By.CSS_SELECTOR, ".el-loading-mask")),
             what="loading to finish")


def total_in_list(d):
    text = visible(d, "[data-test=items-pagination] .el-pagination__total").text
    return int(re.search(r"\d+", text).group())


def test_ledger_screens_on_demo_data(app_factory, cli, workdir, artifacts):
    session, d = app_factory()
    db = session.db
    click(d, "[data-test=setup-demo]")
    wait_text(d, "已载入演示数据", timeout=DEMO_TIMEOUT)
    out = workdir / "items.json"
    assert cli(db, "export", "items", "--format", "json", "-o", str(out)).returncode == 0
    items = json.loads(out.read_text())
    overdue = sum(1 for i in items if i["overdue"])
    open_ = sum(1 for i in items if i["status"] not in ("closed", "declined"))
    assert overdue > 0

    click(d, "[data-test=nav-dashboard]")
    tile = visible(d, "[data-test=tile-items-overdue] [data-test=dash-value]")
    wait_for(lambda: tile.text.strip() == str(overdue), what=f"工作台 已逾期 = {overdue}")
    assert visible(d, "[data-test=tile-items-open] [data-test=dash-value]").text.strip() == str(open_)
    no_loading(d)
    d.save_screenshot(str(artifacts / "dashboard-items.png"))

    click(d, "[data-test=tile-items-overdue]")
    wait_for(lambda: total_in_list(d) == overdue, what="the overdue list holding what the tile counts")
    tags = [e.text for e in d.find_elements(By.CSS_SELECTOR, "[data-test=item-row-deadline]")]
    assert tags and all("逾期" in t for t in tags), tags
    no_loading(d)
    d.save_screenshot(str(artifacts / "items-overdue.png"))
    # 单位逾期: referred units past their own deadline without an answer.
    today = datetime.date.today().isoformat()
    unit_late = sum(1 for i in items if i["status"] in ("received", "assigned", "in_progress")
                    and i["referral"] and not i["referral"]["answered_on"] and i["referral"]["due_on"] < today)
    click(d, "[data-test=items-view-unit_overdue]")
    wait_for(lambda: total_in_list(d) == unit_late, what=f"单位逾期 = {unit_late}")

    # A new item from the hotline; the form suggests earlier items like it.
    click(d, "[data-test=items-new]")
    choose(d, "item-form-category", "困难帮扶请求")
    choose(d, "item-form-source", "专线电话")
    type_into(d, "item-form-title", "食堂饭菜价格偏高")
    type_into(d, "item-form-content", "学生反映食堂饭菜价格偏高，部分窗口份量少，希望学校核实并平抑价格。")
    type_into(d, "item-form-person", "孙立新")
    type_into(d, "item-form-phone", "13712345678")
    wait_for(lambda: d.find_elements(By.CSS_SELECTOR, "[data-test=similar-item]"), what="similar items")
    no_loading(d)
    d.save_screenshot(str(artifacts / "item-form-similar.png"))
    # Leaving with unsaved text asks first; 继续填写 keeps everything typed.
    click(d, "[data-test=nav-dashboard]")
    wait_text(d, "填写的内容还没有保存")
    click(d, ".el-message-box__btns .el-button:not(.el-button--primary)")
    wait_for(lambda: visible(d, "[data-test=item-form-title] input").get_attribute("value") == "食堂饭菜价格偏高",
             what="the form kept")
    click(d, "[data-test=item-save]")
    status_is(d, "受理")
    assert "孙立新" in visible(d, "[data-test=item-person]").text
    due_before = visible(d, "[data-test=item-due]").text

    act(d, "pause", fields=[("action-field-note", "请本人补充就餐时间和窗口号")])
    wait_for(lambda: "待补充" in visible(d, "[data-test=item-deadline]").text, what="the clock stopped")
    assert visible(d, "[data-test=item-due]").text == due_before
    no_loading(d)
    d.save_screenshot(str(artifacts / "item-paused.png"))

    # 设置 → 办理时限: the defaults; a change is saved and applies to items received afterwards.
    click(d, "[data-test=nav-settings]")
    click(d, "#tab-deadlines")
    policy = visible(d, "[data-test=deadline-policy_inquiry] input")
    wait_for(lambda: policy.get_attribute("value") == "5", what="政策咨询 5 个工作日")
    type_into(d, "deadline-policy_inquiry", "7")
    click(d, "[data-test=deadlines-save]")
    wait_text(d, "已保存")
    no_loading(d)
    d.save_screenshot(str(artifacts / "settings-deadlines.png"))
    click(d, "[data-test=nav-items]")
    click(d, "[data-test=items-new]")
    choose(d, "item-form-category", "政策咨询")
    choose(d, "item-form-source", "自助终端")
    type_into(d, "item-form-title", "咨询职称评审中的教学业绩认定")
    type_into(d, "item-form-content", "咨询今年职称评审中教学业绩如何认定。")
    click(d, "[data-test=item-save]")
    status_is(d, "受理")
    wait_for(lambda: "限时 7 个工作日" in visible(d, "[data-test=item-due]").find_element(By.XPATH, "../..").text,
             what="the new limit on a new item")
