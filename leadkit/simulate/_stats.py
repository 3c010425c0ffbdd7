"""Summaries of many replications: mean, spread and a 95% confidence interval of the mean.

The interval is the usual t interval, mean ± t(0.975; R−1) · s/√R, with ``R`` replications
and ``s`` their sample standard deviation. Replications are independent (each has its own
random stream), so this is the right interval for the expected outcome of the model.

Examples
--------
>>> summary = mean_ci([0.9, 1.0, 0.8, 0.9])
>>> round(summary["mean"], 3), summary["n"]
(0.9, 4)
>>> round(summary["ci_low"], 3), round(summary["ci_high"], 3)
(0.77, 1.03)
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

__all__ = ["mean_ci", "summarise"]


def mean_ci(values: Sequence[float] | np.ndarray, level: float = 0.95) -> dict[str, float]:
    """Mean, standard deviation, standard error and t confidence interval of ``values``.

    With a single value the spread and interval are NaN: one replication says nothing about
    how much the outcome varies.

    Parameters
    ----------
    values : sequence of float or numpy.ndarray
        The outcome of each replication; NaN values are left out.
    level : float, default 0.95
        The confidence level of the interval.

    Returns
    -------
    dict
        ``mean``, ``sd``, ``se``, ``ci_low``, ``ci_high`` (floats) and ``n`` (int).

    Raises
    ------
    ValueError
        No values are left to summarise.

    Examples
    --------
    >>> out = mean_ci([1.0, 2.0, 3.0])
    >>> out["mean"], out["n"], round(out["ci_high"], 3)
    (2.0, 3, 4.484)
    """
    x = np.asarray(values, dtype=float)
    x = x[~np.isnan(x)]
    n = int(x.size)
    if n == 0:
        raise ValueError("no values to summarise")
    mean = float(x.mean())
    if n == 1:
        nan = float("nan")
        return {"mean": mean, "sd": nan, "se": nan, "ci_low": nan, "ci_high": nan, "n": 1}
    sd = float(x.std(ddof=1))
    se = float(sd / np.sqrt(n))
    from scipy import stats  # loaded on first use: it takes longer to import than pandas

    half = float(stats.t.ppf(0.5 + level / 2, n - 1)) * se
    return {"mean": mean, "sd": sd, "se": se, "ci_low": mean - half, "ci_high": mean + half,
            "n": n}


def summarise(
    frame: pd.DataFrame, value: str, by: str | Sequence[str] | None = None, level: float = 0.95
) -> pd.DataFrame:
    """One row per group of ``by`` with the :func:`mean_ci` of column ``value``.

    Parameters
    ----------
    frame : pandas.DataFrame
        One row per replication.
    value : str
        The column to summarise.
    by : str or sequence of str, optional
        The columns that make a group. Default ``None`` summarises all rows as one.
    level : float, default 0.95
        The confidence level of the intervals.

    Returns
    -------
    pandas.DataFrame
        The ``by`` columns, then the fields of :func:`mean_ci`, one row per group (sorted).

    Examples
    --------
    >>> df = pd.DataFrame({"p1": [0.1, 0.1, 0.9, 0.9], "k": [0.75, 1.0, 0.5, 0.75]})
    >>> summarise(df, "k", by="p1")[["p1", "mean", "n"]].to_dict("records")
    [{'p1': 0.1, 'mean': 0.875, 'n': 2}, {'p1': 0.9, 'mean': 0.625, 'n': 2}]
    """
    if by is None:
        return pd.DataFrame([mean_ci(frame[value], level)])
    keys = [by] if isinstance(by, str) else list(by)
    rows = []
    for group, part in frame.groupby(keys, sort=True):
        group = group if isinstance(group, tuple) else (group,)
        rows.append({**dict(zip(keys, group, strict=True)), **mean_ci(part[value], level)})
    return pd.DataFrame(rows)
