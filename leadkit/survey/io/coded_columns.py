"""Columns of raw cells held as codes plus their distinct values.

A survey file repeats a handful of answers and one id per person across many rows. Holding
each column as small integer codes and the distinct cells once keeps a large file small in
memory, and lets every check run once per distinct cell. :mod:`leadkit.survey.io.tablefile`
builds its tables with these helpers, chunk by chunk.

Examples
--------
>>> import numpy as np
>>> parts = [code_cells(np.array([["a", "3"], ["b", "3"]], dtype=object)),
...          code_cells(np.array([["a", "4"]], dtype=object))]
>>> list(combine([p[1] for p in parts]))
['3', '3', '4']
"""

from __future__ import annotations

import numpy as np
import pandas as pd

__all__ = ["Coded", "is_blank", "share_strings", "combine", "code_cells", "code_rows",
           "assemble"]

Coded = tuple[np.ndarray, np.ndarray]  # (codes with -1 for missing, distinct cells)


def share_strings(columns: list[Coded]) -> list[Coded]:
    """Make equal cells one object across columns: ``target`` holds the ids of ``respondent``.

    Each id is then stored once however many columns it appears in (about half the memory of
    a large file's ids). The lookup table is temporary: nothing is cached on the columns.

    Parameters
    ----------
    columns : list of (codes, uniques)
        Coded columns, each its codes and its distinct cells (an object array).

    Returns
    -------
    list of (codes, uniques)
        The same columns, in order; cells equal to one of the column with the most distinct
        cells now refer to that column's objects. Fewer than 100 distinct cells: unchanged.

    Examples
    --------
    >>> a = (np.zeros(1, np.int8), np.array(["x"], dtype=object))
    >>> share_strings([a])[0] is a
    True
    """
    widest = max(range(len(columns)), key=lambda c: len(columns[c][1]), default=0)
    pool = columns[widest][1]
    if len(pool) < 100:
        return columns
    lookup = pd.Index(pool, dtype=object, copy=False)
    out = []
    for c, (codes, uniques) in enumerate(columns):
        if c != widest and len(uniques) >= 100:
            where = lookup.get_indexer(uniques)
            uniques = uniques.copy()
            uniques[where >= 0] = pool[where[where >= 0]]
        out.append((codes, uniques))
    return out


def combine(parts: list[Coded]) -> pd.Categorical | np.ndarray:
    """One categorical from the coded chunks of a column, in linear time.

    (pandas' ``union_categoricals`` recodes every chunk against the growing union, which is
    quadratic for a column of ids that are all different.)

    Parameters
    ----------
    parts : list of (codes, uniques)
        The coded chunks of one column, in row order; code -1 is a missing cell.

    Returns
    -------
    pandas.Categorical or numpy.ndarray
        A categorical over the distinct cells, or a plain object array (NaN for a missing
        cell) when nearly every cell differs.

    Examples
    --------
    >>> parts = [(np.array([0, 1, -1]), np.array(["a", "b"], dtype=object)),
    ...          (np.array([0]), np.array(["b"], dtype=object))]
    >>> combine(parts).tolist()
    ['a', 'b', nan, 'b']
    """
    rows = sum(len(c) for c, _ in parts)
    if sum(len(u) for _, u in parts) > max(1000, rows // 4):
        # Nearly every cell differs (ids): plain cells, joined without a table of distinct
        # values (a category index would only add a hash table as large as the column).
        return np.concatenate([np.append(u, np.nan)[c] for c, u in parts]).astype(object)
    if len(parts) == 1:
        codes, uniques = parts[0]
    else:
        sizes = [len(u) for _, u in parts]
        glob, uniques = pd.factorize(np.concatenate([u for _, u in parts]) if sum(sizes)
                                     else np.empty(0, dtype=object))
        pieces, start = [], 0
        for (part, _), size in zip(parts, sizes, strict=True):
            mapping = np.append(glob[start:start + size], -1).astype(np.int32)
            pieces.append(mapping[part])  # code -1 (missing) stays -1
            start += size
        codes = np.concatenate(pieces)
    if len(uniques) > max(1000, len(codes) // 4):
        # Nearly every cell differs (ids): plain cells; a category index would only add a
        # hash table as large as the column.
        return np.append(uniques, np.nan)[codes].astype(object)
    return pd.Categorical.from_codes(codes, categories=pd.Index(uniques, dtype=object))


def code_cells(cells: np.ndarray) -> list[Coded]:
    """A 2-D block of cells as one coded column each: codes plus the distinct cells.

    Parameters
    ----------
    cells : numpy.ndarray
        A 2-D object array of cells, one column per table column.

    Returns
    -------
    list of (codes, uniques)
        Per column its codes (int8 or int32; -1 for a missing cell) and distinct cells, with
        equal cells shared as in :func:`share_strings`.

    Examples
    --------
    >>> coded = code_cells(np.array([["a", "x"], ["b", "x"]], dtype=object))
    >>> [(codes.tolist(), uniques.tolist()) for codes, uniques in coded]
    [([0, 1], ['a', 'b']), ([0, 0], ['x'])]
    """
    out = []
    for c in range(cells.shape[1]):
        codes, uniques = pd.factorize(cells[:, c], use_na_sentinel=True)
        small = np.int8 if len(uniques) < 127 else np.int32
        out.append((codes.astype(small), np.asarray(uniques, dtype=object)))
    return share_strings(out)


def code_rows(chunk: list[list], width: int) -> list[Coded]:
    """A chunk of rows as one coded column each: codes plus the distinct cells.

    Parameters
    ----------
    chunk : list of list
        Rows of cells as read from a file, each ``width`` cells long.
    width : int
        The number of columns.

    Returns
    -------
    list of (codes, uniques)
        One coded column per column, as :func:`code_cells` gives them.

    Examples
    --------
    >>> [codes.tolist() for codes, _ in code_rows([["a", "x"], ["b", "x"], ["a", None]], 2)]
    [[0, 1, 0], [0, 0, -1]]
    """
    cells = np.empty((len(chunk), width), dtype=object)
    for r, rec in enumerate(chunk):
        cells[r, :] = rec
    return code_cells(cells)


def is_blank(value: object) -> bool:
    """Whether a cell is empty: blank text, None, NaN, NaT or pandas' NA.

    Parameters
    ----------
    value : object
        One cell of any type.

    Returns
    -------
    bool
        True for an empty cell; values pandas cannot test for missing count as filled.

    Examples
    --------
    >>> is_blank("  "), is_blank(None), is_blank(float("nan")), is_blank(0), is_blank("x")
    (True, True, True, False, False)
    """
    if isinstance(value, str):
        return not value.strip()
    try:
        return bool(pd.isna(value))  # None, NaN, NaT and pandas' NA
    except (TypeError, ValueError):
        return False


def assemble(columns: list, header: list[str], rows: np.ndarray) -> pd.DataFrame:
    """The raw table from its columns, without the rows in which every cell is blank.

    Parameters
    ----------
    columns : list
        The table's columns: categoricals (of :func:`combine`) or object arrays.
    header : list of str
        The column names, one per column.
    rows : numpy.ndarray
        The row number in the file of each row, kept as the index ``row``.

    Returns
    -------
    pandas.DataFrame
        The columns under their names, indexed by file row, without the all-blank rows.

    Examples
    --------
    >>> t = assemble([np.array(["a", "", None], dtype=object)], ["q1"], np.array([2, 3, 4]))
    >>> t.index.tolist(), t["q1"].tolist()
    ([2], ['a'])
    """
    index = pd.Index(np.asarray(rows, dtype=np.int64), name="row")
    frame = pd.DataFrame({i: pd.Series(col, dtype=None if isinstance(col, pd.Categorical)
                                       else object, copy=False)
                          for i, col in enumerate(columns)}, copy=False)
    frame.columns = header
    frame.index = index
    blank = np.ones(len(frame), dtype=bool)
    for col in columns:  # the coded columns first: they rule out most rows at once
        if isinstance(col, pd.Categorical):
            empty = np.array([not str(v).strip() for v in col.categories.tolist()] + [True])
            blank &= empty[col.codes]
    for col in columns:
        if not isinstance(col, pd.Categorical) and blank.any():
            candidates = np.flatnonzero(blank)
            blank[candidates] = [is_blank(v) for v in col[candidates]]
    return frame[~blank] if blank.any() else frame  # no copy of a large table for nothing
