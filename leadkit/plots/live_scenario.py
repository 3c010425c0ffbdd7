"""A scenario's outcome drawn in the browser: every simulated team a dot, moved in place.

See :mod:`leadkit.plots.live` for why the charts a click changes are drawn this way.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import bqplot as bq
import numpy as np
import pandas as pd

from leadkit.i18n import N_, format_number, tr
from leadkit.plots.live import LiveChart, figure, nice_ticks, tick_key

__all__ = ["OutcomeChart"]

_T = {
    "outcome_text": N_("{label}: each dot is one of {n} simulated teams; the black diamond is "
                       "their mean, {mean}, with its 95% confidence interval from {low} to "
                       "{high}."),
}


class OutcomeChart(LiveChart):
    """One outcome of a scenario: every simulated team as a dot, the mean and its 95% CI.

    Parameters
    ----------
    outcome : mapping
        The outcome's entry in the scenario (``column``, ``label``, ``unit``).
    colour : str
        The dots' colour (Okabe-Ito).
    """

    def __init__(self, outcome: Mapping, colour: str) -> None:
        self.outcome, self.colour = outcome, colour
        self.sx = bq.LinearScale(min=0.0, max=1.0)
        self.sy = bq.LinearScale(min=-0.6, max=0.6)
        sc = {"x": self.sx, "y": self.sy}
        self.dots = bq.Scatter(x=np.zeros(0), y=np.zeros(0), scales=sc, colors=[colour],
                               default_size=22, opacities=[0.55])
        self.ci = bq.Lines(x=np.zeros(2), y=np.zeros(2), scales=sc, colors=["#000000"],
                           stroke_width=2.5)
        self.mean = bq.Scatter(x=np.zeros(1), y=np.zeros(1), scales=sc, marker="diamond",
                               colors=["#000000"], default_size=110)
        self.axis = bq.Axis(scale=self.sx)
        self.figure = figure([self.dots, self.ci, self.mean], [self.axis], "", 150)
        self.figure.fig_margin = {"top": 34, "bottom": 40, "left": 20, "right": 30}
        super().__init__()

    def update(self, runs: pd.DataFrame, summary_row: Any) -> None:
        """Show the runs of one Run click.

        Parameters
        ----------
        runs : pandas.DataFrame
            One row per simulated team.
        summary_row : namedtuple
            This outcome's row of :func:`leadkit.simulate.scenarios.summarise_outcomes`.
        """
        from leadkit.plots.simulate import format_value

        unit = self.outcome["unit"]
        scale = 100.0 if unit == "share" else 1.0
        values = runs[self.outcome["column"]].to_numpy(dtype=float) * scale
        if unit == "share":
            low, high = 0.0, 100.0
        else:
            pad = max(0.5, 0.08 * (np.nanmax(values) - np.nanmin(values)))
            low, high = max(0.0, np.nanmin(values) - pad), np.nanmax(values) + pad
        ticks = nice_ticks(low, high)
        digits = 0 if all(float(t).is_integer() for t in ticks) else 1
        rng = np.random.default_rng(0)  # fixed jitter: the same runs give the same picture
        r = summary_row
        with self.figure.hold_sync(), self.dots.hold_sync(), self.ci.hold_sync():
            self.sx.min, self.sx.max = float(low), float(high)
            self.axis.tick_values = np.asarray(ticks, dtype=float)
            self.axis.tick_labels = {tick_key(t): format_number(t, digits) for t in ticks}
            self.axis.label = "%" if unit == "share" else tr("days") if unit == "days" else ""
            self.dots.x, self.dots.y = values, rng.uniform(-0.35, 0.35, values.size)
            self.ci.x = np.array([r.ci_low, r.ci_high]) * scale
            self.mean.x = np.array([r.mean * scale])
            self.figure.title = f"{r.label}: {format_value(r.mean, unit)}"
        self._say(tr(_T["outcome_text"]).format(
            label=r.label, n=len(values), mean=format_value(r.mean, unit),
            low=format_value(r.ci_low, unit), high=format_value(r.ci_high, unit)))
