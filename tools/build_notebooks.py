"""Write and execute the Dutch and English notebooks from their one source.

Each notebook has a single source, ``notebooks/src/NN-topic.py`` (jupytext percent format).
Markdown cells come in language pairs marked ``lang="en"`` / ``lang="nl"``; code cells are
shared, and ``{{LANG}}`` in a code cell becomes the notebook's language (``{{BILINGUAL}}``
becomes ``True`` in the bilingual start page, ``False`` elsewhere). This script writes

- ``notebooks/en/NN-topic-en.ipynb`` and ``notebooks/nl/NN-topic-nl.ipynb`` for every source
  (the language in the name too, so two open tabs of one lesson tell their languages apart);
- ``notebooks/00-start-here.ipynb``, the bilingual landing page: each en/nl pair of markdown
  cells becomes one cell holding both, marked ``lang``; the Dutch half is hidden until the
  language switch shows it (one language at a time);

Links in the source's markdown are written relative to ``notebooks/`` and by lesson
(``nl/01-agile-cmo.ipynb``), and rewritten to the built file (``01-agile-cmo-nl.ipynb``) for
the folder each notebook is written to, so they work in all three.

and executes them so that they open with their outputs. ``--check`` only compares the cell
sources with what is on disk and exits 1 when a built notebook is out of date (the test suite
calls :func:`stale_notebooks`).

Usage::

    python tools/build_notebooks.py            # build and execute all
    python tools/build_notebooks.py 07 10      # only notebooks whose name starts with these
    python tools/build_notebooks.py --check    # exit 1 if any built notebook is stale
"""

from __future__ import annotations

import argparse
import copy
import os
import posixpath
import re
import sys
import tempfile
from pathlib import Path

import jupytext
import nbformat

from leadkit.i18n import LANGUAGES, tr
from leadkit.widgets._common import STORED_HINT

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "notebooks" / "src"
OUT = ROOT / "notebooks"
LANGS = LANGUAGES  # every language the kit speaks gets its notebooks
KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}


def _cell_lang(cell) -> str | None:
    return cell.metadata.get("lang")


_LINK = re.compile(r"\]\((?!https?:|mailto:|#|/)([^)\s]+)\)")


def built_name(stem: str, lang: str) -> str:
    """The file name of a lesson's notebook in one language.

    >>> built_name("01-agile-cmo", "nl")
    '01-agile-cmo-nl.ipynb'
    """
    return f"{stem}-{lang}.ipynb"


_LESSON = re.compile(rf"^({'|'.join(LANGS)})/([^/]+)\.ipynb$")


def relink(markdown: str, folder: str) -> str:
    """Rewrite links written relative to ``notebooks/`` for a notebook in ``notebooks/<folder>``.

    A link to a lesson in a language (``nl/01-agile-cmo.ipynb``) becomes a link to its built
    file (``nl/01-agile-cmo-nl.ipynb``), relative to ``folder``.

    >>> relink("[01](nl/01-agile-cmo.ipynb) and [en](en/00-start-here.ipynb)", "nl")
    '[01](01-agile-cmo-nl.ipynb) and [en](../en/00-start-here-en.ipynb)'
    >>> relink("[01](nl/01-agile-cmo.ipynb)", "")
    '[01](nl/01-agile-cmo-nl.ipynb)'
    """
    def built(match: re.Match[str]) -> str:
        target = match.group(1)
        if lesson := _LESSON.match(target):
            target = f"{lesson.group(1)}/{built_name(lesson.group(2), lesson.group(1))}"
        return f"]({posixpath.relpath(target, folder) if folder else target})"

    return _LINK.sub(built, markdown)


def _both(en: str, nl: str) -> str:
    # Blank lines around the markdown keep it markdown inside the HTML blocks.
    return f'<div lang="en">\n\n{en}\n\n</div>\n<div lang="nl" hidden>\n\n{nl}\n\n</div>'


_MARKER = re.compile(r"^# NBVAL_([A-Z_]+)[ \t]*\n?", re.MULTILINE)


def _test_markers_to_tags(cell) -> str:
    r"""Move nbval's ``# NBVAL_CHECK_OUTPUT`` comments into cell tags; return the clean source.

    Learners never see a test marker in a cell; nbval reads the same instruction from the tag
    (``nbval-check-output``).

    >>> import nbformat
    >>> cell = nbformat.v4.new_code_cell("# NBVAL_CHECK_OUTPUT\nlk.score(x)")
    >>> _test_markers_to_tags(cell), cell.metadata["tags"]
    ('lk.score(x)', ['nbval-check-output'])
    """
    tags = [f"nbval-{m.lower().replace('_', '-')}" for m in _MARKER.findall(cell.source)]
    if tags:
        cell.metadata["tags"] = sorted({*cell.metadata.get("tags", []), *tags})
    return _MARKER.sub("", cell.source)


def _shown(source: Path) -> str:
    """The source's path as stored in the notebook: relative to the repository when inside it."""
    try:
        return source.resolve().relative_to(ROOT).as_posix()
    except ValueError:
        return source.name


def build(source: Path, lang: str) -> nbformat.NotebookNode:
    """The notebook for one language ("en", "nl" or "both"), without outputs."""
    nb = jupytext.read(source, fmt="py:percent")
    cells = []
    source_cells = list(nb.cells)
    for i, cell in enumerate(source_cells):
        cell_lang = _cell_lang(cell)
        if lang != "both" and cell_lang not in (None, lang):
            continue
        if lang == "both" and cell_lang == "nl":
            continue  # merged into the English cell before it
        new = copy.deepcopy(cell)
        new.metadata.pop("lang", None)
        if new.cell_type == "markdown":
            new.source = relink(new.source, "" if lang == "both" else lang)
            pair = source_cells[i + 1] if i + 1 < len(source_cells) else None
            if lang == "both" and cell_lang == "en" and pair is not None \
                    and _cell_lang(pair) == "nl" and pair.cell_type == "markdown":
                new.source = _both(new.source, relink(pair.source, ""))
        if new.cell_type == "code":
            new.source = new.source.replace("{{LANG}}", "en" if lang == "both" else lang)
            # Only the bilingual page follows the learner's remembered language.
            new.source = new.source.replace("{{BILINGUAL}}", str(lang == "both"))
            new.source = _test_markers_to_tags(new)
            new.outputs, new.execution_count = [], None
        new["id"] = f"c{len(cells):03d}"  # stable ids keep diffs and nbval quiet
        cells.append(new)
    out = nbformat.v4.new_notebook(cells=cells)
    out.metadata = {
        "kernelspec": KERNELSPEC,
        "language_info": {"name": "python"},
        "leadkit": {"source": _shown(source), "language": lang},
    }
    return out


def targets(source: Path) -> list[tuple[Path, str]]:
    """Where a source's notebooks go, with their language."""
    pairs = [(OUT / lang / built_name(source.stem, lang), lang) for lang in LANGS]
    if source.stem.startswith("00-"):
        pairs.append((OUT / f"{source.stem}.ipynb", "both"))
    return pairs



def _strip_volatile(nb: nbformat.NotebookNode, lang: str) -> None:
    """Remove what changes from run to run: widget model ids, timings.

    A stored widget cannot be shown without its live kernel, so its output becomes a short
    hint in the notebook's language instead of a wall of ``VBox(children=...)`` text.
    """
    hint = (" ".join(tr(STORED_HINT, code) for code in LANGS) if lang == "both"
            else tr(STORED_HINT, lang))
    nb.metadata.pop("widgets", None)
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if data.pop("application/vnd.jupyter.widget-view+json", None) is not None:
                data["text/plain"] = hint
            if output.get("output_type") == "execute_result":
                output["execution_count"] = cell.get("execution_count")


def execute(nb: nbformat.NotebookNode, workdir: Path, lang: str) -> None:
    """Run the notebook in a fresh kernel with a throw-away journal."""
    from nbclient import NotebookClient

    with tempfile.TemporaryDirectory() as home:
        old = os.environ.get("LEADKIT_HOME")
        os.environ["LEADKIT_HOME"] = home
        try:
            NotebookClient(
                nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": workdir}}
            ).execute()
        finally:
            if old is None:
                os.environ.pop("LEADKIT_HOME", None)
            else:
                os.environ["LEADKIT_HOME"] = old
    _strip_volatile(nb, lang)


def _sources_of(nb: nbformat.NotebookNode) -> list[tuple[str, str]]:
    return [(c.cell_type, c.source) for c in nb.cells]


def stale_notebooks() -> list[str]:
    """Built notebooks whose cells differ from their source (or that are missing)."""
    stale = []
    for source in sorted(SRC.glob("*.py")):
        for path, lang in targets(source):
            if not path.exists():
                stale.append(f"{path.relative_to(ROOT)} (missing)")
                continue
            on_disk = nbformat.read(path, as_version=4)
            if _sources_of(on_disk) != _sources_of(build(source, lang)):
                stale.append(str(path.relative_to(ROOT)))
    return stale


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("only", nargs="*", help="build only notebooks starting with these")
    parser.add_argument("--check", action="store_true", help="only report stale notebooks")
    parser.add_argument("--no-execute", action="store_true", help="write without running")
    args = parser.parse_args(argv)
    if args.check:
        stale = stale_notebooks()
        for name in stale:
            print(f"out of date: {name}  (run: python tools/build_notebooks.py)")
        return 1 if stale else 0
    for source in sorted(SRC.glob("*.py")):
        if args.only and not any(source.stem.startswith(o) for o in args.only):
            continue
        for path, lang in targets(source):
            nb = build(source, lang)
            path.parent.mkdir(parents=True, exist_ok=True)
            if not args.no_execute:
                execute(nb, path.parent, lang)
            nbformat.write(nb, path)
            print(f"wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
