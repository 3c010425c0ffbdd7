"""Speed of the full item analysis against pingouin's alpha, in the same process.

Run:  .venv/bin/python benchmarks/bench_reliability.py [--n 1000000] [--k 30] [--repeat 7]

The data are Likert answers (1..5, integers as ``pandas.read_csv`` returns them) from a one-
factor model with a fixed seed. ``leadkit.psychometrics.item_analysis`` computes alpha,
standardised alpha, the Feldt interval and the whole per-item table; ``pingouin.cronbach_alpha``
computes alpha and its interval only. Both run in turn on the same DataFrame, after one warm-up
call each; the script prints the best and the median of ``--repeat`` timed calls and their
ratios (the best time is the one least disturbed by other work on the machine, as with
``timeit``). Then the same data with 5% of the answers missing (pairwise deletion in both).

The target is a ratio of best times of at least 3. ``--check`` makes the script exit with
status 1 when it is missed (timings on a shared machine vary; see benchmarks/README.md).
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import time
from collections.abc import Callable

import numpy as np
import pandas as pd

from leadkit.psychometrics.item_analysis import reliability

TARGET = 3.0


def likert(n: int, k: int, seed: int = 20240501) -> pd.DataFrame:
    """n respondents x k items on a 1..5 scale, all loading on one factor."""
    rng = np.random.default_rng(seed)
    latent = rng.standard_normal((n, 1))
    raw = 3 + 0.9 * latent + rng.standard_normal((n, k))
    answers = np.clip(np.rint(raw), 1, 5).astype(np.int64)
    return pd.DataFrame(answers, columns=[f"q{j + 1:02d}" for j in range(k)])


def timings(calls: dict[str, Callable[[], object]], repeat: int) -> dict[str, list[float]]:
    """Warm each call up once, then time them in turn so both see the same machine load."""
    for call in calls.values():
        call()
    seconds: dict[str, list[float]] = {name: [] for name in calls}
    for _ in range(repeat):
        for name, call in calls.items():
            start = time.perf_counter()
            call()
            seconds[name].append(time.perf_counter() - start)
    return seconds


def line(name: str, values: list[float]) -> str:
    return f"  {name:<38s} best {min(values):8.3f} s   median {statistics.median(values):8.3f} s"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1_000_000, help="respondents (rows)")
    parser.add_argument("--k", type=int, default=30, help="items (columns)")
    parser.add_argument("--repeat", type=int, default=7, help="timed calls per function")
    parser.add_argument("--check", action="store_true", help="exit 1 below the 3x target")
    args = parser.parse_args(argv)

    import pingouin  # the optional 'bench' extra

    print(
        f"python {platform.python_version()}, numpy {np.__version__}, pandas {pd.__version__}, "
        f"pingouin {pingouin.__version__}; {os.cpu_count()} CPUs; "
        f"OPENBLAS_CORETYPE={os.environ.get('OPENBLAS_CORETYPE', '(not set)')}; "
        f"load average {' '.join(f'{v:.2f}' for v in os.getloadavg())}"
    )
    data = likert(args.n, args.k)
    print(f"\ncomplete data: {args.n:,} x {args.k} integer answers")
    ours = reliability(data)
    theirs, _ = pingouin.cronbach_alpha(data)
    if abs(ours.alpha - theirs) > 1e-9:
        print(f"  alphas differ: {ours.alpha!r} vs {theirs!r}")
        return 1
    t = timings(
        {
            "leadkit.psychometrics.item_analysis (full analysis)": lambda: reliability(data),
            "pingouin.cronbach_alpha (alpha only)": lambda: pingouin.cronbach_alpha(data),
        },
        args.repeat,
    )
    for name, values in t.items():
        print(line(name, values))
    (mine, mine_med), (other, other_med) = ((min(v), statistics.median(v)) for v in t.values())
    ratio = other / mine
    print(
        f"  ratio: {ratio:.1f}x faster on best times, {other_med / mine_med:.1f}x on medians "
        f"(target >= {TARGET:g}x on best times); alpha {ours.alpha:.6f}"
    )

    rng = np.random.default_rng(7)
    gaps = data.astype(float).mask(rng.random(data.shape) < 0.05)
    print(f"\n5% missing: {int(gaps.isna().sum().sum()):,} blank answers, pairwise deletion")
    t = timings(
        {
            "leadkit.psychometrics.item_analysis (full analysis)": lambda: reliability(gaps),
            "pingouin.cronbach_alpha (alpha only)": lambda: pingouin.cronbach_alpha(gaps),
        },
        max(1, args.repeat // 2),
    )
    for name, values in t.items():
        print(line(name, values))
    mine_gaps, other_gaps = (min(v) for v in t.values())
    print(f"  ratio: {other_gaps / mine_gaps:.1f}x faster on best times")
    return 1 if args.check and ratio < TARGET else 0


if __name__ == "__main__":
    sys.exit(main())
