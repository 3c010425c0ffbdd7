"""The figure class of all kit charts: built without pyplot, shown once as PNG in a notebook.

Charts are made with :class:`matplotlib.figure.Figure` directly, not with pyplot, so they never
pile up in pyplot's global state and a cell that returns a chart shows it exactly once (a pyplot
figure would be shown a second time by the inline backend at the end of the cell).

Examples
--------
>>> fig = KitFigure(figsize=(2, 1))
>>> _ = fig.add_subplot().plot([0, 1], [0, 1])
>>> fig._repr_png_()[:4]
b'\\x89PNG'
"""

from __future__ import annotations

import io

from matplotlib.figure import Figure
from matplotlib.text import Text

__all__ = ["KitFigure"]


class KitFigure(Figure):
    """A :class:`~matplotlib.figure.Figure` that notebooks display as a PNG."""

    def draw(self, renderer) -> None:  # noqa: ANN001 - matplotlib's signature
        # Labels come from data (names, ids): a "$" must stay a dollar sign, never mathtext.
        for text in self.findobj(Text):
            text.set_parse_math(False)
        super().draw(renderer)

    def _repr_png_(self) -> bytes:
        buffer = io.BytesIO()
        self.savefig(buffer, format="png", dpi=100, bbox_inches="tight")
        return buffer.getvalue()

    def __repr__(self) -> str:
        # Stable text (no memory address) for nbval and stored outputs.
        n = len(self.axes)
        return f"<Figure with {n} Axes>"
