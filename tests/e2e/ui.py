"""Small helpers for driving Element Plus widgets through WebDriver."""

import time

from selenium.common.exceptions import (
    ElementClickInterceptedException,
    ElementNotInteractableException,
    NoSuchElementException,
    StaleElementReferenceException,
)
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

TIMEOUT = 15
# Loading the demo data writes a few thousand rows in the debug build: allow for a busy machine.
DEMO_TIMEOUT = 120


def wait_for(fn, timeout=TIMEOUT, what="condition"):
    """Poll `fn` until it returns something truthy; fail with `what` after `timeout` seconds."""
    deadline = time.time() + timeout
    last = None
    while time.time() < deadline:
        try:
            v = fn()
            if v:
                return v
        except (NoSuchElementException, StaleElementReferenceException) as e:
            last = e
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what} ({last})")


def css(driver, selector):
    return driver.find_element(By.CSS_SELECTOR, selector)


def visible(driver, selector):
    def find():
        for el in driver.find_elements(By.CSS_SELECTOR, selector):
            if el.is_displayed():
                return el
        return None

    return wait_for(find, what=f"visible {selector}")


def click(driver, selector):
    def go():
        try:
            visible(driver, selector).click()
            return True
        except (ElementClickInterceptedException, ElementNotInteractableException):
            return False  # covered by a closing popper or still animating in: try again

    wait_for(go, what=f"click {selector}")


def _rect(el):
    r = el.rect
    return (round(r["x"]), round(r["y"]), round(r["width"]), round(r["height"]))


def menu_pick(driver, trigger, item, attempts=4):
    """Open an el-dropdown by clicking `trigger`, then click its entry `item`. The menu zooms in:
    a click while it still grows lands on the entry above (a disabled one, or the divider) and is
    lost, so wait until the entry stops moving, and click again when the menu is still open (an
    entry's click closes it)."""
    for _ in range(attempts):
        if not any(e.is_displayed() for e in driver.find_elements(By.CSS_SELECTOR, item)):
            click(driver, trigger)
        el = visible(driver, item)
        last = None
        for _ in range(30):
            now = _rect(el)
            if now == last:
                break
            last = now
            time.sleep(0.05)
        try:
            el.click()
        except (ElementClickInterceptedException, ElementNotInteractableException, StaleElementReferenceException):
            continue
        try:
            wait_for(lambda: not any(e.is_displayed() for e in driver.find_elements(By.CSS_SELECTOR, item)),
                     timeout=3, what=f"the menu to close after {item}")
            return
        except AssertionError:
            continue
    raise AssertionError(f"menu entry {item} never took the click")


def type_into(driver, test_id, text, clear=True):
    # An el-input puts its attributes on the inner <input> or <textarea>; a wrapper may carry them.
    el = visible(
        driver,
        f"[data-test={test_id}] input, [data-test={test_id}] textarea, input[data-test={test_id}], "
        f"textarea[data-test={test_id}]",
    )
    if clear:
        el.send_keys(Keys.CONTROL, "a")
        el.send_keys(Keys.DELETE)
    el.send_keys(text)
    return el


def choose(driver, test_id, option_text, attempts=4):
    """Open an el-select and click the option with this text. A click that lands while a dialog is
    still animating in does not open the dropdown: click again (a second click on an open, empty
    dropdown closes it, and the next opens it with fresh options). Never Escape: that closes dialogs."""

    def pick():
        for el in driver.find_elements(By.CSS_SELECTOR, ".el-select-dropdown__item"):
            if el.is_displayed() and el.text.strip() == option_text:
                try:
                    el.click()
                except (ElementNotInteractableException, ElementClickInterceptedException):
                    return False  # the dropdown is still sliding in: try again on the next poll
                return True
        return False

    for attempt in range(attempts):
        click(driver, f"[data-test={test_id}]")
        try:
            wait_for(pick, timeout=3, what=f"option {option_text} in {test_id}")
            # A click on an option still sliding in can land beside it: the select must show it.
            wait_for(
                lambda: option_text in driver.find_element(By.CSS_SELECTOR, f"[data-test={test_id}]").text,
                timeout=2,
                what=f"{option_text} chosen in {test_id}",
            )
            return
        except AssertionError:
            if attempt == attempts - 1:
                raise
            time.sleep(0.3)


def page_text(driver):
    return driver.find_element(By.TAG_NAME, "body").text


def wait_text(driver, text, timeout=TIMEOUT):
    wait_for(lambda: text in page_text(driver), timeout, what=f"text {text!r}")


def wait_no_text(driver, text, timeout=TIMEOUT):
    wait_for(lambda: text not in page_text(driver), timeout, what=f"text {text!r} to go")


def invoke(driver, command, args=None, timeout=30):
    """Call a backend command the way the page does (`window.__TAURI_INTERNALS__.invoke`): a second
    writer beside the window's own forms. Returns ("ok", value) or ("err", the rejected payload)."""
    driver.set_script_timeout(timeout)
    out = driver.execute_async_script(
        """
        const [command, args, done] = arguments;
        window.__TAURI_INTERNALS__.invoke(command, args).then(
          (value) => done({ ok: true, value: value === undefined ? null : value }),
          (error) => done({ ok: false, error }),
        );
        """,
        command,
        args or {},
    )
    return ("ok", out["value"]) if out["ok"] else ("err", out["error"])


def wait_saved(folder, pattern, timeout=60):
    """The finished file matching `pattern` in `folder` (the app writes a hidden temporary file first
    and renames it when complete)."""

    def find():
        return next((p for p in sorted(folder.glob(pattern)) if not p.name.startswith(".")), None)

    return wait_for(find, timeout, what=f"{pattern} in {folder}")


# The administrator every test logs in as: created on the first start's form, or by `studio demo`
# (whose demo accounts all have this password).
ADMIN_LOGIN = "admin"
ADMIN_PASSWORD = "Demo2026"


def enter(driver, login=ADMIN_LOGIN, password=ADMIN_PASSWORD):
    """Get past the gate: on a new database create the administrator's account, otherwise log in.
    Returns which it was ("setup" or "login")."""

    def gate():
        for which in ("setup-admin", "login"):
            for el in driver.find_elements(By.CSS_SELECTOR, f"[data-test={which}]"):
                if el.is_displayed():
                    return which
        return None

    which = wait_for(gate, timeout=60, what="the setup or login screen")
    if which == "setup-admin":
        type_into(driver, "setup-login", login)
        type_into(driver, "setup-name", "测试管理员")
        type_into(driver, "setup-password", password)
        type_into(driver, "setup-confirm", password)
        click(driver, "[data-test=setup-submit]")
    else:
        type_into(driver, "login-name", login)
        type_into(driver, "login-password", password)
        click(driver, "[data-test=login-submit]")
    wait_for(
        lambda: not any(
            el.is_displayed()
            for el in driver.find_elements(By.CSS_SELECTOR, "[data-test=setup-admin], [data-test=login]")
        ),
        timeout=30,
        what="the app after logging in",
    )
    return which
