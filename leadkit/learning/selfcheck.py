"""Self-check questions with feedback that explains why — the core behind the quiz widget.

Questions are data (``datasets/selfchecks/<id>.yaml``): each option says whether it is correct
and carries its own feedback, so a wrong answer teaches as much as a right one.

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

from dataclasses import dataclass
from pathlib import Path

from leadkit.content.datafile import load_validated
from leadkit.content.paths import data_dir
from leadkit.errors import FrameworkFileError, UnknownIdError
from leadkit.i18n import tr

__all__ = ["Feedback", "list_selfchecks", "load_selfcheck", "check_answer"]


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
    return sorted(p.stem for p in (data_dir() / "selfchecks").glob("*.yaml"))


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
        path = data_dir() / "selfchecks" / f"{id_or_path}.yaml"
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
