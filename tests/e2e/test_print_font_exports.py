"""设置 → 打印字体 and the list exports of 工作室动态, 联络员与志愿者, 活动调研 and 提议 in the real window
(issues 14 and 12). A TrueType font (WenQuanYi Zen Hei; the test build opens STUDIO_E2E_OPEN_FILE
instead of the native dialog) becomes the print font: 设置 names it, the CLI prints a card in it
(pdffonts), and 恢复默认字体 brings back the shipped 思源宋体. Each of the four lists exports as CSV
(UTF-8 with BOM) with one line per record, as many as `studio export` gives. Screens saved as
tests/artifacts/settings-print-font*.png."""

import csv
import io
import json
import subprocess
from pathlib import Path

import pytest

from test_cards import no_loading
from ui import click, type_into, visible, wait_for, wait_saved, wait_text

FONT = Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc")
JOB_TIMEOUT = 120


def read_csv(path):
    raw = path.read_bytes()
    assert raw[:3] == b"\xef\xbb\xbf", "CSV starts with a byte-order mark"
    return list(csv.reader(io.StringIO(raw[3:].decode("utf-8"), newline="")))


def pdffonts(pdf):
    return subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout


def test_print_font(app_factory, cli, workdir, artifacts):
    if not FONT.exists():
        pytest.skip("本机没有 TrueType 中文字体 fonts-wqy-zenhei（见 scripts/lib/common.sh 的测试软件包）")
    db = workdir / "studio.db"
    assert cli(db, "demo").returncode == 0
    _, d = app_factory(open_file=FONT)

    click(d, "[data-test=nav-settings]")
    click(d, "#tab-font")
    name = visible(d, "[data-test=print-font-name]")
    wait_for(lambda: "思源宋体" in name.text, what="the shipped font named")
    visible(d, "[data-test=print-font-default-tag]")

    click(d, "[data-test=print-font-choose]")
    wait_for(lambda: "文泉驿正黑" in d.find_element("css selector", "[data-test=print-font-name]").text,
             timeout=60, what="the chosen font named")
    d.save_screenshot(str(artifacts / "settings-print-font.png"))
    shown = cli(db, "font", "show")
    assert "文泉驿正黑" in shown.stdout, shown.stdout + shown.stderr
    blank = workdir / "blank.pdf"
    assert cli(db, "card", "blank", "-o", str(blank)).returncode == 0
    fonts = pdffonts(blank)
    assert "WenQuanYiZenHei" in fonts and "CID TrueType" in fonts, fonts

    click(d, "[data-test=print-font-reset]")
    wait_for(lambda: "思源宋体" in d.find_element("css selector", "[data-test=print-font-name]").text,
             what="the shipped font again")
    assert cli(db, "card", "blank", "-o", str(blank)).returncode == 0
    assert "NotoSerifSC" in pdffonts(blank)
    d.save_screenshot(str(artifacts / "settings-print-font-default.png"))


def export_list(d, save_dir, nav, test, said, pattern, reason=False):
    click(d, f"[data-test=nav-{nav}]")
    no_loading(d)
    click(d, f"[data-test={test}]")
    click(d, f"[data-test={test}-format-csv]")
    click(d, f"[data-test={test}-ok]")
    if reason:
        type_into(d, "export-reason", "端到端测试导出")
        click(d, "[data-test=export-ok]")
    wait_text(d, said, timeout=JOB_TIMEOUT)
    return read_csv(wait_saved(save_dir, pattern))


def test_news_volunteers_activities_proposals_export(app_factory, cli, workdir, save_dir):
    db = workdir / "studio.db"
    assert cli(db, "demo").returncode == 0
    counts = {}
    for what in ("news", "volunteers", "activities", "proposals"):
        out = workdir / f"{what}.json"
        r = cli(db, "export", what, "--format", "json", "-o", str(out), "--reason", "对照")
        assert r.returncode == 0, r.stderr
        counts[what] = len(json.loads(out.read_text()))
        assert counts[what] > 0, what
    _, d = app_factory()

    rows = export_list(d, save_dir, "news", "news-export", f"已导出 {counts['news']} 条工作室动态",
                       "工作室动态-全部-*.csv")
    assert rows[0][:2] == ["日期", "标题"] and len(rows) == counts["news"] + 1
    rows = export_list(d, save_dir, "volunteers", "volunteers-export",
                       f"已导出 {counts['volunteers']} 名联络员和志愿者", "联络员与志愿者-*.csv", reason=True)
    assert len(rows) == counts["volunteers"] + 1
    rows = export_list(d, save_dir, "activities", "ac-export", f"已导出 {counts['activities']} 次活动",
                       "活动调研-全部-*.csv")
    assert len(rows) == counts["activities"] + 1
    rows = export_list(d, save_dir, "proposals", "pr-export", f"已导出 {counts['proposals']} 件提议",
                       "提议-全部-*.csv")
    assert len(rows) == counts["proposals"] + 1
