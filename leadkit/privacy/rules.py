"""Disclosure control: the one set of rules for every output that describes a group of people.

Every table, chart or report of the kit that shows a figure about several people (the 360
comparison, the survey report's element, framework, team and agreement tables, the class
summary and its themes) asks this module what it may show. The rules, and the reasoning
behind each, are written out in ``docs/privacy.md``:

1. **People, not rows.** A group's size is the number of distinct people in it. One person
   twice in a group is an input error (:func:`require_distinct`), never a larger group.
2. **The floor.** A group of fewer than :data:`FLOOR` (3) people shows nothing about itself:
   no count, no mean. The floor can be raised, never lowered (:func:`check_floor`).
3. **Only n and the mean.** Standard deviations, quartiles, minima and maxima are not
   published for groups of people: on the kit's coarse score grids they pin down whole score
   sets even for groups of ten (``docs/privacy.md`` gives the counts).
4. **No mean that gives the answers away.** A mean so close to an end of the scale that only
   one set of scores can produce it (everyone at 1, or all but one at 1) is withheld
   (:func:`mean_is_safe`).
5. **No recovery by subtraction.** Callers leave the people of a suppressed group out of every
   pooled figure in the same output (complementary suppression); :func:`describe` reports
   which groups were withheld, so a caller can do so.

Examples
--------
>>> import pandas as pd
>>> scores = pd.DataFrame({"person": list("abcdeab"), "group": list("xxxyyzz"),
...                        "score": [4.0, 3.0, 3.5, 2.0, 2.5, 5.0, 4.5]})
>>> describe(scores, ["group"], person="person", step=0.5)[["group", "n", "mean", "shown"]]
  group     n  mean  shown
0     x     3   3.5   True
1     y  <NA>   NaN  False
2     z  <NA>   NaN  False
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import pandas as pd

from leadkit.docparams import shared_params
from leadkit.errors import FloorError, InputError
from leadkit.i18n import N_, tr

__all__ = ["FLOOR", "check_floor", "require_distinct", "mean_is_safe", "score_step",
           "describe", "describe_pooled", "publishable_cells", "NOTE"]

#: The smallest group of people any figure may describe.
FLOOR = 3

#: What a reader of a table is told about withheld figures, per language.
NOTE = N_("Figures about fewer than {floor} people are not shown, nor included in any total "
          "from which they could be worked out; a mean that only one set of answers can give is "
          "withheld as well. Only the number of people and the mean are published.")


def check_floor(floor: object, name: str = "floor") -> int:
    """Return ``floor`` when it is a whole number of at least :data:`FLOOR`; raise otherwise.

    Parameters
    ----------
    floor : object
        The floor asked for.
    name : str, default "floor"
        The name of the argument, shown in the message.

    Returns
    -------
    int
        ``floor`` as a Python int.

    Raises
    ------
    FloorError
        ``floor`` is not a whole number (``True`` and ``False`` do not count) or is below
        :data:`FLOOR`.

    Examples
    --------
    >>> check_floor(5)
    5
    >>> check_floor(2)
    Traceback (most recent call last):
    ...
    leadkit.errors.FloorError: floor=2: the anonymity floor can be raised, never lowered below 3.
    """
    if isinstance(floor, bool) or not isinstance(floor, (int, np.integer)) or floor < FLOOR:
        raise FloorError(tr("{name}={floor!r}: the anonymity floor can be raised, never lowered "
                            "below {FLOOR}.").format(name=name, floor=floor, FLOOR=FLOOR))
    return int(floor)


@shared_params
def require_distinct(frame: pd.DataFrame, keys: Sequence[str], person: str, *,
                     source: str = "<table>", row_of: Sequence[object] | None = None) -> None:
    """Raise an :class:`InputError` when a person appears twice in one group.

    ``keys`` name the group (e.g. ``["framework", "element"]``), ``person`` the column with
    the person's id. ``row_of`` optionally gives, per row of ``frame``, the place to name in the
    message (a spreadsheet row number, a bundle file).

    Parameters
    ----------
    frame : pandas.DataFrame
        The rows to check.
    %(keys)s
    person : str
        The column of person ids.
    source : str, default "<table>"
        The name of the data, shown in the message when ``row_of`` gives no file.
    row_of : sequence, optional
        Per row, a row number or a file name to name in the message. Default ``None`` names
        the spreadsheet row (position + 2, after the header).

    Returns
    -------
    None
        Returns quietly when every person is once per group.

    Raises
    ------
    InputError
        Naming the first row whose person is already in its group.

    Examples
    --------
    >>> t = pd.DataFrame({"who": ["a", "b", "a"], "element": ["e", "e", "e"]})
    >>> require_distinct(t, ["element"], "who", source="bundles")
    Traceback (most recent call last):
    ...
    leadkit.errors.InputError: bundles, row 4: 'a' appears twice in the group element=e \
(expected each person once per group; a duplicated row would make a group look larger than it is)
    """
    doubled = frame.duplicated([*keys, person], keep="first").to_numpy()
    if not doubled.any():
        return
    i = int(np.flatnonzero(doubled)[0])
    where = row_of[i] if row_of is not None else i + 2
    group = ", ".join(f"{k}={frame[k].iloc[i]}" for k in keys)
    raise InputError(
        str(where) if isinstance(where, str) else source,
        tr("'{value}' appears twice in the group {group}").format(
            value=frame[person].iloc[i], group=group),
        row=int(where) if isinstance(where, int | np.integer) else None,
        expected=tr("each person once per group; a duplicated row would make a group look "
                    "larger than it is"))


def score_step(n_items: int, min_share: float = 0.5) -> float:
    """The coarsest step between possible scores of an element of ``n_items`` items.

    A score is the mean of the answered items, so it moves in steps of 1/j for j answered
    items; the fewest items that still give a score (``min_share``) give the coarsest step,
    which is the cautious choice for :func:`mean_is_safe`.

    Parameters
    ----------
    n_items : int
        The number of items of the element.
    min_share : float, default 0.5
        The smallest share of the items that must be answered to give a score.

    Returns
    -------
    float
        ``1 / j`` for the fewest answered items ``j`` (at least 1).

    Examples
    --------
    >>> score_step(4), score_step(3, min_share=1.0), score_step(1)
    (0.5, 0.3333333333333333, 1.0)
    """
    fewest = max(1, math.ceil(n_items * min_share - 1e-9))
    return 1.0 / fewest


def mean_is_safe(mean: float, n: int, scale: tuple[float, float], step: float) -> bool:
    """Whether a group mean leaves at least two possible sets of scores.

    With scores on a grid of ``step`` inside ``scale``, the sum ``n·mean`` is made by exactly
    one set of scores when it lies less than two steps from ``n·low`` or ``n·high`` (everyone
    at the end, or all but one); from two steps on there are at least two sets. The test in
    ``tests/privacy/test_privacy.py`` checks this by brute force on the kit's real grids.

    Parameters
    ----------
    mean : float
        The exact group mean.
    n : int
        The number of people in the group.
    scale : tuple of float
        The lowest and highest possible score.
    step : float
        The coarsest step between possible scores (:func:`score_step`).

    Returns
    -------
    bool
        True when the mean may be shown; False for a group below :data:`FLOOR`, a mean that
        is not finite, or one that only one set of scores can give.

    Examples
    --------
    >>> mean_is_safe(5.0, 3, (1, 5), 1/3), mean_is_safe(43 / 9, 3, (1, 5), 1/3)  # 5, 5, 4⅓
    (False, True)
    """
    if not math.isfinite(mean) or n < FLOOR:
        return False
    low, high = scale
    # The exact mean is the worst case: rounding it for print only adds candidate sums.
    margin = 2 * step / n - 1e-9
    return mean - low >= margin and high - mean >= margin


@shared_params
def describe(frame: pd.DataFrame, keys: Sequence[str], *, person: str, value: str = "score",
             floor: int = FLOOR, scale: tuple[float, float] = (1.0, 5.0),
             step: float = 1.0) -> pd.DataFrame:
    """Per group: ``n`` distinct people and the ``mean``, with the rules applied.

    Rows without a value do not count. A group below the floor, or whose mean would give the
    answers away, keeps its row (so a reader sees it exists) with ``n`` and ``mean`` missing
    and ``shown`` False; ``reason`` says why (``"floor"`` or ``"extreme"``).

    Parameters
    ----------
    frame : DataFrame
        One row per person and group, with the ``keys``, ``person`` and ``value`` columns.
    %(keys)s
    person : str
        The column of person ids. A person twice in a group raises :class:`InputError`.
    value : str
        The column of scores.
    floor : int
        At least :data:`FLOOR`.
    scale, step : tuple, float
        The scale's ends and the score grid's coarsest step (:func:`score_step`).

    Returns
    -------
    DataFrame
        The ``keys``, ``n`` (Int64), ``mean``, ``shown`` and ``reason``, in group order.

    Examples
    --------
    >>> t = pd.DataFrame({"who": list("abcd"), "team": list("xxxy"), "score": [3, 4, 2, 5]})
    >>> describe(t, ["team"], person="who")[["team", "n", "shown", "reason"]].values.tolist()
    [['x', 3, True, ''], ['y', <NA>, False, 'floor']]
    """
    floor = check_floor(floor)
    data = frame.dropna(subset=[value])
    require_distinct(data, keys, person)
    grouped = data.groupby(list(keys), sort=True, dropna=False)[value]
    out = pd.DataFrame({"n": grouped.count(), "mean": grouped.mean()}).reset_index()
    small = out["n"] < floor
    extreme = ~small & ~np.array([mean_is_safe(m, int(n), scale, step)
                                  for m, n in zip(out["mean"], out["n"], strict=True)], bool)
    out["shown"] = ~(small | extreme)
    out["reason"] = np.select([small, extreme], ["floor", "extreme"], default="")
    out["n"] = out["n"].astype("Int64")
    out.loc[small, "n"] = pd.NA
    out.loc[~out["shown"], "mean"] = np.nan
    return out


@shared_params
def describe_pooled(frame: pd.DataFrame, keys: Sequence[str], *, person: str,
                    value: str = "score", floor: int = FLOOR,
                    scale: tuple[float, float] = (1.0, 5.0), step: float = 1.0) -> pd.DataFrame:
    """Per group: ``n`` distinct people and the mean of all their values, with the rules applied.

    For a figure that pools cells shown elsewhere in the same output (all peers over all the
    people they rated, a theme over its elements): a person may give several values, and the
    mean is taken over the values, not over per-person means. The pooled figure is then exactly
    what the shown cells add up to, so it reveals nothing they do not; a mean of per-person
    means would weigh each person's values by their own count and let one person be worked
    out by subtraction (``docs/privacy.md``, rule 5).

    Parameters
    ----------
    frame : DataFrame
        The values of the shown cells only (leave withheld cells out), with the ``keys``,
        ``person`` and ``value`` columns.
    %(keys)s
    person : str
        The column of person ids; ``n`` counts distinct people.
    value : str
        The column of values.
    %(floor)s
    scale, step : tuple, float
        The scale's ends and the value grid's coarsest step (:func:`score_step`).

    Returns
    -------
    DataFrame
        The ``keys``, ``n`` (Int64), ``mean``, ``shown`` and ``reason``, as :func:`describe`.

    Examples
    --------
    >>> t = pd.DataFrame({"who": list("aabc"), "g": "x", "score": [2.0, 4.0, 3.0, 4.0]})
    >>> describe_pooled(t, ["g"], person="who")[["n", "mean"]].values.tolist()  # a counts twice
    [[3, 3.25]]
    """
    floor = check_floor(floor)
    data = frame.dropna(subset=[value])
    grouped = data.groupby(list(keys), sort=True, dropna=False)
    out = pd.DataFrame({"n": grouped[person].nunique(), "values": grouped[value].count(),
                        "mean": grouped[value].mean()}).reset_index()
    small = out["n"] < floor
    # The extreme-mean check counts values: the pooled sum is a sum of that many of them.
    extreme = ~small & ~np.array([mean_is_safe(m, int(k), scale, step) for m, k in
                                  zip(out["mean"], out["values"], strict=True)], bool)
    out["shown"] = ~(small | extreme)
    out["reason"] = np.select([small, extreme], ["floor", "extreme"], default="")
    out["n"] = out["n"].astype("Int64")
    out.loc[small, "n"] = pd.NA
    out.loc[~out["shown"], "mean"] = np.nan
    return out.drop(columns="values")


@shared_params
def publishable_cells(frame: pd.DataFrame, cell: Sequence[str], *, person: str,
                      floor: int = FLOOR) -> pd.Series:
    """Per row, whether its cell (the columns ``cell``) holds at least ``floor`` people.

    Used for complementary suppression: rows of a withheld cell are left out of every pooled
    figure of the same output, so the withheld cell cannot be found by subtraction.

    Parameters
    ----------
    frame : pandas.DataFrame
        The rows to check.
    cell : sequence of str
        The columns that make a cell.
    person : str
        The column of person ids; each person counts once per cell.
    %(floor)s

    Returns
    -------
    pandas.Series of bool
        True for a row whose cell holds at least ``floor`` people; all False for an empty
        frame.

    Raises
    ------
    %(floor_raises)s

    Examples
    --------
    >>> t = pd.DataFrame({"who": list("abcde"), "target": list("xxxyy")})
    >>> publishable_cells(t, ["target"], person="who").tolist()
    [True, True, True, False, False]
    """
    floor = check_floor(floor)
    if frame.empty:
        return pd.Series(False, index=frame.index)
    size = frame.groupby(list(cell), dropna=False)[person].transform("nunique")
    return size >= floor
