"""Fixtures of the real-browser tests: JupyterLab and Voilà on 127.0.0.1, driven by Chromium.

nbval proves that every notebook runs in a kernel; these tests look at what a learner sees. A
JupyterLab server starts in a temporary folder holding a copy of the notebooks (so autosave
never touches the repository), with its own token, settings and journal folder
(``LEADKIT_HOME``). Chromium is the system's own binary, launched headless through Playwright.

Screenshots are written to ``test-artifacts/browser/`` (one per step worth seeing, and one of
the page whenever a test fails).

Where Chromium is missing the tests are skipped with a message saying how to enable them; on a
CI machine (``CI`` set) a missing browser is an error instead, so CI can never pass by skipping.
"""

from __future__ import annotations

import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

# The skip-or-fail rule is shared with the other folder of slow tests (tests/ci_skip.py).
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from ci_skip import skip_or_fail  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
# Not a module to doctest: under --doctest-modules pytest would import this file a second time
# as "conftest" and clash with the other test folders' conftest.py.
collect_ignore = ["conftest.py"]
ARTIFACTS = ROOT / "test-artifacts" / "browser"

# Without the background-networking flags Chromium keeps calling home, which on a closed network
# only produces noise and delays; QUIC and GPU are off for the same reason.
CHROMIUM_FLAGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
HOW_TO_ENABLE = (
    "Chromium was not found, so the browser tests cannot run. To run them, install it "
    "(Debian/Ubuntu: 'sudo apt-get install chromium'; macOS: 'brew install --cask chromium') "
    "or set LEADKIT_CHROMIUM to the path of a Chrome or Chromium binary, then run 'make test'."
)


def pytest_configure(config) -> None:
    # Lets a fast local loop leave them out: pytest -m "not browser".
    config.addinivalue_line("markers", "browser: drives JupyterLab or Voila in Chromium")


def find_chromium() -> str | None:
    """The Chromium (or Chrome) binary: ``LEADKIT_CHROMIUM``, else the first on ``PATH``."""
    chosen = os.environ.get("LEADKIT_CHROMIUM", "").strip()
    if chosen:
        return chosen if Path(chosen).is_file() else None
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        path = shutil.which(name)
        if path:
            return path
    return None


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Server:
    """A server process started in its own process group, with its log file."""

    process: subprocess.Popen
    url: str
    log: Path
    home: Path
    root: Path
    token: str = ""

    def log_tail(self, lines: int = 40) -> str:
        text = self.log.read_text(errors="replace") if self.log.exists() else ""
        return "\n".join(text.splitlines()[-lines:])

    def stop(self) -> None:
        # The whole group: the server and every kernel it started.
        if self.process.poll() is None:
            try:
                os.killpg(self.process.pid, signal.SIGTERM)
                self.process.wait(timeout=15)
            except (ProcessLookupError, subprocess.TimeoutExpired):
                pass
        try:
            os.killpg(self.process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.process.wait(timeout=15)


def start_server(cmd: list[str], *, url: str, ready: str, root: Path, home: Path, token: str = "",
                 env: dict[str, str] | None = None, timeout: float = 90) -> Server:
    """Start ``cmd`` in ``root`` and wait until ``ready`` answers HTTP 200."""
    log = root.parent / f"{root.name}-server.log"
    full_env = {**os.environ, "LEADKIT_HOME": str(home), **(env or {})}
    with open(log, "wb") as out:
        process = subprocess.Popen(cmd, cwd=root, env=full_env, stdout=out,
                                   stderr=subprocess.STDOUT, start_new_session=True)
    server = Server(process, url, log, home, root, token)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"server exited with code {process.returncode}:\n{server.log_tail()}")
        try:
            with urllib.request.urlopen(ready, timeout=5) as response:
                if response.status == 200:
                    return server
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.3)
    server.stop()
    pytest.fail(f"server not ready after {timeout} s:\n{server.log_tail()}")
    raise AssertionError  # unreachable: pytest.fail raises


def _copy_notebooks(dest: Path) -> None:
    # Only the built notebooks: the servers run on a copy so saving never changes the repository.
    shutil.copytree(ROOT / "notebooks", dest, ignore=shutil.ignore_patterns("src", ".ipynb_*"))


def _lab_settings(folder: Path) -> None:
    """User settings of the test's JupyterLab: every cell in the page, no pop-ups."""
    tracker = folder / "settings" / "@jupyterlab" / "notebook-extension"
    tracker.mkdir(parents=True)
    # The default windowing mode leaves cells far from the viewport out of the page, which
    # would hide outputs from the test; a learner's notebook renders the same either way.
    (tracker / "tracker.jupyterlab-settings").write_text('{"windowingMode": "none"}')
    labconfig = folder / "config" / "labconfig"
    labconfig.mkdir(parents=True)
    (labconfig / "page_config.json").write_text(
        '{"disabledExtensions": {"@jupyterlab/apputils-extension:announcements": true}}')


@pytest.fixture(scope="session")
def chromium() -> str:
    """Path of the Chromium binary, or a skip that says how to get one."""
    pytest.importorskip("playwright", reason="the 'playwright' package is missing: "
                        "pip install -e '.[test]'")
    path = find_chromium()
    if path is None:
        skip_or_fail(HOW_TO_ENABLE)
    return path


@pytest.fixture(scope="session")
def browser(chromium: str) -> Iterator:
    """One headless Chromium for the whole run (a fresh profile, deleted afterwards)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        # Playwright gives the browser a fresh temporary --user-data-dir of its own.
        chrome = pw.chromium.launch(executable_path=chromium, headless=True,
                                    args=CHROMIUM_FLAGS)
        yield chrome
        chrome.close()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    """The screenshot folder, emptied at the start of a run so every picture is from it."""
    shutil.rmtree(ARTIFACTS, ignore_errors=True)
    ARTIFACTS.mkdir(parents=True)
    return ARTIFACTS


@pytest.fixture(scope="session")
def scratch() -> Iterator[Path]:
    folder = Path(tempfile.mkdtemp(prefix="leadkit-browser-"))
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="session")
def lab_server(chromium: str, scratch: Path) -> Iterator[Server]:
    """JupyterLab on 127.0.0.1 with a token, serving a copy of the notebooks."""
    root, home, conf = scratch / "lab", scratch / "lab-home", scratch / "lab-conf"
    _copy_notebooks(root)
    home.mkdir()
    _lab_settings(conf)
    port, token = free_port(), secrets.token_hex(16)
    url = f"http://127.0.0.1:{port}"
    cmd = [
        sys.executable, "-m", "jupyterlab", "--no-browser", "--ip=127.0.0.1", f"--port={port}",
        f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={root}",
        "--allow-root", "--LabApp.expose_app_in_browser=True",
        f"--LabApp.user_settings_dir={conf / 'settings'}",
        f"--LabApp.workspaces_dir={conf / 'workspaces'}",
    ]
    env = {"JUPYTER_CONFIG_DIR": str(conf / "config"),
           "JUPYTER_RUNTIME_DIR": str(conf / "runtime")}
    server = start_server(cmd, url=url, ready=f"{url}/api/status?token={token}", root=root,
                          home=home, token=token, env=env)
    yield server
    server.stop()


@pytest.fixture(scope="session")
def voila_app(chromium: str, scratch: Path) -> Iterator:
    """Start a notebook as a Voilà app (as ``make app`` does); stopped at the end of the run."""
    started: list[Server] = []
    root, home = scratch / "voila", scratch / "voila-home"
    _copy_notebooks(root)
    home.mkdir()

    def start(notebook: str, env: dict[str, str] | None = None) -> Server:
        port = free_port()
        url = f"http://127.0.0.1:{port}"
        # As `make app` starts it: the page declares the app's language from the first byte.
        language = notebook.split("/")[0] if notebook.split("/")[0] in ("en", "nl") else "en"
        cmd = [sys.executable, "-m", "voila", notebook, "--no-browser", "--Voila.ip=127.0.0.1",
               f"--port={port}", f"--HTMLExporter.language_code={language}"]
        env = {"JUPYTER_CONFIG_DIR": str(scratch / "voila-conf"),
               "JUPYTER_RUNTIME_DIR": str(scratch / "voila-runtime"), **(env or {})}
        # Voilà's index page executes the notebook, so "ready" is a light static file instead.
        server = start_server(cmd, url=url, ready=f"{url}/voila/static/favicon.ico", root=root,
                              home=home, env=env)
        started.append(server)
        return server

    yield start
    for server in started:
        server.stop()


@pytest.fixture
def page(browser, request) -> Iterator:
    """A fresh browser tab (own cookies and storage) per test."""
    context = browser.new_context(viewport={"width": 1400, "height": 1800})
    tab = context.new_page()
    tab.set_default_timeout(30_000)
    yield tab
    context.close()


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if report.when == "call" and report.failed and "page" in getattr(item, "funcargs", {}):
        try:
            ARTIFACTS.mkdir(parents=True, exist_ok=True)
            item.funcargs["page"].screenshot(path=str(ARTIFACTS / f"FAILED-{item.name}.png"))
        except Exception:  # a missing screenshot must not hide the real failure
            pass
    return report
