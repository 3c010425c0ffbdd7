"""The vectorised engine of March's (1991) model: many replications advanced in lock-step.

Internal to :mod:`leadkit.simulate._march`, which documents the model. State arrays carry a
leading replication axis; replications that are absorbed are dropped from the arrays, so late
periods only cost what is still running.

Examples
--------
>>> from leadkit.simulate._streams import spawn_streams
>>> prm = params_of(0.5, 0.5, 0.0, 0.0, 30, 50, 0, 0.9, "actions")
>>> batch = Batch(prm, spawn_streams(1, 3))
>>> batch.step()
>>> batch.beliefs.shape
(3, 50, 30)
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from leadkit.simulate._streams import hits, threshold

__all__ = ["VARIANTS", "ABSORPTION_CAP", "OPEN_HORIZON", "BLOCK", "Batch", "params_of"]

VARIANTS = ("actions", "beliefs")
#: Cap on periods when a run should end by absorption; a run that reaches it is flagged.
ABSORPTION_CAP = 5000
#: Default horizon when turnover or turbulence keep the system from ever settling.
OPEN_HORIZON = 100
#: Words read ahead per replication (see ``Batch``).
BUFFER = 4096
#: Most replications held in memory at once; ``march`` runs larger batches block by block.
BLOCK = 2000


@dataclass(frozen=True)
class _Params:
    p1: np.ndarray | int  # socialisation cut-off(s): one int, or one per individual (n,)
    p2: float
    p3: float
    p4: float
    m: int
    n: int
    variant: str


def _check(p1, p2, p3, p4, m, n, fast_learners, p1_fast, variant) -> None:
    for name, value in (("p1", p1), ("p2", p2), ("p3", p3), ("p4", p4), ("p1_fast", p1_fast)):
        if not 0.0 <= float(value) <= 1.0:
            raise ValueError(f"{name} is a probability: expected a number from 0 to 1, got {value}")
    if int(m) < 1 or int(n) < 1:
        raise ValueError(f"m and n must be at least 1, got m={m}, n={n}")
    if not 0 <= int(fast_learners) <= int(n):
        raise ValueError(f"fast_learners must be between 0 and n={n}, got {fast_learners}")
    if variant not in VARIANTS:
        raise ValueError(f"variant must be one of {VARIANTS}, got {variant!r}")


def _trit(u32: np.ndarray) -> np.ndarray:
    # A uniform 32-bit integer to −1/0/+1 with equal chances (multiply-shift; bias < 2⁻³²).
    return ((u32.astype(np.uint64) * 3) >> 32).astype(np.int8) - 1


def _u32(words: np.ndarray) -> np.ndarray:
    # Two 32-bit draws per 64-bit word, low half first, on any byte order.
    return words.astype("<u8", copy=False).view("<u4")


def _ranges(starts: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """Concatenated ``arange(s, s + l)`` for each (s, l), without a Python loop."""
    total = int(lengths.sum())
    offsets = np.repeat(starts - (np.cumsum(lengths) - lengths), lengths)
    return offsets + np.arange(total)


def _initial(bitgen: np.random.PCG64, m: int, n: int) -> tuple[np.ndarray, np.ndarray]:
    """Reality (m,) and beliefs (n, m) of one replication, from its own stream."""
    u = _u32(bitgen.random_raw((m + n * m + 1) // 2))
    reality = np.where(u[:m] < 2**31, 1, -1).astype(np.int8)
    beliefs = _trit(u[m : m + n * m]).reshape(n, m)
    return reality, beliefs


class Batch:
    """The state of many replications at once, advanced one period by :meth:`step`.

    Draws follow one protocol, shared with the per-agent reference: per replication and
    period, (a) if p3 or p4 > 0: m turbulence draws then n turnover draws (32 bits each),
    (b) the newcomers' beliefs, (c) one coin bit per belief (actions variant; used where the
    belief is 0), one socialisation draw per belief that differs from a non-zero code, and m
    code-learning draws, in the order individuals × dimensions. Drawing only what can matter
    keeps a late, nearly settled period cheap.

    Words are read ahead into a buffer per replication (``BUFFER`` words, refilled when a
    period needs more than is left). The values consumed are exactly the stream's next words,
    so reading ahead changes nothing but the number of calls into the generator.
    """

    def __init__(self, prm: _Params, streams: list[np.random.PCG64]) -> None:
        self.prm = prm
        self.streams = streams
        self._draw = [bg.random_raw for bg in streams]
        starts = [_initial(bg, prm.m, prm.n) for bg in streams]
        self.reality = np.stack([s[0] for s in starts])
        self.beliefs = np.stack([s[1] for s in starts])
        self.code = np.zeros_like(self.reality)
        self.ids = np.arange(len(streams))
        # What the last period did, per active replication: did the code change (or turnover
        # or turbulence strike), and how many beliefs still differ from a non-zero code. A
        # replication with an unchanged code and differing beliefs cannot be absorbed, so
        # :meth:`absorbed` compares the full arrays only for the others.
        self.changed = np.ones(len(streams), dtype=bool)
        self.remaining = np.full(len(streams), -1)
        # 1 − (1 − p2)^k for every possible majority margin k = 0 … n, as 32-bit cut-offs.
        self.learn_cut = np.array(
            [0] + [threshold(1.0 - (1.0 - prm.p2) ** k) for k in range(1, prm.n + 1)],
            dtype=np.uint64,
        )
        self.p3_cut, self.p4_cut = threshold(prm.p3), threshold(prm.p4)
        # Read-ahead buffer, indexed by replication id (never compacted, so dropping finished
        # replications costs nothing); its length covers at least two of the largest periods.
        largest = (prm.n * prm.m + 63) // 64 + (prm.n * prm.m + 1) // 2 + (prm.m + 1) // 2
        largest = max(largest, (prm.m + prm.n + 1) // 2 + (prm.n * prm.m + 1) // 2)
        self.width = max(BUFFER, 2 * largest)
        self.buf = np.stack([draw(self.width) for draw in self._draw])
        self.pos = np.zeros(len(streams), dtype=np.int64)

    def _take(self, counts: np.ndarray) -> np.ndarray:
        """Reserve ``counts[r]`` words for each active replication; return the flat offset of
        each block in ``self.buf`` (row-major)."""
        ids, width = self.ids, self.width
        short = ids[self.pos[ids] + counts > width]
        for rep in short.tolist():
            rest = width - int(self.pos[rep])
            self.buf[rep, :rest] = self.buf[rep, width - rest:]
            self.buf[rep, rest:] = self._draw[rep](width - rest)
            self.pos[rep] = 0
        base = ids * width + self.pos[ids]
        self.pos[ids] += counts
        return base

    def _u32(self) -> np.ndarray:
        return _u32(self.buf.reshape(-1))

    def _environment(self) -> None:
        prm, m, n = self.prm, self.prm.m, self.prm.n
        a = len(self.ids)
        per = (m if prm.p4 > 0 else 0) + (n if prm.p3 > 0 else 0)
        base = self._take(np.full(a, (per + 1) // 2))
        u = self._u32()[2 * base[:, None] + np.arange(per)]
        if prm.p4 > 0:
            self.reality[hits(u[:, :m], self.p4_cut)] *= -1
        if prm.p3 > 0:
            leave = hits(u[:, per - n :], self.p3_cut)
            leavers = leave.sum(axis=1)
            if leavers.any():
                base = self._take((leavers * m + 1) // 2)
                u_new = self._u32()[_ranges(2 * base, leavers * m)]
                self.beliefs[leave] = _trit(u_new).reshape(-1, m)

    def step(self) -> None:
        prm, m = self.prm, self.prm.m
        if prm.p3 > 0 or prm.p4 > 0:
            self._environment()
        reality, beliefs, code = self.reality, self.beliefs, self.code
        open_ = (code != 0)[:, None, :] & (beliefs != code[:, None, :])
        a, size = len(self.ids), prm.n * m
        # Flat positions (replication-major) give both the per-replication counts and the
        # places where the socialisation draws go.
        at_open = np.flatnonzero(open_)
        # Positions are sorted, so each replication's count is a difference of two searches.
        n_open = np.diff(np.searchsorted(at_open, np.arange(a + 1) * size))
        # Actions: one coin bit for every belief (used where the belief is 0), 64 per word.
        w_coin = (size + 63) // 64 if prm.variant == "actions" else 0
        w_open, w_code = (n_open + 1) // 2, (m + 1) // 2
        base = self._take(w_coin + w_open + w_code)
        u32 = self._u32()

        # Scores and votes as float32 matrix products: sums of at most n terms of ±1 are exact
        # in float32, and the products run in BLAS instead of a generic loop.
        if w_coin:
            coin_words = self.buf.reshape(-1)[base[:, None] + np.arange(w_coin)]
            bits = np.unpackbits(coin_words.astype("<u8", copy=False).view(np.uint8), axis=1,
                                 bitorder="little")
            coin = bits[:, :size].reshape(beliefs.shape).view(np.int8) * np.int8(2) - np.int8(1)
            # Arithmetic instead of np.where: a 0 belief plus its coin, others plus nothing.
            voters = (beliefs + (beliefs == 0).view(np.int8) * coin).astype(np.float32)
        else:
            voters = beliefs.astype(np.float32)
        score = np.matmul(voters, reality.astype(np.float32)[:, :, None])[:, :, 0]
        code_score = np.einsum("am,am->a", code, reality, dtype=np.int32)
        superior = (score > code_score[:, None]).astype(np.float32)
        votes = np.matmul(superior[:, None, :], voters)[:, 0, :].astype(np.int32)

        # Socialisation and code learning both see the code as it was at the period's start.
        if at_open.size:
            u_open = u32[_ranges(2 * (base + w_coin), n_open)]
            cut = prm.p1 if np.isscalar(prm.p1) else prm.p1[(at_open // m) % prm.n]  # type: ignore[index]
            pulled = at_open[hits(u_open, cut)]  # type: ignore[arg-type]
            rep = pulled // size
            flat = beliefs.reshape(-1)
            # A pulled 0 takes the code's value and stops differing; an opposite belief
            # becomes 0 and still differs.
            settled = pulled[flat[pulled] == 0]
            resolved = np.diff(np.searchsorted(settled, np.arange(a + 1) * size))
            # One step towards the code: −1 + 1 = 0, 0 + 1 = +1 (and the mirror for −1).
            flat[pulled] += code[rep, pulled % m]
        else:
            resolved = 0  # type: ignore[assignment]
        u_code = u32[(2 * (base + w_coin + w_open))[:, None] + np.arange(m)]
        majority = np.sign(votes).astype(np.int8)
        learn = (majority != 0) & (majority != code)
        learn &= u_code.astype(np.uint64) < self.learn_cut[np.minimum(np.abs(votes), prm.n)]
        np.copyto(code, majority, where=learn)
        self.changed = learn.any(axis=1) | (prm.p3 > 0 or prm.p4 > 0)
        self.remaining = n_open - resolved

    def absorbed(self) -> np.ndarray:
        """Which active replications can no longer change (see the class text)."""
        candidate = self.changed | (self.remaining == 0)
        if self.prm.variant == "actions":
            # A 0 in the code is never final here: members holding 0 act at random, and a
            # lucky action can still beat the code.
            candidate &= (self.code != 0).all(axis=1)
        out = np.zeros(len(self.ids), dtype=bool)
        rows = np.flatnonzero(candidate)
        if rows.size:
            differ = self.beliefs[rows] != self.code[rows][:, None, :]
            out[rows] = ~differ.any(axis=(1, 2))
        return out

    def keep(self, mask: np.ndarray) -> None:
        self.reality, self.beliefs = self.reality[mask], self.beliefs[mask]
        self.code, self.ids = self.code[mask], self.ids[mask]
        self.changed, self.remaining = self.changed[mask], self.remaining[mask]

    def measures(self, fast: int, rows: np.ndarray | None = None) -> dict[str, np.ndarray]:
        """Knowledge of the code and the individuals, for all or some active replications."""
        pick = slice(None) if rows is None else rows
        reality, beliefs, code = self.reality[pick], self.beliefs[pick], self.code[pick]
        correct = beliefs == reality[:, None, :]
        out = {
            "code_knowledge": (code == reality).mean(axis=1),
            "code_score": (code * reality.astype(np.int32)).mean(axis=1),
            "individual_knowledge": correct.mean(axis=(1, 2)),
        }
        if 0 < fast < self.prm.n:
            out["fast_knowledge"] = correct[:, :fast].mean(axis=(1, 2))
            out["slow_knowledge"] = correct[:, fast:].mean(axis=(1, 2))
        return out


def params_of(p1, p2, p3, p4, m, n, fast_learners, p1_fast, variant) -> _Params:
    """Check the model parameters and turn them into the engine's cut-offs and counts.

    Parameters
    ----------
    p1, p2, p3, p4 : float
        Socialisation, code learning, turnover and turbulence rates, each from 0 to 1.
    m, n : int
        The numbers of dimensions and individuals, at least 1.
    fast_learners : int
        How many individuals (the first ones) socialise at ``p1_fast``; 0 to ``n``.
    p1_fast : float
        The socialisation rate of the fast learners.
    variant : str
        One of :data:`VARIANTS`.

    Returns
    -------
    _Params
        One socialisation cut-off (or one per individual when the rates differ) and the
        other parameters as numbers.

    Raises
    ------
    ValueError
        A rate outside 0 to 1, ``m`` or ``n`` below 1, ``fast_learners`` outside 0 to ``n``,
        or an unknown variant.

    Examples
    --------
    >>> params_of(0.5, 0.5, 0, 0, 5, 5, 0, 0.9, "actions").p1
    2147483648
    """
    _check(p1, p2, p3, p4, m, n, fast_learners, p1_fast, variant)
    rates = np.full(int(n), float(p1))
    rates[: int(fast_learners)] = float(p1_fast)
    cuts = np.array([threshold(r) for r in rates], dtype=np.uint64)
    if (cuts == cuts[0]).all():
        # One shared rate: a scalar cut-off keeps the comparison in fast 32-bit arithmetic.
        cuts = int(cuts[0])  # type: ignore[assignment]
    return _Params(cuts, float(p2), float(p3), float(p4), int(m), int(n), variant)
