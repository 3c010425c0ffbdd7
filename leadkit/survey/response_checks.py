"""The row checks of a response table, each once per distinct cell or by array operations.

:func:`leadkit.survey.responses.read_responses` calls these on the columns it keeps: ids as text,
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

import numpy as np
import pandas as pd

from leadkit.errors import InputError
from leadkit.i18n import tr
from leadkit.survey.coded_columns import is_blank

__all__ = ["cells", "ids", "find_duplicates", "row_keys", "repeated_keys", "answers",
           "check_targets", "fingerprint"]


def _id(value: object) -> str:
    if isinstance(value, str):
        return value.strip()
    if is_blank(value):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # Excel stores 7 as 7.0
    return str(value).strip()


def cells(values: pd.Series) -> tuple[np.ndarray, list]:
    """A column as codes (one per row, -1 for a missing cell) and its distinct cells.

    Every check and conversion then runs once per distinct cell — a few answer values, one id
    per person — and is spread over the rows with array indexing.
    """
    if isinstance(values.dtype, pd.CategoricalDtype):
        return values.cat.codes.to_numpy(np.int64), values.cat.categories.tolist()
    codes, uniques = pd.factorize(values.to_numpy(dtype=object), use_na_sentinel=True)
    return codes.astype(np.int64), list(uniques)


def ids(values: pd.Series) -> np.ndarray:
    """A metadata column as text ids (object array; "" for an empty cell)."""
    if not isinstance(values.dtype, pd.CategoricalDtype) and len(values) > 10_000:
        # Mostly distinct cells (ids of a large file): one pass, no table of distinct values.
        return np.array([v.strip() if type(v) is str else _id(v)
                         for v in values.to_numpy(dtype=object)], dtype=object)
    codes, uniques = cells(values)
    table = np.array([_id(u) for u in uniques] + [""], dtype=object)
    return table[codes]  # code -1 picks the trailing ""


def find_duplicates(out: pd.DataFrame, rows: np.ndarray, name: str,
                errors: list[InputError]) -> None:
    """One row per respondent for each target and wave: name every repeat and its first row."""
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
    """
    out = np.zeros((len(frame), 2), dtype=np.uint64)
    for k, col in enumerate(frame.columns):
        cells = frame[col].to_numpy(dtype=object)
        first = np.fromiter(map(hash, cells), dtype=np.int64, count=len(cells))
        second = np.fromiter((hash((c, k)) for c in cells), dtype=np.int64, count=len(cells))
        out[:, 0] ^= first.view(np.uint64) * np.uint64(2 * k + 1)
        out[:, 1] = out[:, 1] * np.uint64(1_000_003) + second.view(np.uint64)
    return out


def repeated_keys(keys: np.ndarray, rows: np.ndarray, name: str,
                  errors: list[InputError]) -> None:
    """Name every row whose key (:func:`row_keys`) an earlier row already had."""
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


def answers(column: pd.Series, rows: np.ndarray, item: str, parse, name: str,
            errors: list[InputError]) -> np.ndarray:
    """An item column as floats (NaN for no answer); each bad cell named by row."""
    codes, uniques = cells(column)
    parsed = [parse(u) for u in uniques]
    numbers = np.array([number for number, _ in parsed] + [math.nan])
    for u, (_, problem) in enumerate(parsed):
        if problem:
            for n in rows[codes == u]:
                errors.append(InputError(name, problem, row=int(n), column=item,
                                         expected=parse.expected))
    return numbers[codes]


def check_targets(out: pd.DataFrame, name: str, errors: list[InputError],
                  groups: tuple[str, ...]) -> None:
    """Every rating names who it rates; a self rating rates the respondent, and only then."""
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
