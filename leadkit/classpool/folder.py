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

import shutil
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from leadkit.classpool.store import PoolStore
from leadkit.content.frameworks import Framework
from leadkit.errors import LeadkitError
from leadkit.i18n import tr

# FolderBackend is reached through leadkit.classpool.backend.open_backend, not by name.
__all__ = ["sqlite_engine", "BUSY_MS"]

#: How long a write waits for the lock before it gives up (60 s: a whole class at once).
BUSY_MS = 60_000


def sqlite_engine(path: Path | str) -> sa.engine.Engine:
    """An engine on the SQLite file ``path``: WAL, a busy timeout, ``BEGIN IMMEDIATE`` writes.

    Parameters
    ----------
    path : Path or str
        The SQLite file (made when missing).

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
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")  # a share that was acknowledged survives
        cursor.close()

    @sa.event.listens_for(engine, "begin")
    def _on_begin(conn):  # noqa: ANN001
        conn.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


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
            if not self.path.is_file():
                raise LeadkitError(tr("{folder}: there is no class pool here. The teacher makes "
                                      "one with 'leadkit class open' or ClassPool.create; check "
                                      "the folder.").format(folder=self.folder))
            self._store = PoolStore(sqlite_engine(self.path), where=str(self.folder))
        return self._store

    def create(self, roster: list[str] | None, floor: int) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        self._store = PoolStore(sqlite_engine(self.path), where=str(self.folder))
        self._store.create(roster, floor)

    def info(self) -> dict[str, Any]:
        return self.store.info()

    def share(self, learner: str, framework: Framework, scores: dict[str, float]) -> None:
        self.store.share(learner, framework, scores)

    def view(self, framework: Framework) -> list[dict[str, Any]]:
        return self.store.view(framework)

    def close(self) -> dict[str, list[dict[str, Any]]]:
        return self.store.close()

    def archive(self) -> str:
        """Move the closed pool's file to ``folder/archive/`` (kept, never deleted).

        The write-ahead log is folded back into the file first, so the one archived file holds
        every share. Returns the archived file's path.
        """
        self._store = None
        engine = sa.create_engine(f"sqlite:///{self.path}", poolclass=sa.pool.NullPool,
                                  isolation_level="AUTOCOMMIT",
                                  connect_args={"timeout": BUSY_MS / 1000})
        with engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA journal_mode=DELETE")
        engine.dispose()
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        target = self.folder / "archive" / f"classpool-{stamp}.sqlite"
        target.parent.mkdir(exist_ok=True)
        shutil.move(str(self.path), target)
        return str(target)
