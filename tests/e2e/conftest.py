"""Fixtures that start tauri-driver and open the real app window on a fresh database."""

import fcntl
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.common.options import ArgOptions

from ui import enter

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "tests" / "artifacts"
APP = os.environ.get("STUDIO_APP_BIN", "")
CLI = os.environ.get("STUDIO_CLI_BIN", "")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_port(port: int, timeout: float = 20) -> None:
    deadline = time.time() + timeout
    while time.time() < deadline:
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise RuntimeError(f"tauri-driver did not listen on {port}")


def _apps_on(db: Path) -> list[int]:
    """Ids of the app processes this suite started on `db` (their environment names it)."""
    mark = f"STUDIO_DB={db}".encode()
    pids = []
    for d in Path("/proc").iterdir():
        if not d.name.isdigit():
            continue
        try:
            if os.path.realpath(d / "exe") == os.path.realpath(APP) and mark in (d / "environ").read_bytes().split(b"\0"):
                pids.append(int(d.name))
        except OSError:
            pass
    return pids


def _wait_unlocked(db: Path, timeout: float = 15) -> None:
    """Wait until no process holds the app's lock on `db` (`<db>.lock`, an flock the OS drops when
    the app has exited). A window still closing would make the next start refuse the database with
    a modal message box, and that session would never come up. An app of this test that outlives
    its session is ended (by its id) after `timeout`."""
    lock = db.with_name(db.name + ".lock")
    if not lock.exists():
        return
    deadline = time.time() + timeout
    ended = False
    with open(lock, "a") as f:
        while True:
            try:
                fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
                fcntl.flock(f, fcntl.LOCK_UN)
                return
            except BlockingIOError:
                if time.time() > deadline:
                    if ended:
                        raise RuntimeError(f"the app still holds {lock} after it was closed")
                    for pid in _apps_on(db):
                        try:
                            os.kill(pid, signal.SIGKILL)
                        except ProcessLookupError:
                            pass
                    ended = True
                    deadline = time.time() + 5
                time.sleep(0.1)


class AppSession:
    """Starts tauri-driver with STUDIO_DB and STUDIO_E2E_SAVE_DIR set: the app it launches (through
    WebKitWebDriver, which passes its environment on; tauri-driver's `tauri:options` take only the
    binary and its arguments) opens that database, and the test build (cargo feature `e2e`) writes
    every file it would ask about in a save dialog to that folder, and restores from
    `STUDIO_E2E_OPEN_FILE` (default `<save dir>/open.<extension>`, `open.zip` for a backup). `args` go on the app's command line
    (`--kiosk`), `env` into its environment."""

    def __init__(
        self,
        db: Path,
        save_dir: Path,
        open_file: Path | None = None,
        args: list[str] | None = None,
        env: dict[str, str] | None = None,
    ):
        self.db = db
        self.save_dir = save_dir
        self.open_file = open_file
        self.args = list(args or [])
        self.env = dict(env or {})
        self.proc = None
        self.driver = None

    def start(self):
        _wait_unlocked(self.db)
        port, native = _free_port(), _free_port()
        env = dict(os.environ, STUDIO_DB=str(self.db), STUDIO_E2E_SAVE_DIR=str(self.save_dir))
        env.pop("STUDIO_E2E_OPEN_FILE", None)
        if self.open_file is not None:
            env["STUDIO_E2E_OPEN_FILE"] = str(self.open_file)
        env.update(self.env)
        self.proc = subprocess.Popen(
            ["tauri-driver", "--port", str(port), "--native-port", str(native)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        _wait_port(port)
        opts = ArgOptions()
        opts.set_capability("browserName", "wry")
        opts.set_capability("tauri:options", {"application": APP, "args": self.args})
        # tauri-driver listens before WebKitWebDriver behind it is ready; a session request that
        # arrives too early is dropped, so ask again a few times.
        for attempt in range(5):
            try:
                self.driver = webdriver.Remote(f"http://127.0.0.1:{port}", options=opts)
                break
            except Exception:
                if attempt == 4:
                    raise
                time.sleep(1)
        self.driver.implicitly_wait(0)
        self.driver.save_screenshot = _screen_shot
        return self.driver

    def stop(self):
        if self.driver is not None:
            try:
                self.driver.quit()
            except Exception:
                pass
            self.driver = None
        if self.proc is not None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
            self.proc = None
        _wait_unlocked(self.db)


@pytest.fixture
def workdir():
    d = Path(tempfile.mkdtemp(prefix="studio-e2e-"))
    yield d
    shutil.rmtree(d, ignore_errors=True)


@pytest.fixture
def save_dir(workdir):
    """Where the app under test writes what it would ask about in a save dialog (PDFs, exports,
    backups): one folder per test."""
    d = workdir / "saves"
    d.mkdir()
    return d


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """Keep each phase's report on the test item, so fixtures can tell a failed test at teardown."""
    outcome = yield
    rep = outcome.get_result()
    setattr(item, f"rep_{rep.when}", rep)


def _screen_shot(path) -> bool:
    """The screen as a person sees it (the X display the app is on), instead of WebKitWebDriver's
    snapshot: with WebKit's compositing mode off, as the app ships on Linux (src-tauri/src/webview.rs),
    the driver's snapshot waited for a frame that a page at rest never draws, and hung the test in
    about one run of six here (the window itself kept painting)."""
    subprocess.run(["import", "-window", "root", str(path)], check=True, timeout=30)
    return True


def _dump_window(name: str, driver) -> None:
    """On a failure: a screenshot in tests/artifacts and what the window says, in the test's output
    (CI keeps only the output: this is what tells a hung job from a dialog that never opened)."""
    try:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        shot = ARTIFACTS / f"failed-{name}.png"
        driver.save_screenshot(str(shot))
        state = driver.execute_script(
            """
            const shown = (el) => !!(el.offsetWidth || el.offsetHeight || el.getClientRects().length);
            const tests = [...document.querySelectorAll('[data-test]')].filter(shown)
              .map((el) => el.getAttribute('data-test'));
            return { hash: location.hash, text: document.body.innerText.slice(0, 1500),
                     tests: [...new Set(tests)].slice(0, 80) };
            """
        )
        print(f"\n--- window at failure ({shot.name}) ---")
        print(f"route: {state['hash']}")
        print(f"shown data-test: {' '.join(state['tests'])}")
        print(f"text: {state['text']}")
    except Exception as e:  # the window may be gone: the failure itself says more
        print(f"\n--- window at failure: not readable ({e}) ---")


@pytest.fixture
def app_factory(request, workdir, save_dir):
    """Open (and reopen) the app on one database in `workdir`, saving files to `save_dir`. When the
    test fails, each window still open is photographed and its text printed before it closes."""
    sessions = []

    def open_app(
        db_name: str = "studio.db",
        open_file: Path | None = None,
        login: bool = True,
        args: list[str] | None = None,
        env: dict[str, str] | None = None,
    ):
        s = AppSession(workdir / db_name, save_dir, open_file, args, env)
        sessions.append(s)
        d = s.start()
        if login:
            enter(d)
        return s, d

    yield open_app
    rep = getattr(request.node, "rep_call", None)
    if rep is not None and rep.failed:
        for i, s in enumerate(sessions):
            if s.driver is not None:
                _dump_window(f"{request.node.name}-{i}", s.driver)
    for s in sessions:
        s.stop()


@pytest.fixture(scope="session")
def artifacts():
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


@pytest.fixture
def cli():
    def run(db: Path, *args: str) -> subprocess.CompletedProcess:
        return subprocess.run([CLI, "--db", str(db), *args], capture_output=True, text=True)

    return run
