"""The online studio (`studio serve`) and the desktop on one database: a visitor leaves a message on
the web page 有事找代表 (a real HTTP client with the form's CSRF cookie and token, as a browser
sends it) and gets a query code; the server stops on SIGTERM; the desktop app opens the same
database and staff find the message in 意见台账 under 待分派 by its code with source 网上工作室.
The home page (when chromium is installed) and the staff list are saved as pictures (tests/artifacts/online-studio-*.png)."""

import http.cookiejar
import re
import shutil
import signal
import subprocess
import urllib.parse
import urllib.request

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from test_cards import no_loading
from ui import click, visible, wait_for

PHONE = "13912340000"


def serve(db):
    """Start `studio --db DB serve` on a free port; its address from the first line it prints."""
    from conftest import CLI

    p = subprocess.Popen(
        [CLI, "--db", str(db), "serve", "--addr", "127.0.0.1:0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    line = p.stdout.readline().strip()
    assert line.startswith("已启动：http://"), line
    return p, line.removeprefix("已启动：")


def test_an_online_message_waits_in_the_desktops_unrouted_list(app_factory, cli, workdir, artifacts):
    db = workdir / "studio.db"
    r = cli(db, "demo")
    assert r.returncode == 0, r.stderr
    server, base = serve(db)
    try:
        jar = http.cookiejar.CookieJar()
        web = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
        assert web.open(f"{base}/healthz").read() == b"ok"
        form = web.open(f"{base}/message").read().decode()
        assert "有事找代表" in form and "<script" not in form
        token = re.search(r'name="csrf" value="([0-9a-f]+)"', form).group(1)
        body = urllib.parse.urlencode(
            {
                "csrf": token,
                "name": "网上来信人",
                "phone": PHONE,
                "category": "hardship",
                "text": "研究生宿舍楼晚上热水供应时间太短，希望延长。",
                "consent": "1",
            }
        ).encode()
        receipt = web.open(f"{base}/message", data=body).read().decode()
        assert "已收到" in receipt, receipt
        code = re.search(r'<p class="code">([A-Z0-9-]+)</p>', receipt).group(1)
        for page in ["/", "/delegates", "/schedule", "/news", "/rules"]:
            text = web.open(f"{base}{page}").read().decode()
            assert PHONE not in text and "网上来信人" not in text, page
        if shutil.which("chromium"):  # the page as a visitor's browser shows it, where there is one
            subprocess.run(
                ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                 f"--screenshot={artifacts / 'online-studio-home.png'}", "--window-size=1280,900", f"{base}/"],
                capture_output=True, timeout=60,
            )
    finally:
        server.send_signal(signal.SIGTERM)
        assert server.wait(timeout=30) == 0

    # The desktop opens the database the server let go of; staff find the message by its code.
    session, d = app_factory()
    click(d, "[data-test=nav-items]")
    visible(d, "[data-test=items-table]")
    click(d, "[data-test=items-view-unrouted]")
    search = visible(d, "[data-test=items-search] input")
    search.send_keys(code)
    search.send_keys(Keys.ENTER)

    def the_row():
        rows = [r for r in d.find_elements(By.CSS_SELECTOR, "[data-test=items-table] tbody tr") if r.is_displayed()]
        return rows[0] if len(rows) == 1 and "网上工作室" in rows[0].text else None

    wait_for(the_row, what="the online message found by its code under 待分派")
    no_loading(d)
    d.save_screenshot(str(artifacts / "online-studio-staff-unrouted.png"))
