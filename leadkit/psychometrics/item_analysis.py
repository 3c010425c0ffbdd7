"""Internal consistency of a scale: Cronbach's alpha with a full item analysis.

The numbers follow R ``psych::alpha(x, use = "pairwise")``: one item covariance matrix C
(pairwise complete when answers are missing) gives raw alpha, alpha if an item is deleted and
the corrected item-total correlation (r.drop) in closed form, and the Feldt interval uses all
rows as n, as ``psych::alpha.ci`` does. Standardised alpha and the mean inter-item r use the
correlations psych uses, ``cov2cor`` of that covariance matrix (each item standardised by its
own variance over all its answers); with missing answers this differs slightly from averaging
the pairwise Pearson correlations, and a psych user gets psych's numbers.

Examples
--------
>>> import pandas as pd
>>> from leadkit.psychometrics.item_analysis import reliability
>>> answers = pd.DataFrame({"q1": [4, 5, 3, 4, 2, 5], "q2": [4, 4, 3, 5, 2, 4],
...                         "q3": [5, 5, 2, 4, 3, 4]})
>>> rel = reliability(answers)
>>> print(f"{rel.alpha:.3f} {rel.std_alpha:.3f} {rel.n} {rel.k}")
0.871 0.873 6 3
>>> rel.items["r_drop"].round(3).tolist()
[0.823, 0.747, 0.701]
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from html import escape

import numpy as np
import pandas as pd

from leadkit.errors import InputError
from leadkit.i18n import N_, format_number, tr

__all__ = ["Reliability", "reliability"]

_SOURCE = "<DataFrame>"
# Respondents per block: big enough for BLAS to run at full speed, small enough that the
# converted or centred copy of a block stays in cache instead of doubling the memory use.
_BLOCK = 32_768
# The columns of the item table, in order; their words for readers are in leadkit.render.columns.
_ITEM_COLUMNS = ("alpha_if_deleted", "std_alpha_if_deleted", "r_drop", "mean", "sd", "n")


@dataclass(frozen=True, eq=False)
class Reliability:
    """The result of :func:`reliability`.

    Attributes
    ----------
    alpha, std_alpha : float
        Raw (covariance-based) and standardised (correlation-based) Cronbach's alpha.
    ci : tuple of float
        Feldt confidence interval (lower, upper) of raw alpha at ``ci_level``.
    ci_level : float
        Confidence level of ``ci``.
    n, k : int
        Number of respondents (all rows, also those with gaps) and of items.
    average_r : float
        Mean inter-item correlation.
    items : pandas.DataFrame
        One row per item: ``alpha_if_deleted``, ``std_alpha_if_deleted``, ``r_drop``
        (corrected item-total correlation), ``mean``, ``sd`` and ``n`` (answers given).
    """

    alpha: float
    std_alpha: float
    ci: tuple[float, float]
    ci_level: float
    n: int
    k: int
    average_r: float
    items: pd.DataFrame

    def __repr__(self) -> str:
        lo, hi = self.ci
        return (
            f"Reliability(alpha={self.alpha:.3f}, std_alpha={self.std_alpha:.3f}, "
            f"ci=({lo:.3f}, {hi:.3f}), average_r={self.average_r:.3f}, n={self.n}, k={self.k})"
        )

    def _repr_html_(self) -> str:
        lo, hi = self.ci
        level = format_number(100 * self.ci_level, None) + "%"
        head = tr("Cronbach's alpha = {alpha} ({level} CI {lo} to {hi}); standardised "
                  "{std_alpha}; mean inter-item r {average_r}; {n} respondents, {k} "
                  "items").format(
                   alpha=format_number(self.alpha, 3), level=level, lo=format_number(lo, 3),
                   hi=format_number(hi, 3), std_alpha=format_number(self.std_alpha, 3),
                   average_r=format_number(self.average_r, 3), n=self.n, k=self.k)
        body = self.items.to_html(float_format=lambda v: format_number(v, 3))
        return f"<p>{escape(head, quote=False)}</p>{body}"


def _fail(problem: str, **where: object) -> InputError:
    return InputError(_SOURCE, tr(problem), **where)  # type: ignore[arg-type]


def _as_matrix(items: pd.DataFrame | np.ndarray) -> tuple[list[str], np.ndarray]:
    """Check the input; return item names and a numeric items x respondents matrix."""
    if not isinstance(items, pd.DataFrame):
        arr = np.asarray(items)
        if arr.ndim != 2:
            raise _fail(
                tr("expected a table with one column per item ({ndim}-D given)").format(
                    ndim=arr.ndim)
            )
        items = pd.DataFrame(arr, columns=[f"item{j + 1}" for j in range(arr.shape[1])])
    n, k = items.shape
    for count, what in ((k, N_("items")), (n, N_("respondents"))):
        if count < 2:
            raise _fail(tr("alpha needs at least 2 {what}, this table has {count}").format(
                what=tr(what), count=count))
    for j, (name, dtype) in enumerate(items.dtypes.items()):
        if dtype.kind in "biuf":
            continue
        col = items.iloc[:, j]
        # Text in a score column: name the first cell that is not a number.
        as_num = pd.to_numeric(col.astype(object), errors="coerce")
        bad = np.flatnonzero(as_num.isna().to_numpy() & col.notna().to_numpy())
        if bad.size:
            value = col.iloc[bad[0]]
            raise _fail(
                tr("{value!r} is not a number").format(value=value),
                row=int(bad[0]) + 2,
                column=str(name),
                expected=tr("numeric item scores"),
            )
    # One numeric block comes back without a copy; anything else (numbers stored as text or
    # as objects with None for gaps, nullable integers) becomes float64.
    x = items.to_numpy()
    if x.dtype.kind not in "biuf":
        numeric = items.apply(lambda c: pd.to_numeric(c.astype(object), errors="coerce"))
        x = numeric.to_numpy(dtype=np.float64, na_value=np.nan)
    # Items as rows: each item's answers are contiguous in a block of respondents.
    return [str(c) for c in items.columns], x.T


def _complete_cov(xt: np.ndarray, small_ints: bool) -> tuple[np.ndarray, np.ndarray] | None:
    """Covariance and means of complete data in one pass; None when a gap (NaN) turns up.

    Blocks of respondents are converted into a cache-sized buffer whose extra row of ones
    makes one BLAS product return cross-products and sums together; zero rows pad it to whole
    SIMD widths, where BLAS runs fastest. Float data are shifted by the first block's means,
    which keeps the sums of squares well conditioned. Small integers (Likert answers) go
    through float32 at twice the speed: their products are exact while every partial sum
    stays below 2**24, which the block's largest diagonal entry bounds (Cauchy-Schwarz); the
    exact block results add up exactly in float64, so only the final centring rounds. If the
    check fails, None sends the data down the float64 route.
    """
    k, n = xt.shape
    lanes, dtype = (16, np.float32) if small_ints else (8, np.float64)
    rows = -(-(k + 1) // lanes) * lanes
    with np.errstate(over="ignore", invalid="ignore"):  # overflow is found and named later
        shift = np.zeros(k) if small_ints else xt[:, :_BLOCK].mean(axis=1, dtype=np.float64)
    bufs = [np.zeros((rows, min(_BLOCK, n)), dtype) for _ in range(2)]
    for buf in bufs:
        buf[k] = 1.0
    starts = range(0, n, _BLOCK)

    def load(i: int) -> np.ndarray:
        block = bufs[i % 2][:, : min(_BLOCK, n - starts[i])]
        src = xt[:, starts[i] : starts[i] + _BLOCK]
        with np.errstate(invalid="ignore"):  # inf - inf gives NaN: see below
            if small_ints:  # a plain converting copy is the fastest way into float32
                np.copyto(block[:k], src, casting="unsafe")
            else:
                np.subtract(src, shift[:, None], out=block[:k])
        return block

    gram = np.zeros((rows, rows))
    # The next block is converted in a helper thread while BLAS multiplies the current one:
    # numpy releases the GIL for both, and the small product barely uses a second core.
    with np.errstate(invalid="ignore", over="ignore"), ThreadPoolExecutor(1) as helper:
        upcoming = helper.submit(load, 0)
        for i in range(len(starts)):
            block = upcoming.result()
            if i + 1 < len(starts):
                upcoming = helper.submit(load, i + 1)
            prod = block @ block.T
            if not np.isfinite(prod[k]).all():
                return None  # a gap (or an infinite value): the pairwise route handles it
            if small_ints and not prod.diagonal().max() < 2.0**24:
                return None
            gram += prod
    sums = gram[k, :k]
    return (gram[:k, :k] - np.outer(sums, sums) / n) / (n - 1), shift + sums / n


def _pairwise(xt: np.ndarray, names: list[str]) -> tuple[np.ndarray, ...]:
    """Pairwise-complete covariance and correlation from products with the answer mask.

    With M the 0/1 answer matrix and X the shifted answers (0 where missing), every sum over
    the rows where both item i and item j were answered is one entry of a matrix product:
    counts M'M, sums X'M, sums of squares (X*X)'M and cross-products X'X. So no loop over
    pairs is needed, and all four are accumulated block by block in one pass.
    """
    from scipy.linalg import blas  # loaded on first use, like scipy.stats

    k, n = xt.shape
    first = xt[:, :_BLOCK]
    seen = ~np.isnan(first)
    with np.errstate(over="ignore", invalid="ignore"):  # overflow is found and named below
        shift = np.where(seen, first, 0.0).sum(axis=1) / np.maximum(seen.sum(axis=1), 1)
    work = np.empty((3 * k, min(_BLOCK, n)))  # rows: shifted values, their squares, mask
    with_mask, cross = np.zeros((3 * k, k)), np.zeros((k, k))
    # An infinite value turns the sums into inf/NaN; it is located and reported below.
    with np.errstate(invalid="ignore", over="ignore"):
        for start in range(0, n, _BLOCK):
            w = min(_BLOCK, n - start)
            vals, sq, mask = work[:k, :w], work[k : 2 * k, :w], work[2 * k :, :w]
            gap = np.isnan(xt[:, start : start + w])
            np.subtract(xt[:, start : start + w], shift[:, None], out=vals)
            np.copyto(vals, 0.0, where=gap)
            np.logical_not(gap, out=mask, casting="unsafe")
            np.multiply(vals, vals, out=sq)
            with_mask += work[:, :w] @ mask.T
            cross += blas.dsyrk(1.0, vals.T, trans=1)
    if not (np.isfinite(with_mask).all() and np.isfinite(cross).all()):
        infinite = np.flatnonzero(np.isinf(xt).any(axis=0))
        if not len(infinite):  # every value finite, yet their squares overflow
            raise _fail(N_("the scores are too large to square (up to 1e308); item analysis "
                           "expects answers on a scale such as 1 to 5"))
        row = int(infinite[0])
        item = int(np.flatnonzero(np.isinf(xt[:, row]))[0])
        raise _fail(
            N_("infinite value"), row=row + 2, column=names[item]
        )
    s, q, both = with_mask[:k], with_mask[k : 2 * k], with_mask[2 * k :]
    if (both < 2).any():
        i, j = np.argwhere(both < 2)[0]
        if i == j:
            raise _fail(tr("fewer than 2 respondents answered '{item}'").format(item=names[i]))
        raise _fail(tr("fewer than 2 respondents answered both '{a}' and '{b}'").format(
            a=names[i], b=names[j]))
    cov = (cross + np.triu(cross, 1).T - s * s.T / both) / (both - 1)
    var_here = (q - s * s / both) / (both - 1)  # variance of item i on the rows shared with j
    with np.errstate(divide="ignore", invalid="ignore"):
        corr = cov / np.sqrt(var_here * var_here.T)
    counts = np.diagonal(both).astype(np.int64)
    return cov, corr, counts, shift + np.diagonal(s) / counts


def reliability(items: pd.DataFrame | np.ndarray, *, ci_level: float = 0.95) -> Reliability:
    """Analyse one scale: Cronbach's alpha and its items, as R ``psych::alpha(x)``.

    The same as ``psych::alpha(x, use = "pairwise")``.

    Parameters
    ----------
    items : pandas.DataFrame or 2-D array
        Item scores, one row per respondent and one column per item; NaN marks a missing
        answer. Reverse-keyed items must already be recoded (``low + high - x``, with the
        bounds of the answer scale, not of the data).
    ci_level : float, default 0.95
        Confidence level of the Feldt interval.

    Returns
    -------
    Reliability
        Alpha, standardised alpha, the interval, n, k, mean inter-item r and a per-item table.

    Raises
    ------
    InputError
        Fewer than 2 items or respondents, a column that is not numeric, an item without
        variance, or a pair of items that fewer than 2 respondents answered together.

    Notes
    -----
    With k = 2, alpha if an item is deleted is NaN (one item is left); psych prints a
    covariance ratio there instead.

    Examples
    --------
    >>> rel = reliability([[1, 2, 2], [2, 2, 3], [3, 4, 3], [4, 4, 5]], ci_level=0.9)
    >>> round(rel.alpha, 4), rel.items.index.tolist()
    (0.9388, ['item1', 'item2', 'item3'])
    """
    if not 0 < ci_level < 1:
        raise ValueError(
            tr("ci_level must lie between 0 and 1 (such as 0.95), got {ci_level!r}").format(
                ci_level=ci_level)
        )
    names, xt = _as_matrix(items)
    k, n = xt.shape
    complete = _complete_cov(xt, True) if xt.dtype.kind in "biu" else None
    if complete is None:
        complete = _complete_cov(xt, False)
    if complete is not None:
        cov, means = complete
        counts = np.full(k, n)
        sd = np.sqrt(np.diag(cov))
        with np.errstate(divide="ignore", invalid="ignore"):
            corr = cov / np.outer(sd, sd)
    else:
        cov, corr, counts, means = _pairwise(xt, names)
        # As psych::alpha: the correlations are cov2cor of the pairwise covariances, each
        # standardised by the item's own variance over all its answers (not the variance on
        # the rows a pair shares); with complete answers the two are the same.
        sd = np.sqrt(np.diag(cov))
        with np.errstate(divide="ignore", invalid="ignore"):
            corr = np.where(np.isnan(corr), np.nan, cov / np.outer(sd, sd))
    var = np.diag(cov)
    # A constant item has variance 0 up to rounding in the shifted sums, hence the tolerance.
    flat = np.flatnonzero(~(var > (1e-13 * np.abs(means)) ** 2))
    if flat.size:
        j = flat[0]
        raise _fail(
            N_("every answer to this item is the same, so it has no variance; leave it out"),
            column=names[j],
        )
    if np.isnan(corr).any():
        i, j = np.argwhere(np.isnan(corr))[0]
        raise _fail(
            tr("items '{value}' and '{value2}' cannot be correlated: one of them does not vary "
               "among the respondents who answered both").format(value=names[i], value2=names[j])
        )

    # Everything below is O(k^2) from the two matrices.
    total, trace = cov.sum(), var.sum()
    row = cov.sum(axis=1)
    rest_total = total - 2 * row + var  # sum of C without row and column i
    rtotal, rrow = corr.sum(), corr.sum(axis=1)
    with np.errstate(divide="ignore", invalid="ignore"):
        if k > 2:
            drop = (k - 1) / (k - 2) * (1 - (trace - var) / rest_total)
            std_drop = (k - 1) / (k - 2) * (1 - (k - 1) / (rtotal - 2 * rrow + 1))
        else:
            drop = std_drop = np.full(k, np.nan)
        r_drop = (row - var) / np.sqrt(var * rest_total)
        # Correlations summing to zero (two items at r = -1) give -inf, as in R.
        std_alpha = k / (k - 1) * (1 - k / rtotal)
        # Items with a zero total covariance give an infinite or missing alpha, as in R.
        alpha = k / (k - 1) * (1 - trace / total)
    average_r = (rtotal - k) / (k * (k - 1))

    # Feldt: (1 - alpha) / (1 - alpha_hat) follows F(n - 1, (n - 1)(k - 1)).
    p = 1 - ci_level
    from scipy import stats  # loaded on first use: it takes longer to import than pandas

    lo, hi = 1 - (1 - alpha) * stats.f.ppf([1 - p / 2, p / 2], n - 1, (n - 1) * (k - 1))
    columns = (drop, std_drop, r_drop, means, np.sqrt(var), counts.astype(np.int64))
    table = pd.DataFrame(
        dict(zip(_ITEM_COLUMNS, columns, strict=True)), index=pd.Index(names, name="item")
    )
    return Reliability(
        float(alpha), float(std_alpha), (float(lo), float(hi)), float(ci_level), int(n), int(k),
        float(average_r), table,
    )  # fmt: skip
