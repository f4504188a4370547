"""设置 → 备份与恢复 in the real window: 立即备份 writes a backup archive (the test build saves to
STUDIO_E2E_SAVE_DIR instead of asking) and says where; 从备份恢复 asks first, then puts the backup's
data back (the test build opens STUDIO_E2E_OPEN_FILE instead of asking), keeps the replaced data
aside, and every screen reloads with the restored data."""

import shutil
import time

from selenium.webdriver.common.by import By

from ui import DEMO_TIMEOUT, click, invoke, visible, wait_for, wait_saved, wait_text


def test_backup_and_restore(app_factory, workdir, save_dir, artifacts):
    open_file = save_dir / "open.zip"
    session, d = app_factory(open_file=open_file)
    click(d, "[data-test=setup-demo]")
    wait_text(d, "已载入演示数据", timeout=DEMO_TIMEOUT)
    status, before = invoke(d, "settings_get")
    assert status == "ok", before

    click(d, "[data-test=nav-settings]")
    click(d, "#tab-backup")
    visible(d, "[data-test=backup-create]")
    click(d, "[data-test=backup-create]")
    result = visible(d, "[data-test=backup-result]")
    backup = wait_saved(save_dir, "党代表工作室备份-*.zip")
    assert backup.name in result.text, result.text
    assert backup.stat().st_size > 0
    time.sleep(0.3)  # the message and the alert settle
    d.save_screenshot(str(artifacts / "settings-backup.png"))

    # A change after the backup…
    changed = dict(before, studio_name="备份之后改的名称")
    status, after = invoke(d, "settings_save", {"input": changed})
    assert status == "ok" and after["studio_name"] == "备份之后改的名称", after

    # …is gone once the backup is restored: asked first, then the window reloads.
    shutil.copy(backup, open_file)
    click(d, "[data-test=restore-open]")
    box = visible(d, ".restore-confirm")
    assert "留底" in box.text, box.text
    time.sleep(0.5)  # let the box finish fading in
    d.save_screenshot(str(artifacts / "settings-restore-confirm.png"))
    # A mark on this page: gone once the window has reloaded itself (App.vue, on `db-restored`).
    d.execute_script("window.__beforeRestore = true")
    click(d, ".restore-confirm .el-message-box__btns .el-button--primary")
    wait_for(lambda: d.execute_script("return document.readyState === 'complete' && !window.__beforeRestore"),
             timeout=60, what="the window to reload")

    status, now = invoke(d, "settings_get")
    assert status == "ok" and now["studio_name"] == before["studio_name"], now
    # Every screen shows the restored data: here the settings form.
    wait_for(lambda: visible(d, "[data-test=settings-studio] input").get_attribute("value") == before["studio_name"],
             what="the restored studio name on screen")
    # The replaced data was kept aside, next to the database, in a folder of its own.
    kept = list(workdir.glob("before-restore-*/studio.db"))
    assert kept, sorted(p.name for p in workdir.iterdir())
    assert not d.find_elements(By.CSS_SELECTOR, ".el-message--error")
