"""Errors a learner or researcher can act on: they name the file, the place and what was expected.
from leadkit.i18n import tr

Examples
--------
>>> err = InputError("survey.csv", "value 7 is outside the scale",
...                  row=4, column="acmo03", expected="a whole number 1-5")
>>> print(err)
survey.csv, row 4, column 'acmo03': value 7 is outside the scale (expected a whole number 1-5)
"""

from __future__ import annotations

__all__ = ["LeadkitError", "InputError", "FrameworkFileError", "FloorError", "UnknownIdError",
           "LeadkitWarning"]


class LeadkitError(Exception):
    """Base class of every error the kit raises on purpose."""


class LeadkitWarning(UserWarning):
    """A note the reader should see: the analysis ran, but something about it must be said.

    A singular mixed-model fit, rows left out for gaps, empty rows in a survey. It is a
    ``UserWarning``, so scripts see and filter it as usual; in a notebook the kit shows it as a
    note in the reader's language instead of a traceback-like line (:mod:`leadkit.render.notes`).

    Examples
    --------
    >>> import warnings
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     warnings.warn("2 rows were left out", LeadkitWarning)
    >>> issubclass(caught[0].category, UserWarning)
    True
    """


class InputError(LeadkitError, ValueError):
    """Bad user input in a data file (responses, bundles, CSVs).

    Parameters
    ----------
    file : str
        The file name (or ``"<DataFrame>"`` for data passed in memory).
    problem : str
        What is wrong, in plain words.
    row : int, optional
        The 1-based data row as a spreadsheet user counts it (header is row 1, first data
        row is row 2), or None when the problem is not tied to a row.
    column : str, optional
        The column name, or None.
    expected : str, optional
        What would have been right.
    """

    def __init__(
        self,
        file: str,
        problem: str,
        *,
        row: int | None = None,
        column: str | None = None,
        expected: str | None = None,
    ) -> None:
        self.file = str(file)
        self.problem = problem
        self.row = row
        self.column = column
        self.expected = expected
        super().__init__(self._message())

    def _message(self) -> str:
        # The frame words follow the kit's language; problem/expected come translated already.
        from leadkit.i18n import tr

        where = [self.file]
        if self.row is not None:
            where.append(tr("row {n}").format(n=self.row))
        if self.column is not None:
            where.append(tr("column '{c}'").format(c=self.column))
        msg = f"{', '.join(where)}: {self.problem}"
        if self.expected:
            msg += tr(" (expected {e})").format(e=self.expected)
        return msg


class FrameworkFileError(LeadkitError, ValueError):
    """A framework, scenario or other kit data file that does not follow its schema.

    The message names the file, the place in the document (a path such as
    ``elements[2].name.nl``) and what was expected.

    Parameters
    ----------
    file : str
        The file.
    place : str
        The place in the document; empty for the top level.
    problem : str
        What is wrong and what was expected.
    """

    def __init__(self, file: str, place: str, problem: str) -> None:
        self.file = str(file)
        self.place = place
        self.problem = problem
        super().__init__(f"{self.file}, at {place or 'the top level'}: {problem}")


class FloorError(LeadkitError, ValueError):
    """An anonymity floor set below the kit's minimum (see :mod:`leadkit.privacy`)."""


class UnknownIdError(LeadkitError, KeyError):
    """An id the kit does not know: a framework, case, dataset, element, option, prompt, figure.

    One class for every unknown id, so ``except LookupError`` (or ``KeyError``, as before)
    catches them all; the message lists the ids that do exist.

    Examples
    --------
    >>> err = UnknownIdError("unknown case 'x'; the kit has: a, b")
    >>> isinstance(err, LookupError), str(err)
    (True, "unknown case 'x'; the kit has: a, b")
    """

    def __str__(self) -> str:  # KeyError would show the message in quotes
        return str(self.args[0]) if self.args else ""
