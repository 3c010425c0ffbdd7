"""Reading a spreadsheet file into a raw table of cells, whatever program wrote it.

CSV files may use commas, semicolons (as Dutch Excel writes them) or tabs, may start with
Excel's ``sep=;`` hint line, and may be UTF-8 with or without BOM, UTF-16 or
Latin-1/Windows-1252; ``.xlsx`` and ``.xlsm`` workbooks are read too. The result keeps every
cell as it was written (text stays text, so a decimal comma such as ``3,5`` is left for the
caller to interpret) and is indexed by spreadsheet row number (header = row 1), so a problem
found later can name the row a user sees in Excel.

Examples
--------
>>> import pathlib, tempfile
>>> path = pathlib.Path(tempfile.mkdtemp()) / "answers.csv"
>>> _ = path.write_bytes("respondent;acmo01\\n\\nAnneke;3,5\\n".encode("cp1252"))
>>> read_table(path).to_dict("index")  # the empty line 2 is skipped, its number is not reused
{3: {'respondent': 'Anneke', 'acmo01': '3,5'}}
"""

from __future__ import annotations

import codecs
import csv
import io
import itertools
from collections.abc import Iterable, Iterator
from pathlib import Path

import numpy as np
import pandas as pd

from leadkit.errors import InputError
from leadkit.i18n import tr
from leadkit.survey.io import fastread
from leadkit.survey.io.coded_columns import Coded, assemble, code_rows, combine, is_blank
from leadkit.survey.io.fastread import CHUNK, fast_chunks, fast_table
from leadkit.survey.io.workbook import MAX_COLUMNS, read_workbook

__all__ = ["EXCEL_SUFFIXES", "TEXT_SUFFIXES", "MAX_FILE_BYTES", "is_blank", "read_table",
           "read_table_chunks", "text_head"]

#: File name endings read as Excel workbooks.
EXCEL_SUFFIXES: tuple[str, ...] = (".xlsx", ".xlsm", ".ods")
#: File name endings read as delimited text (a file without an ending is read as text too).
TEXT_SUFFIXES: tuple[str, ...] = (".csv", ".txt", ".tsv")
#: The largest survey file read (about 2.5 million respondents of 30 items as CSV).
MAX_FILE_BYTES: int = 250_000_000

Records = list[tuple[int, list]]  # (spreadsheet row number, cells) per line of the file


def _encoding(path: Path, name: str) -> tuple[str, int]:
    """The file's encoding and the bytes to skip (a BOM), found in one streaming pass.

    UTF-8 when every line decodes as UTF-8; Windows-1252 when no line does (Latin-1 for the
    few bytes cp1252 leaves undefined); an error naming the first bad line when some lines
    are UTF-8 with accents and others are not — decoding such a file either way would turn
    "Jürgen" into "JÃ¼rgen" on some lines and silently split one person in two.
    """
    with path.open("rb") as handle:
        start = handle.read(4)
        if start.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            return "utf-16", 0
        skip = 3 if start.startswith(codecs.BOM_UTF8) else 0
        if path.stat().st_size < 1 << 24:  # a small file: UTF-8 throughout in one call
            handle.seek(skip)
            try:
                handle.read().decode("utf-8")
                return "utf-8", skip
            except UnicodeDecodeError:
                pass
        handle.seek(skip)
        utf8_line = bad_line = None
        fits_cp1252 = True
        for number, line in enumerate(handle, start=1):
            if line.isascii():
                continue
            try:
                line.decode("utf-8")
                utf8_line = utf8_line or number
            except UnicodeDecodeError:
                bad_line = bad_line or number
                if fits_cp1252:
                    try:
                        line.decode("cp1252")
                    except UnicodeDecodeError:
                        fits_cp1252 = False
            if utf8_line and bad_line:
                raise InputError(name, tr("line {bad_line} is not UTF-8 text, while line "
                                          "{utf8_line} is: the file mixes two encodings").format(
                                           bad_line=bad_line, utf8_line=utf8_line), row=bad_line,
                    expected=tr("one encoding throughout: save the file again as 'CSV UTF-8'"))
    if bad_line is None:
        return "utf-8", skip
    return ("cp1252" if fits_cp1252 else "latin-1"), skip


def _lines(path: Path, encoding: str, skip: int) -> Iterator[str]:
    """The decoded lines of a text file, one at a time (never the whole file in memory)."""
    if encoding == "utf-16":  # rare; small files only in practice
        yield from io.StringIO(path.read_bytes().decode("utf-16"), newline="")
        return
    with path.open("rb") as handle:
        handle.seek(skip)
        for line in handle:
            yield line.decode(encoding)


def _read_text(path: Path, name: str) -> tuple[Iterator[tuple[int, list]], str, dict]:
    encoding, skip = _encoding(path, name)
    lines = _lines(path, encoding, skip)
    head = next(lines, "")
    delimiter = None
    hint = head.strip().lower().startswith("sep=") and len(head.strip()) == 5
    if hint:
        # Excel's hint line ("sep=;"): Excel obeys and hides it, so the header is row 1.
        delimiter, head = head.strip()[4], next(lines, "")
    pending = [head]
    while not pending[-1].strip():  # the delimiter is read off the first non-empty line
        following = next(lines, None)
        if following is None:
            break
        pending.append(following)
    if delimiter is None:
        counts = {d: pending[-1].count(d) for d in (";", ",", "\t")}
        delimiter = max(counts, key=lambda d: counts[d]) if any(counts.values()) else ","
    if pending[-1].count(delimiter) >= MAX_COLUMNS:
        raise InputError(name, tr("the header has more than {value:,} columns").format(
                                   value=MAX_COLUMNS), row=len(pending) + int(hint),
                         expected=tr("one column per item and a few more (respondent, team …)"))
    reader = csv.reader(itertools.chain(pending, lines), delimiter=delimiter)

    def records() -> Iterator[tuple[int, list]]:
        # Each record by the line an editor shows it on: a quoted field may span lines (a
        # question text in an export), so records and lines differ after it.
        line = int(hint)
        try:
            for record in reader:
                yield line + 1, record
                line = reader.line_num + int(hint)
        except csv.Error as err:
            raise InputError(name, tr("the file cannot be read as CSV: {err}").format(err=err),
                             row=line + 1) from None

    info = {"encoding": encoding, "bom": skip > 0, "skiprows": int(hint),
            "header_first": len(pending) == 1}
    return records(), delimiter, info


def text_head(path: Path, rows: int = 3) -> pd.DataFrame | None:
    """The header and first rows of a text file, to recognise its layout without reading it.

    Parameters
    ----------
    path : pathlib.Path
        The file.
    rows : int, default 3
        How many records under the header.

    Returns
    -------
    pandas.DataFrame or None
        The header as columns and the first rows as text, indexed by line; None for a file
        that is missing, too large, empty or not readable as text.

    Examples
    --------
    >>> import leadkit as lk
    >>> text_head(lk.dataset_path("agile-cmo-class")).columns[0]
    'respondent'
    """
    if not path.is_file() or path.stat().st_size > MAX_FILE_BYTES:
        return None
    with path.open("rb") as handle:
        start = handle.read(1 << 16)
    if start.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = start[: len(start) // 2 * 2].decode("utf-16", "replace")
    else:
        text = start.decode("utf-8-sig", "replace")
    lines = text.splitlines(keepends=True)[:-1] or [text]  # the last may be cut off
    head = lines[0].strip()
    if head.lower().startswith("sep=") and len(head) == 5:
        delimiter, lines = head[4], lines[1:]
    else:
        counts = {d: lines[0].count(d) for d in (";", ",", "\t")}
        delimiter = max(counts, key=lambda d: counts[d]) if any(counts.values()) else ","
    try:
        reader = csv.reader(lines, delimiter=delimiter)
        first = [(n, r) for n, r in enumerate(itertools.islice(reader, rows + 50), 1)
                 if not _blank_record(r)]
    except csv.Error:
        return None
    if not first:
        return None
    width = len(first[0][1])
    body = [list(rec[:width]) + [""] * (width - len(rec)) for _, rec in first[1:rows + 1]]
    return pd.DataFrame(body, columns=[str(h).strip() for h in first[0][1]],
                        index=pd.Index([n for n, _ in first[1:rows + 1]], name="row"))


def read_table_chunks(path: str | Path) -> Iterator[pd.DataFrame] | None:
    """A large, regular text file as raw tables of a few thousand rows each, or None.

    For checking a file far larger than memory allows to hold at once: each table is what
    :func:`read_table` would give for those rows. None when the file is small, a workbook,
    or not regular enough for the fast reader (then read it with :func:`read_table`, which
    names every row that does not fit).

    Parameters
    ----------
    path : str or path-like
        The file.

    Returns
    -------
    iterator of pandas.DataFrame or None
        Raw tables as :func:`read_table` gives them, read lazily; None for a small file, a
        workbook, a file that is too large or missing, or one the fast reader cannot take.

    Examples
    --------
    >>> import leadkit as lk
    >>> read_table_chunks(lk.dataset_path("agile-cmo-class")) is None  # small: read it whole
    True
    """
    path = Path(path)
    if (path.suffix.lower() not in TEXT_SUFFIXES and path.suffix) or not path.is_file() or (
            path.stat().st_size <= fastread.FAST_FROM or path.stat().st_size > MAX_FILE_BYTES):
        return None
    records, delimiter, info = _read_text(path, path.name)
    records.close()  # type: ignore[attr-defined]
    chunks = fast_chunks(path, delimiter, info)
    if chunks is None:
        return None
    return (assemble([combine([c]) for c in coded], header, rows)
            for header, coded, rows in chunks)




def _blank_record(rec: list) -> bool:
    return all((not v.strip()) if isinstance(v, str) else is_blank(v) for v in rec)


def _frame(records: Iterable[tuple[int, list]], name: str, delimiter: str | None,
           errors: list[InputError]) -> pd.DataFrame:
    """Header + rows as a DataFrame of categorical cells indexed by spreadsheet row number.

    Cells stay as written (text stays text); each column is stored once per distinct cell
    value plus a small code per row, so even a large file takes little memory. Rows are read
    one at a time and converted in chunks.
    """
    rows = (r for r in records if not _blank_record(r[1]))
    first = next(rows, None)
    if first is None:
        raise InputError(name, tr("the file is empty"),
                         expected=tr("a header row and one row per respondent"))
    header_row, header = first
    header = [str(h).strip() for h in header]
    width = len(header)
    if width == 1 and delimiter is not None and header[0].lower() != "respondent":
        raise InputError(
            name, tr("the header has only one column: '{value}'").format(value=header[0][:60]),
            row=header_row,
            expected=tr("columns separated by commas or semicolons"))
    parts: list[list[Coded]] = []
    chunk: list[list] = []
    numbers: list[int] = []
    for n, rec in rows:
        if len(rec) != width:
            problem = _misfit(rec, width, delimiter, name, n)
            if problem is not None:
                errors.append(problem)
                continue
            rec = list(rec[:width]) + [""] * (width - len(rec))
        chunk.append(rec)
        numbers.append(n)
        if len(chunk) == CHUNK:
            parts.append(code_rows(chunk, width))
            chunk = []
    if chunk or not parts:
        parts.append(code_rows(chunk, width))
    if not numbers:
        if errors:  # every row was refused: the problems say why
            return pd.DataFrame(columns=header, index=pd.Index([], name="row"))
        raise InputError(name, tr("the file has a header but no data rows"),
                         expected=tr("one row per respondent under the header"))
    columns = [combine([p[c] for p in parts]) for c in range(width)]
    return assemble(columns, header, np.asarray(numbers, dtype=np.int64))


def _misfit(rec: list, width: int, delimiter: str | None, name: str,
            n: int) -> InputError | None:
    """The problem of a row whose number of fields differs from the header's (or None)."""
    if len(rec) == 1 and delimiter is not None:
        return InputError(
            name, tr("the row has 1 value where the header has {width} columns").format(
                      width=width),
            row=n, expected=tr("values separated by '{delimiter}', like the header").format(
                                delimiter=delimiter))
    if any(not is_blank(v) for v in rec[width:]):
        return InputError(
            name, tr("the row has {n} values where the header has {width} columns").format(
                      n=len(rec), width=width), row=n,
            expected=tr("one value per column; a decimal comma (3,5) in a comma-separated file "
                        "splits a value in two"))
    if len(rec) < width and delimiter is not None:
        # Fields shifted one column left, or a line cut off: refused, never padded.
        return InputError(
            name, tr("the row has {n} values where the header has {width} columns").format(
                      n=len(rec), width=width), row=n,
                      expected=tr("one value per column, separated by "
                                                           "'{delimiter}' (an empty answer is "
                                                           "an empty field); a row cut off at "
                                                           "the end of the file is "
                                                           "incomplete").format(
                                                            delimiter=delimiter))
    return None  # a workbook row shorter than the header, or empty cells past its end


def read_table(path: str | Path, *, sheet: str | int | None = None,
               problems: list[InputError] | None = None) -> pd.DataFrame:
    """Read a ``.csv``/``.txt``/``.tsv``/``.xlsx``/``.xlsm`` file into a table of raw cells.

    Parameters
    ----------
    path : str or Path
        The file. One without an ending is read as delimited text.
    sheet : str or int, optional
        The worksheet of a workbook: its name, its 0-based position, or its 1-based position
        as text (``"2"``, as typed on a command line). Default: the first.
    problems : list of InputError, optional
        Rows that do not fit the header (too many values, or everything in one cell) are left
        out of the table and their problems appended here. Without a list, the first such
        problem is raised.

    Returns
    -------
    DataFrame
        One column per header cell (names stripped of spaces), object dtype, cells as written;
        the index ``row`` holds spreadsheet row numbers. Completely empty lines are skipped.

    Raises
    ------
    InputError
        When the file is missing, of an unknown kind, unreadable, empty, has no data rows,
        or its header is one single column that is not ``respondent`` (a wrong delimiter).

    Examples
    --------
    >>> import pathlib, tempfile
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "answers.csv"
    >>> _ = path.write_text("respondent,acmo01\\nAnneke,3,5\\n", encoding="utf-8")
    >>> read_table(path)
    Traceback (most recent call last):
    ...
    leadkit.errors.InputError: answers.csv, row 2: the row has 3 values where the header has 2 \
columns (expected one value per column; a decimal comma (3,5) in a comma-separated file splits a \
value in two)
    """
    path = Path(path)
    name = path.name
    found: list[InputError] = [] if problems is None else problems
    if not path.exists():
        raise InputError(name, tr("the file does not exist"),
                         expected=tr("a file at {path}").format(path=path))
    if not path.is_file():  # a folder, a pipe or a device: never opened, so nothing hangs
        raise InputError(name, tr("this is not a regular file"),
                         expected=tr("a .csv, .txt or .xlsx file"))
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise InputError(name, tr("the file is {value:.0f} MB, more than the {value2:.0f} MB "
                                  "the kit reads").format(
                                   value=size / 1000000.0, value2=MAX_FILE_BYTES / 1000000.0),
                         expected=tr("a smaller file: split it, for example per wave"))
    suffix = path.suffix.lower()
    n_before = len(found)
    if suffix in EXCEL_SUFFIXES:
        table = _frame(read_workbook(path, name, sheet), name, None, found)
    elif suffix in TEXT_SUFFIXES or not suffix:
        records, delimiter, info = _read_text(path, name)
        fast = fast_table(path, delimiter, info)
        if fast is not None and not fast.empty:
            records.close()  # type: ignore[attr-defined]
            table = fast
        else:
            table = _frame(records, name, delimiter, found)
    else:
        raise InputError(name, tr("cannot read '{suffix}' files").format(suffix=suffix),
                         expected=tr("a .csv, .txt or .xlsx file"))
    if problems is None and len(found) > n_before:
        raise found[n_before]
    return table
