"""The T-shape self-map of notebook 02 drawn in the browser, its bars moved in place.

See :mod:`leadkit.plots.live` for why the charts a click changes are drawn this way.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import bqplot as bq
import numpy as np

from leadkit.i18n import N_, tr
from leadkit.plots.base import OKABE_ITO
from leadkit.plots.live import LiveChart, figure, tick_key

__all__ = ["TShapeChart"]

_T = {
    "t_text": N_("Bars hanging from the top, one per knowledge area; the longer the bar, the "
                 "deeper your knowledge (levels 1 to {top}). {values}."),
    "deep": N_("deep"),
    "not_rated": N_("not rated"),
}


class TShapeChart(LiveChart):
    """A T-shape self-map: one bar per knowledge area hanging from the top, deep areas dark.

    Parameters
    ----------
    case : dict
        The T-shape case (:func:`leadkit.learning.cases.load_case`).
    """

    def __init__(self, case: dict) -> None:
        self.case = case
        n, top = len(case["areas"]), len(case["levels"])
        self.sx = bq.LinearScale(min=-0.6, max=n - 0.4)
        self.sy = bq.LinearScale(min=-top - 0.6, max=0.2)
        sc = {"x": self.sx, "y": self.sy}
        x = np.arange(n, dtype=float)
        self.bars = bq.Lines(x=np.repeat(x[:, None], 2, axis=1), y=np.zeros((n, 2)), scales=sc,
                             colors=[OKABE_ITO["sky"]] * n, stroke_width=34)
        self.labels = bq.Label(x=x, y=np.zeros(n), scales=sc, text=[""] * n, default_size=13,
                               colors=[OKABE_ITO["black"]], align="middle", y_offset=18)
        self.xaxis = bq.Axis(scale=self.sx, side="top", tick_values=x, tick_rotate=-55,
                             tick_labels={tick_key(i): tr(a["label"])
                                          for i, a in enumerate(case["areas"])})
        levels = list(range(1, top + 1))
        yaxis = bq.Axis(scale=self.sy, side="left",
                        tick_values=np.array([-v for v in levels], dtype=float),
                        tick_labels={tick_key(-v): str(v) for v in levels},
                        grid_lines="dashed", grid_color="#DDDDDD")
        self.figure = figure([self.bars, self.labels], [self.xaxis, yaxis], "", 430, left=40)
        self.figure.fig_margin = {"top": 170, "bottom": 20, "left": 40, "right": 60}
        self.values: dict[str, int] = {}
        super().__init__()

    def update(self, ratings: Mapping[str, int | None], deep: Sequence[str], title: str) -> None:
        """Draw ``ratings`` (area id → level or None), ``deep`` areas dark, under ``title``.

        Parameters
        ----------
        ratings : mapping
            Area id → level, or None when not rated.
        deep : sequence of str
            The areas the learner knows deeply (the stem of the T).
        title : str
            The chart's title (the shape's name).
        """
        areas = self.case["areas"]
        depth = np.array([ratings.get(a["id"]) or 0 for a in areas], dtype=float)
        colours = [OKABE_ITO["blue"] if a["id"] in deep else OKABE_ITO["sky"] for a in areas]
        deep_word = tr(_T["deep"])
        texts = [("" if not d else f"{int(d)}" + (f" ({deep_word})" if a["id"] in deep else ""))
                 for a, d in zip(areas, depth, strict=True)]
        with self.bars.hold_sync(), self.labels.hold_sync():
            self.bars.y = np.column_stack([np.zeros(len(depth)), -depth])
            self.bars.colors = colours
            self.labels.y, self.labels.text = -depth, texts
            self.xaxis.tick_labels = {tick_key(i): tr(a["label"]) for i, a in enumerate(areas)}
            self.figure.title = title
        self.values = {a["id"]: int(d) for a, d in zip(areas, depth, strict=True)}
        parts = [f"{tr(a['label'])}: " + (tr(_T["not_rated"]) if not d else t)
                 for a, d, t in zip(areas, depth, texts, strict=True)]
        self._say(tr(_T["t_text"]).format(top=len(self.case["levels"]),
                                          values="; ".join(parts)))
