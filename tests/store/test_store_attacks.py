"""Files a careless export or an adversary makes: each ends in a named error, never a traceback."""

from __future__ import annotations

import contextlib
import copy
import errno
import json
import os
import shutil
import stat
import tempfile
from pathlib import Path

import pandas as pd
import pytest
from ci_skip import skip_or_fail

import leadkit as lk
from leadkit.errors import InputError, LeadkitError
from leadkit.render.portfolio import portfolio_markdown, write_portfolio
from leadkit.store import safe_output
from leadkit.store.classroom import class_overview
from leadkit.store.handins import load_bundles, sample_bundles_dir

SAMPLES = sorted(sample_bundles_dir().glob("*.json"))


def _folder_with(tmp_path: Path, change) -> Path:
    folder = tmp_path / "handins"
    folder.mkdir()
    for f in SAMPLES[1:4]:
        shutil.copy(f, folder)
    doc = json.loads(SAMPLES[0].read_text(encoding="utf-8"))
    text = change(copy.deepcopy(doc))
    (folder / "odd.json").write_text(text if isinstance(text, str) else json.dumps(text),
                                     encoding="utf-8")
    return folder


def _set(path: list, value):
    def change(doc):
        target = doc
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value
        return doc
    return change


@pytest.mark.parametrize(("change", "expected"), [
    (_set(["scores", 0, "instrument_form"], ["self"]), "instrument_form"),
    (_set(["scores", 0, "score"], 10**400), "score is"),
    (lambda d: (d["scores"][0].pop("score"), d)[1], "has no 'score'"),
    (_set(["scores", 0, "n_answered"], "many"), "n_answered"),
    (_set(["counts"], {"private": "lots"}), "'counts'"),
    (lambda d: json.dumps(d).replace('"s2501030"', '"s25\\ud800"'), "lone surrogate"),
], ids=["form-a-list", "huge-integer", "no-score", "bad-count", "bad-counts", "surrogate"])
def test_a_damaged_bundle_is_named_not_a_traceback(tmp_path, change, expected):
    with pytest.raises(InputError, match=expected) as err:
        load_bundles(_folder_with(tmp_path, change))
    assert "odd.json" in str(err.value)


def test_the_overview_of_a_class_of_two_gives_no_count():
    bundles = load_bundles(sample_bundles_dir())[:2]
    overview = class_overview(bundles)
    assert overview["count"].isna().all()
    assert "fewer than 3" in overview["what"].iloc[0]


def test_leadkit_home_naming_a_file_is_a_clear_error(tmp_path, monkeypatch):
    afile = tmp_path / "afile"
    afile.write_text("x")
    monkeypatch.setenv("LEADKIT_HOME", str(afile))
    with pytest.raises(LeadkitError, match="is a file, not a folder"):
        lk.Journal()


def test_a_full_disk_leaves_the_old_file_and_no_temporary_file(tmp_path, monkeypatch):
    target = tmp_path / "portfolio.md"
    target.write_text("the old portfolio")

    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(safe_output.os, "fsync", full)
    with pytest.raises(OSError, match="No space left"):
        safe_output.write_text_atomically(target, "the new portfolio")
    assert target.read_text() == "the old portfolio"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["portfolio.md"]


def test_the_portfolio_is_private_and_shows_no_terminal_or_bidi_controls(tmp_path):
    journal = lk.Journal(tmp_path / "j")
    journal.add("p", "Safe\x1b[2J\x1b]0;owned\x07 text \u202eevil\u202c.")
    html_path = write_portfolio(journal, tmp_path / "out" / "portfolio.html",
                                markdown=tmp_path / "out" / "portfolio.md")
    for path in (html_path, tmp_path / "out" / "portfolio.md"):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        text = path.read_text(encoding="utf-8")
        assert "\x1b" not in text and "\u202e" not in text and "Safe" in text
    assert "\x1b" not in portfolio_markdown(journal)


@contextlib.contextmanager
def _as_other_user():
    os.setegid(52000)
    os.seteuid(52001)
    try:
        yield
    finally:
        os.seteuid(0)
        os.setegid(0)


def test_a_read_only_journal_can_be_read_and_exported_not_written():
    if os.name != "posix" or os.geteuid() != 0:
        skip_or_fail("the read-only journal test acts as another user, which needs root")
    folder = Path(tempfile.mkdtemp())
    journal = lk.Journal(folder)
    journal.add("p", "Written before the folder became read-only.")
    journal.save_scores("agile-cmo", pd.DataFrame({"element": ["build-trust"], "score": [4.0]}))
    portfolio_markdown(journal)  # everything the export needs is loaded while we may read it
    (folder / "journal.sqlite").chmod(0o444)
    folder.chmod(0o555)
    with _as_other_user():
        copy_ = lk.Journal(folder)
        assert copy_.entries()["text"].tolist() == ["Written before the folder became read-only."]
        assert "build-trust" in portfolio_markdown(copy_) or "Build trust" in portfolio_markdown(
            copy_)
        with pytest.raises(LeadkitError, match="read and exported from here, not written"):
            copy_.add("p", "A new thought.")
