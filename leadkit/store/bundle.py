"""The hand-in bundle: what a learner gives the teacher, as one JSON file.

A bundle holds the learner id, the latest element scores of every self-assessment, the journal
entries the learner marked as shared (with their questions in both languages), and counts of
shared and private entries — never the private texts. :mod:`leadkit.store.classroom` reads
bundles of every version it knows.

Examples
--------
A private entry travels as a count only; a shared one with its text:

>>> import tempfile, pathlib
>>> from leadkit.store.journal import Journal
>>> journal = Journal(pathlib.Path(tempfile.mkdtemp()), learner="s1001")
>>> _ = journal.add("doubt", "I still check every campaign myself.")
>>> _ = journal.add("goal", "Listen before I decide.", share_with_teacher=True)
>>> bundle = make_bundle(journal)
>>> [e["text"] for e in bundle["shared_entries"]], bundle["counts"]["private"]
(['Listen before I decide.'], 1)
"""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pandas as pd

from leadkit.docparams import shared_params
from leadkit.errors import LeadkitError
from leadkit.i18n import tr
from leadkit.store.journal import Journal
from leadkit.store.safe_output import write_text_atomically

__all__ = ["BUNDLE_FORMAT", "BUNDLE_VERSION", "make_bundle", "export_bundle"]

BUNDLE_FORMAT = "leadkit-bundle"
#: Raised when the bundle layout changes; :mod:`leadkit.store.classroom` reads every version it
#: knows.
BUNDLE_VERSION = 1


@shared_params
def make_bundle(journal: Journal, *, learner: str | None = None) -> dict[str, Any]:
    """The export bundle as a dict (see the module text for what it holds and leaves out).

    Parameters
    ----------
    %(journal)s
    learner : str, optional
        The learner id to put in the bundle. Default ``None`` takes the id stored in the
        journal.

    Returns
    -------
    dict
        ``format``, ``version``, ``learner``, ``exported`` (UTC time), the latest ``scores``,
        the ``shared_entries`` only, and ``counts`` of all, shared and private entries.

    Raises
    ------
    LeadkitError
        When no learner id is given and none is stored in the journal.

    Examples
    --------
    >>> import tempfile
    >>> journal = Journal(tempfile.mkdtemp())
    >>> _ = journal.add("why", "To learn.", share_with_teacher=True)
    >>> _ = journal.add("private", "Not for the teacher.")
    >>> bundle = make_bundle(journal, learner="s1001")
    >>> bundle["learner"], [e["text"] for e in bundle["shared_entries"]], bundle["counts"]
    ('s1001', ['To learn.'], {'entries': 2, 'shared': 1, 'private': 1})
    """
    learner = (learner or journal.learner or "").strip()
    if not learner:
        raise LeadkitError(tr("The bundle needs your learner id (as your teacher asked for it): "
                              "pass learner='...' or set journal.learner = '...' once."))
    entries = journal.entries()
    shared = entries[entries["share_with_teacher"]]
    scores = journal.scores(latest_only=True)
    # The question goes along in both languages, so the teacher reads it in their own.
    prompts = journal.prompts()
    return {
        "format": BUNDLE_FORMAT,
        "version": BUNDLE_VERSION,
        "learner": learner,
        "exported": datetime.now(UTC).isoformat(timespec="seconds"),
        "scores": [
            {"framework": r.framework, "instrument_form": r.instrument_form,
             "element": r.element, "score": None if pd.isna(r.score) else float(r.score),
             "n_answered": None if pd.isna(r.n_answered) else int(r.n_answered),
             "saved": r.saved.isoformat()}
            for r in scores.itertuples()
        ],
        "shared_entries": [
            {"prompt_id": r.prompt_id, "prompt": prompts.get(r.id), "notebook": r.notebook,
             "text": r.text, "version": int(r.version), "created": r.created.isoformat(),
             "updated": r.updated.isoformat()}
            for r in shared.itertuples()
        ],
        "counts": {"entries": len(entries), "shared": len(shared),
                   "private": len(entries) - len(shared)},
    }


@shared_params
def export_bundle(journal: Journal, path: str | os.PathLike[str], *,
                  learner: str | None = None) -> Path:
    """Write the export bundle (JSON) for the teacher and return its path.

    Parameters
    ----------
    %(journal)s
    path : str or path-like
        The JSON file to write; missing folders are made, and the file is written atomically.
    learner : str, optional
        The learner id. Default ``None`` takes the id stored in the journal.

    Returns
    -------
    pathlib.Path
        The path written.

    Raises
    ------
    LeadkitError
        No learner id is given and none is stored in the journal.

    Examples
    --------
    >>> import json, tempfile
    >>> from pathlib import Path
    >>> folder = Path(tempfile.mkdtemp())
    >>> out = export_bundle(Journal(folder), folder / "s1001.json", learner="s1001")
    >>> json.loads(out.read_text(encoding="utf-8"))["learner"]
    's1001'
    """
    bundle = make_bundle(journal, learner=learner)
    return write_text_atomically(Path(path), json.dumps(bundle, ensure_ascii=False, indent=1))
