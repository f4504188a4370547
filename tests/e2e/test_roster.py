"""The roster end to end, in the real window: first start, a delegation and a delegate, search by
pinyin initials, a refused phone number with nothing saved, and the data still there after a restart."""

import json

from selenium.webdriver.common.keys import Keys

from ui import DEMO_TIMEOUT, choose, click, page_text, type_into, visible, wait_for, wait_no_text, wait_text


def delegates_in_db(cli, db):
    out = cli(db, "delegates", "list", "--json")
    assert out.returncode == 0, out.stderr
    return [d["name"] for d in json.loads(out.stdout)]


def test_roster_end_to_end(app_factory, cli, workdir, artifacts):
    session, d = app_factory()
    db = session.db

    # First start on an empty database: the app offers demo data or a blank start.
    click(d, "[data-test=setup-blank]")
    click(d, "[data-test=nav-roster]")
    visible(d, "[data-test=roster-empty]")

    # A delegation first.
    click(d, "[data-test=roster-delegations]")
    click(d, "[data-test=delegation-add]")
    type_into(d, "delegation-name", "测试代表团")
    click(d, "[data-test=delegation-save]")
    wait_text(d, "测试代表团")
    d.switch_to.active_element.send_keys(Keys.ESCAPE)
    wait_for(lambda: not any(e.is_displayed() for e in d.find_elements("css selector", "[data-test=delegation-add]")),
             what="delegations dialog to close")

    # A delegate with a bad mobile number: a Chinese message beside the field, nothing saved.
    click(d, "[data-test=roster-add]")
    type_into(d, "df-name", "张建华")
    choose(d, "df-delegation", "测试代表团")
    type_into(d, "df-unit", "计算机工程学院")
    type_into(d, "df-position", "教授")
    type_into(d, "df-mobile", "12345")
    click(d, "[data-test=df-save]")
    err = visible(d, ".el-form-item__error")
    assert "手机号码" in err.text and "11 位" in err.text, err.text
    assert delegates_in_db(cli, db) == []

    # Corrected, it saves and appears in the list.
    type_into(d, "df-mobile", "13812345678")
    click(d, "[data-test=df-save]")
    wait_text(d, "已保存")
    table = visible(d, "[data-test=roster-table]")
    wait_for(lambda: "张建华" in table.text, what="new delegate in the table")
    assert "138****5678" in table.text, "lists mask phone numbers"
    assert delegates_in_db(cli, db) == ["张建华"]

    # Search by pinyin initials, then by something that matches nobody.
    type_into(d, "roster-search", "zjh")
    wait_for(lambda: "张建华" in visible(d, "[data-test=roster-table]").text, what="zjh finds 张建华")
    type_into(d, "roster-search", "qqq")
    visible(d, "[data-test=roster-empty]")
    type_into(d, "roster-search", "zjh")
    wait_for(lambda: "张建华" in visible(d, "[data-test=roster-table]").text, what="zjh again")
    d.save_screenshot(str(artifacts / "roster.png"))

    # Quit and start again: the delegate is still there and the first-start dialog does not return.
    session.stop()
    session2, d2 = app_factory()
    assert session2.db == db
    click(d2, "[data-test=nav-roster]")
    wait_for(lambda: "张建华" in visible(d2, "[data-test=roster-table]").text, what="delegate after restart")
    assert "欢迎使用" not in page_text(d2)


def test_demo_roster_on_first_start(app_factory, artifacts):
    _, d = app_factory()
    click(d, "[data-test=setup-demo]")
    wait_text(d, "已载入演示数据", timeout=DEMO_TIMEOUT)
    click(d, "[data-test=nav-roster]")
    table = visible(d, "[data-test=roster-table]")
    wait_for(lambda: "代表团" in table.text, what="demo delegates")
    wait_no_text(d, "欢迎使用")
    visible(d, "[data-test=roster-pagination]")
    d.save_screenshot(str(artifacts / "roster-demo.png"))

    # 工作台 shows the demo cards' figures; its 已逾期 tile opens the matching list.
    click(d, "[data-test=nav-dashboard]")
    tile = visible(d, "[data-test=dash-cards-overdue]")
    wait_for(lambda: any(ch.isdigit() for ch in tile.text), what="card figures on 工作台")
    d.save_screenshot(str(artifacts / "dashboard.png"))
    tile.click()
    visible(d, "[data-test=cards-table]")
    wait_text(d, "已逾期")
