"""Accounts in the real window: nothing is reachable without a login (the demo database shows the
demo hint), the idle lock covers the window and keeps a half-typed card, a delegate sees only their
own cards (the backend refuses the rest even when asked directly), and the audit page lists the
logins and exports them."""

import csv
import json
import time

from selenium.webdriver.common.by import By

from ui import (
    ADMIN_PASSWORD,
    click,
    enter,
    invoke,
    menu_pick,
    page_text,
    type_into,
    visible,
    wait_for,
    wait_saved,
    wait_text,
)


def displayed(d, selector):
    return [e for e in d.find_elements(By.CSS_SELECTOR, selector) if e.is_displayed()]


def test_login_gate_and_idle_lock_keep_the_form(app_factory, cli, workdir, artifacts):
    db = workdir / "studio.db"
    r = cli(db, "demo")
    assert r.returncode == 0, r.stderr
    session, d = app_factory(login=False)

    # The login screen, with the demo hint; no screen behind it, even asked for by address.
    visible(d, "[data-test=login]")
    wait_text(d, "Demo2026")
    d.execute_script("window.location.hash = '#/cards'")
    time.sleep(1)
    assert displayed(d, "[data-test=login]"), "a screen was reachable without a login"
    assert not displayed(d, "[data-test=cards-table]")
    status, err = invoke(d, "cards_list", {"query": {}})
    assert status == "err" and err["code"] == "unauthenticated", err
    d.save_screenshot(str(artifacts / "login.png"))

    # A wrong password is refused in Chinese; the right one lets in.
    type_into(d, "login-name", "admin")
    type_into(d, "login-password", "wrong-pass-1")
    click(d, "[data-test=login-submit]")
    wait_text(d, "登录名或密码错误")
    enter(d)

    # 自动锁定 after one idle minute.
    status, s = invoke(d, "settings_get")
    assert status == "ok", s
    s["idle_lock_minutes"] = 1
    status, saved = invoke(d, "settings_save", {"input": s})
    assert status == "ok", saved
    d.refresh()
    visible(d, "[data-test=nav-cards]")

    click(d, "[data-test=nav-cards]")
    visible(d, "[data-test=cards-table]")
    click(d, "[data-test=cards-add]")
    text = "建议在南区食堂增设清真窗口（锁定前未保存）"
    type_into(d, "cf-opinion", text)

    lock = wait_for(lambda: displayed(d, "[data-test=lock-screen]"), timeout=150, what="the idle lock")
    d.save_screenshot(str(artifacts / "idle-lock.png"))
    # While locked the backend refuses work too.
    status, err = invoke(d, "cards_list", {"query": {}})
    assert status == "err" and err["code"] == "session_locked", err
    assert lock
    visible(d, "input[data-test=lock-password]").send_keys(ADMIN_PASSWORD)
    click(d, "[data-test=lock-unlock]")
    wait_for(lambda: not displayed(d, "[data-test=lock-screen]"), what="the window unlocked")
    opinion = visible(d, "[data-test=cf-opinion] textarea")
    assert opinion.get_attribute("value") == text


def test_a_delegate_sees_only_their_own_cards_and_the_audit_page(app_factory, cli, workdir, save_dir, artifacts):
    db = workdir / "studio.db"
    assert cli(db, "demo").returncode == 0
    users = json.loads(cli(db, "user", "list", "--json").stdout)
    me = next(u for u in users if u["login"] == "delegate")
    session, d = app_factory(login=False)
    enter(d, login="delegate")

    # No 设置, no 账号管理, no 审计 for a delegate.
    assert not displayed(d, "[data-test=nav-settings]")
    assert not displayed(d, "[data-test=nav-accounts]")
    assert not displayed(d, "[data-test=nav-audit]")
    status, page = invoke(d, "cards_list", {"query": {"page": {"page": 1, "page_size": 200}}})
    assert status == "ok", page
    assert page["items"], "the demo delegate has cards"
    assert {c["delegate_id"] for c in page["items"]} == {me["delegate_id"]}
    # Another delegate's card, asked for directly: refused.
    out = workdir / "cards.json"
    assert cli(db, "export", "cards", "--format", "json", "-o", str(out)).returncode == 0
    other = next(c for c in json.loads(out.read_text()) if c["delegate_id"] != me["delegate_id"])
    status, err = invoke(d, "card_get", {"id": other["id"]})
    assert status == "err" and err["code"] == "forbidden", err
    click(d, "[data-test=nav-cards]")
    visible(d, "[data-test=cards-table]")
    d.save_screenshot(str(artifacts / "delegate-cards.png"))

    # The administrator's audit page shows that refusal and the logins, and exports them.
    status, _ = invoke(d, "auth_logout")
    assert status == "ok"
    d.refresh()
    enter(d)
    click(d, "[data-test=nav-audit]")
    visible(d, "[data-test=audit-table]")
    wait_for(lambda: "登录" in page_text(d), what="login entries on the audit page")
    d.save_screenshot(str(artifacts / "audit.png"))
    # The menu zooms in: a plain click while it grows can land on the entry above (.xlsx).
    menu_pick(d, "[data-test=audit-export]", "[data-test=audit-export-csv]")
    f = wait_saved(save_dir, "*.csv")
    rows = list(csv.reader(f.read_text(encoding="utf-8-sig").splitlines()))
    assert rows[0][:3] == ["序号", "时间", "操作人"], rows[0]
    actions = {r[6] for r in rows[1:]}
    assert "登录" in actions and "拒绝访问" in actions, actions
