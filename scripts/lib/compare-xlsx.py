"""Compares LibreOffice's reading of an xlsx the app made (converted to CSV, as displayed) with the
app's own text of the same data: its CSV export (lists, reports) or its JSON (funds).

    python3 compare-xlsx.py list   LO.csv APP.csv      # header + one row per record, cell for cell
    python3 compare-xlsx.py report LO.csv APP.csv      # the workbook's title, period and two header
                                                       # rows against the CSV's one header row
    python3 compare-xlsx.py funds  LO.csv APP.json     # dates, amounts with two decimals, totals

Prints the first differences and exits 1 when there is any.
"""
import csv
import json
import re
import sys

CJK = re.compile(r"[\u4e00-\u9fff]")


def rows(path, bom):
    with open(path, encoding="utf-8-sig" if bom else "utf-8", newline="") as f:
        return list(csv.reader(f))


def compare(lo, app, header):
    bad = []
    if len(lo) != len(app):
        bad.append(f"行数：应用 {len(app)}，LibreOffice {len(lo)}")
    for i, (a, b) in enumerate(zip(app, lo)):
        b = b + [""] * (len(a) - len(b))
        for j, (x, y) in enumerate(zip(a, b)):
            if x != y:
                name = header[j] if j < len(header) else j + 1
                bad.append(f"第 {i + 1} 行「{name}」：应用 {x[:50]!r}，LibreOffice {y[:50]!r}")
    return bad


def main():
    kind, lo_path, app_path = sys.argv[1:4]
    lo = rows(lo_path, False)
    if not any(CJK.search(c) for r in lo for c in r):
        print("  LibreOffice 读出的内容没有汉字")
        return 1
    if kind == "list":
        app = rows(app_path, True)
        bad = compare(lo, app, app[0])
        n = len(app) - 1
    elif kind == "report":
        app = rows(app_path, True)
        # Title, period (real dates), two header rows; then one row per line, as in the CSV.
        bad = compare(lo[4:], app[1:], app[0])
        period = lo[1] if len(lo) > 1 else []
        if len(period) < 4 or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", period[1]):
            bad.append(f"统计期间不是日期：{period[:4]}")
        n = len(app) - 1
    else:
        data = json.load(open(app_path, encoding="utf-8"))
        want = []
        for line in data["lines"]:
            want.append(["", f"{data['year']}年度预算", line["label"], line["budget_yuan"], "", ""])
        for s in data["spendings"]:
            want.append([s["date"], s["purpose"], s["source_label"], "", s["amount_yuan"], ""])
        for line in data["lines"] + [data["total"]]:
            want.append(["", None, line["label"] if line.get("source") else "",
                         line["budget_yuan"], line["spent_yuan"], line["left_yuan"]])
        got = [[c.replace(",", "") for c in r] for r in lo[1:]]
        bad = []
        if len(got) != len(want):
            bad.append(f"行数：应为 {len(want)}，LibreOffice {len(got)}")
        for i, (w, g) in enumerate(zip(want, got)):
            g = g + [""] * (6 - len(g))
            for j, x in enumerate(w):
                if x is not None and x != g[j]:
                    bad.append(f"第 {i + 2} 行第 {j + 1} 列：应为 {x!r}，LibreOffice {g[j]!r}")
        n = len(want)
    for b in bad[:10]:
        print("  " + b)
    if len(bad) > 10:
        print(f"  ……共 {len(bad)} 处不同")
    print(f"  {n} 行，{len(bad)} 处不同")
    return 1 if bad else 0


sys.exit(main())
