"""Agreement within teams and reliability of team means, as R ``multilevel`` (Bliese).

Before a team's mean score is read as a property of the team (its climate, its leadership),
members should agree (rwg, rwg(j)) and the team means should differ reliably between teams
(ICC(1), ICC(2) from a one-way ANOVA). The functions follow ``multilevel::rwg``, ``rwg.j``,
``ICC1`` and ``ICC2``:

- rows with a missing answer or team are left out (listwise per call, as ``na.exclude``);
- the null distribution is uniform over the A answer options, variance (A**2 - 1) / 12;
- an observed variance above that null is truncated to it, so rwg and rwg(j) lie in [0, 1];
- a team with one remaining member has no variance: its rwg is NaN;
- ICC(1) uses the plain mean team size N / number of teams, as ``multilevel::ICC1`` does.

Rules of thumb: rwg >= .70 is often read as enough agreement (criticised as lenient);
ICC(2) > .70 as reliable team means.

Examples
--------
>>> import pandas as pd
>>> from leadkit.psychometrics.agreement import rwg, icc1, icc2
>>> team = ["a", "a", "a", "b", "b", "b"]
>>> score = pd.Series([4, 4, 5, 1, 3, 5], name="trust")
>>> rwg(score, team).round(3).to_dict()
{'a': 0.833, 'b': 0.0}
>>> round(icc1(score, team), 2), round(icc2(score, team), 2)
(0.07, 0.19)
"""

from __future__ import annotations

import numbers
from collections.abc import Sequence
from typing import TypeAlias

import numpy as np
import pandas as pd

from leadkit.docparams import shared_params
from leadkit.errors import InputError
from leadkit.i18n import N_, tr
from leadkit.privacy import FLOOR, check_floor

__all__ = ["rwg", "rwg_j", "icc1", "icc2", "agreement_table"]

_SOURCE = "<DataFrame>"
ArrayLike: TypeAlias = pd.Series | np.ndarray | Sequence


def agreement_error(problem: str, **where: object) -> InputError:
    return InputError(_SOURCE, tr(problem), **where)  # type: ignore[arg-type]


def null_variance(n_options: int) -> float:
    """Variance of answers spread uniformly over the options 1..A: (A**2 - 1) / 12."""
    whole = isinstance(n_options, numbers.Integral) and not isinstance(n_options, bool)
    if not whole or n_options < 2:
        raise agreement_error(
            N_("n_options must be the number of answer options, at least 2")
        )
    return (int(n_options) ** 2 - 1) / 12


def item_frame(data: pd.DataFrame | ArrayLike, default: str) -> pd.DataFrame:
    """Numeric scores as a DataFrame with positional rows; text cells raise an InputError."""
    if isinstance(data, pd.DataFrame):
        frame = data.reset_index(drop=True)
    elif isinstance(data, pd.Series):
        frame = data.reset_index(drop=True).to_frame(
            data.name if data.name is not None else default
        )
    else:
        arr = np.asarray(data, dtype=object)
        if arr.ndim == 1:
            arr = arr[:, None]
        if arr.ndim != 2:
            raise agreement_error(N_("expected a table of scores"))
        names = (
            [default] if arr.shape[1] == 1 else [f"{default}{j + 1}" for j in range(arr.shape[1])]
        )
        frame = pd.DataFrame(arr, columns=names)
    out = {}
    for j, name in enumerate(frame.columns):
        col = frame.iloc[:, j]
        num = col.astype(np.float64) if col.dtype.kind in "biuf" else None
        if num is None:
            num = pd.to_numeric(col.astype(object), errors="coerce").astype(np.float64)
            bad = np.flatnonzero(num.isna().to_numpy() & col.notna().to_numpy())
            if bad.size:
                raise agreement_error(
                    tr("{value!r} is not a number").format(value=col.iloc[bad[0]]),
                    row=int(bad[0]) + 2,
                    column=str(name),
                )
        out[str(name)] = num
    return pd.DataFrame(out)


def team_labels(groups: ArrayLike, n: int) -> pd.Series:
    g = groups.reset_index(drop=True) if isinstance(groups, pd.Series) else pd.Series(list(groups))
    if len(g) != n:
        raise agreement_error(
            tr("the scores have {n} rows but the team labels {n2}").format(n=n, n2=len(g))
        )
    return g.rename(groups.name if isinstance(groups, pd.Series) and groups.name else "group")


def _check_range(frame: pd.DataFrame, n_options: int) -> None:
    values = frame.to_numpy()
    outside = (values < 1) | (values > n_options)  # NaN compares False: gaps are fine
    if outside.any():
        row, col = np.argwhere(outside)[0]
        raise agreement_error(
            tr("score {value:g} is outside the answer scale").format(value=values[row, col]),
            row=int(row) + 2,
            column=str(frame.columns[col]),
            expected=tr("a score from 1 to {n_options}").format(n_options=n_options),
        )


def _prepare(
    items: pd.DataFrame | ArrayLike, groups: ArrayLike, n_options: int, default: str
) -> tuple[pd.DataFrame, pd.Series, pd.Series, float]:
    """Checked scores and teams: the complete rows, their teams, all teams, null variance."""
    null = null_variance(n_options)
    frame = item_frame(items, default)
    teams = team_labels(groups, len(frame))
    _check_range(frame, n_options)
    keep = frame.notna().all(axis=1) & teams.notna()
    return frame[keep], teams[keep], teams, null


def rwg(values: ArrayLike, groups: ArrayLike, n_options: int = 5) -> pd.Series:
    """Within-team agreement on one item or score, as ``multilevel::rwg``.

    Parameters
    ----------
    values : Series or 1-D array
        Scores on a scale of 1..``n_options`` (a scale mean is fine); NaN = missing.
    groups : Series or 1-D array
        Team label of each row; rows without a label are left out.
    n_options : int, default 5
        Number of answer options A; the null variance is (A**2 - 1) / 12 (2 for A = 5).

    Returns
    -------
    pandas.Series
        The rwg per team (sorted), named ``"rwg"``; NaN for a team with one member left.

    Examples
    --------
    >>> rwg([3, 3, 4, 1, 5], ["x", "x", "x", "y", "y"]).round(3).tolist()
    [0.833, 0.0]
    """
    frame, teams, _, null = _prepare(values, groups, n_options, "values")
    if frame.shape[1] != 1:
        raise agreement_error(
            N_("rwg takes one column of scores; use rwg_j for several items")
        )
    var = frame.iloc[:, 0].groupby(teams.to_numpy(), sort=True).var(ddof=1)
    out = 1 - var.clip(upper=null) / null
    return out.rename("rwg").rename_axis(teams.name)


def _rwg_j_of(frame: pd.DataFrame, teams: pd.Series, null: float) -> pd.Series:
    grouped = frame.groupby(teams.to_numpy(), sort=True)
    ratio = grouped.var(ddof=1).mean(axis=1).clip(upper=null) / null
    j = frame.shape[1]
    return (j * (1 - ratio) / (j * (1 - ratio) + ratio)).rename("rwg_j").rename_axis(teams.name)


@shared_params
def rwg_j(items: pd.DataFrame | np.ndarray, groups: ArrayLike, n_options: int = 5) -> pd.Series:
    """Within-team agreement on a multi-item scale, as ``multilevel::rwg.j``.

    rwg(j) = J(1 - s2/sEU) / (J(1 - s2/sEU) + s2/sEU), with s2 the mean of the J item
    variances within the team (truncated at the null variance sEU = (A**2 - 1) / 12).

    Parameters
    ----------
    items : DataFrame or 2-D array
        One column per item, scores 1..``n_options``; a row with any gap is left out.
    %(groups)s
    n_options : int, default 5
        Number of answer options A.

    Returns
    -------
    pandas.Series
        The rwg(j) per team (sorted), named ``"rwg_j"``.

    Examples
    --------
    >>> items = pd.DataFrame({"q1": [4, 4, 5, 2, 3], "q2": [4, 5, 5, 2, 2]})
    >>> rwg_j(items, ["a", "a", "a", "b", "b"]).round(4).tolist()
    [0.9091, 0.9333]
    """
    frame, teams, _, null = _prepare(items, groups, n_options, "item")
    return _rwg_j_of(frame, teams, null)


@shared_params
def agreement_table(
    items: pd.DataFrame | np.ndarray, groups: ArrayLike, n_options: int = 5, *,
    floor: int = FLOOR,
) -> pd.DataFrame:
    """One row per team: members with complete answers (``n``) and their ``rwg_j``.

    Every team in ``groups`` is listed. The table follows the disclosure rules of
    :mod:`leadkit.privacy`: a team with fewer than ``floor`` complete rows shows nothing, not
    even ``n``. The team's mean is not in the table: a spread beside a mean can pin down every
    member's score (rule 8 of ``docs/privacy.md``; for three people and three items, 729 of
    the 333,375 answer sets), so take team means from a table of their own and never publish
    both. (:func:`rwg` and :func:`rwg_j` are the building blocks and return every team.)

    Parameters
    ----------
    items : pandas.DataFrame or 2-D array
        Item answers counted from 1, one row per team member and one column per item; a row
        with a gap does not count.
    groups : array-like
        The team of each row.
    n_options : int, default 5
        The number of answer options, for the uniform null distribution of rwg(j).
    %(floor)s

    Returns
    -------
    pandas.DataFrame
        Indexed by team (sorted): ``n`` (nullable int) and ``rwg_j`` of the complete rows;
        missing where the disclosure rules withhold them.

    Raises
    ------
    InputError
        The items and groups do not fit together, or an answer lies outside 1 to
        ``n_options``.

    Examples
    --------
    >>> items = pd.DataFrame({"q1": [4, 4, 3, 2, None], "q2": [4, 3, 4, 2, 2]})
    >>> table = agreement_table(items, ["a", "a", "a", "b", "b"])
    >>> table["n"].tolist(), table["rwg_j"].round(3).tolist(), list(table.columns)
    ([3, <NA>], [0.909, nan], ['n', 'rwg_j'])
    """
    floor = check_floor(floor)
    frame, teams, all_teams, null = _prepare(items, groups, n_options, "item")
    table = pd.DataFrame(
        {
            "n": teams.groupby(teams.to_numpy(), sort=True).size(),
            "rwg_j": _rwg_j_of(frame, teams, null),
        }
    )
    table = table.reindex(pd.Index(sorted(all_teams.dropna().unique()), name=teams.name))
    n = table["n"].fillna(0).astype(np.int64)
    small = n < floor
    table.loc[small, "rwg_j"] = np.nan
    return table.assign(n=n.astype("Int64").mask(small))


def anova_parts(values: ArrayLike, groups: ArrayLike) -> tuple[float, float, int, int]:
    """Mean squares between and within teams of a one-way ANOVA, plus N and the team count.

    The mean squares are those of the values divided by their largest magnitude: the ICCs and
    F are ratios of them and do not change, and values as large as 1e308 cannot overflow.
    """
    frame = item_frame(values, "values")
    teams = team_labels(groups, len(frame))
    keep = frame.iloc[:, 0].notna() & teams.notna()
    v, g = frame.iloc[:, 0][keep], teams[keep].to_numpy()
    if np.isinf(v).any():
        row = int(np.flatnonzero(np.isinf(v.to_numpy()))[0])
        raise agreement_error(
            N_("infinite value"),
            row=int(v.index[row]) + 2,
            column=str(frame.columns[0]),
        )
    biggest = float(v.abs().max()) if len(v) else 0.0
    if biggest > 0:
        v = v / biggest
    team_mean = v.groupby(g).transform("mean")
    n, k = len(v), int(pd.Series(g).nunique())
    if k < 2 or n - k < 1:
        raise agreement_error(
            tr("ICC needs at least 2 teams and a team with 2 or more members ({k} teams, {n} "
               "scores)").format(k=k, n=n)
        )
    ssb = float(((team_mean - v.mean()) ** 2).sum())
    ssw = float(((v - team_mean) ** 2).sum())
    if ssb + ssw == 0:
        raise agreement_error(
            N_("all scores are equal, so the ICC is undefined")
        )
    msb, msw = ssb / (k - 1), ssw / (n - k)
    return msb, msw, n, k


def check_team_means_differ(msb: float, msw: float) -> None:
    """Raise where the team means are equal: ICC(2) = 1 - MSW / MSB then does not exist."""
    if not msb > 1e-12 * msw:  # rounding noise of equal team means is not a between-team effect
        raise agreement_error(N_("all team means are equal, so ICC(2) is undefined"))


@shared_params
def icc1(values: ArrayLike, groups: ArrayLike) -> float:
    """ICC(1): share of score variance due to the team, as ``multilevel::ICC1`` on ``aov``.

    ICC(1) = (MSB - MSW) / (MSB + (g - 1) MSW), with g = N / number of teams.

    Parameters
    ----------
    %(team_values)s

    Returns
    -------
    float
        ICC(1); it can be negative when teams differ less than chance would give.

    Raises
    ------
    InputError
        Values and groups of different lengths, an infinite value, all scores equal, or too
        few teams or people for the ANOVA.

    Examples
    --------
    >>> round(icc1([1, 2, 4, 5, 5, 6], ["a", "a", "b", "b", "c", "c"]), 4)
    0.8909
    """
    msb, msw, n, k = anova_parts(values, groups)
    return (msb - msw) / (msb + (n / k - 1) * msw)


@shared_params
def icc2(values: ArrayLike, groups: ArrayLike) -> float:
    """ICC(2): reliability of the team means, as ``multilevel::ICC2``: (MSB - MSW) / MSB.

    When the team means are equal (MSB = 0, up to rounding) ICC(2) does not exist: this
    raises an InputError, where R prints a huge negative number.

    Parameters
    ----------
    %(team_values)s

    Returns
    -------
    float
        ICC(2), the reliability of the team means.

    Raises
    ------
    InputError
        All team means are equal, or the data do not allow the ANOVA (as for :func:`icc1`).

    Examples
    --------
    >>> round(icc2([1, 2, 4, 5, 5, 6], ["a", "a", "b", "b", "c", "c"]), 4)
    0.9423
    """
    msb, msw, _, _ = anova_parts(values, groups)
    check_team_means_differ(msb, msw)
    return (msb - msw) / msb
