"""Many notebooks opening one new journal at the same moment: none fails, nothing is lost.

On a fresh machine a learner may open two notebooks (or a notebook and an app) at once, and
each kernel creates the journal on first use. This stress test makes eight processes race to
create, open and write the same brand-new journal, twenty times over, each time in a fresh
folder, with a barrier so they really start together. It must pass on every run.
"""

from __future__ import annotations

import multiprocessing as mp
import sys
import traceback
from pathlib import Path

import pytest

from leadkit.store.journal import Journal

PROCESSES, ROUNDS = 8, 20

pytestmark = [pytest.mark.slow, pytest.mark.skipif(sys.platform == "win32", reason="uses fork")]


def _racer(base: str, tag: int, barrier, failures) -> None:
    try:
        for r in range(ROUNDS):
            barrier.wait(timeout=60)
            folder = Path(base) / f"round-{r:02d}" / "journal.sqlite"
            j = Journal(folder)  # create (or find just created) and migrate
            j.add("race", f"{tag}-{r}")
            Journal(folder).add("race-again", f"{tag}-{r}")  # open an existing one and write
    except BaseException:  # report, don't hang the others on the barrier
        failures.put(f"process {tag}: {traceback.format_exc()}")
        barrier.abort()


def test_eight_processes_creating_one_journal_never_fail(tmp_path):
    ctx = mp.get_context("fork")
    barrier, failures = ctx.Barrier(PROCESSES), ctx.Queue()
    racers = [ctx.Process(target=_racer, args=(str(tmp_path), t, barrier, failures))
              for t in range(PROCESSES)]
    for p in racers:
        p.start()
    for p in racers:
        p.join(timeout=120)
    problems = []
    while not failures.empty():
        problems.append(failures.get())
    assert not problems, "\n".join(problems)
    assert [p.exitcode for p in racers] == [0] * PROCESSES
    expected = sorted(f"{t}-{r}" for t in range(PROCESSES) for r in range(ROUNDS))
    found = []
    for r in range(ROUNDS):
        j = Journal(tmp_path / f"round-{r:02d}" / "journal.sqlite")
        found += list(j.entries(prompt_id="race")["text"])
        assert sorted(j.entries(prompt_id="race-again")["text"]) == sorted(
            f"{t}-{r}" for t in range(PROCESSES))
    assert sorted(found) == expected
