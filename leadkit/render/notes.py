"""The kit's notes in a notebook: a :class:`~leadkit.errors.LeadkitWarning` shown as a note.

Python prints a warning as ``/tmp/ipykernel_…/123.py:1: UserWarning: …`` on the error stream,
which a learner reads as a crash. In a running notebook the kit shows its own warnings instead
as a short note in the page, in the reader's language, marked as a note for screen readers;
every other warning, and every warning outside a notebook (scripts, the command line, tests),
is shown the usual way.

Examples
--------
>>> import warnings
>>> from leadkit.errors import LeadkitWarning
>>> note_html(LeadkitWarning("2 rows <left> out"))
'<div class="lk-note" role="note">⚠ 2 rows &lt;left&gt; out</div>'
"""

from __future__ import annotations

import html
import sys
import warnings
from typing import Any

from leadkit.errors import LeadkitWarning

__all__ = ["install", "note_html"]

_ORIGINAL = warnings.showwarning


def note_html(message: Warning | str) -> str:
    """Write a kit warning as the note a notebook shows.

    Parameters
    ----------
    message : Warning or str
        The warning.

    Returns
    -------
    str
        An HTML ``div`` with ``role="note"``, the text escaped.
    """
    return f'<div class="lk-note" role="note">⚠ {html.escape(str(message))}</div>'


def _show(message: Warning | str, category: type[Warning], filename: str, lineno: int,
          file: Any = None, line: str | None = None) -> None:
    if issubclass(category, LeadkitWarning) and file is None and _in_a_kernel():
        from IPython.display import HTML, display

        display(HTML(note_html(message)))
        return
    _ORIGINAL(message, category, filename, lineno, file, line)


def _in_a_kernel() -> bool:
    shell = sys.modules.get("IPython")
    get = getattr(shell, "get_ipython", None)
    return get is not None and getattr(get(), "kernel", None) is not None


def install() -> None:
    """Show the kit's warnings as notes in a running notebook (``import leadkit`` does it there).

    Returns
    -------
    None
        ``warnings.showwarning`` answers for kit warnings from now on.
    """
    if warnings.showwarning is not _show:
        warnings.showwarning = _show
