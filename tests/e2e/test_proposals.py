"""A proposal (提议) end to end, in the real window: drafted from three demo ledger items of one
delegation, discussed, submitted, referred to two units, answered by both, evaluated, closed and
printed (另存为 PDF); the database agrees (`studio export proposals`) and each item's page lists
the proposal."""

import json
import subprocess

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from ui import DEMO_TIMEOUT, choose, click, type_into, visible, wait_for, wait_saved, wait_text


def export(cli, db, workdir, what, *extra):
    out = workdir / f"{what}.json"
    r = cli(db, "export", what, "--format", "json", "-o", str(out), *extra)
    assert r.returncode == 0, r.stderr
    return json.loads(out.read_text())


def status_is(d, label):
    wait_for(lambda: visible(d, "[data-test=pd-status]").text.strip() == label, what=f"status {label}")


def dialog_closed(d):
    wait_for(lambda: not any(e.is_displayed() for e in d.find_elements(By.CSS_SELECTOR, "[data-test=proposal-action]")),
             what="the step's dialog to close")


def step(d, kind, fields=(), unit=None, satisfaction=None):
    click(d, f"[data-test=pd-step-{kind}]")
    visible(d, "[data-test=proposal-action]")
    if unit:
        choose(d, "pa-unit", unit)
    for test_id, text in fields:
        type_into(d, test_id, text)
    if satisfaction:
        click(d, f"[data-test=pa-sat-{satisfaction}]")
    click(d, "[data-test=pa-submit]")
    dialog_closed(d)


def test_proposal_from_three_items_to_closed_and_printed(app_factory, cli, workdir, save_dir, artifacts):
    session, d = app_factory()
    db = session.db
    click(d, "[data-test=setup-demo]")
    wait_text(d, "已载入演示数据", timeout=DEMO_TIMEOUT)

    # Three demo items handled by delegates of one delegation.
    items = export(cli, db, workdir, "items", "--reason", "端到端测试")
    by_group = {}
    for i in items:
        for g in {x["delegation_name"] for x in i["delegates"]}:
            by_group.setdefault(g, []).append(i)
    group, chosen = next((g, its[:3]) for g, its in by_group.items() if len(its) >= 3)
    nos = [i["no"] for i in chosen]

    d.execute_script("location.hash = '#/proposals'")
    click(d, "[data-test=pr-add]")
    visible(d, "[data-test=proposal-form]")
    choose(d, "pf-delegation", group)
    type_into(d, "pf-title", "关于改善学生就餐条件的提议")
    type_into(d, "pf-problem", "多名学生反映晚课后食堂已停止供应，就餐不便。")
    type_into(d, "pf-suggestion", "建议后勤管理处延长晚餐供应时间，教务处调整晚课安排。")
    for no in nos:
        # A multiple, remote el-select: a click focuses its search box, which has no test id.
        click(d, "[data-test=pf-items]")
        box = d.switch_to.active_element
        box.send_keys(Keys.CONTROL, "a")
        box.send_keys(Keys.DELETE)
        box.send_keys(no)
        click(d, f"[data-test=item-option-{no}]")
    click(d, "[data-test=pf-save]")

    status_is(d, "起草")
    number = visible(d, "[data-test=pd-no]").text.strip()
    for no in nos:
        assert no in visible(d, "[data-test=pd-items]").text

    step(d, "discuss", fields=[("pa-participants", f"{group}全体党代表"), ("pa-outcome", "同意提交组织部")])
    status_is(d, "团内讨论")
    step(d, "submit")
    status_is(d, "提交组织部")

    click(d, "[data-test=pd-step-refer]")
    visible(d, "[data-test=proposal-action]")
    type_into(d, "pa-unit-0", "后勤管理处")
    click(d, "[data-test=pa-add-unit]")
    type_into(d, "pa-unit-1", "教务处")
    click(d, "[data-test=pa-submit]")
    dialog_closed(d)
    status_is(d, "交办")
    assert [e.text.strip() for e in d.find_elements(By.CSS_SELECTOR, "[data-test=pd-unit-name]")] == ["后勤管理处", "教务处"]

    # Each unit answers for itself: after the first the proposal still waits for the other.
    step(d, "answer", unit="后勤管理处", fields=[("pa-answer", "一食堂晚餐供应已延长至 20:00。")])
    status_is(d, "交办")
    step(d, "answer", unit="教务处", fields=[("pa-answer", "晚课结束时间已提前至 20:30 前。")])
    status_is(d, "单位答复")

    step(d, "evaluate", unit="后勤管理处", satisfaction="satisfied")
    step(d, "evaluate", unit="教务处", satisfaction="basic")
    status_is(d, "评价")
    step(d, "close", fields=[("pa-note", "两单位均已落实。")])
    status_is(d, "办结")
    timeline = visible(d, "[data-test=pd-timeline]").text
    for label in ["起草", "团内讨论", "提交组织部", "交办", "单位答复", "评价", "办结"]:
        assert label in timeline, label

    # Print: 另存为 PDF (the e2e build saves into its folder without a dialog).
    click(d, "[data-test=pd-save-pdf]")
    pdf = wait_saved(save_dir, "*.pdf")
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    squeezed = "".join(text.split())
    for want in [number, group, "关于改善学生就餐条件的提议", "后勤管理处", "教务处", *nos]:
        assert want in squeezed, want

    # The database agrees.
    p = next(x for x in export(cli, db, workdir, "proposals") if x["number"] == number)
    assert p["status"] == "closed"
    assert p["items"] == nos
    assert [u["unit"] for u in p["units"]] == ["后勤管理处", "教务处"]
    assert all(u["answered_on"] for u in p["units"])

    # The items' pages list the proposal.
    d.execute_script("location.hash = arguments[0]", f"#/items/{chosen[0]['id']}")
    wait_for(lambda: number in visible(d, "[data-test=item-proposals]").text, what="the item lists the proposal")
