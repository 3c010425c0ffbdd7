"""What every kit chart shares: the palette, bilingual labels, wrapped element names, axes.

Examples
--------
>>> print(wrap("Beslissen zonder eindeloze goedkeuringslagen", 26))
Beslissen zonder eindeloze
goedkeuringslagen
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable

import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from leadkit.content.frameworks import list_frameworks, load_framework, load_instrument, themes
from leadkit.content.instrument import Instrument
from leadkit.errors import InputError
from leadkit.i18n import N_, tr
from leadkit.plots.figure import KitFigure

__all__ = ["OKABE_ITO", "TEXTS", "framework_of", "need_columns", "element_means",
           "wrap", "element_labels", "new_axes", "category_labels", "legend_below", "names_of",
           "framework_title_text", "theme_label_text"]

#: Okabe & Ito (2008) colours, distinguishable with every common colour-vision deficiency.
OKABE_ITO = {
    "black": "#000000", "orange": "#E69F00", "sky": "#56B4E9", "green": "#009E73",
    "yellow": "#F0E442", "blue": "#0072B2", "vermillion": "#D55E00", "purple": "#CC79A7",
}
_WRAP = 26  # characters per line of an element label; long Dutch names wrap instead of clip

TEXTS = {
    "score": N_("Score"),
    "mean_score": N_("Mean score"),
    "profile": N_("Profile"),
    "no_score": N_("no score (too few answers)"),
    "self": N_("Self"),
    "others": N_("Others"),
    "gap": N_("Self and others"),
    "gap_word": N_("gap"),
    "class": N_("Class"),
    "compared": N_("{who} compared with the class"),
    "frameworks": N_("Framework"),
    "themes": N_("Theme"),
    "heatmap": N_("Elements per theme"),
}




def framework_of(frame: pd.DataFrame, framework: Instrument | str | None) -> Instrument:
    """The framework given, or the single one named in the frame's ``framework`` column.

    Parameters
    ----------
    frame : pandas.DataFrame
        A score table, optionally with a ``framework`` column.
    framework : Instrument, str or None
        The framework, its id or path; ``None`` takes it from the ``framework`` column.

    Returns
    -------
    Instrument
        The loaded framework.

    Raises
    ------
    InputError
        No framework is given and the table has no ``framework`` column, no rows, or more
        than one framework.

    Examples
    --------
    >>> framework_of(pd.DataFrame({"framework": ["agile-cmo"]}), None).id
    'agile-cmo'
    """
    if framework is not None:
        return load_instrument(framework)
    if "framework" not in frame.columns:
        raise InputError("<DataFrame>", tr("the table has no 'framework' column"),
                         expected=tr("a 'framework' column or the framework= argument"))
    ids = frame["framework"].dropna().unique().tolist()
    if frame.empty:
        raise InputError("<DataFrame>",
                         tr("the table has no rows"),
                         expected=tr("at least one score"))
    if len(ids) != 1:
        raise InputError("<DataFrame>", tr("the table holds {n} frameworks ({ids})").format(
                                            n=len(ids), ids=ids),
                         column="framework", expected=tr("the scores of exactly one framework"))
    return load_framework(ids[0])


def need_columns(frame: pd.DataFrame, columns: Iterable[str]) -> None:
    """Raise an InputError naming the columns that ``frame`` lacks.

    Parameters
    ----------
    frame : pandas.DataFrame
        The table to check.
    columns : iterable of str
        The columns it must have.

    Returns
    -------
    None
        Returns quietly when every column is there.

    Raises
    ------
    InputError
        Naming the missing columns.

    Examples
    --------
    >>> need_columns(pd.DataFrame({"element": []}), ["element", "score"])
    Traceback (most recent call last):
    ...
    leadkit.errors.InputError: <DataFrame>: missing column(s): score (expected columns element, \
score)
    """
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise InputError("<DataFrame>", tr("missing column(s): {value}").format(
                                            value=', '.join(missing)),
                         expected=tr("columns {value}").format(value=', '.join(columns)))


def element_means(scores: pd.DataFrame, fw: Instrument) -> pd.Series:
    """Mean score per element in the framework's order (NaN where no score).

    Several rows per element (a team) are averaged; an element the framework does not know is
    an error rather than a silently dropped bar.

    Parameters
    ----------
    scores : pandas.DataFrame
        Tidy scores with ``element`` and ``score`` (and optionally ``wave``).
    fw : Instrument
        The framework the scores belong to.

    Returns
    -------
    pandas.Series
        The mean score of each element that has rows, indexed by element id.

    Raises
    ------
    InputError
        A column is missing, an element is not in the framework, or the scores mix waves.

    Examples
    --------
    >>> from leadkit.content.frameworks import load_framework
    >>> s = pd.DataFrame({"element": ["soft-skills", "build-trust", "build-trust"],
    ...                   "score": [2.0, 3.0, 4.0]})
    >>> element_means(s, load_framework("agile-cmo")).to_dict()
    {'build-trust': 3.5, 'soft-skills': 2.0}
    """
    need_columns(scores, ["element", "score"])
    known = [e.id for e in fw.elements]
    unknown = sorted(set(scores["element"]) - set(known))
    if unknown:
        raise InputError("<DataFrame>", tr("element(s) {unknown} are not in {id}").format(
                                            unknown=unknown, id=fw.id),
                         column="element", expected=tr("one of {value}").format(
                                                        value=', '.join(known)))
    if "wave" in scores.columns and scores["wave"].nunique() > 1:
        # Averaging a before and an after would draw a level nobody ever had.
        waves = ", ".join(map(str, scores["wave"].unique()))
        raise InputError("<DataFrame>", tr("the scores mix the waves {waves}").format(waves=waves),
                         column="wave", expected=tr("the scores of one wave (filter on wave)"))
    values = pd.to_numeric(scores["score"], errors="coerce")
    means = values.groupby(scores["element"]).mean()
    return means.reindex([e for e in known if e in means.index])


def wrap(text: str, width: int) -> str:
    """Wrap ``text`` into lines of at most ``width`` characters, never splitting a word.

    Parameters
    ----------
    text : str
        The label to wrap (an element's or a theme's name).
    width : int
        The longest line, in characters (a longer word keeps its own line).

    Returns
    -------
    str
        The lines joined with newlines.

    Examples
    --------
    >>> print(wrap("Klantgerichtheid in de hele keten", 10))
    Klantgerichtheid
    in de hele
    keten
    """
    # Never split inside a word: "Klantgerichtheid" stays whole however narrow the column.
    return textwrap.fill(text, width, break_long_words=False, break_on_hyphens=False)


def element_labels(fw: Instrument, element_ids: Iterable[str], width: int = _WRAP) -> list[str]:
    """The elements' labels in the current language, each wrapped for an axis.

    Parameters
    ----------
    fw : Instrument
        The framework.
    element_ids : iterable of str
        The elements to label, in order.
    width : int, default _WRAP (26)
        The longest line of a label, in characters.

    Returns
    -------
    list of str
        One wrapped label per element.

    Raises
    ------
    UnknownIdError
        An id is not an element of the framework; the message lists the framework's elements.

    Examples
    --------
    >>> from leadkit.content.frameworks import load_framework
    >>> element_labels(load_framework("agile-cmo"), ["build-trust"])
    ['Build trust']
    """
    return [wrap(fw.element(e).label, width) for e in element_ids]


def new_axes(ax: Axes | None, n_rows: int, *, polar: bool = False,
              width: float = 8.0) -> tuple[Figure, Axes]:
    """The figure and axes to draw on: those of ``ax``, or a new kit figure sized for the rows.

    Parameters
    ----------
    ax : matplotlib.axes.Axes or None
        The caller's axes, or ``None`` for a new figure.
    n_rows : int
        The number of rows the chart shows; a new figure grows with it.
    polar : bool, default False
        Whether the chart needs polar axes (a radar chart).
    width : float, default 8.0
        The width of a new (not polar) figure, in inches.

    Returns
    -------
    figure : matplotlib.figure.Figure
        The figure to return to the caller.
    axes : matplotlib.axes.Axes
        The axes to draw on.

    Raises
    ------
    ValueError
        ``ax`` is polar where ordinary axes are needed, or the other way round.

    Examples
    --------
    >>> fig, ax = new_axes(None, 3)
    >>> len(fig.axes), ax.name
    (1, 'rectilinear')
    """
    if ax is not None:
        if polar != (ax.name == "polar"):
            raise ValueError("a radar chart needs a polar axes (subplot_kw={'polar': True})"
                             if polar else "this chart needs an ordinary (not polar) axes")
        return ax.figure, ax  # type: ignore[return-value]
    if polar:
        # Constrained layout does not see the labels around a polar axes: leave a fixed
        # margin for them instead (wrapped labels are at most about 20 characters wide).
        fig = KitFigure(figsize=(10.0, 8.0))
        return fig, fig.add_axes((0.22, 0.09, 0.56, 0.78), projection="polar")
    fig = KitFigure(figsize=(width, 1.6 + 0.62 * n_rows), layout="constrained")
    return fig, fig.add_subplot()


def category_labels(rows: pd.DataFrame) -> list[str]:
    """The 360 category of each row as words in the current language.

    Parameters
    ----------
    rows : pandas.DataFrame
        Rows of :func:`leadkit.survey.feedback360.self_other`, with a ``category`` column.

    Returns
    -------
    list of str
        One label per row; ``""`` for a missing category, an unknown one as it is.

    Examples
    --------
    >>> category_labels(pd.DataFrame({"category": ["in agreement", "", None]}))
    ['in agreement', '', '']
    """
    # Translated now, not taken from category_label: the language may have changed since.
    from leadkit.survey.feedback360 import CATEGORIES

    return [tr(CATEGORIES[c]) if c in CATEGORIES else "" if pd.isna(c) else str(c)
            for c in rows["category"]]


def legend_below(ax: Axes, n_rows: int) -> None:
    """Put the axes' legend below the x-axis label, in two columns.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
        The axes with labelled artists.
    n_rows : int
        The number of rows of the chart, which sets how far below the legend goes.

    Returns
    -------
    None
        Adds the legend to ``ax``.
    """
    # Under the x-axis label, so it never hides a mark or a written value.
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.12 - 0.5 / max(n_rows, 1)), ncols=2,
              frameon=False)


def names_of(ids: Iterable[str], lookup) -> list[str]:
    """The display name of each id from a lookup table; an unknown id as itself.

    Parameters
    ----------
    ids : iterable of str
        The ids to name.
    lookup : callable
        Returns a dict from id to name, such as :func:`framework_title_text`.

    Returns
    -------
    list of str
        One name per id.

    Examples
    --------
    >>> names_of(["agile-cmo", "mine"], framework_title_text)[1]
    'mine'
    """
    table = lookup()
    return [table.get(i, str(i)) for i in ids]


def framework_title_text() -> dict[str, str]:
    """Each framework's title in the current language, by framework id.

    Returns
    -------
    dict
        Instrument id → title, for every framework of the kit.

    Examples
    --------
    >>> framework_title_text()["wij-model"]
    "From 'me' to 'we': the we-model of leadership"
    """
    return {fid: tr(load_framework(fid).title) for fid in list_frameworks()}


def theme_label_text() -> dict[str, str]:
    """Each theme's label in the current language, by theme id.

    Returns
    -------
    dict
        Theme id → label, for every cross-framework theme.

    Examples
    --------
    >>> theme_label_text()["trust"]
    'Trust'
    """
    t = themes()
    return dict(zip(t["theme"], t["label"], strict=True))
