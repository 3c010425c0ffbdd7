"""Fang, Lee & Schilling (2010): semi-isolated subgroups and organisational learning.

March's mutual-learning world (reality of ``m`` dimensions of ±1, beliefs −1/0/+1 drawn at
random) without a central code: people learn *from each other*. The organisation is split into
``groups`` subgroups (in the kit's stories: brand, digital and CRM marketing). Each person
listens to everyone in their own subgroup and, with probability ``linking``, to each person in
another subgroup. ``linking = 0`` gives sealed silos; ``linking = 1`` is their opposite, where
everyone listens to everyone.

Each period every person compares scores (Σ belief·reality, as in March) with the people they
listen to. On each dimension where those who score higher hold a strict majority view that
differs from the person's own, the person adopts it with probability ``p_learn``. Everyone
updates at once from the previous period's beliefs. A run ends when nobody can learn anything
any more; ``knowledge`` is then the mean share of dimensions people get right.

The paper's headline, reproduced in ``tests/simulate/test_fang.py``: moderate cross-group
linking gives higher equilibrium knowledge than both sealed silos and a fully mixed team.

Examples
--------
>>> df = fang(linking=0.1, replications=5, seed=1)
>>> list(df.columns)
['replication', 'periods', 'absorbed', 'knowledge', 'agreement']
>>> bool(df["absorbed"].all())
True
"""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd

from leadkit.docparams import shared_methods, shared_params
from leadkit.simulate._stepped import SteppedModel
from leadkit.simulate._streams import Seed, generators

__all__ = ["fang", "FangModel", "GROUP_NAMES"]

#: Labels of the first three subgroups in the kit's marketing stories.
GROUP_NAMES = ("brand", "digital", "crm")


def _network(rng: np.random.Generator, groups: int, size: int, linking: float) -> np.ndarray:
    """(n, n) boolean "i listens to j": everyone in the own subgroup, plus each person in
    another subgroup with probability ``linking`` (drawn independently per ordered pair)."""
    n = groups * size
    team = np.repeat(np.arange(groups), size)
    same = team[:, None] == team[None, :]
    cross = ~same & (rng.random((n, n)) < linking)
    return (same | cross) & ~np.eye(n, dtype=bool)


class _Org:
    def __init__(self, gens, groups, size, m, linking, p_learn):
        self.gens, self.m, self.p_learn = gens, m, p_learn
        n = groups * size
        self.reality = np.stack([np.where(g.random(m) < 0.5, 1, -1) for g in gens]).astype(
            np.float32)
        self.beliefs = np.stack([g.integers(-1, 2, (n, m)) for g in gens]).astype(np.float32)
        self.listens = np.stack([_network(g, groups, size, linking) for g in gens])
        self.ids = np.arange(len(gens))

    def _majority(self) -> np.ndarray:
        score = np.matmul(self.beliefs, self.reality[:, :, None])[:, :, 0]
        better = self.listens & (score[:, None, :] > score[:, :, None])
        view = np.sign(np.matmul(better.astype(np.float32), self.beliefs))
        return np.where((view != 0) & (view != self.beliefs), view, np.nan)

    def open(self) -> np.ndarray:
        """Per replication: can anyone still learn something?"""
        return ~np.isnan(self._majority()).all(axis=(1, 2))

    def step(self) -> None:
        target = self._majority()
        shape = self.beliefs.shape[1:]
        u = np.stack([self.gens[r].random(shape) for r in self.ids])
        adopt = ~np.isnan(target) & (u < self.p_learn)
        self.beliefs = np.where(adopt, target, self.beliefs).astype(np.float32)

    def keep(self, mask: np.ndarray) -> None:
        self.reality, self.beliefs = self.reality[mask], self.beliefs[mask]
        self.listens, self.ids = self.listens[mask], self.ids[mask]

    def measures(self) -> dict[str, np.ndarray]:
        right = self.beliefs == self.reality[:, None, :]
        # Agreement: share of dimensions on which everyone holds the same belief.
        same = (self.beliefs == self.beliefs[:, :1, :]).all(axis=1)
        return {"knowledge": right.mean(axis=(1, 2)), "agreement": same.mean(axis=1)}


def _check(linking, p_learn, groups, group_size, m) -> None:
    for name, value in (("linking", linking), ("p_learn", p_learn)):
        if not 0.0 <= float(value) <= 1.0:
            raise ValueError(f"{name} must be from 0 to 1, got {value}")
    if int(groups) < 1 or int(group_size) < 2 or int(m) < 1:
        raise ValueError("need at least 1 subgroup of at least 2 people and m ≥ 1")


@shared_params
def fang(linking: float, groups: int = 3, group_size: int = 10, m: int = 30, p_learn: float = 0.5,
         *, replications: int = 100, seed: Seed = None, max_periods: int = 2000) -> pd.DataFrame:
    """Run many organisations of subgroups to equilibrium; one row per replication.

    Parameters
    ----------
    %(fang_model)s
    %(replicated)s
    max_periods : int
        Safety cap; a replication that reaches it is flagged ``absorbed=False``.

    Returns
    -------
    pandas.DataFrame
        ``replication``, ``periods``, ``absorbed``, ``knowledge`` (mean share of dimensions
        people get right at the end), ``agreement`` (share of dimensions everyone agrees on).

    Examples
    --------
    >>> fang(0.0, replications=2, seed=4)["absorbed"].tolist()
    [True, True]
    """
    _check(linking, p_learn, groups, group_size, m)
    reps = int(replications)
    org = _Org(generators(seed, reps), int(groups), int(group_size), int(m), float(linking),
               float(p_learn))
    out = {"periods": np.full(reps, max_periods), "absorbed": np.zeros(reps, bool),
           "knowledge": np.empty(reps), "agreement": np.empty(reps)}

    def settle(mask: np.ndarray, period: int, absorbed: bool) -> None:
        ids = org.ids[mask]
        for key, values in org.measures().items():
            out[key][ids] = values[mask]
        out["periods"][ids], out["absorbed"][ids] = period, absorbed

    for period in range(int(max_periods) + 1):
        done = ~org.open()
        if done.any():
            settle(done, period, True)
            org.keep(~done)
        if len(org.ids) == 0 or period == max_periods:
            break
        org.step()
    if len(org.ids):
        settle(np.ones(len(org.ids), bool), int(max_periods), False)
        warnings.warn(f"{len(org.ids)} replications did not settle in {max_periods} periods",
                      RuntimeWarning, stacklevel=2)
    return pd.DataFrame({"replication": np.arange(reps), **out})


@shared_methods
class FangModel(SteppedModel):
    """One organisation of subgroups, period by period (for teaching).

    ``listens`` shows who listens to whom (the network :func:`fang` draws and never shows);
    ``history`` holds the measures of every period so far.

    Parameters
    ----------
    %(fang_one)s

    Examples
    --------
    >>> path = FangModel(linking=0.2, seed=1).run(periods=5)
    >>> list(path.columns)
    ['period', 'knowledge', 'agreement', 'settled']
    """

    def __init__(self, linking: float, groups: int = 3, group_size: int = 10, m: int = 30,
                 p_learn: float = 0.5, seed: Seed = None) -> None:
        _check(linking, p_learn, groups, group_size, m)
        self._org = _Org(generators(seed, 1), int(groups), int(group_size), int(m),
                         float(linking), float(p_learn))
        self._start()

    @property
    def listens(self) -> np.ndarray:
        """(n, n) boolean: row i listens to column j."""
        return self._org.listens[0].copy()

    def _row(self) -> dict:
        values = {key: float(v[0]) for key, v in self._org.measures().items()}
        return {"period": self.period, **values, "settled": not bool(self._org.open()[0])}

    def _advance(self) -> None:
        self._org.step()

    def _settled(self) -> bool:
        return not self._org.open()[0]

    def step(self) -> None:
        """One period of learning (nothing happens once settled)."""
        self._step()

    def run(self, periods: int = 2000) -> pd.DataFrame:
        """Step until settled, or ``periods`` times.

        Parameters
        ----------
        periods : int, default 2000
            The most periods to step.

        Returns
        -------
        pandas.DataFrame
            One row per period from 0: ``period``, ``knowledge``, ``agreement``, ``settled``.
        """
        return self._run(periods)
