"""Hand-ins: the learners' bundles a teacher collects, the roster, and the pseudonyms.

:func:`load_bundles` reads a folder of bundle files (see :mod:`leadkit.store.bundle`), checks
each one (format, version, size, one score per element, learner ids on the roster) and names
the file and the place of every problem. :func:`pseudonymise` replaces a learner id by
``L-`` and the first 10 hex digits of SHA-256(salt + 0x1F + id in lower case, stripped): only
someone holding the salt (a private file made with :func:`read_salt` ``create=True``) can link
a pseudonym to a learner.

Examples
--------
>>> pseudonymise("s1001", "a-long-private-class-salt")
'L-2809a7ef0f'
>>> len(load_bundles(sample_bundles_dir()))
24
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import re
import secrets
from pathlib import Path
from typing import Any

from leadkit.content.paths import data_dir
from leadkit.errors import InputError
from leadkit.i18n import tr
from leadkit.store.bundle import BUNDLE_FORMAT, BUNDLE_VERSION
from leadkit.store.safe_output import plain_text

__all__ = ["MAX_BUNDLE_BYTES", "sample_bundles_dir", "load_bundles", "read_roster", "new_salt",
           "read_salt", "check_salt", "pseudonymise"]

#: A bundle larger than this is refused unread (a real one is a few kilobytes).
MAX_BUNDLE_BYTES = 5_000_000
_MIN_SALT = 16
_SLUG = re.compile(r"[a-z][a-z0-9]*(-[a-z0-9]+)*")


def sample_bundles_dir() -> Path:
    """The folder of synthetic sample bundles (24 learners) that ships with the kit.

    Returns
    -------
    pathlib.Path
        The folder inside the installed kit; read it with :func:`load_bundles`.

    Examples
    --------
    >>> sample_bundles_dir().name
    'bundles'
    >>> len(list(sample_bundles_dir().glob("*.json")))
    24
    """
    return data_dir() / "samples" / "bundles"


# -- reading -------------------------------------------------------------------------------------
def _lone_surrogate(value: Any) -> bool:
    """Whether any text in a parsed JSON document holds a lone surrogate (not valid Unicode)."""
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return True
        return False
    if isinstance(value, dict):
        return any(_lone_surrogate(k) or _lone_surrogate(v) for k, v in value.items())
    if isinstance(value, list):
        return any(_lone_surrogate(v) for v in value)
    return False


def _finite_number(value: Any) -> bool:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return False
    try:
        return math.isfinite(float(value))
    except OverflowError:  # an integer of hundreds of digits
        return False


def _check_bundle(doc: Any, file: str) -> dict:
    def bad(problem: str, expected: str | None = None) -> InputError:
        return InputError(file, problem, expected=expected)

    if not isinstance(doc, dict) or doc.get("format") != BUNDLE_FORMAT:
        raise bad(tr("this is not a leadkit bundle"),
                  tr("a file made by 'leadkit portfolio --bundle'"))
    if _lone_surrogate(doc):
        raise bad(tr("the file holds text that is not valid Unicode (a lone surrogate)"),
                  tr("a bundle as the kit writes it"))
    version = doc.get("version")
    if not isinstance(version, int) or isinstance(version, bool) \
            or not 1 <= version <= BUNDLE_VERSION:
        raise bad(tr("bundle version {version} is not known to this leadkit").format(
                      version=repr(version)[:40]),
                  tr("version 1 to {BUNDLE_VERSION}; update leadkit for newer bundles").format(
                      BUNDLE_VERSION=BUNDLE_VERSION))
    if not isinstance(doc.get("learner"), str) or not doc["learner"].strip():
        raise bad(tr("the learner id is missing"), tr("a non-empty 'learner'"))
    for key in ("scores", "shared_entries"):
        if not isinstance(doc.get(key), list):
            raise bad(tr("'{key}' is missing or not a list").format(key=key))
    for i, s in enumerate(doc["scores"]):
        if not isinstance(s, dict) or not all(isinstance(s.get(k), str) and _SLUG.fullmatch(
                s[k]) for k in ("framework", "element")):
            raise bad(tr("scores[{i}] has no valid 'framework' and 'element' ids").format(i=i))
        if "score" not in s:
            raise bad(tr("scores[{i}] has no 'score'").format(i=i), tr("a number or null"))
        value = s["score"]
        if value is not None and not _finite_number(value):
            raise bad(tr("scores[{i}].score is {value}").format(i=i, value=repr(value)[:40]),
                      tr("a number or null"))
        if s.get("instrument_form", "self") not in ("self", "observer"):
            raise bad(tr("scores[{i}].instrument_form is {value}").format(
                          i=i, value=repr(s.get("instrument_form"))[:40]),
                      tr("'self' or 'observer'"))
        answered = s.get("n_answered")
        if answered is not None and (isinstance(answered, bool)
                                     or not isinstance(answered, int) or not 0 <= answered < 10**6):
            raise bad(tr("scores[{i}].n_answered is {value}").format(
                          i=i, value=repr(answered)[:40]), tr("a whole number or null"))
    first: dict[tuple, int] = {}
    for i, s in enumerate(doc["scores"]):
        seen = (s["framework"], s["element"], s.get("instrument_form", "self"))
        if seen in first:  # one learner counted twice would look like two learners
            raise bad(tr("scores[{i}] repeats {framework}/{element} of scores[{first}]").format(
                          i=i, framework=seen[0], element=seen[1], first=first[seen]),
                      tr("each element once per bundle"))
        first[seen] = i
    for i, e in enumerate(doc["shared_entries"]):
        if not isinstance(e, dict) or not isinstance(e.get("text"), str) \
                or not isinstance(e.get("prompt_id"), str):
            raise bad(tr("shared_entries[{i}] has no 'prompt_id' and 'text'").format(i=i))
    counts = doc.get("counts", {})
    if not isinstance(counts, dict) or not all(
            isinstance(v, int) and not isinstance(v, bool) and 0 <= v < 10**6
            for v in counts.values()):
        raise bad(tr("'counts' is not a table of whole numbers"),
                  tr("counts as the kit writes them: a whole number per kind of reflection"))
    return doc


def read_roster(roster: str | os.PathLike[str] | list[str] | tuple[str, ...] | set[str]
                ) -> set[str]:
    """The learner ids a teacher expects, normalised as :func:`pseudonymise` compares them.

    ``roster`` is a list of ids, or the path of a text or CSV file with one id per line (a
    header ``learner`` or ``student`` and further columns are allowed; the first column counts).

    Parameters
    ----------
    roster : list, tuple or set of str, or path-like
        The expected learner ids, or the path of a text or CSV file that lists them.

    Returns
    -------
    set of str
        The ids stripped of spaces and in lower case.

    Raises
    ------
    InputError
        The roster file does not exist, or the roster lists no ids at all.

    Examples
    --------
    >>> sorted(read_roster([" S1001", "s1002 "]))
    ['s1001', 's1002']
    """
    if isinstance(roster, (list, tuple, set)):
        ids = [str(r) for r in roster]
        where = "roster"
    else:
        path = Path(roster).expanduser()
        where = str(path)
        if not path.is_file():
            raise InputError(where, tr("the roster file does not exist"),
                             expected=tr("a CSV or text file with one learner id per line"))
        text = path.read_text(encoding="utf-8-sig")
        ids = [line.replace(";", ",").split(",")[0] for line in text.splitlines()]
        if ids and ids[0].strip().casefold() in {"learner", "student", "id", "studentnummer"}:
            ids = ids[1:]
    normalised = {_key(i) for i in ids if i.strip()}
    if not normalised:
        raise InputError(where, tr("the roster lists no learner ids"))
    return normalised


def _key(learner_id: str) -> str:
    return " ".join(str(learner_id).split()).casefold()


def _read_bundle_file(path: Path) -> dict:
    if not path.is_file():  # a FIFO, a socket or a folder named *.json: never opened
        raise InputError(str(path), tr("this is not a regular file"),
                         expected=tr("a bundle file made by leadkit"))
    size = path.stat().st_size
    if size > MAX_BUNDLE_BYTES:
        raise InputError(str(path),
                         tr("the file is {size:,} bytes, more than a bundle can be").format(
                                        size=size),
            expected=tr("at most {MAX_BUNDLE_BYTES:,} bytes").format(
                         MAX_BUNDLE_BYTES=MAX_BUNDLE_BYTES))
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        problem = str(exc)[:120]
        raise InputError(str(path), f"not a readable JSON file ({problem})",
                         expected="a bundle made by leadkit") from None


def load_bundles(folder: str | os.PathLike[str], *,
                 roster: str | os.PathLike[str] | list[str] | None = None) -> list[dict]:
    """Read every ``*.json`` bundle in a folder, one per learner.

    Learner ids are compared as :func:`pseudonymise` does (case and spaces ignored). Two files
    with the same learner are an error that names both files: the teacher decides which one
    counts, so a second file can never replace or double a learner silently. With a
    ``roster`` (see :func:`read_roster`) a bundle of a learner who is not on it is refused,
    so made-up ids cannot lift a small group over the anonymity floor.

    Parameters
    ----------
    folder : path-like
        The folder with the learners' ``*.json`` bundles.
    roster : list of str or path-like, optional
        The learners the teacher expects (see :func:`read_roster`). Default ``None`` accepts
        any learner id.

    Returns
    -------
    list of dict
        One bundle per learner, each with the file it came from under ``"_file"``.

    Raises
    ------
    InputError
        Naming the first file that is not a regular file, too large, not valid JSON or not a
        leadkit bundle; both files of a learner who handed in twice; a learner not on the
        roster; or the folder when it holds no bundle at all.

    Examples
    --------
    >>> bundles = load_bundles(sample_bundles_dir())
    >>> len(bundles), sorted(bundles[0])[:3]
    (24, ['_file', 'counts', 'exported'])
    """
    folder = Path(folder).expanduser()
    files = sorted(folder.glob("*.json")) if folder.is_dir() else []
    if not files:
        raise InputError(str(folder), "no bundle files (*.json) found in this folder",
                         expected="the learners' files made with 'leadkit portfolio --bundle'")
    expected = read_roster(roster) if roster is not None else None
    seen: dict[str, dict] = {}
    for path in files:
        doc = _check_bundle(_read_bundle_file(path), str(path))
        key = _key(doc["learner"])
        if expected is not None and key not in expected:
            raise InputError(str(path), tr("the learner id '{value}' is not on the roster").format(
                                            value=plain_text(doc['learner'])[:40]),
                expected=tr("bundles of the learners on the roster only"))
        if key in seen:
            raise InputError(str(path), tr("this bundle has the same learner as {value}").format(
                                            value=seen[key]['_file']),
                expected=tr("one bundle per learner: remove the one that should not count"))
        seen[key] = {**doc, "_file": str(path)}
    return list(seen.values())


# -- pseudonyms ----------------------------------------------------------------------------------
def new_salt() -> str:
    """A fresh random salt (32 hex digits) for a new class.

    Returns
    -------
    str
        32 hexadecimal digits from :mod:`secrets`; different on every call.

    Examples
    --------
    >>> salt = new_salt()
    >>> len(salt), salt != new_salt()
    (32, True)
    """
    return secrets.token_hex(16)


def read_salt(path: str | os.PathLike[str], *, create: bool = False) -> str:
    """Read the teacher's salt from a file; with ``create=True`` make one if it is missing.

    Parameters
    ----------
    path : path-like
        The salt file.
    create : bool, default False
        Make the file with a :func:`new_salt` (readable by its owner only) when it does not
        exist. With the default a missing file is an error.

    Returns
    -------
    str
        The salt, without surrounding spaces.

    Raises
    ------
    InputError
        The file does not exist and ``create`` is false, or it holds no usable salt.

    Examples
    --------
    >>> import tempfile
    >>> from pathlib import Path
    >>> path = Path(tempfile.mkdtemp()) / "salt.txt"
    >>> salt = read_salt(path, create=True)
    >>> read_salt(path) == salt, len(salt)
    (True, 32)
    """
    path = Path(path).expanduser()
    if not path.exists():
        if not create:
            raise InputError(str(path), "the salt file does not exist",
                             expected="the file kept from earlier, or create it anew")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(new_salt() + "\n", encoding="utf-8")
        if os.name == "posix":
            path.chmod(0o600)  # the salt is the key to the pseudonyms: owner only
    salt = path.read_text(encoding="utf-8").strip()
    check_salt(salt, str(path))
    return salt


def check_salt(salt: str, where: str = "salt") -> None:
    """Refuse a salt too short to keep the pseudonyms private.

    Parameters
    ----------
    salt : str
        The teacher's private salt.
    where : str, default 'salt'
        What to call it in the message.

    Returns
    -------
    None
        Raises :class:`~leadkit.errors.LeadkitError` when the salt is too short.

    Examples
    --------
    >>> check_salt("a-long-private-class-salt") is None
    True
    >>> check_salt("short")
    Traceback (most recent call last):
    ...
    leadkit.errors.InputError: salt: the salt is too short to protect learner ids (expected \
at least 16 characters, e.g. from new_salt())
    """
    if not isinstance(salt, str) or len(salt.strip()) < _MIN_SALT:
        raise InputError(where, "the salt is too short to protect learner ids",
                         expected=f"at least {_MIN_SALT} characters, e.g. from new_salt()")


def pseudonymise(learner_id: str, salt: str) -> str:
    """The learner's pseudonym: ``"L-"`` + 10 hex digits of a salted SHA-256 (see module).

    Parameters
    ----------
    learner_id : str
        The learner's id; case and surrounding spaces do not matter.
    salt : str
        The teacher's private salt of the class.

    Returns
    -------
    str
        ``"L-"`` followed by 10 hexadecimal digits; the same id and salt always give the same
        pseudonym.

    Raises
    ------
    InputError
        The salt is not a string of at least 16 characters (:func:`check_salt`).

    Examples
    --------
    >>> pseudonymise(" S1001 ", "a-long-private-class-salt")
    'L-2809a7ef0f'
    """
    check_salt(salt)
    key = str(learner_id).strip().casefold()
    digest = hashlib.sha256(salt.strip().encode() + b"\x1f" + key.encode()).hexdigest()
    return "L-" + digest[:10]


# -- class tables ---------------------------------------------------------------------------------
