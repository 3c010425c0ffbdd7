"""The teacher's live lesson from the command line: --lang anywhere, the lesson, the export."""

from __future__ import annotations

import urllib.request

import pytest

import leadkit as lk
from leadkit.classpool.pool import ClassPool
from leadkit.cli import main

FW = "agile-cmo"


@pytest.fixture(autouse=True)
def english():
    yield
    lk.set_language("en")


def _pool(where, scores=(4.0, 3.0, 2.0, 10 / 3)):
    pool = ClassPool.create(where)
    elements = [e.id for e in lk.load_framework(FW).elements]
    for i, s in enumerate(scores):
        pool.share(learner=f"s{i}", framework=FW, scores={e: s for e in elements})
    return pool


@pytest.mark.parametrize("argv", [
    ["--lang", "nl", "class", "view", "{p}", "-f", FW],
    ["class", "--lang", "nl", "view", "{p}", "-f", FW],
    ["class", "view", "{p}", "-f", FW, "--lang", "nl"],
    ["class", "view", "--lang=nl", "{p}", "-f", FW],
])
def test_lang_is_accepted_anywhere_on_the_line(argv, tmp_path, capsys):
    _pool(tmp_path / "p")
    assert main([a.replace("{p}", str(tmp_path / "p")) for a in argv]) == 0
    out = capsys.readouterr().out
    assert "Ontwikkel vertrouwen" in out and "3,08" in out and "3.08" not in out


def test_close_writes_a_picture_an_exam_board_can_read(tmp_path, capsys):
    _pool(tmp_path / "p")
    assert main(["class", "close", str(tmp_path / "p")]) == 0
    text = (tmp_path / "p" / "class-view-agile-cmo.csv").read_text(encoding="utf-8")
    lines = text.splitlines()
    title = lk.tr(lk.load_framework(FW).title, "en")
    assert lines[0] == f"Framework,{title}"
    assert lines[1] == "Class,p" and lines[2].startswith("Date,") and lines[3].endswith(",4")
    assert "Element,Learners (n),Class mean (scale 1 to 5),Note" in lines
    assert "Build trust,4,3.08," in lines  # names, n and two decimals; no raw ids
    assert "build-trust" not in text and "3.083333" not in text
    assert lines[-1].startswith("Privacy,") and "fewer than 3 people" in lines[-1]


def test_close_for_dutch_excel_writes_semicolons_and_decimal_commas(tmp_path):
    _pool(tmp_path / "p")
    assert main(["--lang", "nl", "class", "close", str(tmp_path / "p"), "--dutch-excel"]) == 0
    raw = (tmp_path / "p" / "class-view-agile-cmo.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # so Excel reads the accents
    text = raw.decode("utf-8-sig")
    assert text.splitlines()[0].startswith("Raamwerk;Leidinggeven")
    assert "Ontwikkel vertrouwen;4;3,08;" in text
    assert "Privacy;" in text and "Datum;" in text


@pytest.mark.slow
def test_lesson_starts_both_apps_and_says_where(tmp_path):
    from leadkit.cli.class_lesson import _stop, start_lesson

    ClassPool.create(tmp_path / "pool")
    lk.set_language("nl")
    procs, urls = start_lesson(str(tmp_path / "pool"), FW, port=18866)
    try:
        assert len(set(urls)) == 2 and all(u.startswith("http://127.0.0.1:") for u in urls)
        for url in urls:
            with urllib.request.urlopen(f"{url}voila/static/favicon.ico", timeout=10) as r:
                assert r.status == 200
    finally:
        for proc in procs:
            _stop(proc)
    assert all(proc.poll() is not None for proc in procs)


def test_the_readme_lesson_installs_first_and_names_one_folder_and_both_addresses():
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    readme = (root / "README.md").read_text(encoding="utf-8")
    section = readme.split("## A live lesson, step by step", 1)[1].split("\n## ", 1)[0]
    install = section.index("make install")
    assert install < section.index(".venv/bin/leadkit class open")
    assert "http://127.0.0.1:8866/" in section and "http://127.0.0.1:8867/" in section
    # The learner's order in the page: id, code, switch, then the Score button.
    assert section.index("learner id") < section.index("**code**") \
        < section.index("Deel met mijn klas") < section.index("press *Bereken score*")
    # One folder everywhere: the README, and the dashboard app in both languages.
    for lang in ("en", "nl"):
        app = (root / "notebooks" / lang / f"92-app-class-dashboard-{lang}.ipynb").read_text()
        assert "~/class-pool" in app and "klassenpool" not in app, lang
    assert "~/class-pool" in section
