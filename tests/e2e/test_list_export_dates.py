"""提议 and 工作室动态 exported as Excel from the real window (issue 8): one backend command for the dated
lists (`dated_list_export`, the list named), and each day a real Excel date, not text: the cell holds
a serial number in a `yyyy-mm-dd` format, the record's own day (compared with `studio export … --format
json`). Read with the standard library (the workbook is a zip of XML)."""

import datetime
import json
import re
import zipfile

from test_cards import no_loading
from ui import click, wait_saved, wait_text

JOB_TIMEOUT = 120
EXCEL_EPOCH = datetime.date(1899, 12, 30)


def date_cells(xlsx, column):
    """The cells of `column` (a letter) below the header: (serial number, number format) each."""
    with zipfile.ZipFile(xlsx) as z:
        sheet = z.read("xl/worksheets/sheet1.xml").decode("utf-8")
        styles = z.read("xl/styles.xml").decode("utf-8")
    formats = dict(re.findall(r'<numFmt numFmtId="(\d+)" formatCode="([^"]*)"', styles))
    xfs = re.search(r"<cellXfs[^>]*>(.*?)</cellXfs>", styles, re.S).group(1)
    xf_formats = [m.group(1) for m in re.finditer(r'<xf numFmtId="(\d+)"', xfs)]
    out = []
    for m in re.finditer(rf'<c r="{column}(\d+)"([^>]*)>(.*?)</c>', sheet, re.S):
        if int(m.group(1)) == 1:
            continue
        style = re.search(r's="(\d+)"', m.group(2))
        value = re.search(r"<v>([^<]*)</v>", m.group(3))
        fmt = formats.get(xf_formats[int(style.group(1))], "") if style else ""
        out.append((float(value.group(1)) if value else None, fmt))
    return out


def export_xlsx(d, save_dir, nav, test, said, pattern):
    click(d, f"[data-test=nav-{nav}]")
    no_loading(d)
    click(d, f"[data-test={test}]")
    click(d, f"[data-test={test}-format-xlsx]")
    click(d, f"[data-test={test}-ok]")
    wait_text(d, said, timeout=JOB_TIMEOUT)
    return wait_saved(save_dir, pattern)


def days(serials):
    return [(EXCEL_EPOCH + datetime.timedelta(days=int(s))).isoformat() for s, _ in serials]


def test_dated_lists_export_days_as_excel_dates(app_factory, cli, workdir, save_dir):
    db = workdir / "studio.db"
    assert cli(db, "demo").returncode == 0
    records = {}
    for what in ("news", "proposals"):
        out = workdir / f"{what}.json"
        r = cli(db, "export", what, "--format", "json", "-o", str(out))
        assert r.returncode == 0, r.stderr
        records[what] = json.loads(out.read_text())
        assert records[what], what
    _, d = app_factory()

    news = export_xlsx(d, save_dir, "news", "news-export", f"已导出 {len(records['news'])} 条工作室动态",
                       "工作室动态-全部-*.xlsx")
    cells = date_cells(news, "A")  # 日期
    assert all(fmt == "yyyy-mm-dd" for _, fmt in cells), cells
    assert days(cells) == [n["date"] for n in records["news"]]

    proposals = export_xlsx(d, save_dir, "proposals", "pr-export",
                            f"已导出 {len(records['proposals'])} 件提议", "提议-全部-*.xlsx")
    cells = date_cells(proposals, "E")  # 起草日期
    assert all(fmt == "yyyy-mm-dd" for _, fmt in cells), cells
    assert days(cells) == [p["drafted_on"] for p in records["proposals"]]
