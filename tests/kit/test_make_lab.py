"""``make lab`` starts JupyterLab, also as root (containers, lab images), and passes LAB_ARGS."""

from __future__ import annotations

import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(shutil.which("make") is None or os.name != "posix",
                                 reason="needs make on a POSIX system")]


def _dry_run(*args: str) -> str:
    out = subprocess.run(["make", "-n", "-s", "lab", *args], cwd=ROOT, capture_output=True,
                         text=True, check=True).stdout
    return out[out.index("PATH="):].replace("\\\n", " ")


def test_lab_command_adds_allow_root_only_as_root_and_passes_lab_args():
    line = _dry_run("LAB_ARGS=--port=9999 --no-browser")
    assert ("--allow-root" in line) == (os.geteuid() == 0)
    assert "--port=9999 --no-browser" in line
    # The printed address opens the start notebook; the file browser shows no src/.
    assert "--LabApp.default_url=/lab/tree/00-start-here.ipynb" in line
    assert "--ServerApp.root_dir=notebooks" in line and '"src"' in line
    # The kit's command is on PATH for JupyterLab's terminal.
    assert f"{ROOT / '.venv' / 'bin'}:" in line


@pytest.mark.skipif(not (ROOT / ".venv" / ".leadkit-installed").exists(),
                    reason="make install has not run")
def test_make_lab_really_starts(tmp_path):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    token = secrets.token_hex(8)
    args = (f"LAB_ARGS=--no-browser --ip=127.0.0.1 --port={port} "
            f"--IdentityProvider.token={token}")
    env = {**os.environ, "JUPYTER_RUNTIME_DIR": str(tmp_path / "runtime"),
           "JUPYTERLAB_WORKSPACES_DIR": str(tmp_path / "ws")}
    with open(tmp_path / "lab.log", "wb") as log:
        proc = subprocess.Popen(["make", "lab", args], cwd=ROOT, env=env, stdout=log,
                                stderr=subprocess.STDOUT, start_new_session=True)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            assert proc.poll() is None, (tmp_path / "lab.log").read_text()
            try:
                url = f"http://127.0.0.1:{port}/api/status?token={token}"
                with urllib.request.urlopen(url, timeout=2) as r:
                    assert r.status == 200
                listing = f"http://127.0.0.1:{port}/api/contents?token={token}"
                with urllib.request.urlopen(listing, timeout=5) as r:
                    names = {c["name"] for c in json.load(r)["content"]}
                # A learner sees the notebooks, not the sources they are built from.
                assert {"00-start-here.ipynb", "nl", "en"} <= names and "src" not in names
                time.sleep(1)
                log = (tmp_path / "lab.log").read_text()
                # The address printed (with --no-browser too) opens the start notebook.
                assert f":{port}/lab/tree/00-start-here.ipynb?token=" in log, log
                return
            except OSError:
                time.sleep(0.3)
        pytest.fail("JupyterLab did not answer:\n" + (tmp_path / "lab.log").read_text())
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=20)
