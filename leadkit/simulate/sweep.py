"""Simulation sweeps (model x parameter grid x replications) on any executor, same results.

A sweep runs a model once per replication of every cell of a parameter grid. Who runs the
tasks is up to the caller: any :class:`concurrent.futures.Executor` will do, so the same call
runs serially (the default), on a process pool on one machine, or on a cluster through a
``dask.distributed`` client (``client.get_executor()``; see ``docs/cluster-sweeps.md``).

The results do not depend on the executor, the number of workers, the batch size or the
order in which tasks finish, bit for bit, because

- every replication has its own seed: the root ``SeedSequence(seed)`` is spawned into one
  child per cell, and each cell's child into one per replication; the model gets that
  child's state as its seed, never a shared or global random stream;
- results are put back in grid order (cell, then replication), not in order of arrival.

Examples
--------
>>> from leadkit.simulate._fang import fang
>>> table = sweep(per_replication(fang), {"linking": [0.0, 0.3]}, replications=3, seed=1,
...               fixed={"group_size": 5, "m": 10})
>>> table["linking"].tolist(), table["replication"].tolist()
([0.0, 0.0, 0.0, 0.3, 0.3, 0.3], [0, 1, 2, 0, 1, 2])
>>> table.equals(sweep(per_replication(fang), {"linking": [0.0, 0.3]}, replications=3, seed=1,
...                    fixed={"group_size": 5, "m": 10}, batch=1))
True
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import Executor, Future
from typing import Any

import numpy as np
import pandas as pd

__all__ = ["sweep", "per_replication", "replication_seeds", "SerialExecutor"]


class SerialExecutor(Executor):
    """Runs each task at once in the calling process: the default, and the reference."""

    def submit(self, fn, /, *args, **kwargs) -> Future:
        """Run ``fn(*args, **kwargs)`` now and hand back its result as a finished future.

        Parameters
        ----------
        fn : callable
            The task.
        *args, **kwargs
            Its arguments.

        Returns
        -------
        concurrent.futures.Future
            Done, with the result or the exception.
        """
        future: Future = Future()
        try:
            future.set_result(fn(*args, **kwargs))
        except BaseException as exc:  # handed to the caller through the future, as pools do
            future.set_exception(exc)
        return future


class per_replication:  # noqa: N801 - used like a function: per_replication(fang)
    """Wrap a kit batch model (``fang``, ``march``, ...) to run one replication per call.

    The wrapped model is called with ``replications=1`` and the sweep's per-replication seed,
    and its one result row is returned as a dict. It pickles (for process pools and dask)
    when the model is a module-level function.

    Parameters
    ----------
    model : callable
        A batch model of :mod:`leadkit.simulate` (or any function with ``replications=`` and
        ``seed=`` that returns one row per replication).
    """

    def __init__(self, model: Callable[..., pd.DataFrame]) -> None:
        self.model = model

    def __call__(self, *, seed: Sequence[int], **params: Any) -> dict[str, Any]:
        row = self.model(**params, replications=1, seed=list(seed)).iloc[0].to_dict()
        row.pop("replication", None)
        return row

    def __repr__(self) -> str:
        return f"per_replication({getattr(self.model, '__name__', self.model)!r})"


def replication_seeds(seed: int, n_cells: int, replications: int) -> list[list[list[int]]]:
    """Per cell, per replication: four 32-bit words from the spawned ``SeedSequence``.

    Parameters
    ----------
    seed : int
        The root seed.
    n_cells : int
        The number of parameter cells.
    replications : int
        Replications per cell.

    Returns
    -------
    list
        ``seeds[cell][replication]`` is a list of four 32-bit words, the entropy of that
        replication's ``SeedSequence``.

    Examples
    --------
    >>> seeds = replication_seeds(7, 2, 3)
    >>> len(seeds), len(seeds[0]), len(seeds[0][0])
    (2, 3, 4)
    >>> seeds == replication_seeds(7, 2, 3)
    True
    """
    cells = np.random.SeedSequence(seed).spawn(int(n_cells))
    return [[child.generate_state(4).tolist() for child in cell.spawn(int(replications))]
            for cell in cells]


def _run_batch(model: Callable[..., Mapping[str, Any]], params: dict[str, Any],
               seeds: list[list[int]]) -> list[dict[str, Any]]:
    return [dict(model(**params, seed=s)) for s in seeds]


def sweep(model: Callable[..., Mapping[str, Any]], grid: Mapping[str, Sequence[Any]],
          replications: int, *, seed: int = 0, executor: Executor | None = None,
          fixed: Mapping[str, Any] | None = None, batch: int = 10) -> pd.DataFrame:
    """Run ``model`` for every combination of ``grid`` values, ``replications`` times each.

    Parameters
    ----------
    model : callable
        Called as ``model(**fixed, **cell, seed=words)`` for one replication, returning a
        mapping of outcome names to values (wrap a kit model with :func:`per_replication`).
        Must be picklable for a process pool or a cluster.
    grid : mapping of str to sequence
        Parameter values; every combination is a cell (the first name varies slowest).
    replications : int
        Replications per cell.
    seed : int
        Root seed; the per-replication seeds are spawned from it (:func:`replication_seeds`).
    executor : concurrent.futures.Executor, optional
        Who runs the tasks: serial by default; a ``ProcessPoolExecutor``; or
        ``dask.distributed.Client(...).get_executor()``.
    fixed : mapping, optional
        Parameters passed unchanged to every call.
    batch : int
        Replications per task (fewer, larger tasks for a cluster); does not change results.

    Returns
    -------
    pandas.DataFrame
        One row per (cell, replication) in grid order: the grid columns, ``replication``,
        then the model's outcomes.

    Examples
    --------
    >>> from leadkit.simulate import fang
    >>> table = sweep(per_replication(fang), {"linking": [0.0, 1.0]}, replications=2, seed=1,
    ...               fixed={"max_periods": 50})
    >>> table[["linking", "replication"]].values.tolist()
    [[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]]
    """
    names = list(grid)
    if not names or any(len(grid[n]) == 0 for n in names):
        raise ValueError("grid needs at least one parameter with at least one value")
    if int(replications) < 1 or int(batch) < 1:
        raise ValueError("replications and batch must be at least 1")
    cells = [dict(zip(names, values, strict=True))
             for values in itertools.product(*(list(grid[n]) for n in names))]
    seeds = replication_seeds(seed, len(cells), int(replications))
    run = executor if executor is not None else SerialExecutor()
    base = dict(fixed or {})
    jobs = []
    for i, cell in enumerate(cells):
        for start in range(0, int(replications), int(batch)):
            part = seeds[i][start:start + int(batch)]
            jobs.append((i, start, run.submit(_run_batch, model, {**base, **cell}, part)))
    rows = []
    for i, start, future in jobs:  # grid order, whatever order the tasks finished in
        for offset, outcome in enumerate(future.result()):
            rows.append({**cells[i], "replication": start + offset, **outcome})
    return pd.DataFrame(rows)
