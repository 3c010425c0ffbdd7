"""Centola, Willer & Macy (2005), "The Emperor's Dilemma": how an unpopular norm spreads.

A few *true believers* hold a norm with full conviction (strength 1); everyone else privately
disbelieves it with a conviction strength drawn uniformly from 0 to ``max_strength``. Each agent
looks at its neighbours and decides two things (the paper's two rules):

- **compliance** — a disbeliever goes along with the norm when the net share of neighbours who
  enforce it, ``Σ E_j / k``, is larger than its own conviction; otherwise it acts on its belief.
  True believers always comply.
- **enforcement** — a complying disbeliever *falsely enforces* the norm (pressures others to
  comply) when that pressure exceeds its conviction plus the enforcement cost ``cost``; an agent
  acting on its belief enforces that belief when ``strength × need > cost``, the need being the
  share of neighbours who behave against its belief.

Agents update one at a time in a fresh random order each period, each seeing the latest choices
of the others. Neighbourhoods are either *local* (a ring where everyone sees the ``k`` nearest
agents, each tie replaced by a random agent with probability ``rewiring``) or *global* (everyone
sees everyone). True believers are scattered at random, or start side by side
(``clustered=True``).

What the dashboard shows is ``compliance`` (share of agents acting as the norm asks); what
people privately hold is ``private_support`` (share of true believers). The gap is pretend
compliance.

Examples
--------
>>> df = emperor(agents=100, replications=4, seed=1, network="global", periods=10)
>>> list(df.columns)[:4]
['replication', 'periods', 'compliance', 'private_support']
>>> bool((df["compliance"] < 0.5).all())
True
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from leadkit.docparams import shared_methods, shared_params
from leadkit.simulate._stepped import SteppedModel
from leadkit.simulate._streams import Seed, generators

__all__ = ["emperor", "EmperorModel", "NETWORKS"]

NETWORKS = ("local", "global")


def _neighbours(rng: np.random.Generator, agents: int, k: int, rewiring: float) -> np.ndarray:
    """(agents, k) neighbour table: the k nearest on a ring, each tie rewired with ``rewiring``."""
    half = k // 2
    offsets = np.concatenate([np.arange(-half, 0), np.arange(1, k - half + 1)])
    table = (np.arange(agents)[:, None] + offsets[None, :]) % agents
    rewire = rng.random(table.shape) < rewiring
    # A rewired tie points to a random other agent (never to itself).
    draw = rng.integers(0, agents - 1, size=table.shape)
    draw += draw >= np.arange(agents)[:, None]
    return np.where(rewire, draw, table)


class _World:
    """All replications of one setting; ``sweep`` updates every agent once, vectorised."""

    def __init__(self, gens, agents, believers, max_strength, cost, network, k, rewiring,
                 clustered):
        self.gens, self.n, self.cost = gens, agents, cost
        reps = len(gens)
        n_true = max(1, round(believers * agents)) if believers > 0 else 0
        self.belief = -np.ones((reps, agents), dtype=np.int8)
        self.strength = np.empty((reps, agents))
        self.table = None if network == "global" else np.empty((reps, agents, k), dtype=np.intp)
        for r, rng in enumerate(gens):
            who = (rng.integers(agents) + np.arange(n_true)) % agents if clustered else (
                rng.choice(agents, n_true, replace=False))
            self.belief[r, who] = 1
            self.strength[r] = rng.uniform(0.0, max_strength, agents)
            if self.table is not None:
                self.table[r] = _neighbours(rng, agents, k, rewiring)
        self.strength[self.belief == 1] = 1.0
        self.comply = self.belief.copy()  # everyone starts acting on their own belief
        self.enforce = np.zeros_like(self.belief)
        self.rows = np.arange(reps)

    def sweep(self) -> int:
        """One period: every agent updates once, in a random order; returns changes made."""
        order = np.stack([rng.permutation(self.n) for rng in self.gens])
        rows, col = self.rows[:, None], self.rows
        # Everything about the agents that does not change within a period, in update order.
        beliefs = self.belief[rows, order].astype(np.int64)
        strengths = self.strength[rows, order]
        tables = None if self.table is None else self.table[rows, order]  # (reps, n, k)
        total_e = self.enforce.sum(1, dtype=np.int64)
        total_c = self.comply.sum(1, dtype=np.int64)
        enforce_now, comply_now = self.enforce, self.comply
        changes = 0
        for step in range(self.n):
            who, b, s = order[:, step], beliefs[:, step], strengths[:, step]
            e_old = enforce_now[col, who].astype(np.int64)
            c_old = comply_now[col, who].astype(np.int64)
            # Neighbours' sums never include the agent itself (ties never point to it), so
            # its own new compliance does not change them: one look serves both decisions.
            if tables is None:
                e_sum, c_sum, size = total_e - e_old, total_c - c_old, self.n - 1
            else:
                nb = tables[:, step]
                e_sum = enforce_now[rows, nb].sum(1, dtype=np.int64)
                c_sum = comply_now[rows, nb].sum(1, dtype=np.int64)
                size = nb.shape[1]
            pressure = -b * e_sum / size  # net enforcement against the agent's belief
            comply = np.where(pressure > s, -b, b)
            need = (1 - b * c_sum / size) / 2  # share of neighbours acting against the belief
            enforce = np.where((comply != b) & (pressure > s + self.cost), -b,
                               np.where((comply == b) & (s * need > self.cost), b, 0))
            comply_now[col, who] = comply
            enforce_now[col, who] = enforce
            total_c += comply - c_old
            total_e += enforce - e_old
            changes += int(np.count_nonzero(c_old != comply) + np.count_nonzero(e_old != enforce))
        return changes

    def measures(self) -> dict[str, np.ndarray]:
        dis = self.belief == -1
        n_dis = np.maximum(dis.sum(1), 1)
        return {
            "compliance": (self.comply == 1).mean(1),
            "private_support": (self.belief == 1).mean(1),
            "false_compliance": ((self.comply == 1) & dis).sum(1) / n_dis,
            "false_enforcement": ((self.enforce == 1) & dis).sum(1) / n_dis,
            "enforcing_deviance": (self.enforce == -1).mean(1),
        }


def _world(seed, replications, agents, believers, max_strength, cost, network, k, rewiring,
           clustered) -> _World:
    if network not in NETWORKS:
        raise ValueError(f"network must be one of {NETWORKS}, got {network!r}")
    for name, value in (("believers", believers), ("max_strength", max_strength),
                        ("rewiring", rewiring), ("cost", cost)):
        if not 0.0 <= float(value) <= 1.0:
            raise ValueError(f"{name} must be from 0 to 1, got {value}")
    if int(agents) < 3 or not 2 <= int(k) < int(agents):
        raise ValueError(f"need at least 3 agents and 2 ≤ k < agents (got {agents}, {k})")
    return _World(generators(seed, int(replications)), int(agents), float(believers),
                  float(max_strength), float(cost), network, int(k), float(rewiring),
                  bool(clustered))


@shared_params
def emperor(agents: int = 500, believers: float = 0.015, max_strength: float = 0.38,
            cost: float = 0.08, network: str = "local", k: int = 8, rewiring: float = 0.03, *,
            clustered: bool = False, periods: int = 30, replications: int = 40,
            seed: Seed = None) -> pd.DataFrame:
    """Run the Emperor's Dilemma for many replications; one row per replication.

    Parameters
    ----------
    %(emperor_model)s
    periods : int
        Maximum periods. All replications stop together once a whole period changes nothing
        in any of them; a replication that is already quiet stays exactly as it is (every
        agent's choice then already follows from the others'), so extra periods change
        nothing.
    %(replicated)s

    Returns
    -------
    pandas.DataFrame
        ``replication``, ``periods``, ``compliance`` (share acting as the norm asks: what a
        dashboard shows), ``private_support`` (share who believe in it), ``false_compliance``
        and ``false_enforcement`` (shares of disbelievers), ``enforcing_deviance``.

    Examples
    --------
    >>> emperor(agents=60, replications=2, seed=3, periods=5).shape
    (2, 7)
    """
    world = _world(seed, replications, agents, believers, max_strength, cost, network, k,
                   rewiring, clustered)
    used = 0
    for _ in range(int(periods)):
        used += 1
        if world.sweep() == 0:
            break
    return pd.DataFrame({"replication": np.arange(int(replications)), "periods": used,
                         **world.measures()})


@shared_methods
class EmperorModel(SteppedModel):
    """One population, period by period (for teaching).

    ``history`` holds the measures of every period so far: how compliance spreads while
    private support stays where it was.

    Parameters
    ----------
    %(emperor_one)s

    Examples
    --------
    >>> path = EmperorModel(agents=80, believers=0.05, seed=4).run(periods=3)
    >>> list(path.columns)[:3]
    ['period', 'compliance', 'private_support']
    >>> last = path.iloc[-1]  # 44 of the 80 comply, while 4 of them believe in the norm
    >>> round(last["compliance"] * 80), round(last["private_support"] * 80)
    (44, 4)
    """

    def __init__(self, agents: int = 500, believers: float = 0.015, max_strength: float = 0.38,
                 cost: float = 0.08, network: str = "local", k: int = 8,
                 rewiring: float = 0.03, *, clustered: bool = False,
                 seed: Seed = None) -> None:
        self._world = _world(seed, 1, agents, believers, max_strength, cost, network, k,
                             rewiring, clustered)
        self._start()

    def _row(self) -> dict:
        return {"period": self.period,
                **{key: float(v[0]) for key, v in self._world.measures().items()}}

    def _advance(self) -> None:
        self._world.sweep()

    def step(self) -> None:
        """Let every agent update once."""
        self._step()

    def run(self, periods: int = 30) -> pd.DataFrame:
        """Step ``periods`` times.

        Unlike :func:`emperor`, which stops once a whole period changes nothing, the teaching
        model never stops by itself: a quiet period is stepped and recorded like any other.

        Parameters
        ----------
        periods : int, default 30
            How many periods: every agent updates once in each.

        Returns
        -------
        pandas.DataFrame
            One row per period from 0, with the measures of :func:`emperor`.
        """
        return self._run(periods)
