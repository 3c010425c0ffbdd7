"""Parameter descriptions shared by many docstrings, written once.

A docstring line that is only ``%(name)s`` is replaced, at that line's indentation, by the
entry ``name`` below when the function is decorated with :func:`shared_params`. The text a
reader gets from ``help()`` or the documentation is the full one; the source says it once.

See :func:`shared_params` for an example.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TypeVar

__all__ = ["PARAMETERS", "shared_params"]

_F = TypeVar("_F", bound=Callable)

#: Each shared parameter entry, in numpydoc form (name : type, then the indented text).
PARAMETERS: dict[str, str] = {
    'data_file': (
        "path : str or pathlib.Path\n"
        "    The data file."
    ),
    'schema_name': (
        "schema_name : str\n"
        "    The schema's name, a file ``datasets/schema/<name>.schema.json`` (such as\n"
        "    ``\"framework\"`` or ``\"case\"``)."
    ),
    'groups': (
        "groups : Series or 1-D array\n"
        "    Team label of each row."
    ),
    'text_file': (
        "path : pathlib.Path\n"
        "    The text file."
    ),
    'delimiter': (
        "delimiter : str\n"
        "    The one-character field separator."
    ),
    'responses': (
        "responses : pandas.DataFrame, str or path-like\n"
        "    A table from :func:`~leadkit.survey.io.responses.read_responses`, any DataFrame in\n"
        "    that layout, or the path of a CSV or Excel file."
    ),
    'framework': (
        "framework : Framework, str or path-like\n"
        "    The framework, its id or the path of its YAML file."
    ),
    'name': (
        "name : str\n"
        "    The file (or table) name the errors refer to."
    ),
    'journal': (
        "journal : Journal\n"
        "    The learner's journal."
    ),
    'bundles': (
        "bundles : list of dict\n"
        "    The bundles of :func:`~leadkit.store.handins.load_bundles`."
    ),
    'keys': (
        "keys : sequence of str\n"
        "    The columns that make a group."
    ),
    'floor': (
        "floor : int, default FLOOR\n"
        "    The anonymity floor: at least :data:`leadkit.privacy.FLOOR` (3); it can be raised,\n"
        "    never lowered."
    ),
    'language': (
        "language\n"
        "    A language code; the current language when ``None``."
    ),
}

_SLOT = re.compile(r"^([ \t]*)%\((\w+)\)s[ \t]*$", re.M)


def shared_params(func: _F) -> _F:
    """Fill the ``%(name)s`` lines of ``func``'s docstring from :data:`PARAMETERS`.

    Parameters
    ----------
    func
        A function whose docstring holds ``%(name)s`` lines.

    Returns
    -------
    callable
        The same function, its docstring completed.

    Raises
    ------
    KeyError
        For a name that :data:`PARAMETERS` lacks.

    Examples
    --------
    >>> def f(journal):
    ...     pass
    >>> f.__doc__ = chr(10).join(["Do it.", "", "Parameters", "----------", "%(journal)s"])
    >>> shared_params(f).__doc__.splitlines()[-1]
    "    The learner's journal."
    """
    if func.__doc__:
        func.__doc__ = _SLOT.sub(
            lambda m: "\n".join(m.group(1) + line if line else line
                                 for line in PARAMETERS[m.group(2)].split("\n")), func.__doc__)
    return func
