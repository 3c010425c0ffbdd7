"""The group tables of the survey report, with the disclosure rules of :mod:`leadkit.privacy`.

Three tables describe groups of people: scores per rater group (element and framework), and
element scores per team. Each shows only ``n`` (distinct people) and the mean, and only for
groups of at least the floor. Two steps keep withheld groups from being worked out:

- **Each person once.** A peer who rated three leaders counts as one person with the mean of
  their three ratings.
- **Complementary suppression.** The ratings of a 360 rater group that is withheld for one
  rated person (fewer than ``floor`` peers, reports or others), and the people of a team that
  is withheld, are left out of every pooled figure, so no subtraction of a shown figure from a
  pooled one gives them back.

What stays possible is written in ``docs/privacy.md`` and in the report's footnote.

Examples
--------
>>> import pandas as pd
>>> s = pd.DataFrame({"respondent": ["a", "b", "c", "d", "e", "f"], "rater": "report",
...                   "target": ["L1"] * 4 + ["L2"] * 2, "team": ["T1"] * 4 + ["T2"] * 2,
...                   "element": "trust", "score": [4.0, 3.0, 3.5, 4.5, 1.0, 1.5]})
>>> eligible_rows(s, unit="element").tolist()  # L2 has only two reports
[True, True, True, True, False, False]
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from leadkit import privacy
from leadkit.content.instrument import Instrument
from leadkit.docparams import shared_params

__all__ = ["SMALL_GROUPS", "withheld_rows", "eligible_rows", "group_table", "score_grid",
           "agreement_across_teams"]

#: The 360 rater groups protected by the floor per rated person.
SMALL_GROUPS: tuple[str, ...] = ("peer", "report", "other")


@shared_params
def withheld_rows(scores: pd.DataFrame, cells: Sequence[tuple[pd.Series, Sequence[str]]], *,
                  floor: int = privacy.FLOOR, scale: tuple[float, float] = (1.0, 5.0),
                  step: float = 1.0) -> pd.Series:
    """Per score row, whether it belongs to a cell that some table of the output withholds.

    ``cells`` lists the tables' groupings as ``(rows, keys)``: the rows a table uses and the
    columns that make its cells. A cell is withheld when it holds fewer than ``floor`` people or
    its mean would give the answers away (:func:`leadkit.privacy.mean_is_safe`).

    Parameters
    ----------
    scores : pandas.DataFrame
        Tidy score rows with ``respondent``, ``score`` and the columns named in ``cells``.
    cells : sequence of (pandas.Series, sequence of str)
        Per table of the output: a boolean mask of the rows it uses, and the columns that
        make its cells.
    %(floor)s
    %(score_grid)s

    Returns
    -------
    pandas.Series of bool
        True for a row in a withheld cell of any of the tables; rows without a score are
        never marked.

    Raises
    ------
    %(floor_raises)s

    Examples
    --------
    >>> s = pd.DataFrame({"respondent": list("abcd"), "team": list("xxxy"),
    ...                   "score": [3.0, 4.0, 2.0, 5.0]})
    >>> withheld_rows(s, [(s["score"].notna(), ["team"])]).tolist()
    [False, False, False, True]
    """
    floor = privacy.check_floor(floor)
    out = pd.Series(False, index=scores.index)
    valid = scores["score"].notna()
    for rows, keys in cells:
        sub = scores[rows & valid]
        if sub.empty:
            continue
        grouped = sub.groupby(list(keys), dropna=False)
        n = grouped["respondent"].transform("nunique")
        mean = grouped["score"].transform("mean")
        safe = [privacy.mean_is_safe(m, int(k), scale, step) for m, k in zip(mean, n,
                                                                            strict=True)]
        bad = (n < floor) | ~pd.Series(safe, index=sub.index)
        out.loc[bad.index[bad]] = True
    return out


@shared_params
def eligible_rows(scores: pd.DataFrame, *, unit: str, floor: int = privacy.FLOOR,
                  team_rows: pd.Series | None = None, scale: tuple[float, float] = (1.0, 5.0),
                  step: float = 1.0) -> pd.Series:
    """Per score row, whether it may count in a pooled figure of the report.

    A row is left out when its 360 cell (rated person, wave, ``unit``, rater group, for peers,
    reports, others and two or more managers) is withheld, or when it is one of ``team_rows``
    (the rows of the per-team table) in a withheld team cell. Rows without a score never count.

    Parameters
    ----------
    scores : pandas.DataFrame
        Tidy score rows with ``respondent`` and ``score`` and, where present, ``target``,
        ``wave``, ``rater`` and ``team``.
    unit : str
        The column of what is scored (such as ``"element"``), part of every cell.
    %(floor)s
    team_rows : pandas.Series of bool, optional
        The rows that the per-team table uses. Default ``None``: there is no team table, so
        no team cell is checked.
    %(score_grid)s

    Returns
    -------
    pandas.Series of bool
        True for a row that may count in a pooled figure.

    Raises
    ------
    %(floor_raises)s

    Examples
    --------
    >>> s = pd.DataFrame({"respondent": list("abcd"), "target": "t", "rater": "peer",
    ...                   "element": "e", "score": [3.0, 4.0, 2.0, None]})
    >>> eligible_rows(s, unit="element").tolist()
    [True, True, True, False]
    """
    data = scores.assign(_target=scores["target"] if "target" in scores.columns
                         else scores.get("respondent"))
    wave = ["wave"] if "wave" in data.columns else []
    cells: list[tuple[pd.Series, Sequence[str]]] = []
    if "rater" in data.columns:
        cell = ["_target", *wave, unit, "rater"]
        cells.append((data["rater"].isin(SMALL_GROUPS), cell))
        # A lone manager is shown as such (the 360 convention); two or more are a group.
        managers = data["rater"] == "manager"
        size = data["respondent"].where(managers).groupby(
            [data[c] for c in cell], dropna=False).transform("nunique")
        cells.append((managers & size.gt(1), cell))
    if team_rows is not None and "team" in data.columns:
        cells.append((team_rows & data["team"].notna(), [*wave, unit, "team"]))
    withheld = withheld_rows(data, cells, floor=floor, scale=scale, step=step)
    return scores["score"].notna() & ~withheld


@shared_params
def group_table(scores: pd.DataFrame, keys: Sequence[str], *, fw: Instrument,
                floor: int = privacy.FLOOR, min_share: float = 0.5) -> pd.DataFrame:
    """``n`` people and the ``mean`` of their scores per group of ``keys``, with the floor applied.

    ``scores`` are tidy score rows already limited to the rows that may count (see
    :func:`eligible_rows`). A person who gave several scores in a group (a peer who rated
    three leaders) counts once in ``n``, and the mean is taken over the scores, so a pooled
    figure is what the cells shown elsewhere add up to (:func:`leadkit.privacy.describe_pooled`).

    Parameters
    ----------
    scores : pandas.DataFrame
        Tidy score rows with ``respondent``, ``score`` and the ``keys`` columns.
    %(keys)s
    fw : Instrument
        The framework scored; its scale and items set the grid of possible scores.
    %(floor)s
    min_share : float, default 0.5
        The smallest share of an element's items that still gives a score
        (:func:`leadkit.privacy.score_step`).

    Returns
    -------
    pandas.DataFrame
        The ``keys``, ``n``, ``mean``, ``shown`` and ``reason`` of
        :func:`leadkit.privacy.describe`.

    Raises
    ------
    %(floor_raises)s
    InputError
        A person appears twice in one group.

    Examples
    --------
    >>> from leadkit.content.frameworks import load_framework
    >>> s = pd.DataFrame({"respondent": list("abcd"), "element": "build-trust",
    ...                   "score": [3.0, 4.0, 3.5, 2.5]})
    >>> t = group_table(s, ["element"], fw=load_framework("agile-cmo"))
    >>> int(t["n"].iloc[0]), float(t["mean"].iloc[0])
    (4, 3.25)
    """
    scale, step = score_grid(fw, min_share)
    return privacy.describe_pooled(scores, keys, person="respondent", floor=floor, scale=scale,
                                   step=step)


def score_grid(fw: Instrument, min_share: float = 0.5) -> tuple[tuple[float, float], float]:
    """The scale's ends and the coarsest step of any element score of ``fw``.

    Parameters
    ----------
    fw : Instrument
        The framework scored.
    min_share : float, default 0.5
        The smallest share of an element's items that still gives a score.

    Returns
    -------
    scale : tuple of float
        The lowest and highest possible score.
    step : float
        The coarsest step of any element score (1.0 when the framework has no elements).

    Examples
    --------
    >>> from leadkit.content.frameworks import load_framework
    >>> score_grid(load_framework("agile-cmo"))
    ((1.0, 5.0), 0.5)
    """
    sizes = [sum(it.element == e.id for it in fw.items) for e in fw.elements]
    step = max(privacy.score_step(k, min_share) for k in sizes) if sizes else 1.0
    return (float(fw.scale[0]), float(fw.scale[1])), step


@shared_params
def agreement_across_teams(agreement: pd.DataFrame, *, floor: int = privacy.FLOOR
                           ) -> pd.DataFrame:
    """Summarise team agreement per element over the teams, never per team (rule 8).

    A spread next to a mean pins down scores: for three-person teams and three-item elements,
    rwg(j) at two decimals beside the team mean leaves a single set of member scores for 729
    of the 333,375 possible answer sets, and even the agreement band or a yes/no "at least .70"
    beside the mean leaves a single set for some (``docs/privacy.md``). An output that shows a
    team's mean therefore shows its agreement only within the mean over at least ``floor``
    teams.

    Parameters
    ----------
    agreement : pandas.DataFrame
        The rwg(j) per team (index) and element (columns), as
        :func:`leadkit.survey.element_stats.team_agreement` returns it.
    %(floor)s

    Returns
    -------
    pandas.DataFrame
        ``element``, ``teams`` (with a value) and ``rwg_j`` (their mean; missing when fewer
        than ``floor`` teams have one).

    Examples
    --------
    >>> a = pd.DataFrame({"trust": [0.9, 0.7, 0.8], "vision": [0.5, None, 0.6]},
    ...                  index=["T1", "T2", "T3"])
    >>> agreement_across_teams(a).round(2).values.tolist()
    [['trust', 3, 0.8], ['vision', 2, nan]]
    """
    floor = privacy.check_floor(floor)
    teams = agreement.notna().sum()
    mean = agreement.mean().where(teams >= floor)
    return pd.DataFrame({"element": list(agreement.columns), "teams": teams.to_numpy(int),
                         "rwg_j": mean.to_numpy(float)})
