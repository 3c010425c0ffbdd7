"""Charts for the cases of the framework notebooks.

- :func:`t_shape_figure` — a T-shape self-map as bars, deep areas marked;
- :func:`theme_profile` — a learner's scores rolled up to the cross-framework themes
  (:func:`leadkit.render.displays.show_learner_themes` shows it with its table).

Colours are the Okabe-Ito palette of :mod:`leadkit.plots`; values are written beside marks, so
nothing is said by colour alone.

Examples
--------
>>> from leadkit.learning.cases import load_case
>>> fig = t_shape_figure({"data": 4, "branding": 2})
>>> len(fig.axes[0].patches) == len(load_case("silo-t-shape")["areas"])
True
"""

from __future__ import annotations

import textwrap
from collections.abc import Mapping

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from leadkit.docparams import shared_params
from leadkit.i18n import format_number, ngettext, tr
from leadkit.learning import cases, exercises
from leadkit.plots.base import OKABE_ITO
from leadkit.plots.figure import KitFigure

__all__ = ["t_shape_figure", "theme_profile"]


def t_shape_figure(ratings: Mapping[str, int | None], case: dict | str = "silo-t-shape",
                   ) -> Figure:
    """Draw the learner's level per knowledge area, with the breadth line and deep areas.

    The bars hang down from the top, so a deep area makes the stem of the T and the areas at
    level 2 or more make its bar.

    Parameters
    ----------
    ratings : mapping
        Area id → level, or ``None`` for an area not rated (see
        :func:`leadkit.learning.exercises.classify_t_shape`).
    case : dict or str, default "silo-t-shape"
        The T-shape case, or its id.

    Returns
    -------
    matplotlib.figure.Figure
        The figure, titled with the shape and its breadth.

    Raises
    ------
    UnknownIdError
        A rating names an area the case does not have.
    ValueError
        A level is not a whole number within the case's levels.

    Examples
    --------
    >>> fig = t_shape_figure({"data": 4, "branding": 2})
    >>> len(fig.axes)
    1
    """
    case = cases.load_case(case) if isinstance(case, str) else case
    shape = exercises.classify_t_shape(ratings, case)
    top = len(case["levels"])
    areas = case["areas"]
    depth = np.array([ratings.get(a["id"]) or 0 for a in areas], dtype=float)
    fig = KitFigure(figsize=(max(7.0, 1.25 * len(areas) + 2.5), 5.0), layout="constrained")
    ax = fig.add_subplot()
    x = np.arange(len(areas))
    deep = np.array([a["id"] in shape.deep for a in areas])
    ax.bar(x[~deep], -depth[~deep], color=OKABE_ITO["sky"], width=0.7)
    ax.bar(x[deep], -depth[deep], color=OKABE_ITO["blue"], width=0.7, hatch="//",
           edgecolor=OKABE_ITO["black"], label=tr("deep"))
    for xi, d in zip(x, depth, strict=True):
        text = str(int(d)) if d else tr("not rated")
        ax.text(xi, -max(d, 0) - 0.15, text, ha="center", va="top", fontsize=9)  # type: ignore[arg-type]
    ax.axhline(-2, color=OKABE_ITO["black"], linestyle="--", linewidth=1)
    ax.text(len(areas) - 0.5, -2 + 0.08, tr("breadth: level 2 or more"),
            ha="right", va="bottom", fontsize=8)
    # Long Dutch compounds ("Marketingautomatisering") stay whole and slant, not overlap.
    ax.set_xticks(x, [textwrap.fill(tr(a["label"]), 16, break_long_words=False)
                      for a in areas], fontsize=9, rotation=30, ha="left",
                  rotation_mode="anchor")
    ax.xaxis.tick_top()
    ax.set_ylim(-top - 0.8, 0)
    ax.set_yticks([-i for i in range(1, top + 1)],
                  [textwrap.fill(tr(lbl), 18) for lbl in case["levels"]])
    breadth = tr("breadth")
    ax.set_title(f"{shape.label} ({breadth} {shape.breadth:.0%})", pad=40)
    if deep.any():
        ax.legend(loc="lower right", frameon=False)
    return fig


@shared_params
def theme_profile(table: pd.DataFrame, *, title: str | None = None) -> Figure:
    """Draw theme scores on a 0–100 scale (POMP), with the number of frameworks per theme.

    Parameters
    ----------
    table : DataFrame
        From :func:`leadkit.learning.framework_choice.learner_theme_scores`: ``label``,
        ``pomp``, ``n_frameworks``.
    %(chart_title)s

    Returns
    -------
    matplotlib.figure.Figure
        The figure, one bar per theme with a score, lowest at the bottom.

    Examples
    --------
    >>> from leadkit.learning.framework_choice import learner_theme_scores
    >>> len(theme_profile(learner_theme_scores()).axes)
    1
    """
    data = table.dropna(subset=["pomp"]).sort_values("pomp")
    fig = KitFigure(figsize=(8.5, 1.4 + 0.45 * len(data)), layout="constrained")
    ax = fig.add_subplot()
    y = np.arange(len(data))
    ax.barh(y, data["pomp"], color=OKABE_ITO["green"], height=0.6)
    for yi, (p, n) in enumerate(zip(data["pomp"], data["n_frameworks"], strict=True)):
        # Written out ("3 frameworks"), never abbreviated: an abbreviation nobody explains.
        count = ngettext("{n} framework", "{n} frameworks", int(n)).format(n=int(n))
        ax.text(p + 1, yi, f"{format_number(p, 0)}  ({count})", va="center", fontsize=9)
    ax.set_yticks(y, [textwrap.fill(t, 30) for t in data["label"]])
    ax.set_xlim(0, 140)
    ax.set_xticks(range(0, 101, 25))
    ax.set_xlabel(tr("Score as % of the scale (0 = lowest, 100 = highest)"))
    ax.set_title(title or tr("Your scores per theme, over all frameworks"))
    ax.grid(axis="x", alpha=0.3)
    return fig
