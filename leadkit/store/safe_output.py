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
- Chart labels: :class:`leadkit.plots.figure.KitFigure` turns off matplotlib's mathtext, so a ``$``
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
import os
import re
import tempfile
from collections.abc import Iterable
from pathlib import Path

import numpy as np
import pandas as pd

from leadkit.i18n import decimal_sign

__all__ = ["FORMULA_STARTS", "write_text_atomically", "write_private_text", "neutralise_cell",
           "neutralise_frame", "plain_text", "escape_markdown", "write_csv"]

#: The first characters that make a spreadsheet read a cell as a formula.
FORMULA_STARTS: tuple[str, ...] = ("=", "+", "-", "@", "\t", "\r")

# ESC sequences (CSI … final byte, OSC … BEL/ST, two-byte escapes), then any other control
# character except newline and tab, C1 controls, and the Unicode bidirectional controls.
_ESCAPES = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-_]?")
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+\-.!|~>])")


def neutralise_cell(value: object) -> object:
    """A cell value that no spreadsheet runs as a formula (text only; numbers untouched).

    Parameters
    ----------
    value : object
        One cell.

    Returns
    -------
    object
        Text that starts with one of :data:`FORMULA_STARTS`, with a ``'`` in front; any other
        value unchanged.

    Examples
    --------
    >>> neutralise_cell("=SUM(A1:A9)"), neutralise_cell("-5"), neutralise_cell(-5)
    ("'=SUM(A1:A9)", "'-5", -5)
    """
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def neutralise_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` whose text cells, column names and index are neutralised.

    Parameters
    ----------
    frame : pandas.DataFrame
        Any table; it is not changed.

    Returns
    -------
    pandas.DataFrame
        A copy with every text cell, column name and text index value passed through
        :func:`neutralise_cell`.

    Examples
    --------
    >>> neutralise_frame(pd.DataFrame({"=x": ["@me", "ok"], "n": [1, 2]})).to_dict("list")
    {"'=x": ["'@me", 'ok'], 'n': [1, 2]}
    """
    out = frame.copy()
    for col in out.columns:
        if out[col].dtype == object or pd.api.types.is_string_dtype(out[col]):
            # Once per distinct cell, then spread over the rows: fast for long tidy tables.
            codes, uniques = pd.factorize(out[col].to_numpy(dtype=object))
            safe = np.array([neutralise_cell(u) for u in uniques] + [None], dtype=object)
            out[col] = safe[codes]
    out.columns = [neutralise_cell(c) for c in out.columns]
    if out.index.dtype == object:
        out.index = out.index.map(neutralise_cell)
    return out


def plain_text(text: str) -> str:
    """``text`` without terminal escape sequences and control characters (newlines stay).

    Parameters
    ----------
    text : str
        Any text; other values are turned into text first.

    Returns
    -------
    str
        The text without ANSI escape sequences and control characters other than newlines.

    Examples
    --------
    >>> plain_text("\x1b[31mred\x1b[0m text\x07")
    'red text'
    """
    return _CONTROLS.sub("", _ESCAPES.sub("", str(text)))


def escape_markdown(text: str) -> str:
    """``text`` with every Markdown and HTML special character escaped.

    Parameters
    ----------
    text : str
        Any text, such as a learner's answer.

    Returns
    -------
    str
        The :func:`plain_text` of ``text`` with ``&``, ``<`` and ``>`` as HTML entities and a
        backslash before every Markdown special character, so it shows as written.

    Examples
    --------
    >>> print(escape_markdown("*bold* <b>"))
    \\*bold\\* &lt;b&gt;
    """
    return _MARKDOWN.sub(r"\\\1", html.escape(plain_text(text), quote=False))


def write_csv(frame: pd.DataFrame | Iterable[pd.DataFrame], path: str | os.PathLike[str], *,
              dutch_excel: bool = False, decimals: int | None = None) -> Path:
    """Write ``frame`` as CSV, formula-safe, in one of the two dialects the kit writes.

    The default is what most programs read: ``,`` between fields, ``.`` decimals, UTF-8.
    ``dutch_excel=True`` writes what Dutch Excel opens directly: ``;`` between fields,
    decimal commas, UTF-8 with a byte-order mark. Missing values are empty fields; text cells
    are neutralised (:func:`neutralise_cell`) and quoted where needed. ``decimals`` rounds
    floats for display; otherwise they are written exactly (the shortest repr). ``frame`` may
    also be an iterable of tables with the same columns (written one after the other, one
    header), so that a large result never has to be in memory at once.

    Parameters
    ----------
    frame : pandas.DataFrame or iterable of pandas.DataFrame
        The table, or tables with the same columns to write one after the other.
    path : str or path-like
        The file to write (its folder must exist).
    dutch_excel : bool, default False
        Write ``;`` separators, decimal commas and a byte-order mark. The default writes
        ``,`` and decimal points, plain UTF-8.
    decimals : int, optional
        Round floats to this many decimals. Default ``None`` writes them exactly.

    Returns
    -------
    pathlib.Path
        The path written.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "t.csv"
    >>> _ = write_csv(pd.DataFrame({"who": ["=1+1", "b;c"], "x": [1.5, float("nan")]}), p,
    ...               dutch_excel=True)
    >>> p.read_text(encoding="utf-8-sig").splitlines()
    ['who;x', "'=1+1;1,5", '"b;c";']
    """
    path = Path(path).expanduser()
    sep = ";" if dutch_excel else ","

    needs_quotes = re.compile(f'[{re.escape(sep)}"\\n\\r]').search
    # Dutch Excel reads the Dutch decimal sign (from the i18n layer, once: a table has many
    # cells); the digits stay Python's own, so no precision is lost to a display format.
    comma = decimal_sign("nl") if dutch_excel else "."
    starts = set(FORMULA_STARTS)

    def field(value: object) -> str:
        if isinstance(value, str):  # most cells: ids and names, formatted once each
            text = "'" + value if value[:1] in starts else value
            return '"' + text.replace('"', '""') + '"' if needs_quotes(text) else text
        if value is None or (isinstance(value, float) and value != value) or value is pd.NA:
            return ""
        if isinstance(value, (float, np.floating)):
            text = f"{value:.{decimals}f}" if decimals is not None else repr(float(value))
            return text.replace(".", comma) if dutch_excel else text
        text = str(neutralise_cell(value) if isinstance(value, str) else value)
        if any(ch in text for ch in (sep, '"', "\n", "\r")):
            text = '"' + text.replace('"', '""') + '"'
        return text

    def lines(part: pd.DataFrame) -> str:
        cells = []
        for name in part.columns:
            column = part[name]
            if isinstance(column.dtype, pd.CategoricalDtype):
                codes, uniques = column.cat.codes.to_numpy(), column.cat.categories.tolist()
            else:
                codes, uniques = pd.factorize(column.to_numpy(dtype=object),
                                              use_na_sentinel=True)
            formatted = np.array([field(u) for u in uniques] + [""], dtype=object)
            cells.append(formatted[codes].tolist())
        body = "\n".join(map(sep.join, zip(*cells, strict=True)))
        return body + "\n" if body else ""

    parts = iter([frame]) if isinstance(frame, pd.DataFrame) else iter(frame)
    with path.open("w", encoding="utf-8-sig" if dutch_excel else "utf-8", newline="") as out:
        columns = None
        for part in parts:
            if columns is None:
                columns = list(part.columns)
                out.write(sep.join(field(c) for c in columns) + "\n")
            # Each column is formatted once per distinct value, then spread over the rows.
            out.write(lines(part))
    return path


def write_text_atomically(path: str | os.PathLike[str], text: str, *,
                          private: bool = False) -> Path:
    """Write ``text`` (UTF-8) to ``path`` through a temporary file beside it, then rename.

    A write that fails (a full disk) leaves the old file as it was and no temporary file.

    Parameters
    ----------
    path : str or os.PathLike[str]
        The file to write; missing parent folders are made.
    text : str
        The whole content.
    private : bool, default False
        Only the owner may read the file (mode 0600): for a learner's reflections or the
        class's codes. Otherwise the usual permissions (the umask) apply.

    Returns
    -------
    Path
        The path written.

    Examples
    --------
    >>> import tempfile
    >>> out = write_text_atomically(Path(tempfile.mkdtemp()) / "new" / "a.txt", "hello")
    >>> out.name, out.read_text(encoding="utf-8")
    ('a.txt', 'hello')
    """
    # Write beside the target and rename: a crash never leaves a half-written hand-in.
    path = Path(path).expanduser()
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        if not private:  # mkstemp makes 0600: give the file what the umask allows
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def write_private_text(path: str | os.PathLike[str], text: str, *,
                       exclusive: bool = False) -> Path:
    """Write ``text`` to a file only its owner can read (mode 0600).

    Parameters
    ----------
    path : str or os.PathLike[str]
        The file.
    text : str
        The whole content (UTF-8).
    exclusive : bool, default False
        Refuse to write over an existing file (and never through a link).

    Returns
    -------
    Path
        The path written.

    Raises
    ------
    FileExistsError
        ``exclusive`` and the file exists.

    Examples
    --------
    >>> import tempfile
    >>> out = write_private_text(Path(tempfile.mkdtemp()) / "codes.csv", "s1,ABCD")
    >>> oct(out.stat().st_mode & 0o777)
    '0o600'
    """
    path = Path(path).expanduser()
    if not exclusive:
        return write_text_atomically(path, text, private=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    flags = os.O_CREAT | os.O_EXCL | os.O_WRONLY | getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(path, flags, 0o600)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    return path
