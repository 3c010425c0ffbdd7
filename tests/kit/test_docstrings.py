"""Every public docstring passes numpydoc's validation, and help() shows no placeholder.

A public object is a function or class listed in its module's ``__all__`` and defined there,
and the public methods and properties a public class defines itself. numpydoc's validator
(``numpydoc.validate``, the checks scikit-learn and pandas run) reads the docstring as
``help()`` and the API reference show it, after :func:`leadkit.docparams.shared_params` has
filled in the shared parameter texts. The core layers also need an ``Examples`` section, which
``pytest --doctest-modules`` runs.
"""

from __future__ import annotations

import dataclasses
import importlib
import inspect
import pkgutil
import re
from collections.abc import Iterator

from numpydoc.validate import validate

import leadkit

CORE = ("content", "survey", "psychometrics", "learning", "classpool", "simulate", "store",
        "privacy", "i18n")

PACKAGE = str(__import__("pathlib").Path(leadkit.__file__).parent)

#: The numpydoc checks the kit holds itself to (numpydoc.validate.ERROR_MSGS has the texts).
#: Not held: ES01 (an extended summary), SA01 (See Also), EX01 outside the core (below), PR03
#: (order: a block of parameters shared by several functions is written once, in docparams).
CHECKS = {
    "GL01", "GL02", "GL03", "GL05", "GL06", "GL07", "GL08", "GL09", "GL10",  # layout
    "SS01", "SS02", "SS03", "SS04", "SS05", "SS06",  # the summary line
    "PR01", "PR02", "PR04", "PR05", "PR06", "PR07", "PR08", "PR09", "PR10",  # parameters
    "RT01", "RT02", "RT03", "RT04", "RT05", "YD01",  # returns and yields
}


#: Core functions that only run against a live JupyterHub: tests/hub/ runs them, not a doctest.
NEEDS_A_HUB = {"leadkit.classpool.service.make_app", "leadkit.classpool.service.main"}


def public_objects() -> Iterator[tuple[str, object]]:
    """Yield (dotted name, object) for every public function, class, method and property."""
    for info in pkgutil.walk_packages(leadkit.__path__, "leadkit."):
        module = importlib.import_module(info.name)
        private = any(part.startswith("_") for part in info.name.split("."))
        package = importlib.import_module(info.name.rsplit(".", 1)[0])
        for name in getattr(module, "__all__", []):
            if private and name not in getattr(package, "__all__", ()):
                continue  # a private module's helper: public only where its package lists it
            obj = getattr(module, name, None)
            if not (inspect.isfunction(obj) or inspect.isclass(obj)):
                continue
            if getattr(obj, "__module__", None) != info.name:
                continue
            yield f"{info.name}.{name}", obj
            if inspect.isclass(obj):
                for attr, value in vars(obj).items():
                    own = getattr(value, "fget", value)
                    if attr.startswith("_") or not (inspect.isfunction(own)):
                        continue
                    if not own.__code__.co_filename.startswith(PACKAGE):
                        continue  # made by a base class's machinery (matplotlib's Artist.set)
                    yield f"{info.name}.{name}.{attr}", value


def problems(name: str, obj: object) -> list[str]:
    """The numpydoc problems of one object that the kit does not allow."""
    found = [f"{code} {message}" for code, message in validate(name)["errors"]
             if code in CHECKS]
    if isinstance(obj, property):
        # A property reads as an attribute: it has no parameters and needs no Returns section.
        found = [f for f in found if not f.startswith(("RT01", "PR01", "SS05"))]
    if inspect.isclass(obj) and "Protocol" in {b.__name__ for b in obj.__mro__}:
        found = [f for f in found if not f.startswith("PR01")]  # a protocol is not called
    if dataclasses.is_dataclass(obj) and "Attributes\n---" in (inspect.getdoc(obj) or ""):
        # A result object: its fields are documented as Attributes, not as parameters.
        found = [f for f in found if not f.startswith(("PR01", "PR02"))]
    module = name.split(".")[1]
    core = module in CORE and inspect.isfunction(obj) and name.count(".") == 3
    if core and name not in NEEDS_A_HUB and "Examples\n---" not in (inspect.getdoc(obj) or ""):
        found.append("EX01 a public function of the core shows a running example")
    return found


def test_every_public_docstring_passes_numpydoc():
    bad = [f"{name}: {p}" for name, obj in public_objects() for p in problems(name, obj)]
    assert not bad, f"{len(bad)} docstring problems:\n" + "\n".join(bad)


_SLOT = re.compile(r"^\s*%\(\w+\)s\s*$", re.M)  # a line shared_params should have filled


def test_help_shows_no_placeholder():
    """A ``%(name)s`` left in a docstring (a forgotten shared_params) would reach help()."""
    left = [name for name, obj in public_objects() if _SLOT.search(inspect.getdoc(obj) or "")]
    left += [f"leadkit.{name}" for name in leadkit.__all__
             if _SLOT.search(inspect.getdoc(getattr(leadkit, name)) or "")]
    assert not left, "placeholders in: " + ", ".join(left)


def test_the_walk_finds_functions_classes_and_methods():
    names = {name for name, _ in public_objects()}
    assert {"leadkit.psychometrics.item_analysis.reliability", "leadkit.i18n.set_language",
            "leadkit.classpool.pool.ClassPool", "leadkit.classpool.pool.ClassPool.share",
            "leadkit.store.journal.Journal"} <= names


def _bare(a, b=1):
    """add two numbers"""
    return a + b


def _documented(a: float, parts: int = 2) -> float:
    """Divide a number into equal parts.

    Parameters
    ----------
    a : float
        The number to divide, negative or not.
    parts : int, default 2
        How many parts.

    Returns
    -------
    float
        One part.

    Examples
    --------
    >>> _documented(4)
    2.0
    """
    return a / parts


def _placeholder(a: float, parts: int = 2) -> float:
    return a / parts


# The full docstring with one parameter left as a line that shared_params should have filled.
_placeholder.__doc__ = _documented.__doc__.replace(
    "    a : float\n        The number to divide, negative or not.", "    %(a)s")


def test_the_checks_catch_a_bare_docstring_and_pass_a_full_one():
    bare = problems(f"{__name__}._bare", _bare)
    assert {p[:4] for p in bare} >= {"SS02", "SS03", "PR01", "RT01"}
    assert problems(f"{__name__}._documented", _documented) == []


def test_a_placeholder_is_a_problem():
    found = problems(f"{__name__}._placeholder", _placeholder)
    assert any(p.startswith(("PR01", "PR02")) for p in found), found
    assert _SLOT.search(inspect.getdoc(_placeholder))
