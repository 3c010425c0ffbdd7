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

import base64
import html
import io
import re
from typing import Any

from matplotlib.figure import Figure
from matplotlib.text import Text
from matplotlib.ticker import FixedFormatter, Formatter, NullFormatter

from leadkit.i18n import decimal_sign, tr

__all__ = ["KitFigure", "LocalDecimals"]

_DECIMAL_POINT = re.compile(r"(?<=\d)\.(?=\d)")
_NUMBER = re.compile(r"[−\-]?[\d.,]+%?")


class LocalDecimals(Formatter):
    """Tick labels of another formatter with the language's decimal sign (Dutch: 0,5 and 12,5%).

    Parameters
    ----------
    inner : matplotlib.ticker.Formatter
        The formatter whose labels are rewritten.
    sign : str
        The decimal sign to write (:func:`leadkit.i18n.decimal_sign`).

    Examples
    --------
    >>> from matplotlib.ticker import FormatStrFormatter
    >>> LocalDecimals(FormatStrFormatter("%.1f"), ",")(0.5)
    '0,5'
    """

    def __init__(self, inner: Formatter, sign: str) -> None:
        self.inner, self.sign = inner, sign

    def set_axis(self, axis) -> None:
        """Give both this formatter and the inner one the axis.

        Parameters
        ----------
        axis : matplotlib.axis.Axis
            The axis the labels are for.
        """
        super().set_axis(axis)
        self.inner.set_axis(axis)

    def set_locs(self, locs) -> None:
        """Tell the inner formatter where the ticks are.

        Parameters
        ----------
        locs : sequence of float
            The tick positions.
        """
        self.inner.set_locs(locs)

    def __call__(self, x, pos=None) -> str:
        return self.inner(x, pos).replace(".", self.sign)

    def format_ticks(self, values) -> list[str]:
        """Write the labels of several ticks at once.

        Parameters
        ----------
        values : sequence of float
            The tick values.

        Returns
        -------
        list of str
            The labels, with the language's decimal sign.
        """
        return [label.replace(".", self.sign) for label in self.inner.format_ticks(values)]

    def get_offset(self) -> str:
        """Write the axis offset text (such as ``1e3``) with the language's decimal sign.

        Returns
        -------
        str
            The offset text.
        """
        return self.inner.get_offset().replace(".", self.sign)


class KitFigure(Figure):
    """A :class:`~matplotlib.figure.Figure` that notebooks display as a PNG.

    Every number on its axes is written with the language's decimal sign when it is drawn
    (tick labels and numbers written on the chart), whichever chart function made it: a
    decimal comma in Dutch.

    Parameters
    ----------
    *args, **kwargs
        As :class:`matplotlib.figure.Figure` (``figsize``, ``dpi`` …).

    Examples
    --------
    >>> from leadkit.i18n import set_language
    >>> set_language("nl")
    >>> fig = KitFigure(figsize=(2, 1))
    >>> _ = fig.add_subplot().plot([0, 0.5], [0, 1])
    >>> _ = fig._repr_png_()
    >>> [t.get_text() for t in fig.axes[0].get_xticklabels()][:3]
    ['−0,2', '0,0', '0,2']
    >>> set_language("en")
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)

    def localise(self) -> None:
        """Write the numbers on the axes the way the current language does."""
        sign = decimal_sign()
        for ax in self.axes:
            for axis in (ax.xaxis, ax.yaxis):
                for get, put in ((axis.get_major_formatter, axis.set_major_formatter),
                                 (axis.get_minor_formatter, axis.set_minor_formatter)):
                    current = get()
                    if isinstance(current, LocalDecimals):  # the language may have changed
                        current = current.inner
                        put(current)
                    if sign != "." and not isinstance(current, FixedFormatter | NullFormatter):
                        put(LocalDecimals(current, sign))
            if sign == ".":
                continue
            # Numbers written on the chart (a gap, a mean): 1.11 becomes 1,11.
            for text in ax.texts:
                text.set_text(_DECIMAL_POINT.sub(sign, text.get_text()))

    def savefig(self, *args, **kwargs):
        """Write the figure to a file, its numbers first in the current language.

        Parameters
        ----------
        *args, **kwargs
            As :meth:`matplotlib.figure.Figure.savefig`.

        Returns
        -------
        None
            As matplotlib's.
        """
        self.localise()
        return super().savefig(*args, **kwargs)

    def draw(self, renderer) -> None:  # noqa: ANN001 - matplotlib's signature
        # Labels come from data (names, ids): a "$" must stay a dollar sign, never mathtext.
        for text in self.findobj(Text):
            text.set_parse_math(False)
        super().draw(renderer)

    #: A text alternative set by the function that drew the chart; :meth:`describe` otherwise.
    alt_text: str | None = None

    def describe(self) -> str:
        """What the chart shows, in words: its title, its axes and the rows it has.

        Returns
        -------
        str
            :attr:`alt_text` when a chart function set one, otherwise a sentence made from
            the titles, the axis labels and the labelled rows.

        Examples
        --------
        >>> fig = KitFigure()
        >>> ax = fig.add_subplot()
        >>> _ = ax.barh([0, 1], [3, 4]); _ = ax.set_title("Profile")
        >>> _ = ax.set_yticks([0, 1], ["Trust", "Vision"]); _ = ax.set_xlabel("Score")
        >>> fig.describe()
        'Chart: Profile. Score for Trust, Vision.'
        """
        if self.alt_text:
            return self.alt_text
        parts = []
        suptitle = self.get_suptitle() if hasattr(self, "get_suptitle") else ""
        for ax in self.axes:
            title = " ".join(t for t in (suptitle, ax.get_title()) if t)
            rows = [t.get_text().replace("\n", " ") for t in ax.get_yticklabels()
                    if t.get_text() and not _NUMBER.fullmatch(t.get_text())]
            what = ax.get_xlabel() or ax.get_ylabel()
            text = title + ("." if title else "")
            if what and rows:
                text += " " + tr("{what} for {rows}.").format(what=what, rows=", ".join(rows))
            elif what:
                text += f" {what}."
            parts.append(text.strip())
        chart = tr("Chart")
        return f"{chart}: " + " ".join(p for p in parts if p) if parts else chart

    def _repr_png_(self) -> bytes:
        buffer = io.BytesIO()
        self.savefig(buffer, format="png", dpi=100, bbox_inches="tight")
        return buffer.getvalue()

    def _repr_html_(self) -> str:
        # Shown in a notebook as an image with a text alternative, which a bare PNG output
        # cannot carry; the chart's own numbers are in the table shown beside it.
        data = base64.b64encode(self._repr_png_()).decode("ascii")
        alt = html.escape(self.describe(), quote=True)
        return (f'<img src="data:image/png;base64,{data}" alt="{alt}" '
                'style="max-width:100%; height:auto">')

    def __repr__(self) -> str:
        # Stable text (no memory address) for nbval and stored outputs.
        n = len(self.axes)
        return f"<Figure with {n} Axes>"
