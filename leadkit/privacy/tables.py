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
from leadkit.content.frameworks import Framework
from leadkit.i18n import N_, format_number, tr

__all__ = ["SMALL_GROUPS", "withheld_rows", "eligible_rows", "group_table", "cell_text",
           "wide_table", "rater_label", "score_grid"]

#: The 360 rater groups protected by the floor per rated person.
SMALL_GROUPS: tuple[str, ...] = ("peer", "report", "other")


def withheld_rows(scores: pd.DataFrame, cells: Sequence[tuple[pd.Series, Sequence[str]]], *,
                  floor: int = privacy.FLOOR, scale: tuple[float, float] = (1.0, 5.0),
                  step: float = 1.0) -> pd.Series:
    """Per score row, whether it belongs to a cell that some table of the output withholds.

    ``cells`` lists the tables' groupings as ``(rows, keys)``: the rows a table uses and the
    columns that make its cells. A cell is withheld when it holds fewer than ``floor`` people or
    its mean would give the answers away (:func:`leadkit.privacy.mean_is_safe`).
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


def eligible_rows(scores: pd.DataFrame, *, unit: str, floor: int = privacy.FLOOR,
                  team_rows: pd.Series | None = None, scale: tuple[float, float] = (1.0, 5.0),
                  step: float = 1.0) -> pd.Series:
    """Per score row, whether it may count in a pooled figure of the report.

    A row is left out when its 360 cell (rated person, wave, ``unit``, rater group, for peers,
    reports and others) is withheld, or when it is one of ``team_rows`` (the rows of the per-team
    table) in a withheld team cell. Rows without a score never count.
    """
    data = scores.assign(_target=scores["target"] if "target" in scores.columns
                         else scores.get("respondent"))
    wave = ["wave"] if "wave" in data.columns else []
    cells: list[tuple[pd.Series, Sequence[str]]] = []
    if "rater" in data.columns:
        cells.append((data["rater"].isin(SMALL_GROUPS), ["_target", *wave, unit, "rater"]))
    if team_rows is not None and "team" in data.columns:
        cells.append((team_rows & data["team"].notna(), [*wave, unit, "team"]))
    withheld = withheld_rows(data, cells, floor=floor, scale=scale, step=step)
    return scores["score"].notna() & ~withheld


def group_table(scores: pd.DataFrame, keys: Sequence[str], *, fw: Framework,
                floor: int = privacy.FLOOR, min_share: float = 0.5) -> pd.DataFrame:
    """``n`` and ``mean`` per group of ``keys``, each person once, with the floor applied.

    ``scores`` are tidy score rows already limited to the rows that may count (see
    :func:`eligible_rows`). The result is that of :func:`leadkit.privacy.describe`.
    """
    per_person = scores.groupby([*keys, "respondent"], as_index=False, dropna=False)[
        "score"].mean()
    scale, step = score_grid(fw, min_share)
    return privacy.describe(per_person, keys, person="respondent", floor=floor,
                            scale=scale, step=step)


def score_grid(fw: Framework, min_share: float = 0.5) -> tuple[tuple[float, float], float]:
    """The scale's ends and the coarsest step of any element score of ``fw``."""
    sizes = [sum(it.element == e.id for it in fw.items) for e in fw.elements]
    step = max(privacy.score_step(k, min_share) for k in sizes) if sizes else 1.0
    return (float(fw.scale[0]), float(fw.scale[1])), step


def cell_text(n: object, mean: float) -> str:
    """A table cell: ``"3.45 (n 12)"`` in the current language, or a dash when withheld.

    Examples
    --------
    >>> cell_text(12, 3.4567), cell_text(pd.NA, float("nan"))
    ('3.46 (n 12)', '–')
    """
    if pd.isna(mean):
        return "–"
    return f"{format_number(mean)} (n {int(n)})" if not pd.isna(n) else format_number(mean)  # type: ignore[call-overload]


def wide_table(described: pd.DataFrame, rows: str, columns: str,
               row_order: Sequence[str] | None = None,
               row_labels: dict[str, str] | None = None) -> pd.DataFrame:
    """Cells of :func:`cell_text` with ``rows`` down and ``columns`` across."""
    text = described.assign(_cell=[cell_text(n, m) for n, m in
                                   zip(described["n"], described["mean"], strict=True)])
    wide = text.pivot(index=rows, columns=columns, values="_cell")
    if row_order is not None:
        wide = wide.reindex(list(row_order))
    wide = wide.fillna("–")
    if row_labels:
        wide.index = [row_labels.get(i, i) for i in wide.index]
    wide.columns.name = None
    wide.index.name = None
    return wide


def rater_label(rater: str) -> str:
    """A rater group code as a word in the current language."""
    return tr(_RATERS[rater]) if rater in _RATERS else rater


_RATERS = {
    "self": N_("self"), "manager": N_("manager"),
    "peer": N_("peers"), "report": N_("reports"),
    "other": N_("other"),
}
