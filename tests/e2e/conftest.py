"""Fixtures that start tauri-driver and open the real app window on a fresh database."""

import os
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.common.options import ArgOptions

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


class AppSession:
    """Starts tauri-driver with STUDIO_DB set, so the app it launches opens that database."""

    def __init__(self, db: Path):
        self.db = db
        self.proc = None
        self.driver = None

    def start(self):
        port, native = _free_port(), _free_port()
        env = dict(os.environ, STUDIO_DB=str(self.db))
        self.proc = subprocess.Popen(
            ["tauri-driver", "--port", str(port), "--native-port", str(native)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        _wait_port(port)
        opts = ArgOptions()
        opts.set_capability("browserName", "wry")
        opts.set_capability("tauri:options", {"application": APP})
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


@pytest.fixture
def workdir():
    d = Path(tempfile.mkdtemp(prefix="studio-e2e-"))
    yield d
    shutil.rmtree(d, ignore_errors=True)


@pytest.fixture
def app_factory(workdir):
    """Open (and reopen) the app on one database in `workdir`."""
    sessions = []

    def open_app(db_name: str = "studio.db"):
        s = AppSession(workdir / db_name)
        sessions.append(s)
        return s, s.start()

    yield open_app
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
