"""Reading and checking survey response tables: one row per respondent, one column per item.

A response table is *wide*: ``respondent`` (an id), optional ``team``, ``rater`` (``self``,
``manager``, ``peer``, ``report``, ``other``), ``target`` (the person rated; a self rating has
``target == respondent``) and ``wave``, then one column per item id of the framework. Answers
are whole numbers on the instrument's scale (a decimal comma as in ``3,0`` is fine) or its Dutch
or English answer labels. Files are read by :func:`leadkit.survey.io.tablefile.read_table`: CSV with
commas
or semicolons in the usual encodings, and ``.xlsx`` workbooks.

Every problem is reported as an :class:`~leadkit.errors.InputError` naming the file, the
spreadsheet row (header = row 1) and the column, and saying what was expected.

Examples
--------
>>> import pandas as pd
>>> from leadkit.content.frameworks import load_framework
>>> fw = load_framework("agile-cmo")
>>> table = pd.DataFrame({"respondent": ["a", "b"]} | {i: [4, "3,0"] for i in fw.item_ids})
>>> table.loc[1, "acmo02"] = "Mee eens"
>>> read_responses(table, fw).iloc[:, :3].to_dict("index")  # index: the spreadsheet row
{2: {'respondent': 'a', 'acmo01': 4.0, 'acmo02': 4.0}, 3: {'respondent': 'b', 'acmo01': 3.0, \
'acmo02': 4.0}}
>>> errors = validate_responses(table.assign(acmo01=[4, 9]), fw)
>>> print(errors[0])
<DataFrame>, row 3, column 'acmo01': the answer 9 is outside the scale (expected \
a whole number from 1 to 5, or an answer label such as 'Agree')
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pandas as pd

from leadkit.content.frameworks import load_instrument
from leadkit.content.instrument import Instrument
from leadkit.errors import InputError, LeadkitWarning
from leadkit.i18n import tr
from leadkit.survey.io import response_checks as checks
from leadkit.survey.io.problems import Problems
from leadkit.survey.io.response_checks import fingerprint
from leadkit.survey.io.table_check import METADATA, RATER_GROUPS, check_table
from leadkit.survey.io.tablefile import read_table, read_table_chunks

__all__ = ["METADATA", "RATER_GROUPS", "read_responses", "validate_responses", "fingerprint",
           "load_checked", "warn_empty"]


# Dutch column names and rater words a Dutch questionnaire tool or teacher may use.
def load_checked(source: str | Path | pd.DataFrame, fw: Instrument, sheet: str | int | None,
                 ignore: Sequence[str], keep_answers: bool = True,
                 ) -> tuple[pd.DataFrame | None, list[InputError], str]:
    """Read and check a response table, collecting every problem instead of raising the first.

    Parameters
    ----------
    source : str or Path or pandas.DataFrame
        A file path (CSV, TSV, Excel) or a DataFrame.
    fw : Instrument
        The framework whose items the table answers.
    sheet : str or int, optional
        The Excel sheet, or ``None`` for the first.
    ignore : Sequence[str]
        Extra columns to leave out of the check.
    keep_answers : bool, default True
        ``False`` checks a large file a chunk at a time and keeps no table.

    Returns
    -------
    tuple
        The checked table (``None`` when there are problems or answers were not kept), the
        list of problems (each an :class:`~leadkit.errors.InputError`), and the source's name.

    Examples
    --------
    >>> import leadkit as lk
    >>> table, problems, name = load_checked(lk.dataset_path("agile-cmo-class"),
    ...                                      lk.load_framework("agile-cmo"), None, ())
    >>> table.shape, problems, name
    ((216, 29), [], 'agile-cmo-class.csv')
    """
    errors = Problems()
    if isinstance(source, pd.DataFrame):
        name = str(source.attrs.get("source", "<DataFrame>"))
        raw = source.copy()
        if not (raw.index.name == "row" and pd.api.types.is_integer_dtype(raw.index)):
            raw.index = pd.Index(range(2, len(raw) + 2), name="row")
        if raw.empty:
            return None, [InputError(name, tr("the table has no rows"))
                          ], name
    else:
        name = Path(source).name
        try:
            streamed = None if keep_answers else _check_in_chunks(source, fw, name, ignore)
        except InputError as err:  # the file as a whole cannot be read (an encoding mix)
            return None, [err], name
        if streamed is not None:
            return streamed[0], streamed[1], name
        try:
            raw = read_table(source, sheet=sheet, problems=errors)
        except InputError as err:
            return None, [err], name
    table = check_table(raw, fw, name, ignore, errors, keep_answers)
    del raw  # the cells as written are no longer needed: only the checked table is kept
    table.attrs.update(source=name, framework=fw.id)
    if not errors and keep_answers:
        table.attrs["checked"] = fingerprint(table)
    return table, errors, name


def _check_in_chunks(path: str | Path, fw: Instrument, name: str, ignore: Sequence[str]
                     ) -> tuple[pd.DataFrame, list[InputError]] | None:
    """Check a large regular file a chunk at a time (None: read it whole instead).

    Only a 128-bit key per row (two independent hashes of target, respondent and wave) and
    its row number are kept between chunks, so checking takes memory for one chunk plus
    24 bytes a row; a repeated key is reported with the row it repeats. The result is a
    table of the rows checked with the ``_nothing`` column (no answer at all).
    """
    chunks = read_table_chunks(path)
    if chunks is None:
        return None
    errors = Problems()
    keys, rows, nothing = [], [], []
    for number, raw in enumerate(chunks):
        found = Problems()
        out = check_table(raw, fw, name, ignore, found, keep_answers=False, duplicates=False)
        # Problems of the header are the same in every chunk: reported once.
        if number == 0:
            errors += found
        else:
            errors.extend(e for e in found if e.row not in (None, 1))
            errors.count_more(found.more)
        if "_nothing" not in out.columns:
            return pd.DataFrame(index=raw.index[:0]), errors
        nothing.append(out["_nothing"])
        if "respondent" in out.columns:
            known = (out["respondent"] != "").to_numpy()
            key = [c for c in ("target", "respondent", "wave") if c in out.columns]
            keys.append(checks.row_keys(out.loc[known, key]))
            rows.append(out.index.to_numpy()[known])
    if not nothing and not errors:
        return None  # a header and no rows: the careful reader says so
    if keys:
        checks.repeated_keys(np.concatenate(keys), np.concatenate(rows), name, errors)
    table = pd.concat(nothing).to_frame() if nothing else pd.DataFrame(index=[])
    return table, errors.in_order()


def validate_responses(source: str | Path | pd.DataFrame, framework: Instrument | str | Path, *,
                       sheet: str | int | None = None,
                       ignore_columns: Sequence[str] = ()) -> list[InputError]:
    """Check a response file or table and return every problem found (empty when fine).

    Parameters
    ----------
    source : path or DataFrame
        A ``.csv``/``.txt``/``.xlsx`` file, or a table already in memory.
    framework : Instrument, id or path
        The instrument the answers belong to.
    sheet : str or int, optional
        The worksheet of an Excel file: its name, its 0-based position, or its 1-based
        position as text (``"2"``, as typed on a command line). Default: the first.
    ignore_columns : sequence of str
        Extra columns (names, e-mail, timestamps) to leave out instead of reporting them.

    Returns
    -------
    list of InputError
        Ordered: file and column problems first, then cell problems by row. At most the
        first 1,000 are kept (a :class:`~leadkit.survey.io.problems.Problems` list, whose
        ``total`` counts every problem found).

    Examples
    --------
    >>> import pandas as pd
    >>> validate_responses(pd.DataFrame({"respondent": [], "acmo01": []}), "agile-cmo")[0].problem
    'the table has no rows'
    """
    return load_checked(source, load_instrument(framework), sheet, ignore_columns,
                        keep_answers=False)[1]


def read_responses(source: str | Path | pd.DataFrame, framework: Instrument | str | Path, *,
                   sheet: str | int | None = None,
                   ignore_columns: Sequence[str] = ()) -> pd.DataFrame:
    """Read and validate a response table; raise the first problem as an ``InputError``.

    Parameters are those of :func:`validate_responses`.

    Parameters
    ----------
    source : str, path-like or pandas.DataFrame
        A CSV, TSV or Excel file, or a DataFrame in the same layout.
    framework : Instrument, str or path-like
        The framework whose items the table answers, its id or its YAML file.
    sheet : str or int, optional
        The Excel sheet; default ``None`` reads the first.
    ignore_columns : sequence of str, default ()
        Extra columns to leave out of the check (and of the result).

    Returns
    -------
    DataFrame
        Metadata columns first (``respondent``, then those present of ``team``, ``rater``,
        ``target``, ``wave``; ids as text), then every item of the framework as float with NaN
        for no answer. The index holds the spreadsheet row numbers (``row``); ``attrs`` holds
        ``source`` (the file name) and ``framework`` (its id). Rows in which nothing is answered
        are kept (they get missing scores, never a zero) and named in a
        :class:`~leadkit.errors.LeadkitWarning`.

    Raises
    ------
    InputError
        The first problem; a note says how many more there are.

    Examples
    --------
    >>> import pandas as pd
    >>> fw = load_instrument("agile-cmo")
    >>> table = pd.DataFrame({"respondent": ["a", "b"]} | {i: ["3,0", 4] for i in fw.item_ids})
    >>> table.loc[1, "acmo05"] = "3,5"
    >>> read_responses(table, fw)
    Traceback (most recent call last):
    ...
    leadkit.errors.InputError: <DataFrame>, row 3, column 'acmo05': the answer 3,5 is not a \
whole number (expected a whole number from 1 to 5, or an answer label such as 'Agree')
    """
    fw = load_instrument(framework)
    table, errors, name = load_checked(source, fw, sheet, ignore_columns)
    if errors:
        first = errors[0]
        total = getattr(errors, "total", len(errors))
        if total > 1:
            first.add_note(tr("… and {value} more problem(s); validate_responses() lists them "
                              "all").format(value=total - 1))
        raise first
    assert table is not None
    warn_empty(table, fw, name, stacklevel=3)
    return table


def warn_empty(table: pd.DataFrame, fw: Instrument, name: str, stacklevel: int = 2) -> None:
    """Name the rows in which nothing is answered: they are kept and get missing scores.

    Parameters
    ----------
    table : pandas.DataFrame
        A checked response table.
    fw : Instrument
        The framework whose items it answers.
    name : str
        The file name to put in the warning.
    stacklevel : int, default 2
        Passed to :func:`warnings.warn`, so the warning points at the caller's line.

    Returns
    -------
    None
        Issues one :class:`~leadkit.errors.LeadkitWarning` naming up to ten empty rows, or
        nothing when every row has an answer.

    Examples
    --------
    >>> import warnings
    >>> import leadkit as lk
    >>> fw = lk.load_framework("agile-cmo")
    >>> table = pd.DataFrame({i: [3.0, float("nan")] for i in fw.item_ids}, index=[2, 3])
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     warn_empty(table, fw, "team.csv")
    >>> str(caught[0].message)
    'team.csv: nothing is answered in row(s) 3; they get missing scores'
    """
    nothing = (table["_nothing"] if "_nothing" in table.columns
               else table[list(fw.item_ids)].isna().all(axis=1))
    empty = list(table.index[nothing.to_numpy(bool)])
    if empty:
        shown = ", ".join(map(str, empty[:10])) + (" …" if len(empty) > 10 else "")
        warnings.warn(tr("{name}: nothing is answered in row(s) {shown}; they get missing "
                         "scores").format(
                          name=name, shown=shown), LeadkitWarning, stacklevel=stacklevel)
