"""The folder class pool: one SQLite file in WAL mode that every kernel on the machine can reach.

For a Voilà workshop on one laptop or a single-server hub with a shared group folder. SQLite in
WAL mode lets readers go on while one writer writes; every write begins with
``BEGIN IMMEDIATE`` (the write lock taken up front, so two kernels never deadlock upgrading a
read lock) and waits up to :data:`BUSY_MS` for its turn instead of failing, so many kernels
sharing at once lose nothing.

Whoever can read the folder can read the file, raw shares included: on a hub where students
must not see each other's scores use the hub service instead (``docs/teaching-with-jupyterhub.md``).
The folder must be on a local disk; WAL does not work over a network file system.

Examples
--------
>>> import tempfile
>>> backend = FolderBackend(Path(tempfile.mkdtemp()) / "pool")
>>> backend.create(None, 3)
>>> backend.info()["closed"]
False
"""

from __future__ import annotations

import os
import shutil
import stat
import warnings
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

import sqlalchemy as sa

from leadkit.classpool.store import PoolStore
from leadkit.content.frameworks import Framework
from leadkit.errors import LeadkitError, LeadkitWarning
from leadkit.i18n import tr

_T = TypeVar("_T")

# FolderBackend is reached through leadkit.classpool.backend.open_backend, not by name.
__all__ = ["sqlite_engine", "BUSY_MS", "APPLICATION_ID", "FOLDER_MODE", "FILE_MODE"]

#: How long a write waits for the lock before it gives up (60 s: a whole class at once).
BUSY_MS = 60_000
#: Written into every pool file (SQLite's application id, "LKP1"): a file without it is not one.
APPLICATION_ID = 0x4C4B5031
#: The pool folder: the teacher and the class group read and write, others nothing; new files
#: take the folder's group (setgid), and only a file's owner (or the teacher, who owns the
#: folder) may delete or replace it (sticky), so no learner can swap the pool file for another.
FOLDER_MODE = 0o3770
#: The pool file and the journal files SQLite makes beside it: the teacher and the class group.
FILE_MODE = 0o660


def sqlite_engine(path: Path | str) -> sa.engine.Engine:
    """An engine on the SQLite file ``path``: WAL, a busy timeout, ``BEGIN IMMEDIATE`` writes.

    Every connection checks that the file is a class pool (its application id) before anything
    reads or writes it, so a pool opened on another SQLite file (a learner's journal put in its
    place) changes nothing there.

    Parameters
    ----------
    path : Path or str
        The SQLite file.

    Returns
    -------
    sqlalchemy.engine.Engine
        An engine whose connections use WAL, a busy timeout and immediate write transactions.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> engine = sqlite_engine(pathlib.Path(tempfile.mkdtemp()) / "pool.sqlite")
    >>> engine.dialect.name
    'sqlite'
    """
    engine = sa.create_engine(f"sqlite:///{path}", poolclass=sa.pool.NullPool,
                              connect_args={"timeout": BUSY_MS / 1000})

    @sa.event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record):  # noqa: ANN001 - SQLAlchemy's event signature
        dbapi_conn.isolation_level = None  # let SQLAlchemy's BEGIN below be the only one
        cursor = dbapi_conn.cursor()
        cursor.execute(f"PRAGMA busy_timeout={BUSY_MS}")
        (app,) = cursor.execute("PRAGMA application_id").fetchone()
        if app != APPLICATION_ID:
            names = {n for (n,) in cursor.execute("SELECT name FROM sqlite_master")}
            # An empty new file gets the id, and so does a pool file of an earlier version
            # (its own tables, no id yet); any other file is refused untouched.
            if app != 0 or (names and "classpool_meta" not in names):
                cursor.close()
                raise _NotAPool(str(path))
            cursor.execute(f"PRAGMA application_id={APPLICATION_ID}")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")  # a share that was acknowledged survives
        cursor.close()

    @sa.event.listens_for(engine, "begin")
    def _on_begin(conn):  # noqa: ANN001
        conn.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


class _NotAPool(Exception):
    """An SQLite file that is not a class pool (raised inside SQLAlchemy's connect)."""


class FolderBackend:
    """The pool in ``folder/classpool.sqlite``; see :class:`leadkit.classpool.pool.ClassPool`.

    Parameters
    ----------
    location : str or Path
        The folder (``~`` is expanded; a ``file://`` prefix is allowed).
    token : str, optional
        Not used: a folder pool has no tokens. Accepted so every backend opens alike.
    """

    kind = "folder"

    def __init__(self, location: str | Path, token: str | None = None) -> None:
        from leadkit.classpool.rules import POOL_FILE

        self.location = str(location)
        self.folder = Path(self.location.removeprefix("file://")).expanduser()
        self.path = self.folder / POOL_FILE
        self._store: PoolStore | None = None

    @property
    def store(self) -> PoolStore:
        if self._store is None:
            self._check_file()
            if not self.path.exists():
                raise self._absent()
            self._store = PoolStore(sqlite_engine(self.path), where=str(self.folder))
        return self._store

    def _check_file(self) -> None:
        """Refuse a pool file that is a link or a folder: nothing is opened through it."""
        if self.path.is_symlink():
            raise LeadkitError(tr("{path} is a link, not a class pool file: the kit does not "
                                  "follow it. Remove it and open the pool again.").format(
                                   path=self.path))
        if self.path.is_dir():
            raise LeadkitError(tr("{path} is a folder, not a class pool file.").format(
                path=self.path))

    def _absent(self) -> LeadkitError:
        kept = sorted((self.folder / "archive").glob("classpool-*.sqlite"))
        if kept:
            return LeadkitError(tr("{folder}: the class pool here was closed; its shares are "
                                   "kept in {kept}. The teacher opens a new one with 'leadkit "
                                   "class open'.").format(folder=self.folder, kept=kept[-1]))
        return LeadkitError(tr("{folder}: there is no class pool here. The teacher makes one "
                               "with 'leadkit class open' or ClassPool.create; check the "
                               "folder.").format(folder=self.folder))

    @contextmanager
    def _plain_errors(self) -> Iterator[None]:
        """Turn what SQLite says about an unusable file into a message a teacher can act on."""
        try:
            yield
        except (sa.exc.DBAPIError, _NotAPool) as err:
            cause = getattr(err, "orig", None) or err
            if isinstance(cause, _NotAPool) or "not a database" in str(cause):
                raise LeadkitError(tr("{path} is not a class pool made by the kit, so it was "
                                      "left as it is. Open the pool in a folder of its own.")
                                   .format(path=self.path)) from None
            if "readonly" in str(cause) or "unable to open" in str(cause):
                raise LeadkitError(tr("{path}: the class pool cannot be written from this "
                                      "account ({err}). The pool's folder and file must be "
                                      "writable by the class's group; see "
                                      "docs/teaching-with-jupyterhub.md.").format(
                                       path=self.path, err=cause)) from None
            raise

    def _run(self, action: Callable[[], _T]) -> _T:
        with self._plain_errors():
            return action()

    def create(self, roster: list[str] | None, floor: int,
               codes: Mapping[str, str] | None = None) -> None:
        made = not self.folder.exists()
        self.folder.mkdir(parents=True, exist_ok=True)
        _share_folder(self.folder, made)
        self._check_file()
        if not self.path.exists():  # made here, never through a link a learner put in its place
            fd = os.open(self.path, os.O_CREAT | os.O_EXCL | os.O_WRONLY | os.O_NOFOLLOW,
                         FILE_MODE)
            os.fchmod(fd, FILE_MODE)  # whatever the umask: SQLite gives its journals this mode
            os.close(fd)
        self._store = PoolStore(sqlite_engine(self.path), where=str(self.folder))
        self._run(lambda: self._store.create(roster, floor, codes))  # type: ignore[union-attr]

    def info(self) -> dict[str, Any]:
        return self._run(lambda: self.store.info())

    def share(self, learner: str, framework: Framework, scores: dict[str, float],
              code: str | None = None) -> None:
        self._run(lambda: self.store.share(learner, framework, scores, code))

    def view(self, framework: Framework) -> list[dict[str, Any]]:
        return self._run(lambda: self.store.view(framework))

    def close(self) -> dict[str, list[dict[str, Any]]]:
        return self._run(lambda: self.store.close())

    def archive(self) -> str:
        """Move the closed pool's file to ``folder/archive/`` (kept, never deleted).

        The write-ahead log is folded back into the file first, so the one archived file holds
        every share. Returns the archived file's path.
        """
        self._store = None
        engine = sa.create_engine(f"sqlite:///{self.path}", poolclass=sa.pool.NullPool,
                                  isolation_level="AUTOCOMMIT",
                                  connect_args={"timeout": BUSY_MS / 1000})
        with self._plain_errors(), engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA journal_mode=DELETE")
        engine.dispose()
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        target = self.folder / "archive" / f"classpool-{stamp}.sqlite"
        target.parent.mkdir(exist_ok=True)
        # The class may see that a pool was closed, not read it: the file is the teacher's.
        target.parent.chmod(0o750)
        shutil.move(str(self.path), target)
        os.chmod(target, 0o600)
        for leftover in self.folder.glob(self.path.name + "-*"):  # journals left by learners
            leftover.unlink(missing_ok=True)
        return str(target)


def _share_folder(folder: Path, made: bool) -> None:
    """Give the pool folder :data:`FOLDER_MODE` where the teacher owns it; else warn if unsafe."""
    if os.name != "posix":
        return
    info = folder.stat()
    if made or info.st_uid == os.geteuid():
        os.chmod(folder, FOLDER_MODE)
        return
    writable_by_others = info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)
    if writable_by_others and not info.st_mode & stat.S_ISVTX:
        warnings.warn(tr("{folder}: others may write in this folder but it has no sticky bit, "
                         "so a learner could replace the pool file; ask its owner to run "
                         "'chmod +t' on it.").format(folder=folder), LeadkitWarning,
                      stacklevel=4)
