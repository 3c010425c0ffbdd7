"""Charts drawn in the browser (bqplot) whose marks change in place when the learner clicks.

A PNG drawn by matplotlib costs 100–300 ms per click; here a click only sends the new numbers
(a few hundred bytes) and the browser moves the marks, so the page answers at once. Each chart
says what it shows in words (:attr:`LiveChart.text`), written beside it for everyone and read
by screen readers, and :meth:`LiveChart.static` gives the same picture as a matplotlib figure
for the portfolio and other files. Colours are Okabe-Ito, values are written next to marks
with the language's decimal sign, and nothing is said by colour alone.

Examples
--------
>>> import pandas as pd
>>> chart = ProfileChart("agile-cmo", title="You")
>>> chart.update(pd.DataFrame({"element": ["build-trust"], "score": [3.5]}))
>>> chart.values["build-trust"]
3.5
>>> "Build trust: 3.50" in chart.text
True
"""

from __future__ import annotations

import html
import math
from collections.abc import Sequence
from typing import Any

import bqplot as bq
import ipywidgets as w
import numpy as np
import pandas as pd

from leadkit.content.frameworks import Framework, load_framework
from leadkit.i18n import N_, format_number, tr
from leadkit.plots.base import OKABE_ITO, TEXTS, element_means

__all__ = ["LiveChart", "ProfileChart", "ClassChart", "nice_ticks", "tick_key", "axis", "figure"]

_T = {
    "profile_text": N_("Bar chart of your score per element, on a scale from {low} to {high}: "
                       "{values}."),
    "class_text": N_("For each element: the grey bar is the middle half of the sample class "
                     "(from its 25th to its 75th percentile), the black stripe the class's "
                     "middle score (median), the thin line runs from the lowest to the highest "
                     "score in the class, and the orange diamond is you."),
}
_GREY, _DARK = "#949494", "#595959"  # 3:1 and 7:1 against white: marks that must be seen


def nice_ticks(low: float, high: float, n: int = 5) -> list[float]:
    """Round tick positions from ``low`` to ``high`` (about ``n`` of them).

    Parameters
    ----------
    low, high : float
        The ends of the axis.
    n : int, default 5
        About how many ticks.

    Returns
    -------
    list of float
        Multiples of 1, 2 or 5 times a power of ten, inside ``[low, high]``.

    Examples
    --------
    >>> nice_ticks(0, 100)
    [0.0, 20.0, 40.0, 60.0, 80.0, 100.0]
    >>> nice_ticks(2.3, 3.9)
    [2.5, 3.0, 3.5]
    """
    span = max(high - low, 1e-9)
    raw = span / max(n, 1)
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    first = math.ceil(low / step - 1e-9) * step
    count = int((high - first) / step + 1e-9) + 1
    return [float(round(first + i * step, 10)) for i in range(count)]


def tick_key(value: float) -> str:
    """A tick value as the browser names it, the key of bqplot's ``tick_labels``.

    Parameters
    ----------
    value : float
        The tick value.

    Returns
    -------
    str
        JavaScript's text for the number: ``"2"`` for 2.0, ``"2.5"`` for 2.5.

    Examples
    --------
    >>> tick_key(2.0), tick_key(-1), tick_key(2.5)
    ('2', '-1', '2.5')
    """
    number = float(value)
    return str(int(number)) if number.is_integer() else repr(number)


def axis(scale: bq.Scale, ticks: Sequence[float], digits: int | None, **kw: Any) -> bq.Axis:
    """An axis whose tick labels the kit writes, with the language's decimal sign.

    Parameters
    ----------
    scale : bqplot.Scale
        The axis's scale.
    ticks : sequence of float
        Where the ticks go.
    digits : int or None
        Decimals of the labels (:func:`leadkit.i18n.format_number`).
    **kw
        More :class:`bqplot.Axis` settings (``label``, ``side`` …).

    Returns
    -------
    bqplot.Axis
        The axis, with dashed grid lines.
    """
    labels = {tick_key(t): format_number(t, digits) for t in ticks}
    return bq.Axis(scale=scale, tick_values=np.asarray(ticks, dtype=float), tick_labels=labels,
                   grid_lines="dashed", grid_color="#DDDDDD", **kw)


def figure(marks: list, axes: list, title: str, height: int, left: int = 20) -> bq.Figure:
    """A bqplot figure the kit's way: no animation (a click shows its answer at once).

    Parameters
    ----------
    marks, axes : list
        The figure's marks and axes.
    title : str
        Its title.
    height : int
        Its height in pixels (its width follows the page, at most 760 px).
    left : int, default 20
        The left margin in pixels.

    Returns
    -------
    bqplot.Figure
        The figure.
    """
    return bq.Figure(marks=marks, axes=axes, title=title, animation_duration=0,
                     display_toolbar=False,
                     fig_margin={"top": 40, "bottom": 40, "left": left, "right": 70},
                     layout=w.Layout(width="100%", max_width="760px", height=f"{height}px"),
                     title_style={"font-size": "15px"}, padding_y=0)


class LiveChart:
    """A browser-drawn chart with its words: ``widget`` shows both, ``update`` changes them.

    Subclasses set :attr:`figure` and write :attr:`text` on every update.
    """

    figure: bq.Figure
    text: str = ""

    def __init__(self) -> None:
        self.words = w.HTML()
        self.words.add_class("lk-chart-text")
        self.widget = w.VBox([self.figure, self.words],
                             layout=w.Layout(width="100%", max_width="780px"))
        self.widget.add_class("lk-chart")

    def _say(self, text: str) -> None:
        self.text = text
        self.words.value = f"<p class='lk-small'>{html.escape(text)}</p>"

    def static(self):  # pragma: no cover - each chart has its own
        """The same picture as a matplotlib figure, for files (portfolio, report)."""
        raise NotImplementedError


class _Rows(LiveChart):
    """One row per element: its name above, the marks along the scale below."""

    def __init__(self, fw: Framework, title: str) -> None:
        self.fw = fw
        low, high = fw.scale
        self.ids = [e.id for e in fw.elements]
        n = len(self.ids)
        self.y = np.arange(n, dtype=float)[::-1]
        self.sx = bq.LinearScale(min=float(low) - 0.05, max=float(high) + 0.6)
        self.sy = bq.LinearScale(min=-0.7, max=float(n) - 0.1)
        self.scales = {"x": self.sx, "y": self.sy}
        names = bq.Label(x=np.full(n, float(low)), y=self.y + 0.4, scales=self.scales,
                         text=[e.label for e in fw.elements], default_size=13,
                         colors=[OKABE_ITO["black"]], align="start")
        self.names = names
        score_axis = axis(self.sx, list(range(low, high + 1)), 0, label=tr(TEXTS["score"]))
        self.figure = figure([names, *self._marks()], [score_axis], title, 70 + 50 * n)
        super().__init__()

    def _marks(self) -> list:
        return []

    def relabel(self, title: str) -> None:
        """Write the names and the title again (after a change of language).

        Parameters
        ----------
        title : str
            The new title.
        """
        self.names.text = [e.label for e in self.fw.elements]
        self.figure.title = title
        self.figure.axes[0].label = tr(TEXTS["score"])


class ProfileChart(_Rows):
    """The learner's score per element as bars along the scale, each value written after it.

    Parameters
    ----------
    framework : Framework or str
        The framework whose elements are the rows.
    title : str
        The chart's title.
    """

    def __init__(self, framework: Framework | str, title: str) -> None:
        self.values: dict[str, float] = {}
        super().__init__(load_framework(framework), title)

    def _marks(self) -> list:
        n, low = len(self.ids), float(self.fw.scale[0])
        self.bars = bq.Lines(x=np.full((n, 2), low), y=np.repeat(self.y[:, None], 2, axis=1),
                             scales=self.scales, colors=[OKABE_ITO["blue"]] * n,
                             stroke_width=16)
        self.labels = bq.Label(x=np.full(n, low), y=self.y - 0.12, scales=self.scales,
                               text=[""] * n, default_size=13, colors=[OKABE_ITO["black"]],
                               align="start", x_offset=6)
        return [self.bars, self.labels]

    def update(self, scores: pd.DataFrame) -> None:
        """Move the bars to ``scores`` (tidy: ``element``, ``score``) and write the values.

        Parameters
        ----------
        scores : pandas.DataFrame
            The learner's scores; an element without a score shows "no score".
        """
        means = element_means(scores, self.fw).reindex(self.ids)
        low, high = self.fw.scale
        ends = np.where(means.isna(), float(low), means.to_numpy(dtype=float))
        texts = [tr(TEXTS["no_score"]) if math.isnan(v) else format_number(v) for v in means]
        with self.bars.hold_sync(), self.labels.hold_sync():
            self.bars.x = np.column_stack([np.full(len(ends), float(low)), ends])
            self.labels.x, self.labels.text = ends, texts
        self.values = {e: float(v) for e, v in means.items()}
        parts = [f"{self.fw.element(e).label}: {t}" for e, t in zip(self.ids, texts, strict=True)]
        self._say(tr(_T["profile_text"]).format(low=low, high=high, values="; ".join(parts)))
        self._scores = scores

    def static(self):
        """The profile as a matplotlib figure (:func:`leadkit.plots.profile`).

        Returns
        -------
        matplotlib.figure.Figure
            The same bars, for a file.
        """
        from leadkit.plots.survey import profile

        return profile(self._scores, framework=self.fw, title=self.figure.title)


class ClassChart(_Rows):
    """The learner against a sample class, per element: the class's spread and the learner.

    Parameters
    ----------
    framework : Framework or str
        The framework.
    sample : pandas.DataFrame
        The class's tidy scores (one row per respondent and element).
    title : str
        The chart's title.
    """

    def __init__(self, framework: Framework | str, sample: pd.DataFrame, title: str) -> None:
        fw = load_framework(framework)
        self.sample = sample
        self.quartiles = {}
        for e in fw.elements:
            v = pd.to_numeric(sample.loc[sample["element"] == e.id, "score"],
                              errors="coerce").dropna().to_numpy()
            self.quartiles[e.id] = (np.percentile(v, [0, 25, 50, 75, 100]) if v.size
                                    else np.full(5, np.nan))
        self.values: dict[str, float] = {}
        super().__init__(fw, title)

    def _marks(self) -> list:
        q = np.array([self.quartiles[e] for e in self.ids])
        ys = np.repeat(self.y[:, None] - 0.12, 2, axis=1)
        n = len(self.ids)
        spread = bq.Lines(x=q[:, [0, 4]], y=ys, scales=self.scales, colors=[_DARK] * n,
                          stroke_width=1.5)
        middle = bq.Lines(x=q[:, [1, 3]], y=ys, scales=self.scales, colors=[_GREY] * n,
                          stroke_width=14)
        median = bq.Scatter(x=q[:, 2], y=self.y - 0.12, scales=self.scales, marker="rectangle",
                            colors=[OKABE_ITO["black"]], default_size=60, default_skew=0.85)
        self.you = bq.Scatter(x=np.full(n, np.nan), y=self.y - 0.12, scales=self.scales,
                              marker="diamond", colors=[OKABE_ITO["orange"]],
                              stroke=OKABE_ITO["black"], stroke_width=1.5, default_size=140)
        self.labels = bq.Label(x=np.full(n, float(self.fw.scale[1])), y=self.y - 0.12,
                               scales=self.scales, text=[""] * n, default_size=13,
                               colors=[OKABE_ITO["black"]], align="start", x_offset=14)
        return [spread, middle, median, self.you, self.labels]

    def update(self, scores: pd.DataFrame) -> None:
        """Move the learner's diamonds to ``scores`` and write the values after each row.

        Parameters
        ----------
        scores : pandas.DataFrame
            The learner's tidy scores.
        """
        means = element_means(scores, self.fw).reindex(self.ids)
        with self.you.hold_sync(), self.labels.hold_sync():
            self.you.x = means.to_numpy(dtype=float)
            self.labels.text = ["–" if math.isnan(v) else format_number(v) for v in means]
        self.values = {e: float(v) for e, v in means.items()}
        self._scores = scores
        self._say(tr(_T["class_text"]))

    def rows(self) -> list[list[str]]:
        """The chart as a table: element, you, class middle half, class median.

        Returns
        -------
        list of list of str
            One row per element, the numbers written in the current language.
        """
        out = []
        for e in self.ids:
            q, mine = self.quartiles[e], self.values.get(e, math.nan)
            out.append([self.fw.element(e).label,
                        "–" if math.isnan(mine) else format_number(mine),
                        f"{format_number(q[1])} – {format_number(q[3])}", format_number(q[2])])
        return out

    def static(self):
        """The comparison as a matplotlib figure (:func:`leadkit.plots.against_distribution`).

        Returns
        -------
        matplotlib.figure.Figure
            The same comparison, for a file.
        """
        from leadkit.plots.survey import against_distribution

        return against_distribution(self._scores, tr(TEXTS["self"]), sample=self.sample,
                                    framework=self.fw, title=self.figure.title)
