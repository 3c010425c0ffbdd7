"""A plain per-agent implementation of March's model, for cross-checks and the benchmark only.

It is written the way most published replications are: Python loops over individuals and
dimensions, one organisation at a time. It draws from exactly the same per-replication streams
and in the same layout as :mod:`leadkit.simulate._march`, so the two give identical results for
every replication — a strong check that the vectorised code does what this readable one says.
It is not part of the public API and is far too slow for teaching runs.

Examples
--------
>>> row = march_one(0.9, 0.5, seed=2, replication=0, replications=1)
>>> sorted(row)
['absorbed', 'code_knowledge', 'code_score', 'periods']
"""

from __future__ import annotations

import numpy as np

from leadkit.simulate._streams import Seed, spawn_streams, threshold

__all__ = ["march_one", "march_reference"]

_MASK32 = 0xFFFFFFFF


def march_one(p1: float, p2: float, p3: float = 0.0, p4: float = 0.0, m: int = 30, n: int = 50,
              seed: Seed = None, replication: int = 0, replications: int = 1,
              variant: str = "actions", max_periods: int | None = None, fast_learners: int = 0,
              p1_fast: float = 0.9, bitgen: np.random.PCG64 | None = None) -> dict:
    """Run replication ``replication`` of ``replications`` (same streams as ``march``).

    ``bitgen`` may pass that replication's stream in directly (saves re-spawning).

    Parameters
    ----------
    p1 : float
        Socialisation rate: the chance per period that an individual adopts one belief of the
        code.
    p2 : float
        Code learning rate from the superior group.
    p3 : float, default 0.0
        Turnover: the chance per period that an individual is replaced by a newcomer.
    p4 : float, default 0.0
        Environmental turbulence: the chance per period that a dimension of reality flips.
    m : int, default 30
        The number of dimensions of reality.
    n : int, default 50
        The number of individuals.
    seed : int or None, optional
        The root seed of the streams.
    replication : int, default 0
        Which replication to run.
    replications : int, default 1
        How many replications the streams are spawned for (as in ``march``).
    variant : str, default "actions"
        ``"actions"`` (individuals with no belief act at random) or ``"beliefs"``.
    max_periods : int, optional
        The number of periods to run at most. Default ``None``: 5000 in a closed system
        (``p3`` and ``p4`` zero), which ends at absorption, else 100.
    fast_learners : int, default 0
        The number of individuals (the first ones) who socialise at ``p1_fast``.
    p1_fast : float, default 0.9
        The socialisation rate of the fast learners.
    bitgen : numpy.random.PCG64, optional
        The replication's stream, passed in directly. Default ``None`` spawns it from
        ``seed``.

    Returns
    -------
    dict
        ``periods`` run, ``absorbed`` (everyone agrees with the code), ``code_knowledge``
        (share of dimensions the code has right) and ``code_score``.

    Examples
    --------
    >>> march_one(0.5, 0.5, m=5, n=5, seed=1)
    {'periods': 9, 'absorbed': True, 'code_knowledge': 1.0, 'code_score': 1.0}
    """
    if bitgen is None:
        bitgen = spawn_streams(seed, replications)[replication]
    closed = p3 == 0 and p4 == 0
    horizon = max_periods if max_periods is not None else (5000 if closed else 100)
    c3, c4 = threshold(p3), threshold(p4)
    cuts = [threshold(p1_fast if i < fast_learners else p1) for i in range(n)]
    learn_cut = [0] + [threshold(1.0 - (1.0 - p2) ** k) for k in range(1, n + 1)]

    def words(count: int) -> list[int]:
        return [int(x) for x in bitgen.random_raw(count)]

    def halves(raw: list[int]) -> list[int]:
        # Each 64-bit word holds two 32-bit draws, the low half first.
        out = []
        for x in raw:
            out += [x & _MASK32, x >> 32]
        return out

    # Start: reality from the first m draws, beliefs from the next n·m.
    start = halves(words((m + n * m + 1) // 2))
    reality = [1 if u < 2**31 else -1 for u in start[:m]]
    beliefs = [[(start[m + i * m + j] * 3 >> 32) - 1 for j in range(m)] for i in range(n)]
    code = [0] * m

    period, absorbed = 0, False
    while period < horizon:
        period += 1
        if p3 > 0 or p4 > 0:
            per = (m if p4 > 0 else 0) + (n if p3 > 0 else 0)
            env = halves(words((per + 1) // 2))
            if p4 > 0:
                for j in range(m):
                    if env[j] < c4:
                        reality[j] = -reality[j]
            if p3 > 0:
                leavers = [i for i in range(n) if env[per - n + i] < c3]
                if leavers:
                    fresh = halves(words((len(leavers) * m + 1) // 2))
                    for k, i in enumerate(leavers):
                        beliefs[i] = [(fresh[k * m + j] * 3 >> 32) - 1 for j in range(m)]

        # What this period can use: a coin bit per belief (actions; used where the belief is
        # 0), a draw per belief that differs from a non-zero code, and one per dimension for
        # code learning.
        open_ = [(i, j) for i in range(n) for j in range(m)
                 if code[j] != 0 and beliefs[i][j] != code[j]]
        w_coin = (n * m + 63) // 64 if variant == "actions" else 0
        w_open = (len(open_) + 1) // 2
        raw = words(w_coin + w_open + (m + 1) // 2)
        u32 = halves(raw[w_coin:])

        # Who acts how (actions variant) or who votes with their beliefs (beliefs variant).
        voters = [list(row) for row in beliefs]
        if variant == "actions":
            for i in range(n):
                for j in range(m):
                    if beliefs[i][j] == 0:
                        k = i * m + j
                        voters[i][j] = 1 if (raw[k // 64] >> (k % 64)) & 1 else -1
        code_score = sum(code[j] * reality[j] for j in range(m))
        superior = [i for i in range(n)
                    if sum(voters[i][j] * reality[j] for j in range(m)) > code_score]

        # Socialisation (with the start-of-period code): one step towards the code.
        old_code = list(code)
        for k, (i, j) in enumerate(open_):
            if u32[k] < cuts[i]:
                beliefs[i][j] += old_code[j]

        # Code learning from the superior group's strict majority.
        for j in range(m):
            vote = sum(voters[i][j] for i in superior)
            view = (vote > 0) - (vote < 0)
            if view != 0 and view != old_code[j]:
                if u32[2 * w_open + j] < learn_cut[min(abs(vote), n)]:
                    code[j] = view

        if closed:
            same = all(beliefs[i][j] == code[j] for i in range(n) for j in range(m))
            if same and (variant == "beliefs" or all(c != 0 for c in code)):
                absorbed = True
                break
    return {
        "periods": period,
        "absorbed": absorbed,
        "code_knowledge": sum(code[j] == reality[j] for j in range(m)) / m,
        "code_score": sum(code[j] * reality[j] for j in range(m)) / m,
    }


def march_reference(p1: float, p2: float, replications: int, seed: Seed = None,
                    first: int | None = None, **kwargs) -> list[dict]:
    """The first ``first`` (default: all) of ``replications`` replications, one at a time.

    Parameters
    ----------
    p1 : float
        Socialisation rate.
    p2 : float
        Code learning rate.
    replications : int
        How many replications the streams are spawned for.
    seed : int or None, optional
        The root seed.
    first : int, optional
        Run only the first this many replications. Default ``None`` runs all of them.
    **kwargs
        Further parameters of :func:`march_one` (``p3``, ``p4``, ``m``, ``n``, ``variant`` …).

    Returns
    -------
    list of dict
        One result of :func:`march_one` per replication, each with its ``replication``.

    Examples
    --------
    >>> [r["periods"] for r in march_reference(0.5, 0.5, 3, seed=1, first=2, m=5, n=5)]
    [9, 14]
    """
    count = replications if first is None else min(first, replications)
    streams = spawn_streams(seed, replications)
    return [
        {"replication": r, **march_one(p1, p2, bitgen=streams[r], **kwargs)}
        for r in range(count)
    ]

