"""接待安排 and 约见 in the real window, on the demo data: a slot is added to a month that is not yet
published, the month is published, its wall poster is previewed and saved as a PDF that poppler reads
back (the title and the new slot's delegate) and turns into a picture; then an appointment is
registered, confirmed and completed, which opens the new record card with the channel 约见 ticked.
工作台 shows 今日接待 and 本周接待. Screenshots of each screen go to tests/artifacts/."""

import datetime
import subprocess
import time

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from test_cards import no_loading
from ui import DEMO_TIMEOUT, click, invoke, type_into, visible, wait_for, wait_no_text, wait_saved, wait_text


def month_after(d: datetime.date, n: int) -> datetime.date:
    index = d.year * 12 + d.month - 1 + n
    return datetime.date(index // 12, index % 12 + 1, 1)


def a_working_tuesday(first: datetime.date) -> datetime.date:
    """The fourth Tuesday of the month: clear of the Spring Festival and New Year holidays."""
    d = first
    while d.weekday() != 1:
        d += datetime.timedelta(days=1)
    return d + datetime.timedelta(days=21)


def active_delegates(d):
    """Serving delegates in roster order, as the window's own command answers them."""
    ok, page = invoke(d, "delegates_list", {"query": {
        "q": "", "delegation_id": None, "status": "active", "sort": "roster", "page": {"page": 1, "page_size": 50}}})
    assert ok == "ok", page
    return page["items"]


def shot(d, path):
    """A screenshot once loading masks, menus and messages have faded (their transitions are ~0.3 s)."""
    no_loading(d)
    time.sleep(0.6)
    d.save_screenshot(str(path))


def dropdown_closed(d):
    return not any(e.is_displayed() for e in d.find_elements(By.CSS_SELECTOR, ".el-select-dropdown"))


def pick_in_select(d, test_id, name):
    """Type a delegate's name into a remote select inside `test_id` and take the first match."""
    click(d, f"[data-test={test_id}] .el-select")
    box = visible(d, f"[data-test={test_id}] .el-select input")
    box.send_keys(name)

    def option():
        for e in d.find_elements(By.CSS_SELECTOR, ".el-select-dropdown__item"):
            if e.is_displayed() and e.text.strip().startswith(name):
                return e
        return None

    wait_for(option, what=f"{name} among the options")
    time.sleep(0.3)  # the list settles once the search answered
    wait_for(option, what=f"{name} among the options").click()


def test_schedule_published_and_poster_printed_then_appointment_completed(app_factory, save_dir, artifacts):
    session, d = app_factory()
    try:
        run(d, save_dir, artifacts)
    except Exception:
        d.save_screenshot(str(artifacts / "schedule-failure.png"))
        raise


def run(d, save_dir, artifacts):
    click(d, "[data-test=setup-demo]")
    wait_text(d, "已载入演示数据", timeout=DEMO_TIMEOUT)
    today = datetime.date.today()
    people = active_delegates(d)
    on_duty, met = people[0], people[3]

    # 接待安排 opens on this month, which the demo published.
    click(d, "[data-test=nav-schedule]")
    wait_for(lambda: visible(d, "[data-test=schedule-month]").text == f"{today.year}年{today.month}月",
             what="this month on the schedule")
    wait_for(lambda: d.find_elements(By.CSS_SELECTOR, "[data-test=schedule-row]"), what="this month's slots")
    assert visible(d, "[data-test=schedule-state]").text.startswith("已发布")
    shot(d, artifacts / "schedule.png")

    # Two months ahead: nothing planned, not published.
    target = month_after(today, 2)
    label = f"{target.year}年{target.month}月"
    click(d, "[data-test=schedule-next]")
    click(d, "[data-test=schedule-next]")
    wait_for(lambda: visible(d, "[data-test=schedule-month]").text == label, what=label)
    wait_for(lambda: visible(d, "[data-test=schedule-state]").text == "未发布", what="an unpublished month")
    visible(d, "[data-test=schedule-empty]")

    # 新增时段: a working Tuesday, 14:30–17:00 in the studio, one delegate.
    day = a_working_tuesday(target)
    click(d, "[data-test=schedule-add]")
    visible(d, "[data-test=slot-dialog]")
    type_into(d, "slot-date", day.isoformat()).send_keys(Keys.ENTER)
    time.sleep(0.3)
    pick_in_select(d, "slot-delegates", on_duty["name"])
    wait_for(lambda: on_duty["name"] in [e.get_attribute("textContent").strip() for e in d.find_elements(
        By.CSS_SELECTOR, "[data-test=slot-delegates] .el-select__tags-text")], what="the delegate chosen")
    click(d, "[data-test=slot-dialog] .el-dialog__title")  # closes the dropdown (Escape would close the dialog)
    wait_for(lambda: dropdown_closed(d), what="the dropdown to close")
    shot(d, artifacts / "schedule-slot-dialog.png")
    click(d, "[data-test=slot-save]")
    wait_text(d, "已新增")
    wait_for(lambda: on_duty["name"] in visible(d, "[data-test=schedule-row]").text, what="the new slot on the plan")
    row = visible(d, "[data-test=schedule-row]").text
    assert "14:30—17:00" in row and "工作室" in row and on_duty["delegation_name"] in row, row

    # 发布: confirmed first; the kiosk and the online studio show it from now on.
    click(d, "[data-test=schedule-publish]")
    box = visible(d, ".schedule-publish-confirm")
    assert "自助终端和网上工作室" in box.text, box.text
    click(d, ".schedule-publish-confirm .el-button--primary")
    wait_for(lambda: visible(d, "[data-test=schedule-state]").text == "已发布", what="the month published")
    wait_text(d, "接待安排已发布")

    # 打印海报: the preview, then 另存为 PDF (the test build saves to save_dir without asking).
    click(d, "[data-test=schedule-poster]")
    visible(d, "[data-test=print-pages] canvas[data-rendered]")
    wait_no_text(d, "正在显示")
    assert "A4 横向" in visible(d, "[data-test=print-preview] .print-preview__info").text
    shot(d, artifacts / "schedule-poster-preview.png")
    click(d, "[data-test=print-save]")
    wait_text(d, "已保存到")
    pdf = wait_saved(save_dir, "*.pdf")
    assert pdf.name == f"接待安排-{label}.pdf", pdf.name
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True).stdout
    flat = text.replace(" ", "")
    for value in [f"党代表工作室接待安排（{label}）", on_duty["name"], f"{day.month}月{day.day}日", "14:30—17:00"]:
        assert value in flat, f"{value} missing from the poster:\n{text}"
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    size = next(line for line in info.splitlines() if line.startswith("Page size"))
    width, height = (float(x) for x in size.split(":")[1].split("pts")[0].split("x"))
    assert width > height, f"the poster is landscape: {size}"
    subprocess.run(["pdftoppm", "-png", "-r", "50", str(pdf), str(artifacts / "schedule-poster")], check=True)
    click(d, "[data-test=print-close]")
    wait_for(lambda: not any(e.is_displayed() for e in d.find_elements(By.CSS_SELECTOR, "[data-test=print-preview]")),
             what="the preview to close")
    # Saving the poster of a published month is its printing: nothing is marked as changed.
    assert visible(d, "[data-test=schedule-state]").text == "已发布"
    assert "海报最近打印于" in visible(d, "[data-test=schedule-published]").text

    # 复制上月 into the next month: every working Tuesday gets the slot; the report says what was made.
    click(d, "[data-test=schedule-next]")
    following = month_after(target, 1)
    wait_for(lambda: visible(d, "[data-test=schedule-month]").text == f"{following.year}年{following.month}月",
             what="the month after")
    visible(d, "[data-test=schedule-empty]")
    click(d, "[data-test=schedule-copy]")
    visible(d, "[data-test=copy-dialog]")
    click(d, "[data-test=copy-run]")
    report = visible(d, "[data-test=copy-report]")
    wait_for(lambda: "已复制" in report.text, what="the copy report")
    shot(d, artifacts / "schedule-copy-report.png")
    click(d, "[data-test=copy-close]")
    wait_for(lambda: len(d.find_elements(By.CSS_SELECTOR, "[data-test=schedule-row]")) >= 4,
             what="the copied Tuesdays on the plan")
    rows = [r.text for r in d.find_elements(By.CSS_SELECTOR, "[data-test=schedule-row]")]
    assert all(on_duty["name"] in r and "周二" in r for r in rows if "周" in r), rows
    # 修改 opens the slot with its delegate by name.
    click(d, "[data-test=slot-edit]")
    visible(d, "[data-test=slot-dialog]")
    wait_for(lambda: [e.get_attribute("textContent").strip() for e in d.find_elements(
        By.CSS_SELECTOR, "[data-test=slot-delegates] .el-select__tags-text")] == [on_duty["name"]],
        what="the slot's delegate by name")
    click(d, "[data-test=slot-dialog] .el-dialog__footer .el-button:not(.el-button--primary)")
    wait_for(lambda: not any(e.is_displayed() for e in d.find_elements(By.CSS_SELECTOR, "[data-test=slot-dialog]")),
             what="the dialog to close")

    # 约见: registered today at 09:00–10:00 (clear of the demo's afternoon receptions).
    click(d, "[data-test=nav-appointments]")
    visible(d, "[data-test=ap-table]")
    click(d, "[data-test=ap-add]")
    visible(d, "[data-test=appointment-dialog]")
    type_into(d, "ap-person-name", "钱约见")
    type_into(d, "ap-person-phone", "13900002222")
    click(d, "[data-test=ap-consent] .el-checkbox")
    pick_in_select(d, "ap-delegate", met["name"])
    wait_for(lambda: dropdown_closed(d), what="the delegate chosen")
    type_into(d, "ap-topic", "反映新校区晚间班车太少，希望当面向党代表说明情况。")
    click(d, "[data-test=ap-save]")
    wait_text(d, "已登记约见")

    def my_row():
        for r in d.find_elements(By.CSS_SELECTOR, "[data-test=ap-table] .el-table__body-wrapper tbody tr"):
            if "钱约见" in r.text:
                return r
        return None

    row = wait_for(my_row, what="the new appointment in the list")
    assert "139****2222" in row.text and "13900002222" not in row.text, row.text
    assert "待确认" in row.text
    row.find_element(By.CSS_SELECTOR, "[data-test=ap-step-confirm]").click()
    wait_for(lambda: "已确认" in my_row().text, what="the appointment confirmed")
    shot(d, artifacts / "appointments.png")
    my_row().find_element(By.CSS_SELECTOR, "[data-test=ap-step-complete]").click()
    box = visible(d, ".ap-complete-confirm")
    assert "记录卡" in box.text
    click(d, ".ap-complete-confirm .el-button--primary")

    # The new record card, filled from the appointment: the channel 约见 is ticked.
    wait_for(lambda: "#/cards/" in d.execute_script("return location.hash"), what="the record card")
    wait_for(lambda: visible(d, "[data-test=cf-channel-appointment]").get_attribute("aria-checked") == "true",
             what="the channel 约见 ticked")
    assert visible(d, "[data-test=cf-person-name] input").get_attribute("value") == "钱约见"
    shot(d, artifacts / "appointment-card.png")

    # 工作台: 今日接待 (or the next reception day) and 本周接待.
    click(d, "[data-test=nav-dashboard]")
    visible(d, "[data-test=dash-duty]")
    wait_for(lambda: d.find_elements(By.CSS_SELECTOR, "[data-test=dash-today-slot], [data-test=dash-next-day]"),
             what="今日接待 or the next reception day")
    shot(d, artifacts / "dashboard-duty.png")
    d.execute_script("document.querySelector('[data-test=recent-changes]').scrollIntoView()")
    wait_text(d, "完成约见")
    shot(d, artifacts / "dashboard-recent.png")

    # 待分派: a visitor's message from the demo's kiosk is routed to a delegate.
    d.execute_script("document.querySelector('[data-test=tile-items-unrouted]').scrollIntoView()")
    waiting = int(visible(d, "[data-test=tile-items-unrouted] [data-test=dash-value]").text)
    if waiting:
        click(d, "[data-test=tile-items-unrouted]")
        wait_for(lambda: d.find_elements(By.CSS_SELECTOR, "[data-test=items-row]"), what="the unrouted items")
        shot(d, artifacts / "items-unrouted.png")
        d.find_elements(By.CSS_SELECTOR, "[data-test=items-row]")[0].click()
        click(d, "[data-test=item-route]")
        visible(d, "[data-test=route-dialog]")
        if not d.find_elements(By.CSS_SELECTOR, "[data-test=route-delegates] .el-select__tags-text"):
            pick_in_select(d, "route-delegates", met["name"])
            click(d, "[data-test=route-dialog] .el-dialog__title")
            wait_for(lambda: dropdown_closed(d), what="the dropdown to close")
        shot(d, artifacts / "item-route-dialog.png")
        click(d, "[data-test=route-confirm]")
        wait_text(d, "已分派给")
        visible(d, "[data-test=item-delegates]")
        kinds = [e.get_attribute("data-kind") for e in d.find_elements(By.CSS_SELECTOR, "[data-test=item-event]")]
        assert "routed" in kinds, kinds
        shot(d, artifacts / "item-routed.png")

    # 设置: the poster's 开放时间 and the kiosk's settings, with their limits.
    click(d, "[data-test=nav-settings]")
    visible(d, "[data-test=settings-opening-hours]")
    shot(d, artifacts / "settings-kiosk.png")
