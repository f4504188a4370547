"""The window's first screen from its opening status (issue 14: start at the floor): the backend hands
a new window its status before any page script (src-tauri/src/kiosk.rs `opening_script`), so the
first screen is built without an `app_status` round trip. Only at the window's first load: a
reloaded page asks the backend, since someone may have logged in (or out) since."""

from selenium.webdriver.common.by import By

from ui import enter, invoke, visible, wait_for, wait_text


def shown(d, selector):
    return any(e.is_displayed() for e in d.find_elements(By.CSS_SELECTOR, selector))


def test_first_screen_from_the_opening_status_and_a_reload_asks_again(app_factory, cli, workdir, artifacts):
    assert cli(workdir / "studio.db", "demo").returncode == 0
    session, d = app_factory(login=False)

    # The login with the demo hint, from the opening status: taken once, the flag kept for reloads.
    visible(d, "[data-test=login]")
    wait_text(d, "Demo2026")
    assert d.execute_script("return window.__STUDIO_OPENING__ === undefined")
    assert d.execute_script("return sessionStorage.getItem('studio-opened')") == "1"
    d.save_screenshot(str(artifacts / "opening-login.png"))

    # Logged in, then reloaded: the app's frame again, not the login the window opened with.
    enter(d)
    visible(d, "[data-test=nav-dashboard]")
    d.refresh()
    visible(d, "[data-test=nav-dashboard]")
    assert not shown(d, "[data-test=login]")

    # Logged out behind the page's back, then reloaded: the login again.
    status, _ = invoke(d, "auth_logout")
    assert status == "ok"
    d.refresh()
    visible(d, "[data-test=login]")
    wait_for(lambda: not shown(d, "[data-test=nav-dashboard]"), what="the frame gone after the logout")


def test_a_new_database_opens_at_the_first_administrator(app_factory):
    session, d = app_factory(login=False)
    visible(d, "[data-test=setup-admin]")
    assert not shown(d, "[data-test=login]")
