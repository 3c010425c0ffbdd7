"""The journal's guarantees: durable on return, safe with two writers, refuses foreign files,
keeps every version, carries a schema version. Kill and concurrency tests use real processes."""

from __future__ import annotations

import hashlib
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pandas as pd
import pytest

import leadkit.store.journal as journal_module
from leadkit.errors import InputError, LeadkitError
from leadkit.store.journal import APPLICATION_ID, SCHEMA_VERSION, Journal, default_journal_path

ROOT = Path(__file__).resolve().parents[2]


def _run_child(code: str, *args: str, **kw) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, "-c", textwrap.dedent(code), *args], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kw)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# -- location ---------------------------------------------------------------------------------
def test_default_path_follows_leadkit_home(tmp_path, monkeypatch):
    monkeypatch.setenv("LEADKIT_HOME", str(tmp_path / "home"))
    assert default_journal_path() == tmp_path / "home" / "journal.sqlite"
    j = Journal()
    assert j.path == (tmp_path / "home" / "journal.sqlite").resolve()
    assert j.path.exists()


def test_default_path_without_leadkit_home_is_the_user_data_folder(monkeypatch):
    import platformdirs

    monkeypatch.delenv("LEADKIT_HOME", raising=False)
    expected = Path(platformdirs.user_data_dir("leadkit", appauthor=False)) / "journal.sqlite"
    assert default_journal_path() == expected


def test_folder_argument_and_private_file(tmp_path):
    j = Journal(tmp_path)
    assert j.path == (tmp_path / "journal.sqlite").resolve()
    if os.name == "posix":
        assert j.path.stat().st_mode & 0o077 == 0


# -- content ------------------------------------------------------------------------------------
def test_add_entries_and_revisions_keep_every_version(tmp_path):
    j = Journal(tmp_path)
    a = j.add("p1", "first", notebook="01-intro")
    b = j.add("p2", "other")
    assert j.revise(a, "second") == 2
    assert j.revise(a, "third") == 3
    latest = j.entries()
    assert list(latest["id"]) == [a, b]
    assert list(latest["text"]) == ["third", "other"]
    assert {"id", "prompt_id", "text", "notebook", "created"} <= set(latest.columns)
    assert latest.loc[0, "notebook"] == "01-intro"
    assert list(j.history("p1")["text"]) == ["first", "second", "third"]
    assert len(j.entries(latest_only=False)) == 4
    assert str(latest["created"].dt.tz) == "UTC"


def test_database_itself_refuses_to_overwrite_an_answer(tmp_path):
    j = Journal(tmp_path)
    j.add("p", "keep me")
    with sqlite3.connect(j.path) as con, pytest.raises(sqlite3.IntegrityError):
        con.execute("UPDATE versions SET text = 'gone'")
    with sqlite3.connect(j.path) as con, pytest.raises(sqlite3.IntegrityError):
        con.execute("DELETE FROM versions")
    assert list(j.entries()["text"]) == ["keep me"]


def test_share_flag_defaults_off_and_is_per_entry(tmp_path):
    j = Journal(tmp_path)
    a, b = j.add("p", "private"), j.add("p", "shared", share_with_teacher=True)
    j.set_shared(a, True)
    j.set_shared(b, False)
    assert list(j.entries()["share_with_teacher"]) == [True, False]
    with pytest.raises(LeadkitError, match="no entry 99"):
        j.set_shared(99)


def test_save_answer_adds_then_revises_and_skips_unchanged(tmp_path):
    j = Journal(tmp_path)
    r1 = j.save_answer("p", "Draft")
    r2 = j.save_answer("p", "Draft", entry_id=r1.entry_id)
    r3 = j.save_answer("p", "Better", entry_id=r1.entry_id, share_with_teacher=True)
    assert (r1.version, r1.changed, r2.changed, r3.version, r3.n_chars) == (1, True, False, 2, 6)
    assert len(j.history("p")) == 2
    assert j.entries()["share_with_teacher"].item() is True


def test_bad_text_is_refused(tmp_path):
    j = Journal(tmp_path)
    with pytest.raises(InputError, match="prompt id"):
        j.add(" ", "x")
    with pytest.raises(InputError, match="is a int"):
        j.add("p", 5)


def test_learner_is_stored(tmp_path):
    Journal(tmp_path, learner="s123")
    assert Journal(tmp_path).learner == "s123"
    assert Journal(tmp_path / "other").learner is None


def test_scores_are_saved_with_history(tmp_path):
    j = Journal(tmp_path)
    first = pd.DataFrame({"framework": "agile-cmo", "element": ["a", "b"], "score": [4.0, None],
                          "n_answered": [3, 0]})
    j.save_scores("agile-cmo", first)
    j.save_scores("agile-cmo", pd.DataFrame({"element": ["a"], "score": [2.5]}))
    allsets = j.scores()
    assert list(allsets["set_id"]) == [1, 1, 2]
    assert allsets["score"].isna().tolist() == [False, True, False]
    assert list(j.scores(latest_only=True)["score"]) == [2.5]
    assert allsets["saved"].notna().all()


@pytest.mark.parametrize(("frame", "message"), [
    (pd.DataFrame({"element": ["a"]}), "no column 'score'"),
    (pd.DataFrame({"element": ["a", "b"], "score": [1, "high"]}), "row 3, column 'score'"),
    (pd.DataFrame({"element": ["a", "a"], "score": [1, 2]}), "appears twice"),
    (pd.DataFrame({"framework": "x", "element": ["a"], "score": [1]}), "framework 'x'"),
])
def test_bad_scores_are_refused(tmp_path, frame, message):
    with pytest.raises(InputError, match=message):
        Journal(tmp_path).save_scores("agile-cmo", frame)


# -- guarantee: durable when add returns ---------------------------------------------------------
def test_connections_use_wal_and_full_sync(tmp_path):
    j = Journal(tmp_path)
    con = j._connect_raw()
    try:
        assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert con.execute("PRAGMA synchronous").fetchone()[0] == 2  # 2 = FULL
    finally:
        con.close()


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX signals")
def test_entry_survives_kill_9_right_after_add(tmp_path):
    child = _run_child("""
        import os, signal, sys
        from leadkit.store.journal import Journal
        entry = Journal(sys.argv[1]).add("kill-test", "written just before the crash")
        print(entry, flush=True)
        os.kill(os.getpid(), signal.SIGKILL)
    """, str(tmp_path))
    out, err = child.communicate(timeout=60)
    assert child.returncode == -signal.SIGKILL, err
    entry_id = int(out.split()[0])
    rows = Journal(tmp_path).entries()
    assert rows.set_index("id").loc[entry_id, "text"] == "written just before the crash"


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX signals")
def test_every_reported_entry_survives_kill_9_during_a_stream_of_writes(tmp_path):
    Journal(tmp_path)
    child = _run_child("""
        import sys
        from leadkit.store.journal import Journal
        j = Journal(sys.argv[1])
        for i in range(100000):
            print(j.add("stream", f"answer {i}"), flush=True)
    """, str(tmp_path))
    reported = [int(child.stdout.readline()) for _ in range(30)]
    child.send_signal(signal.SIGKILL)  # lands at an arbitrary point, often mid-transaction
    child.wait(timeout=60)
    j = Journal(tmp_path)  # reopening checks integrity (quick_check) as well
    stored = set(j.entries()["id"])
    assert set(reported) <= stored
    assert len(j.entries(latest_only=False)) == len(stored)  # no half-written entry


# -- guarantee: two kernels at once ------------------------------------------------------------
WRITER = """
    import pathlib, sys, time
    from leadkit.store.journal import Journal
    path, tag, n, go = sys.argv[1], sys.argv[2], int(sys.argv[3]), pathlib.Path(sys.argv[4])
    j = Journal(path)
    print("ready", flush=True)
    while not go.exists():
        time.sleep(0.001)
    for i in range(n):
        j.add("together", f"{tag}-{i}")
        if i % 10 == 0:
            j.revise(j.add("revised", f"{tag}-r{i}"), f"{tag}-r{i}-v2")
    print("done", flush=True)
"""


@pytest.mark.slow
@pytest.mark.parametrize("precreate", [True, False], ids=["existing", "both-create"])
def test_two_processes_writing_at_once_lose_nothing(tmp_path, precreate):
    n = 60
    if precreate:
        Journal(tmp_path)
    go = tmp_path / "go"
    if not precreate:
        go.touch()  # both start immediately and race to create the journal file as well
    children = [_run_child(WRITER, str(tmp_path), tag, str(n), str(go)) for tag in "AB"]
    if precreate:
        for child in children:
            assert child.stdout.readline().strip() == "ready"
        go.touch()
    for child in children:
        out, err = child.communicate(timeout=120)
        assert child.returncode == 0, err
        assert out.split()[-1] == "done"
    j = Journal(tmp_path)
    texts = list(j.entries(prompt_id="together")["text"])
    assert sorted(texts) == sorted(f"{t}-{i}" for t in "AB" for i in range(n))
    revised = j.history("revised")
    assert len(revised) == 2 * 2 * len(range(0, n, 10))
    assert j.entries()["id"].is_unique


# -- guarantee: foreign or damaged files are refused and left untouched -------------------------
def test_non_sqlite_file_is_refused_untouched(tmp_path):
    bad = tmp_path / "journal.sqlite"
    bad.write_text("my thesis notes, not a database\n" * 50)
    before = _digest(bad)
    with pytest.raises(LeadkitError, match="not an SQLite database") as info:
        Journal(bad)
    assert str(bad.resolve()) in str(info.value)
    assert _digest(bad) == before


def test_foreign_sqlite_database_is_refused_untouched(tmp_path):
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as con:
        con.execute("CREATE TABLE entries (id INTEGER, text TEXT)")
        con.execute("INSERT INTO entries VALUES (1, 'someone else''s data')")
    con.close()
    before = _digest(other)
    with pytest.raises(LeadkitError, match="another program's database"):
        Journal(other)
    assert _digest(other) == before


def test_damaged_journal_gives_clear_error_and_is_left_as_is(tmp_path):
    j = Journal(tmp_path)
    for i in range(12):  # enough pages that damage lands inside the data, not the header
        j.add("p", f"answer {i} " * 300)
    raw = bytearray(j.path.read_bytes())
    raw[5000:9000] = os.urandom(4000)
    j.path.write_bytes(bytes(raw))
    before = _digest(j.path)
    with pytest.raises(LeadkitError, match="could not be read") as info:
        Journal(tmp_path).entries()
    assert str(j.path) in str(info.value)
    assert _digest(j.path) == before


def test_empty_file_becomes_a_journal(tmp_path):
    (tmp_path / "journal.sqlite").touch()  # e.g. left by a crash before the first write
    assert Journal(tmp_path).add("p", "x") == 1


# -- guarantee: schema version and migration ----------------------------------------------------
def test_schema_version_and_application_id_are_in_the_header(tmp_path):
    j = Journal(tmp_path)
    header = j.path.read_bytes()[:100]
    # SQLite file format: user_version at byte 60, application_id at byte 68 (big-endian).
    assert int.from_bytes(header[60:64], "big") == SCHEMA_VERSION
    assert int.from_bytes(header[68:72], "big") == APPLICATION_ID


def test_journal_from_a_newer_release_is_refused(tmp_path):
    j = Journal(tmp_path)
    with sqlite3.connect(j.path) as con:
        con.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    con.close()
    with pytest.raises(LeadkitError, match="newer leadkit"):
        Journal(tmp_path)


def test_older_journal_is_backed_up_and_migrated(tmp_path, monkeypatch):
    j = Journal(tmp_path)
    j.add("p", "kept through the upgrade")

    def add_mood(con):
        con.execute("ALTER TABLE entries ADD COLUMN mood TEXT")

    monkeypatch.setattr(journal_module, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    monkeypatch.setattr(journal_module, "MIGRATIONS", {SCHEMA_VERSION: add_mood})
    migrated = Journal(tmp_path)
    with sqlite3.connect(migrated.path) as con:
        assert con.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION + 1
        cols = [r[1] for r in con.execute("PRAGMA table_info(entries)")]
    con.close()
    assert "mood" in cols
    assert list(migrated.entries()["text"]) == ["kept through the upgrade"]
    backup = tmp_path / f"journal.v{SCHEMA_VERSION}.backup.sqlite"
    with sqlite3.connect(backup) as con:
        assert con.execute("SELECT text FROM versions").fetchone()[0] == "kept through the upgrade"
    con.close()


def test_a_journal_deleted_while_open_is_an_error_not_a_new_empty_journal(tmp_path):
    j = Journal(tmp_path)
    j.add("p", "x")
    j.path.unlink()
    with pytest.raises(LeadkitError, match="could not be read"):
        j.entries()
    assert not j.path.exists()
