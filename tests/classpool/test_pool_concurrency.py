"""Many kernels share to one folder pool at once: nothing is lost, each learner counted once."""

from __future__ import annotations

import multiprocessing as mp

import pytest

from leadkit.classpool.pool import ClassPool

pytestmark = pytest.mark.slow

FW = "agile-cmo"
LEARNERS = [f"s{i:03d}" for i in range(150)]
PROCESSES = 4


def _share_all(args: tuple[str, list[str], object]) -> int:
    folder, learners, start = args
    start.wait(timeout=60)  # every process begins at the same moment
    pool = ClassPool(folder)
    for i, who in enumerate(learners):
        # Each learner shares twice (a changed mind): the second share must replace the first.
        pool.share(learner=who, framework=FW, scores={"build-trust": 1 + i % 5,
                                                      "soft-skills": 2.5})
        pool.share(learner=who, framework=FW, scores={"build-trust": 1 + (i + 1) % 5,
                                                      "soft-skills": 3.0})
    return len(learners)


def test_processes_sharing_150_learners_at_once_lose_nothing(tmp_path):
    folder = str(tmp_path / "pool")
    ClassPool.create(folder, roster=LEARNERS, codes=False)
    context = mp.get_context("spawn")  # as separate kernels are: nothing shared in memory
    with context.Manager() as manager:
        start = manager.Event()
        parts = [(folder, LEARNERS[i::PROCESSES], start) for i in range(PROCESSES)]
        with context.Pool(PROCESSES) as workers:
            pending = workers.map_async(_share_all, parts)
            start.set()
            done = pending.get(timeout=120)
    assert sum(done) == len(LEARNERS)
    view = ClassPool(folder).view(FW).set_index("element")
    assert view.loc["soft-skills", "n"] == 150 and view.loc["build-trust", "n"] == 150
    assert view.loc["soft-skills", "mean"] == pytest.approx(3.0)  # only the latest shares
    expected = sum(1 + (i + 1) % 5 for part in range(PROCESSES)
                   for i in range(len(LEARNERS[part::PROCESSES]))) / 150
    assert view.loc["build-trust", "mean"] == pytest.approx(expected)
