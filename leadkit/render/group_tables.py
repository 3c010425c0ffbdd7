"""Group tables as the report prints them: a cell "mean (n people)", groups across the top.

The figures come from :mod:`leadkit.privacy.tables`, which applies the disclosure rules; this
module only writes them out, with the numbers in the current language and a dash where a figure
is withheld.

Examples
--------
>>> import pandas as pd
>>> d = pd.DataFrame({"element": ["e1"], "team": ["T1"], "n": [4], "mean": [3.25]})
>>> wide_table(d, "element", "team").loc["e1", "T1"]
'3.25 (n 4)'
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from leadkit.i18n import format_number

__all__ = ["group_cell", "wide_table"]


def group_cell(n: object, mean: float) -> str:
    """A table cell: ``"3.45 (n 12)"`` in the current language, or a dash when withheld.

    Parameters
    ----------
    n : int or missing
        The number of people; missing shows the mean alone.
    mean : float
        The group mean; NaN (withheld) shows a dash.

    Returns
    -------
    str
        The mean with two decimals in the current language's number format, and the count.

    Examples
    --------
    >>> group_cell(12, 3.4567), group_cell(pd.NA, float("nan"))
    ('3.46 (n 12)', '–')
    """
    if pd.isna(mean):
        return "–"
    return f"{format_number(mean)} (n {int(n)})" if not pd.isna(n) else format_number(mean)  # type: ignore[call-overload]


def wide_table(described: pd.DataFrame, rows: str, columns: str,
               row_order: Sequence[str] | None = None,
               row_labels: dict[str, str] | None = None) -> pd.DataFrame:
    """Lay out group cells (:func:`group_cell`) with ``rows`` down and ``columns`` across.

    Parameters
    ----------
    described : pandas.DataFrame
        A table of :func:`leadkit.privacy.describe` (or
        :func:`leadkit.privacy.tables.group_table`), with ``n`` and
        ``mean``.
    rows : str
        The column whose values go down the side.
    columns : str
        The column whose values go across the top.
    row_order : sequence of str, optional
        The rows in this order (missing ones as dashes). Default ``None`` keeps the sorted
        order of the pivot.
    row_labels : dict, optional
        Labels to show for row values. Default ``None`` shows the values themselves.

    Returns
    -------
    pandas.DataFrame
        Text cells of :func:`group_cell`; an empty combination shows a dash.

    Examples
    --------
    >>> d = pd.DataFrame({"element": ["e1", "e1"], "rater": ["self", "peer"],
    ...                   "n": [1, pd.NA], "mean": [4.0, float("nan")]})
    >>> wide_table(d, "element", "rater").to_dict("index")
    {'e1': {'peer': '–', 'self': '4.00 (n 1)'}}
    """
    text = described.assign(_cell=[group_cell(n, m) for n, m in
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
