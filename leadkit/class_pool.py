"""The class pool: learners share their element scores, with consent; everyone reads an anonymised
class picture back.

A teacher makes a pool (:meth:`ClassPool.create`), learners on the roster share their latest
element scores to it (:meth:`ClassPool.share`), and anyone with access reads
:meth:`ClassPool.view`: per element only the number of distinct learners and the mean, under
the kit's disclosure rules (:mod:`leadkit.privacy`, ``docs/privacy.md``).

Where the pool lives is chosen by ``location``:

* a folder every kernel can reach (the default: a Voilà workshop on one laptop, a hub with a
  shared group folder) — an SQLite file in WAL mode (:mod:`leadkit.class_pool_sqlite`);
* ``hub-service://NAME`` or ``http(s)://…/services/NAME/`` — the JupyterHub service
  (:mod:`leadkit.class_pool_service`), reached with the hub's tokens
  (:mod:`leadkit.class_pool_http`).

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
>>> pool.share(learner="s1", framework="agile-cmo", scores={"build-trust": 4.0})
>>> pool.view("agile-cmo").loc[0, ["element", "n"]].tolist()
['build-trust', <NA>]
>>> for who, s in [("s2", 3.0), ("s3", 3.5)]:
...     pool.share(learner=who, framework="agile-cmo", scores={"build-trust": s})
>>> row = pool.view("agile-cmo").iloc[0]
>>> row["element"], int(row["n"]), float(row["mean"])
('build-trust', 3, 3.5)
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pandas as pd

from leadkit.errors import InputError
from leadkit.frameworks import Framework, load_framework
from leadkit.i18n import tr
from leadkit.privacy import NOTE, check_floor, mean_is_safe, score_step

__all__ = ["ClassPool", "clean_scores", "release_view", "view_frame", "is_service_location",
           "POOL_FILE"]

#: The file a folder pool keeps its shares in.
POOL_FILE = "classpool.sqlite"

_REASONS = {
    "floor": {"en": "fewer than {floor} learners have shared this element",
              "nl": "minder dan {floor} studenten hebben dit onderdeel gedeeld"},
    "extreme": {"en": "mean withheld: only one set of scores gives it",
                "nl": "gemiddelde weggelaten: maar één reeks scores levert het op"},
}
_STEPS = {"en": "The picture of an element changes only after at least {floor} learners have "
                "shared or changed a score for it, so no single share can be read off.",
          "nl": "Het beeld van een onderdeel verandert pas nadat minstens {floor} studenten er "
                "een score voor hebben gedeeld of gewijzigd, zodat geen enkele deling af te "
                "lezen is."}


def is_service_location(location: object) -> bool:
    """Whether ``location`` names the hub service rather than a folder.

    Examples
    --------
    >>> is_service_location("hub-service://classpool"), is_service_location("/tmp/pool")
    (True, False)
    """
    text = str(location)
    return text.startswith(("hub-service://", "http://", "https://"))


def _framework(framework: str | Framework) -> Framework:
    if isinstance(framework, Framework):
        return framework
    try:
        return load_framework(str(framework))
    except KeyError as err:
        raise InputError("framework", str(err.args[0])) from None


def clean_scores(framework: Framework, scores: Mapping[str, Any]) -> dict[str, float]:
    """Check a learner's element scores against the framework; return them as plain floats.

    Elements without a score (None, NaN) are left out; at least one score must remain.

    Examples
    --------
    >>> import leadkit as lk
    >>> fw = lk.load_framework("agile-cmo")
    >>> clean_scores(fw, {"build-trust": 4, "soft-skills": None})
    {'build-trust': 4.0}
    >>> clean_scores(fw, {"build-trust": 9})
    Traceback (most recent call last):
    ...
    leadkit.errors.InputError: scores, column 'build-trust': 9 is outside the scale \
(expected a score from 1 to 5)
    """
    if not isinstance(scores, Mapping):
        raise InputError("scores", tr({"en": "scores must map element ids to scores",
                                       "nl": "scores moeten onderdeel-ids aan scores koppelen"}))
    known = {e.id for e in framework.elements}
    low, high = framework.scale
    out: dict[str, float] = {}
    for element, value in scores.items():
        if element not in known:
            raise InputError("scores", tr({
                "en": f"'{element}' is not an element of {framework.id}",
                "nl": f"'{element}' is geen onderdeel van {framework.id}"}),
                expected=", ".join(sorted(known)))
        if value is None or (isinstance(value, float) and math.isnan(value)):
            continue
        try:
            number = float(value)
        except (TypeError, ValueError):
            number = math.nan
        if not (math.isfinite(number) and low <= number <= high):
            raise InputError("scores", tr({"en": f"{value} is outside the scale",
                                           "nl": f"{value} valt buiten de schaal"}),
                             column=str(element),
                             expected=tr({"en": f"a score from {low} to {high}",
                                          "nl": f"een score van {low} tot {high}"}))
        out[str(element)] = round(number, 6)
    if not out:
        raise InputError("scores", tr({"en": "there is no score to share",
                                       "nl": "er is geen score om te delen"}),
                         expected=tr({"en": "at least one element with a score",
                                      "nl": "minstens één onderdeel met een score"}))
    return out


def release_view(framework: Framework, current: Mapping[str, Mapping[str, float]],
                 released: Mapping[str, Mapping[str, float]], floor: int
                 ) -> tuple[list[dict[str, Any]], dict[str, dict[str, float]]]:
    """The published rows of a framework, and the elements whose release moves on.

    ``current`` and ``released`` map element -> {learner: score}: what learners have shared now,
    and what the last published picture was computed from. An element's release moves on to the
    current scores only when at least ``floor`` learners differ between the two (new, changed
    or withdrawn); otherwise the last release stays. Rows hold ``element``, ``n``, ``mean`` and
    ``reason`` (``""``, ``"floor"`` or ``"extreme"``).

    Examples
    --------
    >>> import leadkit as lk
    >>> fw = lk.load_framework("agile-cmo")
    >>> now = {"build-trust": {"a": 4.0, "b": 3.0, "c": 3.5, "d": 2.0}}
    >>> before = {"build-trust": {"a": 4.0, "b": 3.0, "c": 3.5}}
    >>> rows, moved = release_view(fw, now, before, 3)
    >>> rows[0]["n"], rows[0]["mean"], moved   # one new share: the picture stays
    (3, 3.5, {})
    """
    floor = check_floor(floor)
    rows, moved = [], {}
    for element in framework.elements:
        now = dict(current.get(element.id, {}))
        last = dict(released.get(element.id, {}))
        changed = {k for k in now.keys() | last.keys() if now.get(k) != last.get(k)}
        if changed and (len(changed) >= floor or not last and len(now) >= floor):
            moved[element.id] = last = now
        n = len(last)
        step = score_step(len(framework.items_for(element.id)) or 1)
        mean = sum(last.values()) / n if n else math.nan
        if n < floor:
            rows.append({"element": element.id, "n": None, "mean": None, "reason": "floor"})
        elif not mean_is_safe(mean, n, framework.scale, step):
            rows.append({"element": element.id, "n": n, "mean": None, "reason": "extreme"})
        else:
            rows.append({"element": element.id, "n": n, "mean": round(mean, 6), "reason": ""})
    return rows, moved


def view_frame(rows: list[dict[str, Any]], floor: int) -> pd.DataFrame:
    """The tidy view table from published rows: ``element``, ``n``, ``mean``, ``note``.

    Examples
    --------
    >>> t = view_frame([{"element": "e", "n": None, "mean": None, "reason": "floor"}], 3)
    >>> t.columns.tolist(), bool(t["n"].isna().all()), bool(t["mean"].isna().all())
    (['element', 'n', 'mean', 'note'], True, True)
    >>> t.loc[0, "note"]
    'fewer than 3 learners have shared this element'
    """
    from leadkit.i18n import get_language

    language = get_language()
    frame = pd.DataFrame({
        "element": [r["element"] for r in rows],
        "n": pd.array([r["n"] for r in rows], dtype="Int64"),
        "mean": pd.array([math.nan if r["mean"] is None else r["mean"] for r in rows],
                         dtype="float64"),
        "note": [tr(_REASONS[r["reason"]]).format(floor=floor) if r["reason"] else ""
                 for r in rows],
    })
    frame.attrs["note"] = (NOTE[language].format(floor=floor) + " "
                           + _STEPS[language].format(floor=floor))
    frame.attrs["floor"] = floor
    return frame


def _backend(location: str | Path, token: str | None):
    if is_service_location(location):
        from leadkit.class_pool_http import ServiceBackend

        return ServiceBackend(str(location), token=token)
    from leadkit.class_pool_sqlite import FolderBackend

    return FolderBackend(Path(location).expanduser())


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
        self._backend = _backend(location, token)
        self._info = self._backend.info()

    @classmethod
    def create(cls, location: str | Path, roster: list[str] | str | Path | None = None, *,
               floor: int = 3, token: str | None = None) -> ClassPool:
        """Make a new pool at ``location`` (the teacher); return it opened.

        Parameters
        ----------
        location : str or Path
            A folder (made when missing) or the hub service.
        roster : list of str or path, optional
            The learner ids allowed to share, or a CSV/text file with one id per line
            (:func:`leadkit.classroom.read_roster`). None lets any learner share.
        floor : int
            The smallest group shown (3 or more).

        Returns
        -------
        ClassPool
        """
        from leadkit.classroom import read_roster

        floor = check_floor(floor)
        ids = sorted(read_roster(roster)) if roster is not None else None
        _backend(location, token).create(ids, floor)
        return cls(location, token=token)

    @property
    def floor(self) -> int:
        """The smallest group of learners the pool shows anything about."""
        return int(self._info["floor"])

    def share(self, *, learner: str, framework: str | Framework,
              scores: Mapping[str, Any]) -> None:
        """Share a learner's element scores; the latest share replaces their earlier one.

        Only element scores are shared, never answers or texts.

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
            raise InputError("learner", tr({"en": "the learner id is empty",
                                            "nl": "het studentnummer is leeg"}))
        self._backend.share(learner, fw, clean_scores(fw, scores))

    def view(self, framework: str | Framework) -> pd.DataFrame:
        """The anonymised class picture of one framework, one row per element.

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
        """Close the pool (the teacher): no more shares; return the last view per framework."""
        views = self._backend.close()
        self._info = self._backend.info()
        return {fid: view_frame(rows, self.floor) for fid, rows in views.items()}

    @property
    def closed(self) -> bool:
        """Whether the teacher has closed the pool."""
        return bool(self._backend.info()["closed"])

    def __repr__(self) -> str:
        return f"ClassPool({self.location!r}, floor={self.floor})"

