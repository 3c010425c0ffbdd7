"""Charts of a class's self-assessments for the teacher, with the disclosure rules built in.

Both charts draw only what :mod:`leadkit.privacy` lets a table show: the class mean and the
number of learners per element or theme, for groups of at least ``min_group`` learners. No
individual score, spread or quartile is drawn. Below the chart they say which elements were
left out and why.

Examples
--------
>>> import pandas as pd
>>> s = pd.DataFrame({"pseudonym": ["L-1", "L-2", "L-3", "L-1"], "framework": "my-model",
...                   "element": ["a", "a", "a", "b"], "score": [3.0, 4.0, 4.5, 2.0]})
>>> fig = class_distribution(s, "my-model")
>>> [t.get_text() for t in fig.axes[0].get_yticklabels()]
['a']
"""

from __future__ import annotations

import textwrap

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from leadkit.docparams import shared_params
from leadkit.i18n import N_, format_number, tr
from leadkit.plots.base import OKABE_ITO
from leadkit.plots.figure import KitFigure
from leadkit.privacy import check_floor
from leadkit.store.classroom import MIN_GROUP, class_summary

__all__ = ["class_distribution", "class_theme_chart"]

_T = {
    "score": N_("Score"),
    "mean": N_("class mean"),
    "hidden": N_("Not shown (fewer than {n} learners, or a mean that would give the answers "
                 "away): {names}"),
    "title": N_("Class self-assessment: {fw} ({n})"),
    "themes": N_("Class means per theme (n = learners)"),
}


def _axes(ax: Axes | None, rows: int) -> tuple[Figure, Axes]:
    if ax is not None:
        return ax.figure, ax  # type: ignore[return-value]
    fig = KitFigure(figsize=(7.5, 0.55 * max(rows, 1) + 1.6), layout="constrained")
    return fig, fig.add_subplot()


def _fw_info(framework: str) -> tuple[str, tuple[int, int] | None]:
    from leadkit.content.frameworks import list_frameworks, load_framework

    if framework in list_frameworks():
        fw = load_framework(framework)
        return tr(fw.title), (fw.scale[0], fw.scale[1])
    return framework, None


def _mean_dots(ax: Axes, shown: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """One diamond per row at its mean, the mean and ``n`` written beside it."""
    y = np.arange(len(shown))
    means = shown["mean"].astype(float).to_numpy()
    # A dot plot, not bars: a score scale has no natural zero for a bar to start from; the
    # diamond (not only a colour) marks the mean, and its value is written beside it.
    ax.scatter(means, y, marker="D", s=46, color=OKABE_ITO["vermillion"], zorder=4,
               label=tr(_T["mean"]))
    for yi, m, n in zip(y, means, shown["n"], strict=True):
        ax.annotate(f"{format_number(m)} (n = {n})", (m, yi - 0.25), ha="center", va="bottom",
                    fontsize=8)
    return y, means


@shared_params
def class_distribution(scores: pd.DataFrame, framework: str, *, min_group: int = MIN_GROUP,
                       ax: Axes | None = None) -> Figure:
    """Each element's class mean (a diamond, its value and ``n`` beside it).

    ``scores`` is the table of :func:`leadkit.store.classroom.class_scores`. Only the figures of
    :func:`leadkit.store.classroom.class_summary` are drawn, never a learner's own score.

    Parameters
    ----------
    scores : pandas.DataFrame
        The table of :func:`leadkit.store.classroom.class_scores`.
    framework : str
        The framework id to draw.
    min_group : int, default MIN_GROUP
        The anonymity floor; elements below it are named under the chart, not drawn.
    ax : matplotlib.axes.Axes, optional
        Draw on this axes. Default ``None`` makes a new figure.

    Returns
    -------
    matplotlib.figure.Figure
        The figure, titled with the class size (``n < min_group`` when it is below the floor);
        the withheld elements are named under the axes.

    Raises
    ------
    %(min_group_raises)s

    Examples
    --------
    >>> from leadkit.store.classroom import class_scores
    >>> from leadkit.store.handins import load_bundles, sample_bundles_dir
    >>> scores = class_scores(load_bundles(sample_bundles_dir()), "a-long-private-class-salt")
    >>> fig = class_distribution(scores, "agile-cmo")
    >>> fig.axes[0].get_title().endswith("(n = 22)")
    True
    """
    check_floor(min_group, "min_group")
    summary = class_summary(scores[scores["framework"] == framework], min_group=min_group)
    shown, hidden = summary[~summary["suppressed"]], summary[summary["suppressed"]]
    title, scale = _fw_info(framework)
    fig, ax = _axes(ax, len(shown))
    y, _ = _mean_dots(ax, shown)
    ax.set_yticks(y, [textwrap.fill(n, 30) for n in shown["name"]] if len(shown) else [])
    ax.invert_yaxis()
    if scale:
        ax.set_xlim(scale[0] - 0.2, scale[1] + 0.2)
    ax.set_xlabel(tr(_T["score"]))
    n = int(scores.loc[scores["framework"] == framework, "pseudonym"].nunique())
    # The class size itself is a figure: below the floor it is not shown either.
    count = f"n = {n}" if n >= min_group else f"n < {min_group}"
    ax.set_title(textwrap.fill(tr(_T["title"]).format(fw=title, n=count), 55))
    if len(shown):
        ax.legend(loc="lower right", fontsize=8)
    if len(hidden):
        note = tr(_T["hidden"]).format(n=min_group, names=", ".join(hidden["name"]))
        fig.supxlabel(textwrap.fill(note, 100), fontsize=8, ha="left", x=0.01)
    return fig


def class_theme_chart(theme_summary: pd.DataFrame, *, ax: Axes | None = None) -> Figure:
    """Draw the class mean per cross-framework theme, with the mean and ``n`` beside each dot.

    The table is that of :func:`leadkit.store.classroom.class_themes`.

    Parameters
    ----------
    theme_summary : pandas.DataFrame
        The table of :func:`leadkit.store.classroom.class_themes`.
    ax : matplotlib.axes.Axes, optional
        Draw on this axes. Default ``None`` makes a new figure.

    Returns
    -------
    matplotlib.figure.Figure
        The figure; withheld themes are left out.

    Examples
    --------
    >>> from leadkit.store.classroom import class_scores, class_themes
    >>> from leadkit.store.handins import load_bundles, sample_bundles_dir
    >>> scores = class_scores(load_bundles(sample_bundles_dir()), "a-long-private-class-salt")
    >>> len(class_theme_chart(class_themes(scores)).axes)
    1
    """
    shown = theme_summary[~theme_summary["suppressed"].astype(bool)]
    fig, ax = _axes(ax, len(shown))
    y, means = _mean_dots(ax, shown)
    if len(shown):  # below the axes, where it covers no theme
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.1), ncols=2, fontsize=8,
                  frameon=False)
    ax.set_yticks(y, list(shown["label"]))
    if len(means):  # room for the value written above the first and last dot
        ax.set_xlim(np.nanmin(means) - 0.5, np.nanmax(means) + 0.5)
    ax.invert_yaxis()
    ax.set_xlabel(tr(_T["score"]))
    ax.set_title(tr(_T["themes"]))
    return fig
