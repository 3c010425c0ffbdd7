"""The gettext catalogues: complete, current, compiled, and the only way code says a text.

Every learner-facing text in ``leadkit/`` is an English message id with a Dutch translation in
``leadkit/i18n/locale/nl/LC_MESSAGES/leadkit.po`` (managed with ``tools/i18n.py``). These tests
fail on a message the catalogue lacks, an untranslated or fuzzy entry, placeholders that differ
between the languages, a stale ``.mo``, and any new inline ``{"en": ..., "nl": ...}`` text in
code. The last test adds a third language the documented way and uses it.
"""

from __future__ import annotations

import ast
import importlib.util
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

import leadkit as lk

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "leadkit"


def _tool():
    spec = importlib.util.spec_from_file_location("kit_i18n_tool", ROOT / "tools" / "i18n.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module



def test_the_catalogues_are_complete_and_compiled():
    problems = _tool().problems()
    assert not problems, "\n".join(problems[:20]) + "\n(python tools/i18n.py update / compile)"


def test_the_check_finds_an_untranslated_a_fuzzy_and_a_missing_entry(tmp_path, monkeypatch):
    tool = _tool()
    locale = tmp_path / "locale"
    shutil.copytree(tool.LOCALE_DIR, locale)
    monkeypatch.setattr(tool, "LOCALE_DIR", locale)
    catalog = tool.read("nl")
    first, second, third = [m for m in catalog if m.id and isinstance(m.id, str)][:3]
    first.string = ""
    second.flags.add("fuzzy")
    catalog.delete(third.id)
    tool.write(catalog, "nl")
    found = "\n".join(tool.problems())
    assert f"untranslated: {first.id!r}" in found
    assert f"fuzzy (check the translation): {second.id!r}" in found
    assert f"not in the catalogue: {third.id!r}" in found
    assert "out of date" in found


_MARKERS = {"tr", "N_", "ngettext", "counted"}


def _inline_texts(path: Path) -> list[int]:
    """Lines with a text the catalogue tools cannot see: an inline {en, nl} pair, or a
    marked message inside an f-string (gettext extraction does not look into f-strings)."""
    lines = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Dict):
            keys = {k.value for k in node.keys if isinstance(k, ast.Constant)}
            if {"en", "nl"} <= keys:
                lines.append(node.lineno)
        if isinstance(node, ast.JoinedStr):
            for inner in ast.walk(node):
                if (isinstance(inner, ast.Call) and isinstance(inner.func, ast.Name)
                        and inner.func.id in _MARKERS
                        and any(isinstance(a, ast.Constant) and isinstance(a.value, str)
                                for a in inner.args)):
                    lines.append(inner.lineno)
    return lines


@pytest.mark.parametrize("path", sorted(p for p in PACKAGE.rglob("*.py")
                                        if "i18n" not in p.relative_to(PACKAGE).parts),
                         ids=lambda p: str(p.relative_to(PACKAGE)))
def test_code_writes_no_inline_bilingual_text(path):
    found = _inline_texts(path)
    assert not found, (f"{path.name}: inline {{'en': …, 'nl': …}} text on line(s) {found}; write "
                       "tr(\"English text\") and add the Dutch to the catalogue "
                       "(python tools/i18n.py update)")


def test_the_inline_text_check_catches_one(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text('label = tr({"en": "Trust", "nl": "Vertrouwen"})\n'
                      'title = f"{n} ({tr(\'frameworks\')})"\n')
    assert sorted(_inline_texts(sample)) == [1, 2]


def _hand_written_decimal_commas(path: Path) -> list[int]:
    """Lines that swap a decimal point for a comma literally (``.replace(".", ",")``): the
    decimal sign comes from the i18n layer (``format_number``, ``decimal_sign``)."""
    return [node.lineno for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
            and node.func.attr == "replace" and len(node.args) == 2
            and [getattr(a, "value", None) for a in node.args] == [".", ","]]


def test_no_decimal_comma_is_written_by_hand():
    found = {str(p.relative_to(PACKAGE)): lines for p in sorted(PACKAGE.rglob("*.py"))
             if (lines := _hand_written_decimal_commas(p))}
    assert not found, f"decimal commas written by hand (use leadkit.i18n): {found}"


def test_the_decimal_comma_check_catches_one(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text('a = f"{x:.2f}".replace(".", ",")\nb = text.replace(".", sign)\n')
    assert _hand_written_decimal_commas(sample) == [1]


def test_plural_forms_follow_the_count():
    assert lk.tr("Reflections", language="nl") == "Reflecties"
    from leadkit.i18n import counted

    assert [counted(n, "learner", "learners", "nl") for n in (0, 1, 2)] == [
        "0 studenten", "1 student", "2 studenten"]
    assert counted(1, "learner", "learners", "en") == "1 learner"


def test_numbers_and_dates_follow_the_language():
    from datetime import date

    from leadkit.i18n import format_date, format_number

    assert format_number(1234.5, 2, "nl") == "1234,50"  # no thousands dot in a score table
    assert format_number(1234.5, 2, "en") == "1234.50"
    assert format_number(float("nan"), 2, "nl") == "nan"
    assert format_date(date(2026, 3, 5), "nl") == "5 mrt 2026"
    assert format_date(date(2026, 3, 5), "en") == "5 Mar 2026"


@pytest.mark.slow
def test_a_third_language_is_a_catalogue_plus_yaml_fields(tmp_path):
    """The steps of docs/architecture.md ("add a language"), on a stub German."""
    tool = _tool()
    locale = tmp_path / "locale"
    shutil.copytree(tool.LOCALE_DIR, locale)
    tool.LOCALE_DIR = locale  # this module object only: the kit's own folder is not touched
    tool.new("de")  # step 1: a new .po from the messages in the code
    catalog = tool.read("de")
    for message in catalog:  # step 2: translate (here: mechanically)
        if message.id and isinstance(message.id, str):
            message.string = "DE " + message.id
        elif message.id:
            message.string = ("DE " + message.id[0], "DE " + message.id[1])
    catalog.get("Reflections").string = "Reflexionen"
    tool.write(catalog, "de")
    tool.compile_all()  # step 3: compile
    assert not [p for p in tool.problems() if p.startswith("de:")]
    # step 4: the YAML content gets a de field next to en and nl
    framework = yaml.safe_load((ROOT / "tests" / "data" / "samples-mini-framework.yaml")
                               .read_text(encoding="utf-8"))
    framework["title"]["de"] = "Mini-Führungsmodell"
    for element in framework["elements"]:
        element["name"]["de"] = "DE " + element["name"]["en"]
    framework["elements"][0]["name"]["de"] = "Vertrauen aufbauen"
    path = tmp_path / "mini-de.yaml"
    path.write_text(yaml.safe_dump(framework, allow_unicode=True), encoding="utf-8")
    code = ("import leadkit as lk; print(lk.get_language(), ','.join(lk.i18n.LANGUAGES)); "
            "print(lk.tr('Reflections')); "
            f"fw = lk.load_framework({str(path)!r}); print(lk.tr(fw.title)); "
            "print(fw.elements[0].label)")
    env = {**os.environ, "LEADKIT_LOCALE_DIR": str(locale), "LEADKIT_LANG": "de"}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env,
                         check=True, cwd=tmp_path).stdout.splitlines()
    assert out == ["de en,de,nl", "Reflexionen", "Mini-Führungsmodell", "Vertrauen aufbauen"]
    # Step 5: the notebook builder makes a German notebook from a source with German cells, and
    # a chart in it writes its numbers with German decimals (0,5), by the i18n layer alone.
    source = tmp_path / "99-de.py"
    source.write_text(_GERMAN_SOURCE.format(framework=str(path)), encoding="utf-8")
    build = ("import sys, json, pathlib; sys.path.insert(0, sys.argv[1]); "
             "import build_notebooks as b; src = pathlib.Path(sys.argv[2]); "
             "assert 'de' in b.LANGS, b.LANGS; nb = b.build(src, 'de'); "
             "b.execute(nb, src.parent, 'de'); "
             "print(json.dumps([c.source for c in nb.cells if c.cell_type == 'markdown'])); "
             "print(json.dumps([o.get('text', '') for c in nb.cells if c.cell_type == 'code' "
             "for o in c.outputs if o.get('output_type') == 'stream']))")
    done = subprocess.run([sys.executable, "-c", build, str(ROOT / "tools"), str(source)],
                          capture_output=True, text=True, env=env, cwd=tmp_path, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    markdown, printed = (json.loads(line) for line in done.stdout.splitlines()[-2:])
    assert markdown == ["# Diagramm"]  # the German cell, not the English or Dutch one
    ticks = printed[-1].split()
    assert "3,50" in ticks and not any("." in t for t in ticks), printed


_GERMAN_SOURCE = """# %% [markdown] lang="en"
# # Chart
# %% [markdown] lang="nl"
# # Grafiek
# %% [markdown] lang="de"
# # Diagramm
# %%
import pandas as pd
import leadkit as lk
lk.set_language("{{{{LANG}}}}")
fw = lk.load_framework({framework!r})
# %%
scores = pd.DataFrame({{"element": [e.id for e in fw.elements], "score": 3.5}})
fig = lk.plots.profile(scores, framework=fw)
_ = fig._repr_png_()  # drawn as a notebook shows it
print(" ".join(t.get_text() for ax in fig.axes for t in [*ax.get_xticklabels(), *ax.texts]))
"""


# Terms docs/glossary.md rules out in Dutch, and what to write instead.
_RULED_OUT = [
    (r"\belement(en)?\b", "onderdeel"),      # an element of a framework is an onderdeel
    (r"\bstelling(en)?\b", "uitspraak"),     # a questionnaire item is an uitspraak
]


def test_the_dutch_catalogue_follows_the_glossary():
    import re

    bad = []
    for message in _tool().read("nl"):
        if not message.id:
            continue
        english = message.id if isinstance(message.id, str) else message.id[0]
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for text in strings:
            plain = re.sub(r"\{[^}]*\}", "", text)  # placeholders are names, not words
            bad += [f"{english!r}: '{text}' (write {instead})"
                    for pattern, instead in _RULED_OUT if re.search(pattern, plain, re.I)]
            # a framework is a raamwerk; 'model' is for simulation models only
            if ("framework" in english.lower() and "model" not in english.lower()
                    and re.search(r"\bmodel(len)?\b", plain, re.I)):
                bad.append(f"{english!r}: '{text}' (write raamwerk)")
    assert not bad, "\n".join(bad)


@pytest.mark.parametrize("path", sorted(PACKAGE.rglob("*.py")),
                         ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_text_is_translated_at_import_time(path):
    # A module-level tr("...") is translated once, in the language of the moment the module
    # was imported; a later set_language would not reach it. Mark it with N_ instead.
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = [node.lineno for stmt in tree.body if isinstance(stmt, ast.Assign | ast.AnnAssign)
             for node in ast.walk(stmt)
             if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
             and node.func.id in {"tr", "ngettext", "counted"}]
    assert not found, f"{path.name}: translated at import on line(s) {found}; use N_(...)"
