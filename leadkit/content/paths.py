"""Where the kit's data files live, in a source checkout and in an installed wheel.

In a checkout the data sit in the top-level ``datasets/`` folder; a wheel ships the same folder
inside the package as ``leadkit/datasets``. Both layouts are found without configuration.

Examples
--------
>>> (data_dir() / "frameworks").is_dir()
True
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["data_dir", "kit_file", "kit_ids"]

_PACKAGE = Path(__file__).resolve().parents[1]  # the leadkit package folder


def data_dir() -> Path:
    """Return the folder that holds frameworks, scenarios, schemas and sample data.

    Returns
    -------
    pathlib.Path
        The ``datasets`` folder inside the installed package, or beside it in a checkout.

    Raises
    ------
    FileNotFoundError
        Neither place holds the data (a broken install).

    Examples
    --------
    >>> sorted(p.name for p in data_dir().iterdir() if p.name in {"frameworks", "schema"})
    ['frameworks', 'schema']
    """
    for candidate in (_PACKAGE / "datasets", _PACKAGE.parent / "datasets"):
        if (candidate / "frameworks").is_dir():
            return candidate
    raise FileNotFoundError(
        "leadkit's data folder was not found next to the package; reinstall with "
        "'pip install .' from the repository (the wheel ships the 'datasets' folder)."
    )


def kit_file(kind: str, file_id: str) -> Path:
    """The path of the kit's data file of one kind and id; it need not exist.

    Parameters
    ----------
    kind : str
        The folder of that kind of file in the data folder (``"frameworks"``, ``"scenarios"``,
        ``"selfchecks"`` …).
    file_id : str
        The file's id: its name without ``.yaml``.

    Returns
    -------
    pathlib.Path
        ``<data folder>/<kind>/<file_id>.yaml``.

    Examples
    --------
    >>> kit_file("frameworks", "agile-cmo").is_file()
    True
    """
    return data_dir() / kind / f"{file_id}.yaml"


def kit_ids(kind: str) -> list[str]:
    """The ids of the kit's data files of one kind, sorted.

    Parameters
    ----------
    kind : str
        The folder of that kind of file in the data folder (``"frameworks"``, ``"scenarios"``,
        ``"selfchecks"`` …).

    Returns
    -------
    list of str
        The names of the folder's ``.yaml`` files without the suffix, in alphabetical order.

    Examples
    --------
    >>> kit_ids("scenarios")[:2]
    ['crm-dashboard', 'key-account-price']
    """
    return sorted(p.stem for p in (data_dir() / kind).glob("*.yaml"))
