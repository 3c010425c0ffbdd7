"""Random streams shared by the simulation models: one independent stream per replication.

Every replication draws only from its own stream, spawned from the root seed with
``numpy.random.SeedSequence(seed).spawn(replications)``. A replication's result therefore does
not depend on how many other replications run beside it, on the order they finish in, or on
whether they run vectorised or one agent at a time; the per-agent reference implementation uses
the same streams and reproduces the vectorised results exactly.

Probabilities are applied to raw 32-bit draws: an event with probability ``p`` happens when a
draw ``u`` (uniform on 0 … 2³²−1) is below ``round(p · 2³²)``. The rounding changes ``p`` by at
most 1.2e-10, far below any sampling error the kit reports.

Examples
--------
>>> streams = spawn_streams(7, 3)
>>> len(streams)
3
>>> threshold(0.5)
2147483648
>>> bool(hits(np.array([0, 2**31, 2**32 - 1], dtype=np.uint32), threshold(0.5))[0])
True
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeAlias

import numpy as np

from leadkit.docparams import shared_params

__all__ = ["Seed", "spawn_streams", "generators", "threshold", "hits", "TWO32"]

#: What a model's ``seed=`` takes: an int, the entropy of a SeedSequence (a list of ints, as
#: the replication figures pass), a SeedSequence itself, or None for fresh entropy.
Seed: TypeAlias = int | Sequence[int] | np.random.SeedSequence | None

TWO32 = 2**32


@shared_params
def spawn_streams(seed: Seed, replications: int) -> list[np.random.PCG64]:
    """One independent bit generator per replication, spawned from ``seed``.

    Parameters
    ----------
    %(streams)s

    Returns
    -------
    list of numpy.random.PCG64
        Independent streams; the same seed gives the same streams.

    Examples
    --------
    >>> len(spawn_streams(1, 3))
    3
    """
    children = np.random.SeedSequence(seed).spawn(int(replications))  # type: ignore[arg-type]
    return [np.random.PCG64(child) for child in children]


@shared_params
def generators(seed: Seed, replications: int) -> list[np.random.Generator]:
    """Like :func:`spawn_streams`, wrapped as ``numpy.random.Generator`` objects.

    For the models that draw with the generator's methods (Fang, Emperor, Approval); March
    compares raw 32-bit draws of the bit generators with :func:`threshold` cut-offs.

    Parameters
    ----------
    %(streams)s

    Returns
    -------
    list of numpy.random.Generator
        One generator per replication.

    Examples
    --------
    >>> round(float(generators(1, 2)[0].random()), 4)
    0.699
    """
    return [np.random.Generator(bg) for bg in spawn_streams(seed, replications)]


def threshold(p: float) -> int:
    """The integer cut-off below which a uniform 32-bit draw means "event happens".

    Parameters
    ----------
    p : float
        A probability; values outside 0 to 1 are clipped.

    Returns
    -------
    int
        ``round(p * 2**32)``, from 0 to :data:`TWO32`.

    Examples
    --------
    >>> threshold(0.5), threshold(1.0) == TWO32, threshold(-0.1)
    (2147483648, True, 0)
    """
    return int(min(max(round(float(p) * TWO32), 0), TWO32))


def hits(u32: np.ndarray, cut: int | np.ndarray) -> np.ndarray:
    """Boolean array: which 32-bit draws fall below ``cut`` (a cut of 2³² always hits).

    Parameters
    ----------
    u32 : numpy.ndarray of uint32
        Uniform 32-bit draws.
    cut : int or numpy.ndarray
        A cut-off of :func:`threshold`, or one per draw.

    Returns
    -------
    numpy.ndarray of bool
        True where the event happens.

    Examples
    --------
    >>> hits(np.array([0, 2**31], dtype=np.uint32), threshold(0.5)).tolist()
    [True, False]
    """
    if isinstance(cut, int | np.integer):
        if cut >= TWO32:
            return np.ones(np.shape(u32), dtype=bool)
        return u32 < np.uint32(cut)
    # Per-element cut-offs (e.g. one socialisation rate per individual) compare in 64 bits so
    # that a rate of exactly 1 (cut 2³²) needs no special case.
    return u32.astype(np.uint64) < np.asarray(cut, dtype=np.uint64)
