"""Every public function documents its parameters and result; the core layers show an example.

A public function is one listed in its module's ``__all__`` and defined in that module. The
core layers (content, survey, learning, simulate, store, privacy, i18n) also need an
``Examples`` section, which ``pytest --doctest-modules`` runs.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import pytest

import leadkit

CORE = ("content", "survey", "learning", "simulate", "store", "privacy", "i18n")


def public_functions():
    """Yield (module name, function name, function) for every public function of the kit."""
    for info in pkgutil.walk_packages(leadkit.__path__, "leadkit."):
        module = importlib.import_module(info.name)
        for name in getattr(module, "__all__", []):
            obj = getattr(module, name, None)
            if inspect.isfunction(obj) and obj.__module__ == info.name:
                yield info.name, name, obj


def is_core(module_name: str) -> bool:
    """True when the module belongs to one of the core layers."""
    parts = module_name.split(".")
    return len(parts) > 1 and parts[1] in CORE


def missing_sections(func, core: bool) -> list[str]:
    """The numpydoc sections that the docstring of ``func`` lacks."""
    doc = inspect.getdoc(func) or ""
    params = [p for p in inspect.signature(func).parameters if p != "self"]
    missing = []
    if params and "Parameters\n---" not in doc:
        missing.append("Parameters")
    if "Returns\n---" not in doc and "Yields\n---" not in doc:
        missing.append("Returns")
    if core and "Examples\n---" not in doc:
        missing.append("Examples")
    return missing


def test_every_public_function_has_its_sections():
    gaps = [
        f"{module}.{name}: {', '.join(missing)}"
        for module, name, func in public_functions()
        if (missing := missing_sections(func, is_core(module)))
    ]
    assert not gaps, "docstring sections missing:\n" + "\n".join(gaps)


def test_the_walk_finds_the_public_functions():
    names = {f"{module}.{name}" for module, name, _ in public_functions()}
    assert "leadkit.psychometrics.item_analysis.reliability" in names
    assert "leadkit.i18n.set_language" in names


def _bare(a, b=1):
    """Add two numbers."""
    return a + b


def _documented(a):
    """Halve a number.

    Parameters
    ----------
    a : float
        The number.

    Returns
    -------
    float
        Half of it.

    Examples
    --------
    >>> _documented(4)
    2.0
    """
    return a / 2


@pytest.mark.parametrize(
    ("core", "expected"),
    [(False, ["Parameters", "Returns"]), (True, ["Parameters", "Returns", "Examples"])],
)
def test_the_checker_catches_a_bare_docstring(core, expected):
    assert missing_sections(_bare, core) == expected


def test_the_checker_accepts_a_full_docstring():
    assert missing_sections(_documented, True) == []
    assert is_core("leadkit.survey.scoring") and not is_core("leadkit.plots.base")
