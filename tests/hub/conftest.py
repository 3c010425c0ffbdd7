"""A real JupyterHub on 127.0.0.1 for the course test: proxy, hub, and a server per student.

The hub uses the pieces a course hub uses, in their simplest form: ``configurable-http-proxy``
(Node, installed into ``tests/hub/node_modules`` from ``tests/hub/package-lock.json`` by
``npm ci`` when it is not there yet), a local-process spawner that gives each student a home
folder of their own under a temporary folder, and a dummy authenticator (one shared password).
Everything listens on 127.0.0.1 only.

Teardown stops the hub (which stops the student servers and the proxy) and then makes sure:
any process still running from the temporary folder is ended by its process id, and the test
run reports it as an error, because a course hub test must leave nothing behind.
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
import textwrap
import time
from collections.abc import Callable, Iterator
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
NODE_TOOLS = Path(__file__).resolve().parent  # package.json and its lock file: tests only
PROXY_BIN = NODE_TOOLS / "node_modules" / ".bin" / "configurable-http-proxy"
HOW_TO_ENABLE = (
    "the JupyterHub test needs Node.js and npm for its proxy (configurable-http-proxy). "
    "Install them (Debian/Ubuntu: 'sudo apt-get install nodejs npm'; macOS: 'brew install "
    "node'), then run 'make test' again: the test installs the proxy with 'npm ci'."
)


def pytest_configure(config) -> None:
    # Lets a fast local loop leave it out: pytest -m "not hub".
    config.addinivalue_line("markers", "hub: starts a real JupyterHub with a Node proxy")


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def proxy_command() -> str:
    """The proxy binary, installed from the lock file on first use."""
    npm, node = shutil.which("npm"), shutil.which("node")
    if node is None:  # the proxy is a Node program: without node nothing can run it
        skip_or_fail(HOW_TO_ENABLE)
    lock = NODE_TOOLS / "package-lock.json"
    stamp = NODE_TOOLS / "node_modules" / ".package-lock.json"
    fresh = PROXY_BIN.exists() and stamp.exists() and stamp.stat().st_mtime >= lock.stat().st_mtime
    if fresh:
        return str(PROXY_BIN)
    if npm:
        # Exactly the versions in the lock file, into tests/hub/node_modules (ignored by git).
        done = subprocess.run([npm, "ci", "--no-audit", "--no-fund", "--loglevel=error"],
                              cwd=NODE_TOOLS, capture_output=True, text=True, timeout=300)
        if done.returncode == 0 and PROXY_BIN.exists():
            return str(PROXY_BIN)
        skip_or_fail(f"'npm ci' could not install the JupyterHub proxy:\n{done.stderr[-2000:]}")
    installed = shutil.which("configurable-http-proxy")
    if installed:
        return installed
    skip_or_fail(HOW_TO_ENABLE)
    raise AssertionError  # unreachable


def _processes_under(folder: Path) -> list[int]:
    """Ids of processes whose working folder lies inside ``folder`` (Linux /proc only)."""
    found = []
    for entry in Path("/proc").glob("[0-9]*"):
        try:
            cwd = Path(os.readlink(entry / "cwd"))
        except OSError:
            continue
        if cwd == folder or folder in cwd.parents:
            found.append(int(entry.name))
    return found


@dataclass
class Hub:
    """A running hub: its public address, shared password and the folder of student homes."""

    url: str
    password: str
    homes: Path
    folder: Path
    process: subprocess.Popen

    def log_tail(self, lines: int = 60) -> str:
        log = self.folder / "hub.log"
        return "\n".join(log.read_text(errors="replace").splitlines()[-lines:])


def _config(folder: Path, ports: dict[str, int], password: str, proxy: str) -> str:
    singleuser = Path(sys.executable).with_name("jupyterhub-singleuser")
    return textwrap.dedent(f"""
        c = get_config()  # noqa: F821 - provided by JupyterHub when it reads this file
        c.JupyterHub.bind_url = "http://127.0.0.1:{ports['public']}/"
        c.JupyterHub.hub_bind_url = "http://127.0.0.1:{ports['hub']}/"
        c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:{ports['api']}"
        c.ConfigurableHTTPProxy.command = [{proxy!r}]
        c.ConfigurableHTTPProxy.pid_file = {str(folder / 'proxy.pid')!r}
        c.JupyterHub.db_url = "sqlite:///{folder / 'hub.sqlite'}"
        c.JupyterHub.cookie_secret_file = {str(folder / 'cookie_secret')!r}
        c.JupyterHub.authenticator_class = "dummy"
        c.DummyAuthenticator.password = {password!r}
        c.Authenticator.allow_all = True
        c.JupyterHub.spawner_class = "simple"
        c.SimpleLocalProcessSpawner.home_dir_template = {str(folder / 'homes' / '{username}')!r}
        c.Spawner.cmd = [{str(singleuser)!r}]
        c.Spawner.args = ["--allow-root"] if {os.geteuid() == 0} else []
        c.Spawner.ip = "127.0.0.1"
        c.Spawner.start_timeout = 90
        c.Spawner.http_timeout = 90
        # Keep student servers in the hub's process group, so teardown reaches all of them.
        c.Spawner.popen_kwargs = {{"start_new_session": False}}
    """)

def _launch(folder: Path, ports: dict, password: str) -> Hub:
    """Start jupyterhub on the config written in ``folder``; its log goes to hub.log."""
    env = {k: v for k, v in os.environ.items() if k != "LEADKIT_HOME"}
    # The proxy script starts with "#!/usr/bin/env node": node must be on the PATH.
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent),
                                   str(Path(shutil.which("node") or "node").parent),
                                   env.get("PATH", "")])
    with open(folder / "hub.log", "wb") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "jupyterhub", "-f", str(folder / "jupyterhub_config.py")],
            cwd=folder, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    return Hub(f"http://127.0.0.1:{ports['public']}", password, folder / "homes", folder,
               process)


@pytest.fixture(scope="module")
def hub() -> Iterator[Hub]:
    """A JupyterHub for two students, stopped with everything it started afterwards."""
    pytest.importorskip("jupyterhub", reason="the 'jupyterhub' package is missing: "
                        "pip install -e '.[test]'")
    proxy = proxy_command()
    folder = Path(tempfile.mkdtemp(prefix="leadkit-hub-"))
    (folder / "homes").mkdir()
    ports = {name: _free_port() for name in ("public", "hub", "api")}
    password = secrets.token_urlsafe(12)
    (folder / "jupyterhub_config.py").write_text(_config(folder, ports, password, proxy))
    running = _launch(folder, ports, password)
    try:
        _wait_for(running, f"{running.url}/hub/api", timeout=60)
        yield running
    finally:
        leftovers = _stop(running)
        shutil.rmtree(folder, ignore_errors=True)
    if leftovers:
        pytest.fail(f"processes still running after the hub stopped (ended now): {leftovers}")


def _wait_for(hub: Hub, url: str, timeout: float) -> None:
    import requests

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if hub.process.poll() is not None:
            pytest.fail(f"JupyterHub exited with code {hub.process.returncode}:\n"
                        f"{hub.log_tail()}")
        try:
            if requests.get(url, timeout=5).status_code == 200:
                return
        except requests.RequestException:
            pass
        time.sleep(0.3)
    pytest.fail(f"JupyterHub not ready after {timeout} s:\n{hub.log_tail()}")


#: How long the hub may take to stop its servers, services and proxy itself, and how long a
#: process it told to stop may take after that. Generous bounds for a busy two-core machine:
#: each wait ends as soon as the processes are gone, so a quick stop costs nothing.
HUB_GRACE, CHILD_GRACE, KILL_GRACE = 90.0, 30.0, 10.0


def _wait_gone(pids: Callable[[], list[int]], timeout: float) -> list[int]:
    """Poll ``pids()`` until it is empty or ``timeout`` seconds have passed; return the rest."""
    deadline = time.monotonic() + timeout
    while (left := pids()) and time.monotonic() < deadline:
        time.sleep(0.2)
    return left


def _stop(hub: Hub) -> list[int]:
    """Stop the hub gracefully, wait (bounded) for what it started, end the rest by id.

    Returns the ids of processes that were still running once the hub had stopped and the
    grace period had passed: what the hub failed to stop. Those are ended too, and waited for,
    so nothing lingers into the next test.
    """
    if hub.process.poll() is None:
        hub.process.send_signal(signal.SIGTERM)  # the hub stops servers and proxy itself
        try:
            hub.process.wait(timeout=HUB_GRACE)
        except subprocess.TimeoutExpired:
            pass
    try:
        os.killpg(hub.process.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    if hub.process.poll() is None:
        hub.process.wait(timeout=KILL_GRACE)
    # Servers and services the hub told to stop may still be finishing: wait for them.
    leftovers = _wait_gone(lambda: _processes_under(hub.folder), CHILD_GRACE)
    for pid in leftovers:
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    _wait_gone(lambda: [p for p in leftovers if Path(f"/proc/{p}/cwd").exists()], KILL_GRACE)
    return leftovers


# --- The class pool service on a hub (tests/hub/test_class_pool_service.py) -----------------

POOL_TEACHER = "tess"


def _pool_config(ports: dict[str, int], db_url: str) -> str:
    """The hub config lines docs/teaching-with-jupyterhub.md shows, with the test's ports."""
    return textwrap.dedent(f"""
        c.JupyterHub.services = [{{
            "name": "classpool",
            "url": "http://127.0.0.1:{ports['pool']}",
            "command": [{sys.executable!r}, "-m", "leadkit.classpool.service",
                        "--db", {db_url!r}, "--teachers", "teachers"],
            "oauth_no_confirm": True,
        }}]
        c.JupyterHub.load_groups = {{"teachers": {{"users": [{POOL_TEACHER!r}]}}}}
        c.JupyterHub.load_roles = [
            {{"name": "user", "scopes": ["self", "access:services!service=classpool"]}},
            {{"name": "classpool-service", "scopes": ["read:groups"],
              "services": ["classpool"]}},
        ]
        c.Spawner.server_token_scopes = ["users:activity!user", "access:servers!server",
                                         "access:services!service=classpool"]
        c.Spawner.environment = {{"LEADKIT_HUB_URL": "http://127.0.0.1:{ports['public']}"}}
    """)


def start_pool_hub(db_url: str | None = None, extra_config: str = "") -> tuple[Hub, str]:
    """Start a hub with the class pool service; return it and the service's public URL.

    ``db_url`` defaults to an SQLite file in the hub's folder; ``extra_config`` is appended to
    the hub config (the load test adds an admin service). The caller stops it with
    :func:`stop_pool_hub`.
    """
    pytest.importorskip("jupyterhub", reason="the 'jupyterhub' package is missing: "
                        "pip install -e '.[test]'")
    proxy = proxy_command()
    folder = Path(tempfile.mkdtemp(prefix="leadkit-poolhub-"))
    (folder / "homes").mkdir()
    ports = {name: _free_port() for name in ("public", "hub", "api", "pool")}
    password = secrets.token_urlsafe(12)
    db_url = db_url or f"sqlite:///{folder / 'classpool.sqlite'}"
    (folder / "jupyterhub_config.py").write_text(
        _config(folder, ports, password, proxy) + _pool_config(ports, db_url)
        + textwrap.dedent(extra_config))
    running = _launch(folder, ports, password)
    try:
        _wait_for(running, f"{running.url}/hub/api", timeout=60)
        _wait_for(running, f"{running.url}/services/classpool/api/health", timeout=60)
    except BaseException:
        stop_pool_hub(running)
        raise
    return running, f"{running.url}/services/classpool/"


def stop_pool_hub(running: Hub) -> list[int]:
    """Stop a hub of :func:`start_pool_hub` and remove its folder; return leftover ids."""
    leftovers = _stop(running)
    shutil.rmtree(running.folder, ignore_errors=True)
    return leftovers


@pytest.fixture(scope="module")
def pool_hub() -> Iterator[tuple[Hub, str]]:
    """A hub with the class pool service on SQLite; everything stopped afterwards."""
    running, url = start_pool_hub()
    try:
        yield running, url
    finally:
        leftovers = stop_pool_hub(running)
    if leftovers:
        pytest.fail(f"processes still running after the hub stopped (ended now): {leftovers}")
