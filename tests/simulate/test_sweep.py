"""Sweeps give the same table bit for bit whichever executor runs them.

The grid is the Fang, Lee & Schilling (2010) experiment of ``leadkit.simulate.replications``
(cross-group linking from sealed silos to everyone listening to everyone).
"""

from __future__ import annotations

import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor

import numpy as np
import pandas as pd
import pytest

from leadkit.simulate._fang import fang
from leadkit.simulate.sweep import SerialExecutor, per_replication, replication_seeds, sweep

FANG_GRID = {"linking": [0.0, 0.01, 0.03, 0.1, 0.3, 1.0]}  # as replications._fang
REPS = 12


@pytest.fixture(scope="module")
def serial() -> pd.DataFrame:
    return sweep(per_replication(fang), FANG_GRID, REPS, seed=2010)


def test_the_serial_sweep_is_tidy_and_in_grid_order(serial):
    assert list(serial.columns) == ["linking", "replication", "periods", "absorbed",
                                    "knowledge", "agreement"]
    assert len(serial) == 6 * REPS
    assert serial["linking"].tolist() == [x for x in FANG_GRID["linking"] for _ in range(REPS)]
    assert serial["replication"].tolist() == list(range(REPS)) * 6
    assert serial["absorbed"].all()


def test_each_replication_is_its_own_run_of_the_model(serial):
    # replication r of cell i is fang() with exactly the seed spawned for it
    seeds = replication_seeds(2010, 6, REPS)
    one = fang(FANG_GRID["linking"][3], replications=1, seed=seeds[3][5])
    row = serial[(serial["linking"] == 0.1) & (serial["replication"] == 5)].iloc[0]
    assert row["knowledge"] == one["knowledge"].iloc[0]


def test_batch_size_and_threads_do_not_change_a_bit(serial):
    with ThreadPoolExecutor(2) as pool:
        threaded = sweep(per_replication(fang), FANG_GRID, REPS, seed=2010, executor=pool,
                         batch=5)
    pd.testing.assert_frame_equal(serial, threaded, check_exact=True)
    pd.testing.assert_frame_equal(serial, sweep(per_replication(fang), FANG_GRID, REPS,
                                                 seed=2010, batch=1), check_exact=True)


def test_a_process_pool_gives_the_same_table(serial):
    with ProcessPoolExecutor(2) as pool:
        parallel = sweep(per_replication(fang), FANG_GRID, REPS, seed=2010, executor=pool,
                         batch=4)
    pd.testing.assert_frame_equal(serial, parallel, check_exact=True)


@pytest.mark.slow
def test_a_dask_cluster_gives_the_same_table(serial):
    distributed = pytest.importorskip("distributed")
    start = time.monotonic()
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  host="127.0.0.1", dashboard_address=None,
                                  memory_limit="500MiB") as cluster, \
            distributed.Client(cluster) as client:
        on_cluster = sweep(per_replication(fang), FANG_GRID, REPS, seed=2010,
                           executor=client.get_executor(), batch=4)
    pd.testing.assert_frame_equal(serial, on_cluster, check_exact=True)
    assert time.monotonic() - start < 60


def test_another_seed_gives_other_numbers(serial):
    other = sweep(per_replication(fang), FANG_GRID, REPS, seed=2011)
    assert not np.array_equal(serial["knowledge"], other["knowledge"])


def test_the_papers_claim_shows_in_the_sweep(serial):
    means = serial.groupby("linking")["knowledge"].mean()
    assert means[0.1] > means[1.0]  # moderate linking beats everyone listening to everyone


def test_errors_from_a_task_reach_the_caller():
    def broken(**_):
        raise RuntimeError("model failed")

    with pytest.raises(RuntimeError, match="model failed"):
        sweep(broken, {"a": [1]}, 2, executor=SerialExecutor())
    with pytest.raises(ValueError, match="grid"):
        sweep(broken, {}, 2)
