"""March (1991): mutual learning between an organisational code and its members.

Reality has ``m`` dimensions of ±1. Each of ``n`` individuals holds a belief of −1, 0 or +1 on
every dimension (drawn at random); the organisational code starts at 0 everywhere. Each period:

1. turbulence: each dimension of reality flips with probability ``p4``;
2. turnover: each individual leaves with probability ``p3`` and is replaced by a newcomer with
   random beliefs;
3. the superior group is found: individuals who score better on reality than the code;
4. socialisation: where the code is not 0 and a belief differs from it, the belief moves one
   step towards the code with probability ``p1`` (an opposite belief becomes 0, a 0 takes the
   code's value);
5. code learning: on each dimension where the superior group has a strict majority view that
   differs from the code, the code takes that view with probability ``1 − (1 − p2)^k``, ``k``
   the majority's margin.

Two published readings differ in step 3 (see ``docs/models/march.md``):

``variant="actions"`` (default; Rodan 2005, Christensen 2015)
    individuals *act*: a belief of ±1 is acted on, a 0 acts at random; an individual is
    superior when the score of their action (Σ action·reality) beats the code's score
    (Σ code·reality), and the code learns from the superior group's *actions*.
``variant="beliefs"`` (March's BASIC order)
    the superior group is those whose *beliefs* score better than the code, and the code learns
    from their beliefs (a 0 casts no vote).

Both steps 4 and 5 use the code as it was at the start of the period. Without turnover and
turbulence a run stops when it is absorbed: every belief equals the code and (in the actions
variant) the code has no 0 left, so nothing can change any more.

The reported ``code_knowledge`` is the share of the ``m`` dimensions on which the code matches
reality; ``code_score`` is March's Σ code·reality / m (the two agree once the code has no 0:
score = 2·knowledge − 1).

Examples
--------
>>> df = march(p1=0.5, p2=0.5, replications=20, seed=1)
>>> sorted(df.columns)[:4]
['absorbed', 'code_knowledge', 'code_score', 'individual_knowledge']
>>> bool(df["absorbed"].all()), len(df)
(True, 20)
"""

from __future__ import annotations

import itertools
import warnings
from collections.abc import Callable

import numpy as np
import pandas as pd

from leadkit.docparams import shared_methods, shared_params
from leadkit.simulate._march_engine import (
    ABSORPTION_CAP,
    BLOCK,
    OPEN_HORIZON,
    VARIANTS,
    Batch,
    params_of,
)
from leadkit.simulate._stepped import SteppedModel
from leadkit.simulate._streams import Seed, spawn_streams

__all__ = ["march", "MarchModel", "VARIANTS"]

def _run(prm, streams, horizon: int, closed: bool, fast: int, trajectory: bool,
         progress: Callable[[float], None] | None):
    """Advance one batch of replications to the end; returns final values, periods,
    absorbed flags and (with ``trajectory``) the per-period paths."""
    reps = len(streams)
    batch = Batch(prm, streams)
    first = batch.measures(fast)
    final = {key: np.empty(reps) for key in first}
    periods = np.full(reps, horizon)
    absorbed = np.zeros(reps, dtype=bool)
    paths = {key: np.empty((reps, horizon + 1)) for key in first} if trajectory else None
    if paths is not None:
        for key, values in first.items():
            paths[key][:, 0] = values

    def settle(mask: np.ndarray, period: int) -> None:
        ids = batch.ids[mask]
        for key, values in batch.measures(fast, np.flatnonzero(mask)).items():
            final[key][ids] = values
            if paths is not None:
                paths[key][ids, period:] = values[:, None]
        periods[ids] = period

    for period in range(1, horizon + 1):
        batch.step()
        if paths is not None:
            for key, values in batch.measures(fast).items():
                paths[key][batch.ids, period] = values
        if closed:
            done = batch.absorbed()
            if done.any():
                absorbed[batch.ids[done]] = True
                settle(done, period)
                batch.keep(~done)
                if progress is not None:
                    progress(1.0 - len(batch.ids) / reps)
        if len(batch.ids) == 0:
            break
    if len(batch.ids):
        settle(np.ones(len(batch.ids), dtype=bool), horizon)
    return final, periods, absorbed, paths


@shared_params
def march(p1: float, p2: float, p3: float = 0.0, p4: float = 0.0, m: int = 30, n: int = 50,
          replications: int = 80, seed: Seed = None, variant: str = "actions",
          max_periods: int | None = None, *, fast_learners: int = 0, p1_fast: float = 0.9,
          trajectory: bool = False, progress: Callable[[float], None] | None = None,
          n_jobs: int = 1) -> pd.DataFrame:
    """Run many replications of March's (1991) model at once.

    Parameters
    ----------
    %(march_model)s
    %(replicated)s
    max_periods : int, optional
        Last period. Default: run to absorption (capped at 5,000 periods and flagged in
        ``absorbed``) when ``p3 = p4 = 0``; otherwise 100 periods.
    trajectory : bool
        False: one row per replication (its final state). True: one row per replication and
        period 0 … last, an absorbed replication's state carried forward unchanged.
    progress : callable, optional
        Called with the share of replications finished (0 … 1), e.g. by a progress bar
        (with ``n_jobs > 1`` only at the end).
    n_jobs : int
        Processes to share the replications between; the result does not depend on it.

    Returns
    -------
    pandas.DataFrame
        Columns ``replication``, ``periods`` (periods run; with ``trajectory`` the column
        ``period``), ``absorbed``, ``code_knowledge`` (share of dimensions where the code
        matches reality), ``code_score`` (Σ code·reality / m), ``individual_knowledge`` (mean
        share of correct beliefs) and, with a mix of learners, ``fast_knowledge`` and
        ``slow_knowledge``.

    Examples
    --------
    >>> df = march(0.1, 0.9, replications=5, seed=3)
    >>> df[["replication", "periods", "code_knowledge"]].shape
    (5, 3)
    >>> march(0.5, 0.5, p4=0.02, replications=2, seed=1, max_periods=10, trajectory=True).shape
    (22, 6)
    """
    prm = params_of(p1, p2, p3, p4, m, n, fast_learners, p1_fast, variant)
    if int(replications) < 1:
        raise ValueError(f"replications must be at least 1, got {replications}")
    closed = prm.p3 == 0 and prm.p4 == 0
    horizon = int(max_periods) if max_periods is not None else (
        ABSORPTION_CAP if closed else OPEN_HORIZON
    )
    reps = int(replications)
    streams = spawn_streams(seed, reps)
    jobs = max(1, min(int(n_jobs), reps))
    # Contiguous blocks of replications (at most BLOCK each, to bound memory), one process per
    # block when n_jobs > 1. Each block keeps its own streams, so the result never depends on
    # the blocks or the processes.
    count = max(jobs, -(-reps // BLOCK))
    bounds = np.linspace(0, reps, count + 1).astype(int)
    blocks = [streams[lo:hi] for lo, hi in itertools.pairwise(bounds)]
    fast = int(fast_learners)
    if jobs == 1:
        parts = []
        for i, block in enumerate(blocks):
            tick = None if progress is None else (
                lambda done, i=i: progress((bounds[i] + done * len(blocks[i])) / reps))
            parts.append(_run(prm, block, horizon, closed, fast, trajectory, tick))
    else:
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(max_workers=jobs) as pool:
            parts = list(pool.map(_run, [prm] * count, blocks, [horizon] * count,
                                  [closed] * count, [fast] * count, [trajectory] * count,
                                  [None] * count))
    final = {key: np.concatenate([p[0][key] for p in parts]) for key in parts[0][0]}
    periods = np.concatenate([p[1] for p in parts])
    absorbed = np.concatenate([p[2] for p in parts])
    paths = None if not trajectory else {
        key: np.concatenate([p[3][key] for p in parts]) for key in parts[0][3]}
    missing = int((~absorbed).sum()) if closed else 0
    if missing and max_periods is None:
        warnings.warn(
            f"{missing} of {reps} replications were not absorbed after {horizon} "
            "periods; their rows have absorbed=False.",
            RuntimeWarning,
            stacklevel=2,
        )
    if progress is not None:
        progress(1.0)
    if paths is None:
        return pd.DataFrame(
            {"replication": np.arange(reps), "periods": periods, "absorbed": absorbed, **final}
        )
    return pd.DataFrame(
        {
            "replication": np.repeat(np.arange(reps), horizon + 1),
            "period": np.tile(np.arange(horizon + 1), reps),
            "absorbed": np.repeat(absorbed, horizon + 1),
            **{key: values.ravel() for key, values in paths.items()},
        }
    )


@shared_methods
class MarchModel(SteppedModel):
    """One organisation in March's model, stepped period by period (for teaching).

    Between steps its ``reality``, ``code`` and ``beliefs`` can be looked at, which the batch
    function :func:`march` never shows; ``history`` holds the measures of every period so far.

    Parameters
    ----------
    %(march_one)s

    Examples
    --------
    >>> model = MarchModel(p1=0.5, p2=0.5, seed=4)
    >>> model.step()
    >>> model.period
    1
    >>> path = model.run(periods=5)
    >>> list(path.columns)
    ['period', 'code_knowledge', 'code_score', 'individual_knowledge', 'absorbed']
    """

    def __init__(self, p1: float, p2: float, p3: float = 0.0, p4: float = 0.0, m: int = 30,
                 n: int = 50, seed: Seed = None, variant: str = "actions", *,
                 fast_learners: int = 0, p1_fast: float = 0.9) -> None:
        self._prm = params_of(p1, p2, p3, p4, m, n, fast_learners, p1_fast, variant)
        self._batch = Batch(self._prm, spawn_streams(seed, 1))
        self._fast = int(fast_learners)
        self._start()

    @property
    def reality(self) -> np.ndarray:
        """Reality, shape (m,), values ±1."""
        return self._batch.reality[0].copy()

    @property
    def code(self) -> np.ndarray:
        """The organisational code, shape (m,), values −1/0/+1."""
        return self._batch.code[0].copy()

    @property
    def beliefs(self) -> np.ndarray:
        """The individuals' beliefs, shape (n, m), values −1/0/+1."""
        return self._batch.beliefs[0].copy()

    @property
    def absorbed(self) -> bool:
        """True when nothing can change any more (only without turnover and turbulence)."""
        closed = self._prm.p3 == 0 and self._prm.p4 == 0
        return bool(closed and self._batch.absorbed()[0])

    def _row(self) -> dict:
        values = {key: float(v[0]) for key, v in self._batch.measures(self._fast).items()}
        return {"period": self.period, **values, "absorbed": self.absorbed}

    def _advance(self) -> None:
        self._batch.step()

    def _settled(self) -> bool:
        return self.absorbed

    def step(self) -> None:
        """Advance one period (does nothing once absorbed)."""
        self._step()

    def run(self, periods: int | None = None) -> pd.DataFrame:
        """Step until absorbed (at most 5,000 periods) or ``periods`` times.

        Parameters
        ----------
        periods : int, optional
            How many periods; default until absorbed.

        Returns
        -------
        pandas.DataFrame
            One row per period from 0, with the measures of :func:`march`.
        """
        return self._run(ABSORPTION_CAP if periods is None else periods)

