"""设置 → 关于本机 in the real window: the version (the same `studio --version` prints), the database
file the window has open and its schema version (the same `studio check` reports), the calendar data's
years, and the licence table with the print font and the main components."""

import re

from selenium.webdriver.common.by import By

from ui import click, visible, wait_for, wait_no_text


def test_about_tab(app_factory, workdir, artifacts, cli):
    session, d = app_factory()
    # A new database: the first start asks how to begin.
    click(d, "[data-test=setup-blank]")
    wait_no_text(d, "欢迎使用")
    click(d, "[data-test=nav-settings]")
    click(d, "#tab-about")
    version = visible(d, "[data-test=about-version]").text
    out = cli(workdir / "studio.db", "--version")
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == f"studio {version}"

    assert visible(d, "[data-test=about-db]").text == str(workdir / "studio.db")
    check = cli(workdir / "studio.db", "check")
    assert check.returncode == 0, check.stderr
    schema = visible(d, "[data-test=about-schema]").text
    assert re.search(rf"\b{schema}\b", check.stdout), (schema, check.stdout)

    calendar = visible(d, "[data-test=about-calendar]").text
    assert re.match(r"2004–20\d\d 年", calendar), calendar

    table = visible(d, "[data-test=about-licences]")
    wait_for(lambda: "Element Plus" in table.text, what="the licence table")
    for name, licence in [
        ("Noto Serif SC", "OFL-1.1"),
        ("Tauri", "Apache-2.0 OR MIT"),
        ("Vue", "MIT"),
        ("SQLite", "Public Domain"),
        ("printpdf", "MIT"),
    ]:
        # Each row's own text: WebKit gives the table's visible text without line breaks.
        rows = [
            (r.get_attribute("textContent") or "").strip()
            for r in table.find_elements(By.CSS_SELECTOR, "tr")
        ]
        row = next((r for r in rows if r.startswith(name)), "")
        assert licence in row, (name, table.text)
    d.save_screenshot(str(artifacts / "settings-about.png"))
