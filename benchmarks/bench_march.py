"""Benchmark: March (1991), Figure 1 grid, vectorised batch versus a per-agent implementation.

The grid is the paper's Figure 1: p1 ∈ {0.1, 0.5, 0.9} × p2 ∈ {0.1, 0.5, 0.9}, m = 30,
n = 50, each cell 1,000 replications run to absorption. Measured in one run:

1. the kit's vectorised ``leadkit.simulate._march`` in one process (all 9 cells);
2. the same with ``n_jobs=2`` (each cell's replications shared between two processes);
3. the per-agent reference (``leadkit.simulate._reference``, Python loops over individuals
   and dimensions, the way most replications are written) on the first ``--sample``
   replications of every cell. It uses the same random streams, so its results must equal the
   vectorised rows exactly (checked), and its time is scaled to 1,000 replications: the
   sampled replications are a random sample of the cell's replications, so the scaled time
   estimates the full run without taking an hour.

Usage: ``python benchmarks/bench_march.py [--replications 1000] [--sample 10] [--seed 1991]``
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

from leadkit.simulate._march import march  # noqa: E402
from leadkit.simulate._reference import march_reference  # noqa: E402
from leadkit.simulate._stats import mean_ci  # noqa: E402

GRID = [(p1, p2) for p2 in (0.1, 0.5, 0.9) for p1 in (0.1, 0.5, 0.9)]
TARGET = {0.1: 0.976, 0.5: 0.903, 0.9: 0.870}  # actions reading, p2 = 0.5


def _cell(args: tuple[float, float, int, int], jobs: int = 1) -> tuple[float, float, float,
                                                                     pd.DataFrame]:
    p1, p2, reps, seed = args
    start = time.perf_counter()
    df = march(p1, p2, replications=reps, seed=seed, n_jobs=jobs)
    return p1, p2, time.perf_counter() - start, df


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--replications", type=int, default=1000)
    parser.add_argument("--sample", type=int, default=10)
    parser.add_argument("--seed", type=int, default=1991)
    parser.add_argument("--jobs", type=int, default=2)
    opt = parser.parse_args()
    jobs = [(p1, p2, opt.replications, opt.seed) for p1, p2 in GRID]
    print(f"March Figure 1 grid: 9 cells x {opt.replications} replications, to absorption; "
          f"{os.cpu_count()} cores, load {os.getloadavg()[0]:.2f}; Python "
          f"{platform.python_version()}, numpy {np.__version__}, pandas {pd.__version__}")

    start, cpu = time.perf_counter(), time.process_time()
    single = [_cell(job) for job in jobs]
    t_single, c_single = time.perf_counter() - start, time.process_time() - cpu

    start = time.perf_counter()
    parallel = [_cell(job, opt.jobs) for job in jobs]
    t_parallel = time.perf_counter() - start

    rows, t_reference, c_reference = [], 0.0, 0.0
    for (p1, p2, seconds, df), (_, _, _, df_par) in zip(single, parallel, strict=True):
        assert df.equals(df_par), "parallel run differs from the single-process run"
        start, cpu = time.perf_counter(), time.process_time()
        ref = pd.DataFrame(
            march_reference(p1, p2, replications=opt.replications, seed=opt.seed,
                            first=opt.sample)
        )
        ref_seconds = (time.perf_counter() - start) * opt.replications / len(ref)
        c_reference += (time.process_time() - cpu) * opt.replications / len(ref)
        t_reference += ref_seconds
        cols = ["replication", "periods", "absorbed", "code_knowledge", "code_score"]
        same = ref[cols].reset_index(drop=True).equals(df[cols].head(len(ref)).reset_index(
            drop=True).astype(ref[cols].dtypes.to_dict()))
        s = mean_ci(df["code_knowledge"])
        rows.append({
            "p1": p1, "p2": p2, "knowledge": round(s["mean"], 4), "ci95": (
                f"[{s['ci_low']:.4f}, {s['ci_high']:.4f}]"), "mean periods": df["periods"].mean(),
            "max periods": int(df["periods"].max()), "vectorised s": round(seconds, 2),
            "reference s (scaled)": round(ref_seconds, 1), "reference equal": same,
        })
    table = pd.DataFrame(rows)
    print(table.to_string(index=False))
    print()
    for p1, target in TARGET.items():
        row = table[(table.p1 == p1) & (table.p2 == 0.5)].iloc[0]
        print(f"target p1={p1}, p2=0.5: {target:.3f}; "
              f"measured {row['knowledge']:.4f} {row['ci95']}")
    print()
    print(f"vectorised, 1 process : {t_single:6.1f} s")
    print(f"vectorised, n_jobs={opt.jobs}   : {t_parallel:6.1f} s")
    print(f"per-agent reference   : {t_reference:6.1f} s (estimated from {opt.sample} "
          f"replications per cell)")
    print(f"machine load (1 min)  : {os.getloadavg()[0]:.2f} (other work slows both sides)")
    print(f"speed-up, 1 process   : {t_reference / t_single:6.1f}x "
          f"(CPU time: {c_reference:.1f} s / {c_single:.1f} s = {c_reference / c_single:.1f}x)")
    print(f"speed-up, n_jobs={opt.jobs}     : {t_reference / t_parallel:6.1f}x")
    if not table["reference equal"].all():
        raise SystemExit("the reference and the vectorised model disagree")


if __name__ == "__main__":
    main()
