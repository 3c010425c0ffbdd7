"""Load test: a class of students sharing to the class pool service on a real JupyterHub.

Run:  .venv/bin/python benchmarks/bench_class_pool.py [--students 150] [--window 10]
          [--workers 32] [--db URL] [--check]

Starts a JupyterHub on 127.0.0.1 with the class pool service (as ``tests/hub`` does: Node
proxy, SQLite store unless ``--db`` names another), makes ``--students`` hub users with a token
each (setup, not timed), opens the pool as the teacher, and then lets every student open the
pool and share their element scores at a moment spread evenly over ``--window`` seconds (a
class clicking "Share" during one exercise), through the proxy and the hub's token check, as a
student's server does. Meanwhile the teacher's dashboard asks for the class picture every
second. The test is bounded: it stops after ``--window`` + 30 s whatever happens.

Printed: the latency of each student's open + share (p50, p95, max), of the dashboard's views,
the wall time from the first share to the last, and whether every student was counted once.
Target: every share done within the window plus 2 s and p95 under 1 s; ``--check`` turns a
miss into exit status 1.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import statistics
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import requests

from leadkit.classpool.pool import ClassPool

ROOT = Path(__file__).resolve().parents[1]
FW, ELEMENTS = "agile-cmo", ("build-trust", "soft-skills", "calibrate-continuously")
ADMIN_TOKEN = os.urandom(16).hex()
ADMIN = f"""
c.JupyterHub.services.append({{"name": "bench-admin", "api_token": {ADMIN_TOKEN!r}}})
c.JupyterHub.load_roles.append({{"name": "bench-admin", "services": ["bench-admin"],
    "scopes": ["admin:users", "tokens", "access:services", "admin:groups"]}})
"""


def _hub_fixtures():
    sys.path.insert(0, str(ROOT / "tests"))
    spec = importlib.util.spec_from_file_location("leadkit_hub_fixtures",
                                                  ROOT / "tests" / "hub" / "conftest.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def _tokens(hub_url: str, names: list[str]) -> dict[str, str]:
    """Hub users and one token each, made through the hub's REST API (not timed)."""
    api = requests.Session()
    api.headers["Authorization"] = f"token {ADMIN_TOKEN}"
    made = api.post(f"{hub_url}/hub/api/users", json={"usernames": names}, timeout=60)
    assert made.status_code in (201, 409), made.text
    api.post(f"{hub_url}/hub/api/groups/teachers/users", json={"users": ["tess"]}, timeout=30)

    def token(name: str) -> str:
        reply = api.post(f"{hub_url}/hub/api/users/{name}/tokens", timeout=60, json={
            "note": "load test", "expires_in": 3600,
            "scopes": ["access:services!service=classpool"]})
        assert reply.status_code in (200, 201), reply.text
        return reply.json()["token"]

    with ThreadPoolExecutor(8) as pool:
        return dict(zip(names, pool.map(token, names), strict=True))


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=150)
    parser.add_argument("--window", type=float, default=10.0)
    parser.add_argument("--workers", type=int, default=32)
    parser.add_argument("--db", default=None, help="the service's store (default: SQLite)")
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args(argv)

    hubs = _hub_fixtures()
    hub, url = hubs.start_pool_hub(args.db, extra_config=ADMIN)
    try:
        names = [f"st{i:03d}" for i in range(args.students)]
        tokens = _tokens(hub.url, [*names, "tess"])
        teacher = ClassPool.create(url, roster=names, token=tokens["tess"])
        latencies: list[float] = []
        views: list[float] = []
        done = threading.Event()

        def student(i: int, start: float) -> None:
            due = start + i * args.window / args.students
            while (wait := due - time.monotonic()) > 0:
                done.wait(min(wait, 0.05))  # a scheduled arrival, not a sleep-based wait
            began = time.monotonic()
            pool = ClassPool(url, token=tokens[names[i]])
            pool.share(learner=names[i], framework=FW,
                       scores={e: 1 + (i + k) % 5 for k, e in enumerate(ELEMENTS)})
            latencies.append(time.monotonic() - began)

        def dashboard() -> None:
            while not done.wait(1.0):
                began = time.monotonic()
                teacher.view(FW)
                views.append(time.monotonic() - began)

        watcher = threading.Thread(target=dashboard, daemon=True)
        watcher.start()
        start = time.monotonic() + 0.5
        with ThreadPoolExecutor(args.workers) as pool:
            futures = [pool.submit(student, i, start) for i in range(args.students)]
            for f in futures:
                f.result(timeout=max(1.0, start + args.window + 30 - time.monotonic()))
        wall = time.monotonic() - start
        done.set()
        watcher.join(timeout=30)
        final = teacher.view(FW).set_index("element")
        counted = int(final.loc[ELEMENTS[0], "n"])
    finally:
        hubs.stop_pool_hub(hub)

    print(f"leadkit class pool service, {args.students} students over {args.window:g} s, "
          f"{args.workers} client threads, store {args.db or 'sqlite'}; "
          f"{os.cpu_count()} CPUs, load {os.getloadavg()[0]:.2f}")
    print(f"open + share latency: p50 {1000 * statistics.median(latencies):.0f} ms, "
          f"p95 {1000 * _pct(latencies, 0.95):.0f} ms, max {1000 * max(latencies):.0f} ms")
    if views:
        print(f"dashboard view latency ({len(views)} views): p50 "
              f"{1000 * statistics.median(views):.0f} ms, p95 {1000 * _pct(views, 0.95):.0f} ms")
    print(f"all shares done {wall:.2f} s after the first was due; shares done "
          f"{len(latencies)}/{args.students}; learners in the class picture: {counted} "
          "(the picture moves in steps of at least 3, so it may lag by up to 2)")
    ok = (len(latencies) == args.students and wall <= args.window + 2
          and _pct(latencies, 0.95) < 1.0 and args.students - 3 < counted <= args.students)
    print("target met" if ok else "TARGET MISSED")
    return 0 if ok or not args.check else 1


if __name__ == "__main__":
    sys.exit(main())
