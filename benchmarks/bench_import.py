"""How long ``import leadkit`` takes, side by side with ``import pandas``.

Run:  .venv/bin/python benchmarks/bench_import.py [--repeat 15] [--check]

Each case runs in a fresh interpreter, in turn with the others, ``--repeat`` times; inside it
the clock runs around the imports only (interpreter start-up is the same for all and left
out). The cases:

- ``import pandas`` — the reference;
- ``import leadkit`` — what a notebook's first cell pays;
- ``import leadkit; leadkit.score`` — the survey layer loaded (pandas, the scoring and
  validation modules), what the CLI or a script pays before it reads a file;
- ``import leadkit; leadkit.widgets.self_assessment`` — a notebook's first widget (ipywidgets).

Target (issue "the house"): ``import leadkit`` within 1.2 × ``import pandas`` on median
times; ``--check`` turns a miss into exit status 1. The script also lists which heavy
libraries (scipy, matplotlib, ipywidgets, jsonschema) each case loaded: the bare import must
load none of them.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys

CASES = {
    "import pandas": "import pandas",
    "import leadkit": "import leadkit",
    "import leadkit; leadkit.score": "import leadkit; leadkit.score",
    "import leadkit; leadkit.widgets.self_assessment":
        "import leadkit; leadkit.widgets.self_assessment",
}
HEAVY = ("scipy", "matplotlib", "ipywidgets", "jsonschema", "pandas")
PROBE = """
import sys, time, json
t = time.perf_counter()
{code}
took = time.perf_counter() - t
print(json.dumps({{"s": took, "loaded": [m for m in {heavy!r} if m in sys.modules]}}))
"""


def run(code: str) -> dict:
    out = subprocess.run([sys.executable, "-c", PROBE.format(code=code, heavy=HEAVY)],
                         capture_output=True, text=True, check=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    print(f"python {platform.python_version()}, {os.cpu_count()} CPUs, "
          f"load {os.getloadavg()[0]:.2f}")
    times: dict[str, list[float]] = {name: [] for name in CASES}
    loaded: dict[str, list[str]] = {}
    for name, code in CASES.items():  # warm the file cache once
        loaded[name] = run(code)["loaded"]
    for _ in range(args.repeat):
        for name, code in CASES.items():
            times[name].append(run(code)["s"])
    base = statistics.median(times["import pandas"])
    print(f"{'case':50} {'median ms':>10} {'best ms':>8} {'× pandas':>9}  loads")
    for name, values in times.items():
        med = statistics.median(values)
        print(f"{name:50} {med * 1000:10.1f} {min(values) * 1000:8.1f} {med / base:9.2f}  "
              f"{', '.join(loaded[name]) or '-'}")
    ratio = statistics.median(times["import leadkit"]) / base
    bare_heavy = [m for m in loaded["import leadkit"] if m != "pandas"]
    ok = ratio <= 1.2 and not bare_heavy
    print(f"import leadkit / import pandas = {ratio:.2f} (target ≤ 1.20): "
          f"{'met' if ok else 'MISSED'}")
    return 1 if args.check and not ok else 0


if __name__ == "__main__":
    sys.exit(main())
