"""The long lists (党代表名册, 记录卡, 意见台账) stay built while other screens are visited: coming
back asks for the page again (what changed meanwhile shows), follows the link that brought the
operator back, and a link meant for one list leaves the others' filters alone."""

import re

from ui import DEMO_TIMEOUT, choose, click, type_into, visible, wait_for, wait_text


def total(d, pager):
    text = visible(d, f"[data-test={pager}] .el-pagination__total").text
    return int(re.search(r"\d+", text).group())


def tile_value(d, tile):
    value = visible(d, f"[data-test={tile}] [data-test=dash-value]")
    wait_for(lambda: value.text.strip().isdigit(), what=f"{tile}'s figure")
    return int(value.text.strip())


def active(d, selector):
    return "is-active" in visible(d, selector).get_attribute("class")


def test_kept_lists_follow_links_and_show_changes(app_factory, artifacts):
    _, d = app_factory()
    click(d, "[data-test=setup-demo]")
    wait_text(d, "已载入演示数据", timeout=DEMO_TIMEOUT)

    # Both lists built once, unfiltered.
    click(d, "[data-test=nav-cards]")
    visible(d, "[data-test=cards-row]")
    cards_all = total(d, "cards-pagination")
    click(d, "[data-test=nav-items]")
    visible(d, "[data-test=items-row]")

    # 工作台's 在办 tile: the kept ledger on its 在办 tab, holding what the tile counts.
    click(d, "[data-test=nav-dashboard]")
    open_ = tile_value(d, "tile-items-open")
    click(d, "[data-test=tile-items-open]")
    wait_for(lambda: active(d, "[data-test=items-view-open]"), what="the 在办 tab")
    wait_for(lambda: total(d, "items-pagination") == open_, what=f"在办 = {open_}")

    # An item registered on its own screen is in the ledger when the ledger is opened again.
    click(d, "[data-test=items-new]")
    choose(d, "item-form-category", "困难帮扶请求")
    choose(d, "item-form-source", "专线电话")
    type_into(d, "item-form-title", "图书馆夜间自习座位不足")
    type_into(d, "item-form-content", "期末复习期间图书馆夜间自习座位紧张，希望延长开放时间或增开自习室。")
    type_into(d, "item-form-person", "李文")
    click(d, "[data-test=item-save]")
    visible(d, "[data-test=item-person]")
    click(d, "[data-test=nav-items]")
    wait_for(lambda: total(d, "items-pagination") == open_ + 1, what="the new item counted")
    wait_for(lambda: "图书馆夜间自习座位不足" in visible(d, "[data-test=items-table]").text,
             what="the new item in the kept ledger")

    # A link to the cards list filters the cards only: the ledger keeps its tab and its rows.
    click(d, "[data-test=nav-dashboard]")
    drafts = tile_value(d, "dash-cards-drafts")
    click(d, "[data-test=dash-cards-drafts]")
    wait_for(lambda: total(d, "cards-pagination") == drafts, what=f"草稿 = {drafts}")
    assert drafts != cards_all
    click(d, "[data-test=nav-items]")
    wait_for(lambda: total(d, "items-pagination") == open_ + 1, what="the ledger as it was left")
    assert active(d, "[data-test=items-view-open]")

    # The roster, built at the start, opens its form from 工作台's quick link.
    click(d, "[data-test=nav-dashboard]")
    click(d, "[data-test=quick-add]")
    visible(d, "[data-test=df-name]")
    d.save_screenshot(str(artifacts / "kept-roster-add.png"))
