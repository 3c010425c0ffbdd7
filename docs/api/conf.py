"""Sphinx configuration of the API reference (``make docs``; warnings are errors).

The pages are written from the one list of the public API, ``leadkit/__init__.pyi``: each
section of the stub (``# == learner: Journal and portfolio``) becomes a heading on the page of
its audience, and every name in it an entry, documented from its numpydoc docstring. The
packages ``plots``, ``widgets`` and ``simulate`` get a page each from their own stubs.
"""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT))

project = "leadkit"
author = "The leadkit authors"
copyright = "2026, The leadkit authors"  # noqa: A001 - Sphinx's setting
release = version = "0.1.0"

extensions = ["sphinx.ext.autodoc", "numpydoc", "sphinx.ext.intersphinx"]
numpydoc_show_class_members = False  # members are listed by autodoc's :members:
numpydoc_class_members_toctree = False
autodoc_typehints = "none"  # the numpydoc sections already give the types
autodoc_member_order = "bysource"
intersphinx_mapping: dict = {}  # no network: references to other projects stay plain text
html_theme = "pydata_sphinx_theme"
html_title = "leadkit API reference"
html_theme_options = {"navigation_with_keys": False, "show_toc_level": 2}
html_static_path: list[str] = []
exclude_patterns = ["_build"]
nitpicky = False
suppress_warnings = ["ref.python"]  # a name that is both a function and a package attribute

AUDIENCES = {  # page title, and what the page holds
    "everyone": ("Everyone", "The frameworks and the kit's data, the language switch, errors."),
    "learner": ("Learners", "Cases and dilemmas, the team example, team scenarios, the journal "
                "and the portfolio."),
    "teacher": ("Teachers", "The live class pool, hand-ins and the class results."),
    "researcher": ("Researchers", "Reading and scoring survey files, reliability, agreement, "
                   "multilevel models and response surfaces, the report."),
}
_SECTION = re.compile(r"^# == (\w+): (.+)$")


def stub_sections(stub: Path) -> list[tuple[str, str, list[str]]]:
    """(audience, title, names) for each ``# == audience: title`` section of a stub."""
    lines = stub.read_text(encoding="utf-8").splitlines()
    tree = ast.parse(stub.read_text(encoding="utf-8"))
    starts = [(i + 1, m.group(1), m.group(2)) for i, line in enumerate(lines)
              if (m := _SECTION.match(line))]
    sections = []
    for k, (line, audience, title) in enumerate(starts):
        end = starts[k + 1][0] if k + 1 < len(starts) else len(lines) + 1
        names = [alias.name for node in tree.body if isinstance(node, ast.ImportFrom)
                 and node.module and line < node.lineno < end for alias in node.names]
        sections.append((audience, title, names))
    return sections


def _entry(qualified: str) -> str:
    import importlib
    import inspect

    module, name = qualified.rsplit(".", 1)
    obj = getattr(importlib.import_module(module), name)
    if inspect.isclass(obj):
        return f".. autoclass:: {qualified}\n   :members:\n"
    if callable(obj):
        return f".. autofunction:: {qualified}\n"
    return f".. autodata:: {qualified}\n   :annotation:\n"


def write_pages() -> None:
    out = HERE / "generated"
    out.mkdir(exist_ok=True)
    pages: dict[str, list[str]] = {a: [] for a in AUDIENCES}
    for audience, title, names in stub_sections(ROOT / "leadkit" / "__init__.pyi"):
        if audience not in AUDIENCES:
            continue
        pages[audience] += [title, "-" * len(title), "", ".. currentmodule:: leadkit", ""]
        pages[audience] += [_entry(f"leadkit.{name}") for name in names]
    for audience, body in pages.items():
        head, intro = AUDIENCES[audience]
        text = "\n".join([head, "=" * len(head), "", intro, "", *body])
        (out / f"{audience}.rst").write_text(text + "\n", encoding="utf-8")
    for package in ("plots", "widgets", "simulate"):
        tree = ast.parse((ROOT / "leadkit" / package / "__init__.pyi").read_text("utf-8"))
        names = [alias.name for node in tree.body if isinstance(node, ast.ImportFrom)
                 for alias in node.names]
        head = f"leadkit.{package}"
        doc = f".. automodule:: leadkit.{package}\n   :no-members:\n"
        text = "\n".join([head, "=" * len(head), "", doc,
                          *[_entry(f"leadkit.{package}.{name}") for name in names]])
        (out / f"{package}.rst").write_text(text + "\n", encoding="utf-8")


write_pages()


def _not_the_kits(app, what, name, obj, skip, options):  # noqa: ANN001 - Sphinx's signature
    """Leave out members another library adds to a kit class (matplotlib's ``Artist.set``)."""
    code = getattr(getattr(obj, "fget", obj), "__code__", None)
    if code is not None and not code.co_filename.startswith(str(ROOT / "leadkit")):
        return True
    return None


def setup(app):  # noqa: ANN001 - Sphinx's signature
    app.connect("autodoc-skip-member", _not_the_kits)
