"""Handing in from the command line and from the notebook: checked before writing, in the
learner's language, with the flag named when something is missing."""

from __future__ import annotations

import json

import pytest

from leadkit.cli import main
from leadkit.i18n import set_language
from leadkit.store.journal import Journal
from leadkit.widgets.handin import hand_in


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("LEADKIT_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("LEADKIT_LANG", raising=False)
    monkeypatch.chdir(tmp_path)
    yield tmp_path
    set_language("en")


def test_missing_learner_names_the_flag_and_writes_nothing(home, capsys):
    assert main(["portfolio", "--out", "portfolio.html", "--bundle", "me.json"]) == 2
    err = capsys.readouterr().err
    assert "--learner" in err and "learner='" not in err
    assert not (home / "portfolio.html").exists() and not (home / "me.json").exists()


def test_bad_learner_id_is_refused_before_writing(home, capsys):
    assert main(["portfolio", "--out", "p.html", "--learner", "jan de vries"]) == 2
    assert "--learner" in capsys.readouterr().err
    assert not (home / "p.html").exists()


@pytest.mark.parametrize("argv", [
    ["--lang", "nl", "portfolio", "--out", "p.html", "--learner", "s1"],
    ["portfolio", "--out", "p.html", "--learner", "s1", "--lang", "nl"],
])
def test_lang_before_or_after_the_subcommand(home, argv):
    assert main(argv) == 0
    assert "<h1>Reflectieportfolio" in (home / "p.html").read_text(encoding="utf-8")


def test_lang_defaults_to_leadkit_lang(home, monkeypatch):
    monkeypatch.setenv("LEADKIT_LANG", "nl")
    assert main(["portfolio", "--out", "p.html"]) == 0
    assert "<h1>Reflectieportfolio" in (home / "p.html").read_text(encoding="utf-8")


def test_a_dutch_learners_portfolio_is_dutch(home):
    set_language("nl")
    box = hand_in(folder=home)  # the learner worked in a Dutch notebook
    box.number.value = "s2501030"
    box.button.click()
    set_language("en")  # a new terminal, no --lang, no LEADKIT_LANG
    assert main(["portfolio", "--out", "later.html"]) == 0
    assert "<h1>Reflectieportfolio" in (home / "later.html").read_text(encoding="utf-8")


def test_hand_in_widget_checks_the_number_then_writes_both_files(home):
    j = Journal()
    j.add("goal", "Eerst luisteren.", share_with_teacher=True)
    j.add("doubt", "Privé.")
    set_language("nl")
    box = hand_in(journal=j, folder=home)
    assert box.button.description == "Maak mijn portfolio"
    box.number.value = "jan de vries"
    box.button.click()
    assert "✘" in box.status.value and box.files is None
    assert not list(home.glob("portfolio-*")) and not list(home.glob("bundle-*"))
    box.number.value = " s2501030 "
    box.button.click()
    portfolio, bundle = box.files
    assert portfolio == home / "portfolio-s2501030.html"
    assert "<h1>Reflectieportfolio" in portfolio.read_text(encoding="utf-8")
    data = json.loads(bundle.read_text(encoding="utf-8"))
    assert data["learner"] == "s2501030" and data["counts"]["private"] == 1
    assert "download='portfolio-s2501030.html'" in box.status.value
    assert "data-file='bundle-s2501030.json'" in box.status.value
    assert "href='data:text/html;base64," in box.status.value
    assert "1 privé-reflecties" in box.status.value
    set_language("en")
    assert box.button.description == "Make my portfolio"
    assert "Done" in box.status.value


@pytest.mark.slow
def test_the_readme_hand_in_command_works_as_written(home):
    import re
    import shlex
    import subprocess
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    exe = root / ".venv" / "bin" / "leadkit"
    if not exe.exists():
        pytest.skip("make install has not run")
    readme = (root / "README.md").read_text(encoding="utf-8")
    line = re.search(r"^\.venv/bin/leadkit portfolio .*$", readme, re.M).group(0)
    argv = shlex.split(line.split("#")[0])
    argv[0] = str(exe)
    done = subprocess.run(argv, cwd=home, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert (home / "portfolio.html").exists() and (home / "me.json").exists()
