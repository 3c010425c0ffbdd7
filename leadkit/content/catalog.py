"""The dataset catalog: sample data that ships with the kit, listed and loaded by name.

The catalog itself is data (``datasets/catalog.yaml``): each entry names a CSV file, says in
Dutch and English what it holds and where it comes from.

Examples
--------
>>> import leadkit as lk
>>> "agile-cmo-class" in lk.list_datasets()["name"].tolist()
True
>>> df = lk.load_dataset("agile-cmo-class")
>>> {"respondent", "team", "rater"} <= set(df.columns)
True
"""

from __future__ import annotations

import pandas as pd

from leadkit.content.datafile import load_validated
from leadkit.content.paths import data_dir
from leadkit.docparams import shared_params
from leadkit.errors import UnknownIdError
from leadkit.i18n import tr

__all__ = ["list_datasets", "load_dataset", "dataset_path"]


def _entries() -> list[dict]:
    return load_validated(data_dir() / "catalog.yaml", "catalog")["datasets"]


def list_datasets() -> pd.DataFrame:
    """All datasets with their file, framework, description and source (current language).

    Returns
    -------
    pandas.DataFrame
        Columns ``name``, ``framework``, ``file``, ``description`` and ``source``, one row per
        dataset of the catalog.

    Examples
    --------
    >>> list_datasets()["name"].tolist()[:2]
    ['agile-cmo-class', 'silo-collaboration-class']
    """
    rows = [
        {
            "name": e["name"],
            "framework": e.get("framework", ""),
            "file": e["file"],
            "description": tr(e["description"]),
            "source": tr(e["source"]),
        }
        for e in _entries()
    ]
    return pd.DataFrame(rows, columns=["name", "framework", "file", "description", "source"])


@shared_params
def dataset_path(name: str):
    """The path of a catalogued dataset's file (for reading it with other tools).

    Parameters
    ----------
    %(dataset_name)s

    Returns
    -------
    pathlib.Path
        The file inside the kit's data folder.

    Raises
    ------
    %(unknown_dataset)s

    Examples
    --------
    >>> dataset_path("agile-cmo-class").name
    'agile-cmo-class.csv'
    """
    for e in _entries():
        if e["name"] == name:
            return data_dir() / e["file"]
    names = ", ".join(e["name"] for e in _entries())
    raise UnknownIdError(f"unknown dataset {name!r}; the catalog has: {names}")


@shared_params
def load_dataset(name: str) -> pd.DataFrame:
    """Load a catalogued dataset as a DataFrame (see :func:`list_datasets`).

    Parameters
    ----------
    %(dataset_name)s

    Returns
    -------
    pandas.DataFrame
        The CSV file as pandas reads it.

    Raises
    ------
    %(unknown_dataset)s

    Examples
    --------
    >>> data = load_dataset("agile-cmo-class")
    >>> data.shape, data.columns.tolist()[:3]
    ((216, 29), ['respondent', 'team', 'rater'])
    """
    return pd.read_csv(dataset_path(name))
