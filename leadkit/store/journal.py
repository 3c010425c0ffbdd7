"""The reflection journal: a learner's answers and self-assessment scores, kept safely on disk.

A :class:`Journal` is one SQLite file (``journal.sqlite``) in the learner's data folder, or in
the folder named by the environment variable ``LEADKIT_HOME``. Every call that writes has
reached the disk when it returns (write-ahead log with full sync), two notebooks may write to
one journal at the same time, and a revised answer is stored as a new version next to the old
one: nothing a learner wrote is ever overwritten or deleted by the kit. The file format itself
(tables, version header, upgrades) is kept in :mod:`leadkit.store.journal_schema`.

Examples
--------
>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> j = Journal(folder / "journal.sqlite")
>>> entry = j.add("first-week", "Trust grows when I explain my choices.")
>>> _ = j.revise(entry, "Trust grows when I explain my choices, also the unpopular ones.")
>>> j.entries()[["prompt_id", "version"]].to_dict("records")
[{'prompt_id': 'first-week', 'version': 2}]
>>> len(j.history("first-week"))
2
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
from collections.abc import Mapping
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pandas as pd

from leadkit.docparams import shared_methods
from leadkit.errors import InputError, LeadkitError
from leadkit.i18n import N_, get_language, tr
from leadkit.store.journal_schema import (
    APPLICATION_ID as APPLICATION_ID,  # importable from here too
)
from leadkit.store.journal_schema import (
    MIGRATIONS,
    SCHEMA_VERSION,
    JournalFile,
    check_scores,
    timestamp,
)

__all__ = ["Journal", "SaveResult", "default_journal_path", "SCHEMA_VERSION", "learner_id_problem"]

_LEARNER_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$")


def learner_id_problem(value: str | None) -> str | None:
    """What is wrong with a learner id (a message id for :func:`~leadkit.i18n.tr`), or None.

    A learner id is a student number or short name: letters, digits and ``. _ @ -``, at most
    64 characters, no spaces (it becomes part of the hand-in file names).

    Parameters
    ----------
    value : str or None
        The id as typed; surrounding spaces do not count.

    Returns
    -------
    str or None
        The message id of the first problem (English; :func:`~leadkit.i18n.tr` translates
        it), or None for a good id.

    Examples
    --------
    >>> learner_id_problem("s2501030") is None
    True
    >>> learner_id_problem("")
    'it is empty'
    >>> learner_id_problem("jan de vries")
    'it contains a space or a sign other than . _ @ -'
    """
    text = (value or "").strip()
    if not text:
        return N_("it is empty")
    if len(text) > 64:
        return N_("it is longer than 64 characters")
    if not _LEARNER_ID.match(text):
        return N_("it contains a space or a sign other than . _ @ -")
    return None


def default_journal_path() -> Path:
    """Return where the journal lives when no path is given.

    ``$LEADKIT_HOME/journal.sqlite`` when that variable names a folder, otherwise the user's
    data folder (``platformdirs.user_data_dir("leadkit")``), which stays put when notebooks are
    moved and lives in the home folder on JupyterHub.

    Returns
    -------
    pathlib.Path
        The path of ``journal.sqlite``; the file need not exist yet.

    Examples
    --------
    >>> default_journal_path().name
    'journal.sqlite'
    """
    home = os.environ.get("LEADKIT_HOME", "").strip()
    if home:
        return Path(home).expanduser() / "journal.sqlite"
    import platformdirs

    return Path(platformdirs.user_data_dir("leadkit", appauthor=False)) / "journal.sqlite"


@dataclass(frozen=True)
class SaveResult:
    """What :meth:`Journal.save_answer` did.

    Attributes
    ----------
    entry_id, version : int
        The entry and the version now on disk.
    saved : datetime.datetime
        When that version was saved (UTC).
    n_chars : int
        The length of the saved text.
    changed : bool
        False when the text was the same as the latest version, so nothing new was written.
    """

    entry_id: int
    version: int
    saved: datetime
    n_chars: int
    changed: bool


@shared_methods
class Journal:
    """A durable store of one learner's reflections and self-assessment scores.

    Parameters
    ----------
    path : str or Path, optional
        The journal file, or a folder to keep ``journal.sqlite`` in. Default:
        :func:`default_journal_path`.
    learner : str, optional
        A learner name or id to record (used when exporting a bundle for the teacher).

    Raises
    ------
    LeadkitError
        When the file exists but is not a leadkit journal (another program's file, or damaged).
        Such a file is left exactly as it was.
    """

    def __init__(self, path: str | os.PathLike[str] | None = None, *,
                 learner: str | None = None) -> None:
        p = Path(path).expanduser() if path is not None else default_journal_path()
        if p.is_dir():
            p = p / "journal.sqlite"
        self.path = p.resolve()
        self._open()
        if learner is not None:
            self.learner = learner

    # -- the file -----------------------------------------------------------------------------
    def _open(self) -> None:
        """Check the file is a journal (or create it), then bring its layout up to date."""
        self._file = JournalFile(self.path)
        # This module's SCHEMA_VERSION and MIGRATIONS are read at open time, so they stay the
        # names that decide the layout (a test simulates an upgrade by replacing them).
        self._file.prepare(SCHEMA_VERSION, MIGRATIONS)

    def _connect_raw(self, create: bool = False) -> sqlite3.Connection:
        return self._file.connect(create)

    def _db(self, write: bool = False) -> AbstractContextManager[sqlite3.Connection]:
        return self._file.db(write)

    # -- learner ------------------------------------------------------------------------------
    @property
    def learner(self) -> str | None:
        """The learner name or id stored in the journal (None when not set)."""
        with self._db() as con:
            row = con.execute("SELECT value FROM meta WHERE key = 'learner'").fetchone()
        return row[0] if row else None

    @learner.setter
    def learner(self, value: str) -> None:
        value = str(value).strip()
        if not value:
            raise InputError(str(self.path), "the learner id is empty",
                             expected="a name or student number")
        with self._db(write=True) as con:
            con.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('learner', ?)", (value,))

    @property
    def language(self) -> str | None:
        """The language the learner works in ("nl" or "en"), as last recorded (None: unknown).

        Recorded when a reflection is saved or a portfolio is made in a notebook, so that a
        portfolio made later from the command line comes out in the learner's own language.
        """
        with self._db() as con:
            row = con.execute("SELECT value FROM meta WHERE key = 'language'").fetchone()
        return row[0] if row else None

    @language.setter
    def language(self, code: str) -> None:
        with self._db(write=True) as con:
            con.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('language', ?)",
                        (str(code),))

    # -- reflections --------------------------------------------------------------------------
    def add(self, prompt_id: str, text: str, notebook: str | None = None, *,
            prompt: Mapping[str, str] | str | None = None,
            share_with_teacher: bool = False) -> int:
        """Store a new answer; it is on disk when this returns.

        Parameters
        ----------
        %(prompt_id)s
        %(answer_text)s
        notebook : str, optional
            The notebook the answer was written in.
        prompt : mapping or str, optional
            The question as shown (a ``{en, nl}`` mapping or a string), kept so the portfolio
            can print it next to the answer.
        share_with_teacher : bool, default False
            Whether the answer goes into hand-in bundles.

        Returns
        -------
        int
            The new entry's id.

        Examples
        --------
        >>> import tempfile
        >>> j = Journal(tempfile.mkdtemp())
        >>> j.add("why-trust", "Because rules cannot cover every customer.")
        1
        """
        prompt_id, text = self._check_text(prompt_id, text)
        stamp = timestamp()
        with self._db(write=True) as con:
            cur = con.execute(
                "INSERT INTO entries(prompt_id, prompt, notebook, created, share_with_teacher) "
                "VALUES (?, ?, ?, ?, ?)",
                (prompt_id, None if prompt is None else json.dumps(prompt, ensure_ascii=False),
                 notebook, stamp, int(bool(share_with_teacher))))
            entry_id = int(cur.lastrowid or 0)  # always set after an INSERT
            con.execute("INSERT INTO versions(entry_id, version, text, created) VALUES (?,1,?,?)",
                        (entry_id, text, stamp))
        return entry_id

    def revise(self, entry_id: int, text: str) -> int:
        """Store a new version of an answer; the old versions stay.

        Parameters
        ----------
        %(entry_id)s
        %(answer_text)s

        Returns
        -------
        int
            The new version's number.
        """
        _, text = self._check_text("revision", text)
        with self._db(write=True) as con:
            self._require_entry(con, entry_id)
            (last,) = con.execute("SELECT MAX(version) FROM versions WHERE entry_id = ?",
                                  (int(entry_id),)).fetchone()
            con.execute("INSERT INTO versions(entry_id, version, text, created) VALUES (?,?,?,?)",
                        (int(entry_id), last + 1, text, timestamp()))
        return int(last) + 1

    def set_shared(self, entry_id: int, share: bool = True) -> None:
        """Tick or untick "share with my teacher" for one entry (its text goes into bundles).

        Parameters
        ----------
        %(entry_id)s
        share : bool, default True
            Share or not.
        """
        with self._db(write=True) as con:
            self._require_entry(con, entry_id)
            con.execute("UPDATE entries SET share_with_teacher = ? WHERE id = ?",
                        (int(bool(share)), int(entry_id)))

    def save_answer(self, prompt_id: str, text: str, *, entry_id: int | None = None,
                    notebook: str | None = None, prompt: Mapping[str, str] | str | None = None,
                    share_with_teacher: bool = False) -> SaveResult:
        """Save what a learner typed: a new entry, a new version, or nothing if unchanged.

        This is the logic behind the reflection widget's Save button.

        Parameters
        ----------
        %(prompt_id)s
        %(answer_text)s
        entry_id : int, optional
            The entry being edited; None starts a new one.
        notebook : str, optional
            The notebook the answer was written in.
        prompt : mapping or str, optional
            The question as shown.
        share_with_teacher : bool, default False
            Whether the answer goes into hand-in bundles.

        Returns
        -------
        SaveResult
            Which entry and version are on disk, when, and whether anything changed.

        Raises
        ------
        LeadkitError
            ``entry_id`` names no entry of this journal.

        Examples
        --------
        >>> import tempfile
        >>> j = Journal(tempfile.mkdtemp())
        >>> first = j.save_answer("p", "Draft")
        >>> again = j.save_answer("p", "Draft", entry_id=first.entry_id)
        >>> (first.version, again.changed, j.save_answer("p", "Final", entry_id=1).version)
        (1, False, 2)
        """
        if entry_id is None:
            new_id = self.add(prompt_id, text, notebook, prompt=prompt,
                              share_with_teacher=share_with_teacher)
            row = self.entries(prompt_id=prompt_id).set_index("id").loc[new_id]
            return SaveResult(new_id, 1, row["updated"].to_pydatetime(), len(text), True)
        current = self.entries().set_index("id")
        if int(entry_id) not in current.index:
            raise LeadkitError(tr("{path}: there is no entry {entry_id}").format(
                                   path=self.path, entry_id=entry_id))
        row = current.loc[int(entry_id)]
        changed = row["text"] != text
        if bool(row["share_with_teacher"]) != bool(share_with_teacher):
            self.set_shared(int(entry_id), share_with_teacher)
        if changed:
            self.revise(int(entry_id), text)
            row = self.entries().set_index("id").loc[int(entry_id)]
        return SaveResult(int(entry_id), int(row["version"]), row["updated"].to_pydatetime(),
                          len(row["text"]), bool(changed))

    def entries(self, latest_only: bool = True, prompt_id: str | None = None) -> pd.DataFrame:
        """List the answers as a table, oldest first.

        Parameters
        ----------
        latest_only : bool, default True
            One row per entry (its latest version); False gives one row per version.
        prompt_id : str, optional
            Only the answers to this question.

        Returns
        -------
        pandas.DataFrame
            ``id``, ``prompt_id``, ``text``, ``notebook``, ``created`` (when the entry was first
            saved), ``updated`` (when this version was saved), ``version``,
            ``share_with_teacher`` and ``prompt`` (the question in the current language, or
            None).
        """
        sql = (
            "SELECT e.id, e.prompt_id, v.text, e.notebook, e.created, v.created AS updated, "
            "v.version, e.share_with_teacher, e.prompt "
            "FROM entries e JOIN versions v ON v.entry_id = e.id"
        )
        where, params = [], []
        if latest_only:
            where.append("v.version = (SELECT MAX(version) FROM versions WHERE entry_id = e.id)")
        if prompt_id is not None:
            where.append("e.prompt_id = ?")
            params.append(prompt_id)
        if where:
            sql += " WHERE " + " AND ".join(where)
        with self._db() as con:
            rows = con.execute(sql + " ORDER BY e.id, v.version", params).fetchall()
        cols = ["id", "prompt_id", "text", "notebook", "created", "updated", "version",
                "share_with_teacher", "prompt"]
        df = pd.DataFrame(rows, columns=cols)
        # pandas turns missing text into NaN; the prompt and notebook columns use None instead.
        df["prompt"] = pd.Series([None if pd.isna(p) else _in_language(json.loads(p))
                                  for p in df["prompt"]], dtype=object)
        df["notebook"] = pd.Series([None if pd.isna(n) else n for n in df["notebook"]],
                                   dtype=object)
        for col in ("created", "updated"):
            df[col] = pd.to_datetime(df[col], utc=True, format="ISO8601")
        df["share_with_teacher"] = df["share_with_teacher"].astype(bool)
        return df.astype({"id": "int64", "version": "int64"})

    def prompts(self) -> dict[int, Mapping[str, str] | str]:
        """Give the question stored with each entry, in all its languages.

        Returns
        -------
        dict of int to mapping or str
            Entry id to the question as it was stored.
        """
        with self._db() as con:
            rows = con.execute("SELECT id, prompt FROM entries WHERE prompt IS NOT NULL")
            return {int(i): json.loads(p) for i, p in rows.fetchall()}

    def history(self, prompt_id: str) -> pd.DataFrame:
        """List every version of every answer to one question, oldest first.

        Parameters
        ----------
        %(prompt_id)s

        Returns
        -------
        pandas.DataFrame
            As :meth:`entries` with ``latest_only=False``.
        """
        return self.entries(latest_only=False, prompt_id=prompt_id)

    # -- self-assessment scores ---------------------------------------------------------------
    def save_scores(self, framework_id: str, scores: pd.DataFrame,
                    instrument_form: str = "self") -> int:
        """Save one set of element scores; earlier sets are kept.

        Parameters
        ----------
        framework_id : str
            The framework scored.
        scores : pandas.DataFrame
            Columns ``element``, ``score`` and optionally ``n_answered``.
        instrument_form : {"self", "observer"}, default "self"
            The form answered.

        Returns
        -------
        int
            The id of the saved set.

        Raises
        ------
        InputError
            A score that is not a number on the framework's scale, or an unknown element.

        Examples
        --------
        >>> import tempfile
        >>> j = Journal(tempfile.mkdtemp())
        >>> s = pd.DataFrame({"element": ["build-trust", "share-vision"], "score": [4.0, 3.5]})
        >>> j.save_scores("agile-cmo", s)
        1
        >>> j.scores()[["framework", "element", "score"]].to_dict("records")[0]
        {'framework': 'agile-cmo', 'element': 'build-trust', 'score': 4.0}
        """
        rows = check_scores(str(self.path), framework_id, scores)
        with self._db(write=True) as con:
            cur = con.execute(
                "INSERT INTO score_sets(framework, instrument_form, saved) VALUES (?, ?, ?)",
                (framework_id, instrument_form, timestamp()))
            set_id = int(cur.lastrowid or 0)  # always set after an INSERT
            con.executemany(
                "INSERT INTO scores(set_id, element, score, n_answered) VALUES (?, ?, ?, ?)",
                [(set_id, *r) for r in rows])
        return set_id

    def scores(self, latest_only: bool = False) -> pd.DataFrame:
        """List the saved score sets as a tidy table.

        Parameters
        ----------
        latest_only : bool, default False
            Keep only the newest set per framework and form.

        Returns
        -------
        pandas.DataFrame
            ``set_id``, ``framework``, ``instrument_form``, ``element``, ``score``,
            ``n_answered`` and ``saved``.
        """
        sql = ("SELECT s.id, s.framework, s.instrument_form, c.element, c.score, c.n_answered, "
               "s.saved FROM score_sets s JOIN scores c ON c.set_id = s.id")
        if latest_only:
            sql += (" WHERE s.id = (SELECT MAX(id) FROM score_sets t WHERE "
                    "t.framework = s.framework AND t.instrument_form = s.instrument_form)")
        with self._db() as con:
            rows = con.execute(sql + " ORDER BY s.id, c.rowid").fetchall()
        df = pd.DataFrame(rows, columns=["set_id", "framework", "instrument_form", "element",
                                         "score", "n_answered", "saved"])
        df["score"] = df["score"].astype(float)
        df["n_answered"] = df["n_answered"].astype("Int64")
        df["saved"] = pd.to_datetime(df["saved"], utc=True, format="ISO8601")
        return df

    # -- helpers ------------------------------------------------------------------------------
    def _check_text(self, prompt_id: str, text: str) -> tuple[str, str]:
        if not isinstance(prompt_id, str) or not prompt_id.strip():
            raise InputError(str(self.path), "the prompt id is empty", expected="a short id")
        if not isinstance(text, str):
            raise InputError(str(self.path), f"the answer is a {type(text).__name__}",
                             expected="text")
        return prompt_id.strip(), text

    def _require_entry(self, con: sqlite3.Connection, entry_id: int) -> None:
        if con.execute("SELECT 1 FROM entries WHERE id = ?", (int(entry_id),)).fetchone() is None:
            raise LeadkitError(tr("{path}: there is no entry {entry_id}").format(
                                   path=self.path, entry_id=entry_id))

    def __repr__(self) -> str:
        return f"Journal({str(self.path)!r})"


def _in_language(prompt: Mapping[str, str] | str) -> str:
    # A question given in one language only is still shown, rather than failing the table.
    if isinstance(prompt, Mapping):
        return prompt.get(get_language()) or next(iter(prompt.values()), "")
    return str(prompt)
