"""The class pool's rules: what a share may hold, and when the class picture may change.

:func:`clean_scores` checks a share (element ids of the framework, scores on its scale);
:func:`release_view` decides what the picture shows under the disclosure rules of
:mod:`leadkit.privacy` (the floor, extreme means withheld, release in steps of at least
``floor`` changes); :func:`view_frame` turns it into the tidy table. The storage backends
(:mod:`leadkit.classpool.store`) and the API (:mod:`leadkit.classpool.pool`) both use
them, so neither needs the other.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import pandas as pd

from leadkit.content.frameworks import Framework
from leadkit.errors import InputError
from leadkit.i18n import N_, tr
from leadkit.privacy import NOTE, check_floor, mean_is_safe, score_step

__all__ = ["POOL_FILE", "clean_scores", "release_view", "view_frame", "check_floor"]

#: The file a folder pool keeps its shares in.
POOL_FILE = "classpool.sqlite"

_REASONS = {
    "floor": N_("fewer than {floor} learners have shared this element"),
    "extreme": N_("mean withheld: only one set of scores gives it"),
}
_STEPS = N_("The picture of an element changes only after at least {floor} learners have shared "
            "or changed a score for it, so no single share can be read off.")


def clean_scores(framework: Framework, scores: Mapping[str, Any]) -> dict[str, float]:
    """Check a learner's element scores against the framework; return them as plain floats.

    Elements without a score (None, NaN) are left out; at least one score must remain.

    Parameters
    ----------
    framework : Framework
        The framework the scores belong to.
    scores : Mapping[str, Any]
        Element id to score (None or NaN for an element the learner has no score on).

    Returns
    -------
    dict of str to float
        The scores that are given, as plain floats.

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
        raise InputError("scores", tr("scores must map element ids to scores"))
    known = {e.id for e in framework.elements}
    low, high = framework.scale
    out: dict[str, float] = {}
    for element, value in scores.items():
        if element not in known:
            raise InputError("scores", tr("'{element}' is not an element of {id}").format(
                                           element=element, id=framework.id),
                expected=", ".join(sorted(known)))
        if value is None or (isinstance(value, float) and math.isnan(value)):
            continue
        try:  # true/false are not scores, though Python would read them as 1 and 0
            number = math.nan if isinstance(value, bool) else float(value)
        except (TypeError, ValueError, OverflowError):
            number = math.nan
        if not (math.isfinite(number) and low <= number <= high):
            raise InputError("scores", tr("{value} is outside the scale").format(value=value),
                             column=str(element),
                             expected=tr("a score from {low} to {high}").format(low=low, high=high))
        out[str(element)] = round(number, 6)
    if not out:
        raise InputError("scores", tr("there is no score to share"),
                         expected=tr("at least one element with a score"))
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

    Parameters
    ----------
    framework : Framework
        The framework of the pool.
    current : Mapping[str, Mapping[str, float]]
        Element id to {learner: score}: what is shared now.
    released : Mapping[str, Mapping[str, float]]
        The same for the last published picture.
    floor : int
        The disclosure floor (3 or more).

    Returns
    -------
    tuple
        The published rows, and per element that moved on its new released scores.

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
    rows: list[dict[str, Any]] = []
    moved: dict[str, dict[str, float]] = {}
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

    Parameters
    ----------
    rows : list[dict[str, Any]]
        The rows of :func:`release_view`.
    floor : int
        The disclosure floor, named in the notes.

    Returns
    -------
    pandas.DataFrame
        One row per element: ``element``, ``n``, ``mean`` and ``note`` (why a value is missing);
        ``attrs['note']`` states the rules.

    Examples
    --------
    >>> t = view_frame([{"element": "e", "n": None, "mean": None, "reason": "floor"}], 3)
    >>> t.columns.tolist(), bool(t["n"].isna().all()), bool(t["mean"].isna().all())
    (['element', 'n', 'mean', 'note'], True, True)
    >>> t.loc[0, "note"]
    'fewer than 3 learners have shared this element'
    """
    frame = pd.DataFrame({
        "element": [r["element"] for r in rows],
        "n": pd.array([r["n"] for r in rows], dtype="Int64"),
        "mean": pd.array([math.nan if r["mean"] is None else r["mean"] for r in rows],
                         dtype="float64"),
        "note": [tr(_REASONS[r["reason"]]).format(floor=floor) if r["reason"] else ""
                 for r in rows],
    })
    frame.attrs["note"] = tr(NOTE).format(floor=floor) + " " + tr(_STEPS).format(floor=floor)
    frame.attrs["floor"] = floor
    return frame
