"""Agreement beyond rwg: awg, average deviation, rwg(j) against its null, ICC intervals.

Companions to :mod:`leadkit.psychometrics.agreement`, written to give the numbers of R
``multilevel``:

- :func:`awg` as ``multilevel::awg`` (Brown & Hauenstein, 2005, *Organizational Research
  Methods*): agreement relative to the largest variance possible at the team's mean, so it
  does not depend on where on the scale a team stands;
- :func:`ad_m` as ``multilevel::ad.m`` (Burke, Finkelstein & Dusig, 1999, *Organizational
  Research Methods*): mean absolute deviation from the team mean (or median), in scale units;
- :func:`rwg_j_sim` as ``multilevel::rwg.j.sim`` and :func:`rwg_j_significance`: how large
  rwg(j) gets when members answer at random (Dunlap et al., 2003, *Journal of Applied
  Psychology*), so a team's value can be tested against chance;
- :func:`icc_ci`: ICC(1) and ICC(2) with F-based confidence intervals (McGraw & Wong, 1996,
  *Psychological Methods*), the intervals ``psych::ICC`` gives for balanced designs.

Small teams follow :mod:`leadkit.psychometrics.agreement`: rows with a gap are left out, a team
with one member left gets NaN (as R does), and every team that has members is listed. These are
researcher functions: a table or chart for an audience goes through :mod:`leadkit.privacy`,
which withholds teams of fewer than three people.

Examples
--------
>>> import pandas as pd
>>> items = pd.DataFrame({"q1": [3, 4, 4, 1, 3, 5], "q2": [4, 4, 3, 2, 2, 4]})
>>> team = ["a", "a", "a", "b", "b", "b"]
>>> awg(items, team).round(3).to_dict()
{'a': 0.875, 'b': 0.105}
>>> ad_m(items, team).round(3).to_dict()
{'a': 0.444, 'b': 1.111}
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from leadkit.docparams import shared_params
from leadkit.i18n import N_, tr
from leadkit.privacy import FLOOR, check_floor
from leadkit.psychometrics.agreement import (
    ArrayLike,
    agreement_error,
    anova_parts,
    check_team_means_differ,
    item_frame,
    null_variance,
    team_labels,
)

__all__ = ["awg", "ad_m", "rwg_j_sim", "rwg_j_significance", "icc_ci"]


def _items(items, groups, scale: tuple[float, float] | None = None
           ) -> tuple[pd.DataFrame, pd.Series]:
    """Checked numeric items and team labels, complete rows only (as R's ``na.exclude``)."""
    frame = item_frame(items, "item")
    if frame.shape[1] == 0 or len(frame) == 0:
        raise agreement_error(N_("there are no scores"))
    teams = team_labels(groups, len(frame))
    values = frame.to_numpy(float)
    if np.isinf(values).any():  # an infinite answer would turn every index into inf or NaN
        row, col = np.argwhere(np.isinf(values))[0]
        raise agreement_error(N_("infinite value"), row=int(row) + 2,
                              column=str(frame.columns[col]))
    if scale is not None:
        low, high = scale
        outside = (values < low) | (values > high)
        if outside.any():
            row, col = np.argwhere(outside)[0]
            raise agreement_error(
                tr("score {value:g} is outside the scale {low:g}-{high:g}").format(
                    value=values[row, col], low=low, high=high),
                row=int(row) + 2, column=str(frame.columns[col]))
    keep = frame.notna().all(axis=1).to_numpy() & teams.notna().to_numpy()
    return frame[keep], teams[keep]


def _check_scale(scale: tuple[float, float]) -> tuple[float, float]:
    try:
        low, high = (float(v) for v in scale)
    except (TypeError, ValueError):
        low = high = float("nan")
    if not low < high:
        raise agreement_error(tr("scale must be (lowest, highest) answer, got {scale!r}").format(
                                  scale=scale))
    return low, high


def _awg_item(x: np.ndarray, low: float, high: float) -> float:
    # multilevel::awg, line by line: the variance relative to the largest one possible at this
    # mean; undefined where the mean is too close to an end for k answers to reach it.
    k, m = len(x), float(np.mean(x))
    if m == high or m == low:
        return 1.0
    if m < (low * (k - 1) + high) / k or m > (high * (k - 1) + low) / k:
        return float("nan")
    return 1 - (2 * np.var(x, ddof=1)) / (((high + low) * m - m**2 - high * low) * (k / (k - 1)))


@shared_params
def awg(items: pd.DataFrame | pd.Series | np.ndarray, groups: ArrayLike,
        scale: tuple[float, float] = (1, 5), *, floor: int = FLOOR) -> pd.Series:
    """Brown & Hauenstein's a(wg) per team, as ``multilevel::awg(x, grpid, range)``.

    Parameters
    ----------
    items : DataFrame, Series or array
        One column per item (one column for a single item or a scale score); NaN = missing,
        a row with a gap is left out.
    %(groups)s
    scale : (float, float), default (1, 5)
        Lowest and highest possible answer.
    %(floor)s

    Returns
    -------
    pandas.Series
        The a(wg) per team (sorted), named ``"awg"``: the mean of the item values where several
        items are given; NaN for a team with fewer than ``floor`` members (the disclosure rule
        of :mod:`leadkit.privacy`: an agreement index of two people is their distance) or a
        mean too near an end of the scale.

    Examples
    --------
    >>> awg([2, 3, 4, 3, 4, 4], ["x", "x", "x", "y", "y", "y"]).round(4).tolist()
    [0.6667, 0.875]
    >>> awg([2, 3, 4, 5, 5], ["x", "x", "x", "y", "y"]).round(4).tolist()  # y has two
    [0.6667, nan]
    """
    low, high = _check_scale(scale)
    floor = check_floor(floor)
    frame, teams = _items(items, groups, (low, high))
    out = {}
    for team, rows in frame.groupby(teams.to_numpy(), sort=True):
        values = rows.to_numpy()
        if len(values) < floor:
            out[team] = float("nan")
            continue
        per_item = [_awg_item(values[:, j], low, high) for j in range(values.shape[1])]
        out[team] = float(np.nanmean(per_item)) if not np.isnan(per_item).all() else np.nan
    return pd.Series(out, name="awg", dtype=float).rename_axis(teams.name)


@shared_params
def ad_m(items: pd.DataFrame | pd.Series | np.ndarray, groups: ArrayLike, centre: str = "mean",
         *, floor: int = FLOOR) -> pd.Series:
    """Average deviation index AD(M) per team, as ``multilevel::ad.m(x, grpid, type)``.

    Parameters
    ----------
    items : DataFrame, Series or array
        One column per item; a row with a gap is left out.
    %(groups)s
    centre : {"mean", "median"}
        Deviations from the team's mean (AD(M)) or median (AD(Md)) of each item.
    %(floor)s

    Returns
    -------
    pandas.Series
        Mean absolute deviation per team, averaged over the items, named ``"ad_m"``; NaN for
        a team with fewer than ``floor`` members (see :mod:`leadkit.privacy`). Lower is more
        agreement; Burke & Dunlap (2002) read values below A / 6 (0.83 on a five-point scale)
        as agreement.

    Examples
    --------
    >>> ad_m([1, 2, 3, 4, 4, 4], ["x", "x", "x", "y", "y", "y"]).round(4).tolist()
    [0.6667, 0.0]
    """
    if centre not in ("mean", "median"):
        raise agreement_error(tr("centre must be 'mean' or 'median', got {centre!r}").format(
                                  centre=centre))
    floor = check_floor(floor)
    frame, teams = _items(items, groups)
    grouped = frame.groupby(teams.to_numpy(), sort=True)
    mid = grouped.transform(centre)
    dev = (frame - mid).abs().groupby(teams.to_numpy(), sort=True).mean().mean(axis=1)
    dev[grouped.size() < floor] = np.nan
    return dev.rename("ad_m").rename_axis(teams.name)


def rwg_j_sim(group_size: int, n_items: int, n_options: int = 5, replications: int = 10_000,
              seed: int | None = None, item_correlations: np.ndarray | None = None
              ) -> np.ndarray:
    """Simulate rwg(j) of teams whose members answer at random, as ``multilevel::rwg.j.sim``.

    Each replication draws ``group_size`` x ``n_items`` answers uniformly from 1..A and
    computes rwg(j) with the uniform null variance (A**2 - 1) / 12. With
    ``item_correlations`` (R's ``itemcors``) the answers are correlated normal draws cut into
    A equally likely options, so random teams answer related items alike.

    Parameters
    ----------
    group_size : int
        Members per simulated team.
    n_items : int
        Items of the scale (J).
    n_options : int, default 5
        Answer options (A).
    replications : int, default 10000
        Simulated teams.
    seed : int, optional
        Root seed; the same seed gives the same values.
    item_correlations : numpy.ndarray, optional
        A J x J correlation matrix of the items (R's ``itemcors``), or None for independent items.

    Returns
    -------
    numpy.ndarray
        ``replications`` simulated rwg(j) values (seeded: the same seed gives the same values).

    Examples
    --------
    >>> sim = rwg_j_sim(10, 11, replications=2000, seed=15)
    >>> round(float(np.quantile(sim, 0.95)), 1)
    0.7
    """
    if int(group_size) < 2 or int(n_items) < 1 or int(replications) < 1:
        raise agreement_error(N_("need a group of at least 2, at least 1 item and 1 replication"))
    null = null_variance(n_options)
    rng = np.random.default_rng(seed)
    shape = (int(replications), int(group_size), int(n_items))
    if item_correlations is None:
        answers = rng.integers(1, int(n_options) + 1, size=shape)
    else:
        from scipy import stats

        corr = np.asarray(item_correlations, dtype=float)
        if corr.shape != (shape[2], shape[2]) or not np.allclose(corr, corr.T):
            raise agreement_error(tr("item_correlations must be a symmetric {value} x {value} "
                                     "matrix").format(value=shape[2]))
        draws = rng.multivariate_normal(np.zeros(shape[2]), corr, size=shape[:2])
        cuts = stats.norm.ppf(np.arange(1, int(n_options)) / int(n_options))
        answers = np.searchsorted(cuts, draws) + 1  # as R's cut() at qnorm(k / A)
    ratio = np.minimum(answers.var(axis=1, ddof=1).mean(axis=1), null) / null
    j = int(n_items)
    return j * (1 - ratio) / (j * (1 - ratio) + ratio)


@shared_params
def rwg_j_significance(items: pd.DataFrame | np.ndarray, groups: ArrayLike, n_options: int = 5,
                       replications: int = 10_000, seed: int | None = None,
                       alpha: float = 0.05, *, floor: int = FLOOR) -> pd.DataFrame:
    """Each team's rwg(j) against the rwg(j) of random answers from a team of its size.

    Parameters
    ----------
    items : pandas.DataFrame or numpy.ndarray
        As :func:`leadkit.psychometrics.agreement.rwg_j`: one row per rater, one column per
        item.
    groups : array-like
        The team of each row.
    n_options : int, default 5
        The number of answer options.
    replications : int
        Simulated random teams per team size.
    seed : int, optional
        Root seed; every team size draws its own stream from it.
    alpha : float
        Level of the test: ``critical`` is the (1 - alpha) quantile of the null.
    %(floor)s

    Returns
    -------
    pandas.DataFrame
        Per team: ``n``, ``rwg_j``, ``critical``, ``p_value`` (share of random teams with an
        rwg(j) at least as high) and ``significant`` (``p_value < alpha``).

    Examples
    --------
    >>> items = pd.DataFrame({"q1": [4, 4, 4, 1, 5, 3], "q2": [4, 4, 5, 2, 5, 1]})
    >>> table = rwg_j_significance(items, list("aaabbb"), replications=500, seed=1)
    >>> table["significant"].tolist()
    [True, False]
    """
    from leadkit.psychometrics.agreement import rwg_j

    floor = check_floor(floor)
    frame, teams = _items(items, groups, (1, n_options))
    observed = rwg_j(frame, teams, n_options)
    sizes = teams.groupby(teams.to_numpy(), sort=True).size()
    streams = np.random.SeedSequence(seed).spawn(int(sizes.max()) + 1)
    rows = []
    for team, value in observed.items():
        n = int(sizes[team])
        if n < floor:  # below the disclosure floor nothing is shown, not even the size
            rows.append((team, pd.NA, np.nan, np.nan, np.nan))
            continue
        null = rwg_j_sim(n, frame.shape[1], n_options, replications, streams[n])  # type: ignore[arg-type]
        rows.append((team, n, value, float(np.quantile(null, 1 - alpha)),
                     float(np.mean(null >= value - 1e-12))))
    out = pd.DataFrame(rows, columns=[teams.name, "n", "rwg_j", "critical", "p_value"])
    out["n"] = out["n"].astype("Int64")
    out["significant"] = (out["p_value"] < alpha).where(out["p_value"].notna())
    return out.set_index(teams.name)


@shared_params
def icc_ci(values: ArrayLike, groups: ArrayLike, level: float = 0.95) -> pd.DataFrame:
    """ICC(1) and ICC(2) with F-based confidence intervals (McGraw & Wong, 1996, case 1).

    F = MSB / MSW from the one-way ANOVA of :func:`leadkit.psychometrics.agreement.icc1`; its bounds
    F / F_crit(k - 1, N - k) and F * F_crit(N - k, k - 1) give ICC(1) = (F - 1) / (F + g - 1),
    with g the mean team size as in ``multilevel::ICC1``, and ICC(2) = 1 - 1 / F. For equal
    team sizes these are the intervals of ``psych::ICC`` (``ICC1`` and ``ICC1k``).

    Parameters
    ----------
    %(team_values)s
    level : float, default 0.95
        The confidence level of the intervals.

    Returns
    -------
    pandas.DataFrame
        Rows ``ICC1`` and ``ICC2``; columns ``estimate``, ``ci_low``, ``ci_high``.

    Examples
    --------
    >>> table = icc_ci([1, 2, 4, 5, 5, 6], ["a", "a", "b", "b", "c", "c"])
    >>> table["estimate"].round(4).tolist()
    [0.8909, 0.9423]
    """
    from scipy import stats

    if not 0 < float(level) < 1:
        raise agreement_error(tr("level must be between 0 and 1, got {level!r}").format(
                                  level=level))
    msb, msw, n, k = anova_parts(values, groups)
    if msw == 0:
        raise agreement_error(N_("every team answers as one, so the F-ratio is infinite"))
    check_team_means_differ(msb, msw)  # F = 0: ICC(2) = 1 - 1/F and its interval do not exist
    f, tail = msb / msw, 1 - (1 - float(level)) / 2
    f_low = f / stats.f.ppf(tail, k - 1, n - k)
    f_high = f * stats.f.ppf(tail, n - k, k - 1)
    g = n / k

    def icc1(x: float) -> float:
        return (x - 1) / (x + g - 1)

    def icc2(x: float) -> float:
        return 1 - 1 / x

    return pd.DataFrame(
        {"estimate": [icc1(f), icc2(f)], "ci_low": [icc1(f_low), icc2(f_low)],
         "ci_high": [icc1(f_high), icc2(f_high)]},
        index=pd.Index(["ICC1", "ICC2"], name="statistic"))
