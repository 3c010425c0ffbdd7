"""Reading and scoring a researcher's export against R ``read.csv`` + ``psych::scoreItems``.

Run:  .venv/bin/python benchmarks/bench_read_survey.py [--repeat 20] [--check]

The file is psych's ``bfi`` as the tests hold it (tests/data/surveys/bfi.csv: 2,800 people,
25 items on a 1–6 scale, 7 reverse-keyed, some answers empty), scored on the Big Five keys of
psych's help page. Each side is timed inside its own process, after its libraries are loaded,
best of ``--repeat``, in the same run:

- R: ``x <- read.csv(file); scoreItems(keys, x[, items], impute = "none", min = 1, max = 6)``,
  timed with ``proc.time()`` in Rscript;
- the kit: ``lk.read_survey(file, bfi)`` (every cell checked) then ``lk.score`` (tidy, one
  row per person and scale) and ``wide_scores`` (R's layout), timed with ``perf_counter``;
- both on the same answers as a Qualtrics export (three header rows, metadata columns): R
  reads it with ``read.csv``, drops the two extra header rows and makes the items numbers.

Target: the kit's read + score at most R's time (ratio R / kit ≥ 1; aim 2); ``--check`` turns
a miss into exit status 1. The script checks first that both give the same scores.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

import leadkit as lk
from leadkit.survey.scoring import wide_scores

DATA = Path(__file__).resolve().parents[1] / "tests" / "data" / "surveys" / "bfi.csv"
KEYS = {"agreeableness": ["-A1", "A2", "A3", "A4", "A5"],
        "conscientiousness": ["C1", "C2", "C3", "-C4", "-C5"],
        "extraversion": ["-E1", "-E2", "E3", "E4", "E5"],
        "neuroticism": ["N1", "N2", "N3", "N4", "N5"],
        "openness": ["O1", "-O2", "O3", "O4", "-O5"]}

R_SCRIPT = r"""
suppressPackageStartupMessages(library(psych))
args <- commandArgs(trailingOnly = TRUE)
keys <- list(agreeableness = c("-A1", "A2", "A3", "A4", "A5"),
             conscientiousness = c("C1", "C2", "C3", "-C4", "-C5"),
             extraversion = c("-E1", "-E2", "E3", "E4", "E5"),
             neuroticism = c("N1", "N2", "N3", "N4", "N5"),
             openness = c("O1", "-O2", "O3", "O4", "-O5"))
items <- sub("-", "", unlist(keys))
best <- Inf
for (i in seq_len(as.integer(args[2]))) {
  start <- proc.time()[["elapsed"]]
  x <- read.csv(args[1])
  s <- scoreItems(keys, x[, items], impute = "none", min = 1, max = 6)
  best <- min(best, proc.time()[["elapsed"]] - start)
}
write.csv(data.frame(respondent = x$respondent, s$scores), args[3], row.names = FALSE)
# The Qualtrics export as an R user reads it: drop the two header rows, make numbers.
qual <- Inf
for (i in seq_len(as.integer(args[2]))) {
  start <- proc.time()[["elapsed"]]
  q <- read.csv(args[4], fileEncoding = "UTF-8-BOM")[-(1:2), ]
  q[items] <- lapply(q[items], as.numeric)
  s <- scoreItems(keys, q[, items], impute = "none", min = 1, max = 6)
  qual <- min(qual, proc.time()[["elapsed"]] - start)
}
cat(sprintf("%.6f %.6f\n", best, qual))
"""


def qualtrics_copy(source: Path, target: Path) -> Path:
    """The same answers as a Qualtrics CSV: metadata first, the question-text and ImportId rows."""
    data = pd.read_csv(source, dtype=str, keep_default_na=False)
    items = list(data.columns[1:])
    meta = ["StartDate", "EndDate", "Status", "Progress", "Duration (in seconds)", "Finished",
            "RecordedDate", "ResponseId", "DistributionChannel", "UserLanguage"]
    head = pd.DataFrame([meta + items,
                         meta[:7] + ["Response ID"] + meta[8:] + [f"Rate - {i}" for i in items],
                         [f'{{"ImportId":"{m}"}}' for m in meta]
                         + [f'{{"ImportId":"QID1_{k}"}}' for k in range(1, len(items) + 1)]])
    body = pd.DataFrame({"StartDate": "2025-03-01 09:00:00", "EndDate": "2025-03-01 09:05:00",
                         "Status": "0", "Progress": "100", "Duration (in seconds)": "300",
                         "Finished": "1", "RecordedDate": "2025-03-01 09:05:00",
                         "ResponseId": "R_" + data["respondent"], "DistributionChannel":
                         "anonymous", "UserLanguage": "EN"} | {i: data[i] for i in items})
    body.columns = range(len(body.columns))
    pd.concat([head, body]).to_csv(target, index=False, header=False, encoding="utf-8-sig")
    return target


def best_of(repeat: int, call) -> tuple[float, object]:  # noqa: ANN001 - any callable
    times, out = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        out = call()
        times.append(time.perf_counter() - start)
    return min(times), out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    bfi = lk.Instrument.from_keys(KEYS, scale=(1, 6), name="bfi")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        export = qualtrics_copy(DATA, folder / "bfi-qualtrics.csv")
        lk.score(lk.read_survey(DATA, bfi), bfi)  # warm: the modules are loaded, as R's are
        tidy, scores = best_of(args.repeat, lambda: lk.score(lk.read_survey(DATA, bfi), bfi))
        wide, table = best_of(args.repeat, lambda: pd.concat(list(wide_scores(
            lk.read_survey(DATA, bfi), bfi, min_share=0.01))))
        quiet = {"category": UserWarning}
        import warnings

        with warnings.catch_warnings():
            warnings.simplefilter("ignore", **quiet)
            qual, _ = best_of(args.repeat, lambda: lk.score(lk.read_survey(export, bfi), bfi))
        print(f"bfi: 2,800 respondents x 25 items; Python {sys.version.split()[0]}, pandas "
              f"{pd.__version__}, numpy {np.__version__}; best of {args.repeat}")
        print(f"  kit read_survey + score (tidy)        {tidy * 1000:7.1f} ms")
        print(f"  kit read_survey + wide_scores         {wide * 1000:7.1f} ms")
        print(f"  kit Qualtrics export + score (tidy)   {qual * 1000:7.1f} ms")
        rscript = shutil.which("Rscript")
        if not rscript:
            print("Rscript not found (Debian: apt-get install r-cran-psych): no ratio.")
            return 0
        (folder / "score.R").write_text(R_SCRIPT, encoding="utf-8")
        done = subprocess.run([rscript, str(folder / "score.R"), str(DATA), str(args.repeat),
                               str(folder / "r.csv"), str(export)], capture_output=True,
                              text=True, check=True)
        r_best, r_qual = map(float, done.stdout.split()[-2:])
        theirs = pd.read_csv(folder / "r.csv")
        worst = max(float(np.nanmax(np.abs(table[s].to_numpy() - theirs[s].to_numpy())))
                    for s in KEYS)
        print(f"  R read.csv + scoreItems               {r_best * 1000:7.1f} ms")
        print(f"  R Qualtrics export + scoreItems       {r_qual * 1000:7.1f} ms")
        print(f"largest difference between the kit's and R's scores: {worst:.1e}")
        ratio = r_best / tidy
        print(f"ratio R / kit (read + score, tidy): {ratio:.2f}; R's layout: "
              f"{r_best / wide:.2f}; the Qualtrics export, each side reading it: "
              f"{r_qual / qual:.2f} (target >= 1, aim 2)")
        if worst > 1e-9:
            raise SystemExit("the kit and R disagree: the comparison is void")
        return 1 if args.check and ratio < 1 else 0


if __name__ == "__main__":
    raise SystemExit(main())
