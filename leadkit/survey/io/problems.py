"""A list of problems that keeps the first ones and counts the rest.

A file with an answer off the scale in every cell has millions of problems; nobody reads
past the first screen, and holding them all took gigabytes. :class:`Problems` keeps the
:data:`MAX_KEPT` problems that come first in the file (by row) and counts the others, so
checking any file takes memory for the table only.

Examples
--------
>>> from leadkit.errors import InputError
>>> found = Problems(limit=2)
>>> found.extend(InputError("t.csv", "bad", row=n) for n in (9, 3, 5, 7))
>>> [e.row for e in found.in_order()], found.total
([3, 5], 4)
"""

from __future__ import annotations

from collections.abc import Iterable

from leadkit.errors import InputError

__all__ = ["MAX_KEPT", "Problems"]

#: How many problems are kept (the first in the file); the rest are counted.
MAX_KEPT: int = 1000


def _row(err: InputError) -> int:
    return err.row or 0


class Problems(list):
    """The first ``limit`` problems of a file by row, and the number of all of them.

    A plain list to every caller (index, iterate, ``len`` counts the kept ones);
    :attr:`total` counts all, :attr:`more` those not kept.

    Parameters
    ----------
    items : iterable of InputError, optional
        Problems to start with.
    limit : int, default MAX_KEPT
        How many to keep.
    """

    def __init__(self, items: Iterable[InputError] = (), *, limit: int = MAX_KEPT) -> None:
        super().__init__()
        self.limit = limit
        self.more = 0
        self.extend(items)

    def append(self, err: InputError) -> None:
        """Add one problem (the list is cut back to the first ``limit`` now and then).

        Parameters
        ----------
        err : InputError
            The problem.
        """
        super().append(err)
        if len(self) >= 2 * self.limit:
            self._trim()

    def extend(self, errs: Iterable[InputError]) -> None:
        """Add problems one by one, as :meth:`append` does.

        Parameters
        ----------
        errs : iterable of InputError
            The problems; another :class:`Problems` brings its count of dropped ones along.
        """
        for err in errs:
            self.append(err)
        self.more += getattr(errs, "more", 0)

    def __iadd__(self, errs: Iterable[InputError]) -> Problems:  # type: ignore[override, misc]
        self.extend(errs)
        return self

    def count_more(self, n: int) -> None:
        """Count ``n`` problems that were never made (beyond what can be kept).

        Parameters
        ----------
        n : int
            How many.
        """
        self.more += n

    def _trim(self) -> None:
        kept = sorted(self, key=_row)
        self.more += max(0, len(kept) - self.limit)
        super().__init__(kept[: self.limit])

    def in_order(self) -> Problems:
        """The kept problems by row (file and column problems first), the count carried.

        Returns
        -------
        Problems
            A new list, sorted by row and cut to ``limit``.
        """
        out = Problems(limit=self.limit)
        list.extend(out, sorted(self, key=_row))
        out.more = self.more
        out._trim()
        return out

    @property
    def total(self) -> int:
        """The number of problems found, kept or not."""
        return len(self) + self.more
