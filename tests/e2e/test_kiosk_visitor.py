"""A visitor at the kiosk (自助终端), in the real window under openbox, as on a studio PC: 有事找代表
refuses to send without the consent and puts the backend's messages beside the fields, then sends
and shows the query code large, and 打印回执 hands the slip to the system's PDF viewer (a stand-in
`xdg-open` here records what it was given); a staff member logs in through the corner, finds the
message in 意见台账 under 待分派 by its code with source 自助终端, routes it to the delegate the
visitor chose and records an answer, and logs out back to the kiosk; 查询进度 with the code (typed in
lower case, without its dash) and the phone's last four digits shows the answer, and a wrong digit
gets the one message. Every screen is saved as a picture (tests/artifacts/kiosk-visitor-*.png):
今日接待, 代表风采 (with photos the staff member set), 接访安排, 工作室简介, 约见党代表's three steps and
its code."""

import base64
import os
import struct
import subprocess
import time
import zlib
from pathlib import Path

from selenium.common.exceptions import ElementClickInterceptedException, ElementNotInteractableException
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from test_cards import no_loading
from test_items import act, status_is
from test_kiosk import at_kiosk_home, displayed, logout, long_press_login, openbox  # noqa: F401 (fixture)
from ui import click, invoke, page_text, visible, wait_for

ANSWER = "后勤管理处已安排南区食堂晚间增开两个窗口，供应至晚上八点半。"
PHONE = "139 8765 4321"


def field(d, test_id):
    """An el-input's input or textarea (Element Plus puts `data-test` on it)."""
    return visible(d, f"input[data-test={test_id}], textarea[data-test={test_id}], [data-test={test_id}] input, [data-test={test_id}] textarea")


def fill(d, test_id, text):
    el = field(d, test_id)
    el.send_keys(Keys.CONTROL, "a")
    el.send_keys(Keys.DELETE)
    el.send_keys(text)
    return el


def shot(d, artifacts, name):
    time.sleep(0.6)  # photos and fonts settle
    path = artifacts / f"kiosk-visitor-{name}.png"
    d.save_screenshot(str(path))
    return path


def open_screen(d, key):
    click(d, f"[data-test=kiosk-tile-{key}]")
    visible(d, f"[data-test=kiosk-screen-{key}]")
    wait_for(lambda: not displayed(d, "[data-test=kiosk-loading]"), what=f"{key} loaded")
    assert not displayed(d, "[data-test=kiosk-load-error]"), page_text(d)


def home(d):
    click(d, "[data-test=kiosk-home-button]")
    at_kiosk_home(d)


def no_overflow(d, what):
    """Nothing on the screen is wider than the window (no sideways scrolling on a touch screen)."""
    wide = d.execute_script("const m = document.querySelector('.kiosk__main'); return [m.scrollWidth, m.clientWidth]")
    assert wide[0] <= wide[1], f"{what}: content {wide[0]} px wide in {wide[1]} px"


def portrait_png(w=240, h=300, hue=(183, 28, 28)):
    """A small portrait-like picture (a head and shoulders on a light ground) as PNG bytes."""
    rows = []
    for y in range(h):
        row = bytearray([0])
        for x in range(w):
            head = (x - w / 2) ** 2 + (y - h * 0.38) ** 2 < (w * 0.2) ** 2
            body = y > h * 0.66 and abs(x - w / 2) < w * 0.42 - (h - y) * 0.3
            if head or body:
                row += bytes(hue)
            else:
                g = 236 - y // 12
                row += bytes((g, g - 6, g - 10))
        rows.append(bytes(row))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    ihdr = struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"".join(rows))) + chunk(b"IEND", b"")


def test_kiosk_visitor_message_answered_and_every_screen(app_factory, cli, workdir, artifacts, openbox):  # noqa: F811
    r = cli(workdir / "studio.db", "demo")
    assert r.returncode == 0, r.stderr
    # The system's PDF viewer: a stand-in that notes what it was asked to open.
    fake_bin = workdir / "bin"
    fake_bin.mkdir()
    opened = workdir / "opened.txt"
    viewer = fake_bin / "xdg-open"
    viewer.write_text(f'#!/bin/sh\nprintf "%s\\n" "$1" >> "{opened}"\n')
    viewer.chmod(0o755)
    session, d = app_factory(login=False, args=["--kiosk"], env={"PATH": f"{fake_bin}:{os.environ['PATH']}"})
    at_kiosk_home(d, timeout=60)
    shot(d, artifacts, "home")

    # ---- 有事找代表 ----
    open_screen(d, "message")
    no_overflow(d, "有事找代表")
    shot(d, artifacts, "message-empty")
    fill(d, "kiosk-message-name", "赵小明")
    fill(d, "kiosk-message-phone", "12345")
    click(d, "[data-test=kiosk-message-category-hardship]")
    fill(d, "kiosk-message-text", "南区食堂晚餐窗口太少，排队要二十分钟，希望增开窗口。")
    # Without the consent nothing is sent: the box and the button say why.
    click(d, "[data-test=kiosk-message-send]")
    assert "请先勾选同意" in visible(d, "[data-test=kiosk-error-consent]").text
    assert "同意" in visible(d, "[data-test=kiosk-message-why]").text
    shot(d, artifacts, "message-no-consent")
    # With it, the backend's message lands beside the phone.
    click(d, "[data-test=kiosk-message-consent]")
    click(d, "[data-test=kiosk-message-send]")
    phone_error = visible(d, "[data-field=phone] [data-test=kiosk-error-phone]").text
    assert phone_error, "no message beside the phone"
    assert not displayed(d, "[data-test=kiosk-receipt]")
    shot(d, artifacts, "message-field-error")
    fill(d, "kiosk-message-phone", PHONE)
    wait_for(lambda: not displayed(d, "[data-test=kiosk-error-phone]"), what="the phone's message to go")
    # A delegate chosen from the public profiles, on a screen of its own.
    click(d, "[data-test=kiosk-message-delegate]")
    visible(d, "[data-test=kiosk-picker]")
    shot(d, artifacts, "message-pick")
    tile = visible(d, ".picker__grid button[data-test^=kiosk-pick-]:not([data-test=kiosk-pick-none])")
    chosen_id = tile.get_attribute("data-test").removeprefix("kiosk-pick-")
    chosen_name = tile.find_element(By.CSS_SELECTOR, ".picker__name").text.strip()
    tile.click()
    assert visible(d, "[data-test=kiosk-message-delegate-name]").text.strip() == chosen_name
    assert field(d, "kiosk-message-name").get_attribute("value") == "赵小明", "the form was lost"
    click(d, "[data-test=kiosk-message-publish]")
    shot(d, artifacts, "message-filled")
    click(d, "[data-test=kiosk-message-send]")
    code = visible(d, "[data-test=kiosk-receipt-code]").text.strip()
    assert len(code) == 9 and code[4] == "-", code
    item_no = d.execute_script("return document.querySelector('[data-test=kiosk-receipt] dd').textContent.trim()")
    assert item_no, "no item number on the receipt"
    no_overflow(d, "回执")
    shot(d, artifacts, "message-receipt")
    # 打印回执: the slip goes to the system's viewer (no dialog of ours).
    click(d, "[data-test=kiosk-receipt-print]")
    wait_for(lambda: opened.exists() and opened.read_text().strip(), what="the slip handed to the viewer")
    slip = Path(opened.read_text().strip().splitlines()[-1])
    assert slip.name.startswith("回执-") and slip.suffix == ".pdf", slip
    assert slip.read_bytes().startswith(b"%PDF"), slip
    slip_text = subprocess.run(["pdftotext", "-layout", str(slip), "-"], capture_output=True, text=True).stdout
    assert code in slip_text and item_no in slip_text and "困难帮扶请求" in slip_text, slip_text
    for private in ["赵小明", "13987654321", "4321", "食堂"]:
        assert private not in slip_text, f"{private} on the slip"
    subprocess.run(["pdftoppm", "-png", "-r", "90", "-singlefile", str(slip), str(artifacts / "kiosk-visitor-slip")], check=True)
    assert "打印" in visible(d, "[data-test=kiosk-receipt-print-note]").text
    click(d, "[data-test=kiosk-receipt-done]")
    at_kiosk_home(d)

    # ---- staff: find it under 待分派 by its code, route it, answer it ----
    long_press_login(d)
    click(d, "[data-test=nav-items]")
    visible(d, "[data-test=items-table]")
    click(d, "[data-test=items-view-unrouted]")
    search = visible(d, "[data-test=items-search] input")
    search.send_keys(code.lower().replace("-", ""))
    search.send_keys(Keys.ENTER)

    def the_row():
        rows = [r for r in d.find_elements(By.CSS_SELECTOR, "[data-test=items-table] tbody tr") if r.is_displayed()]
        return rows[0] if len(rows) == 1 and item_no in rows[0].text else None

    row = wait_for(the_row, what="the kiosk item found by its code under 待分派")
    assert "自助终端" in row.text, row.text
    no_loading(d)
    d.save_screenshot(str(artifacts / "kiosk-visitor-staff-unrouted.png"))

    def open_row():
        try:
            the_row().find_element(By.CSS_SELECTOR, "[data-test=items-row]").click()
            return True
        except (ElementClickInterceptedException, ElementNotInteractableException, AttributeError):
            return False  # the list still loading over it

    wait_for(open_row, what="the item opened")
    status_is(d, "受理")
    assert "自助终端" in page_text(d)
    assert visible(d, "[data-test=item-unrouted]").text.strip() == "待分派"
    click(d, "[data-test=item-route]")
    visible(d, "[data-test=route-dialog]")
    assert chosen_name in visible(d, "[data-test=route-requested]").text
    click(d, "[data-test=route-confirm]")
    wait_for(lambda: chosen_name in visible(d, "[data-test=item-delegates]").text, what="the item routed")
    act(d, "answer", fields=[("action-field-answer", ANSWER)])
    status_is(d, "已答复")

    # While here: photos for a few public delegates, so the kiosk shows some.
    status, groups = invoke(d, "kiosk_delegate_profiles")
    assert status == "ok", groups
    photo = base64.b64encode(portrait_png()).decode()
    for g in groups[:3]:
        for p in g["delegates"][:2]:
            status, full = invoke(d, "delegate_get", {"id": p["id"]})
            assert status == "ok", full
            status, saved = invoke(d, "delegate_set_photo", {"id": p["id"], "version": full["version"], "dataBase64": photo})
            assert status == "ok", saved
    # …and the studio's hotline (工作室简介 and the slip show it).
    status, settings = invoke(d, "settings_get")
    assert status == "ok", settings
    settings["hotline"] = "0536-8785000"
    status, saved = invoke(d, "settings_save", {"input": settings})
    assert status == "ok", saved
    logout(d)
    at_kiosk_home(d, timeout=30)

    # ---- 查询进度: the answer; a wrong digit gets the one message ----
    open_screen(d, "progress")
    shot(d, artifacts, "progress-empty")
    fill(d, "kiosk-progress-code", code.lower().replace("-", ""))
    assert field(d, "kiosk-progress-code").get_attribute("value") == code.replace("-", ""), "not in capitals as typed"
    fill(d, "kiosk-progress-digits", "4320")
    click(d, "[data-test=kiosk-progress-submit]")
    assert visible(d, "[data-test=kiosk-progress-error]").text.strip() == "查询码或手机号后四位不正确"
    shot(d, artifacts, "progress-wrong")
    fill(d, "kiosk-progress-digits", "4321")
    click(d, "[data-test=kiosk-progress-submit]")
    assert visible(d, "[data-test=kiosk-progress-status]").text.strip() == "已答复"
    assert ANSWER in visible(d, "[data-test=kiosk-progress-answer]").text
    shot(d, artifacts, "progress-answer")
    click(d, "[data-test=kiosk-progress-done]")
    at_kiosk_home(d)

    # ---- the screens to read ----
    open_screen(d, "today")
    wait_for(lambda: displayed(d, "[data-test=kiosk-today-slots], [data-test=kiosk-today-none]"), what="今日接待")
    no_overflow(d, "今日接待")
    shot(d, artifacts, "today")
    home(d)

    open_screen(d, "delegates")
    cards = wait_for(lambda: displayed(d, "[data-test=kiosk-delegate]"), what="代表风采")
    assert cards, "no delegates shown"
    wait_for(lambda: displayed(d, "[data-test=kiosk-delegate] img"), what="a photo on 代表风采")
    no_overflow(d, "代表风采")
    shot(d, artifacts, "delegates")
    home(d)

    open_screen(d, "schedule")
    wait_for(lambda: displayed(d, "[data-test=kiosk-plan-day]"), what="接访安排")
    no_overflow(d, "接访安排")
    shot(d, artifacts, "schedule")
    home(d)

    open_screen(d, "about")
    assert visible(d, "[data-test=kiosk-about-intro]").text
    assert "0536-8785000" in visible(d, "[data-test=kiosk-about-hotline]").text
    no_overflow(d, "工作室简介")
    shot(d, artifacts, "about")
    home(d)

    # ---- 约见党代表: three steps, a code ----
    open_screen(d, "appointment")
    visible(d, "[data-test=kiosk-picker]")
    shot(d, artifacts, "appointment-1-delegate")
    click(d, f"[data-test=kiosk-pick-{chosen_id}]")
    visible(d, "[data-test=kiosk-appointment-next]")
    # The last day offered: beyond the published plan, so no duty slot is in the way.
    displayed(d, "[data-test^=kiosk-day-]")[0].click()
    shot(d, artifacts, "appointment-2-time-this-month")
    months = [e.get_attribute("data-test") for e in displayed(d, "[data-test^=kiosk-request-month-]")]
    click(d, f"[data-test={months[-1]}]")
    days = displayed(d, "[data-test^=kiosk-day-]")
    days[-1].click()
    click(d, "[data-test=kiosk-period-afternoon]")
    no_overflow(d, "约见 · 时间")
    shot(d, artifacts, "appointment-2-time")
    click(d, "[data-test=kiosk-appointment-next]")
    fill(d, "kiosk-appointment-name", "钱小红")
    fill(d, "kiosk-appointment-phone", "13600001111")
    fill(d, "kiosk-appointment-topic", "想当面反映实验室夜间安全管理的问题")
    click(d, "[data-test=kiosk-appointment-consent]")
    no_overflow(d, "约见 · 信息")
    shot(d, artifacts, "appointment-3-form")
    for attempt in range(3):
        click(d, "[data-test=kiosk-appointment-send]")
        wait_for(lambda: displayed(d, "[data-test=kiosk-receipt-code], [data-test=kiosk-error-summary]"), what="the request sent")
        if displayed(d, "[data-test=kiosk-receipt-code]"):
            break
        # The delegate is on duty then (the plan reaches this far): an earlier day, the morning.
        print("约见 refused:", visible(d, "[data-test=kiosk-error-summary]").text)
        click(d, ".summary__change")
        displayed(d, "[data-test^=kiosk-day-]")[-2 - attempt].click()
        click(d, "[data-test=kiosk-period-morning]")
        click(d, "[data-test=kiosk-appointment-next]")
    a_code = visible(d, "[data-test=kiosk-receipt-code]").text.strip()
    assert len(a_code) == 9 and a_code != code, a_code
    assert chosen_name in visible(d, "[data-test=kiosk-receipt]").text
    shot(d, artifacts, "appointment-receipt")
    click(d, "[data-test=kiosk-receipt-done]")
    at_kiosk_home(d)
    status, progress = invoke(d, "kiosk_query_progress", {"code": a_code, "phoneLast4": "1111"})
    assert status == "ok" and progress["status_label"] == "待确认", progress
