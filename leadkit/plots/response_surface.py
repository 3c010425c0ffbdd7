"""The response-surface chart: the fitted surface with its lines of congruence and incongruence.

The surface is drawn over the range of the (centred) self and other ratings. The line X = Y
(self and others agree) is drawn solid, the line X = -Y (they disagree) dashed, so that the
two are told apart without colour; each is labelled with its slope and curvature.

Examples
--------
>>> import numpy as np, pandas as pd
>>> from leadkit.psychometrics.response_surface import response_surface
>>> rng = np.random.default_rng(3)
>>> d = pd.DataFrame({"s": rng.normal(3, 1, 40), "o": rng.normal(3, 1, 40)})
>>> d["z"] = d["s"] + rng.normal(0, 1, 40)
>>> fig = response_surface_figure(response_surface(d, self="s", other="o", outcome="z", center=3))
>>> len(fig.axes[0].lines)
2
"""

from __future__ import annotations

from typing import Any

import numpy as np

from leadkit.i18n import format_number, tr

__all__ = ["response_surface_figure"]


def response_surface_figure(fit: Any, *, title: str | None = None, points: bool = True,
                          grid: int = 30) -> Any:
    """Draw a :class:`~leadkit.psychometrics.response_surface.ResponseSurface` in three dimensions.

    Parameters
    ----------
    fit : ResponseSurface
        The result of :func:`leadkit.psychometrics.response_surface.response_surface`.
    title : str, optional
        Chart title; by default the outcome's name.
    points : bool
        Also draw the observed people as small dots.
    grid : int
        Grid points per axis of the surface.

    Returns
    -------
    matplotlib.figure.Figure
        The surface in 3D with the lines of congruence and incongruence and their a1 … a4.
    """
    from leadkit.plots.base import OKABE_ITO
    from leadkit.plots.figure import KitFigure

    x_name, y_name, z_name = fit.names
    data = fit.data
    lim = float(max(np.abs(data["x"]).max(), np.abs(data["y"]).max(), 0.5))
    axis = np.linspace(-lim, lim, int(grid))
    gx, gy = np.meshgrid(axis, axis)
    fig = KitFigure(figsize=(7.5, 6.5))
    ax = fig.add_subplot(projection="3d")
    ax.plot_surface(gx, gy, fit.predict(gx, gy), cmap="cividis", alpha=0.55, linewidth=0)
    # The legend is not localised by KitFigure: its numbers are written here.
    a = {name: format_number(fit._term(fit.surface, name).estimate, 2)
         for name in ("a1", "a2", "a3", "a4")}
    congruent = tr("congruence X = Y")
    incongruent = tr("incongruence X = -Y")
    ax.plot(axis, axis, fit.predict(axis, axis), color=OKABE_ITO["black"], linewidth=2.5,
            label=f"{congruent}: a1 = {a['a1']}, a2 = {a['a2']}")
    ax.plot(axis, -axis, fit.predict(axis, -axis), color=OKABE_ITO["vermillion"], linewidth=2.5,
            linestyle="--", label=f"{incongruent}: a3 = {a['a3']}, a4 = {a['a4']}")
    if points:
        ax.scatter(data["x"], data["y"], data["z"], s=8, color=OKABE_ITO["blue"], depthshade=False)
    centred = tr("centred at")
    ax.set_xlabel(f"X: {x_name} ({centred} {format_number(fit.center, None)})")
    ax.set_ylabel(f"Y: {y_name} ({centred} {format_number(fit.center, None)})")
    ax.set_zlabel(f"Z: {z_name}")
    ax.set_title(title if title is not None else z_name)
    ax.view_init(elev=25, azim=-60)
    ax.legend(loc="upper left", fontsize=8)
    return fig
