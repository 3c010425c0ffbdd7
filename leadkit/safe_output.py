"""Text that leaves the kit safely: spreadsheets, terminals, Markdown and chart labels.

What a respondent or learner typed (a name, an id, a reflection) ends up in files other
programs open. Each function here makes one kind of destination safe:

- :func:`neutralise_cell` / :func:`neutralise_frame`: spreadsheet formula injection (OWASP).
  A text cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return would run
  as a formula in Excel or LibreOffice; it gets a leading apostrophe, so it stays text. Numbers
  stay numbers.
- :func:`plain_text`: control characters (terminal escape sequences, bidirectional overrides)
  are removed before text is printed.
- :func:`escape_markdown`: a learner's text shows as written in a Markdown file: no links,
  images, headings or HTML of its own.
- Chart labels: :class:`leadkit.figure.KitFigure` turns off matplotlib's mathtext, so a ``$``
  in a name is drawn as a dollar sign.

Examples
--------
>>> neutralise_cell("=HYPERLINK(\\"http://x\\")"), neutralise_cell(3.5), neutralise_cell("Ann")
('\\'=HYPERLINK("http://x")', 3.5, 'Ann')
>>> plain_text("ok\\x1b[2J\\x1b]0;owned\\x07 fine")
'ok fine'
>>> escape_markdown("![x](http://evil/img.png) **hi**")
'\\\\!\\\\[x\\\\]\\\\(http://evil/img\\\\.png\\\\) \\\\*\\\\*hi\\\\*\\\\*'
"""

from __future__ import annotations

import html
import re

import pandas as pd

__all__ = ["FORMULA_STARTS", "neutralise_cell", "neutralise_frame", "plain_text",
           "escape_markdown"]

#: The first characters that make a spreadsheet read a cell as a formula.
FORMULA_STARTS: tuple[str, ...] = ("=", "+", "-", "@", "\t", "\r")

# ESC sequences (CSI … final byte, OSC … BEL/ST, two-byte escapes), then any other control
# character except newline and tab, C1 controls, and the Unicode bidirectional controls.
_ESCAPES = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-_]?")
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+\-.!|~>])")


def neutralise_cell(value: object) -> object:
    """A cell value that no spreadsheet runs as a formula (text only; numbers untouched)."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def neutralise_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` whose text cells, column names and index are neutralised."""
    out = frame.copy()
    for col in out.columns:
        if out[col].dtype == object or pd.api.types.is_string_dtype(out[col]):
            out[col] = out[col].map(neutralise_cell)
    out.columns = [neutralise_cell(c) for c in out.columns]
    if out.index.dtype == object:
        out.index = out.index.map(neutralise_cell)
    return out


def plain_text(text: str) -> str:
    """``text`` without terminal escape sequences and control characters (newlines stay)."""
    return _CONTROLS.sub("", _ESCAPES.sub("", str(text)))


def escape_markdown(text: str) -> str:
    """``text`` with every Markdown and HTML special character escaped."""
    return _MARKDOWN.sub(r"\\\1", html.escape(plain_text(text), quote=False))
