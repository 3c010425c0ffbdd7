"""SPSS (``.sav``, ``.zsav``, ``.por``) and Stata (``.dta``) files, read through pyreadstat.

Variable names become the columns (and so the item ids), answers stay the numbers stored;
a string variable keeps its text (choice labels are then read through the instrument's
``labels``). User-defined missing values — SPSS's ``MISSING VALUES`` such as −99 and Stata's
``.a`` … ``.z`` — are read as no answer and counted, so that −99 is never scored as an answer
nor dropped without a word. Cases are numbered from 1, as SPSS's Data View numbers them.

Examples
--------
>>> import pathlib, tempfile, pandas as pd, pyreadstat
>>> path = pathlib.Path(tempfile.mkdtemp()) / "answers.sav"
>>> pyreadstat.write_sav(pd.DataFrame({"A1": [4.0, -99.0]}), path,
...                      missing_ranges={"A1": [-99]})
>>> table, missing = read_statfile(path, "answers.sav")
>>> table["A1"].tolist(), missing
([4.0, nan], 1)
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from leadkit.errors import InputError
from leadkit.i18n import tr

__all__ = ["STAT_SUFFIXES", "read_statfile"]

#: File endings read through pyreadstat.
STAT_SUFFIXES: tuple[str, ...] = (".sav", ".zsav", ".por", ".dta")


def read_statfile(path: Path, name: str) -> tuple[pd.DataFrame, int]:
    """A statistics program's data file as a table, with its user-defined missing values.

    Parameters
    ----------
    path : pathlib.Path
        A ``.sav``, ``.zsav``, ``.por`` or ``.dta`` file.
    name : str
        The file name the errors refer to.

    Returns
    -------
    table : pandas.DataFrame
        One column per variable (numbers as float, text as text), index ``row`` = the case
        number (1, 2, …); user-defined missing values are NaN.
    missing : int
        How many cells held a user-defined missing value.

    Raises
    ------
    InputError
        The file cannot be read as that kind of file.
    """
    import pyreadstat

    suffix = path.suffix.lower()
    reader: Any = {".sav": pyreadstat.read_sav, ".zsav": pyreadstat.read_sav,
              ".por": pyreadstat.read_por, ".dta": pyreadstat.read_dta}[suffix]
    program = "Stata" if suffix == ".dta" else "SPSS"
    try:
        kwargs = {} if suffix == ".por" else {"user_missing": True}
        frame, meta = reader(str(path), **kwargs)
    except Exception as err:  # pyreadstat's own errors name the C library's problem
        raise InputError(name, tr("the file cannot be read as a {program} file ({err})").format(
                             program=program, err=str(err)[:120]),
                         expected=tr("a {suffix} file saved by {program}").format(
                             suffix=suffix, program=program)) from None
    missing = 0
    ranges = getattr(meta, "missing_ranges", None) or {}
    user_values = getattr(meta, "missing_user_values", None) or {}
    for col in frame.columns:
        values = frame[col]
        gone = np.zeros(len(frame), dtype=bool)
        numeric = pd.api.types.is_numeric_dtype(values)
        for spec in ranges.get(col, []):
            low, high = spec.get("lo"), spec.get("hi")
            if numeric and isinstance(low, (int, float)) and isinstance(high, (int, float)):
                gone |= ((values >= low) & (values <= high)).to_numpy()
            else:
                gone |= values.isin([low, high]).to_numpy()
        if user_values.get(col):
            gone |= values.isin(list(user_values[col])).to_numpy()
        if not numeric and col in user_values:  # Stata's .a … .z, kept visible as letters
            gone |= values.map(lambda v: isinstance(v, str) and len(v) == 1 and v.isalpha()
                               and v.islower()).to_numpy(bool)
        if gone.any():
            missing += int(gone.sum())
            frame[col] = values.where(~gone)
    frame.index = pd.Index(range(1, len(frame) + 1), name="row")
    frame.columns = [str(c) for c in frame.columns]
    return frame, missing
