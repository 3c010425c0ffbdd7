"""A folder pool on a shared folder, used by a teacher and learners who are different Unix users.

The test switches the process's effective user and group (as a hub's single-user servers are
different users in one group), so it needs root; on CI it always runs. The folder, its file and
the SQLite journal files that any learner's kernel creates beside it must work for everyone in
the class's group, and no learner may replace the teacher's file or point the pool elsewhere.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import stat
import tempfile
from pathlib import Path

import pytest
from ci_skip import skip_or_fail

import leadkit as lk
from leadkit.classpool.folder import APPLICATION_ID, FILE_MODE
from leadkit.classpool.pool import ClassPool
from leadkit.errors import LeadkitError

FW, E = "agile-cmo", "build-trust"
TEACHER, GROUP, STUDENTS = 52001, 52000, (52002, 52003, 52004, 52005)


@pytest.fixture
def shared(request) -> Path:
    """A base folder everyone may traverse, in which the teacher makes the pool's folder."""
    if os.name != "posix" or os.geteuid() != 0:
        skip_or_fail("the shared-folder test switches between Unix users, which needs root")
    base = Path(tempfile.mkdtemp(prefix="leadkit-shared-"))
    base.chmod(0o755)
    os.chown(base, TEACHER, GROUP)  # the teacher's course folder, which learners may enter
    # Everything the kit imports lazily is loaded now, while the process can read it all.
    ClassPool.create(base / "warm-up", roster=["x1", "x2", "x3"]).view(FW)
    return base


@contextlib.contextmanager
def user(uid: int):
    """Act as ``uid`` in the class's group, with a learner's usual umask."""
    os.setgroups([GROUP])
    os.setegid(GROUP)
    os.seteuid(uid)
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)
        os.seteuid(0)
        os.setegid(0)
        os.setgroups([])


def test_a_class_of_other_users_shares_and_the_teacher_views_and_closes(shared):
    where = shared / "pool"
    with user(TEACHER):
        pool = ClassPool.create(where, roster=["s1", "s2", "s3", "s4"])
        codes = pool.codes
    mode = where.stat().st_mode
    assert mode & stat.S_ISGID and mode & stat.S_ISVTX and stat.S_IMODE(mode) & 0o070 == 0o070
    assert stat.S_IMODE((where / "classpool.sqlite").stat().st_mode) == FILE_MODE
    held = []
    for uid, (who, value) in zip(STUDENTS[:3], [("s1", 4.0), ("s2", 3.0), ("s3", 3.5)],
                                 strict=True):
        with user(uid):  # each learner's kernel, another user; journal files appear and go
            ClassPool(where).share(learner=who, code=codes[who], framework=FW,
                                   scores={E: value})
            held.append(sqlite3.connect(where / "classpool.sqlite"))  # a kernel still open
            held[-1].execute("SELECT count(*) FROM classpool_shares").fetchone()
    for extra in where.glob("classpool.sqlite-*"):  # made by a learner, usable by the group
        assert stat.S_IMODE(extra.stat().st_mode) == FILE_MODE and extra.stat().st_gid == GROUP
    with user(TEACHER):
        row = ClassPool(where).view(FW).set_index("element").loc[E]
        assert int(row["n"]) == 3 and float(row["mean"]) == 3.5
    for conn in held:
        conn.close()
    with user(STUDENTS[3]):  # a late learner after the others' kernels closed
        ClassPool(where).share(learner="s4", code=codes["s4"], framework=FW, scores={E: 2.0})
    with user(TEACHER):
        pool = ClassPool(where)
        views = pool.close()
        kept = Path(pool.archive())
    assert views[FW].set_index("element").loc[E, "n"] >= 3
    assert stat.S_IMODE(kept.stat().st_mode) == 0o600  # the archive is the teacher's alone
    with user(STUDENTS[0]), pytest.raises(LeadkitError, match="closed"):
        ClassPool(where)


def test_no_learner_can_replace_or_delete_the_teachers_file(shared):
    where = shared / "pool"
    with user(TEACHER):
        ClassPool.create(where)
    with user(STUDENTS[0]):
        (where / "mine").write_text("x")
        with pytest.raises(PermissionError):
            os.replace(where / "mine", where / "classpool.sqlite")
        with pytest.raises(PermissionError):
            (where / "classpool.sqlite").unlink()


def test_a_link_put_where_the_pool_file_goes_is_refused_and_the_journal_untouched(shared):
    where = shared / "pool"
    journal = shared / "teacher-journal.sqlite"
    with user(TEACHER):
        where.mkdir()
        where.chmod(0o770)  # a group folder the teacher made beforehand
        lk.Journal(journal).add("p", "My own reflection.")
        before = journal.read_bytes()
    with user(STUDENTS[0]):  # before the lesson, a learner in the group puts a link there
        os.symlink(journal, where / "classpool.sqlite")
    with user(TEACHER), pytest.raises(LeadkitError, match="is a link"):
        ClassPool.create(where)
    assert journal.read_bytes() == before


def test_a_file_that_is_not_a_pool_is_refused_untouched(tmp_path):
    other = tmp_path / "pool"
    other.mkdir()
    conn = sqlite3.connect(other / "classpool.sqlite")
    conn.execute("CREATE TABLE notes (text)")
    conn.commit()
    conn.close()
    before = (other / "classpool.sqlite").read_bytes()
    for action in (lambda: ClassPool(other), lambda: ClassPool.create(other)):
        with pytest.raises(LeadkitError, match="not a class pool"):
            action()
    assert (other / "classpool.sqlite").read_bytes() == before
    junk = tmp_path / "junk"
    junk.mkdir()
    (junk / "classpool.sqlite").write_bytes(os.urandom(4096))
    with pytest.raises(LeadkitError, match="not a class pool"):
        ClassPool(junk)
    folder = tmp_path / "folder"
    (folder / "classpool.sqlite").mkdir(parents=True)
    with pytest.raises(LeadkitError, match="is a folder"):
        ClassPool(folder)


def test_a_pool_file_carries_the_kits_application_id(tmp_path):
    ClassPool.create(tmp_path / "p")
    conn = sqlite3.connect(tmp_path / "p" / "classpool.sqlite")
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    conn.execute("PRAGMA application_id = 0")  # an id of 0 on a file with tables: refused
    conn.commit()
    conn.execute("CREATE TABLE extra (x)")
    conn.commit()
    conn.close()
    (tmp_path / "p" / "classpool.sqlite").rename(tmp_path / "p" / "saved")
    conn = sqlite3.connect(tmp_path / "p" / "classpool.sqlite")
    conn.execute("CREATE TABLE notes (text)")
    conn.commit()
    conn.close()
    with pytest.raises(LeadkitError, match="not a class pool"):
        ClassPool(tmp_path / "p")


def test_a_read_only_pool_file_says_what_to_do(shared):
    where = shared / "pool"
    with user(TEACHER):
        ClassPool.create(where, roster=["s1"], codes=False)
        (where / "classpool.sqlite").chmod(0o644)  # as a teacher's umask once left it
    with user(STUDENTS[0]), pytest.raises(LeadkitError, match="cannot be written"):
        ClassPool(where).share(learner="s1", framework=FW, scores={E: 3.0})


def test_the_view_of_a_closed_pool_says_it_was_closed(tmp_path):
    pool = ClassPool.create(tmp_path / "p")
    pool.close()
    pool.archive()
    with pytest.raises(LeadkitError, match="was closed; its shares are kept in"):
        ClassPool(tmp_path / "p")
