"""工作室动态, 上墙制度, 联络员与志愿者 and 经费 in the real window, on the demo data: a news post with
typed HTML is written and published (the backend's preview shows the HTML as text, never as markup);
the 工作制度 wall document is previewed and saved as an A4 portrait PDF that poppler reads back; the
volunteers' registry masks contacts; a spending entry changes the year's statement by exactly its
amount. Screenshots go to tests/artifacts/."""

import subprocess
import time

from selenium.webdriver.common.by import By

from test_cards import no_loading
from ui import DEMO_TIMEOUT, click, invoke, type_into, visible, wait_for, wait_no_text, wait_saved, wait_text


def shot(d, path):
    no_loading(d)
    time.sleep(0.6)
    d.save_screenshot(str(path))


def test_news_wall_volunteers_and_funds(app_factory, save_dir, artifacts):
    session, d = app_factory()
    try:
        run(d, save_dir, artifacts)
    except Exception:
        d.save_screenshot(str(artifacts / "studio-records-failure.png"))
        raise


def run(d, save_dir, artifacts):
    click(d, "[data-test=setup-demo]")
    wait_text(d, "已载入演示数据", timeout=DEMO_TIMEOUT)

    # 工作室动态: the demo's posts, one a draft.
    click(d, "[data-test=nav-news]")
    wait_for(lambda: d.find_elements(By.CSS_SELECTOR, "[data-test=news-row-title]"), what="the news list")
    def states():
        # textContent: a tag still fading in reads as "" through WebDriver's visible text.
        found = d.find_elements(By.CSS_SELECTOR, "[data-test=news-row-status]")
        return [(e.get_attribute("textContent") or "").strip() for e in found]

    wait_for(lambda: "草稿" in states() and "已发布" in states(), what=f"a draft and published posts {states()}")

    # A new post whose body carries HTML: the preview shows it as text.
    click(d, "[data-test=news-new]")
    visible(d, "[data-test=news-dialog]")
    type_into(d, "news-title", "党代表接待日走进图书馆")
    type_into(d, "news-body", "## 接待情况\n**顺利**<script>alert(1)</script>")
    wait_for(lambda: "<script>alert(1)</script>" in visible(d, "[data-test=markdown-preview]").text,
             what="the typed HTML shown as text")
    preview = visible(d, "[data-test=markdown-preview]")
    assert preview.find_elements(By.CSS_SELECTOR, "h2") and preview.find_elements(By.CSS_SELECTOR, "strong")
    assert not preview.find_elements(By.CSS_SELECTOR, "script")
    click(d, "[data-test=news-published] .el-switch")
    shot(d, artifacts / "news-dialog.png")
    click(d, "[data-test=news-save]")
    wait_text(d, "已保存并发布")
    wait_for(lambda: visible(d, "[data-test=news-row-title]").text == "党代表接待日走进图书馆", what="the new post first")
    ok, public = invoke(d, "news_published", {"page": {"page": 1, "page_size": 20}})
    assert ok == "ok", public
    mine = next(p for p in public["items"] if p["title"] == "党代表接待日走进图书馆")
    assert "&lt;script&gt;" in mine["html"] and "<script>" not in mine["html"], mine["html"]

    # 上墙制度: 工作制度 from the source document, printed as an A4 portrait poster.
    click(d, "[data-test=nav-wall]")
    wait_for(lambda: visible(d, "[data-test=wall-doc-title]").text == "党代表工作室工作制度", what="the rules")
    assert "谁接待、谁跟踪、谁负责" in visible(d, "[data-test=wall-doc-body]").text
    click(d, "[data-test=wall-kind-roster]")
    wait_for(lambda: visible(d, "[data-test=wall-doc-title]").text == "党代表名册", what="the roster")
    assert "代表团" in visible(d, "[data-test=wall-doc-body]").text
    shot(d, artifacts / "wall-roster.png")
    click(d, "[data-test=wall-kind-rules]")
    wait_for(lambda: visible(d, "[data-test=wall-doc-title]").text == "党代表工作室工作制度", what="the rules again")
    click(d, "[data-test=wall-print]")
    visible(d, "[data-test=print-pages] canvas[data-rendered]")
    wait_no_text(d, "正在显示")
    assert "A4 纵向" in visible(d, "[data-test=print-preview] .print-preview__info").text
    click(d, "[data-test=print-save]")
    wait_text(d, "已保存到")
    pdf = wait_saved(save_dir, "*.pdf")
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    for value in ["党代表工作室工作制度", "一、接待制度", "六、台账管理制度"]:
        assert value in text, f"{value} missing:\n{text}"
    subprocess.run(["pdftoppm", "-png", "-r", "50", "-f", "1", "-l", "1", str(pdf), str(artifacts / "wall-rules")],
                   check=True)
    click(d, "[data-test=print-close]")

    # 联络员与志愿者: liaison officers first, contacts masked.
    click(d, "[data-test=nav-volunteers]")
    wait_for(lambda: d.find_elements(By.CSS_SELECTOR, "[data-test=volunteer-row-contact]"), what="the registry")
    contacts = [e.text for e in d.find_elements(By.CSS_SELECTOR, "[data-test=volunteer-row-contact]")]
    assert contacts and all("****" in c for c in contacts), contacts
    assert "联络员" in visible(d, "[data-test=volunteers-table] .el-table__row").text
    shot(d, artifacts / "volunteers.png")

    # 经费: a spending entry of ¥12.34 raises the year's total spent by exactly 1234 fen.
    click(d, "[data-test=nav-funds]")
    visible(d, "[data-test=funds-statement]")
    year = int(visible(d, "[data-test=funds-year] input").get_attribute("value"))
    ok, before = invoke(d, "funds_statement", {"year": year})
    assert ok == "ok", before
    click(d, "[data-test=funds-new]")
    visible(d, "[data-test=spending-dialog]")
    type_into(d, "spending-purpose", "接待日茶水")
    type_into(d, "spending-amount", "12.345")
    click(d, "[data-test=spending-save]")
    wait_text(d, "两位小数")
    type_into(d, "spending-amount", "12.34")
    click(d, "[data-test=spending-save]")
    wait_text(d, "已保存")
    ok, after = invoke(d, "funds_statement", {"year": year})
    assert after["total"]["spent_fen"] - before["total"]["spent_fen"] == 1234, (before["total"], after["total"])
    shot(d, artifacts / "funds.png")
