"""The journal file on disk: its SQLite layout, opening, creating, upgrading, and score checks.

:class:`JournalFile` is the part of :class:`leadkit.store.journal.Journal` that knows the file
format: every connection it hands out syncs each commit to disk, a file that is not a leadkit
journal is refused and left untouched, a new file is created with the current layout, and an
older file is copied to a backup before it is upgraded. :func:`check_scores` validates a table of
self-assessment scores before it is stored.

Examples
--------
>>> import tempfile, pathlib
>>> store = JournalFile(pathlib.Path(tempfile.mkdtemp()) / "journal.sqlite")
>>> store.prepare()
>>> with store.db() as con:
...     con.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
True
"""

from __future__ import annotations

import os
import random
import sqlite3
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TypeVar

import pandas as pd

from leadkit.errors import InputError, LeadkitError
from leadkit.i18n import N_, tr

_T = TypeVar("_T")

__all__ = ["APPLICATION_ID", "SCHEMA_VERSION", "MIGRATIONS", "JournalFile", "check_scores",
           "timestamp"]

#: Written into the SQLite header (``PRAGMA application_id``): the bytes "LKJR". A file without
#: it is another program's database, which the kit refuses to touch.
APPLICATION_ID = 0x4C4B4A52
#: The journal layout version (``PRAGMA user_version``); later releases migrate older files.
SCHEMA_VERSION = 1
_SQLITE_MAGIC = b"SQLite format 3\x00"

_SCHEMA_V1 = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE entries (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    prompt_id TEXT NOT NULL,
    prompt TEXT,
    notebook TEXT,
    created TEXT NOT NULL,
    share_with_teacher INTEGER NOT NULL DEFAULT 0 CHECK (share_with_teacher IN (0, 1)));
CREATE TABLE versions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    entry_id INTEGER NOT NULL REFERENCES entries(id),
    version INTEGER NOT NULL,
    text TEXT NOT NULL,
    created TEXT NOT NULL,
    UNIQUE (entry_id, version));
CREATE TABLE score_sets (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    framework TEXT NOT NULL,
    instrument_form TEXT NOT NULL,
    saved TEXT NOT NULL);
CREATE TABLE scores (
    set_id INTEGER NOT NULL REFERENCES score_sets(id),
    element TEXT NOT NULL,
    score REAL,
    n_answered INTEGER,
    PRIMARY KEY (set_id, element));
-- The database itself refuses to change or drop a written answer, whatever code runs.
CREATE TRIGGER versions_no_update BEFORE UPDATE ON versions
    BEGIN SELECT RAISE(ABORT, 'journal answers are never changed'); END;
CREATE TRIGGER versions_no_delete BEFORE DELETE ON versions
    BEGIN SELECT RAISE(ABORT, 'journal answers are never deleted'); END;
"""

#: ``MIGRATIONS[v]`` upgrades a version-``v`` journal to ``v + 1`` inside one transaction.
MIGRATIONS: dict[int, Callable[[sqlite3.Connection], None]] = {}


#: How long opening a journal keeps retrying while other processes create or upgrade it.
CREATE_PATIENCE = 60.0


def _transient(exc: BaseException) -> bool:
    """True for SQLite's "locked"/"busy": another process holds the file for a moment."""
    cause = exc if isinstance(exc, sqlite3.OperationalError) else exc.__cause__
    return isinstance(cause, sqlite3.OperationalError) and any(
        word in str(cause).lower() for word in ("locked", "busy"))


def _retrying(step: Callable[[], _T], patience: float = CREATE_PATIENCE) -> _T:
    """Run ``step`` again (with a growing, jittered pause) while the file is locked.

    SQLite waits for a lock by itself (``busy_timeout``) in most cases, but not in all: a
    switch to WAL, or a reader upgrading to a writer while a new file is created, fails at once
    with "database is locked". Such steps are safe to repeat, so they are repeated.
    """
    deadline, pause = time.monotonic() + patience, 0.005
    while True:
        try:
            return step()
        except (LeadkitError, sqlite3.OperationalError) as exc:
            if not _transient(exc) or time.monotonic() > deadline:
                raise
        time.sleep(pause * random.uniform(0.5, 1.5))
        pause = min(pause * 2, 0.25)


def timestamp() -> str:
    """The current time as stored in the journal: UTC ISO-8601 with microseconds.

    Unambiguous across time zones, and sortable as text.

    Returns
    -------
    str
        The time, such as ``"2026-03-01T09:30:00.123456+00:00"``.

    Examples
    --------
    >>> timestamp().endswith("+00:00")
    True
    """
    return datetime.now(UTC).isoformat(timespec="microseconds")


def _writable(path: Path) -> bool:
    """Whether this process may write ``path`` (its effective user, as the file system sees)."""
    effective = os.access in os.supports_effective_ids
    return os.access(path, os.W_OK, effective_ids=effective)


class JournalFile:
    """One journal file: short-lived connections, and checking, creating and upgrading it.

    Parameters
    ----------
    path : Path
        The SQLite file (it need not exist yet; :meth:`prepare` creates it).
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        #: True for a journal this account may read but not write (a copy on a read-only
        #: share, a file whose permissions were taken away): it is read as it is on disk.
        self.read_only = False

    # -- connections --------------------------------------------------------------------------
    def connect(self, create: bool = False) -> sqlite3.Connection:
        """Open a new connection that waits for other writers and syncs every commit to disk.

        Parameters
        ----------
        create : bool, default False
            Whether the file may be created (only when a journal is opened).

        Returns
        -------
        sqlite3.Connection
            The connection, in autocommit mode.
        """
        # A fresh short-lived connection per operation: nothing stays open between cells, so a
        # killed kernel holds no lock, and widget callbacks may run on any thread. Only opening
        # a journal may create the file; later a vanished file is an error, not a new journal.
        if self.read_only:  # no locks, no WAL index to write: the file as it is on disk
            uri = f"{self.path.as_uri()}?mode=ro&immutable=1"
            return sqlite3.connect(uri, uri=True, isolation_level=None)
        uri = f"{self.path.as_uri()}?mode={'rwc' if create else 'rw'}"
        con = sqlite3.connect(uri, uri=True, timeout=30.0, isolation_level=None)
        con.execute("PRAGMA busy_timeout = 30000")  # wait for another kernel, don't fail
        con.execute("PRAGMA synchronous = FULL")  # fsync the log on every commit
        con.execute("PRAGMA foreign_keys = ON")
        return con

    @contextmanager
    def db(self, write: bool = False, create: bool = False) -> Iterator[sqlite3.Connection]:
        """A connection for one operation; with ``write``, one transaction committed at the end.

        SQLite errors other than constraint violations become a :class:`LeadkitError` that says
        the file was left as it is.
        """
        if write and self.read_only:
            raise LeadkitError(tr("{path}: this journal can be read and exported from here, "
                                  "not written: the file or its folder is read-only. Copy it "
                                  "to a folder you can write to, or ask for write access; "
                                  "nothing was changed.").format(path=self.path))
        try:
            con = self.connect(create)
        except sqlite3.Error as exc:
            raise self.damaged(exc) from exc
        try:
            if write:
                # IMMEDIATE takes the write lock up front, so two kernels queue instead of
                # failing halfway through a transaction.
                con.execute("BEGIN IMMEDIATE")
            yield con
            if write:
                con.execute("COMMIT")
        except sqlite3.IntegrityError:
            if con.in_transaction:
                con.execute("ROLLBACK")
            raise
        except sqlite3.DatabaseError as exc:
            if con.in_transaction:
                con.execute("ROLLBACK")
            raise self.damaged(exc) from exc
        except BaseException:
            if con.in_transaction:
                con.execute("ROLLBACK")
            raise
        finally:
            con.close()

    def damaged(self, exc: Exception) -> LeadkitError:
        """Make the error for a journal that could not be read or written.

        Parameters
        ----------
        exc : Exception
            What SQLite raised.

        Returns
        -------
        LeadkitError
            The error to raise, saying the file was left as it is.
        """
        return LeadkitError(tr("{path}: the journal could not be read or written ({exc}). The "
                               "file was left as it is; keep a copy before trying anything "
                               "else.").format(
                                path=self.path, exc=exc))

    def _refuse(self, why: str) -> LeadkitError:
        return LeadkitError(tr("{path} is not a leadkit journal: {value}. The kit does not "
                               "change it; pass another path to Journal(...) or move the file "
                               "away.").format(path=self.path, value=tr(why)))

    # -- layout -------------------------------------------------------------------------------
    def prepare(self, schema_version: int = SCHEMA_VERSION,
                migrations: Mapping[int, Callable[[sqlite3.Connection], None]] | None = None,
                ) -> None:
        """Check the file is a journal (or create it), then bring its layout up to date.

        Parameters
        ----------
        schema_version : int
            The layout this release writes; an older file is backed up and upgraded to it.
        migrations : mapping, optional
            ``migrations[v]`` upgrades a version-``v`` file to ``v + 1``. Default: the kit's.

        Raises
        ------
        LeadkitError
            When the file is another program's, damaged, or written by a newer leadkit.
        """
        folder = self.path.parent
        if folder.exists() and not folder.is_dir():
            raise LeadkitError(tr("{folder} is a file, not a folder, so the journal cannot be "
                                  "kept in it; point LEADKIT_HOME (or the path you gave) at a "
                                  "folder.").format(folder=folder))
        if self.path.exists() and self.path.stat().st_size > 0:
            with open(self.path, "rb") as fh:
                if fh.read(16) != _SQLITE_MAGIC:
                    raise self._refuse(N_("it is not an SQLite database"))
            self.read_only = not (_writable(self.path) and _writable(folder))
            if self.read_only:
                self._check_read_only(schema_version)
                return
        folder.mkdir(parents=True, exist_ok=True)
        # Several kernels may open (and so create or upgrade) one journal at the same moment:
        # every step below is repeated while another process holds the file.

        def probe() -> tuple[int, int, int]:
            with self.db(create=True) as con:
                # One read transaction: the three must describe the same moment, not a file
                # another process finished creating between two of them.
                con.execute("BEGIN")
                app, version = (con.execute(f"PRAGMA {p}").fetchone()[0]
                                for p in ("application_id", "user_version"))
                n_tables = con.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()[0]
                con.execute("COMMIT")
            return app, version, n_tables

        for _attempt in range(3):
            app, version, n_tables = _retrying(probe)
            if app == APPLICATION_ID:
                break
            if app != 0 or version != 0 or n_tables:
                raise self._refuse(N_("it is another program's database"))
            _retrying(self._create)
        else:  # still not ours after creating it: something else keeps writing to the file
            raise self.damaged(RuntimeError("the journal could not be created"))
        if version > schema_version:
            raise LeadkitError(tr("{path} was written by a newer leadkit (journal version "
                                  "{version}); update leadkit to open it.").format(
                                   path=self.path, version=version))
        if version < schema_version:
            _retrying(lambda: self._migrate(version, schema_version,
                                            MIGRATIONS if migrations is None else migrations))

        def quick_check() -> str:
            with self.db() as con:
                return con.execute("PRAGMA quick_check").fetchone()[0]

        check = _retrying(quick_check)
        if check != "ok":
            raise self.damaged(RuntimeError(check))

    def _check_read_only(self, schema_version: int) -> None:
        """Accept a read-only journal only if it is ours and of this layout (none is upgraded)."""
        with self.db() as con:
            app, version = (con.execute(f"PRAGMA {p}").fetchone()[0]
                            for p in ("application_id", "user_version"))
            check = con.execute("PRAGMA quick_check").fetchone()[0]
        if app != APPLICATION_ID:
            raise self._refuse(N_("it is another program's database"))
        if version != schema_version:
            raise LeadkitError(tr("{path} is read-only and of another journal version "
                                  "({version}), so it cannot be brought up to date here; copy "
                                  "it to a folder you can write to.").format(
                                   path=self.path, version=version))
        if check != "ok":
            raise self.damaged(RuntimeError(check))

    def _create(self) -> None:
        with self.db() as con:
            # WAL is a property of the file, set once; a second kernel creating the same new
            # journal at the same moment just sets it again.
            con.execute("PRAGMA journal_mode = WAL")
            con.execute("BEGIN EXCLUSIVE")
            if con.execute("PRAGMA application_id").fetchone()[0] == 0:
                for statement in _SCHEMA_V1.split(";\n"):
                    if statement.strip():
                        con.execute(statement)
                con.execute("INSERT INTO meta(key, value) VALUES ('created', ?)", (timestamp(),))
                con.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                con.execute("PRAGMA user_version = 1")
            con.execute("COMMIT")
        if os.name == "posix":
            # Reflections are private: on a shared server only their owner may read them.
            self.path.chmod(0o600)

    def _migrate(self, version: int, schema_version: int,
                 migrations: Mapping[int, Callable[[sqlite3.Connection], None]]) -> None:
        # Keep a copy of the old file first: a failed upgrade must never cost an answer.
        backup = self.path.with_name(f"{self.path.stem}.v{version}.backup.sqlite")
        with self.db() as con, sqlite3.connect(backup) as dest:
            con.backup(dest)
        with self.db(write=True) as con:
            current = con.execute("PRAGMA user_version").fetchone()[0]
            while current < schema_version:
                migrations[current](con)
                current += 1
                con.execute(f"PRAGMA user_version = {current}")


def check_scores(file: str, framework_id: str, scores: pd.DataFrame,
                 ) -> list[tuple[str, float | None, int | None]]:
    """Validate a tidy score table and return the rows ``(element, score, n_answered)`` to store.

    Parameters
    ----------
    file : str
        The name used in error messages (the journal's path).
    framework_id : str
        The framework the scores belong to; a ``framework`` column must agree with it.
    scores : DataFrame
        Columns ``element`` and ``score``, optionally ``framework`` and ``n_answered``.

    Returns
    -------
    list of (str, float or None, int or None)
        Per row: the element, the score (None when missing) and the number of answered items
        (None when not given).

    Raises
    ------
    InputError
        For a missing column, another framework, an empty element, a score that is not a
        number, or an element given twice (rows counted as in a spreadsheet, header = row 1).

    Examples
    --------
    >>> check_scores("j", "agile-cmo", pd.DataFrame({"element": ["build-trust"], "score": [4]}))
    [('build-trust', 4.0, None)]
    """
    if not isinstance(scores, pd.DataFrame):
        raise InputError(file, "the scores are not a table", expected="a pandas DataFrame")
    for col in ("element", "score"):
        if col not in scores.columns:
            raise InputError(file, f"the scores have no column '{col}'",
                             expected="columns 'element' and 'score'")
    if "framework" in scores.columns:
        other = set(scores["framework"].astype(str)) - {framework_id}
        if other:
            raise InputError(file, f"the scores are for framework {sorted(other)[0]!r}",
                             column="framework", expected=repr(framework_id))
    score = pd.to_numeric(scores["score"], errors="coerce")
    rows = []
    for i, (element, value, raw) in enumerate(zip(scores["element"], score, scores["score"],
                                                  strict=True)):
        line = i + 2  # header is row 1
        if not isinstance(element, str) or not element.strip():
            raise InputError(file, "empty element id", row=line, column="element")
        if pd.isna(value) and not pd.isna(raw):
            raise InputError(file, f"score {raw!r} is not a number", row=line, column="score")
        n = scores["n_answered"].iloc[i] if "n_answered" in scores.columns else None
        rows.append((element, None if pd.isna(value) else float(value),
                     None if n is None or pd.isna(n) else int(n)))
    if len({r[0] for r in rows}) != len(rows):
        raise InputError(file, "an element appears twice in one set of scores", column="element")
    return rows
