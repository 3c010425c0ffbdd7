"""Charts of element scores: profiles, 360-degree gaps, a person against the class, themes.

Every chart reads the framework for its element names (in the current language) and for its
scale, uses the colour-blind-safe Okabe-Ito colours, and never says anything by colour alone:
values are written next to marks and shapes differ. Each function returns a matplotlib
``Figure``; pass ``ax=`` to draw into an axes of your own.

Examples
--------
>>> import pandas as pd
>>> s = pd.DataFrame({"framework": "agile-cmo", "element": ["build-trust", "soft-skills"],
...                   "score": [4.0, 3.5]})
>>> fig = profile(s)
>>> [float(bar.get_x() + bar.get_width()) for bar in fig.axes[0].patches]
[4.0, 3.5]
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from leadkit.content.frameworks import list_frameworks
from leadkit.content.instrument import Instrument
from leadkit.docparams import shared_params
from leadkit.errors import InputError
from leadkit.i18n import format_number, tr
from leadkit.plots.base import (
    OKABE_ITO,
    TEXTS,
    category_labels,
    element_labels,
    element_means,
    framework_of,
    framework_title_text,
    legend_below,
    names_of,
    need_columns,
    new_axes,
    theme_label_text,
    wrap,
)

__all__ = ["OKABE_ITO", "profile", "radar", "gap_chart", "against_distribution", "theme_heatmap"]


def profile(scores: pd.DataFrame, *, title: str | None = None, kind: str = "bar",
            ax: Axes | None = None, framework: Instrument | str | None = None) -> Figure:
    """Draw one person's or one team's element scores as horizontal bars or a radar.

    Parameters
    ----------
    scores : DataFrame
        Tidy scores with columns ``element`` and ``score`` (and ``framework`` unless
        ``framework=`` is given). Several rows per element, as for a team, are averaged.
    title : str, optional
        The chart title; by default the framework's title in the current language.
    kind : {"bar", "radar"}
        Bars (easiest to read exactly) or a radar (the shape at a glance, 3+ elements).
    ax : matplotlib Axes, optional
        Draw into this axes (a polar one for ``kind="radar"``).
    framework : Instrument or str, optional
        The framework, when the table has no ``framework`` column.

    Returns
    -------
    Figure
        The chart.

    Examples
    --------
    >>> import pandas as pd
    >>> s = pd.DataFrame({"element": ["build-trust"], "score": [3.0]})
    >>> fig = profile(s, framework="agile-cmo", title="Me")
    >>> fig.axes[0].get_title()
    'Me'
    """
    if kind not in ("bar", "radar"):
        raise ValueError(f"kind must be 'bar' or 'radar', not {kind!r}")
    fw = framework_of(scores, framework)
    means = element_means(scores, fw).reindex([e.id for e in fw.elements])
    several = scores.groupby("element").size().max() > 1 if len(scores) else False
    value_label = tr(TEXTS["mean_score"] if several else TEXTS["score"])
    title = tr(fw.title) if title is None else title
    low, high = fw.scale
    if kind == "radar":
        return _radar(means, fw, title, ax)
    fig, ax = new_axes(ax, len(means))
    y = np.arange(len(means))[::-1]  # the first element on top, as in the framework text
    ax.barh(y[means.notna().to_numpy()], means.dropna().to_numpy() - low, left=low,
            color=OKABE_ITO["blue"], height=0.6)
    for yi, value in zip(y, means.to_numpy(), strict=True):
        text = tr(TEXTS["no_score"]) if np.isnan(value) else format_number(value)
        ax.text((low if np.isnan(value) else value) + 0.05, yi, text, va="center", fontsize=9)
    ax.set_yticks(y, element_labels(fw, means.index))
    ax.set_xlim(low, high + 0.45)  # room for the value written after a full bar
    ax.set_xticks(range(low, high + 1))
    ax.set_xlabel(value_label)
    ax.set_title(title)
    ax.grid(axis="x", alpha=0.3)
    return fig


def _radar(means: pd.Series, fw: Instrument, title: str, ax: Axes | None) -> Figure:
    if len(means) < 3:
        raise ValueError("a radar needs at least 3 elements; use kind='bar'")
    low, high = fw.scale
    fig, ax = new_axes(ax, len(means), polar=True)
    angles = np.linspace(0, 2 * np.pi, len(means), endpoint=False)
    values = means.to_numpy()
    # Close the outline; a missing score breaks the line there rather than drawing a guess.
    ax.plot(np.append(angles, angles[0]), np.append(values, values[0]),
            color=OKABE_ITO["blue"], marker="o", linewidth=2)
    ax.fill(angles[~np.isnan(values)], values[~np.isnan(values)], color=OKABE_ITO["sky"],
            alpha=0.25)
    ax.set_theta_offset(np.pi / 2)  # type: ignore[attr-defined]
    ax.set_theta_direction(-1)  # type: ignore[attr-defined]
    ax.set_ylim(low, high)
    ax.set_yticks(range(low, high + 1))
    ax.set_xticks(angles, element_labels(fw, means.index, width=20))
    for label, angle in zip(ax.get_xticklabels(), angles, strict=True):
        # Labels right of the centre start at their point, those on the left end there.
        side = np.sin(angle)
        label.set_horizontalalignment("left" if side > 0.1 else "right" if side < -0.1 else
                                      "center")
    ax.tick_params(axis="x", pad=12)
    ax.set_title(title, pad=24)
    return fig


def radar(scores: pd.DataFrame, *, title: str | None = None, ax: Axes | None = None,
          framework: Instrument | str | None = None) -> Figure:
    """Draw a radar profile; the same as ``profile(..., kind="radar")``.

    Parameters
    ----------
    scores : pandas.DataFrame
        Tidy scores of one framework, as for :func:`profile`.
    title : str, optional
        The chart's title. Default ``None`` uses the framework's title.
    ax : matplotlib.axes.Axes, optional
        Draw on this (polar) axes. Default ``None`` makes a new figure.
    framework : Instrument or str, optional
        The framework. Default ``None`` takes it from the ``framework`` column.

    Returns
    -------
    matplotlib.figure.Figure
        The figure, with one polar axes: the elements around it, the scores as the profile.

    Raises
    ------
    InputError
        The scores name no single framework, or hold an element the framework lacks.

    Examples
    --------
    >>> s = pd.DataFrame({"element": ["build-trust", "soft-skills"], "score": [3.0, 4.0]})
    >>> radar(s, framework="agile-cmo").axes[0].name
    'polar'
    """
    return profile(scores, title=title, kind="radar", ax=ax, framework=framework)


@shared_params
def gap_chart(self_other_frame: pd.DataFrame, target: Any, *, wave: Any = None,
              title: str | None = None, ax: Axes | None = None,
              framework: Instrument | str | None = None) -> Figure:
    """Draw one person's self-rating against the others' mean per element, with the gap.

    Parameters
    ----------
    self_other_frame : DataFrame
        The result of :func:`leadkit.survey.feedback360.self_other`: per ``target`` and ``element``
        the columns ``self``, ``others`` and ``category`` (``category_label`` is used when
        present).
    target : str
        The person whose 360-degree result is drawn.
    wave : object, optional
        Which wave, when the table has several for this person; by default the one wave in
        which others rated them.
    %(chart_options)s

    Returns
    -------
    Figure
        A circle for the self-rating, a diamond for the others, an arrow from the others to
        the self-rating, and each element's category and gap written on the right.

    Examples
    --------
    >>> import leadkit as lk
    >>> from leadkit.survey.feedback360 import self_other
    >>> from leadkit.survey.scoring import score
    >>> gaps = self_other(score(lk.load_dataset("agile-cmo-class"), "agile-cmo"))
    >>> len(gap_chart(gaps, "T2-L", framework="agile-cmo").axes)
    1
    """
    need_columns(self_other_frame, ["target", "element", "self", "others", "category"])
    rows = self_other_frame[self_other_frame["target"] == target]
    if rows.empty:
        known = ", ".join(map(str, self_other_frame["target"].unique()[:10]))
        raise InputError("<DataFrame>", tr("no 360-degree result for {target!r}").format(
                                            target=target),
                         column="target", expected=tr("one of {known}").format(known=known))
    if "wave" in rows.columns:
        if wave is not None:
            rows = rows[rows["wave"] == wave]
        else:
            rated = rows.groupby("wave")["others"].apply(lambda v: v.notna().any())
            rows = rows[rows["wave"].isin(rated[rated].index)]
        if rows["wave"].nunique() != 1:
            waves = ", ".join(map(str, self_other_frame.loc[
                self_other_frame["target"] == target, "wave"].unique()))
            raise InputError("<DataFrame>",
                             tr("{target!r} has no single wave rated by others").format(
                                                target=target),
                column="wave",
                expected=tr("wave= one of {waves}").format(waves=waves))
    fw = framework_of(rows, framework)
    order = [e.id for e in fw.elements if e.id in set(rows["element"])]
    rows = rows.set_index("element").loc[order]
    low, high = fw.scale
    fig, ax = new_axes(ax, len(rows), width=9.5)
    y = np.arange(len(rows))[::-1]
    self_v = pd.to_numeric(rows["self"], errors="coerce").to_numpy()
    other_v = pd.to_numeric(rows["others"], errors="coerce").to_numpy()
    for yi, s, o in zip(y, self_v, other_v, strict=True):
        if not (np.isnan(s) or np.isnan(o)) and abs(s - o) > 0.05:
            ax.annotate("", xy=(s, yi), xytext=(o, yi),
                        arrowprops={"arrowstyle": "->", "color": OKABE_ITO["black"], "lw": 1.2,
                                    "shrinkA": 6, "shrinkB": 7})
    ax.plot(self_v, y, "o", color=OKABE_ITO["orange"], markersize=9, label=tr(TEXTS["self"]),
            markeredgecolor=OKABE_ITO["black"], linestyle="none")
    ax.plot(other_v, y, "D", color=OKABE_ITO["blue"], markersize=9, label=tr(TEXTS["others"]),
            linestyle="none")
    for yi, text, gap in zip(y, category_labels(rows), self_v - other_v, strict=True):
        if not np.isnan(gap):
            text += f"\n({tr(TEXTS['gap_word'])} {gap:+.2f})" if text else f"{gap:+.2f}"
        ax.text(high + 0.25, yi, text, va="center", fontsize=9)
    ax.set_yticks(y, element_labels(fw, rows.index))
    ax.set_xlim(low - 0.1, high + 1.9)  # the right margin holds the category words
    ax.set_ylim(-0.7, len(rows) - 0.3)
    ax.set_xticks(range(low, high + 1))
    ax.set_xlabel(tr(TEXTS["score"]))
    ax.set_title(title if title is not None else f"{tr(TEXTS['gap'])}: {target}")
    ax.grid(axis="x", alpha=0.3)
    legend_below(ax, len(rows))
    return fig


@shared_params
def against_distribution(scores: pd.DataFrame, who: str, *, sample: pd.DataFrame,
                         title: str | None = None, ax: Axes | None = None,
                         framework: Instrument | str | None = None) -> Figure:
    """Draw a person's or team's scores against the spread of a sample, per element.

    Parameters
    ----------
    scores : DataFrame
        Tidy scores (``element``, ``score``). When it has a ``respondent`` or ``team`` column
        holding ``who``, only those rows are drawn (a team's rows are averaged).
    who : str
        The person or team, as named in the legend (and selected, see above).
    sample : DataFrame
        Tidy scores of the comparison group, one row per respondent and element.
    %(chart_options)s

    Returns
    -------
    Figure
        Per element a box plot of the sample with its individual scores as grey dots, and the
        person's score as a large marker with its value written next to it.

    Examples
    --------
    >>> import leadkit as lk
    >>> from leadkit.survey.scoring import score
    >>> s = score(lk.load_dataset("agile-cmo-class"), "agile-cmo")
    >>> wave1 = s[(s["rater"] == "self") & (s["wave"].astype(str) == "1")]
    >>> len(against_distribution(wave1, "T1-01", sample=wave1).axes)
    1
    """
    for col in ("respondent", "team"):
        if col in scores.columns and (scores[col] == who).any():
            scores = scores[scores[col] == who]
            break
    fw = framework_of(scores, framework)
    mine = element_means(scores, fw)
    need_columns(sample, ["element", "score"])
    order = [e.id for e in fw.elements if e.id in mine.index]
    low, high = fw.scale
    fig, ax = new_axes(ax, len(order), width=9.0)
    y = np.arange(len(order))[::-1]
    groups = [pd.to_numeric(sample.loc[sample["element"] == e, "score"],
                            errors="coerce").dropna().to_numpy() for e in order]
    ax.boxplot(groups, positions=y, orientation="horizontal", widths=0.5, showfliers=False,
               patch_artist=True, boxprops={"facecolor": "#E8E8E8"},
               medianprops={"color": OKABE_ITO["black"]})
    rng = np.random.default_rng(0)  # fixed jitter: the same picture on every run
    for yi, g in zip(y, groups, strict=True):
        ax.plot(g, yi + rng.uniform(-0.18, 0.18, len(g)), ".", color="#8C8C8C", alpha=0.6,
                markersize=4, zorder=1)
    n = int(sample["respondent"].nunique()) if "respondent" in sample.columns else None
    class_label = tr(TEXTS["class"]) + (f" (n = {n})" if n else "")
    ax.plot([], [], "s", color="#BDBDBD", label=class_label)
    values = mine.reindex(order).to_numpy()
    ax.plot(values, y, "D", color=OKABE_ITO["vermillion"], markersize=11,
            markeredgecolor=OKABE_ITO["black"], label=str(who), zorder=3, linestyle="none")
    for yi, v in zip(y, values, strict=True):
        if not np.isnan(v):
            ax.text(high + 0.2, yi, format_number(v), va="center", fontsize=9)
    ax.set_yticks(y, element_labels(fw, order))
    ax.set_xlim(low - 0.2, high + 0.6)
    ax.set_ylim(-0.7, len(order) - 0.3)
    ax.set_xticks(range(low, high + 1))
    ax.set_xlabel(tr(TEXTS["score"]))
    ax.set_title(title if title is not None
                 else tr(TEXTS["compared"]).format(who=who) + (f" (n = {n})" if n else ""))
    legend_below(ax, len(order))
    return fig


@shared_params
def theme_heatmap(crosswalk_frame: pd.DataFrame, *, title: str | None = None,
                  ax: Axes | None = None) -> Figure:
    """Draw how many elements of each framework touch each theme (a frameworks × themes grid).

    Parameters
    ----------
    crosswalk_frame : DataFrame
        The tidy crosswalk (``framework``, ``element``, ``theme``), as from
        :func:`leadkit.crosswalk`.
    %(chart_title)s
    %(chart_ax)s

    Returns
    -------
    Figure
        Every cell carries its count as a number, so the shading is only a help.

    Examples
    --------
    >>> from leadkit.content.frameworks import crosswalk
    >>> len(theme_heatmap(crosswalk()).axes)
    1
    """
    need_columns(crosswalk_frame, ["framework", "element", "theme"])
    counts = pd.crosstab(crosswalk_frame["framework"], crosswalk_frame["theme"])
    # The kit's frameworks in the order of the notebooks, any others after them.
    kit = [f for f in list_frameworks() if f in counts.index]
    counts = counts.loc[kit + [f for f in counts.index if f not in kit]]
    rows = names_of(counts.index, framework_title_text)
    cols = names_of(counts.columns, theme_label_text)
    fig, ax = new_axes(ax, len(rows), width=max(8.0, 0.75 * len(cols) + 4))
    data = counts.to_numpy()
    ax.imshow(data, cmap="Blues", aspect="auto", vmin=0, vmax=max(1, data.max()))
    for (i, j), v in np.ndenumerate(data):
        ax.text(j, i, str(v), ha="center", va="center",
                color="white" if v > data.max() * 0.6 else OKABE_ITO["black"])
    ax.set_xticks(range(len(cols)), [wrap(c, 14) for c in cols], rotation=45,
                  ha="right", rotation_mode="anchor")
    ax.set_yticks(range(len(rows)), [wrap(r, 28) for r in rows])
    ax.set_xlabel(tr(TEXTS["themes"]))
    ax.set_ylabel(tr(TEXTS["frameworks"]))
    ax.set_title(title if title is not None else tr(TEXTS["heatmap"]))
    return fig
