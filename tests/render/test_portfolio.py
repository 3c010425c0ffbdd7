"""Portfolio (HTML, Markdown), export bundle, and the ``leadkit portfolio`` subcommand."""

from __future__ import annotations

import argparse
import base64
import json
import re

import pandas as pd
import pytest

from leadkit.cli.learner import register
from leadkit.content.frameworks import list_frameworks, load_framework
from leadkit.errors import LeadkitError
from leadkit.i18n import set_language
from leadkit.render.portfolio import (
    portfolio_html,
    portfolio_markdown,
    write_portfolio,
)
from leadkit.store.bundle import BUNDLE_FORMAT, BUNDLE_VERSION, export_bundle, make_bundle
from leadkit.store.journal import Journal

NASTY = "<script>alert('x')</script> & <b>bold</b>"


@pytest.fixture
def journal(tmp_path):
    j = Journal(tmp_path / "j", learner="s2501234")
    first = j.add("goal", "My first thought", notebook="01-agile-cmo",
                  prompt={"en": "What is your goal?", "nl": "Wat is je doel?"})
    j.revise(first, "My better thought")
    j.add("doubt", "PRIVATE-ONLY text I keep to myself")
    j.add("share", NASTY, share_with_teacher=True)
    j.save_scores("my-model", pd.DataFrame({"element": ["x", "y"], "score": [2.0, 3.0]}))
    j.save_scores("my-model", pd.DataFrame({"element": ["x", "y"], "score": [4.0, 4.5],
                                            "n_answered": [3, 2]}))
    return j


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="leadkit")
    register(parser.add_subparsers(dest="command", required=True))
    return parser


# -- bundle -------------------------------------------------------------------------------------
def test_bundle_holds_scores_and_only_shared_text(journal):
    b = make_bundle(journal)
    assert (b["format"], b["version"], b["learner"]) == (BUNDLE_FORMAT, BUNDLE_VERSION,
                                                         "s2501234")
    assert [e["text"] for e in b["shared_entries"]] == [NASTY]
    assert b["counts"] == {"entries": 3, "shared": 1, "private": 2}
    assert [(s["element"], s["score"], s["n_answered"]) for s in b["scores"]] == [
        ("x", 4.0, 3), ("y", 4.5, 2)]  # the newest set only
    dumped = json.dumps(b)
    assert "PRIVATE-ONLY" not in dumped and "first thought" not in dumped


def test_bundle_follows_the_share_flag_when_it_changes(journal):
    private_id = int(journal.entries().query("prompt_id == 'doubt'")["id"].item())
    journal.set_shared(private_id)
    assert len(make_bundle(journal)["shared_entries"]) == 2


def test_export_bundle_writes_json(journal, tmp_path):
    path = export_bundle(journal, tmp_path / "out" / "me.json")
    assert json.loads(path.read_text(encoding="utf-8"))["learner"] == "s2501234"
    assert not list(path.parent.glob(".*tmp"))  # nothing half-written left behind


def test_bundle_without_learner_id_is_refused(tmp_path):
    j = Journal(tmp_path)
    with pytest.raises(LeadkitError, match="learner id"):
        make_bundle(j)
    assert make_bundle(j, learner="s1")["learner"] == "s1"


# -- portfolio ---------------------------------------------------------------------------------
def test_html_is_self_contained_and_escapes_learner_text(journal, english):
    page = portfolio_html(journal)
    assert "<script>" not in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; &lt;b&gt;bold" in page
    assert not re.search(r"""(src|href)=['"]?(https?:|//)""", page)
    images = re.findall(r"data:image/png;base64,([A-Za-z0-9+/=]+)", page)
    assert len(images) == 1  # one framework profile
    assert base64.b64decode(images[0])[:8] == b"\x89PNG\r\n\x1a\n"
    # every reflection (private ones too: the portfolio is the learner's own) and versions
    for text in ("My better thought", "PRIVATE-ONLY", "My first thought", "What is your goal?"):
        assert text in page


def test_html_and_markdown_speak_the_current_language(journal, english):
    assert "Reflection portfolio" in portfolio_html(journal)
    set_language("nl")
    page, md = portfolio_html(journal), portfolio_markdown(journal)
    assert "<html lang='nl'>" in page and "Reflectieportfolio" in page
    assert md.startswith("# Reflectieportfolio") and "Wat is je doel?" in md


def test_markdown_has_tables_and_quoted_escaped_text(journal, english):
    md = portfolio_markdown(journal)
    assert "| x | 4.00 | 3 |" in md and "| y | 4.50 | 2 |" in md
    assert "> &lt;script&gt;" in md
    assert "> My better thought" in md


def test_empty_journal_still_gives_a_portfolio(tmp_path, english):
    page = portfolio_html(Journal(tmp_path))
    assert "No self-assessment saved yet." in page and "No reflections saved yet." in page


@pytest.mark.skipif("agile-cmo" not in list_frameworks(), reason="framework file not present")
def test_kit_frameworks_get_their_element_names(tmp_path, english):
    fw = load_framework("agile-cmo")
    j = Journal(tmp_path)
    j.save_scores("agile-cmo", pd.DataFrame({"element": [e.id for e in fw.elements],
                                             "score": 3.0}))
    md = portfolio_markdown(j)
    assert f"| {fw.elements[0].name['en']} | 3.00 |" in md


def test_write_portfolio_writes_both_files(journal, tmp_path, english):
    out = write_portfolio(journal, tmp_path / "p.html", markdown=tmp_path / "p.md")
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert (tmp_path / "p.md").read_text(encoding="utf-8").startswith("# Reflection portfolio")


# -- leadkit portfolio ------------------------------------------------------------------------
def test_portfolio_subcommand_writes_html_markdown_and_bundle(journal, tmp_path, capsys):
    args = _parser().parse_args(["portfolio", "--journal", str(journal.path), "--out",
                                 str(tmp_path / "p.html"), "--markdown", str(tmp_path / "p.md"),
                                 "--bundle", str(tmp_path / "b.json")])
    assert args.func(args) == 0
    for name in ("p.html", "p.md", "b.json"):
        assert (tmp_path / name).stat().st_size > 0
    assert "b.json" in capsys.readouterr().out


def test_portfolio_subcommand_reports_a_foreign_file_without_traceback(tmp_path, capsys):
    bad = tmp_path / "notes.sqlite"
    bad.write_text("not a journal")
    args = _parser().parse_args(["portfolio", "--journal", str(bad), "--out",
                                 str(tmp_path / "p.html")])
    assert args.func(args) == 2
    assert "not a leadkit journal" in capsys.readouterr().err
    assert not (tmp_path / "p.html").exists()


def test_the_dutch_portfolio_writes_decimal_commas(tmp_path):
    j = Journal(tmp_path / "nl", learner="s2501234")
    j.save_scores("agile-cmo", pd.DataFrame({"element": ["build-trust", "soft-skills"],
                                             "score": [10 / 3, 4.5], "n_answered": [3, 3]}))
    set_language("nl")
    try:
        page = portfolio_html(j)
    finally:
        set_language("en")
    table = page[page.index("<table"):]
    assert "3,33" in table and "4,50" in table and "3.33" not in table
    # The chart's own numbers too: its alt text, as the reader of that language writes them.
    assert "3,33" in re.search(r"alt='([^']*)'", page).group(1)


def test_the_portfolio_chart_ticks_use_the_languages_decimal_sign(monkeypatch):
    from leadkit.plots.figure import KitFigure
    from leadkit.render.portfolio import _chart_png

    ticks = []
    save = KitFigure.savefig

    def spy(self, *args, **kwargs):
        out = save(self, *args, **kwargs)
        ticks.extend(t.get_text() for t in self.axes[0].get_xticklabels())
        return out

    monkeypatch.setattr(KitFigure, "savefig", spy)
    table = pd.DataFrame({"element": ["a", "b"], "score": [1.2, 1.7]})
    set_language("nl")
    try:
        png = base64.b64decode(_chart_png(table, None))
    finally:
        set_language("en")
    assert png[:4] == b"\x89PNG"
    assert any("," in t for t in ticks) and not any("." in t for t in ticks), ticks
