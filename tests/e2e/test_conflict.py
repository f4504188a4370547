"""Two writers, one delegate, in the real window: the edit form was opened on one version of the
record; meanwhile the same delegate is saved through a second path (the backend called directly, as
another screen or another PC would). Saving the form is refused with the conflict box, which names
who changed which field; nothing is overwritten; 刷新 shows the other save's value, and a save after
that goes through."""

import json

from ui import DEMO_TIMEOUT, click, invoke, type_into, visible, wait_for, wait_no_text, wait_text

# The fields of DelegateInput (ui/src/api/types.ts): what delegate_update takes.
INPUT_KEYS = ["name", "gender", "delegation_id", "unit", "position", "mobile", "office_phone", "email",
              "bio", "pledge", "term", "display_order", "publish"]

THEIRS = "副校长（他处修改）"
MINE = "教务处处长"


def type_position(d, text):
    """Type into 职务 until the field holds the whole text: on a busy machine WebKitWebDriver has
    been seen to drop the Chinese characters after the first."""
    for _ in range(3):
        el = type_into(d, "df-position", text)
        try:
            wait_for(lambda: el.get_attribute("value") == text, timeout=3, what="职务 typed")
            return
        except AssertionError:
            pass
    assert el.get_attribute("value") == text


def position_in_db(cli, db, delegate_id):
    out = cli(db, "delegates", "list", "--json")
    assert out.returncode == 0, out.stderr
    return next(x for x in json.loads(out.stdout) if x["id"] == delegate_id)["position"]


def test_stale_edit_is_refused_and_refreshed(app_factory, cli, artifacts):
    session, d = app_factory()
    db = session.db
    click(d, "[data-test=setup-demo]")
    wait_text(d, "已载入演示数据", timeout=DEMO_TIMEOUT)
    out = cli(db, "delegates", "list", "--json")
    assert out.returncode == 0, out.stderr
    delegate = next(x for x in json.loads(out.stdout) if x["status"] == "active")
    did = delegate["id"]

    # The profile, then its edit form, loaded on the current version.
    d.execute_script("location.hash = arguments[0]", f"#/delegates/{did}")
    wait_for(lambda: visible(d, "[data-test=profile-name]").text.strip() == delegate["name"], what="the profile")
    status, loaded = invoke(d, "delegate_get", {"id": did})
    assert status == "ok", loaded
    click(d, "[data-test=profile-edit]")
    position = visible(d, "[data-test=df-position] input")
    wait_for(lambda: position.get_attribute("value") == loaded["position"], what="the form filled")

    # Meanwhile, a second writer saves the same delegate from that same version.
    theirs = {k: loaded[k] for k in INPUT_KEYS}
    theirs["position"] = THEIRS
    status, saved = invoke(d, "delegate_update", {"id": did, "version": loaded["version"], "input": theirs})
    assert status == "ok", saved
    assert saved["version"] > loaded["version"]

    # The form, still on the old version, is refused: the conflict box says who changed what.
    type_position(d, MINE)
    click(d, "[data-test=df-save]")
    box = visible(d, ".conflict-dialog")
    wait_for(lambda: "该记录已被他人修改，请刷新后再看" in box.text, what="the conflict message")
    assert "职务" in visible(d, ".conflict-dialog [data-test=conflict-fields]").text
    assert visible(d, ".conflict-dialog [data-test=conflict-by]").text.strip()
    assert visible(d, ".conflict-dialog [data-test=conflict-at]").text.strip()
    assert "尚未保存的修改将被替换" in box.text
    # Until 刷新, the form still holds what the user typed; nothing was overwritten.
    assert position.get_attribute("value") == MINE
    assert position_in_db(cli, db, did) == THEIRS
    d.save_screenshot(str(artifacts / "conflict-dialog.png"))

    # 刷新: the form shows the other save's value.
    click(d, ".conflict-dialog .conflict-refresh")
    wait_for(lambda: not any(b.is_displayed() for b in d.find_elements("css selector", ".conflict-dialog")),
             what="the conflict box to close")
    wait_for(lambda: visible(d, "[data-test=df-position] input").get_attribute("value") == THEIRS,
             what="the other save's value in the form")
    status, now = invoke(d, "delegate_get", {"id": did})
    assert status == "ok" and now["position"] == THEIRS and now["version"] == saved["version"]

    # Now based on the current version, the user's change saves.
    type_position(d, MINE)
    click(d, "[data-test=df-save]")
    wait_text(d, "已保存")
    wait_no_text(d, "该记录已被他人修改")
    assert position_in_db(cli, db, did) == MINE
