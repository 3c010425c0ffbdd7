"""Names of a package that load their module on first use (PEP 562), in one place.

A package lists ``public name -> submodule`` and gets the module-level ``__getattr__`` and
``__dir__`` that look each name up when it is first asked for. ``import leadkit`` and the
faces stay light this way: matplotlib, ipywidgets or a model's code load only when used.

See :func:`lazy_names` for an example.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from typing import Any

__all__ = ["lazy_names"]


def lazy_names(package: str, where: Mapping[str, str]
               ) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """The ``__getattr__`` and ``__dir__`` of a package whose names live in its submodules.

    Parameters
    ----------
    package
        The package's dotted name, e.g. ``"leadkit.plots"``.
    where
        Each public name and the submodule (relative to ``package``) that defines it.

    Returns
    -------
    tuple
        ``(__getattr__, __dir__)``, to assign at the package's top level.

    Examples
    --------
    >>> getattr_, dir_ = lazy_names("leadkit.simulate", {"mean_ci": "_stats"})
    >>> getattr_("mean_ci").__name__, dir_()
    ('mean_ci', ['mean_ci'])
    """

    def __getattr__(name: str) -> Any:
        if name in where:
            return getattr(importlib.import_module(f"{package}.{where[name]}"), name)
        raise AttributeError(f"module {package!r} has no attribute {name!r}")

    def __dir__() -> list[str]:
        return sorted(where)

    return __getattr__, __dir__
