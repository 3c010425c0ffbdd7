"""Every notebook is built from its one source; a stale built notebook fails the suite."""

import json
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))
import build_notebooks  # noqa: E402

SOURCES = sorted((ROOT / "notebooks" / "src").glob("*.py"))
# Notebooks 90+ are workshop apps for Voila (a title, the language switch and one widget);
# the lesson anatomy applies to the others.
LESSONS = [s for s in SOURCES if int(s.stem[:2]) < 90]


def test_built_notebooks_match_their_sources():
    stale = build_notebooks.stale_notebooks()
    assert not stale, f"rebuild with 'make notebooks': {stale}"


BUILT = sorted(p for p in (ROOT / "notebooks").glob("**/*.ipynb")
               if ".ipynb_checkpoints" not in p.parts)
_RELATIVE_LINK = re.compile(r"\]\((?!https?:|mailto:|#|/)([^)\s#?]+)")


@pytest.mark.parametrize("built", BUILT, ids=lambda p: str(p.relative_to(ROOT / "notebooks")))
def test_every_relative_link_in_a_built_notebook_opens_a_file(built):
    # Both halves of the bilingual start page count: the Dutch one shows after the switch.
    nb = json.loads(built.read_text(encoding="utf-8"))
    markdown = "".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown")
    missing = [t for t in _RELATIVE_LINK.findall(markdown) if not (built.parent / t).exists()]
    assert not missing, f"{built.name} links to files that do not exist: {missing}"


def test_names_are_zero_padded_and_parseable():
    for src in SOURCES:
        assert re.fullmatch(r"\d\d-[a-z0-9-]+", src.stem), src.name


@pytest.mark.parametrize("src", SOURCES, ids=lambda p: p.stem)
def test_markdown_comes_in_language_pairs(src):
    import jupytext

    nb = jupytext.read(src, fmt="py:percent")
    langs = [c.metadata.get("lang") for c in nb.cells if c.cell_type == "markdown"]
    assert langs.count("en") == langs.count("nl"), "every English text needs its Dutch twin"


@pytest.mark.parametrize("src", LESSONS, ids=lambda p: p.stem)
def test_notebook_anatomy(src):
    text = src.read_text(encoding="utf-8")
    nb = build_notebooks.build(src, "en")
    first_md = next(c.source for c in nb.cells if c.cell_type == "markdown")
    assert first_md.startswith("# "), "a title first"
    lowered = text.lower()
    for needle in ("learning objectives", "after this notebook") :
        if needle in lowered:
            break
    else:
        pytest.fail("no learning objectives")
    assert "self_check(" in text or "scenario_check(" in text, "a self-check"
    assert "reflect(" in text, "a reflection saved to the journal"
    assert "## sources" in lowered, "its sources"
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert 'set_language("en")' in code[0].source


@pytest.mark.parametrize("src", SOURCES, ids=lambda p: p.stem)
def test_cells_stay_thin(src):
    nb = build_notebooks.build(src, "en")
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        lines = [ln for ln in cell.source.splitlines() if ln.strip() and not ln.startswith("#")]
        assert len(lines) <= 6, f"a cell of {len(lines)} lines belongs in leadkit:\n{cell.source}"
        assert not re.search(r"^\s*(def|class|for|while) ", cell.source, re.M), cell.source


def test_stored_outputs_are_deterministic():
    for path in (ROOT / "notebooks").rglob("*.ipynb"):
        text = path.read_text(encoding="utf-8")
        assert not re.search(r" at 0x[0-9a-f]{6,}", text), f"memory address in {path.name}"
        nb = json.loads(text)
        assert "widgets" not in nb["metadata"], f"widget state stored in {path.name}"


def test_the_stored_notebook_says_how_to_show_the_widgets():
    import leadkit as lk

    root = Path(__file__).resolve().parents[2] / "notebooks"
    nb = json.loads((root / "nl" / "01-agile-cmo-nl.ipynb").read_text())
    hints = {o["data"]["text/plain"] if isinstance(o["data"]["text/plain"], str)
             else "".join(o["data"]["text/plain"])
             for c in nb["cells"] if c["cell_type"] == "code" for o in c.get("outputs", [])
             if "data" in o and "text/plain" in o["data"] and "Run All Cells" in
             "".join(o["data"]["text/plain"])}
    assert hints == {lk.tr("[The buttons appear when the notebook runs: menu Run → Run All "
                           "Cells.]", "nl")}
