"""Survey exports read as they come: :func:`read_survey`.

Whatever wrote the file — Qualtrics, Google Forms, Microsoft Forms, LimeSurvey, SPSS, Stata, a
spreadsheet — the result is the kit's wide response table: ``respondent`` and one numeric
column per item of the instrument, checked cell by cell like :func:`~leadkit.survey.io.
responses.read_responses` checks the kit's own layout, with every message naming the line
of the original file. The tool's own columns (dates, IP addresses, other questions) are set
aside, named in ``attrs["metadata_columns"]``.

Examples
--------
>>> import pathlib, tempfile
>>> from leadkit.content.instrument import Instrument
>>> ins = Instrument.from_keys({"agree": ["-A1", "A2"]}, (1, 6), texts={
...     "A1": "Am indifferent to the feelings of others.", "A2": "Inquire about others."})
>>> path = pathlib.Path(tempfile.mkdtemp()) / "form.csv"
>>> _ = path.write_text('Timestamp,"Rate [Am indifferent to the feelings of others.]",'
...                     '"Rate [Inquire about others.]"\\n2024/05/01 10:15,2,5\\n'
...                     '2024/05/01 10:17,,4\\n')
>>> table = read_survey(path, ins)
>>> table.to_dict("index"), table.attrs["layout"]
({2: {'respondent': '1', 'A1': 2.0, 'A2': 5.0}, 3: {'respondent': '2', 'A1': nan, 'A2': 4.0}}, \
'google-forms')
"""

from __future__ import annotations

import difflib
import warnings
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

import numpy as np
import pandas as pd

from leadkit.content.frameworks import load_instrument
from leadkit.content.instrument import Instrument
from leadkit.errors import InputError
from leadkit.i18n import ngettext, tr
from leadkit.survey.io.layouts import LAYOUT_NAMES, Layout, detect, match_items, rename
from leadkit.survey.io.problems import Problems
from leadkit.survey.io.response_checks import fingerprint
from leadkit.survey.io.responses import load_checked, warn_empty
from leadkit.survey.io.statfiles import STAT_SUFFIXES, read_statfile
from leadkit.survey.io.table_check import METADATA, check_table, short
from leadkit.survey.io.tablefile import EXCEL_SUFFIXES, read_table, text_head

__all__ = ["read_survey", "load_survey", "Columns"]

Columns = Mapping[str, str] | Callable[[str], str] | None


def load_survey(source: str | Path | pd.DataFrame, instrument: Instrument | str | Path, *,
                columns: Columns = None, respondent: str | None = None,
                sheet: str | int | None = None, ignore: Sequence[str] = (),
                keep_answers: bool = True
                ) -> tuple[pd.DataFrame | None, Problems, str, list[str]]:
    """Read and check an export, collecting every problem instead of raising the first.

    Parameters are those of :func:`read_survey`.

    Parameters
    ----------
    source : str, path-like or pandas.DataFrame
        The export, or a table already in memory.
    instrument : Instrument, str or path-like
        The instrument, a kit framework's id or the path of a keys or framework file.
    columns : mapping or callable, optional
        File column to item id (or a function of the column name).
    respondent : str, optional
        The column holding the respondent id.
    sheet : str or int, optional
        The sheet of a workbook.
    ignore : sequence of str, default ()
        Columns of a plain table to leave out of the check.
    keep_answers : bool, default True
        ``False`` only checks (a large plain file a chunk at a time) and keeps no answers.

    Returns
    -------
    tuple
        The checked table (None when there are problems), the problems, the file's name and
        the notes to show (unfinished responses, user-defined missing values).
    """
    ins = load_instrument(instrument)
    errors, notes = Problems(), []
    name = (str(source.attrs.get("source", "<DataFrame>")) if isinstance(source, pd.DataFrame)
            else Path(source).name)
    suffix = "" if isinstance(source, pd.DataFrame) else Path(source).suffix.lower()
    try:
        if suffix in STAT_SUFFIXES:
            raw, missing = read_statfile(Path(source), name)
            if missing:
                notes.append(ngettext(
                    "{name}: {n} answer held a user-defined missing value (such as -99) and "
                    "is read as missing",
                    "{name}: {n} answers held a user-defined missing value (such as -99) and "
                    "are read as missing", missing).format(name=name, n=missing))
        elif isinstance(source, pd.DataFrame):
            raw = source
        else:
            head = text_head(Path(source)) if suffix not in EXCEL_SUFFIXES else None
            if head is not None and columns is None and respondent is None and (
                    detect(head, suffix).kind == "table"):
                table, found, name = load_checked(source, ins, sheet, ignore, keep_answers)
                if table is not None:
                    table.attrs["layout"] = "table"
                return table, Problems(found), name, notes  # the kit's own layout, as today
            raw = read_table(source, sheet=sheet, problems=errors)
    except InputError as err:
        return None, Problems([err]), name, notes
    layout = detect(raw, suffix)
    if layout.kind == "table" and columns is None and respondent is None:
        raw.attrs["source"] = name
        table, found, name = load_checked(raw, ins, sheet, ignore, keep_answers)
        if table is not None:
            table.attrs["layout"] = "table"
        return table, Problems(found), name, notes
    frame = _reshape(raw, layout, ins, name, columns, respondent, errors, notes)
    if frame is None:
        return None, errors, name, notes
    table = check_table(frame, ins, name, ignore, errors, keep_answers)
    table.attrs.update(source=name, framework=ins.id, layout=layout.kind,
                       metadata_columns=frame.attrs["metadata_columns"])
    if not errors and keep_answers:
        table.attrs["checked"] = fingerprint(table)
    return (None if errors else table), errors, name, notes


def _reshape(raw: pd.DataFrame, layout: Layout, ins: Instrument, name: str, columns: Columns,
             respondent: str | None, errors: Problems, notes: list[str]) -> pd.DataFrame | None:
    """The export as a raw table in the kit's layout: respondent, metadata, the items."""
    raw = raw.drop(index=layout.header_rows)
    raw.columns = [str(c).strip() for c in raw.columns]
    renamed = rename(raw.columns, columns)
    texts = {renamed.get(c, c): t for c, t in layout.texts.items()}
    raw = raw.rename(columns=renamed)
    who = renamed.get(layout.respondent or "", layout.respondent)
    if respondent is not None:
        if respondent not in raw.columns:
            near = difflib.get_close_matches(respondent, list(raw.columns), n=3, cutoff=0.4)
            errors.append(InputError(name, tr("there is no column '{value}' for the respondent "
                                              "id").format(value=short(respondent)), row=1,
                                     expected=tr("one of the columns{near}").format(
                                         near=": " + ", ".join(near) if near else "")))
            return None
        who = respondent
    tool = LAYOUT_NAMES[layout.kind]
    matched = match_items(raw.columns, texts, ins) if layout.kind != "table" else {
        c: c for c in raw.columns}
    if layout.kind != "table":
        lost = [item for item in ins.item_ids if item not in matched.values()]
        if lost:
            errors.append(_not_found(name, tool, lost, ins, raw.columns, texts, matched))
            return None
    parts: dict[str, object] = {}
    if who is not None:
        parts["respondent"] = raw[who].to_numpy()
    elif layout.kind != "table":  # no id in the export: numbered in file order
        parts["respondent"] = np.array([str(n) for n in range(1, len(raw) + 1)], dtype=object)
    for col in raw.columns:
        if col != who and col.casefold() in METADATA and col.casefold() != "respondent":
            parts[col.casefold()] = raw[col].to_numpy()
    for col, item in matched.items():
        if col != who and col.casefold() not in METADATA:
            parts[item] = raw[col].to_numpy()
    frame = pd.DataFrame(parts, index=raw.index, copy=False)
    # The tool's own columns (dates, IP address, other questions): kept aside and named.
    frame.attrs["metadata_columns"] = [c for c in raw.columns if c != who and c not in matched
                                       and c.casefold() not in METADATA]
    if layout.finished is not None and layout.finished in raw.columns:
        codes, values = pd.factorize(raw[layout.finished].to_numpy(dtype=object))
        unfinished = [str(v).strip().casefold() in ("0", "false", "0.0") for v in values]
        open_ = int(np.isin(codes, np.flatnonzero(unfinished)).sum())
        if open_:
            notes.append(ngettext(
                "{name}: {n} response is unfinished (Finished = False); it is kept and scored "
                "from the answers given", "{name}: {n} responses are unfinished (Finished = "
                "False); they are kept and scored from the answers given", open_).format(
                    name=name, n=open_))
    return frame


def _not_found(name: str, tool: str, lost: list[str], ins: Instrument, columns: Sequence[str],
               texts: Mapping[str, str], matched: Mapping[str, str]) -> InputError:
    """The items of a recognised export that no column matches, with the nearest headers."""
    free = [c for c in columns if c not in matched]
    near: list[str] = []
    for item in lost[:3]:
        wanted = ins.items[ins.item_ids.index(item)].text()
        pool = {texts.get(c, c) or c: c for c in free}
        for hit in difflib.get_close_matches(wanted, list(pool), n=1, cutoff=0.3):
            near.append(f"{item} ~ '{short(pool[hit], 50)}'")
    shown = ", ".join(lost[:8]) + (" …" if len(lost) > 8 else "")
    return InputError(
        name, ngettext("{tool} export: {n} item of the instrument is not among its columns: "
                       "{items}", "{tool} export: {n} items of the instrument are not among its "
                       "columns: {items}", len(lost)).format(tool=tool, n=len(lost), items=shown),
        row=1, expected=tr("columns named as the items, the items' statements in the header "
                           "(texts= or items: in the keys file), or columns= to name them; "
                           "nearest headers: {near}").format(
                               near="; ".join(near) if near else tr("none")))


def read_survey(path: str | Path | pd.DataFrame, instrument: Instrument | str | Path, *,
                columns: Columns = None, respondent: str | None = None,
                sheet: str | int | None = None) -> pd.DataFrame:
    """Read a survey export as the tool wrote it into the kit's wide response table.

    The layout is recognised: Qualtrics CSV/TSV (three header rows; ``ResponseId`` is the
    respondent; unfinished responses kept with a warning that counts them; choice text read
    through the instrument's ``labels``), Google Forms CSV and Microsoft Forms XLSX (grid
    columns ``Question [statement]`` matched to the instrument's statements; without an id
    column respondents are numbered in file order), LimeSurvey CSV (``CODE[SQ001]``),
    SPSS ``.sav``/``.zsav``/``.por`` and Stata ``.dta`` (variable names as item ids;
    user-defined missing values such as −99 read as missing, with a warning that counts
    them), ``.ods``, and plain CSV/XLSX in the kit's own layout.

    Parameters
    ----------
    path : str, path-like or pandas.DataFrame
        The export (or a table already in memory).
    instrument : Instrument, str or path-like
        The instrument (:meth:`~leadkit.content.instrument.Instrument.from_keys`), the path
        of a keys file, or a kit framework.
    columns : mapping or callable, optional
        Renames file columns to item ids before anything else, for any layout:
        ``{"q1_1": "A1"}`` or a function such as ``lambda c: c.removeprefix("bfi_")``.
    respondent : str, optional
        The column that holds the respondent id (default: the tool's own id column).
    sheet : str or int, optional
        The sheet of a workbook (default the first visible worksheet).

    Returns
    -------
    pandas.DataFrame
        ``respondent`` (and ``team``, ``rater``, ``target``, ``wave`` when the export has
        them), then one float column per item (NaN for no answer); the index is the line of
        the file (the case number for SPSS and Stata). ``attrs`` holds ``source``,
        ``framework``, ``layout`` and ``metadata_columns`` (the tool's columns set aside).

    Raises
    ------
    InputError
        The first problem (a note counts the others), naming the file, the line, the column
        and what was expected; for a recognised export whose items are not all found, the
        items missing and the nearest headers.

    Warns
    -----
    UserWarning
        Unfinished responses, user-defined missing values and rows without any answer.
    """
    table, errors, name, notes = load_survey(path, instrument, columns=columns,
                                             respondent=respondent, sheet=sheet)
    if errors:
        first = errors[0]
        if errors.total > 1:
            first.add_note(tr("… and {value} more problem(s); validate_responses() lists them "
                              "all").format(value=errors.total - 1))
        raise first
    assert table is not None
    for note in notes:
        warnings.warn(note, UserWarning, stacklevel=2)
    warn_empty(table, load_instrument(instrument), name, stacklevel=3)
    return table

