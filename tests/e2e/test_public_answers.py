"""代表回复公开 in the desktop: on the demo database (whose online message, answered by a delegate,
the writer agreed to publish) staff open 代表回复公开, see the message 已发布, withdraw it (after the
confirmation), edit the question as it will be published and publish it again; the item's timeline
shows 撤回代表回复 and 发布到代表回复; a save with the version read before someone else's save shows
the conflict box. Then `studio serve` on the same database shows the edited question on /answers.
The screen is saved as tests/artifacts/public-answers.png."""

import urllib.request

from selenium.webdriver.common.by import By

from test_cards import no_loading
from test_online_studio import serve
from ui import click, invoke, type_into, visible, wait_for

EDITED = "东校区食堂晚餐供应时间较早，晚上有课的同学下课后吃不上热饭，能否延长供应时间？"


def the_published_row(d):
    rows = [r for r in d.find_elements(By.CSS_SELECTOR, "[data-test=pa-table] tbody tr") if r.is_displayed()]
    return next((r for r in rows if "已发布" in r.text), None)


def state_is(d, label):
    return wait_for(
        lambda: any(e.is_displayed() and e.text.strip() == label for e in d.find_elements(By.CSS_SELECTOR, "[data-test=pa-state]")),
        what=f"the drawer's state {label}",
    )


def test_staff_publish_an_answer_and_it_shows_on_the_timeline(app_factory, cli, workdir, artifacts):
    db = workdir / "studio.db"
    r = cli(db, "demo")
    assert r.returncode == 0, r.stderr
    session, d = app_factory()

    click(d, "[data-test=nav-public-answers]")
    visible(d, "[data-test=pa-table]")
    row = wait_for(lambda: the_published_row(d), what="the demo's published answer")
    no_loading(d)
    d.save_screenshot(str(artifacts / "public-answers.png"))
    row.find_element(By.CSS_SELECTOR, "[data-test=pa-row-title]").click()
    visible(d, "[data-test=pa-drawer]")
    state_is(d, "已发布")
    assert "晚餐供应延长至20:30" in visible(d, "[data-test=pa-original-answer]").text

    # 撤回 asks first.
    click(d, "[data-test=pa-withdraw]")
    click(d, ".pa-withdraw-confirm .el-message-box__btns .el-button--primary")
    state_is(d, "已撤回")

    # A stale save: someone else changes the texts after the drawer read the form (an unchanged
    # save writes nothing and keeps the version); this window's save is then refused.
    form = invoke(d, "public_answer_form", {"itemId": item_id(d)})
    assert form[0] == "ok", form
    other = invoke(
        d,
        "public_answer_save",
        {"itemId": form[1]["item_id"], "version": form[1]["version"],
         "input": {"question": form[1]["question"] + "（已核对）", "answer": form[1]["answer"]}, "publish": False},
    )
    assert other[0] == "ok", other
    type_into(d, "pa-question", EDITED)
    click(d, "[data-test=pa-publish]")
    visible(d, "[data-test=conflict]")
    click(d, ".conflict-dialog .conflict-refresh")

    # After 刷新 the form holds the stored texts and the new version: publish the edited question.
    wait_for(lambda: visible(d, "textarea[data-test=pa-question], [data-test=pa-question] textarea").get_attribute("value") != EDITED,
             what="the reloaded question")
    type_into(d, "pa-question", EDITED)
    click(d, "[data-test=pa-publish]")
    state_is(d, "已发布")

    # The item's timeline shows both steps.
    click(d, "[data-test=pa-open-item]")
    visible(d, "[data-test=item-timeline]")
    wait_for(
        lambda: [e.text.strip() for e in d.find_elements(By.CSS_SELECTOR, "[data-test=item-event-kind]") if e.is_displayed()],
        what="the timeline",
    )
    kinds = [e.text.strip() for e in d.find_elements(By.CSS_SELECTOR, "[data-test=item-event-kind]")]
    assert "撤回代表回复" in kinds, kinds
    assert "发布到代表回复" in kinds, kinds
    session.stop()

    # The online studio shows the question as staff published it.
    server, base = serve(db)
    try:
        page = urllib.request.urlopen(f"{base}/answers").read().decode()
        assert EDITED in page, page
    finally:
        import signal

        server.send_signal(signal.SIGTERM)
        assert server.wait(timeout=30) == 0


def item_id(d):
    """The open drawer's item, as the list read it (the row's item id is the drawer's key)."""
    got = invoke(d, "public_answers_list", {"query": {"state": "withdrawn"}})
    assert got[0] == "ok" and got[1]["items"], got
    return got[1]["items"][0]["item_id"]
