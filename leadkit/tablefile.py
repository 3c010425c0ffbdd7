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
from pathlib import Path

import pandas as pd

from leadkit.errors import InputError
from leadkit.i18n import tr

__all__ = ["EXCEL_SUFFIXES", "TEXT_SUFFIXES", "MAX_FILE_BYTES", "is_blank", "read_table"]

#: File name endings read as Excel workbooks.
EXCEL_SUFFIXES: tuple[str, ...] = (".xlsx", ".xlsm")
#: File name endings read as delimited text (a file without an ending is read as text too).
TEXT_SUFFIXES: tuple[str, ...] = (".csv", ".txt", ".tsv")
#: The largest survey file read (about 2.5 million respondents of 30 items as CSV).
MAX_FILE_BYTES: int = 250_000_000

Records = list[tuple[int, list]]  # (spreadsheet row number, cells) per line of the file


def _t(en: str, nl: str) -> str:
    return tr({"en": en, "nl": nl})


def is_blank(value: object) -> bool:
    """Whether a cell is empty: blank text, None, NaN, NaT or pandas' NA.

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


def _mixed_encoding(body: bytes, name: str) -> InputError | None:
    """An error when some lines are UTF-8 with accents and others are not UTF-8 at all.

    Decoding such a file as Windows-1252 throughout would turn "Jürgen" into "JÃ¼rgen" on the
    UTF-8 lines and silently split one person in two.
    """
    utf8_line = bad_line = None
    for number, line in enumerate(body.split(b"\n"), start=1):
        if line.isascii():
            continue
        try:
            line.decode("utf-8")
            utf8_line = utf8_line or number
        except UnicodeDecodeError:
            bad_line = bad_line or number
        if utf8_line and bad_line:
            return InputError(name, _t(
                f"line {bad_line} is not UTF-8 text, while line {utf8_line} is: the file mixes "
                "two encodings", f"regel {bad_line} is geen UTF-8-tekst en regel {utf8_line} "
                "wel: het bestand mengt twee tekencoderingen"), row=bad_line, expected=_t(
                "one encoding throughout: save the file again as 'CSV UTF-8'",
                "één codering in het hele bestand: sla het opnieuw op als 'CSV UTF-8'"))
    return None


def _decode(data: bytes, name: str = "") -> tuple[str, str]:
    """Text and encoding name; UTF-8 first, then what Windows Excel writes."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16"), "utf-16"
    body = data[3:] if data.startswith(codecs.BOM_UTF8) else data
    try:
        return body.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    mixed = _mixed_encoding(body, name)
    if mixed is not None:
        raise mixed
    for encoding in ("cp1252", "latin-1"):
        try:
            return body.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    raise AssertionError("latin-1 decodes every byte")  # pragma: no cover


def _read_text(path: Path, name: str) -> tuple[Records, str]:
    text, _ = _decode(path.read_bytes(), name)
    head, _, rest = text.partition("\n")
    delimiter = None
    if head.strip().lower().startswith("sep=") and len(head.strip()) == 5:
        # Excel's hint line ("sep=;"): Excel obeys and hides it, so the header is row 1.
        delimiter, text = head.strip()[4], rest
    first = next((ln for ln in text.splitlines() if ln.strip()), "")
    if delimiter is None:
        counts = {d: first.count(d) for d in (";", ",", "\t")}
        delimiter = max(counts, key=lambda d: counts[d]) if any(counts.values()) else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        records = [(n, rec) for n, rec in enumerate(reader, start=1)]
    except csv.Error as err:
        raise InputError(name, _t(f"the file cannot be read as CSV: {err}",
                                  f"het bestand is geen leesbare CSV: {err}")) from None
    return records, delimiter


def _read_excel(path: Path, name: str, sheet: str | int | None) -> Records:
    import openpyxl  # only needed for workbooks

    try:
        book = openpyxl.load_workbook(path, data_only=True)
    except Exception:  # a renamed CSV, a password-protected or damaged file
        raise InputError(
            name, _t("the file is not a readable Excel workbook",
                     "het bestand is geen leesbaar Excel-werkboek"),
            expected=_t("an .xlsx file saved by Excel or LibreOffice, or a CSV file",
                        "een .xlsx-bestand uit Excel of LibreOffice, of een CSV-bestand"),
        ) from None
    names = book.sheetnames
    visible = [n for n in names if book[n].sheet_state == "visible"]
    if sheet is None:
        # The first sheet a person sees in Excel, never a hidden helper sheet before it.
        sheet = visible[0] if visible else names[0]
    elif isinstance(sheet, int):
        sheet = names[sheet] if 0 <= sheet < len(names) else str(sheet)
    elif sheet not in names and sheet.isdigit() and 1 <= int(sheet) <= len(names):
        sheet = names[int(sheet) - 1]  # "2" typed on a command line: the second sheet
    if sheet not in names:
        raise InputError(name, _t(f"there is no sheet '{sheet}'", f"er is geen blad '{sheet}'"),
                         expected=_t("one of the sheets: ", "een van de bladen: ")
                         + ", ".join(names))
    ws = book[sheet]
    for merged in ws.merged_cells.ranges:
        if merged.max_row > 1 or merged.min_row > 1:  # a merged title above the header is rare
            raise InputError(name, _t(
                f"sheet '{sheet}': the cells {merged.coord} are merged, so only the first of "
                "them holds a value", f"blad '{sheet}': de cellen {merged.coord} zijn "
                "samengevoegd, dus alleen de eerste heeft een waarde"), row=merged.min_row,
                expected=_t("one value in every cell: unmerge the cells and fill each one",
                            "een waarde in elke cel: hef het samenvoegen op en vul elke cel"))
    rows = ws.iter_rows(min_row=1, values_only=True)
    records = [(n, ["" if v is None else v for v in rec]) for n, rec in enumerate(rows, 1)]
    book.close()
    _refuse_unsaved_formulas(path, name, sheet, records)
    return records


def _refuse_unsaved_formulas(path: Path, name: str, sheet: str, records: Records) -> None:
    """A formula whose result was never saved reads as an empty cell: refuse it, by cell."""
    import openpyxl
    from openpyxl.utils import get_column_letter

    book = openpyxl.load_workbook(path, read_only=True, data_only=False)
    try:
        values = dict(records)
        for n, rec in enumerate(book[sheet].iter_rows(min_row=1), 1):
            for c, cell in enumerate(rec):
                if getattr(cell, "data_type", None) != "f":
                    continue
                row = values.get(n, [])
                if c >= len(row) or row[c] == "":
                    raise InputError(name, _t(
                        f"sheet '{sheet}', cell {get_column_letter(c + 1)}{n} holds a formula "
                        "whose result was not saved", f"blad '{sheet}', cel "
                        f"{get_column_letter(c + 1)}{n} bevat een formule waarvan de uitkomst "
                        "niet is opgeslagen"), row=n, expected=_t(
                        "values: open the file in Excel or LibreOffice and save it, or paste "
                        "the cells as values", "waarden: open het bestand in Excel of "
                        "LibreOffice en sla het op, of plak de cellen als waarden"))
    finally:
        book.close()


def _frame(records: Records, name: str, delimiter: str | None,
           errors: list[InputError]) -> pd.DataFrame:
    """Header + rows as an object DataFrame indexed by spreadsheet row number."""
    records = [(n, r) for n, r in records if not all(is_blank(v) for v in r)]
    if not records:
        raise InputError(name, _t("the file is empty", "het bestand is leeg"),
                         expected=_t("a header row and one row per respondent",
                                     "een kopregel en één rij per respondent"))
    (header_row, header), rows = records[0], records[1:]
    header = [str(h).strip() for h in header]
    width = len(header)
    if width == 1 and delimiter is not None and header[0].lower() != "respondent":
        raise InputError(
            name, _t(f"the header has only one column: '{header[0][:60]}'",
                     f"de kopregel heeft maar één kolom: '{header[0][:60]}'"), row=header_row,
            expected=_t("columns separated by commas or semicolons",
                        "kolommen gescheiden door komma's of puntkomma's"))
    if not rows:
        raise InputError(name, _t("the file has a header but no data rows",
                                  "het bestand heeft een kopregel maar geen gegevens"),
                         expected=_t("one row per respondent under the header",
                                     "één rij per respondent onder de kopregel"))
    kept, numbers = [], []
    for n, rec in rows:
        rec = list(rec)
        extra = rec[width:]
        if len(rec) < width and len(rec) == 1 and delimiter is not None:
            errors.append(InputError(
                name, _t(f"the row has 1 value where the header has {width} columns",
                         f"de rij heeft 1 waarde terwijl de kopregel {width} kolommen heeft"),
                row=n, expected=_t(f"values separated by '{delimiter}', like the header",
                                   f"waarden gescheiden door '{delimiter}', zoals de kopregel")))
            continue
        if any(not is_blank(v) for v in extra):
            errors.append(InputError(
                name, _t(f"the row has {len(rec)} values where the header has {width} columns",
                         f"de rij heeft {len(rec)} waarden terwijl de kopregel {width} "
                         "kolommen heeft"), row=n,
                expected=_t("one value per column; a decimal comma (3,5) in a comma-separated "
                            "file splits a value in two", "één waarde per kolom; een decimale "
                            "komma (3,5) in een bestand met komma's splitst een waarde in tweeën")
            ))
            continue
        if len(rec) < width and delimiter is not None:
            # Fields shifted one column left, or a line cut off: refused, never padded.
            errors.append(InputError(
                name, _t(f"the row has {len(rec)} values where the header has {width} columns",
                         f"de rij heeft {len(rec)} waarden terwijl de kopregel {width} "
                         "kolommen heeft"), row=n, expected=_t(
                    f"one value per column, separated by '{delimiter}' (an empty answer is "
                    "an empty field); a row cut off at the end of the file is incomplete",
                    f"één waarde per kolom, gescheiden door '{delimiter}' (een leeg antwoord "
                    "is een leeg veld); een afgebroken laatste regel is onvolledig")))
            continue
        kept.append(rec[:width] + [""] * (width - len(rec)))
        numbers.append(n)
    frame = pd.DataFrame(kept, columns=header, dtype=object)
    frame.index = pd.Index(numbers, name="row")
    return frame


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
        raise InputError(name, _t("the file does not exist", "het bestand bestaat niet"),
                         expected=_t(f"a file at {path}", f"een bestand op {path}"))
    if not path.is_file():  # a folder, a pipe or a device: never opened, so nothing hangs
        raise InputError(name, _t("this is not a regular file", "dit is geen gewoon bestand"),
                         expected=_t("a .csv, .txt or .xlsx file", "een .csv-, .txt- of "
                                     ".xlsx-bestand"))
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise InputError(name, _t(f"the file is {size / 1e6:.0f} MB, more than the "
                                  f"{MAX_FILE_BYTES / 1e6:.0f} MB the kit reads",
                                  f"het bestand is {size / 1e6:.0f} MB, meer dan de "
                                  f"{MAX_FILE_BYTES / 1e6:.0f} MB die de kit leest"),
                         expected=_t("a smaller file: split it, for example per wave",
                                     "een kleiner bestand: splits het, bijvoorbeeld per meting"))
    suffix = path.suffix.lower()
    n_before = len(found)
    if suffix in EXCEL_SUFFIXES:
        table = _frame(_read_excel(path, name, sheet), name, None, found)
    elif suffix in TEXT_SUFFIXES or not suffix:
        records, delimiter = _read_text(path, name)
        table = _frame(records, name, delimiter, found)
    else:
        raise InputError(name, _t(f"cannot read '{suffix}' files",
                                  f"'{suffix}'-bestanden kan de kit niet lezen"),
                         expected=_t("a .csv, .txt or .xlsx file",
                                     "een .csv-, .txt- of .xlsx-bestand"))
    if problems is None and len(found) > n_before:
        raise found[n_before]
    return table
