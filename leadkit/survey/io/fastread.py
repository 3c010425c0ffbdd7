"""The fast reader: large, regular text files through pandas' C parser, chunk by chunk.

A file qualifies when it has no quoted fields and the same number of fields on every line
(checked in one pass over its bytes). Such a file has nothing the careful reader of
:mod:`leadkit.survey.io.tablefile` would need to name row by row, so pandas' C parser reads it, a
few thousand rows at a time, into the same raw table. Anything else goes the careful way.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pandas as pd

from leadkit.docparams import shared_params
from leadkit.survey.io.coded_columns import assemble, code_cells, combine

__all__ = ["uniform_fields", "fast_chunks", "fast_table", "CHUNK", "FAST_FROM", "QUOTED_FROM",
           "QUOTED_MAX"]

#: Rows converted at a time: memory stays near the size of the result.
CHUNK = 20_000
#: Files up to this size (bytes) without quotes take the careful path: it is quick for them.
FAST_FROM = 100_000
#: From this size (bytes) a file with quoted fields (R's ``write.csv``) goes to the C parser.
QUOTED_FROM = 20_000
#: The largest file with quoted fields read whole by the C parser (bytes).
QUOTED_MAX = 50_000_000


@shared_params
def uniform_fields(path: Path, delimiter: str, skiprows: int) -> int | None:
    """The number of fields per line when every line has the same and no field is quoted.

    One pass over the file mapped into memory, a megabyte at a time: positions of newlines
    and delimiters, no text decoded. Any quote, empty line or line of another length gives
    None, and the file is read row by row instead, so that every such row gets its message.

    Parameters
    ----------
    %(text_file)s
    %(delimiter)s
    skiprows : int
        The lines before the header, left out of the count.

    Returns
    -------
    int or None
        The number of fields on every line, or None when the lines differ or a quote occurs.

    Examples
    --------
    >>> import leadkit as lk
    >>> uniform_fields(lk.dataset_path("agile-cmo-class"), ",", 0)
    29
    """
    sep = ord(delimiter)
    counts: set[int] = set()
    # Plain reads into one reused buffer (a memory map would count the whole file as memory).
    buffer = bytearray(1 << 20)
    with path.open("rb") as handle:
        carry, line, tail = 0, 0, 0
        while size := handle.readinto(buffer):
            block = np.frombuffer(buffer, np.uint8, count=size)
            if 34 in block:  # a quote: fields may hold delimiters or line breaks
                return None
            newlines = np.flatnonzero(block == 10)
            seps = np.flatnonzero(block == sep)
            if len(newlines):
                before = np.searchsorted(seps, newlines)  # delimiters before each newline
                per_line = np.diff(before, prepend=0)
                per_line[0] += carry  # the line that began in the previous block
                carry = len(seps) - int(before[-1])
                counts.update(np.unique(per_line[max(0, skiprows - line):]).tolist())
                line += len(newlines)
                tail = len(block) - 1 - int(newlines[-1])
            else:
                carry += len(seps)
                tail += len(block)
            del block, newlines, seps
            if len(counts) > 1:
                return None
        if tail > 0:  # a last line without a newline
            counts.add(carry)
    return counts.pop() + 1 if len(counts) == 1 else None


@shared_params
def fast_chunks(path: Path, delimiter: str, info: dict
                ) -> Iterator[tuple[list[str], list, np.ndarray]] | None:
    """Coded chunks of a file pandas' C parser can read, or None to take the careful path.

    The careful path of :mod:`leadkit.survey.io.tablefile` reads row by row and names every row that
    does not fit. This one is taken only when the file has nothing for it to name: no quoted
    fields and the same number of fields on every line (:func:`uniform_fields`), so line
    numbers are spreadsheet rows. Each chunk is ``(header, coded columns, spreadsheet rows)``.

    Parameters
    ----------
    %(sniffed_file)s

    Returns
    -------
    iterator of (header, coded columns, rows) or None
        The chunks, read lazily: the header names, one ``(codes, uniques)`` per column (see
        :func:`~leadkit.survey.io.coded_columns.code_cells`) and the spreadsheet row numbers.
        None for UTF-16, a file whose header is not on its first read line, or one with
        quotes or lines of different lengths.

    Examples
    --------
    >>> import leadkit as lk
    >>> info = {"encoding": "utf-8", "bom": False, "header_first": True, "skiprows": 0}
    >>> header, coded, rows = next(fast_chunks(lk.dataset_path("agile-cmo-class"), ",", info))
    >>> header[0], len(coded), int(rows[0])
    ('respondent', 29, 2)
    """
    if info["encoding"] == "utf-16" or not info["header_first"]:
        return None
    width = uniform_fields(path, delimiter, info["skiprows"])
    if width is None or width < 2:
        return None
    encoding = _decoding(info)

    def chunks() -> Iterator[tuple[list[str], list, np.ndarray]]:
        header = None
        reader = pd.read_csv(path, sep=delimiter, header=None, dtype=object, na_filter=False,
                             skip_blank_lines=False, encoding=encoding,
                             skiprows=info["skiprows"], engine="c", quoting=csv.QUOTE_NONE,
                             chunksize=CHUNK // 2)
        with reader:
            for chunk in reader:
                cells = chunk.to_numpy(dtype=object)
                if header is None:
                    header, cells = [str(h).strip() for h in cells[0]], cells[1:]
                if len(cells):  # 0-based line -> the line an editor shows (a hint line too)
                    yield header, code_cells(cells), (chunk.index.to_numpy()[-len(cells):] + 1
                                                      + info["skiprows"])

    return chunks()


@shared_params
def fast_table(path: Path, delimiter: str, info: dict) -> pd.DataFrame | None:
    """The whole table by a fast reader, or None to take the careful path.

    A file over :data:`FAST_FROM` bytes without quotes is read by :func:`fast_chunks`; a
    file over :data:`QUOTED_FROM` bytes with quoted fields (as R's ``write.csv`` writes) by
    pandas' C parser at once, taken only when nothing needs the careful reader: every record
    on one line (so line numbers hold) and every record as long as the header (no field lost).

    Parameters
    ----------
    %(sniffed_file)s

    Returns
    -------
    pandas.DataFrame or None
        The raw table as :func:`~leadkit.survey.io.coded_columns.assemble` builds it, or None
        for a small file, a file the fast readers do not take (a quoted field spanning lines,
        a short or long record, a blank line, a large quoted file) or one without data rows.

    Examples
    --------
    >>> import leadkit as lk
    >>> info = {"encoding": "utf-8", "bom": False, "header_first": True, "skiprows": 0}
    >>> path = lk.dataset_path("agile-cmo-class")
    >>> fast_table(path, ",", info) is None  # 15 kB: the careful reader is quick for it
    True
    >>> import pathlib, tempfile
    >>> big = pathlib.Path(tempfile.mkdtemp()) / "big.csv"
    >>> header, *rows = path.read_text().splitlines()
    >>> _ = big.write_text("\\n".join([header] + rows * 10) + "\\n")
    >>> fast_table(big, ",", info).shape
    (2160, 29)
    """
    size = path.stat().st_size
    table = _chunked_table(path, delimiter, info) if size > FAST_FROM else None
    if table is None and size > QUOTED_FROM:
        table = _quoted_table(path, delimiter, info)
    return table


def _chunked_table(path: Path, delimiter: str, info: dict) -> pd.DataFrame | None:
    # Every chunk of fast_chunks, joined column by column; None when it does not apply.
    chunks = fast_chunks(path, delimiter, info)
    parts = list(chunks) if chunks is not None else []
    if not parts:
        return None
    width = len(parts[0][0])
    columns = [combine([p[1][c] for p in parts]) for c in range(width)]
    return assemble(columns, parts[0][0], np.concatenate([p[2] for p in parts]))


def _quoted_table(path: Path, delimiter: str, info: dict) -> pd.DataFrame | None:
    r"""A file with quoted fields by the C parser, if it is regular.

    >>> import pathlib, tempfile
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "r.csv"
    >>> _ = path.write_text('"respondent","A1"\n"1",4\n"2",\n')
    >>> info = {"encoding": "utf-8", "bom": False, "header_first": True, "skiprows": 0}
    >>> _quoted_table(path, ",", info).to_dict("index")
    {2: {'respondent': '1', 'A1': '4'}, 3: {'respondent': '2', 'A1': ''}}
    """
    if (info["encoding"] == "utf-16" or not info["header_first"]
            or path.stat().st_size > QUOTED_MAX):
        return None
    data = path.read_bytes()
    lines = data.count(b"\n") + (0 if data.endswith(b"\n") else 1) - info["skiprows"]
    encoding = _decoding(info)
    try:
        frame = pd.read_csv(io.BytesIO(data), sep=delimiter, header=None, dtype=object,
                            na_filter=False, skip_blank_lines=False, encoding=encoding,
                            skiprows=info["skiprows"], engine="c", quoting=csv.QUOTE_MINIMAL)
    except (pd.errors.ParserError, UnicodeDecodeError, ValueError):
        return None
    if (len(frame) != lines or len(frame) < 2
            or _fields_per_line(data, ord(delimiter), info["skiprows"]) != {frame.shape[1]}):
        return None  # a field spanning lines, a short record or a blank line: the careful way
    cells = frame.to_numpy(dtype=object)
    header = [str(h).strip() for h in cells[0]]
    rows = np.arange(2, len(cells) + 1) + info["skiprows"]
    if len(cells) <= CHUNK and not _space_at_a_field_edge(data, delimiter):
        del data
        # A survey-sized file: the cells as they are, without coding each column (blank rows,
        # whose fields are all empty, are left out as the careful reader leaves them out).
        body = frame.iloc[1:].set_axis(header, axis=1)
        body.index = pd.Index(rows, name="row")
        blank = (cells[1:] == "").all(axis=1)
        return body[~blank] if blank.any() else body
    coded = code_cells(cells[1:])
    return assemble([combine([c]) for c in coded], header, rows)


def _decoding(info: dict) -> str:
    """The codec that reads the sniffed file: ``utf-8-sig`` drops a UTF-8 byte order mark."""
    return "utf-8-sig" if info["bom"] and info["encoding"] == "utf-8" else info["encoding"]


def _fields_per_line(data: bytes, sep: int, skiprows: int) -> set[int]:
    """The numbers of fields on the lines of a file whose quoted fields stay on one line.

    A delimiter counts where an even number of quotes precedes it on its line (a doubled
    quote inside a field toggles twice); read a few megabytes at a time.
    """
    counts: set[int] = set()
    start = 0
    for _ in range(skiprows):
        start = data.index(b"\n", start) + 1
    block = 1 << 22
    while start < len(data):
        end = data.find(b"\n", min(start + block, len(data)) - 1)
        end = len(data) if end < 0 else end + 1
        arr = np.frombuffer(data, np.uint8, count=end - start, offset=start)
        inside = np.cumsum(arr == 34, dtype=np.uint8) & 1
        seps = np.flatnonzero((arr == sep) & (inside == 0))
        newlines = np.flatnonzero(arr == 10)
        if len(newlines) == 0 or newlines[-1] != len(arr) - 1:
            newlines = np.append(newlines, len(arr))  # a last line without a newline
        per_line = np.diff(np.searchsorted(seps, newlines), prepend=0) + 1
        counts.update(np.unique(per_line).tolist())
        start = end
    return counts


def _space_at_a_field_edge(data: bytes, delimiter: str) -> bool:
    """Whether a space or tab touches a delimiter, a quote or a line end (a field of spaces
    only is blank to the careful reader; such a file is coded cell by cell)."""
    arr = np.frombuffer(data, np.uint8)
    pad = arr == 32
    if delimiter != "\t":
        pad |= arr == 9
    where = np.flatnonzero(pad)
    if not len(where):
        return False
    if where[0] == 0 or where[-1] == len(arr) - 1:
        return True
    edges = np.array([ord(delimiter), 10, 13, 34], np.uint8)
    return bool(np.isin(arr[where - 1], edges).any() or np.isin(arr[where + 1], edges).any())
