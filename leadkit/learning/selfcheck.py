"""Self-check questions with feedback that explains why — the core behind the quiz widget.

Questions are data (``datasets/selfchecks/<id>.yaml``): each option says whether it is correct
and carries its own feedback, so a wrong answer teaches as much as a right one. The order in the
file says nothing: a learner sees the options in an order shuffled for them and for that
question (:func:`option_order`), the same after every restart.

Examples
--------
>>> from leadkit.learning.selfcheck import load_selfcheck, check_answer
>>> qs = load_selfcheck("00-start-here")
>>> q = qs[0]
>>> right = next(o["id"] for o in q["options"] if o["correct"])
>>> check_answer(q, right).correct
True
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from leadkit.content.datafile import load_validated
from leadkit.content.paths import kit_file, kit_ids
from leadkit.errors import FrameworkFileError, UnknownIdError
from leadkit.i18n import tr

__all__ = ["Feedback", "list_selfchecks", "load_selfcheck", "check_answer", "option_order"]


@dataclass(frozen=True)
class Feedback:
    """The outcome of one answer to a self-check question.

    Attributes
    ----------
    correct : bool
        Whether the answer is right.
    message : str
        Right or wrong, and why, in the current language.
    """

    correct: bool
    message: str


def list_selfchecks() -> list[str]:
    """The ids of the self-check sets that ship with the kit (one per notebook).

    Returns
    -------
    list of str
        The set ids, sorted; they match the notebooks' names.

    Examples
    --------
    >>> list_selfchecks()[:2]
    ['00-start-here', '01-agile-cmo']
    """
    return kit_ids("selfchecks")


def load_selfcheck(id_or_path: str | Path) -> list[dict]:
    """Load and validate a self-check set by id or path; returns its list of questions.

    Parameters
    ----------
    id_or_path : str or pathlib.Path
        A set id of the kit (see :func:`list_selfchecks`), or the path of a self-check YAML
        file (anything with a suffix is taken as a path).

    Returns
    -------
    list of dict
        The questions, each with ``id``, its text and ``options`` (each with ``id``,
        ``correct`` and ``feedback``).

    Raises
    ------
    FrameworkFileError
        The file does not pass the self-check schema, or a question has no correct option.

    Examples
    --------
    >>> questions = load_selfcheck("00-start-here")
    >>> len(questions), questions[0]["id"]
    (2, 'instruments')
    """
    path = Path(id_or_path)
    if not path.suffix:
        path = kit_file("selfchecks", str(id_or_path))
    doc = load_validated(path, "selfcheck")
    for i, q in enumerate(doc["questions"]):
        if not any(o["correct"] for o in q["options"]):
            raise FrameworkFileError(
                str(path), f"questions[{i}].options", "no option is marked correct: true"
            )
    return doc["questions"]


def check_answer(question: dict, option_id: str | None) -> Feedback:
    """Judge one answer and return its feedback; no answer yet is not judged as wrong.

    Parameters
    ----------
    question : dict
        One question of :func:`load_selfcheck`.
    option_id : str or None
        The option the learner chose; ``None`` asks to choose first and is not correct.

    Returns
    -------
    Feedback
        ``correct`` and the message in the current language.

    Raises
    ------
    UnknownIdError
        The question has no option with this id.

    Examples
    --------
    >>> question = load_selfcheck("00-start-here")[0]
    >>> check_answer(question, "b").correct, check_answer(question, "a").correct
    (True, False)
    """
    if option_id is None:
        return Feedback(
            False, tr("Choose an answer first.")
        )
    for option in question["options"]:
        if option["id"] == option_id:
            verdict = (
                tr("Correct.")
                if option["correct"]
                else tr("Not quite.")
            )
            return Feedback(option["correct"], f"{verdict} {tr(option['feedback'])}")
    known = ", ".join(o["id"] for o in question["options"])
    raise UnknownIdError(f"question {question['id']!r} has no option {option_id!r}; "
                         f"options: {known}")


def option_order(question: dict, learner: str | None = None, set_id: str = "") -> list[str]:
    """The option ids of a question in the order one learner sees them.

    Each option gets the SHA-256 of the learner, the set, the question and its own id; sorting
    on it shuffles the options evenly, differently per learner and per question, and the same
    way on every run. Without a learner id (``None`` or empty) every learner gets the same
    default order, which is still shuffled and still the same on every run.

    Parameters
    ----------
    question : dict
        One question of :func:`load_selfcheck` (or of a scenario's ``check``).
    learner : str, optional
        The learner id: the one saved in the learner's journal, or the hub user name.
    set_id : str
        The self-check set (or scenario) the question belongs to, so that two sets with a
        question of the same id are shuffled apart.

    Returns
    -------
    list of str
        Every option id once.

    Examples
    --------
    >>> q = load_selfcheck("00-start-here")[0]
    >>> order = option_order(q, "s2501030", "00-start-here")
    >>> sorted(order) == sorted(o["id"] for o in q["options"])
    True
    >>> order == option_order(q, "s2501030", "00-start-here")
    True
    >>> option_order(q, None, "00-start-here") == option_order(q, "", "00-start-here")
    True
    """
    key = "\x1f".join([learner or "", set_id, str(question["id"])])

    def rank(option_id: str) -> str:
        return hashlib.sha256(f"{key}\x1f{option_id}".encode()).hexdigest()

    return sorted((o["id"] for o in question["options"]), key=rank)
