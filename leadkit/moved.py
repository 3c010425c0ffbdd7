"""Old module paths, kept working for one release with a DeprecationWarning that names the new one.

Modules moved when the kit was laid out one concept per folder (``docs/architecture.md``).
Importing an old path, ``import leadkit.survey.agreement`` or ``python -m
leadkit.cli.class_pool_service``, warns and gives the module at its new place, so notebooks and
hub configurations written against the old paths go on working while they are updated.

Examples
--------
>>> import sys, warnings
>>> _ = sys.modules.pop("leadkit.survey.agreement", None)  # as in a fresh session
>>> with warnings.catch_warnings(record=True) as caught:
...     warnings.simplefilter("always")
...     from leadkit.survey.agreement import rwg
>>> rwg.__module__, caught[0].category.__name__
('leadkit.psychometrics.agreement', 'DeprecationWarning')
"""

from __future__ import annotations

import importlib
import importlib.abc
import importlib.machinery
import importlib.util
import sys
import types
import warnings
from collections.abc import Sequence
from typing import Any

__all__ = ["MOVED", "install"]

#: Old module path -> where its names live now (several places for a module that was split).
MOVED: dict[str, tuple[str, ...]] = {
    "leadkit.survey.tablefile": ("leadkit.survey.io.tablefile",),
    "leadkit.survey.fastread": ("leadkit.survey.io.fastread",),
    "leadkit.survey.coded_columns": ("leadkit.survey.io.coded_columns",),
    "leadkit.survey.table_check": ("leadkit.survey.io.table_check",),
    "leadkit.survey.response_checks": ("leadkit.survey.io.response_checks",),
    "leadkit.survey.responses": ("leadkit.survey.io.responses",),
    "leadkit.survey.item_analysis": ("leadkit.psychometrics.item_analysis",),
    "leadkit.survey.omega": ("leadkit.psychometrics.omega",),
    "leadkit.survey.agreement": ("leadkit.psychometrics.agreement",),
    "leadkit.survey.agreement_null": ("leadkit.psychometrics.agreement_null",),
    "leadkit.survey.multilevel": ("leadkit.psychometrics.multilevel",),
    "leadkit.survey.response_surface": ("leadkit.psychometrics.response_surface",),
    "leadkit.survey.example_team": ("leadkit.learning.example_team",),
    "leadkit.store.class_pool": ("leadkit.classpool.pool",),
    "leadkit.store.class_pool_rules": ("leadkit.classpool.rules",),
    "leadkit.store.class_pool_store": ("leadkit.classpool.store",),
    "leadkit.store.class_pool_sqlite": ("leadkit.classpool.folder",),
    "leadkit.store.class_pool_http": ("leadkit.classpool.hub",),
    "leadkit.cli.class_pool_service": ("leadkit.classpool.service",),
    "leadkit.classroom_plots": ("leadkit.plots.classroom",),
    "leadkit.plots_cases": ("leadkit.plots.cases", "leadkit.render.displays"),
    "leadkit.plots_simulate": ("leadkit.plots.simulate",),
}


def _warn(old: str) -> None:
    warnings.warn(f"{old} has moved to {' and '.join(MOVED[old])}; import it from there "
                  "(the old path goes away in the next release)", DeprecationWarning,
                  stacklevel=4)


def _combined(old: str, places: Sequence[str]) -> types.ModuleType:
    """A module whose names are looked up in each of ``places`` in turn."""
    shim = types.ModuleType(old)

    def lookup(attr: str) -> Any:
        for where in places:
            module = importlib.import_module(where)
            if attr in getattr(module, "__all__", ()):
                return getattr(module, attr)
        raise AttributeError(f"module {old!r} has no attribute {attr!r}")

    shim.__getattr__ = lookup  # type: ignore[method-assign]
    return shim


class _Loader(importlib.abc.Loader):
    def create_module(self, spec: importlib.machinery.ModuleSpec) -> types.ModuleType:
        _warn(spec.name)
        places = MOVED[spec.name]
        if len(places) == 1:
            return importlib.import_module(places[0])
        return _combined(spec.name, places)

    def exec_module(self, module: types.ModuleType) -> None:
        """Nothing to run: the module at the new place is already loaded."""

    def get_code(self, fullname: str) -> types.CodeType | None:
        """The new module's code, so that ``python -m OLD.PATH`` runs it."""
        _warn(fullname)
        spec = importlib.util.find_spec(MOVED[fullname][0])
        loader = spec.loader if spec is not None else None
        get_code = getattr(loader, "get_code", None)
        return get_code(MOVED[fullname][0]) if get_code is not None else None

    def is_package(self, fullname: str) -> bool:
        """An old path was always a module, never a package."""
        return False


class _Finder(importlib.abc.MetaPathFinder):
    def find_spec(self, fullname: str, path: object = None, target: object = None
                  ) -> importlib.machinery.ModuleSpec | None:
        if fullname not in MOVED:
            return None
        return importlib.machinery.ModuleSpec(fullname, _Loader())


_FINDER = _Finder()


def install() -> None:
    """Put the finder of old paths first on ``sys.meta_path`` (once; ``import leadkit`` does it).

    Returns
    -------
    None
        The finder answers for the old paths from now on.

    Examples
    --------
    >>> install(); sum(isinstance(f, _Finder) for f in sys.meta_path)
    1
    """
    if not any(isinstance(finder, _Finder) for finder in sys.meta_path):
        sys.meta_path.insert(0, _FINDER)
