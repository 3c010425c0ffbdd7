"""Time the kit's linear mixed models against lme4::lmer on the same data, side by side.

    .venv/bin/python benchmarks/bench_multilevel.py [--repeat 7] [--teams 2000] [--size 20]

Cases: sleepstudy with a random intercept and with a random slope (18 subjects x 10 days),
Orthodont with ``age * Sex`` and a random slope (27 children x 4 ages), and a simulated
survey of ``--teams`` teams x ``--size`` people with a random slope (fixed seed). Every data
set is written to one CSV file that both sides read before the clock starts; each fit runs
``--repeat`` times after a warm-up, in Python in this process and in R in one ``Rscript``
session (timed inside R with ``system.time``), and the best times are printed with their
ratio (lmer / kit: above 1 means the kit is faster). Both fits are REML; the script checks
that the two logLik values agree (the kit's is never lower) and prints the difference.

The first call is timed apart, each in a fresh process: ``import leadkit`` plus the first fit
(which loads pandas' companions, formulaic and scipy.special), against ``library(lme4)`` plus
the first ``lmer``. ``import formulaic`` alone is timed too. Without ``Rscript`` (Debian
``r-cran-lme4``) only the kit's times are printed.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

import leadkit as lk

ROOT = Path(__file__).resolve().parent.parent
RESEARCH = ROOT / "tests" / "data" / "research"

# name: (file, formula, group, random slopes, lme4 formula)
CASES = {
    "sleepstudy (1 | Subject)": ("sleepstudy.csv", "Reaction ~ Days", "Subject", [],
                                 "Reaction ~ Days + (1 | Subject)"),
    "sleepstudy (Days | Subject)": ("sleepstudy.csv", "Reaction ~ Days", "Subject", ["Days"],
                                    "Reaction ~ Days + (Days | Subject)"),
    "Orthodont age * Sex + (age | Subject)": ("orthodont.csv", "distance ~ age * Sex", "Subject",
                                              ["age"], "distance ~ age * Sex + (age | Subject)"),
    "teams (x | team)": ("teams.csv", "y ~ x", "team", ["x"], "y ~ x + (x | team)"),
}


def simulate_teams(teams: int, size: int, path: Path) -> None:
    rng = np.random.default_rng(2015)
    team = np.repeat(np.arange(teams), size)
    x = rng.normal(size=teams * size)
    y = (3 + rng.normal(0, 0.5, teams)[team] + (0.4 + rng.normal(0, 0.2, teams)[team]) * x
         + rng.normal(size=teams * size))
    pd.DataFrame({"team": team, "x": x.round(6), "y": y.round(6)}).to_csv(path, index=False)


def best_python(fn, repeat: int) -> tuple[float, float]:
    result = fn()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times), result.loglik


def r_script(files: dict[str, Path], repeat: int) -> str:
    lines = ['suppressPackageStartupMessages(library(lme4))',
             'best <- function(f, n) { m <- f(); t <- min(sapply(seq_len(n), function(i) '
             'system.time(f())[["elapsed"]])); c(t, as.numeric(logLik(m))) }']
    for name, (file, _, _, _, formula) in CASES.items():
        lines.append(f'd <- read.csv("{files[file]}")')
        lines.append(f'r <- best(function() lmer({formula}, data = d), {repeat}); '
                     f'cat("{name}", sprintf("%.17g", r), sep = "\\t"); cat("\\n")')
    return "\n".join(lines)


def best_r(files: dict[str, Path], repeat: int) -> dict[str, tuple[float, float]]:
    out = subprocess.run(["Rscript", "-e", r_script(files, repeat)], capture_output=True,
                         text=True, check=True).stdout
    rows = [line.split("\t") for line in out.splitlines() if "\t" in line]
    return {name: (float(t), float(ll)) for name, t, ll in rows}


def first_calls(files: dict[str, Path]) -> list[tuple[str, float]]:
    """Seconds from a fresh process's first import to the end of its first fit."""
    sleep = files["sleepstudy.csv"]
    python = (f"import time, pandas as pd; d = pd.read_csv(r'{sleep}'); t = time.perf_counter()\n"
              "import leadkit as lk\n"
              "lk.multilevel_model(d, 'Reaction ~ Days', 'Subject', ['Days'])\n"
              "print(time.perf_counter() - t)")
    formulaic = ("import time, pandas, numpy; t = time.perf_counter(); import formulaic; "
                 "print(time.perf_counter() - t)")
    rows = [("kit: import leadkit + first fit (sleepstudy)", python),
            ("import formulaic (after pandas)", formulaic)]
    out = [(name, min(float(subprocess.run([sys.executable, "-c", code], capture_output=True,
                                           text=True, check=True).stdout) for _ in range(3)))
           for name, code in rows]
    if shutil.which("Rscript"):
        code = (f'd <- read.csv("{sleep}"); t <- proc.time()[["elapsed"]]; '
                'suppressPackageStartupMessages(library(lme4)); '
                'm <- lmer(Reaction ~ Days + (Days | Subject), data = d); '
                'cat(proc.time()[["elapsed"]] - t)')
        out.append(("R: library(lme4) + first lmer (sleepstudy)",
                    min(float(subprocess.run(["Rscript", "-e", code], capture_output=True,
                                             text=True, check=True).stdout) for _ in range(3))))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--teams", type=int, default=2000)
    parser.add_argument("--size", type=int, default=20)
    args = parser.parse_args()
    print(f"python {platform.python_version()}, numpy {np.__version__}, pandas {pd.__version__}, "
          f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f}")
    with tempfile.TemporaryDirectory() as tmp:
        files = {name: RESEARCH / name for name in ("sleepstudy.csv", "orthodont.csv")}
        files["teams.csv"] = Path(tmp) / "teams.csv"
        simulate_teams(args.teams, args.size, files["teams.csv"])
        if shutil.which("Rscript"):
            r_times = best_r(files, args.repeat)
        else:
            print("Rscript not found (Debian: r-cran-lme4): the kit's times only")
            r_times = {}
        print(f"{'case':40s} {'kit (s)':>9s} {'lmer (s)':>9s} {'lmer/kit':>9s} "
              f"{'logLik kit - lmer':>18s}")
        for name, (file, formula, group, slopes, _) in CASES.items():
            data = pd.read_csv(files[file])
            if file == "orthodont.csv":
                data["Sex"] = pd.Categorical(data["Sex"], categories=["Male", "Female"])
            ours, loglik = best_python(
                lambda d=data, f=formula, g=group, s=slopes: lk.multilevel_model(d, f, g, s),
                args.repeat)
            theirs, r_loglik = r_times.get(name, (float("nan"), float("nan")))
            print(f"{name:40s} {ours:9.4f} {theirs:9.4f} {theirs / ours:9.2f} "
                  f"{loglik - r_loglik:18.2e}")
        for name, seconds in first_calls(files):
            print(f"{name:48s} {seconds:7.3f} s")


if __name__ == "__main__":
    main()
