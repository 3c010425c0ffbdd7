"""The class pool on a real PostgreSQL, started by the test on 127.0.0.1 (Debian's postgresql).

Checks the store's locking on PostgreSQL with processes sharing at once, and the hub service
with ``--db postgresql+psycopg://…`` on a real JupyterHub. Without PostgreSQL the tests skip
with what to install; on CI (``CI`` set) that is an error (``.ci/run`` installs it).
"""

from __future__ import annotations

import glob
import importlib.util
import multiprocessing as mp
import os
import pwd
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from ci_skip import skip_or_fail

from leadkit.classpool.pool import ClassPool

pytestmark = pytest.mark.postgres

ROOT = Path(__file__).resolve().parents[1]  # tests/
FW, E = "agile-cmo", "build-trust"
HOW = ("the PostgreSQL tests need the PostgreSQL server (Debian/Ubuntu: 'sudo apt-get install "
       "postgresql'; macOS: 'brew install postgresql'); then run the tests again")


def _initdb() -> Path:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if found:
        return Path(found[-1])
    on_path = shutil.which("initdb")
    if on_path:
        return Path(on_path)
    skip_or_fail(HOW)
    raise AssertionError  # unreachable


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def postgres() -> Iterator[str]:
    """A throw-away PostgreSQL server on loopback; yields the SQLAlchemy URL of a database."""
    psycopg = pytest.importorskip("psycopg", reason="pip install -e '.[test]' (psycopg)")
    bindir = _initdb().parent
    folder = Path(tempfile.mkdtemp(prefix="leadkit-pg-"))
    as_user: list[str] = []
    if os.geteuid() == 0:  # PostgreSQL refuses to run as root: use its own system user
        try:
            owner = pwd.getpwnam("postgres")
        except KeyError:
            skip_or_fail("running as root, and there is no 'postgres' user to run the server")
        os.chown(folder, owner.pw_uid, owner.pw_gid)
        as_user = ["runuser", "-u", "postgres", "--"]
    data, port = folder / "data", _port()
    subprocess.run([*as_user, str(bindir / "initdb"), "-D", str(data), "-U", "leadkit",
                    "--auth=trust", "-E", "UTF8"], check=True, capture_output=True, timeout=120)
    log = open(folder / "server.log", "wb")  # noqa: SIM115 - closed at teardown
    server = subprocess.Popen(
        [*as_user, str(bindir / "postgres"), "-D", str(data), "-k", str(folder), "-p", str(port),
         "-c", "listen_addresses=127.0.0.1", "-c", "fsync=off"],
        stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with psycopg.connect(host="127.0.0.1", port=port, user="leadkit",
                                     dbname="postgres", autocommit=True) as conn:
                    conn.execute("CREATE DATABASE classpool")
                break
            except psycopg.OperationalError:
                if server.poll() is not None or time.monotonic() > deadline:
                    pytest.fail("PostgreSQL did not start:\n"
                                + (folder / "server.log").read_text(errors="replace")[-2000:])
                time.sleep(0.2)
        yield f"postgresql+psycopg://leadkit@127.0.0.1:{port}/classpool"
    finally:
        _stop_postgres(server, data)
        log.close()
        shutil.rmtree(folder, ignore_errors=True)


def _stop_postgres(server: subprocess.Popen, data: Path) -> None:
    """A 'fast' shutdown of our own server, then a bounded wait until it is really gone.

    The postmaster's id is in its pid file (the process we started may be ``runuser`` around
    it). SIGINT disconnects any client still holding a connection; a 'smart' SIGTERM would wait
    for them. Each wait ends as soon as the process is gone.
    """
    pid_file = data / "postmaster.pid"
    postmaster = int(pid_file.read_text().split()[0]) if pid_file.is_file() else None
    if postmaster is not None:
        try:
            os.kill(postmaster, signal.SIGINT)
        except ProcessLookupError:
            postmaster = None
    deadline = time.monotonic() + 60
    while postmaster is not None and Path(f"/proc/{postmaster}").exists() \
            and time.monotonic() < deadline:
        time.sleep(0.1)
    if server.poll() is None:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=10)


def _share(args: tuple[str, list[str], object]) -> int:
    url, learners, start = args
    from leadkit.classpool.store import PoolStore
    from leadkit.content.frameworks import load_framework

    store, fw = PoolStore(url), load_framework(FW)
    start.wait(timeout=60)
    for i, who in enumerate(learners):
        store.share(who, fw, {E: float(1 + i % 5)})
        store.share(who, fw, {E: 3.0, "soft-skills": 2.0})  # the second share replaces
        store.view(fw)  # releases racing with shares
    return len(learners)


def test_three_processes_share_150_learners_at_once_on_postgres(postgres):
    from leadkit.classpool.store import PoolStore
    from leadkit.content.frameworks import load_framework

    learners = [f"p{i:03d}" for i in range(150)]
    PoolStore(postgres).create(learners, 3)
    context = mp.get_context("spawn")
    with context.Manager() as manager:
        start = manager.Event()
        with context.Pool(3) as workers:
            pending = workers.map_async(_share, [(postgres, learners[i::3], start)
                                                 for i in range(3)])
            start.set()
            assert sum(pending.get(timeout=120)) == 150
    import sqlalchemy as sa

    store = PoolStore(postgres)
    with store.engine.begin() as conn:  # every learner's latest share, each exactly once
        stored = conn.execute(sa.text(
            "SELECT element, count(DISTINCT learner), count(*), avg(score) "
            "FROM classpool_shares GROUP BY element ORDER BY element")).all()
    assert [tuple(r) for r in stored] == [(E, 150, 150, 3.0), ("soft-skills", 150, 150, 2.0)]
    rows = {r["element"]: r for r in store.view(load_framework(FW))}
    # The published picture moves in steps of at least 3 learners: it may lag by up to 2.
    assert 150 - 3 < rows[E]["n"] <= 150


def _hub_fixtures():
    spec = importlib.util.spec_from_file_location("leadkit_hub_fixtures",
                                                  ROOT / "hub" / "conftest.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclass looks itself up there
    spec.loader.exec_module(module)
    return module


@pytest.mark.hub
def test_the_hub_service_stores_in_postgres(postgres):
    pytest.importorskip("requests")
    sa = pytest.importorskip("sqlalchemy")
    hubs = _hub_fixtures()
    engine = sa.create_engine(postgres)
    with engine.begin() as conn:  # a fresh database for the service
        conn.execute(sa.text("DROP TABLE IF EXISTS classpool_meta, classpool_roster, "
                             "classpool_shares, classpool_released, classpool_archive"))
    engine.dispose()
    hub, url = hubs.start_pool_hub(postgres)
    try:
        sys.path.insert(0, str(ROOT / "hub"))
        from test_jupyterhub import Student

        people = {name: Student(hub, name) for name in ("anna", "bram", "cas", "tess")}
        teacher = ClassPool.create(url, roster=["anna", "bram", "cas"],
                                   token=people["tess"].token)
        for i, name in enumerate(("anna", "bram", "cas")):
            ClassPool(url, token=people[name].token).share(
                learner=name, framework=FW, scores={E: 2.0 + i})
        row = teacher.view(FW).set_index("element").loc[E]
        assert row["n"] == 3 and row["mean"] == pytest.approx(3.0)
    finally:
        leftovers = hubs.stop_pool_hub(hub)
    assert not leftovers
    engine = sa.create_engine(postgres)
    with engine.begin() as conn:  # the shares are really in PostgreSQL
        stored = conn.execute(sa.text("SELECT count(*) FROM classpool_shares")).scalar()
    engine.dispose()
    assert stored == 3
