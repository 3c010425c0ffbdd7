"""Tables as a reader sees them: headers in their language, no index, numbers written their way.

:func:`show_table` turns a DataFrame into a table for a notebook page: column names become
words in the current language (the name in the code stays in the header's tooltip, for anyone
who wants to use it), the pandas index is left out, numbers get a fixed number of decimals with
a decimal comma in Dutch, yes/no replaces True/False, and a dash replaces a missing value.
The DataFrame itself is not changed: code keeps working with the real column names.

Examples
--------
>>> import pandas as pd
>>> from leadkit.i18n import set_language
>>> t = show_table(pd.DataFrame({"element": ["trust"], "score": [4.666], "suppressed": [False]}))
>>> set_language("nl")
>>> print(t.text())
onderdeel | score | verborgen (groep te klein)
trust | 4,67 | nee
>>> set_language("en")
"""

from __future__ import annotations

import html
import math
import os
import re
from collections.abc import Mapping
from pathlib import Path

import pandas as pd

from leadkit.i18n import N_, format_number, tr
from leadkit.render.columns import COLUMN_NAMES

__all__ = ["show_table", "show_learner_texts", "show_code", "Table", "cell_text"]

_YES_NO = {True: N_("yes"), False: N_("no")}


def cell_text(value, decimals: int = 2) -> str:
    """One value as a reader reads it: "4,67" (Dutch) or "4.67", yes/no, and "–" for missing.

    Parameters
    ----------
    value : object
        A cell: a number, a boolean, text or a missing value.
    decimals : int, default 2
        Decimals of a float.

    Returns
    -------
    str
        The value as text in the current language.

    Examples
    --------
    >>> cell_text(float("nan")), cell_text(True), cell_text(3), cell_text(0.5, 1)
    ('–', 'yes', '3', '0.5')
    """
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA \
            or value is pd.NaT:
        return "–"
    if isinstance(value, bool) or type(value).__name__ == "bool_":
        return tr(_YES_NO[bool(value)])
    if isinstance(value, int) or (hasattr(value, "is_integer") and type(value).__name__
                                  .startswith("int")):
        return str(value)
    if isinstance(value, float) or type(value).__name__.startswith("float"):
        return format_number(float(value), decimals)
    return str(value)


_FORMULA = re.compile(r"^[^~]+ ~ [^~]+$")


#: Text cells and headers wrap between words and numbers stay whole.
_WRAP = {"left": "white-space:normal;overflow-wrap:break-word",
         "right": "white-space:nowrap", "head": "white-space:normal"}

#: Where the table is narrower than its columns (a 640 px window), each row becomes a small
#: block of "heading: value" lines instead of a table that scrolls sideways.
NARROW_CSS = (
    ".lk-table-box{container-type:inline-size;max-width:100%}"
    "@container (max-width:{width}px){"
    ".lk-table-box .lk-table thead{position:absolute;width:1px;height:1px;overflow:hidden;"
    "clip:rect(0 0 0 0)}"
    ".lk-table-box .lk-table,.lk-table-box .lk-table tbody{display:block;width:100%}"
    ".lk-table-box .lk-table tr{display:block;padding:4px 0;border-bottom:1px solid #ccc}"
    ".lk-table-box .lk-table td{display:flex;gap:1em;justify-content:space-between;"
    "text-align:left!important;white-space:normal!important;border:0;padding:1px 4px}"
    ".lk-table-box .lk-table td::before{content:attr(data-label);font-weight:bold;"
    "text-align:left}}")


def _cell_html(text: str) -> str:
    """A cell for the page; a model formula (``y ~ x + (1 | team)``) is code, as in R."""
    escaped = html.escape(text)
    return f"<code>{escaped}</code>" if _FORMULA.match(text) else escaped


class Table:
    """A DataFrame shown for reading (see :func:`show_table`); ``frame`` is the data itself.

    Parameters
    ----------
    frame : pandas.DataFrame
        The data.
    names : mapping
        Words for columns over :data:`leadkit.render.columns.COLUMN_NAMES`.
    decimals : int or mapping
        Decimals of the numbers, per column with a mapping.
    """

    def __init__(self, frame: pd.DataFrame, names: Mapping[str, Mapping[str, str] | str],
                 decimals: int | Mapping[str, int]) -> None:
        self.frame, self._names, self._decimals = frame, dict(names), decimals

    def header(self, column) -> str:
        """Give the heading of one column in the current language.

        Parameters
        ----------
        column : object
            The column's name.

        Returns
        -------
        str
            Its heading.
        """
        name = self._names.get(column, COLUMN_NAMES.get(str(column), str(column)))
        return tr(name)

    def _places(self, column) -> int:
        d = self._decimals
        return d.get(column, 2) if isinstance(d, Mapping) else d

    def rows(self) -> list[list[str]]:
        """Write every cell as a reader reads it.

        Returns
        -------
        list of list of str
            One list of cell texts per row.
        """
        return [[cell_text(v, self._places(c)) for c, v in zip(self.frame.columns, row,
                                                                strict=True)]
                for row in self.frame.itertuples(index=False, name=None)]

    def text(self) -> str:
        """Write the table as plain text, one line per row.

        Returns
        -------
        str
            The headings, then the rows, cells separated by `` | ``.
        """
        lines = [" | ".join(self.header(c) for c in self.frame.columns)]
        lines += [" | ".join(r) for r in self.rows()]
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        numeric = [pd.api.types.is_numeric_dtype(self.frame[c]) and
                   not pd.api.types.is_bool_dtype(self.frame[c]) for c in self.frame.columns]
        align = ["right" if n else "left" for n in numeric]
        head = "".join(
            f"<th style='text-align:{a};{_WRAP['head']}' "
            f"title='{html.escape(str(c), quote=True)}'>"
            f"{html.escape(self.header(c))}</th>" for c, a in zip(self.frame.columns, align,
                                                                  strict=True))
        labels = [html.escape(self.header(c), quote=True) for c in self.frame.columns]
        body = "".join(
            "<tr>" + "".join(f"<td data-label='{lab}' style='text-align:{a};{_WRAP[a]}'>"
                             f"{_cell_html(v)}</td>"
                             for v, a, lab in zip(r, align, labels, strict=True)) + "</tr>"
            for r in self.rows())
        # About 85 px a column: a table of two columns never needs to fold, one of seven does.
        narrow = NARROW_CSS.replace("{width}", str(min(600, 85 * len(labels))))
        return (f"<div class='lk-table-box'><style>{narrow}</style>"
                f"<table class='lk-table' style='table-layout:auto;max-width:100%'><thead>"
                f"<tr>{head}</tr></thead><tbody>{body}</tbody></table></div>")

    def __repr__(self) -> str:
        return self.text()


def show_table(frame: pd.DataFrame, names: Mapping[str, Mapping[str, str] | str] | None = None,
               *, decimals: int | Mapping[str, int] = 2, index: bool = False) -> Table:
    """A DataFrame as a table for reading, in the current language (see the module text).

    Parameters
    ----------
    frame : DataFrame
        The table to show.
    names : mapping, optional
        Words for columns, ``{"col": {"en": ..., "nl": ...}}``, over
        :data:`leadkit.render.columns.COLUMN_NAMES`.
    decimals : int or mapping
        Decimals of the numbers (per column with a mapping; default 2).
    index : bool
        Keep the index as the first column(s) (when it holds real data, such as a theme).

    Returns
    -------
    Table
        An object that notebooks show as an HTML table (and ``print`` as text), with headers
        and numbers in the current language.

    Examples
    --------
    >>> table = show_table(pd.DataFrame({"score": [3.456]}))
    >>> "<table class='lk-table'" in table._repr_html_()
    True
    """
    data = frame.reset_index() if index else frame.reset_index(drop=True)
    return Table(data, names or {}, decimals)


class _LearnerTexts:
    def __init__(self, text: str) -> None:
        self.text = text

    def _repr_html_(self) -> str:
        # Learners' own words, quoted as they wrote them (in whichever language they chose).
        return (f"<pre class='lk-learner-text' style='white-space:pre-wrap'>"
                f"{html.escape(self.text)}</pre>")

    def __repr__(self) -> str:
        return self.text


def show_learner_texts(text: str) -> _LearnerTexts:
    """Show learners' shared reflections as a quotation of their own words.

    Parameters
    ----------
    text : str
        The texts, as :func:`leadkit.store.classroom.format_shared_texts` gives them.

    Returns
    -------
    _LearnerTexts
        An object that notebooks show as escaped, pre-formatted text.

    Examples
    --------
    >>> show_learner_texts("1. Eerst luisteren.")._repr_html_()[:40]
    "<pre class='lk-learner-text' style='whit"
    """
    return _LearnerTexts(text)


class _Code:
    def __init__(self, text: str, more: int) -> None:
        self.text, self.more = text, more

    def _repr_html_(self) -> str:
        # Code and file contents are the same in every language: marked as code, as in R.
        tail = f"\n… (+{self.more})" if self.more else ""
        return f"<pre class='lk-code'><code>{html.escape(self.text + tail)}</code></pre>"

    def __repr__(self) -> str:
        return self.text + (f"\n… (+{self.more})" if self.more else "")


def show_code(source: str | os.PathLike[str], *, lines: int | None = None) -> _Code:
    """Show a small text file (a keys file, a command) as code, as it is on disk.

    Parameters
    ----------
    source : str or path-like
        A file, or the text itself (a string that is not an existing file).
    lines : int, optional
        Show only the first ``lines`` lines, and how many more there are.

    Returns
    -------
    _Code
        An object that notebooks show as a code block.

    Examples
    --------
    >>> text = chr(10).join(["name: my scale", "scale: [1, 5]", "scales: {}"])
    >>> print(repr(show_code(text, lines=2)))
    name: my scale
    scale: [1, 5]
    … (+1)
    """
    path = Path(os.fspath(source))
    text = path.read_text(encoding="utf-8-sig") if path.is_file() else os.fspath(source)
    rows = text.rstrip("\n").splitlines()
    shown = rows if lines is None else rows[:lines]
    return _Code("\n".join(shown), len(rows) - len(shown))
