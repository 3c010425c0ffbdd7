"""Reading a workbook (``.xlsx``, ``.xlsm``, ``.ods``) in bounded memory.

A workbook is a zip of XML files, and its size on disk says little about what it holds: a few
kilobytes can declare a sheet of a million rows, or compress gigabytes of cells. So the sheet's
XML is first scanned as a stream, a megabyte at a time, for the cells that hold a value; the
extent they span (rows × columns) is checked against :data:`MAX_CELLS` before anything is
read, and so are merged cells and formulas whose result was never saved. Only then the sheet
is read by calamine (a reader in Rust that builds the used range only, never a declared one).

Examples
--------
>>> import pathlib, tempfile, openpyxl
>>> path = pathlib.Path(tempfile.mkdtemp()) / "answers.xlsx"
>>> book = openpyxl.Workbook()
>>> book.active.append(["respondent", "A1"]); book.active.append(["r1", 4])
>>> book.save(path)
>>> list(read_workbook(path, "answers.xlsx", None))
[(1, ['respondent', 'A1']), (2, ['r1', 4.0])]
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from xml.etree import ElementTree

from leadkit.errors import InputError
from leadkit.i18n import tr

__all__ = ["MAX_CELLS", "MAX_COLUMNS", "read_workbook", "column_letters"]

#: The most cells (rows × columns of the used range) a sheet may span: about 330,000
#: respondents of 30 items. A larger survey is read from CSV, which is streamed.
MAX_CELLS: int = 10_000_000
#: The most columns a table may have (Excel's own limit).
MAX_COLUMNS: int = 16_384
_MAX_XML = 1_000_000_000  # bytes of one sheet's XML once unpacked
_BLOCK = 1 << 20

_CELL = re.compile(rb'<c r="([A-Z]{1,3})([0-9]{1,7})"[^>]*?(/?)>')
_ANY_CELL = re.compile(rb"<c[\s>/]")
_UNSAVED = re.compile(rb'<c r="([A-Z]{1,3}[0-9]{1,7})"[^>]*>\s*<f[^>]*(?:/>|>[^<]*</f>)\s*'
                      rb"(?:</c>|<v\s*/>|<v>\s*</v>)")
_MERGED = re.compile(rb'<mergeCell ref="([A-Z]{1,3}([0-9]{1,7})(?::[A-Z]{1,3}([0-9]{1,7}))?)"')
_ODS_REPEAT = re.compile(rb'number-(rows|columns)-repeated="([0-9]+)"')
_ODS_CELL = re.compile(rb"<table:(?:covered-)?table-cell\b([^>]*?)(/?)>")


def column_letters(letters: str) -> int:
    """The 1-based number of a spreadsheet column (``"A"`` is 1, ``"XFD"`` 16,384).

    Parameters
    ----------
    letters : str
        The column's letters.

    Returns
    -------
    int
        Its number.

    Examples
    --------
    >>> column_letters("A"), column_letters("AA"), column_letters("XFD")
    (1, 27, 16384)
    """
    number = 0
    for ch in letters:
        number = number * 26 + ord(ch) - 64
    return number


def _refuse(name: str, problem: str, expected: str, row: int | None = None) -> InputError:
    return InputError(name, problem, row=row, expected=expected)


def _stream(book: zipfile.ZipFile, member: str, name: str) -> Iterator[bytes]:
    """The member's bytes a block at a time, each block ending at a tag boundary."""
    info = book.getinfo(member)
    if info.file_size > _MAX_XML:
        raise _refuse(name, tr("the sheet unpacks to {value:.0f} MB of XML").format(
                          value=info.file_size / 1e6),
                      tr("a workbook of at most {value:.0f} MB unpacked, or a CSV file").format(
                          value=_MAX_XML / 1e6))
    with book.open(member) as handle:
        tail = b""
        while block := handle.read(_BLOCK):
            block = tail + block
            cut = block.rfind(b"<")
            block, tail = (block[:cut], block[cut:]) if cut > 0 else (block, b"")
            yield block
        if tail:
            yield tail


def _sheet_members(book: zipfile.ZipFile, name: str) -> list[tuple[str, str, bool, bool]]:
    """(sheet name, XML member, visible, a worksheet) for each sheet of an .xlsx workbook."""
    ns = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
          "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
          "p": "http://schemas.openxmlformats.org/package/2006/relationships"}
    try:
        workbook = ElementTree.fromstring(book.read("xl/workbook.xml")[:5_000_000])
        rels = ElementTree.fromstring(book.read("xl/_rels/workbook.xml.rels")[:5_000_000])
    except (KeyError, ElementTree.ParseError):
        raise _refuse(name, tr("the file is not a readable Excel workbook"),
                      tr("an .xlsx file saved by Excel or LibreOffice, or a CSV file")) from None
    targets = {r.get("Id"): r.get("Target", "") for r in rels.findall("p:Relationship", ns)}
    out = []
    for sheet in workbook.iterfind("m:sheets/m:sheet", ns):
        target = targets.get(sheet.get(f"{{{ns['r']}}}id"), "")
        member = target.lstrip("/") if target.startswith("/") else posixpath.normpath(
            posixpath.join("xl", target))
        out.append((sheet.get("name", ""), member, sheet.get("state", "visible") == "visible",
                    "worksheets/" in member))
    return out


def _scan_xlsx(book: zipfile.ZipFile, member: str, name: str, sheet: str) -> tuple[int, int]:
    """The used extent (rows, columns) of a worksheet, with merged cells and unsaved formulas
    refused, from one streaming pass over its XML."""
    rows, letters, cells, tagged = 0, set(), 0, 0
    for block in _stream(book, member, name):
        for letter, number, empty in _CELL.findall(block):
            if not empty:
                letters.add(letter)
                rows = max(rows, int(number))
        tagged += block.count(b'<c r="')
        cells += len(_ANY_CELL.findall(block))
        if unsaved := _UNSAVED.search(block):
            cell = unsaved.group(1).decode()
            row = int(re.sub(r"[A-Z]", "", cell))
            raise _refuse(name, tr("sheet '{sheet}', cell {value}{n} holds a formula whose result "
                                   "was not saved").format(sheet=sheet, value=re.sub(
                                       r"[0-9]", "", cell), n=row),
                          tr("values: open the file in Excel or LibreOffice and save it, or "
                             "paste the cells as values"), row=row)
        for first, top, bottom in _MERGED.findall(block):
            if int(bottom or top) > 1:
                raise _refuse(name, tr("sheet '{sheet}': the cells {coord} are merged, so only "
                                       "the first of them holds a value").format(
                                           sheet=sheet, coord=first.decode()),
                              tr("one value in every cell: unmerge the cells and fill each one"),
                              row=int(top))
    columns = max((column_letters(x.decode()) for x in letters), default=0)
    if cells > tagged:  # cells without a reference: placed one after another
        columns = max(columns, min(MAX_COLUMNS, cells - tagged))
        rows = max(rows, 1)
    return rows, columns


def _scan_ods(book: zipfile.ZipFile, name: str) -> tuple[int, int]:
    """An upper bound of the used extent of an .ods workbook's sheets (rows, columns)."""
    rows = columns = 0
    for block in _stream(book, "content.xml", name):
        for part in block.split(b"<table:table-row")[1:]:
            repeat = _ODS_REPEAT.search(part.split(b">", 1)[0])
            width, filled = 0, False
            for attrs, empty in _ODS_CELL.findall(part):
                times = _ODS_REPEAT.search(attrs)
                width += int(times.group(2)) if times else 1
                if not empty or b"value" in attrs:
                    filled = True
                    columns = max(columns, width)
            if filled:
                rows += int(repeat.group(2)) if repeat else 1
    return rows, columns


def read_workbook(path: Path, name: str, sheet: str | int | None
                  ) -> Iterator[tuple[int, list]]:
    """The rows of one sheet as ``(row number, cells)``, read in bounded memory.

    Parameters
    ----------
    path : pathlib.Path
        An ``.xlsx``, ``.xlsm`` or ``.ods`` workbook.
    name : str
        The file name the errors refer to.
    sheet : str or int, optional
        The sheet's name, its 0-based position, or its 1-based position as text (``"2"``);
        default the first visible worksheet (never a chart sheet or a hidden one).

    Returns
    -------
    iterator of (int, list)
        The spreadsheet row number (1-based) and the row's cells (``""`` for an empty cell,
        ``TRUE``/``FALSE`` as text, numbers as numbers).

    Raises
    ------
    InputError
        An unreadable or damaged workbook, a sheet that does not exist or is a chart, a used
        range over :data:`MAX_CELLS` or :data:`MAX_COLUMNS`, merged cells in the data, or a
        formula whose result was never saved.
    """
    import python_calamine as calamine

    ods = path.suffix.lower() == ".ods"
    kind = tr("an .xlsx or .ods file saved by Excel or LibreOffice, or a CSV file")
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError):
        raise _refuse(name, tr("the file is not a readable Excel workbook"), kind) from None
    with archive:
        # calamine reads every sheet of an .ods when it opens it: its extent is checked first.
        extent = _scan_ods(archive, name) if ods else None
        if extent is not None and (extent[1] > MAX_COLUMNS or extent[0] * extent[1] > MAX_CELLS):
            _too_large(name, "content.xml", *extent)
        try:
            book = calamine.CalamineWorkbook.from_path(str(path))
        except Exception:  # a renamed CSV, a password-protected or damaged file
            raise _refuse(name, tr("the file is not a readable Excel workbook"), kind) from None
        meta = book.sheets_metadata
        names = [m.name for m in meta]
        sheets = [m.name for m in meta if "Chart" not in str(m.typ)]
        if sheet is None:
            shown = [m.name for m in meta if m.name in sheets and "Visible" in str(m.visible)
                     and "Hidden" not in str(m.visible)]
            if not (shown or sheets):
                raise _refuse(name, tr("the workbook has no worksheet"), kind)
            sheet = (shown or sheets)[0]
        elif isinstance(sheet, int):
            sheet = names[sheet] if 0 <= sheet < len(names) else str(sheet)
        elif sheet not in names and sheet.isdigit() and 1 <= int(sheet) <= len(names):
            sheet = names[int(sheet) - 1]  # "2" typed on a command line: the second sheet
        if sheet not in names:
            raise _refuse(name, tr("there is no sheet '{sheet}'").format(sheet=sheet),
                          tr("one of the sheets: ") + ", ".join(names))
        if sheet not in sheets:
            raise _refuse(name, tr("the sheet '{sheet}' is a chart, not a table").format(
                              sheet=sheet), tr("one of the sheets: ") + ", ".join(sheets))
        if extent is not None:
            rows, columns = extent
        else:
            member = {s: m for s, m, _, _ in _sheet_members(archive, name)}.get(sheet)
            if member is None or member not in archive.namelist():
                raise _refuse(name, tr("the file is not a readable Excel workbook"), kind)
            rows, columns = _scan_xlsx(archive, member, name, sheet)
    if columns > MAX_COLUMNS or rows * columns > MAX_CELLS:
        _too_large(name, sheet, rows, columns)
    try:
        data = book.get_sheet_by_name(sheet)
    except Exception:
        raise _refuse(name, tr("the file is not a readable Excel workbook"), kind) from None
    return _rows(data)


def _too_large(name: str, sheet: str, rows: int, columns: int) -> None:
    raise _refuse(name, tr("sheet '{sheet}' spans {rows:,} rows × {columns:,} columns, more "
                           "than the {cells:,} cells the kit reads from a workbook").format(
                               sheet=sheet, rows=rows, columns=columns, cells=MAX_CELLS),
                  tr("the answers only (delete empty rows and columns far below or beside "
                     "them), or the same table saved as CSV"))


def _rows(data) -> Iterator[tuple[int, list]]:  # noqa: ANN001 - a calamine sheet
    left = [""] * data.start[1] if data.start else []
    for n, rec in enumerate(data.iter_rows(), 1):
        # TRUE/FALSE stay text: as numbers they would pass for the answers 1 and 0.
        yield n, left + ["" if v is None else str(v).upper() if isinstance(v, bool) else v
                         for v in rec]
