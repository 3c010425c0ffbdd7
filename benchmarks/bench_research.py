"""Time the research analyses against R on the same data, side by side.

    .venv/bin/python benchmarks/bench_research.py [--repeat 5]

Each analysis runs ``--repeat`` times in Python (after a warm-up call) and the same number of
times in one R session started by ``Rscript`` (after loading the packages and one warm-up
call); the best time of each is printed with their ratio (R time / Python time: above 1
means the kit is faster). The data are the published sets of ``docs/research.md``: bh1996
(7,382 soldiers in 99 companies) for the models, lq2002's leadership items for agreement and
Thurstone's correlations for omega. Needs R with psych, GPArotation, multilevel and nlme;
without ``Rscript`` only the Python times are printed.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import time
from pathlib import Path

import numpy as np
import pandas as pd

import leadkit as lk

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
RESEARCH = DATA / "research"

R_SETUP = f"""
suppressPackageStartupMessages({{library(psych); library(GPArotation); library(multilevel);
  library(nlme)}})
data(bh1996, package = "multilevel")
lq <- read.csv("{DATA / 'lq2002_lead.csv'}"); lead <- lq[, sprintf("LEAD%02d", 1:11)]
best <- function(expr, n) {{ f <- function() eval(expr, globalenv()); f()
  min(sapply(seq_len(n), function(i) system.time(f())[["elapsed"]])) }}
"""
R_CASES = {
    "awg (lq2002)": "awg(lead, lq$COMPID, range = c(1, 5))",
    "ad.m (lq2002)": "ad.m(lead, lq$COMPID)",
    "omega, 3 factors (Thurstone)": "omega(Thurstone, nfactors = 3, plot = FALSE)",
    "lme random intercept (bh1996)":
        "lme(WBEING ~ W.HRS + G.HRS, random = ~1 | GRP, data = bh1996)",
    "lme random slope (bh1996)": "lme(WBEING ~ HRS + G.HRS, random = ~HRS | GRP, data = bh1996)",
    "response surface (bh1996)":
        "{x <- bh1996$LEAD - 3; y <- bh1996$COHES - 3; "
        "summary(lm(bh1996$WBEING ~ x + y + I(x^2) + I(x*y) + I(y^2)))}",
}


def python_cases() -> dict:
    lq = pd.read_csv(DATA / "lq2002_lead.csv")
    lead = lq[[f"LEAD{i:02d}" for i in range(1, 12)]]
    bh = lk.group_mean_center(pd.read_csv(RESEARCH / "bh1996.csv.gz"), "HRS", "GRP")
    thurstone = pd.read_csv(RESEARCH / "thurstone.csv")
    return {
        "awg (lq2002)": lambda: lk.awg(lead, lq["COMPID"]),
        "ad.m (lq2002)": lambda: lk.ad_m(lead, lq["COMPID"]),
        "omega, 3 factors (Thurstone)": lambda: lk.omega(thurstone, n_factors=3),
        "lme random intercept (bh1996)":
            lambda: lk.multilevel_model(bh, "WBEING ~ HRS_within + HRS_mean", group="GRP"),
        "lme random slope (bh1996)":
            lambda: lk.multilevel_model(bh, "WBEING ~ HRS + HRS_mean", group="GRP",
                                        random_slopes=["HRS"]),
        "response surface (bh1996)":
            lambda: lk.response_surface(bh, self="LEAD", other="COHES", outcome="WBEING",
                                        center=3),
    }


def best_python(fn, repeat: int) -> float:
    fn()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def best_r(repeat: int) -> dict[str, float]:
    lines = [R_SETUP] + [f'cat("{name}", best(quote({expr}), {repeat}), sep = "\\t"); cat("\\n")'
                         for name, expr in R_CASES.items()]
    out = subprocess.run(["Rscript", "-e", "\n".join(lines)], capture_output=True, text=True,
                         check=True).stdout
    pairs = [line.split("\t") for line in out.splitlines() if "\t" in line]
    return {name: float(seconds) for name, seconds in pairs}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    print(f"python {platform.python_version()}, numpy {np.__version__}, pandas {pd.__version__}, "
          f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f}")
    r_times = best_r(args.repeat) if shutil.which("Rscript") else {}
    print(f"{'analysis':34s} {'python (s)':>11s} {'R (s)':>9s} {'R / python':>11s}")
    for name, fn in python_cases().items():
        ours = best_python(fn, args.repeat)
        theirs = r_times.get(name, float("nan"))
        print(f"{name:34s} {ours:11.4f} {theirs:9.4f} {theirs / ours:11.2f}")


if __name__ == "__main__":
    main()
