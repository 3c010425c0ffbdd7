"""Where a class pool keeps its shares: four small tables through SQLAlchemy.

One store serves both backends: the folder pool (an SQLite file,
                                                 :mod:`leadkit.classpool.folder`)
and the hub service (SQLite by default, PostgreSQL in production,
:mod:`leadkit.classpool.service`). Every change runs in one transaction that first takes the
pool's lock row (``SELECT … FOR UPDATE`` on PostgreSQL; SQLite's ``BEGIN IMMEDIATE`` does the
same), so concurrent shares and releases are applied one after the other and none is lost.

Tables: ``meta`` (floor, closed), ``roster`` (the learners allowed to share), ``shares`` (one
row per learner and element: the learner's latest share) and ``released`` (the scores the
published picture was last computed from, see :func:`leadkit.classpool.pool.release_view`).

Examples
--------
>>> import leadkit as lk
>>> store = PoolStore("sqlite://")
>>> store.create(["s1", "s2"], 3)
>>> store.info()["floor"], store.info()["roster_size"]
(3, 2)
>>> store.share("s1", lk.load_framework("agile-cmo"), {"build-trust": 4.0})
>>> store.share("zz", lk.load_framework("agile-cmo"), {"build-trust": 4.0})
Traceback (most recent call last):
...
leadkit.errors.LeadkitError: 'zz' is not on the class roster: nothing was shared. Check the \
learner id, or ask the teacher to add it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from typing import Any

import sqlalchemy as sa

from leadkit.classpool.codes import code_matches, hash_code, new_salt
from leadkit.content.frameworks import Framework
from leadkit.docparams import shared_methods
from leadkit.errors import LeadkitError
from leadkit.i18n import tr

__all__ = ["PoolStore", "tables"]

_meta = sa.MetaData()
tables = {
    "meta": sa.Table("classpool_meta", _meta,
                     sa.Column("key", sa.String(40), primary_key=True),
                     sa.Column("value", sa.String(200), nullable=False)),
    "roster": sa.Table("classpool_roster", _meta,
                       sa.Column("learner", sa.String(200), primary_key=True)),
    "shares": sa.Table("classpool_shares", _meta,
                       sa.Column("framework", sa.String(100), primary_key=True),
                       sa.Column("learner", sa.String(200), primary_key=True),
                       sa.Column("element", sa.String(100), primary_key=True),
                       sa.Column("score", sa.Float, nullable=False)),
    "released": sa.Table("classpool_released", _meta,
                         sa.Column("framework", sa.String(100), primary_key=True),
                         sa.Column("element", sa.String(100), primary_key=True),
                         sa.Column("learner", sa.String(200), primary_key=True),
                         sa.Column("score", sa.Float, nullable=False)),
    # Per-learner codes of a folder pool: a salted hash of each (leadkit.classpool.codes).
    "codes": sa.Table("classpool_codes", _meta,
                      sa.Column("learner", sa.String(200), primary_key=True),
                      sa.Column("hash", sa.String(128), nullable=False)),
    # A closed pool's shares, kept when the teacher opens the next lesson's pool.
    "archive": sa.Table("classpool_archive", _meta,
                        sa.Column("lesson", sa.String(40), primary_key=True),
                        sa.Column("framework", sa.String(100), primary_key=True),
                        sa.Column("learner", sa.String(200), primary_key=True),
                        sa.Column("element", sa.String(100), primary_key=True),
                        sa.Column("score", sa.Float, nullable=False)),
}


@shared_methods
class PoolStore:
    """A class pool's storage at an SQLAlchemy URL (or on a ready engine).

    Parameters
    ----------
    url : str or sqlalchemy.engine.Engine
        ``sqlite:///path``, ``postgresql+psycopg://…`` or an engine made elsewhere.
    where : str
        How to name the pool in messages (a folder, a URL).
    """

    def __init__(self, url: str | sa.engine.Engine, where: str = "class pool") -> None:
        self.engine = url if isinstance(url, sa.engine.Engine) else sa.create_engine(url)
        self.where = where

    def _locked(self, conn: sa.Connection) -> dict[str, str]:
        """Take the pool's lock (PostgreSQL) and return the meta rows; raise when no pool."""
        meta = tables["meta"]
        try:
            conn.execute(sa.select(meta.c.value).where(meta.c.key == "lock").with_for_update())
            return dict(conn.execute(sa.select(meta.c.key, meta.c.value)).all())
        except sa.exc.OperationalError as err:
            if "no such table" in str(err) or "does not exist" in str(err):
                raise self._missing() from None
            raise
        except sa.exc.ProgrammingError:
            raise self._missing() from None

    def _missing(self) -> LeadkitError:
        return LeadkitError(tr("{where}: there is no class pool here yet. The teacher makes one "
                               "with 'leadkit class open' or ClassPool.create.").format(
                                where=self.where))

    def create(self, roster: list[str] | None, floor: int,
               codes: Mapping[str, str] | None = None) -> None:
        """Make the tables and the pool.

        A closed pool's shares move to the archive table first (never deleted).

        Parameters
        ----------
        %(roster)s
        %(floor)s
        codes : mapping of str to str, optional
            Each roster learner's code (:func:`leadkit.classpool.codes.new_codes`); only their
            salted hashes are stored, and a share then needs the learner's code.

        Raises
        ------
        LeadkitError
            An open pool is already there.
        """
        _meta.create_all(self.engine)
        with self.engine.begin() as conn:
            meta = tables["meta"]
            conn.execute(sa.select(meta.c.value).where(meta.c.key == "lock").with_for_update())
            closed = conn.execute(sa.select(meta.c.value).where(meta.c.key == "closed")).first()
            if closed and closed[0] == "1":
                self._archive(conn)
            elif closed:
                raise LeadkitError(tr("{where}: a class pool is already open here; open it with "
                                      "ClassPool(location), or close it first with 'leadkit "
                                      "class close'.").format(where=self.where))
            salt = new_salt()
            conn.execute(meta.insert(), [{"key": "lock", "value": "0"},
                                         {"key": "floor", "value": str(floor)},
                                         {"key": "closed", "value": "0"},
                                         {"key": "roster", "value": "1" if roster else "0"},
                                         {"key": "codes", "value": "1" if codes else "0"},
                                         {"key": "code_salt", "value": salt}])
            if roster:
                conn.execute(tables["roster"].insert(), [{"learner": r} for r in roster])
            if codes:
                conn.execute(tables["codes"].insert(), [
                    {"learner": k, "hash": hash_code(c, salt)} for k, c in codes.items()])

    @staticmethod
    def _archive(conn: sa.Connection) -> None:
        from datetime import UTC, datetime

        shares, lesson = tables["shares"], datetime.now(UTC).strftime("%Y%m%dT%H%M%S.%fZ")
        rows = [{"lesson": lesson, "framework": f, "learner": k, "element": e, "score": v}
                for f, k, e, v in conn.execute(sa.select(shares.c.framework, shares.c.learner,
                                                         shares.c.element, shares.c.score))]
        if rows:
            conn.execute(tables["archive"].insert(), rows)
        for name in ("shares", "released", "roster", "codes", "meta"):
            conn.execute(tables[name].delete())

    def info(self) -> dict[str, Any]:
        """Tell the pool's settings.

        Returns
        -------
        dict
            ``floor``, ``closed``, ``roster_size`` (None when anyone may share) and ``codes``
            (whether a share needs the learner's code).
        """
        with self.engine.begin() as conn:
            meta = self._locked(conn)
            size = conn.execute(sa.select(sa.func.count()).select_from(tables["roster"])).scalar()
        return {"floor": int(meta["floor"]), "closed": meta["closed"] == "1",
                "roster_size": int(size or 0) if meta.get("roster") == "1" else None,
                "codes": meta.get("codes") == "1"}

    def on_roster(self, learner: str) -> bool:
        """Tell whether a learner may share.

        Parameters
        ----------
        %(learner)s

        Returns
        -------
        bool
            True when the learner is on the roster, or the pool has none.
        """
        with self.engine.begin() as conn:
            return self._allowed(conn, self._locked(conn), learner)

    @staticmethod
    def _allowed(conn: sa.Connection, meta: dict[str, str], learner: str) -> bool:
        if meta.get("roster") != "1":
            return True
        roster = tables["roster"]
        return conn.execute(sa.select(roster.c.learner)
                            .where(roster.c.learner == learner)).first() is not None

    def share(self, learner: str, framework: Framework, scores: dict[str, float],
              code: str | None = None) -> None:
        """Replace a learner's share for a framework, in one transaction under the pool's lock.

        Parameters
        ----------
        %(pool_share)s

        Raises
        ------
        LeadkitError
            The pool is closed, the learner is not on the roster, or (in a pool with codes)
            the id and code do not match.
        """
        shares = tables["shares"]
        with self.engine.begin() as conn:
            meta = self._locked(conn)
            if meta["closed"] == "1":
                raise LeadkitError(tr("{where}: the class pool is closed; nothing was "
                                      "shared.").format(where=self.where))
            if meta.get("codes") == "1":
                stored = conn.execute(sa.select(tables["codes"].c.hash).where(
                    tables["codes"].c.learner == learner)).scalar()
                # One message whether the id is unknown or the code wrong: no roster probing.
                if not code_matches(code, stored, meta.get("code_salt", "")):
                    raise LeadkitError(tr("'{learner}': this learner id and code do not match, "
                                          "so nothing was shared. Check the code on the card "
                                          "from your teacher.").format(learner=learner))
            elif not self._allowed(conn, meta, learner):
                raise LeadkitError(tr("'{learner}' is not on the class roster: nothing was "
                                      "shared. Check the learner id, or ask the teacher to add "
                                      "it.").format(learner=learner))
            conn.execute(shares.delete().where(shares.c.framework == framework.id,
                                               shares.c.learner == learner))
            conn.execute(shares.insert(), [
                {"framework": framework.id, "learner": learner, "element": e, "score": s}
                for e, s in scores.items()])

    def _scores(self, conn: sa.Connection, table: sa.Table, framework: str
                ) -> dict[str, dict[str, float]]:
        out: dict[str, dict[str, float]] = defaultdict(dict)
        rows = conn.execute(sa.select(table.c.element, table.c.learner, table.c.score)
                            .where(table.c.framework == framework))
        for element, learner, score in rows:
            out[element][learner] = float(score)
        return out

    def view(self, framework: Framework) -> list[dict[str, Any]]:
        """Publish a framework's picture, moving releases on where the rules allow.

        Parameters
        ----------
        %(pool_framework)s

        Returns
        -------
        %(pool_rows)s
        """
        from leadkit.classpool.rules import release_view

        released = tables["released"]
        with self.engine.begin() as conn:
            meta = self._locked(conn)
            rows, moved = release_view(framework, self._scores(conn, tables["shares"],
                                                               framework.id),
                                       self._scores(conn, released, framework.id),
                                       int(meta["floor"]))
            for element, scores in moved.items():
                conn.execute(released.delete().where(released.c.framework == framework.id,
                                                     released.c.element == element))
                if scores:
                    conn.execute(released.insert(), [
                        {"framework": framework.id, "element": element, "learner": k,
                         "score": v} for k, v in scores.items()])
        return rows

    def frameworks(self) -> list[str]:
        """List the frameworks learners have shared scores for.

        Returns
        -------
        list of str
            Framework ids, sorted.
        """
        shares = tables["shares"]
        with self.engine.begin() as conn:
            self._locked(conn)
            return sorted(conn.execute(sa.select(shares.c.framework).distinct()).scalars())

    def close(self) -> dict[str, list[dict[str, Any]]]:
        """Mark the pool closed.

        Returns
        -------
        dict of str to list of dict
            The last published rows per framework id.
        """
        from leadkit.content.frameworks import load_framework

        views = {fid: self.view(load_framework(fid)) for fid in self.frameworks()}
        meta = tables["meta"]
        with self.engine.begin() as conn:
            self._locked(conn)
            conn.execute(meta.update().where(meta.c.key == "closed").values(value="1"))
        return views
