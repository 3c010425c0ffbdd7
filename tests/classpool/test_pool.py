"""The class pool's rules: roster, floor, replacement, released steps, closing, the CLI."""

from __future__ import annotations

import math

import pytest

import leadkit as lk
from leadkit.classpool.pool import ClassPool
from leadkit.classpool.rules import release_view
from leadkit.cli import main
from leadkit.errors import FloorError, InputError, LeadkitError

FW = "agile-cmo"
E = "build-trust"


def _pool(tmp_path, roster=("s1", "s2", "s3", "s4", "s5", "s6"), floor=3):
    # The roster's rules, without the codes (tests/classpool/test_codes.py has those).
    return ClassPool.create(tmp_path / "pool", roster=list(roster) if roster else None,
                            floor=floor, codes=False)


def _row(pool, element=E):
    view = pool.view(FW)
    return view.set_index("element").loc[element]


def test_the_kit_exports_class_pool():
    assert lk.ClassPool is ClassPool


def test_learner_outside_the_roster_is_refused_and_nothing_is_stored(tmp_path):
    pool = _pool(tmp_path)
    with pytest.raises(LeadkitError, match="not on the class roster"):
        pool.share(learner="intruder", framework=FW, scores={E: 4})
    for who in ("s1", "s2"):
        pool.share(learner=who, framework=FW, scores={E: 3})
    assert pd_isna(_row(pool)["n"])  # the intruder made no third learner


def pd_isna(value) -> bool:
    import pandas as pd

    return bool(pd.isna(value))


def test_roster_from_a_csv_file_with_a_header(tmp_path):
    roster = tmp_path / "roster.csv"
    roster.write_text("student,name\nS1,Ann\ns2,Bo\n", encoding="utf-8")
    pool = ClassPool.create(tmp_path / "pool", roster=roster, codes=False)
    pool.share(learner=" s1 ", framework=FW, scores={E: 3})  # ids compare as the roster does
    with pytest.raises(LeadkitError):
        pool.share(learner="s3", framework=FW, scores={E: 3})


def test_below_the_floor_nothing_shows_not_even_the_count(tmp_path):
    pool = _pool(tmp_path)
    pool.share(learner="s1", framework=FW, scores={E: 4})
    pool.share(learner="s2", framework=FW, scores={E: 2})
    row = _row(pool)
    assert pd_isna(row["n"]) and math.isnan(row["mean"])
    assert "fewer than 3" in row["note"]
    assert set(pool.view(FW).columns) == {"element", "n", "mean", "note"}  # no sd, min, max


def test_a_share_replaces_the_earlier_one_each_learner_counted_once(tmp_path):
    pool = _pool(tmp_path)
    for who, score in [("s1", 4), ("s2", 3), ("s3", 2)]:
        pool.share(learner=who, framework=FW, scores={E: score})
    for _ in range(3):  # sharing again and again never makes a larger group
        pool.share(learner="s1", framework=FW, scores={E: 4})
    row = _row(pool)
    assert row["n"] == 3 and row["mean"] == pytest.approx(3.0)


def test_one_share_between_two_views_cannot_be_read_off(tmp_path):
    pool = _pool(tmp_path)
    for who, score in [("s1", 4), ("s2", 3), ("s3", 2)]:
        pool.share(learner=who, framework=FW, scores={E: score})
    before = _row(pool)
    pool.share(learner="s4", framework=FW, scores={E: 5})
    after = _row(pool)
    assert (before["n"], before["mean"]) == (after["n"], after["mean"])  # the picture waits
    pool.share(learner="s5", framework=FW, scores={E: 1.5})
    pool.share(learner="s6", framework=FW, scores={E: 4.5})
    moved = _row(pool)
    assert moved["n"] == 6 and moved["mean"] == pytest.approx((4 + 3 + 2 + 5 + 1.5 + 4.5) / 6)


def test_a_mean_only_one_set_of_scores_gives_is_withheld(tmp_path):
    pool = _pool(tmp_path)
    for who in ("s1", "s2", "s3"):
        pool.share(learner=who, framework=FW, scores={E: 5})
    row = _row(pool)
    assert row["n"] == 3 and math.isnan(row["mean"]) and "withheld" in row["note"]


def test_release_view_counts_withdrawn_scores_as_changes():
    fw = lk.load_framework(FW)
    last = {E: {"a": 4.0, "b": 3.0, "c": 2.0, "d": 3.0}}
    now = {E: {"a": 4.0}}  # three learners left the element
    rows, moved = release_view(fw, now, last, 3)
    assert moved == {E: {"a": 4.0}} and rows[0]["n"] is None


def test_the_floor_can_be_raised_never_lowered(tmp_path):
    with pytest.raises(FloorError):
        ClassPool.create(tmp_path / "p", floor=2)
    pool = ClassPool.create(tmp_path / "p4", floor=4)
    assert ClassPool(tmp_path / "p4").floor == pool.floor == 4


def test_bad_scores_and_frameworks_are_input_errors(tmp_path):
    pool = _pool(tmp_path, roster=None)
    with pytest.raises(InputError, match="outside the scale"):
        pool.share(learner="x", framework=FW, scores={E: 6})
    with pytest.raises(InputError, match="not an element"):
        pool.share(learner="x", framework=FW, scores={"nope": 3})
    with pytest.raises(InputError):
        pool.share(learner="x", framework="no-such-framework", scores={E: 3})


def test_opening_where_there_is_no_pool_says_what_to_do(tmp_path):
    with pytest.raises(LeadkitError, match="leadkit class open"):
        ClassPool(tmp_path)
    _pool(tmp_path)
    with pytest.raises(LeadkitError, match="already open"):
        _pool(tmp_path)


def test_a_closed_pool_refuses_shares_and_keeps_its_picture(tmp_path):
    pool = _pool(tmp_path)
    for who, score in [("s1", 4), ("s2", 3), ("s3", 2)]:
        pool.share(learner=who, framework=FW, scores={E: score})
    views = pool.close()
    assert views[FW].set_index("element").loc[E, "n"] == 3
    with pytest.raises(LeadkitError, match="closed"):
        pool.share(learner="s4", framework=FW, scores={E: 3})


def test_cli_open_view_close(tmp_path, capsys):
    roster = tmp_path / "roster.csv"
    roster.write_text("learner\ns1\ns2\ns3\n", encoding="utf-8")
    where = tmp_path / "pool"
    codes_file = tmp_path / "codes.csv"
    assert main(["class", "open", str(where), "--roster", str(roster),
                 "--codes-out", str(codes_file)]) == 0
    codes = dict(line.split(",") for line in codes_file.read_text().splitlines()[1:])
    assert oct(codes_file.stat().st_mode & 0o777) == "0o600" and sorted(codes) == ["s1", "s2", "s3"]
    pool = ClassPool(where)
    for who, score in [("s1", 4), ("s2", 3), ("s3", 2)]:
        pool.share(learner=who, code=codes[who], framework=FW, scores={E: score})
    assert main(["class", "view", str(where), "--framework", FW]) == 0
    out = capsys.readouterr().out
    assert "Build trust" in out and "3.00" in out  # the element's name, two decimals
    assert main(["class", "close", str(where)]) == 0
    exported = list(where.glob("class-view-*.csv"))
    assert exported and "Build trust,3,3.00" in exported[0].read_text()
    assert not (where / "classpool.sqlite").exists()  # archived, not deleted
    assert list((where / "archive").glob("classpool-*.sqlite"))
    assert main(["class", "view", str(where), "--framework", FW]) == 2


def test_cli_class_summary_still_takes_a_folder(tmp_path, capsys):
    # 'leadkit class FOLDER --salt-file … --out …' is the older command: it must keep working.
    assert main(["class", str(tmp_path / "missing"), "--salt-file", str(tmp_path / "s.txt"),
                 "--out", str(tmp_path / "c.csv")]) == 2
    err = capsys.readouterr().err
    assert "missing" in err and "class pool" not in err  # the summary's error, not the pool's


def test_the_readme_commands_run_a_lesson(tmp_path, monkeypatch, capsys):
    import re
    import shlex
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    section = readme.split("## A live lesson, step by step", 1)[1].split("\n## ", 1)[0]
    lines = re.findall(r"^\.venv/bin/leadkit class .*$", section, re.M)
    assert [shlex.split(x)[2] for x in lines] == ["open", "lesson", "view", "close"]
    # 'class lesson' starts two web servers: tests/cli/test_class_lesson.py runs it.
    lines = [x for x in lines if shlex.split(x)[2] != "lesson"]
    (tmp_path / "roster.csv").write_text("s1\ns2\ns3\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HOME", str(tmp_path))

    def run(line: str) -> int:
        argv = shlex.split(line.split("#")[0].replace("~", str(tmp_path)))
        return main(argv[1:])

    assert run(lines[0]) == 0
    (codes_file,) = tmp_path.glob("class-codes-*.csv")  # written where the teacher stands
    codes = dict(line.split(",") for line in codes_file.read_text().splitlines()[1:])
    pool = ClassPool(tmp_path / "class-pool")
    for who, s in [("s1", 4), ("s2", 3), ("s3", 2)]:
        pool.share(learner=who, code=codes[who], framework=FW, scores={E: s})
    assert run(lines[1]) == 0 and run(lines[2]) == 0
    assert (tmp_path / "class-pool" / "class-view-agile-cmo.csv").is_file()


def test_cli_speaks_dutch_with_lang_after_the_command(tmp_path, capsys):
    try:
        assert main(["class", "open", str(tmp_path / "p"), "--lang", "nl"]) == 0
        assert "klassenpool open" in capsys.readouterr().out
        assert main(["class", "view", str(tmp_path / "p"), "-f", FW, "--lang", "nl"]) == 0
        assert "minder dan 3 studenten" in capsys.readouterr().out
    finally:
        lk.set_language("en")
