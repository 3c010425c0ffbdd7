"""The researcher's path end to end: ``leadkit score`` against R ``psych::scoreItems``.

Run:  .venv/bin/python benchmarks/bench_scoring.py [--n 100000] [--repeat 3] [--check]

Both read the same CSV file of ``--n`` respondents (``respondent``, ``team``, ``rater``,
``target``, ``wave`` and the 24 items of ``agile-cmo``, answers 1..5 with 2% blanks, fixed
seed) from disk, score every element (mean of the answered items, reverse-keyed items turned
around) and write the scores to disk. leadkit runs as the command a researcher types,
``leadkit score FILE --framework agile-cmo --out scores.csv``, which also checks every cell;
R runs ``read.csv`` + ``psych::scoreItems(keys, items, impute = "none")`` + ``write.csv`` via
``Rscript``. ``leadkit score --wide`` writes the layout R writes (one row per respondent, one
column per element); plain ``leadkit score`` writes the tidy layout (one row per respondent
and element, seven times the rows), timed too. Each is a fresh process, timed wall clock, in
turn, ``--repeat`` times; the best times are compared. The script also reports the peak
memory (max RSS) of ``leadkit validate`` and ``leadkit score`` as a multiple of the file
size. R is optional: without ``Rscript`` (Debian ``r-cran-psych``) only leadkit's figures are
printed.

Target: leadkit in R's layout at least as fast as R (ratio R / leadkit ≥ 1); ``--check``
turns a miss into exit status 1. The script also checks that both give the same scores.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

import leadkit as lk

FRAMEWORK = "agile-cmo"


def make_file(path: Path, n: int, seed: int = 2026) -> Path:
    """A survey file of ``n`` self ratings on the kit's agile-cmo instrument."""
    fw = lk.load_framework(FRAMEWORK)
    rng = np.random.default_rng(seed)
    latent = rng.standard_normal((n, 1))
    raw = np.clip(np.rint(3 + 0.8 * latent + rng.standard_normal((n, len(fw.items)))), 1, 5)
    reverse = np.array([it.reverse for it in fw.items])
    raw[:, reverse] = 6 - raw[:, reverse]
    answers = pd.DataFrame(raw, columns=fw.item_ids).astype("Int64")
    answers = answers.mask(rng.random(answers.shape) < 0.02)
    ids = [f"R{i:06d}" for i in range(n)]
    meta = pd.DataFrame({"respondent": ids, "team": [f"T{i % 500:03d}" for i in range(n)],
                         "rater": "self", "target": ids, "wave": 1})
    pd.concat([meta, answers], axis=1).to_csv(path, index=False)
    return path


R_SCRIPT = r"""
suppressPackageStartupMessages(library(psych))
args <- commandArgs(trailingOnly = TRUE)
d <- read.csv(args[1], stringsAsFactors = FALSE)
keys <- read.csv(args[2], stringsAsFactors = FALSE)
key.list <- lapply(split(keys, keys$element), function(k)
  ifelse(k$reverse, paste0("-", k$item), k$item))
s <- scoreItems(key.list, d[, keys$item], impute = "none", min = 1, max = 5)
write.csv(cbind(respondent = d$respondent, as.data.frame(s$scores)), args[3], row.names = FALSE)
"""


def run(cmd: list[str]) -> tuple[float, int]:
    """Wall seconds and peak RSS (bytes) of one fresh process."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    err = proc.stderr.read().decode() if proc.stderr else ""
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(cmd)} failed:\n{err}")
    return seconds, usage.ru_maxrss * 1024


def _check_same_scores(folder: Path, fw: lk.Framework) -> None:
    """R and leadkit must agree on every score, or the timing means nothing."""
    ours = pd.read_csv(folder / "w.csv")
    theirs = pd.read_csv(folder / "r.csv")
    worst = max(float(np.nanmax(np.abs(ours[e.id].to_numpy() - theirs[e.id].to_numpy())))
                for e in fw.elements)
    print(f"largest difference between leadkit and R scores: {worst:.2e}")
    if worst > 1e-9:
        raise SystemExit("leadkit and R disagree: the comparison is void")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    leadkit_cmd = str(Path(sys.executable).with_name("leadkit"))
    rscript = shutil.which("Rscript")
    fw = lk.load_framework(FRAMEWORK)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        data = make_file(folder / "survey.csv", args.n)
        size = data.stat().st_size
        pd.DataFrame({"item": [it.id for it in fw.items],
                      "element": [it.element for it in fw.items],
                      "reverse": [it.reverse for it in fw.items]}).to_csv(folder / "keys.csv",
                                                                           index=False)
        (folder / "score.R").write_text(R_SCRIPT, encoding="utf-8")
        calls = {"leadkit score --wide": [leadkit_cmd, "score", str(data), "--framework",
                                          FRAMEWORK, "--wide", "--out", str(folder / "w.csv")],
                 "leadkit score (tidy)": [leadkit_cmd, "score", str(data), "--framework",
                                          FRAMEWORK, "--out", str(folder / "lk.csv")]}
        if rscript:
            calls["R psych::scoreItems"] = [rscript, str(folder / "score.R"), str(data),
                                            str(folder / "keys.csv"), str(folder / "r.csv")]
        times: dict[str, list[float]] = {name: [] for name in calls}
        peak: dict[str, int] = {}
        for _ in range(args.repeat):
            for name, cmd in calls.items():
                seconds, rss = run(cmd)
                times[name].append(seconds)
                peak[name] = max(peak.get(name, 0), rss)
        _, validate_rss = run([leadkit_cmd, "validate", str(data), "--framework", FRAMEWORK])
        print(f"file: {args.n:,} respondents x {len(fw.items)} items, {size / 1e6:.1f} MB; "
              f"{os.cpu_count()} CPUs, load {os.getloadavg()[0]:.2f}; Python "
              f"{sys.version.split()[0]}, pandas {pd.__version__}, numpy {np.__version__}")
        for name, values in times.items():
            print(f"  {name:<22s} best {min(values):6.2f} s  (runs: "
                  + ", ".join(f"{v:.2f}" for v in values) + f"), peak memory "
                  f"{peak[name] / 1e6:.0f} MB = {peak[name] / size:.1f}x the file")
        print(f"  {'leadkit validate':<22s} peak memory {validate_rss / 1e6:.0f} MB = "
              f"{validate_rss / size:.1f}x the file")
        if not rscript:
            print("Rscript not found (Debian: apt-get install r-cran-psych): no ratio.")
            return 0
        r_best = min(times["R psych::scoreItems"])
        ratio = r_best / min(times["leadkit score --wide"])
        tidy = r_best / min(times["leadkit score (tidy)"])
        print(f"ratio R / leadkit, same layout as R (--wide, one row per respondent): "
              f"{ratio:.2f} (target >= 1)")
        print(f"ratio R / leadkit, tidy layout (one row per respondent and element, "
              f"{len(fw.elements)}x the rows): {tidy:.2f}")
        _check_same_scores(folder, fw)
        return 1 if args.check and ratio < 1 else 0


if __name__ == "__main__":
    raise SystemExit(main())
