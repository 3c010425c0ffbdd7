"""The class pool: learners share their element scores, with consent; everyone reads an anonymised
class picture back.

A teacher makes a pool (:meth:`ClassPool.create`), learners on the roster share their latest
element scores to it (:meth:`ClassPool.share`), and anyone with access reads
:meth:`ClassPool.view`: per element only the number of distinct learners and the mean, under
the kit's disclosure rules (:mod:`leadkit.privacy`, ``docs/privacy.md``).

Where the pool lives is chosen by ``location``:

* a folder every kernel can reach (the default: a Voilà workshop on one laptop, a hub with a
  shared group folder) — an SQLite file in WAL mode (:mod:`leadkit.classpool.folder`);
* ``hub-service://NAME`` or ``http(s)://…/services/NAME/`` — the JupyterHub service
  (:mod:`leadkit.classpool.service`), reached with the hub's tokens
  (:mod:`leadkit.classpool.hub`).

Why the picture cannot be taken apart. A share replaces the learner's earlier one, so a learner
is counted once. Below the floor nothing is shown, not even the count. And the picture of an
element is *released in steps*: it changes only once at least ``floor`` learners have shared,
changed or withdrawn a score for that element since the last release
(:func:`release_view`). Viewing before and after one classmate's share therefore shows the
same picture, and the difference between two releases is always the sum of at least ``floor``
learners' changes, never one learner's score. Like the floor itself, this cannot stop
``floor - 1`` classmates who pool what they know about their own shares.

Examples
--------
>>> import tempfile, leadkit as lk
>>> folder = tempfile.mkdtemp()
>>> pool = ClassPool.create(folder, roster=["s1", "s2", "s3"])
>>> sorted(pool.codes)  # each learner's code, to hand out; a share needs it
['s1', 's2', 's3']
>>> pool.share(learner="s1", code=pool.codes["s1"], framework="agile-cmo",
...            scores={"build-trust": 4.0})
>>> pool.view("agile-cmo").loc[0, ["element", "n"]].tolist()
['build-trust', <NA>]
>>> for who, s in [("s2", 3.0), ("s3", 3.5)]:
...     pool.share(learner=who, code=pool.codes[who], framework="agile-cmo",
...                scores={"build-trust": s})
>>> row = pool.view("agile-cmo").iloc[0]
>>> row["element"], int(row["n"]), float(row["mean"])
('build-trust', 3, 3.5)
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pandas as pd

from leadkit.classpool.backend import PoolBackend, open_backend
from leadkit.classpool.codes import new_codes
from leadkit.classpool.rules import POOL_FILE, check_floor, clean_scores, view_frame
from leadkit.content.frameworks import Framework, load_framework
from leadkit.errors import InputError, LeadkitError
from leadkit.i18n import tr
from leadkit.privacy import FLOOR

__all__ = ["ClassPool", "POOL_FILE"]

def _framework(framework: str | Framework) -> Framework:
    if isinstance(framework, Framework):
        return framework
    try:
        return load_framework(str(framework))
    except KeyError as err:
        raise InputError("framework", str(err.args[0])) from None


class ClassPool:
    """A class pool, opened by learner or teacher.

    Parameters
    ----------
    location : str or Path
        A folder, or the hub service (``hub-service://NAME`` or its ``http(s)`` URL).
    token : str, optional
        For the service only: the hub API token (default ``JUPYTERHUB_API_TOKEN``).

    Raises
    ------
    LeadkitError
        When there is no pool at ``location`` (the teacher makes one with :meth:`create`).
    """

    def __init__(self, location: str | Path, *, token: str | None = None) -> None:
        self.location = str(location)
        self._backend: PoolBackend = open_backend(location, token)
        self._info = self._backend.info()
        self.codes: dict[str, str] = {}

    @classmethod
    def create(cls, location: str | Path, roster: list[str] | str | Path | None = None, *,
               floor: int = FLOOR, token: str | None = None,
               codes: bool | None = None) -> ClassPool:
        """Make a new pool at ``location`` (the teacher); return it opened.

        A folder pool has no login of its own: with a roster, every learner gets a code
        (``pool.codes``, to hand out; the pool keeps only their hashes) and a share needs it,
        so nobody can share under a classmate's id or the ids of absent classmates. The hub
        service knows its users from the hub's login and needs no codes.

        Parameters
        ----------
        location : str or Path
            A folder (made when missing, readable and writable by the class's group only) or
            the hub service.
        roster : list of str or path, optional
            The learner ids allowed to share, or a CSV/text file with one id per line
            (:func:`leadkit.store.classroom.read_roster`). None lets any learner share.
        floor : int
            The smallest group shown (3 or more).
        token : str, optional
            For the service only: the hub API token.
        codes : bool, optional
            Give every roster learner a code. Default: yes for a folder pool with a roster.

        Returns
        -------
        ClassPool
            The pool, opened; ``codes`` holds learner id → code when codes were made (they are
            not stored anywhere else: write them down, as ``leadkit class open`` does).

        Raises
        ------
        LeadkitError
            A pool is already open at ``location``, or codes were asked for without a roster
            or for the hub service.
        """
        from leadkit.store.handins import read_roster

        floor = check_floor(floor)
        ids = sorted(read_roster(roster)) if roster is not None else None
        backend = open_backend(location, token)
        if codes is None:
            codes = backend.kind == "folder" and bool(ids)
        if codes and (not ids or backend.kind != "folder"):
            raise LeadkitError(tr("codes go with a roster in a folder pool; the hub service "
                                  "knows its users from the hub's login."))
        made = new_codes(ids) if codes and ids else {}
        backend.create(ids, floor, made or None)
        pool = cls(location, token=token)
        pool.codes = made
        return pool

    @property
    def kind(self) -> str:
        """``"folder"`` or ``"service"``: where the pool keeps its shares."""
        return self._backend.kind

    @property
    def needs_code(self) -> bool:
        """Whether a share needs the learner's code (a folder pool made with a roster)."""
        return bool(self._info.get("codes"))

    @property
    def floor(self) -> int:
        """The smallest group of learners the pool shows anything about."""
        return int(self._info["floor"])

    def share(self, *, learner: str, framework: str | Framework,
              scores: Mapping[str, Any], code: str | None = None) -> None:
        """Share a learner's element scores; the latest share replaces their earlier one.

        Only element scores are shared, never answers or texts.

        Parameters
        ----------
        learner : str
            The learner's id (spaces folded, case ignored).
        framework : Framework or str
            The framework, or its id.
        scores : mapping of str to float
            Element id to score; elements without a score (None, NaN) are left out.
        code : str, optional
            The learner's code, for a folder pool made with codes.

        Raises
        ------
        LeadkitError
            When the learner is not on the roster, or the pool is closed.
        InputError
            When an element or a score does not fit the framework.
        """
        fw = _framework(framework)
        learner = " ".join(str(learner).split()).casefold()
        if not learner:
            raise InputError("learner", tr("the learner id is empty"))
        self._backend.share(learner, fw, clean_scores(fw, scores), code)

    def view(self, framework: str | Framework) -> pd.DataFrame:
        """Show the anonymised class picture of one framework, one row per element.

        Parameters
        ----------
        framework : Framework or str
            The framework, or its id.

        Returns
        -------
        DataFrame
            ``element``, ``n`` (distinct learners; missing below the floor), ``mean``
            (missing below the floor or when it would give the scores away) and ``note``.
            ``attrs["note"]`` explains the rules.
        """
        fw = _framework(framework)
        return view_frame(self._backend.view(fw), self.floor)

    def close(self) -> dict[str, pd.DataFrame]:
        """Close the pool (the teacher): no more shares.

        Returns
        -------
        dict of str to pandas.DataFrame
            The last class picture per framework id, as :meth:`view` shows it.
        """
        views = self._backend.close()
        self._info = self._backend.info()
        return {fid: view_frame(rows, self.floor) for fid, rows in views.items()}

    def archive(self) -> str | None:
        """Put a closed pool's shares aside for the next lesson (the teacher).

        Returns
        -------
        str or None
            Where a folder pool's file was moved (``FOLDER/archive/classpool-….sqlite``); None
            for the hub service, which archives them itself when the next pool opens.
        """
        return self._backend.archive()

    @property
    def closed(self) -> bool:
        """Whether the teacher has closed the pool."""
        return bool(self._backend.info()["closed"])

    def __repr__(self) -> str:
        return f"ClassPool({self.location!r}, floor={self.floor})"

