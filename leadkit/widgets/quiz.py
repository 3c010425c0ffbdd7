"""The self-check widget: multiple-choice questions with instant feedback that explains why.

The options of each question appear in an order shuffled per learner and per question
(:func:`leadkit.learning.selfcheck.option_order`), seeded by the learner id the kit already
knows: the one saved in the learner's journal (set when they hand in), otherwise the hub user
name. A restart shows the same order; without any learner id every learner sees one default
order.
"""

from __future__ import annotations

import html
import os

import ipywidgets as w

from leadkit.errors import LeadkitError
from leadkit.i18n import on_language_change, tr
from leadkit.learning.selfcheck import check_answer, load_selfcheck, option_order
from leadkit.store.journal import Journal, default_journal_path
from leadkit.widgets._common import wrap_options

__all__ = ["self_check"]


def _known_learner() -> str | None:
    """The learner id saved in the journal, else the hub user name, else None.

    The journal is only read when it exists: asking for the order never creates one.
    """
    path = default_journal_path()
    if path.is_file():
        try:
            learner = Journal(path).learner
        except LeadkitError:  # a damaged journal must not stop a quiz; fall back to the hub
            learner = None
        if learner:
            return learner
    return os.environ.get("JUPYTERHUB_USER", "").strip() or None


def _question_box(number: int, question: dict, learner: str | None, set_id: str) -> w.VBox:
    by_id = {o["id"]: o for o in question["options"]}
    shown = [by_id[i] for i in option_order(question, learner, set_id)]

    def labelled() -> list[tuple[str, str]]:
        return [(tr(o["label"]), o["id"]) for o in shown]

    choices = w.RadioButtons(options=labelled(), value=None, layout=w.Layout(width="auto"))
    button = w.Button()
    feedback, title = w.HTML(), w.HTML()

    def on_check(_button: w.Button) -> None:
        result = check_answer(question, choices.value)
        # A mark and a word, not colour alone, says right or wrong.
        mark = "✔" if result.correct else "✘"
        feedback.value = f"<p><b>{mark}</b> {html.escape(result.message)}</p>"

    def relabel(_language: str | None = None) -> None:
        # The question, its options, the button and any feedback given: all in the new language,
        # the options in the same shuffled order.
        chosen = choices.value
        choices.options = labelled()
        choices.value = chosen
        title.value = f"<p><b>{number}. {html.escape(tr(question['question']))}</b></p>"
        button.description = tr("Check")
        button.tooltip = tr("Check your answer")
        if feedback.value:
            on_check(button)

    relabel()
    button.on_click(on_check)
    on_language_change(relabel)
    box = w.VBox([title, choices, button, feedback])
    box.choices, box.button, box.feedback = choices, button, feedback
    return box


def self_check(questions: str | list[dict], *, set_id: str | None = None,
               learner: str | None = None) -> w.VBox:
    """Ask self-check questions and give feedback on each answer.

    The questions are a set id (``datasets/selfchecks/<id>.yaml``) or a list of questions in
    the same format (as a scenario's ``check`` section).

    Parameters
    ----------
    questions : str or list of dict
        A self-check set id, or its questions (see
        :func:`leadkit.learning.selfcheck.load_selfcheck`).
    set_id : str, optional
        What the questions belong to, for the shuffle: default the set id when ``questions``
        is one, else empty (a scenario passes its own id).
    learner : str, optional
        Whose order to show. Default: the learner id saved in the journal, else the hub user
        name (``JUPYTERHUB_USER``), else one default order for everyone.

    Returns
    -------
    ipywidgets.VBox
        One box per question, also kept in its ``questions`` attribute.

    Examples
    --------
    >>> len(self_check("00-start-here").questions)
    2
    """
    if isinstance(questions, str):
        set_id = questions if set_id is None else set_id
        questions = load_selfcheck(questions)
    if learner is None:
        learner = _known_learner()
    boxes = [_question_box(i, q, learner, set_id or "") for i, q in enumerate(questions, 1)]
    box = wrap_options(w.VBox(boxes))
    box.questions = boxes
    return box
