"""The row checks of a response table, each once per distinct cell or by array operations.

:func:`leadkit.survey.io.responses.read_responses` calls these on the columns it keeps: ids as text,
every answer parsed once per distinct value, every repeated respondent named with the row it
repeats, and every self rating checked against its target. Each problem becomes an
:class:`~leadkit.errors.InputError` naming the row and the column.

Examples
--------
>>> import pandas as pd
>>> ids(pd.Series([" a", 7.0, None])).tolist()
['a', '7', '']
"""

from __future__ import annotations

import math
import re
import unicodedata

import numpy as np
import pandas as pd

from leadkit.docparams import shared_params
from leadkit.errors import InputError
from leadkit.i18n import tr
from leadkit.survey.io.coded_columns import is_blank

__all__ = ["clean_id", "same_ids", "cells", "ids", "find_duplicates", "row_keys",
           "repeated_keys", "answers", "check_targets", "fingerprint"]


# Characters that never belong in an id: controls and the invisible format characters
# (zero-width spaces and joiners, direction marks and overrides, the byte-order mark, tags).
_INVISIBLE = re.compile("[\x00-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e"
                        "\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000e0000-\U000e007f]")


def clean_id(text: str) -> str:
    """An id as the kit compares it: NFKC, no invisible characters, single spaces.

    "P1", "P1\\u200b" (a zero-width space) and "Ｐ1" (full width) are the same person; the
    case is kept here (shown as written) and ignored when ids are compared, see
    :func:`same_ids`.

    Parameters
    ----------
    text : str
        An id as written in a file.

    Returns
    -------
    str
        The id without control and format characters, NFKC-normalised, spaces collapsed.

    Examples
    --------
    >>> clean_id(" P1\\u200b "), clean_id("Ｐ1"), clean_id("a\\x00b\\tc")
    ('P1', 'P1', 'ab c')
    """
    if text.isascii() and text.isprintable():
        return " ".join(text.split())
    text = unicodedata.normalize("NFKC", " ".join(text.split()))
    return " ".join(_INVISIBLE.sub("", text).split())


def _id(value: object) -> str:
    if isinstance(value, str):
        return clean_id(value)
    if is_blank(value):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # Excel stores 7 as 7.0
    try:
        return clean_id(str(value))
    except ValueError:  # an integer of thousands of digits: no id anyone typed
        return "…"


def same_ids(columns: list[np.ndarray]) -> list[np.ndarray]:
    """Write ids that differ only in case one way: the spelling met first.

    "P1" and "p1" rating the same leader are one peer, never two (the anonymity floor counts
    people); the bundles of hand-ins ignore case the same way.

    Parameters
    ----------
    columns : list of numpy.ndarray
        Id columns (object arrays of text) that name the same people, such as
        ``respondent`` and ``target``.

    Returns
    -------
    list of numpy.ndarray
        The same columns, each id replaced by the first spelling of it in any case.

    Examples
    --------
    >>> [c.tolist() for c in same_ids([np.array(["P1", "p1"], dtype=object),
    ...                                np.array(["P1"], dtype=object)])]
    [['P1', 'P1'], ['P1']]
    """
    if len(columns) == 1:  # one column whose ids differ in more than case: nothing to do
        distinct = pd.unique(columns[0]).tolist()
        if _plain(distinct) and len(set("\x1f".join(distinct).lower().split("\x1f"))) == len(
                distinct):
            return columns
    first: dict[str, str] = {}
    out = []
    for column in columns:
        codes, uniques = pd.factorize(column)
        spelled = [first.setdefault(u.casefold(), u) for u in uniques.tolist()]
        out.append(np.array(spelled + [""], dtype=object)[codes] if len(column) else column)
    return out


def cells(values: pd.Series) -> tuple[np.ndarray, list]:
    """A column as codes (one per row, -1 for a missing cell) and its distinct cells.

    Every check and conversion then runs once per distinct cell — a few answer values, one id
    per person — and is spread over the rows with array indexing.

    Parameters
    ----------
    values : pandas.Series
        One column of a response table, categorical or not.

    Returns
    -------
    codes : numpy.ndarray of int64
        For each row, the position of its cell in ``uniques``; -1 for a missing cell.
    uniques : list
        The distinct cells, in the order they first appear (or the categories).

    Examples
    --------
    >>> codes, uniques = cells(pd.Series(["a", None, "b", "a"]))
    >>> codes.tolist(), uniques
    ([0, -1, 1, 0], ['a', 'b'])
    """
    if isinstance(values.dtype, pd.CategoricalDtype):
        return values.cat.codes.to_numpy(np.int64), values.cat.categories.tolist()
    codes, uniques = pd.factorize(values.to_numpy(dtype=object), use_na_sentinel=True)
    return codes.astype(np.int64), list(uniques)


def ids(values: pd.Series) -> np.ndarray:
    """A metadata column as text ids (object array; "" for an empty cell).

    Parameters
    ----------
    values : pandas.Series
        A metadata column such as ``respondent`` or ``target``.

    Returns
    -------
    numpy.ndarray of object
        One text id per row, stripped of spaces; ``""`` for an empty cell.

    Examples
    --------
    >>> ids(pd.Series([" r1", None, "r2"])).tolist()
    ['r1', '', 'r2']
    """
    if not isinstance(values.dtype, pd.CategoricalDtype) and len(values) > 10_000:
        # Mostly distinct cells (ids of a large file): one pass, no table of distinct values.
        return np.array([_id(v)
                         for v in values.to_numpy(dtype=object)], dtype=object)
    codes, uniques = cells(values)
    if _plain(uniques):  # printable ASCII without stray spaces: nothing to clean
        return np.array(uniques + [""], dtype=object)[codes]
    table = np.array([_id(u) for u in uniques] + [""], dtype=object)
    return table[codes]  # code -1 picks the trailing ""


def _plain(texts: list) -> bool:
    """Whether every id is printable ASCII text without spaces at its ends or doubled (one
    check of the joined text, in C, instead of one per id)."""
    if pd.api.types.infer_dtype(texts, skipna=False) != "string":
        return False
    joined = "\x1f".join(texts)
    return (joined.isascii() and joined.replace("\x1f", "").isprintable() and "  " not in joined
            and " \x1f" not in joined and "\x1f " not in joined
            and not joined.startswith(" ") and not joined.endswith(" ") and "" not in texts)


@shared_params
def find_duplicates(out: pd.DataFrame, rows: np.ndarray, name: str,
                errors: list[InputError]) -> None:
    """One row per respondent for each target and wave: name every repeat and its first row.

    Parameters
    ----------
    out : pandas.DataFrame
        The table being checked, with text ids in ``respondent`` and, where present,
        ``target`` and ``wave``.
    rows : numpy.ndarray
        The row number in the file of each row of ``out``, used in the messages.
    %(repeat_errors)s

    Returns
    -------
    None
        Appends to ``errors``; rows without a respondent id are never called repeats.

    Examples
    --------
    >>> out = pd.DataFrame({"respondent": ["r1", "r2", "r1"], "target": ["t", "t", "t"]})
    >>> errors = []
    >>> find_duplicates(out, np.array([2, 3, 4]), "team.csv", errors)
    >>> [(e.row, e.column) for e in errors]
    [(2, 'respondent')]
    """
    key = [c for c in ("target", "respondent", "wave") if c in out]
    known = (out["respondent"] != "").to_numpy()
    # A 64-bit hash per row finds the candidates in little memory; the exact comparison
    # below then looks at those few rows only, so a hash collision is never reported.
    mixed = np.zeros(len(out), dtype=np.uint64)
    for k, col in enumerate(key):
        # Python's own string hash: cached in each string, so nothing new is allocated.
        cells = out[col].to_numpy(dtype=object)
        hashed = np.fromiter(map(hash, cells), dtype=np.int64, count=len(cells))
        mixed ^= hashed.view(np.uint64) * np.uint64(2 * k + 1)
    order = np.argsort(mixed, kind="stable")  # sorting needs less memory than a hash table
    ordered = mixed[order]
    same = np.zeros(len(mixed), dtype=bool)
    same[order[1:][ordered[1:] == ordered[:-1]]] = True
    same[order[:-1][ordered[1:] == ordered[:-1]]] = True
    del order, ordered
    candidates = known & same
    if not candidates.any():
        return
    frame = out.loc[candidates, key]
    rows = rows[candidates]
    again = frame.duplicated(keep="first").to_numpy()
    if not again.any():
        return
    first_row = pd.Series(rows, index=frame.index).groupby(
        [frame[k] for k in key], sort=False).transform("first")
    for n in frame.index[again]:
        who = out.at[n, "respondent"]
        errors.append(InputError(name,
                                 tr("respondent '{who}' appears again (first on row "
                                    "{value})").format(
                                           who=who, value=first_row[n]), row=n,
            column="respondent", expected=tr("one row per respondent for each target and wave")))


def row_keys(frame: pd.DataFrame) -> np.ndarray:
    """Two independent 64-bit hashes of each row's cells (an n × 2 array of uint64).

    With 128 bits, two different keys among even millions of rows coincide with a chance
    below 10^-25; Python's string hash is cached in each string, so nothing is allocated
    per cell.

    Parameters
    ----------
    frame : pandas.DataFrame
        The key columns of a table (text cells).

    Returns
    -------
    numpy.ndarray of uint64, shape (n, 2)
        Two hashes per row; equal rows get equal keys within one Python process.

    Examples
    --------
    >>> keys = row_keys(pd.DataFrame({"respondent": ["r1", "r2", "r1"]}))
    >>> keys.shape, bool((keys[0] == keys[2]).all()), bool((keys[0] == keys[1]).all())
    ((3, 2), True, False)
    """
    out = np.zeros((len(frame), 2), dtype=np.uint64)
    for k, col in enumerate(frame.columns):
        cells = frame[col].to_numpy(dtype=object)
        first = np.fromiter(map(hash, cells), dtype=np.int64, count=len(cells))
        second = np.fromiter((hash((c, k)) for c in cells), dtype=np.int64, count=len(cells))
        out[:, 0] ^= first.view(np.uint64) * np.uint64(2 * k + 1)
        out[:, 1] = out[:, 1] * np.uint64(1_000_003) + second.view(np.uint64)
    return out


@shared_params
def repeated_keys(keys: np.ndarray, rows: np.ndarray, name: str,
                  errors: list[InputError]) -> None:
    """Name every row whose key (:func:`row_keys`) an earlier row already had.

    Parameters
    ----------
    keys : numpy.ndarray of uint64, shape (n, 2)
        The keys of :func:`row_keys`.
    rows : numpy.ndarray
        The row number in the file of each key, used in the messages.
    %(repeat_errors)s

    Returns
    -------
    None
        Appends to ``errors``, naming each repeat and the row it repeats.

    Examples
    --------
    >>> keys = row_keys(pd.DataFrame({"respondent": ["r1", "r2", "r1"]}))
    >>> errors = []
    >>> repeated_keys(keys, np.array([2, 3, 4]), "team.csv", errors)
    >>> [e.row for e in errors]
    [4]
    """
    if not len(keys):
        return
    order = np.lexsort((rows, keys[:, 1], keys[:, 0]))  # by key, then by row
    ordered = keys[order]
    again = np.flatnonzero((ordered[1:] == ordered[:-1]).all(axis=1)) + 1
    for i in again:
        j = i
        while j > 0 and (ordered[j - 1] == ordered[i]).all():
            j -= 1
        n, first = int(rows[order[i]]), int(rows[order[j]])
        errors.append(InputError(name, tr("this respondent appears again for the same target "
                                          "and wave (first on row {first})").format(first=first),
                                          row=n, column="respondent",
            expected=tr("one row per respondent for each target and wave")))


@shared_params
def answers(column: pd.Series, rows: np.ndarray, item: str, parse, name: str,
            errors: list[InputError]) -> np.ndarray:
    """An item column as floats (NaN for no answer); each bad cell named by row.

    Parameters
    ----------
    column : pandas.Series
        The cells of one item column.
    rows : numpy.ndarray
        The row number in the file of each cell, used in the messages.
    item : str
        The item id (the column name), used in the messages.
    parse : callable
        Turns one distinct cell into ``(number, problem)``, ``problem`` being ``None`` or a
        message; its attribute ``expected`` describes a good answer.
    %(name)s
    errors : list of InputError
        The list to add one error per bad cell to.

    Returns
    -------
    numpy.ndarray of float
        The answers as numbers, NaN for a missing cell.

    Examples
    --------
    >>> def parse(cell):
    ...     return (float(cell), None) if cell in "12345" else (math.nan, "not 1 to 5")
    >>> parse.expected = "1 to 5"
    >>> errors = []
    >>> answers(pd.Series(["3", None, "x"]), np.array([2, 3, 4]), "q1", parse, "t.csv",
    ...         errors).tolist(), [e.row for e in errors]
    ([3.0, nan, nan], [4])
    """
    codes, uniques = cells(column)
    parsed = [parse(u) for u in uniques]
    numbers = np.array([number for number, _ in parsed] + [math.nan])
    for u, (_, problem) in enumerate(parsed):
        if problem:
            where = rows[codes == u]
            room = getattr(errors, "limit", len(where))  # a Problems list keeps so many
            for n in where[:room]:
                errors.append(InputError(name, problem, row=int(n), column=item,
                                         expected=parse.expected))
            if len(where) > room:
                errors.count_more(len(where) - room)  # type: ignore[attr-defined]
    return numbers[codes]


@shared_params
def check_targets(out: pd.DataFrame, name: str, errors: list[InputError],
                  groups: tuple[str, ...]) -> None:
    """Every rating names who it rates; a self rating rates the respondent, and only then.

    Parameters
    ----------
    out : pandas.DataFrame
        The table being checked, with text ids in ``respondent`` and ``target`` and, where
        present, ``rater``.
    %(name)s
    errors : list of InputError
        The list to add one error per bad row to.
    groups : tuple of str
        The rater groups other than ``"self"`` (such as ``"peer"``); a row of such a group
        must not rate its own respondent.

    Returns
    -------
    None
        Appends to ``errors``, and fills an empty ``target`` of a self rating with the
        respondent in place.

    Examples
    --------
    >>> out = pd.DataFrame({"respondent": ["r1", "r2"], "target": ["", "r2"],
    ...                     "rater": ["self", "peer"]})
    >>> errors = []
    >>> check_targets(out, "t.csv", errors, ("peer",))
    >>> out["target"].tolist(), [(e.row, e.column) for e in errors]
    (['r1', 'r2'], [(1, 'rater')])
    """
    is_self = out["rater"] == "self" if "rater" in out else pd.Series(True, index=out.index)
    for n in out.index[(out["target"] == "") & ~is_self]:
        errors.append(InputError(name, tr("the target is empty"),
                                 row=n, column="target", expected=tr("the id of the person this "
                                                                     "row rates")))
    out.loc[out["target"] == "", "target"] = out["respondent"]
    if "rater" not in out:
        return
    own = out["target"] == out["respondent"]
    known = out["respondent"] != ""  # an empty id is reported above, once
    for n in out.index[is_self & ~own & known]:
        errors.append(InputError(name, tr("a self rating, but the target is '{value}'").format(
                                           value=out.at[n, 'target']), row=n,
            column="target", expected=tr("the respondent's own id '{value}' as target of a self "
                                         "rating").format(value=out.at[n, 'respondent'])))
    for n in out.index[~is_self & own & out["rater"].isin(groups)]:
        errors.append(InputError(name, tr("the respondent rates themselves, but the rater is "
                                          "'{value}'").format(value=out.at[n,
                                                                           'rater']), row=n,
                                                                           column="rater",
                                                                           expected=tr("rater "
                                                                                       "self when "
                                                                                       "target and "
                                                                           "respondent are the "
                                                                           "same")))


def fingerprint(table: pd.DataFrame) -> str:
    """A digest of a table's cells, index and column names: equal only for the same table.

    :func:`read_responses` stores it in ``attrs["checked"]``; scoring a table whose digest
    still matches skips checking it again, and any edit since (a cell, a row, a column) makes
    the digest differ, so the table is checked anew.

    Parameters
    ----------
    table : pandas.DataFrame
        Any table.

    Returns
    -------
    str
        32 hexadecimal digits (BLAKE2b).

    Examples
    --------
    >>> t = pd.DataFrame({"respondent": ["r1", "r2"], "q1": [3, 4]})
    >>> len(fingerprint(t)), fingerprint(t) == fingerprint(t.copy())
    (32, True)
    >>> fingerprint(t) == fingerprint(t.assign(q1=[3, 5]))
    False
    """
    import hashlib

    digest = hashlib.blake2b(digest_size=16)
    digest.update("\x1f".join(map(str, table.columns)).encode() + b"\0")
    digest.update(np.ascontiguousarray(table.index.to_numpy()).tobytes())
    for name in table.columns:
        values = table[name].to_numpy()
        if values.dtype.kind in "fiub":  # numbers: their bytes, exactly
            digest.update(str(values.dtype).encode() + np.ascontiguousarray(values).tobytes())
        else:  # text: every cell, with a separator no id contains (repr: None ≠ "None")
            cells = values.tolist()
            try:
                text = "\x1e".join(cells) if all(type(c) is str for c in cells) else None
            except TypeError:
                text = None
            if text is None:
                text = "\x1f".join(map(repr, cells))
            else:  # with each cell's length, no two different columns give the same bytes
                digest.update(np.fromiter(map(len, cells), np.int64, len(cells)).tobytes())
            digest.update(text.encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
    return digest.hexdigest()
